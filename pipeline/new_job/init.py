"""`init`: a new job folder with a commented `job.toml`, an input workbook and a README.

Staff start from a workbook that already has the program's column headers, a frozen
header row, drop-down lists and range checks with Vietnamese prompts, so most mistakes
are refused in Excel while typing, before `check` or `run` sees them. With `--from`, the
criteria tree or the unit list of an earlier job, and its settings, are carried over with
the points, the document number and the date emptied for the new period.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.base.errors import InputErrors, Problem, Reason, problem
from pipeline.config.components import Component
from pipeline.config.job_settings import SETTINGS_FILE
from pipeline.config.kinds import KINDS, Kind
from pipeline.config.scheme import available_schemes, scheme_data, scheme_from_data
from pipeline.new_job.readme import job_readme
from pipeline.new_job.settings_text import placeholder_settings, settings_text, starter_of
from pipeline.new_job.workbook import input_workbook
from pipeline.read.job_folder import read_job, settings_data
from pipeline.scoring.normalise import normalise_criteria, normalise_units
from pipeline.write.files import write_outputs

_ROLLUP_WORDS = {"sum": "cộng", "choose": "chọn một"}


def init_job(kind_id: str, folder: Path, source: Path | None = None, scheme: str | None = None) -> list[Path]:
    """Creates `folder` with job.toml, the input workbook and README.md; returns the files written.

    Refuses a folder that exists and is not empty. With `source`, an existing job of the same
    kind, its settings and its criteria or units are carried over with the points emptied. With `scheme`
    ("par-index@2020"), the job uses that scheme; a units' table then has its declared components as columns.
    """
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InputErrors([problem(Reason.JOB_FOLDER_EXISTS, value=folder.as_posix())])
    kind = KINDS[kind_id]
    workbook = starter_of(kind).workbook
    rows: list[dict[str, Any]]
    extra: dict[str, bytes]
    if source is None:
        values, rows, extra = placeholder_settings(kind), [], {}
    else:
        values, rows, extra = _from_source(kind, source)
    if scheme is not None:
        scheme_data(scheme, SETTINGS_FILE)  # an unknown scheme or version refused, naming those that exist
        scheme_id, _, version = scheme.partition("@")
        values = {**values, "scheme": f"{scheme_id}@{version or available_schemes()[scheme_id][-1]}"}
    components = _components(values) if kind.reads_unit_table else ()
    values = {**values, "data": workbook}
    groups = [g["name"] for g in values.get("groups", [])]
    return write_outputs(folder, {
        SETTINGS_FILE: settings_text(kind, values, source).encode("utf-8"),
        workbook: input_workbook(kind, rows, groups, components=components),
        "README.md": job_readme(kind, folder, source).encode("utf-8"),
        **extra,
    })


def _components(values: dict[str, Any]) -> tuple[Component, ...]:
    """The components of the job's scheme, the job's own list where its `[scheme_overrides]` has one."""
    data, path = scheme_data(str(values["scheme"]), SETTINGS_FILE)
    overrides = values.get("scheme_overrides", {})
    if isinstance(overrides, dict) and "components" in overrides:
        data = {**data, "components": overrides["components"]}
    return scheme_from_data(data, path).components


def _from_source(kind: Kind, source: Path) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, bytes]]:
    """The source's settings for a new period, its rows without points, and a copy of its own template."""
    try:
        settings, sheets = read_job(source)
    except InputErrors as exc:
        raise _source_invalid(source, exc.problems) from exc
    if settings.kind != kind.id:
        raise InputErrors([problem(Reason.SOURCE_KIND_MISMATCH, value=source.as_posix(), kind=kind.id,
                                   source_kind=settings.kind)])
    if kind.reports_one_unit:
        criteria, errors = normalise_criteria(sheets)
        rows = [{"code": r["code"], "title": r["title"], "max_points": r["max_points"],
                 "rollup": _ROLLUP_WORDS.get(r["rollup"])} for r in criteria]
    else:
        units, errors = normalise_units(sheets, settings.groups, settings.scheme.scale, settings.scheme.components)
        rows = [{"order": n, "group": group.name, "unit": unit["unit"], "max_points": unit["max_points"]}
                for group in settings.groups
                for n, unit in enumerate((u for u in units if u["group"] == group.name), 1)]
    if errors:
        raise _source_invalid(source, errors)
    values = settings_data(source)
    document = {**values.get("document", {}), "number": "", "date": ""}
    template: dict[str, bytes] = {}
    if document.get("template"):
        name = Path(document["template"]).name
        template[name] = (source / document["template"]).read_bytes()
        document["template"] = name
    values = {**values, "document": document}
    if "groups" in values:
        values["groups"] = [{k: v for k, v in g.items() if k != "sheet"} for g in values["groups"]]
    return values, rows, template


def _source_invalid(source: Path, problems: tuple[Problem, ...] | list[Problem]) -> InputErrors:
    return InputErrors([problem(Reason.SOURCE_JOB_INVALID, value=source.as_posix()), *problems])

"""`init` for a campaign (`dot-danh-gia`): the job, its register of units, one workbook per unit.

The criteria tree comes from a workbook holding a criteria table (`--criteria`) or from an
earlier job (`--from`: a campaign's first unit table, or a self-assessment's table); the
register is empty, or the earlier campaign's (names, groups, headers and signers kept; the
points and reasons of that period left out). Each registered unit gets its workbook with the
tree, its "Đơn vị:" and "Khối:" lines, and the self and appraised columns empty and
validated; with an empty register, a blank unit workbook and the README say what to do.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from pipeline.base.errors import InputErrors, Problem, Reason, problem
from pipeline.base.messages_init import (
    CAMPAIGN_GROUPS,
    CAMPAIGN_REPORTS,
    CRITERIA_WHY,
    GROUP_LINE,
    TEMPLATE_FILE,
    UNIT_LINE,
    campaign_readme,
)
from pipeline.config.job_settings import SETTINGS_FILE, JobSettings
from pipeline.config.kinds import KINDS, REGISTER_STARTER, KindId
from pipeline.new_job.settings_text import placeholder_settings, settings_text, starter_of
from pipeline.new_job.workbook import input_workbook, register_workbook
from pipeline.read.columns import CRITERIA_TABLE
from pipeline.read.job_folder import read_data_file, read_job, settings_data
from pipeline.read.sheet import Sheet
from pipeline.scoring.campaign import assessed_units
from pipeline.scoring.normalise import normalise_criteria
from pipeline.scoring.register import read_register
from pipeline.scoring.tables import locate_tables
from pipeline.write.files import write_outputs

KIND = KindId.CAMPAIGN
_ROLLUP_WORDS = {"sum": "cộng", "choose": "chọn một"}
_CARRIED = ("kind", "scheme", "scheme_overrides", "data", "register", "groups", "document", "reports")


def init_campaign(folder: Path, criteria: Path | None = None, source: Path | None = None) -> list[Path]:
    """Creates the campaign job in `folder` (which must not hold files); returns the files written."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        present = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) \
            if folder.is_dir() else [folder.name]
        shown = ", ".join(present[:8]) + (f" và {len(present) - 8} tệp khác" if len(present) > 8 else "")
        raise InputErrors([problem(Reason.INIT_FOLDER_HAS_FILES, value=folder.as_posix(), files=shown)])
    if criteria is None and source is None:
        raise InputErrors([problem(Reason.INIT_NO_CRITERIA)])
    kind = KINDS[KIND]
    values: dict[str, Any] = _new_settings()
    register: list[dict[str, Any]] = []
    tree: list[dict[str, Any]] = []
    if source is not None:
        values, tree, register = _from_source(source)
    if criteria is not None:
        tree = criteria_tree(criteria)
    data, register_file = values["data"], values["register"]
    groups = [g["name"] for g in values["groups"]]
    files: dict[str, bytes] = {
        SETTINGS_FILE: settings_text(kind, values, source).encode("utf-8"),
        register_file: register_workbook(register, groups),
    }
    width = max(2, len(str(len(register))))
    for number, entry in enumerate(register, 1):
        above = ((UNIT_LINE, entry["unit"]), (GROUP_LINE, entry.get("group", "")))
        files[f"{data}/{number:0{width}d}-{slug(entry['unit'])}.xlsx"] = input_workbook(kind, tree, [], above)
    if not register:
        files[TEMPLATE_FILE] = input_workbook(kind, tree, [], ((UNIT_LINE, ""), (GROUP_LINE, "")))
    command = f"python -m pipeline init {folder.as_posix()} --kind {KIND}" + \
        (f" --criteria {criteria.as_posix()}" if criteria else "") + (f" --from {source.as_posix()}" if source else "")
    files["README.md"] = campaign_readme(folder.name, command, folder.as_posix(), len(register), register_file,
                                         data).encode("utf-8")
    written = write_outputs(folder, files)
    (folder / data).mkdir(exist_ok=True)  # where the units' workbooks go, even before the register is filled
    return written


def _new_settings() -> dict[str, Any]:
    values = placeholder_settings(KINDS[KIND])
    return {**values, "data": starter_of(KINDS[KIND]).workbook, "register": REGISTER_STARTER.workbook,
            "groups": [dict(g) for g in CAMPAIGN_GROUPS], "appraisal": {"done": False},
            "reports": dict(CAMPAIGN_REPORTS)}


def criteria_tree(path: Path) -> list[dict[str, Any]]:
    """The rows of the first criteria table in the workbook at `path` (codes, titles, maxima, roll-ups)."""
    if not path.is_file():
        raise InputErrors([problem(Reason.INIT_CRITERIA_INVALID, value=path.as_posix(), why=CRITERIA_WHY.missing)])
    try:
        sheets = read_data_file(path)
    except InputErrors as exc:
        raise InputErrors([problem(Reason.INIT_CRITERIA_INVALID, value=path.as_posix(), why=CRITERIA_WHY.errors),
                           *exc.problems]) from exc
    tree, errors = _tree(sheets)
    if errors or not tree:
        why = (CRITERIA_WHY.no_table if any(p.reason is Reason.NO_TABLE for p in errors) else
               CRITERIA_WHY.errors if errors else CRITERIA_WHY.empty)
        raise InputErrors([problem(Reason.INIT_CRITERIA_INVALID, value=path.as_posix(), why=why),
                           *(p for p in errors if p.reason is not Reason.NO_TABLE)])
    return tree


def _tree(sheets: list[Sheet]) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The first sheet holding a criteria table, as rows without points."""
    tables, errors = locate_tables(sheets, CRITERIA_TABLE)
    if not tables:
        return [], errors
    criteria, errors = normalise_criteria([tables[0].sheet])
    return [{"code": r["code"], "title": r["title"], "max_points": r["max_points"],
             "rollup": _ROLLUP_WORDS.get(r["rollup"])} for r in criteria], errors


def _from_source(source: Path) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """An earlier job's settings for a new period, its tree, its register (or its units) without points."""
    try:
        settings, sheets = read_job(source)
    except InputErrors as exc:
        raise _source_invalid(source, exc.problems) from exc
    if settings.kind not in (KIND, KindId.SELF_REPORT):
        raise InputErrors([problem(Reason.SOURCE_KIND_MISMATCH, value=source.as_posix(), kind=KIND,
                                   source_kind=settings.kind)])
    tree, errors = _tree(sheets)
    if errors or not tree:
        raise _source_invalid(source, errors)
    if settings.kind != KIND:
        return _new_settings(), tree, []
    register = _register_rows(settings, sheets)
    earlier = settings_data(source)
    values = {**_new_settings(), **{k: earlier[k] for k in _CARRIED if k in earlier}}
    values["document"] = {**values.get("document", {}), "number": "", "date": ""}
    values["register"] = values.get("register") or REGISTER_STARTER.workbook
    values["data"] = values["data"] if isinstance(values["data"], str) else starter_of(KINDS[KIND]).workbook
    values["groups"] = [{k: v for k, v in g.items() if k != "sheet"} for g in values["groups"]]
    values["appraisal"] = {"done": False}
    return values, tree, register


def _register_rows(settings: JobSettings, sheets: list[Sheet]) -> list[dict[str, Any]]:
    """The earlier register's units (names, groups, headers, signers, notes), or the units of its tables."""
    if settings.register is None:
        reports, errors, _ = assessed_units(settings, sheets)
        if errors:
            raise _source_invalid(settings.folder, errors)
        return [{"order": n, "unit": r.unit, "group": r.group} for n, r in enumerate(reports, 1)]
    entries, errors = read_register(settings, read_data_file(settings.register))
    if errors:
        raise _source_invalid(settings.folder, errors)
    rows = []
    for number, entry in enumerate(entries, 1):
        header = {name: "\n".join(value) if isinstance(value, tuple) else value for name, value in entry.header}
        rows.append({"order": number, "unit": entry.unit, "group": entry.group, **header, "note": entry.note or None})
    return rows


def _source_invalid(source: Path, problems: tuple[Problem, ...] | list[Problem]) -> InputErrors:
    return InputErrors([problem(Reason.SOURCE_JOB_INVALID, value=source.as_posix()), *problems])


def slug(name: str) -> str:
    """A unit's name as a file name: no diacritics, lower case, words joined by "-"."""
    plain = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    return re.sub(r"[^a-z0-9]+", "-", plain.encode("ascii", "ignore").decode().lower()).strip("-")[:60] or "don-vi"

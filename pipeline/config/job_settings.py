"""A job's settings (`job.toml`): document kind, scheme, groups, data files, document metadata.

`settings_from_data` validates the parsed TOML and builds one typed `JobSettings`; every
problem is reported at once with the key that holds it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from pipeline.base.errors import InputErrors, Problem, Reason, problem
from pipeline.config.document_settings import DocumentSettings, document_from_data
from pipeline.config.kinds import KINDS, REPORT_KIND, Kind, Output, kind_choices
from pipeline.config.scheme import Label, Scheme, labels_from_data, scheme_data, scheme_from_data
JOB_FIELDS = {"kind", "scheme", "scheme_overrides", "data", "unit", "group", "groups", "document", "reports"}
GROUP_FIELDS = {"name", "sheet", "title", "subtitle", "labels"}
SETTINGS_FILE = "job.toml"
DATA_SUFFIXES = (".xlsx", ".csv")


@dataclass(frozen=True)
class Group:
    """A group of units ranked together (khối), and where its rows are in the workbook."""

    name: str
    sheet: str
    title: str = ""
    subtitle: str = ""
    labels: tuple[Label, ...] | None = None


@dataclass(frozen=True)
class JobSettings:
    folder: Path
    kind: str
    scheme: Scheme
    data_files: tuple[Path, ...]
    groups: tuple[Group, ...]
    unit: str = ""
    document: DocumentSettings = field(default_factory=DocumentSettings)
    reports: DocumentSettings | None = None  # a batch's per-unit report; "{don_vi}" stands for the unit

    @property
    def name(self) -> str:
        return self.folder.name

    @property
    def kind_record(self) -> Kind:
        return KINDS[self.kind]

    @property
    def output(self) -> Output:
        """The main document: the kind's document in the form `[document]` chose."""
        return self.kind_record.output(self.document.form)

    def group_named(self, name: str) -> Group | None:
        return next((g for g in self.groups if g.name == name or g.sheet == name), None)


def settings_from_data(data: Mapping[str, Any], folder: Path, data_files: list[Path]) -> JobSettings:
    """Builds `JobSettings` from parsed `job.toml`; `data_files` are the files found beside it."""
    source = SETTINGS_FILE
    errors: list[Problem] = []
    for key in sorted(set(data) - JOB_FIELDS):
        close = get_close_matches(key, JOB_FIELDS, n=1)
        hint = f" Có phải ý bạn là \"{close[0]}\"?" if close else ""
        errors.append(problem(Reason.SETTING_UNKNOWN, file=source, key=key, hint=hint))
    kind = data.get("kind")
    if kind is None:
        errors.append(problem(Reason.SETTING_MISSING, file=source, key="kind"))
    elif kind not in KINDS:
        errors.append(problem(Reason.SETTING_INVALID, file=source, key="kind", value=str(kind),
                              expected="ghi một trong " + kind_choices()))
    record = KINDS.get(kind) if isinstance(kind, str) else None
    scheme = _scheme(data, source, errors)
    files = _data_files(data.get("data"), folder, data_files, source, errors)
    groups = _groups(data, record, source, errors)
    document_data = data.get("document", {})
    if not isinstance(document_data, dict):
        errors.append(problem(Reason.SETTING_INVALID, file=source, key="document",
                              value=str(document_data), expected="cần một bảng [document]"))
        document_data = {}
    document = document_from_data(document_data, record, source, errors)
    unit = str(data.get("unit", "")).strip()
    if record is not None and record.source == "criteria" and not unit:
        errors.append(problem(Reason.SETTING_MISSING, file=source, key="unit"))
    reports = None
    if record is not None and record.reports is not None:
        reports_data = data.get("reports", {})
        if not isinstance(reports_data, dict):
            errors.append(problem(Reason.SETTING_INVALID, file=source, key="reports", value=str(reports_data),
                                  expected="cần một bảng [reports]"))
            reports_data = {}
        reports = document_from_data(reports_data, REPORT_KIND, source, errors, prefix="reports")
    elif "reports" in data:
        campaigns = ", ".join(f'"{k.id}"' for k in KINDS.values() if k.reports is not None)
        errors.append(problem(Reason.SETTING_INVALID, file=source, key="reports", value="[reports]",
                              expected=f"chỉ dùng với kind = {campaigns}"))
    if errors or scheme is None:
        raise InputErrors(errors)
    return JobSettings(folder=folder, kind=str(kind), scheme=scheme, data_files=tuple(files),
                       groups=tuple(groups), unit=unit, document=document, reports=reports)


def data_files_in(folder: Path) -> list[Path]:
    """Score files in a job folder, skipping Excel's lock files (`~$…`) and hidden files."""
    return sorted(
        p for p in folder.iterdir()
        if p.suffix.lower() in DATA_SUFFIXES and not p.name.startswith(("~$", "."))
    )


def _scheme(data: Mapping[str, Any], source: str, errors: list[Problem]) -> Scheme | None:
    reference = data.get("scheme")
    if not isinstance(reference, str) or not reference.strip():
        errors.append(problem(Reason.SETTING_MISSING, file=source, key="scheme"))
        return None
    overrides = data.get("scheme_overrides", {})
    try:
        base, _ = scheme_data(reference.strip(), source)
        if not isinstance(overrides, dict):
            raise InputErrors([problem(Reason.SETTING_INVALID, file=source, key="scheme_overrides",
                                       value=str(overrides), expected="cần một bảng")])
        for key in ("id", "version"):
            if key in overrides:
                raise InputErrors([problem(Reason.SETTING_INVALID, file=source,
                                           key=f"scheme_overrides.{key}", value=str(overrides[key]),
                                           expected="đổi bộ tiêu chí ở mục \"scheme\"")])
        try:
            return scheme_from_data({**base, **overrides}, source)
        except InputErrors as exc:  # a setting written in [scheme_overrides] is named as written there
            raise InputErrors([_overridden(p, overrides) for p in exc.problems]) from exc
    except InputErrors as exc:
        errors.extend(exc.problems)
        return None


def _overridden(found: Problem, overrides: Mapping[str, Any]) -> Problem:
    key = found.detail("key")
    if key not in overrides:
        return found
    details = tuple((k, f"scheme_overrides.{v}" if k == "key" else v) for k, v in found.details)
    return replace(found, details=details)


def _data_files(named: Any, folder: Path, found: list[Path], source: str,
                errors: list[Problem]) -> list[Path]:
    if named is None:
        if not found:
            errors.append(problem(Reason.NO_DATA_FILE, file=folder.name))
        return found
    names = [named] if isinstance(named, str) else named
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names) or not names:
        errors.append(problem(Reason.SETTING_INVALID, file=source, key="data", value=str(named),
                              expected="ghi tên tệp số liệu, ví dụ \"diem.xlsx\" hoặc [\"a.xlsx\", \"b.csv\"]"))
        return []
    paths = []
    for path in (folder / n for n in names):
        if path.is_dir():
            inside = data_files_in(path)
            if not inside:
                errors.append(problem(Reason.NO_DATA_FILE, file=str(path.relative_to(folder))))
            paths += inside
        elif path.is_file():
            paths.append(path)
        else:
            errors.append(problem(Reason.DATA_FILE_MISSING, file=path.name))
    return paths


def _groups(data: Mapping[str, Any], kind: Kind | None, source: str, errors: list[Problem]) -> list[Group]:
    items = data.get("groups")
    if kind is not None and kind.source == "criteria":
        name = str(data.get("group", "Đơn vị")).strip() or "Đơn vị"
        return [Group(name=name, sheet=name)]
    if items is None:
        errors.append(problem(Reason.SETTING_MISSING, file=source, key="groups"))
        return []
    if not isinstance(items, list) or not items:
        errors.append(problem(Reason.SETTING_INVALID, file=source, key="groups", value=str(items),
                              expected="cần ít nhất một khối [[groups]] có name"))
        return []
    groups: list[Group] = []
    for n, item in enumerate(items, 1):
        key = f"groups[{n}]"
        if not isinstance(item, dict) or not str(item.get("name", "")).strip():
            errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=str(item),
                                  expected="mỗi khối phải có tên (name)"))
            continue
        for unknown in sorted(set(item) - GROUP_FIELDS):
            errors.append(problem(Reason.SETTING_UNKNOWN, file=source, key=f"{key}.{unknown}"))
        labels = None
        if "labels" in item:
            labels = labels_from_data(item["labels"], source, f"{key}.labels", errors)
        name = str(item["name"]).strip()
        groups.append(Group(name=name, sheet=str(item.get("sheet", name)).strip(),
                            title=str(item.get("title", "")), subtitle=str(item.get("subtitle", "")),
                            labels=labels))
    names = [g.name for g in groups]
    for name in sorted({n for n in names if names.count(n) > 1}):
        errors.append(problem(Reason.SETTING_INVALID, file=source, key="groups", value=name,
                              expected="tên khối bị trùng"))
    return groups

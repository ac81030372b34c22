"""A job's settings (`job.toml`): document kind, scheme, groups, data files, document metadata.

`settings_from_data` validates the parsed TOML and builds one typed `JobSettings`; every
problem is reported at once with the key that holds it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.base.errors import InputErrors, Problem, Reason, problem
from pipeline.config.campaign_settings import campaign_parts, group_header, group_signer_problems, notice_under
from pipeline.config.catalogue import names_in
from pipeline.config.checks_settings import ChecksSettings, checks_from_data
from pipeline.config.components import Component, group_components
from pipeline.config.document_settings import DocumentSettings, document_from_data
from pipeline.config.kinds import KINDS, REPORT_KIND, Kind, Output, kind_choices
from pipeline.config.period_settings import PreviousSettings, SummarySettings, previous_from_data, summary_from_data
from pipeline.config.scheme import Label, Scheme, labels_from_data, scheme_data, scheme_from_data
from pipeline.config.values import inside, outside, shown, text, unknown_keys, wrong_type

JOB_FIELDS = set(names_in(""))
GROUP_FIELDS = set(names_in("groups"))
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
    header: tuple[tuple[str, Any], ...] = ()  # a campaign: defaults of its units' report headers (`campaign_settings`)
    components: tuple[str, ...] | None = None  # the scheme's components the group uses; `None`: as its units have


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
    scheme_overrides: tuple[str, ...] = ()  # the scheme keys `[scheme_overrides]` changed
    register: Path | None = None  # a campaign's register of units (danh mục đơn vị)
    appraisal_done: bool | None = None  # `[appraisal] done`; `None`: no `[appraisal]` (a batch of self-assessments)
    appraisal: DocumentSettings | None = None  # `[appraisal]`'s wording of each unit's notice; "{don_vi}": the unit
    checks: ChecksSettings = field(default_factory=ChecksSettings)  # `[checks]`: typed numbers checked
                                                                    # (`scoring.checks`)
    previous: PreviousSettings | None = None  # `[previous]`: the previous period, to show changes against
    summary: SummarySettings | None = None  # `[summary]`: the summary document (thông cáo kết quả) and its charts

    @property
    def decision_made(self) -> bool:
        """Whether the run makes the decision: not while an appraisal declared undone is under way."""
        return self.appraisal_done is not False

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
    unknown_keys(data, JOB_FIELDS, "", source, errors)
    kind = text(data, "kind", "kind", source, errors)
    if "kind" not in data:
        errors.append(problem(Reason.SETTING_MISSING, file=source, key="kind"))
    elif kind and kind not in KINDS:
        errors.append(problem(Reason.SETTING_INVALID, file=source, key="kind", value=kind,
                              expected="ghi một trong " + kind_choices()))
    record = KINDS.get(kind) if isinstance(kind, str) else None
    scheme = _scheme(data, source, errors)
    register, appraisal_done, appraisal = campaign_parts(data, record, folder, source, errors)
    files = _data_files(data.get("data"), folder, [f for f in data_files if register is None
                                                   or f.resolve() != register.resolve()], source, errors)
    files = [f for f in files if register is None or f.resolve() != register.resolve()]
    groups = _groups(data, record, source, errors, scheme.components if scheme is not None else ())
    document_data = data.get("document", {})
    if not isinstance(document_data, dict):
        errors.append(wrong_type("document", document_data, "một bảng [document]", source))
        document_data = {}
    document = document_from_data(document_data, record, source, errors)
    unit = text(data, "unit", "unit", source, errors)
    if record is not None and record.reports_one_unit and not unit and isinstance(data.get("unit", ""), str) \
            and not data.get("unit", "").strip():
        errors.append(problem(Reason.SETTING_MISSING, file=source, key="unit"))
    reports = None
    if record is not None and record.reports is not None:
        reports_data = data.get("reports", {})
        if not isinstance(reports_data, dict):
            errors.append(wrong_type("reports", reports_data, "một bảng [reports]", source))
            reports_data = {}
        reports = document_from_data(reports_data, REPORT_KIND, source, errors, prefix="reports")
    elif "reports" in data:
        campaigns = ", ".join(f'"{k.id}"' for k in KINDS.values() if k.reports is not None)
        errors.append(problem(Reason.SETTING_INVALID, file=source, key="reports", value="[reports]",
                              expected=f"chỉ dùng với kind = {campaigns}"))
    _unused_by_kind(data, record, source, errors)
    errors += group_signer_problems(groups, reports, source)  # a group's signer over [reports]': one set of rules
    checks = checks_from_data(data, source, errors)
    appraisal = notice_under(appraisal, document)
    previous = previous_from_data(data, record, folder, source, errors)
    summary = summary_from_data(data, record, source, errors)
    for prefix, own in (("document", document), ("reports", reports), ("appraisal", appraisal)):
        if own is not None and own.template:
            inside(folder, own.template, f"{prefix}.template", source, errors)
    if errors or scheme is None:
        raise InputErrors(errors)
    overridden = data.get("scheme_overrides", {})
    return JobSettings(folder=folder, kind=str(kind), scheme=scheme, data_files=tuple(files),
                       groups=tuple(groups), unit=unit, document=document, reports=reports,
                       scheme_overrides=tuple(sorted(overridden)), register=register,
                       appraisal_done=appraisal_done, appraisal=appraisal, checks=checks,
                       previous=previous, summary=summary)


def _unused_by_kind(data: Mapping[str, Any], kind: Kind | None, source: str, errors: list[Problem]) -> None:
    """Keys the kind would ignore: refused, so a setting is never silently without effect."""
    if kind is None:
        return
    criteria = [f'"{k.id}"' for k in KINDS.values() if k.reports_one_unit]
    unused = ("groups",) if kind.reports_one_unit else ("unit", "group")
    reported = {p.detail("key") for p in errors}
    for key in (k for k in unused if k in data and k not in reported):
        where = ("các khối của quyết định, bảng xếp hạng; báo cáo tự chấm điểm ghi khối ở mục \"group\""
                 if key == "groups" else f"chỉ dùng với kind = {', '.join(criteria)}; các khối ghi ở [[groups]], "
                 "tên đơn vị lấy từ số liệu")
        errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=shown(data[key]).strip('"'),
                              expected=f"loại văn bản \"{kind.id}\" không dùng mục này ({where}); xóa mục này"))


def data_files_in(folder: Path) -> list[Path]:
    """Score files in a job folder, skipping Excel's lock files (`~$…`) and hidden files."""
    return sorted(
        p for p in folder.iterdir()
        if p.suffix.lower() in DATA_SUFFIXES and not p.name.startswith(("~$", "."))
    )


def _scheme(data: Mapping[str, Any], source: str, errors: list[Problem]) -> Scheme | None:
    reference = text(data, "scheme", "scheme", source, errors, expected='tên bộ tiêu chí, ví dụ "chat-luong-hoat-dong"')
    if not reference:
        if "scheme" not in data or (isinstance(data["scheme"], str) and not data["scheme"].strip()):
            errors.append(problem(Reason.SETTING_MISSING, file=source, key="scheme"))
        return None
    overrides = data.get("scheme_overrides", {})
    if not isinstance(overrides, dict):
        errors.append(wrong_type("scheme_overrides", overrides, "một bảng [scheme_overrides]", source))
        return None
    for key in ("id", "version"):
        if key in overrides:
            errors.append(problem(Reason.SETTING_INVALID, file=source, key=f"scheme_overrides.{key}",
                                  value=str(overrides[key]), expected="đổi bộ tiêu chí ở mục \"scheme\""))
    allowed = set(names_in("scheme_overrides"))
    unknown_keys({k: v for k, v in overrides.items() if k not in ("id", "version")}, allowed, "scheme_overrides",
                 source, errors)
    try:
        base, scheme_file = scheme_data(reference, source)
        known = {k: v for k, v in overrides.items() if k in allowed}
        return scheme_from_data({**base, **known}, scheme_file, frozenset(known), overrides_source=source)
    except InputErrors as exc:
        errors.extend(exc.problems)
        return None


def _data_files(named: Any, folder: Path, found: list[Path], source: str,
                errors: list[Problem]) -> list[Path]:
    if named is None:
        if not found:
            errors.append(problem(Reason.NO_DATA_FILE, file=folder.name))
        return _inside(folder, found, "data", source, errors)
    names = [named] if isinstance(named, str) else named
    if not isinstance(names, list) or not names:
        errors.append(wrong_type("data", named, "tên tệp số liệu, ví dụ \"diem.xlsx\" hoặc [\"a.xlsx\", \"b.csv\"]",
                                 source))
        return []
    paths = []
    for n, name in enumerate(names, 1):
        key = f"data[{n}]" if isinstance(named, list) else "data"
        count = len(errors)
        name = text({"data": name}, "data", key, source, errors,
                    expected='tên tệp đặt trong ngoặc kép, ví dụ "diem.xlsx"')
        if not name and len(errors) == count:
            errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value="",
                                  expected='tên tệp trống; ghi tên tệp số liệu, ví dụ "diem.xlsx", hoặc bỏ mục "data"'))
        path = inside(folder, name, key, source, errors) if name else None
        if path is None:
            continue
        if path.is_dir():
            inside_folder = data_files_in(path)
            if not inside_folder:
                errors.append(problem(Reason.NO_DATA_FILE, file=str(path.relative_to(folder))))
            paths += _inside(folder, inside_folder, key, source, errors)
        elif path.is_file():
            paths.append(path)
        else:
            errors.append(problem(Reason.DATA_FILE_MISSING, file=path.name))
    return paths


def _inside(folder: Path, paths: list[Path], key: str, source: str, errors: list[Problem]) -> list[Path]:
    """`paths` found by listing a folder, refusing links that lead out of the job folder."""
    for path in paths:
        if outside(folder, path):
            errors.append(problem(Reason.SETTING_PATH_OUTSIDE, file=source, key=key,
                                  value=f"{path.relative_to(folder).as_posix()} → {path.resolve()}"))
    return [p for p in paths if not outside(folder, p)]


def _groups(data: Mapping[str, Any], kind: Kind | None, source: str, errors: list[Problem],
            declared: tuple[Component, ...] = ()) -> list[Group]:
    items = data.get("groups")
    if kind is not None and kind.reports_one_unit:
        name = text(data, "group", "group", source, errors, "Đơn vị") or "Đơn vị"
        return [Group(name=name, sheet=name)]
    if items is None:
        errors.append(problem(Reason.SETTING_MISSING, file=source, key="groups"))
        return []
    if not isinstance(items, list) or not items:
        errors.append(wrong_type("groups", items, "ít nhất một khối [[groups]] có name", source))
        return []
    groups: list[Group] = []
    for n, item in enumerate(items, 1):
        key = f"groups[{n}]"
        if not isinstance(item, dict):
            errors.append(wrong_type(key, item, "một khối [[groups]] có name", source))
            continue
        unknown_keys(item, GROUP_FIELDS, key, source, errors)
        count = len(errors)
        name = text(item, "name", f"{key}.name", source, errors,
                    expected='tên khối đặt trong ngoặc kép, ví dụ "Khối A"')
        if not name:
            if len(errors) == count:
                errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=shown(item),
                                      expected="mỗi khối phải có tên (name)"))
            continue
        labels = None
        if "labels" in item:
            labels = labels_from_data(item["labels"], source, f"{key}.labels", errors)
        components = None
        if "components" in item and declared:
            components = group_components(item["components"], declared, source, f"{key}.components", errors)
        groups.append(Group(name=name, sheet=text(item, "sheet", f"{key}.sheet", source, errors, name) or name,
                            title=text(item, "title", f"{key}.title", source, errors),
                            subtitle=text(item, "subtitle", f"{key}.subtitle", source, errors), labels=labels,
                            header=group_header(item, key, source, errors), components=components))
        if groups[-1].header and kind is not None and not kind.is_campaign:
            errors.append(problem(Reason.SETTING_INVALID, file=source, key=f"{key}.{groups[-1].header[0][0]}",
                                  value=shown(groups[-1].header[0][1]).strip('"'),
                                  expected=f"loại văn bản \"{kind.id}\" không dùng mục này (phần đầu, chữ ký của báo "
                                  "cáo từng đơn vị chỉ có ở kind = \"dot-danh-gia\"); xóa mục này"))
    names = [g.name for g in groups]
    for name in sorted({n for n in names if names.count(n) > 1}):
        errors.append(problem(Reason.SETTING_INVALID, file=source, key="groups", value=name,
                              expected="tên khối bị trùng"))
    return groups

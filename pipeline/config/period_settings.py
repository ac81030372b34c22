"""What `job.toml` says about the previous period (`[previous]`) and the summary (`[summary]`).

`[previous]` names the previous period's job folder (`job`, computed from its inputs, so the order
the jobs run in does not matter), its results workbook (`results`, a `ket-qua.xlsx` this program
wrote) or a published table of units and ranks (`table`, .xlsx or .csv; `partial = true` when it lists only
some units, `new` the units declared new since); `[previous.renames]` maps a unit's new name to its old name,
or to the list of old names of the units merged into it (the 2025 reorganisation). Paths are taken from the job
folder and may lead out of it: the previous period lives beside it.

`[summary]` asks for the summary document (thông cáo kết quả, `thong-cao.docx`) with its charts
(`charts = true` by default; `false` keeps matplotlib and its cost off the run).

Only ranked kinds (a table of units, a campaign) take either table.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.base.errors import Problem, Reason, problem
from pipeline.config.catalogue import names_in
from pipeline.config.kinds import Kind
from pipeline.config.values import lines, shown, text, unknown_keys, wrong_type

PREVIOUS_FIELDS = names_in("previous")  # declared in `config.catalogue`
SOURCES = ("job", "results", "table")
SUMMARY_FIELDS = names_in("summary")
CHART_FORMS = ("word", "picture")  # `chart_form`: Word charts staff can edit (the default), or pictures


@dataclass(frozen=True)
class PreviousSettings:
    """Where the previous period's results come from, and the units renamed or merged since."""

    job: Path | None  # the previous job's folder, computed from its inputs
    results: Path | None  # or its `ket-qua.xlsx`
    renames: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (new name, its old names)
    key: str = "previous.job"  # the key that named it, for a problem about it
    name: str = ""  # how the text names the previous period ("năm 2024"); "" : "kỳ trước"
    written: str = ""  # the path as job.toml writes it, for a problem about it
    table: Path | None = None  # or a table of units and ranks (score optional), as published
    partial: bool = False  # the table lists only some units (a published top 10)
    new: tuple[str, ...] = ()  # the units of this period declared new: "mới" (with a table, only these)

    @property
    def source(self) -> Path:
        """The folder or file the previous period is read from."""
        return self.job or self.results or self.table  # type: ignore[return-value]


@dataclass(frozen=True)
class SummarySettings:
    charts: bool = True
    symbol: str = ""  # "" : the decision's symbol with "TC" for its type ("QĐ-UBND" → "TC-UBND")
    title: str = ""  # "" : from the decision's trích yếu
    recipients: tuple[str, ...] = ()
    chart_form: str = "word"  # "word": Word charts; "picture": the charts' PNG pictures


def _ranked_table(data: Mapping[str, Any], key: str, kind: Kind | None, expected: str, why: str, source: str,
                  errors: list[Problem]) -> dict[str, Any] | None:
    """The table `[key]` of a ranked kind, its unknown keys reported; `None` (with a problem) when it is not a
    table or the kind ranks nothing, `None` alone when there is none."""
    if key not in data:
        return None
    item = data[key]
    if not isinstance(item, dict):
        errors.append(wrong_type(key, item, expected, source))
        return None
    if kind is not None and not kind.ranks_units:
        errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=f"[{key}]",
                              expected=f'loại văn bản "{kind.id}" không xếp hạng nên {why}; xóa mục này'))
        return None
    unknown_keys(item, PREVIOUS_FIELDS if key == "previous" else SUMMARY_FIELDS, key, source, errors)
    return item


def previous_from_data(data: Mapping[str, Any], kind: Kind | None, folder: Path, source: str,
                       errors: list[Problem]) -> PreviousSettings | None:
    """`[previous]`, validated; `None` when the job has none."""
    item = _ranked_table(data, "previous", kind, 'một bảng [previous] có job = "…" hoặc results = "…"',
                         "không so sánh với kỳ trước", source, errors)
    if item is None:
        return None
    named = [key for key in SOURCES if key in item]
    if len(named) != 1:
        errors.append(problem(Reason.SETTING_INVALID, file=source, key="previous", value=shown(item),
                              expected='ghi đúng một trong ba: job = "thư mục công việc kỳ trước", '
                                       'results = "tệp ket-qua.xlsx của kỳ trước" hoặc table = "bảng đơn vị và hạng '
                                       'kỳ trước (.xlsx, .csv)"'))
        return None
    key = named[0]
    name = text(item, key, f"previous.{key}", source, errors)
    if not name:
        if isinstance(item[key], str):
            errors.append(problem(Reason.SETTING_INVALID, file=source, key=f"previous.{key}", value="",
                                  expected="đường dẫn trống; ghi đường dẫn tính từ thư mục công việc"))
        return None
    path = (folder / name) if not Path(name).is_absolute() else Path(name)
    renames = _renames(item.get("renames", {}), source, errors)
    partial, new = _table_fields(item, key, source, errors)
    return PreviousSettings(path if key == "job" else None, path if key == "results" else None, renames,
                            f"previous.{key}", text(item, "name", "previous.name", source, errors), name,
                            path if key == "table" else None, partial, new)


def _table_fields(item: Mapping[str, Any], key: str, source: str, errors: list[Problem]
                  ) -> tuple[bool, tuple[str, ...]]:
    """`partial` and `new`, which only a table of ranks takes (a computed period knows its units)."""
    for field in ("partial", "new"):
        if field in item and key != "table":
            errors.append(problem(Reason.SETTING_INVALID, file=source, key=f"previous.{field}",
                                  value=shown(item[field]),
                                  expected='chỉ dùng với table = "bảng đơn vị và hạng kỳ trước"; xóa mục này'))
    partial = item.get("partial", False)
    if not isinstance(partial, bool):
        errors.append(wrong_type("previous.partial", partial, "true hoặc false", source))
        partial = False
    new = lines(item, "new", "previous.new", source, errors) if key == "table" else ()
    return partial, tuple(unicodedata.normalize("NFC", name.strip()) for name in new)


def _renames(table: Any, source: str, errors: list[Problem]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`"new name" = "old name"` or `= ["old 1", "old 2"]`, or `= []` (compared with none: a unit moved to
    another group); no old name given twice."""
    if not isinstance(table, dict):
        errors.append(wrong_type("previous.renames", table, 'một bảng [previous.renames]: "tên mới" = "tên cũ"',
                                 source))
        return ()
    found: list[tuple[str, tuple[str, ...]]] = []
    seen: dict[str, str] = {}
    for new, old in table.items():
        key = f'previous.renames."{new}"'
        count = len(errors)
        olds = lines(table, new, key, source, errors) if old != [] else ()  # []: moved to another group, "mới"
        if not olds and old != []:
            if len(errors) == count:
                errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=shown(old),
                                      expected="tên cũ của đơn vị, hoặc danh sách tên các đơn vị cũ đã sáp nhập"))
            continue
        for name in olds:
            if name in seen:
                errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=name,
                                      expected=f'mỗi tên cũ chỉ ghi một lần (đã ghi cho "{seen[name]}")'))
            seen[name] = new
        found.append((unicodedata.normalize("NFC", new.strip()), olds))
    return tuple(found)


def summary_from_data(data: Mapping[str, Any], kind: Kind | None, source: str,
                      errors: list[Problem]) -> SummarySettings | None:
    """`[summary]`, validated; `None` when the job asks for no summary."""
    item = _ranked_table(data, "summary", kind, "một bảng [summary]", "không có thông cáo kết quả", source, errors)
    if item is None:
        return None
    charts = item.get("charts", True)
    if not isinstance(charts, bool):
        errors.append(wrong_type("summary.charts", charts, "true hoặc false", source))
        charts = True
    form = item.get("chart_form", CHART_FORMS[0])
    if form not in CHART_FORMS:
        errors.append(problem(Reason.SETTING_INVALID, file=source, key="summary.chart_form", value=str(form),
                              expected='"word" (biểu đồ Word) hoặc "picture" (ảnh)'))
        form = CHART_FORMS[0]
    return SummarySettings(charts, text(item, "symbol", "summary.symbol", source, errors),
                           text(item, "title", "summary.title", source, errors),
                           lines(item, "recipients", "summary.recipients", source, errors), form)


def previous_refused(previous: PreviousSettings, folder: Path) -> list[Problem]:
    """Why `[previous]` cannot be read where it points (nothing there, or this job itself); [] when it can.

    Said before anything of the previous period is read: by the run, and by the settings form on saving."""
    where = previous.source
    what = "thư mục công việc có tệp job.toml" if previous.job else "tệp ket-qua.xlsx" if previous.results else "tệp"
    missing = problem(Reason.PREVIOUS_MISSING, file="job.toml", key=previous.key, value=previous.written,
                      resolved=str(where.resolve()), what=what)
    if previous.job is None:
        return [] if where.is_file() else [missing]
    if not (previous.job / "job.toml").is_file():
        return [missing]
    if previous.job.resolve() == folder.resolve():
        return [problem(Reason.SETTING_INVALID, file="job.toml", key=previous.key, value=str(previous.job),
                        expected="kỳ trước là một công việc khác, không phải chính công việc này")]
    return []

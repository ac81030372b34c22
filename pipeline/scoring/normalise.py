"""Stage 1, normalise: raw sheets → clean tables with `Decimal` numbers and parsed codes.

Finds each table's header row (below any title block), reads text as Unicode NFC with
white space trimmed and collapsed (non-breaking spaces too), reads score cells written
`72,2` or `72.2` as `Decimal`, and parses criterion codes. Every problem in every cell is
collected; cells that fail become `None` so later checks can still run on the rest.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from difflib import get_close_matches
from typing import Any

import pandas as pd

from pipeline.read.columns import CRITERIA_TABLE, UNIT_TABLE, TableSpec, header_key
from pipeline.base.errors import Problem, Reason, problem
from pipeline.base.formatting import points as shown
from pipeline.read.sheet import Sheet, UncachedFormula
from pipeline.config.job_settings import Group

HEADER_SEARCH_ROWS = 30
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u200b\u3000]+")
_ROMAN = re.compile(r"^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
_ARABIC_CODE = re.compile(r"^\d+(\.\d+)*$")
_TOTAL_TITLES = ("tổng điểm", "tổng cộng", "tổng số điểm", "tổng")
ROLLUPS = {"cộng": "sum", "cong": "sum", "tổng": "sum", "chọn một": "choose", "chon mot": "choose",
           "chọn 1": "choose", "chọn": "choose"}


class NotANumber(ValueError):
    def __init__(self, hint: str = ""):
        super().__init__(hint)
        self.hint = hint


@dataclass(frozen=True)
class Located:
    """A table found in a sheet: its header row and where each known column is."""

    sheet: Sheet
    header_row: int
    positions: dict[str, tuple[int, str]]


def clean_text(value: Any, keep_lines: bool = False) -> str:
    """NFC text, spaces trimmed and collapsed; line breaks kept only if `keep_lines`."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    if keep_lines:
        return "\n".join(line for line in lines if line)
    return " ".join(line for line in lines if line)


def parse_number(value: Any) -> Decimal | None:
    """A score cell as `Decimal`; `None` when empty. Accepts `72,2` and `72.2`.

    Raises `NotANumber` (with a hint for staff when one helps) for anything else.
    """
    if value is None:
        return None
    if isinstance(value, bool) or isinstance(value, (datetime, date, time)):
        raise NotANumber(" Ô này đang ở dạng ngày tháng hoặc đúng/sai; định dạng lại thành số.")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    text = clean_text(value).replace(" ", "")
    if not text or text in {"-", "–"}:
        return None
    if text.count(",") + text.count(".") > 1:
        raise NotANumber(" Chỉ dùng một dấu phẩy (hoặc dấu chấm) để ngăn phần thập phân, ví dụ 72,2.")
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation as exc:
        raise NotANumber() from exc
    if not number.is_finite():
        raise NotANumber()
    return number


def parse_code(value: Any) -> str | None:
    """A criterion code (`I`, `II`, `1.2`, `1.2.1`) or `None` for a sub-item without one.

    Raises `ValueError` for anything else. A trailing dot is dropped (`1.2.` → `1.2`).
    """
    if isinstance(value, float):
        value = repr(value)
    text = clean_text(value).replace(" ", "").rstrip(".")
    if not text:
        return None
    if _ROMAN.match(text.upper()):
        return text.upper()
    if _ARABIC_CODE.match(text):
        return text
    raise ValueError(text)


def locate_tables(sheets: list[Sheet], spec: TableSpec) -> tuple[list[Located], list[Problem]]:
    """Header row and column positions of `spec` in each sheet that holds such a table.

    A sheet where no header of `spec` appears (an instructions sheet) is skipped; a file
    with no table at all, or a header row that lacks a required column, is a problem.
    """
    found: list[Located] = []
    errors: list[Problem] = []
    files_with_table: set[str] = set()
    for sheet in sheets:
        header = _header_row(sheet, spec)
        if header is None:
            continue
        files_with_table.add(sheet.file)
        row_index, positions, unknown = header
        missing = [c for c in spec.columns if c.required and c.id not in positions]
        for column in missing:
            close = get_close_matches(header_key(column.header), list(unknown), n=1, cutoff=0.6)
            hint = f" (có phải cột \"{unknown[close[0]]}\"? Sửa lại đúng tên)" if close else ""
            errors.append(problem(Reason.MISSING_COLUMN, file=sheet.file, sheet=sheet.name,
                                  column_name=column.header, hint=hint, header_row=row_index + 1))
        errors += _lookalike_columns(sheet, spec, positions, unknown, row_index + 1)
        if not missing:
            found.append(Located(sheet, row_index, positions))
    for file in dict.fromkeys(s.file for s in sheets):
        if file not in files_with_table:
            required = ", ".join(f'"{c.header}"' for c in spec.columns if c.required)
            errors.append(problem(Reason.NO_TABLE, file=file, required=required))
    return found, errors


def _plain(text: str) -> str:
    """A header without diacritics, to catch "Diem tru" or "Điểm thuởng" written for "Điểm trừ"."""
    decomposed = unicodedata.normalize("NFD", header_key(text).replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _lookalike_columns(sheet: Sheet, spec: TableSpec, positions: dict[str, tuple[int, str]],
                       unknown: dict[str, str], header_row: int) -> list[Problem]:
    """An optional column whose header is misspelt would be silently left out: refuse it."""
    candidates = {_plain(key): column for column in spec.columns if column.id not in positions and not column.required
                  for key in column.keys()}
    errors = []
    for text in unknown.values():
        close = get_close_matches(_plain(text), list(candidates), n=1, cutoff=0.85)
        if close:
            errors.append(problem(Reason.LOOKALIKE_COLUMN, file=sheet.file, sheet=sheet.name, row=header_row,
                                  column=text, expected=candidates[close[0]].header))
    return errors


def _header_row(sheet: Sheet, spec: TableSpec) -> tuple[int, dict[str, tuple[int, str]], dict[str, str]] | None:
    keys = {key: column for column in spec.columns for key in column.keys()}
    anchor = spec.column(spec.anchor).keys()
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        cells = [(i, clean_text(v)) for i, v in enumerate(row) if clean_text(v)]
        matched = {header_key(text) for _, text in cells} & set(keys)
        if not matched & anchor or len(matched) < 2:
            continue
        positions: dict[str, tuple[int, str]] = {}
        unknown: dict[str, str] = {}
        for i, text in cells:
            column = keys.get(header_key(text))
            if column and column.id not in positions:
                positions[column.id] = (i, text)
            elif not column:
                unknown[header_key(text)] = text
        return index, positions, unknown
    return None


def _records(table: Located, spec: TableSpec) -> list[dict[str, Any]]:
    """The rows under the header as {column id: raw value}, with their Excel row number."""
    records = []
    for index in range(table.header_row + 1, len(table.sheet.rows)):
        row = table.sheet.rows[index]
        values = {cid: (row[pos] if pos < len(row) else None) for cid, (pos, _) in table.positions.items()}
        if all(v is None or (isinstance(v, str) and not clean_text(v)) for v in values.values()):
            continue
        values["row"] = index + 1
        records.append(values)
    return records


class _Cells:
    """Reads one record's cells and records every problem with its location."""

    def __init__(self, table: Located, record: dict[str, Any], errors: list[Problem]):
        self.table, self.record, self.errors = table, record, errors
        self.failed = False

    def where(self, column_id: str | None = None) -> dict[str, Any]:
        place: dict[str, Any] = {"file": self.table.sheet.file, "sheet": self.table.sheet.name,
                                 "row": self.record["row"]}
        if column_id is not None:
            place["column"] = self.table.positions[column_id][1]
        return place

    def add(self, reason: Reason, column_id: str | None = None, **details: Any) -> None:
        self.failed = True
        self.errors.append(problem(reason, **self.where(column_id), **details))

    def text(self, column_id: str, keep_lines: bool = False) -> str:
        value = self.record.get(column_id)
        if isinstance(value, UncachedFormula):
            self.add(Reason.FORMULA_NOT_CACHED, column_id, value=value.formula)
            return ""
        return clean_text(value, keep_lines)

    def number(self, column_id: str) -> Decimal | None:
        if column_id not in self.record:
            return None
        value = self.record[column_id]
        if isinstance(value, UncachedFormula):
            self.add(Reason.FORMULA_NOT_CACHED, column_id, value=value.formula)
            return None
        try:
            number = parse_number(value)
        except NotANumber as exc:
            self.add(Reason.NOT_A_NUMBER, column_id, value=clean_text(value), hint=exc.hint)
            return None
        if number is not None and number < 0:
            self.add(Reason.NEGATIVE, column_id, value=clean_text(value))
            return None
        return number

    def has_value(self, column_id: str) -> bool:
        value = self.record.get(column_id)
        return value is not None and not (isinstance(value, str) and not clean_text(value))


def normalise_units(sheets: list[Sheet], groups: tuple[Group, ...]) -> tuple[pd.DataFrame, list[Problem]]:
    """Unit rows of every sheet, one row per unit, with its group resolved.

    Adds columns: group, unit, the score columns as `Decimal` or `None`, reason, note,
    file, sheet, row. A unit's group is its "Khối" cell, else the sheet's name (or the
    only group of the job); it must be one of the job's groups.
    """
    tables, errors = locate_tables(sheets, UNIT_TABLE)
    rows: list[dict[str, Any]] = []
    number_ids = [c.id for c in UNIT_TABLE.columns if c.number]
    for table in tables:
        for record in _records(table, UNIT_TABLE):
            cells = _Cells(table, record, errors)
            values = {cid: cells.number(cid) for cid in number_ids}
            unit = cells.text("unit")
            reason = cells.text("reason", keep_lines=True) if "reason" in record else ""
            if not unit:
                if any(v is not None for v in values.values()) or reason:
                    cells.add(Reason.MISSING_UNIT, "unit")
                continue
            group = _group_of(cells, table, groups)
            _check_unit(cells, values, unit, reason)
            rows.append({
                "group": group, "unit": unit, **values, "reason": reason,
                "note": cells.text("note", keep_lines=True) if "note" in record else "",
                "file": table.sheet.file, "sheet": table.sheet.name, "row": record["row"],
            })
    frame = pd.DataFrame(rows, columns=["group", "unit", *number_ids, "reason", "note", "file", "sheet", "row"],
                         dtype=object)
    errors += _duplicates(frame) + _empty_groups(frame, groups, bool(tables))
    return frame, errors


def _group_of(cells: _Cells, table: Located, groups: tuple[Group, ...]) -> str | None:
    if "group" in cells.record and cells.text("group"):
        named, column = cells.text("group"), "group"
    elif table.sheet.name is not None and any(g.sheet == clean_text(table.sheet.name) for g in groups):
        named, column = clean_text(table.sheet.name), None
    elif len(groups) == 1:
        return groups[0].name
    else:
        named, column = clean_text(table.sheet.name or ""), None
    for group in groups:
        if named in (group.name, group.sheet):
            return group.name
    known = ", ".join(f'"{g.name}"' for g in groups)
    close = get_close_matches(named, [g.name for g in groups], n=1, cutoff=0.6)
    hint = f" Có phải ý bạn là \"{close[0]}\"?" if close else (
        " Ghi tên khối vào cột \"Khối\", hoặc đặt tên trang tính đúng tên khối." if not named else "")
    if column:
        cells.add(Reason.UNKNOWN_GROUP, column, value=named, known=known, hint=hint)
    else:
        hint = hint or " Đặt tên trang tính đúng tên khối, hoặc ghi sheet = \"tên trang\" trong [[groups]]."
        cells.errors.append(problem(Reason.UNKNOWN_GROUP, file=table.sheet.file, sheet=table.sheet.name,
                                    value=named, known=known, hint=hint))  # once per sheet
    return None


def _check_unit(cells: _Cells, values: dict[str, Decimal | None], unit: str, reason: str) -> None:
    points = values["appraised_points"]
    if reason and points is not None:
        cells.add(Reason.POINTS_AND_REASON, "appraised_points", value=reason, unit=unit)
    if not reason and points is None and not cells.has_value("appraised_points"):
        hint = " hoặc ghi lý do vào cột \"Lý do không đánh giá\"" if "reason" in cells.table.positions else (
            " hoặc thêm cột \"Lý do không đánh giá\" và ghi lý do")
        cells.add(Reason.MISSING_VALUE, "appraised_points", hint=hint)
    for limit_id in ("applicable_max", "max_points"):
        limit = values.get(limit_id)
        if points is not None and limit is not None:
            if points > limit:
                cells.add(Reason.ABOVE_MAXIMUM, "appraised_points", value=shown(points), maximum=shown(limit))
            break
    if values.get("applicable_max") == 0 and points is not None:
        cells.add(Reason.ZERO_MAXIMUM, "applicable_max")


def _duplicates(frame: pd.DataFrame) -> list[Problem]:
    errors = []
    seen: dict[tuple[str, str], int] = {}
    for row in frame.itertuples(index=False):
        if row.group is None:
            continue
        key = (row.group, row.unit.casefold())
        if key in seen:
            errors.append(problem(Reason.DUPLICATE_UNIT, file=row.file, sheet=row.sheet, row=row.row,
                                  value=row.unit, group=row.group, first_row=seen[key]))
        else:
            seen[key] = row.row
    return errors


def _empty_groups(frame: pd.DataFrame, groups: tuple[Group, ...], any_table: bool) -> list[Problem]:
    if not any_table:
        return []
    present = set(frame["group"].dropna())
    return [problem(Reason.EMPTY_GROUP, file="job.toml", value=g.name) for g in groups if g.name not in present]


def normalise_criteria(sheets: list[Sheet]) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Criteria rows in order (a tree, not a table: one dict per row), each with its role.

    Each row has: code (`None` for a sub-item), role, title, max_points, self_points,
    rationale (line breaks kept), rollup ("sum", "choose" or ""), file, sheet, row, invalid
    (a cell of the row was refused, so totals above it are not checked against it).
    """
    tables, errors = locate_tables(sheets, CRITERIA_TABLE)
    rows: list[dict[str, Any]] = []
    for table in tables[:1]:
        for record in _records(table, CRITERIA_TABLE):
            cells = _Cells(table, record, errors)
            code = None
            try:
                code = parse_code(record.get("code"))
            except ValueError:
                cells.add(Reason.BAD_CODE, "code", value=clean_text(record.get("code")))
            title = cells.text("title")
            rollup_text = cells.text("rollup").casefold() if "rollup" in record else ""
            rollup = ROLLUPS.get(rollup_text, "")
            if rollup_text and not rollup:
                cells.add(Reason.UNKNOWN_ROLLUP, "rollup", value=rollup_text)
            rows.append({
                "code": code, "role": _role(code, title), "title": title,
                "max_points": cells.number("max_points"), "self_points": cells.number("self_points"),
                "rationale": cells.text("rationale", keep_lines=True) if "rationale" in record else "",
                "rollup": rollup, "file": table.sheet.file, "sheet": table.sheet.name, "row": record["row"],
                "invalid": cells.failed,
            })
    if tables and not rows:
        errors.append(problem(Reason.NO_CRITERIA, file=tables[0].sheet.file, sheet=tables[0].sheet.name))
    elif tables and all(r["self_points"] is None for r in rows) and not any(r["invalid"] for r in rows):
        errors.append(problem(Reason.NO_POINTS, file=tables[0].sheet.file, sheet=tables[0].sheet.name,
                              column=tables[0].positions["self_points"][1]))
    return rows, errors


def _role(code: str | None, title: str) -> str:
    if code is not None:
        return "criterion"
    key = title.casefold()
    if key.startswith("điểm thưởng"):
        return "bonus"
    if key.startswith("điểm trừ"):
        return "penalty"
    if key.rstrip(":") in _TOTAL_TITLES:
        return "total"
    return "criterion"


"""Finding a table in a sheet (its header row below any title block, where each known column is),
and reading its rows cell by cell.

A header that misspells an optional column ("Diem tru") is refused rather than ignored, so
its numbers are never silently left out. `Cells` records every problem of a row with its
place (file, sheet, row, column); a cell that fails becomes `None`, so the checks of the
other cells still run.

What staff cannot see is refused, not read: a table on a hidden sheet, a hidden row with
data in the table, an invisible control character in a cell, a header row below the rows
searched (the table would otherwise be skipped without a word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from difflib import get_close_matches
from typing import Any

from pipeline.base.errors import Problem, Reason, problem
from pipeline.base.messages import HINTS
from pipeline.read.columns import INDEX_HEADERS, TableSpec, header_key, plain_header
from pipeline.read.sheet import Sheet, UncachedFormula
from pipeline.scoring.cells import (
    NotANumber,
    NumberTooLarge,
    clean_text,
    control_characters,
    parse_number,
    without_controls,
)

HEADER_SEARCH_ROWS = 30
LOW_HEADER_SEARCH_ROWS = 1000  # rows searched for a header below the first 30, to say why it was not taken

CELL_LIMIT = 32767  # the most characters an Excel cell holds


def too_long(text: str, **where: Any) -> Problem | None:
    """A problem when `text` is longer than an Excel cell holds, at `where`."""
    if len(text) <= CELL_LIMIT:
        return None
    return problem(Reason.TEXT_TOO_LONG, **where, value=text[:60] + "…", length=f"{len(text):,}".replace(",", "."),
                   limit=f"{CELL_LIMIT:,}".replace(",", "."))


@dataclass(frozen=True)
class Located:
    """A table found in a sheet: its header row and where each known column is."""

    sheet: Sheet
    header_row: int
    positions: dict[str, tuple[int, str]]
    others: tuple[tuple[int, str], ...] = ()  # the header's other cells (position, text): columns not read
    index: str = ""  # the index's name ("Chỉ số CCHC") when it is the table's only score, read as the points


def locate_tables(sheets: list[Sheet], spec: TableSpec, ignored: tuple[str, ...] = ()
                  ) -> tuple[list[Located], list[Problem]]:
    """Header row and column positions of `spec` in each sheet that holds such a table.

    A sheet where no header of `spec` appears (an instructions sheet) is skipped; a file
    with no table at all, or a header row that lacks a required column, is a problem. A column whose header
    `ignored` lists (`[checks] ignore_columns`) is neither read nor refused, whatever it looks like.
    """
    found: list[Located] = []
    errors: list[Problem] = []
    files_with_table: set[str] = set()
    skipped = frozenset(header_key(name) for name in ignored)
    for sheet in sheets:
        header = _header_row(sheet, spec, 0, HEADER_SEARCH_ROWS, skipped)
        if header is None:
            low = _header_row(sheet, spec, HEADER_SEARCH_ROWS, LOW_HEADER_SEARCH_ROWS, skipped)
            if low is not None:
                files_with_table.add(sheet.file)
                errors.append(problem(Reason.HEADER_TOO_LOW, file=sheet.file, sheet=sheet.name, row=low[0] + 1,
                                      limit=HEADER_SEARCH_ROWS))
            continue
        files_with_table.add(sheet.file)
        if sheet.hidden:
            errors.append(problem(Reason.HIDDEN_SHEET, file=sheet.file, sheet=sheet.name))
        row_index, positions, unknown = header
        index = _index_only(spec, positions)
        missing = [c for c in spec.columns if c.required and c.id not in positions]
        for column in missing:  # a hint names only a header of the same meaning
            alike = [key for key, text in unknown.items() if says(text, column.words)]
            close = get_close_matches(header_key(column.header), alike, n=1, cutoff=0) if alike else []
            hint = HINTS.column_like.format(name=unknown[close[0]]) if close else ""
            errors.append(problem(Reason.MISSING_COLUMN, file=sheet.file, sheet=sheet.name,
                                  column_name=column.header, hint=hint, header_row=row_index + 1))
        errors += _lookalike_columns(sheet, spec, positions, unknown, row_index + 1)
        errors += _hidden_columns(sheet, positions, row_index)
        if not missing:
            taken = {position for position, _ in positions.values()}
            others = tuple((i, clean_text(v)) for i, v in enumerate(sheet.rows[row_index])
                           if clean_text(v) and i not in taken)
            found.append(Located(sheet, row_index, positions, others, index))
    for file in dict.fromkeys(s.file for s in sheets):
        if file not in files_with_table:
            required = ", ".join(f'"{c.header}"' for c in spec.columns if c.required)
            errors.append(problem(Reason.NO_TABLE, file=file, required=required))
    return found, errors


def _index_only(spec: TableSpec, positions: dict[str, tuple[int, str]]) -> str:
    """A units' table whose only score is the index ("Chỉ số CCHC", "Chỉ số (%)", no "Tổng điểm thẩm định"): the
    index column is read as the points (`positions` changed) and its name returned; "" for any other table."""
    if "appraised_points" not in {c.id for c in spec.columns} or "appraised_points" in positions:
        return ""
    typed = positions.get("declared_score", (0, ""))[1]
    name = next((h for h in INDEX_HEADERS if header_key(h) == header_key(typed)), "")
    if name:
        positions["appraised_points"] = positions.pop("declared_score")
    return name


def _hidden_columns(sheet: Sheet, positions: dict[str, tuple[int, str]], header_row: int) -> list[Problem]:
    """A known column that Excel hides but that holds data below the header: staff cannot see it."""
    errors = []
    for position, header in positions.values():
        if position + 1 in sheet.hidden_columns and any(
                position < len(row) and _filled(row[position]) for row in sheet.rows[header_row + 1:]):
            errors.append(problem(Reason.HIDDEN_COLUMN, file=sheet.file, sheet=sheet.name, column=header))
    return errors


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not clean_text(value))


_plain = plain_header


def _lookalike_columns(sheet: Sheet, spec: TableSpec, positions: dict[str, tuple[int, str]],
                       unknown: dict[str, str], header_row: int) -> list[Problem]:
    """An optional column whose header is misspelt would be silently left out: refuse it, whichever other columns
    the table has (a header that says "trừ" is refused beside a "Điểm trừ" column too). A header the table kind
    refuses for its own reason (`TableSpec.refused`, "Chỉ số hài lòng") is said by `scoring.header_checks`."""
    candidates = {_plain(key): column for column in spec.columns if not column.required
                  for key in column.keys()}  # noqa: SIM118 (`Column.keys`: no dict)
    errors = []
    for text in unknown.values():
        if any(says(text, words) for words, _ in spec.refused):
            continue
        close = get_close_matches(_plain(text), list(candidates), n=1, cutoff=0.85)
        twin = next((c for c in spec.columns
                     if _plain(text) in {_plain(k) for k in c.keys()}), None)  # noqa: SIM118 (`Column.keys`: no dict); a second one
        alike = next((c for c in spec.columns if not c.required and says(text, c.words)), None)
        expected = twin or (candidates[close[0]] if close else alike)
        if expected is not None:
            errors.append(problem(Reason.LOOKALIKE_COLUMN, file=sheet.file, sheet=sheet.name, row=header_row,
                                  column=text, expected=expected.header))
    return errors


def says(header: str, words: tuple[str, ...]) -> bool:
    """Whether a header says one of a column's words ("Điểm trừ do vi phạm" says "tru": the penalty)."""
    plain = _plain(header)
    return any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", plain) for word in words)


def _header_row(sheet: Sheet, spec: TableSpec, start: int, stop: int, skipped: frozenset[str] = frozenset()
                ) -> tuple[int, dict[str, tuple[int, str]], dict[str, str]] | None:
    # Headers compare by their words, without diacritics or case: "Diem tru" is "Điểm trừ" typed without accents
    # (no two columns' names are the same without diacritics; a test keeps it so).
    keys = {_plain(key): column for column in spec.columns for key in column.keys()}  # noqa: SIM118 (`Column.keys`: no dict)
    anchor = {_plain(key) for key in spec.column(spec.anchor).keys()}  # noqa: SIM118 (`Column.keys`: no dict)
    for index, row in enumerate(sheet.rows[start:stop], start):
        cells = [(i, without_controls(clean_text(v))) for i, v in enumerate(row)
                 if clean_text(v) and header_key(clean_text(v)) not in skipped]
        matched = {_plain(text) for _, text in cells} & set(keys)
        if not matched & anchor or len(matched) < 2:
            continue
        positions: dict[str, tuple[int, str]] = {}
        unknown: dict[str, str] = {}
        for i, text in cells:
            column = keys.get(_plain(text))
            if column and column.id not in positions:
                positions[column.id] = (i, text)
            else:  # unknown, or a second column of a meaning already found: never read, so looked at
                unknown[header_key(text) if not column else f"{header_key(text)} ({i})"] = text
        return index, positions, unknown
    return None


def records(table: Located, spec: TableSpec) -> list[dict[str, Any]]:
    """The rows under the header as {column id: raw value}, with their Excel row number."""
    records = []
    for index in range(table.header_row + 1, len(table.sheet.rows)):
        row = table.sheet.rows[index]
        values = {cid: (row[pos] if pos < len(row) else None) for cid, (pos, _) in table.positions.items()}
        if not any(_filled(v) for v in values.values()):
            continue
        values["row"] = index + 1
        records.append(values)
    return records


class Cells:
    """Reads one record's cells and records every problem with its location."""

    def __init__(self, table: Located, record: dict[str, Any], errors: list[Problem]):
        self.table, self.record, self.errors = table, record, errors
        self.failed = False
        if record["row"] in table.sheet.hidden_rows:
            self.add(Reason.HIDDEN_ROW)
        for column_id in table.positions:
            value = record.get(column_id)
            if not isinstance(value, str):  # only a text has codes
                continue
            codes = control_characters(value)
            if codes:  # reported once, then read without them so the cell's other checks still run
                record[column_id] = without_controls(value)
                self.add(Reason.CONTROL_CHARACTER, column_id, value=clean_text(record[column_id]), codes=codes)

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
        text = clean_text(value, keep_lines)
        # ket-qua.xlsx could not hold it whole: refused at its cell (its place looked up only then)
        long = too_long(text, **self.where(column_id)) if len(text) > CELL_LIMIT else None
        if long is not None:
            self.failed = True
            self.errors.append(long)
            return text[:CELL_LIMIT]
        return text

    def number(self, column_id: str) -> Decimal | None:
        if column_id not in self.record:
            return None
        value = self.record[column_id]
        if isinstance(value, UncachedFormula):
            self.add(Reason.FORMULA_NOT_CACHED, column_id, value=value.formula)
            return None
        try:
            number = parse_number(value)
        except NumberTooLarge:
            shown = clean_text(value) if isinstance(value, str) else f"{Decimal(value).normalize():E}"
            self.add(Reason.NUMBER_TOO_LARGE, column_id, value=shown)
            return None
        except NotANumber as exc:
            self.add(Reason.NOT_A_NUMBER, column_id, value=clean_text(value), hint=exc.hint)
            return None
        if number is not None and number < 0:
            self.add(Reason.NEGATIVE, column_id, value=clean_text(value))
            return None
        return number

    def has_value(self, column_id: str) -> bool:
        return _filled(self.record.get(column_id))



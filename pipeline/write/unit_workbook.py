"""Entries typed online written into a campaign unit's workbook: only their cells, everything else as it was.

The workbook is found as the pipeline reads it (the first criteria table, its rows keyed by
`scoring.unit_entries`); each entry's fields go into the cells of its row ("Điểm tự chấm", "Lý giải việc chấm
điểm", "Điểm thẩm định", "Ý kiến thẩm định"). A column the table lacks is added after its last header, with the
header the pipeline reads. The result is the workbook's new content; the desk writes it (atomically, the old
version kept in the job's history).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from copy import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.base.errors import InputErrors, Reason, problem
from pipeline.read.columns import CRITERIA_TABLE
from pipeline.read.workbook import read_workbook
from pipeline.scoring.tables import locate_tables
from pipeline.scoring.unit_entries import ENTRY_FIELDS, WorkbookEntry, column_of, keyed_rows


def workbook_with_entries(path: Path, entries: Mapping[str, WorkbookEntry],
                          fields: tuple[str, ...] = ENTRY_FIELDS) -> bytes:
    """The content of the workbook at `path` with `fields` of `entries` in their cells (a criterion the
    workbook does not have is left out; a blank field empties its cell)."""
    sheets = read_workbook(path)
    tables, _ = locate_tables(sheets, CRITERIA_TABLE)
    if not tables:
        raise InputErrors([problem(Reason.NO_TABLE, file=path.name)])
    table = tables[0]
    rows, _ = keyed_rows(sheets)
    book = load_workbook(path, rich_text=True)
    assert table.sheet.name is not None  # a workbook's sheet has a name (only a CSV file's has none)
    sheet = book[table.sheet.name]
    columns = {field: _column(sheet, table.header_row + 1, table.positions, column_of(field)) for field in fields}
    for row in rows:
        entry = entries.get(row["key"]) if row["key"] is not None else None
        if entry is None:
            continue
        for field, column in columns.items():
            cell = sheet.cell(int(row["row"]), column)
            value = getattr(entry, field)
            cell.value = _cell_value(value)
            if isinstance(value, str) and "\n" in value:
                alignment = copy(cell.alignment)
                cell.alignment = Alignment(**{**_alignment(alignment), "wrap_text": True})
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _column(sheet: Worksheet, header_row: int, positions: dict[str, tuple[int, str]], column_id: str) -> int:
    """The 1-based column of `column_id`, added after the last header when the table lacks it."""
    if column_id in positions:
        return positions[column_id][0] + 1
    last = max(position for position, _ in positions.values()) + 1
    while sheet.cell(header_row, last + 1).value not in (None, ""):
        last += 1
    header = sheet.cell(header_row, last + 1)
    header.value = CRITERIA_TABLE.column(column_id).header
    header._style = copy(sheet.cell(header_row, last)._style)  # type: ignore[union-attr]  # stubs lack a cell's _style
    positions[column_id] = (last, header.value)
    return last + 1


def _cell_value(value: Decimal | str | None) -> int | float | str | None:
    """A number as Excel stores it (a whole number as an integer), text as typed, blank as an empty cell."""
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _alignment(alignment: object) -> dict[str, Any]:
    return {name: getattr(alignment, name) for name in ("horizontal", "vertical", "indent", "shrink_to_fit")}

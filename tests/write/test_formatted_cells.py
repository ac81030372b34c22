"""A number cell of the results workbook gets its format's style made once per workbook (`sheet_rows.formatted`): the
same style, in every workbook, as setting the cell's `number_format` one cell at a time."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from pipeline.write.results_workbook import reproducible
from pipeline.write.sheet_rows import RowsWorkbook, formatted

FORMATS = ["0.00", "0.000", "General", "0", "#,##0.0", '0.00"%"']


def saved(cells_of: list[list[tuple[Decimal, str]]], fast: bool) -> list[list[tuple[object, str]]]:
    """Each sheet's cells written with `formatted` (fast) or one `number_format` at a time, read back."""
    if fast:
        rows_book = RowsWorkbook()
        for rows in cells_of:
            sheet = rows_book.create_sheet(f"Trang {len(rows_book.sheets)}")
            for value, number_format in rows:
                sheet.append([formatted(sheet, value, number_format)])
        saved = reproducible(rows_book.parts())
    else:
        book = Workbook(write_only=True)
        for rows in cells_of:
            plain = book.create_sheet()
            for value, number_format in rows:
                cell = WriteOnlyCell(plain, value)
                cell.number_format = number_format
                plain.append([cell])
        stream = io.BytesIO()
        book.save(stream)
        saved = stream.getvalue()
    read = openpyxl.load_workbook(io.BytesIO(saved))
    return [[(row[0].value, row[0].number_format) for row in sheet.iter_rows()] for sheet in read.worksheets]


cells = st.tuples(st.decimals(min_value=0, max_value=1000, places=2), st.sampled_from(FORMATS))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(cells, min_size=1, max_size=6), min_size=1, max_size=3),
       st.lists(st.lists(cells, min_size=1, max_size=6), min_size=1, max_size=2))
def test_each_cell_shows_its_own_format_in_every_workbook(first, second):
    # the second workbook numbers its formats in another order: a style kept from the first must not reach it
    assert saved(first, fast=True) == saved(first, fast=False)
    assert saved(second, fast=True) == saved(second, fast=False)


def test_a_missing_value_stays_an_empty_cell():
    assert formatted(RowsWorkbook().create_sheet("Trang"), None, "0.00") is None

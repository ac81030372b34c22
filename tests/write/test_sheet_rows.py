"""Rows written as text (`sheet_rows`) give the very bytes openpyxl's own write-only writer gives for the same rows.

The reference is openpyxl as the results workbook used it before: every text a cell marked as text
(`text_cells.as_text`), every number's format set on its own cell, bold header cells, all appended to write-only
sheets in turn. Both workbooks are zipped without a clock (`results_workbook.reproducible`) and compared whole:
sheets, styles (their numbering follows the order cells are written in) and package.
"""

from __future__ import annotations

import gc
import io
import sys
import zipfile
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from pipeline.write.results_workbook import reproducible
from pipeline.write.sheet_rows import RowsWorkbook, SheetRows, formatted
from pipeline.write.text_cells import as_text

FORMATS = ["General", "0", "0.00", "0.000", '0.00"%"', '"+"0.00;"−"0.00;0.00', "#,##0.0"]
SHEETS = 3
# Texts openpyxl and lxml refuse (control characters, U+FFFE, U+FFFF, lone surrogates) are tested on their own below.
REFUSED = {chr(c) for c in (*range(0x20), 0xFFFE, 0xFFFF)} - {"\t", "\n", "\r"}


class Bold:
    """A header's cell: bold, centred, wrapped (as `results_workbook._sheet` makes one)."""

    def __init__(self, value: Any) -> None:
        self.value = value


class Number:
    """A number shown with a format (`formatted`)."""

    def __init__(self, value: Any, number_format: str) -> None:
        self.value, self.number_format = value, number_format


texts = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters="".join(REFUSED)), max_size=12),
    st.sampled_from(["", " ", "=1+1", "+84 90", "-2", "@A1", "\t=1", "\r=1", " đầu", "cuối ", "a\r\nb", "&<>\"'",
                     "#N/A", "😀 U+1F600", "\x85", "\xa0", "\u2028", "x" * 32770 + "é", "=" + "y" * 32767]))
numbers = st.one_of(st.integers(min_value=-(10**20), max_value=10**20), st.booleans(), st.floats(),
                    st.decimals(allow_nan=True, allow_infinity=True).filter(lambda d: not d.is_snan()))
values = st.one_of(st.none(), texts, numbers,
                   st.builds(Number, st.one_of(st.none(), numbers), st.sampled_from(FORMATS)),
                   st.builds(Bold, st.one_of(st.none(), texts, numbers)))
rows = st.lists(st.tuples(st.integers(min_value=0, max_value=SHEETS - 1), st.lists(values, max_size=7)), max_size=12)


def bold(sheet: Any, value: Any) -> Any:
    cell = as_text(WriteOnlyCell(sheet, value))
    cell.font = Font(bold=True)
    cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    return cell


def openpyxl_cell(sheet: Any, value: Any) -> Any:
    """The value as the results workbook gave openpyxl each cell before rows were written as text."""
    if isinstance(value, Bold):
        return bold(sheet, value.value)
    if isinstance(value, Number):
        if value.value is None:
            return None
        cell = WriteOnlyCell(sheet, value.value)
        cell.number_format = value.number_format
        return cell
    return as_text(WriteOnlyCell(sheet, value)) if isinstance(value, str) else value


def text_cell(sheet: SheetRows, value: Any) -> Any:
    """The same value as the results workbook gives `SheetRows`."""
    if isinstance(value, Bold):
        return bold(sheet.sheet, value.value)
    if isinstance(value, Number):
        return formatted(sheet, value.value, value.number_format)
    return value


def by_openpyxl(appended: list[tuple[int, list[Any]]]) -> bytes:
    book = Workbook(write_only=True)
    sheets = [book.create_sheet(f"Trang {n}") for n in range(SHEETS)]
    for number, values in appended:
        sheets[number].append([openpyxl_cell(sheets[number], value) for value in values])
    stream = io.BytesIO()
    book.save(stream)
    with zipfile.ZipFile(stream) as archive:
        return reproducible({info.filename: archive.read(info) for info in archive.infolist()})


def as_text_rows(appended: list[tuple[int, list[Any]]]) -> bytes:
    book = RowsWorkbook()
    sheets = [book.create_sheet(f"Trang {n}") for n in range(SHEETS)]
    for number, values in appended:
        sheets[number].append([text_cell(sheets[number], value) for value in values])
    return reproducible(book.parts())


def refusal(write: Any, appended: list[tuple[int, list[Any]]]) -> type[BaseException] | None:
    """The kind of error writing the rows raised, if any."""
    try:
        write(appended)
    except Exception as error:
        if write is by_openpyxl:  # its writer stopped half-way raises again when collected: collected now, ignored
            hook, sys.unraisablehook = sys.unraisablehook, lambda _: None
            gc.collect()
            sys.unraisablehook = hook
        return type(error)
    return None


@settings(max_examples=60, deadline=None)
@given(rows)
@example([(0, ["TT", "Đơn vị", Bold("Kết quả")]), (1, [1, None, Number(Decimal("87.170"), "0.000")]),
          (0, ["=HYPERLINK(\"http://x\",\"y\")", Number(Decimal("-1.5"), '"+"0.00;"−"0.00;0.00'), True]),
          (2, [Bold(None), " a\r\nb ", "&<>", 10**20, Decimal("NaN"), float("inf")])])
def test_rows_written_as_text_are_the_bytes_openpyxl_writes(appended):
    assert as_text_rows(appended) == by_openpyxl(appended)


@pytest.mark.parametrize("character", ["\x00", "\x08", "\x0b", "\x0c", "\x0e", "\x1f", "\ufffe", "\uffff", "\ud800",
                                       "\udfff"])
def test_a_text_a_cell_cannot_hold_is_refused_as_openpyxl_refuses_it(character):
    appended = [(0, ["a" + character])]
    refused = refusal(by_openpyxl, appended)
    assert refused is not None and refusal(as_text_rows, appended) is refused


def test_a_value_no_cell_holds_is_refused():
    with pytest.raises(ValueError, match="Cannot convert"):
        RowsWorkbook().create_sheet("Trang").append([object()])

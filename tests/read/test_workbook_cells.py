"""A workbook is read cell for cell as it was written: any grid of numbers, texts, dates, percentages, truth
values and formulas openpyxl writes (its strings inline or shared, as Excel saves them) comes back in the same
rows and columns, and a sheet whose cells come out of order, twice or without a reference is read as Excel does."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.read.sheet import UncachedFormula
from pipeline.read.workbook import read_workbook
from tests.read.test_reading_trust import shared_strings


def shown(number: Decimal) -> int | Decimal:
    """A number of at most 15 digits as the reader gives it: whole as `int`, otherwise without trailing zeros."""
    return int(number) if number == number.to_integral_value() else number.normalize()


@st.composite
def cells(draw) -> tuple[object, str | None, object]:
    """A cell: the value written, its number format, and the value a person sees in Excel."""
    kind = draw(st.sampled_from(["empty", "empty", "whole", "decimal", "percent", "date", "text", "bool", "formula"]))
    if kind == "whole":
        number = draw(st.integers(min_value=-10**12, max_value=10**12))
        return number, None, number
    if kind == "decimal":
        typed = draw(st.decimals(min_value=-10**6, max_value=10**6, places=3, allow_nan=False, allow_infinity=False))
        return float(typed), None, shown(typed)
    if kind == "percent":
        typed = draw(st.decimals(min_value=0, max_value=2, places=4, allow_nan=False, allow_infinity=False))
        return float(typed), "0.00%", shown(typed * 100)
    if kind == "date":
        day = draw(st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)))
        moment = datetime(day.year, day.month, day.day)
        return moment, "dd/mm/yyyy", moment
    if kind == "text":
        text = draw(st.text(st.sampled_from("aăâđêôơư ÀÁẠẢÃĐữựỳ0123456789.,-/()"), min_size=1, max_size=12))
        return text, None, text
    if kind == "bool":
        truth = draw(st.booleans())
        return truth, None, truth
    if kind == "formula":
        formula = draw(st.sampled_from(["=A1+1", "=SUM(B1:B3)", '=IF(A1>0,"x","y")']))
        return formula, None, UncachedFormula(formula)
    return None, None, None


@st.composite
def workbooks(draw) -> list[dict]:
    """Sheets to write: a name, rows of cells, the rows hidden, and whether the sheet is hidden."""
    sheets = []
    for number in range(draw(st.integers(min_value=1, max_value=3))):
        rows = draw(st.lists(st.lists(cells(), max_size=6), max_size=7))
        hidden_rows = draw(st.sets(st.integers(min_value=1, max_value=8), max_size=2))
        sheets.append({"name": f"Trang {number + 1}", "rows": rows, "hidden_rows": hidden_rows,
                       "hidden": number > 0 and draw(st.booleans())})
    return sheets


def written(tmp_path: Path, sheets: list[dict]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for spec in sheets:
        sheet = book.create_sheet(spec["name"])
        for r, row in enumerate(spec["rows"], 1):
            for c, (value, number_format, _) in enumerate(row, 1):
                if value is not None:
                    sheet.cell(r, c, value).number_format = number_format or "General"
        for r in spec["hidden_rows"]:
            sheet.row_dimensions[r].hidden = True
        sheet.sheet_state = "hidden" if spec["hidden"] else "visible"
    path = tmp_path / "a.xlsx"
    book.save(path)
    return path


def expected_rows(rows) -> tuple[tuple[object, ...], ...]:
    """The rows as Excel shows them: each up to its last cell with a value, none after the last such row."""
    seen = [[shown_value for _, _, shown_value in row] for row in rows]
    trimmed = []
    for row in seen:
        while row and row[-1] is None:
            row.pop()
        trimmed.append(tuple(row))
    while trimmed and not trimmed[-1]:
        trimmed.pop()
    return tuple(trimmed)


def strictly(rows) -> list[list[tuple[str, str]]]:
    """Rows compared with each value's type: 1, 1.0 and True are not the same cell."""
    return [[(type(v).__name__, repr(v)) for v in row] for row in rows]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sheets=workbooks(), strings=st.sampled_from(["inline", "shared"]))
def test_any_grid_is_read_as_written(tmp_path, sheets, strings):
    path = written(tmp_path, sheets)
    if strings == "shared":
        shared_strings(path)
    read = read_workbook(path)
    assert [s.name for s in read] == [s["name"] for s in sheets]
    for got, spec in zip(read, sheets, strict=True):
        assert strictly(got.rows) == strictly(expected_rows(spec["rows"]))
        assert got.hidden is spec["hidden"] and got.hidden_rows == frozenset(spec["hidden_rows"])
        percent = {(r, c) for r, row in enumerate(spec["rows"], 1) for c, cell in enumerate(row, 1)
                   if cell[1] == "0.00%"}
        assert got.percent_cells == percent


SHEET = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{}</sheetData>'
         "</worksheet>")


def test_cells_out_of_order_twice_or_without_reference_land_where_excel_puts_them(tmp_path):
    path = written(tmp_path, [{"name": "A", "rows": [], "hidden_rows": set(), "hidden": False}])
    rows = ('<row r="2"><c r="C2"><v>3</v></c><c r="A2"><v>1</v></c><c><v>2</v></c><c r="A2"><v>9</v></c>'
            '<c r="E2" t="inlineStr"><is><t>cuối</t></is></c></row>'
            '<row><c><v>7</v></c><!-- ghi chú --><c/><c><v>8</v></c></row>'
            '<row r="5"><c r="B5"><v>4</v></c><c r="B5"/></row>')
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/worksheets/sheet1.xml"] = SHEET.format(rows).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    [sheet] = read_workbook(path)
    assert sheet.rows == ((), (9, 2, 3, None, "cuối"), (7, None, 8), (), (None, 4))

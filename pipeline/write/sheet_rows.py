"""A write-only workbook's rows made into their XML here, byte for byte as openpyxl writes them, put into its sheets.

openpyxl writes each cell of a write-only sheet through lxml, one element at a time, after binding its value to a
cell object again: most of the results workbook's time for a few thousand units. Here a row is one string
(`SheetRows.append`): texts inline (`<is><t>`), in ASCII with character references (lxml's output without an
encoding), numbers as openpyxl prints them (`safe_string`), and a style numbered in the workbook's list of cell
styles as its row is added, when openpyxl would number it, so the list (styles.xml) is the same too. openpyxl still
writes all the rest (the package, styles, column widths, frozen panes), each of these sheets with no rows, and
`RowsWorkbook.parts` puts the rows into each sheet's part. tests/write/test_sheet_rows.py compares both writers'
bytes on random rows.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from typing import Any, NamedTuple

from lxml.etree import Element
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.compat import safe_string
from openpyxl.compat.numbers import NUMERIC_TYPES
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.utils.indexed_list import IndexedList

from pipeline.write.text_cells import FORMULA_STARTS

MAX_TEXT = 32767  # the longest text a cell holds: openpyxl cuts a longer one there
_NO_ROWS = b"<sheetData></sheetData>"  # a sheet's rows as openpyxl writes a sheet given none
# A character openpyxl refuses in a cell, or XML cannot hold (lxml refuses it): such a text is refused as they refuse it
_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_KINDS = {"s": "inlineStr", "n": "n", "b": "b"}  # a cell's data type, as its `t` attribute says it


class Styled(NamedTuple):
    """A value shown with a style (`formatted`): a number with its format's."""

    value: Any
    style: StyleArray


class RowsWorkbook:
    """A write-only openpyxl workbook whose sheets' rows are written here (`SheetRows`)."""

    def __init__(self) -> None:
        self.workbook = Workbook(write_only=True)
        # openpyxl's list of cell styles: a style is numbered by its place there, the first one used first
        self.cell_styles: IndexedList[StyleArray] = self.workbook._cell_styles  # type: ignore[attr-defined]  # no stub
        self.sheets: list[SheetRows] = []
        self.number_styles: dict[str, StyleArray] = {}  # by number format, each made once (`formatted`)
        self.quoted = StyleArray()  # a text that looks like a formula: Excel's quote prefix keeps it text
        self.quoted.quotePrefix = 1

    def create_sheet(self, title: str) -> SheetRows:
        """A new sheet, after the others, its rows to be added."""
        sheet = SheetRows(self, self.workbook.create_sheet(title))
        self.sheets.append(sheet)
        return sheet

    def parts(self) -> dict[str, bytes]:
        """Each part of the saved workbook by name, in the package's order, each sheet's part with its rows."""
        stream = io.BytesIO()
        self.workbook.save(stream)
        with zipfile.ZipFile(stream) as archive:
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
        for sheet in self.sheets:
            name = sheet.sheet.path.lstrip("/")  # numbered when saved
            assert parts[name].count(_NO_ROWS) == 1, name  # the sheet as openpyxl wrote it: no row
            parts[name] = parts[name].replace(_NO_ROWS, b"<sheetData>" + sheet.xml() + b"</sheetData>")
        return parts


class SheetRows:
    """One sheet's rows, each made into its XML as it is added."""

    def __init__(self, book: RowsWorkbook, sheet: Any) -> None:
        self.book = book
        self.sheet = sheet  # openpyxl's write-only sheet: its columns, frozen panes, cells made for it
        self._rows: list[str] = []

    def append(self, values: Sequence[Any]) -> None:
        """Adds a row: texts as text (quote-prefixed when they look like a formula), numbers, `Styled` values and
        openpyxl's cells (a header's); None leaves the cell empty."""
        number = len(self._rows) + 1
        cells = "".join(self._cell(f"{get_column_letter(column)}{number}", value)
                        for column, value in enumerate(values, 1) if value is not None)
        self._rows.append(f'<row r="{number}">{cells}</row>')

    def xml(self) -> bytes:
        """The rows added, as the sheet's part holds them."""
        return "".join(self._rows).encode("ascii")

    def _cell(self, reference: str, value: Any) -> str:
        """One value's `<c>`, typed as openpyxl types it (a text stays text)."""
        if isinstance(value, Cell):
            return self._written_cell(reference, value)
        style = None
        if isinstance(value, Styled):
            value, style = value
        elif isinstance(value, str):  # as `text_cells.as_text` marks it
            quoted = self._numbered(self.book.quoted) if value.startswith(FORMULA_STARTS) else None
            return _element(reference, quoted, "s", value[:MAX_TEXT])
        if isinstance(value, bool):
            return _element(reference, self._numbered(style), "b", value)
        if isinstance(value, NUMERIC_TYPES):
            return _element(reference, self._numbered(style), "n", value)
        raise ValueError(f"Cannot convert {value!r} to Excel")  # openpyxl's words for a value it cannot hold

    def _written_cell(self, reference: str, cell: Cell) -> str:
        """A cell made with openpyxl, as it writes one: an empty cell only when it has a style."""
        if cell.data_type not in _KINDS or cell.hyperlink is not None or cell.comment is not None:
            raise ValueError(f"{cell!r} is not written here")  # no formula, date, error, link or comment is
        if cell.value is None and not cell.has_style:
            return ""
        return _element(reference, cell.style_id if cell.has_style else None, cell.data_type, cell.value)

    def _numbered(self, style: StyleArray | None) -> int | None:
        """The style's number in the workbook, taken now, when openpyxl takes it (on writing the cell); None for no
        style (all its parts the default)."""
        return self.book.cell_styles.add(style) if style is not None and any(style) else None


def _element(reference: str, style: int | None, kind: str, value: Any) -> str:
    """`<c>`: its reference, style number, type and value."""
    styled = "" if style is None else f' s="{style}"'
    if kind == "s":
        content = _inline(value) if value else ""  # an empty text: an empty cell
    else:  # (not compared with "": a Decimal compared with a text asks the numbers' abstract classes)
        content = "" if value is None else f"<v>{safe_string(value)}</v>"
    return f'<c r="{reference}"{styled} t="{_KINDS[kind]}">{content}</c>'


def formatted(sheet: SheetRows, value: Any, number_format: str) -> Styled | None:
    """`value` unchanged, shown with `number_format` (a missing value stays an empty cell).

    Each format's style is made once per workbook, the first time, as setting a cell's `number_format` makes it:
    the format takes its number in the workbook's list of formats then."""
    if value is None:
        return None
    styles = sheet.book.number_styles
    style = styles.get(number_format)
    if style is None:
        cell = WriteOnlyCell(sheet.sheet)
        cell.number_format = number_format
        style = styles[number_format] = cell._style  # type: ignore[attr-defined]  # a cell's style array, not in the stubs
    return Styled(value, style)


def _inline(text: str) -> str:
    """A text as lxml writes openpyxl's `<is><t>`: `& < >` and carriage returns escaped, every character past ASCII
    as a character reference, spaces kept when it begins or ends with one."""
    if _REFUSED.search(text):
        _refuse(text)
    escaped = (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
               .encode("ascii", "xmlcharrefreplace").decode("ascii"))
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<is><t{space}>{escaped}</t></is>"


def _refuse(text: str) -> None:
    """Raises what openpyxl, then lxml, raise for a text a cell cannot hold."""
    if ILLEGAL_CHARACTERS_RE.search(text):
        raise IllegalCharacterError(f"{text} cannot be used in worksheets.")
    Element("t").text = text  # lxml's own refusal of what XML cannot hold (U+FFFE, a lone surrogate)

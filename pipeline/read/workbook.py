"""Reads an .xlsx workbook's cells in one pass over its XML: values, formulas, date formats.

An .xlsx file is a zip of XML parts: the workbook lists the sheets, each sheet holds its
cells (a value as text, a shared-string index, or a formula with the value Excel last
calculated), and the styles say which numbers are shown as dates or percentages. Reading those parts
directly with lxml is about ten times faster than loading the workbook with openpyxl
(which builds every style object first) and keeps each number exactly as the file stores
it, as a `Decimal`, with no detour through a binary float. openpyxl's own date-format test
decides which numbers are dates, as it does when openpyxl reads the file (`number_formats`).

Each cell is read as staff see it in Excel: a percentage as the number shown (94,66 % is
94.66), the `_xHHHH_` escapes Excel writes for characters XML cannot hold decoded, and the
hidden sheets and rows marked (`Sheet.hidden`, `Sheet.hidden_rows`). A workbook whose parts
would unpack to an unreasonable size is refused before anything is unpacked.

A campaign reads hundreds of unit workbooks made from one form: the parts they share (relationships,
sheet list, styles) are worked out once per content, and the work done for each cell is kept short.
"""

from __future__ import annotations

import io
import posixpath
import re
import string
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from itertools import product
from pathlib import Path
from typing import Any

from lxml import etree

from pipeline.base.errors import InputErrors, Reason, problem
from pipeline.read.cell_values import plain_number, style_index, styled_number
from pipeline.read.number_formats import BUILTIN_FORMATS, is_date_format
from pipeline.read.sheet import Sheet, UncachedFormula

_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_CELL = re.compile(r"([A-Z]+)(\d+)")
_COLUMNS = {"".join(letters): number for number, letters in enumerate(
    [*product(string.ascii_uppercase), *product(string.ascii_uppercase, repeat=2)], 1)}  # A is 1 … ZZ is 702
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_TRUE = ("1", "true")
MAX_PART_BYTES = 200 * 1024 * 1024  # one unpacked part of a real score workbook is a few MB at most
MAX_RATIO_BYTES = 10 * 1024 * 1024  # above this size, a part must not unpack more than …
MAX_RATIO = 100  # … this many times its packed size (XML packs 5-20 times; a zip bomb thousands)
_READ_WHOLE_BYTES = 256 * 1024  # a file or sheet this small is read at once: a unit's table is a few KB


def read_workbook(path: Path) -> list[Sheet]:
    """Every worksheet's cached values; a formula without a cached value becomes `UncachedFormula`."""
    with path.open("rb") as stream:
        head = stream.read(8)
    if head == _OLE_MAGIC:
        reason = Reason.PASSWORD_PROTECTED if _ENCRYPTED_STREAM in path.read_bytes() else Reason.LEGACY_EXCEL
        raise InputErrors([problem(reason, file=path.name)])
    try:
        with zipfile.ZipFile(_opened(path)) as archive:
            _check_sizes(archive, path.name)
            return _sheets(archive, path.name)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError, etree.XMLSyntaxError) as exc:
        raise InputErrors([problem(Reason.CORRUPT_WORKBOOK, file=path.name)]) from exc


def _opened(path: Path) -> Path | io.BytesIO:
    """The workbook file, in memory if small: a unit's workbook is read from the disk once, not once for each part."""
    return io.BytesIO(path.read_bytes()) if path.stat().st_size <= _READ_WHOLE_BYTES else path


def _check_sizes(archive: zipfile.ZipFile, file: str) -> None:
    """Refuses a workbook any part of which would unpack to an unreasonable size (a zip bomb).

    The sizes come from the zip directory; `zipfile` never unpacks more than a part's stated
    size, so checking them is enough.
    """
    for info in archive.infolist():
        size, packed = info.file_size, max(info.compress_size, 1)
        if size > MAX_PART_BYTES or (size > MAX_RATIO_BYTES and size > MAX_RATIO * packed):
            raise InputErrors([problem(Reason.WORKBOOK_TOO_LARGE, file=file, member=info.filename,
                                       size=f"{size / 1024 / 1024:.0f}")])


def _xml(archive: zipfile.ZipFile, name: str) -> etree._Element:
    return _parsed(archive.read(name))


def _parsed(data: bytes) -> etree._Element:
    return etree.fromstring(data, _PARSER)


def _has(archive: zipfile.ZipFile, name: str) -> bool:
    try:
        archive.getinfo(name)
    except KeyError:
        return False
    return True


@lru_cache(maxsize=256)
def _local(tag: str) -> str:
    """A tag's name without its namespace ("{…/main}c" is "c"), worked out once per tag: a sheet has a handful."""
    return etree.QName(tag).localname


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if isinstance(child.tag, str) and _local(child.tag) == name]


def _targets(archive: zipfile.ZipFile, part: str) -> Mapping[str | None, str]:
    """Relationship id → the part it points to, for `part`'s relationships (one without an id under `None`)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if not _has(archive, rels):
        return {}
    return _relationships(folder, archive.read(rels))


@lru_cache(maxsize=8)
def _relationships(folder: str, data: bytes) -> Mapping[str | None, str]:
    """`_targets` of one relationships part, worked out once per content: a campaign's unit workbooks share theirs."""
    found: dict[str | None, str] = {}
    for rel in _parsed(data):
        target = rel.get("Target", "")
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found[rel.get("Id")] = resolved
    return found


def _sheets(archive: zipfile.ZipFile, file: str) -> list[Sheet]:
    workbook_part = next(t for t in _targets(archive, "").values() if t.endswith(".xml"))
    entries = _sheet_entries(archive.read(workbook_part))
    targets = _targets(archive, workbook_part)
    strings = _shared_strings(archive, targets)
    dates, percents = _number_styles(archive, targets)
    sheets = []
    for relation, name, state in entries:
        part = targets.get(relation, "")
        if "worksheets/" not in part:  # a chart sheet or a dialog sheet holds no cells
            continue
        columns: list[etree._Element] = []
        shown_percent: set[tuple[int, int]] = set()
        rows, hidden_rows = _rows(_streamed_rows(archive, part, columns), strings, dates, percents, shown_percent)
        sheets.append(Sheet(file=file, name=name, rows=rows, hidden=state in ("hidden", "veryHidden"),
                            hidden_rows=hidden_rows, hidden_columns=_hidden_columns(columns),
                            percent_cells=frozenset(shown_percent)))
    return sheets


@lru_cache(maxsize=8)
def _sheet_entries(workbook: bytes) -> tuple[tuple[str | None, str | None, str], ...]:
    """The workbook part's sheets in order: relationship id, name, state; worked out once per content."""
    return tuple((entry.get(_REL), entry.get("name"), entry.get("state", "visible"))
                 for entry in _parsed(workbook).iter("{*}sheet"))


def _streamed_rows(archive: zipfile.ZipFile, part: str, columns: list[etree._Element]) -> Iterator[etree._Element]:
    """The sheet's `<row>` elements one at a time, each dropped once read, and its `<col>` elements into `columns`.

    A sheet of thousands of rows is never a whole tree: parsed whole, a 90 KB register of 2,000 units took
    some 15 MB for a moment, more than everything the campaign keeps of its units. A small sheet is unpacked
    at once: reading a zip member bit by bit as the parser asks costs more than parsing a unit's table."""
    small = archive.getinfo(part).file_size <= _READ_WHOLE_BYTES
    with io.BytesIO(archive.read(part)) if small else archive.open(part) as stream:
        for _, element in etree.iterparse(stream, events=("end",), tag=("{*}row", "{*}col"), resolve_entities=False,
                                          no_network=True, huge_tree=True):
            if _local(element.tag) == "col":
                columns.append(element)
                continue
            yield element
            element.clear()
            while element.getprevious() is not None:  # the rows already read, emptied, go too
                del element.getparent()[0]


def _text(item: etree._Element) -> str:
    """A string item's text: its runs joined, phonetic guides left out, `_xHHHH_` escapes decoded."""
    if len(item) == 1 and _local(item.tag) in ("is", "si"):  # the usual <is><t>text</t></is>: one run, nothing else
        run = item[0]
        if not len(run) and isinstance(run.tag, str) and _local(run.tag) == "t":
            return unescape(run.text or "")
    return unescape("".join(t.text or "" for t in item.iter("{*}t") if not _phonetic(t)))


def _phonetic(run: etree._Element) -> bool:
    """Whether a text run is a phonetic guide's (`<rPh>`), which Excel does not show in the cell."""
    parent = run.getparent()  # a run inside a string item always has one
    return parent is not None and _local(parent.tag) == "rPh"


def unescape(text: str) -> str:
    """Text with Excel's `_xHHHH_` escapes decoded: `_x000D_` is a carriage return, `_x005F_` an
    underscore (so `_x005F_x000D_` is the literal text `_x000D_`); a character outside the
    basic plane comes as two escapes (a surrogate pair) and is joined back."""
    if "_x" not in text:
        return text
    decoded = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return decoded.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _shared_strings(archive: zipfile.ZipFile, targets: Mapping[str | None, str]) -> list[str]:
    part = next((t for t in targets.values() if t.endswith("sharedStrings.xml")), None)
    if part is None or not _has(archive, part):
        return []
    return [_text(item) for item in _xml(archive, part) if isinstance(item.tag, str)]


def _number_styles(archive: zipfile.ZipFile, targets: Mapping[str | None, str],
                   ) -> tuple[frozenset[int], frozenset[int]]:
    """Indices of the cell styles that show a number as a date or a time, and as a percentage."""
    part = next((t for t in targets.values() if t.endswith("styles.xml")), None)
    if part is None or not _has(archive, part):
        return frozenset(), frozenset()
    return _styles_shown(archive.read(part))


@lru_cache(maxsize=4)
def _styles_shown(data: bytes) -> tuple[frozenset[int], frozenset[int]]:
    """`_number_styles` of one styles part, worked out once per content: a campaign's unit workbooks share theirs."""
    styles = _parsed(data)
    formats = dict(BUILTIN_FORMATS)
    for numfmt in styles.iter("{*}numFmt"):
        formats[int(numfmt.get("numFmtId", "0"))] = numfmt.get("formatCode", "")
    cell_formats = next((e for e in styles if isinstance(e.tag, str) and _local(e.tag) == "cellXfs"), None)
    if cell_formats is None:
        return frozenset(), frozenset()
    codes = [formats.get(int(xf.get("numFmtId", "0")), "") for xf in _children(cell_formats, "xf")]
    dates = frozenset(index for index, code in enumerate(codes) if is_date_format(code))
    return dates, frozenset(index for index, code in enumerate(codes) if index not in dates and is_percent_format(code))


def is_percent_format(code: str) -> bool:
    """Whether a number format shows the number times 100: it holds a `%` that is not quoted
    (`"%"`), escaped (`\\%`) or inside brackets (`[Red]`)."""
    quoted = bracket = escaped = False
    for char in code or "":
        if escaped:
            escaped = False
        elif quoted:
            quoted = char != '"'
        elif bracket:
            bracket = char != "]"
        elif char == "\\":
            escaped = True
        elif char == '"':
            quoted = True
        elif char == "[":
            bracket = True
        elif char == "%":
            return True
    return False


def _rows(sheet_rows: Iterable[etree._Element], strings: list[str], dates: frozenset[int],
          percents: frozenset[int], shown_percent: set[tuple[int, int]] | None = None,
          ) -> tuple[tuple[tuple[Any, ...], ...], frozenset[int]]:
    """The sheet's rows of cell values, and the numbers of its hidden rows; the (row, column) of each number
    cell shown as a percentage is added to `shown_percent`."""
    grid: dict[int, tuple[Any, ...]] = {}
    hidden: set[int] = set()
    row_number = 0
    for row in sheet_rows:
        row_number = int(row.get("r") or row_number + 1)
        if (row.get("hidden") or "").strip() in _TRUE:
            hidden.add(row_number)
        values: list[Any] = []  # the row up to its last cell with a value
        column = 0
        for cell in row:
            if not isinstance(cell.tag, str):
                continue
            column = _column(cell.get("r"), column)
            value = _value(cell, strings, dates, percents)
            if value is not None:
                if column == len(values) + 1:  # the usual next cell
                    values.append(value)
                else:
                    _place(values, column, value)
                # without percentage styles no cell is one (and `_value` has read this cell's style already)
                if shown_percent is not None and percents and _shown_as_percent(cell, value, percents):
                    shown_percent.add((row_number, column))
        if values:
            grid[row_number] = tuple(values)
    return tuple(grid.get(number, ()) for number in range(1, max(grid, default=0) + 1)), frozenset(hidden)


def _place(values: list[Any], column: int, value: Any) -> None:
    """Puts a value in its column of a row, after empty cells up to it or over a cell met before (a later one wins)."""
    values.extend([None] * (column - 1 - len(values)))
    if column <= len(values):
        values[column - 1] = value
    else:
        values.append(value)


def _shown_as_percent(cell: etree._Element, value: Any, percents: frozenset[int]) -> bool:
    """Whether a cell read as a number is shown as a percentage (its style's number format has a `%`)."""
    number = isinstance(value, (int, Decimal)) and not isinstance(value, bool)
    return number and style_index(cell.get("s", "0")) in percents


def _hidden_columns(columns: list[etree._Element]) -> frozenset[int]:
    """The numbers (A is 1) of the columns the sheet hides: `<cols><col min max hidden>`."""
    hidden: set[int] = set()
    for col in columns:
        if (col.get("hidden") or "").strip() in _TRUE:
            first = int(col.get("min", "1"))
            hidden.update(range(first, min(int(col.get("max", first)), 16384) + 1))
    return frozenset(hidden)


def _column(reference: str | None, previous: int) -> int:
    """A cell's column number (A is 1) from its reference ("C7" is 3); without one, the column after `previous`."""
    if reference:  # the usual reference, letters then digits, is looked up without the regular expression
        letters = reference.rstrip("0123456789")
        if letters != reference and letters in _COLUMNS:
            return _COLUMNS[letters]
    found = _CELL.fullmatch(reference or "")
    return _column_number(found.group(1)) if found else previous + 1


@lru_cache(maxsize=1024)
def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _value(cell: etree._Element, strings: list[str], dates: frozenset[int], percents: frozenset[int]) -> Any:
    kind = cell.get("t", "n")
    value = formula = None
    for child in cell:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        name = _local(tag)
        if name == "v":
            value = child.text
        elif name == "f":
            formula = "=" + (child.text or "")
        elif name == "is":
            value = _text(child)
    if value is None or (value == "" and kind not in ("str", "inlineStr")):
        return UncachedFormula(formula) if formula else None
    if kind == "s":
        return strings[int(value)]
    if kind in ("str", "inlineStr", "e"):
        return value
    if kind == "b":
        return value.strip() in _TRUE
    if kind == "d":
        return datetime.fromisoformat(value.strip())
    style_text = cell.get("s", "0")
    style = style_index(style_text)
    if style is None or style in dates or style in percents:
        return styled_number(value, style_text, dates, percents)
    return plain_number(value)

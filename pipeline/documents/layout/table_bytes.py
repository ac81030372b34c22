"""Data tables fitted to their content in the document's bytes, one row in memory at a time.

A decision for two thousand units holds tables of two thousand rows; building the whole
document as a tree to measure them would hold every row at once (the run's memory would grow
with the batch). Here each top-level data table is found by its tags, each row parsed alone
and measured (`table_widths.ColumnMeasures`), and the widths written back into the grid and
every cell's `w:tcW` in place. The rows between the header and the last few are then set
aside behind a placeholder comment, so the layout steps that need a tree (`page_layout`) see a
small document, and put back afterwards. A table holding another table is left as the
template made it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache, partial
from itertools import chain, cycle

from lxml import etree

from pipeline.documents.layout.keep_with_signature import KEPT_ROWS
from pipeline.documents.layout.paragraph_looks import Styles, W
from pipeline.documents.layout.row_measures import measurer
from pipeline.documents.layout.table_widths import ColumnMeasures, cell_margin, paragraph_measures

_GRID = re.compile(rb"<w:tblGrid>.*?</w:tblGrid>", re.S)
_GRID_COL = re.compile(rb'<w:gridCol\b[^<>]*?\bw:w="(\d+)"[^<>]*/>')
_TBL_PR = re.compile(rb"<w:tblPr>.*?</w:tblPr>", re.S)
_TCW = re.compile(rb"<w:tcW\b[^<>]*/>")
_SECTION = re.compile(rb"<w:sectPr\b.*?</w:sectPr>", re.S)
_ROOT = re.compile(rb"<w:document\b[^<>]*>")
PLACEHOLDER = b"<!--pipeline: rows %d-->"
# Rows are set aside in tables this long; the header and the last `KEPT_ROWS` rows stay, for a table that
# ends the body to keep them with the signature (`keep_with_signature`).
SET_ASIDE_FROM = 2 * KEPT_ROWS + 3
# Rows set aside, by placeholder: the text between them, and a call that writes each run of them with its widths.
Held = dict[bytes, list[memoryview | Callable[[], bytes]]]
_NOT_ALIKE = (b"<w:tblHeader", b"<w:gridSpan", b"<w:gridBefore")  # what `row_cells` reads otherwise than by order
RUN = 256  # alike rows measured and written together: work at C speed, memory for a few hundred rows


def fit_tables(xml: bytes, styles: Styles) -> tuple[bytes, Held]:
    """`xml` with every data table fitted, and the rows set aside, by their placeholder.

    The rows set aside are written with their widths only when put back (`restored`): until then they are
    read from `xml`, so a large table exists once, not also as its fitted copy."""
    root = _ROOT.search(xml)
    if root is None:
        return xml, {}
    wrapper = (root.group(), b"</w:document>")
    sections = [(m.start(), _text_width(m.group(), wrapper)) for m in _SECTION.finditer(xml)]
    pieces: list[bytes | memoryview] = []  # views: the text between tables is not copied twice
    held: Held = {}
    done, whole = 0, memoryview(xml)
    for start, end in _top_level_tables(xml):
        room = next((width for at, width in sections if at > start), 0)
        table = _fitted(xml, start, end, styles, wrapper, room, held)
        pieces += [whole[done:start], table]
        done = end
    if not pieces:
        return xml, {}
    pieces.append(whole[done:])
    return b"".join(pieces), held


def restore_rows(xml: bytes, held: Held) -> bytes:
    """`xml` with each placeholder replaced by its rows, in one pass; `held` is emptied as it goes."""
    return b"".join(restored(xml, held)) if held else xml


def restored(xml: bytes, held: Held) -> Iterator[bytes | memoryview]:
    """The pieces of `restore_rows`, each run of rows written as it is asked for: a caller compressing the
    pieces as they come holds the rows once, as `fit_tables` read them, never a whole second copy."""
    done, whole = 0, memoryview(xml)
    for placeholder in list(held):
        at = xml.index(placeholder, done)
        yield whole[done:at]
        for piece in held.pop(placeholder):
            yield piece if isinstance(piece, memoryview) else piece()
        done = at + len(placeholder)
    yield whole[done:]


def _top_level_tables(xml: bytes) -> list[tuple[int, int]]:
    """Spans of the tables not inside another table and holding none."""
    spans, depth, start, nested = [], 0, 0, False
    for at, opens in _table_tags(xml):
        if opens:
            if depth == 0:
                start, nested = at, False
            else:
                nested = True
            depth += 1
        else:
            depth -= 1
            if depth == 0 and not nested:
                spans.append((start, at + len(b"</w:tbl>")))
    return spans


def _table_tags(xml: bytes) -> list[tuple[int, bool]]:
    """Where each `<w:tbl>` (True) and `</w:tbl>` (False) starts, in order: found by two searches for fixed
    bytes, several times quicker over a large document than one pattern for both."""
    found = []
    for tag, opens in ((b"<w:tbl>", True), (b"</w:tbl>", False)):
        at = xml.find(tag)
        while at >= 0:
            found.append((at, opens))
            at = xml.find(tag, at + len(tag))
    return sorted(found)


def _row_spans(xml: bytes, start: int, end: int) -> list[tuple[int, int]]:
    """Where each row of the table between `start` and `end` begins and ends (rows hold no table here)."""
    spans = []
    at = xml.find(b"<w:tr", start, end)
    while at >= 0:
        if xml[at + 5:at + 6] in (b">", b" "):
            close = xml.find(b"</w:tr>", at, end) + len(b"</w:tr>")
            spans.append((at, close))
            at = close
        else:
            at += 5  # <w:trPr>, <w:trHeight> …
        at = xml.find(b"<w:tr", at, end)
    return spans


def _fitted(xml: bytes, start: int, end: int, styles: Styles, wrapper: tuple[bytes, bytes], room: int,
            held: Held) -> bytes:
    rows = _row_spans(xml, start, end)
    grid = _GRID.search(xml, start, end)
    if not rows or grid is None or b"<w:tblHeader" not in xml[rows[0][0]:rows[0][1]]:
        return xml[start:end]
    template = [int(w) for w in _GRID_COL.findall(grid.group())]
    properties = _TBL_PR.search(xml, start, grid.start())
    measures = ColumnMeasures(len(template), _margin(properties.group() if properties else None, wrapper))
    measure = measurer(styles, paragraph_measures, wrapper)
    set_aside = range(1, len(rows) - KEPT_ROWS) if len(rows) >= SET_ASIDE_FROM else range(0)
    runs = _alike_runs(xml, rows, set_aside)
    places: dict[int, tuple[tuple[int, int], ...]] = {}  # each row's cells (a run's: its first row's)
    n = 0
    while n < len(rows):
        if n in runs:
            last, cells = runs[n]
            places[n] = measures.add_alike(xml[rows[n][0]:rows[last][1]], cells, measure)
            n = last + 1
        else:
            places[n] = measures.add_row(xml[rows[n][0]:rows[n][1]], measure)
            n += 1
    widths = measures.widths(template, room)
    new_widths = iter(widths)
    new_grid = _GRID_COL.sub(lambda m: m.group().replace(m.group(1), str(next(new_widths)).encode()), grid.group())
    out = [xml[start:grid.start()], new_grid, xml[grid.end():rows[0][0]]]
    aside: list[memoryview | Callable[[], bytes]] = []  # the rows set aside: each run written when put back
    whole = memoryview(xml)
    for n, place in places.items():  # a row, or a run of alike rows, with the text after it
        last = runs[n][0] if n in runs else n
        after = (rows[last][1], rows[last + 1][0] if last + 1 < len(rows) else end)
        if n in runs:
            written = partial(_alike_with_widths, xml, rows[n:last + 1], place, widths, wrapper)
        else:
            written = partial(_row_with_widths, xml, rows[n], place, widths, wrapper)
        if n in set_aside:  # a run lies within them
            aside.append(written)
            if last == set_aside[-1]:
                key = PLACEHOLDER % len(held)
                held[key] = aside
                aside = []
                out.append(key)
            else:
                if after[0] < after[1]:
                    aside.append(whole[after[0]:after[1]])
                continue
        else:
            out.append(written())
        out.append(xml[after[0]:after[1]])
    return b"".join(out)


def _alike_runs(xml: bytes, rows: list[tuple[int, int]], among: range) -> dict[int, tuple[int, int]]:
    """Runs of up to `RUN` rows of `among`, one after another, measured and written together: by the first
    row of each, its last row and how many cells each of its rows has.

    Rows are alike when nothing lies between them and each has the same number of cells and of `w:tcW`,
    and no header mark, span or cell skipped before them (`row_cells` reads them as columns 0, 1, 2…)."""
    runs = {}
    for first in range(among.start, among.stop, RUN):
        run = rows[first:min(first + RUN, among.stop)]
        a, b = run[0][0], run[-1][1]
        if len(run) < 2 or any(xml.find(mark, a, b) >= 0 for mark in _NOT_ALIKE) \
                or [end for _, end in run[:-1]] != [start for start, _ in run[1:]]:
            continue
        cells = xml.count(b"</w:tc>", *run[0])
        if cells and [xml.count(b"</w:tc>", a, b) for a, b in run].count(cells) == len(run) \
                and [xml.count(b"<w:tcW", a, b) for a, b in run].count(cells) == len(run):
            runs[first] = (first + len(run) - 1, cells)
    return runs


def _alike_with_widths(xml: bytes, rows: list[tuple[int, int]], place: tuple[tuple[int, int], ...],
                       widths: list[int], wrapper: tuple[bytes, bytes]) -> bytes:
    """Alike rows (`_alike_runs`) with each cell's `w:tcW` the width of its column, in one pass over them
    when every `<w:tcW` among them is one `_row_with_widths` would write; else row by row."""
    pieces = _TCW.split(xml[rows[0][0]:rows[-1][1]])
    if len(pieces) != len(rows) * len(place) + 1:
        return b"".join(_row_with_widths(xml, row, place, widths, wrapper) for row in rows)
    written = [b'<w:tcW w:type="dxa" w:w="%d"/>' % sum(widths[start:start + span]) for start, span in place]
    return b"".join(chain((pieces[0],), chain.from_iterable(zip(cycle(written), pieces[1:]))))


def _row_with_widths(xml: bytes, span: tuple[int, int], place: tuple[tuple[int, int], ...], widths: list[int],
                     wrapper: tuple[bytes, bytes]) -> bytes:
    """The row at `span` with each cell's `w:tcW` the width of the columns it spans."""
    row = xml[span[0]:span[1]]
    values = [sum(widths[start:start + span]) for start, span in place]
    it = iter(values)
    done, count = _TCW.subn(lambda m: b'<w:tcW w:type="dxa" w:w="%d"/>' % next(it, 0), row)
    if count == len(values):  # each cell has its one width (the rows the renderer writes): done
        return done
    element = _parsed(row, wrapper)  # a cell without its width: written through the tree
    for tc, value in zip(element.findall(W + "tc"), values, strict=False):  # as many as both have
        tcpr = tc.find(W + "tcPr")
        if tcpr is None:
            tcpr = etree.SubElement(tc, W + "tcPr")
            tc.insert(0, tcpr)
        tcw = tcpr.find(W + "tcW")
        if tcw is None:
            tcw = etree.Element(W + "tcW")
            tcpr.insert(1 if tcpr.find(W + "cnfStyle") is not None else 0, tcw)
        tcw.attrib.clear()
        tcw.set(W + "type", "dxa")
        tcw.set(W + "w", str(value))
    holder = etree.fromstring(wrapper[0] + wrapper[1])
    holder.append(element)
    text = etree.tostring(holder)
    return text[text.index(b">") + 1:text.rindex(b"</")]


def _parsed(fragment: bytes, wrapper: tuple[bytes, bytes]) -> etree._Element:
    return etree.fromstring(wrapper[0] + fragment + wrapper[1])[0]


@lru_cache(maxsize=64)  # a template's documents share their sections and tables' properties: each read once
def _margin(properties: bytes | None, wrapper: tuple[bytes, bytes]) -> int:
    return cell_margin(_parsed(properties, wrapper) if properties is not None else None)


@lru_cache(maxsize=64)
def _text_width(section: bytes, wrapper: tuple[bytes, bytes]) -> int:
    element = _parsed(section, wrapper)
    size, margins = element.find(W + "pgSz"), element.find(W + "pgMar")
    if size is None or margins is None:
        return 0
    return int(size.get(W + "w", "0")) - int(margins.get(W + "left", "0")) - int(margins.get(W + "right", "0"))

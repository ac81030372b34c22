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

from lxml import etree

from pipeline.documents.layout.keep_with_signature import KEPT_ROWS
from pipeline.documents.layout.paragraph_looks import Styles, W
from pipeline.documents.layout.row_measures import measurer
from pipeline.documents.layout.table_widths import ColumnMeasures, cell_margin, paragraph_measures

_TABLE_TAG = re.compile(rb"<w:tbl>|</w:tbl>")
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


def fit_tables(xml: bytes, styles: Styles) -> tuple[bytes, dict[bytes, bytearray]]:
    """`xml` with every data table fitted, and the rows set aside, by their placeholder."""
    root = _ROOT.search(xml)
    if root is None:
        return xml, {}
    wrapper = (root.group(), b"</w:document>")
    sections = [(m.start(), _text_width(m.group(), wrapper)) for m in _SECTION.finditer(xml)]
    pieces: list[bytes | memoryview] = []  # views: the text between tables is not copied twice
    held: dict[bytes, bytearray] = {}
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


def restore_rows(xml: bytes, held: dict[bytes, bytearray]) -> bytes:
    """`xml` with each placeholder replaced by its rows, in one pass; `held` is emptied as it goes."""
    if not held:
        return xml
    pieces: list[bytes | bytearray | memoryview] = []
    done, whole = 0, memoryview(xml)
    for placeholder in list(held):
        at = xml.index(placeholder, done)
        pieces += [whole[done:at], held.pop(placeholder)]
        done = at + len(placeholder)
    pieces.append(whole[done:])
    return b"".join(pieces)


def _top_level_tables(xml: bytes) -> list[tuple[int, int]]:
    """Spans of the tables not inside another table and holding none."""
    spans, depth, start, nested = [], 0, 0, False
    for tag in _TABLE_TAG.finditer(xml):
        if tag.group() == b"<w:tbl>":
            if depth == 0:
                start, nested = tag.start(), False
            else:
                nested = True
            depth += 1
        else:
            depth -= 1
            if depth == 0 and not nested:
                spans.append((start, tag.end()))
    return spans


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
            held: dict[bytes, bytearray]) -> bytes:
    rows = _row_spans(xml, start, end)
    grid = _GRID.search(xml, start, end)
    if not rows or grid is None or b"<w:tblHeader" not in xml[rows[0][0]:rows[0][1]]:
        return xml[start:end]
    template = [int(w) for w in _GRID_COL.findall(grid.group())]
    properties = _TBL_PR.search(xml, start, grid.start())
    measures = ColumnMeasures(len(template), cell_margin(_parsed(properties.group(), wrapper) if properties else None))
    measure = measurer(styles, paragraph_measures, wrapper)
    places = [measures.add_row(xml[a:b], measure) for a, b in rows]
    widths = measures.widths(template, room)
    new_widths = iter(widths)
    new_grid = _GRID_COL.sub(lambda m: m.group().replace(m.group(1), str(next(new_widths)).encode()), grid.group())
    out = [xml[start:grid.start()], new_grid, xml[grid.end():rows[0][0]]]
    set_aside = range(1, len(rows) - KEPT_ROWS) if len(rows) >= SET_ASIDE_FROM else range(0)
    aside = bytearray()  # grown in place: the rows set aside exist once, not also as a list of pieces
    for n, ((a, b), place) in enumerate(zip(rows, places, strict=True)):  # a place for each row
        between = xml[b:rows[n + 1][0]] if n + 1 < len(rows) else xml[b:end]
        text = _row_with_widths(xml[a:b], place, widths, wrapper)
        if n in set_aside:
            aside += text
            if n == set_aside[-1]:
                key = PLACEHOLDER % len(held)
                held[key] = aside
                aside = bytearray()
                out.append(key)
            else:
                aside += between
                continue
        else:
            out.append(text)
        out.append(between)
    return b"".join(out)


def _row_with_widths(row: bytes, place: tuple[tuple[int, int], ...], widths: list[int],
                     wrapper: tuple[bytes, bytes]) -> bytes:
    """`row` with each cell's `w:tcW` the width of the columns it spans."""
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


def _text_width(section: bytes, wrapper: tuple[bytes, bytes]) -> int:
    element = _parsed(section, wrapper)
    size, margins = element.find(W + "pgSz"), element.find(W + "pgMar")
    if size is None or margins is None:
        return 0
    return int(size.get(W + "w", "0")) - int(margins.get(W + "left", "0")) - int(margins.get(W + "right", "0"))

"""A table row's cells and paragraphs measured straight from its bytes, with no tree built.

A decision for thousands of units has tens of thousands of cell paragraphs; building each as
elements to read three properties cost more than rendering the document. The renderer's
output is regular (lxml writes it), so the few things measuring needs are read with patterns:
each cell's span, each paragraph's style and runs, each run's bold, italic and size, and the
text. A paragraph whose indents are written other than as plain left/right twips is read
through the tree instead (`table_widths.paragraph_measures`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import replace

from lxml import etree

from pipeline.documents.layout.paragraph_looks import (
    OFF,
    TWIPS_PER_MM,
    Look,
    MeasureParagraph,
    Measures,
    Styles,
    combined,
)
from pipeline.documents.layout.text_width import width_mm

_SPAN = re.compile(rb'<w:gridSpan w:val="(\d+)"/>')
_BEFORE = re.compile(rb'<w:gridBefore w:val="(\d+)"/>')
_STYLE = re.compile(rb'<w:pStyle w:val="([^"]+)"/>')
_PLAIN_INDENT = re.compile(rb'<w:ind(?: w:left="(\d+)")?(?: w:right="(\d+)")?/>')
_RPR = re.compile(rb"<w:rPr>(.*?)</w:rPr>", re.S)
_BOLD = re.compile(rb'<w:b(?: w:val="(\w+)")?/>')
_ITALIC = re.compile(rb'<w:i(?: w:val="(\w+)")?/>')
_SIZE = re.compile(rb'<w:sz w:val="(\d+)"/>')
# A paragraph of at most a style and one run of text with no properties of its own.
_ONE_RUN = re.compile(rb'<w:p(?:\s[^<>]*)?>(?:<w:pPr>(?:<w:pStyle w:val="([^"]+)"/>)?</w:pPr>)?'
                      rb"<w:r(?:\s[^<>]*)?>(?:<w:rPr/>)?<w:t(?:\s[^<>]*)?>([^<]*)</w:t></w:r></w:p>")
_TEXT = re.compile(rb"<w:t(?:\s[^<>]*)?>([^<]*)</w:t>|<w:(tab|br)\b[^<>]*/>")

# measures one paragraph as an element, as Word reads it (`table_widths.paragraph_measures`)
Fallback = Callable[[etree._Element, Styles], Measures]
KEPT = 20_000  # paragraphs' measures a template keeps: a decision's whole table, a few hundred reports' own texts


def row_cells(row: bytes) -> list[tuple[bytes, int, int]]:
    """Each cell of the row: its content, the first grid column it occupies, how many it spans.

    The row holds no table (`table_bytes` fits only those), so each cell ends at the next `</w:tc>`."""
    column = 0
    if b"<w:gridBefore" in row:
        before = _BEFORE.search(row[:row.find(b"<w:tc")])
        column = int(before.group(1)) if before else 0
    found = []
    for part in row.split(b"</w:tc>")[:-1]:
        content = cell_content(part)
        width = 1
        if b"<w:gridSpan" in content:
            span = _SPAN.search(content)
            width = int(span.group(1)) if span else 1
        found.append((content, column, width))
        column += width
    return found


def cell_content(part: bytes) -> bytes:
    """The cell in `part`, the text before a `</w:tc>`: from its `<w:tc>` (what comes before belongs to the row)."""
    start = part.find(b"<w:tc>")
    return part[start:] if start >= 0 else part[part.find(b"<w:tc "):]


def paragraphs(cell: bytes) -> list[bytes]:
    """The cell's paragraphs, each `<w:p …>…</w:p>` (split at their ends: faster than a pattern)."""
    found = []
    for part in cell.split(b"</w:p>")[:-1]:
        at = part.find(b"<w:p>")
        found.append(part[at if at >= 0 else part.find(b"<w:p "):] + b"</w:p>")
    return found


class ParagraphMeasurer:
    """Measures paragraphs given as bytes; `fallback` measures one as an element (own alignment, indents).

    Kept with the template's styles (`measurer`), so the paragraphs its documents share (a campaign's criteria
    titles, "100", "Tốt") are measured once for all of them, up to `KEPT` paragraphs at a time."""

    def __init__(self, styles: Styles, fallback: Fallback, wrapper: tuple[bytes, bytes]):
        self.styles, self.fallback, self.wrapper = styles, fallback, wrapper
        self.cache: dict[int, Measures] = {}  # equal paragraphs in any column or document: measured once

    def __call__(self, paragraph: bytes) -> Measures:
        key = hash(paragraph)  # a hash, not the bytes: a table of thousands of names is not held twice
        known = self.cache.get(key)
        if known is None:
            if len(self.cache) >= KEPT:  # memory stays flat however many documents
                self.cache.clear()
            known = self.cache[key] = self._measure(paragraph)
        return known

    def _measure(self, paragraph: bytes) -> Measures:
        simple = _ONE_RUN.fullmatch(paragraph)
        if simple is not None:  # a style and one plain run, as most cells: what the general reading below gives
            style, text = simple.group(1), simple.group(2).decode("utf-8")
            look = self.styles.looks.get(style.decode() if style else self.styles.default_style, self.styles.base)
            if not text:
                return 0.0, 0.0, 0, look.indent_mm
            text = html.unescape(text) if "&" in text else text
            return (*line_measures(text, look), len(text.strip()), look.indent_mm)
        end = paragraph.find(b"</w:pPr>")
        properties = paragraph[:end] if end >= 0 else b""
        if b"<w:ind" in properties and not _PLAIN_INDENT.search(properties):
            element = etree.fromstring(self.wrapper[0] + paragraph + self.wrapper[1])[0]
            return self.fallback(element, self.styles)  # indents written some other way: read as Word does
        style = _STYLE.search(properties)
        look = self.styles.looks.get(style.group(1).decode() if style else self.styles.default_style, self.styles.base)
        indent = _PLAIN_INDENT.search(properties)
        if indent:  # the paragraph's own left/right indents replace its style's (alignment changes no width)
            look = replace(look, indent_mm=(int(indent.group(1) or 0) + int(indent.group(2) or 0)) / TWIPS_PER_MM)
        pieces = []
        for content in (paragraph[end:] if end >= 0 else paragraph).split(b"</w:r>")[:-1]:
            found = _TEXT.findall(content)
            text = (found[0][0] if len(found) == 1 and not found[0][1] else
                    b"".join(b" " if space else words for words, space in found)).decode("utf-8")
            if text:
                pieces.append((html.unescape(text) if "&" in text else text,
                               _run_look(look, content) if b"<w:rPr>" in content else look))
        if len(pieces) == 1:  # the usual cell: one run
            text, run_look = pieces[0]
            return (*line_measures(text, run_look), len(text.strip()), look.indent_mm)
        longest = current = line = 0.0
        for text, run_look in pieces:
            for n, part in enumerate(text.split(" ")):
                if n:  # an ordinary space ends a word (a non-breaking one does not)
                    longest, current = max(longest, current), 0.0
                    line += width_mm(" ", run_look.size, run_look.bold, run_look.italic)
                size = width_mm(part, run_look.size, run_look.bold, run_look.italic)
                current += size
                line += size
        return max(longest, current), line, len("".join(t for t, _ in pieces).strip()), look.indent_mm


def measurer(styles: Styles, fallback: Fallback, wrapper: tuple[bytes, bytes]) -> MeasureParagraph:
    """The measurer of paragraphs in `styles` under the document element `wrapper`, made once and kept with them."""
    found = styles.measurers.get(wrapper)
    if found is None:
        found = styles.measurers[wrapper] = ParagraphMeasurer(styles, fallback, wrapper)
    return found


def line_measures(text: str, look: Look) -> tuple[float, float]:
    """(longest word, whole line) of `text` in one look, in millimetres."""
    size, bold, italic = look.size, look.bold, look.italic
    widths = [width_mm(part, size, bold, italic) for part in text.split(" ")]
    space = width_mm(" ", size, bold, italic)
    return max(widths), sum(widths) + space * (len(widths) - 1)


def _run_look(look: Look, run: bytes) -> Look:
    rpr = _RPR.search(run)
    if rpr is None:
        return look
    properties = rpr.group(1)
    bold, italic, size = _BOLD.search(properties), _ITALIC.search(properties), _SIZE.search(properties)
    return combined(look, int(size.group(1)) / 2 if size else None, _on(bold), _on(italic))


def _on(match: re.Match[bytes] | None) -> bool | None:
    if match is None:
        return None
    return match.group(1) is None or match.group(1).decode() not in OFF

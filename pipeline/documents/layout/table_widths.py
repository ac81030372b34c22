"""Column widths of a data table worked out from what its cells hold.

A template fixes column widths for data it has not seen; a unit named "Trung tâm Giáo dục
nghề nghiệp - Giáo dục thường xuyên" or a label "Trung bình" may not fit them, and Word then
breaks a word inside a cell ("Sở Tài chín h"). Each column gets, as in a browser's automatic
table layout:

- a least width: its longest word, and a short text whole ("Trung bình", "Đồng hạng",
  "86,20": up to `SHORT` characters stay on one line), so no word is ever broken;
- a preferred width: its longest line (a header's split over two or three lines);

then the table's width is shared: every column its preferred width when they all fit (the
rest in proportion to the template's widths, the designer's choice), else its least width
plus a share of what remains. Word reads a column's width from each cell's `w:tcW`,
LibreOffice from the table's `w:tblGrid`: both are written, in step.
"""

from __future__ import annotations

from lxml import etree

from pipeline.documents.layout.paragraph_looks import TWIPS_PER_MM, MeasureParagraph, Measures, Styles, W
from pipeline.documents.layout.row_measures import cell_content, paragraphs, row_cells
from pipeline.documents.layout.text_width import width_mm

SHORT = 16  # characters: a cell text this short stays on one line
CELL_MARGIN = 108  # twips, Word's default left and right cell margins (1,9 mm)
# A word measured to fit exactly may still wrap (rounding to twips, kerning): each width gets this much more.
SLACK_MM, SLACK_SHARE = 0.5, 0.03
WIDEST_SHARE = 0.5  # no column prefers more than half the table: two long-text columns share it evenly


def is_data_table(table: etree._Element) -> bool:
    """A table whose first row repeats as a header on every page: a ranking or criteria table."""
    first = table.find(W + "tr")
    return first is not None and first.find(f"{W}trPr/{W}tblHeader") is not None


class ColumnMeasures:
    """The least and preferred width of each column (twips, cell margins included), row by row."""

    def __init__(self, columns: int, margin_twips: int):
        self.least, self.preferred = [0.0] * columns, [0.0] * columns
        self.margin = 2 * margin_twips
        # Cells already measured, by column and the hash of their bytes: an equal cell adds nothing new, and
        # a hash, unlike the bytes, keeps a table of thousands of rows from being held twice.
        self.seen: set[tuple[int, bool, int]] = set()
        self.shapes: dict[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]] = {}

    def add_row(self, row: bytes, measure: MeasureParagraph) -> tuple[tuple[int, int], ...]:
        """Measures `row` (its bytes), each distinct cell of a column once; returns its cells' first column and span."""
        header = b"<w:tblHeader" in row[:row.find(b"<w:tc")]
        places = row_cells(row)
        columns, seen = len(self.least), self.seen
        for content, start, span in places:
            if span != 1 or start >= columns:
                continue  # a merged cell wraps within the columns it spans
            key = (start, header, hash(content))
            if key not in seen:
                seen.add(key)
                self._add_measures([measure(paragraph) for paragraph in paragraphs(content)], start, header)
        shape = tuple((start, span) for _, start, span in places)
        return self.shapes.setdefault(shape, shape)  # rows of one shape share one record

    def add_alike(self, rows: bytes, cells: int, measure: MeasureParagraph) -> tuple[tuple[int, int], ...]:
        """Measures `rows`, rows side by side of `cells` plain cells each (no header, span or cell skipped
        before them), as `add_row` would one by one; returns their shape.

        Split once, a column's cells are every `cells`-th piece, and equal cells are set aside at C speed
        (within these rows only: a cell measured again changes no maximum)."""
        pieces = rows.split(b"</w:tc>")
        del pieces[-1]  # after the last cell: the row's end
        for column in range(min(cells, len(self.least))):
            self._add_measures([measure(paragraph) for piece in set(pieces[column::cells])
                                for paragraph in paragraphs(cell_content(piece))], column, False)
        shape = tuple((column, 1) for column in range(cells))
        return self.shapes.setdefault(shape, shape)

    def _add_measures(self, found: list[Measures], column: int, header: bool) -> None:
        """Widens `column` for the paragraphs measured `found` (a paragraph without text counts for nothing).

        A header's text may wrap over two lines (three, when long), a short cell's text may not. Each width
        grows with its measure, so the widest measure gives the widest width: one is worked out per column."""
        counted = [measures for measures in found if measures[2]]
        if not counted:
            return
        if header:
            least = max(word + indent for word, _, _, indent in counted)
            wanted = max(max(word, line / (2 if chars <= SHORT else 3)) + indent
                         for word, line, chars, indent in counted)
        else:
            least = max((line if chars <= SHORT else word) + indent for word, line, chars, indent in counted)
            wanted = max(line + indent for _, line, _, indent in counted)
        self.least[column] = max(self.least[column], _twips(least) + self.margin)
        self.preferred[column] = max(self.preferred[column], _twips(wanted) + self.margin)

    def widths(self, template: list[int], room_twips: int) -> list[int]:
        """Each column's width in whole twips, the table as wide as the template's, within `room_twips`."""
        room = min(room_twips, sum(template)) if room_twips > 0 else sum(template)
        preferred = [max(a, min(b, room * WIDEST_SHARE)) for a, b in zip(self.least, self.preferred, strict=True)]
        return _shared(self.least, preferred, template, room)


def cell_margin(tbl_pr: etree._Element | None) -> int:
    """The table's left/right cell margin in twips (Word's default when the table sets none)."""
    margins = tbl_pr.find(f"{W}tblCellMar") if tbl_pr is not None else None
    if margins is None:
        return CELL_MARGIN
    sides = [margins.find(W + side) for side in ("left", "start", "right", "end")]
    values = [int(s.get(W + "w", CELL_MARGIN)) for s in sides if s is not None]
    return max(values) if values else CELL_MARGIN


def _twips(mm: float) -> float:
    return (mm * (1 + SLACK_SHARE) + SLACK_MM) * TWIPS_PER_MM


def paragraph_measures(p: etree._Element, styles: Styles) -> tuple[float, float, int, float]:
    """(longest word, whole line, characters, indents) of a paragraph, in millimetres."""
    longest = current = line = 0.0
    text_seen = ""
    own = styles.paragraph(p)
    for text, look in styles.runs(p, own):
        text_seen += text
        for n, part in enumerate(text.split(" ")):
            if n:  # an ordinary space ends the word before it (a non-breaking one does not)
                longest, current = max(longest, current), 0.0
                line += width_mm(" ", look.size, look.bold, look.italic)
            size = width_mm(part, look.size, look.bold, look.italic)
            current += size
            line += size
    return max(longest, current), line, len(text_seen.strip()), own.indent_mm


def _shared(least: list[float], preferred: list[float], template: list[int], room: int) -> list[int]:
    """Widths in whole twips summing to `room` exactly."""
    low, high = sum(least), sum(preferred)
    if low >= room:  # not even every word fits: in proportion to the least widths
        widths = [room * w / low for w in least]
    elif high <= room:
        spare = room - high
        widths = [p + spare * t / sum(template) for p, t in zip(preferred, template, strict=True)]
    else:
        share = (room - low) / (high - low)
        widths = [a + (b - a) * share for a, b in zip(least, preferred, strict=True)]
    whole = [int(w) for w in widths]
    for n in sorted(range(len(whole)), key=lambda n: whole[n] - widths[n])[:room - sum(whole)]:
        whole[n] += 1
    return whole

"""The signature block never stands alone on a page.

The block of Nơi nhận and the signature sits in a borderless table row that cannot split;
when it does not fit at the foot of a page it moves whole to the next, and, with nothing to
keep it company, that page holds no word of the document's body (Nghị định 30/2020 wants
the signature with the text it signs). So the last paragraph of the body is kept with the block
("keep with next") and moves with it. An empty paragraph between them (the templates' spacing
line) is folded into that paragraph's space after: LibreOffice keeps a paragraph with the table
right after it, but not through an empty paragraph (a notice's summary stayed on page 1, the
block went alone to page 2).

When a table ends the body (a report without its self-rating line), its last `KEPT_ROWS` rows
keep with the next: Word moves them with the block. LibreOffice 7.4 does not honour "keep with
next" on some rows of a table, only on all of them (and then it moves the whole table, leaving
page 1 with the title alone), and it joins two tables with nothing between them into one. So
those last rows are set in a table of their own (the same properties and grid), after a
paragraph 1 pt high: LibreOffice then moves them with the block, and a report with 22
recipients, whose block goes to a new page, has its last rows above "Nơi nhận" there. A table
whose last rows are merged down from the rows above stays whole.
"""

from __future__ import annotations

import copy

from lxml import etree

from pipeline.documents.layout.paragraph_looks import Styles, W, paragraph_property, text_of

SIGNATURE_STYLES = ("ChucVuKy", "HoTenKy", "NoiNhanLabel")
KEPT_ROWS = 2  # rows of a table ending the body that go with the signature
MOST_KEPT_ROWS = 6  # with the rows above them down which a cell of theirs is merged
GAP = ('<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:pPr><w:keepNext/>'
       '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr>'
       '</w:pPr></w:p>')  # 1 pt between a table and its last rows, so that LibreOffice keeps two tables
LINE_HEIGHT = 1.15  # Times New Roman's single line, in ems (ascent + descent + gap of its metrics)


def is_signature_table(table: etree._Element) -> bool:
    """The closing table: a cell opening with "Nơi nhận" or a paragraph in a signature style."""
    styles = {s.get(W + "val") for s in table.iter(W + "pStyle")}
    texts = (text_of(p).strip() for p in table.iter(W + "p"))
    return bool(styles & set(SIGNATURE_STYLES)) or any(t.startswith("Nơi nhận") for t in texts)


def keep_before(table: etree._Element, styles: Styles) -> None:
    """Keeps with `table` the last paragraph with text before it (empty ones between folded into its space
    after), or a table's last rows."""
    element = table.getprevious()
    spacers: list[etree._Element] = []
    while element is not None:
        if element.tag == W + "p":
            if element.find(f"{W}pPr/{W}sectPr") is not None:
                return  # the body of another section: a page break lies between
            _keep_next(element)
            if text_of(element).strip():
                _fold(element, spacers, styles)
                return
            if not any(True for _ in element.iter(W + "drawing", W + "pict", W + "object")):
                spacers.append(element)
        elif element.tag == W + "tbl":
            kept = _last_rows(element)
            for row in kept:  # each keeps with the next, the last with the block
                for p in row.iter(W + "p"):
                    _keep_next(p)
            _apart(element, kept)
            return
        element = element.getprevious()


def _last_rows(table: etree._Element) -> list[etree._Element]:
    """The table's last `KEPT_ROWS` rows, and the rows above them down which a cell of theirs is merged (up to
    `MOST_KEPT_ROWS`)."""
    rows = table.findall(W + "tr")
    start = max(len(rows) - KEPT_ROWS, 0)
    while start > max(len(rows) - MOST_KEPT_ROWS, 1) and _continues(rows[start]):
        start -= 1
    return rows[start:]


def _continues(row: etree._Element) -> bool:
    return any(merge.get(W + "val", "continue") == "continue" for merge in row.iter(W + "vMerge"))


def _apart(table: etree._Element, rows: list[etree._Element]) -> None:
    """`rows`, the last of `table`, moved to a table of their own after a 1 pt paragraph (same properties and
    grid), unless the table would be left with only its header or their first continues a merge from above. The
    rows set aside behind a comment (`table_bytes`) count, and stay in the first table."""
    above = [e for e in table if e.tag == W + "tr" or isinstance(e, etree._Comment)]
    if above.index(rows[0]) < 2 or _continues(rows[0]):
        return
    own = etree.Element(W + "tbl")
    for part in ("tblPr", "tblGrid"):
        found = table.find(W + part)
        if found is not None:
            own.append(copy.deepcopy(found))
    own.extend(rows)
    table.addnext(own)
    table.addnext(etree.fromstring(GAP))


def _fold(paragraph: etree._Element, spacers: list[etree._Element], styles: Styles) -> None:
    """Removes the empty `spacers`, adding the height they took to `paragraph`'s space after."""
    if not spacers:
        return
    height = 0
    for spacer in spacers:
        look = styles.paragraph(spacer)
        height += round(look.size * LINE_HEIGHT * 20) + look.before + look.after
        parent = spacer.getparent()
        assert parent is not None  # a spacer is found among the table's siblings
        parent.remove(spacer)
    after = styles.paragraph(paragraph).after + height
    paragraph_property(paragraph, "spacing").set(W + "after", str(after))


def _keep_next(p: etree._Element) -> None:
    paragraph_property(p, "keepNext")

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
next" on some rows of a table (only on all of them, and then it moves the whole table, leaving
page 1 with the title alone), so in its PDF such a report may still end with the block alone
when the block does not fit below the table; a self-rating line (`self_rating = true`) is a
paragraph, which it does keep.
"""

from __future__ import annotations

from lxml import etree

from pipeline.documents.paragraph_looks import W, Styles, paragraph_property

SIGNATURE_STYLES = ("ChucVuKy", "HoTenKy", "NoiNhanLabel")
KEPT_ROWS = 2  # rows of a table ending the body that go with the signature
LINE_HEIGHT = 1.15  # Times New Roman's single line, in ems (ascent + descent + gap of its metrics)


def is_signature_table(table: etree._Element) -> bool:
    """The closing table: a cell opening with "Nơi nhận" or a paragraph in a signature style."""
    styles = {s.get(W + "val") for s in table.iter(W + "pStyle")}
    texts = ("".join(p.itertext()).strip() for p in table.iter(W + "p"))
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
            if "".join(element.itertext()).strip():
                _fold(element, spacers, styles)
                return
            if not any(True for _ in element.iter(W + "drawing", W + "pict", W + "object")):
                spacers.append(element)
        elif element.tag == W + "tbl":
            for row in element.findall(W + "tr")[-KEPT_ROWS:]:  # each keeps with the next, the last with the block
                for p in row.iter(W + "p"):
                    _keep_next(p)
            return
        element = element.getprevious()


def _fold(paragraph: etree._Element, spacers: list[etree._Element], styles: Styles) -> None:
    """Removes the empty `spacers`, adding the height they took to `paragraph`'s space after."""
    if not spacers:
        return
    height = 0
    for spacer in spacers:
        look = styles.paragraph(spacer)
        height += round(look.size * LINE_HEIGHT * 20) + look.before + look.after
        spacer.getparent().remove(spacer)
    after = styles.paragraph(paragraph).after + height
    paragraph_property(paragraph, "spacing").set(W + "after", str(after))


def _keep_next(p: etree._Element) -> None:
    paragraph_property(p, "keepNext")

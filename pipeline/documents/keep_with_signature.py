"""The signature block never stands alone on a page.

The block of Nơi nhận and the signature sits in a borderless table row that cannot split;
when it does not fit at the foot of a page it moves whole to the next, and, with nothing to
keep it company, that page holds no word of the document's body (Nghị định 30/2020 wants
the signature with the text it signs). So the last paragraph of the body is kept with the block ("keep with next") and moves with it.

When a table ends the body (a report without its self-rating line), its last `KEPT_ROWS` rows
keep with the next: Word moves them with the block. LibreOffice 7.4 does not honour "keep with
next" on some rows of a table (only on all of them, and then it moves the whole table, leaving
page 1 with the title alone), so in its PDF such a report may still end with the block alone
when the block does not fit below the table; a self-rating line (`self_rating = true`) is a
paragraph, which it does keep.
"""

from __future__ import annotations

from lxml import etree

from pipeline.documents.paragraph_looks import W

SIGNATURE_STYLES = ("ChucVuKy", "HoTenKy", "NoiNhanLabel")
KEPT_ROWS = 2  # rows of a table ending the body that go with the signature
PPR_BEFORE_KEEP = ("pStyle",)


def is_signature_table(table: etree._Element) -> bool:
    """The closing table: a cell opening with "Nơi nhận" or a paragraph in a signature style."""
    styles = {s.get(W + "val") for s in table.iter(W + "pStyle")}
    texts = ("".join(p.itertext()).strip() for p in table.iter(W + "p"))
    return bool(styles & set(SIGNATURE_STYLES)) or any(t.startswith("Nơi nhận") for t in texts)


def keep_before(table: etree._Element) -> None:
    """Keeps with `table` every paragraph back to the last one with text, or a table's last rows."""
    element = table.getprevious()
    while element is not None:
        if element.tag == W + "p":
            if element.find(f"{W}pPr/{W}sectPr") is not None:
                return  # the body of another section: a page break lies between
            _keep_next(element)
            if "".join(element.itertext()).strip():
                return
        elif element.tag == W + "tbl":
            for row in element.findall(W + "tr")[-KEPT_ROWS:]:  # each keeps with the next, the last with the block
                for p in row.iter(W + "p"):
                    _keep_next(p)
            return
        element = element.getprevious()


def _keep_next(p: etree._Element) -> None:
    ppr = p.find(W + "pPr")
    if ppr is None:
        ppr = etree.Element(W + "pPr")
        p.insert(0, ppr)
    if ppr.find(W + "keepNext") is not None:
        return
    style = ppr.find(W + "pStyle")
    keep = etree.Element(W + "keepNext")
    if style is not None:
        style.addnext(keep)
    else:
        ppr.insert(0, keep)

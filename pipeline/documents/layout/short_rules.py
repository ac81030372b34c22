"""The short lines under the issuing body, the trích yếu and an appendix's title, sized to the text.

Nghị định 30/2020 draws a solid line under the issuing body's name and under the trích yếu
"có độ dài bằng từ 1/3 đến 1/2 độ dài của dòng chữ", centred on it; the line under the
Tiêu ngữ is as long as the Tiêu ngữ. A template draws each as the bottom border of an empty
paragraph; a fixed length cannot suit "UBND XÃ A" and "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG
THÔN" alike, so the length is set here from the widest printed line of the paragraph above:
`SHARE` of it, or all of it under the Tiêu ngữ.
"""

from __future__ import annotations

from lxml import etree

from pipeline.documents.layout.paragraph_looks import TWIPS_PER_MM, Styles, W, paragraph_property, text_of
from pipeline.documents.layout.text_width import wrapped_lines

SHARE = 0.4  # of the line above: between ND30's 1/3 and 1/2
MOTTO = "Độc lập - Tự do - Hạnh phúc"
_BOTTOM = f"{W}pPr/{W}pBdr/{W}bottom"


def is_rule(p: etree._Element) -> bool:
    """An empty paragraph drawn as a line: a bottom border and no text."""
    border = p.find(_BOTTOM)
    return (border is not None and border.get(W + "val", "nil") not in ("nil", "none")
            and not text_of(p).strip())


def size_rule(rule: etree._Element, styles: Styles, room_mm: float) -> None:
    """Sets the indents of `rule` so its line is the right share of the line above, centred in `room_mm`."""
    above = rule.getprevious()
    if above is None or above.tag != W + "p" or not text_of(above).strip():
        return
    text = "".join(t for t, _ in styles.runs(above))
    look = styles.paragraph(above)
    runs = list(styles.runs(above))
    bold = any(look.bold for _, look in runs)
    widest = max(wrapped_lines(text, look.size, room_mm - look.indent_mm, bold, look.italic), default=0.0)
    share = 1.0 if " ".join(text.split()) == MOTTO else SHARE
    length = min(widest * share, room_mm)
    side = round((room_mm - length) / 2 * TWIPS_PER_MM)
    _set_indents(rule, max(side, 0))


def _set_indents(p: etree._Element, side: int) -> None:
    ind = paragraph_property(p, "ind")
    for name in list(ind.attrib):
        if etree.QName(name).localname in ("firstLine", "hanging", "start", "end"):
            del ind.attrib[name]
    ind.set(W + "left", str(side))
    ind.set(W + "right", str(side))

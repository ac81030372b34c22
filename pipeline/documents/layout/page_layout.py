"""The page layout a rendered document needs and a template cannot fix in advance.

After rendering, with the data in place: data tables get column widths from their content
(`table_widths`, on the bytes, a row at a time: `table_bytes`), the short rules their length
from the text above them (`short_rules`), and the body's last lines are kept with the
signature block (`keep_with_signature`). The same document gives the same bytes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

from lxml import etree

from pipeline.documents.layout.keep_with_signature import is_signature_table, keep_before
from pipeline.documents.layout.paragraph_looks import TWIPS_PER_MM, Styles, W
from pipeline.documents.layout.short_rules import is_rule, size_rule
from pipeline.documents.layout.table_bytes import fit_tables, restored
from pipeline.documents.layout.table_widths import CELL_MARGIN


def lay_out(body: etree._Element, styles: Styles) -> None:
    """Sizes the short rules and keeps the signature with the body, in the `w:body` element."""
    for element, room in _with_text_width(body):
        if element.tag == W + "tbl":
            _table(element, styles, room)
        elif element.tag == W + "p" and room > 0 and is_rule(element):
            size_rule(element, styles, room / TWIPS_PER_MM)


def _table(table: etree._Element, styles: Styles, room: int) -> None:
    first = table.find(W + "tr")
    if first is not None and first.find(f"{W}trPr/{W}tblHeader") is not None:
        return  # a data table, fitted already (`table_bytes`): it holds no rule and no signature
    if is_signature_table(table):
        keep_before(table, styles)
    for row in table.iter(W + "tr"):  # rules inside cells: the header's, under the issuing body and the motto
        for tc in row.findall(W + "tc"):
            width = tc.find(f"{W}tcPr/{W}tcW")
            if width is None or width.get(W + "type", "dxa") != "dxa":
                continue
            cell_room = (int(width.get(W + "w", "0")) - 2 * CELL_MARGIN) / TWIPS_PER_MM
            for p in tc.findall(W + "p"):
                if is_rule(p):
                    size_rule(p, styles, cell_room)


def _with_text_width(body: etree._Element) -> Iterator[tuple[etree._Element, int]]:
    """Each top-level element of the body with the text width of its section, in twips."""
    pending: list[etree._Element] = []
    for element in body:
        if element.tag == W + "sectPr":
            break
        pending.append(element)
        section = element.find(f"{W}pPr/{W}sectPr") if element.tag == W + "p" else None
        if section is not None:
            room = _text_width(section)
            yield from ((e, room) for e in pending)
            pending = []
    final = body.find(W + "sectPr")
    room = _text_width(final) if final is not None else 0
    yield from ((e, room) for e in pending)


def _text_width(section: etree._Element) -> int:
    size, margins = section.find(W + "pgSz"), section.find(W + "pgMar")
    if size is None or margins is None:
        return 0
    return int(size.get(W + "w", "0")) - int(margins.get(W + "left", "0")) - int(margins.get(W + "right", "0"))


_PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True)


def laid_out(document_xml: bytes, styles: Styles) -> bytes:
    """`word/document.xml` with the layout steps applied."""
    return b"".join(laid_out_pieces(document_xml, styles))


def laid_out_pieces(document_xml: bytes, styles: Styles) -> Iterator[bytes | memoryview]:
    """`laid_out` in pieces, the rows of a large table written as they are asked for (`table_bytes.restored`).

    Pass the document as an expression (no variable of the caller holding it) and take the pieces as they
    come (`archive.zipped` compresses them so): a large decision then exists once, as rendered, not also
    fitted or joined. The collector is paused while the tables are measured: that makes many small objects,
    none of them in a cycle, and its passes over them cost more than the measuring."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        fitted, held = fit_tables(document_xml, styles)
    finally:
        if collecting:
            gc.enable()
    del document_xml  # what is left of it is the rows set aside, read when written
    root = etree.fromstring(fitted, _PARSER)
    body = root.find(W + "body")
    if body is None:
        return restored(fitted, held)
    del fitted
    lay_out(body, styles)
    return restored(etree.tostring(root, encoding="UTF-8", standalone=True), held)

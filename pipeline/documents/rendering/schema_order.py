"""Cell properties put back in the order the schema requires, after docxtpl has rendered a table.

Word repairs (and staff may not send) a file whose elements are out of schema order. docxtpl
writes some cell properties where the order does not allow them: `{% colspan %}` and
`{% cellbg %}` put `w:gridSpan` and `w:shd` first in `w:tcPr`, before `w:tcW`; `{% vm %}`
puts `w:vMerge` last, after a `w:vAlign` or `w:tcBorders` the cell may have. This works on
the document's bytes, moving each child's text as it is, so the fast (spliced) and the
serialised rendering, equal before, stay equal after; a cell already in order is not touched.
"""

from __future__ import annotations

import re

# CT_TcPr (ECMA-376 Part 1, 17.4.70), in order.
TC_PR_ORDER = ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
               "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge",
               "tcPrChange")
_RANK = {name.encode("ascii"): rank for rank, name in enumerate(TC_PR_ORDER)}
_TC_PR = re.compile(rb"(<w:tcPr(?:\s[^<>]*)?>)(.*?)(</w:tcPr>)", re.S)
# One child with what follows it up to the next: an empty element, or one with content (none of
# a cell's properties holds an element of its own name).
_CHILD = re.compile(rb"<w:(\w+)(?:\s[^<>]*?)?(?:/>|>.*?</w:\1\s*>)\s*", re.S)
# The properties docxtpl's tags write (`{% vm %}`, `{% colspan %}`, `{% cellbg %}`): only a cell holding one
# of them can be out of order.
_MOVED = re.compile(rb"<w:(?:vMerge|gridSpan|shd)\b")
# Where docxtpl's tags can leave cell properties out of order: a tag inside `w:tcPr` in the patched source.
_TAG_IN_TC_PR = re.compile(r"<w:tcPr(?:\s[^<>]*)?>(?:(?!</w:tcPr>).)*?{[{%]", re.S)


def may_disorder_cells(source: str) -> bool:
    """Whether a template's patched source writes cell properties whose order a tag decides."""
    return _TAG_IN_TC_PR.search(source) is not None


def cell_properties_in_order(xml: bytes) -> bytes:
    """`xml` with the children of every `w:tcPr` in schema order: the very same object when all
    are in order already (a large decision's XML is not copied for nothing).

    Only a cell holding a property docxtpl's tags write can be out of order, so only the `w:tcPr` around
    each of those is looked at: the scan resumes after the last `</w:tcPr>` before it, where no `w:tcPr`
    found by a scan from the start could be open (each ends at the first `</w:tcPr>` after it begins)."""
    moved = [found.start() for found in _MOVED.finditer(xml)]
    pieces: list[bytes | memoryview] = []  # views: the unchanged text is copied once, by the join
    start, whole = 0, memoryview(xml)
    scanned, following = 0, 0  # where the last `w:tcPr` looked at ends; the first of `moved` after it
    while following < len(moved):
        closed = xml.rfind(b"</w:tcPr>", scanned, moved[following])
        match = _TC_PR.search(xml, scanned if closed < 0 else closed + len(b"</w:tcPr>"))
        if match is None:
            break
        while following < len(moved) and moved[following] < match.start(2):
            following += 1  # outside any cell's properties
        if following < len(moved) and moved[following] < match.end(2):
            ordered = _ordered(match)
            if ordered is not None:
                pieces += [whole[start:match.start()], ordered]
                start = match.end()
        scanned = match.end()
    if not pieces:
        return xml
    pieces.append(whole[start:])
    return b"".join(pieces)


def _ordered(match: re.Match[bytes]) -> bytes | None:
    """The `w:tcPr` matched, its children in order; None when they are in order or not known."""
    opening, content, closing = match.groups()
    children = []
    position = len(content) - len(content.lstrip())
    while position < len(content):
        child = _CHILD.match(content, position)
        if child is None or child.group(1) not in _RANK or child.group(1) == b"tcPrChange":
            return None  # not a plain list of known properties: left as it is
        children.append((_RANK[child.group(1)], child.group()))
        position = child.end()
    ranks = [rank for rank, _ in children]
    if ranks == sorted(ranks):
        return None
    children.sort(key=lambda child: child[0])  # stable: repeated names keep their order
    return opening + content[:len(content) - len(content.lstrip())] + b"".join(text for _, text in children) + closing

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
    are in order already (a large decision's XML is not copied for nothing)."""
    pieces, start, whole = [], 0, memoryview(xml)  # views: the unchanged text is copied once, by the join
    for match in _TC_PR.finditer(xml):
        if not _MOVED.search(match.group(2)):
            continue  # none of the properties docxtpl's tags write: in the template's own order
        ordered = _ordered(match)
        if ordered is not None:
            pieces += [whole[start:match.start()], ordered]
            start = match.end()
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

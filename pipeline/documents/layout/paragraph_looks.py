"""What a paragraph looks like in print: font size, bold, italic, indents, alignment.

Read from the template's `styles.xml` (paragraph styles with their `basedOn` chain, the
document defaults) and from the paragraph's and runs' own properties, as Word resolves them.
The layout steps (`page_layout`) measure text with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import cast

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TWIPS_PER_MM = 1440 / 25.4
OFF = ("0", "false", "off")
Measures = tuple[float, float, int, float]  # a paragraph's longest word, whole line, characters, indents (mm)
MeasureParagraph = Callable[[bytes], Measures]  # measures a paragraph given as its bytes (`row_measures`)


@dataclass(frozen=True, slots=True)
class Look:
    size: float = 10.0  # points (Word's size when nothing says otherwise)
    bold: bool = False
    italic: bool = False
    align: str = "left"
    indent_mm: float = 0.0  # left + right indents
    before: int = 0  # spacing before and after the paragraph, twips
    after: int = 0


def text_of(element: etree._Element) -> str:
    """The text of `element` and all it holds (lxml's `itertext` gives text; its stubs say text or bytes)."""
    return "".join(cast(Iterator[str], element.itertext()))


def _toggle(rpr: etree._Element | None, name: str) -> bool | None:
    element = rpr.find(W + name) if rpr is not None else None
    return None if element is None else element.get(W + "val", "true") not in OFF


def _with_run(look: Look, rpr: etree._Element | None) -> Look:
    if rpr is None or not len(rpr):
        return look
    size = rpr.find(W + "sz")
    return combined(look, int(size.attrib[W + "val"]) / 2 if size is not None else None,
                     _toggle(rpr, "b"), _toggle(rpr, "i"))


@lru_cache(maxsize=1024)
def combined(look: Look, size: float | None, bold: bool | None, italic: bool | None) -> Look:
    return replace(look, size=look.size if size is None else size,
                   bold=look.bold if bold is None else bold, italic=look.italic if italic is None else italic)


def _with_paragraph(look: Look, ppr: etree._Element | None) -> Look:
    if ppr is None:
        return look
    jc, ind, spacing = ppr.find(W + "jc"), ppr.find(W + "ind"), ppr.find(W + "spacing")
    if jc is None and ind is None and spacing is None:
        return look
    if spacing is not None:
        look = replace(look, before=int(spacing.get(W + "before", look.before)),
                       after=int(spacing.get(W + "after", look.after)))
    if jc is not None:
        look = replace(look, align=jc.get(W + "val", "left"))
    if ind is not None:
        sides = sum(int(ind.get(W + side, ind.get(W + alias, "0")) or 0)
                    for side, alias in (("left", "start"), ("right", "end")))
        look = replace(look, indent_mm=sides / TWIPS_PER_MM)
    return look


class Styles:
    """The paragraph styles of a template, each resolved to a `Look`."""

    def __init__(self, styles_xml: bytes | None):
        # keyed by `w:styleId`, which the schema lets a style leave out (None)
        self.looks: dict[str | None, Look] = {}
        # `row_measures.measurer`: measures kept for its documents
        self.measurers: dict[tuple[bytes, bytes], MeasureParagraph] = {}
        self.default_style: str | None = ""
        if not styles_xml:
            self.base = Look()
            return
        root = etree.fromstring(styles_xml)
        defaults = root.find(f"{W}docDefaults")
        base = Look()
        if defaults is not None:
            base = _with_run(base, defaults.find(f"{W}rPrDefault/{W}rPr"))
            base = _with_paragraph(base, defaults.find(f"{W}pPrDefault/{W}pPr"))
        self.base = base
        self._elements: dict[str | None, etree._Element] = {
            s.get(W + "styleId"): s for s in root.iter(W + "style") if s.get(W + "type") == "paragraph"}
        for style_id, element in self._elements.items():
            if element.get(W + "default") in ("1", "true"):
                self.default_style = style_id
        for style_id in self._elements:
            self.looks[style_id] = self._resolve(style_id, set())

    def _resolve(self, style_id: str | None, seen: set[str | None]) -> Look:
        if style_id in self.looks:
            return self.looks[style_id]
        element = self._elements.get(style_id)
        if element is None or style_id in seen:
            return self.base
        seen.add(style_id)
        parent = element.find(W + "basedOn")
        look = self._resolve(parent.get(W + "val"), seen) if parent is not None else self.base
        look = _with_paragraph(look, element.find(W + "pPr"))
        return _with_run(look, element.find(W + "rPr"))

    def paragraph(self, p: etree._Element) -> Look:
        """The look of paragraph `p`'s own text (before any run's formatting)."""
        ppr = p.find(W + "pPr")
        style = ppr.find(W + "pStyle") if ppr is not None else None
        style_id = style.get(W + "val") if style is not None else self.default_style
        look = self.looks.get(style_id, self.base)
        return _with_paragraph(look, ppr)  # the paragraph mark's rPr formats the mark, not the text

    def runs(self, p: etree._Element, look: Look | None = None) -> Iterator[tuple[str, Look]]:
        """Each run's text with its look (`look`: the paragraph's, when known); a tab or a line break is a space."""
        look = look or self.paragraph(p)
        for run in p.iter(W + "r"):
            run_look = _with_run(look, run.find(W + "rPr"))
            text = "".join(t.text or "" if t.tag == W + "t" else " "
                           for t in run if t.tag in (W + "t", W + "tab", W + "br"))
            if text:
                yield text, run_look


# Children of a paragraph's properties in the order the schema requires (CT_PPr, ECMA-376 17.3.1.26).
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
             "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
             "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")


def paragraph_property(p: etree._Element, name: str) -> etree._Element:
    """`p`'s property `name` (`w:spacing`, `w:ind`…), added in its schema place when it has none."""
    ppr = p.find(W + "pPr")
    if ppr is None:
        ppr = etree.Element(W + "pPr")
        p.insert(0, ppr)
    found = ppr.find(W + name)
    if found is None:
        found = etree.Element(W + name)
        later = PPR_ORDER[PPR_ORDER.index(name) + 1:]
        following = next((c for c in ppr if etree.QName(c).localname in later), None)
        if following is None:
            ppr.append(found)
        else:
            following.addprevious(found)
    return found

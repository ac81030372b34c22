"""Problems in a template's page layout and tables that no tag shows, found in Word's own XML.

Two edits leave every tag intact and still give a wrong document:

- Re-saved by LibreOffice (7.4), a decision's first section loses "different first page"
  (`w:titlePg`) and keeps only its empty first-page header as the header of every page: the
  decision then has no page number from page 2 on, which Nghị định 30 asks for. Seen as a
  section whose pages carry no page number while the other sections' do, or a section that
  prints its page number on its first page (no `w:titlePg`).
- A column added in Word to the header row only, or a merged cell narrowed: the row repeated
  for each unit (between `{%tr for … %}` and `{%tr endfor %}`) then covers fewer columns than
  the table, and every unit's row comes out short or shifted. Every repeated row must cover
  the whole grid, as the header row does.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from pipeline.base.errors import Problem, Reason, problem
from pipeline.documents.checks.template_parts import W

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
BODY = "word/document.xml"
CONTROL_ROW = re.compile(r"{%-?\s*tr\s+(\w+)")
VM = re.compile(r"{%-?\s*vm\s*-?%}")


def layout_problems(path: Path, part_label: str) -> list[Problem]:
    """Page-number and table-shape problems of the body of the template at `path`."""
    with zipfile.ZipFile(path) as archive:
        document = etree.fromstring(archive.read(BODY))
        numbering = _section_numbering(archive, document)
    paragraphs = list(document.iter(f"{W}p"))
    index = {p: n for n, p in enumerate(paragraphs)}
    found = _page_number_problems(path.name, part_label, numbering, paragraphs)
    for table in document.iter(f"{W}tbl"):
        found += _table_problems(path.name, part_label, table, index)
    return found


def _text(element: etree._Element) -> str:
    return re.sub(r"\s+", " ", "".join(t.text or "" for t in element.iter(f"{W}t"))).strip()


def _section_numbering(archive: zipfile.ZipFile, document: etree._Element) -> list[tuple[int, bool, bool]]:
    """Each section as (index of its first paragraph, page number on pages 2+, page number on page 1).

    A section without a header (footer) of a type shows the previous section's, as Word does.
    """
    targets = _relationship_targets(archive)
    sections, first, effective = [], 0, {}
    for number, paragraph in enumerate(document.iter(f"{W}p")):
        properties = paragraph.find(f"{W}pPr/{W}sectPr")
        if properties is not None:
            sections.append((first, properties))
            first = number + 1
    final = document.find(f"{W}body/{W}sectPr")
    if final is not None:
        sections.append((first, final))
    result = []
    for first, properties in sections:
        for reference in properties:
            kind = etree.QName(reference).localname
            if kind in ("headerReference", "footerReference"):
                effective[(kind, reference.get(f"{W}type"))] = targets.get(reference.get(f"{R}id"), "")
        later = any(_has_page_field(archive, effective.get((k, "default"), "")) for k in _KINDS)
        title_page = properties.find(f"{W}titlePg") is not None
        on_first = (any(_has_page_field(archive, effective.get((k, "first"), "")) for k in _KINDS)
                    if title_page else later)
        result.append((first, later, on_first))
    return result


_KINDS = ("headerReference", "footerReference")


def _relationship_targets(archive: zipfile.ZipFile) -> dict[str | None, str]:
    try:
        rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
    except KeyError:
        return {}
    return {r.get("Id"): "word/" + r.get("Target", "").removeprefix("/word/")
            for r in rels.iter(f"{PACKAGE_RELS}Relationship")}


def _has_page_field(archive: zipfile.ZipFile, part: str) -> bool:
    """Whether a header or footer part holds a PAGE field (not NUMPAGES)."""
    if not part or part not in archive.namelist():
        return False
    root = etree.fromstring(archive.read(part))
    codes = [t.text or "" for t in root.iter(f"{W}instrText")]
    codes += [field.get(f"{W}instr", "") for field in root.iter(f"{W}fldSimple")]
    return any(re.search(r"\bPAGE\b", code) for code in codes)


def _page_number_problems(file: str, label: str, numbering: list[tuple[int, bool, bool]],
                          paragraphs: list[etree._Element]) -> list[Problem]:
    """A section without page numbers while others have them; a page number on a section's first page."""
    found: list[Problem] = []
    if not paragraphs:
        return found
    numbered_anywhere = any(later for _, later, _ in numbering)
    for number, (first, later, on_first) in enumerate(numbering, 1):
        at = min(first, len(paragraphs) - 1)
        words = next((_text(p) for p in paragraphs[at:] if _text(p)), "")[:160]
        details = {"file": file, "part": label, "section": number, "sections": len(numbering), "words": words,
                   "anchor": (BODY, at)}
        if numbered_anywhere and not later:
            found.append(problem(Reason.TEMPLATE_PAGE_NUMBERS_LOST, **details))
        elif on_first:
            found.append(problem(Reason.TEMPLATE_PAGE_NUMBER_ON_FIRST_PAGE, **details))
    return found


def _table_problems(file: str, label: str, table: etree._Element, index: dict) -> list[Problem]:
    """Each repeated row (between `{%tr for %}` and `{%tr endfor %}`) that covers fewer columns than the table."""
    rows = table.findall(f"{W}tr")
    grid = len(table.findall(f"{W}tblGrid/{W}gridCol"))
    columns = max([grid, *(_width(row) for row in rows)])
    found, depth = [], 0
    for row in rows:
        text = _text(row)
        control = CONTROL_ROW.search(text)
        if control:
            depth += {"for": 1, "endfor": -1}.get(control.group(1), 0)
            continue
        if depth <= 0 or _width(row) >= columns:
            continue
        merged = next((p for p in row.iter(f"{W}p") if VM.search(_text(p))), None)
        anchor = merged if merged is not None else next(row.iter(f"{W}p"), None)
        reason = Reason.TEMPLATE_MERGED_CELL_SHORT if merged is not None else Reason.TEMPLATE_ROW_SHORT
        found.append(problem(reason, file=file, part=label, value=_text(merged) if merged is not None else "",
                             cells=_width(row), columns=columns, words=" | ".join(_cells(row))[:160],
                             anchor=(BODY, index[anchor]) if anchor is not None else None))
    return found


def _cells(row: etree._Element) -> list[str]:
    return [_text(cell) for cell in row.findall(f"{W}tc")]


def _width(row: etree._Element) -> int:
    """How many grid columns a row covers: its cells with their spans, and the gaps before and after."""
    def number(element: etree._Element | None) -> int:
        return int(element.get(f"{W}val", "1")) if element is not None else 0

    spans = sum(number(cell.find(f"{W}tcPr/{W}gridSpan")) or 1 for cell in row.findall(f"{W}tc"))
    return spans + number(row.find(f"{W}trPr/{W}gridBefore")) + number(row.find(f"{W}trPr/{W}gridAfter"))

"""A template must be a plain Word document: no macros, ActiveX controls, embedded OLE objects or links to files.

A macro-enabled document renamed .docx would otherwise go out as the official document with its
macro and its macro-enabled content type; an OLE object or a control runs code when opened; a
link to a file (an attached template, a linked picture or sub-document) reaches outside the
document. Each kind is refused with how to make a clean .docx in Word. Links to web pages
(hyperlinks) are plain text to Word and stay.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from pipeline.base.errors import InputErrors, Problem, Reason, problem

NO_BODY = "không có phần nội dung word/document.xml"  # a template's `{error}` when its document has no body
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_WEB = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)


def not_plain_word(archive: zipfile.ZipFile, path: Path) -> list[Problem]:
    """Every way the template at `path` (opened as `archive`) is more than a plain Word document."""
    names = archive.namelist()
    found: list[Problem] = []
    types = _read(archive, "[Content_Types].xml").lower()
    macro = [n for n in names if re.search(r"vba(project\.bin|data\.xml)$", n, re.IGNORECASE)]
    if macro or "macroenabled" in types or "vbaproject" in types:
        found.append(problem(Reason.TEMPLATE_NOT_PLAIN, file=path.name, what="macro",
                             part=(macro or ["[Content_Types].xml"])[0]))
    controls = [n for n in names if n.lower().startswith("word/activex/")]
    if controls:
        found.append(problem(Reason.TEMPLATE_NOT_PLAIN, file=path.name, what="activex", part=controls[0]))
    objects = [n for n in names if re.search(r"(^|/)oleobject\d*\.bin$", n, re.IGNORECASE)]
    if objects or "oleobject" in types:
        found.append(problem(Reason.TEMPLATE_NOT_PLAIN, file=path.name, what="ole",
                             part=(objects or ["[Content_Types].xml"])[0]))
    for name in (n for n in names if n.endswith(".rels")):
        try:
            relations = etree.fromstring(archive.read(name)).iter(_REL)
        except etree.XMLSyntaxError:
            continue
        for relation in relations:
            target = relation.get("Target", "")
            if relation.get("TargetMode") == "External" and not (relation.get("Type") == _HYPERLINK
                                                                  and _WEB.match(target)):
                found.append(problem(Reason.TEMPLATE_NOT_PLAIN, file=path.name, what="link", part=name,
                                     target=target))
    return list(dict.fromkeys(found))


def refuse_not_plain(archive: zipfile.ZipFile, path: Path) -> None:
    found = not_plain_word(archive, path)
    if found:
        raise InputErrors(found)


def _read(archive: zipfile.ZipFile, name: str) -> str:
    try:
        return archive.read(name).decode("utf-8", "replace")
    except KeyError:
        return ""

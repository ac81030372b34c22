"""A Word template's parts as docxtpl reads them, and the problems seen only in Word's structure.

Word splits typed text into runs, moves formatting and keeps tags in rows and cells; what
staff see is not what docxtpl reads. This module reads the body, headers, footers and
footnotes the way docxtpl patches them (one line per paragraph, for locating problems) and
finds what only the runs, rows and cells show: a tag opened in one paragraph and closed in
another, `{%tr %}` outside a row, `{%tc %}` outside a cell, a `{% vm %}` cell split apart,
and a tag whose pieces Word formatted differently.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import zipfile
from dataclasses import dataclass
from itertools import accumulate, pairwise
from pathlib import Path

from docxtpl import DocxTemplate
from lxml import etree

from pipeline.base.errors import InputErrors, Problem, Reason, problem
from pipeline.documents.rendering.limits import refuse_oversized
from pipeline.documents.rendering.template_package import NO_BODY, refuse_not_plain

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TAG = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.DOTALL)
# Run properties that change nothing a reader sees: revision ids, spelling language, proofing.
# An attribute each paragraph of the patched copy carries: its index in the part, so that a problem found
# in docxtpl's source can be anchored back to the paragraph staff see (comments on an annotated copy).
MARK = "pipeline-paragraph"
INVISIBLE = {"rsidR", "rsidRPr", "rsidDel", "rsidRDefault", "lang", "noProof", "proofErr", "webHidden"}


@dataclass(frozen=True)
class Part:
    """One XML part of the template as docxtpl reads it: one line per paragraph."""

    name: str
    raw: etree._Element
    source: str

    def words(self, line: int) -> str:
        lines = self.source.splitlines()
        text = re.sub(r"<[^>]+>", "", lines[line - 1]) if 0 < line <= len(lines) else ""
        return _short(text)

    def paragraph_at(self, line: int) -> int | None:
        """The index (in `raw`) of the paragraph a line of the source belongs to, or None before the first."""
        lines = self.source.splitlines()[:max(line, 0)]
        for text in reversed(lines):
            found = re.match(rf'<w:p [^>]*{MARK}="(\d+)"', text)
            if found:
                return int(found.group(1))
        return None


def template_parts(path: Path) -> list[Part]:
    """The body, headers and footers that hold tags, patched the way docxtpl patches them."""
    if not path.is_file():
        raise InputErrors([problem(Reason.TEMPLATE_MISSING, file=str(path))])
    try:
        with zipfile.ZipFile(path) as archive:
            refuse_oversized(archive, path)
            refuse_not_plain(archive, path)
            names = [n for n in archive.namelist()
                     if re.fullmatch(r"word/(document|header\d*|footer\d*|footnotes)\.xml", n)]
            blobs = {n: archive.read(n) for n in names}
        raws = {n: etree.fromstring(blob) for n, blob in blobs.items()}
    except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError, OSError) as exc:
        raise InputErrors([problem(Reason.TEMPLATE_UNREADABLE, file=path.name, error=str(exc))]) from exc
    no_body = problem(Reason.TEMPLATE_UNREADABLE, file=path.name, error=NO_BODY)
    if "word/document.xml" not in raws:
        raise InputErrors([no_body])
    parts = []
    for name, raw in raws.items():
        content = raw.find(f"{W}body") if name == "word/document.xml" else raw
        if content is None:
            raise InputErrors([no_body])
        element = copy.deepcopy(content)
        _drop_misplaced_levels(element)
        for index, paragraph in enumerate(element.iter(f"{W}p")):
            paragraph.set(MARK, str(index))
        xml = etree.tostring(element, encoding="unicode")
        if not TAG.search(re.sub(r"<[^>]+>", "", xml)) and "{" not in xml:
            continue
        source = re.sub(r"<w:p([ >])", r"\n<w:p\1", DocxTemplate.patch_xml(None, xml))
        parts.append(Part(name, raw, source))
    return parts


def _drop_misplaced_levels(element: etree._Element) -> None:
    """`{%tr` outside a row becomes `{%`, so docxtpl does not cut the text between rows (reported apart)."""
    for text in element.iter(f"{W}t"):
        if text.text and re.search(r"{[{%#](tr|tc)\s", text.text):
            ancestors = {a.tag for a in text.iterancestors()}
            for level in ("tr", "tc"):
                if f"{W}{level}" not in ancestors:
                    text.text = re.sub(r"({[{%#])" + level + r"(\s)", r"\1\2", text.text)


def tag_problem(reason: Reason, file: str, part: Part, line: int | None, **details: str) -> Problem:
    """A problem at a line of the patched source, quoting the tag and paragraph as Word shows them."""
    words = part.words(line or 0)
    at = part.paragraph_at(line or 0)
    value = details.get("value", "")
    if value.startswith("{%"):
        written = _as_written(part, value)
        if written:
            details["value"] = written[0][0]
            if len(written) == 1:  # a tag written once: its own paragraph; else docxtpl's neighbours
                words, at = written[0][1], written[0][2]
    at = _holding(part, details.get("value", ""), at)
    return problem(reason, file=file, part=part_label(part.name), words=words, **details,
                   anchor=None if at is None else (part.name, at))


def _holding(part: Part, value: str, at: int | None) -> int | None:
    """The paragraph that holds `value` as typed, when docxtpl's line is another one (a `{%p …%}` or
    `{%tr …%}` paragraph is cut out of the source, its tag joined to the line before) and one paragraph does."""
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in part.raw.iter(f"{W}p")]
    if not value or (at is not None and at < len(texts) and value in texts[at]):
        return at
    holding = [index for index, text in enumerate(texts) if value in text]
    return holding[0] if len(holding) == 1 else at


def _as_written(part: Part, tag: str) -> list[tuple[str, str, int]]:
    """Each place `{% for x in y %}` is typed in Word (as `{%p for x in y %}`), with its paragraph's words
    and index."""
    inner = re.sub(r"\s+", " ", tag[2:-2]).strip(" -")
    places = []
    for index, paragraph in enumerate(part.raw.iter(f"{W}p")):
        text = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
        for written in re.finditer(r"{%.*?%}", text):
            typed = re.sub(r"\s+", " ", re.sub(r"^{%-?\s*(?:p|tr|tc|r)\s", "{% ", written.group())[2:-2]).strip(" -")
            if typed == inner:
                places.append((written.group(), _short(text), index))
    return places


def part_label(name: str) -> str:
    if "header" in name:
        return "đầu trang"
    if "footer" in name:
        return "chân trang"
    return "chú thích" if "footnotes" in name else "nội dung"


def _short(text: str, limit: int = 160) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[:limit - 1] + "…"


def raw_problems(file: str, part: Part) -> list[Problem]:
    """Problems visible only in Word's own structure: runs, rows, cells, paragraphs."""
    found = []
    for index, paragraph in enumerate(part.raw.iter(f"{W}p")):
        at = (part.name, index)
        runs = [(r, "".join(t.text or "" for t in r.iter(f"{W}t"))) for r in paragraph.iter(f"{W}r")]
        text = "".join(t for _, t in runs)
        words = _short(text)
        for opened in re.finditer(r"{[{%#]", text):
            closing = {"{{": "}}", "{%": "%}", "{#": "#}"}[opened.group()]
            if text.find(closing, opened.end()) < 0:
                found.append(problem(Reason.TEMPLATE_TAG_OPEN, file=file, part=part_label(part.name),
                                     value=text[opened.start():opened.start() + 30], words=words, anchor=at))
        found += [dataclasses.replace(p, anchor=at) for p in _vm_problems(file, part, paragraph, words)]
        for tag in TAG.finditer(text):
            levels = _level_problems(file, part, paragraph, tag.group(), words)
            found += [dataclasses.replace(p, anchor=at) for p in levels]
            styles = _styles_over(runs, tag.start(), tag.end())
            if len(styles) > 1:
                found.append(problem(Reason.TEMPLATE_SPLIT_TAG, file=file, part=part_label(part.name),
                                     value=tag.group(), words=words, pieces=" | ".join(styles), anchor=at))
    return found


def _vm_problems(file: str, part: Part, paragraph: etree._Element, words: str) -> list[Problem]:
    """docxtpl merges a `{% vm %}` cell by hiding only the text element that ends up holding the tag:
    the text of the pieces the tag spans. Text in any other piece would repeat in every merged cell."""
    pieces = [t.text or "" for t in paragraph.iter(f"{W}t")]
    text = "".join(pieces)
    tag = re.search(r"{%\s*vm\s*%}", text)
    if not tag:
        return []
    ends = list(accumulate(len(piece) for piece in pieces))
    bounds = list(pairwise([0, *ends]))
    spans = [t.span() for t in TAG.finditer(text)]
    start, end = tag.span()
    while True:  # docxtpl joins into one text element every piece a tag spans, tag by tag
        wider_start = next(b for b, e in bounds if e > start)
        wider_end = next(e for b, e in reversed(bounds) if b < end)
        wider_start = min([wider_start, *(s for s, e in spans if s < wider_start < e)])
        wider_end = max([wider_end, *(e for s, e in spans if s < wider_end < e)])
        if (wider_start, wider_end) == (start, end):
            break
        start, end = wider_start, wider_end
    outside = text[:start] + text[end:]
    if not outside.strip():
        return []
    return [problem(Reason.TEMPLATE_VM_SPLIT, file=file, part=part_label(part.name), value="{% vm %}",
                    words=words)]


def _level_problems(file: str, part: Part, paragraph: etree._Element, tag: str, words: str) -> list[Problem]:
    level = re.match(r"[{][{%#](tr|tc)\s", tag)
    if not level:
        return []
    needed = f"{W}{level.group(1)}"
    if any(a.tag == needed for a in paragraph.iterancestors()):
        return []
    reason = Reason.TEMPLATE_ROW_TAG if level.group(1) == "tr" else Reason.TEMPLATE_CELL_TAG
    return [problem(reason, file=file, part=part_label(part.name), value=tag, words=words)]


def _styles_over(runs: list[tuple[etree._Element, str]], start: int, end: int) -> list[str]:
    """The pieces of text[start:end] in order, each with its visible formatting, when they differ."""
    pieces: list[list[str]] = []
    position = 0
    for run, text in runs:
        if text and position < end and position + len(text) > start:
            piece, style = text[max(start - position, 0):end - position], _visible_format(run)
            if pieces and pieces[-1][0] == style:
                pieces[-1][1] += piece
            else:
                pieces.append([style, piece])
        position += len(text)
    if len({style for style, _ in pieces}) < 2:
        return []
    return [f'"{text}" {style or "(định dạng thường)"}' for style, text in pieces]


def _visible_format(run: etree._Element) -> str:
    properties = run.find(f"{W}rPr")
    if properties is None:
        return ""
    names = []
    for child in properties:
        name = etree.QName(child).localname
        if name in INVISIBLE:
            continue
        value = child.get(f"{W}val")
        names.append(_FORMAT_WORDS.get(name, name) + (f" {value}" if value not in (None, "1", "true") else ""))
    return ", ".join(sorted(names))


_FORMAT_WORDS = {"b": "đậm", "bCs": "đậm", "i": "nghiêng", "iCs": "nghiêng", "u": "gạch chân", "sz": "cỡ chữ",
                 "szCs": "cỡ chữ", "rFonts": "phông chữ", "color": "màu chữ", "highlight": "tô nền",
                 "strike": "gạch ngang", "caps": "chữ hoa", "vertAlign": "chỉ số trên/dưới"}

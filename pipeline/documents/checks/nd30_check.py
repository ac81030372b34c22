"""The ND30 rule pack (`nd30_rules.toml`: each rule with its place in the decree, what it checks, its severity) run
on any Word document: what holds, what fails (with what was found), what could not be evaluated.

A rule is never reported as holding when it was not checked: a document without "./." has nothing to check after
it, a font named by the theme is not read, a digital signature is not in a Word file; each says so. Each outcome
carries the paragraph it concerns (`anchor`, as a template problem does), for `--annotate` to put a Word comment
there.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeAlias

from docx import Document
from docx.document import Document as WordDocument
from docx.shared import Length, Mm
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from pipeline.base.errors import Problem, Reason, problem

HOLDS, FAILS, UNKNOWN = "đạt", "không đạt", "không kiểm tra được"
A4_MM = (210, 297)
END_MARK = "./."
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# one rule of the pack as `nd30_rules.toml` writes it: `kind`, `place`, `checks`, `severity` and what its kind reads
Rule: TypeAlias = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Outcome:
    rule: Rule
    status: str  # HOLDS, FAILS, UNKNOWN
    found: str = ""  # what the document has (a failure), or why it could not be checked
    paragraph: int = 0  # the body paragraph it concerns (0: the first)


def rules() -> list[Rule]:
    text = files("pipeline.documents.checks").joinpath("nd30_rules.toml").read_text(encoding="utf-8")
    pack: list[Rule] = tomllib.loads(text)["rule"]
    return pack


def check_document(path: Path) -> list[Outcome]:
    """Every rule of the pack on the document at `path`, in the pack's order."""
    document = Document(str(path))
    return [_CHECKS[rule["kind"]](document, rule) for rule in rules()]


def _mm(length: Length | None) -> float:
    return round(length / Mm(1), 1) if length is not None else 0.0


def _paper(document: WordDocument, rule: Rule) -> Outcome:
    wrong = [f"phần {n}: {_mm(s.page_width):g} × {_mm(s.page_height):g} mm"
             for n, s in enumerate(document.sections, 1)
             if sorted((round(_mm(s.page_width)), round(_mm(s.page_height)))) != list(A4_MM)]
    return Outcome(rule, FAILS if wrong else HOLDS, "; ".join(wrong))


def _margins(document: WordDocument, rule: Rule) -> Outcome:
    names = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}
    wrong = []
    for n, section in enumerate(document.sections, 1):
        for side, name in names.items():
            value = _mm(getattr(section, f"{side}_margin"))
            low, high = rule[side]
            if not low - 0.5 <= value <= high + 0.5:
                wrong.append(f"phần {n}: lề {name} {value:g} mm (cần {low}–{high} mm)")
    return Outcome(rule, FAILS if wrong else HOLDS, "; ".join(wrong))


def _style_font(style: ParagraphStyle | None) -> str | None:
    while style is not None:
        name: str | None = style.font.name
        if name:
            return name
        style = style.base_style
    return None


def _default_font(document: WordDocument) -> str | None:
    fonts = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    return fonts.get(f"{W}ascii") if fonts is not None else None


def _runs(document: WordDocument) -> Iterator[tuple[int, Paragraph, Run]]:
    """Each run of the body with text, with its paragraph's index: paragraphs, then table cells'."""
    for n, paragraph in enumerate(document.paragraphs):
        for run in paragraph.runs:
            if run.text.strip():
                yield n, paragraph, run
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        if run.text.strip():
                            yield 0, paragraph, run


def _font(document: WordDocument, rule: Rule) -> Outcome:
    default = _default_font(document)
    other: Counter[str] = Counter()
    first: dict[str, int] = {}
    unread = False
    for n, paragraph, run in _runs(document):
        name = run.font.name or _style_font(paragraph.style) or default
        if name is None:
            unread = True
        elif name != rule["font"]:
            other[name] += len(run.text)
            first.setdefault(name, n)
    if other:
        name, _ = other.most_common(1)[0]
        return Outcome(rule, FAILS, ", ".join(f"{f} ({c} ký tự)" for f, c in other.most_common()), first[name])
    if unread:
        return Outcome(rule, UNKNOWN, "phông lấy theo giao diện (theme) của Word, chương trình không đọc được")
    return Outcome(rule, HOLDS)


def _size(paragraph: Paragraph, run: Run) -> float | None:
    size: Length | None = run.font.size
    style = paragraph.style
    while size is None and style is not None:
        size = style.font.size
        style = style.base_style
    if size is None:
        return None
    points: float = size.pt  # python-docx leaves `Length.pt` unannotated
    return points


def _body_size(document: WordDocument, rule: Rule) -> Outcome:
    sizes: Counter[float | None] = Counter()
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if run.text.strip():
                sizes[_size(paragraph, run)] += len(run.text)
    sizes.pop(None, None)
    if not sizes:
        return Outcome(rule, UNKNOWN, "không có chữ nội dung có cỡ chữ ghi rõ")
    size, _ = sizes.most_common(1)[0]
    low, high = rule["sizes"]
    return Outcome(rule, HOLDS if low <= size <= high else FAILS, f"cỡ {size:g} (phần lớn chữ nội dung)")


def _texts(document: WordDocument, rule: Rule) -> Outcome:
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(p.text for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs)
    text = " ".join(text.replace("\u00a0", " ").split())
    missing = [choices.split("|")[0] for choices in rule["texts"] if not any(c in text for c in choices.split("|"))]
    return Outcome(rule, FAILS if missing else HOLDS, "; ".join(f"không có \"{m}\"" for m in missing))


def _after_end(document: WordDocument, rule: Rule) -> Outcome:
    paragraphs = document.paragraphs
    ends = [n for n, p in enumerate(paragraphs) if p.text.rstrip().endswith(END_MARK)]
    if not ends:
        return Outcome(rule, UNKNOWN, "văn bản không có dấu kết thúc \"./.\"")
    end = ends[-1]
    body = list(document.element.body.iterchildren())
    at = body.index(paragraphs[end]._p)
    for element in body[at + 1:]:
        if element.tag == f"{W}tbl":
            break  # the signature block
        words = "".join(t.text or "" for t in element.iter(f"{W}t")).strip()
        if element.tag == f"{W}p" and words:
            return Outcome(rule, FAILS, f"sau \"./.\" còn \"{words[:60]}\"", paragraphs.index(
                next(p for p in paragraphs if p._p is element)))
    return Outcome(rule, HOLDS)


def _page_numbers(document: WordDocument, rule: Rule) -> Outcome:
    wrong = []
    for n, section in enumerate(document.sections, 1):
        header = section.header
        numbered = "PAGE" in header._element.xml if not header.is_linked_to_previous or n == 1 else True
        first = section.different_first_page_header_footer
        if not numbered:
            wrong.append(f"phần {n}: không có số trang")
        elif not first or "PAGE" in section.first_page_header._element.xml:
            wrong.append(f"phần {n}: số trang hiện cả ở trang đầu")
    return Outcome(rule, FAILS if wrong else HOLDS, "; ".join(wrong))


def _not_evaluable(document: WordDocument, rule: Rule) -> Outcome:
    return Outcome(rule, UNKNOWN, rule.get("why", ""))


def outcome_lines(path: Path, outcomes: list[Outcome]) -> list[str]:
    """What the command prints: per status, each rule with its place and what was found."""
    lines = [f"Thể thức của {path.name} theo Nghị định 30/2020/NĐ-CP: {sum(o.status == HOLDS for o in outcomes)} "
             f"điều đạt, {sum(o.status == FAILS for o in outcomes)} điều không đạt, "
             f"{sum(o.status == UNKNOWN for o in outcomes)} điều không kiểm tra được."]
    for status, title in ((FAILS, "Không đạt"), (UNKNOWN, "Không kiểm tra được"), (HOLDS, "Đạt")):
        chosen = [o for o in outcomes if o.status == status]
        if chosen:
            lines.append(f"\n{title}:")
            lines += [f"  {n}. {o.rule['checks']} ({o.rule['place']}; mức {o.rule['severity']})"
                      + (f": {o.found}" if o.found and status != HOLDS else "") for n, o in enumerate(chosen, 1)]
    return lines


def outcome_problems(path: Path, outcomes: list[Outcome]) -> list[Problem]:
    """The rules that fail or could not be checked, as problems anchored at their paragraph (`template_comments`)."""
    document = Document(str(path))
    every = list(document.element.body.iter(f"{W}p"))
    tops = document.paragraphs
    found = []
    for outcome in outcomes:
        if outcome.status == HOLDS:
            continue
        at = every.index(tops[outcome.paragraph]._p) if tops and outcome.paragraph < len(tops) else 0
        found.append(problem(Reason.ND30_FAILS if outcome.status == FAILS else Reason.ND30_UNKNOWN,
                             file=path.name, anchor=("word/document.xml", at), place=outcome.rule["place"],
                             checks=outcome.rule["checks"], found=outcome.found or "—"))
    return found


_CHECKS: dict[str, Callable[[WordDocument, Rule], Outcome]] = {
    "paper": _paper, "margins": _margins, "font": _font, "body_size": _body_size, "texts": _texts,
    "after_end": _after_end, "page_numbers": _page_numbers, "not_evaluable": _not_evaluable}

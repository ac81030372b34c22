"""A generated report with each finding on typed numbers (`scoring.checks`) as a Word comment at its criterion.

With `[checks] comments = true`, the person who signs sees the finding where the figure is: on the criterion's
rationale in the table (or on its code, when the rationale is not found). Comments are added as
`check-template --annotate` adds them (`template_comments`), then the package is zipped again without a clock,
so the same inputs still give the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from pipeline.base.archive import zipped
from pipeline.base.errors import Problem
from pipeline.base.messages import explain
from pipeline.base.messages_checks import REVIEW_TEXT
from pipeline.documents.checks.template_comments import comment_styles, commented_runs

COMMENTS = "word/comments.xml"
LOOK_AHEAD = 8  # paragraphs after a criterion's code where its rationale is looked for


def with_findings(document: bytes, findings: tuple[Problem, ...] | list[Problem],
                  criteria: list[dict[str, Any]]) -> bytes:
    """`document` (a rendered report) with one comment per finding, at the rationale of the finding's criterion."""
    word = Document(io.BytesIO(document))
    comment_styles(word)
    paragraphs = list(word.element.body.iter(qn("w:p")))
    texts = [" ".join("".join(t.text or "" for t in p.iter(qn("w:t"))).replace("\u00a0", " ").split())
             for p in paragraphs]
    rows = {(r["file"], r["sheet"], r["row"]): r for r in criteria}
    for finding in findings:
        row = rows.get((finding.file, finding.sheet, finding.row))
        at, value = _anchor(texts, row)
        paragraph = Paragraph(paragraphs[at], word._body)
        text = explain(finding)
        word.add_comment(commented_runs(paragraph, value), text=text[:1].upper() + text[1:],
                         author=REVIEW_TEXT.author, initials=REVIEW_TEXT.initials)
    buffer = io.BytesIO()
    word.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    parts[COMMENTS] = re.sub(rb' w:date="[^"]*"', b"", parts[COMMENTS])  # the clock: optional in a comment
    return zipped(parts)


def _anchor(texts: list[str], row: dict[str, Any] | None) -> tuple[int, str]:
    """The paragraph of the criterion's rationale (its first line), else of its code (an item's title), else the
    first one."""
    if row is None:
        return 0, ""
    code = row["code"] or " ".join(row["title"].split())  # an item without a code: its title
    first_line = (row.get("rationale") or "").split("\n")[0].strip()
    for index, text in enumerate(texts):
        if text != code:
            continue
        for later in range(index + 1, min(index + 1 + LOOK_AHEAD, len(texts))):
            if first_line and texts[later] == first_line:
                return later, first_line
        return index, code
    return 0, ""

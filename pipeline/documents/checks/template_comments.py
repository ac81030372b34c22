"""A copy of a template with each problem `check-template` found as a Word comment at its paragraph.

Staff fix templates in Word, not in a terminal: the comment sits where the mistake is, with
the same words the command prints (what is wrong, how to fix it). Word shows comments of
the body only, so a problem in a header, footer or footnote, or one with no paragraph, is
put on the body's first paragraph (its text names the part). Comments are added with
python-docx (`Document.add_comment`), which keeps the package valid for Word.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from pipeline.base.errors import Problem
from pipeline.base.messages import COMMAND_LINE, Audience, describe
from pipeline.base.messages_documents import ANNOTATE_TEXT
from pipeline.documents.rendering.template_package import refuse_not_plain

BODY = "word/document.xml"


def annotated(path: Path, problems: list[Problem] | tuple[Problem, ...], audience: Audience = COMMAND_LINE) -> bytes:
    """The template at `path`, as a .docx with one comment per problem (in `audience`'s words), anchored at its
    paragraph.

    A template that is more than a plain Word document (`template_package`) is refused: a copy would carry
    its macro, control, object or link on."""
    with zipfile.ZipFile(path) as archive:
        refuse_not_plain(archive, path)
    document = Document(str(path))
    comment_styles(document)
    paragraphs = list(document.element.body.iter(qn("w:p")))
    for problem in problems:
        at = problem.anchor[1] if problem.anchor and problem.anchor[0] == BODY else 0
        paragraph = Paragraph(paragraphs[min(at, len(paragraphs) - 1)], document._body)
        document.add_comment(commented_runs(paragraph, problem.value or ""), text=describe(problem, audience),
                             author=ANNOTATE_TEXT.author, initials=ANNOTATE_TEXT.initials)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# Word's own styles for comments (style id, name, type, size): python-docx refers to them and does not add them.
COMMENT_STYLES = (("CommentReference", "annotation reference", WD_STYLE_TYPE.CHARACTER, 8),
                  ("CommentText", "annotation text", WD_STYLE_TYPE.PARAGRAPH, 10))


def comment_styles(document: WordDocument) -> None:
    """The comment styles, as Word defines them, when the template lacks them (a style used but not
    defined makes Word repair the file)."""
    known = {style.style_id for style in document.styles}
    for style_id, name, kind, size in COMMENT_STYLES:
        if style_id not in known:
            style = document.styles.add_style(name, kind)
            style.style_id = style_id
            style.font.size = Pt(size)


def commented_runs(paragraph: Paragraph, value: str) -> list[Run]:
    """The runs holding `value` when the paragraph shows it, else all its runs (one empty run if it has none).

    Runs added for earlier comments (the comment marks) are left out: a comment covers text only.
    """
    runs = [Run(r, paragraph) for r in paragraph._p.r_lst if r.find(qn("w:commentReference")) is None]
    if not runs:
        return [paragraph.add_run()]
    texts = [run.text for run in runs]
    start = "".join(texts).find(value) if value else -1
    if start < 0:
        return runs
    end, position, holding = start + len(value), 0, []
    for run, text in zip(runs, texts, strict=True):
        if text and position < end and position + len(text) > start:
            holding.append(run)
        position += len(text)
    return holding or runs

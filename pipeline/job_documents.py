"""What a run asks of the process that renders its own documents: templates prepared and checked, the decision
(or ranking) document with its findings as comments, and the summary.

A run gives these to a second process (`base.workers.Ahead`) that prepares the templates while the first reads
and computes; the modules they need (docxtpl, python-docx, Jinja: a fifth of a second) are imported inside each
function, so that the process which only asks never imports them.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.base.errors import InputErrors

if TYPE_CHECKING:
    from pipeline.base.errors import Problem
    from pipeline.scoring.result import JobResult


def documents_imported() -> None:
    """The modules that check templates and render a job's documents, imported before the result is known."""
    import pipeline.documents.checks.finding_comments
    import pipeline.documents.checks.template_check
    import pipeline.documents.content.context
    import pipeline.documents.rendering.render  # noqa: F401


def templates_prepared(paths: tuple[Path, ...]) -> None:
    """The templates this process will render, read and compiled (`render.prepared` keeps them) before the result
    is known. A template that cannot be read is said by its check (`template_problems`): not here."""
    from pipeline.documents.rendering.render import prepared

    for path in paths:
        with contextlib.suppress(InputErrors):
            prepared(path)


def template_problems(template: Path, context: str) -> list[Problem]:
    """`check_template`'s problems, a template it cannot read among them (said, not raised: they travel back)."""
    from pipeline.documents.checks.template_check import check_template

    try:
        return check_template(template, context)
    except InputErrors as exc:
        return list(exc.problems)


def decision_document(template: Path, result: JobResult, comments: bool) -> bytes:
    """The job's document (decision with its appendices, or ranking tables) for `result`; with `comments`, each
    finding on typed numbers a Word comment at its criterion."""
    from pipeline.documents.content.context import document_context

    return commented_document(template, document_context(result), result.findings if comments else (),
                              result.criteria)


def commented_document(template: Path, context: dict[str, Any], findings: tuple[Problem, ...] = (),
                       criteria: list[Any] | None = None) -> bytes:
    """The document for `context` (a unit's report or notice, or the job's own), each of `findings` a Word comment at
    its criterion."""
    from pipeline.documents.checks.finding_comments import with_findings
    from pipeline.documents.rendering.render import render_document

    document = render_document(template, context)
    if findings and criteria is not None:
        document = with_findings(document, findings, criteria)
    return document


def summary_document(template: Path, result: JobResult) -> bytes:
    """The summary (thông cáo kết quả) for `result`, with its charts."""
    from pipeline.documents.charts.summary_render import render_summary, summary_charts
    from pipeline.documents.content.context import summary_context

    return render_summary(template, summary_context(result), summary_charts(result))

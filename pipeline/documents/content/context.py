"""Document context: what each template shows, as plain, already formatted values.

Built from a `JobResult` and the job's `[document]` settings. Numbers are formatted here
(Vietnamese decimal comma, scheme precision), dates in the Nghị định 30 form. Templates
only place these values. `BUILDERS` holds one function per shape of document; a kind's
record (`config.kinds`) names the one its template receives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pipeline.config.kinds import Context
from pipeline.documents.content.decision_context import decision_document
from pipeline.documents.content.header import header
from pipeline.documents.content.report_context import report_document
from pipeline.documents.content.summary_context import summary_document, summary_paragraphs

if TYPE_CHECKING:
    from pipeline.scoring.result import JobResult

BUILDERS: dict[Context, Callable[[JobResult], dict[str, Any]]] = {
    Context.REPORT: report_document,
    Context.DECISION: lambda result: {**decision_document(result), **summary_paragraphs(result)},
    Context.SUMMARY: summary_document,
}


def document_context(result: JobResult) -> dict[str, Any]:
    """Everything the job's main template may show."""
    return {**header(result.settings.document), **BUILDERS[result.settings.output.context](result)}


def summary_context(result: JobResult) -> dict[str, Any]:
    """Everything the summary document (thông cáo kết quả) may show, but its charts."""
    return BUILDERS[Context.SUMMARY](result)

"""The names each shape of document provides to its template, as paths (`appendices[].ranked[].unit`).

`template_check` checks a template's names against these; `docs/templates.md` documents
them, and a test keeps the three (templates, this list, the documents) in step.
"""

from __future__ import annotations

import dataclasses

from pipeline.config.document_settings import Signature
from pipeline.config.kinds import KINDS, SUMMARY, Context
from pipeline.documents.content.rows import (
    Appendix,
    CriterionRow,
    ExtraRow,
    NoticeExtra,
    NoticeRow,
    ReasonBlock,
    UnitRow,
)
from pipeline.documents.content.summary_context import SummaryGroup


def _fields(prefix: str, cls: type) -> set[str]:
    return {prefix} | {f"{prefix}.{f.name}" for f in dataclasses.fields(cls)}


_HEADER = {"parent_body", "issuing_body", "issuing_body[]", "number", "symbol", "place", "date", "title",
           "recipients", "recipients[]", *_fields("signature", Signature), "signature.authority[]"}
_UNITS = _fields("appendices[].ranked[]", UnitRow) | _fields("appendices[].not_evaluated[].units[]", UnitRow)
_SUMMARY = ({"summary_lead", "summary_groups"} | _fields("summary_groups[]", SummaryGroup)
            | {"summary_groups[].changes[]", "summary_groups[].paragraphs[]"})
CONTEXTS: dict[str, frozenset[str]] = {
    Context.REPORT: frozenset(_HEADER | _fields("total", ExtraRow) | {"criteria"} | _fields("criteria[]", CriterionRow)
                              | _fields("bonus", ExtraRow) | _fields("penalty", ExtraRow) | {"self_rating"}),
    Context.DECISION: frozenset(_HEADER | {"authority", "bases", "bases[]", "article_1", "article_1_lines",
                                           "article_1_lines[]", "article_2", "article_3", "attached_to", "appendices",
                                           "score_header"}
                                | _fields("appendices[]", Appendix)
                                | {"appendices[].ranked", "appendices[].not_evaluated"}
                                | {"appendices[].component_headers[]", "appendices[].ranked[].components[]",
                                   "appendices[].not_evaluated[].units[].components[]",
                                   "appendices[].component_columns[]", "appendices[].ranked[].component_values[]",
                                   "appendices[].not_evaluated[].units[].component_values[]"}
                                | _fields("appendices[].not_evaluated[]", ReasonBlock) | _UNITS | _SUMMARY),
    Context.NOTICE: frozenset(_HEADER | {"intro", "criteria", "summary"} | _fields("criteria[]", NoticeRow)
                              | _fields("total", NoticeExtra) | _fields("bonus", NoticeExtra)
                              | _fields("penalty", NoticeExtra)),
    Context.SUMMARY: frozenset(_HEADER | _SUMMARY | {"charts_attached", "attached_to"}),
}
# The fields whose value is a number (already formatted as text): a misspelt name is only ever told a name of
# the same kind, so that a "bonus" column is not filled with appraised points because the names look alike.
NUMBER_FIELDS = frozenset({"position", "max_points", "applicable_max", "appraised_points", "survey_points", "points",
                           "score", "rank", "self_points", "bonus", "penalty", "difference", "score_change",
                           "rank_change"})
KIND_CONTEXT: dict[str, Context] = {kind.id: kind.output().context for kind in KINDS.values()}


def is_number(name: str) -> bool:
    """Whether a name (`u.points`, `total.max_points`) holds a number rather than words."""
    return name.rsplit(".", 1)[-1] in NUMBER_FIELDS


def context_for_template(name: str) -> Context | None:
    """The context a shipped template's file name implies, or None for another name."""
    shipped = {output.template: output.context for kind in KINDS.values()
               for output in (*kind.forms.values(), *(o for o in (kind.reports, kind.notices) if o))}
    shipped[SUMMARY.template] = SUMMARY.context
    return shipped.get(name)

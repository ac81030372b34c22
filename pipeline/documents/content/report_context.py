"""A self-assessment report's context: the criteria table, bonus, penalty, total, self-rating line."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pipeline.base.rounding import round_half_up
from pipeline.config.document_settings import unit_document, unit_header
from pipeline.documents.content.header import end_marked, header
from pipeline.documents.content.rows import CriterionRow, ExtraRow
from pipeline.figures.numbers import points_text, score_text, score_words

if TYPE_CHECKING:
    from pipeline.config.job_settings import JobSettings
    from pipeline.config.scheme import Scheme
    from pipeline.scoring.campaign import UnitReport
    from pipeline.scoring.compute import CriteriaTotals
    from pipeline.scoring.result import JobResult


def report_document(result: JobResult) -> dict[str, Any]:
    """A report's own part of the context (the header is shared: `documents.header`)."""
    criteria, totals = result.criteria, result.totals
    assert criteria is not None and totals is not None  # a report's result has both (`scoring.compute`)
    return {**report_rows(criteria, totals, result.settings.scheme),
            "self_rating": self_rating(result.settings, totals, result.units[0])}


def report_rows(criteria: list[dict[str, Any]], totals: CriteriaTotals, scheme: Scheme) -> dict[str, Any]:
    """The rows of a report's table, every point as typed, the total too: the column holds typed points of
    very different sizes (0,5 beside 18), and the published reports print them so ("67,06", "7,692").

    The total row puts the fields' points over their maximum, both without bonus or penalty (which have rows
    of their own): "80 | 67,06" mixed a maximum without the bonus and points with it."""
    rows = []
    for row in (r for r in criteria if r["role"] == "criterion"):
        kind = "field" if row["level"] == 1 else "criterion" if row["code"] else "item"
        points = row["points"] if kind != "item" else row["self_points"]
        rows.append(CriterionRow(kind, row["code"] or "", row["title"], points_text(row["max_points"]),
                                 points_text(points), row["rationale"]))
    extras: dict[str, ExtraRow | None] = {}
    for role in ("bonus", "penalty"):
        part = [r for r in criteria if r["role"] == role]
        extras[role] = None
        if part:
            total = sum((r["self_points"] for r in part if r["self_points"] is not None), Decimal(0))
            maximum = getattr(totals, f"{role}_max")
            extras[role] = ExtraRow(part[0]["title"], points_text(maximum), points_text(total), "\n".join(
                r["rationale"] for r in part if r["rationale"]))
    return {"total": ExtraRow("TỔNG ĐIỂM", points_text(totals.max_points), points_text(totals.tree_points), ""),
            "criteria": rows, "bonus": extras["bonus"], "penalty": extras["penalty"]}


def self_rating(settings: JobSettings, totals: CriteriaTotals, unit: Mapping[str, Any]) -> str:
    """The optional closing line of a report, in the order the result was computed, so a reader can redo it:
    the fields' points over their maximum, put on the scheme's scale (not repeated when the maximum is the
    scale), then bonus and penalty, then the result and the label."""
    if not settings.document.self_rating:
        return ""
    scheme = settings.scheme
    steps = [f"Tổng điểm tự chấm các lĩnh vực: {points_text(totals.tree_points)}/"
             f"{points_text(totals.max_points)} điểm"]
    changed, last = totals.max_points != scheme.scale, ""
    if changed and totals.max_points:
        scaled = totals.tree_points * scheme.scale / totals.max_points
        shown = round_half_up(scaled, scheme.decimals)
        approx = "" if shown == scaled else "≈\u00a0"  # kept with its number on one line
        last = score_text(shown, scheme)
        steps.append(f"quy đổi thang điểm {points_text(scheme.scale)}: {approx}{last}")
    if totals.bonus:
        steps.append(f"cộng điểm thưởng {points_text(totals.bonus)}")
        changed, last = True, ""
    if totals.penalty:
        steps.append(f"trừ điểm trừ {points_text(totals.penalty)}")
        changed, last = True, ""
    if changed and last != score_text(unit["score"], scheme):  # each figure said once: not "≈ 96,88; kết quả: 96,88"
        steps.append(f"kết quả: {score_words(unit['score'], scheme)}")
    rating = f"; tự xếp loại: {unit['label']}" if unit["label"] else ""  # labels = []: nothing to rate
    return end_marked("; ".join(steps) + rating + ".")  # the last line of the content: "./."


def unit_report_context(settings: JobSettings, report: UnitReport, unit: Mapping[str, Any],
                        own: tuple[tuple[str, Any], ...] = ()) -> dict[str, Any]:
    """A campaign unit's report: its own rows, in the job's `[reports]` wording for that unit, under its own
    header and signer: the register's cells (`own`) over its group's defaults over `[reports]`."""
    reports, criteria = settings.reports, report.criteria
    assert reports is not None and criteria is not None  # a campaign's `[reports]`; rows kept until rendered
    group = settings.group_named(report.group)
    document = unit_document(unit_header(reports, (*(group.header if group else ()), *own)), report.unit)
    unit_settings = replace(settings, document=document)
    rows = report_rows(criteria, report.totals, unit_settings.scheme)
    return {**header(unit_settings.document), **rows,
            "self_rating": self_rating(unit_settings, report.totals, unit)}

"""An appraisal notice's context (thông báo kết quả thẩm định): one campaign unit, each criterion's maximum,
self-assessed and appraised points and their difference, the totals, and a closing line that redoes the
unit's result from the appraised points in the order it was computed (as a report's self-rating line).

Issued under `[appraisal]`'s header and signer (the council or the secretariat), "{don_vi}" standing for the unit.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pipeline.base.messages_documents import NOTICE_WORDS
from pipeline.base.rounding import round_half_up
from pipeline.config.document_settings import unit_document
from pipeline.documents.content.header import end_marked, header
from pipeline.documents.content.rows import NoticeExtra, NoticeRow
from pipeline.figures.numbers import points_text, score_text, score_words

if TYPE_CHECKING:
    from pipeline.config.job_settings import JobSettings
    from pipeline.config.scheme import Scheme
    from pipeline.scoring.campaign import UnitReport
    from pipeline.scoring.compute import CriteriaTotals

MINUS = "\u2212"  # the minus sign, not a hyphen: "−1,5"


def difference_text(own: Decimal | None, appraised: Decimal | None) -> str:
    """Appraised − self, signed ("−1,5", "+2"); "" when equal or when either is missing."""
    if own is None or appraised is None or own == appraised:
        return ""
    change = appraised - own
    return (MINUS if change < 0 else "+") + points_text(abs(change))


def notice_rows(criteria: list[dict[str, Any]], totals: CriteriaTotals, appraised: CriteriaTotals) -> dict[str, Any]:
    """The notice's table: each criterion as typed (a parent's points rolled up), then the totals, bonus, penalty."""
    rows = []
    for row in (r for r in criteria if r["role"] == "criterion"):
        kind = "field" if row["level"] == 1 else "criterion" if row["code"] else "item"
        own = row["points"] if kind != "item" else row["self_points"]
        judged = row.get("appraised_rolled") if kind != "item" else row["appraised_points"]
        rows.append(NoticeRow(kind, row["code"] or "", row["title"], points_text(row["max_points"]), points_text(own),
                              points_text(judged), difference_text(own, judged), row.get("appraisal_note") or ""))
    extras: dict[str, NoticeExtra | None] = {}
    for role in ("bonus", "penalty"):
        part = [r for r in criteria if r["role"] == role]
        extras[role] = None
        if part:
            own = sum((r["self_points"] for r in part if r["self_points"] is not None), Decimal(0))
            judged = sum((r["appraised_points"] for r in part if r["appraised_points"] is not None), Decimal(0))
            extras[role] = NoticeExtra(part[0]["title"], points_text(getattr(totals, f"{role}_max")), points_text(own),
                                       points_text(judged), difference_text(own, judged),
                                       "\n".join(r["appraisal_note"] for r in part if r.get("appraisal_note")))
    total = NoticeExtra(NOTICE_WORDS.total, points_text(totals.max_points), points_text(totals.points),
                        points_text(appraised.points), difference_text(totals.points, appraised.points), "")
    return {"criteria": rows, "total": total, "bonus": extras["bonus"], "penalty": extras["penalty"]}


def notice_summary(scheme: Scheme, unit: Mapping[str, Any]) -> str:
    """The closing line: the fields' appraised points over their maximum, put on the scheme's scale (or the survey
    points added), bonus and penalty (the decision's: the register's where it gives them), the result, the label."""
    maximum, points = unit["max_points"], unit["appraised_points"]
    steps = [NOTICE_WORDS.tree.format(points=points_text(points), maximum=points_text(maximum))]
    last = ""  # the figure the line ends on, when it is already the result
    if unit.get("survey_points") is not None:  # direct points + survey make the scale: not rescaled
        steps.append(NOTICE_WORDS.survey.format(points=points_text(unit["survey_points"])))
    elif maximum and maximum != scheme.scale:
        scaled = points * scheme.scale / maximum
        shown = round_half_up(scaled, scheme.decimals)
        last = score_text(shown, scheme)
        steps.append(NOTICE_WORDS.scaled.format(scale=points_text(scheme.scale), approx="" if shown == scaled
                                                else "≈\u00a0", score=last))
    for role, words in (("bonus", NOTICE_WORDS.bonus), ("penalty", NOTICE_WORDS.penalty)):
        if unit.get(role):
            steps.append(words.format(points=points_text(unit[role])))
            last = ""
    if unit.get("score") is not None and last != score_text(unit["score"], scheme):  # each figure said once
        steps.append(NOTICE_WORDS.result.format(score=score_words(unit["score"], scheme)))
    if unit.get("label"):
        steps.append(NOTICE_WORDS.label.format(label=unit["label"]))
    return "; ".join(steps) + "."


def unit_notice_context(settings: JobSettings, report: UnitReport, unit: Mapping[str, Any]) -> dict[str, Any]:
    """A campaign unit's appraisal notice, in `[appraisal]`'s wording for that unit; `unit`: its appraised result
    (`evaluate.appraised_score`)."""
    wording, criteria, appraised = settings.appraisal, report.criteria, report.appraised
    assert wording is not None and criteria is not None and appraised is not None  # an appraised unit's notice
    document = unit_document(wording, report.unit)
    return {**header(document), "intro": document.intro,
            **notice_rows(criteria, report.totals, appraised),
            "summary": end_marked(notice_summary(settings.scheme, unit))}  # the last line of the content: "./."

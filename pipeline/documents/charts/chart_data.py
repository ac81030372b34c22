"""What each chart shows, as plain data: the bars, their values and the texts printed beside them.

Kept apart from the drawing (`chart_pictures`, `word_charts`) so a test can read exactly what a chart is given.
Values are the published (rounded) scores and the typed points, the texts beside the bars the ones the tables
print.

Per group: the ranking (evaluated units by rank, the label bounds marked), the number of units per label,
self-assessed against appraised totals (a campaign with its appraisal done), this period against the last
(`[previous]`, units compared). A chart of more than `MOST_BARS` units shows the first `MOST_BARS` by rank, and
says so in its title.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pipeline.base.messages_summary import CHARTS, PREVIOUS_DEFAULT
from pipeline.figures.numbers import column_places, column_text, score_header, score_text

if TYPE_CHECKING:
    from pipeline.config.job_settings import Group
    from pipeline.scoring.result import JobResult

MOST_BARS = 40  # a ranking chart longer than this would not be read: the first ones are shown


class ChartKind(StrEnum):
    """What a chart shows, per group."""

    RANKING = "ranking"  # the evaluated units by rank, the label bounds marked
    LABELS = "labels"  # the number of units per label
    APPRAISED = "appraised"  # self-assessed against appraised totals
    PERIODS = "periods"  # this period against the last


@dataclass(frozen=True, slots=True)
class Chart:
    kind: ChartKind
    title: str
    categories: tuple[str, ...]  # one bar (or pair of bars) each, top to bottom
    series: tuple[tuple[str, tuple[Decimal, ...]], ...]  # (legend, one value per category)
    texts: tuple[tuple[str, ...], ...]  # per series, the text printed at each bar's end
    axis: str
    bounds: tuple[tuple[str, Decimal], ...] = ()  # (label, lower bound) marked on a ranking
    scale: tuple[float, float] | None = None  # the value axis's ends, shared by the charts a long one is split into

    @property
    def in_columns(self) -> bool:
        """Drawn as a few upright columns, one per label, never split; the others are one bar per unit."""
        return self.kind is ChartKind.LABELS


def group_charts(result: JobResult, most: int | None = MOST_BARS) -> list[tuple[str, list[Chart]]]:
    """Each group's charts, by group name, in the order of the appendices; `most=None`: every unit (the Word
    charts of the summary, split into charts that fit a page)."""
    return [(group.name, charts_of(result, group, most)) for group in result.settings.groups]


def charts_of(result: JobResult, group: Group, most: int | None = MOST_BARS) -> list[Chart]:
    members = result.members(group.name)
    scheme = result.settings.scheme
    evaluated = [u for u in members if u["evaluated"]]
    if not evaluated:
        return []
    charts = [_ranking(result, group, evaluated, most)]
    labels = scheme.labels if group.labels is None else group.labels
    counts = [(row["label"], row["count"]) for row in result.counts if row["group"] == group.name]
    if labels and counts:
        order = [label.name for label in labels]
        counts.sort(key=lambda pair: order.index(pair[0]) if pair[0] in order else len(order))
        charts.append(Chart(ChartKind.LABELS, CHARTS.labels.format(group=group.name), tuple(c[0] for c in counts),
                            (("", tuple(Decimal(c[1]) for c in counts)),), (tuple(str(c[1]) for c in counts),),
                            CHARTS.labels_axis))
    # the units with both totals: (name, self-assessed, appraised)
    both = [(u["unit"], own, judged) for u in evaluated
            if (own := u["self_points"]) is not None and (judged := u["appraised_points"]) is not None]
    more = CHARTS.first_bars.format(count=most, total=len(both)) if most and len(both) > most else ""
    both = both[:most]  # in the order of the appendix: by rank
    if both and result.settings.appraisal_done:
        places = column_places((value for _, own, judged in both for value in (own, judged)), scheme)
        charts.append(Chart(
            ChartKind.APPRAISED, CHARTS.appraised.format(group=group.name) + more, tuple(name for name, _, _ in both),
            ((CHARTS.self, tuple(own for _, own, _ in both)),
             (CHARTS.appraised_legend, tuple(judged for _, _, judged in both))),
            (tuple(column_text(own, places) for _, own, _ in both),
             tuple(column_text(judged, places) for _, _, judged in both)), CHARTS.points_axis))
    if result.changes is not None:
        # a member's group is the group's name
        compared = [(u, result.changes[(group.name, u["unit"])]) for u in evaluated
                    if (group.name, u["unit"]) in result.changes]
        # the compared units (an evaluated unit has its score): (name, previous score, score)
        scored = [(u["unit"], before, now) for u, c in compared if c.status == "compared"
                  and (before := c.previous_score) is not None and (now := u["score"]) is not None]
        more = CHARTS.first_bars.format(count=most, total=len(scored)) if most and len(scored) > most else ""
        scored = scored[:most]
        if scored:
            previous = result.previous_name or PREVIOUS_DEFAULT
            charts.append(Chart(
                ChartKind.PERIODS, CHARTS.periods.format(previous=previous, group=group.name) + more,
                tuple(name for name, _, _ in scored),
                ((CHARTS.previous_legend.format(previous=previous[:1].upper() + previous[1:]),
                  tuple(before for _, before, _ in scored)),
                 (CHARTS.current_legend, tuple(now for _, _, now in scored))),
                (tuple(score_text(before, scheme) for _, before, _ in scored),
                 tuple(score_text(now, scheme) for _, _, now in scored)),
                (result.score_name or score_header(scheme, result.settings.kind_record.score_header))))
    return charts


def _ranking(result: JobResult, group: Group, evaluated: Sequence[Mapping[str, Any]], most: int | None) -> Chart:
    scheme = result.settings.scheme
    shown = sorted(evaluated, key=lambda u: u["rank"])[:most]
    labels = scheme.labels if group.labels is None else group.labels
    bounds = tuple((label.name, label.minimum) for label in labels or () if label.minimum is not None)
    title = CHARTS.ranking.format(group=group.name)
    if most and len(evaluated) > most:
        title += CHARTS.first_bars.format(count=most, total=len(evaluated))
    return Chart(ChartKind.RANKING, title, tuple(u["unit"] for u in shown), (("", tuple(u["score"] for u in shown)),),
                 (tuple(score_text(u["score"], scheme) for u in shown),),
                 (result.score_name or score_header(scheme, result.settings.kind_record.score_header)), bounds)

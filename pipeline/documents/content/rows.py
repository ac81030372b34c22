"""What a document's tables show, one frozen record per row, every value already formatted."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CriterionRow:
    kind: str  # "field", "criterion" or "item"
    code: str
    title: str
    max_points: str
    points: str
    rationale: str


@dataclass(frozen=True, slots=True)
class ExtraRow:
    title: str
    max_points: str
    points: str
    rationale: str


@dataclass(frozen=True, slots=True)
class UnitRow:
    position: int
    unit: str
    max_points: str
    applicable_max: str
    appraised_points: str
    survey_points: str
    points: str
    score: str
    label: str
    rank: str
    note: str
    self_points: str = ""  # a campaign: the self-assessed total of the unit's criteria tree (fields only)
    bonus: str = ""
    penalty: str = ""
    score_change: str = ""  # `[previous]`: "+1,25", "−0,50", "0,00"; "" when not compared
    rank_change: str = ""  # "↑3", "↓1", "=", "mới", "sáp nhập"; "" when not compared
    components: tuple[str, ...] = ()  # each printed component after the main one, as `Appendix.component_headers`


@dataclass(frozen=True, slots=True)
class ReasonBlock:
    """Consecutive units not evaluated for the same reason: one merged cell."""

    reason: str
    units: tuple[UnitRow, ...]


@dataclass(frozen=True, slots=True)
class Appendix:
    label: str
    heading: str
    title: str
    subtitle: str
    components: bool
    classified: bool  # False when the group's labels are [] (rank only): no Xếp loại column
    ranked: tuple[UnitRow, ...]
    not_evaluated: tuple[ReasonBlock, ...]
    appraisal: bool = False  # a campaign whose appraisal is done: self-assessed and appraised totals side by side
    adjustments: bool = False  # a unit of the group has bonus or penalty points: the appraised table shows both columns
    compared: bool = False  # `[previous]`: each unit's change against the previous period, two more columns
    component_headers: tuple[str, ...] = ()  # the printed components after the main one that a unit of it has
    declared: bool = False  # the table prints the main component under `main_header`, then `component_headers`
    main_header: str = ""  # the main component's declared name


@dataclass(frozen=True, slots=True)
class NoticeRow:
    """A criterion of an appraisal notice: maximum, self-assessed and appraised points, their difference."""

    kind: str  # as `CriterionRow.kind`
    code: str
    title: str
    max_points: str
    self_points: str
    appraised_points: str
    difference: str  # appraised − self, signed ("−1,5", "+2"); "" when equal
    note: str  # Ý kiến thẩm định


@dataclass(frozen=True, slots=True)
class NoticeExtra:
    """The TỔNG ĐIỂM, bonus or penalty row of an appraisal notice."""

    title: str
    max_points: str
    self_points: str
    appraised_points: str
    difference: str
    note: str

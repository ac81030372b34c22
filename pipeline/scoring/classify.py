"""Stage 4, classify: a label for each evaluated unit, and the counts per label.

A unit's published (rounded) score takes the first label whose inclusive lower bound it
reaches. Conditions of the scheme may then move it down: a label that requires every
field at a minimum percentage of its maximum, or no penalty, is replaced by the next
label below when the unit fails that requirement.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from pipeline.config.scheme import Condition, Label, Scheme
from pipeline.scoring.unit import Unit


def label_for(score: Decimal, labels: tuple[Label, ...]) -> int:
    """Index of the label that `score` reaches (bounds inclusive, highest first)."""
    for index, label in enumerate(labels):
        if label.minimum is None or score >= label.minimum:
            return index
    return len(labels) - 1


def _meets(condition: Condition, penalty: Decimal | None, min_field_ratio: Decimal | None) -> bool:
    if condition.no_penalty and penalty:
        return False
    if condition.min_field_percent is not None:
        return min_field_ratio is not None and min_field_ratio * 100 >= condition.min_field_percent
    return True


def classified(units: Sequence[Mapping[str, Any]], scheme: Scheme, group_labels: dict[str, tuple[Label, ...]]
               ) -> list[Unit]:
    """Adds `label` (`None` when not evaluated). Needs: group, evaluated, score, penalty.

    `group_labels` holds the label lists that groups override; conditions apply to label
    names, and a condition on a label a group does not use is ignored. An optional
    `min_field_ratio` column (lowest field points / field maximum) feeds the
    field-percentage condition.
    """
    return [typed.updated(label=unit_label(typed, scheme, group_labels)) for typed in map(Unit.of, units)]


def unit_label(unit: Unit, scheme: Scheme, group_labels: dict[str, tuple[Label, ...]]) -> str | None:
    """One unit's label (see `classified`); `None` when not evaluated or the labels are `[]` (rank only)."""
    labels = scheme.labels if unit.group is None else group_labels.get(unit.group, scheme.labels)
    if not unit.evaluated or not labels:  # no labels: ranked only, nothing published as a label
        return None
    assert unit.score is not None  # an evaluated unit has its score
    index = label_for(unit.score, labels)
    ratio = unit.min_field_ratio
    while index < len(labels) - 1 and not all(
        _meets(c, unit.penalty, ratio) for c in scheme.conditions if c.label == labels[index].name
    ):
        index += 1
    return labels[index].name


def label_counts(units: Sequence[Unit], scheme: Scheme, group_labels: dict[str, tuple[Label, ...]],
                 group_order: list[str]) -> list[dict[str, Any]]:
    """Counts per group and label, every label listed (0 included).

    Rows of group, label, count; in group order, labels highest first.
    """
    counted = Counter((unit.group, unit.label) for unit in units)  # once, not once per group and label
    return [{"group": group, "label": label.name, "count": counted[group, label.name]}
            for group in group_order for label in group_labels.get(group, scheme.labels)]

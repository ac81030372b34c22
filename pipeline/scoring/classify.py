"""Stage 4, classify: a label for each evaluated unit, and the counts per label.

A unit's published (rounded) score takes the first label whose inclusive lower bound it
reaches. Conditions of the scheme may then move it down: a label that requires every
field at a minimum percentage of its maximum, or no penalty, is replaced by the next
label below when the unit fails that requirement.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import pandas as pd

from pipeline.config.scheme import Condition, Label, Scheme


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


def classified(units: pd.DataFrame, scheme: Scheme, group_labels: dict[str, tuple[Label, ...]]) -> pd.DataFrame:
    """Adds `label` (`None` when not evaluated). Needs: group, evaluated, score, penalty.

    `group_labels` holds the label lists that groups override; conditions apply to label
    names, and a condition on a label a group does not use is ignored. An optional
    `min_field_ratio` column (lowest field points / field maximum) feeds the
    field-percentage condition.
    """
    labels = [unit_label(unit, scheme, group_labels) for unit in units.to_dict("records")]
    return units.assign(label=pd.Series(labels, index=units.index, dtype=object))


def unit_label(unit: Mapping[str, Any], scheme: Scheme, group_labels: dict[str, tuple[Label, ...]]) -> str | None:
    """One unit's label (see `classified`)."""
    if not unit["evaluated"]:
        return None
    labels = group_labels.get(unit["group"], scheme.labels)
    index = label_for(unit["score"], labels)
    ratio = unit.get("min_field_ratio")
    while index < len(labels) - 1 and not all(
        _meets(c, unit.get("penalty"), ratio) for c in scheme.conditions if c.label == labels[index].name
    ):
        index += 1
    return labels[index].name


def label_counts(units: pd.DataFrame, scheme: Scheme, group_labels: dict[str, tuple[Label, ...]],
                 group_order: list[str]) -> pd.DataFrame:
    """Counts per group and label, every label listed (0 included), plus not evaluated.

    Columns: group, label, count; rows in group order, labels highest first.
    """
    rows = []
    for group in group_order:
        members = units[units["group"] == group]
        for label in group_labels.get(group, scheme.labels):
            rows.append({"group": group, "label": label.name, "count": int((members["label"] == label.name).sum())})
    return pd.DataFrame(rows, columns=["group", "label", "count"])

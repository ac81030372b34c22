"""Self-assessed against appraised points, per criterion across the units of a campaign.

What the secretariat looks at before signing: which criteria lose most points at appraisal, how many
units lose points there. Each worker sums its own units (`criteria_losses`) and the main process adds
the workers' sums (`merged_losses`), so it keeps one row per criterion, never one per unit and criterion.

A criterion is a row of the tree that carries points of its own: a leaf, or a "choose one" parent (its
options are bands of one score, compared as the parent's points). Both trees' points are the rolled-up
ones (`points`, `appraised_rolled`); the bonus and penalty rows are left out, as the decision shows them
in columns of their own (the per-unit totals compared are the trees' totals too).

Criteria are matched across units by code (`code_key`: "II" and "2" are one); a row without a code by
its title. The tree is the same for every unit of a campaign; should it not be, a code's title and
maximum are those of the first unit in reading order that has it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from pipeline.scoring.compute import code_key

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class CriterionLoss:
    """One criterion across units: how many were appraised, how many lost points, how many points in all,
    the largest loss and the first unit (in reading order) that lost that much."""

    code: str
    title: str
    max_points: Decimal | None
    units: int = 0  # units whose appraisal scored this criterion
    lost_units: int = 0  # of them, those appraised below their own score
    lost: Decimal = ZERO  # points lost, summed over those units (gains elsewhere do not offset them)
    largest: Decimal = ZERO
    largest_unit: str | None = None

    @property
    def average(self) -> Decimal | None:
        """The average loss of the units that lost points here (`None` when none did)."""
        return self.lost / self.lost_units if self.lost_units else None


Losses = dict[str, CriterionLoss]  # by `criterion_key`, in the order criteria were first met


def criterion_key(row: dict[str, Any]) -> str:
    return code_key(row["code"]) if row["code"] else "#" + " ".join(str(row["title"]).split()).casefold()


def scored_rows(criteria: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows of a rolled-up, appraised tree that carry points of their own (see the module's text)."""
    return [row for row in criteria if row["role"] == "criterion" and "appraised_rolled" in row
            and ((not row["children"] and not row["option"]) or row["rollup"] == "choose")]


def criteria_losses(units: Iterable[tuple[str, list[dict[str, Any]] | None]]) -> Losses:
    """The losses of `units` (each its name and its rolled-up, appraised criteria), criterion by criterion.

    A unit without appraised criteria (appraisal not done or its tree refused) adds nothing.
    """
    losses: Losses = {}
    for unit, criteria in units:
        for row in scored_rows(criteria or []):
            key = criterion_key(row)
            known = losses.get(key) or CriterionLoss(row["code"] or "", row["title"], row["max_points"])
            loss = (row["points"] or ZERO) - (row["appraised_rolled"] or ZERO)
            losses[key] = _added(known, CriterionLoss(known.code, known.title, known.max_points, 1, int(loss > 0),
                                                      max(loss, ZERO), max(loss, ZERO), unit if loss > 0 else None))
    return losses


def merged_losses(first: Losses, then: Losses) -> Losses:
    """`first` and `then` added criterion by criterion; `then`'s units come after `first`'s in reading order."""
    merged = dict(first)
    for key, loss in then.items():
        merged[key] = _added(merged[key], loss) if key in merged else loss
    return merged


def by_points_lost(losses: Losses) -> list[CriterionLoss]:
    """The criteria, most points lost first; then most units losing; then in the order of the tree."""
    return sorted(losses.values(), key=lambda loss: (-loss.lost, -loss.lost_units))


def _added(first: CriterionLoss, then: CriterionLoss) -> CriterionLoss:
    larger = then.lost_units > 0 and (first.largest_unit is None or then.largest > first.largest)
    return replace(first, units=first.units + then.units, lost_units=first.lost_units + then.lost_units,
                   lost=first.lost + then.lost, largest=then.largest if larger else first.largest,
                   largest_unit=then.largest_unit if larger else first.largest_unit)

"""Stage 3, rank: within each group, by the unrounded score, highest first.

Tie rule (scheme setting): "dong-hang" gives units with the same published (rounded)
score the same rank (1, 2, 2, 4); "lien-tiep" gives consecutive ranks, ordered by the
unrounded score, then by the order of the input. Units not evaluated get no rank and
follow the ranked ones in input order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from pipeline.scoring.unit import Unit


def ranked_within_groups(units: Sequence[Mapping[str, Any]], group_order: list[str], tie_rule: str) -> list[Unit]:
    """Units in document order with their rank and row number (TT) within the group.

    Needs: group, evaluated, score_exact, score. Adds: rank (`None` if not evaluated)
    and position (1, 2, … within the group, ranked units first). Rows come by group (in
    `group_order`), then position.
    """
    return [unit.updated(rank=rank, position=position) for unit, rank, position in places_within_groups(
        [Unit.of(unit) for unit in units], group_order, tie_rule)]


def places_within_groups(units: Sequence[Unit], group_order: list[str], tie_rule: str
                         ) -> list[tuple[Unit, int | None, int]]:
    """Each unit in document order with the rank and position `ranked_within_groups` gives it, not yet copied: the
    result copies each unit once with its rank, position and label (`evaluate.scored`)."""
    placed: list[tuple[Unit, int | None, int]] = []
    for group in group_order:
        placed += _group_places([unit for unit in units if unit.group == group], tie_rule)
    return placed


def _group_places(members: list[Unit], tie_rule: str) -> list[tuple[Unit, int | None, int]]:
    ordered = sorted((unit for unit in members if unit.evaluated), key=_highest_first)
    ranks: list[int] = []
    for i, unit in enumerate(ordered):  # `sorted` is stable: equal scores keep the order of the input
        shared = tie_rule == "dong-hang" and i > 0 and unit.score == ordered[i - 1].score
        ranks.append(ranks[-1] if shared else i + 1)
    rest = [unit for unit in members if not unit.evaluated]
    return [(unit, rank, position)
            for position, (unit, rank) in enumerate([*zip(ordered, ranks, strict=True), *((u, None) for u in rest)], 1)]


def _highest_first(unit: Unit) -> Decimal:
    assert unit.score_exact is not None  # an evaluated unit has its score
    return -unit.score_exact


def tied_units(ranked: Sequence[Unit]) -> list[dict[str, Any]]:
    """Units of a group that share the published (rounded) score, and what decided their order.

    Each tie: group, score, units (names in rank order), ranks, and `decided_by`: "rank"
    (they share a rank: đồng hạng), "exact" (consecutive ranks by the unrounded score, all
    different) or "order" (consecutive ranks, some unrounded scores equal too: the order of
    the input table decided). The documents print the rounded score, so a reader sees equal
    scores with different ranks; the summary and the results workbook say why.
    """
    ties: list[dict[str, Any]] = []
    evaluated = [unit for unit in ranked if unit.evaluated]
    for index, unit in enumerate(evaluated):
        if index and unit.group == evaluated[index - 1].group and unit.score == evaluated[index - 1].score:
            ties[-1]["members"].append(unit)
        elif index + 1 < len(evaluated) and unit.group == evaluated[index + 1].group \
                and unit.score == evaluated[index + 1].score:
            ties.append({"group": unit.group, "score": unit.score, "members": [unit]})
    found = []
    for tie in ties:
        members = tie.pop("members")
        exact = [m.score_exact for m in members]
        ranks = [m.rank for m in members]
        decided_by = "rank" if len(set(ranks)) == 1 else "exact" if len(set(exact)) == len(exact) else "order"
        found.append({**tie, "units": [m.unit for m in members], "ranks": ranks, "decided_by": decided_by})
    return found

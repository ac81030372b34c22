"""Stage 3, rank: within each group, by the unrounded score, highest first.

Tie rule (scheme setting): "dong-hang" gives units with the same published (rounded)
score the same rank (1, 2, 2, 4); "lien-tiep" gives consecutive ranks, ordered by the
unrounded score, then by the order of the input. Units not evaluated get no rank and
follow the ranked ones in input order.
"""

from __future__ import annotations

from typing import Any


def ranked_within_groups(units: list[dict[str, Any]], group_order: list[str], tie_rule: str) -> list[dict[str, Any]]:
    """Units in document order with their rank and row number (TT) within the group.

    Needs: group, evaluated, score_exact, score. Adds: rank (`None` if not evaluated)
    and position (1, 2, … within the group, ranked units first). Rows come by group (in
    `group_order`), then position.
    """
    ranked: list[dict[str, Any]] = []
    for group in group_order:
        ranked += _ranked_group([unit for unit in units if unit["group"] == group], tie_rule)
    return ranked


def _ranked_group(members: list[dict[str, Any]], tie_rule: str) -> list[dict[str, Any]]:
    ordered = sorted((unit for unit in members if unit["evaluated"]), key=lambda unit: -unit["score_exact"])
    ranks: list[int] = []
    for i, unit in enumerate(ordered):  # `sorted` is stable: equal scores keep the order of the input
        shared = tie_rule == "dong-hang" and i > 0 and unit["score"] == ordered[i - 1]["score"]
        ranks.append(ranks[-1] if shared else i + 1)
    rest = [unit for unit in members if not unit["evaluated"]]
    return [{**unit, "rank": rank, "position": position}
            for position, (unit, rank) in enumerate([*zip(ordered, ranks), *((u, None) for u in rest)], 1)]

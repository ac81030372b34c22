"""Stage 3, rank: within each group, by the unrounded score, highest first.

Tie rule (scheme setting): "dong-hang" gives units with the same published (rounded)
score the same rank (1, 2, 2, 4); "lien-tiep" gives consecutive ranks, ordered by the
unrounded score, then by the order of the input. Units not evaluated get no rank and
follow the ranked ones in input order.
"""

from __future__ import annotations

import pandas as pd


def ranked_within_groups(units: pd.DataFrame, group_order: list[str], tie_rule: str) -> pd.DataFrame:
    """Units in document order with their rank and row number (TT) within the group.

    Needs: group, evaluated, score_exact, score. Adds: rank (`None` if not evaluated)
    and position (1, 2, … within the group, ranked units first). Rows are sorted by
    group (in `group_order`), then position.
    """
    parts = []
    for group in group_order:
        members = units[units["group"] == group]
        parts.append(_ranked_group(members, tie_rule))
    ranked = pd.concat(parts) if parts else units.assign(rank=None, position=None)
    return ranked.reset_index(drop=True)


def _ranked_group(members: pd.DataFrame, tie_rule: str) -> pd.DataFrame:
    evaluated = members[members["evaluated"].astype(bool)]
    exact = list(evaluated["score_exact"])
    order = sorted(range(len(evaluated)), key=lambda i: (-exact[i], i))
    ordered = evaluated.iloc[order]
    scores = list(ordered["score"])
    ranks: list[int] = []
    for i, score in enumerate(scores):
        shared = tie_rule == "dong-hang" and i > 0 and score == scores[i - 1]
        ranks.append(ranks[-1] if shared else i + 1)
    rest = members[~members["evaluated"].astype(bool)]
    ordered = ordered.assign(rank=pd.Series(ranks, index=ordered.index, dtype=object))
    rest = rest.assign(rank=pd.Series([None] * len(rest), index=rest.index, dtype=object))
    both = pd.concat([ordered, rest]) if len(rest) else ordered
    return both.assign(position=list(range(1, len(both) + 1)))

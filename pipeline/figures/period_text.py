"""A unit's change against the previous period as the tables print it: "+1,25", "↑3", "mới".

The score change is the difference of the two published scores, printed at the scheme's decimals
like the scores themselves, so a reader subtracting the printed numbers finds the printed change.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from pipeline.base import formatting
from pipeline.base.messages_summary import CHANGE_WORDS
from pipeline.scoring.previous_period import Change

if TYPE_CHECKING:
    from pipeline.config.scheme import Scheme

MINUS = "\u2212"  # the minus sign, not a hyphen: "−0,50"


def signed_text(value: Decimal, scheme: Scheme) -> str:
    """`+1,25`, `−0,50`, `0,00`: a change at the scheme's decimals (a sign on every change but none)."""
    text = formatting.number(abs(value), scheme.decimals, scheme.fixed_decimals)
    return text if not value else ("+" if value > 0 else MINUS) + text


def score_change_text(change: Change | None, scheme: Scheme) -> str:
    if change is None or change.score_change is None:
        return ""
    return signed_text(change.score_change, scheme)


def rank_change_text(change: Change | None) -> str:
    """"↑3" (up three places), "↓1", "=" (same rank), "mới" (no previous unit), "sáp nhập" (merged units)."""
    if change is None:
        return ""
    if change.status == "compared":
        moved = change.rank_change or 0
        return "=" if not moved else f"↑{moved}" if moved > 0 else f"↓{-moved}"
    return CHANGE_WORDS.get(change.status, "")

"""The one place where scores are rounded: half-up, at the published precision."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    """`78.825` → `78.83` at 2 decimals (half-even and binary floats would give 78.82)."""
    return value.quantize(_unit_of(decimals), rounding=ROUND_HALF_UP)


@lru_cache(maxsize=64)
def _unit_of(decimals: int) -> Decimal:
    """A unit of the last decimal kept (0.01 at 2), made once for the thousands of scores rounded alike."""
    return Decimal(1).scaleb(-decimals)

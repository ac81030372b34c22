"""The one place where scores are rounded: half-up, at the published precision."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    """`78.825` → `78.83` at 2 decimals (half-even and binary floats would give 78.82)."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)

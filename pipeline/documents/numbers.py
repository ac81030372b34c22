"""Numbers as documents print them: points as typed, scores at the scheme's precision."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pipeline.base import formatting
from pipeline.config.scheme import Scheme


def points_text(value: Any) -> str:
    """Points as typed (`"17"`, `"7,692"`); "" for a missing value."""
    return formatting.points(value) if isinstance(value, Decimal) else ""


def score_text(value: Decimal, scheme: Scheme) -> str:
    """A score at the scheme's decimals (`"87,170"` with fixed decimals)."""
    return formatting.number(value, scheme.decimals, scheme.fixed_decimals)


def input_text(value: Any, scheme: Scheme) -> str:
    """An input number at the scheme's display precision when that needs no rounding."""
    if not isinstance(value, Decimal):
        return ""
    places = -value.normalize().as_tuple().exponent
    if scheme.fixed_decimals and places <= scheme.decimals:
        return formatting.number(value, scheme.decimals, True)
    return formatting.points(value)

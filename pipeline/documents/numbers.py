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
    """A score at the scheme's decimals (`"87,170"` with fixed decimals; `"96,85%"` when the unit is "%")."""
    text = formatting.number(value, scheme.decimals, scheme.fixed_decimals)
    return text + "%" if scheme.percent else text


def score_words(value: Decimal, scheme: Scheme) -> str:
    """A score in a sentence: `"87,170 điểm"`, or `"96,85%"` when the unit is "%"."""
    text = score_text(value, scheme)
    return text if scheme.percent else f"{text} điểm"


SCORE_HEADER_PERCENT = "Tỷ lệ đạt"


def score_header(scheme: Scheme, default: str) -> str:
    """The score column's header: the kind's own (`default`), or "Tỷ lệ đạt" when the unit is "%"."""
    return SCORE_HEADER_PERCENT if scheme.percent else default


def input_text(value: Any, scheme: Scheme) -> str:
    """An input number at the scheme's display precision when that needs no rounding."""
    if not isinstance(value, Decimal):
        return ""
    places = -value.normalize().as_tuple().exponent
    if scheme.fixed_decimals and places <= scheme.decimals:
        return formatting.number(value, scheme.decimals, True)
    return formatting.points(value)

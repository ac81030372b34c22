"""Numbers as documents print them: one number of decimals per column, scores at the scheme's precision.

A column a clerk reads down must not mix "86,2" and "90,25". Scores (computed and rounded once)
print at the scheme's `decimals` (trailing zeros kept unless the scheme says `fixed_decimals = false`).
Typed input columns print at `column_places`: never fewer decimals than any value was typed with
(an input is never rounded), padded to the longest. Maxima print at their own precision ("71,5",
"100"): they are limits, not measurements, and "100,00" reads as a computed figure.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache

from pipeline.base import formatting
from pipeline.config.scheme import Scheme


def points_text(value: object) -> str:
    """Points as typed (`"17"`, `"7,692"`, a maximum `"71,5"`); "" for a missing value."""
    return _points_text(value, value.is_signed()) if isinstance(value, Decimal) else ""


@lru_cache(maxsize=1024)  # a table's maxima: the same few values on every row
def _points_text(value: Decimal, signed: bool) -> str:
    """`formatting.points`, by value and sign: equal values print alike ("7,5" for 7.5 and 7.50) but for -0, which
    equals 0."""
    return formatting.points(value)


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


def column_places(values: Iterable[object], scheme: Scheme) -> int:
    """How many decimals every value of an input column prints with: the scheme's `decimals` when they are
    fixed, or more when some value was typed with more (`7,5` and `8,25` at 2 → 2; `66,2154` → 4).

    Typed decimals are counted without trailing zeros: an Excel cell keeps none, so the same numbers
    from a workbook or a CSV file give the same table. Values that are not numbers (missing) are ignored.
    """
    typed = [formatting.significant_places(v) for v in values if isinstance(v, Decimal)]
    return max([scheme.decimals if scheme.fixed_decimals else 0, *typed])


def column_text(value: object, places: int) -> str:
    """A value of an input column at the column's `places` (from `column_places`, so never rounded);
    "" for a missing value."""
    return formatting.number(value, places, True) if isinstance(value, Decimal) else ""

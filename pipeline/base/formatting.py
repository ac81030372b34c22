"""Vietnamese display of numbers and dates: decimal comma, thousands dot, dates in the Nghị định 30 form.

Formatting only displays: values arrive already rounded (see `rounding`). Numbers are
written exactly as babel writes them for the `vi_VN` locale (a property test compares the
two over random values), by Python's own decimal formatting with the separators swapped:
a decision prints tens of thousands of numbers, and babel takes about 40 µs for each.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

_VIETNAMESE = str.maketrans({",": ".", ".": ","})  # 1,234.5 → 1.234,5


def number(value: Decimal, decimals: int = 0, fixed: bool = False) -> str:
    """`Decimal("28.692")` → `"28,692"`; `fixed` keeps trailing zeros (`"87,170"`).

    With `fixed=False` the value is shown with all its significant decimals (never rounded
    here: pass a value already rounded to the published precision).
    >>> number(Decimal("1378786"))
    '1.378.786'
    >>> number(Decimal("87.17"), 3, fixed=True)
    '87,170'
    """
    places = decimals if fixed else significant_places(value)
    return format(value, f",.{places}f").translate(_VIETNAMESE)


def points(value: Decimal) -> str:
    """Points as typed, trailing zeros dropped: `Decimal("17.000")` → `"17"`."""
    return number(value)


def significant_places(value: Decimal) -> int:
    """The decimals `value` needs, trailing zeros dropped: `Decimal("7.50")` → 1, `Decimal("100")` → 0."""
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def nd30_date(day: date) -> str:
    """`"ngày 06 tháng 7 năm 2021"`: days below 10 and months 1 and 2 take a leading zero."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"

"""Vietnamese display of numbers and dates, always with the explicit `vi_VN` locale.

Formatting only displays: values arrive already rounded (see `rounding`), because
babel rounds half-even. Decimal comma, thousands dot; dates in the Nghị định 30 form.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.numbers import format_decimal

LOCALE = "vi_VN"


def number(value: Decimal, decimals: int = 0, fixed: bool = False) -> str:
    """`Decimal("28.692")` → `"28,692"`; `fixed` keeps trailing zeros (`"87,170"`).

    With `fixed=False` the value is shown with all its significant decimals (never rounded
    here: pass a value already rounded to the published precision).
    >>> number(Decimal("1378786"))
    '1.378.786'
    >>> number(Decimal("87.17"), 3, fixed=True)
    '87,170'
    """
    places = max(decimals, _places(value)) if not fixed else decimals
    pattern = "#,##0" + ("." + ("0" if fixed else "#") * places if places else "")
    return format_decimal(value, format=pattern, locale=LOCALE, decimal_quantization=fixed)


def points(value: Decimal) -> str:
    """Points as typed, trailing zeros dropped: `Decimal("17.000")` → `"17"`."""
    return number(value)


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def nd30_date(day: date) -> str:
    """`"ngày 06 tháng 7 năm 2021"`: days below 10 and months 1 and 2 take a leading zero."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"

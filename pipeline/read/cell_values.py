"""How the text an .xlsx cell stores becomes the value Excel shows: a number as typed, a percentage, a date.

Excel keeps a binary double and writes up to 17 digits of it; people see (and typed) 15, so a number is
read as a `Decimal` of at most 15 significant digits, never through a binary float. A percentage is the
number shown (94,66 % is 94.66), a date-formatted number a `datetime`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import ROUND_HALF_EVEN, Context, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

_EXCEL_EPOCH = datetime(1899, 12, 30)
_AFTER_LAST_DATE = 2958466  # 1 January 10000: Excel shows no date from there on, nor before 1900
NOT_A_DATE = "#####"  # what Excel shows in a date cell whose number is no date
EXCEL_DIGITS = 15
_EXCEL_PRECISION = Context(prec=EXCEL_DIGITS, rounding=ROUND_HALF_EVEN)


@lru_cache(maxsize=1024)
def style_index(text: str) -> int | None:
    """A cell's style number (`s`), None when it is no whole number (`styled_number` then says what to do)."""
    try:
        return int(text)
    except ValueError:
        return None


def plain_number(text: str) -> int | Decimal | str:
    """A number cell's text without a date or percentage style, as Excel shows it, or the text if it is no number."""
    typed = text.strip()
    if len(typed) <= EXCEL_DIGITS and typed.isdecimal():  # a whole number (an order, a maximum): no Decimal needed
        return int(typed)
    try:
        number = Decimal(typed)
    except InvalidOperation:
        return text
    return excel_number(number)


def styled_number(value: str, style_text: str, dates: frozenset[int], percents: frozenset[int]) -> Any:
    """A number cell's text as its style shows it: a date, a percentage, or the number."""
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        return value
    style = int(style_text)
    if style in dates and number.is_finite():
        if not 0 <= number < _AFTER_LAST_DATE:
            return NOT_A_DATE  # what Excel shows; a date past year 9999 also overflowed datetime
        return _EXCEL_EPOCH + timedelta(days=float(number))
    if style in percents and number.is_finite():
        return excel_number(Decimal(excel_number(number)) * 100)  # 0.9466 shown as 94,66 % → 94.66, exactly
    return excel_number(number)


def excel_number(number: Decimal) -> int | Decimal:
    """A stored number as Excel shows it: at most 15 significant digits (68.959999999999994 → 68.96).

    Excel keeps a binary double and writes up to 17 digits of it; people see (and typed)
    15. Whole numbers come back as `int`, as openpyxl gives them.
    """
    if not number.is_finite():
        return number
    if len(number.as_tuple().digits) > EXCEL_DIGITS:
        number = _EXCEL_PRECISION.plus(number)
    if number == number.to_integral_value():
        return int(number)
    return number.normalize()

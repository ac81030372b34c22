"""Reading one cell as people mean it: text as NFC with spaces tidied, a number, a criterion code."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any


_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u200b\u3000]+")
_ROMAN = re.compile(r"^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
_ARABIC_CODE = re.compile(r"^\d+(\.\d+)*$")


class NotANumber(ValueError):
    def __init__(self, hint: str = ""):
        super().__init__(hint)
        self.hint = hint


def clean_text(value: Any, keep_lines: bool = False) -> str:
    """NFC text, spaces trimmed and collapsed; line breaks kept only if `keep_lines`."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    if keep_lines:
        return "\n".join(line for line in lines if line)
    return " ".join(line for line in lines if line)


def plain_text(text: str) -> str:
    """Text as compared by what it says: no diacritics, no case, one space ("Hương  Văn" → "huong van")."""
    decomposed = unicodedata.normalize("NFD", clean_text(text).casefold().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def parse_number(value: Any) -> Decimal | None:
    """A score cell as `Decimal`; `None` when empty. Accepts `72,2` and `72.2`.

    Raises `NotANumber` (with a hint for staff when one helps) for anything else.
    """
    if value is None:
        return None
    if isinstance(value, bool) or isinstance(value, (datetime, date, time)):
        raise NotANumber(" Ô này đang ở dạng ngày tháng hoặc đúng/sai; định dạng lại thành số.")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    text = clean_text(value).replace(" ", "")
    if not text or text in {"-", "–"}:
        return None
    if text.count(",") + text.count(".") > 1:
        raise NotANumber(" Chỉ dùng một dấu phẩy (hoặc dấu chấm) để ngăn phần thập phân, ví dụ 72,2.")
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation as exc:
        raise NotANumber() from exc
    if not number.is_finite():
        raise NotANumber()
    return number


def parse_code(value: Any) -> str | None:
    """A criterion code (`I`, `II`, `1.2`, `1.2.1`) or `None` for a sub-item without one.

    Raises `ValueError` for anything else. A trailing dot is dropped (`1.2.` → `1.2`).
    """
    if isinstance(value, float):
        value = repr(value)
    text = clean_text(value).replace(" ", "").rstrip(".")
    if not text:
        return None
    if _ROMAN.match(text.upper()):
        return text.upper()
    if _ARABIC_CODE.match(text):
        return text
    raise ValueError(text)

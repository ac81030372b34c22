"""Reading one cell as people mean it: text as NFC with spaces tidied, a number, a criterion code."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from pipeline.base.messages import HINTS

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u200b\u3000]+")
_ROMAN = re.compile(r"^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
_ARABIC_CODE = re.compile(r"^\d+(\.\d+)*$")
_LINE_BREAKS = re.compile("\r\n|[\r\v\f\u2028\u2029]")  # Excel's Alt+Enter is \n; the others come pasted
_UNTIDY = re.compile("[\r\n\v\f\u2028\u2029\t\u00a0\u2007\u202f\u200b\u3000]|  ")  # what `clean_text` would change
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")  # invisible; tab and the line breaks above are not
LARGEST_NUMBER = Decimal(10) ** 9  # no score, maximum or scale comes near; 1e30 is a typing slip


class NotANumber(ValueError):
    def __init__(self, hint: str = ""):
        super().__init__(hint)
        self.hint = hint


class NumberTooLarge(NotANumber):
    """A number (1e30) no score can be: a typing slip, refused rather than ranked."""


def control_characters(value: Any) -> str:
    """The invisible control characters (NUL, …) in a text cell, as `U+0000` codes; "" if none.

    Tabs and line breaks are not among them: `clean_text` turns them into spaces or lines.
    """
    if not isinstance(value, str) or _CONTROL.search(value) is None:  # as nearly every cell: nothing to list
        return ""
    return ", ".join(dict.fromkeys(f"U+{ord(c):04X}" for c in _CONTROL.findall(value)))


def without_controls(value: str) -> str:
    return _CONTROL.sub("", value)


def clean_text(value: Any, keep_lines: bool = False) -> str:
    """NFC text, spaces trimmed and collapsed; line breaks kept only if `keep_lines`."""
    if value is None:
        return ""
    if type(value) is str and _UNTIDY.search(value) is None and len(value.strip()) == len(value) \
            and unicodedata.is_normalized("NFC", value):
        return value  # already tidy, as nearly every cell is: one line, single spaces, nothing to trim
    text = _LINE_BREAKS.sub("\n", unicodedata.normalize("NFC", str(value)))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    if keep_lines:
        return "\n".join(line for line in lines if line)
    return " ".join(line for line in lines if line)


@lru_cache(maxsize=1 << 16)  # a name is compared many times (duplicates, register, previous period)
def plain_text(text: str) -> str:
    """Text as compared by what it says: no diacritics, no case, one space ("Hương  Văn" → "huong van")."""
    return without_marks(unicodedata.normalize("NFD", clean_text(text).casefold().replace("đ", "d")))


def without_marks(decomposed: str) -> str:
    """A decomposed (NFD) text without its combining marks (`unicodedata.combining`)."""
    return decomposed.translate(_WITHOUT_MARKS)


class _MarksDropped(dict[int, int | None]):
    """`str.translate`'s table that drops combining marks (`unicodedata.combining`), each character looked at the
    first time it is met: the translation then runs in C, not one Python step per character of every name."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_WITHOUT_MARKS = _MarksDropped()
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_TONE = re.compile("[" + "".join(sorted(_TONES)) + "]")
_WITHOUT_TONES = dict.fromkeys(map(ord, _TONES))  # `str.translate`: each tone mark dropped


@lru_cache(maxsize=1 << 16)
def spelled(text: str) -> str:
    """Text as compared by how it is spelt, whatever the case and wherever a word's tone mark sits: the old and the
    new placement are one spelling ("Hoà An" and "Hòa An", "Thuỵ" and "Thụy", "qúy" and "quý"), since a
    Vietnamese syllable carries one tone. Each word keeps its letters and other marks (â, ă, ê, ô, ơ, ư) and its
    tone mark, moved to the end of the word."""
    words = []
    for word in clean_text(text).casefold().split(" "):
        decomposed = unicodedata.normalize("NFD", word)
        tones = "".join(_TONE.findall(decomposed))
        words.append(unicodedata.normalize("NFC", decomposed.translate(_WITHOUT_TONES)) + tones)
    return " ".join(words)


def parse_number(value: Any) -> Decimal | None:
    """A score cell as `Decimal`; `None` when empty. Accepts `72,2` and `72.2`.

    Raises `NotANumber` (with a hint for staff when one helps) for anything else, `nan` and
    `inf` included, and `NumberTooLarge` for a number of a billion or more.
    """
    number = _number(value)
    if number is not None and not number.is_finite():
        raise NotANumber()
    if number is not None and number.copy_abs() >= LARGEST_NUMBER:
        raise NumberTooLarge()
    return number


def _number(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, (bool, datetime, date, time)):
        raise NotANumber(HINTS.date_cell)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    text = clean_text(value).replace(" ", "")
    if not text or text in {"-", "–"}:
        return None
    if text and set(text) == {"#"}:  # how Excel shows a date cell whose number is no date
        raise NotANumber(HINTS.hashes)
    if "_" in text:  # Python reads 7_2 as 72; people do not
        raise NotANumber()
    if text.count(",") + text.count(".") > 1:
        raise NotANumber(HINTS.one_separator)
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation as exc:
        raise NotANumber() from exc
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


def first_difference(given: str, known: str) -> tuple[int, str, str] | None:
    """Where two names that read alike differ first (1-based position, the given character, the known one), when
    they differ by one character for another (a non-breaking hyphen for a hyphen, a Cyrillic "о" for "o")."""  # noqa: RUF002
    if len(given) != len(known) or given == known:
        return None
    differing = [(i, a, b) for i, (a, b) in enumerate(zip(given, known, strict=True)) if a != b]
    if len(differing) != 1 or differing[0][1].casefold() == differing[0][2].casefold():
        return None
    position, a, b = differing[0]
    return position + 1, a, b

"""How wide a text prints in Times New Roman: the measure behind column widths and short rules.

Widths come from `font_widths` (Liberation Serif, metric-compatible with Times New Roman), so
a line that fits here fits in Word and in LibreOffice. A character outside the table is
measured as its base letter (a rare combining accent) or, failing that, as a wide letter.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from pipeline.documents.layout import font_widths

MM_PER_POINT = 25.4 / 72
SPACES = " \u00a0"  # an ordinary and a non-breaking space measure the same
_FACES = {(False, False): font_widths.REGULAR, (True, False): font_widths.BOLD,
          (False, True): font_widths.ITALIC, (True, True): font_widths.BOLD_ITALIC}


@lru_cache(maxsize=4)
def _table(bold: bool, italic: bool) -> dict[str, int]:
    values = map(int, _FACES[bold, italic].split(","))
    codepoints = (cp for start, end in font_widths.RANGES for cp in range(start, end))
    return {chr(cp): width for cp, width in zip(codepoints, values, strict=True) if width}  # a width per code point


def _units(char: str, table: dict[str, int]) -> int:
    if char in table:
        return table[char]
    base = unicodedata.normalize("NFD", char)[:1]
    return table.get(base, table["M"])


@lru_cache(maxsize=8192)  # words repeat (Vietnamese syllables, numbers): each is summed once
def width_mm(text: str, size_pt: float, bold: bool = False, italic: bool = False) -> float:
    """The printed width of `text` on one line, in millimetres."""
    table = _table(bold, italic)
    try:
        units = sum(map(table.__getitem__, text))  # every character in the table: the usual text, at C speed
    except KeyError:
        units = sum(_units(char, table) for char in text)
    return units / font_widths.UNITS_PER_EM * size_pt * MM_PER_POINT


def words(text: str) -> list[str]:
    """The pieces a line may break between: ordinary spaces only (a non-breaking space holds)."""
    return [word for word in text.split(" ") if word]


def wrapped_lines(text: str, size_pt: float, room_mm: float, bold: bool = False, italic: bool = False) -> list[float]:
    """The width of each line `text` fills in `room_mm`, broken at spaces as a word processor does."""
    space = width_mm(" ", size_pt, bold, italic)
    lines: list[float] = []
    current = None
    for word in words(text):
        size = width_mm(word, size_pt, bold, italic)
        if current is not None and current + space + size <= room_mm:
            current += space + size
        else:
            if current is not None:
                lines.append(current)
            current = size
    if current is not None:
        lines.append(current)
    return lines

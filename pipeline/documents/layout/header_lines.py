"""An agency's name in the header broken into lines between words, not inside one, the lines balanced.

Vietnamese writes a word of two or more syllables with spaces between them ("XÂY DỰNG", "NHÂN DÂN"), so a word
processor may break inside it ("XÂY / DỰNG"). A header line too long for its column is broken here, into lines of
their own (each a paragraph of the header), only between words: the syllables of a word of pyvi's Vietnamese word
list (MIT, 31 157 entries, read as a file; its tokenizer is not loaded) or of a name held together
(`line_breaks`) stay on one line. Of the ways to break it into the fewest lines, the one taken has lines of the
most even length, no word of one syllable alone on the last line ("TỈNH") and no line ending on "VÀ" (these
two first: a line more if need be).
"""

from __future__ import annotations

import itertools
import unicodedata
from functools import lru_cache
from importlib.resources import files

from pipeline.documents.layout.line_breaks import NBSP
from pipeline.documents.layout.text_width import width_mm

ROOM_MM = 58.0  # the header's left column (62 mm) less its cell margins
SIZE_PT = 12  # the agency's name (CoQuan): 12 pt bold
LONGEST_WORD = 4  # syllables of a word of the list, at most, looked for
CONJUNCTIONS = ("va",)


def fold(text: str) -> str:
    """Lower case without diacritics (đ as d): the list writes "uỷ ban", a job "Ủy ban"."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@lru_cache(maxsize=1)
def word_list() -> frozenset[str]:
    """The words of two or more syllables, folded."""
    text = files("pyvi").joinpath("models", "words.txt").read_text(encoding="utf-8")
    return frozenset(fold(line) for line in text.splitlines() if " " in line.strip())


def words_of(line: str) -> list[str]:
    """The line's words: syllables of one word of the list, or of one name, joined by non-breaking spaces."""
    tokens = [t for t in line.split(" ") if t]
    syllables, glued = [], []  # glued[n]: syllables[n] and the next are one word
    for token in tokens:
        parts = token.split(NBSP)
        syllables += parts
        glued += [True] * (len(parts) - 1) + [False]
    known = word_list()
    n = 0
    while n < len(syllables):
        for size in range(min(LONGEST_WORD, len(syllables) - n), 1, -1):
            if fold(" ".join(syllables[n:n + size])).strip(",;.:-") in known:
                glued[n:n + size - 1] = [True] * (size - 1)
                n += size - 1
                break
        n += 1
    found, current = [], []
    for syllable, holds in zip(syllables, glued, strict=True):  # one `glued` per syllable
        current.append(syllable)
        if not holds:
            found.append(NBSP.join(current))
            current = []
    return found


def header_lines(line: str, room_mm: float = ROOM_MM, size_pt: float = SIZE_PT) -> list[str]:
    """`line` as it fits, or broken between words into balanced lines."""
    if width_mm(line, size_pt, bold=True) <= room_mm:
        return [line]
    words = words_of(line)
    widths = [width_mm(w, size_pt, bold=True) for w in words]
    space = width_mm(" ", size_pt, bold=True)
    # words placed → (rules broken, lines, unevenness, breaks): the rules first, then the fewest lines, then balance
    best: dict[int, tuple[int, int, float, list[int]]] = {0: (0, 0, 0.0, [])}
    for start in range(len(words)):
        if start not in best:
            continue
        broken, lines, cost, breaks = best[start]
        width = -space
        for end in range(start + 1, len(words) + 1):
            width += space + widths[end - 1]
            if width > room_mm and end > start + 1:
                break
            last = end == len(words)
            alone = last and end == start + 1 and start > 0 and NBSP not in words[start]  # "TỈNH" alone
            candidate = (broken + alone + (not last and fold(words[end - 1]) in CONJUNCTIONS), lines + 1,
                         cost + (room_mm - width) ** 2, [*breaks, end])
            if end not in best or candidate[:3] < best[end][:3]:
                best[end] = candidate
    cuts = [0, *best[len(words)][3]]
    return [" ".join(words[a:b]) for a, b in itertools.pairwise(cuts)]

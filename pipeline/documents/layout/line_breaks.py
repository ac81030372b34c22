"""Names kept on one line: the spaces inside a proper name become non-breaking.

A header, trích yếu or "(Kèm theo Quyết định … của …)" line that wraps inside a name reads
badly and looks careless on a signed document ("Ủy ban nhân / dân", "thị / xã Hương Trà").
Word and LibreOffice never break a line at a non-breaking space (U+00A0), so the spaces
inside these are made non-breaking, and a line wraps between names instead:

- a body's name: "Ủy ban nhân dân", "Hội đồng nhân dân", "Hội đồng thẩm định"…, and "UBND",
  "HĐND" with the place that follows ("UBND thị xã Hương Trà");
- an administrative unit with its name: "thị xã Hương Trà", "TỈNH THỪA THIÊN HUẾ",
  "phường 1" (the type, then the words written with a capital or a digit);
- an agency with the first words of its name: "Sở Tài chính", "Phòng Kinh tế"; a name in two parts
  breaks only at its dash, which stays at the end of the first line ("PHÒNG TÀI CHÍNH -" / "KẾ HOẠCH");
- a number or a date with its word: "số 1841/QĐ-UBND", "ngày 24", "tháng 12", "năm 2020".

Text is compared in lower case; what is printed keeps its own letters.
"""

from __future__ import annotations

from functools import lru_cache

NBSP = "\u00a0"
BODIES = ("ủy ban nhân dân", "uỷ ban nhân dân", "hội đồng nhân dân", "hội đồng thẩm định", "hội đồng thi đua",
          "ban chỉ đạo", "mặt trận tổ quốc", "văn phòng hđnd và ubnd", "thanh tra")
PLACES = ("thành phố", "thị xã", "thị trấn", "đặc khu", "huyện", "quận", "tỉnh", "xã", "phường")
AGENCIES = ("trung tâm", "văn phòng", "chi cục", "sở", "phòng", "cục")
NAME_WORDS = 4  # at most this many words of a place's name are held together
AGENCY_WORDS = 2
COUNTED = ("số", "ngày", "tháng", "năm")
ABBREVIATED = ("ubnd", "hđnd")  # held with the place that follows: short enough for any line


@lru_cache(maxsize=4096)
def names_kept_whole(text: str) -> str:
    """`text` with the spaces inside names, numbers and dates made non-breaking. Worked out once per text: a
    campaign's reports and notices repeat their parent body, issuing bodies and signers."""
    words = text.split(" ")
    glued = [False] * len(words)  # glued[n]: the space after words[n] does not break
    n = 0
    while n < len(words):
        length = _name_at(words, n)
        for k in range(n, n + length - 1):
            glued[k] = True
        n += max(length, 1)
    return "".join(word + ("" if n == len(words) - 1 else NBSP if glued[n] else " ")
                   for n, word in enumerate(words))


def _name_at(words: list[str], n: int) -> int:
    """How many words from `words[n]` make one name (1: none starts here)."""
    lower = [w.lower() for w in words[n:n + 6]]
    for phrase in BODIES:
        size = phrase.count(" ") + 1
        if " ".join(lower[:size]) == phrase:
            return size
    for phrase in PLACES:
        size = phrase.count(" ") + 1
        if " ".join(lower[:size]) == phrase:
            return size + _name_words(words[n + size:], NAME_WORDS)
    if lower[0] in ABBREVIATED and len(lower) > 1:
        place = _name_at(words, n + 1)
        return 1 + place if place > 1 and lower[1] in [p.split(" ")[0] for p in PLACES] else 1
    for phrase in AGENCIES:
        size = phrase.count(" ") + 1
        if " ".join(lower[:size]) == phrase and words[n][:1].isupper():
            length = size + _name_words(words[n + size:], AGENCY_WORDS, capital_first=True)
            return length + _second_part(words[n + length:])
    if lower[0] in COUNTED and len(words) > n + 1 and any(c.isdigit() for c in words[n + 1]):
        return 2
    if n and words[n - 1] in ("-", "–") and words[n][:1].isupper():  # the second part of a name: "Kế hoạch"
        return max(_name_words(words[n:], AGENCY_WORDS, capital_first=True), 1)
    return 1


def _name_words(words: list[str], most: int, capital_first: bool = False) -> int:
    """How many of `words` belong to the name that starts them."""
    count = 0
    for word in words[:most]:
        starts_name = word[:1].isupper() or word[:1].isdigit()
        if not (starts_name or (capital_first and count > 0 and word[:1].isalpha())):
            break
        count += 1
        if word[-1:] in ",;:.)" or _starts_other(word):
            break
    return count


def _second_part(words: list[str]) -> int:
    """A dash and the second part of a name after it ("- Kế hoạch"): the dash goes with the first part."""
    if len(words) < 2 or words[0] not in ("-", "–"):
        return 0
    return 1  # the dash; the words after it start a name of their own (`_name_at` glues them)


def _starts_other(word: str) -> bool:
    """A word that begins another name ends this one (an upper-case line has capitals throughout)."""
    first = word.lower()
    return any(first == phrase.split(" ")[0] for phrase in (*BODIES, *PLACES))

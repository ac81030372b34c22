"""The numbers a rationale states ("Lý giải"), read as a person reads them, to be checked (`scoring.checks`).

- A rate is a number followed by "%": "95,6%" and "95.6%" are both 95,6 (a rate needs no thousands separator,
  so a dot in it is a decimal point). A rate written "1.234,5%" (two separators) is not read.
- A count is a whole number not followed by "%": "2.094" and "2094" are 2094 (a dot followed by exactly three digits
  groups thousands); "2,5" is no count. A fraction is "2066/2094" (not part of a date or a document number: "06/7/2021",
  "12/2021/QĐ-UBND" are left alone; nor a date after "ngày" or "tháng": "đến ngày 15/6", "tháng 6/2021").
- A stated rate refers to a fraction before it in the same sentence ("2066/2094 người … chiếm 98,6%") or right
  after it ("đạt 98,6% (2066/2094)"); else to the count just before it ("84 nhiệm vụ (đạt 95,6%)") out of the total
  given (the criterion's "Tổng số" cell), or else out of an earlier, larger count of the same thing ("87 nhiệm vụ");
  a rate with nothing it can refer to ("đạt 94%") is not checked.
- Stated points: "chấm 2,868 điểm", "nên chấm 2 điểm" (the last one said).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_RATE = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s*%")
_COUNT = re.compile(r"(?<![\d.,/])(\d{1,3}(?:\.\d{3})+|\d+)(?![\d/]|[.,]\d|\s*%)")  # "80%" is a rate
_FRACTION = re.compile(r"(?<![\d.,/])(\d{1,3}(?:\.\d{3})+|\d+)\s*/\s*(\d{1,3}(?:\.\d{3})+|\d+)(?![\d/]|[.,]\d)")
_DATE_BEFORE = re.compile(r"(?<!\w)(?:ngày|tháng)\s*$", re.IGNORECASE)  # "ngày 15/6", "tháng 6/2021": dates
_POINTS = re.compile(r"chấm\s+(?:điểm\s+)?(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)(?!\w)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)|\n")
_WORD = re.compile(r"\s*([^\W\d_]+)")
_NOT_NOUNS = {"do", "của", "trong", "được", "đã", "và", "có", "là", "quá", "đạt", "chiếm", "hoàn", "thì", "nên",
              "trên", "tại", "với", "cho"}
NEAR = 40  # characters between a count and its rate, at most ("84 nhiệm vụ (đạt 95,6%)": 17)


@dataclass(frozen=True)
class StatedRate:
    """A rate as typed ("95,6%"), its value and decimals, and the counts it is a rate of (when found)."""

    text: str
    value: Decimal
    decimals: int
    done: int | None = None
    total: int | None = None
    noun: str = ""  # what is counted, as typed ("nhiệm vụ")


@dataclass(frozen=True)
class Stated:
    rates: tuple[StatedRate, ...]
    fractions: tuple[tuple[int, int, str], ...]  # (done, total, noun) in the order written
    points: Decimal | None  # the last "chấm … điểm"
    points_text: str = ""


def count_value(text: str) -> int:
    return int(text.replace(".", ""))


def _noun(text: str, at: int) -> str:
    """What a number at `at` counts: up to two words after it ("nhiệm vụ"), stopping before a linking word."""
    words: list[str] = []
    position = at
    for _ in range(2):
        found = _WORD.match(text, position)
        if not found or found.group(1).casefold() in _NOT_NOUNS:
            break
        words.append(found.group(1))
        position = found.end()
    return " ".join(words)


def stated_in(text: str, total: int | None = None) -> Stated:
    """The rates (with what they refer to), fractions and points `text` states; `total`: the criterion's own."""
    found = list(_FRACTION.finditer(text))
    inside = {i for m in found for i in range(m.start(), m.end())}
    fractions = [(m, count_value(m.group(1)), count_value(m.group(2))) for m in found
                 if not _DATE_BEFORE.search(text, 0, m.start())]
    counts = [(m, count_value(m.group(1)), _noun(text, m.end())) for m in _COUNT.finditer(text)
              if m.start() not in inside]
    rates = []
    for rate in _RATE.finditer(text):
        number = rate.group(1)
        value = Decimal(number.replace(",", "."))
        decimals = len(re.split(r"[.,]", number)[1]) if re.search(r"[.,]", number) else 0
        done, total_of, noun = _referent(text, rate, fractions, counts, total)
        rates.append(StatedRate(rate.group(0), value, decimals, done, total_of, noun))
    points = list(_POINTS.finditer(text))
    return Stated(tuple(rates), tuple((d, t, _noun(text, m.end())) for m, d, t in fractions),
                  Decimal(points[-1].group(1).replace(",", ".")) if points else None,
                  points[-1].group(0) if points else "")


def _referent(text: str, rate: re.Match, fractions: list, counts: list,
              total: int | None) -> tuple[int | None, int | None, str]:
    """The counts a rate is a rate of (see the module's rules); `(None, None, "")` when none is clear."""
    start = _sentence_start(text, rate.start())
    for found, done, whole in reversed(fractions):  # a fraction before it, in its sentence, no other rate between
        if start <= found.start() and found.end() <= rate.start() and not _RATE.search(text, found.end(), rate.start()):
            return done, whole, _noun(text, found.end())
    after = text[rate.end():rate.end() + 3]
    for found, done, whole in fractions:  # "98,6% (2066/2094)"
        if rate.end() <= found.start() <= rate.end() + len(after) - len(after.lstrip(" (")):
            return done, whole, _noun(text, found.end())
    before = [(m, n, noun) for m, n, noun in counts if start <= m.start() and m.end() <= rate.start()
              and rate.start() - m.end() <= NEAR and not _RATE.search(text, m.end(), rate.start())]
    if not before:
        return None, None, ""
    found, done, noun = before[-1]
    if re.search(r"\d", text[found.end():rate.start()]):
        return None, None, ""
    if total is not None:
        return done, total, noun
    if not noun:
        return None, None, ""
    first = noun.split()[0].casefold()
    for earlier, whole, other in counts:  # the first larger count of the same thing, earlier in the text
        if earlier.start() < found.start() and whole > done and other and other.split()[0].casefold() == first:
            return done, whole, noun
    return None, None, ""


def _sentence_start(text: str, at: int) -> int:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    return ends[-1] if ends else 0

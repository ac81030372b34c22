"""Scoring rules as data: what a clerk types in one "Cách chấm" cell, read exactly or refused with why.

Three kinds (docs/inputs.md mục 2.5), case and spaces free, "tỉ lệ" = "tỷ lệ", "x" / "*" = "×":

- proportional: `tỷ lệ × 4` (or `4 × tỷ lệ`), `tỷ lệ × điểm chuẩn` or `tỷ lệ` (× the criterion's maximum):
  points = rate × 4;
- bands: `từ 90% đến dưới 95%: 1 điểm; từ 95% đến dưới 100%: 2; 100%: 3` (parts split by ";" or a new line, each
  maybe a list item "- …", "+ …", "• …" ending with ";" or ".";
  a condition is `từ A% đến dưới B%`, `từ A% - dưới B%`, `từ A% đến B%`, `từ A% trở lên`, `trên A%`, `dưới B%`,
  `A%`, or `còn lại`; words without figures may follow it and "thì đạt" may stand for ":", so the wording of a
  published sub-row, "Từ 95% - dưới 100% TTHC … thì đạt 2 điểm", is a band); a rate in no band scores 0;
- options (one of the listed): `trước hạn: 5; đúng hạn: 3; trong năm: 1`; yes/no is `có: 2; không: 0`.

Refused, with why (`RuleRefused.why`, worded in `messages_checks.RULE_WHY`): a part not understood, bands that
overlap, a part with more points than the criterion's maximum, rate bands mixed with named options.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

_NUMBER = r"(\d+(?:[.,]\d+)?)"
_RATE = _NUMBER + r"\s*%"
_POINTS = re.compile(r"(?:(?:\s*:\s*|\s+thì\s+(?:đạt|được)\s+|\s+(?:đạt|được)\s+)" + _NUMBER
                     + r"\s*(?:điểm|đ)?|\s+" + _NUMBER + r"\s*(?:điểm|đ))\s*[.,]?$")  # "có: 2", "có 2 điểm"
_PROPORTIONAL = re.compile(r"^t[ỷỉ] lệ(?:\s*[×x*]\s*(.+))?$")
_PROPORTIONAL_BEFORE = re.compile(r"^(.+?)\s*[×x*]\s*t[ỷỉ] lệ$")  # "3 × tỷ lệ" is "tỷ lệ × 3"
_OTHERWISE = re.compile(r"^(?:còn lại|các trường hợp còn lại|trường hợp khác|khác)$")
INF = None  # an open end
_BULLET = re.compile(r"^\s*[-+•]\s+")  # "- từ 95%: 2" as a list item: the level is "từ 95%: 2"


@dataclass(frozen=True)
class Band:
    """Rates from `low` to `high` (percent; `None`: no bound), each end in or out, and the band's points."""

    text: str
    points: Decimal
    low: Decimal | None = None
    low_in: bool = True
    high: Decimal | None = None
    high_in: bool = True
    otherwise: bool = False

    def holds(self, rate: Decimal) -> bool:
        if self.otherwise:
            return False
        above = self.low is None or rate > self.low or (self.low_in and rate == self.low)
        below = self.high is None or rate < self.high or (self.high_in and rate == self.high)
        return above and below


class RuleKind(StrEnum):
    """The three kinds of rule (docs/inputs.md mục 2.5)."""

    PROPORTIONAL = "proportional"  # points = rate × the multiplier
    BANDS = "bands"  # the points of the band the rate is in
    OPTIONS = "options"  # the points of the option named


@dataclass(frozen=True)
class Rule:
    kind: RuleKind
    text: str
    multiplier: Decimal | None = None  # proportional: the points of 100%
    bands: tuple[Band, ...] = ()
    options: tuple[tuple[str, Decimal], ...] = ()  # (name as typed, points)

    @property
    def takes_level(self) -> bool:
        """Whether the rule is answered by naming one of its options (a level), not by a rate."""
        return self.kind is RuleKind.OPTIONS

    @property
    def fixed_points(self) -> set[Decimal] | None:
        """The points a rule of bands or options can give (0 too: a rate in no band); None for a proportional."""
        if self.kind is RuleKind.PROPORTIONAL:
            return None
        return {Decimal(0), *(b.points for b in self.bands), *(p for _, p in self.options)}

    def option(self, answer: str) -> tuple[str, Decimal] | None:
        """The option `answer` names (case and spaces free), if any."""
        key = _key(answer)
        return next((o for o in self.options if _key(o[0]) == key), None)

    def band(self, rate: Decimal) -> Band | None:
        """The band holding `rate`, else the "còn lại" band, else `None` (0 points)."""
        return next((b for b in self.bands if b.holds(rate)), next((b for b in self.bands if b.otherwise), None))


class RuleRefused(ValueError):
    """A rule not understood: `why` is a key of `messages_checks.RULE_WHY`, `values` fill its wording."""

    def __init__(self, why: str, **values: str):
        super().__init__(why)
        self.why, self.values = why, values


def one_line(text: str) -> str:
    """A rule typed on several lines (one level a line) said on one: its lines joined by "; "."""
    return "; ".join(_level_lines(text)) if "\n" in text else text


def _level_lines(text: str) -> list[str]:
    """The cell's non-blank lines, each without a trailing ";" (a level ends with its line anyway)."""
    lines = []
    for line in unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = re.sub(r"(?<=[^\s;])\s*;$", "", line.strip())  # a line of ";" alone stays: an empty level
        if line:
            lines.append(line)
    return lines


def _key_lines(lines: list[str]) -> str:
    """The levels' lines as one key, a line break between two lines (a level ends with its line)."""
    return "\n".join(_key(line.replace("–", "-").replace("—", "-")) for line in lines)


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold()


def _decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def _shown(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", ",")


def parsed_rule(text: str, maximum: Decimal | None) -> Rule:
    """The rule `text` says; `maximum` is the criterion's (none may give more). Raises `RuleRefused`.

    Levels are split by ";" or a line break (a line may end with ";" too); a level may start with a bullet ("- ",
    "+ ", "• ") and end with "."."""
    lines = _level_lines(text)
    text = one_line(text)  # as messages show it
    plain = _key(text.replace("–", "-").replace("—", "-"))
    found = _PROPORTIONAL.match(plain)
    if found:
        return _proportional(text, found.group(1), maximum)
    found = _PROPORTIONAL_BEFORE.match(plain)
    if found:
        return _proportional(text, found.group(1), maximum)
    parts = [_BULLET.sub("", part).strip() for part in re.split(r"[;\n]", _key_lines(lines))]
    while parts and not parts[-1]:
        parts.pop()
    if any(not part for part in parts):
        raise RuleRefused("empty_part")
    named = [(part, *_split(part)) for part in parts]
    rated = [p for p in named if "%" in p[1] or _OTHERWISE.match(p[1])]
    if rated and len(rated) < len(named):
        odd = next(p for p in named if p not in rated)
        raise RuleRefused("mixed", part=odd[0])
    for part, _, points in named:
        if maximum is not None and points > maximum:
            raise RuleRefused("above_maximum", part=part, points=_shown(points), maximum=_shown(maximum))
    if rated and any("%" in p[1] for p in rated):
        return Rule(RuleKind.BANDS, text, bands=_bands(named))
    options: list[tuple[str, Decimal]] = []
    for _part, name, points in named:
        if any(_key(name) == _key(o) for o, _ in options):
            raise RuleRefused("duplicate_option", part=name)
        options.append((_typed_name(text, name), points))
    return Rule(RuleKind.OPTIONS, text, options=tuple(options))


def _proportional(text: str, factor: str | None, maximum: Decimal | None) -> Rule:
    if factor is None or factor.strip() in ("điểm chuẩn", "điểm tối đa"):
        return Rule(RuleKind.PROPORTIONAL, text, multiplier=maximum)
    if not re.fullmatch(_NUMBER + r"(?:\s*(?:điểm|đ))?", factor.strip()):
        raise RuleRefused("bad_multiplier", part=factor.strip())
    typed = re.match(_NUMBER, factor.strip())
    assert typed is not None  # the factor was just checked to be a number
    multiplier = _decimal(typed.group(1))
    if maximum is not None and multiplier > maximum:
        raise RuleRefused("multiplier_above_maximum", points=_shown(multiplier), maximum=_shown(maximum))
    return Rule(RuleKind.PROPORTIONAL, text, multiplier=multiplier)


def _split(part: str) -> tuple[str, Decimal]:
    """A part's condition (or option name) and its points."""
    found = _POINTS.search(part)
    if not found or not part[:found.start()].strip():
        raise RuleRefused("no_points", part=part)
    return part[:found.start()].strip(), _decimal(found.group(1) or found.group(2))


_CONDITIONS = (  # (pattern, low end, low in, high end, high in): groups 1 and 2 are the rates
    (r"từ\s+R\s*(?:đến|-)\s*dưới\s+R", 1, True, 2, False),
    (r"từ\s+R\s*(?:đến|-)\s*R", 1, True, 2, True),
    (r"(?:từ\s+R\s*trở\s+lên|từ\s+R|(?:≥|>=)\s*R)", 1, True, None, True),
    (r"(?:trên\s+R|>\s*R)", 1, False, None, True),
    (r"(?:dưới\s+R|<\s*R)", None, True, 1, False),
    (r"(?:từ\s+R\s*trở\s+xuống|(?:≤|<=)\s*R)", None, True, 1, True),
    (r"R", 1, True, 1, True),
)


def _condition(part: str, condition: str, points: Decimal) -> Band:
    if _OTHERWISE.match(condition):
        return Band(condition, points, otherwise=True)
    for pattern, low, low_in, high, high_in in _CONDITIONS:
        found = re.match(pattern.replace("R", _RATE), condition)
        if not found:
            continue
        rest = condition[found.end():]
        if re.match(r"\s*(?:đến|tới|-|trở|và)(?!\w)", rest):  # "từ 90% đến dưới …" misspelt: not "từ 90%"
            raise RuleRefused("bad_condition", part=part)
        if "%" in rest or re.search(r"\d", rest) or (rest and not rest[0].isspace()):
            if re.search(r"\d", rest):
                raise RuleRefused("words_with_numbers", part=part)
            continue
        bounds = [_decimal(g) for g in found.groups() if g is not None]
        band = Band(condition[:found.end()], points, bounds[low - 1] if low else None, low_in,
                    bounds[high - 1] if high else None, high_in)
        if any(b > 100 for b in bounds):
            raise RuleRefused("rate_above_100", part=part)
        if band.low is not None and band.high is not None and (
                band.low > band.high or (band.low == band.high and not (band.low_in and band.high_in))):
            raise RuleRefused("empty_range", part=part)
        return band
    raise RuleRefused("bad_condition", part=part)


def _bands(named: list[tuple[str, str, Decimal]]) -> tuple[Band, ...]:
    bands = tuple(_condition(part, condition, points) for part, condition, points in named)
    if sum(b.otherwise for b in bands) > 1:
        raise RuleRefused("two_otherwise")
    ranged = [b for b in bands if not b.otherwise]
    for i, first in enumerate(ranged):
        for second in ranged[i + 1:]:
            if _overlap(first, second):
                raise RuleRefused("overlap", first=first.text, second=second.text)
    return bands


def _overlap(a: Band, b: Band) -> bool:
    """Whether some rate is in both bands."""
    lows = [(x.low, x.low_in) for x in (a, b) if x.low is not None]
    highs = [(x.high, x.high_in) for x in (a, b) if x.high is not None]
    low = max(lows, key=lambda e: (e[0], not e[1])) if lows else None  # the higher low end; an open end is higher
    high = min(highs, key=lambda e: (e[0], e[1])) if highs else None  # the lower high end; an open end is lower
    if low is None or high is None:
        return True
    return low[0] < high[0] or (low[0] == high[0] and low[1] and high[1])


def _typed_name(text: str, name: str) -> str:
    """An option's name as typed (its case), found again in the rule's text."""
    plain = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text))
    at = plain.casefold().find(name)
    return plain[at:at + len(name)] if at >= 0 else name

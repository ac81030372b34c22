"""A scoring rule applied to a criterion's facts: the points, and the computation said as a person checks it.

Points are exact `Decimal` arithmetic on the exact rate (84/87, not 96,55 %), rounded half-up once at the
criterion's precision (`[checks] decimals`): 84/87 × 4 = 3,862068… → 3,862. The computation shows the rate at
two decimals ("96,55% × 4 = 3,862 điểm") when that product rounds to the same points, so a reader who redoes it
gets the same figure; otherwise it shows the fraction ("84/87 × 4 = …"). Points that need no rounding are not
said as a rounded product: 14/15 × 15 = 14 exactly, so not "93,33% × 15 = 14" (13,9995). A band holds a rate by its
exact value: 94,996 % is below 95 %.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pipeline.base.formatting import number
from pipeline.base.messages_checks import CHECK_WORDS
from pipeline.base.rounding import round_half_up
from pipeline.scoring.rules import Rule, RuleKind

RATE_DECIMALS = 2  # how a rate is shown: 96,55%
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Facts:
    """What a rule is applied to: counts (done of total), or a rate in percent, or the option reached."""

    done: int | None = None
    total: int | None = None
    rate: Decimal | None = None  # percent; exact (done × 100 / total) when counts are given
    level: str = ""
    noun: str = ""

    @classmethod
    def of_counts(cls, done: int, total: int, noun: str = "") -> Facts:
        return cls(done, total, Decimal(done) * HUNDRED / Decimal(total), noun=noun)

    def text(self) -> str:
        """"84/87 nhiệm vụ (96,55%)", "96,55%", or the option."""
        if self.done is not None and self.total is not None:
            assert self.rate is not None  # computed from the counts
            return f"{self.done}/{self.total}{' ' + self.noun if self.noun else ''} ({rate_text(self.rate)})"
        return rate_text(self.rate) if self.rate is not None else f'"{self.level}"'


@dataclass(frozen=True)
class Scored:
    points: Decimal
    computation: str  # "96,55% × 4 = 3,862 điểm"


def rate_text(rate: Decimal) -> str:
    """A rate at two decimals, trailing zeros dropped: "96,55%", "100%"."""
    return f"{number(round_half_up(rate, RATE_DECIMALS))}%"


def points_text(points: Decimal) -> str:
    return number(points)


def scored(rule: Rule, facts: Facts, decimals: int) -> Scored | None:
    """The points `rule` gives for `facts` (`None` when the facts are not of the rule's kind)."""
    if rule.takes_level:
        chosen = rule.option(facts.level) if facts.level else None
        if chosen is None:
            return None
        return Scored(chosen[1], CHECK_WORDS.option.format(option=chosen[0], points=points_text(chosen[1])))
    if facts.rate is None:
        return None
    if rule.kind is RuleKind.PROPORTIONAL:
        return _proportional(rule, facts, decimals)
    band = rule.band(facts.rate)
    if band is None:
        return Scored(Decimal(0), CHECK_WORDS.no_band.format(rate=rate_text(facts.rate)))
    return Scored(band.points, CHECK_WORDS.band.format(rate=rate_text(facts.rate), band=band.text,
                                                       points=points_text(band.points)))


def _proportional(rule: Rule, facts: Facts, decimals: int) -> Scored | None:
    if rule.multiplier is None:  # "tỷ lệ × điểm chuẩn" on a criterion without a maximum
        return None
    return proportional(facts, rule.multiplier, decimals)


def proportional(facts: Facts, multiplier: Decimal, decimals: int) -> Scored:
    """rate × multiplier, rounded once; said with the rate at two decimals when that gives the same points, and
    gives them exactly when the exact rate does (14/15 × 15 is 14, but 93,33% × 15 is 13,9995: "14/15 × 15 = 14")."""
    assert facts.rate is not None
    exact = facts.rate * multiplier / HUNDRED
    points = round_half_up(exact, decimals)
    shown = round_half_up(facts.rate, RATE_DECIMALS)
    by_shown = shown * multiplier / HUNDRED
    if round_half_up(by_shown, decimals) == points and (exact != points or by_shown == points):
        rate = rate_text(facts.rate)
    elif facts.done is not None:
        rate = f"{facts.done}/{facts.total}"
    else:
        rate = f"{number(facts.rate)}%"
    return Scored(points, CHECK_WORDS.proportional.format(rate=rate, multiplier=points_text(multiplier),
                                                          points=points_text(points)))


def drafted_rationale(facts: Facts, result: Scored) -> str:
    """The rationale said from the facts and the points computed from them (used when its cell is empty)."""
    if facts.done is not None and facts.total is not None:
        assert facts.rate is not None  # computed from the counts
        return CHECK_WORDS.draft_counts.format(done=facts.done, total=facts.total,
                                               noun=f" {facts.noun}" if facts.noun else "",
                                               rate=rate_text(facts.rate), computation=result.computation)
    if facts.rate is not None:
        return CHECK_WORDS.draft_rate.format(rate=rate_text(facts.rate), computation=result.computation)
    return CHECK_WORDS.draft_option.format(computation=result.computation)


def rate_agrees(stated: Decimal, decimals: int, exact: Decimal) -> bool:
    """Whether a rate stated at `decimals` is right: the exact rate rounded half-up, or cut, at those decimals
    (98,6 for 98,66 is accepted: people often cut; 95,6 for 96,55 is not)."""
    cut = exact.quantize(Decimal(1).scaleb(-decimals), rounding="ROUND_DOWN")
    return stated in (round_half_up(exact, decimals), cut)

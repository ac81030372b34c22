"""The computation said in a drafted rationale and in a finding can be redone by the reader: the rate at two
decimals only when it gives the same points, and exactly when the points need no rounding; else the fraction."""

from __future__ import annotations

from decimal import Decimal

from pipeline.flow import check_job
from pipeline.scoring.rule_points import Facts, proportional
from tests.checks.conftest import criterion, report_job


def test_points_that_need_no_rounding_are_said_with_the_fraction_not_a_rounded_rate():
    """14/15 × 15 = 14 exactly, while 93,33% × 15 = 13,9995."""
    said = proportional(Facts.of_counts(14, 15), Decimal(15), 3)
    assert (said.points, said.computation) == (14, "14/15 × 15 = 14 điểm")


def test_points_that_are_rounded_anyway_are_said_with_the_rate_when_it_rounds_the_same():
    """84/87 × 3 = 2,89655… and 96,55% × 3 = 2,8965 both round half-up to 2,897."""
    assert proportional(Facts.of_counts(84, 87), Decimal(3), 3).computation == "96,55% × 3 = 2,897 điểm"


def test_a_whole_rate_that_gives_the_points_exactly_is_said_as_a_rate():
    assert proportional(Facts.of_counts(9, 10), Decimal(10), 3).computation == "90% × 10 = 9 điểm"


def test_drafted_rationale_and_finding_say_the_fraction_when_the_points_are_exact(tmp_path):
    job = report_job(tmp_path / "job", [
        criterion("1.1", "Nhiệm vụ giao", 15, rule="tỷ lệ × 15", done=14, total=15, noun="nhiệm vụ"),
        criterion("1.2", "Nhiệm vụ giao", 15, 14, "Hoàn thành 14/15 nhiệm vụ đạt 95%", "tỷ lệ × 15", 14, 15,
                  "nhiệm vụ")])
    result = check_job(job)
    drafted = next(r for r in result.criteria if r["code"] == "1.1")["rationale"]
    assert drafted == "Hoàn thành 14/15 nhiệm vụ (93,33%); 14/15 × 15 = 14 điểm."
    (finding,) = result.findings
    assert finding.detail("implied_points") == "14/15 × 15 = 14 điểm"

"""Scoring rules as data: each kind computes its points from the facts (expected values computed here from exact
fractions), the computed points fill an empty cell and the rationale is drafted from the same facts, a typed point
that differs is a finding, and a rule or fact not understood is refused with where and why."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.flow import check_job
from pipeline.scoring.rule_points import Facts, rate_agrees, scored
from pipeline.scoring.rules import RuleRefused, parsed_rule
from tests.checks.conftest import FIRST_ROW, criterion, half_up, report_job, vietnamese


def points(rule: str, maximum: str, facts: Facts, decimals: int = 3) -> Decimal:
    result = scored(parsed_rule(rule, Decimal(maximum)), facts, decimals)
    assert result is not None
    return result.points


@pytest.mark.parametrize("rule, maximum, done, total, multiplier", [
    ("tỷ lệ × 4", "4", 84, 87, 4),
    ("Tỉ lệ x 3", "5", 84, 87, 3),
    ("tỷ lệ", "5", 2066, 2094, 5),
    ("TỶ LỆ * điểm chuẩn", "2", 1, 3, 2),
])
def test_proportional_rule_is_the_exact_rate_times_its_points_rounded_once(rule, maximum, done, total, multiplier):
    expected = half_up(Fraction(done, total) * multiplier, 3)
    assert points(rule, maximum, Facts.of_counts(done, total)) == expected


def test_proportional_points_round_half_up_not_half_even():
    """96,25 % × 2 = 1,925 → 1,93 at 2 decimals (half-even would give 1,92)."""
    assert points("tỷ lệ × 2", "2", Facts(rate=Decimal("96.25")), decimals=2) == Decimal("1.93")


def test_proportional_rate_is_not_rounded_before_multiplying():
    """2/3 × 5: the exact rate gives 3,333; 66,67 % × 5 would give 3,334 (3,3335 half-up)."""
    assert points("tỷ lệ × 5", "5", Facts.of_counts(2, 3)) == half_up(Fraction(10, 3), 3) == Decimal("3.333")


BANDS = "100%: 3; từ 80% đến dưới 100%: 2; từ 70% đến dưới 80%: 1"


@pytest.mark.parametrize("done, total, expected", [
    (2066, 2094, 2), (80, 100, 2), (79, 100, 1), (70, 100, 1), (100, 100, 3), (69, 100, 0), (0, 10, 0),
])
def test_bands_give_the_points_of_the_band_holding_the_exact_rate(done, total, expected):
    assert points(BANDS, "3", Facts.of_counts(done, total)) == expected


def test_a_band_compares_the_exact_rate_not_the_rounded_one():
    """94,996 % shows as 95,00 % but is below 95 %."""
    rule = "từ 90% đến dưới 95%: 1; từ 95% trở lên: 2"
    assert points(rule, "2", Facts(rate=Decimal("94.996"))) == 1
    assert points(rule, "2", Facts(rate=Decimal("95"))) == 2


def test_published_sub_row_wording_is_a_band():
    rule = ("Từ 95% - dưới 100% TTHC được lập quy trình, số hóa và giải quyết đúng hạn thì đạt 2 điểm;\n"
            "Từ 90% - dưới 95% TTHC được lập quy trình thì đạt 1 điểm.")
    assert points(rule, "3", Facts(rate=Decimal(94))) == 1
    assert points(rule, "3", Facts(rate=Decimal(96))) == 2


def test_otherwise_band_takes_the_rates_no_band_holds():
    assert points("từ 90%: 2; còn lại: 1", "2", Facts(rate=Decimal(50))) == 1


@pytest.mark.parametrize("rule, level, expected", [
    ("trước hạn: 5; đúng hạn: 3; trong năm: 1", "Đúng  Hạn", 3),
    ("Trước hạn: 5; đúng hạn: 3; trong năm: 1", "trước hạn", 5),
    ("có: 2; không: 0", "Có", 2),
    ("có 2 điểm; không 0 điểm", "không", 0),
])
def test_option_rules_give_the_points_of_the_option_reached(rule, level, expected):
    assert points(rule, "5", Facts(level=level)) == expected


@pytest.mark.parametrize("rule, why", [
    ("từ 90%: 1; từ 95%: 2", "overlap"),
    ("từ 90% đến 95%: 1; từ 95% đến 100%: 2", "overlap"),
    ("có: 7; không: 0", "above_maximum"),
    ("tỷ lệ × 6", "multiplier_above_maximum"),
    ("có: 2; 90%: 1", "mixed"),
    ("khoảng 90%: 1", "bad_condition"),
    ("từ 90% đến dưới chín mươi lăm: 1", "bad_condition"),
    ("có 2; không 0", "no_points"),
    ("có: 2;; không: 0", "empty_part"),
    ("tỷ lệ × hai", "bad_multiplier"),
    ("từ 95% đến dưới 90%: 1", "empty_range"),
    ("có: 2; Có: 1", "duplicate_option"),
    ("từ 90% đến dưới 120%: 1", "rate_above_100"),
])
def test_a_rule_not_understood_is_refused_with_why(rule, why):
    with pytest.raises(RuleRefused) as refused:
        parsed_rule(rule, Decimal(5))
    assert refused.value.why == why


def test_adjacent_bands_do_not_overlap():
    assert parsed_rule("từ 90% đến dưới 95%: 1; từ 95% đến 100%: 2", Decimal(2)).kind == "bands"


@pytest.mark.parametrize("stated, decimals, done, total, right", [
    ("95.6", 1, 84, 87, False), ("96.6", 1, 84, 87, True), ("96.5", 1, 84, 87, True), ("96.55", 2, 84, 87, True),
    ("96.56", 2, 84, 87, False), ("98.6", 1, 2066, 2094, True), ("98.7", 1, 2066, 2094, True),
    ("98.5", 1, 2066, 2094, False), ("97", 0, 84, 87, True), ("96", 0, 84, 87, True), ("95", 0, 84, 87, False),
])
def test_a_stated_rate_is_right_rounded_or_cut_at_its_own_decimals(stated, decimals, done, total, right):
    assert rate_agrees(Decimal(stated), decimals, Decimal(done) * 100 / Decimal(total)) is right


# --- through a job: fill, draft, findings, refusals ----------------------------------------------------------

def test_rule_and_counts_fill_the_empty_points_and_draft_the_rationale(tmp_path):
    job = report_job(tmp_path / "job", [criterion("1.1", "Thực hiện nhiệm vụ", 4, rule="tỷ lệ × 4", done=84,
                                                  total=87, noun="nhiệm vụ")])
    result = check_job(job)
    row = next(r for r in result.criteria if r["code"] == "1.1")
    expected = half_up(Fraction(84, 87) * 4, 3)
    assert row["points"] == expected and result.totals.points == expected
    assert row["rationale"] == f"Hoàn thành 84/87 nhiệm vụ (96,55%); 96,55% × 4 = {vietnamese(expected)} điểm."
    assert result.findings == ()


def test_drafted_rationale_shows_the_fraction_when_the_rounded_rate_would_give_other_points(tmp_path):
    """2/3 × 5 = 3,333 but 66,67 % × 5 = 3,3335 → 3,334: the sentence must not say so."""
    job = report_job(tmp_path / "job", [criterion("1.1", "Nhiệm vụ", 5, rule="tỷ lệ", done=2, total=3)])
    row = next(r for r in check_job(job).criteria if r["code"] == "1.1")
    assert row["rationale"] == "Hoàn thành 2/3 (66,67%); 2/3 × 5 = 3,333 điểm."


def test_typed_points_that_differ_from_the_rule_are_a_finding_and_stay_as_typed(tmp_path):
    job = report_job(tmp_path / "job", [criterion("1.1", "Nhiệm vụ", 4, 3.824, "Đã thực hiện đủ.", "tỷ lệ × 4",
                                                  84, 87, "nhiệm vụ")])
    result = check_job(job)
    (finding,) = result.findings
    assert finding.reason is Reason.RULE_POINTS_MISMATCH
    assert (finding.row, finding.column) == (FIRST_ROW + 1, "Điểm tự chấm")
    assert finding.detail("expected") == "84/87 nhiệm vụ (96,55%): 96,55% × 4 = 3,862 điểm"
    assert result.totals.points == Decimal("3.824")
    assert describe(finding).endswith('tiêu chí 1.1: theo cách chấm "tỷ lệ × 4", 84/87 nhiệm vụ (96,55%): 96,55% × 4 '
                                      '= 3,862 điểm; điểm tự chấm ghi 3,824 điểm. Kiểm tra lại số liệu và điểm.')


def test_points_stated_in_the_rationale_are_checked_against_the_typed_points(tmp_path):
    job = report_job(tmp_path / "job", [criterion("1.1", "Nhiệm vụ", 3, 2, "Đạt yêu cầu nên chấm 2,5 điểm")])
    (finding,) = check_job(job).findings
    assert finding.reason is Reason.STATED_POINTS_MISMATCH
    assert (finding.detail("stated"), finding.detail("expected")) == ("chấm 2,5 điểm", "2 điểm")


def test_the_rule_is_applied_to_the_counts_the_rationale_states_when_no_fact_is_typed(tmp_path):
    job = report_job(tmp_path / "job", [criterion("1.1", "CBCCVC", 3, 1, "Có 2.066/2.094 người đạt 98.6%",
                                                  "100%: 3; từ 80% đến dưới 100%: 2; dưới 80%: 1")])
    (finding,) = check_job(job).findings
    assert finding.reason is Reason.RULE_POINTS_MISMATCH
    assert finding.detail("expected") == '2066/2094 người (98,66%): 98,66% thuộc mức "từ 80% đến dưới 100%": 2 điểm'


def test_options_rule_with_its_level_fills_the_points(tmp_path):
    job = report_job(tmp_path / "job", [criterion("1.1", "Học tập Nghị quyết", 2, rule="có: 2; không: 0",
                                                  level="không")])
    row = next(r for r in check_job(job).criteria if r["code"] == "1.1")
    assert (row["points"], row["rationale"]) == (0, 'Đạt mức "không": 0 điểm.')


def test_a_bad_rule_is_refused_with_file_sheet_row_column_and_why(tmp_path):
    job = report_job(tmp_path / "job", [criterion("1.1", "A", 2, 2, rule="từ 90%: 1; từ 95%: 2"),
                                        criterion("1.2", "B", 2, 2, rule="có: 3; không: 0")])
    with pytest.raises(InputErrors) as refused:
        check_job(job)
    problems = [p for p in refused.value.problems if p.reason is Reason.RULE_INVALID]
    assert [(p.file, p.sheet, p.row, p.column) for p in problems] == [
        ("tu-cham.xlsx", "Tự chấm điểm", FIRST_ROW + 1, "Cách chấm"),
        ("tu-cham.xlsx", "Tự chấm điểm", FIRST_ROW + 2, "Cách chấm")]
    assert 'hai mức trùng nhau: "từ 90%" và "từ 95%"' in describe(problems[0])
    assert 'mức "có: 3" cho 3 điểm, lớn hơn điểm chuẩn 2 của tiêu chí' in describe(problems[1])


@pytest.mark.parametrize("cells, column, words", [
    (dict(done=90, total=87), "Số hoàn thành", "số hoàn thành 90 lớn hơn tổng số 87"),
    (dict(done=84.5, total=87), "Số hoàn thành", "không phải số nguyên"),
    (dict(done=84), "Số hoàn thành", "thiếu \"Tổng số\""),
    (dict(done=1, total=0), "Tổng số", "tổng số bằng 0"),
    (dict(done=84, total=87, rate=95.6), "Tỷ lệ (%)", "tỷ lệ ghi 95,6% nhưng 84/87 = 96,55%"),
    (dict(rate=101), "Tỷ lệ (%)", "lớn hơn 100%"),
    (dict(level="có"), "Mức đạt", "cần số hoàn thành và tổng số, hoặc tỷ lệ"),
])
def test_facts_that_cannot_be_right_are_refused(tmp_path, cells, column, words):
    job = report_job(tmp_path / "job", [criterion("1.1", "A", 4, rule="tỷ lệ × 4", **cells)])
    with pytest.raises(InputErrors) as refused:
        check_job(job)
    (found,) = [p for p in refused.value.problems if p.reason is Reason.RULE_FACTS_INVALID]
    assert (found.row, found.column) == (FIRST_ROW + 1, column)
    assert words in describe(found)


def test_facts_without_a_rule_are_refused_rather_than_ignored(tmp_path):
    job = report_job(tmp_path / "job", [criterion("1.1", "A", 4, 4, done=84, total=87)])
    with pytest.raises(InputErrors) as refused:
        check_job(job)
    assert [p.reason for p in refused.value.problems] == [Reason.RULE_FACTS_INVALID]
    assert "ô \"Cách chấm\" để trống" in describe(refused.value.problems[0])


def test_an_option_not_in_the_rule_is_refused(tmp_path):
    job = report_job(tmp_path / "job", [criterion("1.1", "A", 2, rule="có: 2; không: 0", level="một phần")])
    with pytest.raises(InputErrors) as refused:
        check_job(job)
    assert 'mức "một phần" không có trong cách chấm' in describe(refused.value.problems[0])


def test_counts_the_rationale_states_are_checked_against_the_typed_counts(tmp_path):
    job = report_job(tmp_path / "job", [criterion("1.1", "Nhiệm vụ", 4, 3.862,
                                                  "Đã thực hiện 87 nhiệm vụ, hoàn thành 85 nhiệm vụ (đạt 97,7%), "
                                                  "có 2 nhiệm vụ (2,3%) quá hạn", "tỷ lệ × 4", 84, 87, "nhiệm vụ")])
    (finding,) = check_job(job).findings
    assert finding.reason is Reason.STATED_COUNTS_MISMATCH
    assert (finding.detail("stated"), finding.detail("expected")) == (
        "85/87 nhiệm vụ", 'cột "Số hoàn thành", "Tổng số" ghi 84/87')


def test_the_complement_of_the_typed_counts_is_not_another_count(tmp_path):
    rationale = "Có 3/87 nhiệm vụ quá hạn (3,45%); hoàn thành 84/87 nhiệm vụ (96,55%)"
    job = report_job(tmp_path / "job", [criterion("1.1", "Nhiệm vụ", 4, 3.862, rationale, "tỷ lệ × 4", 84, 87)])
    assert check_job(job).findings == ()


def test_an_item_without_a_code_is_scored_by_its_rule_too(tmp_path):
    job = report_job(tmp_path / "job", [criterion("1.1", "Kiểm tra", 3),
                                        criterion(None, "Tổ chức tự kiểm tra", 2, rule="có: 2; không: 0", level="có"),
                                        criterion(None, "Thực hiện kết luận", 1, 1)])
    result = check_job(job)
    assert result.totals.points == 3 and result.findings == ()

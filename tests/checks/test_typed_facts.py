"""Facts typed for a scoring rule are read as the clerk meant them or refused with where and how to write them: a
rate between 0 and 1 in a cell not shown as a percentage is ambiguous (98,6 % typed as a fraction, or under 1 %)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import load_workbook

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.flow import check_job
from pipeline.scoring.rules import parsed_rule
from tests.checks.conftest import FIRST_ROW, criterion, report_job

BANDS = "100%: 3; từ 80% đến dưới 100%: 2; từ 70% đến dưới 80%: 1"
RATE_COLUMN = "K"  # "Tỷ lệ (%)", the 11th header of tests.checks.conftest.HEADERS


def _rate_job(tmp_path, rate, percent_format: str | None = None):
    job = report_job(tmp_path / "job", [criterion("1.1", "CBCCVC hoàn thành nhiệm vụ", 3, rule=BANDS, rate=rate)])
    if percent_format is not None:
        path = job / "tu-cham.xlsx"
        book = load_workbook(path)
        book["Tự chấm điểm"][f"{RATE_COLUMN}{FIRST_ROW + 1}"].number_format = percent_format
        book.save(path)
    return job


def test_a_rate_between_0_and_1_in_a_general_cell_is_refused_with_how_to_write_it(tmp_path):
    with pytest.raises(InputErrors) as refused:
        check_job(_rate_job(tmp_path, 0.986))
    (found,) = [p for p in refused.value.problems if p.reason is Reason.RULE_FACTS_INVALID]
    assert (found.file, found.sheet, found.row, found.column) == ("tu-cham.xlsx", "Tự chấm điểm", FIRST_ROW + 1,
                                                                  "Tỷ lệ (%)")
    assert "tỷ lệ ghi 0,986" in describe(found)
    assert "gõ 98,6 cho 98,6%" in describe(found) and "định dạng ô là %" in describe(found)


@pytest.mark.parametrize("stored, rate, points", [
    (0.986, Decimal("98.6"), 2),   # shown 98,6 %: the band "từ 80% đến dưới 100%"
    (0.005, Decimal("0.5"), 0),    # shown 0,5 %: a rate under 1 % in no band
])
def test_a_rate_in_a_percent_formatted_cell_is_the_percentage_shown(tmp_path, stored, rate, points):
    result = check_job(_rate_job(tmp_path, stored, "0.0%"))
    row = next(r for r in result.criteria if r["code"] == "1.1")
    assert row["facts"].rate == rate and row["points"] == points


@pytest.mark.parametrize("rate", [0, 1, 98.6])
def test_a_rate_of_0_or_from_1_in_a_general_cell_is_a_percentage(tmp_path, rate):
    row = next(r for r in check_job(_rate_job(tmp_path, rate)).criteria if r["code"] == "1.1")
    assert row["facts"].rate == Decimal(str(rate))


def test_a_count_typed_as_text_with_dots_between_thousands_is_that_whole_number(tmp_path):
    job = report_job(tmp_path / "job", [criterion("1.1", "CBCCVC", 3, rule=BANDS, done="2.066", total="2.094")])
    row = next(r for r in check_job(job).criteria if r["code"] == "1.1")
    assert (row["facts"].done, row["facts"].total, row["points"]) == (2066, 2094, 2)


@pytest.mark.parametrize("done", ["2,066", "2.06", 2.066])
def test_a_count_with_a_decimal_part_is_still_refused(tmp_path, done):
    job = report_job(tmp_path / "job", [criterion("1.1", "CBCCVC", 3, rule=BANDS, done=done, total=2094)])
    with pytest.raises(InputErrors) as refused:
        check_job(job)
    (found,) = [p for p in refused.value.problems if p.reason is Reason.RULE_FACTS_INVALID]
    assert found.column == "Số hoàn thành" and "không phải số nguyên" in describe(found)


@pytest.mark.parametrize("rule", ["3 × tỷ lệ", "3x tỉ lệ", "điểm chuẩn * tỷ lệ"])
def test_the_multiplier_may_be_written_before_the_rate(tmp_path, rule):
    assert (parsed_rule(rule, Decimal(3)).kind, parsed_rule(rule, Decimal(3)).multiplier) == ("proportional", 3)

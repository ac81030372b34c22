"""A day and month after "ngày" or "tháng" in a rationale is a date, not a fraction to check against the counts."""

from __future__ import annotations

import pytest

from pipeline.flow import check_job
from pipeline.scoring.stated import stated_in
from tests.checks.conftest import criterion, report_job


@pytest.mark.parametrize("text", [
    "Tính đến ngày 15/6, có 2066 người hoàn thành tốt nhiệm vụ",
    "Tính đến Ngày 15 / 6 có 2066 người",
    "trong tháng 6/2021 có 2066 người",
])
def test_a_day_and_month_after_ngay_or_thang_is_no_fraction(text):
    assert stated_in(text).fractions == ()


def test_a_fraction_after_other_words_is_still_read():
    assert [(d, t) for d, t, _ in stated_in("có 15/16 người, ngày làm việc").fractions] == [(15, 16)]


def test_a_date_in_the_rationale_is_no_other_count_than_the_typed_one(tmp_path):
    rationale = "Tính đến ngày 15/6, có 2066 người hoàn thành tốt nhiệm vụ, chiếm 98,6% nên chấm 2 điểm"
    job = report_job(tmp_path / "job", [criterion("1.1", "CBCCVC", 3, 2, rationale,
                                                  "100%: 3; từ 80% đến dưới 100%: 2; dưới 80%: 1", 2066, 2094,
                                                  "người")])
    assert check_job(job, strict=True).findings == ()

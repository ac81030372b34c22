"""The rationale the program drafts from the facts is never a finding: its own sentence is not read back as if a
clerk had typed it, and a rate quoted in a band ("từ 80% đến dưới 100%") is no count of anything."""

from __future__ import annotations

from pipeline.flow import check_job
from pipeline.scoring.stated import stated_in
from tests.checks.conftest import criterion, report_job

BANDS = "100%: 3; từ 80% đến dưới 100%: 2; từ 70% đến dưới 80%: 1"


def test_a_strict_run_accepts_the_rationale_it_drafted_for_a_criterion_with_level_rows(tmp_path):
    job = report_job(tmp_path / "job", [
        criterion("1.1", "CBCCVC hoàn thành tốt nhiệm vụ", 3, rule=BANDS, done=2066, total=2094, noun="người"),
        criterion(None, "Đạt 100%", 3), criterion(None, "Từ 80% đến dưới 100%", 2),
        criterion(None, "Từ 70% đến dưới 80%", 1)])
    result = check_job(job, strict=True)
    row = next(r for r in result.criteria if r["code"] == "1.1")
    # 2066/2094 = 98,662…% (2066 × 100 / 2094): in the band from 80 % to under 100 %, 2 points
    assert row["rationale"] == 'Hoàn thành 2066/2094 người (98,66%); 98,66% thuộc mức "từ 80% đến dưới 100%": 2 điểm.'
    assert result.findings == ()


def test_a_number_followed_by_a_percent_sign_is_a_rate_not_a_count():
    stated = stated_in('Hoàn thành 2066/2094 người (98,66%); 98,66% thuộc mức "từ 80% đến dưới 100%": 2 điểm.',
                       total=2094)
    assert [(r.text, r.done, r.total) for r in stated.rates] == [
        ("98,66%", 2066, 2094), ("98,66%", None, None), ("80%", None, None), ("100%", None, None)]

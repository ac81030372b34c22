"""Báo cáo 2445/BC-UBND (Hương Trà, 2021): "84 nhiệm vụ (đạt 95,6%)" where 84/87 is 96,55 %, and its points 2,868
and 3,824 computed from that wrong rate (95,6% × 3, 95,6% × 4). The example jobs keep the published figures; the
mistake is a finding, not an error."""

from __future__ import annotations

from fractions import Fraction

import openpyxl
import pytest

from pipeline.base.errors import InputErrors, Reason
from pipeline.flow import check_job, run_job
from tests.checks.conftest import half_up, vietnamese
from tests.conftest import INPUTS

PUBLISHED, WITH_RULES = "huong-tra-2021-tu-cham", "huong-tra-2021-cach-cham"
RIGHT_RATE = vietnamese(half_up(Fraction(84 * 100, 87), 2))  # 96,55
POINTS_1_2_1 = vietnamese(half_up(Fraction(84, 87) * 3, 3))  # 2,897
POINTS_1_2_2 = vietnamese(half_up(Fraction(84, 87) * 4, 3))  # 3,862


def rate_findings(result) -> dict[tuple[str, str], dict]:
    return {(f.detail("code"), f.detail("stated")): dict(f.details) for f in result.findings
            if f.reason is Reason.STATED_RATE_MISMATCH}


def test_the_independent_figures_are_the_ones_the_brief_states():
    assert (RIGHT_RATE, POINTS_1_2_1, POINTS_1_2_2) == ("96,55", "2,897", "3,862")


@pytest.mark.parametrize("job", [PUBLISHED, WITH_RULES])
def test_the_wrong_rate_of_1_2_1_and_1_2_2_is_found_with_the_points_it_implies(job):
    found = rate_findings(check_job(INPUTS / job))
    first = found[("1.2.1", "84/87 nhiệm vụ đạt 95,6%")]
    second = found[("1.2.2", "84/87 YKCD đạt 95,6%")]
    assert first["expected"] == second["expected"] == f"84/87 = {RIGHT_RATE}%"
    assert first["implied_points"] == f"{RIGHT_RATE}% × 3 = {POINTS_1_2_1} điểm"
    assert second["implied_points"] == f"{RIGHT_RATE}% × 4 = {POINTS_1_2_2} điểm"
    assert (first["typed"], second["typed"]) == ("2,868", "3,824")


def test_the_complement_4_4_percent_is_found_too():
    """"có 3 nhiệm vụ (4,4%)": 3 of the 87 is 3,45 %."""
    found = rate_findings(check_job(INPUTS / PUBLISHED))
    assert found[("1.2.1", "3/87 nhiệm vụ đạt 4,4%")]["expected"] == \
        f"3/87 = {vietnamese(half_up(Fraction(300, 87), 2))}%"


def test_98_6_percent_for_2066_of_2094_is_accepted_and_its_band_gives_the_typed_2_points():
    result = check_job(INPUTS / WITH_RULES)
    assert not [f for f in result.findings if f.detail("code") == "2.2.2"]
    assert {f.detail("code") for f in result.findings} == {"1.2.1", "1.2.2"}


def test_without_a_rule_the_multiplier_is_read_from_the_typed_points():
    """2,868 is 95,6 % × 3 exactly: the program says so, and what 96,55 % × 3 gives."""
    finding = rate_findings(check_job(INPUTS / PUBLISHED))[("1.2.1", "84/87 nhiệm vụ đạt 95,6%")]
    assert "(đã chấm 2,868 = 95,6% × 3)" in finding["implied"]


def test_the_finding_is_said_in_plain_vietnamese_with_its_place(cli):
    code, out, _ = cli("check", INPUTS / PUBLISHED)
    assert code == 0
    assert ('Tệp tu-cham-6-thang-2021.xlsx, trang "Tự chấm điểm", dòng 12, cột "Lý giải việc chấm điểm": tiêu chí '
            f'1.2.2: lý giải ghi 84/87 YKCD đạt 95,6%; 84/87 = {RIGHT_RATE}%. Điểm theo tỷ lệ đúng: {RIGHT_RATE}% × 4 '
            f'= {POINTS_1_2_2} điểm (đã chấm 3,824 = 95,6% × 4).') in out


def test_the_published_figures_stay_as_typed():
    result = check_job(INPUTS / WITH_RULES)
    points = {r["code"]: r["points"] for r in result.criteria if r["code"]}
    assert (str(points["1.2.1"]), str(points["1.2.2"]), str(result.totals.points)) == ("2.868", "3.824", "28.692")


def test_review_sheet_lists_each_finding_with_place_statement_and_points(tmp_path):
    run = run_job(INPUTS / WITH_RULES, tmp_path / "ra")
    sheet = openpyxl.load_workbook(tmp_path / "ra" / "ket-qua.xlsx")["Cần xem lại"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("TT", "Tệp", "Trang tính", "Dòng", "Mã số", "Đã ghi", "Đúng ra", "Điểm theo đúng ra",
                       "Điểm đã chấm", "Nội dung")
    assert rows[1][:9] == (1, "tu-cham-6-thang-2021.xlsx", "Tự chấm điểm", 8, "1.2.1", "84/87 nhiệm vụ đạt 95,6%",
                           f"84/87 = {RIGHT_RATE}%", f"{RIGHT_RATE}% × 3 = {POINTS_1_2_1} điểm", "2,868")
    assert rows[1][9].startswith("Tiêu chí 1.2.1: lý giải ghi 84/87 nhiệm vụ đạt 95,6%")
    assert len(rows) == 1 + len(run.result.findings) == 5
    assert [r[4] for r in rows[1:]] == ["1.2.1", "1.2.1", "1.2.2", "1.2.2"]


def test_strict_refuses_the_run_and_writes_nothing(tmp_path, cli):
    with pytest.raises(InputErrors) as refused:
        run_job(INPUTS / PUBLISHED, tmp_path / "ra", strict=True)
    assert {p.reason for p in refused.value.problems} == {Reason.STATED_RATE_MISMATCH}
    assert not (tmp_path / "ra").exists()
    code, _, err = cli("run", INPUTS / PUBLISHED, "--out", tmp_path / "ra", "--strict")
    assert code == 1 and "Chưa ghi tệp nào" in err and "84/87 = 96,55%" in err
    assert not (tmp_path / "ra").exists()
    code, _, err = cli("check", INPUTS / PUBLISHED, "--strict")
    assert code == 1 and "84/87 = 96,55%" in err


def test_without_strict_the_run_prints_the_findings_last_and_succeeds(tmp_path, cli):
    code, out, _ = cli("run", INPUTS / PUBLISHED, "--out", tmp_path / "ra")
    assert code == 0
    tail = out[out.index("Cần xem lại (4 điều"):]
    assert "84/87 = 96,55%" in tail and (tmp_path / "ra" / "ket-qua.xlsx").exists()

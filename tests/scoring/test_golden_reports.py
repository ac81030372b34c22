"""Roll-up of the criteria tree of Báo cáo 2445/BC-UBND and of the Chi Lăng CCHC fields."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

from pipeline.read.job_folder import read_job
from pipeline.scoring.evaluate import evaluate
from tests.conftest import INPUTS


@pytest.fixture(scope="module")
def huong_tra():
    return evaluate(*read_job(INPUTS / "huong-tra-2021-tu-cham"))


@pytest.mark.parametrize("code, maximum, points", [
    ("I", "12", "7.692"), ("II", "18", "17"), ("III", "4", "4"),
    ("1.2", "9", "6.692"), ("1.2.1", "5", "2.868"), ("1.2.2", "4", "3.824"), ("1.3", "3", "1"),
    ("2.1", "0", "0"), ("2.2", "6", "5"), ("2.2.2", "3", "2"), ("3.4", "2", "2"),
])
def test_fields_and_criteria_roll_up_as_published(huong_tra, code, maximum, points):
    row = pd.DataFrame(huong_tra.criteria)[pd.DataFrame(huong_tra.criteria)["code"] == code].iloc[0]
    assert (row["max_points"], row["points"]) == (Decimal(maximum), Decimal(points))


def test_total_is_28_692_of_34(huong_tra):
    assert (huong_tra.totals.max_points, huong_tra.totals.points) == (Decimal(34), Decimal("28.692"))


@pytest.mark.parametrize("code, rollup", [("1.2.1", "choose"), ("1.3", "choose"), ("2.2.2", "choose"),
                                          ("1.2.2", "sum"), ("2.2.1", "sum"), ("I", "sum")])
def test_parent_kind_is_inferred_from_its_maximum(huong_tra, code, rollup):
    criteria = pd.DataFrame(huong_tra.criteria)
    assert criteria[criteria["code"] == code].iloc[0]["rollup"] == rollup


def test_sub_items_without_code_attach_to_the_criterion_above(huong_tra):
    criteria = pd.DataFrame(huong_tra.criteria).set_index("row")
    listed = pd.DataFrame(huong_tra.criteria)
    parent_row = int(listed[listed["code"] == "1.2.1"].iloc[0]["row"])
    options = criteria[criteria["parent"] == parent_row]
    assert list(options["title"]) == ["Hoàn thành trước thời hạn", "Hoàn thành đúng thời hạn",
                                      "Hoàn thành trong năm, nhưng không đúng thời hạn"]
    assert options["option"].all()


def test_report_score_is_put_on_a_100_point_scale(huong_tra):
    unit = huong_tra.units[0]
    assert (unit["score"], unit["label"], unit["rank"]) == (Decimal("84.39"), "Tốt", 1)


def test_chi_lang_fields_bonus_and_penalty():
    result = evaluate(*read_job(INPUTS / "chi-lang-2023-cchc"))
    totals = result.totals
    assert (totals.max_points, totals.tree_points) == (Decimal(80), Decimal("64.06"))
    assert (totals.bonus, totals.penalty, totals.points) == (Decimal(3), Decimal(0), Decimal("67.06"))
    unit = result.units[0]
    assert (str(unit["score"]), unit["label"]) == ("83.075", "Tốt")

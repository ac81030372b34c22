"""Inputs a secretariat really produces that used to give a wrong figure with no error.

Each case is a small table as staff type it; the rule is: the exact figure a person would
compute, or a refusal naming the place, never a silent change of meaning.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.base.errors import Reason
from pipeline.config.job_settings import Group
from pipeline.config.scheme import scheme_data, scheme_from_data
from pipeline.read.sheet import Sheet
from pipeline.scoring.compute import rolled_up_criteria, unit_scores
from pipeline.scoring.normalise import normalise_criteria, normalise_units

CCHC = scheme_from_data(scheme_data("chi-so-cchc@2023", "t")[0], "t")
GROUPS = (Group("Khối A", "Khối A"),)


def scored(*rows: tuple) -> tuple[list[dict], list[Reason]]:
    """A unit table (header first) read and scored on the CCHC scheme: the units and the reasons refused."""
    units, problems = normalise_units([Sheet("bang.xlsx", "Khối A", rows)], GROUPS)
    units, more = unit_scores(units, CCHC)
    return units, [p.reason for p in [*problems, *more]]


@pytest.mark.parametrize("penalty_header", ["Điểm trừ (nếu có)", "Điểm bị trừ", "ĐIỂM TRỪ", "Điểm trừ:"])
def test_an_annotated_or_reworded_penalty_header_is_the_penalty(penalty_header):
    units, refused = scored(("Đơn vị", "Tổng điểm thẩm định", penalty_header), ("Sở A", "97.685", 5))
    assert refused == [] and units[0]["score"] == Decimal("92.685")


def test_a_shortened_applicable_maximum_header_scales_the_points():
    units, refused = scored(("Đơn vị", "Tổng điểm các nhiệm vụ phát sinh", "Tổng điểm thẩm định"),
                            ("Hương Văn", 80, "72.2"))
    assert refused == [] and units[0]["score"] == Decimal("90.250")


def test_the_only_maximum_column_is_the_one_points_are_scaled_by():
    units, refused = scored(("Đơn vị", "Điểm tối đa", "Tổng điểm thẩm định"),
                            ("Sở A", "71.5", "64.35"), ("Sở B", "96.5", "90"), ("Sở C", 100, "91"))
    assert refused == []
    assert [u["score"] for u in units] == [Decimal("90.000"), Decimal("93.264"), Decimal("91.000")]


def test_with_two_maximum_columns_the_applicable_one_scales():
    units, refused = scored(("Đơn vị", "Tổng điểm các nhiệm vụ theo quy định",
                             "Tổng điểm các nhiệm vụ phát sinh trong năm theo quy định", "Tổng điểm thẩm định"),
                            ("Hương Văn", 100, 80, "72.2"))
    assert refused == [] and units[0]["score"] == Decimal("90.250")


def test_the_real_points_column_of_a_published_table_is_read_as_points():
    units, refused = scored(("Đơn vị", "Điểm đánh giá trực tiếp", "Điểm điều tra xã hội học"),
                            ("Sở A", "60.1", "27.26"))
    assert refused == [] and units[0]["score"] == Decimal("87.360")


@pytest.mark.parametrize("rows, reason", [
    ((("Đơn vị", "Tổng điểm thẩm định", "Điểm điều tra xã hội học"), ("Sở A", "60", "272.60")), Reason.ABOVE_SCALE),
    ((("Đơn vị", "Tổng điểm các nhiệm vụ theo quy định", "Tổng điểm các nhiệm vụ phát sinh trong năm theo quy định",
       "Tổng điểm thẩm định"), ("Sở A", 80, 100, 70)), Reason.APPLICABLE_ABOVE_MAXIMUM),
    ((("Đơn vị", "Điểm tối đa", "Tổng điểm thẩm định"), ("Sở A", None, 70)), Reason.MISSING_VALUE),
])
def test_numbers_out_of_range_are_refused(rows, reason):
    _, refused = scored(*rows)
    assert reason in refused


def test_a_total_row_is_checked_and_never_ranked():
    units, refused = scored(("TT", "Đơn vị", "Tổng điểm thẩm định"), (1, "Sở A", "90"), (2, "Sở B", "80"),
                            (None, "Tổng cộng", "170"))
    assert refused == [] and [u["unit"] for u in units] == ["Sở A", "Sở B"]
    _, refused = scored(("TT", "Đơn vị", "Tổng điểm thẩm định"), (1, "Sở A", "90"), (2, "Sở B", "80"),
                        (None, "Cộng:", "171"))
    assert refused == [Reason.TOTAL_ROW_MISMATCH]


@pytest.mark.parametrize("second, duplicate", [("Huong Van", True), ("HƯƠNG VĂN", True), ("Hương Vân", False)])
def test_a_name_typed_without_diacritics_is_the_same_unit_but_two_full_names_are_not(second, duplicate):
    _, refused = scored(("Đơn vị", "Tổng điểm thẩm định"), ("Hương Văn", "90"), (second, "80"))
    assert (Reason.DUPLICATE_UNIT in refused) is duplicate


@pytest.mark.parametrize("first, second, duplicate", [("Phường Hòa An", "Phường Hoà An", True),
                                                      ("Xã Thụy Lâm", "XÃ THUỴ LÂM", True),
                                                      ("Xã Hòa An", "Xã Hóa An", False)])
def test_a_name_with_its_tone_mark_placed_the_old_or_the_new_way_is_the_same_unit(first, second, duplicate):
    _, refused = scored(("Đơn vị", "Tổng điểm thẩm định"), (first, "90"), (second, "80"))
    assert (Reason.DUPLICATE_UNIT in refused) is duplicate


def criteria(*rows: tuple) -> list[Reason]:
    header = ("Mã số", "Tiêu chí", "Điểm chuẩn", "Điểm tự chấm")
    table, problems = normalise_criteria([Sheet("t.xlsx", "S", (header, *rows))])
    _, _, more = rolled_up_criteria(table)
    return [p.reason for p in [*problems, *more]]


def test_a_blank_leaf_score_is_not_yet_scored_not_zero():
    assert criteria(("I", "A", 10, None), ("1.1", "a", 6, 6), ("1.2", "b", 4, None)) == [Reason.MISSING_VALUE]


def test_a_choose_one_criterion_with_no_level_scored_is_refused():
    assert criteria(("I", "A", 7, None), ("1.1", "chọn", 5, None), (None, "trước hạn", 5, None),
                    (None, "đúng hạn", 3, None), ("1.2", "b", 2, 2)) == [Reason.NO_OPTION_SCORED]


def test_a_criterion_placed_under_another_field_is_refused():
    assert criteria(("I", "A", 4, None), ("1.1", "a", 2, 2), ("1.2", "b", 2, 2), ("II", "B", 1, None),
                    ("2.1", "c", 1, 1), ("1.3", "d", 2, 2)) == [Reason.CODE_OUT_OF_ORDER]


def test_the_run_refuses_what_the_stage_refuses(cli, tmp_path):
    from tests.conftest import unit_job

    job = unit_job(tmp_path / "job", {"Khối A": [["Đơn vị", "Tổng điểm thẩm định"], ["Sở A", 90], ["Tổng", 91]],
                                      "Khối B": [["Đơn vị", "Tổng điểm thẩm định"], ["Sở B", 80]]})
    code, _, err = cli("run", job, "--out", tmp_path / "out")
    assert code == 1 and "dòng tổng ghi 91" in err and not (tmp_path / "out").exists()


@pytest.mark.parametrize("tie_rule, points, decided_by, ranks", [
    ("dong-hang", ("90.5451", "90.5449"), "rank", [1, 1]),
    ("lien-tiep", ("90.5451", "90.5449"), "exact", [1, 2]),
    ("lien-tiep", ("90.545", "90.545"), "order", [1, 2]),
])
def test_units_sharing_a_published_score_say_which_rule_ordered_them(tie_rule, points, decided_by, ranks):
    from pipeline.scoring.rank import ranked_within_groups, tied_units

    units, _ = scored(("Đơn vị", "Tổng điểm thẩm định"), ("Sở A", points[0]), ("Sở B", points[1]), ("Sở C", "80"))
    ties = tied_units(ranked_within_groups(units, ["Khối A"], tie_rule))
    assert ties == [{"group": "Khối A", "score": Decimal("90.545"), "units": ["Sở A", "Sở B"], "ranks": ranks,
                     "decided_by": decided_by}]


def test_the_results_workbook_and_the_summary_name_the_tied_units(cli, tmp_path):
    import openpyxl

    from tests.conftest import INPUTS

    code, printed, err = cli("run", INPUTS / "vi-du-2024-xep-hang-cchc", "--out", tmp_path / "out")
    assert code == 0, err
    assert "Cùng 90,545 điểm: Sở Tư pháp, Sở Xây dựng — đồng hạng 3" in printed
    sheet = openpyxl.load_workbook(tmp_path / "out" / "ket-qua.xlsx")["Đồng điểm"]
    assert [c.value for c in sheet[2]][:3] == ["Sở, ban, ngành", 90.545, "Sở Tư pháp, Sở Xây dựng"]


@pytest.mark.parametrize("extra, refused", [
    ("Điểm trừ do vi phạm", True),  # says "trừ": a penalty read by no one would be silently lost
    ("Tổng điểm đạt được", True),  # a total under another name: checked or refused, never ignored
    ("Điểm trừ", False),  # the penalty column itself
    ("Số điện thoại", False),  # a column of the unit's own: ignored
    ("Xếp loại", False),
])
def test_a_header_that_says_what_a_column_means_but_is_not_its_name_is_refused(extra, refused):
    _, reasons = scored(("Đơn vị", "Tổng điểm thẩm định", extra), ("Sở A", "90", "1"))
    assert (Reason.LOOKALIKE_COLUMN in reasons) is refused


def test_a_second_column_of_the_same_meaning_is_refused_not_ignored():
    _, reasons = scored(("Đơn vị", "Tổng điểm thẩm định", "Điểm trừ", "Điểm trừ (nếu có)"), ("Sở A", "90", "1", "2"))
    assert Reason.LOOKALIKE_COLUMN in reasons


def test_a_missing_column_is_hinted_only_by_a_header_of_the_same_meaning():
    _, problems = normalise_units(
        [Sheet("b.xlsx", "Khối A", (("TT", "Đơn vị", "Tổng điểm đạt được"), (1, "Sở A", 90)))], GROUPS)
    missing = next(p for p in problems if p.reason is Reason.MISSING_COLUMN)
    assert "Tổng điểm đạt được" not in missing.detail("hint")
    _, problems = normalise_units(
        [Sheet("b.xlsx", "Khối A", (("TT", "Đơn vị", "Điểm thẩm định cuối"), (1, "Sở A", 90)))], GROUPS)
    assert "Điểm thẩm định cuối" in next(p for p in problems if p.reason is Reason.MISSING_COLUMN).detail("hint")


def test_no_two_columns_have_the_same_name_without_diacritics():
    from pipeline.read.columns import CRITERIA_TABLE, UNIT_TABLE
    from pipeline.scoring.tables import _plain

    for spec in (UNIT_TABLE, CRITERIA_TABLE):
        owners: dict[str, str] = {}
        for column in spec.columns:
            for key in column.keys():  # noqa: SIM118 (Column.keys(): its header keys, no dict)
                assert owners.setdefault(_plain(key), column.id) == column.id, (spec.name, key)

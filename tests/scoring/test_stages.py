"""Normalise, compute, classify: the rules each stage states, on small tables built here."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest

from pipeline.base.errors import InputErrors, Reason
from pipeline.config.job_settings import Group
from pipeline.config.scheme import scheme_data, scheme_from_data
from pipeline.read.sheet import Sheet
from pipeline.scoring.cells import clean_text, parse_code, parse_number
from pipeline.scoring.classify import classified
from pipeline.scoring.compute import rolled_up_criteria, unit_scores
from pipeline.scoring.normalise import normalise_criteria, normalise_units

CCHC = scheme_from_data(scheme_data("chi-so-cchc", "test")[0], "test")


@pytest.mark.parametrize("raw, expected", [
    ("72,2", "72.2"), ("72.2", "72.2"), (" 72,20 ", "72.20"), (72.2, "72.2"), (100, "100"),
    ("\u00a063,06", "63.06"), ("", None), (None, None), ("-", None),
])
def test_score_cells_read_as_decimal(raw, expected):
    parsed = parse_number(raw)
    assert (str(parsed) if parsed is not None else None) == expected


@pytest.mark.parametrize("raw", ["72.2.1", "1.234,5", "abc", "7O", True])
def test_score_cells_that_are_not_numbers_are_refused(raw):
    with pytest.raises(ValueError):
        parse_number(raw)


@pytest.mark.parametrize("raw, expected", [
    ("I", "I"), ("ii", "II"), ("1.2", "1.2"), ("1.2.1", "1.2.1"), ("1.2.", "1.2"), (1.2, "1.2"), (3, "3"),
    ("", None), (None, None),
])
def test_criterion_codes(raw, expected):
    assert parse_code(raw) == expected


@pytest.mark.parametrize("raw", ["1..2", "A", "1.a", "IIII"])
def test_bad_criterion_codes(raw):
    with pytest.raises(ValueError):
        parse_code(raw)


def test_text_is_nfc_with_spaces_collapsed_and_line_breaks_kept_on_request():
    decomposed = unicodedata.normalize("NFD", "Hương\u00a0 Văn ")
    assert clean_text(decomposed) == "Hương Văn"
    assert clean_text("a  b\r\n c", keep_lines=True) == "a b\nc"


def test_header_row_is_found_below_a_title_block():
    sheet = Sheet("a.xlsx", "Khối A", (
        ("BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ", None), (None, None),
        ("TT", "Tên đơn vị", "Tổng điểm thẩm định"), (1, "Phòng A", "90,5"),
    ))
    units, problems = normalise_units([sheet], (Group("Khối A", "Khối A"),))
    assert problems == [] and [u["unit"] for u in units] == ["Phòng A"]
    assert units[0]["appraised_points"] == Decimal("90.5") and units[0]["row"] == 4


def test_nfd_names_are_the_same_unit():
    sheet = Sheet("a.csv", None, (("Đơn vị", "Tổng điểm thẩm định"), ("Hương Văn", 1),
                                  (unicodedata.normalize("NFD", "Hương  Văn"), 2)))
    _, problems = normalise_units([sheet], (Group("Khối A", "Khối A"),))
    assert [p.reason for p in problems] == [Reason.DUPLICATE_UNIT]


def _criteria(rows):
    header = ("Mã số", "Tiêu chí", "Điểm chuẩn", "Điểm tự chấm", "Cách tính")
    frame, problems = normalise_criteria([Sheet("t.xlsx", "S", (header, *rows))])
    assert problems == []
    return rolled_up_criteria(frame)


def test_choose_one_parent_takes_the_scored_option():
    _, totals, problems = _criteria([("1", "A", 5, None, None), (None, "a", 5, None, None),
                                         (None, "b", 3, 2.5, None), (None, "c", 1, None, None)])
    assert problems == [] and totals.points == Decimal("2.5") and totals.max_points == 5


def test_two_scored_options_are_an_error():
    _, _, problems = _criteria([("1", "A", 5, None, None), (None, "a", 5, 5, None),
                                         (None, "b", 3, 3, None)])
    assert [p.reason for p in problems] == [Reason.TWO_OPTIONS_SCORED]


def test_maximum_fitting_neither_rule_is_an_error():
    _, _, problems = _criteria([("1", "A", 7, None, None), (None, "a", 5, 5, None), (None, "b", 3, 1, None)])
    assert [(p.reason, p.detail("sum"), p.detail("largest")) for p in problems] == [
        (Reason.MAXIMUM_MISMATCH, "8", "5")]


def test_declared_rollup_is_enforced():
    _, _, problems = _criteria([("1", "A", 8, None, "chọn một"), (None, "a", 5, 5, None), (None, "b", 3, None, None)])
    assert [p.reason for p in problems] == [Reason.MAXIMUM_MISMATCH]


def test_parent_scored_alone_keeps_its_points():
    _, totals, problems = _criteria([("1", "A", 3, 2, None), (None, "đạt", 3, None, None),
                                     (None, "không đạt", 0, None, None)])
    assert problems == [] and totals.points == 2


def test_code_without_its_parent_is_an_error():
    header = ("Mã số", "Tiêu chí", "Điểm chuẩn", "Điểm tự chấm")
    frame, _ = normalise_criteria([Sheet("t.xlsx", "S", (header, ("I", "A", 2, 2), ("2.1", "B", 1, 1)))])
    _, _, problems = rolled_up_criteria(frame)
    assert [(p.reason, p.detail("parent")) for p in problems] == [(Reason.ORPHAN_CODE, "2")]


def _unit(**values):
    base = {"group": "A", "unit": "X", "max_points": None, "applicable_max": None, "appraised_points": None,
            "survey_points": None, "bonus": None, "penalty": None, "declared_score": None, "reason": "",
            "note": "", "file": "f", "sheet": "s", "row": 2}
    return [{**base, **values}]


def test_score_puts_points_on_the_100_point_scale():
    scored, _ = unit_scores(_unit(applicable_max=Decimal(80), scale_max=Decimal(80), appraised_points=Decimal("72.2")),
                            CCHC)
    assert scored[0]["score"] == Decimal("90.250")


def test_components_add_up_then_bonus_and_penalty_apply():
    scored, _ = unit_scores(_unit(appraised_points=Decimal("60.1235"), survey_points=Decimal("30.5"),
                                  bonus=Decimal(2), penalty=Decimal("0.5")), CCHC)
    assert scored[0]["score_exact"] == Decimal("92.1235") and scored[0]["score"] == Decimal("92.124")


def test_conditions_move_a_unit_down():
    data = {**scheme_data("chi-so-cchc", "t")[0],
            "conditions": [{"label": "Xuất sắc", "min_field_percent": 85}, {"label": "Xuất sắc", "no_penalty": True}]}
    scheme = scheme_from_data(data, "t")
    units = [
        {"group": "A", "evaluated": True, "score": Decimal(95), "penalty": None, "min_field_ratio": Decimal("0.9")},
        {"group": "A", "evaluated": True, "score": Decimal(95), "penalty": None, "min_field_ratio": Decimal("0.8")},
        {"group": "A", "evaluated": True, "score": Decimal(95), "penalty": Decimal(1), "min_field_ratio": Decimal(1)},
    ]
    assert [u["label"] for u in classified(units, scheme, {})] == ["Xuất sắc", "Tốt", "Tốt"]


@pytest.mark.parametrize("change, key", [
    ({"decimals": 9}, "decimals"), ({"tie_rule": "ngẫu nhiên"}, "tie_rule"),
    ({"labels": [{"name": "A", "min": 50}, {"name": "B", "min": 60}, {"name": "C"}]}, "labels"),
    ({"labels": [{"name": "A", "min": 50}, {"name": "B", "min": 10}]}, "labels"),
])
def test_invalid_scheme_fields_are_refused(change, key):
    with pytest.raises(InputErrors) as caught:
        scheme_from_data({**scheme_data("chi-so-cchc", "t")[0], **change}, "t")
    assert caught.value.problems[0].detail("key") == key

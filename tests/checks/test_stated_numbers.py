"""What a rationale states, read as a person reads it: Vietnamese decimal comma and thousands dot, "95.6%" as
95,6 %, a rate tied to its fraction or to its count out of an earlier total of the same thing, dates and
document numbers left alone."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.scoring.stated import stated_in


def rates(text: str, total: int | None = None) -> list[tuple[str, int | None, int | None]]:
    return [(r.text, r.done, r.total) for r in stated_in(text, total).rates]


def test_a_count_and_its_rate_refer_to_the_earlier_total_of_the_same_thing():
    text = "đã thực hiện 87 nhiệm vụ, trong đó hoàn thành 84 nhiệm vụ (đạt 95,6%) có 3 nhiệm vụ (4,4%)."
    assert rates(text) == [("95,6%", 84, 87), ("4,4%", 3, 87)]


def test_thousands_dots_and_a_fraction_before_the_rate():
    text = "tổng số 2.094 người, có 2.066/2.094 người hoàn thành tốt nhiệm vụ chiếm 98,6% nên chấm 2 điểm"
    stated = stated_in(text)
    assert rates(text) == [("98,6%", 2066, 2094)]
    assert stated.points == Decimal(2)


def test_a_rate_with_a_decimal_point_is_read_as_its_decimal_comma():
    (rate,) = stated_in("đạt 95.6% (84/87)").rates
    assert (rate.value, rate.decimals, rate.done, rate.total) == (Decimal("95.6"), 1, 84, 87)


def test_the_criterions_total_is_used_when_typed():
    assert rates("hoàn thành 84 nhiệm vụ (đạt 95,6%)", total=87) == [("95,6%", 84, 87)]


@pytest.mark.parametrize("text", [
    "ngày 06/7/2021 đạt 95%",                         # a date is no fraction
    "theo Quyết định 12/2021/QĐ-UBND đạt 95%",        # nor a document number
    "kết quả giải quyết TTHC trong 6 tháng của UBND các phường xã đạt 94%",  # 6 tháng: no total of months
    "đạt 94% và 90%",
])
def test_a_rate_with_nothing_it_clearly_refers_to_is_not_checked(text):
    assert all(done is None for _, done, _ in rates(text))


def test_the_last_points_said_are_the_stated_points():
    stated = stated_in("Năm trước chấm 3 điểm; năm nay nên chấm 2,868 điểm")
    assert (stated.points, stated.points_text) == (Decimal("2.868"), "chấm 2,868 điểm")

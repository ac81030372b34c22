"""A "Cách chấm" cell may hold one level a line (Alt+Enter), each maybe a list item ("- ", "+ ", "• ") ending with
";" or ".": read as the same levels written on one line with ";", and still refused when a level is not understood."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.flow import check_job
from pipeline.scoring.rules import RuleRefused, parsed_rule
from tests.checks.conftest import criterion, report_job

ONE_LINE = "100%: 3; từ 80% đến dưới 100%: 2; từ 70% đến dưới 80%: 1"


def _bands(rule: str) -> list[tuple]:
    return [(b.low, b.low_in, b.high, b.high_in, b.points) for b in parsed_rule(rule, Decimal(3)).bands]


@pytest.mark.parametrize("rule", [
    "100%: 3\ntừ 80% đến dưới 100%: 2\ntừ 70% đến dưới 80%: 1",
    "100%: 3\r\ntừ 80% đến dưới 100%: 2\r\ntừ 70% đến dưới 80%: 1",
    "- 100%: 3;\n- từ 80% đến dưới 100%: 2;\n- từ 70% đến dưới 80%: 1.",
    "- 100%: 3; - từ 80% đến dưới 100%: 2; - từ 70% đến dưới 80%: 1.",
    "+ 100%: 3.\n+ từ 80% đến dưới 100%: 2.\n\n• từ 70% đến dưới 80%: 1.",
])
def test_levels_on_lines_or_as_list_items_are_the_levels_written_with_semicolons(rule):
    assert _bands(rule) == _bands(ONE_LINE) == [
        (Decimal(100), True, Decimal(100), True, 3), (Decimal(80), True, Decimal(100), False, 2),
        (Decimal(70), True, Decimal(80), False, 1)]


def test_option_levels_on_lines_keep_their_names():
    rule = parsed_rule("- Trước hạn: 5;\n- Đúng hạn: 3;\n- Trong năm: 1.", Decimal(5))
    assert rule.options == (("Trước hạn", 5), ("Đúng hạn", 3), ("Trong năm", 1))


@pytest.mark.parametrize("rule, why", [
    ("100%: 3\nkhoảng 80%: 2", "bad_condition"),
    ("100%: 3\n-từ 80%: 2", "bad_condition"),      # "-từ" is no list item: a bullet is followed by a space
    ("100%: 3\n- từ 80% 2", "no_points"),
    ("có: 2;\n;\nkhông: 0", "empty_part"),
])
def test_a_level_on_its_own_line_is_still_refused_when_not_understood(rule, why):
    with pytest.raises(RuleRefused) as refused:
        parsed_rule(rule, Decimal(3))
    assert refused.value.why == why


def test_a_rule_cell_typed_on_several_lines_scores_the_criterion(tmp_path):
    job = report_job(tmp_path / "job", [criterion("1.1", "CBCCVC", 3, rule="100%: 3\ntừ 80% đến dưới 100%: 2\n"
                                                  "từ 70% đến dưới 80%: 1", done=2066, total=2094, noun="người")])
    row = next(r for r in check_job(job).criteria if r["code"] == "1.1")
    assert row["points"] == 2  # 2066/2094 = 98,66 %: from 80 % to under 100 %


def test_a_refused_rule_typed_on_several_lines_is_shown_on_one_line(tmp_path):
    job = report_job(tmp_path / "job", [criterion("1.1", "CBCCVC", 3, 2, rule="100%: 3\nkhoảng 80%: 2")])
    with pytest.raises(InputErrors) as refused:
        check_job(job)
    (found,) = [p for p in refused.value.problems if p.reason is Reason.RULE_INVALID]
    assert 'cách chấm "100%: 3; khoảng 80%: 2" không dùng được: không hiểu điều kiện "khoảng 80%: 2"' \
        in describe(found)

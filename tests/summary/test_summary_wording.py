"""How the summary words the unusual groups: units tied at a rank are named once, together; a group where no
unit was evaluated, or of one unit, is said in plain words, not "Trong 2 đơn vị của khối, 0 đơn vị …"."""

from __future__ import annotations

from pipeline.documents.content.summary_context import summary_paragraphs
from pipeline.flow import check_job
from tests.conftest import UNIT_JOB, unit_job

HEADER = ["Đơn vị", "Tổng điểm thẩm định", "Lý do không đánh giá"]
MORE_GROUPS = '[[groups]]\nname = "Khối C"\n[[groups]]\nname = "Khối D"\n'
SETTINGS = UNIT_JOB.replace('name = "Khối B"\n', 'name = "Khối B"\n' + MORE_GROUPS)
SHEETS = {
    "Khối A": [HEADER, ["Sở Một", 96.2, None], ["Sở Hai", 96.2, None], ["Sở Ba", 96.2, None], ["Sở Bốn", 85, None]],
    "Khối B": [HEADER, ["Xã Một", 95, None], ["Xã Hai", 88.5, None], ["Xã Ba", 88.5, None], ["Xã Bốn", 70, None]],
    "Khối C": [HEADER, ["Ban Một", 88, None]],
    "Khối D": [HEADER, ["Đơn vị X", None, "Không đánh giá: sáp nhập"], ["Đơn vị Y", None, "Không đánh giá: giải thể"]],
}


def _summary(tmp_path):
    return summary_paragraphs(check_job(unit_job(tmp_path / "job", SHEETS, SETTINGS)))


def test_units_tied_for_first_are_named_once_together_in_the_opening_and_in_their_group(tmp_path):
    summary = _summary(tmp_path)
    opening = "Sở Một, Sở Hai và Sở Ba cùng dẫn đầu bảng xếp hạng khối Khối A với 96,20 điểm, xếp loại Rất tốt;"
    assert opening in summary["summary_lead"]
    assert summary["summary_lead"].count("dẫn đầu") == 3  # Khối A once, B, C; nothing for D
    group = summary["summary_groups"][0]
    assert group.leaders == "Cùng dẫn đầu khối Khối A là Sở Một, Sở Hai và Sở Ba với 96,20 điểm, xếp loại Rất tốt."


def test_units_tied_at_second_place_are_named_once_together(tmp_path):
    group = _summary(tmp_path)["summary_groups"][1]
    assert group.leaders == ("Dẫn đầu khối Khối B là Xã Một với 95,00 điểm, xếp loại Rất tốt. "
                             "Cùng xếp thứ hai là Xã Hai và Xã Ba với 88,50 điểm, xếp loại Tốt.")


def test_a_group_of_one_unit_says_so_and_gives_its_label(tmp_path):
    group = _summary(tmp_path)["summary_groups"][2]
    assert group.counts == "Đơn vị duy nhất của khối được xếp loại Tốt."


def test_a_group_where_no_unit_was_evaluated_says_none_and_why_in_one_sentence(tmp_path):
    group = _summary(tmp_path)["summary_groups"][3]
    assert group.counts == ("Không đơn vị nào của khối được xếp loại; 2 đơn vị không đánh giá: "
                            "Đơn vị X (Không đánh giá: sáp nhập); Đơn vị Y (Không đánh giá: giải thể).")
    assert group.paragraphs == (group.counts,)
    assert group.leaders == ""


REASON = "Không đánh giá: đơn vị mới\nđược thành lập theo Quyết định số 12/QĐ-UBND;\nđánh giá từ kỳ sau."


def test_a_reason_typed_on_three_lines_reads_on_one_line_and_its_bracket_closes_the_sentence(tmp_path):
    sheets = {**SHEETS, "Khối A": [*SHEETS["Khối A"], ["Sở Năm", None, REASON]]}
    group = summary_paragraphs(check_job(unit_job(tmp_path / "job", sheets, SETTINGS)))["summary_groups"][0]
    assert group.not_evaluated == ("1 đơn vị không đánh giá: Sở Năm (Không đánh giá: đơn vị mới được thành lập theo "
                                   "Quyết định số 12/QĐ-UBND; đánh giá từ kỳ sau).")

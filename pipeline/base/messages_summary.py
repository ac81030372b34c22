"""Vietnamese wording of what the program writes from the results: the summary (thông cáo kết quả), the
decision's summary paragraphs, the change against the previous period, the charts' titles and axes.

Every sentence here is filled with numbers already formatted as the tables print them (`figures.numbers`),
so the text and the tables cannot say different things. The register follows the news items secretariats
publish ("… dẫn đầu bảng xếp hạng … với số điểm đánh giá là … điểm, xếp loại …").
"""

from __future__ import annotations

from dataclasses import dataclass

# The rank change column's words; "–": compared with nothing, the unit was not evaluated in one of the periods.
CHANGE_WORDS = {"new": "mới", "merged": "sáp nhập", "not_evaluated": "–", "no_data": "không có số liệu kỳ trước"}
PREVIOUS_DEFAULT = "kỳ trước"
ORDINALS = {1: "nhất", 2: "hai", 3: "ba", 4: "tư", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín", 10: "mười"}

# the summary's "Nơi nhận" when `[summary]` names none
SUMMARY_RECIPIENTS = ("Cổng Thông tin điện tử (để đăng tải);", "Các cơ quan, đơn vị có tên tại Quyết định;", "Lưu: VT.")


@dataclass(frozen=True)
class SummaryWords:
    """The summary's and the decision's summary paragraphs' sentences, as fields so a misspelt name is a type error."""

    kind: str = "THÔNG CÁO"
    symbol: str = "TC"  # the type of the summary's symbol: "QĐ-UBND" → "TC-UBND"
    title: str = "Kết quả {what}"
    intro: str = "Theo kết quả {what} được công bố theo Quyết định số {number}/{symbol} {date} của {issuer}, {leaders}."
    intro_plain: str = "Theo kết quả {what}, {leaders}."
    leader: str = "{unit} dẫn đầu bảng xếp hạng khối {group} với {score}{label}"
    label: str = ", xếp loại {label}"
    group_heading: str = "{number}. {group}"
    first: str = "Dẫn đầu khối {group} là {units}."
    next: str = "Xếp thứ {ordinal} là {units}."
    unit_score: str = "{unit} với {score}{label}"
    counts: str = "Trong {total} đơn vị của khối, {evaluated} đơn vị được {done}{parts}."
    count: str = "{count} đơn vị xếp loại {label}"
    done_classified: str = "xếp loại"
    done_ranked: str = "xếp hạng"
    not_evaluated: str = "{count} đơn vị không đánh giá: {units}."
    not_evaluated_unit: str = "{unit} ({reason})"
    rises: str = "So với {previous}, tăng hạng nhiều nhất: {units}."
    falls: str = "Giảm hạng nhiều nhất: {units}."
    falls_first: str = "So với {previous}, giảm hạng nhiều nhất: {units}."
    steady: str = "So với {previous}, không đơn vị nào thay đổi thứ hạng."
    moved: str = "{unit} ({arrow}, từ thứ {before} lên thứ {after}, điểm {change})"
    moved_down: str = "{unit} ({arrow}, từ thứ {before} xuống thứ {after}, điểm {change})"
    new: str = "Đơn vị mới so với {previous}: {units}."
    # a previous period known by its ranks only (a published table): the rank moved, no score to subtract
    moved_rank: str = "{unit} ({arrow}, từ thứ {before} lên thứ {after})"
    moved_down_rank: str = "{unit} ({arrow}, từ thứ {before} xuống thứ {after})"
    no_data: str = "Không có số liệu {previous} để so sánh: {units}."
    merged: str = "{unit} được hình thành từ việc sáp nhập {olds} nên không so sánh thứ hạng với {previous}."
    and_word: str = " và "
    attached: str = "(Kèm theo Thông cáo số {number}/{symbol} {date} của {issuer})"
    # units tied at one rank, with the same score and label: named once together ("A, B và C cùng dẫn đầu …")
    leader_tied: str = "{units} cùng dẫn đầu bảng xếp hạng khối {group} với {score}{label}"
    first_tied: str = "Cùng dẫn đầu khối {group} là {units} với {score}{label}."
    next_tied: str = "Cùng xếp thứ {ordinal} là {units} với {score}{label}."
    # a group where no unit was evaluated (the reasons follow), and a group of one unit
    counts_none: str = "Không đơn vị nào của khối được {done}"
    counts_none_reasons: str = "Không đơn vị nào của khối được {done}; {reasons}"
    counts_single: str = "Đơn vị duy nhất của khối được xếp loại {label}."
    counts_single_plain: str = "Khối chỉ có một đơn vị."


SUMMARY = SummaryWords()


@dataclass(frozen=True)
class ChartWords:
    """The charts' titles, legends and axes, as fields so a misspelt name is a type error."""

    ranking: str = "Xếp hạng khối {group}"
    first_bars: str = " ({count} đơn vị đứng đầu trong {total})"
    continued: str = " (tiếp theo)"
    bound: str = "{label} từ {bound}"
    labels: str = "Số đơn vị theo xếp loại, khối {group}"
    labels_axis: str = "Số đơn vị"
    appraised: str = "Tự chấm và thẩm định, khối {group}"
    self: str = "Tổng điểm tự chấm"
    appraised_legend: str = "Tổng điểm thẩm định"
    points_axis: str = "Điểm"
    periods: str = "So với {previous}, khối {group}"
    previous_legend: str = "{previous}"
    current_legend: str = "Kỳ này"
    sheet: str = "Biểu đồ"


CHARTS = ChartWords()

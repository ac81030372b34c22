"""Vietnamese wording of what the program writes from the results: the summary (thông cáo kết quả), the
decision's summary paragraphs, the change against the previous period, the charts' titles and axes.

Every sentence here is filled with numbers already formatted as the tables print them (`figures.numbers`),
so the text and the tables cannot say different things. The register follows the news items secretariats
publish ("… dẫn đầu bảng xếp hạng … với số điểm đánh giá là … điểm, xếp loại …").
"""

from __future__ import annotations

# The rank change column's words; "–": compared with nothing, the unit was not evaluated in one of the periods.
CHANGE_WORDS = {"new": "mới", "merged": "sáp nhập", "not_evaluated": "–", "no_data": "không có số liệu kỳ trước"}
PREVIOUS_DEFAULT = "kỳ trước"
ORDINALS = {1: "nhất", 2: "hai", 3: "ba", 4: "tư", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín", 10: "mười"}

SUMMARY = {
    "kind": "THÔNG CÁO",
    "symbol": "TC",  # the type of the summary's symbol: "QĐ-UBND" → "TC-UBND"
    "title": "Kết quả {what}",
    "recipients": ("Cổng Thông tin điện tử (để đăng tải);", "Các cơ quan, đơn vị có tên tại Quyết định;", "Lưu: VT."),
    "intro": "Theo kết quả {what} được công bố theo Quyết định số {number}/{symbol} {date} của {issuer}, {leaders}.",
    "intro_plain": "Theo kết quả {what}, {leaders}.",
    "leader": "{unit} dẫn đầu bảng xếp hạng khối {group} với {score}{label}",
    "label": ", xếp loại {label}",
    "group_heading": "{number}. {group}",
    "first": "Dẫn đầu khối {group} là {units}.",
    "next": "Xếp thứ {ordinal} là {units}.",
    "unit_score": "{unit} với {score}{label}",
    "counts": "Trong {total} đơn vị của khối, {evaluated} đơn vị được {done}{parts}.",
    "count": "{count} đơn vị xếp loại {label}",
    "done_classified": "xếp loại",
    "done_ranked": "xếp hạng",
    "not_evaluated": "{count} đơn vị không đánh giá: {units}.",
    "not_evaluated_unit": "{unit} ({reason})",
    "rises": "So với {previous}, tăng hạng nhiều nhất: {units}.",
    "falls": "Giảm hạng nhiều nhất: {units}.",
    "falls_first": "So với {previous}, giảm hạng nhiều nhất: {units}.",
    "steady": "So với {previous}, không đơn vị nào thay đổi thứ hạng.",
    "moved": "{unit} ({arrow}, từ thứ {before} lên thứ {after}, điểm {change})",
    "moved_down": "{unit} ({arrow}, từ thứ {before} xuống thứ {after}, điểm {change})",
    "new": "Đơn vị mới so với {previous}: {units}.",
    # a previous period known by its ranks only (a published table): the rank moved, no score to subtract
    "moved_rank": "{unit} ({arrow}, từ thứ {before} lên thứ {after})",
    "moved_down_rank": "{unit} ({arrow}, từ thứ {before} xuống thứ {after})",
    "no_data": "Không có số liệu {previous} để so sánh: {units}.",
    "merged": "{unit} được hình thành từ việc sáp nhập {olds} nên không so sánh thứ hạng với {previous}.",
    "and": " và ",
    "attached": "(Kèm theo Thông cáo số {number}/{symbol} {date} của {issuer})",
    # units tied at one rank, with the same score and label: named once together ("A, B và C cùng dẫn đầu …")
    "leader_tied": "{units} cùng dẫn đầu bảng xếp hạng khối {group} với {score}{label}",
    "first_tied": "Cùng dẫn đầu khối {group} là {units} với {score}{label}.",
    "next_tied": "Cùng xếp thứ {ordinal} là {units} với {score}{label}.",
    # a group where no unit was evaluated (the reasons follow), and a group of one unit
    "counts_none": "Không đơn vị nào của khối được {done}",
    "counts_none_reasons": "Không đơn vị nào của khối được {done}; {reasons}",
    "counts_single": "Đơn vị duy nhất của khối được xếp loại {label}.",
    "counts_single_plain": "Khối chỉ có một đơn vị.",
}

CHARTS = {
    "ranking": "Xếp hạng khối {group}",
    "first_bars": " ({count} đơn vị đứng đầu trong {total})",
    "continued": " (tiếp theo)",
    "bound": "{label} từ {bound}",
    "labels": "Số đơn vị theo xếp loại, khối {group}",
    "labels_axis": "Số đơn vị",
    "appraised": "Tự chấm và thẩm định, khối {group}",
    "self": "Tổng điểm tự chấm",
    "appraised_legend": "Tổng điểm thẩm định",
    "points_axis": "Điểm",
    "periods": "So với {previous}, khối {group}",
    "previous_legend": "{previous}",
    "current_legend": "Kỳ này",
    "sheet": "Biểu đồ",
}

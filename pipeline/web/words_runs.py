"""The desk's words for runs (phases, replacing earlier documents, an interrupted run), previews and the results
table."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RunWords:
    """The desk's words for runs, previews and the results table, as fields so a misspelt name is a type error."""

    # a run's phases ("Đang đọc 3/21 tệp số liệu")
    phase_read: str = "Đang đọc {done}/{total} tệp số liệu"
    phase_units: str = "Đang đọc số liệu và lập báo cáo đơn vị: {done}/{total} tệp"
    phase_documents: str = "Đang lập {done}/{total} văn bản và bảng kết quả"
    phase_pdf: str = "Đang chuyển sang PDF {done}/{total} văn bản"
    # replacing the documents of an earlier run
    replace_title: str = "Thư mục kết quả đã có văn bản"
    replace_made: str = "Thư mục {folder} đang có {count} tệp của lần lập văn bản lúc {time}."
    replace_found: str = "Thư mục {folder} đang có {count} tệp trùng tên với tệp sắp lập."
    replace_ask: str = ("Lập lại thì các tệp này được thay bằng văn bản mới (tệp nào lần này không lập lại cũng được "
                        "xóa). Văn bản đã ban hành thì nên tải về giữ trước khi thay.")
    replace_confirm: str = "Lập lại và thay các tệp này"
    replace_cancel: str = "Thôi, giữ nguyên"
    # a run the app was stopped in the middle of
    run_interrupted: str = ("Lần lập văn bản bắt đầu lúc {started} đã bị dừng giữa chừng (ứng dụng hoặc máy bị tắt) "
                            "khi: {phase}. Lần đó không ghi tệp nào vào thư mục kết quả.")
    interrupted_kept: str = "Thư mục kết quả vẫn giữ nguyên {count} tệp của lần lập văn bản lúc {time}."
    interrupted_empty: str = "Thư mục kết quả chưa có văn bản nào."
    interrupted_again: str = "Bấm \"Lập văn bản\" để lập lại."
    # previews of every page
    preview_all: str = "Xem"
    preview_title: str = "Xem trước {name}"
    preview_page: str = "Trang {page}/{pages}"
    preview_alt: str = "Trang {page}/{pages} của {name}"
    preview_previous: str = "← Trang trước"
    preview_next: str = "Trang sau →"
    preview_pages: str = "Các trang"
    preview_back: str = "Về danh sách tệp"
    preview_failed: str = "Không dựng được ảnh các trang của văn bản này (LibreOffice không chuyển được sang PDF)."
    preview_missing: str = ("Máy này chưa cài LibreOffice (và công cụ pdftoppm) nên không xem trước được; tải tệp về "
                            "và mở bằng Word.")
    # the results table: the previous period, sorting and filtering
    col_previous_score: str = "Kết quả kỳ trước"
    col_previous_rank: str = "Hạng kỳ trước"
    col_score_change: str = "Điểm tăng (+), giảm (−)"
    col_rank_change: str = "Hạng so với kỳ trước"
    previous_period: str = "So với {name}"
    merged_from: str = "sáp nhập từ {names}"
    renamed_from: str = "kỳ trước: {names}"
    filter_title: str = "Sắp xếp và lọc"
    filter_sort: str = "Sắp xếp theo"
    filter_group: str = "Khối"
    filter_label: str = "Xếp loại"
    filter_name: str = "Tên đơn vị có chữ"
    filter_all: str = "Tất cả"
    filter_apply: str = "Áp dụng"
    filter_clear: str = "Bỏ lọc"
    filter_shown: str = "Đang hiện {shown}/{total} đơn vị."
    filter_none: str = "Không có đơn vị nào khớp."
    sort_rank: str = "Hạng (cao xuống thấp)"
    sort_name: str = "Tên đơn vị (A → Z)"
    sort_score: str = "Kết quả (cao xuống thấp)"
    sort_score_up: str = "Kết quả (thấp lên cao)"
    sort_change: str = "Điểm tăng nhiều nhất"
    sort_by: str = "Sắp xếp theo cột này"
    tie_rule: str = "Cách xếp đồng điểm: {rule}"

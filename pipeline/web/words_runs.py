"""The desk's words for runs (phases, replacing earlier documents, an interrupted run), previews and the results
table."""

RUN_WORDS = {
    # a run's phases ("Đang đọc 3/21 tệp số liệu")
    "phase_read": "Đang đọc {done}/{total} tệp số liệu",
    "phase_units": "Đang đọc số liệu và lập báo cáo đơn vị: {done}/{total} tệp",
    "phase_documents": "Đang lập {done}/{total} văn bản và bảng kết quả",
    "phase_pdf": "Đang chuyển sang PDF {done}/{total} văn bản",
    # replacing the documents of an earlier run
    "replace_title": "Thư mục kết quả đã có văn bản",
    "replace_made": "Thư mục {folder} đang có {count} tệp của lần lập văn bản lúc {time}.",
    "replace_found": "Thư mục {folder} đang có {count} tệp trùng tên với tệp sắp lập.",
    "replace_ask": ("Lập lại thì các tệp này được thay bằng văn bản mới (tệp nào lần này không lập lại cũng được "
                    "xóa). Văn bản đã ban hành thì nên tải về giữ trước khi thay."),
    "replace_confirm": "Lập lại và thay các tệp này",
    "replace_cancel": "Thôi, giữ nguyên",
    # a run the app was stopped in the middle of
    "run_interrupted": ("Lần lập văn bản bắt đầu lúc {started} đã bị dừng giữa chừng (ứng dụng hoặc máy bị tắt) "
                        "khi: {phase}. Lần đó không ghi tệp nào vào thư mục kết quả."),
    "interrupted_kept": "Thư mục kết quả vẫn giữ nguyên {count} tệp của lần lập văn bản lúc {time}.",
    "interrupted_empty": "Thư mục kết quả chưa có văn bản nào.",
    "interrupted_again": "Bấm \"Lập văn bản\" để lập lại.",
    # previews of every page
    "preview_all": "Xem",
    "preview_title": "Xem trước {name}",
    "preview_page": "Trang {page}/{pages}",
    "preview_alt": "Trang {page}/{pages} của {name}",
    "preview_previous": "← Trang trước",
    "preview_next": "Trang sau →",
    "preview_pages": "Các trang",
    "preview_back": "Về danh sách tệp",
    "preview_failed": "Không dựng được ảnh các trang của văn bản này (LibreOffice không chuyển được sang PDF).",
    "preview_missing": ("Máy này chưa cài LibreOffice (và công cụ pdftoppm) nên không xem trước được; tải tệp về "
                        "và mở bằng Word."),
    # the results table: the previous period, sorting and filtering
    "col_previous_score": "Kết quả kỳ trước",
    "col_previous_rank": "Hạng kỳ trước",
    "col_score_change": "Điểm tăng (+), giảm (−)",
    "col_rank_change": "Hạng so với kỳ trước",
    "previous_period": "So với {name}",
    "merged_from": "sáp nhập từ {names}",
    "renamed_from": "kỳ trước: {names}",
    "filter_title": "Sắp xếp và lọc",
    "filter_sort": "Sắp xếp theo",
    "filter_group": "Khối",
    "filter_label": "Xếp loại",
    "filter_name": "Tên đơn vị có chữ",
    "filter_all": "Tất cả",
    "filter_apply": "Áp dụng",
    "filter_clear": "Bỏ lọc",
    "filter_shown": "Đang hiện {shown}/{total} đơn vị.",
    "filter_none": "Không có đơn vị nào khớp.",
    "sort_rank": "Hạng (cao xuống thấp)",
    "sort_name": "Tên đơn vị (A → Z)",
    "sort_score": "Kết quả (cao xuống thấp)",
    "sort_score_up": "Kết quả (thấp lên cao)",
    "sort_change": "Điểm tăng nhiều nhất",
    "sort_by": "Sắp xếp theo cột này",
    "tie_rule": "Cách xếp đồng điểm: {rule}",
}

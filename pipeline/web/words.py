"""Every word the web app shows, in one place (the pipeline's own messages stay in `base.messages`)."""

from __future__ import annotations

APP = "Bàn làm việc của thư ký"

NAV = {
    "jobs": "Công việc",
    "new": "Công việc mới",
    "logout": "Đăng xuất",
}

TABS = {
    "edit": "Thiết lập",
    "data": "Số liệu",
    "check": "Kiểm tra",
    "results": "Kết quả",
    "documents": "Văn bản",
    "templates": "Mẫu văn bản",
}

# What keyboards and screen readers are given: the skip link, the names of the menus, the file inputs' labels.
A11Y = {
    "skip": "Bỏ qua, đến nội dung chính",
    "menu": "Trình đơn chính",
    "tabs": "Các trang của công việc",
    "data_file": "Tệp cần tải lên",
    "template_file": "Tệp mẫu đã sửa",
    "actions": "Thao tác",
}

W = {
    # jobs
    "jobs_title": "Các công việc",
    "jobs_folder": "Thư mục công việc",
    "outputs_folder": "Thư mục kết quả",
    "col_job": "Công việc",
    "col_kind": "Loại văn bản",
    "col_last_run": "Lần lập văn bản gần nhất",
    "col_problems": "Lỗi cần sửa",
    "never_run": "chưa lập",
    "run_ok": "{time}: {count} tệp",
    "no_problem": "không có lỗi",
    "problems_count": "{count} lỗi",
    "no_jobs": "Chưa có công việc nào. Bấm \"Công việc mới\" để tạo.",
    # new job
    "new_title": "Tạo công việc mới",
    "new_intro": ("Chương trình tạo công việc mới với bảng nhập liệu để điền số liệu. "
                  "Sau đó điền thông tin văn bản ở trang Thiết lập."),
    "job_name": "Tên thư mục công việc",
    "job_name_help": "Tên có dấu cũng được, ví dụ Xếp loại các sở 2026; không dùng dấu / hay \\",
    "kind": "Loại văn bản",
    "source": "Lấy từ công việc đã có (danh mục tiêu chí hoặc danh sách đơn vị và loại văn bản của nó, điểm để trống)",
    "source_none": "— không lấy —",
    "criteria": ("Đợt đánh giá: tệp Excel có bảng tiêu chí (cây tiêu chí của các bảng đơn vị), hoặc lấy từ công việc "
                 "đã có"),
    "create": "Tạo công việc",
    "bad_job_name": ("Tên \"{name}\" không dùng được: chỉ dùng chữ, số, dấu gạch ngang, gạch dưới, dấu chấm; "
                     "không bắt đầu bằng dấu chấm; không có \"..\", \"/\", \"\\\"."),
    "job_exists": "Đã có công việc \"{name}\".",
    "unknown_job": "Không có công việc \"{name}\" trong thư mục công việc.",
    "created": "Đã tạo công việc {name}: {files}.",
    # edit
    "edit_title": "Thiết lập công việc",
    "edit_intro": ("Sửa thiết lập của công việc theo từng phần. Khi lưu, chương trình kiểm tra như trang Kiểm tra; "
                   "có lỗi thì không lưu, lỗi hiện cạnh ô. Các dòng ghi chú trong tệp thiết lập được giữ nguyên."),
    "save": "Lưu thiết lập",
    "saved": "Đã lưu thiết lập.",
    "not_saved": "Chưa lưu: có {count} lỗi cần sửa.",
    "wrong_fields": "Các ô cần sửa (bấm để đến ô):",
    "section_group_n": "Khối {n}",
    "lines_help": "Mỗi dòng một mục.",
    "label_name": "Tên nhãn",
    "label_min": "Điểm tối thiểu",
    "rank_only": "Chỉ xếp hạng, không xếp loại (không nhãn nào)",
    "authority_prefix": "Thẩm quyền",
    "authority_rest": "Dòng thẩm quyền",
    "authority_none": "không có",
    "row_n": "dòng {n}",
    "add_row": "Thêm dòng",
    "remove_row": "Bỏ dòng",
    "date_hint": "ngày/tháng/năm, ví dụ 06/07/2026",
    "date_placeholder": "ngày/tháng/năm",
    "bad_date": "\"{value}\" không phải ngày: ghi ngày/tháng/năm, ví dụ 06/07/2026.",
    "previous_none": "— không so sánh với kỳ trước —",
    "previous_elsewhere": "Thư mục ngoài danh sách: {path}",
    "previous_results": "Tệp kết quả kỳ trước: {path}",
    "previous_table": "Bảng hạng kỳ trước đã công bố: {path}",
    "created_files": "tệp thiết lập và bảng nhập liệu; điền các mục dưới đây rồi lưu",
    "new_group": "thêm khối mới",
    "scheme_default": "theo bộ tiêu chí",
    "groups_help": "Xóa tên khối để bỏ khối đó. Khối cuối cùng để trống: điền vào để thêm khối mới.",
    "years_changes": "Xem các lời văn sẽ đổi",
    "move_years": "Chuyển năm trong các lời văn lên năm mới",
    "move_years_help": ("Chỉ đổi năm đứng riêng (\"năm 2024\"), không đổi năm trong số, ký hiệu và ngày của văn bản "
                        "khác (\"Nghị định 30/2020/NĐ-CP\")."),
    "move_years_none": "công việc đã chọn không có năm nào trong lời văn",
    "settings_unreadable": ("Không đọc được phần thiết lập của công việc (tệp thiết lập bị sửa hỏng bên ngoài bàn "
                            "làm việc): nhờ bộ phận kỹ thuật sửa theo các lỗi dưới đây rồi mở lại trang này."),
    # data
    "data_title": "Số liệu",
    "data_files": "Các tệp số liệu của công việc",
    "download": "Tải về",
    "upload": "Tải lên",
    "upload_title": "Tải lên bảng đã điền",
    "upload_target": "Thay tệp",
    "uploaded": "Đã nhận tệp {name}.",
    "read_title": "Chương trình đọc được",
    "read_units": "{group}: {count} đơn vị ({evaluated} được đánh giá)",
    "read_total": "Tổng cộng {count} đơn vị trong {groups} khối.",
    "read_criteria": "{count} dòng tiêu chí; tổng điểm tự chấm {points} trên {max} điểm.",
    "read_failed": "Số liệu còn {count} lỗi: xem trang Kiểm tra.",
    "file_size": "{size} KB",
    # check
    "check_title": "Kiểm tra",
    "check_ok": "Không có lỗi. Có thể lập văn bản.",
    "check_failed": "Có {count} lỗi cần sửa. Chưa lập văn bản nào.",
    "col_n": "TT",
    "col_file": "Tệp",
    "col_sheet": "Trang tính",
    "col_row": "Dòng",
    "col_column": "Cột",
    "col_value": "Giá trị",
    "col_fix": "Lỗi và cách sửa",
    "col_where": "Chỗ có lỗi",
    "errors_workbook": "Tải danh sách lỗi (loi.xlsx)",
    # results
    "results_title": "Kết quả",
    "scheme_line": "Bộ tiêu chí: {name} (phiên bản {version})",
    "scheme_choice": "{name} (phiên bản {version})",
    "col_rank": "Hạng",
    "col_unit": "Đơn vị",
    "col_label": "Xếp loại",
    "col_self": "Điểm tự chấm",
    "col_appraised": "Điểm thẩm định",
    "col_difference": "Chênh lệch",
    "not_evaluated": "không đánh giá",
    "counts": "Số đơn vị theo xếp loại",
    "ties": "Đồng điểm",
    "warnings": "Lưu ý",
    "comparison": "Tự chấm và thẩm định",
    "losses": "Tiêu chí bị trừ điểm nhiều nhất",
    "col_code": "Mã",
    "col_criterion": "Tiêu chí",
    "col_lost": "Điểm bị trừ",
    "col_lost_units": "Số đơn vị bị trừ",
    "results_unavailable": "Chưa có kết quả: số liệu còn lỗi (xem trang Kiểm tra).",
    # documents
    "documents_title": "Văn bản",
    "make": "Lập văn bản",
    "pdf": "Thêm bản PDF/A",
    "pdf_unavailable": "(máy chưa cài LibreOffice: không lập được PDF)",
    "running": "Đang lập văn bản…",
    "already_running": "Công việc này đang được lập văn bản; chờ lần đang chạy xong.",
    "run_started": "Bắt đầu lập văn bản.",
    "run_done": "Đã lập xong {count} tệp lúc {time}.",
    "run_failed": "Không lập được văn bản: có {count} lỗi.",
    "run_crashed": "Lỗi ngoài dự kiến của chương trình (không phải lỗi số liệu). Chưa ghi tệp nào.",
    "progress": "Tiến độ",
    "files": "Các tệp đã lập",
    "zip_all": "Tải tất cả (.zip)",
    "preview": "Trang đầu",
    "no_documents": "Chưa lập văn bản nào.",
    "written_in": "Ghi trong thư mục {folder}.",
    # templates
    "templates_title": "Mẫu văn bản",
    "templates_used": "Mẫu công việc đang dùng",
    "shipped": "mẫu chung của chương trình",
    "own": "mẫu riêng của công việc",
    "template_role": "Dùng cho",
    "role_document": "Văn bản chính",
    "role_reports": "Báo cáo từng đơn vị",
    "role_appraisal": "Thông báo thẩm định",
    "template_upload": "Tải lên mẫu đã sửa",
    "template_clean": "Mẫu {name} không có lỗi thẻ nào; công việc dùng mẫu này từ nay.",
    "template_problems": "Mẫu {name} có {count} lỗi; công việc vẫn dùng mẫu cũ. Sửa rồi tải lên lại.",
    "annotated": "Tải bản góp ý (mỗi lỗi một ghi chú Word)",
    "use_shipped": "Dùng lại mẫu chung",
    # security
    "login_title": "Đăng nhập",
    "password": "Mật khẩu",
    "login": "Đăng nhập",
    "wrong_password": "Mật khẩu không đúng.",
    "login_wait": "Đã nhập sai quá nhiều lần. Thử lại sau {wait}.",
    "wait_minutes": "{n} phút",
    "wait_seconds": "{n} giây",
    "session_ended": "Phiên làm việc đã hết hạn (lâu không dùng, hoặc đã quá 12 giờ từ lúc đăng nhập). Đăng nhập lại.",
    "csrf_title": "Yêu cầu bị từ chối",
    "csrf_text": ("Biểu mẫu thiếu mã xác nhận hoặc mã đã hết hạn (trang mở từ lâu hay từ nơi khác). "
                  "Mở lại trang rồi gửi lại."),
    "too_large": "Tệp \"{name}\" lớn quá {size} MB: không nhận.",
    "request_too_large": "Dữ liệu gửi lên lớn quá {size} MB: không nhận.",
    "not_found": "Không có trang hoặc tệp này.",
    "crashed_title": "Lỗi ngoài dự kiến",
    "bad_file_name": ("Tên tệp \"{name}\" không dùng được: không có \"..\", \"/\", \"\\\", ký tự NUL, "
                      "không bắt đầu bằng dấu chấm."),
    "bad_suffix": "Tệp \"{name}\" phải có đuôi {suffixes}.",
    "not_xlsx": "Tệp \"{name}\" không phải bảng tính Excel (.xlsx) hợp lệ.",
    "not_docx": "Tệp \"{name}\" không phải văn bản Word (.docx) hợp lệ.",
    "not_csv": "Tệp \"{name}\" không phải tệp CSV chữ UTF-8.",
    "zip_bomb": ("Tệp \"{name}\" khi giải nén lớn bất thường ({size} MB, gấp {ratio} lần tệp nén): "
                 "không nhận."),
    "no_file": "Chưa chọn tệp.",
    "empty_file": "Tệp \"{name}\" rỗng.",
    # serve
    "serving": "Bàn làm việc của thư ký: {url}  (thư mục công việc {jobs}; Ctrl+C để dừng)",
    "needs_password": ("Không mở cho máy khác (--host {host}) khi chưa đặt mật khẩu. Đặt mật khẩu: "
                       "python -m pipeline serve --set-password (lưu ở {path}), hoặc bỏ --host để chỉ "
                       "máy này dùng được."),
    "password_prompt": "Mật khẩu mới: ",
    "password_again": "Nhập lại mật khẩu: ",
    "password_mismatch": "Hai lần nhập không giống nhau; chưa đổi mật khẩu.",
    "password_short": "Mật khẩu cần ít nhất {min} ký tự; chưa đổi mật khẩu.",
    "password_set": "Đã lưu mật khẩu (dạng băm scrypt có muối) vào {path}.",
    "jobs_missing": "Không có thư mục công việc {jobs}.",
    "needs_password_proxy": ("Không mở qua máy chủ trung gian (--proxy {proxy}) khi chưa đặt mật khẩu: máy khác sẽ vào "
                             "được. Đặt mật khẩu: python -m pipeline serve --set-password (lưu ở {path})."),
    "port_busy": ("Cổng {busy} đang bận (có thể bàn làm việc đã mở ở {busy_url}, hoặc một chương trình khác dùng "
                  "cổng này): mở ở cổng {port}."),
    "ports_busy": "Các cổng từ {first} đến {last} đều bận. Chọn cổng khác: --port <số cổng>.",
    "port_refused": "Không mở được cổng {port} ở địa chỉ {host}: {reason}.",
    "host_not_here": "Máy này không có địa chỉ {host}: kiểm tra --host.",
    "port_no_right": ("Không được dùng cổng {port} (cổng dưới 1024 cần quyền quản trị): chọn cổng khác, "
                      "ví dụ --port 8000."),
    # [previous.renames] on the settings form
    "renames_help": ("Mỗi dòng một đơn vị kỳ này đổi tên hoặc sáp nhập: tên kỳ này = tên kỳ trước; nhiều đơn vị kỳ "
                     "trước sáp nhập vào thì cách nhau bằng dấu chấm phẩy, ví dụ \"Sở Xây dựng = Sở Xây dựng; "
                     "Sở Giao thông vận tải\"."),
    "renames_no_equals": "Dòng {n} \"{line}\" thiếu dấu \"=\": viết tên kỳ này = tên kỳ trước.",
    "renames_twice": "Dòng {n}: đơn vị \"{name}\" đã có ở một dòng trên; mỗi đơn vị kỳ này chỉ một dòng.",
    # findings on typed numbers (check page), strict runs (documents page)
    "findings_title": "Cần xem lại",
    "findings_intro": ("{count} điều cần xem lại trong số liệu đã gõ (không phải lỗi: văn bản vẫn lập được, với số "
                       "liệu như đã gõ; lần lập văn bản ghi chúng vào trang \"Cần xem lại\" của ket-qua.xlsx). "
                       "Đánh dấu \"Coi điều cần xem lại là lỗi\" ở trang Văn bản thì không lập văn bản khi còn "
                       "điều nào."),
    "strict": "Coi điều cần xem lại là lỗi: còn điều nào thì không lập văn bản",
    # data files like a file manager: many at once, delete, set aside, history (data page)
    "upload_by_name": "— theo tên tệp: thay tệp cùng tên, tệp khác thêm vào —",
    "upload_files": "Chọn tệp (.xlsx, .csv, hoặc .zip; chọn được nhiều tệp một lúc)",
    "upload_folder": "Hoặc chọn cả một thư mục",
    "upload_drop": "Hoặc kéo thả tệp, thư mục vào ô này.",
    "upload_limit": "Tối đa {size} MB mỗi lần gửi (mọi tệp cộng lại).",
    "too_large_all": "Các tệp gửi lên cộng lại lớn quá {size} MB: không nhận. Gửi làm nhiều lần.",
    "too_many_files": "Mỗi lần gửi tối đa {count} tệp: gửi làm nhiều lần (hoặc nén các tệp thành một tệp .zip).",
    "not_zip": "Tệp \"{name}\" không phải tệp nén .zip đọc được.",
    "disk_full": ("Ổ đĩa của máy chạy bàn làm việc đã đầy: chưa ghi được tệp \"{name}\"; tệp cũ (nếu có) vẫn giữ "
                  "nguyên. Xóa bớt tệp trên ổ đĩa đó rồi tải lên lại."),
    "not_writable": "Không ghi được tệp \"{name}\" (thư mục không cho ghi); tệp cũ (nếu có) vẫn giữ nguyên.",
    "target_one_file": "Đã chọn một tệp để thay thì chỉ gửi một tệp; gửi nhiều tệp thì chọn \"theo tên tệp\".",
    "sent_twice": "Tệp \"{name}\" vào cùng chỗ ({path}) với một tệp đã gửi trong lần này: không nhận tệp sau.",
    "outcomes_title": "Các tệp vừa gửi",
    "received_count": "Đã nhận {count}/{sent} tệp.",
    "col_sent": "Tệp gửi lên",
    "col_outcome": "Kết quả",
    "outcome_saved": "Đã nhận tệp {path}.",
    "outcome_faulty": "{count} tệp có lỗi, sửa rồi gửi lại: {names}. Lỗi ghi ở dòng của từng tệp dưới đây.",
    "outcome_replaced": "Đã nhận tệp {path}. Tệp cũ cùng tên được giữ ở mục \"Các bản trước\".",
    "outcome_clean": "Đọc riêng tệp này: không có lỗi.",
    "outcome_problems": "Đọc riêng tệp này: {count} lỗi.",
    "outcome_more": "… và {count} lỗi khác (xem trang Kiểm tra).",
    "outcome_refused": "Không nhận: {why}",
    "cross_checked": ("Kiểm tra chung cả công việc (danh mục đơn vị với các bảng, đơn vị trùng, khối trống…) làm một "
                      "lần, sau khi đã nhận hết các tệp: kết quả ở phần \"Chương trình đọc được\" và trang Kiểm tra."),
    "done_uploaded": "Đã nhận tệp {name}.",
    "done_deleted": "Đã xóa tệp {name}; tệp được giữ ở mục \"Các bản trước\" bên dưới (bấm Khôi phục để lấy lại).",
    "done_restored": "Đã khôi phục tệp {name}; bản đang dùng trước đó được giữ ở mục \"Các bản trước\".",
    "done_set_aside": ("Đã để riêng tệp {name}; tệp được giữ ở mục \"Các bản trước\" bên dưới (bấm Khôi phục để "
                       "lấy lại)."),
    "delete": "Xóa",
    "delete_title": "Xóa tệp số liệu",
    "delete_question": ("Xóa tệp {name} khỏi số liệu của công việc? Tệp được giữ ở mục \"Các bản trước\" của trang "
                        "Số liệu; bấm Khôi phục ở đó để lấy lại."),
    "cancel": "Thôi, quay lại",
    "aside_title": "Đơn vị không đánh giá còn bảng chưa điền",
    "aside_text": ("{unit}: danh mục đơn vị ghi không đánh giá (lý do: {why}), nhưng thư mục số liệu còn bảng chưa "
                   "điền {path}."),
    "aside": "Để riêng bảng này",
    "history_title": "Các bản trước",
    "history_intro": ("Mỗi lần thay, xóa, để riêng hay khôi phục một tệp, bản cũ của tệp được giữ ở đây; chương "
                      "trình không đọc các bản này khi kiểm tra hay lập văn bản."),
    "no_history": "Chưa có bản nào.",
    "col_when": "Lúc",
    "col_size": "Cỡ",
    "col_who": "Người làm",
    "col_what": "Việc",
    "restore": "Khôi phục",
    "history_replaced": "thay bằng tệp tải lên",
    "history_deleted": "xóa",
    "history_set_aside": "để riêng",
    "history_restored": "thay bằng bản khôi phục",
    "history_online": "đơn vị hoặc thẩm định nhập trên bàn làm việc",
    "this_machine": "máy này",
    "who_client": "máy {address} (phiên {session})",
}

from pipeline.web.words_runs import RUN_WORDS  # noqa: E402  runs, previews and the results table, kept apart

W.update(RUN_WORDS)

from pipeline.web.words_appraisal import APPRAISAL_WORDS  # noqa: E402  the appraisal and explanation round, kept apart

W.update(APPRAISAL_WORDS)

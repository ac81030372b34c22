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
    "new_intro": ("Chương trình tạo thư mục công việc với tệp thiết lập có ghi chú và bảng nhập liệu, "
                  "như lệnh init. Sau đó điền thông tin văn bản ở trang Thiết lập."),
    "job_name": "Tên thư mục công việc",
    "job_name_help": "Nên dùng chữ không dấu, số, dấu gạch ngang (dễ gõ lại ở dòng lệnh), ví dụ tu-cham-2026",
    "kind": "Loại văn bản",
    "source": "Lấy từ công việc đã có (danh mục tiêu chí hoặc danh sách đơn vị, điểm để trống)",
    "source_none": "— không lấy —",
    "criteria": "Đợt đánh giá: tệp Excel có bảng tiêu chí (cây tiêu chí của các bảng đơn vị), hoặc lấy từ công việc đã có",
    "create": "Tạo công việc",
    "bad_job_name": ("Tên \"{name}\" không dùng được: chỉ dùng chữ, số, dấu gạch ngang, gạch dưới, dấu chấm; "
                     "không bắt đầu bằng dấu chấm; không có \"..\", \"/\", \"\\\"."),
    "job_exists": "Đã có công việc \"{name}\".",
    "unknown_job": "Không có công việc \"{name}\" trong thư mục công việc.",
    "created": "Đã tạo công việc {name}: {files}.",
    # edit
    "edit_title": "Thiết lập công việc",
    "edit_intro": ("Sửa các mục của job.toml. Khi lưu, chương trình kiểm tra như lệnh check; có lỗi thì "
                   "không lưu và lỗi hiện cạnh ô. Các dòng ghi chú trong job.toml được giữ nguyên."),
    "save": "Lưu thiết lập",
    "saved": "Đã lưu job.toml.",
    "not_saved": "Chưa lưu: có {count} lỗi cần sửa.",
    "lines_help": "Mỗi dòng một mục.",
    "labels_help": ("Mỗi dòng một nhãn, từ cao xuống thấp: tên, dấu hai chấm, điểm tối thiểu (ví dụ \"Rất tốt: 90\"); "
                    "nhãn cuối không ghi điểm. Để trống: theo bộ tiêu chí; \"[]\": chỉ xếp hạng, không xếp loại."),
    "section_group_n": "Khối {n}",
    "groups_help": "Để trống tên khối để bỏ khối đó. Một ô trống ở cuối để thêm khối mới.",
    "settings_unreadable": "Không đọc được job.toml; sửa tệp rồi mở lại trang này.",
    # data
    "data_title": "Số liệu",
    "data_files": "Các tệp số liệu của công việc",
    "download": "Tải về",
    "upload": "Tải lên",
    "upload_title": "Tải lên bảng đã điền",
    "upload_target": "Thay tệp",
    "upload_new": "— thêm tệp mới (giữ tên tệp) —",
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
    "force": "Ghi đè kết quả của lần trước",
    "pdf": "Thêm bản PDF/A",
    "pdf_unavailable": "(máy chưa cài LibreOffice: không lập được PDF)",
    "running": "Đang lập văn bản…",
    "already_running": "Công việc này đang được lập văn bản; chờ lần đang chạy xong.",
    "run_started": "Bắt đầu lập văn bản.",
    "run_done": "Đã lập xong {count} tệp lúc {time}.",
    "run_failed": "Không lập được văn bản: có {count} lỗi.",
    "run_crashed": "Lỗi ngoài dự kiến của chương trình (không phải lỗi số liệu). Chưa ghi tệp nào.",
    "progress": "Tiến độ",
    "progress_units": "{done}/{total} báo cáo đơn vị",
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
                       "Đánh dấu \"Coi điều cần xem lại là lỗi\" ở trang Văn bản thì không lập văn bản khi còn điều nào."),
    "strict": "Coi điều cần xem lại là lỗi (như --strict): còn điều nào thì không lập văn bản",
}

# The label of each job.toml key on the settings form, by the key's last name (its help is the comment
# `init` writes above the key in job.toml: `new_job.settings_text`).
FIELD_LABELS = {
    "kind": "Loại văn bản",
    "scheme": "Bộ tiêu chí",
    "data": "Tệp hoặc thư mục số liệu",
    "unit": "Đơn vị tự chấm điểm",
    "group": "Khối",
    "register": "Danh mục đơn vị",
    "name": "Tên",
    "decimals": "Số chữ số thập phân",
    "scale": "Thang điểm quy đổi",
    "sheet": "Tên trang tính (khi khác tên khối)",
    "labels": "Nhãn xếp loại",
    "fixed_decimals": "In đủ số chữ số thập phân",
    "tie_rule": "Quy tắc đồng điểm",
    "title": "Trích yếu / tên bảng",
    "subtitle": "Dòng dưới tên bảng",
    "parent_body": "Cơ quan chủ quản",
    "issuing_body": "Cơ quan ban hành",
    "number": "Số văn bản",
    "symbol": "Ký hiệu",
    "place": "Địa danh",
    "date": "Ngày ký",
    "form": "Dạng văn bản",
    "authority": "Thẩm quyền",
    "issuer_name": "Tên cơ quan ban hành (viết thường)",
    "bases": "Căn cứ",
    "article_1": "Điều 1 (câu mở đầu)",
    "article_2": "Điều 2",
    "article_3": "Điều 3",
    "appendix_numbering": "Đánh số phụ lục",
    "self_rating": "In tổng điểm và tự xếp loại",
    "recipients": "Nơi nhận",
    "position": "Chức vụ người ký",
    "signer_authority": "Thẩm quyền ký",
    "signer_position": "Chức vụ người ký",
    "signer_name": "Họ và tên người ký",
    "done": "Đã thẩm định xong",
    "intro": "Đoạn mở đầu",
}
SPECIFIC_LABELS = {  # where the last name alone is ambiguous
    "scheme_overrides.name": "Tên bộ tiêu chí",
    "document.title": "Trích yếu",
    "reports.title": "Trích yếu",
    "appraisal.title": "Trích yếu",
    "scheme_overrides.unit": "Đơn vị kết quả",
    "document.signature.authority": "Thẩm quyền ký",
    "reports.signature.authority": "Thẩm quyền ký",
    "appraisal.signature.authority": "Thẩm quyền ký",
    "document.signature.name": "Họ và tên người ký",
    "reports.signature.name": "Họ và tên người ký",
    "appraisal.signature.name": "Họ và tên người ký",
    "group_name": "Tên khối",
    "group_title": "Tên bảng trong phụ lục",
    "previous": "So sánh với kỳ trước",
    "previous.job": "Thư mục công việc kỳ trước",
    "previous.results": "Hoặc tệp ket-qua.xlsx của kỳ trước",
    "previous.name": "Tên kỳ trước trong lời văn",
    "previous.renames": "Đơn vị đổi tên, sáp nhập",
    "summary": "Lập thông cáo kết quả (thong-cao.docx)",
    "summary.charts": "Kèm biểu đồ",
    "summary.title": "Tiêu đề thông cáo",
    "summary.symbol": "Ký hiệu thông cáo",
    "checks.decimals": "Số chữ số thập phân của điểm tính theo cách chấm",
    "checks.comments": "Ghi chú Word ở lý giải cho mỗi điều cần xem lại",
}
SECTION_LABELS = {
    "": "Chung",
    "scheme_overrides": "Thay đổi bộ tiêu chí (để trống: theo bộ tiêu chí)",
    "groups": "Các khối xếp hạng",
    "document": "Văn bản (Nghị định 30/2020/NĐ-CP)",
    "document.signature": "Người ký văn bản",
    "appraisal": "Thẩm định và thông báo kết quả thẩm định",
    "appraisal.signature": "Người ký thông báo",
    "reports": "Báo cáo tự chấm điểm của từng đơn vị",
    "reports.signature": "Người ký báo cáo",
    "checks": "Kiểm tra số liệu đã gõ",
    "previous": "So với kỳ trước",
    "summary": "Thông cáo kết quả",
}
FIXED_DECIMALS = {"true": "có (86,20 cạnh 90,25)", "false": "không (86,2)"}
# Help of the keys `init` writes no comment for (docs/inputs.md mục 2.5, 6.1, 6.2).
FIELD_HELP = {
    "checks.decimals": "Làm tròn lên từ 5 một lần; để trống: 3 (84/87 × 4 = 3,862).",
    "checks.comments": "Mỗi điều cần xem lại thành một ghi chú Word ở lý giải của tiêu chí trong báo cáo; nhớ xóa "
                       "ghi chú trước khi phát hành.",
    "previous": "Thêm cột điểm tăng, giảm và hạng so với kỳ trước vào phụ lục, ket-qua.xlsx và thông cáo.",
    "previous.job": "Đường dẫn tính từ thư mục công việc này, ví dụ ../vi-du-2024-xep-loai-tinh: chương trình tính "
                    "lại kết quả kỳ trước từ số liệu của nó. Chỉ ghi một trong hai ô: thư mục hoặc tệp ket-qua.xlsx.",
    "previous.results": "Tệp ket-qua.xlsx chương trình đã ghi cho kỳ trước, ví dụ ../ket-qua-2024/ket-qua.xlsx.",
    "previous.name": "Ví dụ \"năm 2024\"; để trống: \"kỳ trước\".",
    "summary": "Bản tin kết quả theo thể thức Nghị định 30, cơ quan ban hành và người ký như quyết định.",
    "summary.charts": "Bỏ đánh dấu: thông cáo không có biểu đồ, ket-qua.xlsx không có trang \"Biểu đồ\".",
    "summary.symbol": "Để trống: \"TC\" thay loại văn bản trong ký hiệu của quyết định (QĐ-UBND → TC-UBND).",
    "summary.title": "Để trống: từ trích yếu của quyết định (\"Về việc công bố kết quả …\" → \"Kết quả …\").",
    "summary.recipients": ("Để trống: Cổng Thông tin điện tử (để đăng tải); Các cơ quan, đơn vị có tên tại "
                           "Quyết định; Lưu: VT."),
}

from pipeline.web.words_runs import RUN_WORDS  # noqa: E402  runs, previews and the results table, kept apart

W.update(RUN_WORDS)

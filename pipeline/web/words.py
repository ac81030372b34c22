"""Every word the web app shows, in one place (the pipeline's own messages stay in `base.messages`)."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.web.words_appraisal import AppraisalWords  # the appraisal and explanation round, kept apart
from pipeline.web.words_runs import RunWords  # runs, previews and the results table, kept apart

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

@dataclass(frozen=True)
class DeskWords(RunWords, AppraisalWords):
    """Every word of the desk's pages, as fields so a misspelt name is a type error (`W.jobs_title`)."""

    # jobs
    jobs_title: str = "Các công việc"
    jobs_folder: str = "Thư mục công việc"
    outputs_folder: str = "Thư mục kết quả"
    col_job: str = "Công việc"
    col_kind: str = "Loại văn bản"
    col_last_run: str = "Lần lập văn bản gần nhất"
    col_problems: str = "Lỗi cần sửa"
    never_run: str = "chưa lập"
    run_ok: str = "{time}: {count} tệp"
    no_problem: str = "không có lỗi"
    problems_count: str = "{count} lỗi"
    no_jobs: str = "Chưa có công việc nào. Bấm \"Công việc mới\" để tạo."
    # new job
    new_title: str = "Tạo công việc mới"
    new_intro: str = ("Chương trình tạo công việc mới với bảng nhập liệu để điền số liệu. Sau đó điền thông tin văn "
                      "bản ở trang Thiết lập.")
    job_name: str = "Tên thư mục công việc"
    job_name_help: str = "Tên có dấu cũng được, ví dụ Xếp loại các sở 2026; không dùng dấu / hay \\"
    kind: str = "Loại văn bản"
    source: str = ("Lấy từ công việc đã có (danh mục tiêu chí hoặc danh sách đơn vị và loại văn bản của nó, điểm để "
                   "trống)")
    source_none: str = "— không lấy —"
    criteria: str = ("Đợt đánh giá: tệp Excel có bảng tiêu chí (cây tiêu chí của các bảng đơn vị), hoặc lấy từ công "
                     "việc đã có")
    create: str = "Tạo công việc"
    bad_job_name: str = ("Tên \"{name}\" không dùng được: chỉ dùng chữ, số, dấu gạch ngang, gạch dưới, dấu chấm; "
                         "không bắt đầu bằng dấu chấm; không có \"..\", \"/\", \"\\\".")
    job_exists: str = "Đã có công việc \"{name}\"."
    unknown_job: str = "Không có công việc \"{name}\" trong thư mục công việc."
    created: str = "Đã tạo công việc {name}: {files}."
    # edit
    edit_title: str = "Thiết lập công việc"
    edit_intro: str = ("Sửa thiết lập của công việc theo từng phần. Khi lưu, chương trình kiểm tra như trang Kiểm "
                       "tra; có lỗi thì không lưu, lỗi hiện cạnh ô. Các dòng ghi chú trong tệp thiết lập được giữ "
                       "nguyên.")
    save: str = "Lưu thiết lập"
    saved: str = "Đã lưu thiết lập."
    not_saved: str = "Chưa lưu: có {count} lỗi cần sửa."
    wrong_fields: str = "Các ô cần sửa (bấm để đến ô):"
    section_group_n: str = "Khối {n}"
    lines_help: str = "Mỗi dòng một mục."
    label_name: str = "Tên nhãn"
    label_min: str = "Điểm tối thiểu"
    rank_only: str = "Chỉ xếp hạng, không xếp loại (không nhãn nào)"
    authority_prefix: str = "Thẩm quyền"
    authority_rest: str = "Dòng thẩm quyền"
    authority_none: str = "không có"
    row_n: str = "dòng {n}"
    add_row: str = "Thêm dòng"
    remove_row: str = "Bỏ dòng"
    date_hint: str = "ngày/tháng/năm, ví dụ 06/07/2026"
    date_placeholder: str = "ngày/tháng/năm"
    bad_date: str = "\"{value}\" không phải ngày: ghi ngày/tháng/năm, ví dụ 06/07/2026."
    previous_none: str = "— không so sánh với kỳ trước —"
    previous_elsewhere: str = "Thư mục ngoài danh sách: {path}"
    previous_results: str = "Tệp kết quả kỳ trước: {path}"
    previous_table: str = "Bảng hạng kỳ trước đã công bố: {path}"
    created_files: str = "tệp thiết lập và bảng nhập liệu; điền các mục dưới đây rồi lưu"
    new_group: str = "thêm khối mới"
    scheme_default: str = "theo bộ tiêu chí"
    groups_help: str = "Xóa tên khối để bỏ khối đó. Khối cuối cùng để trống: điền vào để thêm khối mới."
    years_changes: str = "Xem các lời văn sẽ đổi"
    move_years: str = "Chuyển năm trong các lời văn lên năm mới"
    move_years_help: str = ("Chỉ đổi năm đứng riêng (\"năm 2024\"), không đổi năm trong số, ký hiệu và ngày của văn "
                            "bản khác (\"Nghị định 30/2020/NĐ-CP\").")
    move_years_none: str = "công việc đã chọn không có năm nào trong lời văn"
    settings_unreadable: str = ("Không đọc được phần thiết lập của công việc (tệp thiết lập bị sửa hỏng bên ngoài bàn "
                                "làm việc): nhờ bộ phận kỹ thuật sửa theo các lỗi dưới đây rồi mở lại trang này.")
    # data
    data_title: str = "Số liệu"
    data_files: str = "Các tệp số liệu của công việc"
    download: str = "Tải về"
    upload: str = "Tải lên"
    upload_title: str = "Tải lên bảng đã điền"
    upload_target: str = "Thay tệp"
    uploaded: str = "Đã nhận tệp {name}."
    read_title: str = "Chương trình đọc được"
    read_units: str = "{group}: {count} đơn vị ({evaluated} được đánh giá)"
    read_total: str = "Tổng cộng {count} đơn vị trong {groups} khối."
    read_criteria: str = "{count} dòng tiêu chí; tổng điểm tự chấm {points} trên {max} điểm."
    read_failed: str = "Số liệu còn {count} lỗi: xem trang Kiểm tra."
    file_size: str = "{size} KB"
    # check
    check_title: str = "Kiểm tra"
    check_ok: str = "Không có lỗi. Có thể lập văn bản."
    check_failed: str = "Có {count} lỗi cần sửa. Chưa lập văn bản nào."
    col_n: str = "TT"
    col_file: str = "Tệp"
    col_sheet: str = "Trang tính"
    col_row: str = "Dòng"
    col_column: str = "Cột"
    col_value: str = "Giá trị"
    col_fix: str = "Lỗi và cách sửa"
    col_where: str = "Chỗ có lỗi"
    errors_workbook: str = "Tải danh sách lỗi (loi.xlsx)"
    # results
    results_title: str = "Kết quả"
    scheme_line: str = "Bộ tiêu chí: {name} (phiên bản {version})"
    scheme_choice: str = "{name} (phiên bản {version})"
    col_rank: str = "Hạng"
    col_unit: str = "Đơn vị"
    col_label: str = "Xếp loại"
    col_self: str = "Điểm tự chấm"
    col_appraised: str = "Điểm thẩm định"
    col_difference: str = "Chênh lệch"
    not_evaluated: str = "không đánh giá"
    counts: str = "Số đơn vị theo xếp loại"
    ties: str = "Đồng điểm"
    warnings: str = "Lưu ý"
    comparison: str = "Tự chấm và thẩm định"
    losses: str = "Tiêu chí bị trừ điểm nhiều nhất"
    col_code: str = "Mã"
    col_criterion: str = "Tiêu chí"
    col_lost: str = "Điểm bị trừ"
    col_lost_units: str = "Số đơn vị bị trừ"
    results_unavailable: str = "Chưa có kết quả: số liệu còn lỗi (xem trang Kiểm tra)."
    # documents
    documents_title: str = "Văn bản"
    make: str = "Lập văn bản"
    pdf: str = "Thêm bản PDF/A"
    pdf_unavailable: str = "(máy chưa cài LibreOffice: không lập được PDF)"
    running: str = "Đang lập văn bản…"
    already_running: str = "Công việc này đang được lập văn bản; chờ lần đang chạy xong."
    run_started: str = "Bắt đầu lập văn bản."
    run_done: str = "Đã lập xong {count} tệp lúc {time}."
    run_failed: str = "Không lập được văn bản: có {count} lỗi."
    run_crashed: str = "Lỗi ngoài dự kiến của chương trình (không phải lỗi số liệu). Chưa ghi tệp nào."
    progress: str = "Tiến độ"
    files: str = "Các tệp đã lập"
    zip_all: str = "Tải tất cả (.zip)"
    preview: str = "Trang đầu"
    no_documents: str = "Chưa lập văn bản nào."
    written_in: str = "Ghi trong thư mục {folder}."
    # templates
    templates_title: str = "Mẫu văn bản"
    templates_used: str = "Mẫu công việc đang dùng"
    shipped: str = "mẫu chung của chương trình"
    own: str = "mẫu riêng của công việc"
    template_role: str = "Dùng cho"
    role_document: str = "Văn bản chính"
    role_reports: str = "Báo cáo từng đơn vị"
    role_appraisal: str = "Thông báo thẩm định"
    template_upload: str = "Tải lên mẫu đã sửa"
    template_clean: str = "Mẫu {name} không có lỗi thẻ nào; công việc dùng mẫu này từ nay."
    template_problems: str = "Mẫu {name} có {count} lỗi; công việc vẫn dùng mẫu cũ. Sửa rồi tải lên lại."
    annotated: str = "Tải bản góp ý (mỗi lỗi một ghi chú Word)"
    use_shipped: str = "Dùng lại mẫu chung"
    # security
    login_title: str = "Đăng nhập"
    password: str = "Mật khẩu"
    login: str = "Đăng nhập"
    wrong_password: str = "Mật khẩu không đúng."
    login_wait: str = "Đã nhập sai quá nhiều lần. Thử lại sau {wait}."
    wait_minutes: str = "{n} phút"
    wait_seconds: str = "{n} giây"
    session_ended: str = ("Phiên làm việc đã hết hạn (lâu không dùng, hoặc đã quá 12 giờ từ lúc đăng nhập). Đăng nhập "
                          "lại.")
    csrf_title: str = "Yêu cầu bị từ chối"
    csrf_text: str = ("Biểu mẫu thiếu mã xác nhận hoặc mã đã hết hạn (trang mở từ lâu hay từ nơi khác). Mở lại trang "
                      "rồi gửi lại.")
    too_large: str = "Tệp \"{name}\" lớn quá {size} MB: không nhận."
    request_too_large: str = "Dữ liệu gửi lên lớn quá {size} MB: không nhận."
    not_found: str = "Không có trang hoặc tệp này."
    crashed_title: str = "Lỗi ngoài dự kiến"
    bad_file_name: str = ("Tên tệp \"{name}\" không dùng được: không có \"..\", \"/\", \"\\\", ký tự NUL, không bắt "
                          "đầu bằng dấu chấm.")
    bad_suffix: str = "Tệp \"{name}\" phải có đuôi {suffixes}."
    not_xlsx: str = "Tệp \"{name}\" không phải bảng tính Excel (.xlsx) hợp lệ."
    not_docx: str = "Tệp \"{name}\" không phải văn bản Word (.docx) hợp lệ."
    not_csv: str = "Tệp \"{name}\" không phải tệp CSV chữ UTF-8."
    zip_bomb: str = ("Tệp \"{name}\" khi giải nén lớn bất thường ({size} MB, gấp {ratio} lần tệp nén): không nhận.")
    no_file: str = "Chưa chọn tệp."
    empty_file: str = "Tệp \"{name}\" rỗng."
    # serve
    serving: str = "Bàn làm việc của thư ký: {url}  (thư mục công việc {jobs}; Ctrl+C để dừng)"
    needs_password: str = ("Không mở cho máy khác (--host {host}) khi chưa đặt mật khẩu. Đặt mật khẩu: python -m "
                           "pipeline serve --set-password (lưu ở {path}), hoặc bỏ --host để chỉ máy này dùng được.")
    password_prompt: str = "Mật khẩu mới: "
    password_again: str = "Nhập lại mật khẩu: "
    password_mismatch: str = "Hai lần nhập không giống nhau; chưa đổi mật khẩu."
    password_short: str = "Mật khẩu cần ít nhất {min} ký tự; chưa đổi mật khẩu."
    password_set: str = "Đã lưu mật khẩu (dạng băm scrypt có muối) vào {path}."
    jobs_missing: str = "Không có thư mục công việc {jobs}."
    needs_password_proxy: str = ("Không mở qua máy chủ trung gian (--proxy {proxy}) khi chưa đặt mật khẩu: máy khác "
                                 "sẽ vào được. Đặt mật khẩu: python -m pipeline serve --set-password (lưu ở {path}).")
    port_busy: str = ("Cổng {busy} đang bận (có thể bàn làm việc đã mở ở {busy_url}, hoặc một chương trình khác dùng "
                      "cổng này): mở ở cổng {port}.")
    ports_busy: str = "Các cổng từ {first} đến {last} đều bận. Chọn cổng khác: --port <số cổng>."
    port_refused: str = "Không mở được cổng {port} ở địa chỉ {host}: {reason}."
    host_not_here: str = "Máy này không có địa chỉ {host}: kiểm tra --host."
    port_no_right: str = ("Không được dùng cổng {port} (cổng dưới 1024 cần quyền quản trị): chọn cổng khác, ví dụ "
                          "--port 8000.")
    # [previous.renames] on the settings form
    renames_help: str = ("Mỗi dòng một đơn vị kỳ này đổi tên hoặc sáp nhập: tên kỳ này = tên kỳ trước; nhiều đơn vị "
                         "kỳ trước sáp nhập vào thì cách nhau bằng dấu chấm phẩy, ví dụ \"Sở Xây dựng = Sở Xây dựng; "
                         "Sở Giao thông vận tải\".")
    renames_no_equals: str = "Dòng {n} \"{line}\" thiếu dấu \"=\": viết tên kỳ này = tên kỳ trước."
    renames_twice: str = "Dòng {n}: đơn vị \"{name}\" đã có ở một dòng trên; mỗi đơn vị kỳ này chỉ một dòng."
    # findings on typed numbers (check page), strict runs (documents page)
    findings_title: str = "Cần xem lại"
    findings_intro: str = ("{count} điều cần xem lại trong số liệu đã gõ (không phải lỗi: văn bản vẫn lập được, với "
                           "số liệu như đã gõ; lần lập văn bản ghi chúng vào trang \"Cần xem lại\" của ket-qua.xlsx). "
                           "Đánh dấu \"Coi điều cần xem lại là lỗi\" ở trang Văn bản thì không lập văn bản khi còn "
                           "điều nào.")
    strict: str = "Coi điều cần xem lại là lỗi: còn điều nào thì không lập văn bản"
    # data files like a file manager: many at once, delete, set aside, history (data page)
    upload_by_name: str = "— theo tên tệp: thay tệp cùng tên, tệp khác thêm vào —"
    upload_files: str = "Chọn tệp (.xlsx, .csv, hoặc .zip; chọn được nhiều tệp một lúc)"
    upload_folder: str = "Hoặc chọn cả một thư mục"
    upload_drop: str = "Hoặc kéo thả tệp, thư mục vào ô này."
    upload_limit: str = "Tối đa {size} MB mỗi lần gửi (mọi tệp cộng lại)."
    too_large_all: str = "Các tệp gửi lên cộng lại lớn quá {size} MB: không nhận. Gửi làm nhiều lần."
    too_many_files: str = "Mỗi lần gửi tối đa {count} tệp: gửi làm nhiều lần (hoặc nén các tệp thành một tệp .zip)."
    not_zip: str = "Tệp \"{name}\" không phải tệp nén .zip đọc được."
    disk_full: str = ("Ổ đĩa của máy chạy bàn làm việc đã đầy: chưa ghi được tệp \"{name}\"; tệp cũ (nếu có) vẫn giữ "
                      "nguyên. Xóa bớt tệp trên ổ đĩa đó rồi tải lên lại.")
    not_writable: str = "Không ghi được tệp \"{name}\" (thư mục không cho ghi); tệp cũ (nếu có) vẫn giữ nguyên."
    target_one_file: str = "Đã chọn một tệp để thay thì chỉ gửi một tệp; gửi nhiều tệp thì chọn \"theo tên tệp\"."
    sent_twice: str = "Tệp \"{name}\" vào cùng chỗ ({path}) với một tệp đã gửi trong lần này: không nhận tệp sau."
    outcomes_title: str = "Các tệp vừa gửi"
    received_count: str = "Đã nhận {count}/{sent} tệp."
    col_sent: str = "Tệp gửi lên"
    col_outcome: str = "Kết quả"
    outcome_saved: str = "Đã nhận tệp {path}."
    outcome_faulty: str = "{count} tệp có lỗi, sửa rồi gửi lại: {names}. Lỗi ghi ở dòng của từng tệp dưới đây."
    outcome_replaced: str = "Đã nhận tệp {path}. Tệp cũ cùng tên được giữ ở mục \"Các bản trước\"."
    outcome_clean: str = "Đọc riêng tệp này: không có lỗi."
    outcome_problems: str = "Đọc riêng tệp này: {count} lỗi."
    outcome_more: str = "… và {count} lỗi khác (xem trang Kiểm tra)."
    outcome_refused: str = "Không nhận: {why}"
    cross_checked: str = ("Kiểm tra chung cả công việc (danh mục đơn vị với các bảng, đơn vị trùng, khối trống…) làm "
                          "một lần, sau khi đã nhận hết các tệp: kết quả ở phần \"Chương trình đọc được\" và trang "
                          "Kiểm tra.")
    done_uploaded: str = "Đã nhận tệp {name}."
    done_deleted: str = "Đã xóa tệp {name}; tệp được giữ ở mục \"Các bản trước\" bên dưới (bấm Khôi phục để lấy lại)."
    done_restored: str = "Đã khôi phục tệp {name}; bản đang dùng trước đó được giữ ở mục \"Các bản trước\"."
    done_set_aside: str = ("Đã để riêng tệp {name}; tệp được giữ ở mục \"Các bản trước\" bên dưới (bấm Khôi phục để "
                           "lấy lại).")
    delete: str = "Xóa"
    delete_title: str = "Xóa tệp số liệu"
    delete_question: str = ("Xóa tệp {name} khỏi số liệu của công việc? Tệp được giữ ở mục \"Các bản trước\" của "
                            "trang Số liệu; bấm Khôi phục ở đó để lấy lại.")
    cancel: str = "Thôi, quay lại"
    aside_title: str = "Đơn vị không đánh giá còn bảng chưa điền"
    aside_text: str = ("{unit}: danh mục đơn vị ghi không đánh giá (lý do: {why}), nhưng thư mục số liệu còn bảng "
                       "chưa điền {path}.")
    aside: str = "Để riêng bảng này"
    history_title: str = "Các bản trước"
    history_intro: str = ("Mỗi lần thay, xóa, để riêng hay khôi phục một tệp, bản cũ của tệp được giữ ở đây; chương "
                          "trình không đọc các bản này khi kiểm tra hay lập văn bản.")
    no_history: str = "Chưa có bản nào."
    col_when: str = "Lúc"
    col_size: str = "Cỡ"
    col_who: str = "Người làm"
    col_what: str = "Việc"
    restore: str = "Khôi phục"
    history_replaced: str = "thay bằng tệp tải lên"
    history_deleted: str = "xóa"
    history_set_aside: str = "để riêng"
    history_restored: str = "thay bằng bản khôi phục"
    history_online: str = "đơn vị hoặc thẩm định nhập trên bàn làm việc"
    this_machine: str = "máy này"
    who_client: str = "máy {address} (phiên {session})"


W = DeskWords()

# The words of a code the program keeps, by code: an online campaign's phase (`store.records.PHASES`).
APPRAISAL_PHASES = {"self": W.ap_phase_self, "appraisal": W.ap_phase_appraisal, "explanation": W.ap_phase_explanation,
                    "final": W.ap_phase_final}

"""Every word of the online campaign's pages: accounts and roles, the unit's self-assessment, the secretariat's view."""

from __future__ import annotations

from dataclasses import dataclass

ROLE_NAMES = {"SECRETARIAT": "Thư ký (bộ phận tổng hợp)", "UNIT": "Đơn vị", "APPRAISER": "Thành viên thẩm định"}

@dataclass(frozen=True)
class CampaignWords:
    """Every word of the online campaign's pages, as fields so a misspelt name is a type error (`C.self_title`)."""

    unit_brand: str = "Đánh giá, xếp loại trực tuyến"
    # logging in with an account, the first login
    login_name: str = "Tên đăng nhập"
    login_name_help: str = "Tài khoản của đơn vị hoặc thành viên thẩm định; thư ký để trống."
    wrong_login: str = "Tên đăng nhập hoặc mật khẩu không đúng."
    first_login_link: str = "Đăng nhập lần đầu bằng mã được cấp"
    first_login_title: str = "Đăng nhập lần đầu"
    first_login_intro: str = ("Nhập tên đăng nhập và mã dùng một lần do bộ phận tổng hợp cấp, rồi tự đặt mật khẩu (ít "
                              "nhất {min} ký tự). Từ lần sau, đăng nhập bằng mật khẩu này.")
    one_time_code: str = "Mã dùng một lần"
    new_password: str = "Mật khẩu mới"
    new_password_again: str = "Nhập lại mật khẩu mới"
    set_password: str = "Đặt mật khẩu và vào làm việc"
    passwords_differ: str = "Hai lần nhập mật khẩu mới không giống nhau."
    password_too_short: str = "Mật khẩu mới cần ít nhất {min} ký tự."
    wrong_code: str = "Tên đăng nhập hoặc mã dùng một lần không đúng, hoặc mã đã được dùng."
    # refusals
    forbidden_title: str = "Không được phép"
    forbidden: str = "Tài khoản của bạn không dùng được trang này."
    back_home: str = "Về trang làm việc của bạn"
    # the unit's self-assessment
    self_title: str = "Tự đánh giá: {unit}"
    self_intro: str = ("Nhập điểm tự chấm của từng tiêu chí (không quá điểm tối đa, theo cách chấm nếu có), lý giải "
                       "khi tài liệu chưa thể hiện hết, và tải lên tài liệu kiểm chứng. Mỗi tiêu chí có điểm phải có "
                       "ít nhất một tệp kiểm chứng. Bấm \"Lưu\" ở từng tiêu chí; gửi kết quả khi đã nhập xong.")
    no_workbook: str = ("Chưa có bảng tiêu chí của {unit} trong công việc này. Liên hệ bộ phận tổng hợp để được thêm "
                        "vào danh mục đơn vị.")
    state_draft: str = "Đang chấm điểm, chưa gửi"
    state_submitted: str = "Đã gửi lúc {at}: chỉ xem, không sửa được (bộ phận tổng hợp có thể mở lại để sửa)"
    state_reopened: str = "Bộ phận tổng hợp đã mở lại để sửa: sửa xong thì gửi lại"
    state: str = "Trạng thái"
    deadline: str = "Hạn gửi"
    no_deadline: str = "chưa đặt"
    deadline_passed: str = "Đã hết hạn tự đánh giá ({at}): không sửa, không gửi được nữa. Liên hệ bộ phận tổng hợp."
    phase_closed: str = "Đợt tự đánh giá đã kết thúc: chỉ xem."
    totals: str = "Tổng điểm tự chấm"
    totals_of: str = "{points} / {max} điểm"
    totals_fields: str = "Các tiêu chí: {points} / {max}"
    totals_bonus: str = "Điểm thưởng: {points}"
    totals_penalty: str = "Điểm trừ: {points}"
    totals_none: str = "Chưa tính được tổng (còn tiêu chí chưa có điểm hoặc điểm chưa khớp)."
    max_points: str = "Điểm tối đa"
    rule: str = "Cách chấm"
    points: str = "Điểm tự chấm"
    points_help: str = "Số, dùng dấu phẩy cho phần lẻ (ví dụ 4,5)"
    justification: str = "Lý giải việc chấm điểm"
    save: str = "Lưu tiêu chí {code}"
    saved: str = "Đã lưu tiêu chí {code}."
    evidence: str = "Tài liệu kiểm chứng"
    evidence_none: str = "Chưa có tệp kiểm chứng."
    evidence_needed: str = "Cần ít nhất một tệp kiểm chứng cho điểm đã chấm."
    evidence_file: str = "Tệp kiểm chứng cho tiêu chí {code}"
    evidence_help: str = "PDF, ảnh (JPG, PNG) hoặc tệp Word, Excel, PowerPoint; mỗi tệp không quá {size} MB."
    evidence_send: str = "Tải tệp lên"
    evidence_remove: str = "Bỏ tệp"
    evidence_remove_label: str = "Bỏ tệp {name}"
    evidence_removed: str = "Đã bỏ tệp \"{name}\" khỏi tiêu chí {code}."
    evidence_added: str = "Đã thêm tệp \"{name}\" cho tiêu chí {code}."
    report_link: str = "Tải báo cáo tự chấm điểm (Word) để ký"
    report_not_ready: str = "Chưa lập được báo cáo: {why}"
    submit_link: str = "Xem lại và gửi kết quả"
    submit_title: str = "Gửi kết quả tự đánh giá: {unit}"
    submit_intro: str = ("Sau khi gửi, kết quả chỉ còn để xem; muốn sửa phải nhờ bộ phận tổng hợp mở lại. Tổng điểm "
                         "tự chấm: {points} / {max} điểm.")
    submit_missing: str = "Chưa gửi được: còn thiếu những mục sau."
    missing_points: str = "Tiêu chí {code} ({title}): chưa nhập điểm."
    missing_evidence: str = "Tiêu chí {code} ({title}): có điểm nhưng chưa có tệp kiểm chứng."
    submit: str = "Gửi kết quả tự đánh giá"
    submitted: str = "Đã gửi kết quả tự đánh giá."
    back_to_self: str = "Quay lại trang tự đánh giá"
    not_open: str = "Không sửa được nữa: {why}"
    points_refused_not_number: str = "\"{value}\" không phải là số. Nhập số, dùng dấu phẩy cho phần lẻ (ví dụ 4,5)."
    points_refused_negative: str = "Điểm không được âm (\"{value}\")."
    points_refused_above_max: str = "{value} điểm vượt quá điểm tối đa {max} của tiêu chí này."
    points_refused_not_in_rule: str = "{value} điểm không có trong cách chấm của tiêu chí này; chỉ được: {allowed}."
    conflict: str = ("Tiêu chí {code} vừa được lưu ở nơi khác (một thẻ khác của trình duyệt hoặc người khác) sau khi "
                     "trang này được mở: chưa lưu gì. Dưới đây là giá trị mới nhất; nội dung bạn vừa nhập: điểm "
                     "\"{points}\", lý giải {justification}. Nhập lại nếu cần rồi bấm Lưu.")
    conflict_quoted: str = "\"{text}\""
    conflict_blank: str = "(để trống)"
    # the secretariat's page of the campaign
    campaign_tab: str = "Trực tuyến"
    campaign_title: str = "Đợt đánh giá trực tuyến"
    campaign_intro: str = ("Các đơn vị tự chấm điểm trên bàn làm việc bằng tài khoản riêng; điểm đơn vị lưu được ghi "
                           "ngay vào bảng tiêu chí của đơn vị trong công việc (trang Số liệu), nên Kiểm tra và Văn "
                           "bản dùng đúng điểm đó. Tệp Excel của đơn vị gửi qua thư vẫn tải lên ở trang Số liệu như "
                           "trước.")
    phase_heading: str = "Giai đoạn và hạn gửi"
    phase_now: str = "Giai đoạn hiện tại"
    phase_self: str = "Đơn vị tự đánh giá"
    phase_appraisal: str = "Thẩm định"
    phase_explanation: str = "Giải trình"
    phase_final: str = "Kết quả cuối cùng"
    phase_choose: str = "Chuyển sang giai đoạn"
    deadline_date: str = "Hạn gửi tự đánh giá: ngày"
    deadline_time: str = "giờ"
    deadline_help: str = ("Ngày gõ dạng ngày/tháng/năm (15/12/2026), giờ dạng 17:00. Để trống ngày nếu không đặt hạn. "
                          "Sau hạn, đơn vị chỉ còn xem được (trừ đơn vị được mở lại).")
    phase_save: str = "Lưu giai đoạn và hạn"
    phase_saved: str = "Đã lưu: giai đoạn \"{phase}\", hạn gửi {deadline}."
    bad_date: str = ("Ngày \"{value}\" hoặc giờ \"{time}\" không đọc được; gõ ngày dạng ngày/tháng/năm (15/12/2026) "
                     "và giờ dạng 17:00.")
    accounts_heading: str = "Tài khoản của các đơn vị"
    accounts_intro: str = ("Mỗi đơn vị trong danh mục một tài khoản. Bấm nút dưới đây để tạo tài khoản cho các đơn vị "
                           "chưa có (đơn vị đổi tên giữ tài khoản, đơn vị không đánh giá bị khóa): tệp Excel danh "
                           "sách tài khoản kèm mã dùng một lần của tài khoản mới được tải về ngay. Mã chỉ hiện một "
                           "lần: giữ tệp cẩn thận và giao mã cho từng đơn vị.")
    accounts_create: str = "Tạo tài khoản theo danh mục và tải danh sách mã"
    accounts_nothing: str = "Danh mục không có đơn vị mới: không tạo thêm tài khoản nào."
    accounts_refused: str = "Chưa tạo được tài khoản: {why}"
    renew_code: str = "Cấp mã mới"
    renew_help: str = "Khi đơn vị quên mật khẩu hoặc mất mã: mã cũ và mật khẩu cũ thôi dùng được."
    progress_heading: str = "Tiến độ"
    progress_counts: str = "{submitted} / {total} đơn vị đã gửi tự đánh giá; {appraised} đơn vị đã có điểm thẩm định."
    col_order: str = "TT"
    col_unit: str = "Đơn vị"
    col_login: str = "Tài khoản"
    col_state: str = "Tự đánh giá"
    col_submitted_at: str = "Gửi lúc"
    col_appraised: str = "Thẩm định"
    col_actions: str = "Thao tác"
    no_account: str = "chưa có tài khoản"
    account_new: str = "chưa đăng nhập lần đầu"
    account_locked: str = "đã khóa"
    unit_draft: str = "chưa gửi"
    unit_submitted: str = "đã gửi"
    unit_reopened: str = "mở lại để sửa"
    appraised_none: str = "chưa"
    appraised_some: str = "{count} tiêu chí"
    no_table: str = "chưa có bảng tiêu chí"
    not_evaluated: str = "không đánh giá (theo danh mục đơn vị)"
    reopen: str = "Mở lại để sửa"
    reopened: str = "Đã mở lại cho {unit} sửa."
    no_register: str = ("Công việc chưa có danh mục đơn vị: thêm tệp danh mục ở trang Số liệu và ghi tên tệp ở trang "
                        "Thiết lập trước khi tạo tài khoản.")


C = CampaignWords()

# The words of a code the program keeps, by code: an online campaign's phase (`store.records.PHASES`), and why typed
# points are refused (`scoring.unit_entries.PointsRefused.why`).
PHASE_NAMES = {"self": C.phase_self, "appraisal": C.phase_appraisal, "explanation": C.phase_explanation,
               "final": C.phase_final}
POINTS_REFUSED = {"not_number": C.points_refused_not_number, "negative": C.points_refused_negative,
                  "above_max": C.points_refused_above_max, "not_in_rule": C.points_refused_not_in_rule}

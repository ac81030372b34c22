"""Every word of the online campaign's pages: accounts and roles, the unit's self-assessment, the secretariat's view."""

from __future__ import annotations

ROLE_NAMES = {"SECRETARIAT": "Thư ký (bộ phận tổng hợp)", "UNIT": "Đơn vị", "APPRAISER": "Thành viên thẩm định"}

C = {
    # logging in with an account, the first login
    "login_name": "Tên đăng nhập",
    "login_name_help": "Tài khoản của đơn vị hoặc thành viên thẩm định; thư ký để trống.",
    "wrong_login": "Tên đăng nhập hoặc mật khẩu không đúng.",
    "first_login_link": "Đăng nhập lần đầu bằng mã được cấp",
    "first_login_title": "Đăng nhập lần đầu",
    "first_login_intro": ("Nhập tên đăng nhập và mã dùng một lần do bộ phận tổng hợp cấp, rồi tự đặt mật khẩu "
                          "(ít nhất {min} ký tự). Từ lần sau, đăng nhập bằng mật khẩu này."),
    "one_time_code": "Mã dùng một lần",
    "new_password": "Mật khẩu mới",
    "new_password_again": "Nhập lại mật khẩu mới",
    "set_password": "Đặt mật khẩu và vào làm việc",
    "passwords_differ": "Hai lần nhập mật khẩu mới không giống nhau.",
    "password_too_short": "Mật khẩu mới cần ít nhất {min} ký tự.",
    "wrong_code": "Tên đăng nhập hoặc mã dùng một lần không đúng, hoặc mã đã được dùng.",
    "must_set_password": "Tài khoản này chưa có mật khẩu riêng: đăng nhập lần đầu bằng mã được cấp.",
    "signed_in_as": "Đang làm việc: {name}",
    # refusals
    "forbidden_title": "Không được phép",
    "forbidden": "Tài khoản của bạn không dùng được trang này.",
    "back_home": "Về trang làm việc của bạn",
    "account_inactive": "Tài khoản này đã bị khóa. Liên hệ bộ phận tổng hợp.",
    # the unit's self-assessment
    "self_title": "Tự đánh giá: {unit}",
    "self_intro": ("Nhập điểm tự chấm của từng tiêu chí (không quá điểm tối đa, theo cách chấm nếu có), lý giải khi "
                   "tài liệu chưa thể hiện hết, và tải lên tài liệu kiểm chứng. Mỗi tiêu chí có điểm phải có ít nhất "
                   "một tệp kiểm chứng. Bấm \"Lưu\" ở từng tiêu chí; gửi kết quả khi đã nhập xong."),
    "no_workbook": ("Chưa có bảng tiêu chí của {unit} trong công việc này. Liên hệ bộ phận tổng hợp để được "
                    "thêm vào danh mục đơn vị."),
    "state_draft": "Đang nhập, chưa gửi",
    "state_submitted": "Đã gửi lúc {at}: chỉ xem, không sửa được (bộ phận tổng hợp có thể mở lại để sửa)",
    "state_reopened": "Bộ phận tổng hợp đã mở lại để sửa: sửa xong thì gửi lại",
    "state": "Trạng thái",
    "deadline": "Hạn gửi",
    "no_deadline": "chưa đặt",
    "deadline_passed": "Đã hết hạn tự đánh giá ({at}): không sửa, không gửi được nữa. Liên hệ bộ phận tổng hợp.",
    "phase_closed": "Đợt tự đánh giá đã kết thúc: chỉ xem.",
    "totals": "Tổng điểm tự chấm",
    "totals_of": "{points} / {max} điểm",
    "totals_fields": "Các tiêu chí: {points} / {max}",
    "totals_bonus": "Điểm thưởng: {points}",
    "totals_penalty": "Điểm trừ: {points}",
    "totals_none": "Chưa tính được tổng (còn tiêu chí chưa có điểm hoặc điểm chưa khớp).",
    "max_points": "Điểm tối đa",
    "rule": "Cách chấm",
    "points": "Điểm tự chấm",
    "points_help": "Số, dùng dấu phẩy cho phần lẻ (ví dụ 4,5)",
    "justification": "Lý giải việc chấm điểm",
    "save": "Lưu tiêu chí {code}",
    "saved": "Đã lưu tiêu chí {code}.",
    "evidence": "Tài liệu kiểm chứng",
    "evidence_none": "Chưa có tệp kiểm chứng.",
    "evidence_needed": "Cần ít nhất một tệp kiểm chứng cho điểm đã chấm.",
    "evidence_file": "Tệp kiểm chứng cho tiêu chí {code}",
    "evidence_help": "PDF, ảnh (JPG, PNG) hoặc tệp Word, Excel, PowerPoint; mỗi tệp không quá {size} MB.",
    "evidence_send": "Tải tệp lên",
    "evidence_added": "Đã thêm tệp \"{name}\" cho tiêu chí {code}.",
    "evidence_size": "{size}",
    "report_link": "Tải báo cáo tự chấm điểm (Word) để ký",
    "report_not_ready": "Chưa lập được báo cáo: {why}",
    "submit_link": "Xem lại và gửi kết quả",
    "submit_title": "Gửi kết quả tự đánh giá: {unit}",
    "submit_intro": ("Sau khi gửi, kết quả chỉ còn để xem; muốn sửa phải nhờ bộ phận tổng hợp mở lại. "
                     "Tổng điểm tự chấm: {points}."),
    "submit_missing": "Chưa gửi được: còn thiếu những mục sau.",
    "missing_points": "Tiêu chí {code} ({title}): chưa nhập điểm.",
    "missing_evidence": "Tiêu chí {code} ({title}): có điểm nhưng chưa có tệp kiểm chứng.",
    "submit": "Gửi kết quả tự đánh giá",
    "submitted": "Đã gửi kết quả tự đánh giá.",
    "back_to_self": "Quay lại trang tự đánh giá",
    "not_open": "Không sửa được nữa: {why}",
    "unknown_criterion": "Không có tiêu chí \"{code}\" trong bảng tiêu chí của đơn vị.",
    "points_refused_not_number": "\"{value}\" không phải là số. Nhập số, dùng dấu phẩy cho phần lẻ (ví dụ 4,5).",
    "points_refused_negative": "Điểm không được âm (\"{value}\").",
    "points_refused_above_max": "{value} điểm vượt quá điểm tối đa {max} của tiêu chí này.",
    "points_refused_not_in_rule": "{value} điểm không có trong cách chấm của tiêu chí này; chỉ được: {allowed}.",
    "conflict": ("Tiêu chí {code} vừa được lưu ở nơi khác (một thẻ khác của trình duyệt hoặc người khác) sau khi "
                 "trang này được mở: chưa lưu gì. Dưới đây là giá trị mới nhất; nội dung bạn vừa nhập: "
                 "điểm \"{points}\", lý giải \"{justification}\". Nhập lại nếu cần rồi bấm Lưu."),
    "bonus_title": "Điểm thưởng",
    "penalty_title": "Điểm trừ",
}

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
}

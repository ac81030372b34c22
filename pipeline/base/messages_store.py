"""Vietnamese wording of the store (accounts, entries, evidence, states) and of its commands."""

from __future__ import annotations

from dataclasses import dataclass

STORE_WORDS: dict[str, str] = {
    "store_error": "Cơ sở dữ liệu không nhận yêu cầu này.",
    "conflict": ("Tiêu chí {criterion} của {unit} vừa được {by} lưu lúc {at}, sau khi trang này được mở: "
                 "chưa lưu gì. Tải lại trang để xem giá trị mới rồi sửa lại."),
    "conflict_state": "Trạng thái của {unit} vừa được người khác thay đổi: chưa lưu gì. Tải lại trang.",
    "not_found": "Không tìm thấy {what}.",
    "refused": "Không thực hiện được: {why}.",
    "unavailable": ("Không mở được cơ sở dữ liệu {where}. Kiểm tra máy chủ cơ sở dữ liệu đã chạy và địa chỉ, tên "
                    "đăng nhập, mật khẩu của nó. Chi tiết kỹ thuật: {why}"),
    "busy": "Cơ sở dữ liệu đang bận hoặc không trả lời ({why}): chưa lưu gì. Thử lại sau ít phút.",
    "bad_address": ("Địa chỉ cơ sở dữ liệu \"{url}\" không đúng dạng: ghi "
                    "postgresql://<người dùng>:<mật khẩu>@<máy chủ>/<tên cơ sở dữ liệu>."),
    "unknown_field": "Không có mục \"{field}\" trong điểm của một tiêu chí.",
    "bad_points": "Điểm \"{value}\" của tiêu chí {criterion} không phải một số không âm.",
    "submitted": "{unit} đã gửi kết quả tự đánh giá: không sửa được nữa, trừ khi Văn phòng mở lại.",
    "not_submitted": "{unit} chưa gửi kết quả tự đánh giá: không có gì để mở lại.",
    "already_submitted": "{unit} đã gửi kết quả tự đánh giá rồi.",
    "bad_phase": "Giai đoạn \"{phase}\" không có; chọn một trong: {phases}.",
    "login_taken": "Tên đăng nhập \"{login}\" đã có người dùng.",
    "code_wrong": "Tên đăng nhập hoặc mã dùng một lần không đúng.",
    "code_used": "Mã dùng một lần này đã được dùng: đăng nhập bằng mật khẩu đã đặt, hoặc xin Văn phòng mã mới.",
    "code_expired": "Mã dùng một lần đã hết hạn (ngày {at}): xin Văn phòng mã mới.",
    "password_short": "Mật khẩu phải có ít nhất {min} ký tự.",
    "inactive": "Tài khoản \"{login}\" đã bị khóa.",
    "evidence_suffix": "Tệp kiểm chứng \"{name}\" phải là PDF, ảnh hoặc văn bản Office (đuôi {suffixes}).",
    "evidence_large": "Tệp kiểm chứng \"{name}\" lớn quá {size} MB: không nhận.",
    "evidence_empty": "Tệp kiểm chứng \"{name}\" trống.",
    "evidence_content": "Tệp \"{name}\" không phải {kind} hợp lệ (nội dung không khớp với đuôi tệp).",
    "evidence_bomb": "Tệp \"{name}\" khi giải nén lớn bất thường ({size} MB): không nhận.",
    "evidence_name": "Tên tệp \"{name}\" có ký tự không dùng được; đặt lại tên tệp rồi gửi lại.",
    "no_register": ("Công việc \"{job}\" không có danh mục đơn vị: tài khoản của đơn vị được lập theo danh mục đơn vị "
                    "của một đợt đánh giá."),
    "not_backup": "Tệp \"{path}\" không phải bản sao lưu do chương trình này ghi (hoặc đã hỏng).",
    "backup_damaged": "Bản sao lưu \"{path}\" đã hỏng: tệp kiểm chứng {name} không còn nguyên vẹn. Không khôi phục gì.",
    "store_not_empty": ("Cơ sở dữ liệu nơi khôi phục đã có dữ liệu: chỉ khôi phục vào một cơ sở dữ liệu mới, trống. "
                        "Không khôi phục gì."),
    "account": "tài khoản",
    "evidence": "tệp kiểm chứng",
}

# Audit actions as the secretariat reads them in the trail.
ACTIONS: dict[str, str] = {
    "account_created": "tạo tài khoản",
    "account_renamed": "đổi tên đơn vị của tài khoản",
    "account_active": "khóa/mở tài khoản",
    "code_renewed": "cấp mã dùng một lần mới",
    "password_set": "đặt mật khẩu",
    "entry_saved": "lưu điểm",
    "evidence_added": "thêm tệp kiểm chứng",
    "evidence_removed": "bỏ tệp kiểm chứng",
    "submitted": "gửi kết quả tự đánh giá",
    "reopened": "mở lại để sửa",
    "phase_set": "chuyển giai đoạn",
    "account_assigned": "giao đơn vị cho người thẩm định",
}

EVIDENCE_KINDS = {".pdf": "tệp PDF", ".png": "ảnh PNG", ".jpg": "ảnh JPEG", ".jpeg": "ảnh JPEG",
                  ".docx": "văn bản Word", ".xlsx": "bảng tính Excel", ".pptx": "bản trình chiếu PowerPoint",
                  ".doc": "văn bản Word", ".xls": "bảng tính Excel", ".ppt": "bản trình chiếu PowerPoint"}

# The commands `accounts`, `backup` and `restore` (help and what they say).
@dataclass(frozen=True)
class CommandWords:
    """The words of the commands `accounts`, `backup` and `restore`, as fields: a misspelt name is a type error."""

    accounts_help: str = "lập tài khoản cho các đơn vị của một đợt đánh giá (theo danh mục đơn vị) và người thẩm định"
    accounts_job: str = "thư mục công việc của đợt đánh giá, ví dụ inputs/vi-du-2025-dot-danh-gia-tinh"
    accounts_out: str = "tệp Excel ghi danh sách tài khoản và mã dùng một lần để giao cho từng người"
    accounts_appraisers: str = ("tệp Excel danh sách người thẩm định: cột \"Họ tên\", cột \"Thẩm định\" (tên đơn vị "
                                "hoặc khối, cách nhau bằng dấu ;), cột \"Tên đăng nhập\" nếu muốn tự đặt")
    accounts_appraiser: str = "một người thẩm định: \"Họ tên: đơn vị hoặc khối; đơn vị hoặc khối\" (ghi được nhiều lần)"
    db: str = "địa chỉ cơ sở dữ liệu PostgreSQL (mặc định: tệp SQLite cạnh thư mục các công việc)"
    debug: str = "in chi tiết kỹ thuật khi có lỗi"
    backup_help: str = ("sao lưu cơ sở dữ liệu của bàn làm việc, tệp kiểm chứng và các thư mục công việc vào một tệp "
                        ".zip")
    backup_out: str = "tệp .zip ghi bản sao lưu (hoặc thư mục: ghi vào đó tệp ban-sao-<ngày giờ>.zip)"
    backup_jobs: str = "thư mục các công việc mà bàn làm việc phục vụ (mặc định inputs)"
    restore_help: str = "khôi phục một bản sao lưu vào một thư mục các công việc mới"
    restore_file: str = "tệp .zip do lệnh backup ghi"
    restore_jobs: str = "thư mục các công việc mới (chưa có, hoặc trống) để khôi phục vào"
    out_exists: str = ("Tệp \"{out}\" đã có: không ghi đè (danh sách cũ và mã dùng một lần trong đó vẫn dùng được). "
                       "Đặt tên tệp khác. Chưa lập tài khoản nào.")
    out_not_xlsx: str = "Tệp danh sách \"{out}\" phải có đuôi .xlsx. Chưa lập tài khoản nào."
    nothing_new: str = ("Danh mục đơn vị và người thẩm định không đổi từ lần trước: không có tài khoản mới, không ghi "
                        "tệp nào. Cần mã mới cho một tài khoản (quên mật khẩu, mất mã) thì cấp lại ở bàn làm việc.")
    accounts_done: str = "Đã ghi danh sách {count} tài khoản vào {out}."
    accounts_created: str = "Tài khoản mới ({count}), mã dùng một lần dùng được đến {until}: {names}."
    accounts_renamed: str = "Đổi tên theo danh mục (giữ tài khoản, điểm, tệp kiểm chứng): {pairs}."
    accounts_locked: str = "Đã khóa (không đánh giá, hoặc không còn trong danh mục): {names}."
    accounts_unlocked: str = "Đã mở lại: {names}."
    accounts_hand_out: str = "Giao mã tận tay từng người; lần đăng nhập đầu với mã, mỗi người tự đặt mật khẩu."
    appraiser_unknown: str = ("Người thẩm định \"{name}\": \"{value}\" không phải đơn vị hay khối nào trong danh mục "
                              "đơn vị.{hint}")
    appraiser_form: str = ("Người thẩm định \"{value}\" ghi chưa đúng: ghi \"Họ tên: đơn vị hoặc khối; đơn vị hoặc "
                           "khối\".")
    appraisers_file: str = ("Tệp người thẩm định \"{path}\": không đọc được, hoặc thiếu cột \"Họ tên\" hay \"Thẩm "
                            "định\" ở dòng đầu.")
    appraisers_row: str = "Tệp người thẩm định \"{path}\", dòng {row}: thiếu họ tên hoặc đơn vị, khối thẩm định."
    did_you_mean: str = " Có phải \"{name}\"?"
    backup_exists: str = "Tệp \"{out}\" đã có: không ghi đè bản sao lưu cũ. Đặt tên tệp khác."
    backup_not_zip: str = "Bản sao lưu \"{out}\" phải là tệp .zip (hoặc một thư mục đã có để ghi vào)."
    jobs_missing: str = "Không thấy thư mục các công việc \"{jobs}\"."
    backup_done: str = ("Đã sao lưu vào {out}: {accounts} tài khoản, {entries} điểm tiêu chí, {evidence} tệp kiểm "
                        "chứng, {audit} dòng nhật ký thay đổi, cùng các thư mục công việc.")
    restore_target: str = ("Thư mục \"{jobs}\" đã có tệp: chỉ khôi phục vào một thư mục mới hoặc trống. Không khôi "
                           "phục gì.")
    restore_done: str = ("Đã khôi phục vào {jobs}: {accounts} tài khoản, {entries} điểm tiêu chí, {evidence} tệp kiểm "
                         "chứng, {audit} dòng nhật ký thay đổi. Mở bàn làm việc với thư mục này để làm tiếp.")


COMMAND_WORDS = CommandWords()

# The accounts list handed to the secretariat: its sheet, columns and what a row says.
ACCOUNTS_SHEET = "Tài khoản"
ACCOUNTS_COLUMNS = ("TT", "Loại", "Tên", "Tên đăng nhập", "Mã dùng một lần", "Mã dùng được đến", "Ghi chú",
                    "Đơn vị, khối thẩm định")
ROLE_NAMES = {"secretariat": "Văn phòng", "unit": "Đơn vị", "appraiser": "Thẩm định"}
@dataclass(frozen=True)
class AccountNotes:
    """The accounts workbook's notes on each account, as fields so a misspelt name is a type error."""

    new: str = "tài khoản mới: giao mã cho người dùng"
    given: str = "đã cấp mã ở lần trước"
    password_set: str = "đã tự đặt mật khẩu"
    locked: str = "đã khóa"
    renamed: str = "đổi tên từ \"{old}\""


ACCOUNT_NOTES = AccountNotes()

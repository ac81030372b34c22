"""Vietnamese wording of the store (accounts, entries, evidence, states) and of its commands."""

from __future__ import annotations

STORE_WORDS: dict[str, str] = {
    "store_error": "Cơ sở dữ liệu không nhận yêu cầu này.",
    "conflict": ("Tiêu chí {criterion} của {unit} vừa được {by} lưu lúc {at}, sau khi trang này được mở: "
                 "chưa lưu gì. Tải lại trang để xem giá trị mới rồi sửa lại."),
    "conflict_state": "Trạng thái của {unit} vừa được người khác thay đổi: chưa lưu gì. Tải lại trang.",
    "not_found": "Không tìm thấy {what}.",
    "refused": "Không thực hiện được: {why}.",
    "unavailable": ("Không mở được cơ sở dữ liệu {where}: {why}. Kiểm tra máy chủ cơ sở dữ liệu đã chạy và "
                    "địa chỉ, tên đăng nhập, mật khẩu của nó."),
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

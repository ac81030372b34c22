"""Vietnamese wording of the problems with the previous period (`[previous]`), read into `messages`."""

from __future__ import annotations

from pipeline.base.errors import Reason

PERIOD_TEXT: dict[Reason, str] = {
    Reason.PREVIOUS_MISSING: (
        "mục \"{key}\" ghi \"{value}\" (tức {resolved}) nhưng ở đó không có {what}. Đường dẫn tính từ thư mục công việc, ví dụ "
        "job = \"../vi-du-2024-xep-loai-tinh\" (thư mục công việc kỳ trước) hoặc results = \"…/ket-qua.xlsx\"."
    ),
    Reason.PREVIOUS_UNREADABLE: (
        "không đọc được kết quả kỳ trước (mục \"{key}\" của job.toml): {why}. Chỉ nhận tệp ket-qua.xlsx do chương "
        "trình này ghi, chưa sửa cấu trúc (trang \"Tổng hợp\" và mỗi khối một trang); hoặc ghi job = \"…\" để tính "
        "lại kết quả kỳ trước từ số liệu của nó."
    ),
    Reason.PREVIOUS_UNKNOWN_UNIT: (
        "mục \"{key}\" ghi đơn vị \"{value}\" nhưng {where} không có đơn vị này.{hint} Sửa tên cho đúng như trong "
        "kết quả {period} (có dấu hay không dấu, chữ hoa hay thường đều được)."
    ),
    Reason.PREVIOUS_JOB_INVALID: (
        "công việc kỳ trước (mục \"{key}\" của job.toml) có lỗi nên không so sánh được: {error} Sửa công việc kỳ "
        "trước, hoặc bỏ mục [previous]."
    ),
}

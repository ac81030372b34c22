"""Vietnamese wording of what a run finds in its output folder and does about it, read into `messages`."""

from __future__ import annotations

from pipeline.base.errors import Reason

OUTPUT_TEXT: dict[Reason, str] = {
    Reason.OUTPUT_EXCHANGE_FINISHED: (
        "lần chạy trước ({holder}) đã bị dừng đột ngột ngay sau khi thay thư mục kết quả. Thư mục kết quả là "
        "đủ các tệp của lần chạy đó (đúng như manifest.json của nó); chương trình đã xóa bản cũ còn sót lại."
    ),
    Reason.OUTPUT_EXCHANGE_UNDONE: (
        "lần chạy trước ({holder}) đã bị dừng đột ngột khi sắp thay thư mục kết quả. Thư mục kết quả vẫn là lần "
        "chạy trước đó nữa, không thay đổi; chương trình đã xóa các tệp làm dở của lần chạy bị dừng."
    ),
    Reason.OUTPUT_RUN_INTERRUPTED: (
        "một lần chạy trước vào thư mục này đã bị dừng đột ngột giữa chừng, khi chưa thay thư mục kết quả. Thư mục "
        "kết quả vẫn như trước lần chạy đó, không thay đổi; chương trình đã xóa các tệp làm dở."
    ),
    Reason.OUTPUT_LINK_LOOP: (
        "đây là lối tắt (liên kết) trỏ vòng về chính nó, nên không biết ghi kết quả vào đâu. Xóa lối tắt này, "
        "hoặc chọn thư mục khác bằng --out."
    ),
}

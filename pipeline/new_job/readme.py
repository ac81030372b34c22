"""The README.md `init` puts in a new job folder."""

from __future__ import annotations

from pathlib import Path

from pipeline.config.job_settings import SETTINGS_FILE
from pipeline.config.kinds import Kind
from pipeline.new_job.settings_text import starter_of
from pipeline.new_job.workbook import GUIDE_SHEET


def job_readme(kind: Kind, folder: Path, source: Path | None) -> str:
    """What to fill in, then the commands that check and run the job."""
    workbook = starter_of(kind).workbook
    job = folder.as_posix()
    command = f"python -m pipeline init {kind.id} {job}" + (f" --from {source.as_posix()}" if source else "")
    if source is None:
        settings = "thay mọi chữ giữ chỗ trong ngoặc đơn, ví dụ \"(Địa danh)\""
    else:
        carried = ("cây tiêu chí (mã số, nội dung, điểm chuẩn)" if kind.reports_one_unit
                   else "danh sách đơn vị (khối, tên, điểm tối đa)")
        settings = (f"các mục đã chép từ `{source.as_posix()}`; kiểm tra lại năm, kỳ đánh giá trong trích yếu và tên "
                    f"bảng phụ lục. Bảng nhập liệu đã có sẵn {carried}, điểm để trống")
    lines = [
        f"# {folder.name}: {kind.title.lower()}", "",
        f"Tạo bằng `{command}`.", "",
        "## Cần điền", "",
        (f"1. `{SETTINGS_FILE}` (mỗi mục có ghi chú ở dòng ngay trên): {settings}. Ghi số văn bản (`number`) và "
         "ngày ký (`date`) khi đã có."),
        f"2. `{workbook}`: điền vào trang \"{starter_of(kind).sheet}\" theo trang \"{GUIDE_SHEET}\" trong tệp.",
    ]
    lines += ["", "## Kiểm tra và lập văn bản", "", "```sh",
              f"python -m pipeline check {job}    # báo mọi lỗi, không ghi văn bản",
              f"python -m pipeline run {job}      # lập văn bản vào outputs/{folder.name}/", "```", ""]
    return "\n".join(lines)

"""A self-assessment job built in code: a criteria table with the rule and fact columns of docs/inputs.md mục 2.5."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

from tests.conftest import write_workbook

HEADERS = ["Mã số", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự chấm", "Lý giải việc chấm điểm",
           "Cách chấm", "Số hoàn thành", "Tổng số", "Đơn vị tính", "Mức đạt", "Tỷ lệ (%)"]
FIRST_ROW = 3  # the sheet's row of the first criterion: a title row, the header row, then the criteria

REPORT_JOB = """
kind = "bao-cao-tu-cham"
scheme = "chat-luong-hoat-dong@2020"
unit = "UBND xã Thử Nghiệm"
{checks}
[document]
issuing_body = ["ỦY BAN NHÂN DÂN", "XÃ THỬ NGHIỆM"]
number = ""
symbol = "BC-UBND"
place = "Thử Nghiệm"
date = ""
title = "Kết quả tự chấm điểm"
recipients = ["Lưu: VT."]
[document.signature]
authority = ["TM. ỦY BAN NHÂN DÂN"]
position = "CHỦ TỊCH"
name = "Nguyễn Văn A"
"""


def criterion(code, title, maximum, points=None, rationale=None, rule=None, done=None, total=None, noun=None,
              level=None, rate=None) -> list:
    return [code, title, maximum, points, rationale, rule, done, total, noun, level, rate]


def report_job(folder: Path, rows: list[list], checks: str = "") -> Path:
    """A report job whose one field "I" holds `rows` (codes 1.1, 1.2, …) and sums them."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "job.toml").write_text(REPORT_JOB.format(checks=checks), encoding="utf-8")
    maximum = sum(Decimal(str(r[2])) for r in rows if r[0] and r[0].count(".") == 1)
    table = [["BẢNG TỰ CHẤM ĐIỂM"], HEADERS, criterion("I", "Lĩnh vực thử", float(maximum)), *rows]
    write_workbook(folder / "tu-cham.xlsx", {"Tự chấm điểm": table})
    return folder


def half_up(value: Fraction, decimals: int) -> Decimal:
    """`value` rounded half-up at `decimals`, computed from the exact fraction (independently of the program)."""
    scaled = value * 10 ** decimals
    whole = scaled.numerator // scaled.denominator
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    return (Decimal(whole) / Decimal(10) ** decimals).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)


def vietnamese(value: Decimal) -> str:
    """"3.862" → "3,862" (a few figures, no thousands)."""
    return format(value.normalize(), "f").replace(".", ",")

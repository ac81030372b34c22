"""A mixed campaign (sở and UBND xã) with a register of units and appraised points, built in each test."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document

from tests.conftest import DOCUMENT, write_workbook

SO, XA = "Sở, ban, ngành", "UBND các xã, phường"
REGISTER_HEADER = ["TT", "Tên đơn vị", "Khối", "Cơ quan chủ quản", "Tên cơ quan ban hành", "Ký hiệu", "Địa danh",
                   "Thẩm quyền ký", "Chức vụ người ký", "Họ tên người ký", "Điểm thưởng", "Lý do không đánh giá"]
REGISTER = [
    [1, "Sở Nội vụ", SO, "UBND TỈNH MINH HỌA", "SỞ NỘI VỤ", "BC-SNV", "Minh Họa", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
     "Nguyễn Văn An", None, None],
    [2, "Sở Tư pháp", SO, "UBND TỈNH MINH HỌA", "SỞ TƯ PHÁP", "BC-STP", "Minh Họa", None, "GIÁM ĐỐC",
     "Trần Thị Bình", 2, None],
    [3, "UBND xã Hòa An", XA, None, "ỦY BAN NHÂN DÂN / XÃ HÒA AN", None, "Hòa An", None, None, "Lê Văn Cường",
     None, None],
    [4, "UBND xã Tân Phú", XA, None, "ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ", None, "Tân Phú", None, None, "Phạm Văn Dũng",
     None, None],
    [5, "UBND phường Bình Minh", XA, None, None, None, "Bình Minh", None, None, "Võ Thị Em", None,
     "Không đánh giá năm 2025 do sắp xếp đơn vị hành chính"],
]
# code, title, maximum: two fields of two criteria each (maximum 100)
TREE = [("I", "Công tác chỉ đạo, điều hành", 30), ("1.1", "Ban hành kế hoạch", 10), ("1.2", "Thực hiện nhiệm vụ", 20),
        ("II", "Nhiệm vụ chuyên môn", 70), ("2.1", "Chỉ tiêu được giao", 30), ("2.2", "Thủ tục hành chính", 40)]
LEAVES = ("1.1", "1.2", "2.1", "2.2")
# unit as written above its table → (self points, appraised points) of each leaf
POINTS = {
    "Sở Nội vụ": ((10, 19, 28, 38), (10, 18, Decimal("27.5"), 36)),
    "Sở Tư pháp": ((9, 20, 30, 40), (9, 19, 30, 38)),
    "UBND XA HOA AN": ((8, 18, 25, 35), (7, 18, 24, 30)),  # the register's name without diacritics
    "UBND xã Tân Phú": ((10, 20, 29, 39), (10, 19, 29, 39)),
}

JOB = """
kind = "dot-danh-gia"
scheme = "chat-luong-hoat-dong@2020"
data = "don-vi"
register = "danh-muc-don-vi.xlsx"

[appraisal]
done = true
parent_body = "UBND TỈNH MINH HỌA"
issuing_body = ["HỘI ĐỒNG THẨM ĐỊNH"]
number = ""
symbol = "TB-HĐTĐ"
date = 2025-12-10
title = "Kết quả thẩm định kết quả tự chấm điểm năm 2025 của {don_vi}"
place = "Minh Họa"
recipients = ["{don_vi};", "Chủ tịch UBND tỉnh (b/c);", "Lưu: VT, HĐTĐ."]

[appraisal.signature]
authority = ["TM. HỘI ĐỒNG"]
position = "CHỦ TỊCH"
name = "Đỗ Minh Khoa"

[[groups]]
name = "Sở, ban, ngành"

[[groups]]
name = "UBND các xã, phường"
signer_authority = ["TM. ỦY BAN NHÂN DÂN"]
signer_position = "CHỦ TỊCH"
symbol = "BC-UBND"
""" + DOCUMENT + """
[reports]
issuing_body = ["{DON_VI}"]
symbol = "BC"
place = "Minh Họa"
title = "Kết quả tự chấm điểm năm 2025 của {don_vi}"
recipients = ["UBND tỉnh (b/c);", "Lưu: VT."]
self_rating = true

[reports.signature]
authority = []
position = "THỦ TRƯỞNG"
name = "(Họ và tên)"
"""


def unit_rows(unit: str, self_points, appraised, group: str | None = None) -> list[list[object]]:
    rows: list[list[object]] = [["BẢNG TỰ CHẤM ĐIỂM NĂM 2025"], [], ["Đơn vị:", unit]]
    if group:
        rows.append(["Khối:", group])
    rows += [[], ["Mã số", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự chấm", "Điểm thẩm định",
                  "Ý kiến thẩm định"]]
    leaf = 0
    for code, title, maximum in TREE:
        if code in LEAVES:
            rows.append([code, title, maximum, self_points[leaf], appraised[leaf],
                         "Trừ điểm do chậm tiến độ" if self_points[leaf] != appraised[leaf] else None])
            leaf += 1
        else:
            rows.append([code, title, maximum])
    return rows


# rows below a unit's tree: bonus and penalty (title, maximum, self, appraised, Ý kiến thẩm định)
EXTRAS = [("Điểm thưởng (sáng kiến được công nhận)", 5, 3, 2, "Sáng kiến chưa được công nhận cấp tỉnh"),
          ("Điểm trừ (vi phạm kỷ luật hành chính)", 5, 0, 1, "Có 01 công chức bị kỷ luật khiển trách")]


def write_campaign(folder: Path, register=None, points=None, job=JOB, header=None,
                   extras: dict[str, list] | None = None) -> Path:
    """The campaign in `folder`; `extras` adds rows (as `EXTRAS`) below the tree of the units it names."""
    (folder / "don-vi").mkdir(parents=True)
    (folder / "job.toml").write_text(job, encoding="utf-8")
    write_workbook(folder / "danh-muc-don-vi.xlsx",
                   {"Danh mục": [["DANH MỤC ĐƠN VỊ"], [], header or REGISTER_HEADER, *(register or REGISTER)]})
    for number, (unit, (own, appraised)) in enumerate((points or POINTS).items(), 1):
        rows = unit_rows(unit, own, appraised) + [[None, *row] for row in (extras or {}).get(unit, [])]
        write_workbook(folder / "don-vi" / f"{number:02d}.xlsx", {"Tự chấm": rows})
    return folder


@pytest.fixture
def campaign(tmp_path):
    """Writes the campaign; `make(register, points, job, name, header, extras)` may change the register's rows,
    the points, job.toml, the folder's name, the register's header row and add bonus and penalty rows."""
    def make(register=None, points=None, job=JOB, name="dot", header=None, extras=None) -> Path:
        return write_campaign(tmp_path / name, register, points, job, header, extras)
    return make


def texts(path) -> str:
    """Every paragraph of a document, tables included, one per line."""
    doc = Document(path)
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines += [cell.text for cell in row.cells]
    return "\n".join(lines).replace("\u00a0", " ")  # names are held whole with non-breaking spaces

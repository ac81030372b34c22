"""Writes the example workbooks of `inputs/` from the figures transcribed below.

The figures are facts from published documents (see each job's README.md). The
workbooks look like the ones secretariats keep: a title block above the header row,
numbers as numbers, one sheet per group. Run: `python scripts/build_examples.py`.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

ROOT = Path(__file__).resolve().parent.parent
NOT_EVALUATED = "Không đánh giá trong năm 2020 vì không có báo cáo và TLKC"

# Quyết định 1841/QĐ-UBND ngày 24/12/2020 của UBND thị xã Hương Trà, Phụ lục 01–03:
# (unit, maximum of regular tasks, applicable maximum this year, appraised points | reason)
HUONG_TRA_2020 = {
    "Cơ quan chuyên môn": [
        ("Văn phòng HĐND&UBND", 100, 100, 94.66), ("Phòng Nội vụ", 100, 100, 91.79),
        ("Phòng Kinh tế", 100, 100, 91.51), ("Phòng GD&ĐT", 100, 100, 91.49),
        ("Phòng VH&TT", 100, 100, 88.37), ("Phòng LĐ,TB&XH", 100, 100, 87.87),
        ("Phòng TN&MT", 100, 100, 85.19), ("Phòng QLĐT", 100, 100, 83.2),
        ("Thanh tra", 100, 100, 81.81), ("Phòng TC-KH", 100, 100, 81.51),
        ("Phòng Tư pháp", 100, 100, 71.87), ("Phòng Y tế", None, None, NOT_EVALUATED),
    ],
    "UBND các xã, phường": [
        ("Hương Văn", 100, 80, 72.2), ("Hương Vinh", 100, 80, 68.96), ("Hương Bình", 100, 80, 68.79),
        ("Hương Xuân", 100, 80, 67.51), ("Bình Tiến", 100, 80, 67.41), ("Bình Thành", 100, 80, 67.16),
        ("Hương An", 100, 80, 66.84), ("Hương Phong", 100, 80, 64.55), ("Tứ Hạ", 100, 80, 63.31),
        ("Hương Thọ", 100, 80, 63.06), ("Hương Chữ", None, None, NOT_EVALUATED),
        ("Hương Hồ", None, None, NOT_EVALUATED), ("Hương Vân", None, None, NOT_EVALUATED),
        ("Hương Toàn", None, None, NOT_EVALUATED), ("Hải Dương", None, None, NOT_EVALUATED),
    ],
    "Đơn vị sự nghiệp": [
        ("Trung tâm GDNN-GDTX", 100, 100, 89.73), ("Trung tâm DVNN", 100, 100, 76.43),
        ("Đội QTĐT", 100, 100, 76.05), ("Ban QLDA ĐTXD", 100, 100, 73.26),
        ("Trung tâm PTQĐ", 100, 100, 70.23), ("Trung tâm VH,TT&TT", None, None, NOT_EVALUATED),
    ],
}

# Báo cáo 2445/BC-UBND ngày 06/7/2021 của UBND thị xã Hương Trà:
# (code, title, maximum, self-assessed points, rationale); "" code = sub-item.
_R121 = ("Tổng cộng trong 6 tháng đầu năm 2021, UBND thị xã đã thực hiện 87 nhiệm vụ do UBND tỉnh, Chủ tịch "
         "UBND tỉnh giao, trong đó đã thực hiện hoàn thành đúng hạn và trước hạn 84 nhiệm vụ (đạt 95,6%) có 3 "
         "nhiệm vụ (4,4%). Nên chấm 2,868 điểm")
_R122 = ("Tổng cộng trong 6 tháng đầu năm 2021, UBND thị xã đã thực hiện 87 YKCD do UBND tỉnh, Chủ tịch UBND "
         "tỉnh giao, trong đó đã thực hiện hoàn thành đúng hạn và trước hạn 84 YKCD (đạt 95,6%) có 3 YKCD quá "
         "hạn (4,4%). Nên chấm 3,824 điểm")
HUONG_TRA_2021 = [
    ("", "TỔNG ĐIỂM", 34, 28.692, ""),
    ("I", "Kết quả tổ chức thực hiện nhiệm vụ phát triển kinh tế, xã hội quốc phòng an ninh, đối ngoại trên địa bàn",
     12, 7.692, ""),
    ("1.2", "Triển khai thực hiện nhiệm vụ do UBND tỉnh giao", 9, 6.692, ""),
    ("1.2.1", "Triển khai tổ chức thực hiện nhiệm vụ do UBND tỉnh giao", 5, 2.868, _R121),
    ("", "Hoàn thành trước thời hạn", 5, None, ""),
    ("", "Hoàn thành đúng thời hạn", 3, 2.868, ""),
    ("", "Hoàn thành trong năm, nhưng không đúng thời hạn", 1, None, ""),
    ("1.2.2", "Kết quả thực hiện các ý kiến chỉ đạo của UBND tỉnh", 4, 3.824, _R122),
    ("", "Tỷ lệ % ý kiến chỉ đạo của UBND tỉnh được hoàn thành đúng và trước hạn", 4, 3.824, ""),
    ("1.3", "Kết quả triển khai thực hiện Trung tâm Hành chính công cấp huyện và Bộ phận Một cửa hiện đại cấp xã",
     3, 1, "UBND thị xã đã thực hiện đầy đủ 100% việc thiết lập quy trình, số hoá hồ sơ cho các TTHC, tuy nhiên "
           "kết quả giải quyết TTHC trong 6 tháng của UBND các phường xã đạt 94% và tại TT HCC thị xã đạt 90% "
           "đúng và trước hạn nên chấm 1 điểm"),
    ("", "Triển khai hiệu quả, đồng bộ, 100% các TTHC được lập quy trình, số hóa và giải quyết đúng hạn thì "
         "đạt 3 điểm;", 3, None, ""),
    ("", "Từ 95% - dưới 100% TTHC được lập quy trình, số hóa và giải quyết đúng hạn thì đạt 2 điểm;", 2, None, ""),
    ("", "Từ 90% - dưới 95% TTHC được lập quy trình, số hóa và giải quyết đúng hẹn thì đạt 1 điểm.", 1, 1, ""),
    ("II", "Kết quả thực hiện nhiệm vụ quản lý trong cơ quan, đơn vị", 18, 17, ""),
    ("2.1", "Công tác quản lý đội ngũ cán bộ, công chức", 0, 0, ""),
    ("2.2", "Đánh giá, phân loại cán bộ, công chức, viên chức (CBCCVC)", 6, 5, ""),
    ("2.2.1", "Thực hiện việc đánh giá, phân loại CBCCVC hàng năm tại các phòng, ban chuyên môn", 3, 3,
     "Trong năm 2020 UBND thị xã đã thực hiện đánh giá, phân loại CBCCVC hàng năm tại các phòng, ban chuyên môn "
     "đúng quy định nên chấm 3 điểm"),
    ("", "Thực hiện việc đánh giá phân loại người đứng đầu và công chức, viên chức cuối năm của cơ quan đúng "
         "quy định", 2, 2, ""),
    ("", "Thông báo kết quả đánh giá, phân loại CBCCVC đúng quy định", 1, 1, ""),
    ("2.2.2", "Kết quả đánh giá, phân loại CBCCVC", 3, 2,
     "Trong năm 2020, tổng số CBCCVC có mặt là 2094 người, có 2066/2094 người được xếp loại hoàn thành tốt "
     "nhiệm vụ trở lên chiếm 98,6% nên chấm 2 điểm"),
    ("", "100% CBCCVC hoàn thành tốt nhiệm vụ", 3, None, ""),
    ("", "Từ 80% đến dưới 100% CBCCVC hoàn thành tốt nhiệm vụ", 2, 2, ""),
    ("", "Từ 70% đến dưới 80% CBCCVC hoàn thành tốt nhiệm vụ", 1, None, ""),
    ("2.3", "Tổ chức đánh giá đầy đủ việc thực hiện chương trình, kế hoạch công tác, chấp hành nghiêm túc chế độ "
            "báo cáo theo quy định", 5, 5,
     "UBND thị xã đã tổ chức đánh giá đầy đủ việc thực hiện chương trình, kế hoạch công tác, chấp hành nghiêm túc "
     "chế độ báo cáo theo quy định có đầy đủ tài liệu kiểm chứng kèm theo nên chấm 5 điểm"),
    ("", "Có tổ chức đánh giá đầy đủ việc thực hiện chương trình, kế hoạch", 2, 2, ""),
    ("", "Có thực hiện đầy đủ chế độ thông tin báo cáo theo quy định của UBND tỉnh (tháng, quý, năm)", 2, 2, ""),
    ("", "Thực hiện các nội dung trên đúng thời gian quy định, chất lượng, đầy đủ thông tin", 1, 1, ""),
    ("2.4", "Quản lý tài chính, ngân sách, trang thiết bị và cơ sở vật chất", 3, 3,
     "UBND thị xã đã thực hiện tốt công tác quản lý tài chính, ngân sách, trang thiết bị và cơ sở vật chất nên "
     "chấm 3 điểm"),
    ("", "Có ban hành hoặc thường xuyên sửa đổi, bổ sung Quy chế chi tiêu nội bộ; Quy chế quản lý, sử dụng tài "
         "sản công", 1, 1, ""),
    ("", "Có công khai quy chế chi tiêu nội bộ, quy chế quản lý sử dụng tài sản công", 1, 1, ""),
    ("", "Thực hiện chính sách tiền lương, BHXH, chế độ đãi ngộ, khen thưởng, kỷ luật cho công chức, viên chức "
         "đúng quy định", 1, 1, ""),
    ("2.5", "Thanh tra, kiểm tra và giải quyết khiếu nại tố cáo", 4, 4,
     "Trong 6 tháng đầu năm 2021, UBND thị xã đã thực hiện tốt công tác thanh tra, kiểm tra và giải quyết KNTC "
     "nên chấm điểm tối đa"),
    ("", "Tổ chức tự kiểm tra theo quy định của pháp luật", 2, 2, ""),
    ("", "Thực hiện kết luận kiểm tra, thanh tra của các cơ quan nhà nước có thẩm quyền", 1, 1, ""),
    ("", "Giải quyết đúng quy định pháp luật đơn khiếu nại, tố cáo, kiến nghị, phản ánh thuộc thẩm quyền", 1, 1, ""),
    ("III", "Thực hiện quy định của đảng, pháp luật của Nhà nước", 4, 4, ""),
    ("3.1", "Thực hiện công tác học tập Nghị quyết của Đảng, phổ biến tuyên truyền pháp luật nhà nước", 2, 2,
     "Trong 6 tháng đầu năm 2021, UBND thị xã đã thực hiện đầy đủ công tác học tập Nghị quyết của Đảng, phổ biến "
     "tuyên truyền pháp luật nhà nước và có tài liệu kiểm chứng đầy đủ nên chấm 2 điểm"),
    ("", "Có tài liệu chứng minh việc tổ chức học tập, quán triệt chủ trương của Đảng, pháp luật của Nhà nước thì "
         "đạt 2 điểm;", 2, 2, ""),
    ("", "Nếu không thì điểm đánh giá là 0.", 0, None, ""),
    ("3.4", "Thực hiện công tác thi đua - khen thưởng", 2, 2,
     "Trong năm 2020 UBND thị xã thực hiện đúng các quy định về công tác thi đua - khen thưởng và có tài liệu "
     "kiểm chứng đầy đủ nên chấm 2 điểm"),
    ("", "Thực hiện đúng quy định công tác TĐKT thì đạt 2 điểm;", 2, 2, ""),
    ("", "Nếu có hạn chế, vi phạm thì điểm đánh giá là 0.", 0, None, ""),
]

UNIT_HEADERS = ["TT", "Đơn vị", "Tổng điểm các nhiệm vụ theo quy định",
                "Tổng điểm các nhiệm vụ phát sinh trong năm theo quy định",
                "Tổng điểm thẩm định các nhiệm vụ phát sinh trong năm của đơn vị", "Lý do không đánh giá", "Ghi chú"]
CRITERIA_HEADERS = ["Mã số", "Lĩnh vực/ Tiêu chí/ Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự chấm",
                    "Lý giải việc chấm điểm"]


def _title_block(sheet, lines: list[str], width: int) -> None:
    for line in lines:
        sheet.append([line])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width)
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        sheet.cell(sheet.max_row, 1).alignment = Alignment(horizontal="center")
    sheet.append([])


def _header(sheet, headers: list[str], widths: list[int]) -> None:
    sheet.append(headers)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    for column, width in zip("ABCDEFGHIJ", widths, strict=False):
        sheet.column_dimensions[column].width = width


def huong_tra_2020(path: Path) -> None:
    book = Workbook()
    book.remove(book.active)
    for group, units in HUONG_TRA_2020.items():
        sheet = book.create_sheet(group)
        _title_block(sheet, ["BẢNG TỔNG HỢP KẾT QUẢ THẨM ĐỊNH CHẤT LƯỢNG HOẠT ĐỘNG NĂM 2020", f"Khối: {group}"], 7)
        _header(sheet, UNIT_HEADERS, [5, 28, 14, 18, 20, 40, 16])
        for number, (unit, maximum, applicable, points) in enumerate(units, 1):
            reason = points if isinstance(points, str) else None
            sheet.append([number, unit, maximum, applicable, None if reason else points, reason])
    book.save(path)


def _huong_tra_2021_sheet(headers: list[str], widths: list[int]):
    """The report's workbook and its sheet, with the title block and the header row."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Tự chấm điểm"
    _title_block(sheet, ["BẢNG TỔNG HỢP KẾT QUẢ TỰ CHẤM ĐIỂM 6 THÁNG ĐẦU NĂM 2021",
                         "Đơn vị: UBND thị xã Hương Trà"], len(headers))
    _header(sheet, headers, widths)
    return book, sheet


def huong_tra_2021(path: Path) -> None:
    book, sheet = _huong_tra_2021_sheet(CRITERIA_HEADERS, [8, 60, 10, 10, 60])
    for code, title, maximum, points, rationale in HUONG_TRA_2021:
        sheet.append([code or None, title, maximum, points, rationale or None])
        sheet.cell(sheet.max_row, 1).number_format = "@"
        sheet.cell(sheet.max_row, 5).alignment = Alignment(wrap_text=True)
    book.save(path)


# Đợt đánh giá minh họa (số liệu giả định): mỗi đơn vị một bảng tiêu chí, cùng một bộ tiêu chí.
BATCH_CRITERIA = [
    ("I", "Công tác chỉ đạo, điều hành", 30),
    ("1.1", "Ban hành chương trình, kế hoạch công tác năm đúng thời hạn", 10),
    ("1.2", "Thực hiện nhiệm vụ UBND thị xã giao", 20),
    ("II", "Kết quả thực hiện nhiệm vụ chuyên môn", 50),
    ("2.1", "Hoàn thành các chỉ tiêu kinh tế - xã hội được giao", 30),
    ("2.2", "Giải quyết thủ tục hành chính đúng hạn", 20),
    ("III", "Công tác cải cách hành chính, kỷ luật, kỷ cương", 20),
    ("3.1", "Thực hiện cải cách hành chính", 10),
    ("3.2", "Chấp hành kỷ luật, kỷ cương hành chính", 10),
]
BATCH_UNITS = {  # file (one sheet per unit when several) → unit → group, points of 1.1, 1.2, 2.1, 2.2, 3.1, 3.2
    "xa-phuong.xlsx": {
        "UBND phường Hương Văn": ("UBND các xã, phường", (10, 18.5, 27.25, 19, 9, 10)),
        "UBND phường Hương Xuân": ("UBND các xã, phường", (10, 17, 26, 18.5, 8.5, 9.5)),
        "UBND xã Hương Toàn": ("UBND các xã, phường", (9, 16.75, 24.5, 17, 8, 9)),
        "UBND xã Bình Tiến": ("UBND các xã, phường", (7, 14, 21, 15.5, 7, 8)),
    },
    "phong-noi-vu.xlsx": {"Phòng Nội vụ": ("Cơ quan chuyên môn", (10, 19, 28, 19.5, 9.5, 10))},
    "phong-tai-chinh-ke-hoach.xlsx": {"Phòng Tài chính - Kế hoạch": ("Cơ quan chuyên môn", (10, 18, 27.5, 19, 9, 9.5))},
}


def batch_example(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for file, units in BATCH_UNITS.items():
        book = Workbook()
        book.remove(book.active)
        for unit, (group, points) in units.items():
            sheet = book.create_sheet(unit.removeprefix("UBND ")[:31])
            _title_block(sheet, ["BẢNG TỰ CHẤM ĐIỂM CHẤT LƯỢNG HOẠT ĐỘNG NĂM 2025"], 5)
            sheet.append(["Đơn vị:", unit])
            sheet.append(["Khối:", group])
            sheet.append([])
            _header(sheet, CRITERIA_HEADERS, [8, 60, 10, 10, 40])
            leaves = iter(points)
            for code, title, maximum in BATCH_CRITERIA:
                sheet.append([code, title, maximum, None if "." not in code else next(leaves)])
                sheet.cell(sheet.max_row, 1).number_format = "@"
        book.save(folder / file)


# Đợt đánh giá minh họa sau sắp xếp năm 2025 (SỐ LIỆU GIẢ ĐỊNH): các sở của "tỉnh Minh Họa" và các xã, phường.
PROVINCE_CRITERIA = [  # 80 điểm: UBND các xã, phường có thêm tối đa 20 điểm điều tra xã hội học (thang 100)
    ("I", "Công tác chỉ đạo, điều hành", 20),
    ("1.1", "Ban hành chương trình, kế hoạch công tác năm đúng thời hạn", 5),
    ("1.2", "Thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao đúng thời hạn", 15),
    ("II", "Kết quả thực hiện nhiệm vụ chuyên môn", 40),
    ("2.1", "Hoàn thành các chỉ tiêu, nhiệm vụ chuyên môn được giao trong năm", 20),
    ("2.2", "Giải quyết thủ tục hành chính đúng hạn, trực tuyến toàn trình", 10),
    ("2.3", "Chuyển đổi số, số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", 10),
    ("III", "Tổ chức bộ máy, kỷ luật, kỷ cương", 20),
    ("3.1", "Sắp xếp, kiện toàn tổ chức bộ máy theo quy định năm 2025", 10),
    ("3.2", "Chấp hành kỷ luật, kỷ cương hành chính, chế độ báo cáo", 5),
    ("3.3", "Công tác thi đua, khen thưởng", 5),
]
SO, XA = "Sở, ban, ngành", "UBND các xã, phường"
PROVINCE_HEADERS = ["TT", "Tên đơn vị", "Khối", "Cơ quan chủ quản", "Tên cơ quan ban hành", "Ký hiệu", "Địa danh",
                    "Thẩm quyền ký", "Chức vụ người ký", "Họ tên người ký", "Điểm điều tra xã hội học",
                    "Lý do không đánh giá"]
KT = ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
# unit → (file, issuing body, symbol, (authority, position) or None for the group's default, signer, survey, reason)
PROVINCE_UNITS = {
    "Sở Nội vụ": ("so-noi-vu", "SỞ NỘI VỤ", "BC-SNV", None, "Nguyễn Văn An", None, None),
    "Sở Tư pháp": ("so-tu-phap", "SỞ TƯ PHÁP", "BC-STP", KT, "Trần Thị Bình", None, None),
    "Sở Tài chính": ("so-tai-chinh", "SỞ TÀI CHÍNH", "BC-STC", None, "Lê Quang Cường", None, None),
    "Sở Công Thương": ("so-cong-thuong", "SỞ CÔNG THƯƠNG", "BC-SCT", KT, "Phạm Minh Đức", None, None),
    "Sở Xây dựng": ("so-xay-dung", "SỞ XÂY DỰNG", "BC-SXD", None, "Hoàng Văn Em", None, None),
    "Sở Nông nghiệp và Môi trường": ("so-nong-nghiep-va-moi-truong", "SỞ NÔNG NGHIỆP / VÀ MÔI TRƯỜNG", "BC-SNNMT",
                                     KT, "Vũ Thị Giang", None, None),
    "Sở Giáo dục và Đào tạo": ("so-giao-duc-va-dao-tao", "SỞ GIÁO DỤC / VÀ ĐÀO TẠO", "BC-SGDĐT", None,
                               "Đặng Văn Hải", None, None),
    "Sở Y tế": (None, "SỞ Y TẾ", "BC-SYT", None, "Bùi Thị Hoa", None,
                "Không đánh giá năm 2025: đang kiện toàn tổ chức bộ máy sau hợp nhất, chưa đủ thời gian hoạt động"),
    "UBND phường Hòa An": ("phuong-hoa-an", "ỦY BAN NHÂN DÂN / PHƯỜNG HÒA AN", None, None, "Ngô Văn Khánh", 17.35,
                           None),
    "UBND phường Tân Phú": ("phuong-tan-phu", "ỦY BAN NHÂN DÂN / PHƯỜNG TÂN PHÚ", None,
                            ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Đỗ Thị Lan", 16.8, None),
    "UBND phường Bình Minh": ("phuong-binh-minh", "ỦY BAN NHÂN DÂN / PHƯỜNG BÌNH MINH", None, None, "Lý Văn Mạnh",
                              18.12, None),
    "UBND xã Phú Lộc": ("xa-phu-loc", "ỦY BAN NHÂN DÂN / XÃ PHÚ LỘC", None, None, "Trịnh Văn Nam", 15.6, None),
    "UBND xã Thanh Sơn": ("xa-thanh-son", "ỦY BAN NHÂN DÂN / XÃ THANH SƠN", None, None, "Mai Thị Oanh", 16.25, None),
    "UBND xã Hưng Long": ("xa-hung-long", "ỦY BAN NHÂN DÂN / XÃ HƯNG LONG", None,
                          ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Cao Văn Phúc", 14.9, None),
    "UBND xã An Thạnh": ("xa-an-thanh", "ỦY BAN NHÂN DÂN / XÃ AN THẠNH", None, None, "Đinh Văn Quang", 17.05, None),
    "UBND xã Tân Lập": ("xa-tan-lap", "ỦY BAN NHÂN DÂN / XÃ TÂN LẬP", None, None, "Hồ Thị Rạng", 15.4, None),
    "UBND xã Đông Hòa": ("xa-dong-hoa", "ỦY BAN NHÂN DÂN / XÃ ĐÔNG HÒA", None, None, "Tạ Văn Sơn", 16.0, None),
    "UBND xã Mỹ Lợi": (None, "ỦY BAN NHÂN DÂN / XÃ MỸ LỢI", None, None, "Lương Văn Tài", None,
                       "Không đánh giá: không gửi báo cáo tự chấm điểm và tài liệu kiểm chứng đúng thời hạn"),
    "UBND xã Vĩnh Thạnh": ("xa-vinh-thanh", "ỦY BAN NHÂN DÂN / XÃ VĨNH THẠNH", None, None, "Châu Thị Uyên", 15.75,
                           None),
    "UBND phường Trường An": ("phuong-truong-an", "ỦY BAN NHÂN DÂN / PHƯỜNG TRƯỜNG AN", None, None, "Kiều Văn Vinh",
                              17.6, None),
}
# unit → self points of 1.1, 1.2, 2.1, 2.2, 2.3, 3.1, 3.2, 3.3, then the appraisal's where it differs: {code: (points,
# note)}
PROVINCE_POINTS = {
    "Sở Nội vụ": ((5, 14.5, 19, 9.5, 10, 9.5, 5, 5), {}),
    "Sở Tư pháp": ((5, 14, 18.5, 9, 9, 9, 5, 5), {"1.2": (13.5, "01 nhiệm vụ hoàn thành chậm so với thời hạn"),
                                                  "2.3": (8, "Tỷ lệ số hóa kết quả giải quyết TTHC đạt 82%")}),
    "Sở Tài chính": ((5, 15, 19.5, 10, 9.5, 10, 5, 5), {}),
    "Sở Công Thương": ((4, 13, 17, 8.5, 8, 8.5, 4.5, 5), {"1.2": (12, "02 nhiệm vụ quá hạn chưa có báo cáo giải trình"),
                                                          "2.1": (16, "Chỉ tiêu xúc tiến thương mại đạt 90%"),
                                                          "2.3": (7, "Thiếu tài liệu kiểm chứng số hóa hồ sơ")}),
    "Sở Xây dựng": ((5, 14, 18, 9, 9, 9.5, 5, 4.5), {}),
    "Sở Nông nghiệp và Môi trường": ((5, 13.5, 18, 9, 8.5, 9, 5, 5),
                                     {"2.1": (17, "Chỉ tiêu trồng rừng đạt 92% kế hoạch"),
                                      "2.2": (8, "Còn 12 hồ sơ đất đai giải quyết quá hạn")}),
    "Sở Giáo dục và Đào tạo": ((5, 15, 19, 9.5, 9.5, 9, 5, 5), {}),
    "UBND phường Hòa An": ((5, 14, 18, 9, 8, 9, 5, 5), {"2.1": (17.5, "Thu ngân sách đạt 96% dự toán"),
                                                        "2.3": (7, "Tỷ lệ hồ sơ trực tuyến toàn trình thấp")}),
    "UBND phường Tân Phú": ((5, 13, 17.5, 8.5, 8.5, 9, 5, 5), {}),
    "UBND phường Bình Minh": ((5, 14.5, 19, 9.5, 9, 9.5, 5, 5), {}),
    "UBND xã Phú Lộc": ((4, 12.5, 16, 8, 7, 8.5, 4.5, 4),
                        {"1.2": (11.5, "02 nhiệm vụ UBND tỉnh giao hoàn thành chậm")}),
    "UBND xã Thanh Sơn": ((5, 13, 17, 8.5, 8, 9, 5, 5), {}),
    "UBND xã Hưng Long": ((4, 12, 15.5, 8, 7.5, 8, 4, 4.5), {"2.2": (7, "Còn hồ sơ TTHC quá hạn không xin lỗi"),
                                                            "3.2": (3, "Chậm báo cáo định kỳ 3 kỳ")}),
    "UBND xã An Thạnh": ((5, 13.5, 17.5, 9, 8, 9, 5, 5), {}),
    "UBND xã Tân Lập": ((4.5, 12.5, 16.5, 8, 7.5, 8.5, 4.5, 4.5), {}),
    "UBND xã Đông Hòa": ((5, 13, 17, 8.5, 8, 8.5, 5, 5), {"3.1": (7.5, "Chưa kiện toàn xong các tổ chức phối hợp")}),
    "UBND xã Vĩnh Thạnh": ((4.5, 12, 16, 8, 7, 8, 4.5, 4.5), {}),
    "UBND phường Trường An": ((5, 14, 18.5, 9, 8.5, 9, 5, 5), {}),
}
PROVINCE_COLUMNS = ["Mã số", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự chấm",
                    "Lý giải việc chấm điểm", "Điểm thẩm định", "Ý kiến thẩm định"]


def province_example(folder: Path) -> None:
    """The register of units and one criteria table per evaluated unit, self and appraised points."""
    folder.mkdir(parents=True, exist_ok=True)
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh mục đơn vị"
    _title_block(sheet, ["DANH MỤC ĐƠN VỊ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG HOẠT ĐỘNG NĂM 2025 (SỐ LIỆU MINH HỌA)"], 12)
    _header(sheet, PROVINCE_HEADERS, [5, 30, 22, 20, 30, 11, 12, 30, 16, 20, 12, 40])
    for number, (unit, (_, body, symbol, signer, name, survey, reason)) in enumerate(PROVINCE_UNITS.items(), 1):
        so = unit.startswith("Sở")
        authority, position = signer or (None, None)
        place = None if so else unit.split(" ", 2)[2]
        sheet.append([number, unit, SO if so else XA, None, body, symbol, place, authority, position, name, survey,
                      reason])
    book.save(folder / "danh-muc-don-vi.xlsx")
    units = folder / "don-vi"
    units.mkdir(exist_ok=True)
    for number, (unit, (file, *_rest)) in enumerate(PROVINCE_UNITS.items(), 1):
        if file is None:
            continue
        own, appraisal = PROVINCE_POINTS[unit]
        book = Workbook()
        sheet = book.active
        sheet.title = "Tự chấm điểm"
        _title_block(sheet, ["BẢNG TỰ CHẤM ĐIỂM VÀ KẾT QUẢ THẨM ĐỊNH CHẤT LƯỢNG HOẠT ĐỘNG NĂM 2025"], 7)
        sheet.append(["Đơn vị:", unit])
        sheet.append(["Khối:", SO if unit.startswith("Sở") else XA])
        sheet.append([])
        _header(sheet, PROVINCE_COLUMNS, [8, 56, 10, 10, 30, 10, 36])
        leaves = iter(own)
        for code, title, maximum in PROVINCE_CRITERIA:
            if "." not in code:
                sheet.append([code, title, maximum])
            else:
                points = next(leaves)
                appraised, note = appraisal.get(code, (points, None))
                sheet.append([code, title, maximum, points, None, appraised, note])
            sheet.cell(sheet.max_row, 1).number_format = "@"
        book.save(units / f"{number:02d}-{file}.xlsx")  # read, and so numbered, in the register's order


# The same report with its scoring rules as data (docs/inputs.md mục 2.5): code → (Cách chấm, Số hoàn thành, Tổng số,
# Đơn vị tính, Mức đạt). The counts are the report's own (84 of 87, 2066 of 2094); the rules are those its points
# were computed by (rate × 3 and × 4) and its sub-rows' bands. 3.4 is left for the rule to score and its rationale
# for the program to draft (same 2 points, so the totals stay the published ones).
HUONG_TRA_2021_RULES = {
    "1.2.1": ("tỷ lệ × 3", 84, 87, "nhiệm vụ", None),
    "1.2.2": ("tỷ lệ × 4", 84, 87, "YKCD", None),
    "1.3": ("100%: 3; từ 95% - dưới 100%: 2; từ 90% - dưới 95%: 1", None, None, None, None),
    "2.2.2": ("100%: 3; từ 80% đến dưới 100%: 2; từ 70% đến dưới 80%: 1", 2066, 2094, "người", None),
    "3.1": ("có: 2; không: 0", None, None, None, "có"),
    "3.4": ("có: 2; không: 0", None, None, None, "có"),
}
RULE_HEADERS = ["Cách chấm", "Số hoàn thành", "Tổng số", "Đơn vị tính", "Mức đạt"]


def huong_tra_2021_rules(path: Path) -> None:
    book, sheet = _huong_tra_2021_sheet([*CRITERIA_HEADERS, *RULE_HEADERS], [8, 60, 10, 10, 60, 30, 12, 10, 12, 10])
    parent = None
    for code, title, maximum, points, rationale in HUONG_TRA_2021:
        parent = code or parent
        left = parent == "3.4"  # scored and explained by its rule
        rule = HUONG_TRA_2021_RULES.get(code, (None,) * 5) if code else (None,) * 5
        sheet.append([code or None, title, maximum, None if left else points, None if left else rationale or None,
                      *rule])
        sheet.cell(sheet.max_row, 1).number_format = "@"
        sheet.cell(sheet.max_row, 5).alignment = Alignment(wrap_text=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


if __name__ == "__main__":
    import sys

    chosen = sys.argv[1:]  # names of the builders to run (e.g. province_example); none: all
    for build, target in ((huong_tra_2020, "inputs/huong-tra-2020-xep-loai/diem-tham-dinh-2020.xlsx"),
                          (huong_tra_2021, "inputs/huong-tra-2021-tu-cham/tu-cham-6-thang-2021.xlsx"),
                          (batch_example, "tests/fixtures/dot-danh-gia-dang-cu/don-vi"),
                          (province_example, "inputs/vi-du-2025-dot-danh-gia-tinh"),
                          (huong_tra_2021_rules, "inputs/huong-tra-2021-cach-cham/tu-cham-6-thang-2021.xlsx")):
        if not chosen or build.__name__ in chosen:
            build(ROOT / target)

"""The input workbook `init` writes: an instructions sheet, the table to fill, the list of groups.

The table has the program's column headers, a frozen header row, cells formatted for what
they hold, and Excel's validation on every column (`validations`).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import partial
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.base.messages_init import CAMPAIGN_NOTES, REGISTER_NOTES
from pipeline.config.components import Component
from pipeline.config.kinds import REGISTER_STARTER, Kind, Source, Starter
from pipeline.new_job.settings_text import starter_of
from pipeline.new_job.validations import FIRST_ROW, GROUP_LIST, LIST_SHEET, column_rules, register_rules
from pipeline.read.columns import CRITERIA_TABLE, REGISTER_TABLE, UNIT_TABLE, TableSpec, unit_table
from pipeline.write.text_cells import as_text

GUIDE_SHEET = "Hướng dẫn"
HEADER_ROW = FIRST_ROW - 1
EMPTY_ROWS = 200
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_THIN = Side(style="thin", color="A6A6A6")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def input_workbook(kind: Kind, rows: list[dict[str, Any]], groups: list[str],
                   above: tuple[tuple[str, str], ...] = (), components: tuple[Component, ...] = ()) -> bytes:
    """The input workbook: instructions, the table (pre-filled `rows`, then empty rows), the group list.

    A campaign's unit workbook has `above` its header the lines naming the unit and its group. A units' table
    has the scheme's `components` as columns under their declared names, where they are not the usual appraised
    and survey points (`declared_layout`).
    """
    spec = UNIT_TABLE if kind.reads_unit_table else CRITERIA_TABLE
    notes = _NOTES[kind.source]
    starter, rules = starter_of(kind), column_rules
    if kind.reads_unit_table and components and not usual_components(components):
        spec, starter = unit_table(components), replace(starter, layout=declared_layout(starter.layout, components))
        rules = partial(column_rules, declared=components)
    return table_workbook(starter, spec, rules, rows, groups if kind.reads_unit_table else None, notes, above)


def usual_components(components: tuple[Component, ...]) -> bool:
    """Whether the components are the usual columns (appraised points, then survey points), as the kinds' layouts
    have them: the workbook is then the kind's own."""
    usual = [UNIT_TABLE.column(c).header for c in ("appraised_points", "survey_points")]
    return [c.name for c in components] == usual[:len(components)] and all(c.maximum is None for c in components)


def declared_layout(layout: tuple[tuple[str, int], ...], components: tuple[Component, ...]
                    ) -> tuple[tuple[str, int], ...]:
    """`layout` with the main component where the appraised points are and the others right after it, in the
    scheme's order, in place of the survey points."""
    width = dict(layout)["appraised_points"]
    columns: list[tuple[str, int]] = []
    for column, size in layout:
        if column == "appraised_points":
            columns += [(column, size), *((c.id, width) for c in components[1:])]
        elif column != "survey_points":
            columns.append((column, size))
    return tuple(columns)


def register_workbook(rows: list[dict[str, Any]], groups: list[str]) -> bytes:
    """A campaign's register of units: one row a unit, the group chosen from the job's groups."""
    return table_workbook(REGISTER_STARTER, REGISTER_TABLE, register_rules, rows, groups,
                          [*REGISTER_NOTES, *_UNIT_NOTES], ())


def table_workbook(starter: Starter, spec: TableSpec,
                   rules_of: Callable[[Mapping[str, str]], dict[str, DataValidation]],
                   rows: list[dict[str, Any]], groups: list[str] | None, notes: list[str],
                   above: tuple[tuple[str, str], ...]) -> bytes:
    """Instructions, the table sheet with a validation on every column, and (with `groups`) the group list."""
    book = Workbook()
    guide = book.active
    assert isinstance(guide, Worksheet)  # a new workbook's one sheet
    guide.title = GUIDE_SHEET
    sheet = book.create_sheet(starter.sheet)
    letters = {column: get_column_letter(i) for i, (column, _) in enumerate(starter.layout, 1)}
    last = HEADER_ROW + len(rows) + EMPTY_ROWS
    rules = rules_of(letters)
    _table_sheet(sheet, starter, spec, rows, last, above)
    for column, letter in letters.items():
        rules[column].add(f"{letter}{FIRST_ROW}:{letter}{last}")
        sheet.add_data_validation(rules[column])
    _guide_sheet(guide, starter, spec, rules, notes)
    if groups is not None:
        _group_sheet(book, groups)
    guide.sheet_view.tabSelected = False  # else Excel opens both sheets grouped and typing goes to both
    book.active = sheet
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _table_sheet(sheet: Worksheet, starter: Starter, spec: TableSpec, rows: list[dict[str, Any]], last: int,
                 above: tuple[tuple[str, str], ...]) -> None:
    sheet.cell(1, 1, starter.title).font = Font(bold=True, size=14)
    if not above:
        sheet.cell(2, 1, f"Cách điền: xem trang \"{GUIDE_SHEET}\". Chọn một ô để xem gợi ý.").font = Font(italic=True)
    for row, (label, value) in enumerate(above, 2):  # "Đơn vị:" and "Khối:" above the header row
        sheet.cell(row, 1, label).font = Font(bold=True)
        as_text(sheet.cell(row, 2, value or None)).font = Font(bold=True)
    for index, (column, width) in enumerate(starter.layout, 1):
        header = sheet.cell(HEADER_ROW, index, spec.column(column).header)
        header.font = Font(bold=True)
        header.fill = _HEADER_FILL
        header.border = _GRID
        header.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = width
        number = spec.column(column).number or column == "order"
        for row in range(FIRST_ROW, last + 1):
            cell = sheet.cell(row, index)
            cell.border = _GRID
            cell.number_format = "General" if number else "@"
            cell.alignment = Alignment(vertical="top", wrap_text=not number)
    for offset, values in enumerate(rows, FIRST_ROW):
        for index, (column, _) in enumerate(starter.layout, 1):
            if values.get(column) is not None:
                as_text(sheet.cell(offset, index, values[column]))  # names from an earlier job stay text
    sheet.row_dimensions[HEADER_ROW].height = 48
    sheet.freeze_panes = f"A{FIRST_ROW}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    assert sheet.sheet_properties.pageSetUpPr is not None  # a new sheet has its page setup properties
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _group_sheet(book: Workbook, groups: list[str]) -> None:
    """The group names the "Khối" drop-down offers; the list grows with the names written below."""
    sheet = book.create_sheet(LIST_SHEET)
    sheet.cell(1, 1, "Danh sách khối (ghi đúng tên các khối trong thiết lập của công việc, mỗi tên một dòng, "
                     "không để dòng trống ở giữa)").font = Font(bold=True)
    sheet.column_dimensions["A"].width = 60
    for row, name in enumerate(groups, 2):
        as_text(sheet.cell(row, 1, name))
    book.defined_names[GROUP_LIST] = DefinedName(
        GROUP_LIST, attr_text=f"OFFSET('{LIST_SHEET}'!$A$2,0,0,MAX(1,COUNTA('{LIST_SHEET}'!$A$2:$A$500)),1)")


def _guide_sheet(sheet: Worksheet, starter: Starter, spec: TableSpec, rules: Mapping[str, DataValidation],
                 notes: list[str]) -> None:
    """Instructions, one sentence a row in column A: no row holds two column headers, so the reader skips it."""
    lines: list[tuple[str, bool]] = [(f"HƯỚNG DẪN ĐIỀN {starter.title}", True)]
    where = (f"Bảng nhập liệu ở trang \"{starter.sheet}\": dòng {HEADER_ROW} là dòng tiêu đề, điền từ dòng "
             f"{FIRST_ROW} trở xuống. Chương trình bỏ qua trang hướng dẫn này.")
    lines += [(where, False), (starter.intro, False), ("", False), ("Các cột", True)]
    lines += [(f"• \"{spec.column(column).header}\": {rules[column].prompt}", False) for column, _ in starter.layout]
    lines += [("", False), ("Lưu ý", True), *((f"• {note}", False) for note in notes + _COMMON_NOTES)]
    lines += [("", False), ("Sau khi điền", True), *((line, False) for line in _AFTER)]
    sheet.column_dimensions["A"].width = 120
    for row, (text, bold) in enumerate(lines, 1):
        cell = sheet.cell(row, 1, text or None)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.font = Font(bold=bold, size=14 if row == 1 else 11)


_UNIT_NOTES = [
    (f"Thêm khối: thêm khối trong thiết lập của công việc (mục các khối xếp hạng) và ghi tên khối vào trang "
     f"\"{LIST_SHEET}\", ngay dưới tên cuối cùng; danh sách chọn ở cột \"Khối\" tự có tên mới."),
]
_CRITERIA_NOTES = [
    ("Tiêu chí cha \"cộng\": điểm chuẩn bằng tổng điểm chuẩn các mục con. Tiêu chí cha \"chọn một\": các mục "
     "con là các mức (ví dụ trước thời hạn 5, đúng thời hạn 3), điểm chuẩn bằng mức cao nhất, chỉ chấm một mức."),
    ("Dòng tổng, điểm thưởng, điểm trừ: để trống mã số, ghi \"TỔNG ĐIỂM\", \"Điểm thưởng …\" hoặc \"Điểm trừ …\" "
     "ở cột nội dung; điểm trừ ghi số dương."),
    "Cột mã số đã định dạng Văn bản để Excel không đổi 1.10 thành 1.1; giữ nguyên định dạng này.",
]
_NOTES = {Source.CRITERIA: _CRITERIA_NOTES, Source.UNITS: _UNIT_NOTES,
          Source.CAMPAIGN: [*_CRITERIA_NOTES, *CAMPAIGN_NOTES]}  # a kind's own notes on its table
_COMMON_NOTES = [
    "Số thập phân viết 72,2 hoặc 72.2, không dùng dấu phân cách hàng nghìn. Ô điểm để trống là chưa có điểm.",
    "Không đổi tên các cột ở dòng tiêu đề. Có thể thêm cột riêng với tên khác hẳn: chương trình bỏ qua.",
    "Dòng trống được bỏ qua. Chèn thêm dòng ở giữa bảng thì dòng mới có sẵn định dạng và kiểm tra nhập liệu.",
    "Lưu tệp dạng Excel Workbook (.xlsx), không đặt mật khẩu, giữ đúng tên tệp: chương trình tìm số liệu theo tên tệp.",
]
_AFTER = [
    "1. Đưa tệp đã điền vào công việc (thay tệp cũ cùng tên).",
    ("2. Điền thông tin văn bản (cơ quan ban hành, số, ngày, người ký) trong thiết lập của công việc; các thông tin "
     "này không ghi trong tệp này."),
    ("3. Kiểm tra: chương trình báo mọi lỗi một lần (tệp, trang tính, dòng, cột và cách sửa); sửa trong tệp này rồi "
     "kiểm tra lại."),
    "4. Khi không còn lỗi: lập văn bản.",
]

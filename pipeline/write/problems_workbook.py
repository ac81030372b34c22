"""The error list of `check --errors loi.xlsx`: one row per problem, for staff to work through."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from pipeline.base.errors import Problem
from pipeline.base.messages import COMMAND_LINE, Audience, explain
from pipeline.base.messages_desk import file_name
from pipeline.write.text_cells import as_text


def problems_workbook(problems: tuple[Problem, ...] | list[Problem], audience: Audience = COMMAND_LINE) -> bytes:
    """One row per problem — where it is and what is wrong — for staff to work through, in `audience`'s words."""
    book = Workbook()
    sheet = book.worksheets[0]  # the one sheet a new workbook has
    sheet.title = "Danh sách lỗi"
    sheet.append(["TT", "Tệp", "Trang tính", "Dòng", "Cột", "Giá trị", "Lỗi và cách sửa"])
    for n, found in enumerate(problems, 1):
        where = file_name(found.file, audience, found.row is not None) if found.file else found.file
        sheet.append([n, where, found.sheet, found.row, found.column, found.value, explain(found, audience)])
        for cell in sheet[sheet.max_row]:
            as_text(cell)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFG", (5, 28, 18, 7, 24, 20, 100), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=2, min_col=7, max_col=7):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()

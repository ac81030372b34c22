"""The results workbook: one sheet per group (score, rank, label, reason), and a summary.

Built in memory as bytes; `writing` puts it on disk. Numbers stay numbers (exact
`Decimal` values), so staff can sort and check them in Excel.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from pipeline.read.columns import CRITERIA_TABLE, UNIT_TABLE
from pipeline.base.archive import zipped

if TYPE_CHECKING:
    from pipeline.scoring.result import JobResult

FIXED_TIME = b"2000-01-01T00:00:00Z"
_OPTIONAL = ("max_points", "applicable_max", "survey_points", "bonus", "penalty")


def reproducible(workbook: bytes) -> bytes:
    """The workbook with openpyxl's clock removed: fixed document dates and zip entry times.

    The same results then give the same bytes, so `manifest.json` hashes identify them.
    """
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts["docProps/core.xml"] = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>" + FIXED_TIME,
                                        parts["docProps/core.xml"])
    return zipped(parts)


def results_workbook(result: JobResult) -> bytes:
    scheme = result.settings.scheme
    score_format = "0." + "0" * scheme.decimals if scheme.fixed_decimals and scheme.decimals else "General"
    book = Workbook()
    book.remove(book.active)
    units = result.units
    optional = [c for c in _OPTIONAL if c in units and units[c].notna().any()]
    points_header = "Điểm tự chấm" if result.criteria is not None else UNIT_TABLE.column("appraised_points").header
    headers = ["TT", "Đơn vị", *(UNIT_TABLE.column(c).header for c in optional), points_header,
               "Kết quả đánh giá", "Xếp loại", "Xếp hạng", "Lý do không đánh giá", "Ghi chú"]
    for group in result.settings.groups:
        sheet = book.create_sheet(_sheet_title(group.name, book.sheetnames))
        sheet.append(headers)
        members = units[units["group"] == group.name].to_dict("records")
        for row, unit in enumerate(members, 2):  # counted here: asking the sheet for its last row is linear
            sheet.append([unit["position"], unit["unit"], *(unit[c] for c in optional), unit["appraised_points"],
                          unit["score"], unit["label"], unit["rank"], unit["reason"] or None, unit["note"] or None])
            sheet.cell(row, len(headers) - 5).number_format = score_format
        _style(sheet, [6, 34, *([14] * len(optional)), 14, 14, 12, 10, 40, 24])
    summary = book.create_sheet("Tổng hợp", 0)
    summary.append(["Khối", "Xếp loại", "Số đơn vị"])
    for _, row in result.counts.iterrows():
        summary.append([row["group"], row["label"], row["count"]])
    for group in result.settings.groups:
        members = units[units["group"] == group.name]
        summary.append([group.name, "Không đánh giá", int((~members["evaluated"].astype(bool)).sum())])
    _style(summary, [40, 20, 12])
    if result.criteria is not None:
        _criteria_sheet(book, result)
    stream = io.BytesIO()
    book.save(stream)
    return reproducible(stream.getvalue())


def _criteria_sheet(book: Workbook, result: JobResult) -> None:
    sheet = book.create_sheet("Tiêu chí")
    sheet.append([*(CRITERIA_TABLE.column(c).header for c in ("code", "title", "max_points")), "Điểm tự chấm (tính lại)",
                  CRITERIA_TABLE.column("rationale").header])
    for row in result.criteria:
        points = row["points"] if row["role"] == "criterion" else row["self_points"]
        sheet.append([row["code"], row["title"], row["max_points"], points, row["rationale"] or None])
        if row["role"] == "criterion" and row["level"] == 1:
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
    totals = result.totals
    if totals is not None:
        sheet.append([None, "TỔNG ĐIỂM", totals.max_points, totals.points, None])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
    _style(sheet, [8, 60, 12, 14, 60])


def _style(sheet: Any, widths: list[int]) -> None:
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"


def _sheet_title(name: str, taken: list[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "-", name)[:31] or "Khối"
    title, n = base, 2
    while title in taken:
        title = f"{base[:28]} ({n})"
        n += 1
    return title

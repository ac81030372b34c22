"""What the results workbook adds for the previous period and the charts.

With `[previous]`, each group's sheet ends with the previous period's score, rank and label and the
changes (exact numbers, formatted as the scores are; the rank change as the decision prints it, "↑3",
"mới"); with the summary's charts, a "Biểu đồ" sheet holds each group's PNGs one under another.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.drawing.image import Image
from openpyxl.styles import Font

from pipeline.figures.period_text import rank_change_text
from pipeline.read.results_layout import CHANGE_HEADERS, SHEETS, change_format
from pipeline.write.sheet_rows import SheetRows, formatted

if TYPE_CHECKING:
    from openpyxl import Workbook

    from pipeline.scoring.result import JobResult

ROW_PIXELS = 20  # Excel's default row height (15 pt) in pixels: where the next chart starts


def change_cells(sheet: SheetRows, result: JobResult, unit: dict[str, Any], score_format: str) -> list[Any]:
    """The unit's previous score, rank, label, score change, rank change and previous name(s)."""
    if result.changes is None:
        return []
    change = result.changes.get((unit["group"], unit["unit"]))
    if change is None:
        return [None] * len(CHANGE_HEADERS)

    difference = formatted(sheet, change.score_change, score_format)  # its format first, as a cell's was set before
    if difference is not None:  # a change of a percentage is in points: "+1,25", not "+1,25%"
        difference = formatted(sheet, change.score_change, change_format(score_format))
    return [formatted(sheet, change.previous_score, score_format), change.previous_rank, change.previous_label or None,
            difference,
            rank_change_text(change) or None, ", ".join(change.previous_names) or None]


def charts_sheet(book: Workbook, charts: list[tuple[str, list[bytes]]]) -> None:
    """Each group's name in bold, its charts below, one under another."""
    sheet = book.create_sheet(SHEETS["charts"])
    titles: dict[int, str] = {}
    row = 1
    for group, pngs in charts:
        if not pngs:
            continue
        titles[row] = group
        row += 1
        for png in pngs:
            image = Image(io.BytesIO(png))
            sheet.add_image(image, f"A{row}")
            row += -(-image.height // ROW_PIXELS) + 1  # the rows it covers, and one between
        row += 1
    for number in range(1, max(titles, default=0) + 1):  # a write-only sheet takes its rows in order
        if number in titles:
            cell = WriteOnlyCell(sheet, titles[number])
            cell.font = Font(bold=True)
            sheet.append([cell])
        else:
            sheet.append([])

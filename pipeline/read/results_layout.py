"""The results workbook's layout (ket-qua.xlsx), declared once: its sheets, their headers, widths and number formats.

The writer (`write.results_workbook`) lays the workbook out from these declarations and the reader of a previous
period (`scoring.previous_period`) finds its sheets and columns by them, so the two never disagree: a header
renamed here is written and read under its new name. Texts are looked up when used (`HEADERS["rank"]`), not copied.

A group's sheet: "TT", "Đơn vị", the typed columns a unit has (maxima, the scheme's printed components, bonus,
penalty), the main component where it is not the score, the score, "Xếp loại" (a classified kind), "Xếp hạng",
"Lý do không đánh giá", "Ghi chú", and with a previous period its six columns of change. The summary sheet
"Tổng hợp" counts each group's units per label ("Được xếp hạng" for a group ranked without labels), then one row
"Không đánh giá" per group in the order of the groups' sheets: the order the reader takes the groups in.
"""

from __future__ import annotations

from typing import Any

from pipeline.base.messages_checks import REVIEW_SHEET
from pipeline.base.messages_summary import CHARTS
from pipeline.read.columns import INDEX_HEADERS

# Every sheet that is not a group's ("History" is Excel's own name, refused for a sheet): a group's sheet is
# never given one of these names, and the reader takes any other sheet for a group's.
SHEETS = {"summary": "Tổng hợp", "ties": "Đồng điểm", "criteria": "Tiêu chí", "compared": "Tự chấm - thẩm định",
          "by_criterion": "Theo tiêu chí", "history": "History", "review": REVIEW_SHEET,
          "as_published": "Tổng như công bố", "charts": CHARTS.sheet}

# The headers of a group's sheet (and of the other sheets' same columns).
HEADERS = {"position": "TT", "group": "Khối", "unit": "Đơn vị", "self_points": "Điểm tự chấm",
           "score": "Kết quả đánh giá", "percent": "Tỷ lệ đạt", "label": "Xếp loại", "rank": "Xếp hạng",
           "reason": "Lý do không đánh giá", "note": "Ghi chú"}
OLDER_SCORE_HEADERS = ("Điểm đánh giá",)  # a score header earlier versions wrote, still read
CHANGE_HEADERS = ("Kết quả kỳ trước", "Xếp hạng kỳ trước", "Xếp loại kỳ trước", "Điểm tăng (+), giảm (−)",
                  "Hạng so với kỳ trước", "Đơn vị kỳ trước")
CHANGE_WIDTHS = (14, 12, 12, 14, 14, 40)

# "Tổng hợp": its headers ("Kết quả" in place of "Xếp loại" when no group is classified) and its rows' texts.
SUMMARY = {"outcome": "Kết quả", "count": "Số đơn vị", "ranked": "Được xếp hạng", "not_evaluated": "Không đánh giá"}
SUMMARY_WIDTHS = (40, 20, 12)

# The other sheets: each column's header and width.
TIES = (("Khối", 40), (None, 14), ("Các đơn vị", 60), ("Xếp hạng, vì sao", 80))  # None: the score's header
CRITERIA_POINTS, CRITERIA_TOTAL = "Điểm tự chấm (tính lại)", "TỔNG ĐIỂM"
CRITERIA_WIDTHS = (8, 60, 12, 14, 60)
COMPARED = ("Tổng điểm tự chấm", "Tổng điểm thẩm định", "Chênh lệch (thẩm định − tự chấm)")
AS_PUBLISHED = (("Khối", 30), ("Đơn vị", 34), ("Cột", 20), ("Tổng đã công bố (giữ nguyên)", 16),
                ("Tổng tính từ các thành phần", 16), ("Chênh lệch", 12), ("Phạm vi làm tròn", 12))
BY_CRITERION = ("Số đơn vị thẩm định", "Số đơn vị bị trừ điểm", "Tổng số điểm bị trừ", "Bình quân mỗi đơn vị bị trừ",
                "Bị trừ nhiều nhất", "Đơn vị bị trừ nhiều nhất")
BY_CRITERION_WIDTHS = (8, 60, 12, 12, 12, 12, 14, 12, 34)

# Number formats: numbers stay numbers, shown as the documents print them, in the separator of the reader's Excel.
GENERAL = "General"  # Excel's own: a number as typed, trailing zeros dropped
MAXIMA = ("max_points", "applicable_max")  # limits, shown as typed ("71,5", "100"), not at a column's decimals


def decimals_format(places: int) -> str:
    """An Excel number format with exactly `places` decimals: `"0.000"` shows 87.17 as "87,170" in a
    Vietnamese Excel (the separator is the reader's, the stored value unchanged)."""
    return "0." + "0" * places if places else "0"


def score_format(scheme: Any) -> str:
    """The score cells' format: the scheme's decimals when fixed, as typed otherwise; "%" as a literal sign
    (the number stays 96.85, shown "96,85%", no ×100)."""
    shown = decimals_format(scheme.decimals) if scheme.fixed_decimals else GENERAL
    return shown + '"%"' if scheme.percent else shown


def change_format(score: str) -> str:
    """A change's format from the scores' one: signed ("+1,25", "−0,50"), in points even for a percentage."""
    signed = score.replace('"%"', "")
    return f'"+"{signed};"−"{signed};{signed}'


def score_header(scheme: Any, index: str = "") -> str:
    """The score column's header: the index's name for an index-only table, "Tỷ lệ đạt" in "%", else the default."""
    return index or (HEADERS["percent"] if scheme.percent else HEADERS["score"])


def score_headers() -> tuple[str, ...]:
    """Every header a score column of a group's sheet may have (`score_header`), older ones included."""
    return (HEADERS["score"], *OLDER_SCORE_HEADERS, HEADERS["percent"], *INDEX_HEADERS)


def group_columns(typed: list[str], points: str | None, score: str, classified: bool,
                  changes: bool) -> list[tuple[str, int]]:
    """A group's sheet's columns, each (header, width): `typed` the headers of the typed columns a unit has,
    `points` the main component's header where it is printed beside the score."""
    return [(HEADERS["position"], 6), (HEADERS["unit"], 34), *((header, 14) for header in typed),
            *([(points, 14)] if points else []), (score, 14), *([(HEADERS["label"], 12)] if classified else []),
            (HEADERS["rank"], 10), (HEADERS["reason"], 40), (HEADERS["note"], 24),
            *(zip(CHANGE_HEADERS, CHANGE_WIDTHS, strict=True) if changes else [])]


def compared_columns(score: str, classified: bool) -> list[tuple[str, int]]:
    """The columns of "Tự chấm - thẩm định": each unit's two totals and their difference beside its result."""
    return [(HEADERS["position"], 6), (HEADERS["group"], 30), (HEADERS["unit"], 34),
            *zip(COMPARED, (14, 14, 16), strict=True), (score, 14), *([(HEADERS["label"], 12)] if classified else []),
            (HEADERS["rank"], 10), (HEADERS["reason"], 40)]


def summary_headers(classified: bool) -> list[str]:
    return [HEADERS["group"], HEADERS["label"] if classified else SUMMARY["outcome"], SUMMARY["count"]]


def group_sheet(name: str | None) -> bool:
    """Whether a sheet of the workbook is a group's (any sheet but those `SHEETS` declares)."""
    return name not in SHEETS.values()

"""The rows of the "Cần xem lại" sheet of ket-qua.xlsx: one finding on typed numbers a row (`scoring.checks`).

Each row says where (file, sheet, row), which criterion, what was stated, what it should be, the points that
implies and the points typed, then the whole message as the run prints it (without the place).
"""

from __future__ import annotations

from typing import Any

from pipeline.base.errors import Problem
from pipeline.base.messages import explain

REVIEW_WIDTHS = (5, 28, 16, 7, 8, 34, 34, 30, 12, 90)


def review_rows(findings: tuple[Problem, ...] | list[Problem]) -> list[list[Any]]:
    """TT, Tệp, Trang tính, Dòng, Mã số, Đã ghi, Đúng ra, Điểm theo đúng ra, Điểm đã chấm, Nội dung."""
    rows = []
    for number, finding in enumerate(findings, 1):
        text = explain(finding)
        rows.append([number, finding.file, finding.sheet, finding.row, finding.detail("code") or None,
                     finding.detail("stated") or None, finding.detail("expected") or None,
                     finding.detail("implied_points") or None, finding.detail("typed") or None,
                     text[:1].upper() + text[1:]])
    return rows

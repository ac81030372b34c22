"""Text longer than an Excel cell holds (32 767 characters) is refused at its cell, not cut in ket-qua.xlsx."""

from __future__ import annotations

import csv

import pytest

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.flow import check_job
from tests.campaign.conftest import JOB, POINTS, REGISTER, REGISTER_HEADER, unit_rows


def written_csv(path, rows) -> None:
    """Rows as a CSV file: a cell as long as one likes (Excel and openpyxl cut a workbook's cells at 32 767)."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([["" if cell is None else cell for cell in row] for row in rows])


def test_a_reason_longer_than_an_excel_cell_holds_is_refused_at_its_register_cell(campaign):
    register = [row[:] for row in REGISTER]
    register[4][11] = "Không đánh giá do sắp xếp đơn vị hành chính. " * 1000  # 46 000 characters
    folder = campaign(job=JOB.replace('register = "danh-muc-don-vi.xlsx"', 'register = "danh-muc-don-vi.csv"'))
    (folder / "danh-muc-don-vi.xlsx").unlink()
    written_csv(folder / "danh-muc-don-vi.csv", [["DANH MỤC ĐƠN VỊ"], [], REGISTER_HEADER, *register])
    with pytest.raises(InputErrors) as refused:
        check_job(folder)
    [found] = refused.value.problems
    assert found.reason is Reason.TEXT_TOO_LONG
    reason = register[4][11].strip()
    count = f"{len(reason):,}".replace(",", ".")
    assert describe(found).startswith(
        f'Tệp danh-muc-don-vi.csv, dòng 8, cột "Lý do không đánh giá": ô có {count} ký tự ("{reason[:60]}…"), '
        'nhiều hơn một ô Excel giữ được (32.767 ký tự), nên bảng kết quả ket-qua.xlsx sẽ bị cắt mất phần sau.')


def test_a_unit_name_longer_than_an_excel_cell_holds_is_refused_at_its_line(campaign):
    folder = campaign()
    own, appraised = POINTS["Sở Tư pháp"]
    (folder / "don-vi" / "02.xlsx").unlink()
    written_csv(folder / "don-vi" / "02.csv", unit_rows("Sở Tư pháp " + "x" * 40000, own, appraised))
    with pytest.raises(InputErrors) as refused:
        check_job(folder)
    found = [p for p in refused.value.problems if p.reason is Reason.TEXT_TOO_LONG]
    assert [(p.file, p.row) for p in found] == [("02.csv", 3)] and "40.011 ký tự" in describe(found[0])

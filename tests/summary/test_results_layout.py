"""The results workbook's layout is declared once: what the program writes, it reads back as a previous period.

The figures expected are the units the job computes (score, rank, label, reason), not what the workbook holds;
a header or sheet renamed in the declaration must be both written and read under its new name.
"""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from pipeline.flow import check_job, run_job
from pipeline.read import results_layout
from pipeline.read.job_folder import read_data_file, read_settings, read_sheets
from pipeline.scoring.evaluate import evaluate
from pipeline.scoring.previous_period import past_from_workbook, past_units
from pipeline.scoring.previous_table import past_from_table
from pipeline.write.results_workbook import results_workbook
from tests.conftest import INPUTS
from tests.scoring.test_totals_as_published import NOI_VU, job_with
from tests.summary.conftest import CURRENT, PREVIOUS


def read_back(path) -> list:
    units, problems = past_from_workbook(read_data_file(path), "previous.results")
    assert problems == []
    return units


def computed(folder) -> list:
    settings = read_settings(folder)
    return past_units(evaluate(settings, read_sheets(settings)).units)


def test_a_campaign_workbook_with_every_sheet_is_read_back_with_the_figures_it_computed(pair):
    """The 2025 campaign's ket-qua.xlsx has the comparison sheets, change columns and charts besides its groups."""
    path = pair[CURRENT] / "ket-qua.xlsx"
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    assert {"Tự chấm - thẩm định", "Theo tiêu chí", "Biểu đồ"} <= set(names)
    expected = past_units(check_job(INPUTS / CURRENT, workers=1).units)
    assert any(not u.evaluated for u in expected) and any(u.label for u in expected)
    assert read_back(path) == expected


@pytest.mark.parametrize("job", ["vi-du-2024-bang-xep-hang-cchc", "huong-tra-2020-xep-loai",
                                 "thanh-hoa-so-nganh-chi-so-cchc", "tay-ninh-2023-chi-so-cchc",
                                 "vinh-phuc-2019-chi-so-cchc"])
def test_an_example_workbook_is_read_back_as_a_previous_period_with_the_same_figures(job, tmp_path):
    path = tmp_path / "ket-qua.xlsx"
    settings = read_settings(INPUTS / job)
    path.write_bytes(results_workbook(evaluate(settings, read_sheets(settings))))
    expected = computed(INPUTS / job)
    assert expected and read_back(path) == expected


def test_a_workbook_with_totals_kept_as_published_is_read_back_with_the_totals_kept(tmp_path):
    """"Tổng như công bố" is none of the groups' sheets: the workbook is read, with the published total."""
    run = run_job(job_with(tmp_path, {"Sở Nội vụ": NOI_VU + Decimal("0.001")}, "as-published"), tmp_path / "out",
                  workers=1)
    path = tmp_path / "out" / "ket-qua.xlsx"
    assert "Tổng như công bố" in openpyxl.load_workbook(path, read_only=True).sheetnames
    units = read_back(path)
    assert units == past_units(run.result.units)
    assert next(u.score for u in units if u.unit == "Sở Nội vụ") == Decimal("97.686")


# Headers no reader knows by itself (none is a unit, rank, score or label header of a published table).
RENAMED = {"unit": "Cơ quan được chấm", "score": "Điểm kết quả", "label": "Loại", "rank": "Hạng của đơn vị",
           "reason": "Vì sao không đánh giá"}


def test_a_header_renamed_in_the_declaration_is_written_and_read_under_its_new_name(tmp_path, monkeypatch):
    for key, header in RENAMED.items():
        monkeypatch.setitem(results_layout.HEADERS, key, header)
    monkeypatch.setitem(results_layout.SHEETS, "summary", "Tổng hợp kết quả")
    monkeypatch.setitem(results_layout.SUMMARY, "not_evaluated", "Chưa đánh giá")
    settings = read_settings(INPUTS / PREVIOUS)
    path = tmp_path / "ket-qua.xlsx"
    path.write_bytes(results_workbook(evaluate(settings, read_sheets(settings))))
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames[0] == "Tổng hợp kết quả"
    header = next(book[book.sheetnames[1]].iter_rows(max_row=1, values_only=True))
    assert set(RENAMED.values()) <= set(header) and not {"Đơn vị", "Xếp hạng", "Xếp loại"} & set(header)
    expected = computed(INPUTS / PREVIOUS)
    assert any(u.label for u in expected) and any(not u.evaluated for u in expected)
    assert read_back(path) == expected
    # a group's sheet taken as a table of ranks: its units ranked, by the same headers (a table has no "Khối")
    ranks, problems = past_from_table(read_data_file(path), "previous.table")
    first = [u for u in expected if u.group == expected[0].group and u.evaluated]
    assert problems == [] and [(u.unit, u.score, u.rank, u.label) for u in ranks] == [
        (u.unit, u.score, u.rank, u.label) for u in first]

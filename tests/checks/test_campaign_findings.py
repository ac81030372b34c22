"""A campaign's unit tables are checked like a report's: a finding of a unit's rationale is in the run's findings
(from the worker that read the unit), in the "Cần xem lại" sheet, and a comment in that unit's report."""

from __future__ import annotations

import zipfile

import openpyxl

from pipeline.base.errors import Reason
from pipeline.flow import run_job
from tests.campaign.conftest import JOB, write_campaign


def test_a_units_wrong_rate_is_found_and_commented_in_its_report(tmp_path):
    folder = write_campaign(tmp_path / "dot", job=JOB + "\n[checks]\ncomments = true\n")
    path = folder / "don-vi" / "02.xlsx"  # Sở Tư pháp
    book = openpyxl.load_workbook(path)
    sheet = book.active
    sheet["G5"], sheet["G8"] = "Lý giải", "Hoàn thành 19/20 nhiệm vụ, đạt 90%"  # 19/20 is 95 %
    book.save(path)
    run = run_job(folder, tmp_path / "ra")
    (finding,) = run.result.findings
    assert finding.reason is Reason.STATED_RATE_MISMATCH
    assert (finding.file, finding.row, finding.detail("code")) == ("02.xlsx", 8, "1.2")
    assert (finding.detail("stated"), finding.detail("expected")) == ("19/20 nhiệm vụ đạt 90%", "19/20 = 95%")
    review = list(openpyxl.load_workbook(tmp_path / "ra" / "ket-qua.xlsx")["Cần xem lại"].iter_rows(values_only=True))
    assert review[1][1:5] == ("02.xlsx", "Tự chấm", 8, "1.2")
    reports = sorted((tmp_path / "ra" / "bao-cao").glob("*.docx"))
    commented = [p.name for p in reports if "word/comments.xml" in zipfile.ZipFile(p).namelist()]
    assert len(commented) == 1 and "tu-phap" in commented[0]  # Sở Tư pháp's report only

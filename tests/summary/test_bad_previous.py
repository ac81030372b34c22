"""A previous period the program cannot use is refused with where and why; a results workbook it wrote is read
exactly, to the same units, scores, ranks and labels as computing the job again."""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.flow import check_job, run_job
from pipeline.read.job_folder import read_data_file, read_settings, read_sheets
from pipeline.scoring.evaluate import evaluate
from pipeline.scoring.previous_period import past_from_workbook, past_units
from tests.conftest import INPUTS, OLD_CAMPAIGN, job_folder, write_workbook
from tests.summary.conftest import PREVIOUS


@pytest.fixture
def current(tmp_path):
    """The 2024 job copied as "this period", to be given a [previous] of some kind."""
    folder = tmp_path / "hien-tai"
    shutil.copytree(INPUTS / PREVIOUS, folder)

    def with_previous(previous: str):
        settings = folder / "job.toml"
        settings.write_text(settings.read_text(encoding="utf-8") + "\n[previous]\n" + previous, encoding="utf-8")
        return folder
    return with_previous


def _refused(folder) -> list:
    with pytest.raises(InputErrors) as caught:
        check_job(folder)
    return list(caught.value.problems)


def test_a_missing_previous_folder_is_refused_with_the_key_and_path(current):
    folder = current('job = "../khong-co-2023"\n')
    [found] = _refused(folder)
    assert (found.reason, found.file, found.detail("key")) == (Reason.PREVIOUS_MISSING, "job.toml", "previous.job")
    assert found.value == "../khong-co-2023" and "thư mục công việc có tệp job.toml" in describe(found)
    assert found.detail("resolved") == str(folder.parent / "khong-co-2023")


def test_a_file_that_is_no_workbook_is_refused(current, tmp_path):
    (tmp_path / "ket-qua.xlsx").write_text("không phải tệp Excel", encoding="utf-8")
    [found] = _refused(current(f'results = "{tmp_path / "ket-qua.xlsx"}"\n'))
    assert found.reason is Reason.PREVIOUS_UNREADABLE and "hỏng" in describe(found)


def test_a_workbook_without_the_summary_sheet_is_refused_saying_so(current, tmp_path):
    write_workbook(tmp_path / "ket-qua.xlsx", {"Bảng": [["TT", "Đơn vị"], [1, "Sở Nội vụ"]]})
    [found] = _refused(current(f'results = "{tmp_path / "ket-qua.xlsx"}"\n'))
    assert found.reason is Reason.PREVIOUS_UNREADABLE and 'không có trang "Tổng hợp"' in describe(found)


def test_a_score_that_is_not_a_number_is_refused_at_its_cell(current, tmp_path):
    write_workbook(tmp_path / "ket-qua.xlsx", {
        "Tổng hợp": [["Khối", "Xếp loại", "Số đơn vị"], ["Sở, ban, ngành", "Tốt", 1],
                     ["Sở, ban, ngành", "Không đánh giá", 0]],
        "Sở, ban, ngành": [["TT", "Đơn vị", "Kết quả đánh giá", "Xếp loại", "Xếp hạng", "Lý do không đánh giá"],
                           [1, "Sở Nội vụ", "chín mươi", "Tốt", 1, None]]})
    [found] = _refused(current(f'results = "{tmp_path / "ket-qua.xlsx"}"\n'))
    assert (found.reason, found.sheet, found.row, found.column) == (Reason.PREVIOUS_UNREADABLE, "Sở, ban, ngành", 2,
                                                                    "Kết quả đánh giá")


def test_a_renamed_unit_of_neither_period_is_refused_with_the_name_it_may_be(current, tmp_path):
    out = run_job(INPUTS / PREVIOUS, tmp_path / "truoc").manifest.parent
    found = _refused(current(f'results = "{out / "ket-qua.xlsx"}"\n[previous.renames]\n'
                             '"Sở Nội vụ" = "Sở Nội vu cũ"\n"Sở Ngoại vụ" = "Sở Tư pháp"\n'))
    assert [(p.reason, p.value, p.detail("key")) for p in found] == [
        (Reason.PREVIOUS_UNKNOWN_UNIT, "Sở Nội vu cũ", 'previous.renames."Sở Nội vụ"'),
        (Reason.PREVIOUS_UNKNOWN_UNIT, "Sở Ngoại vụ", 'previous.renames."Sở Ngoại vụ"')]
    assert "kỳ này" in describe(found[1])


def test_a_previous_job_with_errors_is_refused_with_its_own_problems(current, tmp_path):
    broken = tmp_path / "cu"
    shutil.copytree(INPUTS / PREVIOUS, broken)
    data = broken / "diem-tham-dinh-2024.csv"
    data.write_text(data.read_text(encoding="utf-8").replace("96,20", "chín sáu"), encoding="utf-8")
    found = _refused(current('job = "../cu"\n'))
    assert [p.reason for p in found] == [Reason.PREVIOUS_JOB_INVALID]
    assert found[0].file == "cu/diem-tham-dinh-2024.csv" and "chín sáu" in describe(found[0])


def test_a_results_workbook_is_read_to_the_very_numbers_of_computing_the_job(tmp_path):
    out = run_job(INPUTS / PREVIOUS, tmp_path / "truoc").manifest.parent
    read, problems = past_from_workbook(read_data_file(out / "ket-qua.xlsx"), "previous.results")
    settings = read_settings(INPUTS / PREVIOUS)
    computed = past_units(evaluate(settings, read_sheets(settings)).units)
    assert problems == [] and read == computed
    assert all(isinstance(u.score, Decimal) for u in read if u.evaluated)


def test_previous_names_one_source_and_only_for_a_ranked_kind(current, example_job):
    [found] = _refused(current('job = "../a"\nresults = "b.xlsx"\n'))
    assert (found.reason, found.detail("key")) == (Reason.SETTING_INVALID, "previous")
    report = example_job("huong-tra-2021-tu-cham")
    settings = report / "job.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + '\n[summary]\ncharts = "có"\n', encoding="utf-8")
    [found] = _refused(report)
    assert (found.reason, found.detail("key")) == (Reason.SETTING_INVALID, "summary")
    assert "không xếp hạng" in describe(found)


def test_a_campaign_as_its_own_previous_period_changes_nothing(tmp_path):
    """A previous campaign is computed as its run computes it (each unit's file read and scored): the same
    campaign a period later, all units kept, shows every rank "=" and every score "0,00"."""
    shutil.copytree(job_folder(OLD_CAMPAIGN), tmp_path / "cu")
    shutil.copytree(job_folder(OLD_CAMPAIGN), tmp_path / "moi")
    settings = tmp_path / "moi" / "job.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + '\n[previous]\njob = "../cu"\n', encoding="utf-8")
    result = check_job(tmp_path / "moi")
    evaluated = [u for u in result.units if u["evaluated"]]
    assert evaluated and all(result.changes[(u["group"], u["unit"])].rank_change == 0 for u in evaluated)
    assert {result.changes[(u["group"], u["unit"])].score_change for u in evaluated} == {Decimal(0)}


def test_each_group_sheet_is_read_as_the_group_the_summary_sheet_lists_in_its_place(tmp_path):
    """A rank-only group has no count per label: "Tổng hợp" names it after the classified ones, but its row of
    units not evaluated stands in the order of the sheets."""
    header = ["TT", "Đơn vị", "Kết quả đánh giá", "Xếp hạng", "Lý do không đánh giá"]
    path = write_workbook(tmp_path / "ket-qua.xlsx", {
        "Tổng hợp": [["Khối", "Xếp loại", "Số đơn vị"], ["Khối B", "Tốt", 1], ["Khối A", "Được xếp hạng", 1],
                     ["Khối A", "Không đánh giá", 0], ["Khối B", "Không đánh giá", 0]],
        "Khối A": [header, [1, "Đơn vị A", Decimal("70.5"), 1, None]],
        "Khối B": [header, [1, "Đơn vị B", Decimal("85.25"), 1, None]]})
    units, problems = past_from_workbook(read_data_file(path), "previous.results")
    assert problems == [] and [(u.group, u.unit, u.score) for u in units] == [
        ("Khối A", "Đơn vị A", Decimal("70.5")), ("Khối B", "Đơn vị B", Decimal("85.25"))]

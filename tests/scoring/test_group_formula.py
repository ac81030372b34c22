"""One formula per group: a component (survey points) is the group's, never chosen unit by unit.

The campaign cases edit a copy of the campaign example's register as a clerk would (one cell) and check the
job; the ranking-table cases read a small table. Before the rule, both campaign edits were accepted and changed
a unit's formula silently (Hòa An 88,85 → 71,5 × 100 / 80 = 89,38; Sở Tư pháp 73 × 100 / 80 = 91,25 → 73 + 12,5
= 85,50, unscaled).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.config.job_settings import Group
from pipeline.flow import check_job, run_job
from pipeline.read.sheet import Sheet
from pipeline.scoring.normalise import normalise_units

INPUTS = Path(__file__).resolve().parents[2] / "inputs"
CAMPAIGN = "vi-du-2025-dot-danh-gia-tinh"
SURVEY_COLUMN = 11  # "Điểm điều tra xã hội học" in the example's register
REASON_COLUMN = 12
HOA_AN_ROW, TU_PHAP_ROW = 12, 5  # register rows (Excel numbering) of UBND phường Hòa An and Sở Tư pháp


def campaign_with(tmp_path: Path, edits: dict[tuple[int, int], object]) -> Path:
    """A copy of the campaign example (and the previous year's job it compares with) with register cells edited."""
    shutil.copytree(INPUTS / CAMPAIGN, tmp_path / CAMPAIGN)
    shutil.copytree(INPUTS / "vi-du-2024-xep-loai-tinh", tmp_path / "vi-du-2024-xep-loai-tinh")
    path = tmp_path / CAMPAIGN / "danh-muc-don-vi.xlsx"
    workbook = openpyxl.load_workbook(path)
    for (row, column), value in edits.items():
        workbook.active.cell(row, column).value = value
    workbook.save(path)
    return tmp_path / CAMPAIGN


def refusals(folder: Path) -> list:
    with pytest.raises(InputErrors) as caught:
        check_job(folder, workers=1)
    return list(caught.value.problems)


def test_a_commune_without_survey_points_in_a_group_with_survey_is_refused(tmp_path):
    [refused] = refusals(campaign_with(tmp_path, {(HOA_AN_ROW, SURVEY_COLUMN): None}))
    assert refused.reason is Reason.COMPONENT_MISSING
    assert (refused.file, refused.sheet, refused.row, refused.column) == (
        "danh-muc-don-vi.xlsx", "Danh mục đơn vị", HOA_AN_ROW, "Điểm điều tra xã hội học")
    text = describe(refused)
    assert 'đơn vị "UBND phường Hòa An" để trống cột này' in text
    assert 'khối "UBND các xã, phường" tính kết quả = điểm thẩm định + điểm điều tra xã hội học' in text
    assert "(10 trong 11 đơn vị của khối có điểm điều tra xã hội học)" in text  # Mỹ Lợi is not evaluated


def test_a_commune_without_survey_points_and_with_a_reason_is_not_evaluated(tmp_path):
    reason = "Không đánh giá: chưa có kết quả điều tra xã hội học"
    folder = campaign_with(tmp_path, {(HOA_AN_ROW, SURVEY_COLUMN): None, (HOA_AN_ROW, REASON_COLUMN): reason})
    unit = next(u for u in check_job(folder, workers=1).units if u["unit"] == "UBND phường Hòa An")
    assert not unit["evaluated"] and unit["reason"] == reason and unit.get("rank") is None


def test_a_department_with_survey_points_in_a_group_without_survey_is_refused(tmp_path):
    [refused] = refusals(campaign_with(tmp_path, {(TU_PHAP_ROW, SURVEY_COLUMN): 12.5}))
    assert refused.reason is Reason.COMPONENT_UNUSED
    assert (refused.row, refused.column, refused.value) == (TU_PHAP_ROW, "Điểm điều tra xã hội học", "12,5")
    text = describe(refused)
    assert 'đơn vị "Sở Tư pháp" có điểm điều tra xã hội học (12,5)' in text
    assert 'khối "Sở, ban, ngành" tính kết quả = điểm thẩm định quy về thang điểm 100' in text
    assert "(6 trong 7 đơn vị của khối để trống cột này)" in text  # Sở Y tế is not evaluated


def test_the_manifest_states_each_groups_formula(tmp_path):
    shutil.copytree(INPUTS / "vi-du-2024-xep-hang-cchc", tmp_path / "job")
    run = run_job(tmp_path / "job", tmp_path / "out", workers=1)
    formulas = json.loads(run.manifest.read_text(encoding="utf-8"))["formulas"]
    assert [f["group"] for f in formulas] == ["Sở, ban, ngành", "UBND cấp xã"]
    for formula in formulas:  # appraised + survey points, not rescaled: the table has no maximum column
        assert formula["components"] == ["tham-dinh", "dieu-tra-xhh"]  # the scheme's declared components
        assert formula["formula"] == "kết quả = điểm thẩm định + điểm điều tra xã hội học"
        assert formula["scaled"] is False


HEADER = ("Khối", "Đơn vị", "Điểm tối đa", "Điểm thẩm định", "Điểm khảo sát", "Lý do không đánh giá")
GROUPS = (Group("Khối A", "Khối A"), Group("Khối B", "Khối B"))


def table_refusals(*rows: tuple) -> list:
    _, problems = normalise_units([Sheet("bang.xlsx", "Bảng", (HEADER, *rows))], GROUPS)
    return problems


def test_a_ranking_table_row_without_the_groups_survey_points_is_refused():
    [refused] = table_refusals(("Khối A", "Sở A", 70, 60, 25, None), ("Khối A", "Sở B", 70, 61, 26, None),
                               ("Khối A", "Sở C", 70, 62, None, None), ("Khối B", "Xã D", 70, 50, None, None))
    assert (refused.reason, refused.row, refused.column) == (Reason.COMPONENT_MISSING, 4, "Điểm khảo sát")
    assert ('khối "Khối A" tính kết quả = (điểm thẩm định + điểm điều tra xã hội học) quy về thang điểm 100'
            in describe(refused))


def test_a_ranking_table_row_with_survey_points_its_group_does_not_use_is_refused():
    [refused] = table_refusals(("Khối A", "Sở A", 70, 60, None, None), ("Khối A", "Sở B", 70, 61, None, None),
                               ("Khối A", "Sở C", 70, 62, 30, None), ("Khối B", "Xã D", 70, 50, 20, None))
    assert (refused.reason, refused.row, refused.value) == (Reason.COMPONENT_UNUSED, 4, "30")
    assert 'khối "Khối A" tính kết quả = điểm thẩm định quy về thang điểm 100, không có' in describe(refused)


def test_a_group_split_evenly_on_survey_points_refuses_every_unit():
    refused = table_refusals(("Khối A", "Sở A", 70, 60, 25, None), ("Khối A", "Sở B", 70, 61, None, None),
                             ("Khối B", "Xã D", 70, 50, None, None))
    assert [(p.reason, p.row) for p in refused] == [(Reason.FORMULA_UNDECIDED, 2), (Reason.FORMULA_UNDECIDED, 3)]
    assert 'khối "Khối A" có 1 đơn vị có điểm điều tra xã hội học và 1 đơn vị để trống' in describe(refused[0])


def test_a_not_evaluated_row_does_not_count_for_its_groups_formula():
    assert table_refusals(("Khối A", "Sở A", 70, 60, 25, None), ("Khối A", "Sở B", 70, None, None, "Sáp nhập"),
                          ("Khối B", "Xã C", 70, 50, None, None)) == []

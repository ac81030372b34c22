"""A campaign unit's workbook read as entries per criterion, and entries written back into only their cells."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.datavalidation import DataValidation

from pipeline.flow import check_job
from pipeline.read.workbook import read_workbook
from pipeline.scoring.unit_entries import (
    BONUS_KEY,
    PENALTY_KEY,
    PointsRefused,
    WorkbookEntry,
    criteria_tree,
    typed_points,
    typed_totals,
    workbook_entries,
)
from pipeline.write.unit_workbook import workbook_with_entries
from tests.conftest import INPUTS, write_workbook

CAMPAIGN = "vi-du-2025-dot-danh-gia-tinh"
HEADER = ["Mã số", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự chấm", "Cách chấm",
          "Điểm thẩm định"]  # no "Lý giải việc chấm điểm" nor "Ý kiến thẩm định"


def small_table(path: Path) -> Path:
    """A table with a field, a rule of bands, a "choose one" criterion of sub-items, a bonus and a penalty row."""
    rows = [["BẢNG TỰ CHẤM"], ["Đơn vị:", "Sở Thử"], [], HEADER,
            ["I", "Lĩnh vực một", 10, None, None, None],
            ["1.1", "Tỷ lệ hồ sơ đúng hạn", 3, 2, "từ 90% đến dưới 100%: 2; 100%: 3", None],
            ["1.2", "Ban hành kế hoạch", 7, None, None, None],
            [None, "Trước hạn", 7, 7, None, None],
            [None, "Đúng hạn", 5, None, None, None],
            [None, "Điểm thưởng", 2, 1, None, None],
            [None, "Điểm trừ", 2, None, None, None]]
    return write_workbook(path, {"Tự chấm": rows})


def test_the_tree_keys_each_row_that_takes_points_and_shows_the_rule(tmp_path):
    tree, _ = criteria_tree(read_workbook(small_table(tmp_path / "a.xlsx")))
    shown = [(c.key, c.code, c.level, c.max_points, c.rollup) for c in tree]
    assert shown == [(None, "I", 1, Decimal(10), "sum"), ("1.1", "1.1", 2, Decimal(3), ""),
                     (None, "1.2", 2, Decimal(7), "choose"), ("1.2-1", None, 3, Decimal(7), ""),
                     ("1.2-2", None, 3, Decimal(5), ""), (BONUS_KEY, None, 1, Decimal(2), ""),
                     (PENALTY_KEY, None, 1, Decimal(2), "")]
    assert tree[1].rule == "từ 90% đến dưới 100%: 2; 100%: 3"


@pytest.mark.parametrize(("typed", "expected"), [
    ("2", Decimal(2)), ("3", Decimal(3)), ("0", Decimal(0)), ("", None), ("  ", None),
    ("2,5", PointsRefused("not_in_rule", {"value": "2,5", "allowed": "0; 2; 3"})),
    ("4", PointsRefused("above_max", {"value": "4", "max": "3"})),
    ("-1", PointsRefused("negative", {"value": "-1"})),
    ("hai", PointsRefused("not_number", {"value": "hai"})),
    ("1.2,3", PointsRefused("not_number", {"value": "1.2,3"})),
])
def test_typed_points_are_held_to_the_maximum_and_to_the_rule(tmp_path, typed, expected):
    tree, _ = criteria_tree(read_workbook(small_table(tmp_path / "a.xlsx")))
    assert typed_points(typed, tree[1]) == expected


def test_points_without_a_rule_take_any_figure_up_to_the_maximum(tmp_path):
    tree, _ = criteria_tree(read_workbook(small_table(tmp_path / "a.xlsx")))
    assert typed_points("6,75", tree[3]) == Decimal("6.75")
    assert typed_points("7.5", tree[3]) == PointsRefused("above_max", {"value": "7.5", "max": "7"})


def test_entries_written_read_back_the_same_and_missing_columns_are_added(tmp_path):
    path = small_table(tmp_path / "a.xlsx")
    entries = {"1.1": WorkbookEntry("1.1", Decimal(3), "Đạt 100% hồ sơ\n(1.204/1.204)", Decimal(2), "Thiếu 3 hồ sơ"),
               "1.2-1": WorkbookEntry("1.2-1", None, "", None, ""),
               "1.2-2": WorkbookEntry("1.2-2", Decimal("4.25"), "Ban hành ngày 15/01", Decimal(5), ""),
               BONUS_KEY: WorkbookEntry(BONUS_KEY, Decimal("0.5"), "Bằng khen", Decimal("0.5"), ""),
               PENALTY_KEY: WorkbookEntry(PENALTY_KEY, Decimal(1), "", Decimal(1), "Chậm báo cáo")}
    out = tmp_path / "b.xlsx"
    out.write_bytes(workbook_with_entries(path, entries))
    assert workbook_entries(read_workbook(out)) == entries
    sheet = load_workbook(out)["Tự chấm"]
    assert [c.value for c in sheet[4]] == [*HEADER, "Lý giải việc chấm điểm", "Ý kiến thẩm định"]
    assert [c.value for c in sheet[2]][:2] == ["Đơn vị:", "Sở Thử"]


def test_writing_touches_only_the_entries_cells(tmp_path):
    source = INPUTS / CAMPAIGN / "don-vi" / "01-so-noi-vu.xlsx"
    path = shutil.copy(source, tmp_path / "01.xlsx")
    book = load_workbook(path)
    book.active.data_validations.append(DataValidation(type="decimal", operator="between", formula1="0",
                                                       formula2="100", sqref="D8:D17"))
    book.save(path)
    entries = {"1.2": WorkbookEntry("1.2", Decimal(13), "Hai nhiệm vụ chậm", Decimal(12), "Chậm ba nhiệm vụ")}
    out = tmp_path / "out.xlsx"
    out.write_bytes(workbook_with_entries(path, entries, ("self_points", "justification", "appraised_points",
                                                          "appraisal_comment")))
    before, after = load_workbook(path).active, load_workbook(out).active
    changed = {(c.row, c.column) for row in after.iter_rows() for c in row
               if c.value != before.cell(c.row, c.column).value}
    assert changed == {(9, 4), (9, 5), (9, 6), (9, 7)}  # row of 1.2; columns D to G
    assert after.max_row == before.max_row and after.title == before.title
    assert [str(v.sqref) for v in after.data_validations.dataValidation] == ["D8:D17"]


def test_typed_totals_roll_up_the_entries_as_a_run_does(tmp_path):
    sheets = read_workbook(INPUTS / CAMPAIGN / "don-vi" / "01-so-noi-vu.xlsx")
    entries = workbook_entries(sheets) | {"2.2": WorkbookEntry("2.2", Decimal("7.25"))}
    totals, problems = typed_totals(sheets, entries)
    # the workbook's points: 5 + 14,5 + 19 + 9,5 + 10 + 9,5 + 5 + 5 = 77,5; 2.2 typed 7,25 instead of 9,5
    assert (totals.tree_points, totals.max_points, problems) == (Decimal("75.25"), Decimal(80), [])


def test_the_example_campaign_checks_to_the_same_totals_once_rewritten_and_a_changed_entry_moves_only_its_unit(
        example_job):
    folder = example_job(CAMPAIGN)
    before = {u["unit"]: (u["self_points"], u["appraised_points"]) for u in check_job(folder, workers=1).units}
    for path in sorted((folder / "don-vi").glob("*.xlsx")):
        path.write_bytes(workbook_with_entries(path, workbook_entries(read_workbook(path))))
    rewritten = {u["unit"]: (u["self_points"], u["appraised_points"]) for u in check_job(folder, workers=1).units}
    assert rewritten == before
    path = folder / "don-vi" / "01-so-noi-vu.xlsx"
    changed = {"1.2": WorkbookEntry("1.2", Decimal(13), "", Decimal(12), "")}  # 14,5 and 14,5 in the workbook
    path.write_bytes(workbook_with_entries(path, changed))
    after = {u["unit"]: (u["self_points"], u["appraised_points"]) for u in check_job(folder, workers=1).units}
    assert after["Sở Nội vụ"] == (Decimal("76"), Decimal("75"))  # 77,5 − 1,5 and 77,5 − 2,5
    assert {k: v for k, v in after.items() if k != "Sở Nội vụ"} == {k: v for k, v in before.items() if k != "Sở Nội vụ"}

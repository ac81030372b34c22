"""`init` for a campaign: a job whose settings are valid and commented, a register and one workbook per
unit, validated as Excel checks while typing; filled in with the example's points, it gives the example's
documents. The example campaign itself: its decision publishes the appraised totals."""

from __future__ import annotations

import shutil
import tomllib
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from pipeline.base.errors import InputErrors, Reason
from pipeline.new_job.campaign import init_campaign
from pipeline.new_job.validations import FIRST_ROW, GROUP_LIST, LIST_SHEET
from pipeline.new_job.workbook import GUIDE_SHEET, HEADER_ROW
from pipeline.read.columns import CRITERIA_TABLE, REGISTER_TABLE
from pipeline.read.job_folder import read_settings
from tests.conftest import FIXTURES, INPUTS, OLD_CAMPAIGN

EXAMPLE = INPUTS / "vi-du-2025-dot-danh-gia-tinh"
CRITERIA = EXAMPLE / "don-vi" / "01-so-noi-vu.xlsx"


def table_sheet(path: Path):
    book = openpyxl.load_workbook(path)
    return next(s for s in book.worksheets if s.title != GUIDE_SHEET and s.title != LIST_SHEET), book


def header_letters(sheet) -> dict[str, str]:
    return {cell.value: cell.column_letter for cell in sheet[HEADER_ROW] if cell.value}


def example_points() -> dict[str, dict[str, tuple]]:
    """unit → code → (self points, appraised points, appraisal note), read from the example's workbooks."""
    found = {}
    for path in sorted((EXAMPLE / "don-vi").glob("*.xlsx")):
        sheet = openpyxl.load_workbook(path).active
        rows = list(sheet.iter_rows(values_only=True))
        unit = next(r[1] for r in rows if r[0] == "Đơn vị:")
        header = next(i for i, r in enumerate(rows) if r[0] == "Mã số")
        found[unit] = {r[0]: (r[3], r[5], r[6]) for r in rows[header + 1:] if r[0] and "." in str(r[0])}
    return found


def example_register() -> dict[str, dict[str, object]]:
    sheet = openpyxl.load_workbook(EXAMPLE / "danh-muc-don-vi.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r[1] == "Tên đơn vị")
    return {r[1]: dict(zip(rows[header], r, strict=True)) for r in rows[header + 1:] if r[1]}


def fill_in(job: Path) -> None:
    """What staff and the council do: points in each unit's workbook, survey points and reasons in the register
    (a unit not evaluated has no workbook)."""
    points, register = example_points(), example_register()
    for path in sorted((job / "don-vi").glob("*.xlsx")):
        sheet, book = table_sheet(path)
        unit = sheet["B2"].value
        if unit not in points:
            path.unlink()
            continue
        letters = header_letters(sheet)
        for row in range(FIRST_ROW, sheet.max_row + 1):
            code = sheet[f"{letters['Mã số']}{row}"].value
            if code in points[unit]:
                own, appraised, note = points[unit][code]
                sheet[f"{letters['Điểm tự chấm']}{row}"] = own
                sheet[f"{letters['Điểm thẩm định']}{row}"] = appraised
                sheet[f"{letters['Ý kiến thẩm định']}{row}"] = note
        book.save(path)
    sheet, book = table_sheet(job / "danh-muc-don-vi.xlsx")
    letters = header_letters(sheet)
    for row in range(FIRST_ROW, sheet.max_row + 1):
        unit = sheet[f"{letters['Tên đơn vị']}{row}"].value
        for column in ("Điểm điều tra xã hội học", "Lý do không đánh giá"):
            if unit and register[unit][column] is not None:
                sheet[f"{letters[column]}{row}"] = register[unit][column]
    book.save(job / "danh-muc-don-vi.xlsx")
    text = (job / "job.toml").read_text(encoding="utf-8")
    (job / "job.toml").write_text(text.replace("done = false", "done = true"), encoding="utf-8")


def table_cells(docx: Path) -> list[list[list[str]]]:
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in Document(str(docx)).tables]


def test_init_from_the_example_filled_in_gives_the_example_s_documents(cli, tmp_path):
    job = tmp_path / "dot-2025"
    code, _, stderr = cli("init", job, "--kind", "dot-danh-gia", "--from", EXAMPLE, "--criteria", CRITERIA)
    assert code == 0, stderr
    fill_in(job)
    example = tmp_path / "vi-du"  # without the example's [previous] and [summary]: a new job's are its own
    shutil.copytree(EXAMPLE, example)
    text = (example / "job.toml").read_text(encoding="utf-8")
    (example / "job.toml").write_text(text[:text.index("\n# So sánh với kỳ trước")] + "\n", encoding="utf-8")
    for folder, out in ((example, tmp_path / "mau"), (job, tmp_path / "ra")):
        code, _, stderr = cli("run", folder, "--out", out)
        assert code == 0, stderr
    expected = sorted(p.relative_to(tmp_path / "mau").as_posix() for p in (tmp_path / "mau").rglob("*.docx"))
    assert expected == sorted(p.relative_to(tmp_path / "ra").as_posix() for p in (tmp_path / "ra").rglob("*.docx"))
    assert len(expected) == 37  # the decision, 18 reports and 18 appraisal notices (two units not evaluated)
    decision = table_cells(tmp_path / "ra" / "quyet-dinh.docx")
    assert decision == table_cells(tmp_path / "mau" / "quyet-dinh.docx")
    assert any("Tổng điểm thẩm định" in " ".join(row) for table in decision for row in table)
    for report in ("bao-cao/002-so-tu-phap.docx", "bao-cao/013-ubnd-xa-hung-long.docx"):
        made, shipped = table_cells(tmp_path / "ra" / report), table_cells(tmp_path / "mau" / report)
        assert made == shipped and any("TỔNG ĐIỂM" in cell for table in made for row in table for cell in row)
        texts = [[p.text for p in Document(str(tmp_path / d / report)).paragraphs] for d in ("ra", "mau")]
        assert texts[0] == texts[1]  # header, totals line, signer
    for name in expected:  # beyond the figures: the very same documents
        with zipfile.ZipFile(tmp_path / "ra" / name) as made, zipfile.ZipFile(tmp_path / "mau" / name) as shipped:
            assert made.read("word/document.xml") == shipped.read("word/document.xml"), name


def test_init_from_a_criteria_workbook_makes_an_empty_register_a_blank_unit_workbook_and_instructions(tmp_path):
    job = tmp_path / "dot-moi"
    written = {p.relative_to(job).as_posix() for p in init_campaign(job, criteria=CRITERIA)}
    assert written == {"job.toml", "danh-muc-don-vi.xlsx", "mau-bang-tu-cham.xlsx", "README.md"}
    settings = tomllib.loads((job / "job.toml").read_text(encoding="utf-8"))
    assert settings["kind"] == "dot-danh-gia" and settings["register"] == "danh-muc-don-vi.xlsx"
    assert settings["data"] == "don-vi" and settings["appraisal"] == {"done": False}
    communes = settings["groups"][1]
    assert communes["signer_authority"] == ["TM. ỦY BAN NHÂN DÂN"] and communes["signer_position"] == "CHỦ TỊCH"
    assert communes["symbol"] == "BC-UBND" and "{don_vi}" in settings["reports"]["title"]
    lines = (job / "job.toml").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if line and not line.startswith(("#", " ", "]", "[")):
            assert lines[number - 1].startswith("#") or lines[number - 1].startswith("["), line
    with pytest.raises(InputErrors) as caught:  # valid as written: only the units' tables are still missing
        read_settings(job)
    assert [p.reason for p in caught.value.problems] == [Reason.NO_DATA_FILE]
    readme = (job / "README.md").read_text(encoding="utf-8")
    assert "mau-bang-tu-cham.xlsx" in readme and "Đơn vị:" in readme
    sheet, _ = table_sheet(job / "mau-bang-tu-cham.xlsx")
    codes = [sheet.cell(row, 1).value for row in range(FIRST_ROW, FIRST_ROW + 11)]
    assert codes == ["I", "1.1", "1.2", "II", "2.1", "2.2", "2.3", "III", "3.1", "3.2", "3.3"]
    assert (sheet["A2"].value, sheet["A3"].value) == ("Đơn vị:", "Khối:")
    register, _ = table_sheet(job / "danh-muc-don-vi.xlsx")
    assert register.cell(FIRST_ROW, 2).value is None


def test_unit_workbooks_carry_the_tree_their_unit_and_group_with_self_and_appraised_columns_empty(tmp_path):
    job = tmp_path / "dot"
    init_campaign(job, source=EXAMPLE)
    files = sorted((job / "don-vi").glob("*.xlsx"))
    assert len(files) == 20 and files[0].name == "01-so-noi-vu.xlsx"
    sheet, _ = table_sheet(files[-1])
    assert (sheet["B2"].value, sheet["B3"].value) == ("UBND phường Trường An", "UBND các xã, phường")
    letters = header_letters(sheet)
    columns = ("self_points", "appraised_points", "appraisal_note")
    assert {CRITERIA_TABLE.column(c).header for c in columns} <= set(letters)
    rows = range(FIRST_ROW, FIRST_ROW + 11)
    assert [sheet[f"{letters['Điểm chuẩn']}{r}"].value for r in rows][:3] == [20, 5, 15]
    for header in ("Điểm tự chấm", "Điểm thẩm định", "Ý kiến thẩm định"):
        assert all(sheet[f"{letters[header]}{r}"].value is None for r in rows)
    register, _ = table_sheet(job / "danh-muc-don-vi.xlsx")
    letters = header_letters(register)
    row = {register[f"{letters['Tên đơn vị']}{r}"].value: r for r in range(FIRST_ROW, FIRST_ROW + 20)}
    tan_phu = row["UBND phường Tân Phú"]
    assert register[f"{letters['Thẩm quyền ký']}{tan_phu}"].value == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"
    assert register[f"{letters['Tên cơ quan ban hành']}{row['Sở Y tế']}"].value == "SỞ Y TẾ"
    for column in ("Điểm điều tra xã hội học", "Lý do không đánh giá"):  # this period's, not the earlier one's
        assert all(register[f"{letters[column]}{r}"].value is None for r in row.values())


def validations(sheet) -> dict[str, object]:
    """Each validated column's header → its validation."""
    letters = {letter: header for header, letter in header_letters(sheet).items()}
    found = {}
    for validation in sheet.data_validations.dataValidation:
        for cells in validation.sqref.ranges:
            found[letters[cells.coord.split(":")[0].rstrip("0123456789")]] = validation
    return found


def test_unit_workbook_validates_self_and_appraised_points_from_0_to_the_row_s_maximum(tmp_path):
    init_campaign(tmp_path / "dot", source=EXAMPLE)
    sheet, _ = table_sheet(next((tmp_path / "dot" / "don-vi").glob("*.xlsx")))
    rules = validations(sheet)
    maximum = header_letters(sheet)["Điểm chuẩn"]
    for header in ("Điểm tự chấm", "Điểm thẩm định"):
        rule = rules[header]
        assert (rule.type, rule.operator, rule.formula1) == ("decimal", "between", "0")
        assert f"${maximum}{FIRST_ROW}" in rule.formula2 and rule.showErrorMessage and rule.prompt
        assert str(rule.sqref).startswith(f"{header_letters(sheet)[header]}{FIRST_ROW}:")
    assert rules["Ý kiến thẩm định"].prompt and rules["Ý kiến thẩm định"].type is None


def test_register_validates_the_group_from_the_job_s_groups_and_points_not_below_0(tmp_path):
    job = tmp_path / "dot"
    init_campaign(job, criteria=CRITERIA)
    sheet, book = table_sheet(job / "danh-muc-don-vi.xlsx")
    assert {REGISTER_TABLE.column(c).header for c in ("unit", "group", "survey_points", "reason")} <= set(
        header_letters(sheet))
    rules = validations(sheet)
    assert (rules["Khối"].type, rules["Khối"].formula1) == ("list", GROUP_LIST)
    groups = tomllib.loads((job / "job.toml").read_text(encoding="utf-8"))["groups"]
    assert [book[LIST_SHEET].cell(2 + i, 1).value for i in range(len(groups))] == [g["name"] for g in groups]
    for header in ("Điểm điều tra xã hội học", "Điểm thưởng", "Điểm trừ"):
        assert (rules[header].type, rules[header].operator, rules[header].formula1) == (
            "decimal", "greaterThanOrEqual", "0")
    assert rules["Tên đơn vị"].type == "custom" and "COUNTIF" in rules["Tên đơn vị"].formula1


def test_init_refuses_to_write_over_an_existing_job_and_names_its_files(cli, tmp_path):
    job = tmp_path / "dot"
    job.mkdir()
    (job / "job.toml").write_text("kind = \"dot-danh-gia\"\n", encoding="utf-8")
    code, _, stderr = cli("init", job, "--kind", "dot-danh-gia", "--criteria", CRITERIA)
    assert code == 1 and "job.toml" in stderr and "không ghi đè" in stderr and "Traceback" not in stderr
    assert (job / "job.toml").read_text(encoding="utf-8") == "kind = \"dot-danh-gia\"\n"
    assert sorted(p.name for p in job.iterdir()) == ["job.toml"]


@pytest.mark.parametrize(("args", "reason_words"), [
    (["--kind", "dot-danh-gia", "--criteria", INPUTS / "huong-tra-2020-xep-loai" / "diem-tham-dinh-2020.xlsx"],
     "không có bảng tiêu chí"),
    (["--kind", "dot-danh-gia", "--criteria", "khong-co.xlsx"], "không có tệp này"),
    (["--kind", "dot-danh-gia"], "cần một bộ tiêu chí"),
    (["--kind", "dot-danh-gi"], "Không có loại văn bản \"dot-danh-gi\""),
    ([], "Chưa ghi loại văn bản"),
    (["--kind", "bao-cao-tu-cham", "--criteria", CRITERIA], "--criteria chỉ dùng với đợt đánh giá"),
])
def test_bad_inputs_are_said_in_vietnamese_and_nothing_is_made(cli, tmp_path, args, reason_words):
    code, _, stderr = cli("init", tmp_path / "dot", *args)
    assert code == 1 and reason_words in stderr and "Traceback" not in stderr
    assert not (tmp_path / "dot").exists()


def test_from_a_job_of_another_kind_is_refused(tmp_path):
    with pytest.raises(InputErrors) as caught:
        init_campaign(tmp_path / "dot", source=INPUTS / "huong-tra-2020-xep-loai")
    assert [p.reason for p in caught.value.problems] == [Reason.SOURCE_KIND_MISMATCH]


def test_from_an_old_campaign_without_register_the_units_of_its_tables_make_the_register(tmp_path):
    init_campaign(tmp_path / "dot", source=FIXTURES / OLD_CAMPAIGN)
    register, _ = table_sheet(tmp_path / "dot" / "danh-muc-don-vi.xlsx")
    names = [register.cell(r, 2).value for r in range(FIRST_ROW, FIRST_ROW + 6)]
    assert "Phòng Nội vụ" in names and "UBND xã Bình Tiến" in names
    assert len(list((tmp_path / "dot" / "don-vi").glob("*.xlsx"))) == 6


# --- the example campaign -------------------------------------------------------------------------------

def decision_rows(docx: Path) -> dict[str, dict[str, str]]:
    """unit → column header → text, from every appendix table of the decision."""
    rows = {}
    for table in Document(str(docx)).tables:
        header = [c.text.replace("\n", " ") for c in table.rows[0].cells]
        if "Đơn vị" not in header:
            continue
        for row in table.rows[1:]:
            cells = [c.text for c in row.cells]
            rows[cells[header.index("Đơn vị")]] = dict(zip(header, cells, strict=True))
    return rows


def number(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def test_the_example_runs_and_its_decision_publishes_the_appraised_totals(cli, tmp_path):
    code, _, stderr = cli("run", EXAMPLE, "--out", tmp_path / "out")
    assert code == 0, stderr
    rows = decision_rows(tmp_path / "out" / "quyet-dinh.docx")
    points = example_points()
    differing = 0
    for unit, leaves in points.items():
        own = sum(Decimal(str(p[0])) for p in leaves.values())
        appraised = sum(Decimal(str(p[1])) for p in leaves.values())
        row = rows[unit]
        assert number(row["Tổng điểm thẩm định"]) == appraised, unit
        assert number(row["Tổng điểm tự chấm"]) == own, unit
        differing += own != appraised
    assert differing >= 5
    register = example_register()
    not_evaluated = [u for u, r in register.items() if r["Lý do không đánh giá"]]
    assert len(not_evaluated) == 2 and all(u in rows and u not in points for u in not_evaluated)
    assert any(register[u]["Lý do không đánh giá"] in " ".join(rows[u].values()) for u in not_evaluated)
    survey = next(h for h in rows["UBND xã Phú Lộc"] if h.startswith("Điểm điều tra"))
    assert number(rows["UBND xã Phú Lộc"][survey]) == Decimal("15.6")

"""`init`: a new job folder whose settings are valid and commented, and whose workbook, filled in,
gives the same documents as the job it was started from."""

from __future__ import annotations

import re
import shutil
import tomllib
import zipfile
from itertools import pairwise
from pathlib import Path

import openpyxl
import pytest

from pipeline.base.errors import InputErrors, Reason
from pipeline.config.document_settings import DOCUMENT_FIELDS
from pipeline.new_job.init import init_job
from pipeline.new_job.settings_text import DOCUMENT_ORDER
from pipeline.new_job.settings_text import _toml as toml_value
from pipeline.new_job.validations import FIRST_ROW, LIST_SHEET
from pipeline.new_job.workbook import EMPTY_ROWS, GUIDE_SHEET, HEADER_ROW
from pipeline.read.columns import CRITERIA_TABLE, UNIT_TABLE
from pipeline.read.job_folder import read_job, read_settings, settings_data
from pipeline.read.workbook import read_workbook
from pipeline.scoring.evaluate import evaluate
from pipeline.scoring.normalise import normalise_criteria, normalise_units
from pipeline.scoring.tables import locate_tables
from tests.conftest import INPUTS, ROOT, UNIT_JOB, unit_job

KINDS = {"bao-cao-tu-cham": "tu-cham.xlsx", "quyet-dinh-xep-loai": "bang-diem.xlsx", "xep-hang-cchc": "bang-diem.xlsx"}
EXAMPLES = {"huong-tra-2021-tu-cham": "bao-cao-tu-cham", "huong-tra-2020-xep-loai": "quyet-dinh-xep-loai",
            "chi-lang-2023-cchc": "bao-cao-tu-cham", "vi-du-2024-xep-hang-cchc": "xep-hang-cchc"}
KEY_LINE = re.compile(r"^[A-Za-z_]+ = ")


def spec_of(kind):
    return CRITERIA_TABLE if kind == "bao-cao-tu-cham" else UNIT_TABLE


def data_sheet(path):
    book = openpyxl.load_workbook(path)
    return book, book.worksheets[1]


@pytest.mark.parametrize("kind", KINDS)
def test_init_creates_settings_workbook_and_readme(cli, tmp_path, kind):
    job = tmp_path / "moi"
    code, stdout, _ = cli("init", kind, job)
    assert code == 0 and "python -m pipeline check" in stdout
    assert sorted(p.name for p in job.iterdir()) == sorted(["job.toml", KINDS[kind], "README.md"])
    readme = (job / "README.md").read_text(encoding="utf-8")
    assert f"python -m pipeline check {job.as_posix()}" in readme
    assert f"python -m pipeline run {job.as_posix()}" in readme


@pytest.mark.parametrize("kind", KINDS)
def test_settings_are_valid_and_every_key_has_a_comment_above(tmp_path, kind):
    init_job(kind, tmp_path / "moi")
    text = (tmp_path / "moi" / "job.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    settings = read_settings(tmp_path / "moi")
    assert settings.kind == kind and data["data"] == KINDS[kind]
    lines = text.splitlines()
    for above, line in pairwise(lines):
        if KEY_LINE.match(line) or line.startswith("["):
            assert above.startswith("# "), line
    assert data["document"]["number"] == "" and data["document"]["date"] == ""
    assert "(TÊN CƠ QUAN BAN HÀNH)" in data["document"]["issuing_body"]
    assert "Thay chữ giữ chỗ trong ngoặc đơn." in text


def test_every_document_field_has_a_place_in_the_settings_file():
    assert set(DOCUMENT_ORDER) | {"signature"} == DOCUMENT_FIELDS


@pytest.mark.parametrize("kind", KINDS)
def test_workbook_has_frozen_header_validations_and_instructions(tmp_path, kind):
    init_job(kind, tmp_path / "moi")
    book, sheet = data_sheet(tmp_path / "moi" / KINDS[kind])
    assert book.sheetnames[0] == GUIDE_SHEET and book.active.title == sheet.title
    assert sheet.freeze_panes == f"A{FIRST_ROW}"
    headers = [c.value for c in sheet[HEADER_ROW] if c.value]
    assert all(any(h == c.header for c in spec_of(kind).columns) for h in headers)
    validations = {str(v.sqref).split(":")[0].rstrip("0123456789"): v for v in sheet.data_validations.dataValidation}
    assert len(validations) == len(headers)
    last = HEADER_ROW + EMPTY_ROWS
    for letter, validation in validations.items():
        assert str(validation.sqref) == f"{letter}{FIRST_ROW}:{letter}{last}"
        assert validation.prompt and len(validation.prompt) <= 255 and len(validation.promptTitle) <= 32
        assert len(validation.error or "") <= 255 and len(validation.errorTitle or "") <= 32
    column = {h: get_letter(sheet, h) for h in headers}
    if kind == "bao-cao-tu-cham":
        points = validations[column["Điểm tự chấm"]]
        assert (points.type, points.operator, points.formula1) == ("decimal", "between", "0")
        assert f"ISNUMBER(${column['Điểm chuẩn']}{FIRST_ROW})" in points.formula2
        assert validations[column["Mã số"]].type == "custom"
        assert validations[column["Cách tính"]].formula1 == '"cộng,chọn một"'
        assert sheet[f"{column['Mã số']}{FIRST_ROW}"].number_format == "@"
    else:
        assert validations[column["Khối"]].type == "list"
        assert book[LIST_SHEET]["A2"].value == "(Tên khối)"
        points = validations[column["Tổng điểm thẩm định"]]
        assert (points.type, points.operator, points.formula1) == ("decimal", "between", "0")
    guide = [c.value for c in book[GUIDE_SHEET]["A"] if c.value]
    assert any("lập văn bản" in line for line in guide)  # what to do next, for the desk and the command line alike
    assert not any("python -m" in line or "job.toml" in line for line in guide)
    assert all(f'"{h}"' in "\n".join(guide) for h in headers)


def get_letter(sheet, header):
    return next(c.column_letter for c in sheet[HEADER_ROW] if c.value == header)


@pytest.mark.parametrize("kind", KINDS)
def test_reader_skips_instructions_and_empty_rows(tmp_path, kind):
    init_job(kind, tmp_path / "moi")
    sheets = read_workbook(tmp_path / "moi" / KINDS[kind])
    found, _ = locate_tables(sheets, spec_of(kind))
    assert [t.sheet.name for t in found] == [openpyxl.load_workbook(tmp_path / "moi" / KINDS[kind]).worksheets[1].title]
    with pytest.raises(InputErrors) as caught:
        evaluate(*read_job(tmp_path / "moi"))
    expected = Reason.NO_CRITERIA if kind == "bao-cao-tu-cham" else Reason.EMPTY_GROUP
    assert [p.reason for p in caught.value.problems] == [expected]


def test_unfilled_job_gives_a_vietnamese_error_without_traceback(cli, tmp_path):
    init_job("quyet-dinh-xep-loai", tmp_path / "moi")
    code, _, stderr = cli("run", tmp_path / "moi", "--out", tmp_path / "ra")
    assert code == 1 and "Traceback" not in stderr and not (tmp_path / "ra").exists()
    assert 'khối "(Tên khối)" khai báo trong job.toml nhưng không có đơn vị nào trong số liệu' in stderr


def test_init_refuses_a_folder_that_is_not_empty(cli, tmp_path):
    job = tmp_path / "co-san"
    job.mkdir()
    (job / "ghi-chu.txt").write_text("của tôi", encoding="utf-8")
    code, _, stderr = cli("init", "bao-cao-tu-cham", job)
    assert code == 1 and "đã có và không trống" in stderr and "không ghi đè" in stderr
    assert [p.name for p in job.iterdir()] == ["ghi-chu.txt"]
    assert (job / "ghi-chu.txt").read_text(encoding="utf-8") == "của tôi"


def test_init_accepts_an_empty_folder(tmp_path):
    (tmp_path / "trong").mkdir()
    assert len(init_job("xep-hang-cchc", tmp_path / "trong")) == 3


def test_from_a_job_of_another_kind_is_refused(cli, tmp_path):
    code, _, stderr = cli("init", "quyet-dinh-xep-loai", tmp_path / "moi", "--from", INPUTS / "huong-tra-2021-tu-cham")
    assert code == 1 and 'là loại "bao-cao-tu-cham", khác loại "quyet-dinh-xep-loai"' in stderr
    assert not (tmp_path / "moi").exists()


def test_from_a_job_with_errors_lists_them(example_job, tmp_path):
    source = example_job("huong-tra-2020-xep-loai")
    book = openpyxl.load_workbook(source / "diem-tham-dinh-2020.xlsx")
    book["Cơ quan chuyên môn"]["C5"] = "một trăm"
    book.save(source / "diem-tham-dinh-2020.xlsx")
    with pytest.raises(InputErrors) as caught:
        init_job("quyet-dinh-xep-loai", tmp_path / "moi", source=source)
    assert [p.reason for p in caught.value.problems] == [Reason.SOURCE_JOB_INVALID, Reason.NOT_A_NUMBER]
    assert not (tmp_path / "moi").exists()


def test_from_a_report_carries_the_criteria_tree_without_points(tmp_path):
    init_job("bao-cao-tu-cham", tmp_path / "moi", source=INPUTS / "huong-tra-2021-tu-cham")
    old, _ = normalise_criteria(read_job(INPUTS / "huong-tra-2021-tu-cham")[1])
    new, errors = normalise_criteria(read_workbook(tmp_path / "moi" / "tu-cham.xlsx"))
    assert [e.reason for e in errors] == [Reason.NO_POINTS]  # run refuses an empty report, not rates it "Yếu"
    for column in ("code", "role", "title", "max_points"):
        assert [r[column] for r in new] == [r[column] for r in old], column
    assert all(r["self_points"] is None and r["rationale"] == "" for r in new)


def test_from_a_decision_carries_units_groups_and_maxima_without_scores(tmp_path):
    source = INPUTS / "huong-tra-2020-xep-loai"
    init_job("quyet-dinh-xep-loai", tmp_path / "moi", source=source)
    settings, sheets = read_job(source)
    old, _ = normalise_units(sheets, settings.groups)
    new, _ = normalise_units(read_workbook(tmp_path / "moi" / "bang-diem.xlsx"), settings.groups)
    assert [(u["group"], u["unit"], u["max_points"]) for u in new] == [(u["group"], u["unit"], u["max_points"])
                                                                         for u in old]
    assert all(u["appraised_points"] is None and u["applicable_max"] is None and u["reason"] == "" for u in new)
    book = openpyxl.load_workbook(tmp_path / "moi" / "bang-diem.xlsx")
    assert [c.value for c in book[LIST_SHEET]["A"][1:]] == [g.name for g in settings.groups]
    data = tomllib.loads((tmp_path / "moi" / "job.toml").read_text(encoding="utf-8"))
    assert [g["subtitle"] for g in data["groups"]] == [g.subtitle for g in settings.groups]
    assert (data["document"]["number"], data["document"]["date"]) == ("", "")


def test_from_carries_scheme_overrides_group_labels_and_own_template(tmp_path):
    settings = UNIT_JOB.replace('[[groups]]\nname = "Khối A"', '[scheme_overrides]\ntie_rule = "lien-tiep"\n'
                                'labels = [{ name = "Đạt", min = 50.5 }, { name = "Không đạt" }]\n\n'
                                '[[groups]]\nname = "Khối A"\nsheet = "PL01"\n'
                                'labels = [{ name = "Tốt", min = 80 }, { name = "Chưa tốt" }]', 1)
    settings = settings.replace("[document]\n", '[document]\ntemplate = "mau/rieng.docx"\n')
    header = ["TT", "Đơn vị", "Tổng điểm thẩm định"]
    source = unit_job(tmp_path / "cu", {"PL01": [header, [1, "Phòng A", 90]], "Khối B": [header, [1, "Xã B", 70]]},
                      settings)
    (source / "mau").mkdir()
    shutil.copy(ROOT / "templates" / "docx" / "quyet-dinh-xep-loai.docx", source / "mau" / "rieng.docx")
    created = init_job("quyet-dinh-xep-loai", tmp_path / "moi", source=source)
    assert tmp_path / "moi" / "rieng.docx" in created
    data = settings_data(tmp_path / "moi")
    assert data["scheme_overrides"] == tomllib.loads(settings)["scheme_overrides"]
    assert data["groups"][0] == {"name": "Khối A", "labels": [{"name": "Tốt", "min": 80}, {"name": "Chưa tốt"}]}
    assert data["document"]["template"] == "rieng.docx"
    assert read_settings(tmp_path / "moi").scheme.tie_rule == "lien-tiep"


@pytest.mark.parametrize("value, text", [
    ('Dòng "trích"\nxuống dòng\\', '"Dòng \\"trích\\"\\nxuống dòng\\\\"'), (True, "true"), (50.5, "50.5"),
    ([], "[]"), ({"name": "Đạt", "min": 50}, '{ name = "Đạt", min = 50 }'),
])
def test_settings_values_are_written_as_toml(value, text):
    assert toml_value(value) == text
    assert tomllib.loads(f"x = {text}")["x"] == value


def fill_in_from(example: Path, job: Path) -> None:
    """Writes the example's points (and reasons, notes, rationale) into the workbook `init` made."""
    settings, sheets = read_job(example)
    new_sheets = read_job(job)[1]
    path = job / read_settings(job).data_files[0].name
    book = openpyxl.load_workbook(path)
    if settings.kind == "bao-cao-tu-cham":
        old, new = normalise_criteria(sheets)[0], normalise_criteria(new_sheets)[0]
        table = locate_tables(new_sheets, CRITERIA_TABLE)[0][0]
        pairs = zip(old, new, strict=True)
        columns = ("self_points", "rationale")
    else:
        old, new = normalise_units(sheets, settings.groups)[0], normalise_units(new_sheets, settings.groups)[0]
        table = locate_tables(new_sheets, UNIT_TABLE)[0][0]
        rows = {(r["group"], r["unit"]): r for r in new}
        pairs = ((r, rows[(r["group"], r["unit"])]) for r in old)
        columns = ("applicable_max", "appraised_points", "survey_points", "bonus", "penalty", "reason", "note")
    sheet = book[table.sheet.name]
    for before, after in pairs:
        for column in columns:
            if before[column] not in (None, "") and column in table.positions:
                sheet.cell(after["row"], table.positions[column][0] + 1, before[column])
    book.save(path)


def set_number_and_date(example: Path, job: Path) -> None:
    document = settings_data(example)["document"]
    text = (job / "job.toml").read_text(encoding="utf-8")
    for key in ("number", "date"):
        text = text.replace(f'\n{key} = ""\n', f"\n{key} = {toml_value(document.get(key, ''))}\n", 1)
    (job / "job.toml").write_text(text, encoding="utf-8")


def parts(docx: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(docx) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name.startswith("word/")}


def values(workbook: Path) -> dict[str, list[tuple]]:
    """Every sheet's values; the "Cần xem lại" sheet without its file column (the new job's data file is named
    by init, not as the example's)."""
    book = openpyxl.load_workbook(workbook)
    return {sheet.title: [row[:1] + row[2:] if sheet.title == "Cần xem lại" else row
                          for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}


@pytest.mark.parametrize("example", EXAMPLES)
def test_filled_in_workbook_gives_the_same_documents_as_the_example(cli, tmp_path, example):
    job = tmp_path / "moi" / example
    code, _, stderr = cli("init", EXAMPLES[example], job, "--from", INPUTS / example)
    assert code == 0, stderr
    fill_in_from(INPUTS / example, job)
    set_number_and_date(INPUTS / example, job)
    for folder, out in ((INPUTS / example, tmp_path / "mau"), (job, tmp_path / "ra")):
        code, _, stderr = cli("run", folder, "--out", out)
        assert code == 0, stderr
    documents = sorted(p.name for p in (tmp_path / "mau").glob("*.docx"))
    assert documents == sorted(p.name for p in (tmp_path / "ra").glob("*.docx")) and documents
    for name in documents:
        assert parts(tmp_path / "ra" / name) == parts(tmp_path / "mau" / name), name
    assert values(tmp_path / "ra" / "ket-qua.xlsx") == values(tmp_path / "mau" / "ket-qua.xlsx")


def test_the_settings_a_job_may_change_are_written_commented_with_the_scheme_values(tmp_path):
    init_job("xep-hang-cchc", tmp_path / "moi")
    text = (tmp_path / "moi" / "job.toml").read_text(encoding="utf-8")
    assert "# [scheme_overrides]" in text and "# decimals = 3" in text
    assert '#   { name = "Xuất sắc", min = 90 },' in text
    assert read_settings(tmp_path / "moi").scheme.tie_rule == "dong-hang"  # commented: nothing changed
    changed = text.replace("# [scheme_overrides]", "[scheme_overrides]").replace('# tie_rule = "dong-hang"',
                                                                                 'tie_rule = "lien-tiep"')
    (tmp_path / "moi" / "job.toml").write_text(changed, encoding="utf-8")
    assert read_settings(tmp_path / "moi").scheme.tie_rule == "lien-tiep"

"""Text that looks like a formula is written as text into ket-qua.xlsx and loi.xlsx, never as a formula."""

from __future__ import annotations

import io
import re
import zipfile
from html import unescape

import pytest

from pipeline.base.errors import Reason, problem
from pipeline.write.problems_workbook import problems_workbook
from tests.conftest import DOCUMENT

SETTINGS = ('kind = "quyet-dinh-xep-loai"\nscheme = "chat-luong-hoat-dong@2020"\n[[groups]]\nname = "Khối A"\n'
            + DOCUMENT)
NAMES = ['=HYPERLINK("http://x","y")', "+1", "-2+3", "@SUM(A1)", "=1+1"]


def sheet_xml(path, part: str) -> str:
    with zipfile.ZipFile(path) as book:
        return book.read(part).decode("utf-8")


def inline_texts(xml: str) -> list[str]:
    return [unescape(t) for t in re.findall(r"<is><t[^>]*>([^<]*)</t></is>", xml)]


def csv_line(*values: str) -> str:
    return ",".join('"' + v.replace('"', '""') + '"' for v in values)


@pytest.fixture
def results(tmp_path, cli):
    job = tmp_path / "job"
    job.mkdir()
    (job / "job.toml").write_text(SETTINGS, encoding="utf-8")
    rows = [csv_line("TT", "Đơn vị", "Tổng điểm thẩm định", "Lý do không đánh giá", "Ghi chú")]
    rows += [csv_line(str(n), name, str(90 - n), "", "=2*3" if n == 1 else "") for n, name in enumerate(NAMES, 1)]
    rows.append(csv_line("9", "Phòng B", "", "@lý do", "-ghi chú"))
    (job / "diem.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, _, stderr = cli("run", job, "--out", tmp_path / "out")
    assert code == 0, stderr
    return tmp_path / "out" / "ket-qua.xlsx"


@pytest.mark.parametrize("text", [*NAMES, "=2*3", "@lý do", "-ghi chú"])
def test_results_workbook_holds_formula_like_text_as_text(results, text):
    xml = sheet_xml(results, "xl/worksheets/sheet2.xml")
    assert "<f>" not in xml and "<f " not in xml
    assert text in inline_texts(xml)


def test_the_summary_sheet_has_no_formula_either(results):
    assert "<f>" not in sheet_xml(results, "xl/worksheets/sheet1.xml")


def test_formula_like_text_gets_the_quote_prefix(results):
    from openpyxl import load_workbook

    sheet = load_workbook(results)["Khối A"]
    cells = {c.value: c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    assert all(cells[name].data_type == "s" and cells[name].quotePrefix for name in NAMES)
    assert not cells["Khối A" if "Khối A" in cells else "Đơn vị"].quotePrefix


@pytest.mark.parametrize("value", ['=HYPERLINK("http://x","y")', "+1", "-1", "@A1", "\t=1", "\r=1"])
def test_problems_workbook_holds_formula_like_text_as_text(value):
    found = [problem(Reason.NOT_A_NUMBER, file=value, sheet=value, row=3, column=value, value=value)]
    with zipfile.ZipFile(io.BytesIO(problems_workbook(found))) as book:
        xml = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
        strings = book.read("xl/sharedStrings.xml").decode("utf-8") if "xl/sharedStrings.xml" in book.namelist() else ""
    assert "<f>" not in xml and "<f " not in xml
    held = inline_texts(xml) + [unescape(t) for t in re.findall(r"<t[^>]*>([^<]*)</t>", strings)]
    assert held.count(value) == 4  # file, sheet, column and value cells


def test_check_errors_workbook_from_a_csv_has_no_formula(tmp_path, cli):
    job = tmp_path / "job"
    job.mkdir()
    (job / "job.toml").write_text(SETTINGS, encoding="utf-8")
    (job / "diem.csv").write_text(csv_line("TT", "Đơn vị", "Tổng điểm thẩm định") + "\n"
                                  + csv_line("1", "Phòng A", "=1+1") + "\n", encoding="utf-8")
    code, _, _ = cli("check", job, "--errors", tmp_path / "loi.xlsx")
    assert code == 1
    xml = sheet_xml(tmp_path / "loi.xlsx", "xl/worksheets/sheet1.xml")
    assert "<f>" not in xml and "=1+1" in inline_texts(xml)


def test_init_from_a_job_keeps_formula_like_unit_names_as_text(results, tmp_path, cli):
    code, _, stderr = cli("init", "quyet-dinh-xep-loai", tmp_path / "moi", "--from", tmp_path / "job")
    assert code == 0, stderr
    xml = sheet_xml(tmp_path / "moi" / "bang-diem.xlsx", "xl/worksheets/sheet2.xml")
    assert "<f>" not in xml and '=HYPERLINK("http://x","y")' in inline_texts(xml)


def test_no_sheet_holds_a_formula_the_ties_sheet_too(tmp_path, cli):
    job = tmp_path / "job"
    job.mkdir()
    (job / "job.toml").write_text(SETTINGS, encoding="utf-8")
    rows = [csv_line("TT", "Đơn vị", "Tổng điểm thẩm định"), csv_line("1", "=1+1", "80"), csv_line("2", "@A1", "80")]
    (job / "diem.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, _, stderr = cli("run", job, "--out", tmp_path / "out")
    assert code == 0, stderr
    with zipfile.ZipFile(tmp_path / "out" / "ket-qua.xlsx") as book:
        sheets = [book.read(n).decode("utf-8") for n in book.namelist() if n.startswith("xl/worksheets/sheet")]
    assert len(sheets) == 3 and not any("<f>" in xml or "<f " in xml for xml in sheets)
    assert any("=1+1" in inline_texts(xml) for xml in sheets)

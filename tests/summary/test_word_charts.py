"""The summary's charts are Word charts: their cached values are the decision's table cells, their workbook
holds the same, their parts are declared, their text is Times New Roman, and each fits the text area; a long
group is split into charts titled "(tiếp theo)"; printed by LibreOffice, no chart is cut or parted from its
title, and the appendix numbers its pages from 1."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from lxml import etree

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.flow import check_job, run_job
from tests.conftest import UNIT_JOB, unit_job
from tests.summary.conftest import CURRENT, appendix_tables

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
TEXT_WIDTH_MM, TEXT_HEIGHT_MM = 210 - 30 - 15, 297 - 20 - 20  # A4 portrait under the templates' margins
LONG = "Trung tâm Phục vụ hành chính công số {:02d} thuộc Văn phòng Ủy ban nhân dân tỉnh"


def charts_in(path: Path) -> list[dict]:
    """Each chart of a document, in the order of its parts' numbers: title, categories, values per series,
    and the workbook's columns."""
    found = []
    with zipfile.ZipFile(path) as archive:
        names = sorted((n for n in archive.namelist() if re.fullmatch(r"word/charts/chart\d+\.xml", n)),
                       key=lambda n: int(re.search(r"\d+", n).group()))
        for name in names:
            space = etree.fromstring(archive.read(name))
            rels = etree.fromstring(archive.read(name.replace("charts/", "charts/_rels/") + ".rels"))
            target = rels[0].get("Target").replace("../", "word/")
            sheet = openpyxl.load_workbook(io.BytesIO(archive.read(target))).active
            series = space.findall(f".//{C}ser")
            found.append({
                "title": "".join(t.text for t in space.find(f"{C}chart/{C}title").iter(f"{A}t")),
                "categories": [v.text for v in series[0].find(f"{C}cat").iter(f"{C}v")],
                "values": [[float(v.text) for v in s.find(f"{C}val").iter(f"{C}v")] for s in series],
                "sheet": [[cell for cell in row] for row in sheet.iter_rows(min_row=2, values_only=True)],
                "fonts": {e.get("typeface") for e in space.iter(f"{A}latin")},
            })
    return found


def number(text: str) -> float:
    return float(text.replace(",", "."))


def test_the_ranking_charts_show_the_units_and_results_of_the_decision_tables(pair):
    tables = appendix_tables(pair[CURRENT] / "quyet-dinh.docx")
    rankings = [c for c in charts_in(pair[CURRENT] / "thong-cao.docx") if c["title"].startswith("Xếp hạng khối")]
    assert len(rankings) == len(tables) == 2
    for chart, table in zip(rankings, tables, strict=True):
        ranked = [row for row in table if row["Xếp hạng"].isdigit()]
        assert chart["categories"] == [row["Đơn vị"] for row in ranked]
        assert chart["values"] == [[number(row["Kết quả đánh giá"]) for row in ranked]]
        assert chart["sheet"] == [[row["Đơn vị"], number(row["Kết quả đánh giá"])] for row in ranked]


def test_the_appraisal_charts_show_the_tables_self_and_appraised_totals(pair):
    tables = appendix_tables(pair[CURRENT] / "quyet-dinh.docx")
    charts = [c for c in charts_in(pair[CURRENT] / "thong-cao.docx") if c["title"].startswith("Tự chấm")]
    for chart, table in zip(charts, tables, strict=True):
        rows = {row["Đơn vị"]: row for row in table if row["Xếp hạng"].isdigit()}
        assert chart["values"] == [[number(rows[u]["Tổng điểm tự chấm"]) for u in chart["categories"]],
                                   [number(rows[u]["Tổng điểm thẩm định"]) for u in chart["categories"]]]


def test_every_chart_is_declared_in_times_new_roman_and_inside_the_text_area(pair):
    path = pair[CURRENT] / "thong-cao.docx"
    with zipfile.ZipFile(path) as archive:
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
        body = etree.fromstring(archive.read("word/document.xml"))
        charts = [n for n in archive.namelist() if re.fullmatch(r"word/charts/chart\d+\.xml", n)]
    assert 'Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"' in types
    for name in charts:
        assert f'PartName="/{name}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"' \
            in types
        assert f'Target="{name.removeprefix("word/")}"' in rels
    extents = list(body.iter(f"{WP}extent"))
    assert len(extents) == len(charts) == 8
    for extent in extents:
        assert int(extent.get("cx")) <= TEXT_WIDTH_MM * 36000 and int(extent.get("cy")) <= TEXT_HEIGHT_MM * 36000
    assert all(chart["fonts"] == {"Times New Roman"} for chart in charts_in(path))
    assert len(Document(str(path)).inline_shapes) == 8  # python-docx opens it and sees every chart


def _stress(folder: Path, form: str = "word") -> Path:
    """95 units in Khối A (every seventh with a long name), 2 in Khối B."""
    rows = [["Đơn vị", "Tổng điểm thẩm định"]] + [
        [LONG.format(n) if n % 7 == 0 else f"UBND xã Số {n:02d}", round(99 - n * 0.45, 2)] for n in range(1, 96)]
    settings = UNIT_JOB + f'\n[summary]\ncharts = true\nchart_form = "{form}"\n'
    return unit_job(folder, {"Khối A": rows, "Khối B": rows[:3]}, settings)


def test_a_group_of_95_units_is_split_into_charts_of_at_most_22_each_continued(tmp_path):
    out = run_job(_stress(tmp_path / "job"), tmp_path / "out").manifest.parent
    charts = charts_in(out / "thong-cao.docx")
    rankings = [c for c in charts if c["title"].startswith("Xếp hạng khối Khối A")]
    assert [len(c["categories"]) for c in rankings] == [19] * 5  # ⌈95 / 22⌉ = 5 charts, as even as can be
    assert [c["title"] for c in rankings] == ["Xếp hạng khối Khối A"] + ["Xếp hạng khối Khối A (tiếp theo)"] * 4
    shown = [u for c in rankings for u in c["categories"]]
    assert shown == [LONG.format(n) if n % 7 == 0 else f"UBND xã Số {n:02d}" for n in range(1, 96)]


def test_a_wrong_chart_form_is_refused_in_vietnamese(tmp_path):
    folder = _stress(tmp_path / "job", "pdf")
    with pytest.raises(InputErrors) as raised:
        check_job(folder)
    [found] = raised.value.problems
    assert (found.reason, found.detail("key"), found.value) == (Reason.SETTING_INVALID, "summary.chart_form", "pdf")
    assert '"word" (biểu đồ Word) hoặc "picture" (ảnh)' in describe(found)


@pytest.mark.skipif(not shutil.which("soffice") and not os.environ.get("CI"), reason="LibreOffice is not installed")
def test_printed_no_chart_is_cut_or_parted_from_its_title_and_the_appendix_numbers_from_one(tmp_path):
    from pipeline.write.pdf import convert_to_pdf

    out = run_job(_stress(tmp_path / "job"), tmp_path / "out").manifest.parent
    pdf = convert_to_pdf([out / "thong-cao.docx"], tmp_path / "pdf")[0]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    # the body on one page; each of Khối A's five rankings (up to 32 + 19 × 7,5 mm tall: two do not share a
    # page of 257 mm) on its own page, its count of units per label under the last; Khối B's two on one page
    assert len(pages) == 1 + 5 + 1
    titles = ("Xếp hạng khối Khối A", "Số đơn vị theo xếp loại, khối Khối A", "Xếp hạng khối Khối B",
              "Số đơn vị theo xếp loại, khối Khối B")
    seen = 0
    for page in pages[1:]:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        for n, line in enumerate(lines):
            if line.startswith(titles):
                seen += 1
                after = " ".join(lines[n + 1:])
                assert ("Kết quả đánh giá" in after) if line.startswith("Xếp hạng") else ("Rất tốt" in after), line
    assert seen == 5 + 1 + 2
    assert pages[1].split()[:2] == ["PHỤ", "LỤC"] and pages[2].split()[0] == "2"  # numbered again from 1

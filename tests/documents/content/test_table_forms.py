"""Forms of published tables: scores in percent (`unit = "%"`) and rank-only tables (`labels = []`).

Tây Ninh 2023 publishes its CCHC index as "Tỷ lệ đạt" in percent; some provinces publish a ranking with no
classification. Both are settings of the scheme (or `[scheme_overrides]`), never an edit of a template.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from pipeline.base.errors import InputErrors
from pipeline.cli import summary
from pipeline.config.scheme import scheme_from_data
from pipeline.documents.content.context import document_context
from pipeline.flow import run_job
from pipeline.read.job_folder import read_job
from pipeline.scoring.evaluate import evaluate
from tests.conftest import INPUTS
from tests.documents.rendering.test_valid_ooxml import findings

TAY_NINH = "tay-ninh-2023-chi-so-cchc"
BASE = {"id": "thu", "version": "1", "decimals": 2, "tie_rule": "dong-hang",
        "labels": [{"name": "Tốt", "min": 80}, {"name": "Khá"}]}


# ----------------------------------------------------------------- the settings

@pytest.mark.parametrize(("changes", "unit", "labels"), [
    ({}, "điểm", ("Tốt", "Khá")),
    ({"unit": "điểm"}, "điểm", ("Tốt", "Khá")),
    ({"unit": "%"}, "%", ("Tốt", "Khá")),
    ({"labels": []}, "điểm", ()),
    ({"labels": [], "conditions": [], "unit": "%"}, "%", ()),
])
def test_unit_and_labels_accepted(changes, unit, labels):
    scheme = scheme_from_data({**BASE, **changes}, "job.toml", frozenset(changes))
    assert (scheme.unit, tuple(label.name for label in scheme.labels)) == (unit, labels)


@pytest.mark.parametrize(("changes", "key", "says"), [
    ({"unit": "percent"}, "scheme_overrides.unit", "Tỷ lệ đạt"),
    ({"unit": "phần trăm"}, "scheme_overrides.unit", '"%"'),
    ({"unit": 100}, "scheme_overrides.unit", '"điểm"'),
    ({"labels": [], "conditions": [{"label": "Tốt", "no_penalty": True}]}, "scheme_overrides.conditions",
     "conditions = []"),
    ({"labels": [], "conditions": [{"label": "Xuất sắc", "min_field_percent": 85}]}, "scheme_overrides.conditions",
     "chỉ xếp hạng"),
    ({"labels": {}}, "scheme_overrides.labels", "danh sách nhãn"),
])
def test_unit_and_conditions_refused(changes, key, says):
    with pytest.raises(InputErrors) as caught:
        scheme_from_data({**BASE, **changes}, "job.toml", frozenset(changes))
    [found] = caught.value.problems
    assert found.detail("key") == key and says in found.detail("expected")


def test_a_group_cannot_have_an_empty_label_list(tmp_path):
    folder = _job(tmp_path, "huong-tra-2020-xep-loai", "")
    text = (folder / "job.toml").read_text(encoding="utf-8")
    (folder / "job.toml").write_text(text.replace("[[groups]]\n", "[[groups]]\nlabels = []\n", 1), encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        read_job(folder)
    assert [p.detail("key") for p in caught.value.problems] == ["groups[1].labels"]


# ----------------------------------------------------------------- percent: Tây Ninh 2023

@pytest.fixture(scope="module")
def tay_ninh(tmp_path_factory):
    return run_job(INPUTS / TAY_NINH, tmp_path_factory.mktemp("percent") / "out")


def test_percent_table_prints_the_rate_with_its_sign(tay_ninh):
    tables = _tables(tay_ninh.written)
    assert [rows[0] for rows in tables] == [["TT", "Tên đơn vị", "Tỷ lệ đạt", "Vị thứ", "Xếp loại"]] * 2
    assert tables[0][1] == ["1", "Văn phòng UBND tỉnh", "96,85%", "1", "Tốt"]
    assert tables[0][-1] == ["19", "Sở Y Tế", "49,07%", "19", "Kém"]
    assert "96,85 %" not in _text(tay_ninh.written)


def test_percent_in_the_workbook_and_the_summary(tay_ninh):
    book = load_workbook(next(p for p in tay_ninh.written if p.suffix == ".xlsx"))
    sheet = book["Sở, ban, ngành"]
    headers = [c.value for c in sheet[1]]
    score = sheet.cell(2, headers.index("Tỷ lệ đạt") + 1)
    assert (score.value, score.number_format) == (96.85, '0.00"%"')
    assert "Kết quả đánh giá" not in headers and "Xếp loại" in headers
    text = summary(tay_ninh.result)
    assert "Xếp thứ nhất: Văn phòng UBND tỉnh (96,85%)." in text and "Tốt: 17, Khá: 1, Kém: 1." in text
    assert "tỷ lệ phần trăm" in text


def test_percent_article_1_says_reached():
    context = document_context(evaluate(*read_job(INPUTS / TAY_NINH)))
    assert context["score_header"] == "Tỷ lệ đạt"
    assert "xếp thứ nhất: Văn phòng UBND tỉnh đạt 96,85%." in context["article_1_lines"][0]
    assert "điểm)" not in " ".join(context["article_1_lines"])


# ----------------------------------------------------------------- rank only: labels = []

RANK_ONLY = [  # job, form, the header of the first table without Xếp loại
    ("huong-tra-2020-xep-loai", None,
     ["TT", "Đơn vị", "Tổng điểm các nhiệm vụ theo quy định",
      "Tổng điểm các nhiệm vụ phát sinh trong năm theo quy định",
      "Tổng điểm thẩm định các nhiệm vụ phát sinh trong năm của đơn vị", "Kết quả đánh giá", "Xếp hạng", "Ghi chú"]),
    ("vi-du-2024-xep-hang-cchc", "quyet-dinh",
     ["TT", "Tên đơn vị", "Điểm thẩm định", "Điểm điều tra xã hội học", "Điểm đánh giá", "Vị thứ"]),
    ("vi-du-2024-xep-hang-cchc", "bang",
     ["TT", "Tên đơn vị", "Điểm thẩm định", "Điểm điều tra xã hội học", "Điểm đánh giá", "Vị thứ"]),
    (TAY_NINH, "bang", ["TT", "Tên đơn vị", "Tỷ lệ đạt", "Vị thứ"]),
]


@pytest.mark.parametrize(("job", "form", "header"), RANK_ONLY, ids=lambda v: str(v)[:24])
def test_rank_only_drops_every_label(tmp_path, job, form, header):
    run = run_job(_job(tmp_path, job, "labels = []\nconditions = []\n", form), tmp_path / "out")
    assert all(u["label"] is None for u in run.result.units) and run.result.counts == []
    tables = _tables(run.written)
    assert tables and all(rows[0] == header for rows in tables)
    assert all(len(row) == len(header) for rows in tables for row in rows)  # a merged cell repeats per column
    document = next(p for p in run.written if p.suffix == ".docx")
    assert findings(document) == []
    _same_grid(document)
    assert "xếp loại Tốt" not in _text(run.written)
    lines = document_context(run.result)["article_1_lines"]  # Điều 1 (the "bang" form prints none)
    assert all("đơn vị được xếp hạng;" in line and "trong đó" not in line for line in lines)
    if form != "bang":
        assert "đơn vị được xếp hạng" in _text(run.written)
    book = load_workbook(next(p for p in run.written if p.suffix == ".xlsx"))
    assert all("Xếp loại" not in [c.value for c in sheet[1]] for sheet in book.worksheets)
    assert {row[1] for row in book["Tổng hợp"].iter_rows(min_row=2, values_only=True)} <= {"Được xếp hạng",
                                                                                            "Không đánh giá"}
    lines = summary(run.result)
    assert "được xếp hạng" in lines and "Không xếp loại (labels = []): chỉ xếp hạng." in lines
    assert not re.search(r"(Tốt|Khá|Xuất sắc|Rất tốt): \d", lines)


def test_a_group_with_its_own_labels_keeps_its_column(tmp_path):
    """`labels = []` for the scheme, labels for the first group only: only its appendix classifies."""
    folder = _job(tmp_path, "huong-tra-2020-xep-loai", "labels = []\n")
    text = (folder / "job.toml").read_text(encoding="utf-8")
    own = '[[groups]]\nlabels = [{ name = "Đạt", min = 50 }, { name = "Không đạt" }]\n'
    (folder / "job.toml").write_text(text.replace("[[groups]]\n", own, 1), encoding="utf-8")
    run = run_job(folder, tmp_path / "out")
    assert [len(rows[0]) for rows in _tables(run.written)] == [9, 8, 8]
    assert [rows[0][6] for rows in _tables(run.written)] == ["Xếp loại", "Xếp hạng", "Xếp hạng"]
    lines = document_context(run.result)["article_1_lines"]
    assert "được xếp loại, trong đó 11 đơn vị xếp loại Đạt" in lines[0] and "được xếp hạng;" in lines[1]
    book = load_workbook(next(p for p in run.written if p.suffix == ".xlsx"))
    assert "Xếp loại" in [c.value for c in book.worksheets[1][1]]
    counted = [row for row in book["Tổng hợp"].iter_rows(min_row=2, values_only=True) if row[1] != "Không đánh giá"]
    assert [row[1] for row in counted] == ["Đạt", "Không đạt", "Được xếp hạng", "Được xếp hạng"]


def test_rank_only_keeps_the_ranks(tmp_path):
    ranked = run_job(_job(tmp_path, TAY_NINH, "labels = []\nconditions = []\n"), tmp_path / "out").result
    labelled = evaluate(*read_job(INPUTS / TAY_NINH))
    assert [(u["unit"], u["rank"], u["score"]) for u in ranked.units] == \
        [(u["unit"], u["rank"], u["score"]) for u in labelled.units]


# ----------------------------------------------------------------- helpers

def _job(tmp_path: Path, job: str, overrides: str, form: str | None = None) -> Path:
    """A copy of an example job with `overrides` written into its `[scheme_overrides]` (labels replaced)."""
    folder = tmp_path / job
    shutil.copytree(INPUTS / job, folder)
    text = (folder / "job.toml").read_text(encoding="utf-8")
    if overrides:
        text = re.sub(r"^labels = .*\n", "", text, flags=re.M)
        if "[scheme_overrides]\n" in text:
            text = text.replace("[scheme_overrides]\n", "[scheme_overrides]\n" + overrides)
        else:
            text = text.replace("[[groups]]\n", "[scheme_overrides]\n" + overrides + "\n[[groups]]\n", 1)
    if form:
        text = re.sub(r'^form = ".*"$', f'form = "{form}"', text, flags=re.M)
    (folder / "job.toml").write_text(text, encoding="utf-8")
    return folder


def _tables(written: list[Path]) -> list[list[list[str]]]:
    """The ranking tables of the document (those with a TT column), as rows of cell texts."""
    document = Document(next(p for p in written if p.suffix == ".docx"))
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    return [rows for rows in tables if rows and rows[0][0] == "TT"]


def _text(written: list[Path]) -> str:
    document = Document(next(p for p in written if p.suffix == ".docx"))
    return "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells)


def _same_grid(path: Path) -> None:
    """Every table's grid has as many columns as its rows span, and the cell widths add up to it."""
    with zipfile.ZipFile(path) as archive:
        from lxml import etree
        body = etree.fromstring(archive.read("word/document.xml"))
    for table in body.iter(qn("w:tbl")):
        grid = [int(c.get(qn("w:w"))) for c in table.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
        for row in table.findall(qn("w:tr")):
            spans, widths = 0, 0
            for cell in row.findall(qn("w:tc")):
                span = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
                spans += int(span.get(qn("w:val"))) if span is not None else 1
                width = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
                widths += int(width.get(qn("w:w"))) if width is not None else 0
            assert spans == len(grid)
            assert abs(widths - sum(grid)) <= len(grid), (widths, sum(grid))

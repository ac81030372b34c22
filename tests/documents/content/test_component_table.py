"""A scheme of four printed components (the PAR INDEX's shape): the decision's and the ranking table's columns are the
components, each under its declared name at its declared decimals, then the index; the rest of every shipped
template keeps the fast path.

Expected figures come from the fixture's own files (its CSV and job.toml) through `Decimal`, not from the program.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import tomllib
import zipfile
from decimal import ROUND_HALF_UP, Decimal

import pytest
from docx import Document
from docx.oxml.ns import qn

from pipeline.documents.content.context import document_context
from pipeline.documents.layout.page_layout import laid_out
from pipeline.documents.layout.paragraph_looks import Styles
from pipeline.documents.rendering.render import DOCUMENT_PART, TEMPLATE_DIR, PreparedTemplate, render_with_docxtpl
from pipeline.documents.rendering.schema_order import cell_properties_in_order
from pipeline.flow import run_job
from pipeline.read.job_folder import read_job
from pipeline.run_parts import job_templates
from pipeline.scoring.evaluate import evaluate
from tests.conftest import FIXTURES, INPUTS
from tests.documents.rendering.test_valid_ooxml import findings

JOB = FIXTURES / "bon-thanh-phan"
TWO_COMPONENTS = INPUTS / "vi-du-2024-xep-hang-cchc"  # the fixed columns (appraised, survey): no column loop


def text(value: Decimal, places: int) -> str:
    return str(value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)).replace(".", ",")


def expected_rows() -> tuple[list[str], list[list[str]], list[tuple[str, str]]]:
    """(component names, each evaluated unit's row from TT to Vị thứ, best first, units not evaluated with their
    reason), from the fixture's files: each value at its component's decimals, the index summed unrounded."""
    settings = tomllib.loads((JOB / "job.toml").read_text(encoding="utf-8"))
    components = settings["scheme_overrides"]["components"]
    with open(JOB / "chi-so.csv", encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    scored, missing = [], []
    for row in rows[1:]:
        if row[-1]:
            missing.append((row[1], row[-1]))
            continue
        values = [Decimal(cell.replace(",", ".")) for cell in row[2:6]]
        index = sum(v * Decimal(str(c.get("weight", 1))) for v, c in zip(values, components, strict=True))
        scored.append((index, row[1], [text(v, c["decimals"]) for v, c in zip(values, components, strict=True)]))
    scored.sort(key=lambda s: -s[0])
    table = [[str(n), unit, *values, text(index, 2), str(n)] for n, (index, unit, values) in enumerate(scored, 1)]
    return [c["name"] for c in components], table, missing


@pytest.fixture(scope="module")
def decision(tmp_path_factory):
    out = tmp_path_factory.mktemp("bon") / "out"
    run_job(JOB, out)
    return out / "quyet-dinh.docx"


def ranking_table(document):
    return next(t for t in document.tables if t.rows[0].cells[0].text == "TT")


def test_each_printed_component_is_a_column_under_its_declared_name(decision):
    names, rows, _ = expected_rows()
    table = ranking_table(Document(str(decision)))
    header = [c.text for c in table.rows[0].cells]
    assert header == ["TT", "Tên đơn vị", *names, "Điểm đánh giá", "Vị thứ", "Xếp loại"]
    assert len(table._tbl.tblGrid.findall(qn("w:gridCol"))) == len(header)
    assert [[c.text for c in r.cells][:-1] for r in table.rows[1:1 + len(rows)]] == rows
    # 55,2 + 88,1 × 0,1 + 16,5 + 8,255 = 88,765: Tốt from 80 (the scheme's labels)
    assert [r.cells[-1].text for r in table.rows[1:1 + len(rows)]] == ["Tốt", "Tốt", "Tốt", "Khá"]


def test_a_unit_not_evaluated_has_its_reason_across_every_column_after_its_name(decision):
    names, rows, missing = expected_rows()
    table = ranking_table(Document(str(decision)))
    [(unit, reason)] = missing
    row = table.rows[1 + len(rows)]
    cells = row._tr.findall(qn("w:tc"))
    assert [c.xpath("string(.)") for c in cells] == [str(len(rows) + 1), unit, reason]
    span = cells[2].find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    assert int(span.get(qn("w:val"))) == len(names) + 3  # the components, the index, Vị thứ, Xếp loại


def test_the_appendix_with_component_columns_is_landscape_and_valid(decision):
    document = Document(str(decision))
    appendix = document.sections[-1]
    assert appendix.page_width > appendix.page_height
    assert findings(decision) == []


def contexts(folder, form: str | None = None):
    settings, sheets = read_job(folder)
    if form:
        settings = dataclasses.replace(settings, document=dataclasses.replace(settings.document, form=form))
    result = evaluate(settings, sheets)
    template = job_templates(result.settings).document.path
    return template, document_context(result)


def docxtpl_xml(template, context) -> bytes:
    plain = render_with_docxtpl(template, context)
    styles = Styles(zipfile.ZipFile(io.BytesIO(plain)).read("word/styles.xml"))
    return laid_out(cell_properties_in_order(zipfile.ZipFile(io.BytesIO(plain)).read(DOCUMENT_PART)), styles)


@pytest.mark.parametrize("form", ["quyet-dinh", "bang"])
def test_a_table_with_component_columns_is_written_as_docxtpl_writes_it(form):
    template, context = contexts(JOB, form)
    prepared = PreparedTemplate(template)
    assert prepared.splice == "verified" and prepared.column_grids  # the template keeps its fast path
    rendered = zipfile.ZipFile(io.BytesIO(prepared.render(context))).read(DOCUMENT_PART)
    assert rendered == docxtpl_xml(template, context)


@pytest.mark.parametrize("form", ["quyet-dinh", "bang"])
def test_a_table_of_fixed_columns_takes_the_fast_path(form, monkeypatch):
    template, context = contexts(TWO_COMPONENTS, form)
    prepared = PreparedTemplate(template)

    def serialised(body):
        raise AssertionError("the document went the slow way")

    monkeypatch.setattr(prepared, "_serialised", serialised)
    rendered = zipfile.ZipFile(io.BytesIO(prepared.render(context))).read(DOCUMENT_PART)
    monkeypatch.undo()
    assert rendered == docxtpl_xml(template, context)


@pytest.mark.parametrize("name", ["quyet-dinh-xep-loai.docx", "quyet-dinh-dot-danh-gia.docx"])
def test_the_other_decisions_print_component_columns_too(name):
    """The ordinary and the campaign's decision take the same context: their tables show the four components."""
    _, context = contexts(JOB)
    names, rows, _ = expected_rows()
    rendered = Document(io.BytesIO(PreparedTemplate(TEMPLATE_DIR / name).render(context)))
    table = ranking_table(rendered)
    header = [c.text for c in table.rows[0].cells]
    assert header[2:2 + len(names)] == names
    assert [c.text for c in table.rows[1].cells][:2 + len(names) + 1] == rows[0][:2 + len(names) + 1]


@pytest.mark.parametrize(("name", "appraisal", "before", "after"), [
    ("quyet-dinh-cchc.docx", False, ["TT", "Tên đơn vị"],
     ["Điểm đánh giá", "Vị thứ", "Xếp loại", "Điểm tăng (+), giảm (−) so với kỳ trước", "Vị thứ so với kỳ trước"]),
    ("quyet-dinh-dot-danh-gia.docx", True, ["TT", "Đơn vị", "Tổng điểm tự chấm"],
     ["Điểm đánh giá", "Xếp loại", "Xếp hạng", "Điểm tăng (+), giảm (−) so với kỳ trước", "Hạng so với kỳ trước",
      "Ghi chú"]),
])
def test_the_compared_and_the_appraised_tables_have_the_component_columns_in_place(name, appraisal, before, after):
    """With the previous period's two columns (`appendix.compared`), and a campaign's appraised table
    (`appendix.appraisal`): the components between the unit's columns and the result."""
    _, context = contexts(JOB)
    names, rows, _ = expected_rows()
    appendices = [dataclasses.replace(a, compared=True, appraisal=appraisal) for a in context["appendices"]]
    rendered = Document(io.BytesIO(PreparedTemplate(TEMPLATE_DIR / name).render({**context, "appendices": appendices,
                                                                                 "score_header": "Điểm đánh giá"})))
    table = ranking_table(rendered)
    assert [c.text for c in table.rows[0].cells] == [*before, *names, *after]
    first = [c.text for c in table.rows[1].cells]
    assert first[len(before):len(before) + len(names) + 1] == rows[0][2:2 + len(names) + 1]

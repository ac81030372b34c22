"""Word opens every template and document without repairing it: zero `openxml-audit` findings.

`openxml-audit` ports the Open XML SDK validator (schema order, values, package parts) and adds
what Word is seen to repair (styles.xml and stylesWithEffects.xml that disagree). A document
Word "repairs" on opening is not fit to send, so any finding, error or warning, fails. Checked:
the shipped templates, every file every example job writes (a batch's reports included), and
the CCHC ranking in the form its example does not ask for, the summaries with their chart images; then the fix-up of
the cell properties docxtpl writes out of order, on a template using `{% vm %}` and `{% colspan %}`.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openxml_audit import FileFormat, OpenXmlValidator

from pipeline.documents.content.context import document_context
from pipeline.documents.layout.page_layout import laid_out
from pipeline.documents.layout.paragraph_looks import Styles
from pipeline.documents.rendering.render import DOCUMENT_PART, TEMPLATE_DIR, PreparedTemplate, render_with_docxtpl
from pipeline.documents.rendering.schema_order import cell_properties_in_order
from pipeline.flow import run_job
from pipeline.read.job_folder import read_job
from pipeline.run_parts import job_templates
from pipeline.scoring.evaluate import evaluate
from tests.conftest import INPUTS

JOBS = sorted(p.name for p in INPUTS.iterdir() if (p / "job.toml").is_file())
SHIPPED = sorted(TEMPLATE_DIR.glob("*.docx"))
FORMATS = (FileFormat.OFFICE_2019, FileFormat.MICROSOFT_365)  # the tool's default, and the newest rules


def findings(path: Path, part: str = "") -> list[str]:
    """Every finding (in `part` only, if given) under each format's rules."""
    found = []
    for file_format in FORMATS:
        result = OpenXmlValidator(file_format=file_format, max_errors=0).validate(path)
        found += [f"{file_format.name}: {error}" for error in result.errors if error.part_uri.startswith(part)]
        if not part and not result.is_valid and not result.errors:
            found.append(f"{file_format.name}: not valid, no finding given")
    return found


@pytest.mark.parametrize("template", SHIPPED, ids=lambda p: p.name)
def test_shipped_template_has_no_finding(template):
    assert findings(template) == []


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    root = tmp_path_factory.mktemp("valid")
    for job in JOBS:
        run_job(INPUTS / job, root / job)
    return root


@pytest.mark.parametrize("job", JOBS)
def test_every_generated_document_has_no_finding(outputs, job):
    documents = sorted((outputs / job).rglob("*.docx"))
    assert documents, job
    assert {path.relative_to(outputs / job): findings(path) for path in documents} == {
        path.relative_to(outputs / job): [] for path in documents}


def test_the_examples_make_every_kind_of_document(outputs):
    """What the test above covers: a report, each decision, a batch's reports under bao-cao/, and the summaries
    (thông cáo kết quả) with their Word charts (chart parts and their workbooks, added to the package)."""
    made = {path.relative_to(outputs).as_posix() for path in outputs.rglob("*.docx")}
    assert any("/bao-cao/" in name for name in made)
    summaries = [outputs / name for name in made if name.endswith("/thong-cao.docx")]
    assert len(summaries) >= 2
    assert all(any(n.startswith("word/charts/") for n in zipfile.ZipFile(p).namelist()) for p in summaries)
    assert all(any(n.startswith("word/embeddings/") for n in zipfile.ZipFile(p).namelist()) for p in summaries)
    assert len(made) >= len(JOBS) + 2


def test_a_summary_with_pictures_has_no_finding(example_job, tmp_path):
    """The charts as pictures (`chart_form = "picture"`), the form the examples do not ask for."""
    folder = example_job("vi-du-2025-dot-danh-gia-tinh")
    settings = folder / "job.toml"
    settings.write_text(settings.read_text(encoding="utf-8")
                        .replace("charts = true", 'charts = true\nchart_form = "picture"'), encoding="utf-8")
    summary = run_job(folder, tmp_path / "out").manifest.parent / "thong-cao.docx"
    assert any(n.startswith("word/media/") for n in zipfile.ZipFile(summary).namelist())
    assert findings(summary) == []


def test_cchc_ranking_in_its_other_form_has_no_finding(tmp_path):
    """The examples ask for the CCHC decision; the standalone table takes the same context."""
    folder = INPUTS / "vi-du-2024-xep-hang-cchc"
    settings, sheets = read_job(folder)
    result = evaluate(settings, sheets)
    other = "bang" if settings.document.form == "quyet-dinh" else "quyet-dinh"
    settings = dataclasses.replace(settings, document=dataclasses.replace(settings.document, form=other))
    result = dataclasses.replace(result, settings=settings)
    template = job_templates(settings).document.path
    path = tmp_path / template.name
    path.write_bytes(PreparedTemplate(template).render(document_context(result)))
    assert findings(path) == []


def test_document_properties_come_from_the_document(outputs):
    core = zipfile.ZipFile(outputs / "huong-tra-2020-xep-loai" / "quyet-dinh.docx").read("docProps/core.xml").decode()
    assert "<dc:title>Về việc công bố kết quả đánh giá, xếp loại chất lượng hoạt động năm 2020</dc:title>" in core
    assert "<dc:creator>ỦY BAN NHÂN DÂN THỊ XÃ HƯƠNG TRÀ</dc:creator>" in core
    assert "2013" not in core and "created" not in core  # no leftover of python-docx's default file, no clock
    for template in SHIPPED:
        package = zipfile.ZipFile(template)
        assert "Macintosh" not in package.read("docProps/app.xml").decode(), template.name
        assert "word/stylesWithEffects.xml" not in package.namelist(), template.name


# --- docxtpl's cell properties, put in schema order on both rendering paths ------------------------

def _cell_template(path: Path, colspan: bool) -> Path:
    """A table whose second column is merged down by `{% vm %}` in a cell centred vertically
    (docxtpl puts `w:vMerge` after `w:vAlign`); with `colspan`, a row spanning by `{% colspan %}`
    (docxtpl puts `w:gridSpan` before `w:tcW`)."""
    doc = Document()
    table = doc.add_table(rows=3, cols=2)
    table.rows[0].cells[0].text = "{%tr for u in units %}"
    name, reason = table.rows[1].cells
    name.text = "{{ u }}"
    reason.text = "{% vm %}{{ reason }}"
    align = OxmlElement("w:vAlign")
    align.set(qn("w:val"), "center")
    reason._tc.get_or_add_tcPr().append(align)
    table.rows[2].cells[0].text = "{%tr endfor %}"
    if colspan:
        row = doc.add_table(rows=1, cols=2).rows[0]
        row.cells[0].text = "{% colspan 2 %}{{ reason }}"
        row.cells[0].width = row.cells[0].width  # a w:tcW for docxtpl's w:gridSpan to land before
    doc.save(path)
    return path


@pytest.mark.parametrize("colspan", [False, True], ids=["vm (spliced)", "vm and colspan (serialised)"])
def test_cell_properties_are_put_in_schema_order(tmp_path, colspan):
    template = _cell_template(tmp_path / "template.docx", colspan)
    context = {"units": ["A", "B", "C"], "reason": "Không đánh giá"}
    prepared = PreparedTemplate(template)
    first, second = prepared.render(context), prepared.render(context)  # checked, then the fast path if any
    assert prepared.splice == ("verified" if not colspan else False)
    assert first == second
    plain = zipfile.ZipFile(io.BytesIO(render_with_docxtpl(template, context))).read(DOCUMENT_PART)
    assert cell_properties_in_order(plain) != plain  # docxtpl alone writes them out of order
    styles = Styles(zipfile.ZipFile(io.BytesIO(first)).read("word/styles.xml"))
    assert zipfile.ZipFile(io.BytesIO(first)).read(DOCUMENT_PART) == laid_out(cell_properties_in_order(plain), styles)
    (tmp_path / "out.docx").write_bytes(first)
    assert findings(tmp_path / "out.docx", "/word/document.xml") == []  # python-docx's default styles aside


def test_cell_properties_in_order_moves_only_what_is_out_of_order():
    ordered = b'<w:tcPr><w:tcW w:w="1" w:type="dxa"/><w:gridSpan w:val="2"/><w:vAlign w:val="center"/></w:tcPr>'
    assert cell_properties_in_order(ordered) == ordered
    assert cell_properties_in_order(
        b'<w:tc><w:tcPr><w:shd w:fill="FF0000"/><w:tcBorders><w:top w:val="nil"/></w:tcBorders>'
        b'<w:tcW w:w="1"/><w:vAlign w:val="center"/><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc>'
    ) == (b'<w:tc><w:tcPr><w:tcW w:w="1"/><w:vMerge w:val="restart"/><w:tcBorders><w:top w:val="nil"/>'
          b'</w:tcBorders><w:shd w:fill="FF0000"/><w:vAlign w:val="center"/></w:tcPr><w:p/></w:tc>')
    unknown = b'<w:tcPr><w:vMerge/><w:tcW w:w="1"/><w:other/></w:tcPr>'
    assert cell_properties_in_order(unknown) == unknown  # not a list it knows: left as Word wrote it

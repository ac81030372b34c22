"""The quick ways of fitting a large table give the bytes and widths of the plain way, row by row."""

from __future__ import annotations

import io
import random
import re
import zipfile
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.base.archive import zipped
from pipeline.documents.layout import row_measures, table_bytes
from pipeline.documents.layout.paragraph_looks import TWIPS_PER_MM, Styles
from pipeline.documents.layout.row_measures import ParagraphMeasurer
from pipeline.documents.layout.table_bytes import fit_tables, restore_rows
from pipeline.documents.layout.table_widths import SHORT, SLACK_MM, SLACK_SHARE, ColumnMeasures, paragraph_measures
from pipeline.documents.rendering.render import TEMPLATE_DIR

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WRAPPER = (f'<w:document xmlns:w="{W_NS}">'.encode(), b"</w:document>")
with zipfile.ZipFile(TEMPLATE_DIR / "quyet-dinh-xep-loai.docx") as _archive:
    STYLES_XML = _archive.read("word/styles.xml")
WIDTHS = (700, 3100, 1600, 1200)
TEXTS = ["1", "12", "100", "Tốt", "Khá", "", "UBND xã Thử Nghiệm", "Sở Tài chính", "86,20", "A &amp; B",
         "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên", "a\u00a0b", "x" * 20]


def cell(text: str, width: int | None = 700, style: str | None = "BangSo", kind: str = "plain") -> str:
    """A cell as the renderer writes it, or one of the less usual forms the plain way reads differently."""
    tcw = f'<w:tcW w:type="dxa" w:w="{width}"/>' if width is not None else ""
    span = '<w:gridSpan w:val="2"/>' if kind == "span" else ""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    if kind == "indent":
        ppr = f'<w:pPr><w:pStyle w:val="{style or "BangChu"}"/><w:ind w:left="240"/></w:pPr>'
    run = f'<w:r><w:rPr/><w:t xml:space="preserve">{text}</w:t></w:r>' if text else "<w:r><w:rPr/><w:t/></w:r>"
    if kind == "runs":
        run = (f'<w:r><w:rPr><w:b/><w:sz w:val="28"/></w:rPr><w:t>{text}</w:t></w:r>'
               f'<w:r><w:t xml:space="preserve"> và {text}</w:t></w:r>')
    paragraphs = f"<w:p>{ppr}{run}</w:p>" * (2 if kind == "two" else 1)
    return f"<w:tc><w:tcPr>{tcw}{span}</w:tcPr>{paragraphs}</w:tc>"


def row(texts: list[str], kind: str = "plain") -> str:
    """A row of four cells; `kind` makes one of them unusual (or the row a header, or text before it)."""
    cells = [cell(t, w, "BangChu" if n == 1 else "BangSo") for n, (t, w) in enumerate(zip(texts, WIDTHS, strict=True))]
    before = ""
    if kind == "span":
        cells[2:4] = [cell(texts[2], WIDTHS[2] + WIDTHS[3], kind="span")]
    elif kind == "no width":
        cells[1] = cell(texts[1], None, "BangChu")
    elif kind in ("indent", "runs", "two"):
        cells[1] = cell(texts[1], WIDTHS[1], "BangChu", kind=kind)
    elif kind == "between":
        before = "<!-- a comment between rows -->"
    properties = "<w:trPr><w:tblHeader/></w:trPr>" if kind == "header" else "<w:trPr><w:cantSplit/></w:trPr>"
    return f"{before}<w:tr>{properties}{''.join(cells)}</w:tr>"


def document(rows: list[str]) -> bytes:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in WIDTHS)
    table = f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{row(['TT', 'Tên đơn vị', 'Điểm', 'Xếp loại'], 'header')}"
    section = '<w:sectPr><w:pgSz w:w="11906"/><w:pgMar w:left="1701" w:right="1134"/></w:sectPr>'
    body = f"<w:p/>{table}{''.join(rows)}</w:tbl><w:p/>{section}"
    return WRAPPER[0] + f"<w:body>{body}</w:body>".encode() + WRAPPER[1]


def fitted(xml: bytes, together: bool) -> bytes:
    """The document fitted, its rows put back; with `together` false, every row measured and written alone."""
    styles = Styles(STYLES_XML)  # its own measurer: nothing measured by the other way is reused
    with mock.patch.object(table_bytes, "RUN", 5):
        if together:
            return restore_rows(*fit_tables(xml, styles))
        with mock.patch.object(table_bytes, "_alike_runs", lambda *_: {}):
            return restore_rows(*fit_tables(xml, styles))


KINDS = ["plain"] * 6 + ["span", "no width", "indent", "runs", "two", "header", "between"]
ROWS = st.lists(st.tuples(st.lists(st.sampled_from(TEXTS), min_size=4, max_size=4), st.sampled_from(KINDS)),
                min_size=0, max_size=40)


@settings(max_examples=60, deadline=None)
@given(rows=ROWS)
def test_rows_fitted_together_are_the_bytes_of_rows_fitted_one_at_a_time(rows):
    xml = document([row(texts, kind) for texts, kind in rows])
    assert fitted(xml, together=True) == fitted(xml, together=False)


def test_a_long_table_of_plain_rows_is_fitted_together_and_as_row_by_row():
    rng = random.Random(7)
    rows = [row([str(n), f"UBND xã Thử Nghiệm {n}", rng.choice(TEXTS), rng.choice(["Tốt", "Khá", ""])])
            for n in range(1, 1200)]
    xml = document(rows)
    with mock.patch.object(table_bytes, "_alike_with_widths", wraps=table_bytes._alike_with_widths) as together:
        result = fitted(xml, together=True)
    assert together.call_count > 100  # the quick way was taken, and it gives the plain way's bytes
    assert result == fitted(xml, together=False)
    widths = re.findall(rb'<w:tcW w:type="dxa" w:w="(\d+)"/>', result)
    assert len(set(widths[4:8])) == 4 and widths[4:8] * (len(rows)) == widths[4:]  # each row the header's widths


def test_the_widest_measure_of_a_column_widens_it_as_its_paragraphs_one_at_a_time_would():
    rng = random.Random(3)
    for _ in range(300):
        found = [(rng.uniform(0, 60), rng.uniform(0, 120), rng.choice([0, 1, SHORT, SHORT + 1, 40]), rng.uniform(0, 5))
                 for _ in range(rng.randint(0, 6))]
        header = rng.random() < 0.3
        measures = ColumnMeasures(1, 108)
        measures._add_measures(found, 0, header)
        least = preferred = 0.0  # the rule, a paragraph at a time
        for word, line, chars, indent in found:
            if not chars:
                continue
            wanted = max(word, line / (2 if chars <= SHORT else 3)) if header else line
            shortest = word if header or chars > SHORT else line
            least = max(least, ((shortest + indent) * (1 + SLACK_SHARE) + SLACK_MM) * TWIPS_PER_MM + 216)
            preferred = max(preferred, ((wanted + indent) * (1 + SLACK_SHARE) + SLACK_MM) * TWIPS_PER_MM + 216)
        assert (measures.least[0], measures.preferred[0]) == (least, preferred)


PLAIN_TEXT = st.text(st.sampled_from("aAđĐ ,0\u00a0&<>;xyz"), max_size=20).map(
    lambda text: text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


@settings(max_examples=300, deadline=None)
@given(text=PLAIN_TEXT, style=st.sampled_from([None, "BangSo", "BangChu", "NoSuchStyle"]),
       run=st.sampled_from(["<w:r>", "<w:r><w:rPr/>", '<w:r w:rsidR="00AB">']),
       opening=st.sampled_from(["<w:t>", '<w:t xml:space="preserve">']))
def test_a_paragraph_of_one_plain_run_measures_as_any_paragraph(text, style, run, opening):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    paragraph = f"<w:p>{ppr}{run}{opening}{text}</w:t></w:r></w:p>".encode()
    styles = Styles(STYLES_XML)
    quick = ParagraphMeasurer(styles, paragraph_measures, WRAPPER)._measure(paragraph)
    with mock.patch.object(row_measures, "_ONE_RUN", re.compile(rb"(?!)")):  # the general reading only
        general = ParagraphMeasurer(styles, paragraph_measures, WRAPPER)._measure(paragraph)
    assert quick == general


def test_a_part_given_in_pieces_is_zipped_as_the_same_part_whole():
    rng = random.Random(5)
    whole = b"".join(rng.choice([b"<w:tr>", b"</w:tr>", b"UBND x\xc3\xa3 ", b"100", b"\n"]) for _ in range(60_000))
    cuts = sorted(rng.sample(range(len(whole)), 200))
    pieces = [memoryview(whole)[a:b] for a, b in zip([0, *cuts], [*cuts, len(whole)], strict=True)]
    assert zipped({"a.xml": b"<a/>", "word/document.xml": iter(pieces)}) \
        == zipped({"a.xml": b"<a/>", "word/document.xml": whole})
    with zipfile.ZipFile(io.BytesIO(zipped({"word/document.xml": iter(pieces)}))) as archive:
        assert archive.read("word/document.xml") == whole

"""The layout written into every example document: widths in step, rules to ND30's measure, names whole."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from pipeline.documents.layout.line_breaks import NBSP, names_kept_whole
from pipeline.documents.layout.paragraph_looks import TWIPS_PER_MM, Styles, W
from pipeline.documents.layout.short_rules import is_rule
from pipeline.documents.layout.text_width import width_mm, wrapped_lines
from pipeline.flow import run_job
from tests.conftest import INPUTS

EXAMPLES = sorted(p.parent.name for p in INPUTS.glob("*/job.toml"))


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("layout-xml")
    found = {}
    for job in EXAMPLES:
        run_job(INPUTS / job, root / job)
        found |= {f"{job}/{d.name}": d for d in sorted((root / job).rglob("*.docx"))}
    return found


def parts(document: Path) -> tuple[etree._Element, Styles]:
    with zipfile.ZipFile(document) as archive:
        return etree.fromstring(archive.read("word/document.xml")), Styles(archive.read("word/styles.xml"))


def test_every_cell_width_is_the_sum_of_the_grid_columns_it_spans(documents):
    """Word reads `w:tcW`, LibreOffice `w:tblGrid`: the two must say the same."""
    tables = 0
    for name, document in documents.items():
        root, _ = parts(document)
        for table in root.iter(W + "tbl"):
            grid = [int(c.get(W + "w")) for c in table.findall(f"{W}tblGrid/{W}gridCol")]
            for row in table.findall(W + "tr"):
                column = 0
                for tc in row.findall(W + "tc"):
                    span = tc.find(f"{W}tcPr/{W}gridSpan")
                    span = int(span.get(W + "val")) if span is not None else 1
                    assert int(tc.find(f"{W}tcPr/{W}tcW").get(W + "w")) == sum(grid[column:column + span]), name
                    column += span
                assert column == len(grid), name
            tables += 1
    assert tables > 30


def test_data_tables_fit_the_text_width_of_their_page(documents):
    for name, document in documents.items():
        root, _ = parts(document)
        for table in root.iter(W + "tbl"):
            if table.find(f"{W}tr/{W}trPr/{W}tblHeader") is None:
                continue
            width = sum(int(c.get(W + "w")) for c in table.findall(f"{W}tblGrid/{W}gridCol"))
            assert width <= round(252 * TWIPS_PER_MM) + 1, name  # landscape A4 less 30 + 15 mm margins


def test_header_and_reason_cells_are_vertically_centred(documents):
    root, _ = parts(documents["huong-tra-2020-xep-loai/quyet-dinh.docx"])
    table = next(t for t in root.iter(W + "tbl") if t.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None)
    header = table.find(W + "tr")
    assert all(tc.find(f"{W}tcPr/{W}vAlign").get(W + "val") == "center" for tc in header.findall(W + "tc"))
    merged = [tc for tc in table.iter(W + "tc") if tc.find(f"{W}tcPr/{W}gridSpan") is not None]
    assert merged and all(tc.find(f"{W}tcPr/{W}vAlign").get(W + "val") == "center" for tc in merged)


def _rules_with_line_above(document: Path):
    root, styles = parts(document)
    for rule in (p for p in root.iter(W + "p") if is_rule(p)):
        above = rule.getprevious()
        tc = rule.getparent()
        if tc.tag == W + "tc":
            room = int(tc.find(f"{W}tcPr/{W}tcW").get(W + "w")) / TWIPS_PER_MM - 2 * 1.905
        else:  # the text width of the rule's section: its sectPr is the next one in the body
            section = next((e.find(f"{W}pPr/{W}sectPr") for e in rule.itersiblings()
                            if e.find(f"{W}pPr/{W}sectPr") is not None), tc.find(W + "sectPr"))
            size, margins = section.find(W + "pgSz"), section.find(W + "pgMar")
            room = (int(size.get(W + "w")) - int(margins.get(W + "left"))
                    - int(margins.get(W + "right"))) / TWIPS_PER_MM
        ind = rule.find(f"{W}pPr/{W}ind")
        yield above, styles, room, ind


@pytest.mark.parametrize("document", ["huong-tra-2020-xep-loai/quyet-dinh.docx",
                                      "chi-lang-2023-cchc/bao-cao-tu-cham.docx"])
def test_short_rules_measure_a_third_to_a_half_of_the_line_above_and_the_motto_all_of_it(documents, document):
    checked = 0
    for above, styles, room, ind in _rules_with_line_above(documents[document]):
        length = room - (int(ind.get(W + "left")) + int(ind.get(W + "right"))) / TWIPS_PER_MM
        text = "".join(above.itertext())
        look = styles.paragraph(above)
        bold = look.bold or any(r.find(f"{W}rPr/{W}b") is not None for r in above.iter(W + "r"))
        widest = max(wrapped_lines(text, look.size, room, bold, look.italic))
        share = length / widest
        if text == "Độc lập - Tự do - Hạnh phúc":
            assert share == pytest.approx(1, abs=0.02)
        else:
            assert 1 / 3 <= share <= 1 / 2, (text, share)
        checked += 1
    assert checked >= 3  # issuing body, motto, trích yếu


def test_the_measure_of_a_line_agrees_with_the_font():
    """Times New Roman 13 pt bold, the motto: 56,1 mm (Liberation Serif's advance widths, summed by hand:
    the rule under the motto in ND30's model documents is drawn as long, about 56 mm)."""
    assert width_mm("Độc lập - Tự do - Hạnh phúc", 13, bold=True) == pytest.approx(56.14, abs=0.05)
    assert width_mm("ủy", 12) < width_mm("ỦY", 12)


@pytest.mark.parametrize(("text", "kept"), [
    ("Ủy ban nhân dân thị xã Hương Trà", ["Ủy ban nhân dân", "thị xã Hương Trà"]),
    ("ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ", ["ỦY BAN NHÂN DÂN", "TỈNH THỪA THIÊN HUẾ"]),
    ("UBND PHƯỜNG HƯƠNG VĂN", ["PHƯỜNG HƯƠNG VĂN"]),
    ("(Kèm theo Quyết định số 1841/QĐ-UBND ngày 24 tháng 12 năm 2020 của Ủy ban nhân dân thị xã Hương Trà)",
     ["số 1841/QĐ-UBND", "ngày 24", "tháng 12", "năm 2020", "Ủy ban nhân dân", "thị xã Hương Trà)"]),
    ("Giám đốc Sở Tài chính tỉnh Tây Ninh", ["Sở Tài chính", "tỉnh Tây Ninh"]),
    ("của UBND thị xã Hương Trà trong 6 tháng", ["UBND thị xã Hương Trà"]),
    ("PHÒNG TÀI CHÍNH - KẾ HOẠCH", ["PHÒNG TÀI CHÍNH -", "KẾ HOẠCH"]),
])
def test_spaces_inside_names_do_not_break(text, kept):
    result = names_kept_whole(text)
    assert result.replace(NBSP, " ") == text  # nothing else changes
    for name in kept:
        assert name.replace(" ", NBSP) in result, name


def test_a_name_in_two_parts_breaks_only_after_its_dash():
    assert names_kept_whole("PHÒNG TÀI CHÍNH - KẾ HOẠCH").split(" ") == ["PHÒNG\u00a0TÀI\u00a0CHÍNH\u00a0-",
                                                                         "KẾ\u00a0HOẠCH"]


def test_spaces_between_names_and_in_ordinary_words_still_break():
    result = names_kept_whole("Ủy ban nhân dân thị xã Hương Trà công bố kết quả các xã, phường")
    assert result.split(" ") == ["Ủy\u00a0ban\u00a0nhân\u00a0dân", "thị\u00a0xã\u00a0Hương\u00a0Trà", "công", "bố",
                                 "kết", "quả", "các", "xã,", "phường"]


def test_an_approximate_score_keeps_its_sign_with_the_number(documents):
    """"quy đổi thang điểm 100: ≈ 89,38": the line never ends on "≈" (reports and appraisal notices)."""
    lines = [text for document in documents.values()
             if "≈" in (text := "".join(parts(document)[0].itertext()))]
    assert len(lines) >= 2  # the campaign example's reports and notices of units whose maximum is not 100
    for text in lines:
        assert "≈ " not in text and "≈\u00a0" in text

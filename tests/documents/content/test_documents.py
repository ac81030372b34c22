"""The generated Word documents, opened with python-docx and checked against the references."""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from pipeline.flow import run_job
from tests.conftest import INPUTS, unit_job
from tests.scoring.test_golden_huong_tra_2020 import PUBLISHED

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """Each example job run once into a temporary folder: job name → output folder."""
    root = tmp_path_factory.mktemp("outputs")
    for job in ("huong-tra-2020-xep-loai", "huong-tra-2021-tu-cham", "chi-lang-2023-cchc", "vi-du-2024-xep-hang-cchc"):
        run_job(INPUTS / job, root / job)
    return root


def read(text: str) -> str:
    """The text as a reader sees it: a non-breaking space (kept inside names) is a space."""
    return text.replace("\u00a0", " ")


def texts(cells):
    return [read(c.text) for c in cells]


def body_paragraphs(doc):
    return [read(p.text) for p in doc.paragraphs]


def header_cells(doc):
    table = doc.tables[0]
    header = [[read(p.text) for p in cell.paragraphs if p.text] for cell in table.rows[0].cells]
    return header, texts(table.rows[1].cells)


# ----------------------------------------------------------------- Quyết định 1841 with Phụ lục 01–03

@pytest.fixture(scope="module")
def decision(outputs):
    return Document(outputs / "huong-tra-2020-xep-loai" / "quyet-dinh.docx")


def test_decision_header_block(decision):
    (left, right), second = header_cells(decision)
    assert left == ["ỦY BAN NHÂN DÂN", "THỊ XÃ HƯƠNG TRÀ"]
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert second == ["Số: 1841/QĐ-UBND", "Hương Trà, ngày 24 tháng 12 năm 2020"]


def test_decision_title_authority_bases_and_articles(decision):
    paragraphs = body_paragraphs(decision)
    assert paragraphs[paragraphs.index("QUYẾT ĐỊNH") + 1] == (
        "Về việc công bố kết quả đánh giá, xếp loại chất lượng hoạt động năm 2020")
    assert "ỦY BAN NHÂN DÂN THỊ XÃ HƯƠNG TRÀ" in paragraphs and "QUYẾT ĐỊNH:" in paragraphs
    bases = [p for p in decision.paragraphs if p.text.startswith(("Căn cứ", "Xét đề nghị"))]
    assert len(bases) == 4 and all(p.style.font.italic for p in bases)
    assert bases[-1].text.endswith(".") and all(p.text.endswith(";") for p in bases[:-1])
    article_1 = next(p for p in decision.paragraphs if p.text.startswith("Điều 1."))
    assert article_1.runs[0].bold and "(chi tiết tại Phụ lục 01, 02 và 03 kèm theo)" in article_1.text
    assert any(p.text.startswith("Điều 3.") and p.text.endswith("./.") for p in decision.paragraphs)


def test_article_1_counts_come_from_the_data(decision):
    lines = [p.text for p in decision.paragraphs if p.text[:3] in ("a) ", "b) ", "c) ")]
    assert lines[0].startswith("a) Cơ quan chuyên môn (Phụ lục 01): 11/12 đơn vị được xếp loại, trong đó "
                               "4 đơn vị xếp loại Rất tốt, 6 đơn vị xếp loại Tốt, 1 đơn vị xếp loại Khá")
    assert "1 đơn vị xếp loại Rất tốt, 7 đơn vị xếp loại Tốt, 2 đơn vị xếp loại Khá" in lines[1]
    assert "Trung tâm GDNN-GDTX (89,73 điểm)" in lines[2] and "1 đơn vị xếp loại Tốt, 4 đơn vị xếp loại Khá" in lines[2]


def test_signature_block_and_recipients(decision):
    closing = decision.tables[1]
    left, right = closing.rows[0].cells
    assert [p.text for p in right.paragraphs if p.text] == [
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Họ và tên người ký)"]
    label, *items = [p for p in left.paragraphs if p.text]
    assert label.text == "Nơi nhận:" and label.style.font.size == Pt(12)
    assert label.style.font.bold and label.style.font.italic
    assert [p.text for p in items] == ["- Như Điều 3;", "- Sở Nội vụ tỉnh;", "- CT, các PCT UBND thị xã;",
                                       "- Lưu: VT, NV."]
    assert all(p.style.font.size == Pt(11) for p in items)


def two_decimals(published: str) -> str:
    """A published score ("83,2", "90,25") as the scheme prints it: 2 decimals kept ("83,20")."""
    return f"{Decimal(published.replace(',', '.')):.2f}".replace(".", ",")


@pytest.mark.parametrize("index, group", list(enumerate(PUBLISHED)))
def test_every_cell_of_the_appendix_tables_with_two_decimals_down_each_column(decision, index, group):
    # The published table trims zeros ("83,2" above "81,81"); the scheme now keeps 2 decimals down the column,
    # the maxima stay as typed ("100", "80").
    table = decision.tables[2 + index]
    assert texts(table.rows[0].cells)[:2] == ["TT", "Đơn vị"]
    maxima = {"UBND các xã, phường": "80"}.get(group, "100")
    for row, (position, (unit, score, label, rank)) in zip(table.rows[1:], enumerate(PUBLISHED[group], 1), strict=True):
        cells = texts(row.cells)
        if score is None:
            assert cells[:3] == [str(position), unit, "Không đánh giá trong năm 2020 vì không có báo cáo và TLKC"]
            continue
        expected_points = two_decimals(score) if maxima == "100" else cells[4]  # on 100 the points are the score
        assert cells == [str(position), unit, "100", maxima, expected_points, two_decimals(score), label, str(rank), ""]
    assert len(table.rows) == 1 + len(PUBLISHED[group])


def test_appraised_points_of_communes_are_the_raw_points_with_the_column_decimals(decision):
    table = decision.tables[3]
    assert [row.cells[4].text for row in table.rows[1:4]] == ["72,20", "68,96", "68,79"]


def _grid_span_and_vmerge(row):
    tcs = row._tr.findall(qn("w:tc"))
    merged = tcs[2].tcPr
    span = merged.find(qn("w:gridSpan"))
    vmerge = merged.find(qn("w:vMerge"))
    return (int(span.get(qn("w:val"))) if span is not None else 1,
            vmerge.get(qn("w:val")) if vmerge is not None else None, len(tcs))


def test_units_not_evaluated_have_their_reason_merged_across_and_down(decision):
    communes = decision.tables[3]
    merges = [_grid_span_and_vmerge(row) for row in communes.rows[11:16]]
    assert merges == [(6, "restart", 4)] + [(6, "continue", 4)] * 4
    first_office = _grid_span_and_vmerge(decision.tables[2].rows[12])
    assert first_office == (6, "restart", 4)


def test_appendix_titles_and_reference_line(decision):
    paragraphs = body_paragraphs(decision)
    for number, subtitle in (("01", "(Đối với các cơ quan chuyên môn)"), ("02", "(Đối với UBND các xã, phường)"),
                             ("03", "(Đối với các đơn vị sự nghiệp)")):
        at = paragraphs.index(f"PHỤ LỤC {number}")
        assert paragraphs[at + 1:at + 4] == [
            "KẾT QUẢ ĐÁNH GIÁ CHẤT LƯỢNG HOẠT ĐỘNG CƠ QUAN NĂM 2020", subtitle,
            "(Kèm theo Quyết định số 1841/QĐ-UBND ngày 24 tháng 12 năm 2020 của Ủy ban nhân dân thị xã Hương Trà)"]


def test_page_setup_a4_margins_and_landscape_appendices(decision):
    sections = decision.sections
    assert len(sections) == 4
    main, *appendices = sections
    assert (main.page_width.twips, main.page_height.twips) == (11906, 16838)  # A4
    margins = (main.top_margin, main.bottom_margin, main.left_margin, main.right_margin)
    assert [m.twips for m in margins] == [1134, 1134, 1701, 850]  # 20, 20, 30, 15 mm
    assert main.different_first_page_header_footer
    assert "PAGE" in main.header._element.xml and main.first_page_header.paragraphs[0].text == ""
    for section in appendices:
        assert (section.page_width.twips, section.page_height.twips, section.orientation) == (16838, 11906, 1)
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
        assert section.different_first_page_header_footer


@pytest.mark.parametrize("style, size, bold, italic", [
    ("QuocHieu", 12, True, None), ("TieuNgu", 13, True, None), ("CoQuan", 12, True, None),
    ("SoKyHieu", 13, None, None), ("DiaDanhNgay", 13, None, True), ("TenLoai", 14, True, None),
    ("TrichYeu", 14, True, None), ("ChucVuKy", 14, True, None), ("PhuLucSo", 14, True, None),
])
def test_header_element_fonts_and_sizes(decision, style, size, bold, italic):
    font = decision.styles[style].font
    assert (font.size, font.bold or None, font.italic or None) == (Pt(size), bold, italic)
    normal = decision.styles["Normal"].element.rPr.rFonts
    assert {normal.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Times New Roman"}


def test_header_row_of_tables_repeats_on_every_page(decision):
    for table in decision.tables[2:]:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


# ----------------------------------------------------------------- Báo cáo 2445/BC-UBND

@pytest.fixture(scope="module")
def report(outputs):
    return Document(outputs / "huong-tra-2021-tu-cham" / "bao-cao-tu-cham.docx")


def test_report_header_title_and_date_line(report):
    (left, _), second = header_cells(report)
    assert left == ["ỦY BAN NHÂN DÂN", "THỊ XÃ HƯƠNG TRÀ"]
    assert second == ["Số: 2445/BC-UBND", "Hương Trà, ngày 06 tháng 7 năm 2021"]
    paragraphs = body_paragraphs(report)
    assert paragraphs[paragraphs.index("BÁO CÁO") + 1] == (
        "Kết quả tự chấm điểm đánh giá, xếp loại chất lượng hoạt động của UBND thị xã Hương Trà "
        "trong 6 tháng đầu năm 2021")


def test_report_table_rows_and_totals(report):
    table = report.tables[1]
    # the table's last two rows stand in a table of their own, kept with the signature (`keep_with_signature`)
    rows = [texts(r.cells) for t in report.tables[1:3] for r in t.rows]
    assert rows[0] == ["Mã số", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự chấm",
                       "Lý giải việc chấm điểm"]
    assert rows[1] == ["", "TỔNG ĐIỂM", "34", "28,692", ""]
    by_code = {r[0]: r for r in rows[2:] if r[0]}
    assert by_code["I"][2:4] == ["12", "7,692"] and by_code["II"][2:4] == ["18", "17"]
    assert by_code["III"][2:4] == ["4", "4"] and by_code["1.2.1"][2:4] == ["5", "2,868"]
    assert by_code["1.2.1"][4].startswith("Tổng cộng trong 6 tháng đầu năm 2021")
    codes = [r[0] for r in rows[2:] if r[0]]
    assert codes == ["I", "1.2", "1.2.1", "1.2.2", "1.3", "II", "2.1", "2.2", "2.2.1", "2.2.2", "2.3", "2.4", "2.5",
                     "III", "3.1", "3.4"]
    assert len(rows) == 1 + 1 + 41  # header, TỔNG ĐIỂM, the 41 lines of the published table
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_fields_are_bold_and_sub_items_set_apart(report):
    table = report.tables[1]
    field = next(r for r in table.rows if r.cells[0].text == "II")
    criterion = next(r for r in table.rows if r.cells[0].text == "2.2")
    item = next(r for r in table.rows if r.cells[1].text == "Hoàn thành đúng thời hạn")
    assert all(run.bold for run in field.cells[1].paragraphs[0].runs)
    assert not any(run.bold or run.italic for run in criterion.cells[1].paragraphs[0].runs)
    assert all(run.italic for run in item.cells[1].paragraphs[0].runs)
    assert item.cells[1].paragraphs[0].paragraph_format.left_indent > 0


def test_report_signature_block(report):
    right = report.tables[-1].rows[0].cells[1]
    assert [p.text for p in right.paragraphs if p.text] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Hà Văn Tuấn"]


# ----------------------------------------------------------------- Chi Lăng CCHC report

@pytest.fixture(scope="module")
def chi_lang(outputs):
    return Document(outputs / "chi-lang-2023-cchc" / "bao-cao-tu-cham.docx")


def test_unassigned_number_and_date_are_left_blank(chi_lang):
    second = [cell.text for cell in chi_lang.tables[0].rows[1].cells]  # as written: the blanks are non-breaking
    assert second[0] == f"Số: {NBSP * 6}/BC-UBND"
    assert second[1].startswith("Chi Lăng, ngày") and not any(ch.isdigit() for ch in second[1])


def test_bonus_and_penalty_rows_as_typed_total_and_self_rating_at_the_score_decimals(chi_lang):
    rows = [texts(r.cells) for r in chi_lang.tables[1].rows]
    # the fields' typed points summed over their maximum, both without the bonus, which has its own row (the
    # published report's "80 | 67,06" put the bonus in the points and not in the maximum)
    assert rows[1] == ["", "TỔNG ĐIỂM", "80", "64,06", ""]
    assert rows[-2][1:4] == ["Điểm thưởng", "5", "3"] and rows[-1][1:4] == ["Điểm trừ", "", "0"]
    # 64,06 of 80 in the fields; 64,06 / 80 × 100 = 80,075; + 3 of bonus = 83,075 (the published report
    # printed 67,06/80 then 83,075, which no reader can recompute: 67,06 / 80 × 100 = 83,825)
    assert ("Tổng điểm tự chấm các lĩnh vực: 64,06/80 điểm; quy đổi thang điểm 100: 80,075; cộng điểm thưởng "
            "3; kết quả: 83,075 điểm; tự xếp loại: Tốt./." in body_paragraphs(chi_lang))


def test_line_breaks_in_a_rationale_stay_line_breaks(chi_lang):
    cell = chi_lang.tables[1].rows[-2].cells[4]
    assert cell.text.split("\n")[0].endswith("huyện Chi Lăng;") and "<w:br/>" in cell._tc.xml


# ----------------------------------------------------------------- Chỉ số CCHC ranking

@pytest.fixture(scope="module")
def cchc(outputs):
    return Document(outputs / "vi-du-2024-xep-hang-cchc" / "quyet-dinh.docx")


def test_cchc_ranking_three_decimals_shared_rank_and_components(cchc):
    table = next(t for t in cchc.tables if t.rows[0].cells[1].text == "Tên đơn vị")
    rows = [texts(r.cells) for r in table.rows]
    assert rows[0] == ["TT", "Tên đơn vị", "Điểm thẩm định", "Điểm điều tra xã hội học", "Điểm đánh giá",
                       "Vị thứ", "Xếp loại"]
    assert rows[1] == ["1", "Sở Nội vụ", "66,215", "31,470", "97,685", "1", "Xuất sắc"]
    assert [r[5] for r in rows[1:7]] == ["1", "2", "3", "3", "5", "6"]
    assert rows[7][2] == "Không đánh giá do không gửi báo cáo tự chấm điểm và tài liệu kiểm chứng"
    right = cchc.tables[1].rows[0].cells[1]
    assert [p.text for p in right.paragraphs if p.text] == ["CHỦ TỊCH", "(Họ và tên người ký)"]
    assert "Phụ lục I" in body_paragraphs(cchc) and "Phụ lục II" in body_paragraphs(cchc)


def test_cchc_standalone_table(tmp_path):
    job = tmp_path / "bang"
    shutil.copytree(INPUTS / "vi-du-2024-xep-hang-cchc", job)
    settings = job / "job.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace('form = "quyet-dinh"', 'form = "bang"'),
                        encoding="utf-8")
    run_job(job, tmp_path / "out")
    doc = Document(tmp_path / "out" / "bang-xep-hang.docx")
    paragraphs = body_paragraphs(doc)
    assert "I. SỞ, BAN, NGÀNH" in paragraphs and "II. UBND CẤP XÃ" in paragraphs
    assert len(doc.tables) == 2 and doc.tables[1].rows[1].cells[4].text == "92,285"


@pytest.mark.parametrize("job, columns", [("vinh-phuc-2019-chi-so-cchc", 6),
                                         ("thanh-hoa-so-nganh-chi-so-cchc", 4)])  # rank only
def test_unit_names_have_room_in_the_portrait_ranking_table(tmp_path, job, columns):
    # With the two component columns the portrait table once left the name 13 mm: "Sở Tài chín/h", one word a line.
    run_job(INPUTS / job, tmp_path / "out")
    for table in Document(tmp_path / "out" / "bang-xep-hang.docx").tables:
        grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert len(grid) == columns and grid[1] == max(grid) and grid[1] / 1440 * 25.4 > 50
        assert sum(grid) / 1440 * 25.4 <= 165.5  # portrait text width


# ----------------------------------------------------------------- escaping and numbering

def test_special_characters_appear_exactly_as_typed(tmp_path):
    header = ["Đơn vị", "Tổng điểm thẩm định", "Ghi chú"]
    name = 'Phòng A & B <C> "D"'
    job = unit_job(tmp_path / "job", {"Khối A": [header, [name, 90, "x < y & z > 'w'"]],
                                       "Khối B": [header, ["Phòng E", 80, None]]})
    run_job(job, tmp_path / "out")
    doc = Document(tmp_path / "out" / "quyet-dinh.docx")
    row = texts(doc.tables[2].rows[1].cells)
    assert row[1] == name and row[-1] == "x < y & z > 'w'"


def test_roman_appendix_numbering(tmp_path):
    header = ["Đơn vị", "Tổng điểm thẩm định"]
    job = unit_job(tmp_path / "job", {"Khối A": [header, ["Phòng A", 90]], "Khối B": [header, ["Phòng B", 80]]})
    run_job(job, tmp_path / "out")
    doc = Document(tmp_path / "out" / "quyet-dinh.docx")
    paragraphs = body_paragraphs(doc)
    assert "Phụ lục I" in paragraphs and "Phụ lục II" in paragraphs
    assert any("(chi tiết tại Phụ lục I và II kèm theo)" in p for p in paragraphs)


@pytest.mark.parametrize("day, text", [
    ("2022-01-05", "ngày 05 tháng 01 năm 2022"), ("2021-07-06", "ngày 06 tháng 7 năm 2021"),
    ("2019-06-29", "ngày 29 tháng 6 năm 2019"), ("2019-09-03", "ngày 03 tháng 9 năm 2019"),
    ("2020-02-10", "ngày 10 tháng 02 năm 2020"), ("2020-12-24", "ngày 24 tháng 12 năm 2020"),
])
def test_nd30_dates(day, text):
    from datetime import date

    from pipeline.base.formatting import nd30_date
    assert nd30_date(date.fromisoformat(day)) == text


def test_numbers_below_ten_take_a_leading_zero(tmp_path):
    from tests.conftest import UNIT_JOB

    header = ["Đơn vị", "Tổng điểm thẩm định"]
    settings = UNIT_JOB.replace('number = ""', 'number = "5"').replace('date = ""', "date = 2022-01-05")
    job = unit_job(tmp_path / "job", {"Khối A": [header, ["Phòng A", 90]], "Khối B": [header, ["Phòng B", 80]]},
                   settings=settings)
    run_job(job, tmp_path / "out")
    _, second = header_cells(Document(tmp_path / "out" / "quyet-dinh.docx"))
    assert second == ["Số: 05/QĐ-UBND", "Thử Nghiệm, ngày 05 tháng 01 năm 2022"]


def test_signature_authority_must_use_an_nd30_prefix(tmp_path):
    from pipeline.base.errors import InputErrors
    from pipeline.read.job_folder import read_job
    from tests.conftest import UNIT_JOB

    settings = UNIT_JOB.replace('authority = ["TM. ỦY BAN NHÂN DÂN"]', 'authority = ["THAY MẶT ỦY BAN"]')
    job = unit_job(tmp_path / "job", {"Khối A": [["Đơn vị", "Tổng điểm thẩm định"], ["Phòng A", 90]]},
                   settings=settings)
    with pytest.raises(InputErrors) as caught:
        read_job(job)
    [found] = caught.value.problems
    assert (found.detail("key"), found.value) == ("document.signature.authority", "THAY MẶT ỦY BAN")

"""Builds the Word templates of `templates/docx/` in the form of Nghị định 30/2020.

The .docx files are the product: office staff open and edit them in Word. This script
only makes the first version reproducible; once staff edit a template, their file is the
one that counts. Each element has a named paragraph style (QuocHieu, TieuNgu, CoQuan,
TenLoai, TrichYeu, CanCu, NoiNhan, ChucVuKy, PhuLuc…), so fonts and sizes change in one
place (Word: Home > Styles > Modify). Run: `python scripts/build_templates.py`.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

OUT = Path(__file__).resolve().parent.parent / "templates" / "docx"
FONT = "Times New Roman"
A4_SHORT, A4_LONG = Mm(210), Mm(297)
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
TEXT_WIDTH = 165  # mm, portrait: 210 − 30 − 15
LANDSCAPE_WIDTH = 252  # mm: 297 − 30 − 15
CELL_MARGIN = 1.9  # mm, Word's default left and right cell padding
HEADER_COLUMNS = (62, 103)  # mm: issuing body | Quốc hiệu (needs ≥ 92 mm at 12 pt)
CENTER, LEFT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY

# name: (size pt, bold, italic, alignment, space before pt, space after pt, first-line indent mm)
STYLES = {
    "CoQuanChuQuan": (12, False, False, CENTER, 0, 0, 0),
    "CoQuan": (12, True, False, CENTER, 0, 0, 0),
    "QuocHieu": (12, True, False, CENTER, 0, 0, 0),
    "TieuNgu": (13, True, False, CENTER, 0, 0, 0),
    "SoKyHieu": (13, False, False, CENTER, 6, 0, 0),
    "DiaDanhNgay": (13, False, True, CENTER, 6, 0, 0),
    "TenLoai": (14, True, False, CENTER, 18, 0, 0),
    "TrichYeu": (14, True, False, CENTER, 0, 0, 0),
    "ThamQuyen": (14, True, False, CENTER, 12, 12, 0),
    "CanCu": (14, False, True, JUSTIFY, 0, 6, 12.7),
    "QuyetDinhLabel": (14, True, False, CENTER, 6, 12, 0),
    "NoiDung": (14, False, False, JUSTIFY, 0, 6, 12.7),
    "NoiNhanLabel": (12, True, True, LEFT, 0, 0, 0),
    "NoiNhan": (11, False, False, LEFT, 0, 0, 0),
    "ChucVuKy": (14, True, False, CENTER, 0, 0, 0),
    "HoTenKy": (14, True, False, CENTER, 0, 0, 0),
    "PhuLucSo": (14, True, False, CENTER, 0, 0, 0),
    "PhuLucTen": (14, True, False, CENTER, 0, 0, 0),
    "PhuLucKemTheo": (14, False, True, CENTER, 0, 0, 0),
    "NhomBang": (13, True, False, LEFT, 12, 6, 0),
    "BangTieuDe": (12, True, False, CENTER, 2, 2, 0),
    "BangSo": (12, False, False, CENTER, 2, 2, 0),
    "BangChu": (12, False, False, LEFT, 2, 2, 0),
    "DongKe": (4, False, False, CENTER, 0, 6, 0),
    "SoTrang": (14, False, False, CENTER, 0, 0, 0),
}


# ---------------------------------------------------------------- page and styles

def new_document() -> Document:
    doc = Document()
    _base_styles(doc)
    section = doc.sections[0]
    _page(section, landscape=False)
    _clean_package(doc)
    return doc


# Children of table and row properties in the order the schema (ECMA-376, CT_TblPr, CT_TrPr) requires:
# Word repairs a file whose children are out of order.
TBL_PR_ORDER = ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
                "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
                "w:tblPrChange")
TR_PR_ORDER = ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit",
               "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del",
               "w:trPrChange")


def _insert_in_order(parent, child, order: tuple[str, ...]) -> None:
    """`child` placed before the first sibling the schema puts after it (not simply appended)."""
    tag = next(name for name in order if qn(name) == child.tag)
    parent.insert_element_before(child, *order[order.index(tag) + 1:])


# python-docx's default package: a Word 2010 `stylesWithEffects` part (a copy of the styles that
# python-docx never updates, so its docDefaults and styles differ from styles.xml: Word may call
# the file unreadable) and a thumbnail of an empty page. Word 2013 and later do not write either part;
# Word 2010 reads styles.xml when stylesWithEffects is absent. Both are left out.
UNUSED_PARTS = ("http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail")
CORE_KEPT = ("title", "creator")  # filled at render time from the document (`render.py`)
APP_PROPERTIES = (b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
                  b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
                  b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>')


def _clean_package(doc: Document) -> None:
    """No leftovers of python-docx's default file: parts Word does not need, its 2013 dates,
    revision and "Microsoft Macintosh Word" application; an empty title and author stay, for
    each document to fill in."""
    for owner in (doc.part, doc.part.package):
        for rId, rel in list(owner.rels.items()):
            if rel.reltype in UNUSED_PARTS:
                del owner.rels[rId]
    core = doc.core_properties._element
    for element in list(core):
        if etree.QName(element).localname not in CORE_KEPT:
            core.remove(element)
    doc.core_properties.title = ""
    doc.core_properties.author = ""
    for part in doc.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = APP_PROPERTIES


def _fonts(rpr_owner) -> None:
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")


def _base_styles(doc: Document) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    _fonts(normal.element)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    for name, (size, bold, italic, align, before, after, indent) in STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.space_before = Pt(before)
        fmt.space_after = Pt(after)
        fmt.first_line_indent = Mm(indent) if indent else None
        fmt.widow_control = True


def _page(section, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (A4_LONG, A4_SHORT) if landscape else (A4_SHORT, A4_LONG)
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    section.different_first_page_header_footer = True


def section_break(doc: Document):
    """A next-page section break; returns the section after it.

    python-docx puts the break in a new empty paragraph. LibreOffice, on saving, moves the break of
    an empty paragraph into the paragraph before it; before a `{%p … %}` paragraph, which docxtpl
    removes, the break would go with it (appendices running on, page numbers not restarting). A space
    keeps the paragraph, and the break, where they are.
    """
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    doc.paragraphs[-1].add_run(" ")
    return section


def restart_page_numbers(section) -> None:
    """Each appendix numbers its pages from 1 (Nghị định 30, Phụ lục I, III.1)."""
    sectPr = section._sectPr
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    sectPr.find(qn("w:cols")).addprevious(numbering)


def page_numbers(doc: Document, index: int = 0) -> None:
    """Page number centred at the top from page 2; none on the first page (I.7); in the `index`th section."""
    section = doc.sections[index]
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.style = doc.styles["SoTrang"]
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text.strip().isdigit():
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    first = section.first_page_header
    first.is_linked_to_previous = False


# ---------------------------------------------------------------- building blocks

def paragraph(container, style: str, text: str = "", bold_prefix: str = ""):
    p = container.add_paragraph(style=style)
    if bold_prefix:
        p.add_run(bold_prefix).bold = True
    if text:
        p.add_run(text)
    return p


def rule(container, line_mm: float, width_mm: float):
    """A centred solid line of `line_mm` drawn as the bottom border of an empty paragraph."""
    p = container.add_paragraph(style="DongKe")
    side = max(0.0, (width_mm - line_mm) / 2)
    p.paragraph_format.left_indent = Mm(side)
    p.paragraph_format.right_indent = Mm(side)
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr")
    return p


def tagged(container, style: str, opening: str, body: str, closing: str) -> None:
    """Three paragraphs: a `{%p …%}` tag, the repeated or conditional line, the closing tag."""
    for text in (opening, body, closing):
        paragraph(container, style, text)


def _cell_text(cell, style: str, text: str = ""):
    p = cell.paragraphs[0]
    p.style = style
    if text:
        p.add_run(text)
    return p


def _widths(table, widths_mm) -> None:
    table.autofit = False  # <w:tblLayout w:type="fixed"/>, in its place
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(int(Mm(width).twips)))
    for row in table.rows:  # a cell merged across takes the width of every column it spans
        column = 0
        for tc in row._tr.tc_lst:
            tc.width = Mm(sum(widths_mm[column:column + tc.grid_span]))
            column += tc.grid_span


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    _insert_in_order(table._tbl.tblPr, borders, TBL_PR_ORDER)


def _grid_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
            element.set(qn(key), value)
        borders.append(element)
    _insert_in_order(table._tbl.tblPr, borders, TBL_PR_ORDER)


def _row_flags(row, header: bool = False) -> None:
    trpr = row._tr.get_or_add_trPr()
    _insert_in_order(trpr, OxmlElement("w:cantSplit"), TR_PR_ORDER)
    if header:
        _insert_in_order(trpr, OxmlElement("w:tblHeader"), TR_PR_ORDER)


def _tag_row(table, tag: str) -> None:
    """A row holding only a docxtpl row tag such as `{%tr for u in units %}`."""
    row = table.add_row()
    _cell_text(row.cells[0], "BangChu", tag)


def header_block(doc: Document) -> None:
    """Ô 1–4: issuing body | Quốc hiệu, Tiêu ngữ; then Số | địa danh, ngày (one row, one baseline)."""
    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _widths(table, HEADER_COLUMNS)
    left, right = table.rows[0].cells
    _cell_text(left, "CoQuanChuQuan", "{%p if parent_body %}")
    paragraph(left, "CoQuanChuQuan", "{{ parent_body }}")
    paragraph(left, "CoQuanChuQuan", "{%p endif %}")
    tagged(left, "CoQuan", "{%p for line in issuing_body %}", "{{ line }}", "{%p endfor %}")
    rule(left, 20, HEADER_COLUMNS[0] - 2 * CELL_MARGIN)
    _cell_text(right, "QuocHieu", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    paragraph(right, "TieuNgu", "Độc lập - Tự do - Hạnh phúc")
    rule(right, 56, HEADER_COLUMNS[1] - 2 * CELL_MARGIN)
    number, place = table.rows[1].cells
    _cell_text(number, "SoKyHieu", "Số: {{ number }}/{{ symbol }}")
    _cell_text(place, "DiaDanhNgay", "{{ place }}, {{ date }}")


def title_block(doc: Document, kind_name: str) -> None:
    """Ô 5a: tên loại, trích yếu, and the short line under them."""
    paragraph(doc, "TenLoai", kind_name)
    paragraph(doc, "TrichYeu", "{{ title }}")
    rule(doc, 50, TEXT_WIDTH)


def closing_block(doc: Document, spacer: bool = True) -> None:
    """Nơi nhận (left) and the signature block (right), in a borderless table; after an empty line (`spacer`)."""
    if spacer:
        doc.add_paragraph(style="NoiDung")
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, (80, 85))
    _row_flags(table.rows[0])  # the signature block never splits across pages
    left, right = table.rows[0].cells
    _cell_text(left, "NoiNhanLabel", "Nơi nhận:")
    tagged(left, "NoiNhan", "{%p for line in recipients %}", "- {{ line }}", "{%p endfor %}")
    _cell_text(right, "ChucVuKy", "{%p for line in signature.authority %}")
    paragraph(right, "ChucVuKy", "{{ line }}")
    paragraph(right, "ChucVuKy", "{%p endfor %}")  # first line of a cell: the cell's own paragraph
    paragraph(right, "ChucVuKy", "{{ signature.position }}")
    for _ in range(4):
        paragraph(right, "HoTenKy")
    paragraph(right, "HoTenKy", "{{ signature.name }}")


def data_table(doc: Document, headers: list[str], widths: list[float]):
    table = doc.add_table(rows=1, cols=len(headers))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _grid_borders(table)
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell_text(cell, "BangTieuDe", text)
        cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    _row_flags(table.rows[0], header=True)
    return table


def data_row(table, cells: list[tuple[str, str]], bold: bool = False, italic: bool = False):
    row = table.add_row()
    _row_flags(row)
    for cell, (style, text) in zip(row.cells, cells, strict=False):  # cells left over: merged by the caller
        p = _cell_text(cell, style)
        if style == "BangSo":  # a number or a label beside a name on two lines sits in the middle
            cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
        if text:
            run = p.add_run(text)
            run.bold = bold or None
            run.italic = italic or None
    return row


def merge_across(row, first: int, last: int, style: str, text: str) -> None:
    merged = row.cells[first].merge(row.cells[last])
    merged.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    for extra in merged.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    p = merged.paragraphs[0]
    p.style = style
    for run in list(p.runs):
        run._r.getparent().remove(run._r)
    p.add_run(text)


# ---------------------------------------------------------------- the templates

def report() -> Document:
    """Báo cáo kết quả tự chấm điểm (self-assessment report)."""
    doc = new_document()
    header_block(doc)
    title_block(doc, "BÁO CÁO")
    widths = [13, 56, 17, 19, 60]
    table = data_table(doc, ["Mã số", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự chấm",
                             "Lý giải việc chấm điểm"], widths)
    data_row(table, [("BangSo", ""), ("BangChu", "TỔNG ĐIỂM"), ("BangSo", "{{ total.max_points }}"),
                     ("BangSo", "{{ total.points }}"), ("BangChu", "")], bold=True)
    row_cells = [("BangSo", "{{ row.code }}"), ("BangChu", "{{ row.title }}"), ("BangSo", "{{ row.max_points }}"),
                 ("BangSo", "{{ row.points }}"), ("BangChu", "{{ row.rationale }}")]
    _criteria_rows(table, row_cells)
    for extra in ("bonus", "penalty"):
        _tag_row(table, f"{{%tr if {extra} %}}")
        data_row(table, [("BangSo", ""), ("BangChu", f"{{{{ {extra}.title }}}}"),
                         ("BangSo", f"{{{{ {extra}.max_points }}}}"), ("BangSo", f"{{{{ {extra}.points }}}}"),
                         ("BangChu", f"{{{{ {extra}.rationale }}}}")])
        _tag_row(table, "{%tr endif %}")
    _widths(table, widths)
    paragraph(doc, "NoiDung", "{%p if self_rating %}")
    rating = paragraph(doc, "NoiDung", "{{ self_rating }}")
    rating.paragraph_format.space_before = Pt(6)  # not against the table's last row
    paragraph(doc, "NoiDung", "{%p endif %}")
    closing_block(doc)
    page_numbers(doc)
    return doc


def _criteria_rows(table, row_cells: list[tuple[str, str]]) -> None:
    """The repeated rows of a criteria table: a field bold, a criterion plain, a scored item italic and indented."""
    _tag_row(table, "{%tr for row in criteria %}")
    _tag_row(table, "{%tr if row.kind == 'field' %}")
    data_row(table, row_cells, bold=True)
    _tag_row(table, "{%tr elif row.kind == 'criterion' %}")
    data_row(table, row_cells)
    _tag_row(table, "{%tr else %}")
    item = data_row(table, row_cells, italic=True)
    item.cells[1].paragraphs[0].paragraph_format.left_indent = Mm(3)
    _tag_row(table, "{%tr endif %}")
    _tag_row(table, "{%tr endfor %}")


def notice() -> Document:
    """Thông báo kết quả thẩm định: each criterion's maximum, self-assessed and appraised points, difference,
    appraisal note; the totals, bonus and penalty; the result line; issued by the council or the secretariat."""
    doc = new_document()
    header_block(doc)
    title_block(doc, "THÔNG BÁO")
    paragraph(doc, "NoiDung", "{{ intro }}")
    widths = [13, 44, 15, 15, 17, 16, 45]
    table = data_table(doc, ["Mã số", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định", "Chênh lệch",
                             "Ý kiến thẩm định"], widths)
    data_row(table, [("BangSo", ""), ("BangChu", "TỔNG ĐIỂM"), ("BangSo", "{{ total.max_points }}"),
                     ("BangSo", "{{ total.self_points }}"), ("BangSo", "{{ total.appraised_points }}"),
                     ("BangSo", "{{ total.difference }}"), ("BangChu", "")], bold=True)
    row_cells = [("BangSo", "{{ row.code }}"), ("BangChu", "{{ row.title }}"), ("BangSo", "{{ row.max_points }}"),
                 ("BangSo", "{{ row.self_points }}"), ("BangSo", "{{ row.appraised_points }}"),
                 ("BangSo", "{{ row.difference }}"), ("BangChu", "{{ row.note }}")]
    _criteria_rows(table, row_cells)
    for extra in ("bonus", "penalty"):
        _tag_row(table, f"{{%tr if {extra} %}}")
        data_row(table, [("BangSo", ""), ("BangChu", f"{{{{ {extra}.title }}}}"),
                         *[("BangSo", f"{{{{ {extra}.{name} }}}}")
                           for name in ("max_points", "self_points", "appraised_points", "difference")],
                         ("BangChu", f"{{{{ {extra}.note }}}}")])
        _tag_row(table, "{%tr endif %}")
    _widths(table, widths)
    summary = paragraph(doc, "NoiDung", "{{ summary }}")
    summary.paragraph_format.space_before = Pt(6)  # not against the table's last row
    # 12 pt to the signature instead of an empty line (28 pt once folded): with it, the summary and the
    # signature block needed 2 mm more than the 62 mm a one-page notice leaves under its table
    summary.paragraph_format.space_after = Pt(12)
    closing_block(doc, spacer=False)
    page_numbers(doc)
    return doc


def _decision_body(doc: Document) -> None:
    header_block(doc)
    title_block(doc, "QUYẾT ĐỊNH")
    paragraph(doc, "ThamQuyen", "{{ authority }}")
    tagged(doc, "CanCu", "{%p for line in bases %}", "{{ line }}", "{%p endfor %}")
    paragraph(doc, "QuyetDinhLabel", "QUYẾT ĐỊNH:")
    paragraph(doc, "NoiDung", " {{ article_1 }}", bold_prefix="Điều 1.")
    tagged(doc, "NoiDung", "{%p for line in article_1_lines %}", "{{ line }}", "{%p endfor %}")
    paragraph(doc, "NoiDung", " {{ article_2 }}", bold_prefix="Điều 2.")
    paragraph(doc, "NoiDung", " {{ article_3 }}", bold_prefix="Điều 3.")
    closing_block(doc)


def _appendix_head(doc: Document) -> None:
    paragraph(doc, "PhuLucSo", "{{ appendix.label }}")
    paragraph(doc, "PhuLucTen", "{{ appendix.title }}")
    tagged(doc, "PhuLucTen", "{%p if appendix.subtitle %}", "{{ appendix.subtitle }}", "{%p endif %}")
    paragraph(doc, "PhuLucKemTheo", "{{ attached_to }}")
    rule(doc, 50, LANDSCAPE_WIDTH)


def _appendix_sections(doc: Document, table_builder) -> None:
    """One landscape section per appendix, inside a loop; page numbers restart at 1."""
    main = section_break(doc)
    _page(main, landscape=True)
    restart_page_numbers(main)
    paragraph(doc, "PhuLucSo", "{%p for appendix in appendices %}")
    _appendix_head(doc)
    table_builder(doc)
    paragraph(doc, "DongKe", "{%p if not loop.last %}")
    section_break(doc)
    paragraph(doc, "DongKe", "{%p endif %}")
    paragraph(doc, "DongKe", "{%p endfor %}")


def _ranking_table(doc: Document, appraised: bool = False) -> None:
    """The table of `reference/000…`: units not evaluated follow, reason merged across and down.

    Two versions, one grid each: with the Xếp loại column, and without it for a rank-only group
    (`labels = []`), where the unit column takes its width. A campaign's decision (`appraised`)
    has four more before them, for its appraised results: only that template carries them, so the
    ordinary decision stays as small and quick to prepare as its one table needs. After them, the same
    versions with the change against the previous period (`appendix.compared`, `[previous]` in job.toml).
    """
    _with_and_without_change(doc, lambda compared: _ranking_versions(doc, appraised, compared))


def _with_and_without_change(doc: Document, versions) -> None:
    """`versions(False)`, then `versions(True)` (with the change against the previous period), one of them kept."""
    paragraph(doc, "DongKe", "{%p if not appendix.compared %}")
    versions(False)
    paragraph(doc, "DongKe", "{%p else %}")
    versions(True)
    paragraph(doc, "DongKe", "{%p endif %}")


def _ranking_versions(doc: Document, appraised: bool, compared: bool) -> None:
    versions = []  # (condition, build): one grid each, the first whose condition holds is kept
    if appraised:
        versions += [(f"appendix.appraisal and appendix.component_columns{_flags(adjustments=a, classified=c)}",
                      lambda a=a, c=c: _appraisal_columns_version(doc, a, c, compared))
                     for a in (True, False) for c in (True, False)]
        versions += [(condition, lambda v=v: _appraisal_version(doc, *v, compared))
                     for condition, *v in _APPRAISAL_VERSIONS]
    versions += [(f"appendix.component_columns{_flags(classified=c)}", lambda c=c: _ranking_columns_version(
                      doc, c, compared)) for c in (True, False)]
    versions += [("appendix.classified", lambda: _ranking_version(doc, True, compared)),
                 ("", lambda: _ranking_version(doc, False, compared))]
    _chosen(doc, versions)


def _flags(**flags: bool) -> str:
    """" and appendix.adjustments and not appendix.classified" for `adjustments=True, classified=False`."""
    return "".join(f" and {'' if on else 'not '}appendix.{name}" for name, on in flags.items())


def _chosen(doc: Document, versions) -> None:
    """Each version's table after its `{%p if %}`, `{%p elif %}` (`{%p else %}` for an empty condition), then
    `{%p endif %}`."""
    for n, (condition, build) in enumerate(versions):
        keyword = "if" if n == 0 else "elif"
        paragraph(doc, "DongKe", f"{{%p {keyword} {condition} %}}" if condition else "{%p else %}")
        build()
    paragraph(doc, "DongKe", "{%p endif %}")


_APPRAISAL_VERSIONS = tuple(  # (condition, survey column, bonus and penalty columns, Xếp loại column)
    ("appendix.appraisal" + "".join(
        f" and {'' if on else 'not '}appendix.{name}" for name, on in
        (("components", survey), ("adjustments", adjusted), ("classified", classified)) if on or name != "classified"),
     survey, adjusted, classified)
    for survey, adjusted, classified in ((s, a, c) for s in (True, False) for a in (True, False)
                                         for c in (True, False)))

# The change against the previous period (`[previous]`): two columns before Ghi chú / at the end.
_CHANGE_COLUMNS = (("Điểm tăng (+), giảm (−) so với kỳ trước", 24, ("BangSo", "{{ u.score_change }}")),
                   ("Hạng so với kỳ trước", 20, ("BangSo", "{{ u.rank_change }}")))
LEAST_UNIT_WIDTH = 40  # mm: the unit column of a template never narrower (the others shrink in proportion)


def _unit_width(widths: list[float], unit: int, room: float) -> list[float]:
    """`widths` with the unit column taking what the others leave of `room`, at least `LEAST_UNIT_WIDTH`."""
    others = sum(w for n, w in enumerate(widths) if n != unit)
    scale = min(1.0, (room - LEAST_UNIT_WIDTH) / others)
    fitted = [w if n == unit else round(w * scale, 1) for n, w in enumerate(widths)]
    fitted[unit] = round(room - sum(w for n, w in enumerate(fitted) if n != unit), 1)
    return fitted


# The printed components, one column each (`appendix.component_columns`, `u.component_values`), by docxtpl's column
# loop: the cells holding `{%tc for %}` and `{%tc endfor %}` go, the one between them repeats for each component.
_COMPONENT_LOOP = (("{%tc for h in appendix.component_columns %}", 8,
                    ("BangSo", "{%tc for v in u.component_values %}")),
                   ("{{ h }}", 26, ("BangSo", "{{ v }}")),
                   ("{%tc endfor %}", 8, ("BangSo", "{%tc endfor %}")))


def _columns_table(doc: Document, columns: list, room: float, compared: bool, note: bool) -> None:
    """A table of `columns` (header, width mm, cell), one of them `_COMPONENT_LOOP`'s three; units not evaluated with
    their reason merged across every column after the unit's (but Ghi chú, with `note`): `{% colspan %}` counts the
    components, the template's own merge covers its grid."""
    widths = [w for _, w, _ in columns]
    widths = _unit_width(widths, 1, room) if compared else [*widths[:1], room - sum(widths), *widths[2:]]
    table = data_table(doc, [h for h, _, _ in columns], widths)
    _tag_row(table, "{%tr for u in appendix.ranked %}")
    data_row(table, [c for _, _, c in columns])
    _tag_row(table, "{%tr endfor %}")
    _tag_row(table, "{%tr for block in appendix.not_evaluated %}")
    _tag_row(table, "{%tr for u in block.units %}")
    last = len(widths) - (2 if note else 1)
    row = data_row(table, [("BangSo", "{{ u.position }}"), ("BangChu", "{{ u.unit }}"),
                           *[("BangSo", "")] * (last - 1), *([("BangChu", "{{ u.note }}")] if note else [])])
    fixed = last - 1 - len(_COMPONENT_LOOP)  # the columns merged besides the components'
    merge_across(row, 2, last, "BangSo",
                 f"{{% colspan appendix.component_columns|length + {fixed} %}}{{% vm %}}{{{{ block.reason }}}}")
    _tag_row(table, "{%tr endfor %}")
    _tag_row(table, "{%tr endfor %}")
    _widths(table, widths)


def _ranking_columns_version(doc: Document, classified: bool, compared: bool) -> None:
    """The ranking table of a scheme whose components the fixed columns cannot show: one column each."""
    columns = [("TT", 12, ("BangSo", "{{ u.position }}")), ("Đơn vị", 0, ("BangChu", "{{ u.unit }}")),
               *_COMPONENT_LOOP, ("{{ score_header }}", 25, ("BangSo", "{{ u.score }}")),
               *([("Xếp loại", 22, ("BangSo", "{{ u.label }}"))] if classified else []),
               ("Xếp hạng", 18, ("BangSo", "{{ u.rank }}")), *(_CHANGE_COLUMNS if compared else ()),
               ("Ghi chú", 23, ("BangChu", "{{ u.note }}"))]
    _columns_table(doc, columns, LANDSCAPE_WIDTH, compared, note=True)


def _appraisal_columns_version(doc: Document, adjusted: bool, classified: bool, compared: bool) -> None:
    """A campaign's appraised table with one column per printed component after the self-assessed total."""
    columns = [("TT", 12, ("BangSo", "{{ u.position }}")), ("Đơn vị", 0, ("BangChu", "{{ u.unit }}")),
               ("Tổng điểm tự chấm", 26, ("BangSo", "{{ u.self_points }}")), *_COMPONENT_LOOP,
               *([("Điểm thưởng", 20, ("BangSo", "{{ u.bonus }}")), ("Điểm trừ", 20, ("BangSo", "{{ u.penalty }}"))]
                 if adjusted else []),
               ("{{ score_header }}", 25, ("BangSo", "{{ u.score }}")),
               *([("Xếp loại", 22, ("BangSo", "{{ u.label }}"))] if classified else []),
               ("Xếp hạng", 18, ("BangSo", "{{ u.rank }}")), *(_CHANGE_COLUMNS if compared else ()),
               ("Ghi chú", 23, ("BangChu", "{{ u.note }}"))]
    _columns_table(doc, columns, LANDSCAPE_WIDTH, compared, note=True)


def _appraisal_version(doc: Document, survey: bool, adjusted: bool, classified: bool,
                        compared: bool = False) -> None:
    """A campaign's appendix from the appraised results: self-assessed and appraised totals side by side, then
    survey points (when the group has them), bonus and penalty (when a unit of the group has one), the result,
    label and rank."""
    columns = [("TT", 12, ("BangSo", "{{ u.position }}")), ("Đơn vị", 0, ("BangChu", "{{ u.unit }}")),
               ("Tổng điểm tự chấm", 26, ("BangSo", "{{ u.self_points }}")),
               ("Tổng điểm thẩm định", 26, ("BangSo", "{{ u.points }}")),
               *([("Điểm điều tra xã hội học", 26, ("BangSo", "{{ u.survey_points }}"))] if survey else []),
               *([("Điểm thưởng", 20, ("BangSo", "{{ u.bonus }}")), ("Điểm trừ", 20, ("BangSo", "{{ u.penalty }}"))]
                 if adjusted else []),
               ("{{ score_header }}", 25, ("BangSo", "{{ u.score }}")),
               *([("Xếp loại", 22, ("BangSo", "{{ u.label }}"))] if classified else []),
               ("Xếp hạng", 18, ("BangSo", "{{ u.rank }}")), *(_CHANGE_COLUMNS if compared else ()),
               ("Ghi chú", 23, ("BangChu", "{{ u.note }}"))]
    widths = [w for _, w, _ in columns]
    widths = _unit_width(widths, 1, LANDSCAPE_WIDTH) if compared else [*widths[:1], LANDSCAPE_WIDTH - sum(widths),
                                                                       *widths[2:]]
    table = data_table(doc, [h for h, _, _ in columns], widths)
    _tag_row(table, "{%tr for u in appendix.ranked %}")
    data_row(table, [c for _, _, c in columns])
    _tag_row(table, "{%tr endfor %}")
    _tag_row(table, "{%tr for block in appendix.not_evaluated %}")
    _tag_row(table, "{%tr for u in block.units %}")
    row = data_row(table, [("BangSo", "{{ u.position }}"), ("BangChu", "{{ u.unit }}"),
                           *[("BangSo", "")] * (len(widths) - 3), ("BangChu", "{{ u.note }}")])
    merge_across(row, 2, len(widths) - 2, "BangSo", "{% vm %}{{ block.reason }}")
    _tag_row(table, "{%tr endfor %}")
    _tag_row(table, "{%tr endfor %}")
    _widths(table, widths)


def _ranking_version(doc: Document, classified: bool, compared: bool = False) -> None:
    label = [("Xếp loại", 22, ("BangSo", "{{ u.label }}"))] if classified else []
    columns = [("TT", 12, ("BangSo", "{{ u.position }}")), ("Đơn vị", 0, ("BangChu", "{{ u.unit }}")),
               ("Tổng điểm các nhiệm vụ theo quy định", 30, ("BangSo", "{{ u.max_points }}")),
               ("Tổng điểm các nhiệm vụ phát sinh trong năm theo quy định", 32, ("BangSo", "{{ u.applicable_max }}")),
               ("Tổng điểm thẩm định các nhiệm vụ phát sinh trong năm của đơn vị", 35, ("BangSo", "{{ u.points }}")),
               ("{{ score_header }}", 25, ("BangSo", "{{ u.score }}")), *label,
               ("Xếp hạng", 18, ("BangSo", "{{ u.rank }}")), *(_CHANGE_COLUMNS if compared else ()),
               ("Ghi chú", 23, ("BangChu", "{{ u.note }}"))]
    widths = [w for _, w, _ in columns]
    widths = _unit_width(widths, 1, LANDSCAPE_WIDTH) if compared else [*widths[:1], LANDSCAPE_WIDTH - sum(widths),
                                                                       *widths[2:]]
    table = data_table(doc, [h for h, _, _ in columns], widths)
    _tag_row(table, "{%tr for u in appendix.ranked %}")
    data_row(table, [c for _, _, c in columns])
    _tag_row(table, "{%tr endfor %}")
    _tag_row(table, "{%tr for block in appendix.not_evaluated %}")
    _tag_row(table, "{%tr for u in block.units %}")
    row = data_row(table, [("BangSo", "{{ u.position }}"), ("BangChu", "{{ u.unit }}"),
                           *[("BangSo", "")] * (len(widths) - 3), ("BangChu", "{{ u.note }}")])
    merge_across(row, 2, len(widths) - 2, "BangSo", "{% vm %}{{ block.reason }}")
    _tag_row(table, "{%tr endfor %}")
    _tag_row(table, "{%tr endfor %}")
    _widths(table, widths)


def decision(appraised: bool = False) -> Document:
    """Quyết định công bố kết quả đánh giá, xếp loại, with one landscape appendix per group."""
    doc = new_document()
    _decision_body(doc)
    _appendix_sections(doc, lambda d: _ranking_table(d, appraised))
    page_numbers(doc)
    return doc


def campaign_decision() -> Document:
    """A campaign's decision: its appendices from the appraised results (self-assessed and appraised totals,
    survey, bonus, penalty), or, for a campaign without `[appraisal]`, as the ordinary decision's."""
    return decision(appraised=True)


_CCHC_VERSIONS = (  # (condition, component columns, Xếp loại column): one grid each
    ("appendix.component_columns and appendix.classified", "own", True),
    ("appendix.component_columns", "own", False),
    ("appendix.components and appendix.classified", "fixed", True),
    ("appendix.components", "fixed", False),
    ("appendix.classified", "", True),
    ("", "", False),
)


def _cchc_table(doc: Document, width: float) -> None:
    """Bảng xếp hạng Chỉ số CCHC: with or without the component columns, with or without Xếp loại
    (a rank-only group, `labels = []`); after them the same four with the change against the previous period."""
    _with_and_without_change(doc, lambda compared: _cchc_versions(doc, width, compared))


def _cchc_versions(doc: Document, width: float, compared: bool) -> None:
    _chosen(doc, [(condition, lambda c=components, k=classified: _cchc_version(doc, width, compared, c, k))
                  for condition, components, classified in _CCHC_VERSIONS])


def _cchc_version(doc: Document, width: float, compared: bool, components: str, classified: bool) -> None:
    """One table: the fixed component columns (Điểm thẩm định, Điểm điều tra xã hội học), one column per printed
    component (`own`), or none; with or without Xếp loại."""
    # Landscape (decision appendix) has room for wide number columns; the portrait table with components would
    # leave the unit name 13 mm, one short word a line, so its number columns are narrower there.
    narrow = bool(components) and width <= TEXT_WIDTH
    tt, point, survey, score, rank, label_width = (10, 21, 23, 21, 14, 20) if narrow else (12, 30, 30, 30, 22, 28)
    parts = [("Điểm thẩm định", point, "{{ u.appraised_points }}"),
             ("Điểm điều tra xã hội học", survey, "{{ u.survey_points }}")] if components == "fixed" else []
    if components == "own":
        parts = [(h, 6 if narrow and n != 1 else w if n != 1 else point, c) for n, (h, w, (_, c))
                 in enumerate(_COMPONENT_LOOP)]
    label = [("Xếp loại", label_width, "{{ u.label }}")] if classified else []
    change = [("Điểm tăng (+), giảm (−) so với kỳ trước", score, "{{ u.score_change }}"),
              ("Vị thứ so với kỳ trước", rank + 4, "{{ u.rank_change }}")] if compared else []
    columns = [("TT", tt, "{{ u.position }}"), ("Tên đơn vị", 0, "{{ u.unit }}"), *parts,
               ("{{ score_header }}", score, "{{ u.score }}"), ("Vị thứ", rank, "{{ u.rank }}"), *label, *change]
    if components == "own":
        _columns_table(doc, [(h, w, ("BangChu" if n == 1 else "BangSo", c)) for n, (h, w, c) in enumerate(columns)],
                       width, compared, note=False)
        return
    widths = [w for _, w, _ in columns]
    widths = _unit_width(widths, 1, width) if compared else [*widths[:1], width - sum(widths), *widths[2:]]
    table = data_table(doc, [h for h, _, _ in columns], widths)
    _cchc_rows(table, [("BangChu" if n == 1 else "BangSo", c) for n, (_, _, c) in enumerate(columns)])
    _widths(table, widths)


def _cchc_rows(table, cells: list[tuple[str, str]]) -> None:
    _tag_row(table, "{%tr for u in appendix.ranked %}")
    data_row(table, cells)
    _tag_row(table, "{%tr endfor %}")
    _tag_row(table, "{%tr for block in appendix.not_evaluated %}")
    _tag_row(table, "{%tr for u in block.units %}")
    row = data_row(table, [("BangSo", "{{ u.position }}"), ("BangChu", "{{ u.unit }}")])
    merge_across(row, 2, len(row.cells) - 1, "BangSo", "{% vm %}{{ block.reason }}")
    _tag_row(table, "{%tr endfor %}")
    _tag_row(table, "{%tr endfor %}")


def cchc_decision() -> Document:
    """Quyết định công bố Chỉ số CCHC, with one appendix per group."""
    doc = new_document()
    _decision_body(doc)
    _appendix_sections(doc, lambda d: _cchc_table(d, LANDSCAPE_WIDTH))
    page_numbers(doc)
    return doc


def cchc_table() -> Document:
    """Bảng xếp hạng Chỉ số CCHC as a standalone portrait document, one table per group."""
    doc = new_document()
    paragraph(doc, "PhuLucTen", "{{ title }}")
    tagged(doc, "PhuLucKemTheo", "{%p if attached_to %}", "{{ attached_to }}", "{%p endif %}")
    rule(doc, 50, TEXT_WIDTH)
    paragraph(doc, "NhomBang", "{%p for appendix in appendices %}")
    paragraph(doc, "NhomBang", "{{ appendix.heading }}")
    _cchc_table(doc, TEXT_WIDTH)
    paragraph(doc, "NhomBang", "{%p endfor %}")
    page_numbers(doc)
    return doc


def summary() -> Document:
    """Thông cáo kết quả: the results in sentences written from the tables' numbers, per group its paragraphs,
    issued like the decision; then, on pages of their own, each group's charts (each the width of the text)."""
    doc = new_document()
    chart = doc.styles.add_style("HinhAnh", WD_STYLE_TYPE.PARAGRAPH)  # this template's own: a chart, centred
    chart.base_style = doc.styles["Normal"]
    chart.quick_style = True
    chart.paragraph_format.alignment = CENTER
    chart.paragraph_format.space_before, chart.paragraph_format.space_after = Pt(6), Pt(6)
    chart.paragraph_format.keep_with_next = False
    header_block(doc)
    title_block(doc, "THÔNG CÁO")
    paragraph(doc, "NoiDung", "{{ summary_lead }}")
    paragraph(doc, "NhomBang", "{%p for g in summary_groups %}")
    paragraph(doc, "NhomBang", "{{ g.heading }}")
    tagged(doc, "NoiDung", "{%p for line in g.paragraphs %}", "{{ line }}", "{%p endfor %}")
    paragraph(doc, "NhomBang", "{%p endfor %}")
    closing_block(doc)
    # The charts follow the signature in an appendix of their own: a new section, its pages numbered from 1.
    paragraph(doc, "HinhAnh", "{%p if charts_attached %}")
    appendix = section_break(doc)
    _page(appendix, landscape=False)
    restart_page_numbers(appendix)
    paragraph(doc, "PhuLucSo", "PHỤ LỤC")
    paragraph(doc, "PhuLucTen", "BIỂU ĐỒ KẾT QUẢ")
    paragraph(doc, "PhuLucKemTheo", "{{ attached_to }}")
    rule(doc, 50, TEXT_WIDTH)
    paragraph(doc, "HinhAnh", "{%p for g in summary_groups %}")
    paragraph(doc, "HinhAnh", "{%p for chart in g.charts %}")
    paragraph(doc, "HinhAnh", "{{ chart }}")
    paragraph(doc, "HinhAnh", "{%p endfor %}")
    paragraph(doc, "HinhAnh", "{%p endfor %}")
    paragraph(doc, "HinhAnh", "{%p endif %}")
    page_numbers(doc)
    page_numbers(doc, -1)  # the body's own too: without charts, the appendix's section break is left out
    return doc


TEMPLATES = {
    "bao-cao-tu-cham.docx": report,
    "quyet-dinh-xep-loai.docx": decision,
    "quyet-dinh-dot-danh-gia.docx": campaign_decision,
    "quyet-dinh-cchc.docx": cchc_decision,
    "bang-xep-hang-cchc.docx": cchc_table,
    "thong-bao-tham-dinh.docx": notice,
    "thong-cao.docx": summary,
}


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for name, build in TEMPLATES.items():
        build().save(OUT / name)
        print(OUT / name)

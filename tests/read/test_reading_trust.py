"""An input is read exactly as a person sees it in Excel, or refused with its place: percentages,
hidden rows and sheets, invisible control characters, CSV separators and line endings, numbers
no score can be, scheme overrides that are not numbers, zip bombs."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal

import openpyxl
import pytest

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.read.csv_file import read_csv
from pipeline.read.job_folder import read_job
from pipeline.read.workbook import is_percent_format, read_workbook, unescape
from pipeline.scoring.cells import clean_text
from pipeline.scoring.evaluate import evaluate
from pipeline.scoring.normalise import normalise_units
from tests.conftest import OLD_CAMPAIGN, UNIT_JOB, unit_job

HEADER = ["TT", "Đơn vị", "Tổng điểm các nhiệm vụ phát sinh trong năm theo quy định", "Tổng điểm thẩm định",
          "Lý do không đánh giá"]
GOOD_B = [HEADER, [1, "Phòng B", 80, 60]]
CSV_JOB = UNIT_JOB.replace('[[groups]]\nname = "Khối B"\n', "")


def problems_of(folder):
    with pytest.raises(InputErrors) as caught:
        evaluate(*read_job(folder))
    return caught.value.problems


def edited_job(tmp_path, sheets, edit):
    """A decision job whose workbook `edit(book)` changed after it was written."""
    job = unit_job(tmp_path / "job", sheets)
    book = openpyxl.load_workbook(job / "diem.xlsx")
    edit(book)
    book.save(job / "diem.xlsx")
    return job


def csv_job(tmp_path, text, settings=CSV_JOB):
    job = tmp_path / "job"
    job.mkdir()
    (job / "job.toml").write_text(settings, encoding="utf-8")
    (job / "diem.csv").write_bytes(text.encode("utf-8"))
    return job


def units_of(job):
    settings, sheets = read_job(job)[:2]
    rows, errors = normalise_units(sheets, settings.groups)
    assert errors == []
    return rows


# 1. Percentages ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "number_format", "read"), [
    (0.9466, "0.00%", Decimal("94.66")),
    (0.9466, "0%", Decimal("94.66")),  # shown rounded as 95 %, stored and read exactly
    (0.30000000000000004, "0.0%", 30),  # Excel's 15 significant digits, then × 100
    (0.7225, "0.00%;[Red]-0.00%", Decimal("72.25")),
    (72.2, '0.00"%"', Decimal("72.2")),  # a quoted % is only a sign after the number
    (72.2, "0.00\\%", Decimal("72.2")),  # so is an escaped one
    (72.2, "0.00", Decimal("72.2")),
    (1, "0%", 100),
])
def test_a_percentage_cell_is_read_as_excel_shows_it(tmp_path, value, number_format, read):
    book = openpyxl.Workbook()
    book.active["A1"] = value
    book.active["A1"].number_format = number_format
    book.save(tmp_path / "a.xlsx")
    [sheet] = read_workbook(tmp_path / "a.xlsx")
    assert sheet.rows[0][0] == read and type(sheet.rows[0][0]) is type(read)


@pytest.mark.parametrize(("code", "percent"), [
    ("0%", True), ("0.00%", True), ("#,##0.0%;[Red]-#,##0.0%", True), ('"%"0.00', False),
    ("0.00\\%", False), ('0.0" %"', False), ("[$%-409]0.00", False), ("General", False), ("", False),
])
def test_percent_format_codes(code, percent):
    assert is_percent_format(code) is percent


def test_a_percentage_score_is_ranked_as_shown(tmp_path):
    def percent(book):
        book["Khối A"]["D2"].number_format = "0.00%"
    job = edited_job(tmp_path, {"Khối A": [HEADER, [1, "Phòng A", 100, 0.9466]], "Khối B": GOOD_B}, percent)
    assert units_of(job)[0]["appraised_points"] == Decimal("94.66")


# 2. Hidden rows and sheets ----------------------------------------------------------------------

def hide_row(number):
    def edit(book):
        book["Khối A"].row_dimensions[number].hidden = True
    return edit


def hide_sheet(name, state):
    def edit(book):
        book[name].sheet_state = state
    return edit


def hide_column(letter):
    def edit(book):
        book["Khối A"].column_dimensions[letter].hidden = True
    return edit


@pytest.mark.parametrize(("edit", "reason", "message"), [
    (hide_row(3), Reason.HIDDEN_ROW, 'Tệp diem.xlsx, trang "Khối A", dòng 3: dòng này đang bị ẩn nhưng có số liệu'),
    (hide_column("E"), Reason.HIDDEN_COLUMN,
     'Tệp diem.xlsx, trang "Khối A", cột "Lý do không đánh giá": cột này đang bị ẩn nhưng có số liệu'),
    (hide_sheet("Khối A", "hidden"), Reason.HIDDEN_SHEET,
     'Tệp diem.xlsx, trang "Khối A": trang tính này đang bị ẩn nhưng có bảng số liệu'),
    (hide_sheet("Khối B", "veryHidden"), Reason.HIDDEN_SHEET,
     'Tệp diem.xlsx, trang "Khối B": trang tính này đang bị ẩn'),
])
def test_data_people_cannot_see_is_refused_with_its_place(tmp_path, edit, reason, message):
    job = edited_job(tmp_path, {"Khối A": [HEADER, [1, "Phòng A", 80, 70], [2, "Phòng C", 80, None, "Giải thể"]],
                                "Khối B": GOOD_B}, edit)
    [found] = problems_of(job)
    assert found.reason is reason and describe(found).startswith(message)
    assert "Bỏ ẩn" in describe(found) and "xóa hẳn" in describe(found)


def test_a_hidden_row_is_refused_by_run_with_nothing_written(tmp_path, cli):
    job = edited_job(tmp_path, {"Khối A": [HEADER, [1, "Phòng A", 80, 70], [2, "Phòng C", 80, 75]],
                                "Khối B": GOOD_B}, hide_row(3))
    code, _, stderr = cli("run", job, "--out", tmp_path / "out")
    assert code == 1 and 'trang "Khối A", dòng 3: dòng này đang bị ẩn' in stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("edit", [hide_row(3), hide_sheet("Hướng dẫn", "hidden"),
                                  hide_sheet("Hướng dẫn", "veryHidden"), hide_column("E"), hide_column("F")])
def test_hidden_parts_without_data_are_read_as_before(tmp_path, edit):
    sheets = {"Hướng dẫn": [["Điền điểm vào các trang khối"]],
              "Khối A": [[*HEADER, "Tính nháp"], [1, "Phòng A", 80, 70, None, 3], [None], [2, "Phòng C", 80, 75]],
              "Khối B": GOOD_B}
    job = edited_job(tmp_path, sheets, edit)
    evaluate(*read_job(job))
    assert [u["unit"] for u in units_of(job)] == ["Phòng A", "Phòng C", "Phòng B"]


# 3. Control characters --------------------------------------------------------------------------

@pytest.mark.parametrize(("between", "unit", "reason"), [
    ("_x000D_", "Phòng A", "Lý do\nthứ hai"),
    ("_x000D__x000A_", "Phòng A", "Lý do\nthứ hai"),
    ("_x000B_", "Phòng A", "Lý do\nthứ hai"),
    ("_x000C_", "Phòng A", "Lý do\nthứ hai"),
    ("\u2028", "Phòng A", "Lý do\nthứ hai"),
    ("\u2029", "Phòng A", "Lý do\nthứ hai"),
    (" _x005F_x000D_ ", "Phòng _x000D_ A", "Lý do _x000D_ thứ hai"),  # an escaped underscore: literal text
    ("_xD835__xDC00_", "Phòng\U0001d400A", "Lý do\U0001d400thứ hai"),  # a surrogate pair joined back
])
@pytest.mark.parametrize("strings", ["inline", "shared"])
def test_excel_escapes_and_line_breaks_are_read_as_shown(tmp_path, between, unit, reason, strings):
    job = unit_job(tmp_path / "job", {"Khối A": [HEADER, [1, f"Phòng{between}A", 80, None, f"Lý do{between}thứ hai"]],
                                       "Khối B": GOOD_B})
    if strings == "shared":
        shared_strings(job / "diem.xlsx")
    row = units_of(job)[0]
    assert (row["unit"], row["reason"]) == (unit, reason)


def shared_strings(path):
    """Rewrites openpyxl's inline strings as shared strings, as Excel saves them."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    strings: list[str] = []

    def shared(match):
        strings.append(match.group(2))
        return f'{match.group(1)}t="s"><v>{len(strings) - 1}</v></c>'
    for name in [n for n in parts if n.startswith("xl/worksheets/")]:
        parts[name] = re.sub(r'(<c [^>]*?)t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>', shared,
                             parts[name].decode()).encode()
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)
    parts["xl/sharedStrings.xml"] = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + items + "</sst>").encode()
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdS" Target="sharedStrings.xml" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>')
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


@pytest.mark.parametrize(("cell", "written", "column", "codes"), [
    (1, "Phòng_x0000_ A", "Đơn vị", "U+0000"),
    (1, "Phòng A_x001B_", "Đơn vị", "U+001B"),
    (4, "Lý_x0007_ do_x0001_", "Lý do không đánh giá", "U+0007, U+0001"),
])
@pytest.mark.parametrize("strings", ["inline", "shared"])
def test_an_invisible_control_character_is_refused_with_its_place(tmp_path, cli, cell, written, column, codes,
                                                                    strings):
    row = [1, "Phòng A", 80, None if cell == 4 else 70, None]
    row[cell] = written
    job = unit_job(tmp_path / "job", {"Khối A": [HEADER, row], "Khối B": GOOD_B})
    if strings == "shared":
        shared_strings(job / "diem.xlsx")
    [found] = problems_of(job)
    assert (found.reason, found.sheet, found.row, found.column, found.detail("codes")) == (
        Reason.CONTROL_CHARACTER, "Khối A", 2, column, codes)
    code, _, stderr = cli("check", job, "--errors", tmp_path / "loi.xlsx")
    assert code == 1 and (f'Tệp diem.xlsx, trang "Khối A", dòng 2, cột "{column}": ô có ký tự điều khiển '
                          f"không nhìn thấy được (mã {codes})") in stderr and "gõ lại" in stderr
    listed = openpyxl.load_workbook(tmp_path / "loi.xlsx").active
    assert [c.value for c in listed[2]][3:6] == [2, column, re.sub("_x00[01][0-9A-F]_", "", written)]


def test_a_control_character_in_a_header_is_harmless(tmp_path):
    job = unit_job(tmp_path / "job", {"Khối A": [["TT", "Đơn vị_x0000_", "Tổng điểm_x000B_thẩm định"],
                                                 [1, "Phòng A", 70]], "Khối B": GOOD_B})
    evaluate(*read_job(job))
    assert [u["appraised_points"] for u in units_of(job)] == [70, 60]


def test_a_control_character_in_a_csv_cell_is_refused(tmp_path):
    job = csv_job(tmp_path, "TT;Đơn vị;Tổng điểm thẩm định\n1;Phòng\x00 A;70\n2;Phòng B;7\x010\n")
    found = [(p.reason, p.row, p.column, p.detail("codes")) for p in problems_of(job)]
    assert found == [(Reason.CONTROL_CHARACTER, 2, "Đơn vị", "U+0000"),
                     (Reason.CONTROL_CHARACTER, 3, "Tổng điểm thẩm định", "U+0001")]


def test_unescape():
    assert unescape("a_x000D_b_x005F_x000B_c_x005f_") == "a\rb_x000B_c_"
    assert clean_text("a\r\nb\vc\fd\u2028e\u2029f\rg", keep_lines=True) == "a\nb\nc\nd\ne\nf\ng"


# 4. CSV separators and line endings -------------------------------------------------------------

@pytest.mark.parametrize(("text", "units"), [
    ("TT;Khối, nhóm;Đơn vị;Tổng điểm thẩm định;Ghi chú\n1;Khối A;Phòng A, B;72,2;Đã đối chiếu, ký, đóng dấu, lưu\n"
     "2;Khối A;Phòng C;80;\n",  # more commas than semicolons on a line: counting picked the comma
     [("Phòng A, B", Decimal("72.2")), ("Phòng C", Decimal(80))]),
    ("TT,Đơn vị,Tổng điểm thẩm định,Ghi chú\n1,Phòng A,\"72,2\",a; b\n",
     [("Phòng A", Decimal("72.2"))]),
    ("TT\tĐơn vị\tTổng điểm thẩm định\tGhi chú\n1\tPhòng A, B\t72,2\ta; b, c\n",
     [("Phòng A, B", Decimal("72.2"))]),
    ("TT;Đơn vị;Tổng điểm thẩm định\r1;Phòng A;72,2\r2;Phòng B;60\r",
     [("Phòng A", Decimal("72.2")), ("Phòng B", Decimal(60))]),
    ("BẢNG ĐIỂM, NĂM 2024\r\n\r\nTT;Đơn vị;Tổng điểm thẩm định\r\n1;Phòng A;72,2\r\n",
     [("Phòng A", Decimal("72.2"))]),
])
def test_csv_separator_is_the_one_that_splits_the_header(tmp_path, text, units):
    job = csv_job(tmp_path, text)
    assert [(u["unit"], u["appraised_points"]) for u in units_of(job)] == units


def test_a_header_below_the_rows_searched_is_named(tmp_path, cli):
    job = csv_job(tmp_path, "Bảng điểm\n" + "\n" * 33 + "TT;Đơn vị;Tổng điểm thẩm định\n1;Phòng A;72,2\n")
    [found] = problems_of(job)
    assert (found.reason, found.row) == (Reason.HEADER_TOO_LOW, 35)
    code, _, stderr = cli("check", job)
    assert code == 1 and ("Tệp diem.csv, dòng 35: dòng tiêu đề của bảng nằm ở dòng này, dưới 30 dòng đầu; "
                          "chương trình chỉ tìm dòng tiêu đề trong 30 dòng đầu") in stderr


def test_a_header_below_the_rows_searched_in_a_workbook(tmp_path):
    job = unit_job(tmp_path / "job", {"Khối A": [[None]] * 31 + [HEADER, [1, "Phòng A", 80, 70]],
                                       "Khối B": GOOD_B})
    [found] = problems_of(job)
    assert (found.reason, found.sheet, found.row) == (Reason.HEADER_TOO_LOW, "Khối A", 32)


@pytest.mark.parametrize(("text", "row"), [
    ('TT;Đơn vị;Tổng điểm thẩm định;Ghi chú\n1;Phòng A;70;"đã ký\n2;Phòng B;60;\n3;Phòng C;50;\n', 2),
    ('TT;Đơn vị;Tổng điểm thẩm định\n1;Phòng A;70\n2;"Phòng" B;60\n', 3),
    ("TT;Đơn vị;Tổng điểm thẩm định;Ghi chú\n1;Phòng A;70;" + "x" * 200_000 + "\n", 2),
])
def test_a_csv_row_whose_cells_cannot_be_told_apart_is_refused(tmp_path, cli, text, row):
    job = csv_job(tmp_path, text)
    [found] = problems_of(job)
    assert (found.reason, found.file, found.row) == (Reason.CSV_MALFORMED, "diem.csv", row)
    code, _, stderr = cli("check", job)
    assert code == 1 and f"Tệp diem.csv, dòng {row}: không tách được các ô của dòng này" in stderr


def test_quotes_csv_writers_use_are_read(tmp_path):
    job = csv_job(tmp_path, 'TT;Đơn vị;Tổng điểm thẩm định;Ghi chú\n1;"Phòng ""A""";"70,5";"hai\ndòng"\n'
                            '2;Phòng "B";60;\n')
    assert [(u["unit"], u["appraised_points"], u["note"]) for u in units_of(job)] == [
        ('Phòng "A"', Decimal("70.5"), "hai\ndòng"), ('Phòng "B"', Decimal(60), "")]


def test_csv_without_any_header_still_says_no_table(tmp_path):
    job = csv_job(tmp_path, "a;b\n1;2\n")
    assert [p.reason for p in problems_of(job)] == [Reason.NO_TABLE]
    assert read_csv(job / "diem.csv").rows == (("a", "b"), ("1", "2"))


# 5. Numbers no score can be ---------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "reason"), [
    ("1e30", Reason.NUMBER_TOO_LARGE), ("1E+30", Reason.NUMBER_TOO_LARGE), ("1000000000", Reason.NUMBER_TOO_LARGE),
    ("1e999999999", Reason.NUMBER_TOO_LARGE), ("nan", Reason.NOT_A_NUMBER), ("NaN", Reason.NOT_A_NUMBER),
    ("sNaN", Reason.NOT_A_NUMBER), ("inf", Reason.NOT_A_NUMBER), ("-inf", Reason.NOT_A_NUMBER),
    ("Infinity", Reason.NOT_A_NUMBER), ("7_2", Reason.NOT_A_NUMBER),
])
@pytest.mark.parametrize("source", ["csv", "xlsx"])
def test_numbers_no_score_can_be_are_refused(tmp_path, cli, typed, reason, source):
    if source == "csv":
        job = csv_job(tmp_path, f"TT;Đơn vị;Tổng điểm thẩm định\n1;Phòng A;{typed}\n")
    else:
        job = unit_job(tmp_path / "job", {"Khối A": [HEADER, [1, "Phòng A", None, typed]], "Khối B": GOOD_B})
    [found] = problems_of(job)
    assert (found.reason, found.row, found.value) == (reason, 2, typed)
    code, _, stderr = cli("check", job)
    assert code == 1 and "Traceback" not in stderr


@pytest.mark.parametrize("stored", [1e30, 3e6, -1])
def test_a_date_cell_whose_number_is_no_date_is_read_as_excel_shows_it(tmp_path, stored):
    def date_format(book):
        book["Khối A"]["D2"].number_format = "dd/mm/yyyy"
    job = edited_job(tmp_path, {"Khối A": [HEADER, [1, "Phòng A", 80, stored]], "Khối B": GOOD_B}, date_format)
    [found] = problems_of(job)
    assert (found.reason, found.value) == (Reason.NOT_A_NUMBER, "#####")
    assert describe(found).endswith('"#####" không phải là số. Excel hiện ô này là ##### vì ô đang ở dạng ngày '
                                    "tháng; định dạng lại thành số.")


def test_a_huge_number_stored_as_a_number_is_refused(tmp_path):
    job = unit_job(tmp_path / "job", {"Khối A": [HEADER, [1, "Phòng A", 1e30, 70]], "Khối B": GOOD_B})
    [found] = problems_of(job)
    assert found.reason is Reason.NUMBER_TOO_LARGE and describe(found) == (
        'Tệp diem.xlsx, trang "Khối A", dòng 2, cột "Tổng điểm các nhiệm vụ phát sinh trong năm theo quy định": '
        'số "1E+30" quá lớn, không thể là điểm (từ một tỷ trở lên). '
        "Kiểm tra lại ô này, có thể gõ nhầm.")


@pytest.mark.parametrize(("overrides", "key"), [
    ("scale = nan", "scheme_overrides.scale"),
    ("scale = inf", "scheme_overrides.scale"),
    ('labels = [{ name = "Tốt", min = nan }, { name = "Khá" }]', "scheme_overrides.labels"),
    ('labels = [{ name = "Tốt", min = inf }, { name = "Khá", min = 50 }, { name = "Kém" }]',
     "scheme_overrides.labels"),
    ('labels = [{ name = "Tốt", min = 80 }, { name = "Khá" }]\n'
     'conditions = [{ label = "Tốt", min_field_percent = nan }]', "scheme_overrides.conditions"),
])
def test_scheme_overrides_that_are_not_numbers_name_the_key(tmp_path, cli, overrides, key):
    settings = UNIT_JOB.replace("[document]", f"[scheme_overrides]\n{overrides}\n\n[document]", 1)
    job = unit_job(tmp_path / "job", {"Khối A": [HEADER, [1, "Phòng A", 80, 70]], "Khối B": GOOD_B}, settings)
    with pytest.raises(InputErrors) as caught:
        read_job(job)
    assert [(p.reason, p.detail("key")) for p in caught.value.problems] == [(Reason.SETTING_INVALID, key)]
    code, _, stderr = cli("check", job)
    assert code == 1 and f'Tệp job.toml: mục "{key}"' in stderr and "Traceback" not in stderr


# 6. Zip bombs -----------------------------------------------------------------------------------

def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, cli):
    job = unit_job(tmp_path / "job", {"Khối A": [HEADER, [1, "Phòng A", 80, 70]], "Khối B": GOOD_B})
    with zipfile.ZipFile(job / "diem.xlsx", "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/image1.bin", bytes(11 * 1024 * 1024))
    [found] = problems_of(job)
    assert (found.reason, found.file, found.detail("member"), found.detail("size")) == (
        Reason.WORKBOOK_TOO_LARGE, "diem.xlsx", "xl/media/image1.bin", "11")
    code, _, stderr = cli("check", job)
    assert code == 1 and 'Tệp diem.xlsx: có phần "xl/media/image1.bin" khi giải nén lớn tới 11 MB' in stderr


def test_a_part_too_large_even_uncompressed_is_refused(tmp_path, monkeypatch):
    import pipeline.read.workbook as workbook

    monkeypatch.setattr(workbook, "MAX_PART_BYTES", 1024)
    job = unit_job(tmp_path / "job", {"Khối A": [HEADER, [1, "Phòng A", 80, 70]], "Khối B": GOOD_B})
    with zipfile.ZipFile(job / "diem.xlsx", "a", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/media/image1.bin", bytes(range(256)) * 8)
    assert [p.reason for p in problems_of(job)] == [Reason.WORKBOOK_TOO_LARGE]


def test_an_ordinary_large_ratio_below_the_size_floor_is_read(tmp_path):
    job = unit_job(tmp_path / "job", {"Khối A": [HEADER, [1, "Phòng A", 80, 70]], "Khối B": GOOD_B})
    with zipfile.ZipFile(job / "diem.xlsx", "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/image1.bin", bytes(5 * 1024 * 1024))
    assert [u["unit"] for u in units_of(job)] == ["Phòng A", "Phòng B"]



@pytest.mark.parametrize(("cell", "written", "codes"), [("B3", "Phòng_x0000_ Nội vụ", "U+0000"),
                                                        ("B4", "Cơ quan chuyên môn_x001F_", "U+001F")])
def test_a_control_character_in_the_unit_line_of_a_campaign_table_is_refused(example_job, cli, tmp_path, cell,
                                                                              written, codes):
    job = example_job(OLD_CAMPAIGN)
    path = job / "don-vi" / "phong-noi-vu.xlsx"
    book = openpyxl.load_workbook(path)
    book["Phòng Nội vụ"][cell] = written
    book.save(path)
    code, _, stderr = cli("run", job, "--out", tmp_path / "out")
    assert code == 1 and f'trang "Phòng Nội vụ", dòng {cell[1]}: ô có ký tự điều khiển không nhìn thấy được ' \
                         f"(mã {codes})" in stderr and "Traceback" not in stderr
    assert not (tmp_path / "out").exists()

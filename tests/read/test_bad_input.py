"""Bad input: a Vietnamese message naming file, sheet, row and column; every problem at once;
a non-zero exit code; nothing written; no traceback unless --debug."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest

from pipeline.base.errors import InputErrors, Reason
from pipeline.read.job_folder import read_job
from pipeline.scoring.evaluate import evaluate
from tests.conftest import DOCUMENT, unit_job

HEADER = ["TT", "Đơn vị", "Tổng điểm các nhiệm vụ phát sinh trong năm theo quy định", "Tổng điểm thẩm định",
          "Lý do không đánh giá"]


def problems_of(folder):
    with pytest.raises(InputErrors) as caught:
        evaluate(*read_job(folder))
    return caught.value.problems


def edit_cell(path, sheet, find, column, value):
    book = openpyxl.load_workbook(path)
    for row in book[sheet].iter_rows():
        if any(c.value == find for c in row):
            row[column].value = value
    book.save(path)


def test_text_in_a_score_cell_names_file_sheet_row_and_column(example_job, cli, tmp_path):
    job = example_job("huong-tra-2020-xep-loai")
    edit_cell(job / "diem-tham-dinh-2020.xlsx", "UBND các xã, phường", "Hương Văn", 4, "72.2.1")
    out = tmp_path / "out"
    code, _, stderr = cli("run", job, "--out", out)
    assert code == 1
    assert ('Tệp diem-tham-dinh-2020.xlsx, trang "UBND các xã, phường", dòng 5, '
            'cột "Tổng điểm thẩm định các nhiệm vụ phát sinh trong năm của đơn vị": '
            '"72.2.1" không phải là số.') in stderr
    assert "Traceback" not in stderr and not out.exists()


def test_every_problem_is_reported_in_one_run(example_job, cli, tmp_path):
    job = example_job("huong-tra-2020-xep-loai")
    book = job / "diem-tham-dinh-2020.xlsx"
    edit_cell(book, "Cơ quan chuyên môn", "Phòng Nội vụ", 4, "chín mươi")
    edit_cell(book, "UBND các xã, phường", "Hương Vinh", 4, 81)
    edit_cell(book, "Đơn vị sự nghiệp", "Đội QTĐT", 4, -1)
    edit_cell(book, "Đơn vị sự nghiệp", "Trung tâm PTQĐ", 1, "Trung tâm DVNN")
    reasons = [p.reason for p in problems_of(job)]
    assert sorted(r.value for r in reasons) == sorted(r.value for r in [
        Reason.NOT_A_NUMBER, Reason.ABOVE_MAXIMUM, Reason.NEGATIVE, Reason.DUPLICATE_UNIT])
    code, _, stderr = cli("run", job, "--out", tmp_path / "out")
    assert code == 1 and "có 4 lỗi" in stderr and not (tmp_path / "out").exists()


def test_points_above_the_applicable_maximum(example_job):
    job = example_job("huong-tra-2020-xep-loai")
    edit_cell(job / "diem-tham-dinh-2020.xlsx", "UBND các xã, phường", "Hương Vinh", 4, 81)
    [found] = problems_of(job)
    assert (found.reason, found.row, found.value, found.detail("maximum")) == (Reason.ABOVE_MAXIMUM, 6, "81", "80")


def test_same_unit_twice_in_a_group_names_both_rows(tmp_path):
    job = unit_job(tmp_path / "job", {"Khối A": [HEADER, [1, "Phòng A", 100, 90], [2, "Phòng  A", 100, 80]],
                                       "Khối B": [HEADER, [1, "Phòng A", 100, 70]]})
    [found] = problems_of(job)
    assert ((found.reason, found.sheet, found.row, found.detail("first_row"))
            == (Reason.DUPLICATE_UNIT, "Khối A", 3, "2"))


def test_missing_column_is_named(tmp_path):
    job = unit_job(tmp_path / "job", {"Khối A": [["TT", "Đơn vị", "Điểm tối đa áp dụng"], [1, "Phòng A", 100]]})
    found = problems_of(job)
    assert next((p.reason, p.detail("column_name")) for p in found) == (Reason.MISSING_COLUMN, "Tổng điểm thẩm định")


def test_a_required_column_under_another_name_of_its_meaning_gets_a_suggestion(tmp_path):
    job = unit_job(tmp_path / "job", {"Khối A": [["TT", "Đơn vị", "Điểm thẩm định lần 2"], [1, "Phòng A", 90]]})
    from pipeline.base.messages import describe
    assert 'có phải cột "Điểm thẩm định lần 2"' in describe(problems_of(job)[0])


def test_unknown_group_in_the_group_column(tmp_path):
    header = ["Khối", *HEADER]
    job = unit_job(tmp_path / "job", {"Số liệu": [header, ["Khối A", 1, "Phòng A", 100, 90],
                                                  ["Khối B", 2, "Phòng B", 100, 80],
                                                  ["Khối C", 3, "Phòng C", 100, 70]]})
    [found] = problems_of(job)
    assert (found.reason, found.row, found.column, found.value) == (Reason.UNKNOWN_GROUP, 4, "Khối", "Khối C")


def test_unknown_scheme_lists_the_known_ones(tmp_path, cli):
    job = unit_job(tmp_path / "job", {"Khối A": [HEADER, [1, "Phòng A", 100, 90]]},
                   settings='kind = "quyet-dinh-xep-loai"\nscheme = "xep-loai-2030"\n'
                            '[[groups]]\nname = "Khối A"\n' + DOCUMENT)
    code, _, stderr = cli("run", job, "--out", tmp_path / "out")
    assert code == 1
    assert 'không có bộ tiêu chí xếp loại "xep-loai-2030"' in stderr and "chat-luong-hoat-dong" in stderr


def test_unknown_scheme_version(tmp_path):
    job = unit_job(tmp_path / "job", {"Khối A": [HEADER, [1, "Phòng A", 100, 90]]},
                   settings='kind = "quyet-dinh-xep-loai"\nscheme = "chi-so-cchc@1999"\n'
                            '[[groups]]\nname = "Khối A"\n' + DOCUMENT)
    with pytest.raises(InputErrors) as caught:
        read_job(job)
    assert caught.value.problems[0].reason is Reason.UNKNOWN_SCHEME_VERSION


def test_declared_total_that_differs_from_the_computed_one(example_job):
    job = example_job("huong-tra-2021-tu-cham")
    edit_cell(job / "tu-cham-6-thang-2021.xlsx", "Tự chấm điểm", "TỔNG ĐIỂM", 3, 28.7)
    [found] = problems_of(job)
    assert (found.reason, found.row, found.column, found.value, found.detail("computed")) == (
        Reason.TOTAL_MISMATCH, 5, "Điểm tự chấm", "28,7", "28,692")


def test_chi_lang_total_stated_in_the_article_is_reported(example_job):
    job = example_job("chi-lang-2023-cchc")
    data = job / "tu-cham-cchc-2023.csv"
    data.write_text(data.read_text(encoding="utf-8") + ";TỔNG ĐIỂM;80;83,06;\n", encoding="utf-8")
    [found] = problems_of(job)
    assert (found.reason, found.value, found.detail("computed")) == (Reason.TOTAL_MISMATCH, "83,06", "67,06")


def test_declared_score_column_is_checked(tmp_path):
    header = [*HEADER, "Kết quả đánh giá"]
    job = unit_job(tmp_path / "job", {"Khối A": [header, [1, "Phòng A", 80, 72.2, None, 90.25]],
                                       "Khối B": [header, [1, "Phòng B", 80, 63.06, None, 78.82]]})
    [found] = problems_of(job)
    assert (found.reason, found.sheet, found.value, found.detail("computed")) == (
        Reason.TOTAL_MISMATCH, "Khối B", "78,82", "78,83")


def test_corrupt_workbook(example_job, cli, tmp_path):
    job = example_job("huong-tra-2020-xep-loai")
    (job / "diem-tham-dinh-2020.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    code, _, stderr = cli("run", job, "--out", tmp_path / "out")
    assert code == 1 and "Tệp diem-tham-dinh-2020.xlsx: bị hỏng" in stderr and "Traceback" not in stderr


def test_password_protected_workbook(example_job):
    from msoffcrypto.format.ooxml import OOXMLFile

    job = example_job("huong-tra-2020-xep-loai")
    path = job / "diem-tham-dinh-2020.xlsx"
    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(path.read_bytes())).encrypt("matkhau", encrypted)
    path.write_bytes(encrypted.getvalue())
    [found] = problems_of(job)
    assert (found.reason, found.file) == (Reason.PASSWORD_PROTECTED, "diem-tham-dinh-2020.xlsx")


def test_formula_cell_without_cached_value(tmp_path):
    job = unit_job(tmp_path / "job", {"Khối A": [HEADER, [1, "Phòng A", 80, "=70+2.2"]],
                                       "Khối B": [HEADER, [1, "Phòng B", 80, 60]]})
    [found] = problems_of(job)
    assert (found.reason, found.row, found.column, found.value) == (
        Reason.FORMULA_NOT_CACHED, 2, "Tổng điểm thẩm định", "=70+2.2")


def test_existing_output_is_not_overwritten_without_force(cli, tmp_path):
    job = unit_job(tmp_path / "job", {"Khối A": [HEADER, [1, "Phòng A", 80, 70]],
                                       "Khối B": [HEADER, [1, "Phòng B", 80, 60]]})
    out = tmp_path / "out"
    assert cli("run", job, "--out", out)[0] == 0
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    code, _, stderr = cli("run", job, "--out", out)
    assert code == 1 and "không ghi đè" in stderr and "--force" in stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first
    assert cli("run", job, "--out", out, "--force")[0] == 0


def test_debug_shows_the_traceback(tmp_path, cli):
    job = unit_job(tmp_path / "job", {"Khối A": [HEADER, [1, "Phòng A", 80, "x"]]})
    assert "Traceback" in cli("run", job, "--out", tmp_path / "o", "--debug")[2]


def test_missing_points_without_a_reason(tmp_path):
    job = unit_job(tmp_path / "job", {"Khối A": [HEADER, [1, "Phòng A", 80, None]],
                                       "Khối B": [HEADER, [1, "Phòng B", 80, 60]]})
    [found] = problems_of(job)
    assert (found.reason, found.row) == (Reason.MISSING_VALUE, 2)


def test_missing_job_settings(tmp_path, cli):
    (tmp_path / "job").mkdir()
    code, _, stderr = cli("run", tmp_path / "job", "--out", tmp_path / "o")
    assert code == 1 and "không có tệp thiết lập job.toml" in stderr


def test_a_header_typed_without_or_with_wrong_accents_is_read_as_its_column(tmp_path):
    header = [*HEADER, "Điểm thuởng", "Diem tru"]  # "thuởng" for "thưởng"; "trừ" typed without accents
    job = unit_job(tmp_path / "job", {"Khối A": [header, [1, "Phòng A", 80, 72.2, None, 1, 0.5]],
                                       "Khối B": [header, [1, "Phòng B", 80, 60, None, 0, 0]]})
    result = evaluate(*read_job(job))
    assert result.members("Khối A")[0]["score"] == Decimal("90.75")  # 72,2 / 80 × 100 + 1 − 0,5


def test_a_misspelt_optional_column_is_refused_not_ignored(tmp_path):
    header = [*HEADER, "Điểm thưởg"]
    job = unit_job(tmp_path / "job", {"Khối A": [header, [1, "Phòng A", 80, 72.2, None, 1]],
                                       "Khối B": [header, [1, "Phòng B", 80, 60, None, 0]]})
    found = [(p.reason, p.sheet, p.column, p.detail("expected")) for p in problems_of(job)]
    assert (Reason.LOOKALIKE_COLUMN, "Khối A", "Điểm thưởg", "Điểm thưởng") in found


def test_one_wrong_score_gives_one_error_not_a_cascade_of_totals(example_job):
    job = example_job("huong-tra-2021-tu-cham")
    book = job / "tu-cham-6-thang-2021.xlsx"
    edit_cell(book, "Tự chấm điểm", "Tỷ lệ % ý kiến chỉ đạo của UBND tỉnh được hoàn thành đúng và trước hạn", 3, 5)
    [found] = problems_of(job)
    assert (found.reason, found.value, found.detail("maximum")) == (Reason.ABOVE_MAXIMUM, "5", "4")


def test_settings_syntax_error_is_explained_in_vietnamese_with_its_line(example_job, cli, tmp_path):
    job = example_job("huong-tra-2020-xep-loai")
    settings = job / "job.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("date = 2020-12-24", "date = 24/12/2020"),
                        encoding="utf-8")
    code, _, stderr = cli("run", job, "--out", tmp_path / "out")
    line = next(n for n, text in enumerate(settings.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("date ="))
    assert code == 1 and f"Tệp job.toml, dòng {line}: viết sai cú pháp" in stderr


def test_outputs_are_readable_by_colleagues(cli, tmp_path):
    import os

    previous = os.umask(0o022)
    try:
        _check_readable(cli, tmp_path)
    finally:
        os.umask(previous)


def _check_readable(cli, tmp_path):
    job = unit_job(tmp_path / "job", {"Khối A": [HEADER, [1, "Phòng A", 80, 70]],
                                       "Khối B": [HEADER, [1, "Phòng B", 80, 60]]})
    assert cli("run", job, "--out", tmp_path / "out")[0] == 0
    for path in (tmp_path / "out").iterdir():
        assert path.stat().st_mode & 0o044 == 0o044, path


@pytest.mark.parametrize(("argv", "said"), [
    (["run"], "thiếu: job"),
    (["run", "inputs/x", "--bogus"], "không hiểu: --bogus"),
    (["init", "dot-danh-gia", "inputs/x", "thua"], "không hiểu: thua"),
])
def test_command_line_mistakes_are_said_in_vietnamese(capsys, argv, said):
    from pipeline.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    assert said in capsys.readouterr().err

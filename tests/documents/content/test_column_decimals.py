"""One number of decimals down each number column of a ranking table, and the same in ket-qua.xlsx.

Expected texts are written out here from the numbers typed in the test (a decimal comma, the digits
padded by hand), never read back from the program.
"""

from __future__ import annotations

import shutil
from decimal import Decimal

import openpyxl
import pytest

from pipeline.config.scheme import scheme_data, scheme_from_data
from pipeline.documents.content.context import document_context
from pipeline.figures.numbers import column_places
from pipeline.flow import run_job
from pipeline.read.job_folder import read_job
from pipeline.scoring.evaluate import evaluate
from tests.conftest import DOCUMENT, INPUTS, UNIT_JOB, unit_job

HEADER = ["Đơn vị", "Tổng điểm các nhiệm vụ theo quy định",
          "Tổng điểm các nhiệm vụ phát sinh trong năm theo quy định", "Tổng điểm thẩm định"]
OTHER_GROUP = {"Khối B": [HEADER, ["Phòng Z", 100, 100, 50]]}


def ranked(tmp_path, rows, overrides: str = ""):
    """The first appendix's rows for units typed as (name, maximum, applicable maximum, points)."""
    settings = UNIT_JOB.replace("[[groups]]", f"[scheme_overrides]\n{overrides}\n[[groups]]", 1) if overrides \
        else UNIT_JOB
    job = unit_job(tmp_path / "job", {"Khối A": [HEADER, *rows], **OTHER_GROUP}, settings)
    return {row.unit: row for row in document_context(evaluate(*read_job(job)))["appendices"][0].ranked}


def test_scores_of_one_appendix_keep_the_schemes_two_decimals_86_20_beside_90_25(tmp_path):
    rows = ranked(tmp_path, [["Phòng A", 100, 100, 86.2], ["Phòng B", 100, 100, 90.25]])
    assert (rows["Phòng A"].score, rows["Phòng B"].score) == ("86,20", "90,25")


def test_a_maxima_column_prints_each_maximum_at_its_own_precision_71_5_and_100(tmp_path):
    rows = ranked(tmp_path, [["Phòng A", 71.5, 71.5, 60], ["Phòng B", 100, 100, 90]])
    assert (rows["Phòng A"].max_points, rows["Phòng B"].max_points) == ("71,5", "100")
    assert (rows["Phòng A"].applicable_max, rows["Phòng B"].applicable_max) == ("71,5", "100")


def test_an_input_column_pads_every_value_to_the_schemes_decimals_7_50_beside_8_25(tmp_path):
    rows = ranked(tmp_path, [["Phòng A", 10, 10, 7.5], ["Phòng B", 10, 10, 8.25]])
    assert (rows["Phòng A"].appraised_points, rows["Phòng B"].appraised_points) == ("7,50", "8,25")
    assert (rows["Phòng A"].points, rows["Phòng B"].points) == ("7,50", "8,25")


def test_an_input_typed_with_more_decimals_than_the_scheme_is_never_rounded_and_sets_the_column(tmp_path):
    rows = ranked(tmp_path, [["Phòng A", 10, 10, 7.125], ["Phòng B", 10, 10, 8.25]])
    assert (rows["Phòng A"].appraised_points, rows["Phòng B"].appraised_points) == ("7,125", "8,250")
    assert (rows["Phòng A"].score, rows["Phòng B"].score) == ("71,25", "82,50")  # 7,125 / 10 × 100; 8,25 / 10 × 100


def test_fixed_decimals_false_in_scheme_overrides_still_trims_the_scores(tmp_path):
    rows = ranked(tmp_path, [["Phòng A", 100, 100, 86.2], ["Phòng B", 100, 100, 90.25], ["Phòng C", 100, 100, 75]],
                  "fixed_decimals = false")
    assert [rows[name].score for name in ("Phòng A", "Phòng B", "Phòng C")] == ["86,2", "90,25", "75"]
    # the typed column still reads one number of decimals, the most any value was typed with
    assert [rows[name].appraised_points for name in ("Phòng A", "Phòng B", "Phòng C")] == ["86,20", "90,25", "75,00"]


def test_a_scheme_that_does_not_say_keeps_its_decimals_fixed():
    data = {"id": "thu", "version": "1", "decimals": 2, "tie_rule": "dong-hang", "labels": []}
    assert scheme_from_data(data, "thu.toml").fixed_decimals is True
    assert scheme_from_data({**data, "fixed_decimals": False}, "thu.toml").fixed_decimals is False


def test_the_shipped_schemes_keep_their_decimals_fixed():
    for reference in ("chat-luong-hoat-dong@2020", "chi-so-cchc@2023"):
        assert scheme_from_data(*scheme_data(reference, "test")).fixed_decimals is True


@pytest.mark.parametrize(("values", "fixed", "places"), [
    (["7.5", "8.25"], True, 2),        # padded to the scheme's 2
    (["7.125", "8.25"], True, 3),      # a value typed with 3 decimals: never rounded
    (["7.50", "17"], False, 1),        # not fixed: the most decimals typed, trailing zeros not counted
    (["100", "80"], False, 0),
    ([], True, 2),
    ([None, "7.5"], False, 1),         # a missing value does not count
])
def test_column_places_is_the_larger_of_the_schemes_decimals_and_the_longest_typed_value(values, fixed, places):
    scheme = scheme_from_data({"id": "thu", "version": "1", "decimals": 2, "tie_rule": "dong-hang", "labels": [],
                               "fixed_decimals": fixed}, "thu.toml")
    assert column_places([Decimal(v) if v else None for v in values], scheme) == places


# ----------------------------------------------------------------- ket-qua.xlsx

def test_workbook_number_cells_carry_formats_with_the_documents_decimals_and_the_exact_values(tmp_path):
    job = unit_job(tmp_path / "job", {"Khối A": [HEADER, ["Phòng A", 100, 80, 68.96], ["Phòng B", 100, 100, 90.25],
                                                 ["Phòng C", 100, 100, 86.125], ["Phòng D", 71.5, 71.5, 60]],
                                      **OTHER_GROUP})
    run_job(job, tmp_path / "out")
    sheet = openpyxl.load_workbook(tmp_path / "out" / "ket-qua.xlsx")["Khối A"]
    headers = [cell.value for cell in sheet[1]]
    cells = {row[1].value: {h: row[i] for i, h in enumerate(headers)} for row in sheet.iter_rows(min_row=2)}
    phong_a = cells["Phòng A"]
    assert (phong_a["Kết quả đánh giá"].value, phong_a["Kết quả đánh giá"].number_format) == (86.2, "0.00")  # 68,96/80
    assert (phong_a["Tổng điểm thẩm định"].value, phong_a["Tổng điểm thẩm định"].number_format) == (68.96, "0.000")
    assert cells["Phòng C"]["Tổng điểm thẩm định"].value == 86.125  # the column shows 3 decimals, never rounds
    maximum = cells["Phòng D"]["Tổng điểm các nhiệm vụ theo quy định"]
    assert (maximum.value, maximum.number_format) == (71.5, "General")


# ----------------------------------------------------------------- sheet names

LONG = "Ủy ban nhân dân các xã, phường thuộc khu vực miền núi phía tây"
TWIN = "Ủy ban nhân dân các xã, phường thuộc khu vực đồng bằng ven biển"


def longest_words_within(name: str, limit: int) -> str:
    """The longest run of whole leading words of `name`, their separators kept, that fits in `limit`."""
    words = name.split(" ")
    fitting = [" ".join(words[:n]) for n in range(1, len(words) + 1) if len(" ".join(words[:n])) <= limit]
    return fitting[-1].rstrip(",")


def test_a_long_group_name_gives_a_sheet_name_of_at_most_31_characters_ending_at_a_word_boundary():
    from pipeline.write.sheet_names import sheet_title

    title = sheet_title(LONG, ["Tổng hợp"])
    assert len(title) <= 31 and title == longest_words_within(LONG, 31)
    assert LONG.startswith(title) and LONG[len(title)] in " ,"


def test_two_long_group_names_sharing_31_first_characters_give_distinct_sheet_names():
    from pipeline.write.sheet_names import sheet_title

    assert LONG[:31] == TWIN[:31]
    first = sheet_title(LONG, ["Tổng hợp"])
    second = sheet_title(TWIN, ["Tổng hợp", first])
    assert first != second and len(second) <= 31
    assert second == longest_words_within(TWIN, 31 - len(" (2)")) + " (2)"


@pytest.mark.parametrize("name", ["Khối [A]: 1/2", "Tổng hợp", "TỔNG HỢP", "'Khối'"])
def test_a_sheet_name_has_no_character_excel_refuses_and_no_name_taken_in_another_case(name):
    from pipeline.write.sheet_names import sheet_title

    title = sheet_title(name, ["Tổng hợp"])
    assert not set(title) & set(":\\/?*[]") and title[0] != "'" and title[-1] != "'"
    assert title.casefold() != "tổng hợp"


def test_the_workbook_opens_with_both_long_groups_on_their_own_sheets(tmp_path, cli):
    job = tmp_path / "job"
    job.mkdir()
    settings = ('kind = "xep-hang-cchc"\nscheme = "chi-so-cchc@2023"\ndata = "diem.csv"\n'
                f'[[groups]]\nname = "{LONG}"\n[[groups]]\nname = "{TWIN}"\n' + DOCUMENT)
    (job / "job.toml").write_text(settings, encoding="utf-8")
    (job / "diem.csv").write_text(f'Khối,Đơn vị,Điểm thẩm định\n"{LONG}",Xã A,"80,5"\n"{TWIN}",Xã B,"75,25"\n',
                                  encoding="utf-8")
    code, _, stderr = cli("run", job, "--out", tmp_path / "out")
    assert code == 0, stderr
    names = openpyxl.load_workbook(tmp_path / "out" / "ket-qua.xlsx").sheetnames
    assert names[1:3] == [longest_words_within(LONG, 31), longest_words_within(TWIN, 27) + " (2)"]


# ----------------------------------------------------------------- the self-assessment report

@pytest.mark.parametrize(("override", "total", "line"), [
    ("", "64,06", "64,06/80 điểm; quy đổi thang điểm 100: 80,075; cộng điểm thưởng 3; kết quả: 83,075 điểm"),
    ("fixed_decimals = false", "64,06",
     "64,06/80 điểm; quy đổi thang điểm 100: 80,075; cộng điểm thưởng 3; kết quả: 83,075 điểm"),
])
def test_report_points_print_as_typed_and_only_the_score_at_the_schemes_decimals(
        tmp_path, override, total, line):
    # Chi Lăng as published: fields 64,06 of 80, bonus 3, penalty 0; the total row the fields' 64,06 of 80 (one
    # base: the bonus on its own row); the score at the scheme's 3 decimals
    folder = tmp_path / "chi-lang"
    shutil.copytree(INPUTS / "chi-lang-2023-cchc", folder)
    if override:
        text = (folder / "job.toml").read_text(encoding="utf-8")
        (folder / "job.toml").write_text(text.replace("[document]\n", f"[scheme_overrides]\n{override}\n\n[document]\n",
                                                      1), encoding="utf-8")
    context = document_context(evaluate(*read_job(folder)))
    assert (context["total"].max_points, context["total"].points) == ("80", total)
    assert line in context["self_rating"]
    assert (context["bonus"].points, context["penalty"].points) == ("3", "0")  # rows of the table: as typed

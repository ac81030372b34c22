"""Mistakes a clerk makes typing the PAR INDEX 2020 example (inputs/viet-nam-2020-par-index, published figures):
each is refused at its cell with nothing written, or read as the figure meant; never a wrong result.

Expected figures are the published ones (README of the example); sums are computed here with `Decimal`.
"""

from __future__ import annotations

import csv
import shutil
from decimal import Decimal

import pytest
from docx import Document

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.flow import check_job, run_job
from tests.conftest import ROOT

EXAMPLE = ROOT / "inputs" / "viet-nam-2020-par-index"
DATA = "par-index-2020.csv"
INDEX = "Chỉ số cải cách hành chính"


def _typed(tmp_path, edit=None, settings=None):
    """The example with its table changed by `edit(rows)` and its settings by `settings(text)`."""
    folder = tmp_path / "job"
    shutil.copytree(EXAMPLE, folder)
    with (folder / DATA).open(encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    if edit:
        edit(rows)
    with (folder / DATA).open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows(rows)
    if settings:
        (folder / "job.toml").write_text(settings((folder / "job.toml").read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def _refused(folder):
    with pytest.raises(InputErrors) as caught:
        check_job(folder, workers=1)
    return caught.value.problems


def test_a_component_left_blank_for_one_province_is_refused_naming_the_formula_in_the_schemes_order(tmp_path):
    def blank(rows):
        rows[3][4] = ""  # Thừa Thiên Huế, "Điều tra lãnh đạo, quản lý"
    problems = _refused(_typed(tmp_path, blank))
    missing = [p for p in problems if p.reason is Reason.COMPONENT_MISSING]
    assert [(p.row, p.column) for p in missing] == [(4, "Điều tra lãnh đạo, quản lý")]
    assert problems == tuple(missing)  # its published index, off from three parts, is no second mistake
    assert ("= điểm thẩm định + chỉ số hài lòng (SIPAS) + điều tra lãnh đạo, quản lý + tác động đến phát triển "
            "kinh tế - xã hội") in describe(missing[0])


def test_a_component_typed_with_a_decimal_point_is_read_as_the_same_figure(tmp_path):
    def point(rows):
        rows[1][2] = "57.66"
    result = check_job(_typed(tmp_path, point), workers=1)
    [unit] = [u for u in result.units if u["unit"] == "Quảng Ninh"]
    assert unit["components"]["tham-dinh"] == Decimal("57.66") and unit["score"] == Decimal("91.04")


def test_a_component_above_the_maximum_it_declares_is_refused_at_its_cell(tmp_path):
    def maxima(text):  # the job declares the appraisal out of 58: Hải Phòng's published 58,71 is above it
        return text.replace("[[groups]]", "[scheme_overrides]\ncomponents = [\n"
                            '  { id = "tham-dinh", name = "Điểm thẩm định", maximum = 58, decimals = 2 },\n'
                            '  { id = "sipas", name = "Chỉ số hài lòng (SIPAS)", decimals = 2 },\n'
                            '  { id = "lanh-dao-quan-ly", name = "Điều tra lãnh đạo, quản lý", decimals = 2 },\n'
                            '  { id = "tac-dong", name = "Tác động đến phát triển kinh tế - xã hội", decimals = 2 },\n'
                            "]\n\n[[groups]]", 1)
    problems = _refused(_typed(tmp_path, settings=maxima))
    assert [(p.reason, p.row, p.column) for p in problems] == [
        (Reason.ABOVE_MAXIMUM, 3, "Điểm thẩm định"), (Reason.ABOVE_MAXIMUM, 7, "Điểm thẩm định")]  # Đà Nẵng 58,01
    assert describe(problems[0]).endswith("điểm 58,71 lớn hơn điểm tối đa 58.")


def test_a_published_index_beyond_the_rounding_of_its_four_parts_is_refused(tmp_path):
    def off(rows):
        rows[1][6] = "91,08"  # the parts sum to 91,05: 0,03 off, beyond 4 × 0,005
    [problem] = _refused(_typed(tmp_path, off))
    assert (problem.reason, problem.row, problem.column) == (Reason.TOTAL_MISMATCH, 2, INDEX)


def test_a_header_missing_one_accent_is_read_as_its_component(tmp_path):
    def accent(rows):
        rows[0][3] = "Chỉ số hài long"
    result = check_job(_typed(tmp_path, accent), workers=1)
    [unit] = [u for u in result.units if u["unit"] == "Quảng Ninh"]
    assert unit["components"]["sipas"] == Decimal("9.56")


def test_two_columns_meaning_one_component_are_refused(tmp_path):
    def twice(rows):
        rows[0].append("SIPAS")
        for row in rows[1:]:
            row.append(row[3])
    [problem] = _refused(_typed(tmp_path, twice))
    assert (problem.reason, problem.column) == (Reason.LOOKALIKE_COLUMN, "SIPAS")


def test_a_province_not_evaluated_has_its_reason_across_every_column_after_its_name(tmp_path):
    def unscored(rows):
        rows[0].append("Lý do không đánh giá")
        for row in rows[1:]:
            row.append("")
        rows[10][2:8] = ["", "", "", "", "", "Chưa có số liệu"]  # Phú Thọ
    run_job(_typed(tmp_path, unscored), tmp_path / "out", workers=1)
    table = Document(str(tmp_path / "out" / "quyet-dinh.docx")).tables[-1]
    header, last = table.rows[0], table.rows[-1]
    assert len(last._tr.tc_lst) == 3 and last.cells[1].text.strip() == "Phú Thọ"
    assert {c.text.strip() for c in last.cells[2:]} == {"Chưa có số liệu"}
    assert len(last.cells) == len(header.cells) == 11  # TT, name, four parts, index, rank, group, two changes

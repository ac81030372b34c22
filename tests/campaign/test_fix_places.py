"""Every message names the place where the fix is made: the register for its cells, a renamed register header
alone (not each table as missing from it), a hidden criterion row, the character two look-alike names differ by."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.flow import check_job
from tests.campaign.conftest import POINTS, REGISTER, REGISTER_HEADER, unit_rows
from tests.conftest import write_workbook


def refused(folder) -> list:
    with pytest.raises(InputErrors) as caught:
        check_job(folder)
    return list(caught.value.problems)


def test_survey_points_too_large_in_the_register_are_blamed_on_the_register_cell(campaign):
    register = [[*row, None] for row in REGISTER]
    register[2][-1] = 500  # UBND xã Hòa An, appraised 79 of 100
    problems = refused(campaign(register=register, header=[*REGISTER_HEADER, "Điểm điều tra xã hội học"]))
    [found] = [p for p in problems if p.reason is Reason.SURVEY_ABOVE_SCALE]  # (its group's formula has no survey:
    # said too, as its own problem)
    assert describe(found) == (
        'Tệp danh-muc-don-vi.xlsx, trang "Danh mục", dòng 6, cột "Điểm điều tra xã hội học": điểm điều tra xã hội học '
        '500 của đơn vị "UBND xã Hòa An" (ô này của danh mục đơn vị) cộng điểm thẩm định 79 của bảng tiêu chí được '
        '579, lớn hơn thang điểm 100. Sửa ô này của danh mục (gõ nhầm dấu thập phân?); điểm điều tra cộng với điểm '
        'chuẩn của cây tiêu chí phải là thang điểm.')


def test_a_renamed_register_header_is_said_alone_not_after_every_table_as_missing_from_the_register(campaign):
    header = list(REGISTER_HEADER)
    header[1] = "Tên gọi đơn vị"
    found = refused(campaign(header=header))
    assert [p.file for p in found] == ["danh-muc-don-vi.xlsx"]
    assert describe(found[0]).startswith('Tệp danh-muc-don-vi.xlsx: không tìm thấy dòng tiêu đề của bảng (cần có '
                                         'các cột "Tên đơn vị")')
    assert not any(p.reason is Reason.UNREGISTERED_UNIT for p in found)


def test_a_hidden_criterion_row_with_points_is_said_at_its_row(campaign):
    folder = campaign()
    book = load_workbook(folder / "don-vi" / "01.xlsx")
    sheet = book.active
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "1.2")
    sheet.row_dimensions[row].hidden = True
    book.save(folder / "don-vi" / "01.xlsx")
    [found] = refused(folder)
    assert (found.reason, found.file, found.row) == (Reason.HIDDEN_ROW, "01.xlsx", row)
    assert "dòng này đang bị ẩn nhưng có số liệu trong bảng" in describe(found)


def test_two_names_that_differ_by_a_non_breaking_hyphen_are_said_with_the_character_and_its_place(campaign):
    register = [row[:] for row in REGISTER]
    register[3][1] = "UBND xã Tân-Phú"
    folder = campaign(register=register)
    own, appraised = POINTS["UBND xã Tân Phú"]
    write_workbook(folder / "don-vi" / "04.xlsx", {"Tự chấm": unit_rows("UBND xã Tân\u2011Phú", own, appraised)})
    found = [p for p in refused(folder) if p.reason is Reason.UNREGISTERED_UNIT]
    assert len(found) == 1
    assert describe(found[0]).endswith(
        f' Hai tên trông giống nhau nhưng khác nhau ở ký tự thứ {register[3][1].index("-") + 1}: '
        'tên này có "\u2011" (U+2011 NON-BREAKING HYPHEN), '
        'danh mục có "-" (U+002D HYPHEN-MINUS); gõ lại ký tự đó.')

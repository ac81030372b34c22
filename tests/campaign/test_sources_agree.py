"""A unit's group is written in up to three places — the register, the "Khối:" line above its table, the previous
period — and they must agree: ranks of two groups are never compared, and the refusal names both places."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.flow import check_job
from pipeline.scoring.previous_period import PastUnit, period_changes
from tests.campaign.conftest import POINTS, SO, XA, unit_rows
from tests.conftest import write_workbook

PERIOD = "kỳ trước (năm 2024)"


def test_a_group_line_naming_another_group_than_the_register_is_refused_naming_both_places(campaign):
    folder = campaign()
    own, appraised = POINTS["Sở Tư pháp"]
    write_workbook(folder / "don-vi" / "02.xlsx", {"Tự chấm": unit_rows("Sở Tư pháp", own, appraised, group=XA)})
    with pytest.raises(InputErrors) as refused:
        check_job(folder)
    [found] = [p for p in refused.value.problems if p.reason is Reason.GROUP_LINE_DISAGREES]
    assert describe(found) == (
        'Tệp 02.xlsx, trang "Tự chấm": dòng "Khối:" phía trên bảng ghi "UBND các xã, phường" nhưng danh mục '
        'đơn vị (danh-muc-don-vi.xlsx, dòng 5) xếp đơn vị "Sở Tư pháp" vào khối "Sở, ban, ngành". Hai nơi phải ghi '
        'cùng một khối (khối quyết định hạng của đơn vị): sửa nơi ghi sai, hoặc xóa dòng "Khối:" trong bảng (khi có '
        'danh mục, khối lấy từ danh mục).')


def test_a_group_line_that_is_not_a_group_of_the_job_is_refused_against_the_register_too(campaign):
    folder = campaign()
    own, appraised = POINTS["Sở Nội vụ"]
    write_workbook(folder / "don-vi" / "01.xlsx", {"Tự chấm": unit_rows("Sở Nội vụ", own, appraised, group="Sở")})
    with pytest.raises(InputErrors) as refused:
        check_job(folder)
    assert [(p.reason, p.value, p.detail("group")) for p in refused.value.problems] == [
        (Reason.GROUP_LINE_DISAGREES, "Sở", SO)]


def test_a_group_line_that_agrees_with_the_register_is_accepted(campaign):
    folder = campaign()
    own, appraised = POINTS["Sở Tư pháp"]
    write_workbook(folder / "don-vi" / "02.xlsx", {"Tự chấm": unit_rows("Sở Tư pháp", own, appraised, group=SO)})
    result = check_job(folder)
    assert [u["group"] for u in result.units if u["unit"] == "Sở Tư pháp"] == [SO]


def _unit(name: str, group: str, rank: int) -> dict:
    return {"unit": name, "group": group, "evaluated": True, "score": Decimal("85"), "rank": rank, "label": "Tốt",
            "file": "don-vi/02.xlsx", "sheet": "Tự chấm", "row": None, "group_at": "danh-muc-don-vi.xlsx, dòng 5"}


def test_a_unit_matched_by_name_in_another_group_of_the_previous_period_is_refused_naming_both_places():
    past = [PastUnit("Sở Tư pháp", XA, True, Decimal("80"), 9, "Tốt", 'ket-qua-2024.xlsx, trang "UBND xã", dòng 10'),
            PastUnit("Sở Nội vụ", SO, True, Decimal("90"), 1, "Rất tốt")]
    changes, problems, _ = period_changes([_unit("Sở Tư pháp", SO, 7), _unit("Sở Nội vụ", SO, 1)], past, (), PERIOD)
    assert [describe(p) for p in problems] == [
        'Đơn vị "Sở Tư pháp" thuộc khối "Sở, ban, ngành" ở kỳ này (danh-muc-don-vi.xlsx, dòng 5) nhưng thuộc khối '
        '"UBND các xã, phường" ở kỳ trước (năm 2024) (ket-qua-2024.xlsx, trang "UBND xã", dòng 10): hạng trong hai '
        'khối khác nhau không so sánh được. Nơi nào ghi sai khối thì sửa nơi đó; nếu đơn vị đã chuyển khối thật, ghi '
        'trong [previous.renames] dòng "Sở Tư pháp" = [] để đơn vị được ghi là "mới".']
    assert changes[(SO, "Sở Nội vụ")].status == "compared"


def test_a_unit_that_really_moved_group_is_new_when_its_rename_line_names_no_previous_unit():
    past = [PastUnit("Sở Tư pháp", XA, True, Decimal("80"), 9, "Tốt"), PastUnit("Sở Nội vụ", SO, True, Decimal("90"), 1,
                                                                             "Rất tốt")]
    changes, problems, warnings = period_changes([_unit("Sở Tư pháp", SO, 7)], past, (("Sở Tư pháp", ()),), PERIOD)
    assert problems == [] and changes[(SO, "Sở Tư pháp")].status == "new"
    assert "Sở Tư pháp" in describe(warnings[0])  # the previous unit is then said as left unmatched


def test_an_empty_rename_line_is_read_from_job_settings(tmp_path):
    from pipeline.config.period_settings import previous_from_data

    errors: list = []
    found = previous_from_data({"previous": {"results": "kq.xlsx", "renames": {"Sở Tư pháp": []}}}, None, tmp_path,
                               "job.toml", errors)
    assert errors == [] and found.renames == (("Sở Tư pháp", ()),)

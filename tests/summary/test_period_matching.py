"""Which unit of the previous period each unit of this period is set beside: one previous unit for one current
unit, within its group, named the way the register names units; the previous units left over are said."""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.flow import check_job
from pipeline.read.job_folder import read_data_file
from pipeline.scoring.previous_period import PastUnit, past_from_workbook, period_changes
from tests.conftest import OLD_CAMPAIGN, job_folder, write_workbook

PERIOD = "kỳ trước (năm 2024)"
XA, SO = "UBND các xã, phường", "Sở, ban, ngành"


def _unit(name: str, group: str = XA, score: str = "80", rank: int = 1) -> dict:
    return {"unit": name, "group": group, "evaluated": True, "score": Decimal(score), "rank": rank, "label": "Tốt"}


def _old(name: str, group: str = XA, score: str = "70", rank: int = 2) -> PastUnit:
    return PastUnit(name, group, True, Decimal(score), rank, "Khá")


def test_one_previous_unit_matched_by_its_name_and_given_by_a_rename_is_refused_naming_both_units():
    units = [_unit("UBND xã Thanh Sơn"), _unit("UBND xã Hưng Long", rank=2)]
    _, problems, _ = period_changes(units, [_old("UBND xã Thanh Sơn")],
                                    (("UBND xã Hưng Long", ("UBND xã Thanh Sơn",)),), PERIOD)
    [found] = problems
    assert (found.reason, found.value) == (Reason.PREVIOUS_UNIT_TWICE, "UBND xã Thanh Sơn")
    assert '"UBND xã Thanh Sơn" và "UBND xã Hưng Long"' in describe(found)


def test_one_previous_unit_given_by_two_rename_lines_in_two_spellings_is_refused():
    units = [_unit("UBND xã Hưng Long"), _unit("UBND phường Trường An", rank=2)]
    _, problems, _ = period_changes(units, [_old("UBND xã Thanh Sơn")],
                                    (("UBND xã Hưng Long", ("UBND xã Thanh Sơn",)),
                                     ("UBND phường Trường An", ("ubnd xa thanh son",))), PERIOD)
    assert [(p.reason, p.value) for p in problems] == [(Reason.PREVIOUS_UNIT_TWICE, "UBND xã Thanh Sơn")]


def test_two_rename_lines_for_one_unit_of_this_period_written_differently_are_refused():
    units = [_unit("UBND phường Trường An")]
    _, problems, _ = period_changes(units, [_old("UBND xã Trường An"), _old("UBND xã Thanh Sơn", rank=3)],
                                    (("UBND phường Trường An", ("UBND xã Trường An",)),
                                     ("UBND phuong Truong An", ("UBND xã Thanh Sơn",))), PERIOD)
    [found] = problems
    assert (found.reason, found.detail("key")) == (Reason.PREVIOUS_RENAMED_TWICE,
                                                   'previous.renames."UBND phuong Truong An"')
    assert 'đã có ở dòng "UBND phường Trường An"' in describe(found)


def test_a_rename_from_a_unit_of_another_group_is_refused_as_ranks_of_two_groups_do_not_compare():
    units = [_unit("UBND xã Hưng Long")]
    past = [_old("Sở Y tế", SO), _old("UBND xã Mỹ Lợi")]
    _, problems, _ = period_changes(units, past, (("UBND xã Hưng Long", ("Sở Y tế",)),), PERIOD)
    [found] = problems
    assert (found.reason, found.value, found.detail("old_group")) == (Reason.PREVIOUS_OTHER_GROUP, "Sở Y tế", SO)


def test_a_rename_is_accepted_when_the_previous_period_has_no_group_of_the_new_units_name():
    """The groups were renamed (the districts' communes of 2024 are the province's communes of 2025)."""
    units = [_unit("UBND phường Trường An", rank=1)]
    changes, problems, _ = period_changes(units, [_old("UBND xã Trường An", "UBND cấp xã", rank=3)],
                                          (("UBND phường Trường An", ("UBND xã Trường An",)),), PERIOD)
    assert problems == [] and changes[(XA, "UBND phường Trường An")].rank_change == 3 - 1


@pytest.mark.parametrize("old, new", [("UBND phường Hoà An", "UBND phường Hòa An"),
                                      ("UBND xã Thuỵ Lâm", "UBND xã Thụy Lâm"),
                                      ("UBND xã Qúy Lộc", "UBND xã Quý Lộc")])
def test_a_name_with_its_tone_mark_placed_the_old_or_the_new_way_is_the_same_unit(old, new):
    changes, problems, warnings = period_changes([_unit(new, score="81.5")],
                                                 [_old(old, score="79.25")], (), PERIOD)
    assert problems == [] and warnings == []
    assert changes[(XA, new)].score_change == Decimal("81.5") - Decimal("79.25")


def test_a_name_with_another_tone_is_another_unit():
    changes, _, warnings = period_changes([_unit("UBND xã Hòa An")], [_old("UBND xã Hóa An")], (), PERIOD)
    assert changes[(XA, "UBND xã Hòa An")].status == "new" and len(warnings) == 1


def test_previous_units_compared_with_no_unit_of_this_period_are_warned_by_name():
    """"UBND xã Thanh Son" is written half without diacritics, so it is not "UBND xã Thanh Sơn" (the register's
    rule): the warning shows it, where "mới" alone would hide it."""
    units = [_unit("UBND xã Thanh Sơn"), _unit("UBND xã Tân Phú", rank=2)]
    past = [_old("UBND xã Thanh Son"), _old("UBND phuong Tân Phú"), _old("UBND xã Mỹ Lợi")]
    changes, problems, warnings = period_changes(units, past, (), PERIOD)
    [warning] = warnings
    assert problems == [] and warning.reason is Reason.PREVIOUS_UNMATCHED and warning.detail("count") == "3"
    assert '"UBND xã Thanh Son", "UBND phuong Tân Phú", "UBND xã Mỹ Lợi"' in describe(warning)
    assert changes[(XA, "UBND xã Tân Phú")].status == "new"


def _refused(folder) -> list:
    with pytest.raises(InputErrors) as caught:
        check_job(folder)
    return list(caught.value.problems)


def _campaign_after(tmp_path, previous_folder: str, previous_settings: str = "") -> object:
    shutil.copytree(job_folder(previous_folder), tmp_path / "cu")
    shutil.copytree(job_folder(OLD_CAMPAIGN), tmp_path / "moi")
    for folder, extra in (("cu", previous_settings), ("moi", '\n[previous]\njob = "../cu"\n')):
        settings = tmp_path / folder / "job.toml"
        settings.write_text(settings.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return tmp_path / "moi"


def test_a_previous_job_of_a_kind_that_ranks_nothing_is_refused(tmp_path):
    [found] = _refused(_campaign_after(tmp_path, "huong-tra-2021-tu-cham"))
    assert (found.reason, found.detail("kind")) == (Reason.PREVIOUS_NOT_RANKED, "bao-cao-tu-cham")
    assert "không xếp hạng" in describe(found)


def test_a_previous_campaign_whose_appraisal_is_not_done_is_refused(tmp_path):
    [found] = _refused(_campaign_after(tmp_path, OLD_CAMPAIGN, "\n[appraisal]\ndone = false\n"))
    assert found.reason is Reason.PREVIOUS_NOT_APPRAISED and "kỳ trước chưa thẩm định xong" in describe(found)


def _workbook(tmp_path, rows: list[list]) -> list:
    header = ["TT", "Đơn vị", "Kết quả đánh giá", "Xếp hạng", "Lý do không đánh giá"]
    path = write_workbook(tmp_path / "ket-qua.xlsx", {
        "Tổng hợp": [["Khối", "Xếp loại", "Số đơn vị"], ["Khối A", "Được xếp hạng", len(rows)],
                     ["Khối A", "Không đánh giá", 0]],
        "Khối A": [header, *rows]})
    return past_from_workbook(read_data_file(path), "previous.results")[1]


def test_a_previous_workbook_ranking_a_higher_score_below_a_lower_one_is_refused_at_its_row(tmp_path):
    [found] = _workbook(tmp_path, [[1, "Đơn vị A", Decimal("70.5"), 1, None],
                                   [2, "Đơn vị B", Decimal("85.25"), 2, None],
                                   [3, "Đơn vị C", Decimal("60"), 3, None]])
    assert (found.reason, found.sheet, found.row, found.column) == (Reason.PREVIOUS_RANKS_DISAGREE, "Khối A", 3,
                                                                    "Xếp hạng")
    assert '"Đơn vị B" có kết quả 85,25, cao hơn "Đơn vị A" (70,5)' in describe(found)


def test_a_previous_workbook_with_equal_scores_in_either_rank_order_is_read(tmp_path):
    """The consecutive-rank tie rule orders equal published scores by the unrounded ones."""
    assert _workbook(tmp_path, [[1, "Đơn vị A", Decimal("80"), 2, None], [2, "Đơn vị B", Decimal("80"), 1, None],
                                [3, "Đơn vị C", Decimal("60"), 3, None]]) == []


def test_a_previous_workbook_with_one_unit_on_two_rows_is_refused_at_the_second(tmp_path):
    found = _workbook(tmp_path, [[1, "UBND phường Hòa An", Decimal("90"), 1, None],
                                 [2, "UBND phường Hoà An", Decimal("80"), 2, None]])
    assert [(p.reason, p.row, p.column) for p in found] == [(Reason.PREVIOUS_RANKS_DISAGREE, 3, "Đơn vị")]
    assert "có hai dòng (dòng 2" in describe(found[0])


RENAMED = '"UBND phường Trường An" = "UBND xã Trường An"\n'


def test_a_previous_unit_left_unmatched_is_said_by_check_and_run_though_they_succeed(tmp_path, cli):
    """Without its rename line, the 2024 "UBND xã Trường An" is set beside no unit of 2025."""
    for name in ("vi-du-2024-xep-loai-tinh", "vi-du-2025-dot-danh-gia-tinh"):
        shutil.copytree(job_folder(name), tmp_path / name)
    settings = tmp_path / "vi-du-2025-dot-danh-gia-tinh" / "job.toml"
    text = settings.read_text(encoding="utf-8")
    assert RENAMED in text
    settings.write_text(text.replace(RENAMED, ""), encoding="utf-8")
    code, out, _ = cli("check", tmp_path / "vi-du-2025-dot-danh-gia-tinh")
    assert code == 0 and '1 đơn vị của kỳ trước (năm 2024) không ứng với đơn vị nào của kỳ này' in out
    assert '"UBND xã Trường An"' in out
    code, out, _ = cli("run", tmp_path / "vi-du-2025-dot-danh-gia-tinh", "--out", tmp_path / "ra")
    assert code == 0 and '"UBND xã Trường An". Nếu đơn vị nào chỉ đổi tên' in out

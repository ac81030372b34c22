"""What the secretariat checks before signing, in ket-qua.xlsx of an appraised campaign: each unit's self-assessed
against appraised total (largest loss first) and each criterion's points lost across the units (most first).

Expected values are worked out here from the fixture's points (`POINTS`, `TREE`), not by the program."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from pipeline.flow import check_job
from pipeline.scoring.comparison import criteria_losses, merged_losses
from pipeline.write.results_workbook import results_workbook
from tests.campaign.conftest import JOB, LEAVES, POINTS, REGISTER, TREE

COMPARED, BY_CRITERION = "Tự chấm - thẩm định", "Theo tiêu chí"
REGISTERED = {"UBND XA HOA AN": "UBND xã Hòa An"}  # the workbook's name → the register's
GROUP = {row[1]: row[2] for row in REGISTER}


def name(typed: str) -> str:
    return REGISTERED.get(typed, typed)


def sheet_rows(path, title) -> list[dict[str, object]]:
    sheet = load_workbook(path)[title]
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture
def workbook(campaign, cli, tmp_path):
    def run(**changes):
        out = tmp_path / "out"
        code, _, err = cli("run", campaign(**changes), "--out", out)
        assert (code, err) == (0, "")
        return out / "ket-qua.xlsx"
    return run


def expected_units() -> list[tuple[str, str, Decimal, Decimal, Decimal]]:
    rows = []
    for typed, (own, appraised) in POINTS.items():
        own_total, appraised_total = sum(map(Decimal, own)), sum(map(Decimal, appraised))
        rows.append((GROUP[name(typed)], name(typed), own_total, appraised_total, appraised_total - own_total))
    return sorted(rows, key=lambda row: row[4])


def test_each_unit_self_against_appraised_total_the_largest_loss_first(workbook):
    rows = sheet_rows(workbook(), COMPARED)
    expected = expected_units()
    assert [r["Đơn vị"] for r in rows] == ["UBND xã Hòa An", "Sở Nội vụ", "Sở Tư pháp", "UBND xã Tân Phú"]
    assert [(r["Khối"], r["Đơn vị"], Decimal(str(r["Tổng điểm tự chấm"])), Decimal(str(r["Tổng điểm thẩm định"])),
             Decimal(str(r["Chênh lệch (thẩm định − tự chấm)"]))) for r in rows] == expected
    assert [r["TT"] for r in rows] == [1, 2, 3, 4]
    assert "UBND phường Bình Minh" not in [r["Đơn vị"] for r in rows]  # registered, no workbook: nothing to compare


def test_score_label_and_rank_are_those_of_the_units_group_sheet(workbook):
    path = workbook()
    book = load_workbook(path)
    ranked = {}
    for group in ("Sở, ban, ngành", "UBND các xã, phường"):
        for row in sheet_rows(path, group):
            ranked[row["Đơn vị"]] = (row["Kết quả đánh giá"], row["Xếp loại"], row["Xếp hạng"])
    assert len(book.sheetnames) == 5
    for row in sheet_rows(path, COMPARED):
        assert (row["Kết quả đánh giá"], row["Xếp loại"], row["Xếp hạng"]) == ranked[row["Đơn vị"]]


def test_a_unit_not_evaluated_with_a_workbook_is_compared_with_its_reason_and_no_rank(workbook):
    register = [row[:-1] + (["Chưa đủ 12 tháng hoạt động"] if row[1] == "UBND xã Tân Phú" else [row[-1]])
                for row in REGISTER]
    rows = {r["Đơn vị"]: r for r in sheet_rows(workbook(register=register), COMPARED)}
    assert rows["UBND xã Tân Phú"]["Lý do không đánh giá"] == "Chưa đủ 12 tháng hoạt động"
    tan_phu = rows["UBND xã Tân Phú"]
    assert tan_phu["Xếp hạng"] is None and tan_phu["Chênh lệch (thẩm định − tự chấm)"] == -1


def expected_criteria() -> list[tuple]:
    titles = {code: (title, maximum) for code, title, maximum in TREE}
    rows = []
    for leaf, code in enumerate(LEAVES):
        losses = [(Decimal(own[leaf]) - Decimal(appraised[leaf]), name(typed))
                  for typed, (own, appraised) in POINTS.items()]
        lost = [(loss, unit) for loss, unit in losses if loss > 0]
        total = sum((loss for loss, _ in lost), Decimal(0))
        largest = max((loss for loss, _ in lost), default=None)
        first = next((unit for loss, unit in lost if loss == largest), None)
        rows.append((code, *titles[code], len(losses), len(lost), total,
                     total / len(lost) if lost else None, largest, first))
    return sorted(rows, key=lambda row: -row[5])


def test_each_criterion_counts_the_units_that_lost_points_there_the_most_points_lost_first(workbook):
    rows = sheet_rows(workbook(), BY_CRITERION)
    got = [tuple(None if v is None else Decimal(str(v)) if isinstance(v, float) else v for v in r.values())
           for r in rows]
    expected = expected_criteria()
    assert [row[0] for row in got] == [row[0] for row in expected] == ["2.2", "1.2", "2.1", "1.1"]
    assert got == expected
    assert rows[1]["Đơn vị bị trừ nhiều nhất"] == "Sở Nội vụ"  # three units lost 1 on 1.2: the first one read


def test_points_lost_per_criterion_add_up_to_the_units_differences(workbook):
    path = workbook()
    lost = sum(Decimal(str(r["Tổng số điểm bị trừ"])) for r in sheet_rows(path, BY_CRITERION))
    differences = sum(Decimal(str(r["Chênh lệch (thẩm định − tự chấm)"])) for r in sheet_rows(path, COMPARED))
    assert lost == -differences  # no unit gained points anywhere in the fixture


def test_comparison_numbers_are_numbers_with_the_documents_decimals(workbook):
    book = load_workbook(workbook())
    points = {"Tổng điểm tự chấm", "Tổng điểm thẩm định", "Chênh lệch (thẩm định − tự chấm)", "Kết quả đánh giá",
              "Tổng số điểm bị trừ", "Bình quân mỗi đơn vị bị trừ", "Bị trừ nhiều nhất"}
    for title in (COMPARED, BY_CRITERION):
        sheet = book[title]
        header = [c.value for c in sheet[1]]
        for row in sheet.iter_rows(min_row=2):
            for column, cell in zip(header, row, strict=True):
                if column in points and cell.value is not None:
                    assert isinstance(cell.value, (int, float)), (title, column, cell.value)
                    assert re.fullmatch(r"0\.00+", cell.number_format), (title, column, cell.number_format)
                if column in ("Số đơn vị thẩm định", "Số đơn vị bị trừ điểm", "Xếp hạng", "TT"):
                    assert cell.value is None or isinstance(cell.value, int)
    # 27,5 and 0,5 need one decimal at least; the scheme prints two, as the decision does
    assert book[COMPARED]["E3"].value == 91.5 and book[COMPARED]["E3"].number_format == "0.00"


def test_no_comparison_without_appraisal_the_self_totals_stand_in_the_decision(workbook):
    without = re.sub(r"\[appraisal\]\n.*?(?=\[\[groups\]\])", "", JOB, count=1, flags=re.S)  # no [appraisal] at all
    assert "appraisal" not in without
    book = load_workbook(workbook(job=without))
    assert COMPARED not in book.sheetnames and BY_CRITERION not in book.sheetnames


def test_no_results_workbook_and_so_no_comparison_while_appraisal_is_under_way(campaign, cli, tmp_path):
    out = tmp_path / "out"
    code, _, _ = cli("run", campaign(job=JOB.replace("done = true", "done = false")), "--out", out)
    assert code == 0 and not (out / "ket-qua.xlsx").exists()


def test_no_comparison_for_a_job_that_is_not_a_campaign(example_job, cli, tmp_path):
    out = tmp_path / "out"
    code, _, err = cli("run", example_job("vi-du-2024-xep-hang-cchc"), "--out", out)
    assert (code, err) == (0, "")
    names = load_workbook(out / "ket-qua.xlsx").sheetnames
    assert COMPARED not in names and BY_CRITERION not in names


def leaf(code, title, own, appraised, maximum=10) -> dict:
    return {"role": "criterion", "code": code, "title": title, "max_points": Decimal(maximum), "children": 0,
            "option": False, "rollup": "", "points": Decimal(own), "appraised_rolled": Decimal(appraised)}


UNITS = [("A", [leaf("1.1", "Kế hoạch", 10, 8), leaf("1.2", "Báo cáo", 5, 5)]),
         ("B", [leaf("1.1", "Kế hoạch (bản khác)", 9, 7), leaf("1.2", "Báo cáo", 5, 2)]),
         ("C", [leaf("1.1", "Kế hoạch", 6, 7), leaf("1.3", "Tuyên truyền", 4, 1, maximum=5)])]


def test_losses_summed_by_parts_and_merged_equal_losses_summed_at_once():
    whole = criteria_losses(UNITS)
    parts = merged_losses(merged_losses(criteria_losses(UNITS[:1]), criteria_losses(UNITS[1:2])),
                          criteria_losses(UNITS[2:]))
    assert parts == whole
    assert list(whole) == ["1.1", "1.2", "1.3"]  # in the order criteria were first met


def test_criteria_are_matched_by_code_keeping_the_first_title_and_the_first_largest_loss():
    losses = criteria_losses(UNITS)
    first = losses["1.1"]
    assert first.title == "Kế hoạch" and first.units == 3 and first.lost_units == 2 and first.lost == 4
    assert (first.largest, first.largest_unit) == (2, "A")  # B lost 2 as well, read after A
    assert first.average == 2  # over the units that lost points: C gained one, which offsets nothing
    assert losses["1.2"].largest_unit == "B" and losses["1.3"].units == 1
    unchanged = criteria_losses([("D", [leaf("2.1", "Không đổi", 3, 3)])])["2.1"]
    assert (unchanged.lost_units, unchanged.lost, unchanged.largest_unit, unchanged.average) == (0, 0, None, None)


def test_a_choose_one_criterion_is_compared_as_a_whole_not_band_by_band():
    parent = leaf("3.1", "Mức độ hoàn thành", 8, 4) | {"children": 2, "rollup": "choose"}
    bands = [leaf(None, "Hoàn thành tốt", 8, 0, 8) | {"option": True},
             leaf(None, "Hoàn thành", 0, 4, 4) | {"option": True}]
    losses = criteria_losses([("A", [parent, *bands])])
    assert list(losses) == ["3.1"] and losses["3.1"].lost == 4 and losses["3.1"].max_points == 10


def test_the_workers_sums_merged_equal_one_process_sums_and_give_the_same_workbook(campaign):
    more = {f"UBND xã Thử {n}": ((10, 20, 30, 40 - n), (10 - n % 2, 20 - n % 3, 30, 38 - n)) for n in range(1, 8)}
    register = [*REGISTER, *([90 + n, unit, "UBND các xã, phường", None, None, None, "Thử", None, None, "Người ký",
                              None, None] for n, unit in enumerate(more, 1))]
    job = campaign(register=register, points={**POINTS, **more})  # 11 files: read in parallel from 8
    serial, parallel = check_job(job, workers=1), check_job(job, workers=3)
    assert serial.losses == parallel.losses and len(serial.losses) == 4
    assert results_workbook(serial) == results_workbook(parallel)
    leaf_11 = next(loss for loss in serial.losses if loss.code == "1.1")
    assert leaf_11.units == 11 and leaf_11.lost_units == 1 + 4  # Hòa An, and the odd-numbered ones lose 1

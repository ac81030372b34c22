"""The three tables of Quyết định 1841/QĐ-UBND (Hương Trà, 2020), reproduced from raw inputs."""

from __future__ import annotations

import pytest

from pipeline.base.formatting import number
from pipeline.read.job_folder import read_job
from pipeline.scoring.evaluate import evaluate
from tests.conftest import INPUTS

# As published (PHỤ LỤC 01–03): unit, Kết quả đánh giá, Xếp loại, Xếp hạng; None = not evaluated.
PUBLISHED = {
    "Cơ quan chuyên môn": [
        ("Văn phòng HĐND&UBND", "94,66", "Rất tốt", 1), ("Phòng Nội vụ", "91,79", "Rất tốt", 2),
        ("Phòng Kinh tế", "91,51", "Rất tốt", 3), ("Phòng GD&ĐT", "91,49", "Rất tốt", 4),
        ("Phòng VH&TT", "88,37", "Tốt", 5), ("Phòng LĐ,TB&XH", "87,87", "Tốt", 6),
        ("Phòng TN&MT", "85,19", "Tốt", 7), ("Phòng QLĐT", "83,2", "Tốt", 8),
        ("Thanh tra", "81,81", "Tốt", 9), ("Phòng TC-KH", "81,51", "Tốt", 10),
        ("Phòng Tư pháp", "71,87", "Khá", 11), ("Phòng Y tế", None, None, None),
    ],
    "UBND các xã, phường": [
        ("Hương Văn", "90,25", "Rất tốt", 1), ("Hương Vinh", "86,2", "Tốt", 2),
        ("Hương Bình", "85,99", "Tốt", 3), ("Hương Xuân", "84,39", "Tốt", 4),
        ("Bình Tiến", "84,26", "Tốt", 5), ("Bình Thành", "83,95", "Tốt", 6),
        ("Hương An", "83,55", "Tốt", 7), ("Hương Phong", "80,69", "Tốt", 8),
        ("Tứ Hạ", "79,14", "Khá", 9), ("Hương Thọ", "78,83", "Khá", 10),
        ("Hương Chữ", None, None, None), ("Hương Hồ", None, None, None), ("Hương Vân", None, None, None),
        ("Hương Toàn", None, None, None), ("Hải Dương", None, None, None),
    ],
    "Đơn vị sự nghiệp": [
        ("Trung tâm GDNN-GDTX", "89,73", "Tốt", 1), ("Trung tâm DVNN", "76,43", "Khá", 2),
        ("Đội QTĐT", "76,05", "Khá", 3), ("Ban QLDA ĐTXD", "73,26", "Khá", 4),
        ("Trung tâm PTQĐ", "70,23", "Khá", 5), ("Trung tâm VH,TT&TT", None, None, None),
    ],
}


@pytest.fixture(scope="module")
def result():
    return evaluate(*read_job(INPUTS / "huong-tra-2020-xep-loai"))


@pytest.mark.parametrize("group", PUBLISHED)
def test_every_row_of_the_published_table_is_reproduced(result, group):
    members = result.members(group)
    shown = [(u["unit"], number(u["score"], 2) if u["evaluated"] else None, u["label"], u["rank"]) for u in members]
    assert shown == PUBLISHED[group]
    assert [u["position"] for u in members] == list(range(1, len(PUBLISHED[group]) + 1))


def test_huong_tho_rounds_half_up_to_78_83(result):
    huong_tho = next(u for u in result.units if u["unit"] == "Hương Thọ")
    assert str(huong_tho["score_exact"]) == "78.825"
    assert str(huong_tho["score"]) == "78.83"


def test_units_not_evaluated_keep_their_reason_and_get_no_rank(result):
    not_evaluated = [u for u in result.units if not u["evaluated"]]
    assert len(not_evaluated) == 7
    assert {u["reason"] for u in not_evaluated} == {"Không đánh giá trong năm 2020 vì không có báo cáo và TLKC"}
    assert all(u["rank"] is None and u["label"] is None for u in not_evaluated)


def test_counts_per_label_match_the_published_narrative(result):
    counts = {(r["group"], r["label"]): r["count"] for r in result.counts}
    # "có 4 cơ quan xếp loại Rất tốt, 6 cơ quan xếp loại tốt, 01 cơ quan xếp loại khá"
    assert [counts[("Cơ quan chuyên môn", label)] for label in ("Rất tốt", "Tốt", "Khá")] == [4, 6, 1]
    # "có 1 đơn vị xếp loại Rất tốt, 7 đơn vị xếp loại tốt, 02 đơn vị xếp loại khá"
    assert [counts[("UBND các xã, phường", label)] for label in ("Rất tốt", "Tốt", "Khá")] == [1, 7, 2]
    # "có 1 xếp loại Tốt, 4 cơ quan xếp loại khá"
    assert [counts[("Đơn vị sự nghiệp", label)] for label in ("Rất tốt", "Tốt", "Khá")] == [0, 1, 4]

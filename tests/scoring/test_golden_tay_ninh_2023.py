"""Golden: Tây Ninh's 2023 CCHC index, published with a different maximum per unit, to the digit.

The table (Quyết định 2729/QĐ-UBND, 25/12/2023, tayninh.gov.vn; see inputs/tay-ninh-2023-chi-so-cchc/README.md)
prints one "Điểm tối đa" column (71,5 / 96,5 / 100), the appraised points and "Tỷ lệ đạt". Only the maximum and the
points are inputs; the percentages, the order and the labels below are transcribed from the published table.
Reading the lone maximum column as display-only put 18 of 25 rows wrong and the first unit 16th.
"""

from __future__ import annotations

import pytest

from pipeline.base.formatting import number
from pipeline.read.job_folder import read_job
from pipeline.scoring.evaluate import evaluate
from tests.conftest import INPUTS

# group, published STT (the rank), unit, "Tỷ lệ đạt" as printed (decimal comma here), Xếp loại
PUBLISHED = [
    # Các sở, ban, ngành tỉnh
    ("Sở, ban, ngành", 1, "Văn phòng UBND tỉnh", "96,85", "Tốt"),
    ("Sở, ban, ngành", 2, "Thanh tra tỉnh", "96,50", "Tốt"),
    ("Sở, ban, ngành", 3, "Sở Thông tin và Truyền thông", "94,43", "Tốt"),
    ("Sở, ban, ngành", 4, "Sở Tài chính", "94,30", "Tốt"),
    ("Sở, ban, ngành", 5, "Sở Tư pháp", "94,00", "Tốt"),
    ("Sở, ban, ngành", 6, "Sở Nội vụ", "93,60", "Tốt"),
    ("Sở, ban, ngành", 7, "Sở Giáo dục và Đào tạo", "90,00", "Tốt"),
    ("Sở, ban, ngành", 8, "Sở Khoa học và Công nghệ", "87,43", "Tốt"),
    ("Sở, ban, ngành", 9, "Sở Lao động - Thương binh và Xã hội", "86,84", "Tốt"),
    ("Sở, ban, ngành", 10, "Sở Văn hóa, Thể thao và Du lịch", "86,62", "Tốt"),
    ("Sở, ban, ngành", 11, "Sở Nông nghiệp và Phát triển nông thôn", "86,25", "Tốt"),
    ("Sở, ban, ngành", 12, "Ban Quản lý Khu kinh tế tỉnh", "86,05", "Tốt"),
    ("Sở, ban, ngành", 13, "Sở Ngoại vụ", "85,31", "Tốt"),
    ("Sở, ban, ngành", 14, "Sở Công Thương", "84,75", "Tốt"),
    ("Sở, ban, ngành", 15, "Sở Xây dựng", "83,78", "Tốt"),
    ("Sở, ban, ngành", 16, "Sở Giao thông vận tải", "82,38", "Tốt"),
    ("Sở, ban, ngành", 17, "Sở Kế hoạch và Đầu tư", "81,70", "Tốt"),
    ("Sở, ban, ngành", 18, "Sở Tài nguyên và Môi trường", "78,49", "Khá"),
    ("Sở, ban, ngành", 19, "Sở Y Tế", "49,07", "Kém"),
    # UBND huyện, thị xã, thành phố
    ("UBND huyện, thị xã, thành phố", 1, "UBND thị xã Hòa Thành", "88,35", "Tốt"),
    ("UBND huyện, thị xã, thành phố", 2, "UBND huyện Gò Dầu", "87,68", "Tốt"),
    ("UBND huyện, thị xã, thành phố", 3, "UBND thành phố Tây Ninh", "86,98", "Tốt"),
    ("UBND huyện, thị xã, thành phố", 4, "UBND huyện Tân Biên", "86,27", "Tốt"),
    ("UBND huyện, thị xã, thành phố", 5, "UBND huyện Châu Thành", "86,02", "Tốt"),
    ("UBND huyện, thị xã, thành phố", 6, "UBND thị xã Trảng Bàng", "84,92", "Tốt"),
]


@pytest.fixture(scope="module")
def result():
    return evaluate(*read_job(INPUTS / "tay-ninh-2023-chi-so-cchc"))


def test_every_published_percentage_rank_and_label_is_reproduced(result):
    computed = [(u["group"], u["rank"], u["unit"], number(u["score"], 2, fixed=True), u["label"]) for u in result.units]
    assert computed == PUBLISHED


def test_ranking_is_by_the_percentage_not_the_points(result):
    finance, justice = (next(u for u in result.units if u["unit"] == name) for name in ("Sở Tài chính", "Sở Tư pháp"))
    assert finance["appraised_points"] < justice["appraised_points"] and finance["rank"] < justice["rank"]

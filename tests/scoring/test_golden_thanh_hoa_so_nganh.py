"""Golden: Thanh Hóa's ranking of its departments by CCHC index (Quyết định 482/QĐ-UBND), rank only, to the digit.

The article (Báo Công Thương, congthuong.vn; see inputs/thanh-hoa-so-nganh-chi-so-cchc/README.md) lists
"(n) <đơn vị> đạt xx,xx%" for the 20 departments, with no classification. Only the index is published, so it is
the input; the printed form (trailing zeros dropped: 89,3%) and the ranks below are transcribed from the article.
Two pairs share a printed index but not a rank: the tie rule "lien-tiep" keeps the order of the input table (the
published order), and the run reports both ties.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import openpyxl
import pytest

from pipeline.base.formatting import number
from pipeline.read.job_folder import read_job
from pipeline.scoring.evaluate import evaluate
from tests.conftest import INPUTS

JOB = "thanh-hoa-so-nganh-chi-so-cchc"

# "(rank)", unit, index as printed without "%". The article omits "(2)" before Sở Nội vụ; 2 is its place in the list.
PUBLISHED = [
    (1, "Sở Tài chính", "90,05"),
    (2, "Sở Nội vụ", "90,02"),
    (3, "Văn phòng UBND tỉnh", "90,02"),
    (4, "Sở Tư pháp", "89,3"),
    (5, "Sở Thông tin và Truyền thông", "88,04"),
    (6, "Ban Quản lý Khu kinh tế Nghi Sơn và các Khu công nghiệp", "86,32"),
    (7, "Sở Nông nghiệp và Phát triển nông thôn", "86,02"),
    (8, "Sở Xây dựng", "85,91"),
    (9, "Sở Giao thông vận tải", "85,83"),
    (10, "Sở Công Thương", "85,26"),
    (11, "Sở Kế hoạch và Đầu tư", "85,1"),
    (12, "Sở Lao động, Thương binh và Xã hội", "85,03"),
    (13, "Sở Khoa học và Công nghệ", "85,02"),
    (14, "Sở Y tế", "85,02"),
    (15, "Sở Văn hóa, Thể thao và Du lịch", "85,01"),
    (16, "Thanh tra tỉnh", "84,6"),
    (17, "Sở Ngoại vụ", "83,69"),
    (18, "Ban Dân tộc", "82,91"),
    (19, "Sở Tài nguyên và Môi trường", "78,56"),
    (20, "Sở Giáo dục và Đào tạo", "76,53"),
]


@pytest.fixture(scope="module")
def result():
    return evaluate(*read_job(INPUTS / JOB))


def test_every_published_index_and_rank_is_reproduced(result):
    computed = [(u["rank"], u["unit"], number(u["score"], 2, fixed=False)) for u in result.units]
    assert computed == PUBLISHED


def test_the_published_average_is_the_mean_of_the_indices(result):
    # "bình quân đạt 85,41%"
    mean = sum(u["score"] for u in result.units) / len(result.units)
    assert number(mean.quantize(Decimal("0.01"), ROUND_HALF_UP), 2, fixed=True) == "85,41"


def test_both_pairs_sharing_a_printed_index_are_reported_as_ordered_by_the_input_table(result):
    assert [(t["score"], t["units"], t["ranks"], t["decided_by"]) for t in result.ties] == [
        (Decimal("90.02"), ["Sở Nội vụ", "Văn phòng UBND tỉnh"], [2, 3], "order"),
        (Decimal("85.02"), ["Sở Khoa học và Công nghệ", "Sở Y tế"], [13, 14], "order"),
    ]


def test_the_summary_and_the_ties_sheet_name_them(cli, tmp_path):
    code, printed, err = cli("run", INPUTS / JOB, "--out", tmp_path / "out")
    assert code == 0, err
    assert "Cùng 90,02%: Sở Nội vụ, Văn phòng UBND tỉnh — hạng 2, 3 theo thứ tự trong bảng số liệu" in printed
    assert "Cùng 85,02%: Sở Khoa học và Công nghệ, Sở Y tế — hạng 13, 14 theo thứ tự trong bảng số liệu" in printed
    sheet = openpyxl.load_workbook(tmp_path / "out" / "ket-qua.xlsx")["Đồng điểm"]
    assert [[c.value for c in row][:3] for row in sheet.iter_rows(min_row=2)] == [
        ["Sở, ban, ngành", 90.02, "Sở Nội vụ, Văn phòng UBND tỉnh"],
        ["Sở, ban, ngành", 85.02, "Sở Khoa học và Công nghệ, Sở Y tế"],
    ]

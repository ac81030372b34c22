"""Golden: Vĩnh Phúc's 2019 CCHC index, total = direct assessment + sociological survey, to the digit.

The table (Quyết định 1007/QĐ-UBND, 24/4/2020, vinhphuc.gov.vn; see inputs/vinh-phuc-2019-chi-so-cchc/README.md)
prints, per group, "Thứ tự xếp hạng | Tên cơ quan, đơn vị | Tổng điểm | Điểm đánh giá trực tiếp | Điểm điều tra XHH".
The two components are the inputs (the printed total is given too, as the declared "Tổng điểm" the program checks);
the totals and ranks below are transcribed from the published table. The stored page stops after rank 17 of the
20 departments: the missing three are ranks 18-20, below every unit here, so ranks 1-17 are the published ones.
"""

from __future__ import annotations

import csv

import pytest

from pipeline.base.errors import InputErrors
from pipeline.base.formatting import number
from pipeline.read.job_folder import read_job
from pipeline.scoring.evaluate import evaluate
from tests.conftest import INPUTS

JOB = "vinh-phuc-2019-chi-so-cchc"
CENTRAL, DEPARTMENTS = "Cơ quan Trung ương đóng trên địa bàn tỉnh", "Sở, ban, ngành"

# group, "Thứ tự xếp hạng", unit, "Tổng điểm" as printed (decimal comma)
PUBLISHED = [
    # 1. Nhóm các cơ quan Trung ương đóng trên địa bàn tỉnh
    (CENTRAL, 1, "Bảo hiểm xã hội tỉnh", "90,05"),
    (CENTRAL, 2, "Ngân hàng Nhà nước tỉnh", "89,88"),
    (CENTRAL, 3, "Kho bạc Nhà nước tỉnh", "89,10"),
    (CENTRAL, 4, "Công an tỉnh", "87,34"),
    (CENTRAL, 5, "Cục Thuế tỉnh", "78,44"),
    # 2. Nhóm các sở, ban, ngành (ranks 18-20 missing from the stored page)
    (DEPARTMENTS, 1, "Sở Tài chính", "92,93"),
    (DEPARTMENTS, 2, "Sở Xây dựng", "91,33"),
    (DEPARTMENTS, 3, "Sở Thông tin và Truyền thông", "90,04"),
    (DEPARTMENTS, 4, "Sở Khoa học và Công nghệ", "88,87"),
    (DEPARTMENTS, 5, "Sở Tư pháp", "88,76"),
    (DEPARTMENTS, 6, "Văn phòng UBND tỉnh", "88,72"),
    (DEPARTMENTS, 7, "Sở Nội vụ", "88,49"),
    (DEPARTMENTS, 8, "Sở Kế hoạch và Đầu tư", "88,43"),
    (DEPARTMENTS, 9, "Thanh tra tỉnh", "87,54"),
    (DEPARTMENTS, 10, "Sở Giao thông vận tải", "85,63"),
    (DEPARTMENTS, 11, "Sở Công thương", "85,61"),
    (DEPARTMENTS, 12, "Sở Y tế", "85,47"),
    (DEPARTMENTS, 13, "Sở Nông nghiệp và Phát triển nông thôn", "85,18"),
    (DEPARTMENTS, 14, "Sở Giáo dục và Đào tạo", "85,03"),
    (DEPARTMENTS, 15, "Sở Lao động, Thương binh và Xã hội", "84,90"),
    (DEPARTMENTS, 16, "Sở Tài nguyên và Môi trường", "84,66"),
    (DEPARTMENTS, 17, "Sở Ngoại vụ", "84,53"),
]


@pytest.fixture(scope="module")
def result():
    return evaluate(*read_job(INPUTS / JOB))


def test_every_published_total_and_rank_is_reproduced(result):
    computed = [(u["group"], u["rank"], u["unit"], number(u["score"], 2, fixed=True)) for u in result.units]
    assert computed == PUBLISHED


def test_total_is_the_sum_of_the_two_published_components(result):
    health, agriculture = (next(u for u in result.units if u["unit"] == name)
                           for name in ("Sở Y tế", "Sở Nông nghiệp và Phát triển nông thôn"))
    assert health["appraised_points"] == agriculture["appraised_points"]  # 52,75 each: the survey decides
    assert health["survey_points"] > agriculture["survey_points"] and health["rank"] < agriculture["rank"]
    assert all(u["score_exact"] == u["appraised_points"] + u["survey_points"] for u in result.units)
    assert result.ties == ()


def test_a_total_that_is_not_the_sum_is_refused(example_job):
    job = example_job(JOB)
    data = job / "chi-so-cchc-2019.csv"
    rows = list(csv.reader(data.read_text(encoding="utf-8").splitlines()))
    assert rows[1][2:4] == ["Bảo hiểm xã hội tỉnh", "90,05"]
    rows[1][3] = "90,50"
    with data.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows(rows)
    with pytest.raises(InputErrors) as caught:
        evaluate(*read_job(job))
    assert [(p.row, p.detail("computed")) for p in caught.value.problems] == [(2, "90,05")]

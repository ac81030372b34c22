"""Headers of a unit table as published tables write them: unit columns, look-alikes, columns not used."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.config.job_settings import Group
from pipeline.flow import check_job, run_job
from pipeline.read.columns import UNIT_TABLE
from pipeline.read.sheet import Sheet
from pipeline.scoring.header_checks import unread_columns
from pipeline.scoring.normalise import normalise_units

GROUPS = (Group("Khối A", "Khối A"),)
EXAMPLE = Path(__file__).resolve().parents[2] / "inputs" / "vi-du-2024-xep-hang-cchc"


def read(*rows: tuple) -> tuple[list[dict], list]:
    return normalise_units([Sheet("bang.xlsx", "Khối A", rows)], GROUPS)


@pytest.mark.parametrize("header", ["Tỉnh/thành phố", "Tỉnh, thành phố", "Địa phương", "Cơ quan, đơn vị",
                                    "TỈNH / THÀNH PHỐ"])
def test_a_province_or_locality_header_is_the_unit_column(header):
    units, problems = read((header, "Tổng điểm thẩm định"), ("Quảng Ninh", 90))
    assert problems == [] and [u["unit"] for u in units] == ["Quảng Ninh"]


@pytest.mark.parametrize("others", [(), ("Điểm trừ",)])
def test_a_look_alike_header_is_refused_whichever_other_columns_are_present(others):
    header = ("Đơn vị", "Tổng điểm thẩm định", *others, "Điểm trừ do vi phạm")
    _, problems = read(header, ("Sở A", 90, *(1 for _ in others), 2))
    assert [(p.reason, p.column) for p in problems] == [(Reason.LOOKALIKE_COLUMN, "Điểm trừ do vi phạm")]
    assert 'gần giống cột "Điểm trừ"' in describe(problems[0])


def test_a_numeric_column_the_program_does_not_use_is_reported_unless_ignored():
    sheet = Sheet("bang.xlsx", "Khối A", (("Đơn vị", "Tổng điểm thẩm định", "Xếp hạng", "Xếp loại"),
                                          ("Sở A", 90, 1, "Tốt"), ("Sở B", 80, 2, "Khá")))
    errors, [warning] = unread_columns([sheet], UNIT_TABLE)
    assert errors == [] and (warning.reason, warning.row, warning.column) == (Reason.COLUMN_UNUSED, 1, "Xếp hạng")
    assert describe(warning).startswith('Tệp bang.xlsx, trang "Khối A", dòng 1, cột "Xếp hạng": cột có số liệu nhưng '
                                        "chương trình không dùng cột này")
    assert unread_columns([sheet], UNIT_TABLE, ("xếp hạng",)) == ([], [])  # compared as headers are


def test_a_satisfaction_index_column_is_refused_with_its_reason_not_as_a_look_alike():
    rows = (("Đơn vị", "Tổng điểm thẩm định", "Chỉ số hài lòng (%)"), ("Sở A", 60, "85,2"))
    _, problems = read(*rows)
    assert problems == []  # not "looks like Kết quả đánh giá"
    [refused], warnings = unread_columns([Sheet("bang.xlsx", "Khối A", rows)], UNIT_TABLE)
    assert (refused.reason, refused.column, warnings) == (Reason.SATISFACTION_INDEX, "Chỉ số hài lòng (%)", [])
    assert "không phải điểm điều tra xã hội học" in describe(refused)
    assert unread_columns([Sheet("bang.xlsx", "Khối A", rows)], UNIT_TABLE, ("Chỉ số hài lòng",)) == ([], [])


def example_with_column(tmp_path: Path, header: str, settings: str = "") -> Path:
    folder = tmp_path / "job"
    shutil.copytree(EXAMPLE, folder)
    data = folder / "chi-so-cchc-2024.csv"
    lines = data.read_text(encoding="utf-8").splitlines()
    data.write_text("\n".join([f"{lines[0]};{header}", *(f"{line};{n}" for n, line in enumerate(lines[1:], 1))])
                    + "\n", encoding="utf-8")
    if settings:
        with (folder / "job.toml").open("a", encoding="utf-8") as stream:
            stream.write(f"\n[checks]\n{settings}\n")
    return folder


def test_a_run_warns_of_an_unused_numeric_column_and_is_silent_once_the_job_ignores_it(tmp_path):
    run = run_job(example_with_column(tmp_path, "Xếp hạng"), tmp_path / "out", workers=1)
    assert [(w.reason, w.column) for w in run.warnings] == [(Reason.COLUMN_UNUSED, "Xếp hạng")]
    quiet = run_job(example_with_column(tmp_path / "b", "Xếp hạng", 'ignore_columns = ["Xếp hạng"]'),
                    tmp_path / "out-b", workers=1)
    assert quiet.warnings == ()


def test_a_job_with_a_satisfaction_index_column_is_refused(tmp_path):
    with pytest.raises(InputErrors) as caught:
        check_job(example_with_column(tmp_path, "Chỉ số hài lòng"), workers=1)
    assert [(p.reason, p.column) for p in caught.value.problems] == [(Reason.SATISFACTION_INDEX, "Chỉ số hài lòng")]


def test_the_desks_check_page_says_an_unused_numeric_column(tmp_path):
    from starlette.testclient import TestClient

    from pipeline.web.app import create_app

    example_with_column(tmp_path / "inputs", "Xếp hạng")
    with TestClient(create_app(tmp_path / "inputs")) as client:
        page = client.get("/jobs/job/check").text
    assert 'cột "Xếp hạng": cột có số liệu nhưng chương trình không dùng cột này' in html.unescape(page)

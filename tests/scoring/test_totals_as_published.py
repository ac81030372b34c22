"""Totals as published: a declared total within the rounding of its parts may be kept by the job's setting.

The ranking example (chi-so-cchc@2023: three printed decimals) is copied with a "Chỉ số CCHC" column typed as a
clerk copies a published table. The rounding bound is computed here: 2 parts (appraised and survey points) × half
a unit of the third decimal = 0,001.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.flow import check_job, run_job

EXAMPLE = Path(__file__).resolve().parents[2] / "inputs" / "vi-du-2024-xep-hang-cchc"
DATA = "chi-so-cchc-2024.csv"
BOUND = 2 * Decimal("0.0005")  # two parts, three printed decimals
NOI_VU = Decimal("66.215") + Decimal("31.470")  # 97,685 from its rounded parts
TAI_CHINH = Decimal("64.120") + Decimal("29.880")


def comma(value: Decimal) -> str:
    return f"{value:.3f}".replace(".", ",")


def job_with(tmp_path: Path, declared: dict[str, Decimal], setting: str = "") -> Path:
    """The example with a "Chỉ số CCHC" column holding `declared` totals (blank for the other units)."""
    folder = tmp_path / "job"
    shutil.copytree(EXAMPLE, folder)
    lines = (folder / DATA).read_text(encoding="utf-8").splitlines()
    rows = [lines[0] + ";Chỉ số CCHC"]
    for line in lines[1:]:
        unit = line.split(";")[1]
        rows.append(line + ";" + (comma(declared[unit]) if unit in declared else ""))
    (folder / DATA).write_text("\n".join(rows) + "\n", encoding="utf-8")
    if setting:
        with (folder / "job.toml").open("a", encoding="utf-8") as settings:
            settings.write(f'\n[checks]\ntotal = "{setting}"\n')
    return folder


def test_a_wrong_total_is_named_by_its_column_as_typed(tmp_path):
    with pytest.raises(InputErrors) as caught:
        check_job(job_with(tmp_path, {"Sở Nội vụ": NOI_VU + BOUND}), workers=1)
    [refused] = caught.value.problems
    assert (refused.reason, refused.column, refused.row) == (Reason.TOTAL_MISMATCH, "Chỉ số CCHC", 2)
    assert describe(refused).startswith(f'Tệp {DATA}, dòng 2, cột "Chỉ số CCHC": tổng ghi trong tệp là 97,686, '
                                        "nhưng tính từ các mục con được 97,685")


def test_a_total_within_the_rounding_of_its_parts_is_kept_as_published_with_the_setting(tmp_path):
    published = NOI_VU + BOUND  # 97,686: at the edge of the rounding
    run = run_job(job_with(tmp_path, {"Sở Nội vụ": published, "Sở Tài chính": TAI_CHINH}, "as-published"),
                  tmp_path / "out", workers=1)
    units = {u["unit"]: u for u in run.result.units}
    assert units["Sở Nội vụ"]["score"] == published and units["Sở Tài chính"]["score"] == TAI_CHINH
    [warning] = [w for w in run.warnings if w.reason is Reason.TOTAL_KEPT_AS_PUBLISHED]
    assert describe(warning) == (
        f'Tệp {DATA}, dòng 2, cột "Chỉ số CCHC": đơn vị "Sở Nội vụ": giữ kết quả 97,686 như đã công bố; cộng các '
        "thành phần đã làm tròn được 97,685 (chênh 0,001, trong phạm vi làm tròn 0,001 của 2 thành phần).")
    sheet = openpyxl.load_workbook(tmp_path / "out" / "ket-qua.xlsx")["Tổng như công bố"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:3] == ("Sở, ban, ngành", "Sở Nội vụ", "Chỉ số CCHC")
    assert [Decimal(str(v)) for v in rows[1][3:]] == [published, NOI_VU, BOUND, BOUND]
    assert len(rows) == 2  # Sở Tài chính's total is its parts' sum: nothing to list


def test_a_total_beyond_the_rounding_of_its_parts_is_refused_even_with_the_setting(tmp_path):
    with pytest.raises(InputErrors) as caught:
        check_job(job_with(tmp_path, {"Sở Nội vụ": NOI_VU + BOUND + Decimal("0.001")}, "as-published"), workers=1)
    assert [(p.reason, p.column) for p in caught.value.problems] == [(Reason.TOTAL_MISMATCH, "Chỉ số CCHC")]


def test_an_unknown_total_rule_is_refused(tmp_path):
    with pytest.raises(InputErrors) as caught:
        check_job(job_with(tmp_path, {}, "như công bố"), workers=1)
    assert [(p.reason, p.detail("key")) for p in caught.value.problems] == [(Reason.SETTING_INVALID, "checks.total")]


def test_a_total_kept_as_published_is_told_at_the_published_decimals(tmp_path):
    """A clerk types the published 91,00 as "91" and 85,80 as "85,8": the warning prints both at the scheme's two
    decimals, as the table publishes them; parts changed so that each total is 0,01 from their sum."""
    folder = tmp_path / "par-index"
    shutil.copytree(EXAMPLE.parent / "viet-nam-2020-par-index", folder)
    data = folder / "par-index-2020.csv"
    text = data.read_text(encoding="utf-8")
    text = text.replace('1,Quảng Ninh,"57,66","9,56","18,83",5,"91,04"', '1,Quảng Ninh,"57,66","9,56","18,79",5,91')
    text = text.replace('10,Phú Thọ,"53,99","8,81","18,17","4,76","85,74"',
                        '10,Phú Thọ,"53,99","8,87","18,17","4,76","85,8"')
    data.write_text(text, encoding="utf-8")
    run = run_job(folder, tmp_path / "out", workers=1)
    told = {w.row: describe(w) for w in run.warnings if w.reason is Reason.TOTAL_KEPT_AS_PUBLISHED}
    assert "giữ kết quả 91,00 như đã công bố; cộng các thành phần đã làm tròn được 91,01 (chênh -0,01" in told[2]
    assert "giữ kết quả 85,80 như đã công bố; cộng các thành phần đã làm tròn được 85,79 (chênh 0,01" in told[11]

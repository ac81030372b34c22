"""Golden: the national PAR INDEX 2023 of the 17 ministries, two components, totals kept as published, to the digit.

The table (chinhphu.vn, 17/4/2024; transcribed in docs/research/published-tables/C_PAR2023_bo_nganh_chinhphu.csv,
SOURCES.md item 1) prints "Điểm thẩm định | Điểm điều tra XHH | Tổng điểm đạt được" per ministry. Each figure was
rounded from unrounded values, so 9 printed totals differ by 0,01 from the sum of their printed parts: within the
rounding of 2 parts (2 × 0,005), they are kept as published (`[checks] total = "as-published"`) and listed. Every
expected figure below is read from the transcription or computed here with `Decimal`, never from the program.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from pipeline.flow import run_job
from tests.conftest import ROOT

FIXTURE = Path(__file__).parents[1] / "fixtures" / "par-index-2023-bo-nganh"
SOURCE = ROOT / "docs" / "research" / "published-tables" / "C_PAR2023_bo_nganh_chinhphu.csv"
GROUP = "Bộ, cơ quan ngang bộ"
BOUND = 2 * Decimal("0.005")  # two parts, two printed decimals


def _published() -> list[dict[str, object]]:
    """The 17 ministries as published: rank, name, the two parts and the total, exact decimals."""
    with SOURCE.open(encoding="utf-8") as stream:
        rows = [row for row in csv.DictReader(stream) if row["Xếp hạng"].isdigit()]
    return [{"rank": int(row["Xếp hạng"]), "unit": row["Các bộ, cơ quan ngang bộ"],
             "appraised": Decimal(row["Điểm thẩm định"]), "survey": Decimal(row["Điểm điều tra XHH"]),
             "total": Decimal(row["Tổng điểm đạt được"])} for row in rows]


PUBLISHED = _published()


def _comma(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("par-index-2023")
    run_job(FIXTURE, folder, workers=1)
    return folder


def test_the_transcription_has_seventeen_ministries_ranked_by_their_printed_totals():
    assert len(PUBLISHED) == 17
    assert [row["rank"] for row in PUBLISHED] == list(range(1, 18))
    assert all(a["total"] > b["total"] for a, b in pairwise(PUBLISHED))


def test_every_printed_total_rank_and_part_is_reproduced_in_the_results_workbook(out):
    sheet = openpyxl.load_workbook(out / "ket-qua.xlsx")[GROUP]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    at = {name: header.index(name) for name in ("Đơn vị", "Tổng điểm thẩm định", "Điểm điều tra xã hội học",
                                                 "Tỷ lệ đạt", "Xếp hạng")}
    shown = [{"rank": row[at["Xếp hạng"]], "unit": row[at["Đơn vị"]],
              "appraised": Decimal(str(row[at["Tổng điểm thẩm định"]])),
              "survey": Decimal(str(row[at["Điểm điều tra xã hội học"]])),
              "total": Decimal(str(row[at["Tỷ lệ đạt"]]))} for row in rows[1:]]
    assert shown == PUBLISHED


def test_the_ranking_table_prints_every_published_total_and_rank(out):
    [table] = [t for t in Document(str(out / "bang-xep-hang.docx")).tables
               if "Tên đơn vị" in [c.text for c in t.rows[0].cells]]
    header = [c.text for c in table.rows[0].cells]
    printed = [dict(zip(header, (c.text for c in row.cells), strict=True)) for row in table.rows[1:]]
    assert [(p["Tên đơn vị"], p["Tỷ lệ đạt"], p["Vị thứ"]) for p in printed] == [
        (row["unit"], _comma(row["total"]) + "%", str(row["rank"])) for row in PUBLISHED]


def test_the_totals_off_by_the_rounding_of_their_parts_are_listed_with_their_differences(out):
    expected = [(GROUP, row["unit"], "Tổng điểm", row["total"], row["appraised"] + row["survey"],
                 row["total"] - row["appraised"] - row["survey"], BOUND)
                for row in PUBLISHED if row["total"] != row["appraised"] + row["survey"]]
    assert len(expected) == 9 and all(abs(row[5]) == Decimal("0.01") for row in expected)
    sheet = openpyxl.load_workbook(out / "ket-qua.xlsx")["Tổng như công bố"]
    rows = list(sheet.iter_rows(values_only=True))[1:]
    listed = [(*row[:3], *(Decimal(str(v)) for v in row[3:])) for row in rows]
    assert listed == expected

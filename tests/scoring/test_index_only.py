"""A table that gives only the index (Chỉ số CCHC) per unit ranks on the index and names it as the index in the
documents and the results workbook; a percent scheme prints "91,80%" and keeps the exact number in the workbook."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from pipeline.base.errors import InputErrors
from pipeline.flow import check_job, run_job
from tests.summary.conftest import text

FIXTURE = Path(__file__).parents[1] / "fixtures" / "par-index-2021-theo-hang"
# Published PAR INDEX 2021 of eight provinces (the fixture's README gives the sources), in the order typed
INDEXES = {"Hải Phòng": "91,80", "Quảng Ninh": "91,14", "Đà Nẵng": "90,25", "Thừa Thiên Huế": "89,32",
           "Vĩnh Phúc": "89,28", "Bà Rịa - Vũng Tàu": "87,61", "Quảng Ngãi": "86,45", "Kiên Giang": "79,97"}


@pytest.fixture
def index_job(tmp_path):
    """The fixture with its table typed under an index header, listed in a shuffled order."""
    def made(header: str) -> Path:
        folder = tmp_path / "chi-so"
        shutil.copytree(FIXTURE, folder, dirs_exist_ok=True)
        names = sorted(INDEXES)  # not the order of the ranks
        rows = [f"TT,Đơn vị,{header}", *(f'{n},{name},"{INDEXES[name]}"' for n, name in enumerate(names, 1))]
        (folder / "chi-so-2021.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        return folder
    return made


def _ranks() -> dict[str, int]:
    """Ranks computed here: one more than the number of higher indexes."""
    values = {name: Decimal(v.replace(",", ".")) for name, v in INDEXES.items()}
    return {name: 1 + sum(1 for other in values.values() if other > value) for name, value in values.items()}


@pytest.mark.parametrize("header", ["Chỉ số CCHC", "Chỉ số (%)", "Kết quả chỉ số", "Chỉ số"])
def test_an_index_only_table_ranks_on_the_index(index_job, header):
    result = check_job(index_job(header))
    assert {u["unit"]: u["rank"] for u in result.units} == _ranks()
    assert ({u["unit"]: u["score"] for u in result.units}
            == {n: Decimal(v.replace(",", ".")) for n, v in INDEXES.items()})


def test_the_index_is_named_as_the_index_in_the_decision_and_the_workbook(index_job, tmp_path):
    run_job(index_job("Chỉ số CCHC"), tmp_path / "out")
    [table] = [t for t in Document(str(tmp_path / "out" / "quyet-dinh.docx")).tables
               if "Tên đơn vị" in [text(c) for c in t.rows[0].cells]]
    header = [text(c) for c in table.rows[0].cells]
    assert header[:4] == ["TT", "Tên đơn vị", "Chỉ số CCHC", "Vị thứ"]
    printed = {text(row.cells[1]): text(row.cells[2]) for row in table.rows[1:]}
    assert printed == {name: value + "%" for name, value in INDEXES.items()}  # the percent the job's scheme asks
    sheet = openpyxl.load_workbook(tmp_path / "out" / "ket-qua.xlsx").worksheets[1]
    rows = list(sheet.iter_rows())
    headers = [c.value for c in rows[0]]
    assert "Chỉ số CCHC" in headers and "Tổng điểm thẩm định" not in headers and "Tỷ lệ đạt" not in headers
    at = headers.index("Chỉ số CCHC")
    cells = {row[1].value: row[at] for row in rows[1:]}
    assert {name: Decimal(str(cell.value)) for name, cell in cells.items()} == \
        {n: Decimal(v.replace(",", ".")) for n, v in INDEXES.items()}  # the exact number, not ×100
    assert {cell.number_format for cell in cells.values()} == {'0.00"%"'}


def test_a_table_with_appraised_points_keeps_the_index_as_a_declared_total(index_job):
    folder = index_job("Chỉ số CCHC")
    rows = ["TT,Đơn vị,Điểm thẩm định,Chỉ số CCHC", '1,Hải Phòng,"91,80","91,80"', '2,Quảng Ninh,"91,14","91,15"']
    (folder / "chi-so-2021.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        check_job(folder)
    assert [p.row for p in caught.value.problems] == [3]  # 91,15 typed where 91,14 is computed: checked as before


def test_a_previous_period_read_from_an_index_only_workbook_compares(index_job, tmp_path):
    run_job(index_job("Chỉ số CCHC"), tmp_path / "before")
    folder = index_job("Chỉ số CCHC")
    settings = folder / "job.toml"
    text_ = settings.read_text(encoding="utf-8")
    start, end = text_.index("[previous]"), text_.index("[document]")
    settings.write_text(text_[:start] + f'[previous]\nresults = "{tmp_path / "before" / "ket-qua.xlsx"}"\n\n'
                        + text_[end:], encoding="utf-8")
    result = check_job(folder)
    assert {c.rank_change for c in result.changes.values()} == {0}
    assert {c.score_change for c in result.changes.values()} == {Decimal(0)}


def test_an_index_above_the_scale_is_refused_naming_the_index_column(index_job):
    folder = index_job("Chỉ số CCHC")
    (folder / "chi-so-2021.csv").write_text('TT,Đơn vị,Chỉ số CCHC\n1,Hải Phòng,"918,0"\n', encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        check_job(folder)
    [found] = caught.value.problems
    assert (found.row, found.column, found.value) == (2, "Chỉ số CCHC", "918")

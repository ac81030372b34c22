"""A previous period given as a published table of units and ranks (`[previous] table`): rank changes within the
group, point changes only where both scores are known, "không có số liệu kỳ trước" for a unit the partial table
does not list, "mới" only where declared; a table that cannot be right refused at its row, saying why."""

from __future__ import annotations

import csv
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.documents.content.summary_context import summary_paragraphs
from pipeline.flow import check_job, run_job
from tests.conftest import write_workbook
from tests.summary.conftest import text

FIXTURE = Path(__file__).parents[1] / "fixtures" / "par-index-2021-theo-hang"
RANK_CHANGE, SCORE_CHANGE = "Vị thứ so với kỳ trước", "Điểm tăng (+), giảm (−) so với kỳ trước"
NO_DATA = "không có số liệu kỳ trước"


def _ranking_tables(path: Path) -> list[list[dict[str, str]]]:
    """Each table of the decision headed "Tên đơn vị", as rows of {header: text}."""
    tables = []
    for table in Document(str(path)).tables:
        header = [text(c) for c in table.rows[0].cells]
        if "Tên đơn vị" in header:
            tables.append([dict(zip(header, (text(c) for c in row.cells), strict=True)) for row in table.rows[1:]])
    return tables


def _rows(name: str, column: str) -> dict[str, Decimal]:
    with (FIXTURE / name).open(encoding="utf-8") as stream:
        return {row["Đơn vị"]: Decimal(row[column].replace(",", ".")) for row in csv.DictReader(stream)}


def _expected() -> dict[str, tuple[str, str]]:
    """Each unit's (rank change, score change) computed here: this year's rank among the table's units by index
    (no equal indexes), last year's rank as the published top 10 gives it."""
    now, before = _rows("chi-so-2021.csv", "Điểm thẩm định"), _rows("ky-truoc-2020-top10.csv", "Chỉ số")
    with (FIXTURE / "ky-truoc-2020-top10.csv").open(encoding="utf-8") as stream:
        ranks = {row["Đơn vị"]: int(row["Hạng"]) for row in csv.DictReader(stream)}
    expected = {}
    for unit, index in now.items():
        rank = 1 + sum(1 for other in now.values() if other > index)
        if unit not in ranks:
            expected[unit] = (NO_DATA, "")
            continue
        moved, change = ranks[unit] - rank, index - before[unit]
        arrow = "=" if not moved else f"↑{moved}" if moved > 0 else f"↓{-moved}"
        sign = "+" if change > 0 else "−" if change < 0 else ""
        expected[unit] = (arrow, sign + f"{abs(change):.2f}".replace(".", ","))
    return expected


@pytest.fixture
def job(tmp_path):
    """The fixture copied, its previous table and `[previous]` replaced when a test says so."""
    folder = tmp_path / "par-index"
    shutil.copytree(FIXTURE, folder)

    def made(previous: str | None = None, table: list[str] | None = None, data: list[str] | None = None) -> Path:
        settings = folder / "job.toml"
        text = settings.read_text(encoding="utf-8")
        if previous is not None:
            start, end = text.index("[previous]"), text.index("[document]")
            text = text[:start] + "[previous]\n" + previous + "\n\n" + text[end:]
        settings.write_text(text, encoding="utf-8")
        if table is not None:
            (folder / "ky-truoc.csv").write_text("\n".join(table) + "\n", encoding="utf-8")
        if data is not None:
            (folder / "chi-so-2021.csv").write_text("\n".join(data) + "\n", encoding="utf-8")
        return folder
    return made


def _refused(folder: Path) -> list:
    with pytest.raises(InputErrors) as caught:
        check_job(folder)
    return list(caught.value.problems)


def test_rank_changes_against_a_published_top_ten_are_computed_from_both_tables(tmp_path):
    run = run_job(FIXTURE, tmp_path / "out")
    [rows] = _ranking_tables(tmp_path / "out" / "quyet-dinh.docx")
    shown = {row["Tên đơn vị"]: (row[RANK_CHANGE], row[SCORE_CHANGE]) for row in rows}
    assert shown == _expected()
    assert shown["Bà Rịa - Vũng Tàu"] == ("↑3", "+1,59")  # +1,59 as the province's own paper published it
    assert sum(1 for change, _ in shown.values() if change == NO_DATA) == 3
    assert not any(change == "mới" for change, _ in shown.values())
    assert not any(w.reason is Reason.PREVIOUS_NOT_LISTED for w in run.warnings)  # declared partial


def test_a_unit_is_new_only_where_declared(job):
    result = check_job(job('table = "ky-truoc-2020-top10.csv"\npartial = true\nnew = ["Kien Giang"]'))
    status = {unit: change.status for (_, unit), change in result.changes.items()}
    assert status["Kiên Giang"] == "new"
    assert status["Vĩnh Phúc"] == status["Quảng Ngãi"] == "no_data"


def test_ranks_without_scores_give_rank_changes_and_no_point_change(job):
    result = check_job(job('table = "ky-truoc.csv"\npartial = true',
                           ["Xếp hạng,Đơn vị", "1,Quảng Ninh", "2,Hải Phòng", "2,Đà Nẵng"]))
    changes = {unit: change for (_, unit), change in result.changes.items()}
    assert (changes["Hải Phòng"].rank_change, changes["Hải Phòng"].score_change) == (1, None)
    assert (changes["Đà Nẵng"].rank_change, changes["Đà Nẵng"].previous_rank) == (-1, 2)  # tied ranks are allowed


def test_a_complete_table_missing_units_warns_and_names_them(job):
    result = check_job(job('table = "ky-truoc-2020-top10.csv"'))
    [warning] = [w for w in result.previous_warnings if w.reason is Reason.PREVIOUS_NOT_LISTED]
    assert '"Vĩnh Phúc", "Quảng Ngãi", "Kiên Giang"' in describe(warning) and "partial = true" in describe(warning)


@pytest.mark.parametrize("rank", ["0", "2,5", "ba", ""])
def test_a_rank_that_is_not_a_whole_number_from_one_is_refused_at_its_row(job, rank):
    [found] = _refused(job('table = "ky-truoc.csv"\npartial = true',
                           ["Hạng,Đơn vị,Chỉ số", '1,Quảng Ninh,"91,04"', f'"{rank}",Hải Phòng,"90,51"']))
    assert (found.reason, found.row, found.column) == (Reason.PREVIOUS_TABLE_INVALID, 3, "Hạng")
    assert 'hạng của "Hải Phòng" phải là số nguyên từ 1 trở lên' in describe(found)


def test_a_unit_on_two_rows_is_refused(job):
    [found] = _refused(job('table = "ky-truoc.csv"\npartial = true',
                           ["Hạng,Đơn vị", "1,Quảng Ninh", "2,QUẢNG NINH"]))
    assert found.row == 3 and 'đơn vị "QUẢNG NINH" có hai dòng (dòng 2 và dòng này)' in describe(found)


def test_one_rank_for_two_different_scores_is_refused_and_equal_scores_may_share_it(job):
    [found] = _refused(job('table = "ky-truoc.csv"\npartial = true',
                           ["Hạng,Đơn vị,Chỉ số", '1,Quảng Ninh,"91,04"', '1,Hải Phòng,"90,51"']))
    assert found.row == 3 and "cùng hạng 1 mà điểm khác nhau" in describe(found)
    result = check_job(job(table=["Hạng,Đơn vị,Chỉ số", '1,Quảng Ninh,"91,04"', '1,Hải Phòng,"91,04%"']))
    assert {c.previous_rank for (_, u), c in result.changes.items() if u in ("Quảng Ninh", "Hải Phòng")} == {1}


def test_ranks_contradicting_scores_are_refused(job):
    [found] = _refused(job('table = "ky-truoc.csv"\npartial = true',
                           ["Hạng,Đơn vị,Chỉ số", '1,Quảng Ninh,"88,00"', '2,Hải Phòng,"90,51"']))
    assert found.row == 3
    assert '"Hải Phòng" có điểm 90,51, cao hơn "Quảng Ninh" (88,00), mà xếp hạng 2' in describe(found)


def test_all_problems_of_a_table_are_said_at_once(job):
    found = _refused(job('table = "ky-truoc.csv"\npartial = true',
                         ["Hạng,Đơn vị,Chỉ số", '0,Quảng Ninh,"91,04"', '2,Hải Phòng,"abc"', '3,,"85,00"']))
    assert [(p.row, p.column) for p in found] == [(2, "Hạng"), (3, "Chỉ số"), (4, "Đơn vị")]
    assert all(p.reason is Reason.PREVIOUS_TABLE_INVALID for p in found)


def test_a_unit_declared_new_must_be_a_unit_of_this_period_not_in_the_table(job):
    found = _refused(job('table = "ky-truoc-2020-top10.csv"\npartial = true\nnew = ["Hải Phòng", "Kiên Gian"]'))
    said = sorted(describe(p) for p in found)
    assert all(p.reason is Reason.PREVIOUS_NEW_INVALID for p in found) and len(found) == 2
    assert any('"Hải Phòng" là đơn vị mới nhưng bảng kỳ trước có đơn vị này' in s for s in said)
    assert any('"Kiên Gian" là đơn vị mới nhưng kỳ này không có đơn vị này' in s and '"Kiên Giang"' in s
               for s in said)


def test_a_table_without_groups_is_refused_for_a_period_of_several_groups(job):
    data = ["Khối,Đơn vị,Điểm thẩm định", 'A,Hải Phòng,"91,80"', 'B,Quảng Ninh,"91,14"']
    folder = job(data=data)
    settings = folder / "job.toml"
    text = settings.read_text(encoding="utf-8").replace('name = "Tỉnh, thành phố"', 'name = "A"')
    text = text.replace("[previous]", '[[groups]]\nname = "B"\ntitle = "B"\n\n[previous]', 1)
    settings.write_text(text, encoding="utf-8")
    [found] = _refused(folder)
    assert found.reason is Reason.PREVIOUS_TABLE_INVALID
    assert 'không có cột "Khối" mà kỳ này có 2 khối' in describe(found)


def test_partial_and_new_belong_to_a_table_only(job):
    found = _refused(job('results = "ket-qua.xlsx"\npartial = true'))
    assert any(p.detail("key") == "previous.partial" and "chỉ dùng với table" in describe(p) for p in found)


def test_the_summary_names_moves_by_rank_and_the_units_without_previous_figures(job):
    result = check_job(job('table = "ky-truoc.csv"\npartial = true\nname = "năm 2020"',
                           ["Hạng,Đơn vị", "1,Quảng Ninh", "2,Hải Phòng", "6,Đà Nẵng", "3,Thừa Thiên Huế",
                            "9,Bà Rịa - Vũng Tàu"]))
    [group] = summary_paragraphs(result)["summary_groups"]
    assert group.changes[0] == ("So với năm 2020, tăng hạng nhiều nhất: Đà Nẵng (↑3, từ thứ 6 lên thứ 3), Bà Rịa - "
                                "Vũng Tàu (↑3, từ thứ 9 lên thứ 6), Hải Phòng (↑1, từ thứ 2 lên thứ 1).")
    assert "Không có số liệu năm 2020 để so sánh: Vĩnh Phúc, Quảng Ngãi, Kiên Giang." in group.changes
    assert not any("Đơn vị mới" in line for line in group.changes)


def test_a_workbook_table_with_a_title_row_and_groups_is_read(job, tmp_path):
    folder = job()
    write_workbook(folder / "ky-truoc.xlsx", {"Năm 2020": [
        ["BẢNG XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2020"], [],
        ["Khối", "Vị thứ", "Tên đơn vị", "Chỉ số CCHC"],
        ["Tỉnh, thành phố", 1, "Quảng Ninh", Decimal("91.04")],
        ["Tỉnh, thành phố", 2, "Hải Phòng", Decimal("90.51")]]})
    result = check_job(job('table = "ky-truoc.xlsx"\npartial = true'))
    changes = {unit: change for (_, unit), change in result.changes.items()}
    assert (changes["Hải Phòng"].previous_rank, changes["Hải Phòng"].score_change) == (2, Decimal("1.29"))
    assert changes["Quảng Ninh"].score_change == Decimal("0.10")

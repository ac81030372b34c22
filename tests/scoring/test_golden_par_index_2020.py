"""Golden: the national PAR INDEX 2020 of the ten leading provinces, four published components, to the digit.

The example (inputs/viet-nam-2020-par-index/, sources in its README) types the published table: appraisal,
SIPAS, survey of leaders and managers, impact on socio-economic development, and the published index. Three printed
indexes differ by 0,01 from the sum of their printed parts (each figure rounded from unrounded values): kept as
published within the rounding of 4 parts (4 × 0,005) and listed. The previous year, 2019, is known only from the
press as a partial table of ranks. Every expected figure is read from the transcription in
docs/research/published-tables/ or computed here with `Decimal`, never taken from the program.

The example runs as typed, four components read by the headers the scheme declares; the rank changes and the
groups are also checked on the same table typed with the index only.
"""

from __future__ import annotations

import csv
import shutil
import tomllib
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from pipeline.flow import run_job
from tests.conftest import ROOT

FIXTURE = ROOT / "inputs" / "viet-nam-2020-par-index"
SOURCE = ROOT / "docs" / "research" / "published-tables" / "C_PAR2020_tinh_top10_mofcom_zh.csv"
SCHEME_FILE = ROOT / "pipeline" / "config" / "schemes" / "par-index" / "2020.toml"

GROUP = "Tỉnh, thành phố"
BOUND = 4 * Decimal("0.005")  # four parts, two printed decimals
NAMES = {"广宁省": "Quảng Ninh", "海防市": "Hải Phòng", "承天-顺化省": "Thừa Thiên Huế", "平阳省": "Bình Dương",
         "同塔省": "Đồng Tháp", "岘港市": "Đà Nẵng", "隆安省": "Long An", "河内市": "Hà Nội",
         "巴地-头顿省": "Bà Rịa - Vũng Tàu", "富寿省": "Phú Thọ"}
PARTS = ("得分", "行政改革影响得分:服务满意度指数", "行政改革影响得分:领导管理考察",
         "行政改革影响得分:对经济社会发展的影响")
RANK_CHANGE, SCORE_CHANGE = "Vị thứ so với kỳ trước", "Điểm tăng (+), giảm (−) so với kỳ trước"
NO_DATA = "không có số liệu kỳ trước"
RESULT_HEADERS = ("Tỷ lệ đạt", "Chỉ số cải cách hành chính", "Chỉ số CCHC", "Chỉ số")  # the index column, as named


def _published() -> list[dict[str, object]]:
    """The ten provinces as the source prints them: rank, name, the four parts and the index, exact decimals."""
    with SOURCE.open(encoding="utf-8") as stream:
        return [{"rank": int(row["排名"]), "unit": NAMES[row["省市"]], "parts": tuple(Decimal(row[p]) for p in PARTS),
                 "index": Decimal(row["综合指数"])} for row in csv.DictReader(stream)]


def _previous() -> dict[str, tuple[int, Decimal | None]]:
    """2019 as the example's partial table gives it (sources in its README): rank and index where published."""
    with (FIXTURE / "ky-truoc-2019.csv").open(encoding="utf-8") as stream:
        return {row["Tỉnh, thành phố"]: (int(row["Hạng"]),
                                         Decimal(row["Chỉ số"].replace(",", ".")) if row["Chỉ số"] else None)
                for row in csv.DictReader(stream)}


PUBLISHED = _published()


def _comma(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


def _expected_changes() -> dict[str, tuple[str, str]]:
    """Each province's (rank change, point change): this year's rank among the ten by index (no equal indexes),
    2019's rank and index from the partial table; a point change only where both indexes are known."""
    before = _previous()
    changes = {}
    for row in PUBLISHED:
        rank = 1 + sum(1 for other in PUBLISHED if other["index"] > row["index"])
        if row["unit"] not in before:
            changes[row["unit"]] = (NO_DATA, "")
            continue
        old_rank, old_index = before[row["unit"]]
        moved = old_rank - rank
        arrow = "=" if not moved else f"↑{moved}" if moved > 0 else f"↓{-moved}"
        if old_index is None:
            changes[row["unit"]] = (arrow, "")
            continue
        change = row["index"] - old_index
        changes[row["unit"]] = (arrow, ("+" if change > 0 else "−" if change < 0 else "") + _comma(abs(change)))
    return changes


def _ranking_rows(path: Path) -> list[dict[str, str]]:
    """The rows of the decision's ranking table (headed "Tên đơn vị") as {header: text}."""
    [table] = [t for t in Document(str(path)).tables if "Tên đơn vị" in [c.text.strip() for c in t.rows[0].cells]]
    header = [" ".join(c.text.split()) for c in table.rows[0].cells]
    return [dict(zip(header, (" ".join(c.text.split()) for c in row.cells), strict=True)) for row in table.rows[1:]]


def _index_only(tmp_path: Path, labels: str = "[]") -> Path:
    """The example typed with the published index only (the province and its index), under the index scheme."""
    folder = tmp_path / "chi-so"
    shutil.copytree(FIXTURE, folder)
    data = folder / "par-index-2020.csv"
    with data.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    with data.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["Hạng", GROUP, "Chỉ số cải cách hành chính"])
        writer.writerows([row["Hạng"], row[GROUP], row["Chỉ số cải cách hành chính"]] for row in rows)
    settings = (folder / "job.toml").read_text(encoding="utf-8")
    settings = settings.replace('scheme = "par-index@2020"', 'scheme = "chi-so-cchc@2023"').replace(
        'total = "as-published"\n', "").replace(
        "[checks]", f'[scheme_overrides]\ndecimals = 2\nunit = "%"\nlabels = {labels}\n\n[checks]')
    (folder / "job.toml").write_text(settings, encoding="utf-8")
    return folder


def test_the_example_types_the_published_table_digit_for_digit():
    with (FIXTURE / "par-index-2020.csv").open(encoding="utf-8") as stream:
        typed = [{"rank": int(row["Hạng"]), "unit": row[GROUP],
                  "parts": tuple(Decimal(row[h].replace(",", ".")) for h in (
                      "Điểm thẩm định", "Chỉ số hài lòng (SIPAS)", "Điều tra lãnh đạo, quản lý",
                      "Tác động đến phát triển kinh tế - xã hội")),
                  "index": Decimal(row["Chỉ số cải cách hành chính"].replace(",", "."))}
                 for row in csv.DictReader(stream)]
    assert typed == PUBLISHED


def test_three_published_indexes_differ_from_their_parts_within_the_rounding_of_four_parts():
    off = {row["unit"]: row["index"] - sum(row["parts"]) for row in PUBLISHED if row["index"] != sum(row["parts"])}
    assert off == {"Quảng Ninh": Decimal("-0.01"), "Đồng Tháp": Decimal("0.01"), "Phú Thọ": Decimal("0.01")}
    assert all(abs(d) <= BOUND for d in off.values())


def test_the_scheme_declares_the_four_published_parts_in_print_order():
    scheme = tomllib.loads(SCHEME_FILE.read_text(encoding="utf-8"))
    components = scheme["components"]
    assert [c["id"] for c in components] == ["tham-dinh", "sipas", "lanh-dao-quan-ly", "tac-dong"]
    with (FIXTURE / "par-index-2020.csv").open(encoding="utf-8") as stream:
        headers = next(csv.reader(stream))[2:6]
    assert all(header in c["headers"] and c["name"] in c["headers"]
               for header, c in zip(headers, components, strict=True))
    assert all(c["enters"] == "as-is" and c["decimals"] == 2 and c["printed"] for c in components)


def test_rank_changes_against_the_2019_ranks_are_computed_from_both_published_tables(tmp_path):
    run_job(_index_only(tmp_path), tmp_path / "out", workers=1)
    shown = {row["Tên đơn vị"]: (row[RANK_CHANGE], row[SCORE_CHANGE])
             for row in _ranking_rows(tmp_path / "out" / "quyet-dinh.docx")}
    expected = _expected_changes()
    assert shown == expected
    assert expected["Bình Dương"] == ("↑13", "+4,63") and expected["Hải Phòng"] == ("↑2", "")
    assert sum(1 for change, _ in shown.values() if change == NO_DATA) == 4
    assert not any(change == "mới" for change, _ in shown.values())


def test_the_published_groups_follow_from_the_index_and_the_scheme_bounds(tmp_path):
    bounds = tomllib.loads(SCHEME_FILE.read_text(encoding="utf-8"))["labels"]
    labels = "[" + ", ".join(f'{{ name = "{b["name"]}"' + (f', min = {b["min"]}' if "min" in b else "") + " }"
                             for b in bounds) + "]"
    run_job(_index_only(tmp_path, labels), tmp_path / "out", workers=1)
    shown = {row["Tên đơn vị"]: row["Xếp loại"] for row in _ranking_rows(tmp_path / "out" / "quyet-dinh.docx")}
    group_a = {"Quảng Ninh", "Hải Phòng"}  # the published group A of 2020; the other eight are in group B
    assert shown == {row["unit"]: "Nhóm A" if row["unit"] in group_a else "Nhóm B" for row in PUBLISHED}


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("par-index-2020")
    run_job(FIXTURE, folder, workers=1)
    return folder


def test_every_part_index_rank_and_group_is_printed_as_published(out):
    names = [c["name"] for c in tomllib.loads(SCHEME_FILE.read_text(encoding="utf-8"))["components"]]
    rows = _ranking_rows(out / "quyet-dinh.docx")
    result = next(header for header in RESULT_HEADERS if header in rows[0])
    printed = [(row["Tên đơn vị"], tuple(row[name] for name in names), row[result], row["Vị thứ"], row["Xếp loại"])
               for row in rows]
    groups = {"Quảng Ninh": "Nhóm A", "Hải Phòng": "Nhóm A"}  # the published group A; the other eight are in B
    assert printed == [(row["unit"], tuple(_comma(p) for p in row["parts"]), _comma(row["index"]) + "%",
                        str(row["rank"]), groups.get(row["unit"], "Nhóm B")) for row in PUBLISHED]


def test_the_three_indexes_kept_as_published_are_listed_with_their_differences(out):
    expected = [(GROUP, row["unit"], "Chỉ số cải cách hành chính", row["index"], sum(row["parts"]),
                 row["index"] - sum(row["parts"]), BOUND) for row in PUBLISHED if row["index"] != sum(row["parts"])]
    sheet = openpyxl.load_workbook(out / "ket-qua.xlsx")["Tổng như công bố"]
    listed = [(*row[:3], *(Decimal(str(v)) for v in row[3:])) for row in list(sheet.iter_rows(values_only=True))[1:]]
    assert listed == expected


def test_rank_changes_of_the_four_component_table_are_those_of_the_published_indexes(out):
    shown = {row["Tên đơn vị"]: (row[RANK_CHANGE], row[SCORE_CHANGE]) for row in _ranking_rows(out / "quyet-dinh.docx")}
    assert shown == _expected_changes()


def test_the_results_workbook_holds_the_four_parts_in_print_order_under_their_declared_names(out):
    names = [c["name"] for c in tomllib.loads(SCHEME_FILE.read_text(encoding="utf-8"))["components"]]
    rows = list(openpyxl.load_workbook(out / "ket-qua.xlsx")[GROUP].iter_rows(values_only=True))
    start = rows[0].index(names[0])
    assert list(rows[0][start:start + 5]) == [*names, "Tỷ lệ đạt"]
    assert [(row[1], *(Decimal(str(v)) for v in row[start:start + 5])) for row in rows[1:]] == \
        [(row["unit"], *row["parts"], row["index"]) for row in PUBLISHED]

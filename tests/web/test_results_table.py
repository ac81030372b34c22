"""The results page shows what the decision says of the previous period (computed here from the 2024 inputs),
sorts and filters from the page's address, and follows a change in the previous period's job."""

from __future__ import annotations

import csv
import re
import shutil
import tomllib
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

import pytest

from pipeline.web.app import create_app
from tests.conftest import INPUTS
from tests.web.conftest import Client, text_of

JOB, PREVIOUS = "vi-du-2025-dot-danh-gia-tinh", "vi-du-2024-xep-loai-tinh"
GROUPS = ("Sở, ban, ngành", "UBND các xã, phường")


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    """A client over the two example periods, for the tests that only read (the check made once)."""
    jobs = tmp_path_factory.mktemp("results") / "inputs"
    for name in (JOB, PREVIOUS):
        shutil.copytree(INPUTS / name, jobs / name)
    with Client(create_app(jobs)) as client:
        yield client


def folded(name: str) -> str:
    decomposed = unicodedata.normalize("NFD", name.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tables(html: str) -> dict[str, list[dict[str, str]]]:
    """Each group's table on the page: its rows as {column heading: cell text}, the unit without its note."""
    found = {}
    for section in re.findall(r'<section class="group">(.*?)</section>', html, re.S):
        group = text_of(re.search(r"<h3>(.*?)</h3>", section).group(1))
        table = re.search(r'<table class="grid ranked">(.*?)</table>', section, re.S).group(1)
        headings = [text_of(h) for h in re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)]
        rows = []
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table.split("<tbody>")[1], re.S):
            cells = [text_of(c.split("<br>")[0]) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            if len(cells) == len(headings):
                rows.append(dict(zip(headings, cells, strict=True)))
        found[group] = rows
    return found


def _previous(jobs) -> dict[str, tuple[int | None, Decimal | None]]:
    """2024 by folded name: (rank in its group, score at 2 decimals); equal scores share a rank (đồng hạng)."""
    with (jobs / PREVIOUS / "diem-tham-dinh-2024.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream, delimiter=";"))
    scores = {row["Đơn vị"]: (row["Khối"], Decimal(row["Tổng điểm thẩm định"].replace(",", "."))
                              .quantize(Decimal("0.01"), ROUND_HALF_UP) if row["Tổng điểm thẩm định"] else None)
              for row in rows}
    return {folded(name): (sum(1 for g, s in scores.values() if g == group and s is not None and s > score) + 1
                           if score is not None else None, score) for name, (group, score) in scores.items()}


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ".").replace("−", "-"))


def _comma(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


def test_each_unit_shows_the_previous_periods_score_rank_and_changes(reader):
    previous = _previous(INPUTS)
    renames = tomllib.loads((INPUTS / JOB / "job.toml").read_text(encoding="utf-8"))["previous"]["renames"]
    renames = {new: [old] if isinstance(old, str) else old for new, old in renames.items()}
    page = reader.get(f"/jobs/{JOB}/results").text
    shown = tables(page)
    assert set(shown) == set(GROUPS)
    kinds = set()
    for row in (row for rows in shown.values() for row in rows):
        unit, olds = row["Đơn vị"], [folded(n) for n in renames.get(row["Đơn vị"], [row["Đơn vị"]])]
        found = [previous[name] for name in olds if name in previous]
        if len(olds) > 1:
            expected = ("", "", "", "sáp nhập")
        elif not found:
            expected = ("", "", "", "mới")
        elif not row["Hạng"] or found[0][0] is None:  # not evaluated in one of the periods
            rank, score = found[0]
            expected = (_comma(score) if score is not None else "", str(rank or ""), "", "–")
        else:
            rank, score = found[0]
            moved = rank - int(row["Hạng"])
            change = _number(row["Kết quả đánh giá"]) - score
            signed = _comma(abs(change)) if not change else ("+" if change > 0 else "−") + _comma(abs(change))
            arrow = "=" if not moved else f"↑{moved}" if moved > 0 else f"↓{-moved}"
            expected = (_comma(score), str(rank), signed, arrow)
        assert (row["Kết quả kỳ trước"], row["Hạng kỳ trước"], row["Điểm tăng (+), giảm (−)"],
                row["Hạng so với kỳ trước"]) == expected, unit
        kinds.add(expected[3][:1])
    assert {"↑", "↓", "=", "s", "m", "–"} <= kinds  # every kind of change is on the page
    said = text_of(page)
    assert "sáp nhập từ Sở Xây dựng, Sở Giao thông vận tải" in said  # which units merged
    assert "kỳ trước: UBND xã Trường An" in said  # and the old name of a renamed one
    assert "Cách xếp đồng điểm: đồng hạng" in said  # the tie rule of the scheme (chat-luong-hoat-dong: dong-hang)
    assert "Tự chấm và thẩm định" in said


def test_the_table_sorts_by_name_score_or_change_from_the_address(reader):
    client = reader
    by_rank = tables(client.get(f"/jobs/{JOB}/results").text)
    by_name = tables(client.get(f"/jobs/{JOB}/results?sort=name").text)
    by_score = tables(client.get(f"/jobs/{JOB}/results?sort=score_up").text)
    by_change = tables(client.get(f"/jobs/{JOB}/results?sort=change").text)
    for group in GROUPS:
        names = [row["Đơn vị"] for row in by_rank[group]]
        assert [row["Đơn vị"] for row in by_name[group]] == sorted(names, key=folded)
        scored = [_number(row["Kết quả đánh giá"]) for row in by_score[group] if row["Kết quả đánh giá"]]
        assert scored == sorted(scored) and len(scored) == sum(1 for r in by_rank[group] if r["Hạng"])
        assert not by_score[group][-1]["Hạng"]  # units not evaluated last
        changes = [_number(row["Điểm tăng (+), giảm (−)"]) for row in by_change[group]
                   if row["Điểm tăng (+), giảm (−)"]]
        assert changes == sorted(changes, reverse=True) and changes
        ranks = [int(row["Hạng"]) for row in by_rank[group] if row["Hạng"]]
        assert ranks == sorted(ranks)
    page = client.get(f"/jobs/{JOB}/results?sort=name").text
    assert re.search(r'<th scope="col" aria-sort=ascending><a href="\?sort=name"', page)
    assert '<option value="name" selected>' in page


@pytest.mark.parametrize("query, kept", [
    ({"group": "UBND các xã, phường"}, lambda group, row: group == "UBND các xã, phường"),
    ({"label": "Khá"}, lambda group, row: row["Xếp loại"] == "Khá"),
    ({"label": "-"}, lambda group, row: not row["Hạng"]),
    ({"q": "phuong"}, lambda group, row: "phuong" in folded(row["Đơn vị"])),  # typed without diacritics
    ({"q": "Sở", "label": "Tốt"}, lambda group, row: "sở" in row["Đơn vị"].casefold() and row["Xếp loại"] == "Tốt"),
    ({"q": "sơn"}, lambda group, row: "sơn" in row["Đơn vị"].casefold()),  # typed with them: as typed
])
def test_the_table_filters_by_group_label_or_part_of_a_name(reader, query, kept):
    client = reader
    everyone = tables(client.get(f"/jobs/{JOB}/results").text)
    expected = {(g, row["Đơn vị"]) for g, rows in everyone.items() for row in rows if kept(g, row)}
    page = client.get(f"/jobs/{JOB}/results", params=query).text
    shown = {(g, row["Đơn vị"]) for g, rows in tables(page).items() for row in rows}
    assert shown == expected and expected
    assert {g for g, _ in shown} == set(tables(page))  # a group none of whose units is kept is not shown
    total = sum(len(rows) for rows in everyone.values())
    assert f"Đang hiện {len(expected)}/{total} đơn vị." in text_of(page)


def test_a_name_matching_nothing_says_so(reader):
    page = reader.get(f"/jobs/{JOB}/results", params={"q": "không có đơn vị này"}).text
    assert "Đang hiện 0/20 đơn vị. Không có đơn vị nào khớp." in text_of(page) and not tables(page)


def test_the_check_and_results_follow_a_change_in_the_previous_periods_job(client, jobs):
    assert client.get(f"/jobs/{JOB}/check").status_code == 200
    before = tables(client.get(f"/jobs/{JOB}/results").text)
    assert next(r for r in before[GROUPS[0]] if r["Đơn vị"] == "Sở Tài chính")["Kết quả kỳ trước"] == "95,50"
    path = jobs / PREVIOUS / "diem-tham-dinh-2024.csv"
    path.write_text(path.read_text(encoding="utf-8")
                    .replace("Sở Tài chính;100;100;95,50", "Sở Tài chính;100;100;55,50"), encoding="utf-8")
    after = tables(client.get(f"/jobs/{JOB}/results").text)
    assert next(r for r in after[GROUPS[0]] if r["Đơn vị"] == "Sở Tài chính")["Kết quả kỳ trước"] == "55,50"
    (jobs / PREVIOUS / "job.toml").unlink()  # the previous period's job gone: the check says so at once
    assert client.app.state.desk.check(JOB).problems
    assert PREVIOUS in text_of(client.get(f"/jobs/{JOB}/check").text)
    assert not tables(client.get(f"/jobs/{JOB}/results").text)  # no result to show until it is fixed


def test_the_results_follow_a_change_in_the_previous_periods_results_workbook(client, jobs):
    from openpyxl import load_workbook

    from pipeline.flow import run_job

    workbook = jobs.parent / "ket-qua-2024" / "ket-qua.xlsx"
    run_job(jobs / PREVIOUS, workbook.parent)
    settings = jobs / JOB / "job.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        f'job = "../{PREVIOUS}"', 'results = "../../ket-qua-2024/ket-qua.xlsx"'), encoding="utf-8")
    before = tables(client.get(f"/jobs/{JOB}/results").text)
    assert next(r for r in before[GROUPS[0]] if r["Đơn vị"] == "Sở Tài chính")["Kết quả kỳ trước"] == "95,50"
    book = load_workbook(workbook)
    sheet = book[GROUPS[0]]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[header.index("Đơn vị")].value == "Sở Tài chính")
    row[header.index("Kết quả đánh giá")].value = 95.6  # still below Sở Nội vụ's 96,20: the ranks agree
    book.save(workbook)
    after = tables(client.get(f"/jobs/{JOB}/results").text)
    assert next(r for r in after[GROUPS[0]] if r["Đơn vị"] == "Sở Tài chính")["Kết quả kỳ trước"] == "95,60"


def test_units_with_equal_scores_share_a_rank_and_the_page_says_by_which_rule(client):
    job = "vi-du-2024-bang-xep-hang-cchc"  # its scheme's rule: đồng hạng
    page = client.get(f"/jobs/{job}/results").text
    said = text_of(page)
    assert "Cách xếp đồng điểm: đồng hạng (cùng điểm thì cùng hạng)" in said
    for rows in tables(page).values():
        scored = [r for r in rows if r["Hạng"]]
        for score in {r["Điểm đánh giá"] for r in scored}:
            tied = [r for r in scored if r["Điểm đánh giá"] == score]
            if len(tied) > 1:
                assert len({r["Hạng"] for r in tied}) == 1
                sentence = next(p for p in re.findall(r'<p class="warning">(.*?)</p>', page) if score in p)
                assert all(r["Đơn vị"] in text_of(sentence) for r in tied)
                assert f"đồng hạng {tied[0]['Hạng']}" in text_of(sentence)
                return
    raise AssertionError("the example has units with equal scores")


def test_each_printed_component_is_a_column_of_the_page_as_the_data_file_gives_it(client):
    job = "vi-du-2024-bang-xep-hang-cchc"  # the scheme's two components; chi-so-cchc prints 3 decimals
    with (INPUTS / job / "chi-so-cchc-2024.csv").open(encoding="utf-8") as source:
        typed = {row["Đơn vị"]: row for row in csv.DictReader(source, delimiter=";")}
    for group, rows in tables(client.get(f"/jobs/{job}/results").text).items():
        assert list(rows[0])[2:4] == ["Tổng điểm thẩm định", "Điểm điều tra xã hội học"], group
        for row in rows:
            assert row["Tổng điểm thẩm định"] == typed[row["Đơn vị"]]["Điểm thẩm định"]
            assert row["Điểm điều tra xã hội học"] == typed[row["Đơn vị"]]["Điểm điều tra xã hội học"]

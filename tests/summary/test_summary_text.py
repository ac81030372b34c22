"""The summary (thông cáo kết quả) says what the decision's tables print: every score, label, count, reason and
change it names is read back from both generated documents and compared, unit by unit."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.summary.conftest import CURRENT, PREVIOUS, appendix_tables, paragraphs

LABELS = ("Rất tốt", "Tốt", "Khá", "Trung bình", "Yếu")
SCORE = "Kết quả đánh giá"
RANK_CHANGE, SCORE_CHANGE = "Hạng so với kỳ trước", "Điểm tăng (+), giảm (−) so với kỳ trước"


def _ranked(rows):
    return [row for row in rows if row["Xếp hạng"].isdigit()]


def _units_pattern(tables) -> re.Pattern:
    names = sorted({row["Đơn vị"] for rows in tables for row in rows}, key=len, reverse=True)
    return re.compile(rf"(?P<unit>{'|'.join(map(re.escape, names))})(?: dẫn đầu bảng xếp hạng khối [^;]+?)? với "
                      rf"(?P<score>[\d.]+,\d+) điểm(?:, xếp loại (?P<label>{'|'.join(LABELS)}))?")


@pytest.mark.parametrize("job", [CURRENT, PREVIOUS])
def test_every_score_and_label_the_summary_names_is_the_tables(pair, job):
    tables = appendix_tables(pair[job] / "quyet-dinh.docx")
    printed = {row["Đơn vị"]: row for rows in tables for row in _ranked(rows)}
    text = "\n".join(paragraphs(pair[job] / "thong-cao.docx"))
    said = list(_units_pattern(tables).finditer(text))
    assert len(said) == len(re.findall(r"với [\d.]+,\d+ điểm", text)), "a score the summary gives to no unit"
    assert len(said) >= 2 * len(tables)  # each group's leader, in the lead and in the group's paragraph
    for match in said:
        row = printed[match["unit"]]
        assert (match["score"], match["label"]) == (row[SCORE], row["Xếp loại"]), match.group()


@pytest.mark.parametrize("job", [CURRENT, PREVIOUS])
def test_the_counts_per_label_are_the_appendix_labels_counted(pair, job):
    tables = appendix_tables(pair[job] / "quyet-dinh.docx")
    counts = [p for p in paragraphs(pair[job] / "thong-cao.docx") if p.startswith("Trong ")]
    assert len(counts) == len(tables)
    for sentence, rows in zip(counts, tables, strict=True):
        said = {label: int(n) for n, label in re.findall(rf"(\d+) đơn vị xếp loại ({'|'.join(LABELS)})", sentence)}
        counted = Counter(row["Xếp loại"] for row in _ranked(rows))
        assert said == {label: n for label, n in counted.items() if n}, sentence
        total, evaluated = map(int, re.match(r"Trong (\d+) đơn vị của khối, (\d+) đơn vị", sentence).groups())
        assert (total, evaluated) == (len(rows), len(_ranked(rows)))


def test_the_units_not_evaluated_are_named_with_the_tables_reason(pair):
    tables = appendix_tables(pair[CURRENT] / "quyet-dinh.docx")
    text = "\n".join(paragraphs(pair[CURRENT] / "thong-cao.docx"))
    missing = [(row["Đơn vị"], row[SCORE]) for rows in tables for row in rows if not row["Xếp hạng"].isdigit()]
    assert len(missing) == 2
    for unit, reason in missing:  # the merged reason cell spans the number columns: its text is in each
        assert f"{unit} ({reason})" in text


def test_each_rise_and_fall_the_summary_names_is_the_decisions_change(pair):
    tables = appendix_tables(pair[CURRENT] / "quyet-dinh.docx")
    printed = {row["Đơn vị"]: row for rows in tables for row in _ranked(rows)}
    text = "\n".join(paragraphs(pair[CURRENT] / "thong-cao.docx"))
    moves = re.findall(r"([^,:;]+?) \(([↑↓]\d+), từ thứ (\d+) (?:lên|xuống) thứ (\d+), điểm ([+−]?[\d.]+,\d+)\)", text)
    assert len(moves) >= 4
    for unit, arrow, before, after, change in moves:
        row = printed[unit.strip()]
        assert (arrow, after, change) == (row[RANK_CHANGE], row["Xếp hạng"], row[SCORE_CHANGE])
        moved = int(arrow[1:]) * (1 if arrow[0] == "↑" else -1)
        assert int(before) - int(after) == moved


@pytest.mark.parametrize("job", [CURRENT, PREVIOUS])
def test_the_summary_content_ends_with_the_end_mark_and_nothing_else_does(pair, job):
    text = paragraphs(pair[job] / "thong-cao.docx")
    appendix = next((i for i, line in enumerate(text) if line.upper().startswith("PHỤ LỤC")), len(text))
    body = text[:appendix]  # Nơi nhận and the signature stand in a table, after the body's paragraphs
    marked = [line for line in body if line.endswith("./.")]
    assert marked == [next(line for line in reversed(body) if line.strip())], marked  # ND30: "./." ends the content

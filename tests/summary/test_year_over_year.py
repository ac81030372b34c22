"""The 2025 campaign against its 2024 job: each unit's change of rank and score, computed here from the 2024
score table and the rename table of job.toml, is what the decision's appendix prints."""

from __future__ import annotations

import csv
import tomllib
from decimal import ROUND_HALF_UP, Decimal

from tests.conftest import INPUTS
from tests.summary.conftest import CURRENT, PREVIOUS, appendix_tables, folded

SCORE = "Kết quả đánh giá"
RANK_CHANGE, SCORE_CHANGE = "Hạng so với kỳ trước", "Điểm tăng (+), giảm (−) so với kỳ trước"


def _previous_results() -> dict[str, tuple[str, int | None, Decimal | None]]:
    """2024 by folded name: (group, rank, score); a score is points over 100 at 2 decimals, equal scores share a
    rank (the scheme's "đồng hạng")."""
    with (INPUTS / PREVIOUS / "diem-tham-dinh-2024.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream, delimiter=";"))
    scores = {row["Đơn vị"]: (row["Khối"], Decimal(row["Tổng điểm thẩm định"].replace(",", "."))
                              .quantize(Decimal("0.01"), ROUND_HALF_UP) if row["Tổng điểm thẩm định"] else None)
              for row in rows}
    ranked = {}
    for name, (group, score) in scores.items():
        higher = sum(1 for g, s in scores.values() if g == group and s is not None and score is not None and s > score)
        ranked[folded(name)] = (group, higher + 1 if score is not None else None, score)
    return ranked


def _signed(value: Decimal) -> str:
    text = f"{abs(value):.2f}".replace(".", ",")
    return text if not value else ("+" if value > 0 else "−") + text


def test_each_units_change_of_rank_and_score_is_computed_from_both_periods(pair):
    previous = _previous_results()
    renames = tomllib.loads((INPUTS / CURRENT / "job.toml").read_text(encoding="utf-8"))["previous"]["renames"]
    renames = {new: [old] if isinstance(old, str) else old for new, old in renames.items()}
    rows = [row for rows in appendix_tables(pair[CURRENT] / "quyet-dinh.docx") for row in rows
            if row["Xếp hạng"].isdigit()]
    expected, shown = {}, {}
    for row in rows:
        unit = row["Đơn vị"]
        olds = [folded(name) for name in renames.get(unit, [unit])]
        found = [previous[name] for name in olds if name in previous]
        if len(olds) > 1:
            expected[unit] = ("sáp nhập", "")
        elif not found:
            expected[unit] = ("mới", "")
        elif found[0][1] is None:
            expected[unit] = ("–", "")
        else:
            moved = found[0][1] - int(row["Xếp hạng"])
            arrow = "=" if not moved else f"↑{moved}" if moved > 0 else f"↓{-moved}"
            expected[unit] = (arrow, _signed(Decimal(row[SCORE].replace(",", ".")) - found[0][2]))
        shown[unit] = (row[RANK_CHANGE], row[SCORE_CHANGE])
    assert shown == expected
    kinds = {arrow[:1] for arrow, _ in expected.values()}
    assert {"↑", "↓", "=", "s", "m", "–"} <= kinds  # the example shows every kind of change


def test_the_results_workbook_has_the_previous_period_beside_each_unit(pair):
    from openpyxl import load_workbook

    previous = _previous_results()
    book = load_workbook(pair[CURRENT] / "ket-qua.xlsx")
    sheet = book["Sở, ban, ngành"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
    tu_phap = next(row for row in rows if row["Đơn vị"] == "Sở Tư pháp")
    _, rank, score = previous[folded("Sở Tư pháp")]
    assert (tu_phap["Xếp hạng kỳ trước"], Decimal(str(tu_phap["Kết quả kỳ trước"]))) == (rank, score)
    assert tu_phap["Hạng so với kỳ trước"] == f"↓{tu_phap['Xếp hạng'] - rank}"
    merged = next(row for row in rows if row["Đơn vị"] == "Sở Nông nghiệp và Môi trường")
    assert merged["Hạng so với kỳ trước"] == "sáp nhập"
    assert merged["Đơn vị kỳ trước"] == "Sở Nông nghiệp và Phát triển nông thôn, Sở Tài nguyên và Môi trường"


def test_the_manifest_lists_the_previous_periods_inputs_with_their_hashes(pair):
    import hashlib
    import json

    manifest = json.loads((pair[CURRENT] / "manifest.json").read_text(encoding="utf-8"))
    listed = {entry["path"]: entry["sha256"] for entry in manifest["previous"]}
    folder = INPUTS / PREVIOUS
    assert listed == {f"../{PREVIOUS}/{name}": hashlib.sha256((folder / name).read_bytes()).hexdigest()
                      for name in ("job.toml", "diem-tham-dinh-2024.csv")}

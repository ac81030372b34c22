"""The cells of a criterion's scoring rule and its facts (docs/inputs.md mục 2.5), read like any other cell.

Adds to a criteria row: rule (the "Cách chấm" text, its line breaks kept), done_count, total_count (counts: "2.066"
typed as text is 2066), rate (numbers or `None`),
level (the option reached, "Mức đạt"), count_unit ("nhiệm vụ"), rate_as_percent (whether the rate cell is shown
as a percentage, so that 0,986 there is not 98,6 % typed as a fraction), and headers (each of these columns' header
as typed, for messages). `scoring.checks` reads what they mean.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from pipeline.scoring.cells import clean_text
from pipeline.scoring.tables import Cells

RULE_TEXTS = ("rule", "level", "count_unit")
RULE_NUMBERS = ("done_count", "total_count", "rate")
COUNTS = ("done_count", "total_count")
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")  # "2.066": a count with dots between thousands, as rationales write it
MULTI_LINE = ("rule",)  # a rule's levels may each be on a line of the cell (Alt+Enter)


def rule_cells(cells: Cells) -> dict[str, Any]:
    """The rule and fact cells of one criteria row (empty text, `None` numbers where a column is absent)."""
    positions = cells.table.positions
    found: dict[str, Any] = {cid: cells.text(cid, keep_lines=cid in MULTI_LINE) if cid in cells.record else ""
                             for cid in RULE_TEXTS}
    found |= {cid: _count(cells, cid) if cid in COUNTS else cells.number(cid) for cid in RULE_NUMBERS}
    found["rate_as_percent"] = "rate" in positions and (
        cells.record["row"], positions["rate"][0] + 1) in cells.table.sheet.percent_cells
    found["headers"] = {cid: positions[cid][1] for cid in (*RULE_TEXTS, *RULE_NUMBERS, "rationale", "self_points")
                        if cid in positions}
    return found


def _count(cells: Cells, column_id: str) -> Decimal | None:
    """A count cell: a number, or text with dots between thousands ("2.066" is 2066, as a rationale reads it; a
    count is whole, so the dot cannot be a decimal point)."""
    value = cells.record.get(column_id)
    if isinstance(value, str) and _GROUPED.fullmatch(clean_text(value)):
        return Decimal(clean_text(value).replace(".", ""))
    return cells.number(column_id)

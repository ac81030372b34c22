"""A campaign unit's criteria table as the online page uses it: the tree to show, the entries typed per criterion.

The tree comes from the unit's own workbook as the pipeline reads it (`normalise_criteria`, then the parents,
levels and children of `rolled_up_criteria`): each row with its code, title, maximum, "Cách chấm" and whether it
takes points (a leaf: a criterion without children, a sub-item, the bonus or the penalty row). Each row that takes
points has a key, the criterion of an entry: its code ("1.2.1"), a sub-item's parent code and number ("1.2-2"),
"thuong" / "tru" for the bonus and penalty rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from pipeline.base.errors import Problem
from pipeline.base.formatting import points as shown
from pipeline.read.sheet import Sheet
from pipeline.scoring.compute import CriteriaTotals, rolled_up_criteria
from pipeline.scoring.normalise import normalise_criteria
from pipeline.scoring.rules import RuleRefused, parsed_rule

BONUS_KEY, PENALTY_KEY = "thuong", "tru"
ENTRY_FIELDS = ("self_points", "justification", "appraised_points", "appraisal_comment")
_COLUMNS = {"self_points": "self_points", "justification": "rationale", "appraised_points": "appraised_points",
            "appraisal_comment": "appraisal_note"}  # an entry's field → the criteria table's column id


@dataclass(frozen=True)
class Criterion:
    """One row of the tree as the page shows it; `key` is `None` for a row whose points are rolled up."""

    key: str | None
    code: str | None
    title: str
    level: int
    max_points: Decimal | None
    rule: str  # the "Cách chấm" cell as typed ("" when none)
    rollup: str  # "sum", "choose" or "" (a leaf)
    role: str  # "criterion", "bonus", "penalty" or "total"
    row: int  # its row in the workbook
    option: bool = False  # one of a "choose one" criterion's options: left blank when not the one chosen


@dataclass(frozen=True)
class WorkbookEntry:
    """What a unit's workbook holds for one criterion: points and words of the unit and of the appraisal."""

    criterion: str
    self_points: Decimal | None = None
    justification: str = ""
    appraised_points: Decimal | None = None
    appraisal_comment: str = ""


def column_of(field: str) -> str:
    """The criteria table's column id an entry's field is written in."""
    return _COLUMNS[field]


def keyed_rows(sheets: list[Sheet]) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The rows of the first criteria table with their place in the tree and `key` (None: rolled up)."""
    rows, problems = normalise_criteria(sheets)
    rolled, _, _ = rolled_up_criteria(rows)
    items: dict[int, int] = {}
    coded = {int(r["row"]): r["code"] for r in rolled if r["code"] is not None}
    keyed = []
    for row in rolled:
        key = None
        if row["role"] == "bonus":
            key = BONUS_KEY
        elif row["role"] == "penalty":
            key = PENALTY_KEY
        elif row["role"] == "criterion" and not row["children"]:
            if row["code"] is not None:
                key = row["code"]
            elif row["parent"] is not None:
                items[row["parent"]] = items.get(row["parent"], 0) + 1
                key = f"{coded[row['parent']]}-{items[row['parent']]}"
        keyed.append({**row, "key": key})
    return keyed, problems


def criteria_tree(sheets: list[Sheet]) -> tuple[list[Criterion], list[Problem]]:
    """The tree of the unit's workbook, row by row, and what reading it found."""
    rows, problems = keyed_rows(sheets)
    tree = [Criterion(r["key"], r["code"], r["title"], r["level"] or 1, r["max_points"], r.get("rule") or "",
                      r["rollup"], r["role"], int(r["row"]), r["option"]) for r in rows if r["role"] != "total"]
    return tree, problems


def workbook_entries(sheets: list[Sheet]) -> dict[str, WorkbookEntry]:
    """The entries the unit's workbook holds, by criterion (every row that takes points, blank ones too)."""
    rows, _ = keyed_rows(sheets)
    return {r["key"]: WorkbookEntry(r["key"], r["self_points"], r["rationale"], r["appraised_points"],
                                    r["appraisal_note"]) for r in rows if r["key"] is not None}


def typed_totals(sheets: list[Sheet], entries: Mapping[str, WorkbookEntry], field: str = "self_points"
                 ) -> tuple[CriteriaTotals | None, list[Problem]]:
    """The totals of the tree with `entries`' points in place of the workbook's, as a run rolls them up."""
    rows, _ = keyed_rows(sheets)
    column = column_of(field)
    typed = [{**r, column: getattr(entries[r["key"]], field)} if r["key"] in entries else r for r in rows]
    _, totals, problems = rolled_up_criteria(typed, column)
    return totals, problems


@dataclass(frozen=True)
class PointsRefused:
    """Why typed points are refused: `why` is a key of the wording ("not_number", "above_max"…), `values` fill it."""

    why: str
    values: Mapping[str, str]


def typed_points(text: str, criterion: Criterion) -> Decimal | PointsRefused | None:
    """The points typed for `criterion` ("14,5" or "14.5"; blank: None), or why they are refused: not a number,
    negative, above the row's maximum, or not a figure its "Cách chấm" gives (bands and options)."""
    text = text.strip().replace(" ", "")
    if not text:
        return None
    try:
        value = Decimal(text.replace(",", ".")) if text.count(",") + text.count(".") <= 1 else None
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        return PointsRefused("not_number", {"value": text})
    if value < 0:
        return PointsRefused("negative", {"value": text})
    if criterion.max_points is not None and value > criterion.max_points:
        return PointsRefused("above_max", {"value": text, "max": shown(criterion.max_points)})
    allowed = _rule_points(criterion)
    if allowed is not None and value not in allowed:
        return PointsRefused("not_in_rule", {"value": text, "allowed": "; ".join(shown(p) for p in sorted(allowed))})
    return value


def _rule_points(criterion: Criterion) -> set[Decimal] | None:
    """The points a rule of bands or options gives (0 too: a rate in no band), None for none or a proportional."""
    if not criterion.rule:
        return None
    try:
        rule = parsed_rule(criterion.rule, criterion.max_points)
    except RuleRefused:
        return None
    return rule.fixed_points

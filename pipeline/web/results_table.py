"""The results page's tables: each group's units with every column the documents print, sorted and filtered.

Values come formatted by the documents' own functions (`score_text`, `period_text`), so the page shows
the numbers the decision prints. Sorting and filtering are asked for in the page's address
(`?sort=name&group=…&label=…&q=…`), so they work without JavaScript and can be bookmarked.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pipeline.base.messages_ties import tie_text
from pipeline.config.scheme import TIE_RULES
from pipeline.figures.component_columns import ComponentColumn, component_columns, component_texts
from pipeline.figures.numbers import score_text, score_words
from pipeline.figures.period_text import rank_change_text, score_change_text
from pipeline.scoring.cells import plain_text
from pipeline.scoring.result import JobResult
from pipeline.web.words import W

SORTS = {"rank": W.sort_rank, "name": W.sort_name, "score": W.sort_score,  # the orders a table is sorted in, in
         "score_up": W.sort_score_up, "change": W.sort_change}  # words; the first is the documents' order
NOT_EVALUATED = "-"  # the label filter's value for units not evaluated


@dataclass(frozen=True)
class Wanted:
    """What the page's address asks for: the order, and which units (all, when empty)."""

    sort: str = "rank"
    group: str = ""
    label: str = ""
    name: str = ""

    @classmethod
    def of(cls, query: Any) -> Wanted:
        sort = query.get("sort", "rank")
        return cls(sort if sort in SORTS else "rank", query.get("group", "").strip(), query.get("label", "").strip(),
                   query.get("q", "").strip()[:100])

    def filtered(self) -> bool:
        return bool(self.group or self.label or self.name)


def unit_row(unit: Mapping[str, Any], result: JobResult, columns: list[ComponentColumn] | None = None
             ) -> dict[str, Any]:
    """One unit as the page shows it: the decision's columns (its printed components as `columns` print them), with
    the previous period's when compared."""
    scheme, evaluated = result.settings.scheme, bool(unit["evaluated"])
    row = {"rank": unit["rank"] if evaluated else "", "unit": unit["unit"],
           "score": score_text(unit["score"], scheme) if evaluated else "",
           "label": unit["label"] or "" if evaluated else W.not_evaluated,
           "reason": "" if evaluated else unit.get("reason") or "", "evaluated": evaluated,
           "order": (unit["rank"] if evaluated and unit["rank"] is not None else 10**9, int(unit["position"] or 0)),
           "value": unit["score"] if evaluated else None, "change": None,
           "components": component_texts(unit, columns or [], scheme)}
    if result.changes is not None:
        change = result.changes.get((unit["group"], unit["unit"]))
        row.update(previous_score=score_text(change.previous_score, scheme)
                   if change is not None and change.previous_score is not None else "",
                   previous_rank=change.previous_rank if change is not None and change.previous_rank else "",
                   score_change=score_change_text(change, scheme), rank_change=rank_change_text(change),
                   previous_names=_previous_names(unit["unit"], change),
                   change=change.score_change if change is not None else None)
    return row


def _previous_names(unit: str, change: Any) -> str:
    """"sáp nhập từ A, B" for merged units, "kỳ trước: A" for a renamed one; "" for the same name."""
    if change is None or not change.previous_names:
        return ""
    if change.status == "merged":
        return W.merged_from.format(names=", ".join(change.previous_names))
    if [plain_text(n) for n in change.previous_names] != [plain_text(unit)]:
        return W.renamed_from.format(names=", ".join(change.previous_names))
    return ""


def _key(sort: str) -> Callable[[dict[str, Any]], Any]:
    last = Decimal("-Infinity")  # units without a score (not evaluated) after every other, whichever way
    return {
        "rank": lambda row: row["order"],
        "name": lambda row: (plain_text(row["unit"]), row["unit"]),
        "score": lambda row: (-(row["value"] if row["value"] is not None else last), row["order"]),
        "score_up": lambda row: (row["value"] is None, row["value"] or 0, row["order"]),
        "change": lambda row: (row["change"] is None, -(row["change"] or 0), row["order"]),
    }[sort]


def _kept(row: dict[str, Any], wanted: Wanted) -> bool:
    if (wanted.label == NOT_EVALUATED and row["evaluated"]) or (wanted.label not in ("", NOT_EVALUATED) \
            and (not row["evaluated"] or row["label"] != wanted.label)):
        return False
    if not wanted.name:
        return True
    if plain_text(wanted.name) == wanted.name.casefold():  # typed without diacritics: found with or without them
        return plain_text(wanted.name) in plain_text(row["unit"])
    return unicodedata.normalize("NFC", wanted.name).casefold() in row["unit"].casefold()


def result_groups(result: JobResult, wanted: Wanted) -> list[dict[str, Any]]:
    """Each group (all, or the one asked for) with its rows sorted and filtered, label counts and ties."""
    scheme = result.settings.scheme
    groups = []
    for group in result.settings.groups:
        if wanted.group and group.name != wanted.group:
            continue
        members = result.members(group.name)
        columns = _component_columns(members, result)
        everyone = [unit_row(unit, result, columns) for unit in members]
        rows = sorted((row for row in everyone if _kept(row, wanted)), key=_key(wanted.sort))
        groups.append({"name": group.name, "rows": rows, "total": len(everyone),
                       "components": [c.header for c in columns],
                       "counts": [c for c in result.counts if c["group"] == group.name],
                       "ties": [tie_text(t, score_words(t["score"], scheme)) for t in result.ties
                                if t["group"] == group.name]})
    return groups


def _component_columns(members: Sequence[Mapping[str, Any]], result: JobResult) -> list[ComponentColumn]:
    """The group's printed components as ket-qua.xlsx shows them: none for a self-assessment report (its points are
    the unit's own), the main one left out when the table gave only the index (it is the score)."""
    if result.criteria is not None:
        return []
    return component_columns(members, result.settings.scheme, others_only=bool(result.score_name))


def choices(result: JobResult) -> dict[str, Any]:
    """The filter form's choices: groups, labels (in the scheme's order), orders; and the tie rule in words."""
    labels = list(dict.fromkeys(c["label"] for c in result.counts))
    return {"groups": [g.name for g in result.settings.groups], "labels": labels, "not_evaluated": NOT_EVALUATED,
            "sorts": [(s, words) for s, words in SORTS.items() if s != "change" or result.changes is not None],
            "tie_rule": TIE_RULES.get(result.settings.scheme.tie_rule, "")}

"""Stage 2, compute: roll-up of a criteria tree, and each unit's score on the scheme's scale.

All arithmetic is exact `Decimal`; the score is rounded once, half-up, at the scheme's
precision (`rounding.round_half_up`), and the unrounded value is kept for ranking.
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pipeline.base.errors import Problem, Reason, problem
from pipeline.base.formatting import number
from pipeline.base.formatting import points as shown
from pipeline.base.messages import HINTS
from pipeline.base.rounding import round_half_up
from pipeline.config.components import DEFAULT_COMPONENTS, Component
from pipeline.config.scheme import Scheme
from pipeline.read.columns import CRITERIA_TABLE, REGISTER_TABLE, UNIT_TABLE
from pipeline.scoring.formula import component_values
from pipeline.scoring.unit import Unit

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_EXACT = decimal.Context(prec=50, rounding=decimal.ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class CriteriaTotals:
    """The report's totals: the tree's maximum and points, bonus and penalty, the total."""

    max_points: Decimal
    tree_points: Decimal
    bonus: Decimal
    bonus_max: Decimal | None
    penalty: Decimal
    penalty_max: Decimal | None
    has_bonus: bool
    has_penalty: bool
    min_field_ratio: Decimal | None

    @property
    def points(self) -> Decimal:
        return self.tree_points + self.bonus - self.penalty


def code_key(code: str) -> str:
    """`"II"` → `"2"`, `"1.2"` → `"1.2"`: Roman field codes compared with Arabic prefixes."""
    if code[0] in _ROMAN_VALUES:
        values = [_ROMAN_VALUES[c] for c in code]
        total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
        return str(total)
    return code


def rolled_up_criteria(criteria: list[dict[str, Any]], column: str = "self_points"
                       ) -> tuple[list[dict[str, Any]], CriteriaTotals | None, list[Problem]]:
    """Each criterion's points rolled up from its children, checked against declared values.

    Needs the rows of `normalise_criteria`; returns new rows with: parent (row of the parent
    criterion, `None` at the top), level (1 for a field), children (count), rollup ("sum",
    "choose" or "" for a leaf), option (True for a band of a "choose one" parent) and
    points. A parent whose maximum is neither the sum nor the largest of its children's is
    an error, and so is a declared total that differs from the computed one.

    `column` is the points rolled up: "self_points", or "appraised_points" for the appraisal's tree
    (a campaign), by the same rules and checks.
    """
    errors: list[Problem] = []
    items = [r for r in criteria if r["role"] == "criterion"]
    records = {int(r["row"]): r for r in items}
    parents, order = _parents(items, errors)
    children: dict[int | None, list[int]] = {}
    for row in order:
        children.setdefault(parents[row], []).append(row)
    levels: dict[int, int] = {}
    for row in order:
        parent = parents[row]
        levels[row] = 1 if parent is None else levels[parent] + 1
    computed: dict[int, dict[str, Any]] = {}
    for row in sorted(order, key=lambda r: -levels[r]):
        computed[row] = _roll_up(records[row], [records[c] | computed[c] for c in children.get(row, [])], errors,
                                 column)
    option_rows = {c for row, info in computed.items() if info["rollup"] == "choose" for c in children.get(row, [])}
    rows = []
    for r in criteria:
        row = int(r["row"])
        info = computed.get(row, {})
        rows.append({**r, "parent": parents.get(row), "level": levels.get(row, 0),
                     "children": len(children.get(row, [])), "rollup": info.get("rollup", ""),
                     "option": row in option_rows, "points": info.get("points"),
                     "max_points": info.get("max_points", r["max_points"])})
    totals = _totals(rows, [records[r] | computed[r] for r in children.get(None, [])], errors, column)
    return rows, totals, errors


def _parents(items: list[dict[str, Any]], errors: list[Problem]) -> tuple[dict[int, int | None], list[int]]:
    parents: dict[int, int | None] = {}
    by_key: dict[str, int] = {}
    items_key: dict[int, str] = {}
    last_coded: int | None = None
    order: list[int] = []
    for item in items:
        row, code = int(item["row"]), item["code"]
        where = {"file": item["file"], "sheet": item["sheet"], "row": row}
        if code is None:
            if last_coded is None:
                errors.append(problem(Reason.ORPHAN_ITEM, **where))
                continue
            parents[row] = last_coded
        else:
            key = code_key(code)
            if key in by_key:
                errors.append(problem(Reason.DUPLICATE_CODE, **where, column=CRITERIA_TABLE.column("code").header,
                                      value=code, first_row=by_key[key]))
                continue
            parent_key = key.rpartition(".")[0]
            if parent_key and parent_key not in by_key:
                errors.append(problem(Reason.ORPHAN_CODE, **where, column=CRITERIA_TABLE.column("code").header,
                                      value=code, parent=parent_key))
                continue
            previous = items_key.get(last_coded, "") if last_coded is not None else ""
            if parent_key and previous != parent_key and not previous.startswith(parent_key + "."):
                # "1.3" among field II's rows would be added to field I but printed under II
                errors.append(problem(Reason.CODE_OUT_OF_ORDER, **where, column=CRITERIA_TABLE.column("code").header,
                                      value=code, parent=parent_key, previous=previous))
                continue
            parents[row] = by_key[parent_key] if parent_key else None
            by_key[key] = row
            items_key[row] = key
            last_coded = row
        order.append(row)
    return parents, order


def _roll_up(item: dict[str, Any], kids: list[dict[str, Any]], errors: list[Problem],
             column: str = "self_points") -> dict[str, Any]:
    where = {"file": item["file"], "sheet": item["sheet"], "row": item["row"]}
    maximum, declared = item["max_points"], item[column]
    label = item["code"] or item["title"]
    invalid = bool(item.get("invalid")) or any(k["invalid"] for k in kids)
    if not kids:
        if maximum is None:
            errors.append(problem(Reason.MISSING_VALUE, **where, column=CRITERIA_TABLE.column("max_points").header))
        elif declared is not None and declared > maximum:
            errors.append(problem(Reason.ABOVE_MAXIMUM, **where, column=CRITERIA_TABLE.column(column).header,
                                  value=shown(declared), maximum=shown(maximum)))
            invalid = True
        return {"rollup": "", "points": declared or Decimal(0), "max_points": maximum, "invalid": invalid}
    maxima = [k["max_points"] for k in kids]
    rollup = item["rollup"]
    if None not in maxima:
        total, largest = sum(maxima, Decimal(0)), max(maxima)
        if maximum is None:
            maximum = total if rollup != "choose" else largest
        fits = {"sum": maximum == total, "choose": maximum == largest}
        if not rollup:
            rollup = "sum" if fits["sum"] else "choose" if fits["choose"] else ""
        if not rollup or not fits[rollup]:
            errors.append(problem(Reason.MAXIMUM_MISMATCH, **where, column=CRITERIA_TABLE.column("max_points").header,
                                  value=shown(maximum), code=label, sum=shown(total), largest=shown(largest)))
            rollup = rollup or "sum"
    rollup = rollup or "sum"
    scored = [k for k in kids if k[column] is not None]
    if not scored and declared is not None:
        points = declared
        if maximum is not None and declared > maximum:
            errors.append(problem(Reason.ABOVE_MAXIMUM, **where, column=CRITERIA_TABLE.column(column).header,
                                  value=shown(declared), maximum=shown(maximum)))
    elif rollup == "choose":
        if len(scored) > 1:
            errors.append(problem(Reason.TWO_OPTIONS_SCORED, **where, code=label,
                                  rows=", ".join(str(k["row"]) for k in scored)))
        if not scored and not invalid and not any(k["rollup"] for k in kids):
            errors.append(problem(Reason.NO_OPTION_SCORED, **where, column=CRITERIA_TABLE.column(column).header,
                                  code=label, rows=", ".join(str(k["row"]) for k in kids)))
            invalid = True
        points = scored[0]["points"] if scored else Decimal(0)
    else:
        for kid in kids:  # a blank leaf is not yet scored: counting it as 0 would publish a wrong total
            if not kid["rollup"] and kid[column] is None and kid["max_points"]:
                missing = Reason.MISSING_VALUE if column == "self_points" else Reason.APPRAISAL_MISSING
                errors.append(problem(missing, file=kid["file"], sheet=kid["sheet"], row=kid["row"],
                                      column=CRITERIA_TABLE.column(column).header,
                                      hint=HINTS.leaf_points))
                invalid = True
        points = sum((k["points"] for k in kids), Decimal(0))
    if scored and declared is not None and declared != points and not invalid:
        errors.append(problem(Reason.TOTAL_MISMATCH, **where, column=CRITERIA_TABLE.column(column).header,
                              value=shown(declared), computed=shown(points)))
    return {"rollup": rollup, "points": points, "max_points": maximum, "invalid": invalid}


def _totals(rows: list[dict[str, Any]], fields: list[dict[str, Any]], errors: list[Problem],
            column: str = "self_points") -> CriteriaTotals | None:
    if not fields:
        return None
    maximum = sum((f["max_points"] or Decimal(0) for f in fields), Decimal(0))
    tree_points = sum((f["points"] for f in fields), Decimal(0))
    extras = {}
    for role in ("bonus", "penalty"):
        part = [r for r in rows if r["role"] == role]
        extras[role] = sum((r[column] for r in part if r[column] is not None), Decimal(0))
        limits = [r["max_points"] for r in part if r["max_points"] is not None]
        extras[f"{role}_max"] = sum(limits, Decimal(0)) if limits else None
        for r in part:
            if r[column] is not None and r["max_points"] is not None and r[column] > r["max_points"]:
                errors.append(problem(Reason.ABOVE_MAXIMUM, file=r["file"], sheet=r["sheet"], row=r["row"],
                                      column=CRITERIA_TABLE.column(column).header,
                                      value=shown(r[column]), maximum=shown(r["max_points"])))
    ratios = [f["points"] / f["max_points"] for f in fields if f["max_points"]]
    totals = CriteriaTotals(
        max_points=maximum, tree_points=tree_points, bonus=extras["bonus"], bonus_max=extras["bonus_max"],
        penalty=extras["penalty"], penalty_max=extras["penalty_max"],
        has_bonus=any(r["role"] == "bonus" for r in rows), has_penalty=any(r["role"] == "penalty" for r in rows),
        min_field_ratio=min(ratios) if ratios else None,
    )
    if any(f["invalid"] for f in fields):
        return totals  # a refused cell below: the declared totals cannot be judged yet
    for r in (r for r in rows if r["role"] == "total"):
        where = {"file": r["file"], "sheet": r["sheet"], "row": r["row"]}
        if r["max_points"] is not None and r["max_points"] != totals.max_points:
            errors.append(problem(Reason.TOTAL_MISMATCH, **where, column=CRITERIA_TABLE.column("max_points").header,
                                  value=shown(r["max_points"]), computed=shown(totals.max_points)))
        if r[column] is not None and r[column] != totals.points:
            errors.append(problem(Reason.TOTAL_MISMATCH, **where, column=CRITERIA_TABLE.column(column).header,
                                  value=shown(r[column]), computed=shown(totals.points)))
    return totals


def report_unit_row(unit: str, group: str, totals: CriteriaTotals) -> dict[str, Any]:
    """The unit a criteria table assesses, as one row of the shape `unit_scores` reads."""
    return {
        "group": group, "unit": unit, "max_points": totals.max_points, "applicable_max": totals.max_points,
        "scale_max": totals.max_points,
        "appraised_points": totals.tree_points, "survey_points": None, "bonus": totals.bonus,
        "penalty": totals.penalty, "declared_score": None, "reason": "", "note": "",
        "min_field_ratio": totals.min_field_ratio, "file": None, "sheet": None, "row": None,
    }


def report_unit(unit: str, group: str, totals: CriteriaTotals) -> list[dict[str, Any]]:
    """The one unit of a self-assessment report, in the shape `unit_scores` reads."""
    return [report_unit_row(unit, group, totals)]


def unit_scores(units: Sequence[Mapping[str, Any]], scheme: Scheme, as_published: bool = False
                ) -> tuple[list[Unit], list[Problem]]:
    """Each unit's score: the scheme's components added as they enter, bonus and penalty.

    `points` = the sum of the components that enter as they are (the appraised and survey points); with an
    applicable maximum, and no converted component, `points × scale / applicable_max` (72,2 / 80 → 90,25), else the
    points themselves; plus each converted component (`value × maximum / applicable_max`) and each weighted one
    (`value × weight`), all unrounded; then `+ bonus − penalty`. `score` is `score_exact` rounded half-up once at
    the scheme's decimals. Units with a reason, or without points, are not evaluated.
    Adds: evaluated, points, scaled, score_exact, score. A declared total ("Kết quả đánh giá", named in a problem
    as its column is typed) that differs from `score` is an error; with `as_published` (`[checks] total`), one
    within the rounding of its parts (`published_rounding`) is the score, the computed one kept as
    computed_score.
    """
    errors: list[Problem] = []
    typed = [Unit.of(unit, scheme.components) for unit in units]
    return [unit.updated(**unit_result(unit, scheme, errors, as_published)) for unit in typed], errors


def published_rounding(unit: Mapping[str, Any], decimals: int, declared: tuple[Component, ...] = DEFAULT_COMPONENTS
                       ) -> Decimal:
    """How far a total published from unrounded parts may be from the sum of its printed parts: the number of
    parts (its components, bonus, penalty typed) × half a unit of the last printed decimal."""
    return _parts(unit, declared) * Decimal(5).scaleb(-decimals - 1)


def _parts(unit: Mapping[str, Any], declared: tuple[Component, ...] = DEFAULT_COMPONENTS) -> int:
    typed = [v for v in component_values(unit, declared).values() if v is not None]
    return len(typed) + sum(1 for c in ("bonus", "penalty") if unit.get(c) is not None)


def unit_result(unit: Unit, scheme: Scheme, errors: list[Problem], as_published: bool = False) -> dict[str, Any]:
    """One unit's evaluated, points, scaled, score_exact and score (see `unit_scores`)."""
    evaluated = not unit.reason and unit.appraised_points is not None
    result: dict[str, Any] = {"evaluated": evaluated, "points": None, "score_exact": None, "score": None}
    if evaluated:
        values = dict(unit.components)
        points, entering, converted = Decimal(0), Decimal(0), False  # (one pass over the components, in their order)
        for component in scheme.components:
            value = values.get(component.id)
            if value is None:
                continue
            if component.enters == "as-is":
                points += value
            else:
                entering += _entering(component, value, unit.scale_max)
            converted = converted or component.enters == "converted"
        scaled = points
        rescaled = bool(unit.scale_max) and not converted
        if rescaled:
            assert unit.scale_max is not None  # (`bool` above)
            scaled = _EXACT.divide(_EXACT.multiply(points, scheme.scale), unit.scale_max)
        elif points > scheme.scale and unit.survey_at:  # the register's survey points: fixed there
            file, sheet, row = unit.survey_at
            survey, appraised = unit.survey_points, unit.appraised_points
            assert survey is not None and appraised is not None  # (evaluated, with the register's survey points)
            errors.append(problem(Reason.SURVEY_ABOVE_SCALE, file=file, sheet=sheet, row=row,
                                  column=REGISTER_TABLE.column("survey_points").header,
                                  value=shown(survey), appraised=shown(appraised),
                                  points=shown(points), scale=shown(scheme.scale), unit=unit.unit))
        elif points > scheme.scale:
            errors.append(problem(Reason.ABOVE_SCALE, file=unit.file, sheet=unit.sheet, row=unit.row,
                                  column=unit.index or scheme.components[0].name, value=shown(points),
                                  scale=shown(scheme.scale)))
        exact = scaled + entering + (unit.bonus or Decimal(0)) - (unit.penalty or Decimal(0))
        score = round_half_up(exact, scheme.decimals)
        result.update(points=points, scaled=rescaled, score_exact=exact, score=score)
        declared = unit.declared_score
        if declared is None or declared == score:
            return result
        if as_published and abs(declared - exact) <= published_rounding(unit, scheme.decimals, scheme.components):
            result.update(score_exact=declared, score=declared, computed_score=score)
        else:
            errors.append(problem(Reason.TOTAL_MISMATCH, file=unit.file, sheet=unit.sheet, row=unit.row,
                                  column=unit.declared_column or UNIT_TABLE.column("declared_score").header,
                                  value=shown(declared), computed=shown(score)))
    return result


def kept_as_published(units: Sequence[Mapping[str, Any]], scheme: Scheme) -> list[Problem]:
    """A warning for each unit whose declared total was kept as published (`unit_scores`), with the difference; the
    totals and their difference at the published decimals ("87,00", not "87")."""
    def published(value: Decimal) -> str:
        return number(value, scheme.decimals, fixed=True)

    return [problem(Reason.TOTAL_KEPT_AS_PUBLISHED, file=u["file"], sheet=u["sheet"], row=u["row"],
                    column=u.get("declared_column"), value=published(u["score"]), unit=u["unit"],
                    computed=published(u["computed_score"]), difference=published(u["score"] - u["computed_score"]),
                    bound=shown(published_rounding(u, scheme.decimals, scheme.components)),
                    parts=_parts(u, scheme.components))
            for u in units if u.get("computed_score") is not None]


def _entering(component: Component, value: Decimal, applicable: Decimal | None) -> Decimal:
    """A component that does not enter as it is: converted (÷ the unit's applicable maximum × its maximum, as it is
    where the unit's table gives no applicable maximum) or weighted (× its weight); exact, never rounded."""
    if component.enters == "weighted":
        return _EXACT.multiply(value, component.weight)
    if applicable:
        assert component.maximum is not None  # a converted component declares its maximum (`config.components`)
        return _EXACT.divide(_EXACT.multiply(value, component.maximum), applicable)
    return value

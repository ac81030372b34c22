"""Numbers that check themselves: a criterion's scoring rule applied to its facts, and what its rationale states
checked against the counts and the points (docs/inputs.md mục 2.5).

Two steps around the roll-up (`compute.rolled_up_criteria`):

- `applied_rules` (before): each "Cách chấm" read (`rules`) or refused with where and why; the facts checked
  (whole counts, done ≤ total, a rate that agrees with its counts); with a rule and its facts the points are
  computed (`rule_points`) and fill an empty "Điểm tự chấm" cell (only when no row below the criterion is
  scored), and an empty rationale is drafted from the same facts. Problems here are errors.
- `criteria_findings` (after): what the rationale states (`stated`) against the counts, the typed points, and
  the rule. These are findings, not errors: the run goes on, prints them, lists them in the "Cần xem lại" sheet
  (and, with `[checks] comments = true`, as Word comments); `--strict` refuses the run instead.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pipeline.base.errors import Problem, Reason, problem
from pipeline.base.formatting import number
from pipeline.base.messages_checks import CHECK_WORDS, FACTS_WHY, RULE_WHY
from pipeline.base.rounding import round_half_up
from pipeline.scoring.rule_points import Facts, Scored, drafted_rationale, proportional, rate_agrees, rate_text, scored
from pipeline.scoring.rules import Rule, RuleRefused, one_line, parsed_rule
from pipeline.scoring.stated import Stated, stated_in

_FACT_COLUMNS = ("done_count", "total_count", "rate", "level")


def applied_rules(criteria: list[dict[str, Any]], decimals: int) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The rows with each rule parsed (`rule_parsed`), its facts (`facts`), the points it computes
    (`rule_scored`), an empty points cell filled and an empty rationale drafted; and every problem."""
    errors: list[Problem] = []
    rows = []
    for index, row in enumerate(criteria):
        if row["role"] != "criterion" or not (row.get("rule") or any(_given(row, c) for c in _FACT_COLUMNS)):
            rows.append(row)
            continue
        rule = _rule(row, errors)
        facts = _facts(row, rule, errors)
        row = {**row, "rule_parsed": rule, "facts": facts}
        result = scored(rule, facts, decimals) if rule is not None and facts is not None else None
        if result is not None:
            row["rule_scored"] = result
            if row["self_points"] is None and not _scored_below(criteria, index):
                row["self_points"] = result.points
            if not row["rationale"] and facts is not None:  # `result` is computed from facts: they are there
                row["rationale"] = drafted_rationale(facts, result)
                row["rationale_drafted"] = True  # the program's own sentence: nothing in it to check
        rows.append(row)
    return rows, errors


def _given(row: dict[str, Any], column: str) -> bool:
    return row.get(column) not in (None, "")


def _where(row: dict[str, Any], column: str | None = None) -> dict[str, Any]:
    place = {"file": row["file"], "sheet": row["sheet"], "row": row["row"]}
    if column is not None:
        place["column"] = row.get("headers", {}).get(column)
    return place


def _rule(row: dict[str, Any], errors: list[Problem]) -> Rule | None:
    if not row.get("rule"):
        present = ", ".join(f'"{row["headers"][c]}"' for c in _FACT_COLUMNS if _given(row, c))
        errors.append(problem(Reason.RULE_FACTS_INVALID, **_where(row, "rule"),
                              why=FACTS_WHY["facts_without_rule"].format(columns=present)))
        return None
    try:
        return parsed_rule(row["rule"], row["max_points"])
    except RuleRefused as refused:
        errors.append(problem(Reason.RULE_INVALID, **_where(row, "rule"), value=one_line(row["rule"]),
                              why=RULE_WHY[refused.why].format(**refused.values)))
        return None


def _facts(row: dict[str, Any], rule: Rule | None, errors: list[Problem]) -> Facts | None:
    """The row's facts, checked; `None` when it has none (or they are refused)."""
    done, total, rate, level = (row.get(c) for c in _FACT_COLUMNS)
    refused = len(errors)

    def refuse(column: str, why: str, **values: Any) -> None:
        errors.append(problem(Reason.RULE_FACTS_INVALID, **_where(row, column),
                              why=FACTS_WHY[why].format(**values)))

    for column, value in (("done_count", done), ("total_count", total)):
        if value is not None and value != value.to_integral_value():
            refuse(column, "not_whole", value=number(value))
    if (done is None) != (total is None):
        present, missing = ("done_count", "total_count") if done is not None else ("total_count", "done_count")
        refuse(present, "half_counts", present=row["headers"][present],
               missing=row["headers"].get(missing, _HEADERS[missing]))
    if done is not None and total is not None and len(errors) == refused:
        if total == 0:
            refuse("total_count", "zero_total")
        elif done > total:
            refuse("done_count", "done_above_total", done=number(done), total=number(total))
    if rate is not None and rate > 100:
        refuse("rate", "rate_above_100", value=number(rate))
    if rate is not None and 0 < rate < 1 and not row.get("rate_as_percent"):  # 0,986: 98,6 % or under 1 %?
        refuse("rate", "rate_fraction", value=number(rate), percent=number(rate * 100))
    if len(errors) > refused:
        return None
    facts = None
    noun = row.get("count_unit", "")
    if done is not None and total is not None:
        facts = Facts.of_counts(int(done), int(total), noun)
        assert facts.rate is not None  # computed from the counts
        if rate is not None and not rate_agrees(rate, _places(rate), facts.rate):
            refuse("rate", "rate_and_counts", value=number(rate), done=int(done), total=int(total),
                   exact=number(round_half_up(facts.rate, 2)))
            return None
    elif rate is not None:
        facts = Facts(rate=rate, noun=noun)
    if level:
        facts = Facts(level=level) if facts is None else facts
    if rule is None or facts is None:
        return facts
    options = ", ".join(f'"{name}"' for name, _ in rule.options)
    if rule.takes_level and not facts.level:
        refuse("level" if "level" in row["headers"] else "rule", "needs_level", rule=rule.text, options=options)
        return None
    if rule.takes_level and rule.option(facts.level) is None:
        refuse("level", "unknown_level", value=facts.level, rule=rule.text, options=options)
        return None
    if not rule.takes_level and facts.rate is None:
        refuse("level", "needs_rate", rule=rule.text)
        return None
    return facts


_HEADERS = {"done_count": "Số hoàn thành", "total_count": "Tổng số"}


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _scored_below(criteria: list[dict[str, Any]], index: int) -> bool:
    """Whether a row under the criterion at `index` (its items, its sub-criteria) has points typed."""
    code = criteria[index]["code"]
    if code is None:  # an item: nothing under it
        return False
    for row in criteria[index + 1:]:
        if row["role"] != "criterion" or (row["code"] is not None and not row["code"].startswith(code + ".")):
            return False
        if row["self_points"] is not None:
            return True
    return False


def criteria_findings(criteria: list[dict[str, Any]], decimals: int) -> list[Problem]:
    """What each criterion's rationale states, checked against its counts, its points and its rule."""
    found: list[Problem] = []
    for row in criteria:
        if row["role"] != "criterion" or row.get("invalid") or not (row["rationale"] or row.get("rule_parsed")):
            continue
        row = {**row, "code": row["code"] or row["title"]}  # an item without a code is named by its title
        facts = row.get("facts")
        total = facts.total if facts is not None and facts.total is not None else None
        stated = stated_in("" if row.get("rationale_drafted") else row["rationale"], total)
        typed = row["points"]
        implied_shown = None
        rule_result = _rule_result(row, stated, decimals)
        for rate in stated.rates:
            if rate.done is None or rate.total is None or rate.total == 0 or rate.done > rate.total:
                continue
            exact = Facts.of_counts(rate.done, rate.total, rate.noun)
            assert exact.rate is not None  # computed from the counts
            if rate_agrees(rate.value, rate.decimals, exact.rate):
                continue
            implied = _implied(row, rate, exact, rule_result, criteria, decimals)
            noun = f" {rate.noun}" if rate.noun else ""
            details = {"code": row["code"],
                       "stated": CHECK_WORDS.stated_rate.format(done=rate.done, total=rate.total, noun=noun,
                                                                rate=rate.text),
                       "expected": CHECK_WORDS.exact_rate.format(done=rate.done, total=rate.total,
                                                                 exact=rate_text(exact.rate)),
                       "implied": "", "implied_points": "", "typed": number(typed) if typed is not None else ""}
            if implied is not None:
                computation, how = implied
                implied_shown = computation.points
                details |= {"implied_points": computation.computation,
                            "implied": CHECK_WORDS.implied.format(computation=computation.computation,
                                                                  typed=number(typed), how=how)}
            found.append(problem(Reason.STATED_RATE_MISMATCH, **_where(row, "rationale"), **details))
        found += _counts_finding(row, stated)
        if stated.points is not None and typed is not None and stated.points != typed:
            found.append(problem(Reason.STATED_POINTS_MISMATCH, **_where(row, "rationale"), code=row["code"],
                                 stated=stated.points_text, expected=f"{number(typed)} điểm",
                                 implied_points="", typed=number(typed)))
        if rule_result is not None and typed is not None and rule_result[1].points != typed \
                and rule_result[1].points != implied_shown:
            facts_used, result = rule_result
            found.append(problem(Reason.RULE_POINTS_MISMATCH, **_where(row, "self_points"), code=row["code"],
                                 rule=one_line(row["rule"]), stated=f"{number(typed)} điểm",
                                 expected=f"{facts_used.text()}: {result.computation}",
                                 implied_points=result.computation, typed=number(typed)))
    return found


def _counts_finding(row: dict[str, Any], stated: Stated) -> list[Problem]:
    """The counts the rationale states against the counts typed in the fact columns: a finding when none of its
    fractions (nor counts with a rate) is the typed one; the complement ("3/87 quá hạn" beside 84/87) is no other."""
    facts: Facts | None = row.get("facts")
    if facts is None or facts.done is None or facts.total is None:
        return []
    said = [(d, t, n) for d, t, n in stated.fractions]
    said += [(r.done, r.total, r.noun) for r in stated.rates if r.done is not None and r.total is not None]
    said = [s for s in said if (s[0], s[1]) != (facts.total - facts.done, facts.total)]
    if not said or any((d, t) == (facts.done, facts.total) for d, t, _ in said):
        return []
    done, total, noun = said[0]
    headers = row["headers"]
    expected = CHECK_WORDS.fact_counts.format(done_header=headers["done_count"],
                                              total_header=headers["total_count"], done=facts.done,
                                              total=facts.total)
    return [problem(Reason.STATED_COUNTS_MISMATCH, **_where(row, "rationale"), code=row["code"],
                    stated=f"{done}/{total}{' ' + noun if noun else ''}", expected=expected, implied_points="",
                    typed=number(row["points"]) if row["points"] is not None else "")]


def _rule_result(row: dict[str, Any], stated: Stated, decimals: int) -> tuple[Facts, Scored] | None:
    """The rule applied to the row's facts, or else to the facts its rationale states (the first fraction, or
    the first rate with its counts, or its only rate)."""
    rule: Rule | None = row.get("rule_parsed")
    if rule is None:
        return None
    facts = row.get("facts") or _stated_facts(stated)
    if facts is None:
        return None
    result = scored(rule, facts, decimals)
    return (facts, result) if result is not None else None


def _stated_facts(stated: Stated) -> Facts | None:
    for done, total, noun in stated.fractions:
        if total > 0 and done <= total:
            return Facts.of_counts(done, total, noun)
    for rate in stated.rates:
        if rate.done is not None and rate.total and rate.done <= rate.total:
            return Facts.of_counts(rate.done, rate.total, rate.noun)
    if len(stated.rates) == 1:
        return Facts(rate=stated.rates[0].value)
    return None


def _implied(row: dict[str, Any], rate: Any, exact: Facts, rule_result: tuple[Facts, Scored] | None,
             criteria: list[dict[str, Any]], decimals: int) -> tuple[Scored, str] | None:
    """The points the right rate gives: by the criterion's rule when it scores these counts; without a rule,
    when the typed points are the stated rate × a maximum of the criterion or of one of its options (2,868 =
    95,6% × 3), the right rate × that maximum. `None` when neither applies."""
    typed = row["points"]
    if rule_result is not None:
        facts, _ = rule_result
        if (facts.done, facts.total) == (exact.done, exact.total):
            rule: Rule = row["rule_parsed"]
            result = scored(rule, exact, decimals)
            return (result, "") if result is not None else None
        return None
    if typed is None or row.get("rule_parsed") is not None:
        return None
    places = _places(typed)
    maxima = [row["max_points"], *(r["max_points"] for r in criteria if r.get("parent") == row["row"])]
    for maximum in dict.fromkeys(m for m in maxima if m):
        if proportional(Facts(rate=rate.value), maximum, places).points == typed:
            how = CHECK_WORDS.typed_from.format(stated=rate.text, multiplier=number(maximum))
            return proportional(exact, maximum, max(places, decimals)), how
    return None

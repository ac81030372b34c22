"""One formula per group: the components a group's result adds are the group's, never chosen unit by unit.

A component a unit may have or lack (survey points, `OPTIONAL_COMPONENTS`) changes the formula: with it, the
points are the appraised points plus the component; without it, the appraised points alone. Within a group,
the units that are evaluated (no reason given) must agree; the group's formula is what most of them have, and
each unit that differs is refused, its cell named (or, in a tie, every unit of the group is refused: the
formula cannot be told). Bonus and penalty are not such components: a blank one is 0 by the scheme's rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pipeline.base.errors import Problem, Reason, problem
from pipeline.base.formatting import points as shown
from pipeline.base.messages_formula import component_name, formula_text
from pipeline.scoring.register import Registered

OPTIONAL_COMPONENTS = ("survey_points",)
_ADDED = ("bonus", "penalty")


@dataclass(frozen=True, slots=True)
class Member:
    """What the check needs of one unit: its group, name, components typed, reason, and where each cell is."""

    group: str
    unit: str
    components: frozenset[str]
    reason: str
    place: dict[str, Any]  # file, sheet, row of the unit's row holding its components
    columns: dict[str, str] = field(default_factory=dict)  # component → its header as typed (else the usual one)
    values: dict[str, Any] = field(default_factory=dict)  # component → its value, to quote


@dataclass(frozen=True, slots=True)
class GroupFormula:
    """A group's formula: the components its points add, whether they are put on the scheme's scale."""

    group: str
    components: tuple[str, ...]
    scaled: bool

    def words(self, scale: Any) -> str:
        return formula_text(self.components, self.scaled, shown(scale))


def formula_problems(members: Iterable[Member], scale: Any,
                     scaled: Callable[[str, tuple[str, ...]], bool]) -> list[Problem]:
    """Every evaluated unit whose components differ from its group's (see the module); `scaled(group, components)`
    says whether a group's points with those components are put on the scale (for the formula's words)."""
    groups: dict[str, list[Member]] = {}
    for member in members:
        if not member.reason and member.group is not None:
            groups.setdefault(member.group, []).append(member)
    errors: list[Problem] = []
    for group, units in groups.items():
        for component in OPTIONAL_COMPONENTS:
            having = [m for m in units if component in m.components]
            lacking = [m for m in units if component not in m.components]
            if not having or not lacking:
                continue
            uses = len(having) > len(lacking)
            others = tuple(c for c in OPTIONAL_COMPONENTS if c != component and any(c in m.components for m in units))
            parts = ("appraised_points", *((component,) if uses else ()), *others)
            words = formula_text(parts, scaled(group, parts), shown(scale))
            if len(having) == len(lacking):
                errors += [_refused(Reason.FORMULA_UNDECIDED, m, component, group, words, len(having), len(units))
                           for m in units]
            elif uses:
                errors += [_refused(Reason.COMPONENT_MISSING, m, component, group, words, len(having), len(units))
                           for m in lacking]
            else:
                errors += [_refused(Reason.COMPONENT_UNUSED, m, component, group, words, len(lacking), len(units))
                           for m in having]
    return errors


def _refused(reason: Reason, member: Member, component: str, group: str, words: str, agreeing: int,
             total: int) -> Problem:
    value = member.values.get(component)
    return problem(reason, **member.place, column=member.columns.get(component) or component_name(component),
                   value=shown(value) if value is not None else None, unit=member.unit, group=group, formula=words,
                   agreeing=agreeing, total=total, component=component_name(component))


def group_formulas(units: list[dict[str, Any]], group_order: list[str]) -> list[GroupFormula]:
    """Each group's formula as its evaluated units were computed (one per group once `formula_problems` passed):
    the appraised points, each optional component a unit has, bonus and penalty where typed; scaled where a
    unit's points were put on the scale by its maximum."""
    formulas = []
    for group in group_order:
        members = [u for u in units if u["group"] == group and u.get("evaluated")]
        used = [c for c in (*OPTIONAL_COMPONENTS, *_ADDED) if any(u.get(c) is not None for u in members)]
        formulas.append(GroupFormula(group, ("appraised_points", *used), any(u.get("scale_max") for u in members)))
    return formulas


def campaign_members(rows: list[dict[str, Any]], entries: dict[str, Registered]) -> list[Member]:
    """A campaign's units as the check reads them: components from the register, placed at its rows."""
    members = []
    for row in rows:
        entry = entries.get(row["unit"])
        if entry is None:
            continue
        has = frozenset(c for c in OPTIONAL_COMPONENTS if getattr(entry, c) is not None)
        members.append(Member(entry.group, entry.unit, has, row["reason"],
                              {"file": entry.file, "sheet": entry.sheet, "row": entry.row},
                              {"survey_points": entry.survey_column}, {"survey_points": entry.survey_points}))
    return members

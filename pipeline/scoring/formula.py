"""One formula per group: the components a group's result adds are the group's, never chosen unit by unit.

Each component of the scheme after its main (first) one (`config.components`) may be in a group's formula or not.
A group that names its components (`[[groups]] components`) uses those: a unit without one of them, or with another,
is refused, its cell named. Otherwise the units that are evaluated (no reason given) must agree; the group's formula
is what most of them have, and each unit that differs is refused (or, in a tie, every unit of the group is refused:
the formula cannot be told). Bonus and penalty are not such components: a blank one is 0 by the scheme's rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.base.errors import Problem, Reason, problem
from pipeline.base.formatting import points as shown
from pipeline.base.messages_formula import ENTERING, formula_text
from pipeline.config.components import DEFAULT_COMPONENTS, Component
from pipeline.scoring.register import Registered
from pipeline.scoring.unit import Unit

_ADDED = ("bonus", "penalty")


@dataclass(frozen=True, slots=True)
class Member:
    """What the check needs of one unit: its group, name, components typed, reason, and where each cell is."""

    group: str | None  # None: a unit whose group is not one of the job's (refused elsewhere)
    unit: str
    components: frozenset[str]
    reason: str
    place: dict[str, Any]  # file, sheet, row of the unit's row holding its components
    columns: dict[str, str] = field(default_factory=dict)  # component → its header as typed (else its name)
    values: dict[str, Any] = field(default_factory=dict)  # component → its value, to quote


@dataclass(frozen=True, slots=True)
class GroupFormula:
    """A group's formula: the components its points add, whether they are put on the scheme's scale."""

    group: str
    components: tuple[str, ...]  # component ids, then "bonus", "penalty" where typed
    scaled: bool
    declared: tuple[Component, ...] = DEFAULT_COMPONENTS

    def words(self, scale: Any) -> str:
        return words_of(self.components, self.scaled, scale, self.declared)


def words_of(parts: tuple[str, ...], scaled: bool, scale: Any, declared: tuple[Component, ...]) -> str:
    """A formula in words, its components named as declared, each entering as declared."""
    known = {c.id: c for c in declared}
    entering = {c: _entering(known[c]) for c in parts if c in known and known[c].enters != "as-is"}
    return formula_text(parts, scaled, shown(scale), {c.id: c.words for c in declared}, entering)


def _entering(component: Component) -> str:
    """How a component that does not enter as it is enters, in words: converted to its maximum, or weighted."""
    maximum = shown(component.maximum) if component.maximum is not None else ""  # only a converted one has to have it
    return ENTERING[component.enters].format(words=component.words, maximum=maximum, weight=shown(component.weight))


def formula_problems(members: Iterable[Member], scale: Any, scaled: Callable[[str, tuple[str, ...]], bool],
                     declared: tuple[Component, ...] = DEFAULT_COMPONENTS,
                     chosen: dict[str, tuple[str, ...] | None] | None = None) -> list[Problem]:
    """Every evaluated unit whose components differ from its group's (see the module); `scaled(group, components)`
    says whether a group's points with those components are put on the scale (for the formula's words); `chosen`
    the components a group names (`Group.components`, `None` where it names none)."""
    groups: dict[str, list[Member]] = {}
    for member in members:
        if not member.reason and member.group is not None:
            groups.setdefault(member.group, []).append(member)
    main, optional = declared[0].id, [c.id for c in declared[1:]]
    errors: list[Problem] = []
    for group, units in groups.items():
        named = (chosen or {}).get(group)
        for component in optional:
            having = [m for m in units if component in m.components]
            lacking = [m for m in units if component not in m.components]
            if named is not None:
                parts = named
                words = words_of(parts, scaled(group, parts), scale, declared)
                if component in named:
                    errors += [_refused(Reason.COMPONENT_MISSING, m, component, group, words, len(having),
                                        len(units), declared) for m in lacking]
                else:
                    errors += [_refused(Reason.COMPONENT_UNUSED, m, component, group, words, len(lacking),
                                        len(units), declared) for m in having]
                continue
            if not having or not lacking:
                continue
            uses = len(having) > len(lacking)
            parts = (main, *(c for c in optional  # in the scheme's order
                             if (c == component and uses)
                             or (c != component and any(c in m.components for m in units))))
            words = words_of(parts, scaled(group, parts), scale, declared)
            if len(having) == len(lacking):
                errors += [_refused(Reason.FORMULA_UNDECIDED, m, component, group, words, len(having), len(units),
                                    declared) for m in units]
            elif uses:
                errors += [_refused(Reason.COMPONENT_MISSING, m, component, group, words, len(having), len(units),
                                    declared) for m in lacking]
            else:
                errors += [_refused(Reason.COMPONENT_UNUSED, m, component, group, words, len(lacking), len(units),
                                    declared) for m in having]
    return errors


def _refused(reason: Reason, member: Member, component: str, group: str, words: str, agreeing: int,
             total: int, declared: tuple[Component, ...]) -> Problem:
    value = member.values.get(component)
    record = next(c for c in declared if c.id == component)
    return problem(reason, **member.place, column=member.columns.get(component) or record.name,
                   value=shown(value) if value is not None else None, unit=member.unit, group=group, formula=words,
                   agreeing=agreeing, total=total, component=record.words)


def group_formulas(units: Sequence[Mapping[str, Any]], group_order: list[str],
                   declared: tuple[Component, ...] = DEFAULT_COMPONENTS) -> list[GroupFormula]:
    """Each group's formula as its evaluated units were computed (one per group once `formula_problems` passed):
    the main component, each other component a unit has, bonus and penalty where typed; scaled where a unit's
    points were put on the scale by its maximum."""
    formulas = []
    for group in group_order:
        members = [u for u in units if u["group"] == group and u.get("evaluated")]
        used = [c.id for c in declared[1:] if any(component_values(u, declared).get(c.id) is not None
                                                   for u in members)]
        used += [c for c in _ADDED if any(u.get(c) is not None for u in members)]
        formulas.append(GroupFormula(group, (declared[0].id, *used), any(u.get("scaled") for u in members),
                                     declared))
    return formulas


def component_values(unit: Mapping[str, Any], declared: tuple[Component, ...]) -> dict[str, Any]:
    """A unit's components by id: as read from its table, or (a report's, a campaign's unit) its appraised points
    as the main one and its survey points as the second."""
    if isinstance(unit, Unit):  # (as `unit["components"]`, without the look-up by name)
        return dict(unit.components)
    if "components" in unit:
        components: dict[str, Any] = unit["components"]
        return components
    values = {declared[0].id: unit.get("appraised_points")}
    if len(declared) > 1:
        values[declared[1].id] = unit.get("survey_points")
    return values


def campaign_members(rows: Sequence[Mapping[str, Any]], entries: dict[str, Registered],
                     declared: tuple[Component, ...] = DEFAULT_COMPONENTS) -> list[Member]:
    """A campaign's units as the check reads them: the register's survey points as the scheme's second component,
    placed at its rows."""
    members = []
    survey = declared[1].id if len(declared) > 1 else ""
    for row in rows:
        entry = entries.get(row["unit"])
        if entry is None or not survey:
            continue
        has = frozenset({survey} if entry.survey_points is not None else ())
        members.append(Member(entry.group, entry.unit, has, row["reason"],
                              {"file": entry.file, "sheet": entry.sheet, "row": entry.row},
                              {survey: entry.survey_column}, {survey: entry.survey_points}))
    return members

"""The printed components of a group's result as columns: which a table shows, each value's text and decimals."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pipeline.base import formatting
from pipeline.base.rounding import round_half_up
from pipeline.config.scheme import Scheme
from pipeline.figures.numbers import column_places
from pipeline.read.columns import UNIT_TABLE, header_key
from pipeline.scoring.formula import component_values


@dataclass(frozen=True, slots=True)
class ComponentColumn:
    """A component printed as a column of one group's table: its id, header (the declared name), the decimals every
    value prints with, and whether it is the main component (the appraised points)."""

    id: str
    header: str
    places: int
    main: bool
    fixed: bool = False  # the component declares its decimals: values are printed rounded to them

    def text(self, value: object) -> str:
        """A value at the column's decimals ("" when missing)."""
        if not isinstance(value, Decimal):
            return ""
        return formatting.number(round_half_up(value, self.places) if self.fixed else value, self.places, True)

    def value(self, value: Any) -> Any:
        """The value a workbook cell holds: rounded to declared decimals, else as typed."""
        return round_half_up(value, self.places) if self.fixed and isinstance(value, Decimal) else value


def component_columns(members: Iterable[Mapping[str, Any]], scheme: Scheme, others_only: bool = False
                      ) -> list[ComponentColumn]:
    """The printed components of a group's units, in the scheme's order: the main one always (unless `others_only`),
    another where a unit of the group has it. Decimals: the component's own, else as its input column
    (`column_places`: the most typed, at least the scheme's when fixed)."""
    members = list(members)
    columns = []
    for position, component in enumerate(scheme.components):
        if not component.printed or (others_only and position == 0):
            continue
        values = [component_values(unit, scheme.components).get(component.id) for unit in members]
        if position and all(v is None for v in values):
            continue
        fixed = component.decimals is not None
        places = component.decimals if component.decimals is not None else column_places(values, scheme)
        columns.append(ComponentColumn(component.id, component.name, places, position == 0, fixed))
    return columns


def declared_decimals(scheme: Scheme) -> dict[str, ComponentColumn]:
    """The printed components that declare their decimals, by id (every group prints them the same)."""
    return {c.id: ComponentColumn(c.id, c.name, c.decimals, i == 0, True)
            for i, c in enumerate(scheme.components) if c.printed and c.decimals is not None}


def component_texts(unit: Mapping[str, Any], columns: list[ComponentColumn], scheme: Scheme) -> tuple[str, ...]:
    """A unit's value of each column, as the column prints it."""
    if not columns:  # as in most tables: the fixed columns print the components
        return ()
    values = component_values(unit, scheme.components)
    return tuple(column.text(values.get(column.id)) for column in columns)


def survey_slot(scheme: Scheme) -> bool:
    """Whether the shipped templates' fixed survey column ("Điểm điều tra xã hội học", `u.survey_points`) shows the
    scheme's second component: it prints two components, the second named as that column is. Any other declaration
    prints its components through `u.components` under `appendix.component_headers`, never under a wrong header."""
    printed = [c for c in scheme.components if c.printed]
    survey_headers = UNIT_TABLE.column("survey_points").keys()  # the headers that column is known by
    return len(printed) == 2 and printed[1] is scheme.components[1] and header_key(printed[1].name) in survey_headers


def own_columns(members: Iterable[Mapping[str, Any]], scheme: Scheme) -> tuple[ComponentColumn, ...]:
    """The columns a group's table gives its components, main first, when the templates' fixed columns cannot show
    them (more than the main one, and not the survey column's two); else none (the fixed columns do)."""
    if survey_slot(scheme):  # (known before the columns are looked for)
        return ()
    columns = tuple(component_columns(members, scheme))
    return columns if len(columns) > 1 else ()

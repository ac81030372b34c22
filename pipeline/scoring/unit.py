"""A unit as it flows through normalise → compute → rank → classify: one frozen record, each stage a new copy.

A stage adds what it computes with `Unit.updated`, a faster `dataclasses.replace` (compute: evaluated, points, score;
rank: rank and position; classify: label; a job's result ranks and classifies in one copy), never a key to a shared
dictionary. The record also reads as a mapping (`unit["score"]`, `unit.get("rank")`, a component by its id), so the
documents, workbooks and pages read it as they read any row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import MISSING, dataclass, fields
from decimal import Decimal
from operator import attrgetter
from typing import Any, Literal, overload

from pipeline.config.components import DEFAULT_COMPONENTS, Component


@dataclass(frozen=True, slots=True)
class Unit(Mapping[str, Any]):
    """One unit's row: what its table (or report, or register) gives, then what each stage computes.

    `components` holds the scheme's components by id, in the scheme's order, as (id, value) pairs; the main one is
    also `appraised_points` and the second `survey_points` (the columns of the shipped templates)."""

    group: str | None = None
    unit: str = ""
    components: tuple[tuple[str, Decimal | None], ...] = ()
    appraised_points: Decimal | None = None
    survey_points: Decimal | None = None
    max_points: Decimal | None = None
    applicable_max: Decimal | None = None
    scale_max: Decimal | None = None  # what the as-is sum is put on the scale by (the applicable maximum)
    bonus: Decimal | None = None
    penalty: Decimal | None = None
    declared_score: Decimal | None = None  # "Kết quả đánh giá" as typed, checked against the score
    reason: str = ""
    note: str = ""
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    declared_column: str | None = None  # the declared total's header as typed
    index: str = ""  # the index's name when the table gives only the index
    self_points: Decimal | None = None  # a campaign: the unit's self-assessed total
    min_field_ratio: Decimal | None = None  # a report: the lowest field's share of its maximum
    survey_at: tuple[str, str | None, int] | None = None  # a campaign: where the register gives its survey points
    group_at: str | None = None  # a campaign: where the register names its group
    # compute
    evaluated: bool = False
    points: Decimal | None = None
    scaled: bool = False
    score_exact: Decimal | None = None
    score: Decimal | None = None
    computed_score: Decimal | None = None  # a total kept as published: the score computed from its parts
    # rank, classify
    rank: int | None = None
    position: int | None = None
    label: str | None = None

    # A field read by its name has the field's type; a key named at run time (a component's id, a column chosen by
    # the caller) can be any field or component, so it reads as `Any`.
    @overload
    def __getitem__(self, key: Literal["unit", "reason", "note", "index"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["group", "file", "sheet", "declared_column", "group_at", "label"]
                    ) -> str | None: ...
    @overload
    def __getitem__(self, key: Literal["appraised_points", "survey_points", "max_points", "applicable_max", "scale_max",
                                       "bonus", "penalty", "declared_score", "self_points", "min_field_ratio",
                                       "points", "score_exact", "score", "computed_score"]) -> Decimal | None: ...
    @overload
    def __getitem__(self, key: Literal["row", "rank", "position"]) -> int | None: ...
    @overload
    def __getitem__(self, key: Literal["evaluated", "scaled"]) -> bool: ...
    @overload
    def __getitem__(self, key: Literal["components"]) -> dict[str, Decimal | None]: ...
    @overload
    def __getitem__(self, key: Literal["survey_at"]) -> tuple[str, str | None, int] | None: ...
    @overload
    def __getitem__(self, key: str) -> Any: ...

    def __getitem__(self, key: str) -> Any:
        if key in _NAMES:
            value = getattr(self, key)
            return dict(value) if key == "components" else value
        for component, value in self.components:
            if component == key:
                return value
        raise KeyError(key)

    def get(self, key: str, default: Any = None) -> Any:
        """`Mapping.get`, without raising and catching a `KeyError` for each name a unit lacks."""
        if key in _NAMES:
            return self[key]
        for component, value in self.components:
            if component == key:
                return value
        return default

    def __contains__(self, key: object) -> bool:
        return key in _NAMES or any(component == key for component, _ in self.components)

    def updated(self, **changes: Any) -> Unit:
        """`dataclasses.replace(self, **changes)`, without its field-by-field look-ups by name: each stage copies every
        unit (the slots are written as `Unit.__init__` writes them, below the class)."""
        if not _NAMES.issuperset(changes):
            raise TypeError(f"Unit has no field {sorted(changes.keys() - _NAMES)[0]!r}")
        made = _unit_of_values(_VALUES(self))
        for name, value in changes.items():
            _WRITE[name](made, value)
        return made

    def as_dict(self) -> dict[str, Any]:
        """`dict(self)`: every field by name (components as a new mapping), without a lookup by name for each."""
        values = dict(zip(_FIELDS, _VALUES(self), strict=True))
        values["components"] = dict(self.components)
        return values

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its values in field order, and unpickled by setting its slots: a decision's units travel to
        the process writing the results workbook, and a frozen record's own way sets each field through
        `object.__setattr__` after listing its fields anew for every unit."""
        return _unit_of_values, (_VALUES(self),)

    def __iter__(self) -> Iterator[str]:
        return iter(_FIELDS)

    def __len__(self) -> int:
        return len(_FIELDS)

    @classmethod
    def of(cls, row: Mapping[str, Any], declared: tuple[Component, ...] = DEFAULT_COMPONENTS) -> Unit:
        """A unit from a row read elsewhere (a report's, a campaign's): its appraised points as the main component,
        its survey points as the second, where the row does not give its components."""
        if isinstance(row, Unit):
            return row
        components = row.get("components")
        if components is None:
            components = {declared[0].id: row.get("appraised_points")}
            if len(declared) > 1:
                components[declared[1].id] = row.get("survey_points")
        return cls(**{key: value for key, value in row.items() if key in _FIELDS and key != "components"},
                   components=tuple(components.items()))


_FIELDS = tuple(f.name for f in fields(Unit))
_NAMES = frozenset(_FIELDS)  # membership in a set, not a scan of the forty names: units are read by name a lot
# Each field's slot, written directly (`Unit.updated`): a slot's descriptor sets a frozen field.
_SLOTS = tuple(getattr(Unit, name).__set__ for name in _FIELDS)
_WRITE = dict(zip(_FIELDS, _SLOTS, strict=True))
_VALUES = attrgetter(*_FIELDS)


# A unit is made and copied thousands of times (every row, then each stage). Two functions do it as `dataclasses`
# writes an `__init__`, one line per field, but each line writes the field's slot through its descriptor: a frozen
# record's own `__init__` goes through `object.__setattr__`, which looks each name up (twice the time), and a loop over
# the forty slots takes half as long again.
def _slot_writes(target: str, values: list[str]) -> str:
    return "".join(f"    write_{i}({target}, {value})\n" for i, value in enumerate(values))


def _compiled(source: str, name: str) -> Callable[..., Any]:
    scope: dict[str, Any] = {"__name__": __name__, "new": object.__new__, "Unit": Unit,
                             **{f"write_{i}": write for i, write in enumerate(_SLOTS)},
                             **{f"default_{i}": f.default for i, f in enumerate(fields(Unit))}}
    exec(source, scope)  # (its own names only)
    made: Callable[..., Any] = scope[name]
    return made


# `Unit(...)`: the dataclass's own `__init__`, its parameters and defaults, each field written to its slot.
assert all(f.default is not MISSING for f in fields(Unit))  # (a plain default each: no factory to call)
_init = _compiled(f"def __init__(self, {', '.join(f'{name}=default_{i}' for i, name in enumerate(_FIELDS))}):\n"
                  + _slot_writes("self", list(_FIELDS)), "__init__")
_init.__qualname__ = Unit.__init__.__qualname__
Unit.__init__ = _init  # type: ignore[method-assign]  # the same signature, its writes faster (above)
# A unit of its values in field order (`Unit.updated`, `Unit.__reduce__`), named as the module names it so that a
# pickled unit finds it.
_unit_of_values: Callable[[tuple[Any, ...]], Unit] = _compiled(
    "def _unit_of_values(values):\n    made = new(Unit)\n"
    + _slot_writes("made", [f"values[{i}]" for i in range(len(_FIELDS))]) + "    return made\n", "_unit_of_values")

"""The unit record's fast paths against the straightforward ones: `Unit.updated` is `dataclasses.replace`, reading it
by name (`[]`, `get`, `in`) is what `Mapping` would give from its fields and components, and a pickled unit comes
back equal, field by field."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.scoring.unit import Unit

NAMES = [f.name for f in dataclasses.fields(Unit)]
decimals = st.none() | st.decimals(min_value=-1000, max_value=1000, allow_nan=False, places=3)
texts = st.text(max_size=12)
components = st.lists(st.tuples(st.sampled_from(["diem", "dieu_tra", "khao_sat", "unit", "rank"]), decimals),
                      max_size=3, unique_by=lambda pair: pair[0]).map(tuple)
FIELD_VALUES = {"group": st.none() | texts, "unit": texts, "components": components, "reason": texts, "note": texts,
                "evaluated": st.booleans(), "scaled": st.booleans(), "rank": st.none() | st.integers(1, 99),
                "position": st.none() | st.integers(1, 99), "label": st.none() | texts,
                "row": st.none() | st.integers(), "points": decimals, "score": decimals, "score_exact": decimals,
                "appraised_points": decimals, "bonus": decimals}
units = st.fixed_dictionaries({}, optional=FIELD_VALUES).map(lambda values: Unit(**values))
changes = st.fixed_dictionaries({}, optional=FIELD_VALUES)


@given(units, changes)
def test_an_updated_unit_is_the_replaced_one(unit, changed):
    made = unit.updated(**changed)
    assert made == dataclasses.replace(unit, **changed)
    assert [getattr(made, name) for name in NAMES] == [changed.get(name, getattr(unit, name)) for name in NAMES]
    assert unit == dataclasses.replace(unit)  # the original is left as it was


@given(changes)
def test_a_unit_made_of_some_fields_holds_them_and_every_other_field_at_its_declared_default(given_fields):
    made = Unit(**given_fields)
    defaults = {f.name: f.default for f in dataclasses.fields(Unit)}
    assert [getattr(made, name) for name in NAMES] == [given_fields.get(name, defaults[name]) for name in NAMES]
    assert Unit("Khối A", "Sở Nội vụ") == Unit(group="Khối A", unit="Sở Nội vụ")  # in field order, as declared


def test_a_unit_made_of_no_field_is_refused_and_a_made_unit_is_frozen():
    with pytest.raises(TypeError, match="colour"):
        Unit(colour="red")  # type: ignore[call-arg]  # the keyword a dataclass refuses
    with pytest.raises(dataclasses.FrozenInstanceError):
        Unit(rank=1).rank = 2  # type: ignore[misc]  # the assignment a frozen record refuses


def test_an_update_of_no_field_is_refused_as_replace_refuses_it():
    with pytest.raises(TypeError):
        dataclasses.replace(Unit(), colour="red")
    with pytest.raises(TypeError, match="colour"):
        Unit().updated(colour="red")


def test_an_updated_unit_stays_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Unit().updated(rank=1).rank = 2  # type: ignore[misc]  # the assignment a frozen record refuses


@given(units, st.sampled_from([*NAMES, "diem", "dieu_tra", "khao_sat", "missing", ""]))
def test_a_unit_reads_by_name_as_its_fields_then_its_components(unit, key):
    expected = {name: getattr(unit, name) for name in NAMES} | {"components": dict(unit.components)}
    for component, value in unit.components:
        expected.setdefault(component, value)  # a field's name wins over a component's of the same name
    assert (key in unit) is (key in expected)
    assert unit.get(key, "absent") == expected.get(key, "absent")
    if key in expected:
        assert unit[key] == expected[key]
    else:
        with pytest.raises(KeyError):
            unit[key]
    assert list(unit) == NAMES and len(unit) == len(NAMES)


def test_a_unit_gives_its_components_as_a_new_mapping_each_time():
    unit = Unit(components=(("diem", Decimal("72.5")),))
    unit.get("components")["diem"] = Decimal(0)
    assert unit["components"] == {"diem": Decimal("72.5")} and unit.get("diem") == Decimal("72.5")


@given(units)
def test_a_unit_comes_back_from_pickling_and_copying_field_by_field(unit):
    for made in (pickle.loads(pickle.dumps(unit)), copy.copy(unit), copy.deepcopy(unit)):
        assert type(made) is Unit and made == unit
        assert [getattr(made, name) for name in NAMES] == [getattr(unit, name) for name in NAMES]
    with pytest.raises(dataclasses.FrozenInstanceError):
        pickle.loads(pickle.dumps(unit)).rank = 2  # type: ignore[misc]  # still frozen


@given(units)
def test_a_unit_as_a_dictionary_is_the_mapping_read_name_by_name(unit):
    made = unit.as_dict()
    assert made == {name: unit[name] for name in unit} and list(made) == NAMES
    made["components"]["diem"] = Decimal(1)
    assert unit.as_dict() == dict(unit)  # a new mapping each time: changing one leaves the unit as it was

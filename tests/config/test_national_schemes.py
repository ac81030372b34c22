"""The national schemes shipped as data: PAR INDEX (four published parts) and SIPAS (the satisfaction index).

Their `[[components]]` follow the components contract and load as the scheme's components.
"""

from __future__ import annotations

import tomllib

import pytest

from pipeline.config.scheme import scheme_data, scheme_from_data
from tests.conftest import ROOT

SCHEMES = ROOT / "pipeline" / "config" / "schemes"
CONTRACT = {"par-index@2020": ["tham-dinh", "sipas", "lanh-dao-quan-ly", "tac-dong"], "sipas@2020": ["chi-so-hai-long"]}


def _declared(reference: str) -> list[dict]:
    scheme_id, _, version = reference.partition("@")
    return tomllib.loads((SCHEMES / scheme_id / f"{version}.toml").read_text(encoding="utf-8"))["components"]


@pytest.mark.parametrize("reference", sorted(CONTRACT))
def test_each_national_scheme_declares_its_components_in_print_order(reference):
    components = _declared(reference)
    assert [c["id"] for c in components] == CONTRACT[reference]
    for component in components:
        assert component["name"] in component["headers"]
        assert (component["enters"], component["decimals"], component["printed"]) == ("as-is", 2, True)


def test_a_maximum_is_declared_only_where_a_source_gives_it():
    assert all("maximum" not in c for c in _declared("par-index@2020"))  # not found in any stored source
    [satisfaction] = _declared("sipas@2020")
    assert satisfaction["maximum"] == 100  # a percentage


@pytest.mark.parametrize("reference", sorted(CONTRACT))
def test_each_national_scheme_loads_with_its_components(reference):
    scheme = scheme_from_data(*scheme_data(reference, "test"))
    assert [c.id for c in scheme.components] == CONTRACT[reference]
    assert scheme.percent and scheme.decimals == 2

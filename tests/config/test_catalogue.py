"""The catalogue declares every setting once: what the example jobs write, what the scheme lets a job change,
and help a clerk can read."""

from __future__ import annotations

import re
import tomllib

import pytest

from pipeline.config.catalogue import SETTINGS, names_in
from pipeline.config.scheme import SCHEME_FIELDS
from tests.conftest import INPUTS

_TOML = ('""', "[]", "true", "false", "{ ", "[[", "job.toml")


def _keys(data: dict, table: str = "") -> list[tuple[str, str]]:
    """(table, key) of every key in parsed settings; `[[groups]]` items as the table "groups"."""
    found = []
    for key, value in data.items():
        found.append((table, key))
        inner = f"{table}.{key}" if table else key
        if isinstance(value, dict) and inner not in ("previous.renames", "scheme_overrides"):
            found += _keys(value, inner)
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value) and key == "groups":
            for item in value:
                found += _keys(item, "groups")
    return found


@pytest.mark.parametrize("job", sorted(p.parent.name for p in INPUTS.glob("*/job.toml")))
def test_every_key_an_example_job_writes_is_declared(job):
    data = tomllib.loads((INPUTS / job / "job.toml").read_text(encoding="utf-8"))
    overrides = data.get("scheme_overrides", {})
    found = _keys(data) + [("scheme_overrides", k) for k in overrides]
    assert [(t, k) for t, k in found if k not in names_in(t)] == []


def test_the_keys_a_job_may_override_are_the_scheme_s_own_but_its_id_and_version():
    assert set(names_in("scheme_overrides")) == SCHEME_FIELDS - {"id", "version"}


@pytest.mark.parametrize("record", SETTINGS, ids=lambda s: s.key)
def test_every_setting_has_a_label_and_help_in_office_words(record):
    assert record.label and record.label[0].isupper()
    for campaign in (False, True):
        help = record.help_for(campaign)
        assert [syntax for syntax in _TOML if syntax in help] == [], record.key
        # no key such as document.title, nor signer_position ({don_vi} is typed)
        assert not re.search(r"\b[a-z_]+\.(?!xlsx|docx|csv)[a-z_]+\b", help), record.key
        assert not re.search(r"(?<!{)\b[a-z]+_[a-z_]+\b(?!})", help), record.key


def test_a_key_is_declared_once():
    keys = [s.key for s in SETTINGS]
    assert sorted(k for k in keys if keys.count(k) > 1) == []

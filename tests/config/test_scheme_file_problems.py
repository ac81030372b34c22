"""A problem in a scheme's settings is reported in the file that holds it: the scheme file for its own keys, the
job's settings file for a key of its `[scheme_overrides]`."""

from __future__ import annotations

import tomllib

import pytest

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.config import job_settings
from pipeline.config.job_settings import settings_from_data
from tests.conftest import UNIT_JOB

SCHEME_FILE = "pipeline/config/schemes/chat-luong-hoat-dong/2020.toml"


def _problems(folder, settings: str):
    (folder / "diem.xlsx").write_bytes(b"")
    with pytest.raises(InputErrors) as caught:
        settings_from_data(tomllib.loads(settings), folder, [folder / "diem.xlsx"])
    return caught.value.problems


@pytest.fixture
def misspelt_scheme(monkeypatch):
    """The shipped scheme file as if someone had written "decimal" for "decimals" in it."""
    real = job_settings.scheme_data

    def scheme_data(reference, source):
        data, path = real(reference, source)
        assert path == SCHEME_FILE
        return {**data, "decimal": 3}, path

    monkeypatch.setattr(job_settings, "scheme_data", scheme_data)


def test_an_unknown_key_in_a_scheme_file_is_reported_in_the_scheme_file(tmp_path, misspelt_scheme):
    [found] = _problems(tmp_path, UNIT_JOB)
    assert (found.reason, found.file, found.detail("key")) == (Reason.SETTING_UNKNOWN, SCHEME_FILE, "decimal")
    assert describe(found).startswith(f'Tệp {SCHEME_FILE}: mục "decimal"')
    assert "job.toml" not in describe(found)


def test_a_wrong_scheme_override_is_reported_in_the_job_settings_file(tmp_path, misspelt_scheme):
    job = UNIT_JOB.replace("[[groups]]", '[scheme_overrides]\ndecimals = "hai"\nrounding = 2\n\n[[groups]]', 1)
    found = {(p.reason, p.detail("key")): p.file for p in _problems(tmp_path, job)}
    assert found == {(Reason.SETTING_UNKNOWN, "decimal"): SCHEME_FILE,
                     (Reason.SETTING_INVALID, "scheme_overrides.decimals"): "job.toml",
                     (Reason.SETTING_UNKNOWN, "scheme_overrides.rounding"): "job.toml"}

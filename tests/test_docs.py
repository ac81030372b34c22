"""The documentation of inputs names every column and every setting the program reads."""

from __future__ import annotations

from pipeline.read.columns import CRITERIA_TABLE, REGISTER_TABLE, UNIT_TABLE
from pipeline.config.scheme import SCHEME_FIELDS
from pipeline.config.job_settings import GROUP_FIELDS, JOB_FIELDS
from pipeline.config.kinds import KINDS
from tests.conftest import ROOT

INPUTS_DOC = (ROOT / "docs" / "inputs.md").read_text(encoding="utf-8")


def test_every_column_is_documented_with_its_identifier_and_aliases():
    for spec in (UNIT_TABLE, CRITERIA_TABLE, REGISTER_TABLE):
        for column in spec.columns:
            row = next(line for line in INPUTS_DOC.splitlines() if line.startswith(f"| {column.header} | `{column.id}`"))
            for alias in column.aliases:
                assert alias in row, (column.id, alias)


def test_every_setting_and_kind_is_documented():
    for key in JOB_FIELDS | GROUP_FIELDS | (SCHEME_FIELDS - {"id", "version", "name"}):
        assert f"`{key}`" in INPUTS_DOC or f"`[[{key}]]`" in INPUTS_DOC or f"`[{key}]`" in INPUTS_DOC, key
    for kind in KINDS:
        assert f'"{kind}"' in INPUTS_DOC


def test_every_document_setting_is_documented():
    from pipeline.config.document_settings import DOCUMENT_FIELDS

    for key in DOCUMENT_FIELDS:
        assert f"| `{key}`" in INPUTS_DOC or f"| `[document.{key}]`" in INPUTS_DOC, key

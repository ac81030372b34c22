"""The documentation of inputs names every column and every setting the program reads."""

from __future__ import annotations

from pipeline.config.job_settings import GROUP_FIELDS, JOB_FIELDS
from pipeline.config.kinds import KINDS
from pipeline.config.scheme import SCHEME_FIELDS
from pipeline.read.columns import CRITERIA_TABLE, REGISTER_TABLE, UNIT_TABLE
from tests.conftest import ROOT

INPUTS_DOC = (ROOT / "docs" / "inputs.md").read_text(encoding="utf-8")


def test_every_column_is_documented_with_its_identifier_and_aliases():
    for spec in (UNIT_TABLE, CRITERIA_TABLE, REGISTER_TABLE):
        for column in spec.columns:
            row = next(line for line in INPUTS_DOC.splitlines()
                       if line.startswith(f"| {column.header} | `{column.id}`"))
            for alias in column.aliases:
                assert alias in row, (column.id, alias)


def test_every_setting_and_kind_is_documented():
    for key in JOB_FIELDS | GROUP_FIELDS | (SCHEME_FIELDS - {"id", "version", "name"}):
        assert f"`{key}`" in INPUTS_DOC or f"`[[{key}]]`" in INPUTS_DOC or f"`[{key}]`" in INPUTS_DOC, key
    for kind in KINDS:
        assert f'"{kind}"' in INPUTS_DOC


def _settings_rows() -> dict[str, list[str]]:
    """The rows of docs/inputs.md's settings tables by key: `[document.signature]` `name` → document.signature.name."""
    import re

    rows: dict[str, list[str]] = {}
    inside = False
    for line in INPUTS_DOC.splitlines():
        if line.startswith("| Mục | Trên bàn làm việc | Dùng cho | Ý nghĩa | Ví dụ |"):
            inside = True
            continue
        if not line.startswith("|"):
            inside = False
        if inside and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            key = ".".join(piece.strip("[]") for piece in re.findall(r"`([^`]+)`", cells[0]))
            assert key not in rows, f"{key} documented twice"
            rows[key] = cells
    return rows


def test_the_settings_tables_of_the_docs_are_the_declared_settings():
    from pipeline.config.catalogue import SETTINGS

    rows = _settings_rows()
    declared = {s.key: s for s in SETTINGS if s.shape != "table" or "." not in s.key}  # sub-tables: by their keys
    assert set(rows) == set(declared)
    for key, cells in rows.items():
        record = declared[key]
        assert cells[1] == record.label, key
        assert cells[2] == record.used_by_words, key
        assert cells[4] == (f"`{record.example}`" if record.example else ""), key
        assert cells[3], key  # what it means, in words
"""A scheme's wording lives in its wording module (`messages_scheme`), not inline where the scheme is validated.

The modules that validate and state a scheme hold no Vietnamese text but data: the default components' names and
headers (the columns of a clerk's file) and the values a scheme file writes (`unit = "điểm"`).
"""

from __future__ import annotations

import ast
from dataclasses import fields

import pytest

from pipeline.base.messages_scheme import APPLIED, COMPONENT_EXPECTED, SCHEME_EXPECTED
from pipeline.config.scheme import UNITS
from tests.conftest import ROOT

MODULES = ("pipeline/config/components.py", "pipeline/config/scheme.py", "pipeline/config/applied.py")
DATA = "DEFAULT_COMPONENTS"  # the components every scheme had before it could declare its own: column headers


def vietnamese_texts(path) -> list[tuple[int, str]]:
    """Each string (not a docstring) with a letter outside ASCII, but within the data assignment and scheme values."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {id(node.body[0].value) for node in ast.walk(tree)
               if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
               and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == DATA for t in node.targets):
            skipped |= {id(inner) for inner in ast.walk(node.value)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped
            and any(not c.isascii() and c.isalpha() for c in node.value) and node.value not in UNITS]


@pytest.mark.parametrize("module", MODULES)
def test_a_module_validating_or_stating_a_scheme_holds_no_wording_of_its_own(module):
    assert vietnamese_texts(ROOT / module) == []


def test_the_check_finds_a_message_written_inline(tmp_path):
    path = tmp_path / "inline.py"
    path.write_text('"""Docstring: "điểm"."""\nDEFAULT_COMPONENTS = ("Điểm thẩm định",)\nunit = "điểm"\n'
                    'expected = "hệ số là một số dương"\n', encoding="utf-8")
    assert vietnamese_texts(path) == [(4, "hệ số là một số dương")]


def test_each_text_of_the_wording_module_is_used_by_the_modules_it_words():
    """No text left behind: every field of the three records is read where a scheme is validated or stated."""
    sources = "".join((ROOT / module).read_text(encoding="utf-8") for module in MODULES)
    named = [f"{name}.{field.name}" for name, record in (("SCHEME_EXPECTED", SCHEME_EXPECTED),
                                                         ("EXPECTED", COMPONENT_EXPECTED), ("APPLIED", APPLIED))
             for field in fields(record)]
    unused = [name for name in named if name not in sources]
    assert unused == []

"""Kinds, sources, forms and the other closed sets are named once, as enums whose values are the words job.toml
writes; code asks the kind record what a kind does instead of comparing its source with a string."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

from pipeline.config.kinds import KINDS, Context, Form, Kind, KindId, Source
from pipeline.documents.charts.chart_data import ChartKind
from pipeline.scoring.rules import RuleKind, parsed_rule
from tests.conftest import INPUTS, ROOT

INPUTS_DOC = (ROOT / "docs" / "inputs.md").read_text(encoding="utf-8")
MODULES = sorted((ROOT / "pipeline").rglob("*.py"))
PAGES = sorted((ROOT / "pipeline" / "web" / "templates").glob("*.html"))
# What decides a kind's, a rule's, a chart's or a document's behaviour: never compared with a written string.
_NAMED = {"source", "kind", "context"}


def _documented(key: str) -> set[str]:
    """The quoted values docs/inputs.md gives in the settings row of `key` (`kind`, `[document]` `form`)."""
    row = next(line for line in INPUTS_DOC.splitlines() if line.startswith(f"| {key} |"))
    return set(re.findall(r'`"([^"`]+)"`', row.split("|")[4]))


def test_the_kind_names_are_the_kinds_docs_inputs_md_lists():
    assert {str(k) for k in KindId} == _documented("`kind`") == set(KINDS)


def test_the_forms_a_ranking_table_offers_are_those_docs_inputs_md_lists():
    assert set(KINDS[KindId.PAR_INDEX].forms) == _documented("`[document]` `form`") == {"quyet-dinh", "bang"}


def test_every_form_is_a_form_of_some_kind_and_each_kind_s_first_form_is_its_default():
    assert {str(f) for f in Form} == {form for kind in KINDS.values() for form in kind.forms}
    assert {k: KINDS[k].default_form for k in KINDS} == {
        "bao-cao-tu-cham": "bao-cao", "quyet-dinh-xep-loai": "quyet-dinh", "xep-hang-cchc": "quyet-dinh",
        "dot-danh-gia": "quyet-dinh"}


@pytest.mark.parametrize("job", sorted(p.parent.name for p in INPUTS.glob("*/job.toml")))
def test_the_kind_an_example_job_writes_is_a_kind_name(job):
    written = tomllib.loads((INPUTS / job / "job.toml").read_text(encoding="utf-8"))["kind"]
    assert KindId(written) == written and KINDS[written].id is KindId(written)


def test_the_enums_values_are_the_words_stored_before_they_were_named():
    assert [str(s) for s in Source] == ["criteria", "units", "campaign"]
    assert [str(c) for c in Context] == ["report", "decision", "notice", "summary"]
    assert [str(r) for r in RuleKind] == ["proportional", "bands", "options"]
    assert [str(c) for c in ChartKind] == ["ranking", "labels", "appraised", "periods"]


# (reports one unit, ranks units, is a campaign, reads a unit table, reads criteria tables), as docs/inputs.md
# describes each kind: a self-assessment report of one unit; a decision and a ranking table over a table of units;
# a campaign of a criteria table per unit, ranked in its decision.
QUESTIONS = {
    "bao-cao-tu-cham": (True, False, False, False, True),
    "quyet-dinh-xep-loai": (False, True, False, True, False),
    "xep-hang-cchc": (False, True, False, True, False),
    "dot-danh-gia": (False, True, True, False, True),
}


@pytest.mark.parametrize(("kind", "answers"), QUESTIONS.items())
def test_a_kind_record_answers_what_the_kind_does(kind, answers):
    record: Kind = KINDS[kind]
    assert (record.reports_one_unit, record.ranks_units, record.is_campaign, record.reads_unit_table,
            record.reads_criteria_tables) == answers


@pytest.mark.parametrize(("text", "level", "points"), [
    ("tỷ lệ × 4", False, None),
    ("từ 90% đến dưới 95%: 1; từ 95% trở lên: 2", False, {0, 1, 2}),
    ("trước hạn: 5; đúng hạn: 3", True, {0, 3, 5}),
])
def test_a_rule_answers_whether_it_takes_a_level_and_which_points_it_can_give(text, level, points):
    rule = parsed_rule(text, None)
    assert rule.takes_level is level
    assert rule.fixed_points == points


def _string_compared(node: ast.Compare) -> bool:
    """`x.source == "…"`, `x.kind != "…"`, `source in ("…", "…")`: a named thing compared with written strings."""
    sides = [node.left, *node.comparators]
    named = any((isinstance(s, ast.Attribute) and s.attr in _NAMED) or (isinstance(s, ast.Name) and s.id == "source")
                for s in sides)
    written = any((isinstance(s, ast.Constant) and isinstance(s.value, str))
                  or (isinstance(s, (ast.Tuple, ast.List, ast.Set)) and s.elts
                      and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in s.elts))
                  for s in sides)
    return named and written and all(isinstance(op, (ast.Eq, ast.NotEq, ast.In, ast.NotIn)) for op in node.ops)


def _compared(path: Path, root: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [f"{path.relative_to(root)}:{node.lineno}: {ast.unparse(node)}" for node in ast.walk(tree)
            if isinstance(node, ast.Compare) and _string_compared(node)]


def test_the_check_finds_a_source_compared_with_a_string(tmp_path):
    sample = tmp_path / "pipeline" / "sample.py"
    sample.parent.mkdir()
    sample.write_text('a = kind.source == "campaign"\nb = rule.kind != "options"\nc = source in ("units", "x")\n'
                      'd = kind.is_campaign\ne = cell_kind == "s"\nf = chart.kind is ChartKind.LABELS\n',
                      encoding="utf-8")
    found = [line.split(": ", 1)[1] for line in _compared(sample, tmp_path)]
    assert found == ["kind.source == 'campaign'", "rule.kind != 'options'", "source in ('units', 'x')"]


def test_no_module_compares_a_source_or_a_kind_with_a_string():
    assert [found for path in MODULES for found in _compared(path)] == []


def test_no_page_compares_a_kind_s_source_with_a_string():
    pattern = re.compile(r"\.(?:source|context)\s*(?:==|!=)\s*['\"]|\bkind\.\w+\s*(?:==|!=)\s*['\"]")
    assert [f"{p.name}: {m.group(0)}" for p in PAGES for m in pattern.finditer(p.read_text(encoding="utf-8"))] == []

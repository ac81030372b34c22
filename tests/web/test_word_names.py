"""The desk's words are records: every word a page template names (`W.name`, `C.name`) is a field of them.

Python code that names a word is checked by mypy (`W.jobs_titel` is an error); a page template is not, and Jinja2
shows a missing attribute as nothing, so a word misspelt there would leave a blank on the page.
"""

from __future__ import annotations

import re

import pytest

from pipeline.web.words import W
from pipeline.web.words_campaign import C
from tests.conftest import ROOT

TEMPLATES = sorted((ROOT / "pipeline" / "web" / "templates").glob("*.html"))
NAMED = re.compile(r"\b([WC])\.([a-z_][a-z_0-9]*)")


def words_named(text: str) -> set[tuple[str, str]]:
    """The (record, field) pairs a template text names, `W.jobs_title` → ("W", "jobs_title")."""
    return set(NAMED.findall(text))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_every_word_a_page_names_is_a_field_of_the_words(template):
    records = {"W": W, "C": C}
    named = words_named(template.read_text(encoding="utf-8"))
    missing = [f"{record}.{name}" for record, name in sorted(named) if not hasattr(records[record], name)]
    assert missing == []


def test_the_check_finds_a_misspelt_word():
    named = words_named('<h1>{{ W.jobs_titel }}</h1><p>{{ C.self_title.format(unit=u) }}</p>')
    assert named == {("W", "jobs_titel"), ("C", "self_title")}
    assert not hasattr(W, "jobs_titel") and hasattr(C, "self_title")


def test_the_templates_name_words():
    assert sum(len(words_named(t.read_text(encoding="utf-8"))) for t in TEMPLATES) > 100

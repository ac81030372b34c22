"""Plain row loops joined as text give what Jinja gives, for any row and value; other loops are left to Jinja."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from pipeline.documents.rendering.limits import MAX_TURNS, TemplateLimit
from pipeline.documents.rendering.render import TEMPLATE_DIR, PreparedTemplate, environment
from pipeline.documents.rendering.row_loops import FILTER, with_row_loops
from tests.test_flow import contexts_by_template, document_xml, docxtpl_document_xml

ROW = '<w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">{{ u.a }}</w:t></w:r></w:p></w:tc><w:tc>{{u.b}}</w:tc></w:tr>'
SOURCE = "<w:tbl>{% for u in table.rows %}" + ROW + "{% endfor %}</w:tbl>"


def both(source: str, context: dict) -> tuple[str, str]:
    """`source` rendered by Jinja as written, and with its plain loops joined (each its own outcome or error)."""
    outcomes = []
    for joined in (False, True):
        env = environment()
        text = with_row_loops(source, env) if joined else source
        assert text is not None
        try:
            outcomes.append(env.from_string(text).render(context))
        except Exception as exc:  # the same error either way is part of the same behaviour
            outcomes.append(f"{type(exc).__name__}: {exc}")
    return outcomes[0], outcomes[1]


@dataclasses.dataclass(frozen=True)
class Row:
    a: object
    b: object


VALUES = st.one_of(st.text(), st.integers(), st.none(), st.booleans(), st.floats(allow_nan=False),
                   st.text().map(Markup), st.sampled_from(['<&>"\'', "{{ x }}", "Nguyễn Thị Ánh", "\n\t"]))


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.tuples(VALUES, VALUES), max_size=6), kind=st.sampled_from(["dataclass", "dict", "namespace"]))
def test_a_joined_loop_writes_what_jinja_writes_for_any_value(rows, kind):
    made = {"dataclass": lambda a, b: Row(a, b), "dict": lambda a, b: {"a": a, "b": b},
            "namespace": lambda a, b: SimpleNamespace(a=a, b=b)}[kind]
    jinja, joined = both(SOURCE, {"table": {"rows": [made(a, b) for a, b in rows]}})
    assert joined == jinja


CHOSEN = ("<w:tbl>{% for r in rows %}{% if r.kind == 'field' %}<b>{{ r.a }}</b>{% elif r.kind == \"criterion\" %}"
          "<i>{{ r.b }}</i>{% elif r.kind == 'field' %}never{% else %}{{ r.a }}|{{ r.b }}{% endif %}"
          "{% endfor %}</w:tbl>")
KINDS = st.one_of(st.sampled_from(["field", "criterion", "item", "", "Field"]), st.none(), st.integers(0, 2),
                  st.sampled_from(["field", "criterion"]).map(Markup))


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.tuples(KINDS, VALUES, VALUES), max_size=6), otherwise=st.booleans())
def test_rows_chosen_by_a_text_are_written_as_jinja_chooses_and_writes_them(rows, otherwise):
    source = CHOSEN if otherwise else CHOSEN.replace("{% else %}{{ r.a }}|{{ r.b }}", "")
    items = [SimpleNamespace(kind=kind, a=a, b=b) for kind, a, b in rows]
    jinja, joined = both(source, {"rows": items})
    assert joined == jinja


@pytest.mark.parametrize("rows", [
    [SimpleNamespace(a="x")],  # no attribute b: undefined, an error
    [SimpleNamespace(a="x", b="y", _c="z")],
    "không phải danh sách",
    None,
    [{"a": 1}],
    [SimpleNamespace(a=str.format, b="y")],  # a method: the sandbox's own answer
])
def test_a_joined_loop_fails_or_writes_as_jinja_does(rows):
    jinja, joined = both(SOURCE, {"table": {"rows": rows}})
    assert joined == jinja


def test_an_unsafe_attribute_is_refused_as_jinja_refuses_it():
    source = "{% for u in rows %}{{ u._c }}{{ u.mro }}{% endfor %}"
    jinja, joined = both(source, {"rows": [SimpleNamespace(_c="bí mật", mro="m"), int]})
    assert joined == jinja and "unsafe" in jinja


@pytest.mark.parametrize("source", [
    "{% for u in rows %}{{ loop.index }}{{ u.a }}{% endfor %}",
    "{% for u in rows %}{{ u.a|upper }}{% endfor %}",
    "{% for u in rows %}{% if u.a %}x{% endif %}{% endfor %}",
    "{% for u in rows %}{{ v.a }}{% endfor %}",
    "{% for u in rows %}{{ u }}{% endfor %}",
    "{% for u in rows if u.a %}{{ u.a }}{% endfor %}",
    "{% for u in rows -%} {{ u.a }}{% endfor %}",
    "{% for u in rows %}{# note #}{{ u.a }}{% endfor %}",
    "{% for u in rows %}{{ u.a }}{% else %}none{% endfor %}",
    "{% for u in rows %}{% if u.a == 'x' %}1{% elif u.b == 'y' %}2{% endif %}{% endfor %}",
    "{% for u in rows %}{% if u.a == 'x' %}1{% else %}2{% else %}3{% endif %}{% endfor %}",
    "{% for u in rows %}{% if u.a != 'x' %}1{% endif %}{% endfor %}",
    "{% for u in rows %}{% if u.a == 'x' %}{% if u.b == 'y' %}1{% endif %}{% endif %}{% endfor %}",
    "{% for u in rows %}<w:tr>{% if u.a == 'x' %}1{% endif %}</w:tr>{% endfor %}",
    "{% for u in rows %}{% elif u.a == 'x' %}1{% endif %}{% endfor %}",
])
def test_a_loop_with_anything_but_values_is_left_to_jinja(source):
    assert with_row_loops(source, environment()) is None


def test_joined_loops_count_their_turns_against_the_limit():
    env = environment()
    template = env.from_string(with_row_loops("{% for u in rows %}{{ u.a }}{% endfor %}", env))
    with pytest.raises(TemplateLimit, match="for u in rows"):
        template.render(rows=[SimpleNamespace(a=1)] * (MAX_TURNS + 1))


@pytest.mark.parametrize("template", ["bao-cao-tu-cham.docx", "thong-bao-tham-dinh.docx"])
def test_a_reports_criteria_rows_are_joined_and_written_as_docxtpl_writes_them(template):
    prepared = PreparedTemplate(TEMPLATE_DIR / template)
    assert FILTER in prepared.env.filters
    for name, context in contexts_by_template()[template][:3]:
        criteria = [dataclasses.replace(row, title=f'{row.title} "<&>"') for row in context["criteria"]]
        context = {**context, "criteria": criteria}
        assert document_xml(prepared.render(context)) == docxtpl_document_xml(prepared.path, context), name


def test_the_decisions_unit_rows_are_joined_and_written_as_docxtpl_writes_them():
    prepared = PreparedTemplate(TEMPLATE_DIR / "quyet-dinh-xep-loai.docx")
    assert FILTER in prepared.env.filters  # so the comparison below covers the joined rows
    name, context = contexts_by_template()["quyet-dinh-xep-loai.docx"][0]
    tricky = ['Phòng "A" & <B>', "Trường THCS 'Số 1'", "Xã\tTab\nMới", "{{ title }}", "\u00a0"]
    appendices = [dataclasses.replace(a, ranked=tuple(dataclasses.replace(row, unit=tricky[n % len(tricky)] + row.unit)
                                                      for n, row in enumerate(a.ranked)))
                  for a in context["appendices"]]
    context = {**context, "appendices": appendices}
    assert document_xml(prepared.render(context)) == docxtpl_document_xml(prepared.path, context), name

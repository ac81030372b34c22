"""Table rows repeated by a plain loop, filled by joining text instead of running Jinja for every cell.

A decision's appendix repeats one row per unit: `{% for u in appendix.ranked %}<w:tr>…{{ u.unit }}…
</w:tr>{% endfor %}`; a report one row per criterion, its look chosen by the row's kind (`{% if row.kind ==
'field' %}…{% elif … %}…{% else %}…{% endif %}`). Jinja spends most of such a render looking up and escaping
each cell through the sandbox. When a loop's body is only XML and `{{ u.name }}` tags, or such bodies chosen
by comparing one attribute of the row with texts (no other tag, filter, test or `loop`), the body is compiled
as one filter call that writes the same text, a row at a time: each value found as the sandbox finds it
(`getattr`, the same safety test), compared by the same `==`, escaped by the same `markupsafe.escape`. The
loop stays Jinja's, its turns counted as any loop's. Anything else goes the ordinary way: the same bytes.
"""

from __future__ import annotations

import itertools
import re
from operator import attrgetter
from typing import Any

from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

FILTER = "_dong_lap"  # the filter a plain loop becomes (not a name a template can know)
_NAME = r"[A-Za-z_]\w*"
_LOOP = re.compile(rf"{{%\s*for\s+({_NAME})\s+in\s+({_NAME}(?:\.{_NAME})*)\s*%}}"
                   r"((?:(?!{%\s*(?:end)?for\b|{#).)*?){%\s*endfor\s*%}", re.S)
_VALUE = re.compile(rf"{{{{\s*({_NAME})\.({_NAME})\s*}}}}")
_TAG = re.compile(r"{%.*?%}", re.S)
_CHOICE = re.compile(rf"{{%\s*(?:if|elif)\s+({_NAME})\.({_NAME})\s*==\s*(?:'([^'\\]*)'|\"([^\"\\]*)\")\s*%}}")
_ELSE, _ENDIF = re.compile(r"{%\s*else\s*%}"), re.compile(r"{%\s*endif\s*%}")
_PLAIN = (str, int)  # values whose text and escaping need no more than `str` and `escape`
_PLAIN_TYPES = frozenset(_PLAIN)
_ESCAPED = re.compile(r"[&<>'\"]")  # what `escape` changes in a text: a text without any is written as it is


class Row:
    """A row's XML: its literal pieces and the attribute each `{{ target.name }}` between them shows."""

    def __init__(self, body: str):
        self.names = tuple(m.group(2) for m in _VALUE.finditer(body))
        self.pieces = _VALUE.split(body)[::3]
        self.values = attrgetter(*self.names) if self.names else None  # all of a row's values in one call
        self.text = "%s".join(piece.replace("%", "%%") for piece in self.pieces)  # the pieces around `%s`s


class RowLoop:
    """One loop: its row, or its rows chosen by an attribute's text (`choices`, else `otherwise`)."""

    def __init__(self, env: SandboxedEnvironment, row: Row | None = None,
                 chosen_by: str = "", choices: tuple[tuple[str, Row], ...] = (), otherwise: Row | None = None):
        self.env, self.row, self.chosen_by, self.choices = env, row, chosen_by, choices
        self.by_text: dict[str, Row] = {}
        for text, choice in choices:
            self.by_text.setdefault(text, choice)  # the first condition that holds wins, as in Jinja
        self.otherwise = otherwise
        self.safe: dict[tuple[type, str], bool] = {}  # the sandbox's test, per type of row and attribute
        self.safe_rows: dict[tuple[type, int], bool] = {}  # and for all of a row's attributes, by the row's id

    def __call__(self, item: Any) -> Markup:
        """The row of `item` (nothing when no branch holds), as Jinja would write it."""
        row = self.row if self.row is not None else self._chosen(item)
        if row is None:
            return Markup()
        plain = self._plain(item, row)
        if plain is not None:  # every value a safe text or whole number: written in one step
            return Markup(row.text % plain)
        out = [row.pieces[0]]
        for name, piece in zip(row.names, row.pieces[1:], strict=True):  # a piece after each name
            value = self._value(item, name)
            out.append(value if type(value) is str and not _ESCAPED.search(value) else escape(value))
            out.append(piece)
        return Markup("".join(out))

    def _plain(self, item: Any, row: Row) -> tuple[Any, ...] | None:
        """The row's values when each is what `_value` gives and needs no escaping (so `%s` writes what
        `escape` would); None otherwise, and the row is written value by value."""
        if row.values is None:
            return ()
        try:
            values = row.values(item)
        except AttributeError:
            return None
        if len(row.names) == 1:
            values = (values,)
        if not _PLAIN_TYPES.issuperset(map(type, values)) or not self._row_safe(item, row, values):
            return None
        if _ESCAPED.search("\0".join(map(str, values))):  # a whole number's text has nothing to escape
            return None
        return values

    def _row_safe(self, item: Any, row: Row, values: tuple[Any, ...]) -> bool:
        """`_safe` for each of the row's values, asked once per type of row."""
        key = (type(item), id(row))
        safe = self.safe_rows.get(key)
        if safe is None:
            safe = self.safe_rows[key] = all(
                self._safe(item, name, value) for name, value in zip(row.names, values, strict=True))
        return safe

    def _safe(self, item: Any, name: str, value: Any) -> bool:
        """The sandbox's test of a plain value, asked once per type of row and attribute."""
        key = (type(item), name)
        safe = self.safe.get(key)
        if safe is None:
            safe = self.safe[key] = self.env.is_safe_attribute(item, name, value)
        return safe

    def _chosen(self, item: Any) -> Row | None:
        """The row of the first `{% if %}`/`{% elif %}` whose `==` holds for `item`, as Jinja decides it."""
        value = self._value(item, self.chosen_by)
        if type(value) is str:
            return self.by_text.get(value, self.otherwise)
        return next((row for text, row in self.choices if value == text), self.otherwise)

    def _value(self, item: Any, name: str) -> Any:
        """`env.getattr(item, name)`, the sandbox's own lookup, with its test on a plain value asked once per type."""
        try:
            value = getattr(item, name)
        except AttributeError:
            return self.env.getattr(item, name)
        if type(value) not in _PLAIN:
            return self.env.getattr(item, name)
        return value if self._safe(item, name, value) else self.env.getattr(item, name)


def with_row_loops(source: str, env: SandboxedEnvironment) -> str | None:
    """`source` with each plain loop's body made a call of `FILTER` (registered on `env`); None when it has none."""
    loops: list[RowLoop] = []

    def replaced(match: re.Match[str]) -> str:
        target, _, body = match.groups()
        loop = _loop(target, body, env)
        if loop is None:
            return match.group()
        loops.append(loop)  # the loop stays Jinja's (its turns counted, a row at a time): only its body is joined
        body_start, body_end = match.span(3)
        text = match.group()
        start = body_start - match.start()
        return f"{text[:start]}{{{{ {target}|{FILTER}({len(loops) - 1}) }}}}{text[body_end - match.start():]}"

    changed = _LOOP.sub(replaced, source)
    if not loops:
        return None
    env.filters[FILTER] = lambda item, number: loops[number](item)
    return changed


def _loop(target: str, body: str, env: SandboxedEnvironment) -> RowLoop | None:
    """The loop's body as rows, when it is one row or rows chosen by one attribute's text; else None."""
    tags = list(_TAG.finditer(body))
    if not tags:
        row = _row(target, body)
        return RowLoop(env, row=row) if row is not None else None
    if tags[0].start() != 0 or tags[-1].end() != len(body) or not _ENDIF.fullmatch(tags[-1].group()):
        return None
    choices: list[tuple[str, Row]] = []
    otherwise, chosen_by = None, ""
    for n, (tag, following) in enumerate(itertools.pairwise(tags)):
        row = _row(target, body[tag.end():following.start()])
        opened = re.match(r"{%\s*(\w*)", tag.group())
        assert opened is not None  # each tag found opens with "{%"
        keyword = opened.group(1)
        choice = _CHOICE.fullmatch(tag.group())
        if row is None or otherwise is not None:
            return None  # a branch that is not a plain row, or one after {% else %}
        if keyword == ("if" if n == 0 else "elif") and choice is not None \
                and choice.group(1) == target and chosen_by in ("", choice.group(2)):
            chosen_by = choice.group(2)
            choices.append((choice.group(3) if choice.group(3) is not None else choice.group(4), row))
        elif n > 0 and _ELSE.fullmatch(tag.group()):
            otherwise = row
        else:
            return None
    return RowLoop(env, chosen_by=chosen_by, choices=tuple(choices), otherwise=otherwise)


def _row(target: str, body: str) -> Row | None:
    """`body` as a row, when it holds nothing but XML and `{{ target.name }}` tags."""
    rest = _VALUE.sub("", body)
    if "{{" in rest or "}}" in rest or "{%" in rest or "{#" in rest or "\r" in body \
            or any(owner != target for owner, _ in _VALUE.findall(body)):
        return None
    return Row(body)

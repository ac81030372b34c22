"""Table rows repeated by a plain loop, filled by joining text instead of running Jinja for every cell.

A decision's appendix repeats one row per unit: `{% for u in appendix.ranked %}<w:tr>…{{ u.unit }}…
</w:tr>{% endfor %}`. Jinja spends most of such a render looking up and escaping each cell through the
sandbox. When a loop's body is only XML and `{{ u.name }}` tags (no other tag, filter, test or `loop`),
the loop is replaced, in a second compiled copy of the template, by one filter call that writes the
same text: each value found as the sandbox finds it (`getattr`, the same safety test), escaped by the
same `markupsafe.escape`, counted against the same limit on loop turns. Anything else in a body, or a
value that is not plain text or a whole number, goes the ordinary way, so the output is the same bytes.
"""

from __future__ import annotations

import re
from typing import Any

from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from pipeline.documents.rendering.limits import counted

FILTER = "_dong_lap"  # the filter a plain loop becomes (not a name a template can know)
_LOOP = re.compile(r"{%\s*for\s+([A-Za-z_]\w*)\s+in\s+([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*%}"
                   r"((?:(?!{[%#]).)*?){%\s*endfor\s*%}", re.S)
_VALUE = re.compile(r"{{\s*([A-Za-z_]\w*)\.([A-Za-z_]\w*)\s*}}")
_PLAIN = (str, int)  # values whose text and escaping need no more than `str` and `escape`
_ESCAPED = re.compile(r"[&<>'\"]")  # what `escape` changes in a text: a text without any is written as it is


class RowLoop:
    """One plain loop's body: its literal pieces and the attribute each tag between them shows."""

    def __init__(self, target: str, sequence: str, body: str, env: SandboxedEnvironment):
        self.label = f"for {target} in {sequence}"  # as the limit on loop turns names a loop
        self.names = tuple(m.group(2) for m in _VALUE.finditer(body))
        self.pieces = _VALUE.split(body)[::3]  # the literal text around the tags
        self.env = env
        self.safe: dict[tuple[type, str], bool] = {}  # the sandbox's test, per type of row and attribute

    def __call__(self, sequence: Any) -> Markup:
        out: list[str] = []
        pieces, names = self.pieces, self.names
        for item in counted(sequence, self.label):
            out.append(pieces[0])
            for name, piece in zip(names, pieces[1:]):
                value = self._value(item, name)
                out.append(value if type(value) is str and not _ESCAPED.search(value) else escape(value))
                out.append(piece)
        return Markup("".join(out))

    def _value(self, item: Any, name: str) -> Any:
        """`env.getattr(item, name)`, the sandbox's own lookup, with its test on a plain value asked once per type."""
        try:
            value = getattr(item, name)
        except AttributeError:
            return self.env.getattr(item, name)
        if type(value) not in _PLAIN:
            return self.env.getattr(item, name)
        key = (type(item), name)
        safe = self.safe.get(key)
        if safe is None:
            safe = self.safe[key] = self.env.is_safe_attribute(item, name, value)
        return value if safe else self.env.getattr(item, name)


def with_row_loops(source: str, env: SandboxedEnvironment) -> str | None:
    """`source` with each plain loop made a call of `FILTER` (registered on `env`); None when it has none."""
    loops: list[RowLoop] = []

    def replaced(match: re.Match[str]) -> str:
        target, sequence, body = match.groups()
        tags = _VALUE.findall(body)
        if "{{" in _VALUE.sub("", body) or "\r" in body or "}}" in _VALUE.sub("", body) \
                or any(owner != target for owner, _ in tags):
            return match.group()
        loops.append(RowLoop(target, sequence, body, env))
        return f"{{{{ {sequence}|{FILTER}({len(loops) - 1}) }}}}"

    changed = _LOOP.sub(replaced, source)
    if not loops:
        return None
    env.filters[FILTER] = lambda sequence, number: loops[number](sequence)
    return changed


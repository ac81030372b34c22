"""Walks a template's Jinja tree, resolving each name through its loops to a path of the context.

A name the documents do not provide is reported with a known name it is a typo of ("có phải
ý bạn là …?"): one or two letters off, and of the same kind (a number for a name that reads as
a number), since staff accept the suggestion as it is; with nothing that close, the names of
that kind the group has. An attribute beginning with `_` (the way out of a sandbox) as unsafe, and a
filter the environment does not have as a syntax problem.
"""

from __future__ import annotations

import re
from difflib import get_close_matches
from functools import cache

from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeVisitor

from pipeline.base.errors import Reason
from pipeline.base.messages import HINTS
from pipeline.documents.content.catalogue import is_number

LARGEST_REPEAT = 10_000  # no document repeats a piece of text more often than this
# Words that say an unknown name means a number, or words; a name with neither may be a typo of either kind.
NUMBER_WORDS = {"point", "points", "score", "scores", "max", "min", "rank", "position", "bonus", "penalty", "total",
                "sum", "percent", "mark", "marks", "count", "plus", "minus", "deduction", "average"}
TEXT_WORDS = {"unit", "units", "name", "note", "notes", "label", "title", "reason", "text", "heading", "subtitle",
              "code", "rationale", "comment", "remark", "remarks", "group"}
LOOP = {"index", "index0", "revindex", "revindex0", "first", "last", "length", "cycle", "depth", "depth0",
        "previtem", "nextitem", "changed"}


@cache
def environment() -> SandboxedEnvironment:
    """The rendering environment, made once: the checks only parse with it."""
    from pipeline.documents.rendering.render import environment as render_environment

    return render_environment()


class Names(NodeVisitor):
    """Walks a template, resolving each name through its loops to a path of the context."""

    def __init__(self, known: frozenset[str]):
        self.known = known
        self.scopes: list[dict[str, str | None]] = [{}]
        self.problems: list[tuple[Reason, nodes.Node, str, str]] = []
        self.written: set[str] = set()
        self.resolved: set[str] = set()

    def _local(self, name: str) -> tuple[bool, str | None]:
        for scope in reversed(self.scopes):
            if name in scope:
                return True, scope[name]
        return False, None

    def path(self, node: nodes.Node) -> str | None:
        """The context path of an expression (`appendices[].label`), or None if not a context name."""
        if isinstance(node, nodes.Name):
            self.written.add(node.name)
            local, path = self._local(node.name)
            if local:
                return path
            if node.name in self.known:
                self.resolved.add(node.name)
                return node.name
            self._unknown(node, node.name, sorted({p.split(".")[0].split("[")[0] for p in self.known}
                                                  | {n for s in self.scopes for n in s}))
            return None
        if isinstance(node, (nodes.Getattr, nodes.Getitem)):
            attr = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
            if isinstance(attr, str) and attr.startswith("_"):
                self.problems.append((Reason.TEMPLATE_UNSAFE, node, self._written(node) or attr, ""))
                return None
            base = self.path(node.node)
            written = self._written(node)
            if written:
                self.written.add(written)
            if base is None or not isinstance(attr, str):
                if isinstance(node, nodes.Getitem):
                    self.visit(node.arg)
                return None
            if base == "loop":
                if attr not in LOOP:
                    self._unknown(node, f"loop.{attr}", sorted(f"loop.{a}" for a in LOOP))
                return None
            path = f"{base}.{attr}"
            if path in self.known:
                self.resolved.add(path)
                return path
            siblings = sorted(p for p in self.known if p.rsplit(".", 1)[0] == base and "." in p)
            shown = written or path
            self._unknown(node, shown, [shown.rsplit(".", 1)[0] + "." + s.rsplit(".", 1)[1] for s in siblings])
            return None
        self.generic_visit(node)
        return None

    def _written(self, node: nodes.Node) -> str:
        if isinstance(node, nodes.Name):
            return node.name
        if isinstance(node, nodes.Const):
            return repr(node.value)
        if isinstance(node, nodes.Getattr):
            base = self._written(node.node)
            return f"{base}.{node.attr}" if base else ""
        return ""

    def _unknown(self, node: nodes.Node, name: str, candidates: list[str]) -> None:
        self.problems.append((Reason.TEMPLATE_UNKNOWN_NAME, node, name, suggestion(name, candidates)))

    def visit_Mul(self, node: nodes.Mul) -> None:
        """`{{ title * 100000000 }}` is stopped when rendered (`limits`); said here already when it can be seen."""
        times = [n.value for n in (node.left, node.right) if isinstance(n, nodes.Const) and isinstance(n.value, int)]
        if any(abs(t) > LARGEST_REPEAT for t in times):
            self.problems.append((Reason.TEMPLATE_TOO_HEAVY, node, str(max(times, key=abs)), ""))
        self.generic_visit(node)

    def visit_Pow(self, node: nodes.Pow) -> None:
        if isinstance(node.right, nodes.Const) and isinstance(node.right.value, int) and abs(node.right.value) > 100:
            self.problems.append((Reason.TEMPLATE_TOO_HEAVY, node, str(node.right.value), ""))
        self.generic_visit(node)

    def visit_Filter(self, node: nodes.Filter) -> None:
        if node.name not in environment().filters:
            close = get_close_matches(node.name, list(environment().filters), n=1)
            hint = f' Có phải ý bạn là "{close[0]}"?' if close else ""
            self.problems.append((Reason.TEMPLATE_SYNTAX, node, node.name, f'bộ lọc "{node.name}" không có.{hint}'))
        self.generic_visit(node)

    def visit_Name(self, node: nodes.Name) -> None:
        if node.ctx == "load":
            self.path(node)

    def visit_Getattr(self, node: nodes.Getattr) -> None:
        self.path(node)

    def visit_Getitem(self, node: nodes.Getitem) -> None:
        self.path(node)

    def visit_For(self, node: nodes.For) -> None:
        source = self.path(node.iter)
        self.scopes.append({"loop": "loop", **{n: (f"{source}[]" if source else None) for n in _targets(node.target)}})
        if node.test is not None:
            self.visit(node.test)
        for child in node.body:
            self.visit(child)
        self.scopes.pop()
        for child in node.else_:
            self.visit(child)

    def visit_Assign(self, node: nodes.Assign) -> None:
        source = self.path(node.node)
        for name in _targets(node.target):
            self.scopes[-1][name] = source

    def visit_Macro(self, node: nodes.Macro) -> None:
        scope: dict[str, str | None] = {a.name: None for a in node.args}
        self.scopes.append(scope | {"varargs": None, "kwargs": None, "caller": None})
        for child in node.body:
            self.visit(child)
        self.scopes.pop()
        self.scopes[-1][node.name] = None

    def visit_With(self, node: nodes.With) -> None:
        scope = {}
        for target, value in zip(node.targets, node.values, strict=True):  # Jinja parses them in pairs
            source = self.path(value)
            scope.update({n: source for n in _targets(target)})
        self.scopes.append(scope)
        for child in node.body:
            self.visit(child)
        self.scopes.pop()


def _targets(node: nodes.Node) -> list[str]:
    if isinstance(node, nodes.Name):
        return [node.name]
    if isinstance(node, nodes.Tuple):
        return [n for item in node.items for n in _targets(item)]
    return []


def suggestion(name: str, candidates: list[str]) -> str:
    """The hint for an unknown name: a known name it is a typo of, of the same kind; else the group's names
    of that kind (for a name in a group, `u.…`)."""
    number = _reads_as_number(name)
    same_kind = [c for c in candidates if number is None or is_number(c) == number]
    last = name.rsplit(".", 1)[-1]
    allowed = 1 if len(last) <= 5 else 2
    close = sorted((_typos(name, c), c) for c in same_kind if _typos(name, c) <= allowed)
    if close:
        return HINTS.did_you_mean.format(name=close[0][1])
    if "." not in name or not same_kind:
        return ""
    words = HINTS.known_names if number is None else HINTS.number_names if number else HINTS.text_names
    return words.format(group=name.rsplit(".", 1)[0], names=", ".join(sorted(same_kind)))


def _reads_as_number(name: str) -> bool | None:
    """True for a name that reads as a number (`u.bonus`), False for words (`u.unit_name`), None for neither."""
    words = set(re.split(r"[^a-z]+", name.rsplit(".", 1)[-1].lower()))
    if words & NUMBER_WORDS:
        return True
    return False if words & TEXT_WORDS else None


def _typos(first: str, second: str) -> int:
    """How many letters typed wrong, left out, added or swapped with the next turn one name into the other."""
    previous2: list[int] = []
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i]
        for j, b in enumerate(second, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]

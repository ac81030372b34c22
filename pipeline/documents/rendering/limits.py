"""What no document needs: a template asking for more was broken, or made to harm, and is stopped.

A tag that repeats text millions of times or raises a number to a huge power is refused by
the sandbox before the value is made; a body over `MAX_BODY` or a render over
`RENDER_SECONDS` is stopped; a template part that unpacks over `MAX_PART` (a zip bomb, or
media no document needs) is refused before it is read. Each becomes a template error.
"""

from __future__ import annotations

import signal
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from pipeline.base.archive import oversized
from pipeline.base.errors import InputErrors, Reason, problem

MAX_TEXT = 5_000_000  # characters one tag may make
MAX_BODY = 200 << 20  # bytes of a document's body
MAX_PART = 100 << 20  # bytes of one part of the template, unpacked (styles, media)
RENDER_SECONDS = 120.0  # to make one document


class TemplateLimit(SecurityError):
    """A template asked for more than any document needs: text too long, a body too large, too much time."""


class LimitedEnvironment(SandboxedEnvironment):
    """The sandbox, with `*` and `**` checked: `{{ title * 100000000 }}` is refused before it is made; and every
    `{% for %}` counted: all the loops of one document together may turn `MAX_TURNS` times, so loops nested
    deep are stopped within seconds, naming the loop, long before the body reaches `MAX_BODY`."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters[_COUNTED] = _counted

    def _generate(self, source: nodes.Template, *args: Any, **kwargs: Any) -> str:
        """The code of a parsed template, each loop's sequence counted (the parsed tree, which the checks walk,
        is left as written)."""
        for loop in source.find_all(nodes.For):
            label = f"for {_written(loop.target)} in {_written(loop.iter)}"
            loop.iter = nodes.Filter(loop.iter, _COUNTED, [nodes.Const(label)], [], None, None, lineno=loop.lineno)
        return super()._generate(source, *args, **kwargs)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > 100:
            raise TemplateLimit(f"lũy thừa bậc {right}")
        if operator == "*":
            for repeated, times in ((left, right), (right, left)):
                if isinstance(repeated, (str, list, tuple)) and isinstance(times, int) \
                        and len(repeated) * times > MAX_TEXT:
                    raise TemplateLimit(f"lặp một đoạn {times} lần")
        return super().call_binop(context, operator, left, right)


MAX_TURNS = 1_000_000  # turns of all the loops of one document together
_COUNTED = "_luot_lap"  # the filter every loop's sequence goes through (not a name a template can know)
_turns = threading.local()


def reset_turns() -> None:
    """A new document: its loops start counting from none."""
    _turns.count = 0


def _counted(sequence: Any, label: str) -> Iterator[Any]:
    for item in sequence:
        _turns.count = getattr(_turns, "count", 0) + 1
        if _turns.count > MAX_TURNS:
            raise TemplateLimit(f"vòng lặp \"{{% {label} %}}\" (cùng các vòng lặp chứa nó) quay quá {MAX_TURNS:,} lượt"
                                .replace(",", "."))
        yield item


def _written(node: nodes.Node | None) -> str:
    """A loop's target or sequence as written, near enough to find it in the template."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_written(node.node)}.{node.attr}"
    if isinstance(node, nodes.Tuple):
        return ", ".join(_written(item) for item in node.items)
    if isinstance(node, nodes.Call):
        return f"{_written(node.node)}(…)"
    if isinstance(node, nodes.Const):
        return repr(node.value)
    if isinstance(node, (nodes.List, nodes.Filter)):
        return "[…]" if isinstance(node, nodes.List) else f"{_written(node.node)}|{node.name}"
    return "…"


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Stops a render that runs longer than `seconds` (a template looping without end) with `TemplateLimit`."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: Any) -> None:
        raise TemplateLimit(f"chạy quá {seconds:g} giây")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def refuse_oversized(archive: zipfile.ZipFile, path: Path) -> None:
    """`InputErrors` when a part of the template unpacks to more than `MAX_PART` (a zip bomb)."""
    part = oversized(archive, MAX_PART)
    if part is not None:
        raise InputErrors([problem(Reason.TEMPLATE_UNREADABLE, file=path.name,
                                   error=f"phần {part} quá lớn khi giải nén (trên {MAX_PART >> 20} MB)")])

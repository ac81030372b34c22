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
    """The sandbox, with `*` and `**` checked: `{{ title * 100000000 }}` is refused before it is made."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > 100:
            raise TemplateLimit(f"lũy thừa bậc {right}")
        if operator == "*":
            for repeated, times in ((left, right), (right, left)):
                if isinstance(repeated, (str, list, tuple)) and isinstance(times, int) \
                        and len(repeated) * times > MAX_TEXT:
                    raise TemplateLimit(f"lặp một đoạn {times} lần")
        return super().call_binop(context, operator, left, right)


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

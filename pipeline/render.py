"""Renders Word templates with docxtpl through one Jinja environment.

The environment is sandboxed (a template cannot reach Python internals or files),
strict about undefined names (a misspelt variable is an error, not a blank), and escapes
`& < > "` so data appears exactly as typed. Values arrive already formatted
(`documents`), so templates need no filters to be correct.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from pipeline.errors import InputErrors, Reason, problem

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates" / "docx"


def environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


def render_document(template: Path, context: dict[str, Any]) -> bytes:
    """The rendered .docx as bytes; template problems raise `InputErrors` naming the file."""
    if not template.is_file():
        raise InputErrors([problem(Reason.TEMPLATE_MISSING, file=str(template))])
    try:
        document = DocxTemplate(template)
        document.render(context, jinja_env=environment(), autoescape=True)
    except TemplateError as exc:
        raise InputErrors([problem(Reason.TEMPLATE_ERROR, file=template.name, error=_explain(exc))]) from exc
    except (KeyError, ValueError, OSError) as exc:
        raise InputErrors([problem(Reason.TEMPLATE_UNREADABLE, file=template.name, error=str(exc))]) from exc
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _explain(exc: TemplateError) -> str:
    words = " / ".join(w for w in (re.sub(r"\s+", " ", line).strip() for line in getattr(exc, "docx_context", []))
                       if w)
    where = f' Đoạn văn quanh chỗ lỗi: "{words}".' if words else ""
    if isinstance(exc, UndefinedError):
        return f"mẫu dùng tên không có trong dữ liệu ({exc.message}).{where}"
    return f"thẻ trong mẫu viết sai ({exc.message}).{where}"

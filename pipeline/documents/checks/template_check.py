"""Checks a Word template's tags before anything is rendered, and says where in Word to look.

Office staff edit templates in Word, which splits typed text into runs, autocorrects quotes
and moves formatting. This module reads the template as docxtpl will (its own `patch_xml`),
then reports every problem it can find at once, each with the words of the paragraph
around it:

- tags opened and not closed, or closed without being opened (`{% for %}` … `{% endfor %}`);
- other Jinja syntax errors (the first one per part: Jinja cannot read past it);
- names the documents do not provide, with the closest known name ("có phải ý bạn là …?");
- attributes beginning with `_`, the way out of a sandbox (`''.__class__.__mro__`);
- `{%tr %}` outside a table row, `{%tc %}` outside a cell (docxtpl would cut the wrong part);
- a tag Word split into runs of different formatting (the value takes the first run's);
- a tag that starts in one paragraph and ends in another;
- a section that lost its page numbers (LibreOffice re-save), a repeated table row or merged
  reason cell that no longer covers the table's columns (`template_layout`).

Each problem carries its paragraph (`Problem.anchor`), for `template_comments` to put a
Word comment there.

`catalogue.CONTEXTS` lists every name each kind of document provides.
"""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import TemplateSyntaxError

from pipeline.base.errors import Problem, Reason
from pipeline.documents.checks.template_layout import BODY, layout_problems
from pipeline.documents.checks.template_names import Names, environment
from pipeline.documents.checks.template_parts import Part, part_label, raw_problems, tag_problem, template_parts
from pipeline.documents.content.catalogue import CONTEXTS

BLOCKS = ("for", "if", "macro", "call", "filter", "with", "set", "raw", "autoescape")


def check_template(path: Path, context: str | None = None) -> list[Problem]:
    """Every problem of the template at `path`, checked against the names of `context`."""
    parts = template_parts(path)
    names = CONTEXTS[context] if context else frozenset().union(*CONTEXTS.values())
    found: list[Problem] = []
    for part in parts:
        found += raw_problems(path.name, part)
        balance, source = _balance_problems(path.name, part)
        found += balance
        try:
            tree = environment().parse(source)
        except TemplateSyntaxError as exc:
            found.append(tag_problem(Reason.TEMPLATE_SYNTAX, path.name, part, exc.lineno,
                                      value="", error=_syntax(exc.message or "")))
            continue
        walker = Names(names)
        walker.visit(tree)
        for reason, node, value, hint in walker.problems:
            if reason is Reason.TEMPLATE_SYNTAX:
                found.append(tag_problem(reason, path.name, part, node.lineno, value="", error=hint.rstrip(".")))
            else:
                found.append(tag_problem(reason, path.name, part, node.lineno, value=value, hint=hint))
    found += layout_problems(path, part_label(BODY))
    return list(dict.fromkeys(found))


def used_names(path: Path) -> set[str]:
    """The names the template uses, as written (`signature.name`, `u.unit`, `loop.first`)."""
    return set().union(*(walker.written for walker in _walked(path)))


def used_paths(path: Path) -> set[str]:
    """The names the template uses, resolved through its loops (`u.unit` → `appendices[].ranked[].unit`)."""
    return set().union(*(walker.resolved for walker in _walked(path)))


def _walked(path: Path) -> list[Names]:
    walkers = []
    for part in template_parts(path):
        walker = Names(frozenset().union(*CONTEXTS.values()))
        walker.visit(environment().parse(part.source))
        walkers.append(walker)
    return walkers


def _balance_problems(file: str, part: Part) -> tuple[list[Problem], str]:
    """Unclosed and unopened block tags, every one, and the source with them repaired.

    The repaired source (unopened ends dropped, missing ends added at the end) lets the
    name check go on, so one missing `{% endfor %}` does not hide a misspelt name.
    """
    found: list[Problem] = []
    stack: list[tuple[str, int, str]] = []
    edits: list[tuple[int, int, str]] = []
    source = part.source
    for match in re.finditer(r"{%-?\s*(\w+).*?%}", source, re.DOTALL):
        word, tag = match.group(1), re.sub(r"\s+", " ", match.group())
        line = source.count("\n", 0, match.start()) + 1
        if word in BLOCKS and not (word == "set" and "=" in tag):
            stack.append((word, line, tag))
        elif word.startswith("end") and word[3:] in BLOCKS:
            if stack and stack[-1][0] == word[3:]:
                stack.pop()
                continue
            if word[3:] not in {w for w, _, _ in stack}:
                expected = f"{{% end{stack[-1][0]} %}}" if stack else ""
                found.append(tag_problem(Reason.TEMPLATE_UNEXPECTED_END, file, part, line, value=tag,
                                          expected=expected))
                edits.append((*match.span(), ""))
                continue
            while stack[-1][0] != word[3:]:
                opened, at, text = stack.pop()
                found.append(tag_problem(Reason.TEMPLATE_UNCLOSED, file, part, at, value=text,
                                          end=f"{{% end{opened} %}}"))
                edits.append((match.start(), match.start(), f"{{% end{opened} %}}"))
            stack.pop()
    for word, line, text in stack:
        found.append(tag_problem(Reason.TEMPLATE_UNCLOSED, file, part, line, value=text, end=f"{{% end{word} %}}"))
    for start, end, text in reversed(edits):
        source = source[:start] + text + source[end:]
    return found, source + "".join(f"{{% end{word} %}}" for word, _, _ in reversed(stack))


_SYNTAX = (
    (r"Encountered unknown tag '(tr|tc|p|r)'", "thẻ {{%{0} …%}} chỉ dùng được ở đầu thẻ, viết liền: {{%{0} for … %}}"),
    (r"Encountered unknown tag '(\w+)'", 'thẻ "{0}" không có; các thẻ dùng được: for, if, elif, else, endfor, endif'),
    (r"No filter named '(\w+)'", 'bộ lọc "{0}" không có'),
    (r"expected token '([^']+)', got '([^']+)'", 'viết thiếu hoặc thừa ký tự: cần "{0}" nhưng gặp "{1}"'),
    (r"unexpected '([^']+)'", 'có ký tự "{0}" không đúng chỗ'),
    (r"unexpected char '([^']+)'", 'có ký tự "{0}" không đúng chỗ (thường do gõ ngoặc cong hoặc dấu lạ)'),
)


_TOKENS = {"end of print statement": "}}", "end of statement block": "%}", "name": "một tên"}


def _syntax(message: str) -> str:
    for pattern, text in _SYNTAX:
        match = re.search(pattern, message)
        if match:
            return text.format(*(_TOKENS.get(g, g) for g in match.groups()))
    return f"thẻ viết sai cú pháp (chi tiết kỹ thuật: {message})"

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
- a tag that starts in one paragraph and ends in another.

`CONTEXTS` lists every name each kind of document provides; `docs/templates.md` documents
them and a test keeps the three (templates, this list, the documents) in step.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import zipfile
from dataclasses import dataclass
from difflib import get_close_matches
from functools import cache
from itertools import accumulate
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import TemplateSyntaxError, nodes
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeVisitor
from lxml import etree

from pipeline.config.document_settings import Signature
from pipeline.documents.context import TEMPLATES, Appendix, CriterionRow, ExtraRow, ReasonBlock, UnitRow
from pipeline.base.errors import InputErrors, Problem, Reason, problem

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TAG = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.DOTALL)
BLOCKS = ("for", "if", "macro", "call", "filter", "with", "set", "raw", "autoescape")
LOOP = {"index", "index0", "revindex", "revindex0", "first", "last", "length", "cycle", "depth", "depth0",
        "previtem", "nextitem", "changed"}
# Run properties that change nothing a reader sees: revision ids, spelling language, proofing.
INVISIBLE = {"rsidR", "rsidRPr", "rsidDel", "rsidRDefault", "lang", "noProof", "proofErr", "webHidden"}


def _fields(prefix: str, cls: type) -> set[str]:
    return {prefix} | {f"{prefix}.{f.name}" for f in dataclasses.fields(cls)}


_HEADER = {"parent_body", "issuing_body", "issuing_body[]", "number", "symbol", "place", "date", "title",
           "recipients", "recipients[]", *_fields("signature", Signature), "signature.authority[]"}
_UNITS = _fields("appendices[].ranked[]", UnitRow) | _fields("appendices[].not_evaluated[].units[]", UnitRow)
CONTEXTS: dict[str, frozenset[str]] = {
    "report": frozenset(_HEADER | _fields("total", ExtraRow) | {"criteria"} | _fields("criteria[]", CriterionRow)
                        | _fields("bonus", ExtraRow) | _fields("penalty", ExtraRow) | {"self_rating"}),
    "decision": frozenset(_HEADER | {"authority", "bases", "bases[]", "article_1", "article_1_lines",
                                     "article_1_lines[]", "article_2", "article_3", "attached_to", "appendices"}
                          | _fields("appendices[]", Appendix) | {"appendices[].ranked", "appendices[].not_evaluated"}
                          | _fields("appendices[].not_evaluated[]", ReasonBlock) | _UNITS),
}
KIND_CONTEXT = {"bao-cao-tu-cham": "report", "quyet-dinh-xep-loai": "decision", "xep-hang-cchc": "decision",
                "dot-danh-gia": "decision"}


def context_for_template(name: str) -> str | None:
    """The context a shipped template's file name implies, or None for another name."""
    kinds = {template: kind for (kind, _), template in TEMPLATES.items()}
    return KIND_CONTEXT[kinds[name]] if name in kinds else None


@dataclass(frozen=True)
class Part:
    """One XML part of the template as docxtpl reads it: one line per paragraph."""

    name: str
    raw: etree._Element
    source: str

    def words(self, line: int) -> str:
        lines = self.source.splitlines()
        text = re.sub(r"<[^>]+>", "", lines[line - 1]) if 0 < line <= len(lines) else ""
        return _short(text)


def check_template(path: Path, context: str | None = None) -> list[Problem]:
    """Every problem of the template at `path`, checked against the names of `context`."""
    parts = template_parts(path)
    names = CONTEXTS[context] if context else frozenset().union(*CONTEXTS.values())
    found: list[Problem] = []
    for part in parts:
        found += _raw_problems(path.name, part)
        balance, source = _balance_problems(path.name, part)
        found += balance
        try:
            tree = environment().parse(source)
        except TemplateSyntaxError as exc:
            found.append(_tag_problem(Reason.TEMPLATE_SYNTAX, path.name, part, exc.lineno,
                                      value="", error=_syntax(exc.message or "")))
            continue
        walker = _Names(names)
        walker.visit(tree)
        for reason, node, value, hint in walker.problems:
            if reason is Reason.TEMPLATE_SYNTAX:
                found.append(_tag_problem(reason, path.name, part, node.lineno, value="", error=hint.rstrip(".")))
            else:
                found.append(_tag_problem(reason, path.name, part, node.lineno, value=value, hint=hint))
    return list(dict.fromkeys(found))


def used_names(path: Path) -> set[str]:
    """The names the template uses, as written (`signature.name`, `u.unit`, `loop.first`)."""
    return set().union(*(walker.written for walker in _walked(path)))


def used_paths(path: Path) -> set[str]:
    """The names the template uses, resolved through its loops (`u.unit` → `appendices[].ranked[].unit`)."""
    return set().union(*(walker.resolved for walker in _walked(path)))


def _walked(path: Path) -> list[_Names]:
    walkers = []
    for part in template_parts(path):
        walker = _Names(frozenset().union(*CONTEXTS.values()))
        walker.visit(environment().parse(part.source))
        walkers.append(walker)
    return walkers


@cache
def environment() -> SandboxedEnvironment:
    """The rendering environment, made once: the checks only parse with it."""
    from pipeline.documents.render import environment as render_environment

    return render_environment()


def template_parts(path: Path) -> list[Part]:
    """The body, headers and footers that hold tags, patched the way docxtpl patches them."""
    if not path.is_file():
        raise InputErrors([problem(Reason.TEMPLATE_MISSING, file=str(path))])
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist()
                     if re.fullmatch(r"word/(document|header\d*|footer\d*|footnotes)\.xml", n)]
            blobs = {n: archive.read(n) for n in names}
        raws = {n: etree.fromstring(blob) for n, blob in blobs.items()}
    except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError, OSError) as exc:
        raise InputErrors([problem(Reason.TEMPLATE_UNREADABLE, file=path.name, error=str(exc))]) from exc
    if "word/document.xml" not in raws:
        raise InputErrors([problem(Reason.TEMPLATE_UNREADABLE, file=path.name,
                                   error="không có phần nội dung word/document.xml")])
    parts = []
    for name, raw in raws.items():
        element = copy.deepcopy(raw.find(f"{W}body") if name == "word/document.xml" else raw)
        _drop_misplaced_levels(element)
        xml = etree.tostring(element, encoding="unicode")
        if not TAG.search(re.sub(r"<[^>]+>", "", xml)) and "{" not in xml:
            continue
        source = re.sub(r"<w:p([ >])", r"\n<w:p\1", DocxTemplate.patch_xml(None, xml))  # type: ignore[arg-type]
        parts.append(Part(name, raw, source))
    return parts


def _drop_misplaced_levels(element: etree._Element) -> None:
    """`{%tr` outside a row becomes `{%`, so docxtpl does not cut the text between rows (reported apart)."""
    for text in element.iter(f"{W}t"):
        if text.text and re.search(r"{[{%#](tr|tc)\s", text.text):
            ancestors = {a.tag for a in text.iterancestors()}
            for level in ("tr", "tc"):
                if f"{W}{level}" not in ancestors:
                    text.text = re.sub(r"({[{%#])" + level + r"(\s)", r"\1\2", text.text)


def _tag_problem(reason: Reason, file: str, part: Part, line: int | None, **details: str) -> Problem:
    """A problem at a line of the patched source, quoting the tag and paragraph as Word shows them."""
    words = part.words(line or 0)
    value = details.get("value", "")
    if value.startswith("{%"):
        written = _as_written(part, value)
        if written:
            details["value"] = written[0][0]
            if len(written) == 1:  # a tag written once: its own paragraph; else docxtpl's neighbours
                words = written[0][1]
    return problem(reason, file=file, part=_part_label(part.name), words=words, **details)


def _as_written(part: Part, tag: str) -> list[tuple[str, str]]:
    """Each place `{% for x in y %}` is typed in Word (as `{%p for x in y %}`), with its paragraph's words."""
    inner = re.sub(r"\s+", " ", tag[2:-2]).strip(" -")
    places = []
    for paragraph in part.raw.iter(f"{W}p"):
        text = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
        for written in re.finditer(r"{%.*?%}", text):
            typed = re.sub(r"\s+", " ", re.sub(r"^{%-?\s*(?:p|tr|tc|r)\s", "{% ", written.group())[2:-2]).strip(" -")
            if typed == inner:
                places.append((written.group(), _short(text)))
    return places


def _part_label(name: str) -> str:
    if "header" in name:
        return "đầu trang"
    if "footer" in name:
        return "chân trang"
    return "chú thích" if "footnotes" in name else "nội dung"


def _short(text: str, limit: int = 160) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _raw_problems(file: str, part: Part) -> list[Problem]:
    """Problems visible only in Word's own structure: runs, rows, cells, paragraphs."""
    found = []
    for paragraph in part.raw.iter(f"{W}p"):
        runs = [(r, "".join(t.text or "" for t in r.iter(f"{W}t"))) for r in paragraph.iter(f"{W}r")]
        text = "".join(t for _, t in runs)
        words = _short(text)
        for opened in re.finditer(r"{[{%#]", text):
            closing = {"{{": "}}", "{%": "%}", "{#": "#}"}[opened.group()]
            if text.find(closing, opened.end()) < 0:
                found.append(problem(Reason.TEMPLATE_TAG_OPEN, file=file, part=_part_label(part.name),
                                     value=text[opened.start():opened.start() + 30], words=words))
        found += _vm_problems(file, part, paragraph, words)
        for tag in TAG.finditer(text):
            found += _level_problems(file, part, paragraph, tag.group(), words)
            styles = _styles_over(runs, tag.start(), tag.end())
            if len(styles) > 1:
                found.append(problem(Reason.TEMPLATE_SPLIT_TAG, file=file, part=_part_label(part.name),
                                     value=tag.group(), words=words, pieces=" | ".join(styles)))
    return found


def _vm_problems(file: str, part: Part, paragraph: etree._Element, words: str) -> list[Problem]:
    """docxtpl merges a `{% vm %}` cell by hiding only the text element that ends up holding the tag:
    the text of the pieces the tag spans. Text in any other piece would repeat in every merged cell."""
    pieces = [t.text or "" for t in paragraph.iter(f"{W}t")]
    text = "".join(pieces)
    tag = re.search(r"{%\s*vm\s*%}", text)
    if not tag:
        return []
    ends = list(accumulate(len(piece) for piece in pieces))
    bounds = list(zip([0, *ends], ends))
    spans = [t.span() for t in TAG.finditer(text)]
    start, end = tag.span()
    while True:  # docxtpl joins into one text element every piece a tag spans, tag by tag
        wider_start = next(b for b, e in bounds if e > start)
        wider_end = next(e for b, e in reversed(bounds) if b < end)
        wider_start = min([wider_start, *(s for s, e in spans if s < wider_start < e)])
        wider_end = max([wider_end, *(e for s, e in spans if s < wider_end < e)])
        if (wider_start, wider_end) == (start, end):
            break
        start, end = wider_start, wider_end
    outside = text[:start] + text[end:]
    if not outside.strip():
        return []
    return [problem(Reason.TEMPLATE_VM_SPLIT, file=file, part=_part_label(part.name), value="{% vm %}",
                    words=words)]


def _level_problems(file: str, part: Part, paragraph: etree._Element, tag: str, words: str) -> list[Problem]:
    level = re.match(r"[{][{%#](tr|tc)\s", tag)
    if not level:
        return []
    needed = f"{W}{level.group(1)}"
    if any(a.tag == needed for a in paragraph.iterancestors()):
        return []
    reason = Reason.TEMPLATE_ROW_TAG if level.group(1) == "tr" else Reason.TEMPLATE_CELL_TAG
    return [problem(reason, file=file, part=_part_label(part.name), value=tag, words=words)]


def _styles_over(runs: list[tuple[etree._Element, str]], start: int, end: int) -> list[str]:
    """The pieces of text[start:end] in order, each with its visible formatting, when they differ."""
    pieces: list[list[str]] = []
    position = 0
    for run, text in runs:
        if text and position < end and position + len(text) > start:
            piece, style = text[max(start - position, 0):end - position], _visible_format(run)
            if pieces and pieces[-1][0] == style:
                pieces[-1][1] += piece
            else:
                pieces.append([style, piece])
        position += len(text)
    if len({style for style, _ in pieces}) < 2:
        return []
    return [f'"{text}" {style or "(định dạng thường)"}' for style, text in pieces]


def _visible_format(run: etree._Element) -> str:
    properties = run.find(f"{W}rPr")
    if properties is None:
        return ""
    names = []
    for child in properties:
        name = etree.QName(child).localname
        if name in INVISIBLE:
            continue
        value = child.get(f"{W}val")
        names.append(_FORMAT_WORDS.get(name, name) + (f" {value}" if value not in (None, "1", "true") else ""))
    return ", ".join(sorted(names))


_FORMAT_WORDS = {"b": "đậm", "bCs": "đậm", "i": "nghiêng", "iCs": "nghiêng", "u": "gạch chân", "sz": "cỡ chữ",
                 "szCs": "cỡ chữ", "rFonts": "phông chữ", "color": "màu chữ", "highlight": "tô nền",
                 "strike": "gạch ngang", "caps": "chữ hoa", "vertAlign": "chỉ số trên/dưới"}


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
                found.append(_tag_problem(Reason.TEMPLATE_UNEXPECTED_END, file, part, line, value=tag,
                                          expected=expected))
                edits.append((*match.span(), ""))
                continue
            while stack[-1][0] != word[3:]:
                opened, at, text = stack.pop()
                found.append(_tag_problem(Reason.TEMPLATE_UNCLOSED, file, part, at, value=text,
                                          end=f"{{% end{opened} %}}"))
                edits.append((match.start(), match.start(), f"{{% end{opened} %}}"))
            stack.pop()
    for word, line, text in stack:
        found.append(_tag_problem(Reason.TEMPLATE_UNCLOSED, file, part, line, value=text, end=f"{{% end{word} %}}"))
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


class _Names(NodeVisitor):
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
        close = get_close_matches(name, candidates, n=1, cutoff=0.6)
        hint = f' Có phải ý bạn là "{close[0]}"?' if close else ""
        self.problems.append((Reason.TEMPLATE_UNKNOWN_NAME, node, name, hint))

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
        self.scopes.append({a.name: None for a in node.args} | {"varargs": None, "kwargs": None, "caller": None})
        for child in node.body:
            self.visit(child)
        self.scopes.pop()
        self.scopes[-1][node.name] = None

    def visit_With(self, node: nodes.With) -> None:
        scope = {}
        for target, value in zip(node.targets, node.values):
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

"""Renders Word templates: docxtpl's template language, prepared once, rendered many times.

A `PreparedTemplate` does once what `DocxTemplate.render` redoes for every document:
unzip and parse the template, patch its XML with docxtpl's own `patch_xml` (about twenty
regular-expression passes), and compile the Jinja source of each part. Rendering is then
the Jinja render plus the post-processing docxtpl applies to the output — its own
`resolve_listing` and `fix_tables`, and the same numbering of drawing ids — so the
`word/document.xml` it writes is the one plain docxtpl writes (a test compares them for
every shipped template), with one fix-up added on either path: cell properties docxtpl
writes out of schema order are put in order (`schema_order`), so Word does not repair the
file. The title and author Word shows come from the document (its trích yếu and issuing
body), not the clock. The zip is written with a fixed timestamp and the template's
part order, so the same inputs give byte-identical files and a hash identifies a document.

One Jinja environment renders everything: sandboxed (a template cannot reach Python
internals or files), strict about undefined names (a misspelt variable is an error, not a
blank), escaping `& < > "` so data appears exactly as typed. Values arrive formatted
(`documents`), so templates need no filters to be correct.
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import lru_cache
from pathlib import Path
from stat import S_ISREG
from typing import Any, cast

from docx.oxml.parser import parse_xml
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, Template, TemplateError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from pipeline.base.archive import deflated, zipped
from pipeline.base.errors import InputErrors, Reason, problem
from pipeline.documents import TEMPLATE_DIR
from pipeline.documents.layout.page_layout import laid_out
from pipeline.documents.layout.paragraph_looks import Styles, text_of
from pipeline.documents.rendering import limits
from pipeline.documents.rendering.column_loops import column_loop_tables
from pipeline.documents.rendering.limits import LimitedEnvironment, TemplateLimit, refuse_oversized, time_limit
from pipeline.documents.rendering.row_loops import with_row_loops
from pipeline.documents.rendering.schema_order import cell_properties_in_order, may_disorder_cells
from pipeline.documents.rendering.template_package import NO_BODY, refuse_not_plain
from pipeline.documents.rendering.xml_bytes import CONTROL, closed_empty, has_control

DOCUMENT_PART = "word/document.xml"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DRAWING_IDS = etree.XPath("//wp:docPr", namespaces={
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"})
# Core properties docxtpl renders as templates (`DocxTemplate.render_properties`).
PROPERTIES = ("{http://purl.org/dc/elements/1.1/}creator", "{http://purl.org/dc/elements/1.1/}description",
              "{http://purl.org/dc/elements/1.1/}identifier", "{http://purl.org/dc/elements/1.1/}language",
              "{http://purl.org/dc/elements/1.1/}subject", "{http://purl.org/dc/elements/1.1/}title")
TITLE, CREATOR = PROPERTIES[5], PROPERTIES[0]
_TAGS = re.compile(r"{[{%#]")
LISTING = "\t\a\n\f"  # characters docxtpl's `resolve_listing` turns into tabs, paragraphs, breaks
_CONTROL_TEXT = re.compile("[" + re.escape(CONTROL) + "\ufffe\uffff]")
_LISTING = re.compile(("[" + re.escape(LISTING) + "]").encode("ascii"))


def environment() -> SandboxedEnvironment:
    return LimitedEnvironment(autoescape=True, undefined=StrictUndefined)


class PreparedTemplate:
    """A .docx template read, patched and compiled once; `render` makes one document."""

    def __init__(self, path: Path):
        self.path = path
        self.env = environment()
        try:
            with zipfile.ZipFile(path) as archive:
                refuse_oversized(archive, path)
                refuse_not_plain(archive, path)  # no macro content type, control or link ever reaches an output
                self.parts = {info.filename: archive.read(info) for info in archive.infolist()}
            root = parse_xml(self.parts[DOCUMENT_PART])
        except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, OSError) as exc:
            raise InputErrors([problem(Reason.TEMPLATE_UNREADABLE, file=path.name, error=str(exc))]) from exc
        body = root.find(f"{{{W_NS}}}body")
        if body is None:
            raise InputErrors([problem(Reason.TEMPLATE_UNREADABLE, file=path.name, error=NO_BODY)])
        self.sources: dict[Template, str] = {}
        self.body = self._compile(etree.tostring(body, encoding="unicode"), rows=True)
        # Tables whose columns a loop repeats need docxtpl's own post-processing; the rest may be spliced.
        set_apart = column_loop_tables(self.sources[self.body])
        self.column_grids = set_apart[1] if set_apart else ()
        self.splice: bool | str = set_apart is not None and _splice_safe(body, set_apart[0])
        self.reorder = may_disorder_cells(self.sources[self.body])  # `{% vm %}`, `{% colspan %}`…
        if self.splice and path.resolve().parent == TEMPLATE_DIR:
            # A shipped template's fast path is checked against plain docxtpl by the test suite,
            # for every example and for random text; a job's own template is checked here, once.
            self.splice = "verified"
        # Elements whose content starts with a tag may render empty; lxml writes those as <x/>.
        may_be_empty = sorted(set(re.findall(r"<([\w:]+)(?:\s[^<>]*)?>(?={[{%#])", self.sources[self.body])))
        self.empty = may_be_empty
        body.clear()  # the rendered body takes its place; a small shell is quick to parse anew
        self.shell = etree.tostring(root)
        empty = etree.tostring(root, encoding="UTF-8", standalone=True)
        emptied = re.search(rb"<w:body\b[^>]*/>", empty)
        assert emptied is not None  # the body was just cleared: lxml writes it as one empty element
        start, end = emptied.span()
        self.head, self.tail = empty[:start] + b"<w:body>", b"</w:body>" + empty[end:]
        self.others = {name: self._compile(blob.decode("utf-8")) for name, blob in self.parts.items()
                       if re.fullmatch(r"word/(header|footer)\d*\.xml", name) and _TAGS.search(blob.decode("utf-8"))}
        self.footnotes = None
        if _TAGS.search(self.parts.get("word/footnotes.xml", b"").decode("utf-8")):
            self.footnotes = self._compile(self.parts["word/footnotes.xml"].decode("utf-8"))
        self.properties = self._properties()
        self.styles = Styles(self.parts.get("word/styles.xml"))
        # Parts no document changes (styles, fonts, settings, media) are compressed once, here.
        self.deflated = {name: deflated(blob) for name, blob in self.parts.items() if name != DOCUMENT_PART}

    def _compile(self, xml: str, rows: bool = False) -> Template:
        """The part's Jinja template; docxtpl's line breaks before paragraphs serve only error messages.

        With `rows`, its plain row loops are filled by joining text (`row_loops`); `sources` keeps the
        source as written, which says where an error is."""
        source: str = DocxTemplate.patch_xml(None, xml)  # uses no instance state
        try:
            template = self.env.from_string((with_row_loops(source, self.env) if rows else None) or source)
        except TemplateError:
            self._raise_located(source, None)
        self.sources[template] = source
        return template

    def _raise_located(self, source: str, context: dict[str, Any] | None) -> None:
        """Redoes a failed step on the source with one line per paragraph, to say where it failed."""
        lined = _lined(source)
        try:
            template = self.env.from_string(lined)
            if context is not None:
                template.render(context)
        except (TemplateError, ArithmeticError, TypeError, ValueError, LookupError) as exc:
            raise template_error(self.path, exc, lined) from exc
        raise AssertionError("a template failed once and not the second time")

    def _properties(self) -> dict[str, Template]:
        if "docProps/core.xml" not in self.parts:
            return {}
        core = etree.fromstring(self.parts["docProps/core.xml"])
        try:
            return {tag: self.env.from_string(element.text) for tag in PROPERTIES
                    for element in core.iter(tag) if element.text and _TAGS.search(element.text)}
        except TemplateError as exc:
            raise template_error(self.path, exc) from exc

    def render(self, context: dict[str, Any]) -> bytes:
        """The document for `context` as .docx bytes; the same context gives the same bytes."""
        limits.reset_turns()
        try:
            with time_limit(limits.RENDER_SECONDS):
                return self._render(context)
        except TemplateLimit as exc:
            raise template_error(self.path, exc) from exc

    def _render(self, context: dict[str, Any]) -> bytes:
        others = {name: self._fill(template, context) for name, template in self.others.items()}
        footnotes = self._fill(self.footnotes, context) if self.footnotes else None
        try:
            properties = {tag: template.render(context) for tag, template in self.properties.items()}
        except TemplateError as exc:
            raise template_error(self.path, exc) from exc
        properties = {**document_properties(context), **properties}  # a property the template fills wins
        parts = dict(self.parts)
        # No name holds the document between the steps: each step's input is dropped once it has its output.
        parts[DOCUMENT_PART] = laid_out(self._ordered(self._document_xml(self._filled_body(context))), self.styles)
        for name, xml in others.items():
            encoding = re.match(r'<\?xml[^?]+\bencoding="([^"]+)"', xml, re.I)
            parts[name] = etree.tostring(parse_xml(xml.encode(encoding.group(1) if encoding else "utf-8")),
                                         encoding="UTF-8", standalone=True)
        if footnotes is not None:
            parts["word/footnotes.xml"] = footnotes.encode("utf-8")
        if properties and "docProps/core.xml" in self.parts:
            parts["docProps/core.xml"] = core_properties(self.parts["docProps/core.xml"], properties)
        return zipped(parts, self.deflated)

    def _ordered(self, document_xml: bytes) -> bytes:
        """Cell properties in schema order where the template needs it; after either path of `_document_xml`,
        spliced or serialised, both stay the same bytes."""
        return cell_properties_in_order(document_xml) if self.reorder else document_xml

    def _fill(self, template: Template, context: dict[str, Any]) -> str:
        """`DocxTemplate.render_xml_part` after compilation: render, unescape, resolve listings."""
        try:
            xml = template.render(context)
        except TemplateLimit:
            raise
        except (TemplateError, ArithmeticError, TypeError, ValueError, LookupError):
            self._raise_located(self.sources[template], context)
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        if any(c in xml for c in LISTING):
            xml = DocxTemplate.resolve_listing(None, xml)  # uses no instance state
        return xml

    def _filled_body(self, context: dict[str, Any]) -> bytes:
        """`_fill` for the body, rendered straight into UTF-8: a large decision never exists as one text."""
        out = io.BytesIO()
        try:
            for chunk in self.body.generate(context):
                out.write(chunk.encode("utf-8"))
                if out.tell() > limits.MAX_BODY:
                    raise TemplateLimit(f"văn bản dài quá {limits.MAX_BODY >> 20} MB")
        except TemplateLimit:
            raise
        except (TemplateError, ArithmeticError, TypeError, ValueError, LookupError):
            self._raise_located(self.sources[self.body], context)
        data = out.getvalue()
        del out
        if b"{_" in data or b"_}" in data:  # two searches, not four passes over a large body
            for escaped, brace in ((b"{_{", b"{{"), (b"}_}", b"}}"), (b"{_%", b"{%"), (b"%_}", b"%}")):
                data = data.replace(escaped, brace)
        if _LISTING.search(data):
            data = DocxTemplate.resolve_listing(None, data.decode("utf-8")).encode("utf-8")  # uses no instance state
        return data

    def _document_xml(self, body: bytes) -> bytes:
        """docxtpl's `fix_tables`, drawing ids and serialisation; or the same bytes by splicing.

        When `_splice_safe` holds and the output has no character or empty table lxml would
        change, the XML is already what lxml would write but for three spellings it
        normalises: quotes escaped by Jinja, and empty elements. The first document of a job's
        own template is made both ways and compared; any difference disables splicing (for a
        shipped template the tests make that comparison, and a large decision is spared
        building its whole XML tree a second time).
        """
        if self.splice and b"</w:tblGrid></w:tbl>" not in body and not has_control(body) \
                and not any(grid in body for grid in self.column_grids):
            verified = self.splice == "verified"
            xml, body = body, (b"" if verified else body)  # a large body is held once, not once per step
            xml = xml.replace(b"&#34;", b'"').replace(b"&#39;", b"'")  # no copy when there is no quote
            xml = closed_empty(xml, self.empty)
            inner = memoryview(xml)[xml.index(b">") + 1:xml.rindex(b"</w:body>")]
            spliced = b"".join((self.head, inner, self.tail))
            if verified:
                return spliced
            serialised = self._serialised(body)
            self.splice = "verified" if spliced == serialised else False
            return serialised
        return self._serialised(body)

    def _serialised(self, body: bytes) -> bytes:
        tree: etree._Element = DocxTemplate.fix_tables(None, body.decode("utf-8"))  # uses no instance state
        # an XPath selecting elements returns a list of them; the stubs type every XPath result alike
        for number, element in enumerate(cast(list[etree._Element], DRAWING_IDS(tree)), 1001):
            element.attrib["id"] = str(number)
        root = parse_xml(self.shell)
        shell_body = root.find(f"{{{W_NS}}}body")
        assert shell_body is not None  # the shell is the template's document with its body emptied
        root.replace(shell_body, tree)
        return etree.tostring(root, encoding="UTF-8", standalone=True)


def _splice_safe(body: etree._Element, source: str) -> bool:
    """Whether docxtpl's post-processing can only re-serialise this template's output.

    `fix_tables` changes nothing when every row of every table spans at least the table's
    grid and has no more cells than it (rows are only repeated or dropped: no `{%tc %}`,
    `hm`, `colspan`), drawing ids exist only with drawings, and data is escaped only in
    text, never in an attribute or by `safe`. A table with a column loop is left out of
    `source` (`column_loops`): a document holding it is not spliced.
    """
    if re.search(r"{[{%#](tc|-?\s*(hm|colspan|cellbg))\b|docPr|\|\s*safe\b|<[^>]*{{", source):
        return False
    ns = f"{{{W_NS}}}"
    for table in body.iter(f"{ns}tbl"):
        if re.search(r"{%-?\s*tc\s", text_of(table)):
            continue  # a column loop: set apart
        grid = len(table.findall(f"{ns}tblGrid/{ns}gridCol"))
        for row in table.iter(f"{ns}tr"):
            cells = row.findall(f"{ns}tc")
            spans = sum(int(span.attrib[f"{ns}val"]) if (span := c.find(f"{ns}tcPr/{ns}gridSpan")) is not None else 1
                        for c in cells)
            if len(cells) > grid or spans < grid:
                return False
    return True


def document_properties(context: dict[str, Any]) -> dict[str, str]:
    """The title and author Word shows (File > Info): the trích yếu and the issuing body, one line each.

    Taken from the document, not the clock, so the same context still gives the same bytes.
    """
    values = {}
    if isinstance(context.get("title"), str):
        values[TITLE] = context["title"]
    body = context.get("issuing_body")
    if isinstance(body, (list, tuple)) and all(isinstance(line, str) for line in body):
        values[CREATOR] = " ".join(body)
    return {tag: " ".join(_CONTROL_TEXT.sub(" ", text).split()) for tag, text in values.items()}


def core_properties(blob: bytes, values: dict[str, str]) -> bytes:
    core = etree.fromstring(blob)
    for tag, text in values.items():
        found = list(core.iter(tag))
        for element in found or [etree.SubElement(core, tag)]:
            element.text = text
    return etree.tostring(core, encoding="UTF-8", standalone=True)


@lru_cache(maxsize=16)
def _prepared(path: Path, stamp: tuple[int, int, int, int]) -> PreparedTemplate:
    return PreparedTemplate(path.resolve())


def prepared(path: Path) -> PreparedTemplate:
    """The prepared template at `path`, reused while the file is the same and unchanged (file, size and time).

    One `stat`: a campaign asks for its templates once per document."""
    try:
        stat = path.stat()
    except (OSError, ValueError):
        stat = None
    if stat is None or not S_ISREG(stat.st_mode):
        raise InputErrors([problem(Reason.TEMPLATE_MISSING, file=str(path))])
    return _prepared(path, (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns))


def render_document(template: Path, context: dict[str, Any]) -> bytes:
    """The rendered .docx as bytes; template problems raise `InputErrors` naming the file."""
    return prepared(template).render(context)


def render_with_docxtpl(template: Path, context: dict[str, Any]) -> bytes:
    """Plain docxtpl, one `DocxTemplate` per document: the reference the prepared path must equal."""
    document = DocxTemplate(template)
    limits.reset_turns()
    document.render(context, jinja_env=environment(), autoescape=True)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _template_line(exc: Exception) -> int | None:
    """The template line a non-Jinja error came from, read from its traceback."""
    frame = exc.__traceback__
    line = None
    while frame is not None:
        if frame.tb_frame.f_code.co_filename == "<template>":
            line = frame.tb_lineno
        frame = frame.tb_next
    return line


def _lined(source: str) -> str:
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", source)


def template_error(path: Path, exc: Exception, source: str | None = None) -> InputErrors:
    words = ""
    line = getattr(exc, "lineno", None) or _template_line(exc)
    if source and line:
        lines = source.splitlines()
        words = " / ".join(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip()
                           for text in lines[max(line - 2, 0):line + 1]).strip(" /")
    where = f' Đoạn văn quanh chỗ lỗi: "{words}".' if words else ""
    if isinstance(exc, TemplateLimit):
        error = (f"mẫu đòi nhiều hơn mọi văn bản cần ({exc.message}), nên bị dừng. Xem lại các thẻ lặp và phép nhân "
                 f"trong mẫu.{where}")
    elif isinstance(exc, UndefinedError):
        missing = re.search(r"has no attribute '([^']+)'|'([^']+)' is undefined", exc.message or "")
        name = next((g for g in missing.groups() if g), "") if missing else ""
        error = f'mẫu dùng tên "{name}" không có trong dữ liệu.{where}'
    elif isinstance(exc, TemplateError):
        error = f"thẻ trong mẫu viết sai ({exc.message}).{where}"
    else:
        error = f"một thẻ trong mẫu không tính được với số liệu này ({type(exc).__name__}: {exc}).{where}"
    return InputErrors([problem(Reason.TEMPLATE_ERROR, file=path.name, error=error)])

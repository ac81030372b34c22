"""The desk speaks the clerk's words: no page it shows and no file it hands out names a command-line option,
`job.toml`, a TOML key or TOML syntax, or a terminal command.

Every example job of `inputs/` (copied to a temporary jobs folder, with new jobs made from the "Công việc mới"
form for every kind) is visited over HTTP, page by page, by following every link the pages give, and every
file the desk hands out is read: data files and their .zip, `loi.xlsx`, annotated template copies, shipped
templates, and after a run every output (.docx text with its comments, headers and footers; `ket-qua.xlsx`
cell texts, comments and input prompts; the outputs .zip and what it holds). Previews are pictures (made by
LibreOffice, slow) and are not opened.

Documents are made for every example and for the campaign before its appraisal is done (`dot-danh-gia-chua-
tham-dinh`, a copy of the example campaign with "Đã thẩm định xong" unticked: what a run says then); all the runs
take about 13 s on the machine the suite runs on, most of it the example campaign. The question a second run
asks before replacing earlier documents is read for a decision and the campaign (`REFUSED`), and
the refusal of a run with "Coi điều cần xem lại là lỗi" for the report with findings on typed numbers.
"""

from __future__ import annotations

import html
import io
import re
import shutil
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from docx import Document

from pipeline.documents.rendering.render import TEMPLATE_DIR
from pipeline.web.app import create_app
from tests.conftest import INPUTS
from tests.web.conftest import Client
from tests.web.test_documents import finished

FORBIDDEN = ("--force", "--strict", "--out", "--pdf", "job.toml", "python -m", "= true", "= false", "{ name =",
             "groups[", "[appraisal]", "[previous]", "[summary]", "[checks]", "[reports]",
             # the command line's other options, which the desk's forms stand for
             "--from", "--criteria", "--kind", "--errors", "--annotate", "--debug")
EXAMPLES = sorted(p.name for p in INPUTS.iterdir() if (p / "job.toml").is_file())
REFUSED = ("huong-tra-2020-xep-loai", "vi-du-2025-dot-danh-gia-tinh")
CAMPAIGN = "vi-du-2025-dot-danh-gia-tinh"
NOT_APPRAISED = "dot-danh-gia-chua-tham-dinh"
NEW = (  # (name, kind, source) made from the "Công việc mới" form: a blank job of every kind (a campaign from a
    # criteria workbook: a unit table of the example campaign), and one from last year's
    ("moi-xep-loai", "quyet-dinh-xep-loai", ""), ("moi-tu-cham", "bao-cao-tu-cham", ""),
    ("moi-xep-hang", "xep-hang-cchc", ""), ("moi-dot-danh-gia", "dot-danh-gia", ""),
    ("moi-tu-dot-truoc", "dot-danh-gia", CAMPAIGN),
)
_SHOWN = {"placeholder", "title", "alt", "aria-label", "aria-description", "aria-valuetext", "data-words", "label"}
_NOT_FOLLOWED = ("/preview", "/logout", "/static/")


class _Shown(HTMLParser):
    """What a page shows a person: its text, and the attributes a browser shows or says aloud."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("script", "style"):
            self._hidden += 1
        self.parts += [v for k, v in attrs if k in _SHOWN and v]
        if tag in ("input", "button") and values.get("type", "text") not in ("hidden", "checkbox", "radio", "file"):
            self.parts.append(values.get("value") or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _xml_text(xml: str) -> str:
    """An Office part's text (a paragraph's or a cell's runs joined) and its attribute values (input prompts)."""
    attributes = "\n".join(html.unescape(v) for v in re.findall(r'="([^"]*)"', xml))
    text = re.sub(r"<[^>]+>", "", re.sub(r"</(?:w:p|a:p|si|c|is|comment|w:comment|dataValidation)>", "\n", xml))
    return html.unescape(text) + "\n" + attributes


def texts_of(name: str, content: bytes) -> list[tuple[str, str]]:
    """(where, text) of everything a person reads in a file the desk hands out, zips opened."""
    suffix = Path(name.split("?")[0]).suffix.lower()
    if suffix in (".docx", ".xlsx", ".zip"):
        found = []
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            for member in archive.namelist():
                data = archive.read(member)
                if member.endswith((".xml", ".rels")):
                    found.append((f"{name} › {member}", _xml_text(data.decode("utf-8"))))
                else:
                    found += texts_of(f"{name} › {member}", data)
        return found
    if suffix in (".json", ".csv", ".md", ".txt", ".toml"):
        return [(name, content.decode("utf-8-sig"))]
    return []  # pictures, PDF


def said(where: str, text: str) -> list[str]:
    return [f"{where}: {word!r} in …{text[max(0, i - 80):i + 60]!r}…" for word in FORBIDDEN
            for i in [text.find(word)] if i >= 0]


class Reader:
    """Visits pages by following their links, reads what each response hands out; `found` collects what
    names the command line or TOML."""

    def __init__(self, client: Client, skip: tuple[str, ...] = ()) -> None:
        self.client, self.skip = client, skip
        self.seen: set[str] = set()  # this crawl's
        self.visited: set[str] = set()  # every crawl's
        self.found: list[str] = []

    def read(self, url: str, response=None) -> list[str]:
        """Reads `url` (or the response already got for it); returns the links of a page."""
        response = response if response is not None else self.client.get(url)
        assert response.status_code < 500, f"{url}: {response.status_code}"
        kind = response.headers.get("content-type", "")
        if kind.startswith("text/html"):
            shown = _Shown()
            shown.feed(response.text)
            self.found += said(url, re.sub(r"\s+", " ", " ".join(shown.parts)))
            return shown.links
        if kind.startswith("application/json"):
            self.found += said(url, " ".join(_strings(response.json())))
            return []
        disposition = response.headers.get("content-disposition", "")
        names = re.findall(r"filename\*?=(?:utf-8'')?\"?([^\";]+)", disposition, re.I)
        name = unquote(names[-1]) if names else urlsplit(url).path
        if kind.startswith("image/"):
            return []
        if Path(name).suffix.lower() not in (".docx", ".xlsx", ".zip", ".json", ".csv", ".md", ".pdf"):
            self.found.append(f"{url}: a file the test cannot read: {name} ({kind})")
        for where, text in texts_of(name, response.content):
            self.found += said(f"{url} › {where}", text)
        return []

    def crawl(self, *starts: str) -> None:
        """Every page reachable from `starts` by a link of this app (but those with a part in `skip`)."""
        todo = list(starts)
        while todo:
            url = todo.pop()
            if url in self.seen or any(part in url for part in _NOT_FOLLOWED + self.skip):
                continue
            self.seen.add(url)
            self.visited.add(url)
            for link in self.read(url):
                target = urlsplit(html.unescape(link))
                if not target.scheme and target.path.startswith("/"):
                    todo.append(target.path + (f"?{target.query}" if target.query else ""))


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    jobs = tmp_path_factory.mktemp("words") / "inputs"
    for name in EXAMPLES:
        shutil.copytree(INPUTS / name, jobs / name)
    not_done = jobs / NOT_APPRAISED / "job.toml"  # the campaign before its appraisal is done: what the desk says then
    shutil.copytree(INPUTS / CAMPAIGN, not_done.parent)
    not_done.write_text(not_done.read_text(encoding="utf-8").replace("done = true", "done = false"), encoding="utf-8")
    with Client(create_app(jobs)) as client:
        for name, kind, source in NEW:
            criteria = None if kind != "dot-danh-gia" or source else \
                {"criteria": ("tieu-chi.xlsx", next((INPUTS / CAMPAIGN / "don-vi").glob("*.xlsx")).read_bytes())}
            made = client.post_form("/new", {"name": name, "kind": kind, "source": source}, files=criteria)
            assert made.status_code == 200, made.text
        yield client, jobs


def _bad_template() -> bytes:
    document = Document(str(TEMPLATE_DIR / "quyet-dinh-xep-loai.docx"))
    document.add_paragraph("Ghi chú: {{ ten_khong_co }} {% if %}")
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def test_no_page_nor_file_of_the_desk_speaks_the_command_line(desk):
    client, _ = desk
    reader = Reader(client, skip=("/edit",))  # the settings page: the next test
    names = [*EXAMPLES, NOT_APPRAISED, *(name for name, _, _ in NEW)]
    reader.crawl("/", "/new", *(f"/jobs/{job}/{tab}" for job in names
                                for tab in ("data", "check", "results", "documents", "templates")))
    for refused in (client.post("/new", data={"name": "x"}), client.get("/khong-co")):  # no CSRF token; no page
        reader.read("refused", refused)
    reader.read("/new (no kind)", client.post_form("/new", {"name": "moi-thieu", "kind": "", "source": ""}))
    reader.read("/new (campaign, nothing to start from)",
                client.post_form("/new", {"name": "moi-trong", "kind": "dot-danh-gia", "source": ""}))
    uploaded = client.post_form("/jobs/huong-tra-2020-xep-loai/templates", {"role": "document"},
                                files={"file": ("mau-rieng.docx", _bad_template())})
    reader.crawl(*reader.read("/jobs/huong-tra-2020-xep-loai/templates (upload)", uploaded))
    for job in (*EXAMPLES, NOT_APPRAISED):
        client.post_form(f"/jobs/{job}/documents", {"force": "on"})
        assert finished(client, job)["state"] == "done", job
        reader.seen = {url for url in reader.seen if f"/jobs/{job}/" not in url}  # its pages again, with the files
        reader.crawl(f"/jobs/{job}/documents", f"/jobs/{job}/progress", "/")
    for job in REFUSED:  # again without confirming: every document is already there, so the page asks first
        asked = client.post_form(f"/jobs/{job}/documents")
        assert asked.status_code == 200 and "Lập lại và thay các tệp này" in asked.text, job
        reader.read(f"/jobs/{job}/documents (asked)", asked)
        reader.read(f"/jobs/{job}/progress", client.get(f"/jobs/{job}/progress"))
    client.post_form("/jobs/huong-tra-2021-cach-cham/documents", {"force": "on", "strict": "on"})
    assert finished(client, "huong-tra-2021-cach-cham")["state"] == "failed"  # its findings refuse the run
    reader.read("/jobs/huong-tra-2021-cach-cham/progress (strict)",
                client.get("/jobs/huong-tra-2021-cach-cham/progress"))
    assert not reader.found, "\n".join(reader.found)
    for must in ("/jobs/vi-du-2025-dot-danh-gia-tinh/data.zip", "/jobs/huong-tra-2020-xep-loai/check",
                 "/jobs/moi-xep-loai/check/loi.xlsx", "/jobs/vi-du-2025-dot-danh-gia-tinh/output.zip",
                 "/templates/quyet-dinh-xep-loai.docx"):
        assert must in reader.visited, must  # the crawl reached what it must read
    assert any("/templates/annotated" in url for url in reader.visited)
    assert "chưa thẩm định xong" in client.get(f"/jobs/{NOT_APPRAISED}/results").text
    assert "Đã thẩm định xong" in " ".join(client.get(f"/jobs/{NOT_APPRAISED}/progress").json()["warnings"])
    assert any("/output?path=ket-qua.xlsx" in url for url in reader.visited)


def test_the_settings_page_speaks_the_clerks_words(desk):
    client, _ = desk
    reader = Reader(client)
    for job in EXAMPLES + [name for name, _, _ in NEW]:
        reader.read(f"/jobs/{job}/edit")
    assert not reader.found, "\n".join(reader.found)


def test_the_reader_finds_what_the_desk_must_not_say():
    """The reader itself: it sees a forbidden word in a page's text, in a shown attribute, in a Word document
    split across runs, and in a workbook cell's input prompt."""
    page = _Shown()
    page.feed('<p>Chạy lại với <b>--force</b></p><input placeholder="done = true"><input type="hidden" value="--out">')
    text = " ".join(page.parts)
    assert "--force" in text and "done = true" in text and "--out" not in text
    document = Document()
    paragraph = document.add_paragraph("Sửa ")
    paragraph.add_run("job.")
    paragraph.add_run("toml")
    stream = io.BytesIO()
    document.save(stream)
    assert said("x", "\n".join(t for _, t in texts_of("a.docx", stream.getvalue())))
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    rule = DataValidation(type="decimal", prompt="Khi [appraisal] done = true")
    book.active.add_data_validation(rule)
    rule.add("A1")
    stream = io.BytesIO()
    book.save(stream)
    assert said("x", "\n".join(t for _, t in texts_of("b.xlsx", stream.getvalue())))


def test_the_command_line_and_the_desk_each_get_their_own_wording_of_a_problem():
    from pipeline.base.errors import Reason, problem
    from pipeline.base.messages import describe
    from pipeline.web.desk_audience import DESK

    exists = problem(Reason.OUTPUT_EXISTS, file="quyet-dinh.docx")
    assert "--force" in describe(exists) and "--force" not in describe(exists, DESK)
    assert "Lập lại và thay các tệp này" in describe(exists, DESK) and "Lập văn bản" in describe(exists, DESK)
    empty = problem(Reason.EMPTY_GROUP, file="job.toml", value="Khối xã")
    assert describe(empty).startswith("Tệp job.toml: ")
    assert describe(empty, DESK).startswith("Trang Thiết lập: ")
    wrong = problem(Reason.SETTING_INVALID, file="job.toml", key="groups[2].title", value="x", expected="một chữ")
    assert 'mục "groups[2].title"' in describe(wrong)
    assert 'mục "Khối 2 › ' in describe(wrong, DESK)
    not_done = describe(problem(Reason.APPRAISAL_NOT_DONE), DESK)
    assert "Đã thẩm định xong" in not_done and not not_done.startswith("Lưu ý")  # the page says "Lưu ý:" once


def test_the_desks_wording_of_a_problem_says_every_detail_the_command_lines_says():
    """A desk wording may leave out an option's name, never a detail of the problem (a value, a file, a count);
    but the kinds' identifiers, which the form's list offers by their names; what a previous period's field
    should name, which the field's label says; and the previous job's own problem, which the command line quotes
    in its words and the desk leaves to that job's check page."""
    from string import Formatter

    from pipeline.base import messages
    from pipeline.base.messages_desk import DESK_TEXT

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in Formatter().parse(text) if name}

    listed = {messages.Reason.INIT_UNKNOWN_KIND: {"known"}, messages.Reason.INIT_KIND_MISSING: {"known"},
              messages.Reason.PREVIOUS_MISSING: {"what"}, messages.Reason.PREVIOUS_JOB_INVALID: {"error"}}
    for reason, text in DESK_TEXT.items():
        assert fields(text) >= fields(messages._TEXT[reason]) - listed.get(reason, set()), reason

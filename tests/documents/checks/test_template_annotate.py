"""`check-template --annotate` and the mistakes only Word's structure shows.

- the annotated copy has one Word comment per problem, in the paragraph holding the mistake,
  saying in Vietnamese what the command prints; the template itself is never changed;
- the copy is valid OOXML (zero `openxml-audit` findings), never written over the template,
  nor over an earlier copy without --force;
- a section that lost its page numbers (LibreOffice re-save), a repeated row short of the
  table's columns, a merged reason cell that no longer reaches the last score column;
- "did you mean" offers only a close typo of the same kind (a number for a number).
"""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from pipeline.base.errors import Reason
from pipeline.base.messages import describe
from pipeline.base.messages_documents import ANNOTATE_TEXT
from pipeline.documents.checks.template_check import check_template
from pipeline.documents.rendering.render import TEMPLATE_DIR

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DECISION = "quyet-dinh-xep-loai.docx"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def text(element) -> str:
    return "".join(t.text or "" for t in element.iter(w("t")))


def edited(folder: Path, template: str, edit, part: str = "word/document.xml", name: str | None = None) -> Path:
    """A copy of a shipped template with `edit(root)` applied to one XML part."""
    target = folder / (name or template)
    with zipfile.ZipFile(TEMPLATE_DIR / template) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == part:
                root = etree.fromstring(data)
                edit(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            out.writestr(item, data)
    return target


def retype(old: str, new: str, nth: int = 0):
    """An edit that types `new` over the `nth` text piece reading `old`, as staff would in Word."""
    def edit(root):
        pieces = [t for t in root.iter(w("t")) if t.text and old in t.text]
        pieces[nth].text = pieces[nth].text.replace(old, new)
    return edit


def tables(root) -> list:
    return list(root.iter(w("tbl")))


def fixed_tables(root) -> list:
    """The appendix tables of fixed columns (Tổng điểm các nhiệm vụ theo quy định…): with Xếp loại, then rank-only."""
    return [t for t in tables(root) if "{{ u.max_points }}" in text(t)]


def add_header_column(root) -> None:
    """A column added to the ranked table's header row only (a grid column and a header cell)."""
    table = fixed_tables(root)[0]  # the first appendix table of fixed columns
    grid = table.find(w("tblGrid"))
    grid.append(copy.deepcopy(grid[-1]))
    header = table.find(w("tr"))
    header.append(copy.deepcopy(header.findall(w("tc"))[-1]))


def shrink_reason_cell(root) -> None:
    """The merged reason cell of the rank-only table one column narrower."""
    reason = next(c for c in fixed_tables(root)[1].iter(w("tc")) if "block.reason" in text(c))
    span = reason.find(f"{w('tcPr')}/{w('gridSpan')}")
    span.set(w("val"), str(int(span.get(w("val"))) - 1))


def seeded(folder: Path) -> Path:
    """The decision template with five mistakes: three names, a column, a merged cell."""
    def edit(root):
        retype("{{ signature.name }}", "{{ signature.nmae }}")(root)
        retype("{{ u.score }}", "{{ u.bonnus }}")(root)
        retype("{{ u.unit }}", "{{ u.unti }}", nth=1)(root)
        add_header_column(root)
        shrink_reason_cell(root)
    return edited(folder, DECISION, edit)


def comments(path: Path) -> list[tuple[str, str, etree._Element]]:
    """(author, text, the paragraph the comment starts in) of every comment of a .docx."""
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
        notes = etree.fromstring(archive.read("word/comments.xml"))
    starts = {s.get(w("id")): s.getparent() for s in body.iter(w("commentRangeStart"))}
    ends = {e.get(w("id")) for e in body.iter(w("commentRangeEnd"))}
    found = []
    for note in notes.iter(w("comment")):
        number = note.get(w("id"))
        assert number in ends
        found.append((note.get(w("author")), "\n".join(text(p) for p in note.iter(w("p"))), starts[number]))
    return found


def row_of(paragraph) -> str:
    row = next(paragraph.iterancestors(w("tr")))
    return " | ".join(text(c) for c in row.findall(w("tc")))


def test_annotated_copy_has_a_comment_at_each_seeded_mistake(cli, tmp_path):
    template = seeded(tmp_path)
    before = template.read_bytes()
    code, _, err = cli("check-template", template, "--annotate")
    copy_path = tmp_path / "quyet-dinh-xep-loai.gop-y.docx"
    assert code == 1 and copy_path.is_file() and "Đã ghi bản góp ý" in err and "Chưa ghi tệp nào" not in err
    assert template.read_bytes() == before
    problems = check_template(template, "decision")
    notes = comments(copy_path)
    assert len(notes) == len(problems) == 6, [describe(p) for p in problems]
    assert sorted(n[1] for n in notes) == sorted(describe(p) for p in problems)
    assert {author for author, _, _ in notes} == {ANNOTATE_TEXT.author}
    by_reason = {p.reason: p for p in problems}
    assert set(by_reason) == {Reason.TEMPLATE_UNKNOWN_NAME, Reason.TEMPLATE_ROW_SHORT,
                              Reason.TEMPLATE_MERGED_CELL_SHORT}
    for _, note, paragraph in notes:
        assert "ê" in note or "ô" in note  # Vietnamese, as printed
        for name in ("signature.nmae", "u.bonnus", "u.unti"):
            if f'"{name}"' in note:
                assert name in text(paragraph)
        if "dòng được lặp" in note:
            assert row_of(paragraph).startswith("{{ u.position }} | {{ u.unit }} | {{ u.max_points }}")
        if "ô gộp ngang" in note:
            assert "{% vm %}{{ block.reason }}" in text(paragraph)
    assert sum("ô gộp ngang" in n for _, n, _ in notes) == 2  # both tables' reason rows are short
    assert sum("dòng được lặp" in n for _, n, _ in notes) == 1


def test_a_mistake_in_a_paragraph_docxtpl_removes_is_commented_there(cli, tmp_path):
    """A `{%p …%}` paragraph is cut out of docxtpl's source; the comment still goes to it."""
    template = edited(tmp_path, DECISION, retype("{%p for line in bases %}", "{%p for line in basis %}"))
    assert cli("check-template", template, "--annotate")[0] == 1
    notes = comments(tmp_path / "quyet-dinh-xep-loai.gop-y.docx")
    assert [text(paragraph) for _, _, paragraph in notes] == ["{%p for line in basis %}"]


def test_annotated_copy_is_valid_ooxml(cli, tmp_path):
    from tests.documents.rendering.test_valid_ooxml import findings

    template = seeded(tmp_path)
    out = tmp_path / "gop-y" / "mau.docx"
    assert cli("check-template", template, "--annotate", out)[0] == 1
    assert findings(out) == []


def test_annotated_copy_never_replaces_the_template(cli, tmp_path):
    template = seeded(tmp_path)
    before = template.read_bytes()
    code, _, err = cli("check-template", template, "--annotate", template, "--force")
    assert code == 1 and "không được ghi đè lên chính mẫu" in err
    assert template.read_bytes() == before


def test_annotated_copy_is_not_overwritten_without_force(cli, tmp_path):
    template = seeded(tmp_path)
    copy_path = tmp_path / "quyet-dinh-xep-loai.gop-y.docx"
    copy_path.write_bytes(b"earlier")
    code, _, err = cli("check-template", template, "--annotate")
    assert code == 1 and "--force" in err and copy_path.read_bytes() == b"earlier"
    assert cli("check-template", template, "--annotate", "--force")[0] == 1
    assert len(comments(copy_path)) == 6


def test_a_clean_template_gets_no_annotated_copy(cli, tmp_path):
    template = tmp_path / DECISION
    shutil.copy(TEMPLATE_DIR / DECISION, template)
    code, out, _ = cli("check-template", template, "--annotate")
    assert code == 0 and "không có lỗi" in out
    assert not (tmp_path / "quyet-dinh-xep-loai.gop-y.docx").exists()


def type_in_first_page_header(root) -> None:
    """`{{ titel }}` typed in the (empty) header of the decision's first page."""
    run = etree.SubElement(next(root.iter(w("p"))), w("r"))
    etree.SubElement(run, w("t")).text = "{{ titel }}"


def test_a_problem_in_the_page_header_is_commented_on_the_first_paragraph(cli, tmp_path):
    template = edited(tmp_path, DECISION, type_in_first_page_header, part="word/header2.xml")
    code, _, _ = cli("check-template", template, "--annotate")
    annotated = tmp_path / "quyet-dinh-xep-loai.gop-y.docx"
    notes = comments(annotated)
    assert code == 1 and len(notes) == 1 and "phần đầu trang" in notes[0][1] and '"title"' in notes[0][1]
    paragraph = notes[0][2]
    assert next(paragraph.getroottree().getroot().iter(w("p"))) is paragraph


def libreoffice_like(root) -> None:
    """What LibreOffice 7.4 does to the decision's sections: the appendices' sections get headers of their own
    (they inherited the first section's), and the first section loses 'different first page', keeping the
    empty first-page header as the header of every page."""
    section, *others = root.iter(w("sectPr"))
    for other in others:
        for reference in reversed(section.findall(w("headerReference"))):
            other.insert(0, copy.deepcopy(reference))
    first = next(r for r in section.iter(w("headerReference")) if r.get(w("type")) == "first")
    default = next(r for r in section.iter(w("headerReference")) if r.get(w("type")) == "default")
    default.set(qn_r("id"), first.get(qn_r("id")))
    section.remove(first)
    section.remove(section.find(w("titlePg")))


def qn_r(name: str) -> str:
    return "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}" + name


def test_a_section_that_lost_its_page_numbers_is_reported(tmp_path):
    found = check_template(edited(tmp_path, DECISION, libreoffice_like), "decision")
    assert [(p.reason, p.detail("section")) for p in found] == [(Reason.TEMPLATE_PAGE_NUMBERS_LOST, "1")]
    assert "LibreOffice" in describe(found[0]) and "Trang đầu tiên khác" in describe(found[0])


def test_a_page_number_on_the_first_page_is_reported(tmp_path):
    def edit(root):
        section = next(root.iter(w("sectPr")))
        section.remove(section.find(w("titlePg")))
    found = check_template(edited(tmp_path, DECISION, edit), "decision")
    assert [(p.reason, p.detail("section")) for p in found] == [(Reason.TEMPLATE_PAGE_NUMBER_ON_FIRST_PAGE, "1")]


@pytest.fixture(scope="module")
def resaved_decision(tmp_path_factory):
    if not shutil.which("soffice") and not os.environ.get("CI"):
        pytest.skip("LibreOffice is not installed (CI installs it)")
    root = tmp_path_factory.mktemp("libreoffice")
    subprocess.run(["soffice", f"-env:UserInstallation={(root / 'profile').as_uri()}", "--headless", "--norestore",
                    "--convert-to", "docx", "--outdir", str(root / "out"), str(TEMPLATE_DIR / DECISION)],
                   check=True, capture_output=True, timeout=600)
    return root / "out" / DECISION


def test_libreoffice_resave_of_the_decision_is_reported_with_a_comment(cli, resaved_decision, tmp_path):
    template = tmp_path / "mau-rieng.docx"
    shutil.copy(resaved_decision, template)
    code, _, err = cli("check-template", template, "--kind", "quyet-dinh-xep-loai", "--annotate")
    assert code == 1 and "phần thứ 1" in err and "LibreOffice" in err
    notes = comments(tmp_path / "mau-rieng.gop-y.docx")
    assert len(notes) == 1 and "số trang" in notes[0][1]


def test_a_column_added_to_the_header_only_is_reported(tmp_path):
    found = check_template(edited(tmp_path, DECISION, add_header_column), "decision")
    assert sorted(p.reason.value for p in found) == ["template_merged_cell_short", "template_row_short"]
    assert all((p.detail("cells"), p.detail("columns")) == ("9", "10") for p in found)


def test_a_reason_cell_short_of_the_last_score_column_is_reported(tmp_path):
    found = check_template(edited(tmp_path, DECISION, shrink_reason_cell), "decision")
    assert [(p.reason, p.value, p.detail("cells"), p.detail("columns")) for p in found] == [
        (Reason.TEMPLATE_MERGED_CELL_SHORT, "{% vm %}{{ block.reason }}", "7", "8")]


@pytest.mark.parametrize(("typed", "hint"), [
    ("u.scroe", 'Có phải ý bạn là "u.score"?'),
    ("u.unti", 'Có phải ý bạn là "u.unit"?'),
    ("u.pionts", 'Có phải ý bạn là "u.points"?'),
])
def test_a_close_typo_is_suggested(tmp_path, typed, hint):
    found = check_template(edited(tmp_path, DECISION, retype("{{ u.note }}", f"{{{{ {typed} }}}}")), "decision")
    assert [(p.value, p.detail("hint").strip()) for p in found] == [(typed, hint)]


def test_a_name_of_another_kind_is_never_suggested(tmp_path):
    """`u.bonus_total` looks a little like `u.points`: a clerk accepting that would fill a bonus column with
    appraised points. Only the number names are listed (`u.bonus` itself is a name since a campaign's appendix)."""
    found = check_template(edited(tmp_path, DECISION, retype("{{ u.note }}", "{{ u.bonus_total }}")), "decision")
    assert [p.value for p in found] == ["u.bonus_total"]
    hint = found[0].detail("hint")
    assert "Có phải" not in hint and "u.points" in hint and "u.score" in hint and "u.unit" not in hint

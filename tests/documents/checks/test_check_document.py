"""`check-document` runs the ND30 rule pack on any Word document: the examples' documents hold every rule it can
check; a copy edited with its body in Arial, text after "./." and a 10 mm left margin fails exactly those rules;
what cannot be checked is said so, never counted as holding; `--annotate` puts a Word comment at each."""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from pipeline.documents.checks.nd30_check import FAILS, HOLDS, UNKNOWN, check_document, rules
from pipeline.flow import run_job
from tests.conftest import INPUTS


@pytest.fixture(scope="module")
def decision(tmp_path_factory) -> Path:
    written = run_job(INPUTS / "huong-tra-2020-xep-loai", tmp_path_factory.mktemp("qd"))
    return written.manifest.parent / "quyet-dinh.docx"


def statuses(path: Path) -> dict[str, str]:
    return {o.rule["id"]: o.status for o in check_document(path)}


def test_every_rule_has_its_place_in_the_decree_what_it_checks_and_a_severity():
    for rule in rules():
        assert rule["place"].startswith(("Phụ lục", "Điều")) and rule["checks"] and rule["severity"] in ("lỗi",
                                                                                                        "cảnh báo")


def test_the_examples_decision_holds_every_rule_it_can_check(decision):
    found = statuses(decision)
    assert found.pop("chu-ky-so") == UNKNOWN  # a digital signature is in the signed PDF, not in the Word file
    assert set(found.values()) == {HOLDS}


def test_an_edited_copy_fails_the_rules_it_breaks_and_only_those(decision, tmp_path):
    document = Document(str(decision))
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            run.font.name = "Arial"
    end = next(p for p in document.paragraphs if p.text.rstrip().endswith("./."))
    added = copy.deepcopy(end._p)  # a paragraph like the last of the body, right after it
    end._p.addnext(added)
    for n, text in enumerate(added.iter(qn("w:t"))):
        text.text = "Nội dung gõ thêm sau dấu kết thúc" if n == 0 else ""
    document.sections[0].left_margin = Mm(10)
    edited = tmp_path / "sua.docx"
    document.save(str(edited))
    outcomes = {o.rule["id"]: o for o in check_document(edited)}
    assert {k for k, o in outcomes.items() if o.status == FAILS} == {"phong-chu", "sau-dau-ket-thuc", "le-trang"}
    assert "Arial" in outcomes["phong-chu"].found and "lề trái 10 mm" in outcomes["le-trang"].found
    assert "Nội dung gõ thêm" in outcomes["sau-dau-ket-thuc"].found


def test_a_document_without_an_end_mark_is_not_said_to_hold_that_rule(tmp_path):
    document = Document()
    document.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    path = tmp_path / "trong.docx"
    document.save(str(path))
    found = statuses(path)
    assert found["sau-dau-ket-thuc"] == UNKNOWN and found["noi-nhan"] == FAILS


def test_the_command_lists_the_findings_exits_1_and_annotates(decision, tmp_path, capsys):
    from pipeline.cli import main

    document = Document(str(decision))
    document.sections[0].left_margin = Mm(10)
    edited = tmp_path / "le.docx"
    document.save(str(edited))
    assert main(["check-document", str(edited), "--annotate"]) == 1
    out = capsys.readouterr().out
    assert "1 điều không đạt" in out and "lề trái 10 mm (cần 30–35 mm)" in out and "Phụ lục I, Phần I, mục 4" in out
    comments = zipfile.ZipFile(tmp_path / "le.gop-y.docx").read("word/comments.xml").decode("utf-8")
    assert comments.count("<w:comment ") == 2  # the margin, and the signature that could not be checked
    assert main(["check-document", str(decision)]) == 0


def test_check_template_says_the_rules_a_template_edited_in_arial_breaks(tmp_path, capsys):
    from pipeline.cli import main
    from pipeline.documents.rendering.render import TEMPLATE_DIR

    document = Document(str(TEMPLATE_DIR / "bao-cao-tu-cham.docx"))
    document.styles["NoiDung"].font.name = "Arial"
    for paragraph in document.paragraphs:
        if paragraph.style.name == "NoiDung":
            paragraph.add_run("Chữ gõ thêm vào mẫu")
    edited = tmp_path / "bao-cao-tu-cham.docx"
    document.save(str(edited))
    assert main(["check-template", str(edited)]) == 0  # its tags are right
    out = capsys.readouterr().out
    assert "Không đạt:" in out and "Phông chữ Times New Roman" in out and "Arial" in out
    main(["check-template", str(TEMPLATE_DIR / "bao-cao-tu-cham.docx")])
    assert "Không đạt" not in capsys.readouterr().out  # the shipped template breaks none


def test_every_document_of_the_2025_campaign_breaks_no_rule(tmp_path):
    """Decision, thông cáo with its charts' appendix, each unit's report and appraisal notice."""
    out = run_job(INPUTS / "vi-du-2025-dot-danh-gia-tinh", tmp_path / "out").manifest.parent
    documents = sorted(out.rglob("*.docx"))
    assert len(documents) == 2 + 18 + 18
    failing = {path.name: [(o.rule["id"], o.found) for o in check_document(path) if o.status == FAILS]
               for path in documents}
    assert failing == {path.name: [] for path in documents}

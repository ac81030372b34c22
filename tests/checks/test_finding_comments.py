"""With `[checks] comments = true`, each finding is a Word comment on its criterion's rationale in the report; the
document stays valid OOXML and byte-identical from run to run. Without it, the report has no comment."""

from __future__ import annotations

import re
import shutil
import zipfile

import pytest

from pipeline.base.errors import InputErrors, Reason
from pipeline.flow import check_job, run_job
from tests.conftest import INPUTS
from tests.documents.rendering.test_valid_ooxml import findings as audit_findings

JOB = INPUTS / "huong-tra-2021-cach-cham"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("comments")
    run = run_job(JOB, out / "ra")
    return out / "ra" / "bao-cao-tu-cham.docx", run


def _comments(path) -> list[str]:
    xml = zipfile.ZipFile(path).read("word/comments.xml").decode()
    return [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<w:comment .*?</w:comment>", xml, re.S)]


def test_each_finding_is_a_comment_with_its_wording(report):
    path, run = report
    comments = _comments(path)
    assert len(comments) == len(run.result.findings) == 4
    assert comments[0] == ("Tiêu chí 1.2.1: lý giải ghi 84/87 nhiệm vụ đạt 95,6%; 84/87 = 96,55%. Điểm theo tỷ lệ "
                           "đúng: 96,55% × 3 = 2,897 điểm (đã chấm 2,868).")


def test_the_comment_covers_the_criterions_rationale(report):
    path, _ = report
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    start = xml.index('<w:commentRangeStart w:id="0"/>')
    end = xml.index('<w:commentRangeEnd w:id="0"/>')
    covered = re.sub(r"<[^>]+>", "", xml[start:end])
    assert covered.startswith("Tổng cộng trong 6 tháng đầu năm 2021") and "87 nhiệm vụ" in covered


def test_the_commented_report_has_no_openxml_finding(report):
    path, _ = report
    assert audit_findings(path) == []


def test_the_commented_report_is_the_same_bytes_every_run(report, tmp_path):
    path, _ = report
    run_job(JOB, tmp_path / "lan-hai")
    assert (tmp_path / "lan-hai" / "bao-cao-tu-cham.docx").read_bytes() == path.read_bytes()


def test_comments_are_off_unless_asked(tmp_path):
    run_job(INPUTS / "huong-tra-2021-tu-cham", tmp_path / "ra")
    assert "word/comments.xml" not in zipfile.ZipFile(tmp_path / "ra" / "bao-cao-tu-cham.docx").namelist()


def test_checks_settings_are_read_exactly(tmp_path):
    job = tmp_path / "job"
    shutil.copytree(JOB, job)
    text = (job / "job.toml").read_text(encoding="utf-8")
    (job / "job.toml").write_text(text.replace("comments = true", 'comments = "có"\ndecimal = 2'), encoding="utf-8")
    with pytest.raises(InputErrors) as refused:
        check_job(job)
    assert {(p.reason, p.detail("key")) for p in refused.value.problems} == {
        (Reason.SETTING_WRONG_TYPE, "checks.comments"), (Reason.SETTING_UNKNOWN, "checks.decimal")}


def test_an_item_without_a_code_is_named_and_commented_by_its_title(tmp_path):
    from tests.checks.conftest import criterion, report_job

    job = report_job(tmp_path / "job", [criterion("1.1", "Kiểm tra", 3),
                                        criterion(None, "Tổ chức tự kiểm tra", 2, 2, rule="có: 2; không: 0",
                                                  level="không"),
                                        criterion(None, "Thực hiện kết luận", 1, 1)],
                     checks="[checks]\ncomments = true\n")
    run = run_job(job, tmp_path / "ra")
    (finding,) = run.result.findings
    assert (finding.reason, finding.detail("code")) == (Reason.RULE_POINTS_MISMATCH, "Tổ chức tự kiểm tra")
    path = tmp_path / "ra" / "bao-cao-tu-cham.docx"
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    start, end = xml.index('<w:commentRangeStart w:id="0"/>'), xml.index('<w:commentRangeEnd w:id="0"/>')
    # on the item's rationale, drafted from its rule (its cell was empty), in the row after the item's title
    assert re.sub(r"<[^>]+>", "", xml[start:end]) == 'Đạt mức "không": 0 điểm.'
    before = re.sub(r"<[^>]+>", "", xml[:start]).replace("\u00a0", " ")
    assert before.rstrip().endswith("Tổ chức tự kiểm tra22")  # the item's title, maximum 2, typed 2
    assert audit_findings(path) == []

"""Templates page: shipped templates to download, a job's own checked by check-template and annotated."""

from __future__ import annotations

import io
import tomllib
import zipfile

from docx import Document

from pipeline.documents.rendering.render import TEMPLATE_DIR
from pipeline.read.job_folder import read_settings
from tests.web.conftest import text_of

JOB = "huong-tra-2020-xep-loai"


def test_a_shipped_template_downloads_as_shipped(client):
    response = client.get("/templates/quyet-dinh-xep-loai.docx")
    assert response.status_code == 200 and response.content == (TEMPLATE_DIR / "quyet-dinh-xep-loai.docx").read_bytes()


def test_only_shipped_templates_download(client):
    assert client.get("/templates/..%2F..%2Fcli.py").status_code == 404
    assert client.get("/templates/khong-co.docx").status_code == 404


def _template(extra: str = "") -> bytes:
    document = Document(str(TEMPLATE_DIR / "quyet-dinh-xep-loai.docx"))
    if extra:
        document.add_paragraph(extra)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _upload(client, content: bytes, name: str = "mau-rieng.docx", role: str = "document"):
    return client.post_form(f"/jobs/{JOB}/templates", {"role": role}, files={"file": (name, content)})


def test_a_template_with_a_mistake_is_kept_aside_with_check_templates_findings(client, jobs, cli):
    before = (jobs / JOB / "job.toml").read_bytes()
    response = _upload(client, _template("Ghi chú: {{ ten_khong_co }}"))
    assert response.status_code == 422
    assert (jobs / JOB / "job.toml").read_bytes() == before  # the job keeps its template
    code, _, err = cli("check-template", jobs / JOB / "mau-rieng.docx", "--kind", "quyet-dinh-xep-loai")
    assert code != 0 and "ten_khong_co" in err
    page = text_of(response.text)
    assert "ten_khong_co" in page and "có 1 lỗi" in page
    annotated = client.get(f"/jobs/{JOB}/templates/annotated", params={"path": "mau-rieng.docx", "role": "document"})
    assert annotated.status_code == 200
    comments = zipfile.ZipFile(io.BytesIO(annotated.content)).read("word/comments.xml").decode("utf-8")
    assert "ten_khong_co" in comments


def test_a_clean_template_becomes_the_jobs_own_and_the_command_line_uses_it(client, jobs):
    before = (jobs / JOB / "job.toml").read_text(encoding="utf-8")
    response = _upload(client, _template("Dòng thêm của đơn vị."))
    assert response.status_code == 200 and "không có lỗi thẻ nào" in text_of(response.text)
    after = (jobs / JOB / "job.toml").read_text(encoding="utf-8")
    assert tomllib.loads(after)["document"]["template"] == "mau-rieng.docx"
    assert all(line in after.splitlines() for line in before.splitlines() if line.startswith("#"))
    assert read_settings(jobs / JOB).document.template == "mau-rieng.docx"
    own = client.get(f"/jobs/{JOB}/templates/file", params={"path": "mau-rieng.docx"})
    assert own.content == (jobs / JOB / "mau-rieng.docx").read_bytes()
    client.post_form(f"/jobs/{JOB}/templates/shipped", {"role": "document"})
    assert read_settings(jobs / JOB).document.template == ""


def test_an_upload_that_is_not_a_word_document_is_refused(client, jobs):
    response = _upload(client, b"PK\x03\x04 khong phai", name="mau.docx")
    assert response.status_code == 400 and "không phải văn bản Word" in text_of(response.text)
    assert not (jobs / JOB / "mau.docx").exists()


def test_a_template_name_with_a_path_is_refused(client, jobs):
    response = _upload(client, _template(), name="../mau.docx")
    assert response.status_code == 400 and "không dùng được" in text_of(response.text)
    assert not (jobs / "mau.docx").exists()


def test_a_campaign_offers_its_three_templates(client):
    page = text_of(client.get("/jobs/vi-du-2025-dot-danh-gia-tinh/templates").text)
    for name in ("quyet-dinh-dot-danh-gia.docx", "bao-cao-tu-cham.docx", "thong-bao-tham-dinh.docx"):
        assert name in page


def test_a_macro_enabled_upload_is_kept_aside_saying_how_to_save_a_clean_docx_and_no_copy_of_it_is_given(
        client, jobs, tmp_path):
    from tests.documents.rendering.test_plain_word_templates import macro_enabled

    before = (jobs / JOB / "job.toml").read_bytes()
    response = _upload(client, macro_enabled(tmp_path / "mau.docx").read_bytes())
    assert response.status_code == 422 and (jobs / JOB / "job.toml").read_bytes() == before
    page = text_of(response.text)
    assert "mẫu có macro (VBA)" in page and "Tệp › Lưu thành › Tài liệu Word (*.docx)" in page
    annotated = client.get(f"/jobs/{JOB}/templates/annotated", params={"path": "mau-rieng.docx", "role": "document"},
                           follow_redirects=False)
    assert annotated.status_code == 303

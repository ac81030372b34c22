""""Lập văn bản" from the documents page: a background run, its progress, one run at a time, the files."""

from __future__ import annotations

import io
import json
import os
import shutil
import threading
import time
import zipfile

import pytest
from docx import Document

from pipeline.write.staging import staged_run
from tests.web.conftest import text_of

JOB = "huong-tra-2020-xep-loai"


def finished(client, job: str, limit: float = 120) -> dict:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        state = client.get(f"/jobs/{job}/progress").json()
        if state["state"] != "running":
            return state
        time.sleep(0.2)
    raise AssertionError("the run did not finish")


def test_a_job_never_run_has_no_progress(client):
    assert client.get(f"/jobs/{JOB}/progress").json() == {"state": "none"}
    assert "Chưa lập văn bản nào." in text_of(client.get(f"/jobs/{JOB}/documents").text)


def test_making_the_documents_writes_what_the_command_line_writes(client, jobs, cli, tmp_path):
    response = client.post_form(f"/jobs/{JOB}/documents")
    assert response.status_code == 200 and "message=run_started" in str(response.url)
    state = finished(client, JOB)
    assert state["state"] == "done" and state["percent"] == 100 and state["problems"] == []
    out = jobs.parent / "outputs" / JOB
    assert cli("run", jobs / JOB, "--out", tmp_path / "cli")[0] == 0
    made = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    by_cli = json.loads((tmp_path / "cli" / "manifest.json").read_text(encoding="utf-8"))
    assert made["outputs"] == by_cli["outputs"]  # the same files, byte for byte (their SHA-256)
    page = client.get(f"/jobs/{JOB}/documents").text
    for name in ("ket-qua.xlsx", "quyet-dinh.docx"):
        assert f"/jobs/{JOB}/output?path={name}" in page
    assert "manifest.json" not in page and (out / "manifest.json").is_file()  # a technical file: kept, not offered
    assert client.get(f"/jobs/{JOB}/output", params={"path": "manifest.json"}).status_code == 404
    decision = client.get(f"/jobs/{JOB}/output", params={"path": "quyet-dinh.docx"})
    assert decision.content == (out / "quyet-dinh.docx").read_bytes()
    text = "\n".join(p.text for p in Document(io.BytesIO(decision.content)).paragraphs)
    assert "1841/QĐ-UBND" in text  # Số: 1841/QĐ-UBND, as job.toml says
    listed = {e["path"] for e in made["outputs"]}
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/jobs/{JOB}/output.zip").content))
    assert {n.split("/", 1)[1] for n in archive.namelist()} == listed
    assert client.get("/").text.count("2 tệp") == 1  # the jobs list shows the last run: the decision, ket-qua.xlsx


def test_a_second_click_while_running_says_a_run_is_in_progress(client, jobs, monkeypatch):
    import pipeline.flow as flow

    release = threading.Event()
    real = flow.run_job

    def slow(*args, **kwargs):
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(flow, "run_job", slow)
    client.post_form(f"/jobs/{JOB}/documents")
    assert client.get(f"/jobs/{JOB}/progress").json()["state"] == "running"
    response = client.post_form(f"/jobs/{JOB}/documents")
    assert "đang được lập văn bản" in text_of(response.text)
    release.set()
    assert finished(client, JOB)["state"] == "done"


def test_a_run_from_the_command_line_holding_the_lock_refuses_the_apps_run(client, jobs):
    out = jobs.parent / "outputs" / JOB
    with staged_run(out, JOB):  # what `pipeline run` holds while it writes
        client.post_form(f"/jobs/{JOB}/documents")
        state = finished(client, JOB)
    assert state["state"] == "failed"
    said = " ".join(state["problems"])
    assert f"tiến trình số {os.getpid()}" in said
    assert not out.exists() or not any(out.iterdir())


def test_a_campaign_lists_each_units_report(client, jobs):
    job = "vi-du-2025-dot-danh-gia-tinh"
    client.post_form(f"/jobs/{job}/documents")
    state = finished(client, job)
    assert state["state"] == "done"
    page = client.get(f"/jobs/{job}/documents").text
    assert page.count(f"/jobs/{job}/output?path=bao-cao/") == 18  # one report per unit table in don-vi/


def test_a_run_with_problems_lists_them_and_writes_nothing(client, jobs):
    path = jobs / JOB / "job.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('symbol = "QĐ-UBND"', 'symbol = ""'), encoding="utf-8")
    client.post_form(f"/jobs/{JOB}/documents")
    state = finished(client, JOB)
    assert state["state"] == "failed" and len(state["problems"]) == 1
    assert state["problems"][0].startswith("Trang Thiết lập: ") and '"Ký hiệu"' in state["problems"][0]  # the field
    assert not (jobs.parent / "outputs" / JOB / "quyet-dinh.docx").exists()
    assert "Không lập được văn bản: có 1 lỗi." in text_of(client.get(f"/jobs/{JOB}/documents").text)


@pytest.mark.parametrize("path", ["../../inputs/huong-tra-2020-xep-loai/job.toml", "khong-co.docx", "/etc/passwd"])
def test_only_the_files_of_the_last_run_download(client, path):
    client.post_form(f"/jobs/{JOB}/documents")
    finished(client, JOB)
    assert client.get(f"/jobs/{JOB}/output", params={"path": path}).status_code == 404
    assert client.get(f"/jobs/{JOB}/preview", params={"path": path}).status_code == 404


def test_nothing_to_zip_before_a_run(client):
    assert client.get(f"/jobs/{JOB}/output.zip").status_code == 404


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftoppm")) and not os.environ.get("CI"),
                    reason="LibreOffice and pdftoppm make the previews")
def test_a_documents_first_page_is_previewed_as_a_picture(client):
    client.post_form(f"/jobs/{JOB}/documents")
    finished(client, JOB)
    picture = client.get(f"/jobs/{JOB}/preview/page", params={"path": "quyet-dinh.docx", "page": "1"})
    assert picture.status_code == 200 and picture.content.startswith(b"\x89PNG")
    width, height = int.from_bytes(picture.content[16:20], "big"), int.from_bytes(picture.content[20:24], "big")
    assert 1.3 < height / width < 1.5  # an A4 page standing (297/210 = 1.41)


@pytest.mark.skipif(not shutil.which("soffice") and not os.environ.get("CI"), reason="LibreOffice makes the PDFs")
def test_the_pdf_box_adds_each_documents_pdf_a_to_the_list(client, jobs):
    client.post_form(f"/jobs/{JOB}/documents", {"pdf": "on"})
    state = finished(client, JOB, limit=300)
    assert state["state"] == "done", state
    page = client.get(f"/jobs/{JOB}/documents").text
    assert f"/jobs/{JOB}/output?path=quyet-dinh.pdf" in page
    pdf = client.get(f"/jobs/{JOB}/output", params={"path": "quyet-dinh.pdf"}).content
    assert pdf.startswith(b"%PDF") and b"pdfaid" in pdf  # PDF/A, as `run --pdf` makes it

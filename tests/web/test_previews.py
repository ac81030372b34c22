"""Every page of every document previewed on the desk's page, and the PDF phase of a run counted per document."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from tests.web.conftest import text_of
from tests.web.test_documents import finished
from tests.web.test_runs import _watched

JOB = "huong-tra-2020-xep-loai"
OFFICE = pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftoppm")) and not os.environ.get("CI"),
                            reason="LibreOffice and pdftoppm make the previews")


def _size(png: bytes) -> tuple[int, int]:
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


@OFFICE
def test_every_page_of_a_document_is_previewed_with_its_way_to_the_others(client, jobs, monkeypatch):
    seen = _watched(client, JOB, monkeypatch)
    client.post_form(f"/jobs/{JOB}/documents", {"pdf": "on"})
    assert finished(client, JOB, limit=300)["state"] == "done"
    assert [s["text"] for s in seen if s["phase"] == "pdf"][-1] == "Đang chuyển sang PDF 1/1 văn bản"
    pdf = jobs.parent / "outputs" / JOB / "quyet-dinh.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # the pages of the run's own PDF
    assert pages >= 2

    documents = client.get(f"/jobs/{JOB}/documents").text
    assert f'href="/jobs/{JOB}/preview?path=quyet-dinh.docx&amp;page=1"' in documents
    assert 'target="_blank"' not in documents  # on the desk's page, not a bare new tab
    view = client.get(f"/jobs/{JOB}/preview", params={"path": "quyet-dinh.docx", "page": "2"})
    said = text_of(view.text)
    assert view.status_code == 200 and f"Trang 2/{pages}" in said
    assert f'alt="Trang 2/{pages} của quyet-dinh.docx"' in view.text
    assert f'href="/jobs/{JOB}/preview?path=quyet-dinh.docx&amp;page=1" rel="prev"' in view.text
    assert ('rel="next"' in view.text) == (pages > 2)
    assert all(f"page={n}" in view.text for n in range(1, pages + 1))  # every page one click away

    first = client.get(f"/jobs/{JOB}/preview/page", params={"path": "quyet-dinh.docx", "page": "1"}).content
    second = client.get(f"/jobs/{JOB}/preview/page", params={"path": "quyet-dinh.docx", "page": "2"}).content
    assert second.startswith(b"\x89PNG") and second != first
    width, height = _size(second)
    assert 1.3 < height / width < 1.5  # an A4 page standing
    last = client.get(f"/jobs/{JOB}/preview", params={"path": "quyet-dinh.docx", "page": str(pages)})
    assert 'rel="next"' not in last.text
    beyond = {"path": "quyet-dinh.docx", "page": str(pages + 1)}
    assert client.get(f"/jobs/{JOB}/preview", params=beyond).status_code == 404
    assert client.get(f"/jobs/{JOB}/preview/page", params=beyond).status_code == 404
    cached = list((jobs.parent / "outputs" / ".xem-truoc" / JOB).glob("*/*.png"))
    assert len(cached) == pages  # made once, kept beside the outputs


def test_without_libreoffice_the_preview_says_so(client, monkeypatch):
    import pipeline.web.output_pages as output_pages

    client.post_form(f"/jobs/{JOB}/documents")
    assert finished(client, JOB)["state"] == "done"
    monkeypatch.setattr(output_pages, "previews_possible", lambda: False)
    view = client.get(f"/jobs/{JOB}/preview", params={"path": "quyet-dinh.docx", "page": "1"})
    assert view.status_code == 200 and "chưa cài LibreOffice" in text_of(view.text)
    assert "<img" not in view.text


@pytest.mark.skipif(not shutil.which("soffice") and not os.environ.get("CI"), reason="LibreOffice makes the PDFs")
def test_converting_to_pdf_counts_each_document_as_it_appears(tmp_path):
    from docx import Document

    from pipeline.write.pdf import convert_to_pdf

    documents = []
    for name in ("mot", "hai", "ba"):
        document = Document()
        document.add_paragraph(f"Văn bản {name}")
        document.save(tmp_path / f"{name}.docx")
        documents.append(tmp_path / f"{name}.docx")
    told: list[int] = []
    made = convert_to_pdf(documents, progress=told.append)
    assert all(pdf.is_file() for pdf in made)
    assert told == sorted(told) and told[-1] == 3

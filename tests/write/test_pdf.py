"""Every template, rendered and converted by LibreOffice to PDF: it opens, has the expected
pages, A4, and its text is extractable. A document LibreOffice cannot open fails here."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from pipeline.flow import run_job
from pipeline.write.pdf import convert_to_pdf
from tests.conftest import INPUTS

if not shutil.which("soffice") and not os.environ.get("CI"):
    pytest.skip("LibreOffice is not installed (CI installs it)", allow_module_level=True)

# job, document, pages (measured with LibreOffice 7.4 and Liberation Serif), words that must be there
CASES = [
    ("huong-tra-2020-xep-loai", "quyet-dinh.docx", 5,
     ["QUYẾT ĐỊNH", "Số: 1841/QĐ-UBND", "PHỤ LỤC 03", "Hương Thọ", "78,83", "Trung tâm VH,TT&TT"]),
    ("huong-tra-2021-tu-cham", "bao-cao-tu-cham.docx", 4, ["BÁO CÁO", "TỔNG ĐIỂM", "28,692", "Hà Văn Tuấn"]),
    ("chi-lang-2023-cchc", "bao-cao-tu-cham.docx", 2, ["Điểm thưởng", "64,06", "Vi Quang Trung"]),
    ("vi-du-2024-xep-hang-cchc", "quyet-dinh.docx", 3, ["Phụ lục II", "97,685", "Xuất sắc"]),
]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    root = tmp_path_factory.mktemp("pdf")
    documents = []
    for job, name, _, _ in CASES:
        run_job(INPUTS / job, root / job)
        target = root / f"{job}--{name}"
        (root / job / name).rename(target)
        documents.append(target)
    return dict(zip([c[0] for c in CASES], convert_to_pdf(documents, root / "pdf"), strict=True))


@pytest.mark.parametrize("job, name, pages, words", CASES)
def test_document_converts_to_pdf_with_its_pages_and_text(pdfs, job, name, pages, words):
    pdf = pdfs[job]
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert f"Pages:           {pages}" in info
    assert "595.3" in info and "841.89" in info  # A4 (first page portrait)
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    for word in words:
        assert word in text, word

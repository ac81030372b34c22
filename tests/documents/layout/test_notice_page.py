"""An appraisal notice whose table, summary line and signature fit one page is printed on one page: the summary
keeps with the signature block by 12 pt of space, not an empty line folded into 28 pt, which pushed both to a
second page that held nothing else while the first had 62 mm free."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

from pipeline.flow import run_job
from tests.conftest import INPUTS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def notices(tmp_path_factory):
    return run_job(INPUTS / "vi-du-2025-dot-danh-gia-tinh", tmp_path_factory.mktemp("tb")).manifest.parent / "thong-bao"


def test_the_summary_line_comes_right_before_the_signature_and_keeps_with_it(notices):
    body = etree.fromstring(zipfile.ZipFile(notices / "001-so-noi-vu.docx").read("word/document.xml"))[0]
    signature = next(t for t in body.findall(f"{W}tbl") if "Nơi nhận" in "".join(t.itertext()))
    summary = signature.getprevious()
    assert "".join(summary.itertext()).startswith("Tổng điểm thẩm định các lĩnh vực")
    assert summary.find(f"{W}pPr/{W}keepNext") is not None
    assert summary.find(f"{W}pPr/{W}spacing").get(f"{W}after") == "240"  # 12 pt


@pytest.mark.skipif(not shutil.which("soffice") and not os.environ.get("CI"), reason="LibreOffice is not installed")
def test_a_notice_that_fits_one_page_is_printed_on_one_page(notices, tmp_path):
    from pipeline.write.pdf import convert_to_pdf

    [pdf] = convert_to_pdf([notices / "001-so-noi-vu.docx"], tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) == 1
    assert all(words in pages[0] for words in ("TỔNG ĐIỂM", "xếp loại: Rất tốt", "Nơi nhận", "(Họ và tên người ký)"))

"""A report whose body ends with its table (no self-rating line) and whose signature block is long (22
recipients) does not leave "Nơi nhận" and the signature alone on a page: the table's last rows go with it."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

from pipeline.flow import run_job
from tests.conftest import INPUTS
from tests.documents.layout.test_layout_in_pdf import body_lines_above_recipients, with_extra

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    root = tmp_path_factory.mktemp("nhan")
    job = root / "job"
    shutil.copytree(INPUTS / "huong-tra-2021-tu-cham", job)
    with_extra(job, "recipients", [f"Nơi nhận thử {n};" for n in range(22)])
    return run_job(job, root / "out").manifest.parent / "bao-cao-tu-cham.docx"


def test_the_tables_last_two_rows_stand_in_a_table_of_their_own_kept_with_the_signature(report):
    body = etree.fromstring(zipfile.ZipFile(report).read("word/document.xml"))[0]
    tables = body.findall(f"{W}tbl")
    criteria, last, signature = tables[-3], tables[-2], tables[-1]
    assert "Nơi nhận" in "".join(signature.itertext())
    assert len(last.findall(f"{W}tr")) == 2 and len(criteria.findall(f"{W}tr")) > 40
    assert "điểm đánh giá là 0" in "".join(last.itertext())  # the table's very last row
    gap = criteria.getnext()
    assert gap.tag == f"{W}p" and gap.getnext() is last and not "".join(gap.itertext()).strip()
    assert etree.tostring(last.find(f"{W}tblGrid")) == etree.tostring(criteria.find(f"{W}tblGrid"))
    assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in last.iter(f"{W}p"))


@pytest.mark.skipif(not shutil.which("soffice") and not os.environ.get("CI"), reason="LibreOffice is not installed")
def test_printed_the_page_with_noi_nhan_holds_the_tables_last_rows(report, tmp_path):
    from pipeline.write.pdf import convert_to_pdf

    [pdf] = convert_to_pdf([report], tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    [page] = [page for page in text.split("\f") if "Nơi nhận:" in page]
    above = " ".join(body_lines_above_recipients(page))
    assert "điểm đánh giá là 0." in above  # the criteria table's last row, above the block

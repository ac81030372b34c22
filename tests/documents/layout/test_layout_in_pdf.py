"""What a reader sees on the printed page, read back from the PDF LibreOffice makes of each document.

The layout is decided before Word or LibreOffice sees the document (`documents.layout`); these
tests check its promises on the pages themselves, for every example and for stress copies whose
content ends at different heights of a page:

- the page holding "Nơi nhận" also holds text of the body: the signature never stands alone;
- every word of every unit name in a ranking table comes out whole (no "Sở Tài chín h"), and a
  label such as "Trung bình" on one line;
- names in the "(Kèm theo …)" line and the trích yếu are not broken across lines.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from pipeline.flow import run_job
from pipeline.read.job_folder import read_job
from pipeline.scoring.evaluate import evaluate
from pipeline.write.pdf import convert_to_pdf
from tests.conftest import INPUTS

if not shutil.which("soffice") and not os.environ.get("CI"):
    pytest.skip("LibreOffice is not installed (CI installs it)", allow_module_level=True)

EXAMPLES = sorted(p.parent.name for p in INPUTS.glob("*/job.toml"))
EXTRA_BASES = range(0, 40, 4)  # stress copies of the decision: 0, 4 … 36 more Căn cứ paragraphs push its end down
EXTRA_RECIPIENTS = range(0, 18, 2)  # …of the 2021 report with its self-rating line: a taller signature block


def pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def with_extra(job: Path, key: str, lines: list[str]) -> None:
    settings = job / "job.toml"
    text = settings.read_text(encoding="utf-8")
    items = "".join(f'  "{line}",\n' for line in lines)
    if f"{key} = [\n" in text:
        text = text.replace(f"{key} = [\n", f"{key} = [\n{items}", 1)
    else:
        text = re.sub(rf"^{key} = \[", f"{key} = [{items.replace(chr(10), ' ')}", text, count=1, flags=re.M)
    settings.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    """Every document of every example and of the stress copies, as PDF, made by one LibreOffice call."""
    root = tmp_path_factory.mktemp("layout")
    jobs = {name: INPUTS / name for name in EXAMPLES}
    for extra in EXTRA_BASES:
        copy = root / "jobs" / f"quyet-dinh-them-{extra}"
        shutil.copytree(INPUTS / "huong-tra-2020-xep-loai", copy)
        with_extra(copy, "bases", [f"Căn cứ văn bản thử số {n} ngày 01 tháng 01 năm 2020;" for n in range(extra)])
        jobs[copy.name] = copy
    trung_binh = root / "jobs" / "bang-trung-binh"  # the portrait table with component columns, one unit at 60
    shutil.copytree(INPUTS / "vi-du-2024-bang-xep-hang-cchc", trung_binh)
    data = trung_binh / "chi-so-cchc-2024.csv"
    data.write_text(data.read_text(encoding="utf-8").replace("57,860;28,905", "40,000;20,000"), encoding="utf-8")
    jobs[trung_binh.name] = trung_binh
    for extra in EXTRA_RECIPIENTS:
        copy = root / "jobs" / f"bao-cao-them-{extra}"
        shutil.copytree(INPUTS / "huong-tra-2021-tu-cham", copy)
        with_extra(copy, "recipients", [f"Nơi nhận thử {n};" for n in range(extra)])
        settings = copy / "job.toml"  # the line under the table is the body's last paragraph (see keep_with_signature)
        settings.write_text(settings.read_text(encoding="utf-8")
                            .replace("[document]\n", "[document]\nself_rating = true\n", 1), encoding="utf-8")
        jobs[copy.name] = copy
    documents = []
    for name, job in jobs.items():
        out = root / "out" / name
        run_job(job, out)
        for document in sorted(out.rglob("*.docx")):
            target = root / "docx" / f"{name}--{document.relative_to(out).as_posix().replace('/', '--')}"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(document, target)
            documents.append(target)
    return {pdf.stem: pdf for pdf in convert_to_pdf(documents, root / "pdf")}


def body_lines_above_recipients(page: str) -> list[str]:
    """The lines of `page` above "Nơi nhận", the page number at the top left out."""
    above = page.split("Nơi nhận:")[0].splitlines()
    return [line for line in above if line.strip() and not line.strip().isdigit()]


def test_the_page_holding_noi_nhan_also_holds_body_text(pdfs):
    signed = 0
    for name, pdf in pdfs.items():
        pages = [page for page in pdf_pages(pdf) if "Nơi nhận:" in page]
        for page in pages:
            assert body_lines_above_recipients(page), f"{name}: Nơi nhận and the signature alone on a page"
            signed += 1
    assert signed >= len(EXTRA_BASES) + len(EXTRA_RECIPIENTS) + 8  # every stress copy and the examples were read


def test_stress_copies_end_at_different_heights_and_some_move_to_a_new_page(pdfs):
    """The stress copies do what they are for: the signature block reaches the foot of a page in some."""
    for prefix, extras in (("quyet-dinh-them", EXTRA_BASES), ("bao-cao-them", EXTRA_RECIPIENTS)):
        firsts = []
        for extra in extras:
            pdf = next(p for n, p in pdfs.items() if n.startswith(f"{prefix}-{extra}--"))
            pages = pdf_pages(pdf)
            firsts.append(next(n for n, page in enumerate(pages) if "Nơi nhận:" in page))
        assert len(set(firsts)) > 1, (prefix, firsts)  # on page 1 in some copies, on page 2 in others


def ranked_units(job: Path) -> list[dict]:
    result = evaluate(*read_job(job))
    return [unit for unit in result.units if unit.get("unit")]


RANKING_JOBS = [j for j in EXAMPLES if tomllib.loads((INPUTS / j / "job.toml").read_text(encoding="utf-8"))["kind"]
                != "bao-cao-tu-cham"]


@pytest.mark.parametrize("job", RANKING_JOBS)
def test_every_word_of_every_unit_name_comes_out_whole(pdfs, job):
    pdf = next(p for n, p in pdfs.items() if n.startswith(f"{job}--") and "--bao-cao--" not in n)
    words = set(re.findall(r"\S+", " ".join(pdf_pages(pdf))))
    names = [unit["unit"] for unit in ranked_units(INPUTS / job)]
    assert names
    for name in names:
        for word in name.split():
            assert word in words, (job, name, word)  # a word broken in its cell comes out as two pieces


def test_labels_and_short_notes_stay_on_one_line(pdfs):
    """"Trung bình" (a unit of the stress copy scores 60) and every label of a portrait table with
    component columns, the narrowest form, each whole on one line of the page."""
    pdf = pdfs["bang-trung-binh--bang-xep-hang"]
    lines = [" ".join(line.split()) for line in "\n".join(pdf_pages(pdf)).splitlines()]
    labels = {unit["label"] for unit in ranked_units(pdf.parent.parent / "jobs" / "bang-trung-binh") if unit["label"]}
    assert "Trung bình" in labels
    for label in labels:
        assert any(label in line for line in lines), label
        first = label.split()[0]
        assert not any(line.endswith(f" {first}") or line == first for line in lines if len(label.split()) > 1), label


def test_names_in_the_attached_to_line_and_trich_yeu_are_not_broken(pdfs):
    text = " ".join(pdf_pages(pdfs["huong-tra-2020-xep-loai--quyet-dinh"]))
    lines = [line.strip() for line in text.splitlines()]
    for name in ("Ủy ban nhân dân", "thị xã Hương Trà", "Quyết định số 1841/QĐ-UBND"):
        first = name.split()[0]
        holding = [line for line in lines if first in line and "Kèm theo" in line]
        for line in holding:
            start = line.index(first)
            assert line[start:].startswith(name) or name.split()[-1] in line[start:], (name, line)
    assert not any(line.endswith(("Ủy ban nhân", "thị", "Ủy ban")) for line in lines), lines

"""`--pdf` writes PDF/A-2b for electronic dispatch: its XMP names part 2, conformance B, and the
document's title and author; every font is embedded; every page is A4, portrait or landscape.
When Times New Roman is set in a substitute font the run says so once, and still succeeds.

`fc-match` is faked on PATH: the answer fontconfig gives decides the warning, whatever fonts
this machine has. The runs that convert need LibreOffice and skip without it, like the other
PDF tests; the rest run everywhere.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from pipeline.base.errors import Reason
from pipeline.write.pdf import font_warnings, substitute_font
from tests.conftest import INPUTS, ROOT
from tests.test_flow import DECISION_JOB, emb_column, needs_soffice

XMP = {"x": "adobe:ns:meta/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
       "pdfaid": "http://www.aiim.org/pdfa/ns/id/", "dc": "http://purl.org/dc/elements/1.1/"}
CORE = {"dc": "http://purl.org/dc/elements/1.1/"}
WARNING = "chưa cài phông Times New Roman"
SMALL_JOB = "chi-lang-2023-cchc"


def fake_fc_match(folder: Path, family: str) -> Path:
    """A folder holding an `fc-match` that answers `family` (and notes that it was asked)."""
    folder.mkdir(parents=True, exist_ok=True)
    program = folder / "fc-match"
    program.write_text(f"#!/bin/sh\ntouch '{folder}/asked'\nprintf '%s' '{family}'\n")
    program.chmod(0o755)
    return folder


def path_with(folder: Path) -> str:
    return f"{folder}{os.pathsep}{os.environ['PATH']}"


def xmp(pdf: Path) -> ElementTree.Element:
    """The PDF's XMP packet, parsed (PDF/A keeps it uncompressed)."""
    data = pdf.read_bytes()
    found = re.search(rb"<x:xmpmeta.*?</x:xmpmeta>", data, re.S)
    assert found, f"{pdf.name} has no XMP packet"
    return ElementTree.fromstring(found.group(0))


def xmp_value(packet: ElementTree.Element, prefix: str, name: str) -> list[str]:
    """Every value of `prefix:name`, written as an element (with rdf:li items or text) or an attribute."""
    key = f"{{{XMP[prefix]}}}{name}"
    values = []
    for description in packet.iter(f"{{{XMP['rdf']}}}Description"):
        if key in description.attrib:
            values.append(description.attrib[key])
        for element in description.iter(key):
            items = [li.text or "" for li in element.iter(f"{{{XMP['rdf']}}}li")]
            values += items or [(element.text or "").strip()]
    return values


def core_property(docx: Path, name: str) -> str:
    core = ElementTree.fromstring(zipfile.ZipFile(docx).read("docProps/core.xml"))
    return core.findtext(f"dc:{name}", namespaces=CORE) or ""


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Width and height in points of every page (`pdfinfo -f 1 -l N`)."""
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))
    every = subprocess.run(["pdfinfo", "-f", "1", "-l", str(pages), str(pdf)], check=True, capture_output=True,
                           text=True).stdout
    found = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", every, re.M)
    sizes = [(float(w), float(h)) for w, h in found]
    assert len(sizes) == pages
    return sizes


@pytest.fixture(scope="module")
def substituted(tmp_path_factory):
    """The decision job run with `--pdf` as a user runs it, fontconfig answering Liberation Serif."""
    root = tmp_path_factory.mktemp("pdfa")
    fake = fake_fc_match(root / "bin", "Liberation Serif")
    out = root / "out"
    command = [sys.executable, "-m", "pipeline", "run", str(INPUTS / DECISION_JOB), "--out", str(out), "--pdf"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PATH": path_with(fake)})
    assert done.returncode == 0, done.stderr
    return out, done.stdout


@needs_soffice
def test_pdf_output_is_pdf_a_its_xmp_naming_part_2_and_conformance_b(substituted):
    out, _ = substituted
    packet = xmp(out / "quyet-dinh.pdf")
    assert xmp_value(packet, "pdfaid", "part") == ["2"]
    assert xmp_value(packet, "pdfaid", "conformance") == ["B"]


@needs_soffice
def test_pdf_metadata_carries_the_documents_title_and_author(substituted):
    out, _ = substituted
    packet = xmp(out / "quyet-dinh.pdf")
    title, author = core_property(out / "quyet-dinh.docx", "title"), core_property(out / "quyet-dinh.docx", "creator")
    assert title and author
    assert xmp_value(packet, "dc", "title") == [title]
    assert xmp_value(packet, "dc", "creator") == [author]


@needs_soffice
def test_every_font_of_the_pdf_is_embedded(substituted):
    out, _ = substituted
    fonts = emb_column(subprocess.run(["pdffonts", str(out / "quyet-dinh.pdf")], check=True, capture_output=True,
                                      text=True).stdout)
    assert fonts and all(e == "yes" for e in fonts), fonts


@needs_soffice
def test_every_page_is_a4_portrait_or_landscape_as_in_the_document(substituted):
    out, _ = substituted
    sizes = page_sizes(out / "quyet-dinh.pdf")
    shapes = ["portrait" if (round(w), round(h)) == (595, 842) else
              "landscape" if (round(w), round(h)) == (842, 595) else f"{w} x {h}" for w, h in sizes]
    assert shapes == ["portrait", "portrait", "landscape", "landscape", "landscape"]  # the appendix is landscape


@needs_soffice
def test_the_warning_names_the_substitute_font_once_and_the_run_succeeds(substituted):
    _, printed = substituted
    assert printed.count(WARNING) == 1, printed
    warning = next(line for line in printed.splitlines() if WARNING in line)
    assert '"Liberation Serif"' in warning and "Ngắt dòng" in warning


@needs_soffice
def test_no_font_warning_when_fc_match_reports_times_new_roman(cli, tmp_path, monkeypatch):
    fake = fake_fc_match(tmp_path / "bin", "Times New Roman")
    monkeypatch.setenv("PATH", path_with(fake))
    code, printed, err = cli("run", INPUTS / SMALL_JOB, "--out", tmp_path / "out", "--pdf")
    assert code == 0, err
    assert (fake / "asked").exists() and (tmp_path / "out" / "bao-cao-tu-cham.pdf").is_file()
    assert WARNING not in printed + err


def test_without_pdf_fonts_are_not_asked_about_nor_warned_of(cli, tmp_path, monkeypatch):
    fake = fake_fc_match(tmp_path / "bin", "DejaVu Serif")
    monkeypatch.setenv("PATH", path_with(fake))
    code, printed, err = cli("run", INPUTS / SMALL_JOB, "--out", tmp_path / "out")
    assert code == 0, err
    assert not (fake / "asked").exists() and WARNING not in printed + err


def test_the_substitute_is_the_first_family_fontconfig_names(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", path_with(fake_fc_match(tmp_path / "bin", "DejaVu Serif,DejaVu Serif Book")))
    assert substitute_font() == "DejaVu Serif"
    [warning] = font_warnings()
    assert warning.reason is Reason.FONT_SUBSTITUTED and warning.detail("font") == "DejaVu Serif"


def test_times_new_roman_installed_is_no_substitute(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", path_with(fake_fc_match(tmp_path / "bin", "Times New Roman")))
    assert substitute_font() is None and font_warnings() == []


def test_without_fc_match_nothing_is_said(tmp_path, monkeypatch):
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))  # no fontconfig: no way to tell
    assert font_warnings() == []


def test_a_libreoffice_that_writes_plain_pdf_is_refused_and_nothing_is_written(cli, tmp_path, monkeypatch):
    fake = tmp_path / "bin" / "soffice"  # LibreOffice before 7.4 ignores the filter options: a plain PDF
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\nwhile [ $# -gt 0 ]; do case \"$1\" in\n"
                    "  --outdir) shift; out=\"$1\" ;;\n"
                    "  *.docx) mkdir -p \"$out\"; name=$(basename \"$1\" .docx)\n"
                    "    printf '%%PDF-1.6\\n%%%%EOF\\n' > \"$out/$name.pdf\" ;;\n"
                    "esac; shift; done\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", path_with(fake.parent))
    out = tmp_path / "out"
    code, _, err = cli("run", INPUTS / SMALL_JOB, "--out", out, "--pdf")
    assert code == 1
    assert "không ghi được PDF/A-2b" in err and "7.4" in err and "Chưa ghi tệp nào" in err
    assert not out.exists()

"""PDF/A-2b copies of generated documents through LibreOffice, one process for a whole batch."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pipeline.base.errors import InputErrors, Problem, Reason, problem

# PDF/A-2b (ISO 19005-2, level B) for electronic dispatch: every font embedded, XMP metadata
# naming the standard. The JSON form of filter options is read from LibreOffice 7.4 on.
PDF_FILTER = "pdf:writer_pdf_Export:" + json.dumps({"SelectPdfVersion": {"type": "long", "value": "2"}})
_PDFA_ID = re.compile(rb'pdfaid:part(?:>|=["\'])2\b')
DOCUMENT_FONT = "Times New Roman"  # the shipped templates' font, as Decree 30/2020 asks


def soffice() -> str:
    """The LibreOffice program; `InputErrors` saying how to install it when there is none."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise InputErrors([problem(Reason.NO_LIBREOFFICE)])
    return found


def convert_to_pdf(documents: list[Path], out_dir: Path | None = None,
                   progress: Callable[[int], None] | None = None) -> list[Path]:
    """A PDF/A-2b copy of each document (beside it, or in `out_dir`), all made by one `soffice` call
    (one more for each further document of the same file name in another folder: a unit's report
    `bao-cao/001-….docx` and its notice `thong-bao/001-….docx`; LibreOffice names a PDF by its document's name).

    LibreOffice writes into a temporary folder; each PDF is then moved beside its
    document with an atomic rename, so an interrupted conversion leaves no partial PDF.
    PDF/A embeds every font; the page size is kept; the title and author of the
    document's properties go into the PDF's metadata. A conversion that fails or leaves
    a PDF out raises `InputErrors` (PDF_FAILED); one that is not PDF/A (a LibreOffice
    older than 7.4 ignores the filter options) raises it too (PDF_NOT_PDFA). `progress` is told how
    many PDFs LibreOffice has written so far, as they appear.
    """
    if not documents:
        return []
    documents = [d.absolute() for d in documents]
    if out_dir is not None and len({d.stem for d in documents}) < len(documents):
        raise ValueError("two documents with the same name would give the same PDF")
    rounds: list[list[Path]] = []  # each round's names differ
    for document in documents:
        free = next((r for r in rounds if all(d.stem != document.stem for d in r)), None)
        if free is None:
            rounds.append(free := [])
        free.append(document)
    made: dict[Path, Path] = {}
    for batch in rounds:
        before = len(made)
        told = (lambda count, before=before: progress(before + count)) if progress else None
        made.update(zip(batch, _converted(batch, out_dir, told), strict=True))
    return [made[d] for d in documents]


def _converted(documents: list[Path], out_dir: Path | None, progress: Callable[[int], None] | None = None) \
        -> list[Path]:
    """`convert_to_pdf` for documents of different names: one `soffice` call."""
    names = [d.stem for d in documents]
    program = soffice()
    with tempfile.TemporaryDirectory(prefix=".pdf-", dir=documents[0].parent) as scratch:
        profile, converted = Path(scratch) / "profile", Path(scratch) / "pdf"
        command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                   "--convert-to", PDF_FILTER, "--outdir", str(converted), *map(str, documents)]
        try:
            if progress is None:
                subprocess.run(command, check=True, capture_output=True, timeout=120 + 3 * len(documents))
            else:
                _watched(command, 120 + 3 * len(documents), converted, progress)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            raise InputErrors([problem(Reason.PDF_FAILED, error=_reason(exc))]) from exc
        missing = [f"{n}.pdf" for n in names if not (converted / f"{n}.pdf").is_file()]
        if missing:
            raise InputErrors([problem(Reason.PDF_FAILED, error="không có " + ", ".join(missing))])
        if not is_pdfa(converted / f"{names[0]}.pdf"):  # the filter options were ignored: all or none
            raise InputErrors([problem(Reason.PDF_NOT_PDFA)])
        pdfs = []
        for document in documents:
            target = out_dir / f"{document.stem}.pdf" if out_dir else document.with_suffix(".pdf")
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(converted / f"{document.stem}.pdf", target)
            pdfs.append(target)
    return pdfs


def _watched(command: list[str], timeout: float, converted: Path, progress: Callable[[int], None]) -> None:
    """`subprocess.run(command, check=True, timeout=timeout)`, telling `progress` each time a PDF appears."""
    with tempfile.TemporaryFile() as said, subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=said) as process:
        deadline, seen = time.monotonic() + timeout, 0
        while True:
            try:
                process.wait(0.25)
                break
            except subprocess.TimeoutExpired:
                if time.monotonic() > deadline:
                    process.kill()
                    process.wait()
                    raise
            count = len(list(converted.glob("*.pdf"))) if converted.is_dir() else 0
            if count != seen:
                seen = count
                progress(count)
        if process.returncode:
            said.seek(0)
            raise subprocess.CalledProcessError(process.returncode, command, stderr=said.read())
        progress(len(list(converted.glob("*.pdf"))) if converted.is_dir() else 0)


def _reason(exc: Exception) -> str:
    if isinstance(exc, subprocess.TimeoutExpired):
        return "quá thời gian chờ"
    if isinstance(exc, subprocess.CalledProcessError):
        said = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        return f"mã lỗi {exc.returncode}" + (f": {said[-1]}" if said else "")
    return str(exc)


def is_pdfa(pdf: Path) -> bool:
    """Whether the PDF's XMP packet says PDF/A-2 (LibreOffice writes it uncompressed, as PDF/A asks)."""
    return _PDFA_ID.search(pdf.read_bytes()) is not None


def font_warnings() -> list[Problem]:
    """FONT_SUBSTITUTED when Times New Roman is not installed and PDFs are set in another font.

    A substitute with the same metrics (Liberation Serif) breaks lines where Word does; any
    other moves line and page breaks, so a clerk should know before signing. Nothing is said
    when `fc-match` (fontconfig) is missing: there is then no way to tell.
    """
    used = substitute_font()
    return [problem(Reason.FONT_SUBSTITUTED, font=used)] if used else []


def substitute_font() -> str | None:
    """The family fontconfig sets Times New Roman in, when it is not Times New Roman itself."""
    program = shutil.which("fc-match")
    if not program:
        return None
    try:
        said = subprocess.run([program, "-f", "%{family}", DOCUMENT_FONT], capture_output=True, text=True,
                              timeout=30, check=True).stdout
    except (subprocess.SubprocessError, OSError):
        return None
    families = [name.strip() for name in said.split(",") if name.strip()]  # "DejaVu Serif,DejaVu Serif Book"
    if not families or DOCUMENT_FONT.casefold() in (name.casefold() for name in families):
        return None
    return families[0]

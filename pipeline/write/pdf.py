"""PDF copies of generated documents through LibreOffice, one process for a whole batch."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from pipeline.base.errors import InputErrors, Reason, problem


def soffice() -> str:
    """The LibreOffice program; `InputErrors` saying how to install it when there is none."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise InputErrors([problem(Reason.NO_LIBREOFFICE)])
    return found


def convert_to_pdf(documents: list[Path], out_dir: Path | None = None) -> list[Path]:
    """A PDF of each document (beside it, or in `out_dir`), all made by one `soffice` call.

    LibreOffice writes into a temporary folder; each PDF is then moved beside its
    document with an atomic rename, so an interrupted conversion leaves no partial PDF.
    Fonts are embedded and the page size kept (LibreOffice's PDF export defaults). A
    conversion that fails or leaves a PDF out raises `InputErrors` (PDF_FAILED).
    """
    if not documents:
        return []
    documents = [d.absolute() for d in documents]
    names = [d.stem for d in documents]
    if len(set(names)) < len(names):
        raise ValueError("two documents with the same name would give the same PDF")
    program = soffice()
    with tempfile.TemporaryDirectory(prefix=".pdf-", dir=documents[0].parent) as scratch:
        profile, converted = Path(scratch) / "profile", Path(scratch) / "pdf"
        try:
            subprocess.run(
                [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                 "--convert-to", "pdf", "--outdir", str(converted), *map(str, documents)],
                check=True, capture_output=True, timeout=120 + 3 * len(documents),
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            raise InputErrors([problem(Reason.PDF_FAILED, error=_reason(exc))]) from exc
        missing = [f"{n}.pdf" for n in names if not (converted / f"{n}.pdf").is_file()]
        if missing:
            raise InputErrors([problem(Reason.PDF_FAILED, error="không có " + ", ".join(missing))])
        pdfs = []
        for document in documents:
            target = out_dir / f"{document.stem}.pdf" if out_dir else document.with_suffix(".pdf")
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(converted / f"{document.stem}.pdf", target)
            pdfs.append(target)
    return pdfs


def _reason(exc: Exception) -> str:
    if isinstance(exc, subprocess.TimeoutExpired):
        return "quá thời gian chờ"
    if isinstance(exc, subprocess.CalledProcessError):
        said = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        return f"mã lỗi {exc.returncode}" + (f": {said[-1]}" if said else "")
    return str(exc)

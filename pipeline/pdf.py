"""PDF copies of generated documents through LibreOffice, one process for a whole batch."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

INSTALL_HINT = ("Chưa có LibreOffice để chuyển sang PDF. Trên Debian/Ubuntu: "
                "sudo apt-get install libreoffice-writer-nogui fonts-liberation2")


class NoLibreOffice(RuntimeError):
    pass


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise NoLibreOffice(INSTALL_HINT)
    return found


def convert_to_pdf(documents: list[Path], out_dir: Path, timeout: float = 600) -> list[Path]:
    """Converts every document with a single `soffice --convert-to pdf` call; returns the PDFs."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, documents)],
            check=True, capture_output=True, timeout=timeout,
        )
    pdfs = [out_dir / f"{d.stem}.pdf" for d in documents]
    missing = [p.name for p in pdfs if not p.is_file()]
    if missing:
        raise RuntimeError(f"LibreOffice did not write {', '.join(missing)}")
    return pdfs

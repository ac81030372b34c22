"""PDF copies of generated documents through LibreOffice, one process for a whole batch."""

from __future__ import annotations

import os
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


def convert_to_pdf(documents: list[Path], out_dir: Path | None = None) -> list[Path]:
    """A PDF of each document (beside it, or in `out_dir`), all made by one `soffice` call.

    LibreOffice writes into a temporary folder; each PDF is then moved beside its
    document with an atomic rename, so an interrupted conversion leaves no partial PDF.
    Fonts are embedded and the page size kept (LibreOffice's PDF export defaults).
    """
    if not documents:
        return []
    names = [d.stem for d in documents]
    if len(set(names)) < len(names):
        raise ValueError("two documents with the same name would give the same PDF")
    with tempfile.TemporaryDirectory(prefix=".pdf-", dir=documents[0].parent) as scratch:
        profile, converted = Path(scratch) / "profile", Path(scratch) / "pdf"
        subprocess.run(
            [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(converted), *map(str, documents)],
            check=True, capture_output=True, timeout=120 + 3 * len(documents),
        )
        missing = [f"{n}.pdf" for n in names if not (converted / f"{n}.pdf").is_file()]
        if missing:
            raise RuntimeError(f"LibreOffice did not write {', '.join(missing)}")
        pdfs = []
        for document in documents:
            target = out_dir / f"{document.stem}.pdf" if out_dir else document.with_suffix(".pdf")
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(converted / f"{document.stem}.pdf", target)
            pdfs.append(target)
    return pdfs

"""Pictures of every page of a document, made with LibreOffice (to PDF) and pdftoppm when both are installed.

Pictures are kept in a cache folder beside the outputs (`outputs/.xem-truoc/<job>/<sha256>/1.png`,
`2.png`…), named by the document's SHA-256, so a document made again gets new pictures and an old
one is never shown. A document's pictures appear together (made in a scratch folder, then renamed
into place) so a half-made set is never read.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from pipeline.base.errors import InputErrors
from pipeline.write.manifest import sha256
from pipeline.write.pdf import convert_to_pdf

CACHE = ".xem-truoc"
RESOLUTION = "100"  # dots per inch: an A4 page 827 pixels wide (1169 lying), readable on the page
_lock = threading.Lock()  # one LibreOffice at a time


def previews_possible() -> bool:
    return bool(shutil.which("soffice") and shutil.which("pdftoppm"))


def page_pictures(document: Path, outputs: Path, job: str) -> list[Path] | None:
    """The PNG of each page of `document`, in order (made now if need be), or None when they cannot be made."""
    if not previews_possible() or not document.is_file():
        return None
    cache = outputs / CACHE / job
    folder = cache / sha256(document)
    if not folder.is_dir():
        with _lock:
            if not folder.is_dir() and not _made(document, cache, folder):
                return None
    pictures = sorted(folder.glob("*.png"), key=lambda p: int(p.stem) if p.stem.isdigit() else 0)
    return pictures or None


def _made(document: Path, cache: Path, folder: Path) -> bool:
    """Makes `folder` with one PNG per page of `document`: `1.png`, `2.png`…; False when it cannot."""
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as work:
        copy = Path(work) / "van-ban.docx"
        shutil.copyfile(document, copy)
        pages = Path(work) / "trang"
        pages.mkdir()
        try:
            pdf = convert_to_pdf([copy], Path(work))[0]
            subprocess.run(["pdftoppm", "-png", "-r", RESOLUTION, str(pdf), str(pages / "p")], check=True,
                           capture_output=True, timeout=300)
        except (InputErrors, subprocess.SubprocessError, OSError, IndexError):
            return False
        made = list(pages.glob("p-*.png"))  # p-1.png, or p-01.png… as many digits as the last page needs
        if not made:
            return False
        for picture in made:
            picture.rename(pages / f"{int(picture.stem.rsplit('-', 1)[1])}.png")
        os.replace(pages, folder)
    return True

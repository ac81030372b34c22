"""A PNG of a document's first page, made with LibreOffice and pdftoppm when both are installed.

Pictures are kept in a cache folder beside the outputs (`outputs/.xem-truoc/<job>/`), named by
the document's SHA-256, so a document made again gets a new picture and an old one is never shown.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from pipeline.base.errors import InputErrors
from pipeline.write.manifest import sha256
from pipeline.write.pdf import convert_to_pdf

CACHE = ".xem-truoc"
_lock = threading.Lock()  # one LibreOffice at a time


def previews_possible() -> bool:
    return bool(shutil.which("soffice") and shutil.which("pdftoppm"))


def first_page(document: Path, outputs: Path, job: str) -> Path | None:
    """The PNG of `document`'s first page (made now if need be), or None when it cannot be made."""
    if not previews_possible() or not document.is_file():
        return None
    cache = outputs / CACHE / job
    picture = cache / f"{sha256(document)}.png"
    if picture.is_file():
        return picture
    with _lock:
        if picture.is_file():
            return picture
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=cache) as work:
            copy = Path(work) / "van-ban.docx"
            shutil.copyfile(document, copy)
            try:
                pdf = convert_to_pdf([copy], Path(work))[0]
                subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                                str(Path(work) / "trang")], check=True, capture_output=True, timeout=120)
            except (InputErrors, subprocess.SubprocessError, OSError, IndexError):
                return None
            (Path(work) / "trang.png").replace(picture)
    return picture

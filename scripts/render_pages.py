"""PNG pictures of generated documents, to look at them as a reader would.

For every job folder in `outputs/` (or the folders given), converts each .docx (a
campaign's unit reports included) to PDF with LibreOffice and renders every page with
pdftoppm. Pictures go to `outputs/<job>/pages/<document>-<page>.png`. Run: `make pages`
(after `make run`).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pipeline.write.pdf import convert_to_pdf

ROOT = Path(__file__).resolve().parent.parent


def render(folder: Path) -> list[Path]:
    documents = sorted(folder.glob("*.docx")) + sorted(folder.glob("*/*.docx"))
    if not documents:
        return []
    pages_dir = folder / "pages"
    for old in pages_dir.glob("*.png"):
        old.unlink()
    for pdf in convert_to_pdf(documents, pages_dir):
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(pages_dir / pdf.stem)], check=True)
    return sorted(pages_dir.glob("*.png"))


if __name__ == "__main__":
    folders = [Path(a) for a in sys.argv[1:]] or sorted(p for p in (ROOT / "outputs").iterdir() if p.is_dir())
    for folder in folders:
        for picture in render(folder):
            print(picture)

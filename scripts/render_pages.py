"""PNG pictures of generated documents, to look at them as a reader would.

For every job folder in `outputs/` (or the folders given), converts each .docx to PDF
with LibreOffice and renders with pdftoppm: the first page, and the first page of the
first appendix (the first page after page 1 that starts with "Phụ lục"/"PHỤ LỤC").
Pictures go to `outputs/<job>/pages/`. Run: `make pages` (after `make run`).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pipeline.write.pdf import convert_to_pdf  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return text.split("\f")


def render(folder: Path) -> list[Path]:
    documents = sorted(folder.glob("*.docx"))
    if not documents:
        return []
    pages_dir = folder / "pages"
    pictures = []
    for pdf in convert_to_pdf(documents, pages_dir):
        texts = page_texts(pdf)
        wanted = [1] + [n for n, t in enumerate(texts[1:], 2) if t.strip().lower().startswith("phụ lục")][:1]
        for page in wanted:
            prefix = pages_dir / f"{pdf.stem}-trang-{page}"
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile",
                            str(pdf), str(prefix)], check=True)
            pictures.append(prefix.with_suffix(".png"))
    return pictures


if __name__ == "__main__":
    folders = [Path(a) for a in sys.argv[1:]] or sorted(p for p in (ROOT / "outputs").iterdir() if p.is_dir())
    for folder in folders:
        for picture in render(folder):
            print(picture)

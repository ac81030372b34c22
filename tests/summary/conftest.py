"""The year-over-year example run once for the module, and readers of what its documents print."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from docx import Document

from pipeline.flow import run_job
from tests.conftest import INPUTS

CURRENT, PREVIOUS = "vi-du-2025-dot-danh-gia-tinh", "vi-du-2024-xep-loai-tinh"


@pytest.fixture(scope="package")
def pair(tmp_path_factory) -> dict[str, Path]:
    """Both example jobs run from their inputs (the 2025 one computes 2024 itself), each into its own folder."""
    root = tmp_path_factory.mktemp("pair")
    return {job: run_job(INPUTS / job, root / job).manifest.parent for job in (CURRENT, PREVIOUS)}


def text(cell) -> str:
    return " ".join(cell.text.split())


def appendix_tables(path: Path) -> list[list[dict[str, str]]]:
    """Each ranking table of a decision as rows of {header: text} (the header row's words, one space each)."""
    tables = []
    for table in Document(str(path)).tables:
        header = [text(c) for c in table.rows[0].cells]
        if "Đơn vị" in header and "Xếp hạng" in header:
            tables.append([dict(zip(header, (text(c) for c in row.cells), strict=True)) for row in table.rows[1:]])
    return tables


def paragraphs(path: Path) -> list[str]:
    return [" ".join(p.text.split()) for p in Document(str(path)).paragraphs if p.text.strip()]


def folded(name: str) -> str:
    """A name compared without case or diacritics (đ as d)."""
    decomposed = unicodedata.normalize("NFD", name.casefold().replace("đ", "d"))
    return re.sub(r"\s+", " ", "".join(c for c in decomposed if not unicodedata.combining(c))).strip()

"""Shared helpers: run the command line in-process, copy example jobs, build small workbooks."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from openpyxl import Workbook

from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "inputs"
# jobs the tests keep that are not examples: a campaign of the old form (no register, no appraisal)
FIXTURES = ROOT / "tests" / "fixtures"
OLD_CAMPAIGN = "dot-danh-gia-dang-cu"


def job_folder(name: str) -> Path:
    """An example job's folder in inputs/, or a test fixture's."""
    return INPUTS / name if (INPUTS / name).is_dir() else FIXTURES / name


@pytest.fixture
def cli(capsys):
    """Runs `python -m pipeline …` in-process; returns (exit code, stdout, stderr)."""
    def run(*args: str) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err
    return run


@pytest.fixture
def example_job(tmp_path):
    """A writable copy of an example job folder (or of a test fixture's), beside a copy of the previous period's job
    it names (`[previous]`)."""
    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(job_folder(name), target)
        previous = tomllib.loads((target / "job.toml").read_text(encoding="utf-8")).get("previous", {}).get("job")
        if previous and not (target / previous).exists():
            shutil.copytree((INPUTS / name / previous).resolve(), (target / previous).resolve())
        return target
    return copy


def write_workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


DOCUMENT = """
[document]
issuing_body = ["ỦY BAN NHÂN DÂN", "XÃ THỬ NGHIỆM"]
number = ""
symbol = "QĐ-UBND"
place = "Thử Nghiệm"
date = ""
title = "Về việc công bố kết quả đánh giá, xếp loại"
authority = "ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM"
issuer_name = "Ủy ban nhân dân xã Thử Nghiệm"
article_2 = "Quyết định này có hiệu lực kể từ ngày ký."
article_3 = "Các đơn vị chịu trách nhiệm thi hành Quyết định này./."
recipients = ["Như Điều 3;", "Lưu: VT."]
[document.signature]
authority = ["TM. ỦY BAN NHÂN DÂN"]
position = "CHỦ TỊCH"
name = "Nguyễn Văn A"
"""

UNIT_JOB = """
kind = "quyet-dinh-xep-loai"
scheme = "chat-luong-hoat-dong@2020"
[[groups]]
name = "Khối A"
[[groups]]
name = "Khối B"
""" + DOCUMENT


def unit_job(folder: Path, sheets: dict[str, list[list[object]]], settings: str = UNIT_JOB) -> Path:
    """A minimal decision job with the given workbook sheets."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "job.toml").write_text(settings, encoding="utf-8")
    write_workbook(folder / "diem.xlsx", sheets)
    return folder

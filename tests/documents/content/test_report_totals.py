"""A report's total row puts points and maximum on one base (the fields', without the bonus, which has a row of its
own), and its self-rating line says each figure once, a paragraph's spacing away from the table."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from docx import Document
from docx.shared import Pt

from pipeline.documents.content.report_context import self_rating
from pipeline.flow import run_job
from pipeline.read.job_folder import read_job
from pipeline.scoring.evaluate import evaluate
from tests.conftest import INPUTS


def test_a_scaled_result_equal_to_the_result_is_said_once():
    result = evaluate(*read_job(INPUTS / "chi-lang-2023-cchc"))
    totals = replace(result.totals, tree_points=Decimal("77.53"), bonus=Decimal(0), penalty=Decimal(0))
    # 77,53 / 80 × 100 = 96,9125, shown at Chi Lăng's 3 decimals: ≈ 96,913, which is also the result
    line = self_rating(result.settings, totals, {"score": Decimal("96.913"), "label": "Xuất sắc"})
    assert line == ("Tổng điểm tự chấm các lĩnh vực: 77,53/80 điểm; quy đổi thang điểm 100: ≈\u00a096,913; "
                    "tự xếp loại: Xuất sắc./.")


def test_a_result_after_a_bonus_is_said_after_the_scaled_fields():
    result = evaluate(*read_job(INPUTS / "chi-lang-2023-cchc"))
    line = self_rating(result.settings, result.totals, result.units[0])
    assert line.count("80,075") == 1 and line.count("83,075") == 1 and "kết quả: 83,075 điểm" in line


def test_the_self_rating_line_keeps_six_points_from_the_table(tmp_path):
    out = run_job(INPUTS / "chi-lang-2023-cchc", tmp_path / "out").manifest.parent
    document = Document(str(out / "bao-cao-tu-cham.docx"))
    [rating] = [p for p in document.paragraphs if p.text.startswith("Tổng điểm tự chấm các lĩnh vực")]
    assert rating.paragraph_format.space_before == Pt(6)
    assert rating._p.getprevious().tag.endswith("}tbl")  # right under the criteria table

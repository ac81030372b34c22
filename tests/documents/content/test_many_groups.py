"""Any number of groups: Roman numerals for every appendix, letters for every point of Điều 1."""

from __future__ import annotations

import zipfile

import pytest
from docx import Document

from pipeline.documents.content.decision_context import appendix_references, point_letter, roman
from tests.conftest import DOCUMENT, unit_job

HEADER = ["TT", "Đơn vị", "Tổng điểm các nhiệm vụ phát sinh trong năm theo quy định", "Tổng điểm thẩm định"]


@pytest.mark.parametrize("number, numeral", [
    (1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (15, "XV"), (16, "XVI"), (19, "XIX"), (24, "XXIV"), (30, "XXX"),
    (40, "XL"), (49, "XLIX"), (90, "XC"), (99, "XCIX"), (400, "CD"), (1994, "MCMXCIV"), (3999, "MMMCMXCIX"),
])
def test_roman_numerals_for_any_number(number, numeral):
    assert roman(number) == numeral


@pytest.mark.parametrize("index, letter", [
    (1, "a"), (4, "d"), (5, "đ"), (6, "e"), (7, "g"), (10, "k"), (22, "x"), (23, "y"),
    (24, "aa"), (25, "bb"), (28, "đđ"), (30, "gg"), (46, "yy"), (47, "aaa"),
])
def test_point_letters_continue_after_y_by_doubling(index, letter):
    assert point_letter(index) == letter


def test_appendix_references_past_fifteen():
    assert appendix_references(16, "la-ma").endswith("XIV, XV và XVI")
    assert appendix_references(30, "so").endswith("29 và 30")


def test_a_decision_with_thirty_groups_renders(tmp_path, cli):
    names = [f"Khối {n}" for n in range(1, 31)]
    settings = ('kind = "quyet-dinh-xep-loai"\nscheme = "chat-luong-hoat-dong@2020"\n'
                + "".join(f'[[groups]]\nname = "{name}"\n' for name in names) + DOCUMENT)
    job = unit_job(tmp_path / "job", {name: [HEADER, [1, f"Đơn vị {n}", 100, 60 + n]]
                                      for n, name in enumerate(names, 1)}, settings)
    code, _, stderr = cli("run", job, "--out", tmp_path / "out")
    assert code == 0, stderr
    paragraphs = [p.text for p in Document(str(tmp_path / "out" / "quyet-dinh.docx")).paragraphs]
    text = "\n".join(paragraphs)
    assert "(chi tiết tại Phụ lục I, II, III" in text and "XXIX và XXX kèm theo)" in text
    points = [p for p in paragraphs if p.startswith(tuple(f"{point_letter(n)}) Khối " for n in range(1, 31)))]
    assert [p.split(")")[0] for p in points] == [point_letter(n) for n in range(1, 31)]
    assert points[23].startswith("aa) Khối 24 (Phụ lục XXIV): 1/1 đơn vị được xếp loại")
    assert points[29].startswith("gg) Khối 30 (Phụ lục XXX)")
    with zipfile.ZipFile(tmp_path / "out" / "quyet-dinh.docx") as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    assert ">Phụ lục XVI</w:t>" in xml and ">Phụ lục XXX</w:t>" in xml

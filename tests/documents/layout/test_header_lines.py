"""An agency's name too long for the header breaks between words only (a word of two or more syllables, or a name,
whole), with no one-syllable word alone on the last line and no line ending on "VÀ"; a name that fits is kept."""

from __future__ import annotations

from itertools import pairwise

import pytest

from pipeline.config.document_settings import DocumentSettings
from pipeline.documents.content.header import header
from pipeline.documents.layout.header_lines import ROOM_MM, header_lines, word_list
from pipeline.documents.layout.line_breaks import NBSP, names_kept_whole
from pipeline.documents.layout.text_width import width_mm

CASES = {
    "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN": ["SỞ NÔNG NGHIỆP", "VÀ PHÁT TRIỂN", "NÔNG THÔN"],
    "BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG TỈNH MINH HỌA": ["BAN QUẢN LÝ DỰ ÁN", "ĐẦU TƯ XÂY DỰNG", "TỈNH MINH HỌA"],
    "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH": ["BAN QUẢN LÝ CÁC", "KHU CÔNG NGHIỆP TỈNH"],
}


def plain(lines: list[str]) -> list[str]:
    return [line.replace(NBSP, " ") for line in lines]


@pytest.mark.parametrize(("name", "lines"), CASES.items())
def test_a_long_name_breaks_between_words_into_balanced_lines(name, lines):
    assert plain(header_lines(names_kept_whole(name))) == lines


@pytest.mark.parametrize("name", CASES)
def test_no_word_of_the_list_is_cut_no_line_ends_on_va_and_every_line_fits(name):
    lines = plain(header_lines(names_kept_whole(name)))
    assert all(width_mm(line, 12, bold=True) <= ROOM_MM for line in lines)
    for upper, lower in pairwise(lines):
        assert upper.split()[-1] != "VÀ"
        assert f"{upper.split()[-1]} {lower.split()[0]}".lower() not in {"xây dựng", "nhân dân", "phát triển",
                                                                        "nông thôn", "công nghiệp", "quản lý"}
    assert len(lines[-1].split()) > 1  # not "TỈNH" alone


def test_the_word_list_knows_the_words_of_agency_names():
    assert {"xay dung", "nhan dan", "phat trien", "nong thon"} <= word_list()


def test_a_name_that_fits_is_kept_as_it_was_and_a_long_one_becomes_lines_of_the_header():
    doc = DocumentSettings(issuing_body=("ỦY BAN NHÂN DÂN", "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"))
    assert plain(header(doc)["issuing_body"]) == ["ỦY BAN NHÂN DÂN", *CASES["SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"]]

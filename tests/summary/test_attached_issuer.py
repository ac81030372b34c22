"""Every "(Kèm theo …)" line names its issuer with the place: a short name written out and the place added after
a level that names none ("Chủ tịch UBND tỉnh" → "Chủ tịch Ủy ban nhân dân tỉnh Minh Họa"), and the thông cáo's
line names the body that issues it."""

from __future__ import annotations

import pytest

from pipeline.documents.content.header import body_as_issuer, issuer_with_place
from tests.summary.conftest import CURRENT, PREVIOUS, paragraphs


@pytest.mark.parametrize(("typed", "place", "line"), [
    ("Chủ tịch UBND tỉnh", "Minh Họa", "Chủ tịch Ủy ban nhân dân tỉnh Minh Họa"),
    ("Ủy ban nhân dân thị xã Hương Trà", "Hương Trà", "Ủy ban nhân dân thị xã Hương Trà"),
    ("Chủ tịch Ủy ban nhân dân tỉnh Minh Họa", "Minh Họa", "Chủ tịch Ủy ban nhân dân tỉnh Minh Họa"),
    ("Chủ tịch UBND huyện", "Chi Lăng", "Chủ tịch Ủy ban nhân dân huyện Chi Lăng"),
    ("Hội đồng thẩm định", "Minh Họa", "Hội đồng thẩm định"),
])
def test_an_issuer_is_named_with_its_place(typed, place, line):
    assert issuer_with_place(typed, place) == line


def test_the_issuing_body_is_named_as_a_sentence_writes_it():
    assert body_as_issuer(["ỦY BAN NHÂN DÂN", "TỈNH MINH HỌA"], "Minh Họa") == "Ủy ban nhân dân tỉnh Minh Họa"
    assert body_as_issuer(["ỦY BAN NHÂN DÂN", "HUYỆN CHI LĂNG"], "Lạng Sơn") == "Ủy ban nhân dân huyện Chi Lăng"


def test_the_decisions_and_the_summary_of_the_examples_name_the_issuer_and_place(pair):
    for job in (CURRENT, PREVIOUS):
        decision = [p for p in paragraphs(pair[job] / "quyet-dinh.docx") if p.startswith("(Kèm theo")]
        assert decision and all(p.endswith("của Chủ tịch Ủy ban nhân dân tỉnh Minh Họa)") for p in decision)
        summary = [p for p in paragraphs(pair[job] / "thong-cao.docx") if p.startswith("(Kèm theo")]
        assert len(summary) == 1 and summary[0].endswith("của Ủy ban nhân dân tỉnh Minh Họa)")

"""Template loops are bounded by their turns all together: loops nested deep are refused within seconds, naming
the loop, long before a document reaches the 200 MB limit."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from docx import Document

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.documents.rendering.render import TEMPLATE_DIR, render_document
from tests.test_flow import contexts_by_template


def test_fourteen_nested_loops_are_refused_within_seconds_naming_the_innermost(tmp_path):
    document = Document(str(TEMPLATE_DIR / "thong-cao.docx"))
    document.add_paragraph("".join(f"{{% for l{i} in [1, 2, 3] %}}" for i in range(14)) + "x" + "{% endfor %}" * 14)
    document.save(str(tmp_path / "mau.docx"))
    context = contexts_by_template()["thong-cao.docx"][0][1]
    started = time.monotonic()
    with pytest.raises(InputErrors) as refused:
        render_document(tmp_path / "mau.docx", context)
    assert time.monotonic() - started < 10  # 3^14 = 4,8 million turns: stopped at the first million
    [found] = refused.value.problems
    assert found.reason is Reason.TEMPLATE_ERROR
    assert 'vòng lặp "{% for l13 in […] %}" (cùng các vòng lặp chứa nó) quay quá 1.000.000 lượt' in describe(found)


def test_loops_that_turn_a_few_times_render_as_before(tmp_path):
    document = Document(str(TEMPLATE_DIR / "thong-cao.docx"))
    document.add_paragraph("{% for a in [1, 2] %}{% for b in ['x', 'y'] %}{{ a }}{{ b }} {% endfor %}{% endfor %}")
    document.save(str(tmp_path / "mau.docx"))
    context = contexts_by_template()["thong-cao.docx"][0][1]
    body = zipfile.ZipFile(io.BytesIO(render_document(tmp_path / "mau.docx", context))).read("word/document.xml")
    assert "1x 1y 2x 2y" in body.decode("utf-8")

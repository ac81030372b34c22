"""A template staff edited cannot exhaust the machine: it is stopped with a template error instead."""

from __future__ import annotations

import zipfile

import pytest
from docx import Document

import pipeline.documents.rendering.limits as limits
from tests.conftest import ROOT

JOB = "huong-tra-2020-xep-loai"


def with_tag(job, tag: str) -> None:
    own = Document(str(ROOT / "templates" / "docx" / "quyet-dinh-xep-loai.docx"))
    own.add_paragraph(tag)
    own.save(str(job / "mau-rieng.docx"))
    text = (job / "job.toml").read_text(encoding="utf-8")
    (job / "job.toml").write_text(text.replace("[document]\n", '[document]\ntemplate = "mau-rieng.docx"\n', 1),
                                  encoding="utf-8")


@pytest.mark.parametrize("tag, said", [
    # numbers made by the tag itself, so that only rendering sees them (check-template sees written ones)
    ("{{ title * (10000 * 10000) }}", "lặp một đoạn 100000000 lần"),
    ("{{ [title] * (10000 * 1000) }}", "lặp một đoạn 10000000 lần"),
    ("{{ 2 ** (10000 * 10000) }}", "lũy thừa bậc 100000000"),
])
def test_a_tag_asking_for_a_huge_text_is_stopped_before_it_is_made(cli, example_job, tmp_path, tag, said):
    job = example_job(JOB)
    with_tag(job, tag)
    code, _, err = cli("run", job, "--out", tmp_path / "out")
    assert code == 1 and "mẫu đòi nhiều hơn mọi văn bản cần" in err and said in err
    assert not (tmp_path / "out").exists()


def test_a_template_that_loops_too_long_is_stopped(cli, example_job, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "RENDER_SECONDS", 0.5)
    monkeypatch.setattr(limits, "MAX_TURNS", 10 ** 12)  # the time limit, not the loops' turns, stops it here
    job = example_job(JOB)
    with_tag(job, "{% for a in (title * 3000)|list %}{% for b in (title * 3000)|list %}{% endfor %}{% endfor %}")
    code, _, err = cli("check", job)
    assert code == 1 and "chạy quá 0.5 giây" in err


def test_a_template_part_that_unpacks_too_large_is_refused(cli, example_job, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_PART", 1 << 20)
    job = example_job(JOB)
    with_tag(job, "Không thẻ")
    with zipfile.ZipFile(job / "mau-rieng.docx", "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/bom.bin", b"\0" * (2 << 20))  # 2 MB of zeros, a few kB packed
    code, _, err = cli("check-template", job / "mau-rieng.docx")
    assert code == 1 and "word/media/bom.bin quá lớn khi giải nén" in err
    code, _, err = cli("run", job, "--out", tmp_path / "out")
    assert code == 1 and "word/media/bom.bin quá lớn khi giải nén" in err


@pytest.mark.parametrize("tag, number", [("{{ title * 100000000 }}", "100000000"), ("{{ 2 ** 1000 }}", "1000")])
def test_check_template_already_says_what_it_can_see_of_a_heavy_tag(cli, example_job, tag, number):
    job = example_job(JOB)
    with_tag(job, tag)
    code, _, err = cli("check-template", job / "mau-rieng.docx")
    assert code == 1 and f"thẻ nhân hoặc lũy thừa với số {number}" in err

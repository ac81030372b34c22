"""The results page's check: the result alone (no template checked, no document made), every job checked as the
desk starts, and a check that makes no results workbook."""

from __future__ import annotations

import pipeline.documents.checks.template_check as template_check
import pipeline.documents.rendering.render as render
import pipeline.flow as flow
import pipeline.web.jobs as desk_jobs
from pipeline.web.jobs import Desk
from tests.web.conftest import text_of

JOB = "huong-tra-2020-xep-loai"


def _broken_template(jobs) -> None:
    """The job's own decision template, a file Word cannot open: its check fails, its numbers do not."""
    (jobs / JOB / "mau-hong.docx").write_bytes(b"not a Word document")
    settings = jobs / JOB / "job.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("[document]\n", '[document]\ntemplate = "mau-hong.docx"\n', 1), encoding="utf-8")


def test_a_broken_template_is_said_on_the_check_page_while_the_results_page_shows_the_results(client, jobs):
    _broken_template(jobs)
    check = text_of(client.get(f"/jobs/{JOB}/check").text)
    assert "mau-hong.docx" in check
    results = text_of(client.get(f"/jobs/{JOB}/results").text)
    assert "Hương Văn" in results and "90,25" in results  # the walk's unit: 72,2 of 80 points is 90,25


def test_the_results_page_renders_no_document(client, monkeypatch):
    def refused(*_args, **_kwargs):
        raise AssertionError("the results page rendered a document")

    monkeypatch.setattr(render, "render_document", refused)
    monkeypatch.setattr(template_check, "check_template", refused)
    assert "Hương Văn" in text_of(client.get(f"/jobs/{JOB}/results").text)


def test_the_desk_checks_every_job_as_it_starts_and_its_pages_then_work_nothing_out(jobs, monkeypatch):
    desk = Desk(jobs, jobs.parent / "outputs")
    desk.warm().join()
    worked_out = []
    monkeypatch.setattr(desk_jobs, "check_job", lambda folder, **options: worked_out.append(folder))
    for name in desk.names():
        assert desk.check(name) is not None and desk.results(name) is not None
    assert desk.names() and worked_out == []


def test_a_check_makes_no_results_workbook_and_a_run_makes_it(jobs, tmp_path, monkeypatch):
    made = []
    real = flow.made_workbook
    with monkeypatch.context() as patched:
        patched.setattr(flow, "made_workbook", lambda *arguments: made.append(1) or real(*arguments))
        flow.check_job(jobs / JOB, workers=1)
    assert made == []
    flow.run_job(jobs / JOB, tmp_path / "out", workers=1)
    assert (tmp_path / "out" / "ket-qua.xlsx").is_file()

"""Runs a clerk understands: earlier documents replaced only once confirmed, a run stopped midway said to be
interrupted after a restart (with what the output folder holds), progress through each phase of the run."""

from __future__ import annotations

import json
import os
import re
import threading
import tomllib
from dataclasses import asdict
from datetime import datetime

import pipeline.documents.rendering.render as render
from pipeline.web.app import create_app
from tests.conftest import INPUTS
from tests.web.conftest import Client, text_of
from tests.web.test_documents import finished

JOB = "huong-tra-2020-xep-loai"
CAMPAIGN = "vi-du-2025-dot-danh-gia-tinh"


def _files(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_run_over_earlier_documents_asks_before_replacing_them(client, jobs):
    client.post_form(f"/jobs/{JOB}/documents")
    assert finished(client, JOB)["state"] == "done"
    out = jobs.parent / "outputs" / JOB
    before = _files(out)
    made_at = datetime.fromisoformat(json.loads(before["manifest.json"])["run_at"]).strftime("%H:%M ngày %d/%m/%Y")

    asked = client.post_form(f"/jobs/{JOB}/documents", {"strict": "on"})
    said = text_of(asked.text)
    assert asked.status_code == 200 and "Thư mục kết quả đã có văn bản" in said
    documents = len(before) - 1  # the clerk's files: every file but the technical manifest.json
    assert f"đang có {documents} tệp của lần lập văn bản lúc {made_at}." in said
    assert not re.search(r"có \d+ lỗi", said)  # a question, not errors
    assert client.get(f"/jobs/{JOB}/progress").json()["problems"] == []  # nothing was run
    assert _files(out) == before
    form = re.search(r'<section class="confirm".*?</section>', asked.text, re.S).group(0)
    assert 'name="force" value="on"' in form and 'name="strict" value="on"' in form and 'name="pdf"' not in form
    assert f'href="/jobs/{JOB}/documents"' in form  # "Thôi, giữ nguyên": back, nothing done

    first = (out / "manifest.json").stat().st_ino
    client.post_form(f"/jobs/{JOB}/documents", {"force": "on", "strict": "on"})  # the confirmation's form
    assert finished(client, JOB)["state"] == "done"
    assert (out / "manifest.json").stat().st_ino != first  # a new file moved in: replaced
    assert set(_files(out)) == set(before)


def test_a_first_run_is_not_asked_about(client, jobs):
    response = client.post_form(f"/jobs/{JOB}/documents")
    assert "message=run_started" in str(response.url)
    assert finished(client, JOB)["state"] == "done"


def test_a_run_stopped_midway_shows_as_interrupted_after_a_restart(jobs, monkeypatch):
    out = jobs.parent / "outputs" / JOB
    entered, release = threading.Event(), threading.Event()

    def stopped(*args, **kwargs):  # the decision being made when the server is killed: the run never returns
        entered.set()
        release.wait(60)
        raise RuntimeError("the server was killed")

    with Client(create_app(jobs)) as before_restart:
        before_restart.post_form(f"/jobs/{JOB}/documents")
        assert finished(before_restart, JOB)["state"] == "done"
        earlier = _files(out)
        run_at = json.loads(earlier["manifest.json"])["run_at"]
        monkeypatch.setattr(render, "render_document", stopped)
        before_restart.post_form(f"/jobs/{JOB}/documents", {"force": "on"})
        assert entered.wait(60)
        try:
            with Client(create_app(jobs)) as after_restart:  # a new server over the same folders
                state = after_restart.get(f"/jobs/{JOB}/progress").json()
                assert state["state"] == "interrupted"
                assert state["text"] == "Đang lập 0/2 văn bản và bảng kết quả"  # where it stopped
                said = text_of(after_restart.get(f"/jobs/{JOB}/documents").text)
                assert "đã bị dừng giữa chừng" in said and "khi: Đang lập 0/2 văn bản và bảng kết quả" in said
                kept = datetime.fromisoformat(run_at).strftime("%H:%M ngày %d/%m/%Y")
                documents = len(earlier) - 1  # but the technical manifest.json
                assert f"Thư mục kết quả vẫn giữ nguyên {documents} tệp của lần lập văn bản lúc {kept}." in said
                assert "Đang lập văn bản" not in said
                assert _files(out) == earlier  # all or nothing: the earlier run, untouched
        finally:
            release.set()


def test_an_interrupted_first_run_says_the_output_folder_has_no_documents(jobs, monkeypatch):
    entered, release = threading.Event(), threading.Event()

    def stopped(*args, **kwargs):
        entered.set()
        release.wait(60)
        raise RuntimeError("the server was killed")

    monkeypatch.setattr(render, "render_document", stopped)
    with Client(create_app(jobs)) as before_restart:
        before_restart.post_form(f"/jobs/{JOB}/documents")
        assert entered.wait(60)
        try:
            with Client(create_app(jobs)) as after_restart:
                said = text_of(after_restart.get(f"/jobs/{JOB}/documents").text)
                assert "đã bị dừng giữa chừng" in said and "Thư mục kết quả chưa có văn bản nào." in said
                assert not (jobs.parent / "outputs" / JOB / "quyet-dinh.docx").exists()
        finally:
            release.set()


def _watched(client, job, monkeypatch) -> list[dict]:
    """The run's state as the page reads it, each time the run reports progress."""
    import pipeline.flow as flow

    seen: list[dict] = []
    real = flow.run_job

    def watched(*args, progress, **kwargs):
        def told(phase, done, total):
            progress(phase, done, total)
            seen.append(client.app.state.runs.state(job).as_json())
        return real(*args, progress=told, **kwargs)

    monkeypatch.setattr(flow, "run_job", watched)
    return seen


def test_a_campaigns_progress_moves_with_each_file_then_each_document(client, jobs, monkeypatch):
    seen = _watched(client, CAMPAIGN, monkeypatch)
    client.post_form(f"/jobs/{CAMPAIGN}/documents")
    assert finished(client, CAMPAIGN)["state"] == "done"
    files = len(list((INPUTS / CAMPAIGN / "don-vi").glob("*.xlsx")))
    settings = tomllib.loads((INPUTS / CAMPAIGN / "job.toml").read_text(encoding="utf-8"))
    documents = 3 if "summary" in settings else 2  # ket-qua.xlsx, the decision, and the summary when asked
    texts = list(dict.fromkeys(s["text"] for s in seen))
    assert texts == [*(f"Đang đọc số liệu và lập báo cáo đơn vị: {n}/{files} tệp" for n in range(files + 1)),
                     *(f"Đang lập {n}/{documents} văn bản và bảng kết quả" for n in range(documents + 1))]
    percents = [s["percent"] for s in seen]
    assert percents == sorted(percents) and percents[0] == 0 and percents[-1] == 99
    assert len(set(percents)) > files  # the bar moves at every file, not only at the end


def test_a_decisions_progress_says_its_files_read(client, jobs, monkeypatch):
    seen = _watched(client, JOB, monkeypatch)
    client.post_form(f"/jobs/{JOB}/documents")
    assert finished(client, JOB)["state"] == "done"
    files = len(list((INPUTS / JOB).glob("*.xlsx")))
    assert [s["phase"] for s in seen][:files] == ["read"] * files
    assert seen[files - 1]["text"] == f"Đang đọc {files}/{files} tệp số liệu"
    assert seen[-1]["text"] == "Đang lập 2/2 văn bản và bảng kết quả"


def test_a_run_stopped_after_its_files_were_moved_in_is_done_not_interrupted(tmp_path):
    from pipeline.web.runs import RunState, remembered, state_file

    out = tmp_path / "outputs" / JOB
    out.mkdir(parents=True)
    earlier = {"outputs": [{"path": "ket-qua.xlsx"}, {"path": "quyet-dinh.docx"}]}
    (out / "manifest.json").write_text(json.dumps(earlier), encoding="utf-8")  # an earlier run's
    os.utime(out / "manifest.json", (1, 1))
    state = RunState(phase="documents", done=1, total=2)  # "running", as a killed server leaves it
    state_file(out).parent.mkdir()
    state_file(out).write_text(json.dumps(asdict(state)), encoding="utf-8")
    assert remembered(out, earlier).state == "interrupted"
    (out / "manifest.json").write_text(json.dumps(earlier), encoding="utf-8")  # moved in after the run started
    found = remembered(out, earlier)
    assert found.state == "done" and found.written == 2  # the two files (not the technical manifest)


def test_the_results_page_after_a_run_uses_the_runs_result_and_a_file_changed_since_checks_again(client, jobs,
                                                                                               monkeypatch):
    import pipeline.web.jobs as desk_jobs

    checks = []
    real_check = desk_jobs.check_job
    monkeypatch.setattr(desk_jobs, "check_job",
                        lambda folder, **options: checks.append(folder) or real_check(folder, **options))
    client.post_form(f"/jobs/{JOB}/documents")
    assert finished(client, JOB)["state"] == "done"
    after_run = client.get(f"/jobs/{JOB}/results?sort=name")
    assert after_run.status_code == 200 and checks == []  # the run's result: the job is not worked out again
    with Client(create_app(jobs)) as fresh:  # a desk that never ran it checks the job: the very same page
        assert fresh.get(f"/jobs/{JOB}/results?sort=name").text == after_run.text
    assert len(checks) == 1

    settings = jobs / JOB / "job.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    os.utime(settings, ns=(settings.stat().st_atime_ns, settings.stat().st_mtime_ns + 10**9))
    assert client.get(f"/jobs/{JOB}/results").status_code == 200
    assert len(checks) == 2  # a file changed after the run: checked again

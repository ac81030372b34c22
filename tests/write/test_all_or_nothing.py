"""A run writes everything or nothing: whatever fails, the output folder is left exactly as it was.

Each case first makes a real earlier run in the output folder, then a second run with
`--force` that fails at a different point: a template tag that fails on the data, a full
disk, a move into place that fails halfway, LibreOffice failing. Two runs started together
into one folder: one writes, the other refuses at once and names the first.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import pipeline.write.exchange as exchange_module
import pipeline.write.staging as staging_module
from tests.conftest import OLD_CAMPAIGN, ROOT
from tests.test_flow import big_batch, files_under, snapshot

JOB = OLD_CAMPAIGN


@pytest.fixture
def earlier_run(cli, example_job, tmp_path):
    """A copy of the campaign example, run once into `out`; returns (job, out, snapshot of out)."""
    job, out = example_job(JOB), tmp_path / "out"
    code, _, err = cli("run", job, "--out", out)
    assert code == 0, err
    return job, out, snapshot(out)


def assert_untouched(out: Path, before: dict) -> None:
    assert snapshot(out) == before
    assert not list(out.parent.glob(f".{out.name}*")), "a staging folder or lock was left beside the output"


def test_a_template_tag_failing_on_the_data_leaves_the_output_folder_as_it_was(earlier_run, cli):
    job, out, before = earlier_run
    from docx import Document

    own = Document(str(ROOT / "templates" / "docx" / "bao-cao-tu-cham.docx"))
    own.add_paragraph("{{ total.points|int / 0 }}")  # fails for every unit, only when rendered with data
    own.save(str(job / "mau-rieng.docx"))
    text = (job / "job.toml").read_text(encoding="utf-8")
    (job / "job.toml").write_text(text.replace("[reports]\n", '[reports]\ntemplate = "mau-rieng.docx"\n'),
                                  encoding="utf-8")

    code, _, err = cli("check", job)
    assert code == 1 and "mau-rieng.docx" in err  # check renders the reports too, so it sees this
    code, _, err = cli("run", job, "--out", out, "--force")
    assert code == 1 and "mau-rieng.docx" in err and "Chưa ghi tệp nào" in err
    assert err.count("mau-rieng.docx") == 1, "the same failing tag is reported once, not once per unit"
    assert_untouched(out, before)


def test_a_full_disk_leaves_the_output_folder_as_it_was(earlier_run, cli, monkeypatch):
    job, out, before = earlier_run
    write_bytes = Path.write_bytes

    def full(self, data):
        if self.name == "manifest.json":  # the last file a run makes: every document is made by then
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return write_bytes(self, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    code, _, err = cli("run", job, "--out", out, "--force")
    assert code == 1
    assert "ổ đĩa chứa thư mục kết quả đã đầy" in err and str(out) in err and "Chưa ghi tệp nào" in err
    assert_untouched(out, before)


def test_an_exchange_of_folders_that_fails_leaves_the_output_folder_as_it_was(earlier_run, cli, monkeypatch):
    job, out, before = earlier_run

    def failing(first, second):
        raise OSError(errno.EIO, "Input/output error", str(second))

    monkeypatch.setattr(exchange_module, "_exchanged", failing)
    code, _, _ = cli("run", job, "--out", out, "--force")
    assert code != 0
    assert_untouched(out, before)


def test_a_second_rename_that_fails_where_folders_cannot_be_exchanged_puts_the_old_run_back(earlier_run, cli,
                                                                                           monkeypatch):
    job, out, before = earlier_run
    rename, calls = os.rename, []

    def failing(source, target):
        calls.append(target)
        if len(calls) == 2:  # the old run already renamed aside, the new one not yet in place
            raise OSError(errno.EIO, "Input/output error", str(target))
        return rename(source, target)

    monkeypatch.setattr(exchange_module, "_exchanged", lambda first, second: False)
    monkeypatch.setattr(exchange_module.os, "rename", failing)
    code, _, _ = cli("run", job, "--out", out, "--force")
    monkeypatch.setattr(exchange_module.os, "rename", rename)
    assert code != 0 and len(calls) >= 2
    assert_untouched(out, before)


def test_a_libreoffice_failure_leaves_the_output_folder_as_it_was(earlier_run, cli, tmp_path, monkeypatch):
    job, out, before = earlier_run
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    code, _, err = cli("run", job, "--out", out, "--force", "--pdf")
    assert code == 1
    assert "LibreOffice không chuyển được văn bản sang PDF" in err and "Chưa ghi tệp nào" in err
    assert_untouched(out, before)


def test_two_runs_into_one_folder_one_writes_the_other_refuses_naming_it(tmp_path):
    job, out = big_batch(tmp_path / "lon", 300), tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "run", str(job), "--out", str(out), "--force"]
    runs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    results = [(run.returncode, run.communicate(timeout=300)[1]) for run in runs]
    results = [(run.returncode, err) for run, (_, err) in zip(runs, results, strict=True)]
    codes = sorted(code for code, _ in results)
    assert codes == [0, 1], results
    refused = next(err for code, err in results if code == 1)
    assert "đang được một lần chạy khác ghi" in refused and str(out) in refused and '"lon"' in refused
    listed = {e["path"] for e in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["outputs"]}
    assert listed == files_under(out).keys() - {"manifest.json"}
    assert len(listed) == 2 + 306


def test_output_path_that_is_a_file_is_refused_with_its_name(cli, example_job, tmp_path):
    target = tmp_path / "ket-qua.txt"
    target.write_text("not a folder")
    code, _, err = cli("run", example_job(JOB), "--out", target)
    assert code == 1 and str(target) in err and "không phải thư mục" in err
    assert target.read_text() == "not a folder"


def test_an_output_folder_the_run_may_not_write_into_is_refused_with_its_name(cli, example_job, tmp_path,
                                                                             monkeypatch):
    def denied(*args, **kwargs):  # what a read-only folder does (root, who runs CI, may write anywhere)
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path))

    monkeypatch.setattr(staging_module.tempfile, "mkdtemp", denied)
    code, _, err = cli("run", example_job(JOB), "--out", tmp_path / "out")
    assert code == 1 and "không có quyền ghi" in err and str(tmp_path) in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("count, expected", [(6, "bao-cao/007-ubnd-xa-huong-toan.docx"),
                                             (2000, "bao-cao/0007-ubnd-xa-huong-toan.docx")])
def test_report_names_are_numbered_as_wide_as_the_largest_so_they_sort_in_order(count, expected):
    from pipeline.write.files import report_file_name

    assert report_file_name(7, count, "UBND xã Hương Toàn") == expected
    names = [report_file_name(n, 1200, "Đơn vị") for n in (9, 99, 999, 1000, 1200)]
    assert names == sorted(names)


def test_the_job_folder_itself_is_refused_as_output_folder(cli, example_job):
    job = example_job("huong-tra-2020-xep-loai")
    before = sorted(p.name for p in job.iterdir())
    code, _, err = cli("run", job, "--out", job)
    assert code == 1 and "chính thư mục công việc" in err
    assert sorted(p.name for p in job.iterdir()) == before


@pytest.mark.parametrize("name", ["loi", "loi.txt"])
def test_check_errors_naming_a_folder_or_not_a_workbook_is_refused_with_the_path(cli, example_job, tmp_path, name):
    (tmp_path / "loi").mkdir()
    code, _, err = cli("check", example_job(JOB), "--errors", tmp_path / name)
    assert code == 1 and str(tmp_path / name) in err and "loi.xlsx" in err
    assert list((tmp_path / "loi").iterdir()) == [] and not (tmp_path / "loi.txt").exists()


def test_a_full_disk_while_the_reports_are_made_is_said_not_a_crash(earlier_run, cli, monkeypatch):
    job, out, before = earlier_run
    write_bytes = Path.write_bytes

    def full(self, data):
        if self.parent.name == "bao-cao":  # each unit's report, made by the campaign's workers
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return write_bytes(self, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    code, _, err = cli("run", job, "--out", out, "--force")
    assert code == 1 and "ổ đĩa chứa thư mục kết quả đã đầy" in err and "Lỗi ngoài dự kiến" not in err
    assert err.count("ổ đĩa chứa thư mục kết quả đã đầy") == 1
    assert_untouched(out, before)

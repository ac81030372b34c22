"""The output folder is exchanged whole: other people's files stay, its mode stays, links are followed.

A run's new folder is completed with every file of the output folder that no run made, so
exchanging the two folders loses nothing; `--out` through a symbolic link writes where the link
leads (even when nothing is there yet) and leaves the link a link; `check` settles what a killed
run left in the job's output folder and says so.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from pipeline.write.staging import STAGING_MARK

JOB = "huong-tra-2020-xep-loai"


def listed(out: Path) -> set[str]:
    return {e["path"] for e in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["outputs"]}


def test_files_no_run_made_stay_in_the_output_folder_across_a_forced_rerun(cli, example_job, tmp_path):
    job, out = example_job(JOB), tmp_path / "out"
    assert cli("run", job, "--out", out)[0] == 0
    (out / "ghi-chu.txt").write_text("của văn thư", encoding="utf-8")
    (out / "da-ky" / "ban-chup").mkdir(parents=True)
    (out / "da-ky" / "ban-chup" / "quyet-dinh-da-ky.pdf").write_bytes(b"%PDF-1.4 scan")
    (out / "trong").mkdir()
    os.symlink("ghi-chu.txt", out / "loi-tat.txt")
    out.chmod(0o750)

    code, _, err = cli("run", job, "--out", out, "--force")
    assert code == 0, err
    assert (out / "ghi-chu.txt").read_text(encoding="utf-8") == "của văn thư"
    assert (out / "da-ky" / "ban-chup" / "quyet-dinh-da-ky.pdf").read_bytes() == b"%PDF-1.4 scan"
    assert (out / "trong").is_dir() and os.readlink(out / "loi-tat.txt") == "ghi-chu.txt"
    assert stat.S_IMODE(out.stat().st_mode) == 0o750
    assert {"ket-qua.xlsx", "quyet-dinh.docx"} <= listed(out) and "ghi-chu.txt" not in listed(out)
    assert not list(tmp_path.glob(".out*"))


def test_a_new_output_folder_gets_the_mode_of_any_new_folder_not_the_staging_folders(cli, example_job, tmp_path):
    job, out = example_job(JOB), tmp_path / "moi" / "out"
    assert cli("run", job, "--out", out)[0] == 0
    (tmp_path / "doi-chieu").mkdir()
    assert stat.S_IMODE(out.stat().st_mode) == stat.S_IMODE((tmp_path / "doi-chieu").stat().st_mode) != 0o700


def test_out_through_a_link_to_nowhere_writes_where_it_leads_and_stays_a_link(cli, example_job, tmp_path):
    job, link, target = example_job(JOB), tmp_path / "ket-qua", tmp_path / "o-khac" / "2020"
    link.symlink_to(target, target_is_directory=True)
    code, _, err = cli("run", job, "--out", link)
    assert code == 0, err
    assert link.is_symlink() and (target / "quyet-dinh.docx").is_file()
    code, _, err = cli("run", job, "--out", link, "--force")
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == str(target) and listed(target) == listed(link)
    assert not [p for p in tmp_path.rglob(".*") if p.name != ".pytest_cache"]


def test_out_through_links_that_go_round_in_a_circle_is_refused_naming_it(cli, example_job, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.symlink_to(second)
    second.symlink_to(first)
    code, _, err = cli("run", example_job(JOB), "--out", first)
    assert code == 1 and str(first) in err and "lối tắt (liên kết) trỏ vòng về chính nó" in err
    assert "Lỗi ngoài dự kiến" not in err


def test_check_settles_what_a_killed_run_left_in_the_jobs_output_folder_and_says_so(cli, example_job, tmp_path,
                                                                                 monkeypatch):
    job = example_job(JOB)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "outputs" / job.name
    assert cli("run", job)[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    left = tmp_path / "outputs" / f".{job.name}{STAGING_MARK}x1y2"  # what a run killed while rendering leaves
    (left / "bao-cao").mkdir(parents=True)
    (left / "bao-cao" / ".000001-0001.docx").write_bytes(b"PK half a document")

    code, _, err = cli("check", job)
    assert code == 0
    assert f"Tệp {out}: một lần chạy trước vào thư mục này đã bị dừng đột ngột giữa chừng" in err
    assert "Thư mục kết quả vẫn như trước lần chạy đó, không thay đổi" in err
    assert not left.exists() and {p.name: p.read_bytes() for p in out.iterdir()} == before
    code, _, err = cli("check", job)
    assert "bị dừng đột ngột" not in err  # said once: nothing is left to say the next time

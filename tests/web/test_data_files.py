"""The data page as a file manager: many files in one sending, delete, set aside, history, downloads by any name."""

from __future__ import annotations

import errno
import io
import json
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.base.errors import InputErrors, Reason
from pipeline.flow import check_job, run_job
from pipeline.web.app import create_app
from pipeline.web.downloads import attachment
from pipeline.web.history import HISTORY
from pipeline.web.security import password_file, save_password
from tests.web.conftest import Client, text_of
from tests.web.test_pages import _zip

CAMPAIGN = "vi-du-2025-dot-danh-gia-tinh"
DECISION = "huong-tra-2020-xep-loai"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _send(client, job: str, files: list[tuple[str, bytes]], target: str = ""):
    return client.post_form(f"/jobs/{job}/data", {"target": target},
                            files=[("file", (name, content)) for name, content in files])


def _with_self_points(path: Path, code: str, value) -> bytes:
    """The workbook at `path` with the self-assessed points of criterion `code` set to `value`."""
    book = load_workbook(path)
    sheet = book["Tự chấm điểm"]
    header = next(row for row in sheet.iter_rows() if row[0].value == "Mã số")
    column = next(c.column for c in header if c.value == "Điểm tự chấm")
    row = next(r for r in sheet.iter_rows(min_row=header[0].row + 1) if r[0].value == code)
    sheet.cell(row[0].row, column).value = value
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _kept(job: Path) -> list[dict]:
    return sorted((json.loads(p.read_text(encoding="utf-8")) for p in (job / HISTORY).glob("*/ban-luu.json")),
                  key=lambda v: v["id"])


# --- many files in one sending -------------------------------------------------------------------------------------

def test_several_workbooks_in_one_sending_replace_their_files_and_keep_the_old_ones(client, jobs):
    job = jobs / CAMPAIGN
    names = ["01-so-noi-vu.xlsx", "02-so-tu-phap.xlsx", "09-phuong-hoa-an.xlsx"]
    old = {n: (job / "don-vi" / n).read_bytes() for n in names}
    new = {n: _with_self_points(job / "don-vi" / n, "1.1", 4) for n in names}
    response = _send(client, CAMPAIGN, [(n, new[n]) for n in names])
    page = text_of(response.text)
    assert response.status_code == 200
    for name in names:
        assert (job / "don-vi" / name).read_bytes() == new[name]
        assert f"Đã nhận tệp don-vi/{name}. Tệp cũ cùng tên được giữ ở mục \"Các bản trước\"." in page
    kept = _kept(job)
    assert sorted(v["path"] for v in kept) == sorted(f"don-vi/{n}" for n in names)
    assert all((job / HISTORY / v["id"] / Path(v["path"]).name).read_bytes() == old[Path(v["path"]).name]
               for v in kept)
    assert all(v["who"] == "máy này" and v["why"] == "replaced" for v in kept)


def test_a_file_that_is_not_a_workbook_among_good_ones_is_refused_by_name_and_the_good_ones_kept(client, jobs):
    job = jobs / CAMPAIGN
    good = _with_self_points(job / "don-vi" / "03-so-tai-chinh.xlsx", "1.1", 3)
    before = (job / "don-vi" / "04-so-cong-thuong.xlsx").read_bytes()
    response = _send(client, CAMPAIGN, [("03-so-tai-chinh.xlsx", good),
                                        ("04-so-cong-thuong.xlsx", b"khong phai bang tinh"),
                                        ("ghi-chu.txt", b"ghi chu")])
    page = text_of(response.text)
    assert response.status_code == 200
    assert (job / "don-vi" / "03-so-tai-chinh.xlsx").read_bytes() == good
    assert (job / "don-vi" / "04-so-cong-thuong.xlsx").read_bytes() == before
    assert 'Không nhận: Tệp "04-so-cong-thuong.xlsx" không phải bảng tính Excel (.xlsx) hợp lệ.' in page
    assert 'Không nhận: Tệp "ghi-chu.txt" phải có đuôi .xlsx, .csv.' in page
    assert not list(job.rglob("ghi-chu.txt"))


def test_every_file_is_read_alone_and_its_own_problems_shown_beside_it(client, jobs):
    job = jobs / CAMPAIGN
    bad = _with_self_points(job / "don-vi" / "05-so-xay-dung.xlsx", "1.1", "năm")
    good = _with_self_points(job / "don-vi" / "06-so-nong-nghiep-va-moi-truong.xlsx", "1.1", 4)
    response = _send(client, CAMPAIGN, [("05-so-xay-dung.xlsx", bad), ("06-so-nong-nghiep-va-moi-truong.xlsx", good)])
    rows = {name: text_of(row) for name, row in
            re.findall(r'<tr class="(?:refused|received)"><td><code>([^<]+)</code>(.*?)</tr>', response.text, re.S)}
    with pytest.raises(InputErrors) as raised:  # what the whole check finds in that file, said beside it
        check_job(job)
    own = [p for p in raised.value.problems if p.file == "05-so-xay-dung.xlsx"]
    assert own and f"Đọc riêng tệp này: {len(own)} lỗi." in rows["05-so-xay-dung.xlsx"]
    assert '"năm"' in rows["05-so-xay-dung.xlsx"] and "Điểm tự chấm" in rows["05-so-xay-dung.xlsx"]
    assert "Đọc riêng tệp này: không có lỗi." in rows["06-so-nong-nghiep-va-moi-truong.xlsx"]


def test_the_job_is_checked_once_for_a_whole_sending_not_once_per_file(client, jobs, monkeypatch):
    import pipeline.web.jobs as desk_jobs

    calls = []
    monkeypatch.setattr(desk_jobs, "check_job",
                        lambda folder, **options: calls.append(folder) or check_job(folder, **options))
    job = jobs / CAMPAIGN
    names = sorted(p.name for p in (job / "don-vi").glob("*.xlsx"))[:6]
    response = _send(client, CAMPAIGN, [(n, _with_self_points(job / "don-vi" / n, "1.1", 4)) for n in names])
    assert response.status_code == 200 and len(calls) == 1


def test_a_zip_of_the_campaign_folder_goes_into_the_jobs_own_folders(client, jobs):
    job = jobs / CAMPAIGN
    unit = _with_self_points(job / "don-vi" / "07-so-giao-duc-va-dao-tao.xlsx", "1.1", 4)
    register = (job / "danh-muc-don-vi.xlsx").read_bytes()
    archive = _zip({"dot-2025/don-vi/07-so-giao-duc-va-dao-tao.xlsx": unit, "dot-2025/danh-muc-don-vi.xlsx": register,
                    "dot-2025/": b"", "__MACOSX/dot-2025/._danh-muc-don-vi.xlsx": b"\x00\x05"})
    response = _send(client, CAMPAIGN, [("dot-2025.zip", archive)])
    page = text_of(response.text)
    assert response.status_code == 200
    assert (job / "don-vi" / "07-so-giao-duc-va-dao-tao.xlsx").read_bytes() == unit
    assert "Đã nhận tệp don-vi/07-so-giao-duc-va-dao-tao.xlsx." in page
    assert "Đã nhận tệp danh-muc-don-vi.xlsx." in page
    assert not (job / "dot-2025").exists() and not list(job.rglob("._*"))


def test_a_zip_entry_with_a_bad_name_is_refused_by_name_and_the_others_kept(client, jobs):
    job = jobs / CAMPAIGN
    unit = _with_self_points(job / "don-vi" / "10-phuong-tan-phu.xlsx", "1.1", 4)
    archive = _zip({"don-vi/10-phuong-tan-phu.xlsx": unit, "../../ngoai.xlsx": unit, "don-vi/.an.xlsx": unit})
    response = _send(client, CAMPAIGN, [("gui.zip", archive)])
    page = text_of(response.text)
    assert (job / "don-vi" / "10-phuong-tan-phu.xlsx").read_bytes() == unit
    assert 'Không nhận: Tên tệp "../../ngoai.xlsx" không dùng được' in page
    assert 'Không nhận: Tên tệp "don-vi/.an.xlsx" không dùng được' in page
    assert not list(jobs.parent.rglob("ngoai.xlsx")) and not list(job.rglob(".an.xlsx"))


def test_a_zip_that_would_unpack_too_large_is_refused_from_its_directory(client, jobs):
    before = {p: p.read_bytes() for p in (jobs / CAMPAIGN).rglob("*") if p.is_file()}
    bomb = _zip({"don-vi/01-so-noi-vu.xlsx": bytes(60 * 1024 * 1024)})
    assert len(bomb) < 200_000
    response = _send(client, CAMPAIGN, [("bom.zip", bomb)])
    assert response.status_code == 400 and "khi giải nén lớn bất thường" in text_of(response.text)
    assert {p: p.read_bytes() for p in (jobs / CAMPAIGN).rglob("*") if p.is_file()} == before


def test_a_file_that_calls_itself_a_zip_but_is_not_is_refused_by_name(client):
    response = _send(client, CAMPAIGN, [("don-vi.zip", b"not a zip")])
    assert response.status_code == 400
    assert 'Tệp "don-vi.zip" không phải tệp nén .zip đọc được.' in text_of(response.text)


def test_a_folder_sent_with_its_paths_lands_in_the_data_folder_and_new_units_are_added(client, jobs):
    """What a browser sends for a chosen or dropped folder: each file named by its path in that folder."""
    job = jobs / CAMPAIGN
    unit = _with_self_points(job / "don-vi" / "11-phuong-binh-minh.xlsx", "1.1", 4)
    response = _send(client, CAMPAIGN, [("bang-da-dien/don-vi/11-phuong-binh-minh.xlsx", unit),
                                        ("bang-da-dien/don-vi/21-xa-moi.xlsx", unit)])
    assert response.status_code == 200
    assert (job / "don-vi" / "11-phuong-binh-minh.xlsx").read_bytes() == unit
    assert (job / "don-vi" / "21-xa-moi.xlsx").read_bytes() == unit
    assert not (job / "bang-da-dien").exists()


def test_more_files_than_one_sending_takes_are_refused_in_plain_words(client, jobs, monkeypatch):
    import pipeline.web.data_pages as data_pages

    monkeypatch.setattr(data_pages, "MAX_FILES", 2)
    content = (jobs / CAMPAIGN / "don-vi" / "01-so-noi-vu.xlsx").read_bytes()
    response = _send(client, CAMPAIGN, [(f"{n}.xlsx", content) for n in range(3)])
    assert response.status_code == 400 and "Mỗi lần gửi tối đa 2 tệp" in text_of(response.text)
    assert not list((jobs / CAMPAIGN).rglob("0.xlsx"))


def test_choosing_a_file_to_replace_takes_one_file_only(client, jobs):
    content = (jobs / DECISION / "diem-tham-dinh-2020.xlsx").read_bytes()
    response = _send(client, DECISION, [("a.xlsx", content), ("b.xlsx", content)], target="diem-tham-dinh-2020.xlsx")
    assert response.status_code == 400 and "chỉ gửi một tệp" in text_of(response.text)
    assert not (jobs / DECISION / "a.xlsx").exists()


# --- delete, history, restore --------------------------------------------------------------------------------------

def test_deleting_asks_first_keeps_the_file_and_one_click_restores_it(client, jobs):
    job = jobs / CAMPAIGN
    path = job / "don-vi" / "12-xa-phu-loc.xlsx"
    content = path.read_bytes()
    asked = client.get(f"/jobs/{CAMPAIGN}/data/delete", params={"path": "don-vi/12-xa-phu-loc.xlsx"})
    assert asked.status_code == 200 and "Xóa tệp don-vi/12-xa-phu-loc.xlsx khỏi số liệu" in text_of(asked.text)
    assert path.read_bytes() == content  # asking changes nothing
    response = client.post_form(f"/jobs/{CAMPAIGN}/data/delete", {"path": "don-vi/12-xa-phu-loc.xlsx"})
    page = text_of(response.text)
    assert response.status_code == 200 and not path.exists()
    assert "Đã xóa tệp don-vi/12-xa-phu-loc.xlsx" in page
    assert "don-vi/12-xa-phu-loc.xlsx" in page.rsplit("Các bản trước", 1)[1] and "máy này xóa" in page
    (version,) = _kept(job)
    assert version["why"] == "deleted" and version["size"] == len(content)
    restored = client.post_form(f"/jobs/{CAMPAIGN}/data/restore", {"version": version["id"]})
    assert restored.status_code == 200 and "Đã khôi phục tệp don-vi/12-xa-phu-loc.xlsx" in text_of(restored.text)
    assert path.read_bytes() == content


def test_restoring_an_earlier_version_keeps_the_current_one_too(client, jobs):
    job = jobs / CAMPAIGN
    path = job / "don-vi" / "13-xa-thanh-son.xlsx"
    first = path.read_bytes()
    second = _with_self_points(path, "1.1", 4)
    _send(client, CAMPAIGN, [("13-xa-thanh-son.xlsx", second)])
    (earlier,) = _kept(job)
    client.post_form(f"/jobs/{CAMPAIGN}/data/restore", {"version": earlier["id"]})
    assert path.read_bytes() == first
    versions = _kept(job)
    assert [v["why"] for v in versions] == ["replaced", "restored"]
    assert (job / HISTORY / versions[1]["id"] / path.name).read_bytes() == second
    client.post_form(f"/jobs/{CAMPAIGN}/data/restore", {"version": versions[1]["id"]})
    assert path.read_bytes() == second


@pytest.mark.parametrize("path", ["job.toml", "../huong-tra-2020-xep-loai/diem-tham-dinh-2020.xlsx", "README.md"])
def test_only_the_jobs_data_files_can_be_deleted(client, jobs, path):
    assert client.post_form(f"/jobs/{CAMPAIGN}/data/delete", {"path": path}).status_code == 404
    assert (jobs / CAMPAIGN / "job.toml").is_file() and not (jobs / CAMPAIGN / HISTORY).exists()


def test_an_unknown_version_is_not_found(client):
    for version in ("20990101-000000-000000", "../job.toml", ""):
        assert client.post_form(f"/jobs/{CAMPAIGN}/data/restore", {"version": version}).status_code == 404


def test_check_and_run_never_read_the_history(client, jobs, cli, tmp_path):
    job = jobs / DECISION
    client.post_form(f"/jobs/{DECISION}/data/delete", {"path": "diem-tham-dinh-2020.xlsx"})
    client.post_form(f"/jobs/{DECISION}/data/restore", {"version": _kept(job)[0]["id"]})
    _send(client, DECISION, [("diem-tham-dinh-2020.xlsx", (job / "diem-tham-dinh-2020.xlsx").read_bytes())])
    for version in _kept(job):  # a history full of broken workbooks and CSVs
        (job / HISTORY / version["id"] / "diem-tham-dinh-2020.xlsx").write_bytes(b"hong")
        (job / HISTORY / version["id"] / "diem.csv").write_bytes(b"\xff\xfe")
    (job / HISTORY / "diem-tham-dinh-2020.xlsx").write_bytes(b"hong")
    code, out, err = cli("check", job)
    assert code == 0, out + err
    run = run_job(job, tmp_path / "out")
    manifest = json.loads(run.manifest.read_text(encoding="utf-8"))
    assert HISTORY not in json.dumps(manifest)


def test_who_changed_a_file_on_the_office_network_is_the_client_and_its_session(jobs):
    save_password(password_file(jobs), "mat-khau-dai-du")
    with Client(create_app(jobs, password_path=password_file(jobs))) as client:
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', client.get("/login").text).group(1)
        client.post("/login", data={"csrf": token, "password": "mat-khau-dai-du"})
        client.post_form(f"/jobs/{DECISION}/data/delete", {"path": "diem-tham-dinh-2020.xlsx"})
    (version,) = _kept(jobs / DECISION)
    assert version["who"].startswith("máy testclient (phiên ")
    assert len(version["who"]) == len("máy testclient (phiên ") + 7


# --- a unit not evaluated whose workbook exists ---------------------------------------------------------------------

@pytest.fixture
def blank_unit(jobs, cli, tmp_path):
    """The campaign with the blank workbook `init` makes for Sở Y tế, which its register does not evaluate."""
    code, out, err = cli("init", "dot-danh-gia", tmp_path / "moi", "--from", jobs / CAMPAIGN)
    assert code == 0, out + err
    blank = jobs / CAMPAIGN / "don-vi" / "08-so-y-te.xlsx"
    blank.write_bytes((tmp_path / "moi" / "don-vi" / "08-so-y-te.xlsx").read_bytes())
    return blank


def test_a_not_evaluated_units_blank_workbook_is_one_problem_on_the_command_line(jobs, blank_unit, cli):
    with pytest.raises(InputErrors) as raised:
        check_job(jobs / CAMPAIGN)
    assert [p.reason for p in raised.value.problems] == [Reason.NOT_EVALUATED_BLANK_TABLE]
    code, out, err = cli("check", jobs / CAMPAIGN)
    said = out + err
    assert code != 0 and "có 1 lỗi" in said and said.count("08-so-y-te.xlsx") == 1
    assert 'chưa điền của đơn vị "Sở Y tế"' in said and "đang kiện toàn tổ chức bộ máy" in said


def test_a_filled_workbook_of_a_not_evaluated_unit_is_still_checked_cell_by_cell(jobs, blank_unit):
    """Filled in part, the table is someone's work: its problems are said where they are."""
    blank_unit.write_bytes(_with_self_points(blank_unit, "1.1", 5))
    with pytest.raises(InputErrors) as raised:
        check_job(jobs / CAMPAIGN)
    reasons = [p.reason for p in raised.value.problems]
    assert Reason.NOT_EVALUATED_BLANK_TABLE not in reasons and Reason.MISSING_VALUE in reasons


def test_the_desk_says_it_once_and_one_button_sets_the_workbook_aside(client, jobs, blank_unit):
    check = text_of(client.get(f"/jobs/{CAMPAIGN}/check").text)
    assert check.count("08-so-y-te.xlsx") == 1 and "Có 1 lỗi cần sửa" in check
    page = client.get(f"/jobs/{CAMPAIGN}/data").text
    assert "Sở Y tế: danh mục đơn vị ghi không đánh giá" in text_of(page) and "Để riêng bảng này" in page
    content = blank_unit.read_bytes()
    response = client.post_form(f"/jobs/{CAMPAIGN}/data/aside", {"path": "don-vi/08-so-y-te.xlsx"})
    assert response.status_code == 200 and not blank_unit.exists()
    assert "Đã để riêng tệp don-vi/08-so-y-te.xlsx" in text_of(response.text)
    assert "Không có lỗi" in text_of(client.get(f"/jobs/{CAMPAIGN}/check").text)
    (version,) = _kept(jobs / CAMPAIGN)
    assert version["why"] == "set_aside"
    client.post_form(f"/jobs/{CAMPAIGN}/data/restore", {"version": version["id"]})
    assert blank_unit.read_bytes() == content


# --- downloads under any name --------------------------------------------------------------------------------------

VIETNAMESE_JOB = "Xếp loại các sở 2025"
# "Xếp loại các sở 2025" in UTF-8, percent-encoded by hand: ế E1 BA BF, ạ E1 BA A1, á C3 A1, ở E1 BB 9F
ENCODED = "X%E1%BA%BFp%20lo%E1%BA%A1i%20c%C3%A1c%20s%E1%BB%9F%202025"


def test_the_download_header_gives_an_ascii_name_and_the_exact_name_in_utf8():
    assert attachment(f"{VIETNAMESE_JOB}.zip") == (
        f"attachment; filename=\"Xep loai cac so 2025.zip\"; filename*=UTF-8''{ENCODED}.zip")
    assert attachment('bao "cao".docx').startswith('attachment; filename="bao cao.docx"; ')
    assert attachment(unicodedata.normalize("NFD", "sở.xlsx")) == attachment("sở.xlsx")


@pytest.fixture
def vietnamese_job(jobs, client):
    """Hương Trà 2020 under a job name typed in Vietnamese, with its documents made."""
    job = jobs / VIETNAMESE_JOB
    (jobs / DECISION).rename(job)
    run_job(job, client.app.state.desk.out_dir(VIETNAMESE_JOB))
    return job


def test_every_download_of_a_job_with_a_vietnamese_name_works_and_keeps_the_name(client, vietnamese_job):
    base = f"/jobs/{VIETNAMESE_JOB}"
    downloads = {f"{base}/output.zip": f"{ENCODED}.zip", f"{base}/data.zip": f"{ENCODED}-so-lieu.zip",
                 f"{base}/data/file?path=diem-tham-dinh-2020.xlsx": "diem-tham-dinh-2020.xlsx",
                 f"{base}/output?path=ket-qua.xlsx": "ket-qua.xlsx", f"{base}/check/loi.xlsx": "loi.xlsx"}
    for url, encoded in downloads.items():
        response = client.get(url)
        assert response.status_code == 200, url
        header = response.headers["content-disposition"]
        header.encode("latin-1")
        assert header.startswith("attachment; filename=\"") and header.endswith(f"filename*=UTF-8''{encoded}"), url


def test_the_documents_zip_keeps_vietnamese_names_flagged_as_utf8(client, vietnamese_job):
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/jobs/{VIETNAMESE_JOB}/output.zip").content))
    entries = archive.infolist()
    assert entries and all(e.filename.startswith(f"{VIETNAMESE_JOB}/") for e in entries)
    assert all(e.flag_bits & 0x800 for e in entries)  # the zip format's "names in UTF-8" flag


# --- full disk, the upload limit, decomposed names -----------------------------------------------------------------

def test_a_full_disk_during_an_upload_says_so_and_keeps_the_old_file(client, jobs, monkeypatch):
    import pipeline.write.files as files

    path = jobs / DECISION / "diem-tham-dinh-2020.xlsx"
    before = path.read_bytes()

    def full(_):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    response = _send(client, DECISION, [("diem-tham-dinh-2020.xlsx", before)],
                     target="diem-tham-dinh-2020.xlsx")
    page = text_of(response.text)
    assert response.status_code == 400 and "Ổ đĩa của máy chạy bàn làm việc đã đầy" in page
    assert 'chưa ghi được tệp "diem-tham-dinh-2020.xlsx"; tệp cũ (nếu có) vẫn giữ nguyên' in page
    assert path.read_bytes() == before
    assert not [p for p in (jobs / DECISION).iterdir() if p.name.endswith(".tmp")]
    assert not _kept(jobs / DECISION)  # nothing was replaced, so no version of it is listed


def test_the_upload_limit_the_page_states_is_the_one_it_enforces(client, jobs):
    from pipeline.web.uploads import MAX_UPLOAD

    stated = text_of(client.get(f"/jobs/{DECISION}/data").text)
    assert f"Tối đa {MAX_UPLOAD // (1024 * 1024)} MB mỗi lần gửi" in stated and MAX_UPLOAD == 20 * 1024 * 1024
    just_over = b"TT,Don vi\n" + b"1" * (MAX_UPLOAD - 9)  # one byte over 20 MB
    response = _send(client, DECISION, [("diem.csv", just_over)])
    assert response.status_code == 400 and "lớn quá 20 MB" in text_of(response.text)
    far_over = bytes(MAX_UPLOAD + 2 * 1024 * 1024)  # the request itself refused before it is read: same figure
    response = _send(client, DECISION, [("diem.csv", far_over)])
    assert response.status_code == 413 and "lớn quá 20 MB" in text_of(response.text)
    assert not (jobs / DECISION / "diem.csv").exists()


def test_a_file_name_in_decomposed_unicode_is_the_same_name_composed(client, jobs):
    job = jobs / CAMPAIGN
    composed = "22-xã-tân-thành.xlsx"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    unit = (job / "don-vi" / "14-xa-hung-long.xlsx").read_bytes()
    first = _send(client, CAMPAIGN, [(decomposed, unit)])
    assert first.status_code == 200 and f"Đã nhận tệp don-vi/{composed}." in text_of(first.text)
    assert [p.name for p in (job / "don-vi").iterdir() if p.name.startswith("22-")] == [composed]
    again = _send(client, CAMPAIGN, [("gui.zip", _zip({f"don-vi/{decomposed}": unit}))])
    assert "Tệp cũ cùng tên được giữ ở mục \"Các bản trước\"" in text_of(again.text)
    assert [p.name for p in (job / "don-vi").iterdir() if p.name.startswith("22-")] == [composed]

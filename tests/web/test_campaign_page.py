"""The secretariat's page of an online campaign: accounts from the register with their codes to download, progress,
reopening a unit, the phase and its deadline; and a unit workbook uploaded by hand brought into the store."""

from __future__ import annotations

import io
import re
import shutil
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from pipeline.scoring.unit_entries import WorkbookEntry
from pipeline.web.app import create_app
from pipeline.web.desk_store import desk_store
from pipeline.write.unit_workbook import workbook_with_entries
from tests.web.conftest import Client, text_of
from tests.web.test_roles import CAMPAIGN, first_login

PAGE = f"/jobs/{CAMPAIGN}/campaign"
# the example's register (danh-muc-don-vi.xlsx): 20 units, of which Sở Y tế and UBND xã Mỹ Lợi are not evaluated
EVALUATED = 18


@pytest.fixture
def app(jobs):
    return create_app(jobs)


@pytest.fixture
def desk(app):
    with Client(app) as client:  # the loopback desk without a password: the secretariat
        yield client


def token(client: Client) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', client.get(PAGE).text).group(1)


def accounts_list(desk: Client) -> list[tuple]:
    response = desk.post(f"{PAGE}/accounts", data={"csrf": token(desk)})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [row for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_the_campaign_page_is_offered_for_campaign_jobs_only(desk):
    assert f'href="{PAGE}"' in desk.get(f"/jobs/{CAMPAIGN}/check").text
    assert "/campaign" not in desk.get("/jobs/huong-tra-2020-xep-loai/check").text
    assert desk.get("/jobs/huong-tra-2020-xep-loai/campaign").status_code == 404
    page = text_of(desk.get(PAGE).text)
    assert "0 / 18 đơn vị đã gửi tự đánh giá" in page and "chưa có tài khoản" in page
    row = page[page.index("Sở Y tế"):page.index("UBND phường Hòa An")]
    assert "không đánh giá" in row and "chưa gửi" not in row


def test_accounts_are_made_for_the_evaluated_units_and_their_codes_open_them(app, desk):
    rows = accounts_list(desk)
    assert len(rows) == EVALUATED
    names = [row[2] for row in rows]
    assert "Sở Nội vụ" in names and "Sở Y tế" not in names and "UBND xã Mỹ Lợi" not in names
    login, code = next((row[3], row[4]) for row in rows if row[2] == "Sở Tư pháp")
    assert re.fullmatch(r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}", code)
    with Client(app) as unit:
        assert first_login(unit, login, code).headers["location"] == f"/jobs/{CAMPAIGN}/self"
    again = desk.post(f"{PAGE}/accounts", data={"csrf": token(desk)})
    assert again.status_code == 200 and "không tạo thêm tài khoản nào" in text_of(again.text)
    page = text_of(desk.get(PAGE).text)
    assert login in page and "chưa có tài khoản" not in page  # the two units not evaluated need none


def test_a_new_code_replaces_the_old_one(app, desk):
    rows = accounts_list(desk)
    login, old = next((row[3], row[4]) for row in rows if row[2] == "Sở Nội vụ")
    account = desk_store(app.state).account_by_login(login)
    response = desk.post(f"{PAGE}/code", data={"csrf": token(desk), "account": str(account.id)})
    (row,) = load_workbook(io.BytesIO(response.content)).active.iter_rows(min_row=2, values_only=True)
    assert row[3] == login and row[4] != old
    with Client(app) as unit:
        assert first_login(unit, login, old).status_code == 400
        assert first_login(unit, login, row[4]).status_code == 303


def test_progress_shows_who_submitted_and_a_reopened_unit_can_change_again(app, desk):
    store = desk_store(app.state)
    accounts_list(desk)
    store.submit(CAMPAIGN, "Sở Tài chính", "so-tai-chinh")
    page = text_of(desk.get(PAGE).text)
    assert "1 / 18 đơn vị đã gửi tự đánh giá" in page
    row = page[page.index("Sở Tài chính"):page.index("Sở Công Thương")]
    assert "đã gửi" in row and "Mở lại để sửa" in row
    response = desk.post(f"{PAGE}/reopen", data={"csrf": token(desk), "unit": "Sở Tài chính"})
    assert response.status_code == 200 and "Đã mở lại cho Sở Tài chính sửa." in text_of(response.text)
    assert store.unit_status(CAMPAIGN, "Sở Tài chính").state == "reopened"
    store.save_entry(CAMPAIGN, "Sở Tài chính", "1.1", {"self_points": "4"}, 0, "so-tai-chinh")  # not refused


def test_the_phase_and_its_deadline_are_set_in_vietnams_time(app, desk):
    response = desk.post(f"{PAGE}/phase", data={"csrf": token(desk), "phase": "self", "date": "2026-12-15",
                                                 "time": "17:00"})
    assert response.status_code == 200 and "hạn gửi 17:00 ngày 15/12/2026" in text_of(response.text)
    phase = desk_store(app.state).phase(CAMPAIGN)
    assert phase.deadline == datetime(2026, 12, 15, 10, 0, tzinfo=UTC)  # 17:00 at UTC+7
    bad = desk.post(f"{PAGE}/phase", data={"csrf": token(desk), "phase": "self", "date": "15/12", "time": "17:00"})
    assert bad.status_code == 400 and "không đọc được" in text_of(bad.text)
    assert desk_store(app.state).phase(CAMPAIGN).deadline == phase.deadline
    assert 'value="15/12/2026"' in response.text and 'type="date"' not in response.text  # day/month/year, as typed
    typed = desk.post(f"{PAGE}/phase", data={"csrf": token(desk), "phase": "self", "date": "20/12/2026",
                                              "time": "8h30"})
    assert typed.status_code == 200 and "hạn gửi 08:30 ngày 20/12/2026" in text_of(typed.text)
    assert desk_store(app.state).phase(CAMPAIGN).deadline == datetime(2026, 12, 20, 1, 30, tzinfo=UTC)
    for day, hour in (("31/02/2026", "17:00"), ("20/12/2026", "25:00"), ("20/12/2026", "chiều")):
        refused = desk.post(f"{PAGE}/phase", data={"csrf": token(desk), "phase": "self", "date": day, "time": hour})
        assert refused.status_code == 400 and "không đọc được" in text_of(refused.text), (day, hour)


def test_a_workbook_uploaded_for_an_online_unit_is_brought_into_the_store_and_audited(app, desk, jobs, tmp_path):
    accounts_list(desk)
    source = jobs / CAMPAIGN / "don-vi" / "02-so-tu-phap.xlsx"
    edited = shutil.copy(source, tmp_path / "02-so-tu-phap.xlsx")
    edited.write_bytes(workbook_with_entries(edited, {"2.1": WorkbookEntry("2.1", Decimal(17), "Theo tệp gửi qua thư")},
                                             ("self_points", "justification")))
    response = desk.post(f"/jobs/{CAMPAIGN}/data", data={"csrf": token(desk)},
                         files={"file": ("02-so-tu-phap.xlsx", edited.read_bytes(), "application/octet-stream")})
    assert response.status_code == 200
    store = desk_store(app.state)
    entry = store.entries(CAMPAIGN, "Sở Tư pháp")["2.1"]
    assert (entry.self_points, entry.justification) == (Decimal(17), "Theo tệp gửi qua thư")
    changed = [(e.criterion, e.field, e.new) for e in store.audit(CAMPAIGN, "Sở Tư pháp") if e.action == "entry_saved"
               and e.criterion == "2.1"]
    assert ("2.1", "self_points", "17") in changed and ("2.1", "justification", "Theo tệp gửi qua thư") in changed


def test_an_upload_to_a_campaign_nobody_works_on_online_makes_no_database(jobs, desk):
    from pipeline.store import store_file

    source = jobs / CAMPAIGN / "don-vi" / "02-so-tu-phap.xlsx"
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', desk.get(f"/jobs/{CAMPAIGN}/data").text).group(1)
    response = desk.post(f"/jobs/{CAMPAIGN}/data", data={"csrf": csrf},
                         files={"file": ("02-so-tu-phap.xlsx", source.read_bytes(), "application/octet-stream")})
    assert response.status_code == 200
    assert not store_file(jobs).exists()


def test_serve_with_a_database_address_keeps_the_campaign_there(jobs, tmp_path, monkeypatch):
    from pipeline.cli import main
    from pipeline.store import store_file
    from pipeline.web import serve

    served = []
    monkeypatch.setattr(serve, "run_server", lambda app, listening, proxy: served.append(app))
    address = f"sqlite:///{tmp_path / 'tinh.sqlite3'}"
    assert main(["serve", "--jobs", str(jobs), "--port", "0", "--no-browser", "--db", address]) == 0
    with Client(served[0], base_url="http://127.0.0.1") as desk:
        assert desk.get(PAGE).status_code == 200
    assert (tmp_path / "tinh.sqlite3").is_file() and not store_file(jobs).exists()

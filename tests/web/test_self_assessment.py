"""A unit's self-assessment online: points held to the maximum and the rule, saved into its workbook with the
history kept, two tabs never overwrite each other, evidence its own, submission only when complete, the deadline
and the submitted state enforced, its Word report."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from docx import Document

from pipeline.read.workbook import read_workbook
from pipeline.scoring.unit_entries import workbook_entries
from pipeline.web.app import create_app
from pipeline.web.desk_store import desk_store
from pipeline.web.history import versions
from tests.web.conftest import Client, text_of
from tests.web.test_roles import CAMPAIGN, first_login

UNIT, OTHER = "Sở Nội vụ", "Sở Tư pháp"
WORKBOOK = "don-vi/01-so-noi-vu.xlsx"
SELF = f"/jobs/{CAMPAIGN}/self"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
KEYS = ("1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3")  # the leaves of the example's tree


@pytest.fixture
def app(jobs):
    return create_app(jobs)


def logged_in(app, unit: str) -> Client:
    (account, code), = desk_store(app.state).create_unit_accounts(CAMPAIGN, [unit])
    client = Client(app)
    client.__enter__()
    assert first_login(client, account.login, code).status_code == 303
    return client


@pytest.fixture
def unit(app):
    client = logged_in(app, UNIT)
    yield client
    client.__exit__(None, None, None)


def token(client: Client) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', client.get(SELF).text).group(1)


def version_of(page: str, key: str) -> str:
    form = page[page.index(f'action="{SELF}/{key}#'):]
    return re.search(r'name="version" value="(\d+)"', form).group(1)


def save(client: Client, key: str, points: str, justification: str = "", version: str | None = None):
    page = client.get(SELF).text
    return client.post(f"{SELF}/{key}", data={"csrf": token(client), "points": points, "justification": justification,
                                              "version": version_of(page, key) if version is None else version},
                       follow_redirects=False)


def send_evidence(client: Client, key: str, name: str = "ke-hoach.pdf", content: bytes = PDF):
    return client.post(f"{SELF}/{key}/evidence", data={"csrf": token(client)},
                       files={"file": (name, content, "application/octet-stream")}, follow_redirects=False)


def test_the_page_shows_the_units_tree_with_maxima_and_the_workbooks_total(unit):
    page = text_of(unit.get(SELF).text)
    assert "Tự đánh giá: Sở Nội vụ" in page
    assert "1.2. Thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao đúng thời hạn" in page
    assert "Điểm tối đa: 15" in page
    assert "77,5 / 80 điểm" in page  # 5 + 14,5 + 19 + 9,5 + 10 + 9,5 + 5 + 5 of 20 + 40 + 20


def test_a_save_reaches_the_store_the_units_workbook_and_the_total_keeping_the_old_workbook(app, unit, jobs):
    response = save(unit, "1.2", "13", "Hai nhiệm vụ\nhoàn thành chậm")
    assert (response.status_code, response.headers["location"]) == (303, f"{SELF}?luu=1.2#c-1.2")
    entry = desk_store(app.state).entries(CAMPAIGN, UNIT)["1.2"]
    assert (entry.self_points, entry.justification, entry.version) == (Decimal(13), "Hai nhiệm vụ\nhoàn thành chậm", 1)
    in_file = workbook_entries(read_workbook(jobs / CAMPAIGN / WORKBOOK))["1.2"]
    assert (in_file.self_points, in_file.justification) == (Decimal(13), "Hai nhiệm vụ\nhoàn thành chậm")
    assert in_file.appraised_points == Decimal("14.5")  # the appraisal's cell is not the unit's to write
    kept = versions(jobs / CAMPAIGN)
    assert [(v.path, v.why) for v in kept] == [(WORKBOOK, "online")]
    assert "76 / 80 điểm" in text_of(unit.get(SELF).text)  # 77,5 − 14,5 + 13


@pytest.mark.parametrize(("typed", "said"), [
    ("16", "16 điểm vượt quá điểm tối đa 15 của tiêu chí này."),
    ("mười", "\"mười\" không phải là số."),
    ("-2", "Điểm không được âm"),
])
def test_points_refused_are_said_beside_the_field_and_nothing_is_saved(app, unit, jobs, typed, said):
    before = (jobs / CAMPAIGN / WORKBOOK).read_bytes()
    response = save(unit, "1.2", typed)
    assert response.status_code == 400
    assert said in text_of(response.text)
    assert 'id="pe-1.2"' in response.text and 'aria-invalid="true"' in response.text
    assert desk_store(app.state).entries(CAMPAIGN, UNIT) == {}
    assert (jobs / CAMPAIGN / WORKBOOK).read_bytes() == before


def test_two_tabs_saving_one_criterion_the_second_is_told_and_overwrites_nothing(app, unit):
    first_tab = unit.get(SELF).text
    second_tab = unit.get(SELF).text
    assert save(unit, "2.2", "9", version=version_of(first_tab, "2.2")).status_code == 303
    response = save(unit, "2.2", "7", "từ thẻ thứ hai", version=version_of(second_tab, "2.2"))
    assert response.status_code == 409
    assert "vừa được lưu ở nơi khác" in text_of(response.text) and "từ thẻ thứ hai" in text_of(response.text)
    assert desk_store(app.state).entries(CAMPAIGN, UNIT)["2.2"].self_points == Decimal(9)
    assert version_of(response.text, "2.2") == "1"  # the page now shows the saved value's version


def test_evidence_is_listed_and_downloaded_by_its_unit_and_the_secretariat_only(app, unit):
    response = send_evidence(unit, "1.1", "Kế hoạch số 12.pdf")
    assert response.status_code == 303
    page = unit.get(SELF).text
    link = re.search(r'href="(/jobs/[^"]+/evidence/(\d+))">Kế hoạch số 12\.pdf</a>', page)
    assert link and "(1 KB)" in text_of(page)
    assert unit.get(link.group(1)).content == PDF
    other = logged_in(app, OTHER)
    try:
        assert other.get(link.group(1)).status_code == 404
        assert other.get(f"/jobs/{CAMPAIGN}/evidence/{int(link.group(2)) + 1}").status_code == 404
    finally:
        other.__exit__(None, None, None)
    with Client(app) as secretariat:  # the loopback desk without a password
        assert secretariat.get(link.group(1)).content == PDF


def test_a_file_that_is_not_evidence_is_refused_with_why(unit):
    response = send_evidence(unit, "1.1", "chay.exe", b"MZ\x90\x00")
    assert response.status_code == 400
    assert "phải là PDF, ảnh hoặc văn bản Office" in text_of(response.text)
    response = send_evidence(unit, "1.1", "gia.pdf", b"not a pdf")
    assert response.status_code == 400 and "không phải tệp PDF hợp lệ" in text_of(response.text)


def test_submitting_lists_criteria_with_points_but_no_evidence_then_submits_and_locks(app, unit):
    page = text_of(unit.get(f"{SELF}/submit").text)
    assert "Tiêu chí 1.1 (Ban hành chương trình, kế hoạch công tác năm đúng thời hạn): có điểm nhưng chưa có" in page
    assert page.count("chưa có tệp kiểm chứng") == len(KEYS)
    refused = unit.post(f"{SELF}/submit", data={"csrf": token(unit)}, follow_redirects=False)
    assert refused.status_code == 409
    assert desk_store(app.state).unit_status(CAMPAIGN, UNIT).state == "draft"
    for key in KEYS:
        assert send_evidence(unit, key).status_code == 303
    assert "chưa có tệp kiểm chứng" not in text_of(unit.get(f"{SELF}/submit").text)
    done = unit.post(f"{SELF}/submit", data={"csrf": token(unit)}, follow_redirects=False)
    assert done.status_code == 303
    assert desk_store(app.state).unit_status(CAMPAIGN, UNIT).state == "submitted"
    page = unit.get(SELF).text
    assert "Lưu tiêu chí" not in page and "Đã gửi lúc" in text_of(page)
    assert save(unit, "1.1", "4").status_code == 409
    assert desk_store(app.state).entries(CAMPAIGN, UNIT) == {}


def test_after_the_deadline_the_page_says_so_and_takes_nothing(app, unit):
    past = datetime.now(UTC) - timedelta(hours=1)
    desk_store(app.state).set_phase(CAMPAIGN, "self", past, "van-phong")
    page = text_of(unit.get(SELF).text)
    assert "Đã hết hạn tự đánh giá" in page
    assert save(unit, "1.1", "4", version="0").status_code == 409
    assert send_evidence(unit, "1.1").status_code == 409
    assert desk_store(app.state).entries(CAMPAIGN, UNIT) == {}


def test_the_units_word_report_has_what_it_typed(unit):
    save(unit, "1.2", "13")
    response = unit.get(f"{SELF}/report")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    text = " ".join(p.text for p in document.paragraphs)
    assert "Sở Nội vụ" in " ".join([text, *cells])
    row = next(r for t in document.tables for r in t.rows if r.cells[0].text.strip() == "1.2")
    assert "13" in [c.text.strip() for c in row.cells]


def test_a_unit_takes_off_its_own_evidence_file_and_no_other_unit_can(app, unit):
    send_evidence(unit, "1.1", "nham-tep.pdf")
    (record,) = desk_store(app.state).evidence(CAMPAIGN, UNIT)
    other = logged_in(app, OTHER)
    try:
        other_token = re.search(r'name="csrf" value="([0-9a-f]+)"', other.get(SELF).text).group(1)
        response = other.post(f"/jobs/{CAMPAIGN}/evidence/{record.id}/remove", data={"csrf": other_token},
                              follow_redirects=False)
        assert response.status_code == 404
    finally:
        other.__exit__(None, None, None)
    assert desk_store(app.state).evidence(CAMPAIGN, UNIT) == [record]
    response = unit.post(f"/jobs/{CAMPAIGN}/evidence/{record.id}/remove", data={"csrf": token(unit)})
    assert response.status_code == 200 and 'Đã bỏ tệp "nham-tep.pdf" khỏi tiêu chí 1.1.' in text_of(response.text)
    assert desk_store(app.state).evidence(CAMPAIGN, UNIT) == []


def test_a_save_waiting_for_the_workbook_writes_what_the_store_holds_when_its_turn_comes(jobs):
    import threading

    from pipeline.scoring.unit_entries import WorkbookEntry
    from pipeline.web.unit_workbooks import _lock, written_through

    folder = jobs / CAMPAIGN
    store = {"1.1": WorkbookEntry("1.1", Decimal(4))}
    held = _lock(folder / WORKBOOK)
    held.acquire()  # another save is writing the workbook
    waiting = threading.Thread(target=written_through, args=(folder, WORKBOOK, lambda: dict(store), "x",
                                                             ("self_points",)))
    waiting.start()
    store["2.2"] = WorkbookEntry("2.2", Decimal(8))  # saved in the store meanwhile
    held.release()
    waiting.join(30)
    typed = workbook_entries(read_workbook(folder / WORKBOOK))
    assert (typed["1.1"].self_points, typed["2.2"].self_points) == (Decimal(4), Decimal(8))


def test_two_options_of_a_choose_one_criterion_are_said_and_keep_the_unit_from_submitting(app, unit, jobs):
    from tests.conftest import write_workbook

    header = ["Mã số", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự chấm",
              "Lý giải việc chấm điểm", "Điểm thẩm định", "Ý kiến thẩm định"]
    write_workbook(jobs / CAMPAIGN / WORKBOOK, {"Tự chấm": [
        ["BẢNG TỰ CHẤM"], ["Đơn vị:", UNIT], ["Khối:", "Sở, ban, ngành"], [], header,
        ["I", "Công tác chỉ đạo", 20], ["1.1", "Ban hành kế hoạch", 5], [None, "Trước hạn", 5],
        [None, "Đúng hạn", 3], ["1.2", "Thực hiện nhiệm vụ", 15, 15]]})
    for key, points in (("1.1-1", "5"), ("1.1-2", "3")):
        assert save(unit, key, points).status_code == 303
        assert send_evidence(unit, key).status_code == 303
    assert send_evidence(unit, "1.2").status_code == 303
    said = "chỉ được chọn một mức, nhưng có điểm ở nhiều mức"
    assert said in text_of(unit.get(SELF).text)
    assert said in text_of(unit.get(f"{SELF}/submit").text)
    assert unit.post(f"{SELF}/submit", data={"csrf": token(unit)}, follow_redirects=False).status_code == 409
    assert save(unit, "1.1-2", "").status_code == 303  # one option only: now it goes
    assert unit.post(f"{SELF}/submit", data={"csrf": token(unit)}, follow_redirects=False).status_code == 303


def section_of(page: str, key: str) -> str:
    start = page.index(f'id="c-{key}"')
    return page[start:page.index("</section>", start)]


def test_a_save_and_a_file_added_are_said_in_the_criterion_the_page_opens_at(unit):
    response = save(unit, "2.1", "18")
    page = unit.get(response.headers["location"].split("#")[0]).text
    assert "Đã lưu tiêu chí 2.1." in text_of(section_of(page, "2.1"))
    assert "Đã lưu tiêu chí" not in text_of(page[:page.index('class="criterion')])  # not at the top, out of sight
    response = send_evidence(unit, "3.2", "bien-ban.pdf")
    page = unit.get(response.headers["location"].split("#")[0]).text
    assert 'Đã thêm tệp "bien-ban.pdf" cho tiêu chí 3.2.' in text_of(section_of(page, "3.2"))


def test_a_criterion_left_blank_is_said_by_its_code_and_not_as_a_cell_to_fill(unit):
    assert save(unit, "1.2", "").status_code == 303
    said = "Điền số vào ô này"
    assert said not in text_of(unit.get(SELF).text)
    submit = text_of(unit.get(f"{SELF}/submit").text)
    assert ("Tiêu chí 1.2 (Thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao đúng thời hạn): "
            "chưa nhập điểm.") in submit
    assert said not in submit


def test_a_conflict_says_a_blank_justification_as_blank(unit):
    page = unit.get(SELF).text
    assert save(unit, "2.2", "9", version=version_of(page, "2.2")).status_code == 303
    response = save(unit, "2.2", "7", version=version_of(page, "2.2"))
    assert response.status_code == 409
    assert 'nội dung bạn vừa nhập: điểm "7", lý giải (để trống).' in text_of(response.text)


def test_the_submit_page_gives_the_total_out_of_its_maximum(unit):
    for key in KEYS:
        assert send_evidence(unit, key).status_code == 303
    assert "Tổng điểm tự chấm: 77,5 / 80 điểm." in text_of(unit.get(f"{SELF}/submit").text)  # as the page's total

"""The appraisal online and the explanation round, over HTTP: who sees which unit, versions, the workbook, phases.

The units' self-assessment is put in the store directly (its pages are tested with them); everything the
appraisers, the secretariat and the units do here goes through the desk's routes.
"""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import quote

import pytest
from openpyxl import load_workbook

from pipeline.store.records import Role
from tests.web.campaign_people import GROUP_A, JOB, UNIT_A, UNIT_B, WORKBOOKS, People, csrf_of, pdf, version_of
from tests.web.conftest import text_of

CODES = ("1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3")
OWN = {UNIT_A: ("5", "14.5", "19", "9.5", "10", "9.5", "5", "5"),
       UNIT_B: ("4", "12.5", "16", "8", "7", "8.5", "4.5", "4")}


@pytest.fixture
def people(tmp_path):
    people = People(tmp_path)
    for unit, points in OWN.items():
        for code, own in zip(CODES, points, strict=True):
            people.store.save_entry(JOB, unit, code, {"self_points": own, "justification": f"Lý giải {code}"}, 0,
                                    "thu-nghiem")
        people.store.add_evidence(JOB, unit, "1.1", "ke-hoach.pdf", pdf("ke hoach"), "thu-nghiem")
    yield people
    people.close()


def submit(people: People, *units: str) -> None:
    for unit in units:
        people.store.submit(JOB, unit, "thu-nghiem")


def workbook_cells(people: People, unit: str) -> dict[str, tuple]:
    """The unit's workbook rows by code: (self, justification, appraised, comment) as stored in the cells."""
    sheet = load_workbook(people.jobs / JOB / "don-vi" / WORKBOOKS[unit]).worksheets[0]
    return {str(row[0].value): tuple(c.value for c in row[3:7]) for row in sheet.iter_rows(min_row=7)
            if row[0].value and "." in str(row[0].value)}


def test_an_appraiser_sees_only_the_submitted_units_assigned_to_it(people):
    by_name = people.person(Role.APPRAISER, "Thẩm định viên", assigned=(UNIT_A,))
    by_group = people.person(Role.APPRAISER, "Tổ thẩm định khối sở", assigned=(GROUP_A,))
    people.move("open_appraisal")
    assert "appraisal-units" not in by_name.get(f"/jobs/{JOB}/appraisal").text  # nothing submitted yet
    assert by_name.get(f"/jobs/{JOB}/appraisal/{quote(UNIT_A)}").status_code == 404
    submit(people, UNIT_A, UNIT_B)
    for client in (by_name, by_group):
        listed = text_of(client.get(f"/jobs/{JOB}/appraisal").text)
        assert UNIT_A in listed and UNIT_B not in listed
        assert client.get(f"/jobs/{JOB}/appraisal/{quote(UNIT_A)}").status_code == 200
        assert client.get(f"/jobs/{JOB}/appraisal/{quote(UNIT_B)}").status_code == 404
    everything = text_of(people.secretariat.get(f"/jobs/{JOB}/appraisal").text)
    assert UNIT_A in everything and UNIT_B in everything
    assert "Đã thẩm định xong 0/2 đơn vị đã nộp (2/2 đơn vị đã nộp)." in everything


def test_a_unit_page_shows_points_justification_evidence_and_marks_criteria_without_evidence(people):
    submit(people, UNIT_A)
    people.move("open_appraisal")
    page = people.secretariat.get(f"/jobs/{JOB}/appraisal/{quote(UNIT_A)}").text
    rows = {code: text_of(page.split(f'id="c-{code}"')[1].split("</tr>")[0]) for code in CODES}
    assert "14,5" in rows["1.2"] and "Lý giải 1.2" in rows["1.2"]
    assert "ke-hoach.pdf" in rows["1.1"] and "Không có tài liệu kiểm chứng" not in rows["1.1"]
    assert all("Không có tài liệu kiểm chứng" in rows[code] for code in CODES[1:])
    assert "Tổng điểm tự chấm: 77,5." in text_of(page)  # 5 + 14,5 + 19 + 9,5 + 10 + 9,5 + 5 + 5
    evidence = people.store.evidence(JOB, UNIT_A)[0]
    link = f"/jobs/{JOB}/appraisal/{quote(UNIT_A)}/evidence/{evidence.id}"
    assert f'href="{link}"' in page
    assert people.secretariat.get(link).content == pdf("ke hoach")


def test_appraised_points_are_saved_over_the_version_shown_and_reach_the_workbook(people):
    submit(people, UNIT_A)
    appraiser = people.person(Role.APPRAISER, "Thẩm định viên", assigned=(UNIT_A,))
    people.move("open_appraisal")
    page = appraiser.get(f"/jobs/{JOB}/appraisal/{quote(UNIT_A)}").text
    version = version_of(page, "1.2")
    saved = appraiser.post(f"/jobs/{JOB}/appraisal/{quote(UNIT_A)}/1.2", data={
        "csrf": csrf_of(page), "points": "13,75", "comment": "01 nhiệm vụ chậm", "version": str(version)},
        follow_redirects=False)
    assert saved.status_code == 303
    entry = people.store.entries(JOB, UNIT_A)["1.2"]
    assert (entry.appraised_points, entry.appraisal_comment, entry.version) == \
        (Decimal("13.75"), "01 nhiệm vụ chậm", version + 1)
    assert entry.self_points == Decimal("14.5")  # the unit's own points untouched
    assert workbook_cells(people, UNIT_A)["1.2"] == (14.5, "Lý giải 1.2", 13.75, "01 nhiệm vụ chậm")
    # a second page opened before that save: its save is refused and said, nothing written over
    crossing = appraiser.post(f"/jobs/{JOB}/appraisal/{quote(UNIT_A)}/1.2", data={
        "csrf": csrf_of(page), "points": "15", "comment": "", "version": str(version)})
    assert crossing.status_code == 409
    assert "vừa được người khác sửa" in text_of(crossing.text)
    assert people.store.entries(JOB, UNIT_A)["1.2"].appraised_points == Decimal("13.75")
    events = [e for e in people.store.audit(JOB, UNIT_A, "1.2") if e.field == "appraised_points"]
    assert [(e.actor, e.old, e.new) for e in events] == [(appraiser.login, None, "13.75")]


@pytest.mark.parametrize("typed, said", [("16", "Điểm 16 của tiêu chí 1.2 lớn hơn điểm tối đa 15."),
                                         ("-1", "Điểm \"-1\" của tiêu chí 1.2 không được âm."),
                                         ("mười", "Điểm \"mười\" của tiêu chí 1.2 không phải là số.")])
def test_points_a_criterion_cannot_take_are_refused_and_nothing_is_saved(people, typed, said):
    submit(people, UNIT_A)
    people.move("open_appraisal")
    answer = people.appraise(people.secretariat, UNIT_A, "1.2", typed)
    assert answer.status_code == 400
    assert said in text_of(answer.text)
    assert people.store.entries(JOB, UNIT_A)["1.2"].appraised_points is None


def test_appraised_points_are_saved_only_in_the_appraisal_phase(people):
    submit(people, UNIT_A)
    appraiser = people.person(Role.APPRAISER, "Thẩm định viên", assigned=(UNIT_A,))
    people.move("open_appraisal")
    page = appraiser.get(f"/jobs/{JOB}/appraisal/{quote(UNIT_A)}").text
    people.move("open_explanation")
    late = appraiser.post(f"/jobs/{JOB}/appraisal/{quote(UNIT_A)}/1.1", data={
        "csrf": csrf_of(page), "points": "1", "version": str(version_of(page, "1.1"))})
    assert late.status_code == 403
    assert people.store.entries(JOB, UNIT_A)["1.1"].appraised_points is None


def test_the_explanation_round_answers_once_and_closing_it_fixes_the_final_points(people):
    unit_a = people.person(Role.UNIT, UNIT_A, unit=UNIT_A)
    submit(people, UNIT_A)
    people.move("open_appraisal")
    assert "chưa mở" in text_of(unit_a.get(f"/jobs/{JOB}/explanation").text)  # nothing shown before the round
    for code, points in zip(CODES, ("4", "13", "19", "9.5", "8", "9.5", "5", "5"), strict=True):
        assert people.appraise(people.secretariat, UNIT_A, code, points, f"Ý kiến {code}").status_code == 303
    people.move("open_explanation")
    shown = text_of(unit_a.get(f"/jobs/{JOB}/explanation").text)
    assert "Ý kiến 2.3" in shown and "Tổng điểm thẩm định: 73." in shown
    assert unit_a.get(f"/jobs/{JOB}/explanation").text.count('class="explain"') == len(CODES)
    assert people.explain(unit_a, "2.3", "Đã số hóa 100% hồ sơ, xem tệp kèm").status_code == 303
    again = people.explain(unit_a, "2.3", "Giải trình lần hai")
    assert again.status_code in (400, 409)
    assert people.store.entries(JOB, UNIT_A)["2.3"].explanation == "Đã số hóa 100% hồ sơ, xem tệp kèm"
    assert unit_a.get(f"/jobs/{JOB}/explanation").text.count('class="explain"') == len(CODES) - 1
    # the council accepts the answer: final points of 2.3 raised; the others stay as appraised
    page = people.secretariat.get(f"/jobs/{JOB}/appraisal/{quote(UNIT_A)}").text
    assert "Đã số hóa 100% hồ sơ" in text_of(page)
    final = people.secretariat.post(f"/jobs/{JOB}/appraisal/{quote(UNIT_A)}/2.3", data={
        "csrf": csrf_of(page), "points": "9,5", "version": str(version_of(page, "2.3"))}, follow_redirects=False)
    assert final.status_code == 303
    people.move("close_explanation")
    entries = people.store.entries(JOB, UNIT_A)
    assert {c: entries[c].final_points for c in CODES} == {
        c: Decimal(p) for c, p in zip(CODES, ("4", "13", "19", "9.5", "9.5", "9.5", "5", "5"), strict=True)}
    assert entries["2.3"].appraised_points == Decimal(8)  # the appraisal itself is kept
    cells = workbook_cells(people, UNIT_A)
    assert [cells[c][2] for c in CODES] == [4, 13, 19, 9.5, 9.5, 9.5, 5, 5]  # the column the documents read
    assert "done = true" in (people.jobs / JOB / "job.toml").read_text(encoding="utf-8")
    closed = text_of(unit_a.get(f"/jobs/{JOB}/explanation").text)
    assert "Tổng điểm cuối cùng: 74,5." in closed
    assert people.explain(unit_a, "1.1", "muộn").status_code == 409


def test_only_the_secretariat_moves_phases_and_only_in_their_order(people):
    appraiser = people.person(Role.APPRAISER, "Thẩm định viên", assigned=(UNIT_A,))
    page = appraiser.get(f"/jobs/{JOB}/appraisal").text
    assert appraiser.post(f"/jobs/{JOB}/appraisal/phase", data={"csrf": csrf_of(page), "move": "open_appraisal"}
                          ).status_code == 403
    wrong = people.secretariat.post_form(f"/jobs/{JOB}/appraisal/phase", {"move": "close_explanation"})
    assert wrong.status_code == 409
    assert people.store.phase(JOB).phase == "self"


def test_the_secretariat_assigns_units_or_groups_of_the_register_only(people):
    made = people.secretariat.post_form(f"/jobs/{JOB}/appraisal/appraisers",
                                        {"name": "Nguyễn Thẩm Định", "assigned": f"{UNIT_B}\n"})
    assert made.status_code == 200
    login = text_of(made.text).split("Tên đăng nhập ")[1].split(" ")[0]
    account = people.store.account_by_login(login)
    assert account.assigned == (UNIT_B,)
    refused = people.secretariat.post_form(f"/jobs/{JOB}/appraisal/assign",
                                           {"account": str(account.id), "assigned": "Sở Không Có\nKhối lạ"})
    assert refused.status_code == 400
    assert "Sở Không Có" in text_of(refused.text) and "Khối lạ" in text_of(refused.text)
    assert people.store.account(account.id).assigned == (UNIT_B,)
    people.secretariat.post_form(f"/jobs/{JOB}/appraisal/assign", {"account": str(account.id),
                                                                   "assigned": f"{GROUP_A}\n{UNIT_B}"})
    assert people.store.account(account.id).assigned == (GROUP_A, UNIT_B)
    assert any(e.action == "account_assigned" for e in people.store.audit(JOB))


def test_choosing_the_final_phase_on_the_campaign_page_fixes_the_final_points_too(people):
    submit(people, UNIT_A)
    people.move("open_appraisal")
    for code, points in zip(CODES, ("4", "13", "19", "9.5", "8", "9.5", "5", "5"), strict=True):
        assert people.appraise(people.secretariat, UNIT_A, code, points).status_code == 303
    moved = people.secretariat.post_form(f"/jobs/{JOB}/campaign/phase", {"phase": "final", "date": "", "time": ""},
                                         follow_redirects=False)
    assert moved.status_code == 303
    assert people.store.phase(JOB).phase == "final"
    entries = people.store.entries(JOB, UNIT_A)
    appraised = [Decimal(p) for p in ("4", "13", "19", "9.5", "8", "9.5", "5", "5")]
    assert [entries[c].final_points for c in CODES] == appraised
    assert [workbook_cells(people, UNIT_A)[c][2] for c in CODES] == [4, 13, 19, 9.5, 8, 9.5, 5, 5]

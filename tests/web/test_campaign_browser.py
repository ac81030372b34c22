"""A small campaign end to end in real browsers: the secretariat, two units and an appraiser, each in its own
Chromium (its own cookies), against the desk served on a free loopback port.

The secretariat makes the accounts (the codes come in the downloaded list) and an appraiser; each unit logs in
the first time with its code, types its points and justifications, sends an evidence file per scored criterion
and submits; the appraiser appraises every criterion; in the explanation round each unit answers one criterion
and the secretariat gives final points for it; closing the round fixes the final points; the documents are
made. The decision's results are computed here from what was typed (Decimal, half-up at 2 decimals: a sở's
final points / 80 × 100, a commune's final points + its survey points), and every change typed is found in the
audit trail with who made it.
"""

from __future__ import annotations

import io
import os
import socket
import threading
import time
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from urllib.parse import quote

import pytest
from openpyxl import load_workbook

from tests.web.browsers import CHROMIUM, DRIVER, people
from tests.web.campaign_people import GROUP_A, GROUP_B, JOB, SURVEY_B, UNIT_A, UNIT_B, pdf, small_campaign

if not (CHROMIUM and DRIVER) and not os.environ.get("CI"):
    pytest.skip("Chromium and chromium-driver are not installed", allow_module_level=True)

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

CODES = ("1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3")
# what each unit types (points as typed, with a comma), what the appraiser types, the comments
OWN = {UNIT_A: ("5", "14,5", "19", "9,5", "10", "9,5", "5", "5"),
       UNIT_B: ("4", "12,5", "16", "8", "7", "8,5", "4,5", "0")}  # B: 3.3 not scored, so no evidence there
APPRAISED = {UNIT_A: ("4", "13", "15", "8,5", "6,5", "7,8", "4,5", "3,5"),
             UNIT_B: ("4", "11,5", "16", "8", "6,25", "8,5", "4,5", "0")}
EXPLAINED = {UNIT_A: ("2.3", "Đã số hóa toàn bộ hồ sơ năm 2025, xem biên bản kèm theo", "7"),
             UNIT_B: ("1.2", "02 nhiệm vụ chậm do thiên tai, có văn bản gia hạn", "12")}
PASSWORD = "mat-khau-rieng-2025"
CENT = Decimal("0.01")


def number(typed: str) -> Decimal:
    return Decimal(typed.replace(",", "."))


def final_points(unit: str) -> dict[str, Decimal]:
    """Each criterion's final points: the appraised ones, but the criterion explained, which gets the council's."""
    code, _, final = EXPLAINED[unit]
    return {c: number(final if c == code else a) for c, a in zip(CODES, APPRAISED[unit], strict=True)}


def result(unit: str) -> Decimal:
    total = sum(final_points(unit).values())
    score = total / 80 * 100 if unit == UNIT_A else total + SURVEY_B
    return score.quantize(CENT, ROUND_HALF_UP)


def comma(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    import uvicorn

    from pipeline.web.app import create_app

    root = tmp_path_factory.mktemp("dot-truc-tuyen")
    small_campaign(root / "inputs" / JOB)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(root / "inputs")
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield root, app, f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browsers(desk, tmp_path_factory):
    yield from people(tmp_path_factory, desk[2])


def reloaded(person, click) -> None:
    """Clicks (a button that posts a form) and waits for the next page, loaded: the old page's window carried a
    mark the new one does not (asking an old element whether it is stale can fail in Chromium while it leaves)."""
    person.driver.execute_script("window.oldPage = true")
    click()
    WebDriverWait(person.driver, 60, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script("return window.oldPage === undefined && document.readyState === 'complete'"))


def typed_in(person, field: str, text: str) -> None:
    box = person.driver.find_element(By.ID, field)
    box.clear()
    box.send_keys(text)


def first_login(person, login: str, code: str) -> None:
    person.go("/first-login")
    person.fill("#login", login)
    person.fill("#code", code)
    person.fill("#new", PASSWORD)
    person.fill("#again", PASSWORD)
    reloaded(person, lambda: person.find("#again").submit())


def self_assess(person, unit: str, evidence: Path) -> None:
    person.go(f"/jobs/{JOB}/self")
    for code, own in zip(CODES, OWN[unit], strict=True):
        section = person.driver.find_element(By.ID, f"c-{code}")
        box = section.find_element(By.NAME, "points")
        box.clear()
        box.send_keys(own)
        reason = section.find_element(By.NAME, "justification")
        reason.clear()
        reason.send_keys(f"Lý giải {code} của {unit}")
        reloaded(person, section.find_element(By.CSS_SELECTOR, "form.entry button").click)
        if own != "0":
            section = person.driver.find_element(By.ID, f"c-{code}")
            section.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(evidence))
            reloaded(person, section.find_element(By.CSS_SELECTOR, "form.upload button").click)
    person.go(f"/jobs/{JOB}/self/submit")
    reloaded(person, lambda: person.find(f"form[action='/jobs/{JOB}/self/submit'] button").click())


def move(person, button: str) -> None:
    person.go(f"/jobs/{JOB}/appraisal")
    reloaded(person, lambda: person.driver.find_element(By.ID, button).click())


def decision_rows(archive: zipfile.ZipFile) -> dict[str, list[str]]:
    from docx import Document

    name = next(n for n in archive.namelist() if n.endswith("quyet-dinh.docx"))
    document = Document(io.BytesIO(archive.read(name)))
    return {row[1]: row for table in document.tables
            for row in ([cell.text.strip() for cell in r.cells] for r in table.rows) if len(row) > 4}


def docx_text(archive: zipfile.ZipFile, name: str) -> str:
    from docx import Document

    document = Document(io.BytesIO(archive.read(name)))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells).replace("\u00a0", " ")  # spaces kept together


def test_a_small_campaign_from_accounts_to_decision_in_four_browsers(desk, browsers, tmp_path):
    _, app, _ = desk
    secretariat, unit_a, unit_b, appraiser = (browsers(n) for n in ("thu-ky", "don-vi-a", "don-vi-b", "tham-dinh"))

    # the secretariat: the units' accounts (codes in the downloaded list), an appraiser for both groups
    secretariat.go(f"/jobs/{JOB}/campaign")
    secretariat.find(f"form[action='/jobs/{JOB}/campaign/accounts'] button").click()
    deadline = time.monotonic() + 30
    while not list(secretariat.downloads.glob("tai-khoan-*.xlsx")) and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    listed = load_workbook(next(secretariat.downloads.glob("tai-khoan-*.xlsx"))).worksheets[0]
    codes = {row[2]: (row[3], row[4]) for row in listed.iter_rows(min_row=2, values_only=True)}
    secretariat.go(f"/jobs/{JOB}/appraisal")
    secretariat.fill("#appraiser-name", "Nguyễn Văn Thẩm")
    secretariat.fill("#appraiser-assigned", f"{GROUP_A}\n{GROUP_B}")
    reloaded(secretariat, lambda: secretariat.click("#add-appraiser"))
    appraiser_login, appraiser_code = secretariat.find("#login").text, secretariat.find("#code").text

    # the units: first login with the code, points, justifications, evidence, submission
    evidence = tmp_path / "bien-ban.pdf"
    evidence.write_bytes(pdf("bien ban"))
    for person, unit in ((unit_a, UNIT_A), (unit_b, UNIT_B)):
        first_login(person, *codes[unit])
        assert person.driver.current_url.endswith(f"/jobs/{JOB}/self")
        self_assess(person, unit, evidence)
        assert "gui=1" in person.driver.current_url

    # the appraiser: both units listed; every criterion appraised, with a comment where points are taken off
    move(secretariat, "open_appraisal")
    first_login(appraiser, appraiser_login, appraiser_code)
    listed = appraiser.find("#appraisal-units").text
    assert UNIT_A in listed and UNIT_B in listed
    for unit in (UNIT_A, UNIT_B):
        appraiser.go(f"/jobs/{JOB}/appraisal/{quote(unit)}")
        assert "Không có tài liệu kiểm chứng" in appraiser.driver.find_element(By.ID, "c-3.3").text \
            if unit == UNIT_B else "Không có tài liệu kiểm chứng" not in appraiser.find("#criteria").text
        for code, own, points in zip(CODES, OWN[unit], APPRAISED[unit], strict=True):
            typed_in(appraiser, f"points-{code}", points)
            if points != own:
                typed_in(appraiser, f"comment-{code}", f"Trừ điểm tiêu chí {code}")
            reloaded(appraiser, appraiser.driver.find_element(By.ID, f"save-{code}").click)
            assert f"Đã lưu điểm thẩm định tiêu chí {code}." in appraiser.find("#said").text

    # the explanation round: each unit answers one criterion; the council's final points for it
    move(secretariat, "open_explanation")
    for person, unit in ((unit_a, UNIT_A), (unit_b, UNIT_B)):
        code, said, _ = EXPLAINED[unit]
        reloaded(person, person.driver.find_element(By.ID, "explanation-link").click)
        assert f"Trừ điểm tiêu chí {code}" in person.driver.find_element(By.ID, f"c-{code}").text
        person.driver.find_element(By.ID, f"explanation-{code}").send_keys(said)
        reloaded(person, person.driver.find_element(By.ID, f"send-{code}").click)
        assert person.driver.find_elements(By.ID, f"explanation-{code}") == []  # answered once
    for unit in (UNIT_A, UNIT_B):
        code, said, final = EXPLAINED[unit]
        secretariat.go(f"/jobs/{JOB}/appraisal/{quote(unit)}")
        assert said in secretariat.driver.find_element(By.ID, f"c-{code}").text
        typed_in(secretariat, f"final-{code}", final)
        reloaded(secretariat, secretariat.driver.find_element(By.ID, f"save-final-{code}").click)
    move(secretariat, "close_explanation")

    # the documents, and the decision's figures against this test's own computation
    secretariat.go(f"/jobs/{JOB}/documents")
    secretariat.click("#make")
    secretariat.wait_for("#zip", 180).click()
    archive = zipfile.ZipFile(io.BytesIO(secretariat.downloaded(f"{JOB}.zip", 120).read_bytes()))
    printed = decision_rows(archive)
    assert printed[UNIT_A][-4] == comma(result(UNIT_A))
    assert comma(result(UNIT_B)) in printed[UNIT_B]
    notices = [n for n in archive.namelist() if "thong-bao/" in n and n.endswith(".docx")]
    assert len(notices) == 2
    for unit in (UNIT_A, UNIT_B):
        notice = docx_text(archive, next(n for n in notices if ("noi-vu" if unit == UNIT_A else "phu-loc") in n))
        total = sum(final_points(unit).values())
        assert f"Tổng điểm thẩm định các lĩnh vực: {f'{total.normalize():f}'.replace('.', ',')}/80 điểm" in notice
        assert (f"≈ {comma(result(unit))}" if unit == UNIT_A else f"kết quả: {comma(result(unit))} điểm") in notice

    # the audit trail holds every change typed, by whom
    from pipeline.web.desk_store import desk_store

    trail = {(e.actor, e.unit, e.criterion, e.field, e.new) for e in desk_store(app.state).audit(JOB)}
    for unit in (UNIT_A, UNIT_B):
        login = codes[unit][0]
        code, said, final = EXPLAINED[unit]
        typed = [(login, unit, c, "self_points", f"{number(p)}") for c, p in zip(CODES, OWN[unit], strict=True)]
        typed += [(login, unit, c, "justification", f"Lý giải {c} của {unit}") for c in CODES]
        typed += [(appraiser_login, unit, c, "appraised_points", f"{number(p)}")
                  for c, p in zip(CODES, APPRAISED[unit], strict=True)]
        typed += [(appraiser_login, unit, c, "appraisal_comment", f"Trừ điểm tiêu chí {c}")
                  for c, own, p in zip(CODES, OWN[unit], APPRAISED[unit], strict=True) if own != p]
        typed += [(login, unit, code, "explanation", said)]
        missing = [t for t in typed if t not in trail]
        assert not missing, missing
        finals = {(e.criterion, e.new) for e in desk_store(app.state).audit(JOB, unit) if e.field == "final_points"}
        assert finals == {(c, f"{p}") for c, p in final_points(unit).items()}

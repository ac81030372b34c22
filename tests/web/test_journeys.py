"""Three everyday journeys of a clerk in a real browser, each counting the clicks it takes: a decision made from
last year's job, a 20-unit campaign sent in one upload, and the comparison with the previous period read on the
results page. Expected figures are computed here from what the test typed or from the example inputs.

A click is a press of a link or button, a choice in a list, a box ticked, or one choosing of files in a file
input; typing text in a field is not. Skipped when Chromium is missing, except in CI. Screenshots of the pages
met go to $WEB_SCREENSHOTS when it is set.
"""

from __future__ import annotations

import csv
import io
import shutil
import socket
import threading
import time
import zipfile
from decimal import ROUND_HALF_UP, Decimal

import pytest
from openpyxl import load_workbook

from tests.conftest import INPUTS
from tests.web.test_browser import browser, downloaded, shot, wait  # noqa: F401 (browser: over this module's desk)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as seen  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

LAST_YEAR, CAMPAIGN = "vi-du-2024-xep-loai-tinh", "vi-du-2025-dot-danh-gia-tinh"
CENT = Decimal("0.01")


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """The desk over last year's decision job and the 2025 campaign that names it as its previous period."""
    import uvicorn

    from pipeline.web.app import create_app

    root = tmp_path_factory.mktemp("ban-lam-viec")
    for name in (LAST_YEAR, CAMPAIGN):
        shutil.copytree(INPUTS / name, root / "inputs" / name)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(root / "inputs"), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield root, f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


class Clerk:
    """The browser as a clerk uses it, counting every click (typing is not one)."""

    def __init__(self, driver) -> None:
        self.driver, self.clicks = driver, 0

    def click(self, by: str, what: str) -> None:
        self.driver.find_element(by, what).click()
        self.clicks += 1

    def link(self, words: str) -> None:
        self.click(By.LINK_TEXT, words)

    def choose(self, field: str, value: str) -> None:
        Select(self.driver.find_element(By.ID, field)).select_by_visible_text(value)
        self.clicks += 1

    def files(self, field: str, *paths) -> None:
        """Files chosen in a file input: one click, however many files."""
        self.driver.find_element(By.ID, field).send_keys("\n".join(str(p) for p in paths))
        self.clicks += 1

    def type(self, field: str, text: str) -> None:
        element = self.driver.find_element(By.ID, field)
        element.clear()
        element.send_keys(text)


def half_up(value: Decimal) -> Decimal:
    return value.quantize(CENT, ROUND_HALF_UP)


def comma(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


def zip_downloaded(driver, name: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(downloaded(driver, name, 120).read_bytes()))


def decision_rows(archive: zipfile.ZipFile) -> dict[str, list[str]]:
    """The decision's appendix rows in the zip, by unit name (the cells as printed)."""
    from docx import Document

    name = next(n for n in archive.namelist() if n.endswith("quyet-dinh.docx"))
    document = Document(io.BytesIO(archive.read(name)))
    return {row[1]: row for table in document.tables
            for row in ([cell.text.strip() for cell in r.cells] for r in table.rows) if len(row) > 4}


def make_documents(clerk: Clerk) -> None:
    clerk.link("Văn bản")
    clerk.click(By.ID, "make")
    wait(clerk.driver, seen.presence_of_element_located((By.ID, "zip")), 180)
    clerk.click(By.ID, "zip")


# (a) typed into last year's rows: (applicable maximum, appraised points) or a reason the unit is not evaluated
TYPED = {"Sở Nội vụ": ("80", "63.06"), "Sở Tài chính": ("100", "95.5"), "Sở Tư pháp": ("90", "81.005"),
         "Sở Y tế": "Đang kiện toàn bộ máy", "Sở Giáo dục và Đào tạo": ("100", "95.5"),
         "UBND xã Trường An": ("80", "72.2"), "UBND phường Bình Minh": ("100", "69.995")}


def test_a_decision_from_last_years_job_takes_a_dozen_clicks(desk, browser):
    """From "Công việc mới" to the downloaded zip: 10 clicks (measured), at most 25."""
    root, base = desk
    clerk, started = Clerk(browser), time.monotonic()
    browser.get(base + "/")
    clerk.link("Công việc mới")
    clerk.type("name", "Xếp loại các sở 2025")
    clerk.choose("source", LAST_YEAR)
    assert "2024 → 2025" in browser.find_element(By.ID, "move-years-field").text  # the year move offered, ticked
    assert browser.find_element(By.ID, "move_years").is_selected()
    shot(browser, "hanh-trinh-a-cong-viec-moi")
    clerk.click(By.ID, "create")
    wait(browser, seen.url_contains("/edit"))
    clerk.link("Số liệu")
    clerk.click(By.CSS_SELECTOR, "#data-files a.download")
    book = load_workbook(downloaded(browser, "bang-diem.xlsx"))
    sheet = book["Bảng điểm"]
    heading = next(row for row in sheet.iter_rows(max_row=10) if row[2].value == "Đơn vị")[0].row
    units = {}
    for row in sheet.iter_rows(min_row=heading + 1):
        unit = row[2].value
        if not unit:
            continue
        typed = TYPED.get(unit, ("100", "88"))
        if isinstance(typed, str):
            row[6].value = typed
        else:
            row[3].value, row[4].value, row[5].value = 100, float(typed[0]), float(typed[1])
        units[unit] = (row[1].value, typed)
    filled = browser.downloads / "bang-diem-da-dien.xlsx"
    book.save(filled)
    clerk.files("file", filled)
    clerk.click(By.ID, "send")
    wait(browser, seen.presence_of_element_located((By.ID, "uploaded")))
    make_documents(clerk)
    archive = zip_downloaded(browser, "Xếp loại các sở 2025.zip")
    seconds = time.monotonic() - started
    shot(browser, "hanh-trinh-a-van-ban")

    # each score: appraised / applicable maximum × 100, half-up at 2 decimals; ranks within a group, equal
    # scores sharing one (đồng hạng); labels by the 2020 scheme (Rất tốt ≥ 90, Tốt ≥ 80, Khá ≥ 70, Trung bình ≥ 50)
    scores = {unit: half_up(Decimal(t[1]) / Decimal(t[0]) * 100) for unit, (_, t) in units.items()
              if not isinstance(t, str)}
    printed = decision_rows(archive)
    for unit, (group, typed) in units.items():
        row = printed[unit]
        if isinstance(typed, str):
            assert typed in row, unit
            continue
        score = scores[unit]
        rank = 1 + sum(1 for other, s in scores.items() if units[other][0] == group and s > score)
        label = next(name for name, bound in (("Rất tốt", 90), ("Tốt", 80), ("Khá", 70), ("Trung bình", 50),
                                              ("Yếu", 0)) if score >= bound)
        assert row[-4:-1] == [comma(score), label, str(rank)], (unit, row)
    assert comma(scores["Sở Nội vụ"]) == "78,83"  # 78,825 half-up, as DOMAIN.md's reference
    assert clerk.clicks <= 25, clerk.clicks
    print(f"\n(a) {clerk.clicks} clicks, {seconds:.1f} s")

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
import time
import zipfile
from decimal import ROUND_HALF_UP, Decimal

import pytest
from openpyxl import load_workbook

# imported after test_browser, which skips the module when Chromium is missing
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as seen
from selenium.webdriver.support.ui import Select

from tests.conftest import INPUTS
from tests.web import test_browser
from tests.web.test_browser import downloaded, served, shot, wait

browser = test_browser.browser  # the fixture, over this module's desk

LAST_YEAR, CAMPAIGN = "vi-du-2024-xep-loai-tinh", "vi-du-2025-dot-danh-gia-tinh"
CENT = Decimal("0.01")


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """The desk over last year's decision job and the 2025 campaign that names it as its previous period."""
    yield from served(tmp_path_factory, (LAST_YEAR, CAMPAIGN))


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
    _, base = desk
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


def _rows(sheet, heading: str) -> tuple[dict[str, int], list]:
    """A sheet's columns by heading (the row whose first cell is `heading`) and the rows below it."""
    top = next(row for row in sheet.iter_rows(max_row=20) if row[0].value == heading)
    columns = {cell.value: cell.column - 1 for cell in top if cell.value}
    return columns, list(sheet.iter_rows(min_row=top[0].row + 1))


def _unit_of(sheet) -> str:
    return next(row[1].value for row in sheet.iter_rows(max_row=10) if row[0].value == "Đơn vị:")


def campaign_scores(folder) -> dict[str, tuple[str, Decimal, dict]]:
    """The example campaign's units: group, points appraised (the criteria summed), and each criterion's
    (self, appraised) points by code."""
    found = {}
    for path in sorted((folder / "don-vi").glob("*.xlsx")):
        sheet = load_workbook(path)["Tự chấm điểm"]
        columns, rows = _rows(sheet, "Mã số")
        points = {str(r[0].value): (r[columns["Điểm tự chấm"]].value, r[columns["Điểm thẩm định"]].value)
                  for r in rows if r[0].value and "." in str(r[0].value)}
        group = next(row[1].value for row in sheet.iter_rows(max_row=10) if row[0].value == "Khối:")
        found[_unit_of(sheet)] = (group, sum(Decimal(str(p[1])) for p in points.values()), points)
    return found


def register_of(folder) -> dict[str, tuple[Decimal | None, str | None]]:
    """The example register: each unit's social survey points and reason for not being evaluated."""
    sheet = load_workbook(folder / "danh-muc-don-vi.xlsx")["Danh mục đơn vị"]
    columns, rows = _rows(sheet, "TT")
    return {r[columns["Tên đơn vị"]].value: (Decimal(str(r[columns["Điểm điều tra xã hội học"]].value))
                                            if r[columns["Điểm điều tra xã hội học"]].value is not None else None,
                                            r[columns["Lý do không đánh giá"]].value)
            for r in rows if r[columns["Tên đơn vị"]].value}


def test_a_twenty_unit_campaign_in_one_upload_takes_under_twenty_clicks(desk, browser, tmp_path):
    """20 units (18 workbooks filled, 2 units not evaluated) from "Công việc mới" to the downloaded zip: 17 clicks
    (measured), at most 20; the 21 uploads one by one took 105."""
    root, base = desk
    clerk, started = Clerk(browser), time.monotonic()
    job = "Đợt đánh giá 2026"
    browser.get(base + "/")
    clerk.link("Công việc mới")
    clerk.type("name", job)
    clerk.choose("source", CAMPAIGN)
    clerk.click(By.ID, "create")
    wait(browser, seen.url_contains("/edit"))
    clerk.link("Số liệu")
    clerk.click(By.ID, "data-zip")
    blank = zipfile.ZipFile(downloaded(browser, f"{job}-so-lieu.zip"))

    # the units' scores (the 2025 example's), the register's survey points and reasons, typed into the blanks
    example = campaign_scores(INPUTS / CAMPAIGN)
    register = register_of(INPUTS / CAMPAIGN)
    filled = tmp_path / "da-dien"
    sent = []
    for name in blank.namelist():
        book = load_workbook(io.BytesIO(blank.read(name)))
        path = filled / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if "Tự chấm điểm" in book.sheetnames:
            sheet = book["Tự chấm điểm"]
            unit = _unit_of(sheet)
            if unit not in example:
                continue  # no workbook from this unit: it is not evaluated
            columns, rows = _rows(sheet, "Mã số")
            for row in rows:
                if row[0].value and str(row[0].value) in example[unit][2]:
                    own, appraised = example[unit][2][str(row[0].value)]
                    row[columns["Điểm tự chấm"]].value, row[columns["Điểm thẩm định"]].value = own, appraised
        else:
            sheet = book["Danh mục đơn vị"]
            columns, rows = _rows(sheet, "TT")
            for row in rows:
                survey, reason = register.get(row[columns["Tên đơn vị"]].value, (None, None))
                row[columns["Điểm điều tra xã hội học"]].value = float(survey) if survey is not None else None
                row[columns["Lý do không đánh giá"]].value = reason
        book.save(path)
        sent.append(path)
    assert len(sent) == 19  # 18 workbooks and the register
    mistaken = next(p for p in sent if p.name.startswith("02-"))  # Sở Tư pháp: 12 points of 10 for criterion 2.3
    book = load_workbook(mistaken)
    columns, rows = _rows(book["Tự chấm điểm"], "Mã số")
    kept = next(r for r in rows if r[0].value == "2.3")[columns["Điểm thẩm định"]]
    right, kept.value = kept.value, 12
    book.save(mistaken)

    clerk.files("file", *sent)  # every file in one choosing
    clerk.click(By.ID, "send")
    said = wait(browser, seen.presence_of_element_located((By.ID, "uploaded"))).text
    assert said == "Đã nhận 19/19 tệp."
    assert browser.find_element(By.ID, "faulty").text.endswith(": 02-so-tu-phap.xlsx. Lỗi ghi ở dòng của từng tệp "
                                                               "dưới đây.")  # said at the top, not row 2 of 19
    outcomes = browser.find_element(By.ID, "outcomes").text
    assert (f'Tệp 02-so-tu-phap.xlsx, trang "Tự chấm điểm", dòng {kept.row}, cột "Điểm thẩm định": điểm 12 lớn hơn '
            "điểm tối đa 10.") in outcomes
    shot(browser, "hanh-trinh-b-so-lieu")
    while browser.find_elements(By.CSS_SELECTOR, "#set-aside button"):  # the blank workbooks of the units not evaluated
        clerk.click(By.CSS_SELECTOR, "#set-aside button")
        wait(browser, seen.presence_of_element_located((By.ID, "data-files")))
    book = load_workbook(mistaken)
    columns, rows = _rows(book["Tự chấm điểm"], "Mã số")
    next(r for r in rows if r[0].value == "2.3")[columns["Điểm thẩm định"]].value = right
    book.save(mistaken)
    clerk.files("file", mistaken)
    clerk.click(By.ID, "send")
    wait(browser, seen.presence_of_element_located((By.ID, "uploaded")))

    clerk.link("Thiết lập")
    clerk.click(By.ID, "appraisal-done")
    clerk.click(By.ID, "save")
    wait(browser, seen.presence_of_element_located((By.ID, "saved")))
    make_documents(clerk)
    archive = zip_downloaded(browser, f"{job}.zip")
    seconds = time.monotonic() - started
    shot(browser, "hanh-trinh-b-van-ban")

    # sở: points appraised / 80 × 100; xã, phường: points appraised + survey points; half-up at 2 decimals
    printed = decision_rows(archive)
    for unit, (group, points, _) in example.items():
        survey = register[unit][0]
        score = half_up(points / 80 * 100 if survey is None else points + survey)
        assert printed[unit][-4] == comma(score) if group == "Sở, ban, ngành" else comma(score) in printed[unit], unit
    for unit in ("Sở Y tế", "UBND xã Mỹ Lợi"):
        assert register[unit][1] in printed[unit]
    reports = [n for n in archive.namelist() if "bao-cao/" in n and n.endswith(".docx")]
    assert len(reports) == 18
    assert len(list((root / "inputs" / job / ".lich-su").rglob("*.xlsx"))) >= 2  # the two blanks kept, restorable
    assert clerk.clicks <= 20, clerk.clicks
    print(f"\n(b) {clerk.clicks} clicks, {seconds:.1f} s")


def _last_year() -> dict[str, tuple[str, Decimal | None]]:
    """2024 by unit: (group, score at 2 decimals, or None when not evaluated); scores are of 100 there."""
    with (INPUTS / LAST_YEAR / "diem-tham-dinh-2024.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream, delimiter=";"))
    return {row["Đơn vị"]: (row["Khối"], half_up(Decimal(row["Tổng điểm thẩm định"].replace(",", ".")))
                            if row["Tổng điểm thẩm định"] else None) for row in rows}


def _rank(scores: dict[str, tuple[str, Decimal | None]], unit: str) -> int:
    group, score = scores[unit]
    return 1 + sum(1 for g, s in scores.values() if g == group and s is not None and s > score)  # đồng hạng


def test_the_change_since_last_year_is_read_on_the_results_page_in_three_clicks(desk, browser):
    """The 2025 campaign against the 2024 job, sorted by the change of points: 3 clicks from the jobs list."""
    _, base = desk
    clerk = Clerk(browser)
    browser.get(base + "/")
    clerk.link(CAMPAIGN)
    clerk.link("Kết quả")
    clerk.link("Điểm tăng (+), giảm (−)")
    shot(browser, "hanh-trinh-c-ket-qua")
    shown = {}
    for section in browser.find_elements(By.CSS_SELECTOR, "section.group"):
        table = section.find_element(By.CSS_SELECTOR, "table.ranked")
        headings = [h.text for h in table.find_elements(By.CSS_SELECTOR, "thead th")]
        rows = [[cell.text.split("\n")[0] for cell in row.find_elements(By.TAG_NAME, "td")]
                for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
        shown[section.find_element(By.TAG_NAME, "h3").text] = [dict(zip(headings, row, strict=True)) for row in rows]
    sở = {row["Đơn vị"]: row for row in shown["Sở, ban, ngành"]}

    # this year: points appraised / 80 × 100 (sở), appraised + survey points (xã, phường), ranked in the group
    register = register_of(INPUTS / CAMPAIGN)
    now = {unit: (group, half_up(points / 80 * 100 if register[unit][0] is None else points + register[unit][0]))
           for unit, (group, points, _) in campaign_scores(INPUTS / CAMPAIGN).items()}
    then = _last_year()
    for unit in ("Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Giáo dục và Đào tạo", "Sở Công Thương"):
        old = "Sở Công thương" if unit == "Sở Công Thương" else unit  # names differing only in case are the same unit
        change = now[unit][1] - then[old][1]
        moved = _rank(then, old) - _rank(now, unit)
        expected = [comma(then[old][1]), str(_rank(then, old)),
                    ("+" if change > 0 else "−" if change < 0 else "") + comma(abs(change)),
                    "=" if not moved else f"↑{moved}" if moved > 0 else f"↓{-moved}"]
        row = sở[unit]
        assert [row["Kết quả kỳ trước"], row["Hạng kỳ trước"], row["Điểm tăng (+), giảm (−)"],
                row["Hạng so với kỳ trước"]] == expected, unit
        assert row["Hạng"] == str(_rank(now, unit)) and row["Kết quả đánh giá"] == comma(now[unit][1]), unit
    assert sở["Sở Xây dựng"]["Hạng so với kỳ trước"] == "sáp nhập"  # from Sở Xây dựng and Sở Giao thông vận tải
    changes = [Decimal(r["Điểm tăng (+), giảm (−)"].replace(",", ".").replace("−", "-"))
               for r in shown["Sở, ban, ngành"] if r["Điểm tăng (+), giảm (−)"]]
    assert changes == sorted(changes, reverse=True) and len(changes) >= 5  # the largest rise first
    assert clerk.clicks == 3

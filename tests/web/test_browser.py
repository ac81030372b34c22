"""End to end in a real browser (Chromium driven by Selenium): a job made, filled, checked, fixed, run, read.

Skipped when Chromium or its driver is missing, except in CI (which installs them). Screenshots of every page
go to $WEB_SCREENSHOTS when it is set (docs/images/ holds the results page's).
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.read.job_folder import read_settings
from tests.conftest import INPUTS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
DRIVER = shutil.which("chromedriver")
if not (CHROMIUM and DRIVER) and not os.environ.get("CI"):
    pytest.skip("Chromium and chromium-driver are not installed", allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as seen  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

JOB = "xep-loai-thu"
GROUP = "Các phòng chuyên môn"


def served(tmp_path_factory, jobs: tuple[str, ...]):
    """The app over a jobs folder holding copies of the example `jobs`, served by uvicorn on a free local port:
    yields the folder above the jobs folder and the desk's address."""
    import uvicorn

    from pipeline.web.app import create_app

    root = tmp_path_factory.mktemp("ban-lam-viec")
    for name in jobs:
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


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """The desk over two example jobs and the 2025 campaign."""
    yield from served(tmp_path_factory, ("huong-tra-2020-xep-loai", "vi-du-2024-xep-loai-tinh",
                                         "vi-du-2025-dot-danh-gia-tinh"))


@pytest.fixture(scope="module")
def browser(desk, tmp_path_factory):
    downloads = tmp_path_factory.mktemp("tai-ve")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                     "--lang=vi"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(DRIVER or "/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    yield driver
    driver.quit()


def shot(driver, name: str) -> None:
    folder = os.environ.get("WEB_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / f"{name}.png"))


def downloaded(driver, name: str, limit: float = 30) -> Path:
    path = driver.downloads / name
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if path.is_file() and not (driver.downloads / f"{name}.crdownload").exists():
            return path
        time.sleep(0.1)
    raise AssertionError(f"{name} was not downloaded")


def wait(driver, condition, limit: float = 60):
    return WebDriverWait(driver, limit).until(condition)


def fill(driver, field: str, value: str) -> None:
    element = driver.find_element(By.ID, field)
    element.clear()
    element.send_keys(value)


def upload(driver, base: str, path: Path) -> None:
    driver.get(f"{base}/jobs/{JOB}/data")
    driver.find_element(By.ID, "file").send_keys(str(path))
    driver.find_element(By.ID, "send").click()
    wait(driver, seen.presence_of_element_located((By.ID, "uploaded")))


def test_a_job_made_in_the_browser_from_form_to_decision(desk, browser, monkeypatch):
    root, base = desk
    driver = browser
    driver.get(base + "/")
    shot(driver, "1-cong-viec")

    # a new job, through the form
    driver.get(base + "/new")
    fill(driver, "name", JOB)
    Select(driver.find_element(By.ID, "kind")).select_by_value("quyet-dinh-xep-loai")
    shot(driver, "2-cong-viec-moi")
    driver.find_element(By.ID, "create").click()
    wait(driver, seen.url_contains(f"/jobs/{JOB}/edit"))
    fill(driver, "groups-1-name", GROUP)
    fill(driver, "groups-1-title", "KẾT QUẢ ĐÁNH GIÁ CHẤT LƯỢNG HOẠT ĐỘNG NĂM 2026")
    fill(driver, "document-issuing_body", "ỦY BAN NHÂN DÂN\nXÃ THỬ NGHIỆM")
    fill(driver, "document-place", "Thử Nghiệm")
    fill(driver, "document-date", "06/07/2026")
    fill(driver, "document-title", "Về việc công bố kết quả đánh giá, xếp loại chất lượng hoạt động năm 2026")
    fill(driver, "document-signature-position", "PHÓ CHỦ TỊCH")
    fill(driver, "document-signature-name", "Nguyễn Văn An")
    authority = "document-signature-authority"
    Select(driver.find_element(By.NAME, f"{authority}--1-a")).select_by_value("")  # a mistake: no TM., KT., …
    row_text = driver.find_element(By.NAME, f"{authority}--1-b")
    row_text.clear()
    row_text.send_keys("CHỦ TỊCH")
    driver.find_element(By.ID, "save").click()
    wait(driver, seen.presence_of_element_located((By.ID, "not-saved")))
    said = driver.find_element(By.CSS_SELECTOR, ".has-error .field-error").text
    assert "TM. (thay mặt), KT. (ký thay), Q. (quyền), TL. (thừa lệnh), TUQ. (thừa ủy quyền)" in said
    assert driver.switch_to.active_element.get_attribute("name") == f"{authority}--1-a"  # the first wrong field
    shot(driver, "3-thiet-lap-co-loi")
    rows = driver.find_element(By.ID, authority)
    rows.find_element(By.CSS_SELECTOR, ".add-row").click()  # a row more than the form came with
    assert len(rows.find_elements(By.CSS_SELECTOR, ".row")) == 4
    Select(driver.find_element(By.NAME, f"{authority}--1-a")).select_by_value("TM.")
    row_text = driver.find_element(By.NAME, f"{authority}--1-b")
    row_text.clear()
    row_text.send_keys("ỦY BAN NHÂN DÂN")
    Select(driver.find_element(By.NAME, f"{authority}--4-a")).select_by_value("KT.")
    driver.find_element(By.NAME, f"{authority}--4-b").send_keys("CHỦ TỊCH")
    driver.find_element(By.ID, "save").click()
    wait(driver, seen.presence_of_element_located((By.ID, "saved")))
    saved = read_settings(root / "inputs" / JOB).document
    assert saved.signature.authority == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")
    assert saved.date.isoformat() == "2026-07-06"
    shot(driver, "3-thiet-lap")

    # the workbook to fill, downloaded, filled with a mistake, uploaded
    driver.get(f"{base}/jobs/{JOB}/data")
    driver.find_element(By.CSS_SELECTOR, "#data-files a.download").click()
    workbook = downloaded(driver, "bang-diem.xlsx")
    book = load_workbook(workbook)
    sheet = book["Bảng điểm"]
    rows = [(1, GROUP, "Phòng Nội vụ", 100, 100, 95.5), (2, GROUP, "Phòng Tư pháp", 100, 100, 120),
            (3, GROUP, "Phòng Y tế", 100, 100, 72.25)]
    for offset, row in enumerate(rows):
        for column, value in enumerate(row, 1):
            sheet.cell(5 + offset, column).value = value
    filled = driver.downloads / "bang-diem-da-dien.xlsx"
    book.save(filled)
    upload(driver, base, filled)
    shot(driver, "4-so-lieu")

    # the check shows the mistake where it is
    driver.get(f"{base}/jobs/{JOB}/check")
    table = [[c.text for c in row.find_elements(By.TAG_NAME, "td")]
             for row in driver.find_elements(By.CSS_SELECTOR, "#problems tbody tr")]
    assert table and all(row[1:6] == ["bang-diem.xlsx", "Bảng điểm", "6", "Tổng điểm thẩm định", "120"]
                         for row in table)  # above its maximum (100), and above the scale (100)
    shot(driver, "5-kiem-tra")

    # fixed, uploaded again: no problem left
    sheet.cell(6, 6).value = 80.75
    book.save(filled)
    upload(driver, base, filled)
    assert f"{GROUP}: 3 đơn vị (3 được đánh giá)" in driver.find_element(By.ID, "read").text
    driver.get(f"{base}/jobs/{JOB}/check")
    assert driver.find_elements(By.ID, "check-ok")
    driver.get(f"{base}/jobs/{JOB}/results")
    shot(driver, "6-ket-qua")

    # the documents made, with the progress bar, then the decision downloaded
    import pipeline.flow as flow

    release, real = threading.Event(), flow.run_job
    monkeypatch.setattr(flow, "run_job", lambda *a, **k: release.wait(60) and real(*a, **k))  # held to be seen
    driver.get(f"{base}/jobs/{JOB}/documents")
    driver.find_element(By.ID, "make").click()
    wait(driver, seen.presence_of_element_located((By.ID, "bar")))
    assert driver.find_element(By.ID, "run").get_attribute("data-state") == "running"
    assert "Đang lập văn bản" in driver.find_element(By.ID, "run-status").text
    shot(driver, "7-van-ban-dang-lap")
    release.set()  # the page's script polls the progress and shows the files once the run is done
    wait(driver, seen.presence_of_element_located((By.CSS_SELECTOR, "#outputs a[href*='quyet-dinh.docx']")), 120)
    assert not [entry for entry in driver.get_log("browser")
                if entry["source"] in ("javascript", "security") or "Content Security Policy" in entry["message"]]
    assert "Đã lập xong" in driver.find_element(By.ID, "run-status").text
    if driver.find_elements(By.CSS_SELECTOR, "figure.preview img"):
        wait(driver, lambda d: d.execute_script(
            "var i = document.querySelector('figure.preview img'); return i.complete && i.naturalWidth > 0;"), 120)
    shot(driver, "7-van-ban")
    driver.find_element(By.CSS_SELECTOR, "#outputs a[href*='quyet-dinh.docx']").click()
    decision = downloaded(driver, "quyet-dinh.docx")

    # the decision's appendix: each score is appraised / maximum × 100 at 2 decimals, with a decimal comma;
    # labels by the 2020 scheme's bounds (Rất tốt ≥ 90, Tốt ≥ 80, Khá ≥ 70)
    from docx import Document

    tables = Document(io.BytesIO(decision.read_bytes())).tables
    table_rows = [[cell.text.strip() for cell in row.cells] for table in tables for row in table.rows]
    found = {row[1]: row for row in table_rows if len(row) > 2 and row[1].startswith("Phòng")}
    assert "95,50" in found["Phòng Nội vụ"] and "Rất tốt" in found["Phòng Nội vụ"]
    assert "80,75" in found["Phòng Tư pháp"] and "Tốt" in found["Phòng Tư pháp"]
    assert "72,25" in found["Phòng Y tế"] and "Khá" in found["Phòng Y tế"]
    assert (root / "outputs" / JOB / "quyet-dinh.docx").read_bytes() == decision.read_bytes()

    # a template with a mistake: check-template's findings, and the annotated copy
    from docx import Document as Word

    from pipeline.documents.rendering.render import TEMPLATE_DIR

    template = Word(str(TEMPLATE_DIR / "quyet-dinh-xep-loai.docx"))
    template.add_paragraph("Ghi chú: {{ ghi_chu_them }}")
    own = driver.downloads / "mau-rieng.docx"
    template.save(own)
    driver.get(f"{base}/jobs/{JOB}/templates")
    driver.find_element(By.ID, "template-file").send_keys(str(own))
    driver.find_element(By.ID, "template-send").click()
    wait(driver, seen.presence_of_element_located((By.ID, "findings")))
    assert "ghi_chu_them" in driver.find_element(By.ID, "findings").text
    shot(driver, "8-mau-van-ban")
    driver.find_element(By.ID, "annotated").click()
    import zipfile

    comments = zipfile.ZipFile(downloaded(driver, "mau-rieng.gop-y.docx")).read("word/comments.xml").decode("utf-8")
    assert "ghi_chu_them" in comments


def test_the_example_pages_look_as_they_should(desk, browser):
    """The example jobs' results, for the screenshots in docs/images/, and the jobs list once they are checked."""
    _, base = desk
    browser.get(f"{base}/jobs/huong-tra-2020-xep-loai/results")
    assert "Văn phòng HĐND&UBND" in browser.find_element(By.TAG_NAME, "main").text
    shot(browser, "9-ket-qua-huong-tra-2020")
    browser.get(f"{base}/jobs/vi-du-2025-dot-danh-gia-tinh/results")
    assert browser.find_elements(By.ID, "comparison")
    shot(browser, "10-ket-qua-dot-danh-gia")
    browser.get(f"{base}/jobs/huong-tra-2020-xep-loai/edit")
    shot(browser, "11-thiet-lap-huong-tra")


CAMPAIGN = "vi-du-2025-dot-danh-gia-tinh"


def test_a_campaigns_workbooks_arrive_in_one_sending_from_a_chosen_folder_or_dropped(desk, browser, tmp_path):
    root, base = desk
    driver = browser
    units = root / "inputs" / CAMPAIGN / "don-vi"
    chosen = tmp_path / "bang-da-dien" / "don-vi"
    chosen.mkdir(parents=True)
    names = ["01-so-noi-vu.xlsx", "02-so-tu-phap.xlsx", "09-phuong-hoa-an.xlsx"]
    for name in names:
        shutil.copy(units / name, chosen / name)
    driver.get(f"{base}/jobs/{CAMPAIGN}/data")
    driver.find_element(By.ID, "folder").send_keys(str(chosen.parent))
    driver.find_element(By.ID, "send").click()
    said = wait(driver, seen.presence_of_element_located((By.ID, "uploaded"))).text
    assert said == "Đã nhận 3/3 tệp."
    kept = sorted(p.parent.name for p in (root / "inputs" / CAMPAIGN / ".lich-su").glob("*/*.xlsx"))
    assert len(kept) == 3
    shot(driver, "so-lieu-nhieu-tep")

    # two workbooks dropped on the upload box (made in the page from the job's own files, as a drag would give them)
    driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        var names = ["03-so-tai-chinh.xlsx", "04-so-cong-thuong.xlsx"];
        Promise.all(names.map(function (name) {
          return fetch("data/file?path=don-vi/" + name).then(function (r) { return r.blob(); })
            .then(function (blob) { return new File([blob], name); });
        })).then(function (files) {
          var transfer = new DataTransfer();
          files.forEach(function (file) { transfer.items.add(file); });
          document.getElementById("drop").dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true}));
          done();
        });""")
    said = wait(driver, seen.text_to_be_present_in_element((By.ID, "uploaded"), "Đã nhận 2/2 tệp.")) and \
        driver.find_element(By.ID, "uploaded").text
    assert said == "Đã nhận 2/2 tệp."
    rows = driver.find_element(By.ID, "outcomes").text
    assert "Đã nhận tệp don-vi/03-so-tai-chinh.xlsx." in rows and "Đã nhận tệp don-vi/04-so-cong-thuong.xlsx." in rows

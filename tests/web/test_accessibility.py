"""Everyone can use the desk: axe-core finds nothing critical or serious on any page, the keyboard reaches
everything, progress is announced, and at 375 px no page scrolls sideways.

axe-core comes from npm (`npm ci` in tests/web/axe/, as .ci/run does). Skipped when it or Chromium is
missing, except in CI. Screenshots of every page at 1280 and 375 px go to $WEB_SCREENSHOTS when it is set.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import INPUTS

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
if not AXE.is_file() and not os.environ.get("CI"):
    pytest.skip("axe-core is not installed (npm ci in tests/web/axe)", allow_module_level=True)

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as seen  # noqa: E402

from tests.web import test_browser  # noqa: E402
from tests.web.test_browser import wait  # noqa: E402

browser = test_browser.browser  # the fixture, over this module's desk

PASSWORD = "mat-khau-dai-du"
RANKED = "huong-tra-2020-xep-loai"
CAMPAIGN = "vi-du-2025-dot-danh-gia-tinh"
REPORT = "huong-tra-2021-tu-cham"  # a self-assessment report: its check lists what to look at again
BROKEN = "huong-tra-2020-co-loi"  # the ranking job with a score that is not a number
TABS = ("edit", "data", "check", "results", "documents", "templates")
WIDE, NARROW = (1280, 1000), (375, 812)
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@contextmanager
def served(app):
    """`app` served by uvicorn on a free local port, in a thread of this process; yields its address."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """The desk in LAN mode (a password set) over a ranking job, the 2025 campaign and its previous period."""
    from pipeline.web.app import create_app
    from pipeline.web.security import password_file, save_password

    root = tmp_path_factory.mktemp("ban-lam-viec")
    for name in (RANKED, "vi-du-2024-xep-loai-tinh", CAMPAIGN, REPORT):
        shutil.copytree(INPUTS / name, root / "inputs" / name)
    shutil.copytree(INPUTS / RANKED, root / "inputs" / BROKEN)
    book = load_workbook(root / "inputs" / BROKEN / "diem-tham-dinh-2020.xlsx")
    book.worksheets[0]["E6"] = "72.2.1"
    book.save(root / "inputs" / BROKEN / "diem-tham-dinh-2020.xlsx")
    save_password(password_file(root / "inputs"), PASSWORD)
    with served(create_app(root / "inputs", password_path=password_file(root / "inputs"))) as base:
        yield root, base


def axe_findings(driver) -> list[dict]:
    """axe-core's violations on the page now shown, for the WCAG 2.0 and 2.1 A and AA rules and its best practices."""
    if not driver.execute_script("return !!window.axe"):
        driver.execute_script(AXE.read_text(encoding="utf-8"))
    driver.set_script_timeout(60)
    return driver.execute_async_script(
        "var done = arguments[arguments.length - 1], rules = arguments[0];"
        "requestAnimationFrame(function () { requestAnimationFrame(function () {"  # once the page has seen a resize
        "axe.run(document, {runOnly: {type: 'tag', values: rules}, resultTypes: ['violations']})"
        ".then(function (r) { done(r.violations.map(function (v) { return {id: v.id, impact: v.impact,"
        " help: v.help, targets: v.nodes.map(function (n) { return n.target.join(' '); })}; })); })"
        ".catch(function (e) { done([{id: 'axe-failed', impact: 'critical', help: String(e), targets: []}]); });"
        "}); });",
        RULES)


def sideways_overflow(driver) -> list[str]:
    """What sticks out of the window's width (the page scrolling sideways), as tag#id.class (left, right), the
    outermost elements only."""
    return driver.execute_script(
        "var w = document.documentElement.clientWidth, out = [];"
        "if (document.documentElement.scrollWidth <= w) return out;"
        "function out_of(e) { var r = e.getBoundingClientRect(); return r.width && (r.right > w + 1 || r.left < -1); }"
        "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
        " if (out_of(e) && !out_of(e.parentElement)) out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
        " + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '')"
        " + ' (' + Math.round(r.left) + ', ' + Math.round(r.right) + ')'); });"
        "return out.length ? out : ['html (' + document.documentElement.scrollWidth + ' > ' + w + ')'];")


def overlapping_tables(driver) -> list[str]:
    """Pairs of tables drawn over each other (the label counts over the ranking, say), by their ids or classes."""
    return driver.execute_script(
        "var t = Array.prototype.slice.call(document.querySelectorAll('table')), out = [];"
        "function name(e) { return e.id || e.className; }"
        "t.forEach(function (a, i) { t.slice(i + 1).forEach(function (b) {"
        " var p = a.getBoundingClientRect(), q = b.getBoundingClientRect();"
        " if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1)"
        "  out.push(name(a) + ' / ' + name(b)); }); });"
        "return out;")


def page_shot(driver, name: str) -> None:
    """The whole page (up to 4,000 px high) as a PNG in $WEB_SCREENSHOTS, when it is set."""
    folder = os.environ.get("WEB_SCREENSHOTS")
    if not folder:
        return
    import base64

    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    width = driver.execute_script("return document.documentElement.clientWidth")
    picture = driver.execute_cdp_cmd("Page.captureScreenshot", {"captureBeyondViewport": True, "clip": {
        "x": 0, "y": 0, "width": width, "height": min(size["height"], 4000), "scale": 1}})
    Path(folder).mkdir(parents=True, exist_ok=True)
    (Path(folder) / f"{name}.png").write_bytes(base64.b64decode(picture["data"]))


def look(driver, url: str, name: str, seen_pages: dict) -> None:
    driver.set_window_size(*WIDE)
    driver.get(url)
    inspected(driver, name, seen_pages)


def inspected(driver, name: str, seen_pages: dict) -> None:
    """What axe-core finds (critical, serious) at 1280 and 375 px, what sticks out or overlaps at 375 px."""
    found = {"url": driver.current_url, "title": driver.title, "axe": [], "overflow": []}
    for width, height in (WIDE, NARROW):
        driver.set_window_size(width, height)
        page_shot(driver, f"{name}-{width}")
        found["axe"] += [dict(f, id=f"{f['id']} at {width} px") for f in axe_findings(driver)
                         if f["impact"] in ("critical", "serious")]
    found["overflow"] = sideways_overflow(driver) + overlapping_tables(driver)
    seen_pages[name] = found
    driver.set_window_size(*WIDE)


def said(seen_pages: dict, key: str) -> str:
    lines = []
    for name, found in seen_pages.items():
        for item in found[key]:
            lines.append(f"{name}: " + (f"{item['id']} ({item['impact']}) {item['targets']} — {item['help']}"
                                        if isinstance(item, dict) else item))
    return "\n".join(lines)


def log_in(driver, base: str) -> None:
    driver.get(base + "/login")
    driver.find_element(By.ID, "password").send_keys(PASSWORD + Keys.ENTER)
    wait(driver, seen.presence_of_element_located((By.ID, "jobs")))


def made(driver, base: str, job: str) -> None:
    """The job's documents made from its page (no PDF), the page reloaded with the files once done."""
    driver.get(f"{base}/jobs/{job}/documents")
    driver.find_element(By.ID, "make").click()
    if driver.find_elements(By.ID, "replace"):  # documents made before: replaced once asked
        driver.find_element(By.ID, "replace").click()
    wait(driver, seen.presence_of_element_located((By.CSS_SELECTOR, "#outputs a")), 120)


def template_with_a_mistake(root: Path) -> Path:
    from docx import Document

    from pipeline.documents.rendering.render import TEMPLATE_DIR

    template = Document(str(TEMPLATE_DIR / "quyet-dinh-xep-loai.docx"))
    template.add_paragraph("Ghi chú: {{ ghi_chu_them }}")
    path = root / "mau-rieng.docx"
    template.save(path)
    return path


def test_every_page_of_the_desk_has_no_serious_accessibility_finding_nor_sideways_scroll(desk, browser):
    root, base = desk
    driver = browser
    pages: dict = {}
    look(driver, base + "/login", "dang-nhap", pages)
    log_in(driver, base)
    look(driver, base + "/", "cong-viec", pages)
    look(driver, base + "/new", "cong-viec-moi", pages)
    for job, short in ((RANKED, "xep-loai"), (CAMPAIGN, "dot-danh-gia")):
        for tab in TABS:
            look(driver, f"{base}/jobs/{job}/{tab}", f"{short}-{tab}", pages)
        made(driver, base, job)
        if driver.find_elements(By.CSS_SELECTOR, "figure.preview img"):
            wait(driver, lambda d: d.execute_script(
                "var i = document.querySelector('figure.preview img'); return i.complete && i.naturalWidth > 0;"), 120)
        inspected(driver, f"{short}-documents-da-lap", pages)
    for tab in TABS:
        look(driver, f"{base}/jobs/{REPORT}/{tab}", f"tu-cham-{tab}", pages)
    look(driver, f"{base}/jobs/{BROKEN}/check", "co-loi-check", pages)
    driver.get(f"{base}/jobs/{BROKEN}/templates")  # a template with a mistake: its findings, listed
    driver.find_element(By.ID, "template-file").send_keys(str(template_with_a_mistake(root)))
    driver.find_element(By.ID, "template-send").click()
    wait(driver, seen.presence_of_element_located((By.ID, "findings")))
    inspected(driver, "co-loi-mau-van-ban", pages)
    look(driver, f"{base}/jobs/khong-co-cong-viec-nay/check", "loi-khong-co", pages)

    assert not said(pages, "axe") and not said(pages, "overflow"), \
        "axe-core: critical or serious findings\n" + said(pages, "axe") \
        + "\nat 375 px these stick out sideways\n" + said(pages, "overflow")
    titles = {found["url"]: found["title"] for found in pages.values()}
    assert len(set(titles.values())) == len(titles), titles  # every page's title says which page it is


FOCUSABLE = ("a[href], summary, button:not([disabled]), input:not([type=hidden]):not([disabled]), "
             "select:not([disabled]), textarea:not([disabled]), [tabindex='0']")


def press(driver, *keys) -> None:
    """Keys typed into whatever has the focus, as a keyboard would."""
    ActionChains(driver).send_keys(*keys).perform()


def focused(driver) -> dict:
    """The focused element: its tag, id, text, its place among the page's focusable elements, how its focus shows."""
    return driver.execute_script(
        "var e = document.activeElement, s = getComputedStyle(e);"
        "return {tag: e.tagName.toLowerCase(), id: e.id, text: (e.innerText || e.value || '').trim().slice(0, 40),"
        " order: e.dataset.order === undefined ? null : +e.dataset.order, classes: e.className,"
        " outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2};")


def tab_to(driver, css: str, limit: int = 80) -> None:
    for _ in range(limit):
        press(driver, Keys.TAB)
        if driver.execute_script("return document.activeElement.matches(arguments[0])", css):
            return
    raise AssertionError(f"Tab never reached {css}")


def tab_walk(driver) -> tuple[list[int], int, list[str]]:
    """Tab from the top of the page until the focus leaves it: the places visited in order, how many the page
    has, and the elements whose focus does not show."""
    count = driver.execute_script(
        "var n = 0; document.querySelectorAll(arguments[0]).forEach(function (e) {"
        " if (e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden') e.dataset.order = n++; });"
        "document.activeElement.blur(); return n;", FOCUSABLE)
    visited, unseen = [], []
    for _ in range(4 * count + 5):  # a date takes a Tab for its day, month and year
        press(driver, Keys.TAB)
        now = focused(driver)
        if now["order"] is None or (len(visited) > 1 and now["order"] == visited[0]):  # out of the page, or round
            break
        if visited and visited[-1] == now["order"]:
            continue
        visited.append(now["order"])
        if not now["outline"]:
            unseen.append(f"{now['tag']}#{now['id']} {now['text']}")
    return visited, count, unseen


def logged_in(driver, base: str) -> None:
    driver.get(base + "/")
    if "/login" in driver.current_url:
        log_in(driver, base)


def test_every_control_is_reached_by_tab_in_page_order_with_its_focus_seen(desk, browser):
    _, base = desk
    driver = browser
    logged_in(driver, base)
    for path in ("/", "/new", f"/jobs/{RANKED}/edit", f"/jobs/{RANKED}/data", f"/jobs/{BROKEN}/check",
                 f"/jobs/{RANKED}/results", f"/jobs/{CAMPAIGN}/documents", f"/jobs/{RANKED}/templates"):
        for width, height in (WIDE, NARROW):
            driver.set_window_size(width, height)
            driver.get(base + path)
            visited, count, unseen = tab_walk(driver)
            assert visited == list(range(count)), f"{path} at {width} px: Tab went {visited}, the page has {count}"
            assert not unseen, f"{path} at {width} px: focus not seen on {unseen}"
    driver.set_window_size(*WIDE)


def test_a_run_is_made_by_keyboard_alone_and_its_progress_and_outcome_are_announced(desk, browser, monkeypatch):
    import pipeline.flow as flow

    _, base = desk
    driver = browser
    logged_in(driver, base)
    press(driver, Keys.TAB)
    skip = focused(driver)
    assert skip["classes"] == "skip" and driver.execute_script(
        "var r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.width > 100;")  # seen
    press(driver, Keys.ENTER)
    assert focused(driver)["id"] == "main"
    press(driver, Keys.TAB)
    assert driver.execute_script("return document.activeElement === document.querySelector('main a')")  # past the menus
    tab_to(driver, f"a[href='/jobs/{RANKED}/check']")
    press(driver, Keys.ENTER)
    wait(driver, seen.url_contains(f"/jobs/{RANKED}/check"))
    tab_to(driver, "a[href$='/documents']")
    press(driver, Keys.ENTER)
    wait(driver, seen.url_contains(f"/jobs/{RANKED}/documents"))
    release, real = threading.Event(), flow.run_job
    monkeypatch.setattr(flow, "run_job", lambda *a, **k: release.wait(60) and real(*a, **k))  # held to be heard
    tab_to(driver, "#make")
    press(driver, Keys.ENTER)
    running = "return (document.getElementById('run') || {dataset: {}}).dataset.state === 'running'"
    wait(driver, lambda d: d.find_elements(By.ID, "replace") or d.execute_script(running))  # the next page
    if driver.find_elements(By.ID, "replace"):  # documents made before: the question, answered by keyboard too
        tab_to(driver, "#replace")
        press(driver, Keys.ENTER)
        wait(driver, lambda d: d.execute_script(running))
    wait(driver, seen.presence_of_element_located((By.ID, "bar")))
    tree = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    roles = {node.get("role", {}).get("value"): node for node in tree}
    assert roles["progressbar"]["name"]["value"] == "Tiến độ"
    live = {p["name"]: p["value"].get("value") for p in roles["status"].get("properties", [])}
    assert live.get("live") == "polite"
    assert "Đang lập văn bản" in driver.find_element(By.ID, "run-status").text
    release.set()
    wait(driver, seen.presence_of_element_located((By.CSS_SELECTOR, "#outputs a")), 120)
    wait(driver, lambda d: focused(d)["id"] == "run-status")  # the outcome, focused, is read out
    assert "Đã lập xong" in focused(driver)["text"]
    press(driver, Keys.TAB)
    assert focused(driver)["id"] == "zip"
    press(driver, Keys.ENTER)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not list(driver.downloads.glob("*.zip")):
        time.sleep(0.1)
    assert list(driver.downloads.glob("*.zip"))


def test_a_table_scrolling_in_its_own_box_at_375_px_is_still_read_as_a_table(desk, browser):
    _, base = desk
    driver = browser
    logged_in(driver, base)
    driver.set_window_size(*NARROW)
    driver.get(f"{base}/jobs/{BROKEN}/check")
    try:
        assert driver.execute_script(
            "var t = document.getElementById('problems'); return t.scrollWidth > t.clientWidth"
            " && document.documentElement.scrollWidth <= document.documentElement.clientWidth;")
        tree = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
        roles = [node.get("role", {}).get("value") for node in tree]
        assert "table" in roles and roles.count("columnheader") == 7 and "cell" in roles
    finally:
        driver.set_window_size(*WIDE)

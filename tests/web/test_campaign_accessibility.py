"""Everyone can use the online campaign: every page as each role sees it (the secretariat's campaign and appraisal
pages, the first login, a unit's self-assessment in each of its states, the submit page, the refusals, the
appraiser's pages, the explanation round) has no critical or serious axe-core finding at 1280 and 375 px and no
sideways scroll; a unit's self-assessment is walked by Tab and submitted by keyboard alone.

The same checks as tests/web/test_accessibility.py (whose helpers these are); screenshots go to $WEB_SCREENSHOTS.
"""

from __future__ import annotations

import shutil

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as seen

from tests.conftest import INPUTS
from tests.web import test_browser
from tests.web.campaign_people import GROUP_A, JOB, OTHER_JOB, UNIT_A, UNIT_B, pdf, small_campaign
from tests.web.test_accessibility import (
    NARROW,
    PASSWORD,
    WIDE,
    focused,
    inspected,
    press,
    said,
    served,
    tab_to,
    tab_walk,
)
from tests.web.test_browser import wait

browser = test_browser.browser  # the fixture, over this module's desk

CODES = ("1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3")
OWN = ("5", "14,5", "19", "9,5", "10", "9,5", "5", "5")  # unit A's points, as typed
OWN_PASSWORD = "mat-khau-rieng-2025"


class Campaign:
    """The desk (LAN mode) over a small campaign whose units A and B and an appraiser of A's group have accounts,
    each with its own password already set; the code of a fourth account is kept unused for the first login."""

    def __init__(self, root, base, app) -> None:
        from pipeline.store.records import Role
        from pipeline.web.desk_store import desk_store

        self.root, self.base, self.store = root, base, desk_store(app.state)
        made = dict((a.unit, a) for a, _ in self.store.create_unit_accounts(JOB, [UNIT_A, UNIT_B]))
        appraiser, _ = self.store.create_account(Role.APPRAISER, "Trần Thị Thẩm Định", job=JOB,
                                                    assigned=(GROUP_A,))
        self.logins = {UNIT_A: made[UNIT_A].login, UNIT_B: made[UNIT_B].login, "appraiser": appraiser.login}
        for account in (made[UNIT_A], made[UNIT_B], appraiser):
            fresh = self.store.renew_code(account.id)
            self.store.first_login(account.login, fresh, OWN_PASSWORD)
        self.unused = self.store.create_account(Role.APPRAISER, "Lê Văn Chưa Vào", job=JOB, assigned=(GROUP_A,))

    def save(self, unit: str, code: str, points: str, evidence: bool = True) -> None:
        """What a unit typed elsewhere (another tab, another clerk): saved in the store as the page would."""
        entry = self.store.entries(JOB, unit).get(code)
        self.store.save_entry(JOB, unit, code, {"self_points": points, "justification": f"Lý giải {code}"},
                              entry.version if entry else 0, self.logins[unit])
        if evidence:
            self.store.add_evidence(JOB, unit, code, f"kiem-chung-{code}.pdf", pdf(code), self.logins[unit])


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    from pipeline.web.app import create_app
    from pipeline.web.security import password_file, save_password

    root = tmp_path_factory.mktemp("dot-truc-tuyen")
    small_campaign(root / "inputs" / JOB)
    shutil.copytree(INPUTS / OTHER_JOB, root / "inputs" / OTHER_JOB)
    save_password(password_file(root / "inputs"), PASSWORD)
    app = create_app(root / "inputs", password_path=password_file(root / "inputs"))
    with served(app) as base:
        yield Campaign(root, base, app)


def as_nobody(driver, base: str) -> None:
    driver.delete_all_cookies()
    driver.get(base + "/login")


def as_account(driver, campaign: Campaign, who: str) -> None:
    as_nobody(driver, campaign.base)
    driver.find_element(By.ID, "login").send_keys(campaign.logins[who])
    driver.find_element(By.ID, "password").send_keys(OWN_PASSWORD + Keys.ENTER)
    wait(driver, lambda d: "/login" not in d.current_url)


def as_secretariat(driver, base: str) -> None:
    as_nobody(driver, base)
    driver.find_element(By.ID, "password").send_keys(PASSWORD + Keys.ENTER)
    wait(driver, seen.presence_of_element_located((By.ID, "jobs")))


def look(driver, url: str, name: str, pages: dict) -> None:
    driver.set_window_size(*WIDE)
    driver.get(url)
    checked(driver, name, pages)


def checked(driver, name: str, pages: dict) -> None:
    """As the desk's pages are checked, and the page's level-one headings counted (one says what the page is)."""
    inspected(driver, name, pages)
    pages[name]["headings"] = driver.execute_script("return document.querySelectorAll('h1').length")


def sent(driver, form_css: str) -> None:
    """The form's submit button clicked, and the next page waited for."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, f"{form_css} button[type=submit]").click()
    wait(driver, seen.staleness_of(old))


def typed(driver, css: str, text: str) -> None:
    box = driver.find_element(By.CSS_SELECTOR, css)
    box.clear()
    box.send_keys(text)


def test_every_page_of_the_online_campaign_has_no_serious_accessibility_finding_nor_sideways_scroll(desk, browser):
    campaign, base, driver, pages = desk, desk.base, browser, {}
    self_url = f"{base}/jobs/{JOB}/self"

    as_nobody(driver, base)  # the login page, after an account's wrong password
    typed(driver, "#login", campaign.logins[UNIT_A])
    typed(driver, "#password", "khong-dung-mat-khau")
    sent(driver, "form[action='/login']")
    checked(driver, "tt-dang-nhap-sai", pages)
    look(driver, base + "/first-login", "tt-dang-nhap-lan-dau", pages)
    typed(driver, "#login", campaign.unused[0].login)
    typed(driver, "#code", "sai0-sai0-sai0")
    for box in ("#new", "#again"):
        typed(driver, box, OWN_PASSWORD)
    sent(driver, "form[action='/first-login']")
    checked(driver, "tt-dang-nhap-lan-dau-sai-ma", pages)

    as_account(driver, campaign, UNIT_A)
    look(driver, self_url, "tt-tu-cham-trong", pages)
    for code, own in zip(CODES[:3], OWN[:3], strict=True):  # typed in the page, the evidence sent from it
        typed(driver, f"[id='p-{code}']", own)
        typed(driver, f"[id='j-{code}']", f"Đã thực hiện đủ, xem tài liệu kèm theo ({code})")
        sent(driver, f"[id='c-{code}'] form.entry")
        evidence = campaign.root / f"bien-ban-{code}.pdf"
        evidence.write_bytes(pdf(code))
        driver.find_element(By.ID, f"f-{code}").send_keys(str(evidence))
        sent(driver, f"[id='c-{code}'] form.upload")
    checked(driver, "tt-tu-cham-da-nhap", pages)
    typed(driver, "[id='p-2.2']", "mười")
    sent(driver, "[id='c-2.2'] form.entry")
    checked(driver, "tt-tu-cham-loi-diem", pages)
    driver.get(self_url)
    typed(driver, "[id='p-2.2']", "9")
    campaign.save(UNIT_A, "2.2", "8", evidence=False)  # saved meanwhile elsewhere
    sent(driver, "[id='c-2.2'] form.entry")
    checked(driver, "tt-tu-cham-xung-dot", pages)
    look(driver, self_url + "/submit", "tt-gui-con-thieu", pages)
    look(driver, f"{base}/jobs/{JOB}/campaign", "tt-tu-choi-403", pages)
    look(driver, f"{base}/jobs/{OTHER_JOB}/self", "tt-tu-choi-404", pages)
    for code, own in zip(CODES[3:], OWN[3:], strict=True):
        campaign.save(UNIT_A, code, own)
    look(driver, self_url + "/submit", "tt-gui-du", pages)
    sent(driver, f"form[action='/jobs/{JOB}/self/submit']")
    checked(driver, "tt-tu-cham-da-gui", pages)

    as_secretariat(driver, base)
    look(driver, f"{base}/jobs/{JOB}/campaign", "tt-thu-ky", pages)
    look(driver, f"{base}/jobs/{JOB}/appraisal", "tt-thu-ky-tham-dinh", pages)
    campaign.store.set_phase(JOB, "appraisal", None, "van-phong")

    as_account(driver, campaign, "appraiser")
    look(driver, f"{base}/jobs/{JOB}/appraisal", "tt-tham-dinh-danh-sach", pages)
    look(driver, f"{base}/jobs/{JOB}/appraisal/{UNIT_A}", "tt-tham-dinh-don-vi", pages)
    for code in CODES:
        entry = campaign.store.entries(JOB, UNIT_A)[code]
        campaign.store.save_entry(JOB, UNIT_A, code, {"appraised_points": "4", "appraisal_comment": "Thiếu biên bản"},
                                  entry.version, campaign.logins["appraiser"])
    look(driver, f"{base}/jobs/{JOB}/appraisal/{UNIT_A}", "tt-tham-dinh-da-cham", pages)
    campaign.store.set_phase(JOB, "explanation", None, "van-phong")

    as_account(driver, campaign, UNIT_A)
    look(driver, f"{base}/jobs/{JOB}/explanation", "tt-giai-trinh", pages)
    as_secretariat(driver, base)
    look(driver, f"{base}/jobs/{JOB}/appraisal/{UNIT_A}", "tt-thu-ky-diem-cuoi", pages)

    assert not said(pages, "axe") and not said(pages, "overflow"), \
        "axe-core: critical or serious findings\n" + said(pages, "axe") \
        + "\nat 375 px these stick out sideways\n" + said(pages, "overflow")
    assert {name: found["headings"] for name, found in pages.items() if found["headings"] != 1} == {}


def test_a_unit_walks_its_self_assessment_by_tab_and_submits_it_by_keyboard_alone(desk, browser):
    campaign, base, driver = desk, desk.base, browser
    campaign.store.set_phase(JOB, "self", None, "van-phong")  # whatever the other test left
    for code in CODES[:-1]:  # all typed but the last criterion
        campaign.save(UNIT_B, code, "4")
    as_account(driver, campaign, UNIT_B)
    for width, height in (WIDE, NARROW):
        driver.set_window_size(width, height)
        driver.get(f"{base}/jobs/{JOB}/self")
        visited, count, unseen = tab_walk(driver)
        assert visited == list(range(count)), f"self-assessment at {width} px: Tab went {visited}, it has {count}"
        assert not unseen, f"self-assessment at {width} px: focus not seen on {unseen}"
    driver.set_window_size(*WIDE)
    driver.get(f"{base}/jobs/{JOB}/self")
    last, css = CODES[-1], CODES[-1].replace(".", "\\.")
    tab_to(driver, f"#p-{css}", 200)
    press(driver, "0")  # nothing done: no points, so no evidence asked
    tab_to(driver, f"#c-{css} form.entry button", 10)
    press(driver, Keys.ENTER)
    wait(driver, seen.url_contains("luu="))
    assert driver.find_element(By.ID, f"p-{last}").get_attribute("value") == "0"
    assert campaign.store.entries(JOB, UNIT_B)[last].self_points == 0  # saved, not only shown
    back_to(driver, f"a[href='/jobs/{JOB}/self/submit']", 200)
    press(driver, Keys.ENTER)
    wait(driver, seen.url_contains("/self/submit"))
    tab_to(driver, f"form[action='/jobs/{JOB}/self/submit'] button", 40)
    assert focused(driver)["outline"]
    press(driver, Keys.ENTER)
    wait(driver, seen.url_contains("gui=1"))
    assert campaign.store.unit_status(JOB, UNIT_B).state == "submitted"
    status = driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert "Đã gửi kết quả tự đánh giá" in status, status


def back_to(driver, css: str, limit: int) -> None:
    """Shift+Tab until `css` has the focus."""
    for _ in range(limit):
        ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        if driver.execute_script("return document.activeElement.matches(arguments[0])", css):
            return
    raise AssertionError(f"Shift+Tab never reached {css}")

"""Several people at once in real browsers: one headless Chromium per person, each its own profile (cookies).

`people(tmp_path_factory)` gives a factory of `Person` (a driver with the few moves the campaign tests make);
every Chromium it opened is closed at the end. Skipping when Chromium or its driver is missing is the test
module's choice (as in test_browser.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
DRIVER = shutil.which("chromedriver")


class Person:
    """One person's browser: its own cookies and downloads folder."""

    def __init__(self, name: str, base: str, downloads: Path) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM or "/usr/bin/chromium"
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                         "--lang=vi", f"--user-data-dir={downloads.parent / ('ho-so-' + name)}"):
            options.add_argument(argument)
        options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                                  "download.prompt_for_download": False})
        self.driver = webdriver.Chrome(service=Service(DRIVER or "/usr/bin/chromedriver"), options=options)
        self.driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
        self.name, self.base, self.downloads = name, base, downloads

    def go(self, path: str) -> None:
        self.driver.get(self.base + path)

    def find(self, css: str):
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, css)

    def all(self, css: str) -> list:
        from selenium.webdriver.common.by import By

        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def fill(self, css: str, text: str) -> None:
        element = self.find(css)
        element.clear()
        element.send_keys(text)

    def click(self, css: str) -> None:
        self.find(css).click()

    def press(self, words: str) -> None:
        """Clicks the button or link that says `words`."""
        from selenium.webdriver.common.by import By

        found = self.driver.find_elements(By.XPATH, f"//button[normalize-space()='{words}'] | "
                                                     f"//a[normalize-space()='{words}'] | "
                                                     f"//input[@type='submit' and @value='{words}']")
        assert found, f"{self.name}: nothing says {words!r} on {self.driver.current_url}"
        found[0].click()

    def text(self) -> str:
        return self.find("body").text

    def wait_for(self, css: str, limit: float = 60):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions as seen
        from selenium.webdriver.support.ui import WebDriverWait

        return WebDriverWait(self.driver, limit).until(seen.presence_of_element_located((By.CSS_SELECTOR, css)))

    def wait_url(self, part: str, limit: float = 60) -> None:
        from selenium.webdriver.support import expected_conditions as seen
        from selenium.webdriver.support.ui import WebDriverWait

        WebDriverWait(self.driver, limit).until(seen.url_contains(part))

    def downloaded(self, name: str, limit: float = 60) -> Path:
        from tests.web.test_browser import downloaded

        return downloaded(self, name, limit)  # it waits in this person's downloads folder

    def quit(self) -> None:
        self.driver.quit()


def people(tmp_path_factory, base: str) -> Iterator:
    """Yields `open(name) -> Person`; every browser opened is closed afterwards."""
    opened: list[Person] = []

    def open_one(name: str) -> Person:
        downloads = tmp_path_factory.mktemp(f"tai-ve-{name}")
        opened.append(Person(name, base, downloads))
        return opened[-1]

    try:
        yield open_one
    finally:
        for person in opened:
            person.quit()

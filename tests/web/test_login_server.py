"""The desk behind a password, served for real on 127.0.0.1: guessers wait, and nobody else's pages slow down."""

from __future__ import annotations

import http.client
import re
import statistics
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from urllib.parse import urlencode

import pytest

from pipeline.web.security import password_file, save_password
from tests.conftest import ROOT

PASSWORD = "mat-khau-dai-du"
GUESSERS = 10
MEDIAN_LIMIT = 0.300  # seconds for a page while ten machines guess the password
WAIT_SAID = "Đã nhập sai quá nhiều lần. Thử lại sau"

# The desk as `serve` runs it, but with limits so high that every guess has its password checked.
UNLIMITED = """
import sys
from pathlib import Path
from pipeline.web.app import create_app
from pipeline.web.listening import open_port
from pipeline.web.login_limits import LoginLimits, Policy
from pipeline.web.security import password_file
from pipeline.web.serve import run_server
jobs = Path(sys.argv[1])
app = create_app(jobs, password_path=password_file(jobs))
app.state.login_limits = LoginLimits(Policy(free_per_client=10**9, free_per_account=10**9))
listening, _ = open_port("127.0.0.1", 0)
print(f"http://127.0.0.1:{listening.getsockname()[1]}/", flush=True)
with listening:
    run_server(app, listening, None)
"""


class Browser:
    """One browser's session over plain HTTP/1.1 to 127.0.0.1, optionally as if behind a proxy."""

    def __init__(self, port: int, **headers: str) -> None:
        self.port, self.headers, self.cookie = port, headers, None

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, dict, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Host": "127.0.0.1", **self.headers}
        if self.cookie:
            headers["Cookie"] = f"phien={self.cookie}"
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8")
        finally:
            connection.close()
        received = {name.lower(): value for name, value in response.getheaders()}
        if "set-cookie" in received:
            self.cookie = re.search(r"phien=([^;]+)", received["set-cookie"]).group(1)
        return response.status, received, text

    def log_in(self, password: str) -> tuple[int, dict, str]:
        if not self.cookie:
            self.request("GET", "/login")
        _, _, page = self.request("GET", "/login")
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
        return self.request("POST", "/login", {"csrf": token, "password": password})


def _started(command: list[str]) -> tuple[subprocess.Popen, int]:
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", server.stdout.readline()).group(1))
    deadline = time.monotonic() + 30
    while True:
        try:
            Browser(port).request("GET", "/static/style.css")
            return server, port
        except OSError:
            if time.monotonic() > deadline:
                _stop(server)
                raise
            time.sleep(0.1)


@contextmanager
def serving(jobs, *options: str, unlimited: bool = False):
    """A desk asking the password, on a free port of 127.0.0.1; yields the port."""
    save_password(password_file(jobs), PASSWORD)
    command = [sys.executable, "-c", UNLIMITED, str(jobs)] if unlimited else \
        [sys.executable, "-m", "pipeline", "serve", "--jobs", str(jobs), "--port", "0", "--no-browser", *options]
    server, port = _started(command)
    try:
        yield port
    finally:
        _stop(server)


def _stop(server: subprocess.Popen) -> None:
    server.terminate()
    server.wait(10)
    server.stdout.close()


def _page_times_while_guessing(port: int) -> tuple[list[float], list[tuple[int, str]]]:
    """How long a logged-in clerk's jobs page takes, loaded again and again for three seconds while ten
    machines post wrong passwords as fast as the desk answers; and what the guessers were answered."""
    clerk = Browser(port)
    assert clerk.log_in(PASSWORD)[0] == 303
    assert clerk.request("GET", "/")[0] == 200  # the first visit checks every job; later ones reuse it
    stop, answers = threading.Event(), []

    def guess() -> None:
        guesser = Browser(port)
        status, _, page = guesser.log_in("sai-mat-khau")
        while not stop.is_set():
            answers.append((status, page))
            token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
            status, _, page = guesser.request("POST", "/login", {"csrf": token, "password": "sai-mat-khau"})

    guessers = [threading.Thread(target=guess) for _ in range(GUESSERS)]
    for guesser in guessers:
        guesser.start()
    time.sleep(0.5)  # the guessing is under way
    times: list[float] = []
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and len(times) < 300:
        start = time.perf_counter()
        status, _, page = clerk.request("GET", "/")
        times.append(time.perf_counter() - start)
        assert status == 200 and "huong-tra-2020-xep-loai" in page
    stop.set()
    for guesser in guessers:
        guesser.join(60)
    return times, answers


def test_guessers_wait_even_with_the_right_password_and_a_clerks_pages_stay_fast(jobs):
    with serving(jobs) as port:
        times, answers = _page_times_while_guessing(port)
        print(f"pages: {len(times)}, median {statistics.median(times) * 1000:.0f} ms, guesses {len(answers)}")
        assert statistics.median(times) < MEDIAN_LIMIT, f"median {statistics.median(times):.3f} s"
        checked = [status for status, _ in answers if status == 401]
        waiting = [page for status, page in answers if status == 429]
        assert len(checked) <= 4 and len(waiting) >= 20  # one machine: five tries, the fifth already says wait
        assert all(WAIT_SAID in page for page in waiting)
        status, headers, page = Browser(port).log_in(PASSWORD)
        assert status == 429 and WAIT_SAID in page and 0 < int(headers["retry-after"]) <= 30


def test_checking_passwords_does_not_hold_other_pages_up(jobs):
    """Every guess has its password checked (limits lifted): the checks run beside the pages, not before them."""
    with serving(jobs, unlimited=True) as port:
        times, answers = _page_times_while_guessing(port)
        print(f"pages: {len(times)}, median {statistics.median(times) * 1000:.0f} ms, guesses {len(answers)}")
        assert len([status for status, _ in answers if status == 401]) >= 10
        assert statistics.median(times) < MEDIAN_LIMIT, f"median {statistics.median(times):.3f} s"


@pytest.mark.parametrize(("options", "trusted"), [(("--proxy", "127.0.0.1"), True), ((), False)])
def test_behind_the_trusted_proxy_the_cookie_is_secure_and_each_forwarded_client_has_its_own_limit(
        jobs, options, trusted):
    with serving(jobs, *options) as port:
        over_https = Browser(port, **{"X-Forwarded-Proto": "https", "X-Forwarded-For": "192.168.1.21"})
        assert ("Secure" in over_https.request("GET", "/login")[1]["set-cookie"]) is trusted
        for _ in range(5):
            status = over_https.log_in("sai-mat-khau")[0]
        assert status == 429
        neighbour = Browser(port, **{"X-Forwarded-Proto": "https", "X-Forwarded-For": "192.168.1.22"})
        status, headers, _ = neighbour.log_in(PASSWORD)
        if trusted:  # another machine of the office, as the proxy says: not held by the first one's guesses
            assert status == 303 and "Secure" in headers["set-cookie"]
        else:  # headers from anyone but the trusted proxy are ignored: the same client, still waiting
            assert status == 429

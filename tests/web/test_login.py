"""Logging in: a new session id, waits after wrong passwords, sessions that end when idle or old, logging out."""

from __future__ import annotations

import re

import pytest

from pipeline.web.app import create_app
from pipeline.web.login_limits import LoginLimits
from pipeline.web.security import Sessions, password_file, save_password
from tests.web.conftest import Client, Clock, text_of

PASSWORD = "mat-khau-dai-du"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def app(jobs, clock):
    save_password(password_file(jobs), PASSWORD)
    app = create_app(jobs, password_path=password_file(jobs))
    app.state.sessions = Sessions(clock=clock)
    app.state.login_limits = LoginLimits(clock=clock)
    return app


def _token(client) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', client.get("/login").text).group(1)


def _log_in(client, password: str = PASSWORD):
    return client.post("/login", data={"csrf": _token(client), "password": password}, follow_redirects=False)


def _in(client) -> bool:
    response = client.get("/new", follow_redirects=False)
    assert response.status_code in (200, 303)
    return response.status_code == 200


def test_logging_in_gives_a_new_session_id_and_the_one_chosen_before_stays_logged_out(app):
    with Client(app) as browser, Client(app) as attacker:
        chosen = "id-chon-truoc-boi-ke-gian"
        browser.cookies.set("phien", chosen, domain="testserver.local")
        response = _log_in(browser)
        assert response.status_code == 303 and response.headers["location"] == "/"
        given = re.search(r"phien=([^;]+)", response.headers["set-cookie"]).group(1)
        assert given != chosen and browser.cookies["phien"] == given
        assert _in(browser)
        # whoever planted the id before the login gains nothing
        attacker.cookies.set("phien", chosen, domain="testserver.local")
        assert not _in(attacker)


def test_after_five_wrong_passwords_every_try_waits_even_with_the_right_password(app, clock):
    with Client(app) as client:
        for _ in range(4):
            response = _log_in(client, "sai-mat-khau")
            assert response.status_code == 401 and "Mật khẩu không đúng." in text_of(response.text)
        response = _log_in(client, "sai-mat-khau")
        assert response.status_code == 429
        assert "Đã nhập sai quá nhiều lần. Thử lại sau 30 giây." in text_of(response.text)
        clock.now += 3.2
        response = _log_in(client)
        assert response.status_code == 429 and response.headers["retry-after"] == "27"
        assert "Đã nhập sai quá nhiều lần. Thử lại sau 27 giây." in text_of(response.text)
        assert not _in(client)
        clock.now += 27
        assert _log_in(client).status_code == 303 and _in(client)


def test_the_wait_grows_with_each_wrong_password_after_it(app, clock):
    with Client(app) as client:
        for _ in range(5):
            _log_in(client, "sai-mat-khau")
        clock.now += 30
        response = _log_in(client, "sai-mat-khau")
        assert "Thử lại sau 1 phút." in text_of(response.text)
        clock.now += 60
        response = _log_in(client, "sai-mat-khau")
        assert "Thử lại sau 2 phút." in text_of(response.text)


def test_a_session_ends_after_thirty_minutes_without_a_request(app, clock):
    with Client(app) as client:
        _log_in(client)
        for _ in range(4):  # used every 29 minutes: still open after almost two hours
            clock.now += 29 * 60
            assert _in(client)
        clock.now += 30 * 60
        response = client.get("/jobs/huong-tra-2020-xep-loai/check", follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == "/login?het-han"
        assert "Phiên làm việc đã hết hạn" in text_of(client.get("/login?het-han").text)
        assert not _in(client)


def test_a_session_ends_twelve_hours_after_logging_in_however_busy(app, clock):
    with Client(app) as client:
        _log_in(client)
        for _ in range(12 * 4 - 1):
            clock.now += 15 * 60
            assert _in(client)
        clock.now += 15 * 60
        assert not _in(client)
        assert _log_in(client).status_code == 303 and _in(client)


def test_logging_out_ends_the_session_even_for_a_copy_of_its_cookie(app):
    with Client(app) as client, Client(app) as copy:
        _log_in(client)
        copy.cookies.set("phien", client.cookies["phien"], domain="testserver.local")
        page = client.get("/new").text
        assert 'action="/logout"' in page  # every page offers to log out
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
        response = client.post("/logout", data={"csrf": token}, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == "/login"
        assert not _in(client) and not _in(copy)


def test_the_session_cookie_is_secure_only_when_the_desk_is_reached_over_https(app):
    with Client(app, base_url="https://ban-lam-viec.local") as secure, Client(app) as plain:
        assert "Secure" in secure.get("/login").headers["set-cookie"]
        assert "Secure" in _log_in(secure).headers["set-cookie"]
        assert "Secure" not in plain.get("/login").headers["set-cookie"]
        assert "Secure" not in _log_in(plain).headers["set-cookie"]


def test_passwords_are_checked_in_worker_threads_never_more_at_once_than_the_bound(app, monkeypatch):
    import threading
    import time

    import anyio
    import httpx2

    from pipeline.web import login_pages
    from pipeline.web.login_limits import Policy

    lock, running, most, threads = threading.Lock(), [0], [0], set()

    def slow_check(record, password):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
            threads.add(threading.get_ident())
        time.sleep(0.1)
        with lock:
            running[0] -= 1
        return False

    monkeypatch.setattr(login_pages, "password_matches", slow_check)
    app.state.login_limits = LoginLimits(Policy(free_per_client=10**9, free_per_account=10**9))
    app.state.hashing = anyio.CapacityLimiter(3)

    async def guess() -> None:
        async with httpx2.AsyncClient(transport=httpx2.ASGITransport(app=app), base_url="http://testserver") as one:
            token = re.search(r'name="csrf" value="([0-9a-f]+)"', (await one.get("/login")).text).group(1)
            assert (await one.post("/login", data={"csrf": token, "password": "sai"})).status_code == 401

    async def twelve_guessers() -> None:
        async with anyio.create_task_group() as guessers:
            for _ in range(12):
                guessers.start_soon(guess)

    anyio.run(twelve_guessers)
    assert most[0] == 3 and threading.get_ident() not in threads


def test_before_logging_in_the_page_offers_no_menu_nor_logout(app):
    with Client(app) as client:
        page = client.get("/login").text
        assert 'action="/logout"' not in page and 'href="/new"' not in page
        assert 'action="/logout"' not in client.get("/first-login").text
        _log_in(client)
        assert 'action="/logout"' in client.get("/").text and 'href="/new"' in client.get("/").text

"""Safe by default: local only unless a password is set, CSRF tokens on every form, trusted Host headers."""

from __future__ import annotations

import json
import stat

import pytest
from starlette.testclient import TestClient

from pipeline.cli import main
from pipeline.web import serve
from pipeline.web.app import create_app
from pipeline.web.security import password_file, save_password
from tests.web.conftest import Client, text_of

POSTS = ["/new", "/logout", "/jobs/huong-tra-2020-xep-loai/edit", "/jobs/huong-tra-2020-xep-loai/data",
         "/jobs/huong-tra-2020-xep-loai/documents", "/jobs/huong-tra-2020-xep-loai/templates",
         "/jobs/huong-tra-2020-xep-loai/templates/shipped"]


@pytest.mark.parametrize("url", POSTS)
def test_a_form_without_the_csrf_token_is_refused(client, jobs, url):
    before = {p: p.read_bytes() for p in jobs.rglob("*") if p.is_file()}
    response = client.post(url, data={"name": "moi", "kind": "quyet-dinh-xep-loai", "role": "document"})
    assert response.status_code == 403
    assert "thiếu mã xác nhận" in text_of(response.text)
    assert {p: p.read_bytes() for p in jobs.rglob("*") if p.is_file()} == before
    assert not (jobs.parent / "outputs").exists()


@pytest.mark.parametrize("url", POSTS)
def test_a_form_with_another_sessions_token_is_refused(jobs, url):
    app = create_app(jobs)
    with Client(app) as mine, Client(app) as theirs:
        token = theirs.csrf()
        mine.csrf()  # a session of its own
        assert mine.post(url, data={"csrf": token, "name": "moi"}).status_code == 403


def test_the_session_cookie_is_not_readable_by_scripts_nor_sent_from_other_sites(client):
    cookie = client.get("/").headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie


def test_pages_load_nothing_from_elsewhere_and_are_never_framed(client):
    headers = client.get("/").headers
    assert headers["content-security-policy"].startswith("default-src 'self'")
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"


def _serve(jobs, *args):
    return main(["serve", "--jobs", str(jobs), "--no-browser", *args])


def test_listening_beyond_this_machine_without_a_password_is_refused(jobs, capsys, monkeypatch):
    monkeypatch.setattr(serve, "run_server", lambda *a, **k: pytest.fail("the app must not start"))
    assert _serve(jobs, "--host", "0.0.0.0") == 2
    said = capsys.readouterr().err
    assert "Không mở cho máy khác (--host 0.0.0.0) khi chưa đặt mật khẩu" in said
    assert str(password_file(jobs)) in said


def test_the_app_starts_on_this_machine_by_default_and_says_where(jobs, capsys, monkeypatch):
    import webbrowser

    started = {}
    monkeypatch.setattr(serve, "run_server", lambda app, listening, proxy: started.update(
        zip(("host", "port"), listening.getsockname(), strict=True)))
    monkeypatch.setattr(webbrowser, "open", lambda url: pytest.fail("--no-browser opens no browser"))
    assert _serve(jobs) == 0
    assert started["host"] == "127.0.0.1"
    said = capsys.readouterr().out
    assert f"http://127.0.0.1:{started['port']}/" in said
    assert started["port"] == 8000 or "Cổng 8000 đang bận" in said  # another program may hold 8000


def test_a_set_password_is_stored_as_a_salted_scrypt_hash_for_the_owner_only(jobs, monkeypatch, capsys):
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "mat-khau-dai-du")
    assert _serve(jobs, "--set-password") == 0
    path = password_file(jobs)
    assert path.parent == jobs.parent and str(path) in capsys.readouterr().out
    record = json.loads(path.read_text())
    assert record["scheme"] == "scrypt" and len(bytes.fromhex(record["salt"])) == 16
    assert "mat-khau-dai-du" not in path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    first = record["hash"]
    assert _serve(jobs, "--set-password") == 0
    assert json.loads(path.read_text())["hash"] != first  # a new salt each time


def test_a_short_password_is_refused(jobs, monkeypatch):
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "ngan")
    assert _serve(jobs, "--set-password") == 2 and not password_file(jobs).exists()


def test_with_a_password_set_listening_beyond_this_machine_starts(jobs, monkeypatch):
    save_password(password_file(jobs), "mat-khau-dai-du")
    started = {}
    monkeypatch.setattr(serve, "run_server", lambda app, listening, proxy: started.update(
        host=listening.getsockname()[0]))
    assert _serve(jobs, "--host", "0.0.0.0") == 0 and started == {"host": "0.0.0.0"}


@pytest.fixture
def guarded(jobs):
    save_password(password_file(jobs), "mat-khau-dai-du")
    with Client(create_app(jobs, password_path=password_file(jobs))) as client:
        yield client


def _login_token(client) -> str:
    import re

    return re.search(r'name="csrf" value="([0-9a-f]+)"', client.get("/login").text).group(1)


def test_behind_a_password_every_page_asks_to_log_in_first(guarded):
    for url in ("/", "/jobs/huong-tra-2020-xep-loai/check", "/jobs/huong-tra-2020-xep-loai/output.zip"):
        response = guarded.get(url, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == "/login"
    assert guarded.get("/static/style.css").status_code == 200


def test_a_wrong_password_is_refused_and_the_right_one_opens_the_desk(guarded):
    token = _login_token(guarded)
    response = guarded.post("/login", data={"csrf": token, "password": "sai-mat-khau"})
    assert response.status_code == 401 and "Mật khẩu không đúng." in text_of(response.text)
    response = guarded.post("/login", data={"csrf": token, "password": "mat-khau-dai-du"})
    assert response.status_code == 200 and response.url.path == "/"
    assert "huong-tra-2020-xep-loai" in response.text
    assert guarded.post("/logout", data={"csrf": token}).status_code == 403  # the token of the session before login
    guarded.post("/logout", data={"csrf": guarded.csrf()})
    assert guarded.get("/", follow_redirects=False).status_code == 303


def test_logging_in_needs_the_csrf_token_too(guarded):
    guarded.get("/login")
    assert guarded.post("/login", data={"password": "mat-khau-dai-du"}).status_code == 403


def test_a_foreign_host_header_is_refused_on_this_machine(jobs):
    with TestClient(create_app(jobs, allowed_hosts=["127.0.0.1", "localhost"]), base_url="http://127.0.0.1") as ok:
        assert ok.get("/").status_code == 200
    with TestClient(create_app(jobs, allowed_hosts=["127.0.0.1", "localhost"]), base_url="http://evil.example") as bad:
        assert bad.get("/").status_code == 400


def test_a_set_password_is_asked_even_when_listening_on_this_machine_only(jobs, monkeypatch):
    apps = []
    monkeypatch.setattr(serve, "run_server", lambda app, listening, proxy: apps.append(app))
    assert _serve(jobs, "--port", "0") == 0 and apps[-1].state.password is None
    save_password(password_file(jobs), "mat-khau-dai-du")
    assert _serve(jobs, "--port", "0") == 0 and apps[-1].state.password is not None


def test_serving_behind_a_proxy_without_a_password_is_refused(jobs, capsys, monkeypatch):
    monkeypatch.setattr(serve, "run_server", lambda *a: pytest.fail("the app must not start"))
    assert _serve(jobs, "--proxy", "127.0.0.1") == 2
    assert "Không mở qua máy chủ trung gian (--proxy 127.0.0.1) khi chưa đặt mật khẩu" in capsys.readouterr().err


"""Roles at the desk: accounts log in (the first time with their one-time code), each route reaches only the roles
it declares, and a unit or appraiser never reaches another job nor the secretariat's pages."""

from __future__ import annotations

import re

import pytest
from starlette.routing import Route

from pipeline.store.records import Role
from pipeline.web.app import create_app
from pipeline.web.desk_store import desk_store
from pipeline.web.roles import roles_of
from tests.web.conftest import Client, text_of

CAMPAIGN = "vi-du-2025-dot-danh-gia-tinh"
UNIT = "Sở Nội vụ"
PASSWORD = "mat-khau-rieng-1"


def csrf_of(client: Client, url: str = "/login") -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', client.get(url).text).group(1)


def first_login(client: Client, login: str, code: str, password: str = PASSWORD, again: str | None = None):
    return client.post("/first-login", data={"csrf": csrf_of(client, "/first-login"), "login": login, "code": code,
                                             "new": password, "again": password if again is None else again},
                       follow_redirects=False)


def log_in(client: Client, login: str, password: str = PASSWORD):
    return client.post("/login", data={"csrf": csrf_of(client), "login": login, "password": password},
                       follow_redirects=False)


@pytest.fixture
def app(jobs):
    return create_app(jobs)


@pytest.fixture
def unit_account(app):
    (account, code), = desk_store(app.state).create_unit_accounts(CAMPAIGN, [UNIT])
    return account, code


@pytest.fixture
def unit_client(app, unit_account):
    account, code = unit_account
    with Client(app) as client:
        assert first_login(client, account.login, code).status_code == 303
        yield client


def test_a_first_login_with_the_code_sets_the_password_and_logs_in_at_the_units_own_page(app, unit_account):
    account, code = unit_account
    with Client(app) as client:
        response = first_login(client, account.login, code)
        assert (response.status_code, response.headers["location"]) == (303, f"/jobs/{CAMPAIGN}/self")
    with Client(app) as other:
        assert log_in(other, account.login).headers["location"] == f"/jobs/{CAMPAIGN}/self"
        assert first_login(other, account.login, code).status_code == 400  # the code is used up


@pytest.mark.parametrize(("code", "password", "again", "said"), [
    ("sai-ma-roi", PASSWORD, None, "mã dùng một lần không đúng"),
    (None, "ngan", None, "ít nhất 8 ký tự"),
    (None, PASSWORD, PASSWORD + "x", "không giống nhau"),
])
def test_a_first_login_refused_says_why_in_vietnamese_and_logs_nobody_in(app, unit_account, code, password, again,
                                                                          said):
    account, real = unit_account
    with Client(app) as client:
        response = first_login(client, account.login, code or real, password, again)
        assert response.status_code == 400 and said in text_of(response.text)
    assert desk_store(app.state).authenticate(account.login, password) is None


def test_a_wrong_account_password_is_refused_like_the_desks(app, unit_account):
    account, code = unit_account
    with Client(app) as client:
        first_login(client, account.login, code)
    with Client(app) as client:
        response = log_in(client, account.login, "khong-dung-dau")
        assert response.status_code == 401 and "không đúng" in text_of(response.text)


def test_a_unit_reaches_none_of_the_secretariats_pages(app, unit_client):
    for url in ("/", "/new", f"/jobs/{CAMPAIGN}", f"/jobs/{CAMPAIGN}/data", f"/jobs/{CAMPAIGN}/edit",
                f"/jobs/{CAMPAIGN}/documents", f"/jobs/{CAMPAIGN}/data/file?path=don-vi/02-so-tu-phap.xlsx",
                f"/jobs/{CAMPAIGN}/campaign"):
        response = unit_client.get(url)
        assert response.status_code == 403, url
        assert "không dùng được trang này" in text_of(response.text)
        assert 'href="/new"' not in response.text  # nor a menu that leads there
    response = unit_client.post(f"/jobs/{CAMPAIGN}/edit", data={"csrf": csrf_of(unit_client, "/login")})
    assert response.status_code == 403


def test_a_unit_reaching_another_job_finds_nothing(app, unit_client):
    assert unit_client.get("/jobs/huong-tra-2020-xep-loai/self").status_code == 404


def test_every_route_declares_its_roles_and_undeclared_ones_are_the_secretariats_only(app):
    declared = {(r.path, tuple(sorted(r.methods or ()))): roles_of(r.endpoint) for r in app.routes
                if isinstance(r, Route)}
    everyone = {path for (path, _), roles in declared.items() if roles == frozenset(Role)}
    assert everyone == {"/login", "/logout", "/first-login"}
    assert declared[("/jobs/{job}/data", ("GET", "HEAD"))] == {Role.SECRETARIAT}


def test_the_desk_without_a_password_stays_the_secretariats(client):
    assert client.get("/").status_code == 200
    assert client.get(f"/jobs/{CAMPAIGN}/data").status_code == 200


def test_an_accounts_session_lives_in_the_store_survives_a_restart_and_ends_at_logout(jobs, app, unit_account):
    account, code = unit_account
    with Client(app) as client:
        first_login(client, account.login, code)
        cookie = client.cookies.get("phien")
        assert cookie.startswith("tk.")
    with Client(create_app(jobs)) as restarted:  # the desk started again: the same store beside the jobs folder
        restarted.cookies.set("phien", cookie)
        assert restarted.get(f"/jobs/{CAMPAIGN}/self").status_code == 200
        restarted.post("/logout", data={"csrf": csrf_of(restarted, f"/jobs/{CAMPAIGN}/self")})
    with Client(create_app(jobs)) as replayed:  # the old cookie after logging out opens nothing
        replayed.cookies.set("phien", cookie)
        response = replayed.get(f"/jobs/{CAMPAIGN}/self", follow_redirects=False)
        assert (response.status_code, response.headers["location"]) == (303, "/login?het-han")


def test_a_locked_accounts_session_ends_at_its_next_request(app, unit_account):
    account, code = unit_account
    with Client(app) as client:
        first_login(client, account.login, code)
        desk_store(app.state).set_active(account.id, False)
        response = client.get(f"/jobs/{CAMPAIGN}/self", follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"].startswith("/login")


def test_a_wrong_password_keeps_the_login_name_typed(app, unit_client, unit_account):
    account, _ = unit_account
    with Client(app) as client:
        refused = log_in(client, account.login, "khong-phai-mat-khau")
        assert refused.status_code == 401 and "không đúng" in text_of(refused.text)
        assert re.search(r'id="login" name="login" value="([^"]*)"', refused.text).group(1) == account.login


def test_a_units_window_title_names_the_campaign_not_the_secretariats_desk(unit_client):
    title = re.search(r"<title>(.*?)</title>", unit_client.get(f"/jobs/{CAMPAIGN}/self").text, re.S).group(1)
    assert "Đánh giá, xếp loại trực tuyến" in title and "thư ký" not in title

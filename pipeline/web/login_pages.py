"""Logging in and out: the password checked within limits, a new session at login, the session cookie.

Checking a password (scrypt, about 50 ms of one processor core) runs in a worker thread, at most
`HASHES_AT_ONCE` at a time, so people guessing do not slow anyone else's pages nor take every thread;
tries beyond the limits of `login_limits` are refused before any checking. A login name given with the
password is an account of the store (a unit, an appraiser): its session carries the account; no login name is
the desk's own password (the secretariat).
"""

from __future__ import annotations

import math
import os

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from pipeline.store.errors import StoreError
from pipeline.store.records import Account
from pipeline.web.desk_store import ACCOUNT_SESSION, account_token, desk_store
from pipeline.web.login_limits import SHARED_ACCOUNT
from pipeline.web.pages import page, posted
from pipeline.web.roles import EVERYONE, Visitor, for_roles
from pipeline.web.security import SESSION_COOKIE, password_matches
from pipeline.web.words import W
from pipeline.web.words_campaign import C

EXPIRED = "het-han"  # the query of the login page after a session ended by itself
HASHES_AT_ONCE = max(1, (os.cpu_count() or 2) // 2)  # leaves processor time for the pages


def set_session(response: Response, request: Request, session: str) -> None:
    """The session cookie: never read by scripts, never sent from other sites, only over HTTPS when the
    desk is reached over HTTPS (behind a trusted proxy: `pipeline serve --proxy`)."""
    response.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")


@for_roles(*EVERYONE)
async def login_form(request: Request) -> Response:
    note = W.session_ended if EXPIRED in request.query_params else None
    return page(request, "login.html", title=W.login_title, note=note)


def said_wait(seconds: float) -> str:
    """A wait as read: "57 giây", "2 phút", "2 phút 5 giây" (rounded up to the second)."""
    minutes, rest = divmod(math.ceil(seconds), 60)
    parts = ([W.wait_minutes.format(n=minutes)] if minutes else []) + \
            ([W.wait_seconds.format(n=rest)] if rest or not minutes else [])
    return " ".join(parts)


def refused_login(request: Request, status: int, text: str, wait: float = 0.0, login: str = "") -> Response:
    """The login page again with why (the login name typed kept, only the password to type again)."""
    response = page(request, "login.html", status=status, title=W.login_title, error=text, login=login)
    if wait:
        response.headers["Retry-After"] = str(math.ceil(wait))
    return response


@for_roles(*EVERYONE)
async def log_in(request: Request) -> Response:
    form = await posted(request)
    state = request.app.state
    password = form.get("password")
    login = form.get("login")
    if isinstance(login, str) and login.strip() and isinstance(password, str):
        return await account_log_in(request, login.strip(), password)
    client = request.client.host if request.client else ""
    if state.password is None or not isinstance(password, str):
        return refused_login(request, 401, W.wrong_password)
    wait = state.login_limits.attempt(SHARED_ACCOUNT, client)
    if wait:
        return refused_login(request, 429, W.login_wait.format(wait=said_wait(wait)), wait)
    if not await anyio.to_thread.run_sync(password_matches, state.password, password, limiter=state.hashing):
        wait = state.login_limits.wait(SHARED_ACCOUNT, client)
        if wait:
            return refused_login(request, 429, W.login_wait.format(wait=said_wait(wait)), wait)
        return refused_login(request, 401, W.wrong_password)
    state.login_limits.succeeded(SHARED_ACCOUNT, client)
    response = RedirectResponse("/", status_code=303)
    before = request.cookies.get(SESSION_COOKIE)
    if account_token(before) is not None:  # an account's session in this browser ends: the desk's starts
        desk_store(state).end_session(account_token(before))
    set_session(response, request, state.sessions.log_in(before))
    return response


@for_roles(*EVERYONE)
async def log_out(request: Request) -> Response:
    await posted(request)
    sessions = request.app.state.sessions
    sessions.log_out(request.cookies.get(SESSION_COOKIE))
    if account_token(request.cookies.get(SESSION_COOKIE)) is not None:
        await anyio.to_thread.run_sync(desk_store(request.app.state).end_session,
                                       account_token(request.cookies.get(SESSION_COOKIE)))
    response = RedirectResponse("/login", status_code=303)
    set_session(response, request, sessions.new_id())
    return response


def logged_in_as(request: Request, account: Account) -> Response:
    """The account's new session (in the store) in the cookie, replacing whatever session the browser had."""
    state = request.app.state
    before = request.cookies.get(SESSION_COOKIE)
    state.sessions.log_out(before)
    desk_store(state).end_session(account_token(before))
    response = RedirectResponse(Visitor(account.role, account).home, status_code=303)
    set_session(response, request, ACCOUNT_SESSION + desk_store(state).start_session(account.id))
    return response


async def account_log_in(request: Request, login: str, password: str) -> Response:
    """Logs in with an account of the store, its tries limited per login name as the desk's password's are."""
    state = request.app.state
    client = request.client.host if request.client else ""
    key = "tk:" + login.casefold()  # never the desk's password's count (`SHARED_ACCOUNT`)
    wait = state.login_limits.attempt(key, client)
    if wait:
        return refused_login(request, 429, W.login_wait.format(wait=said_wait(wait)), wait, login)
    store = desk_store(state)
    try:
        account = await anyio.to_thread.run_sync(store.authenticate, login, password, limiter=state.hashing)
    except StoreError as error:
        account, why = None, str(error)
    else:
        why = C.wrong_login
    if account is None:
        wait = state.login_limits.wait(key, client)
        if wait:
            return refused_login(request, 429, W.login_wait.format(wait=said_wait(wait)), wait, login)
        return refused_login(request, 401, why, login=login)
    state.login_limits.succeeded(key, client)
    return logged_in_as(request, account)

"""The first login of an account: the one-time code the secretariat handed out exchanged for the person's own
password (checked by the store in a worker thread, within the login limits), then logged in."""

from __future__ import annotations

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import Response

from pipeline.store.errors import StoreError
from pipeline.web.desk_store import desk_store
from pipeline.web.login_pages import logged_in_as, said_wait
from pipeline.web.pages import page, posted
from pipeline.web.roles import EVERYONE, for_roles
from pipeline.web.security import MIN_PASSWORD
from pipeline.web.words import W
from pipeline.web.words_campaign import C


@for_roles(*EVERYONE)
async def first_login_form(request: Request) -> Response:
    return page(request, "first_login.html", title=C.first_login_title, min=MIN_PASSWORD)


@for_roles(*EVERYONE)
async def first_login(request: Request) -> Response:
    form = await posted(request)
    state = request.app.state
    values = {k: v if isinstance(v := form.get(k), str) else "" for k in ("login", "code", "new", "again")}
    error = None
    if len(values["new"]) < MIN_PASSWORD:
        error = C.password_too_short.format(min=MIN_PASSWORD)
    elif values["new"] != values["again"]:
        error = C.passwords_differ
    client = request.client.host if request.client else ""
    key = "tk:" + values["login"].strip().casefold()
    wait = state.login_limits.attempt(key, client)
    if wait:
        error = W.login_wait.format(wait=said_wait(wait))
    if error is None:
        try:
            account = await anyio.to_thread.run_sync(desk_store(state).first_login, values["login"].strip(),
                                                     values["code"].strip(), values["new"], limiter=state.hashing)
        except StoreError as refused:
            state.login_limits.wait(key, client)
            error = str(refused) or C.wrong_code
        else:
            state.login_limits.succeeded(key, client)
            return logged_in_as(request, account)
    return page(request, "first_login.html", status=400, title=C.first_login_title, min=MIN_PASSWORD,
                error=error, login=values["login"])

"""Rendering pages and reading posted forms: Jinja2 (autoescaped) templates, limits, the CSRF check."""

from __future__ import annotations

import tomllib
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse

from pipeline.config.job_settings import SETTINGS_FILE
from pipeline.config.kinds import KINDS
from pipeline.web.security import CSRF_FIELD, SESSION_COOKIE
from pipeline.web.uploads import MAX_UPLOAD
from pipeline.web.words import A11Y, APP, NAV, TABS, W
from pipeline.web.words_campaign import C

MAX_REQUEST = MAX_UPLOAD + 1024 * 1024  # the files and the form around them

_environment = Environment(loader=PackageLoader("pipeline.web", "templates"),
                           autoescape=select_autoescape(default=True, default_for_string=True))
_environment.globals.update(W=W, NAV=NAV, TABS=TABS, APP=APP, A11Y=A11Y, C=C)


class Refusal(Exception):
    """A request refused with a status and a Vietnamese page (bad CSRF token: 403, too large: 413)."""

    def __init__(self, status: int, title: str, text: str) -> None:
        super().__init__(text)
        self.status, self.title, self.text = status, title, text


def page(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    session = request.cookies.get(SESSION_COOKIE) or request.scope.get("new_session", "")
    desk = request.app.state
    values.setdefault("job", None)
    values.setdefault("tab", None)
    values.setdefault("visitor", request.scope.get("visitor"))  # `roles.Visitor`: what the menus offer
    values.setdefault("campaign_job", values["job"] is not None and campaign_job(request, values["job"]))
    html = _environment.get_template(template).render(
        csrf=desk.sessions.csrf_token(session), csrf_field=CSRF_FIELD, login_needed=desk.password is not None,
        **values)
    return HTMLResponse(html, status_code=status)


def campaign_job(request: Request, job: str) -> bool:
    """Whether `job` is a campaign (its pages then offer the online campaign's page)."""
    folder = request.app.state.desk.folder(job)
    try:
        kind = tomllib.loads((folder / SETTINGS_FILE).read_text(encoding="utf-8")).get("kind") if folder else None
    except (OSError, ValueError):
        return False
    return kind is not None and kind in KINDS and KINDS[kind].is_campaign


def refusal_page(request: Request, refusal: Refusal) -> HTMLResponse:
    return page(request, "refused.html", status=refusal.status, title=refusal.title, text=refusal.text)


async def posted(request: Request, max_files: int = 1) -> FormData:
    """The submitted form, once its size is within bounds and its CSRF token is the session's.

    The request may exceed the stated upload limit (`MAX_UPLOAD`) by the form around the files; the files
    themselves are held to the limit by the page that reads them, which says the same figure."""
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > MAX_REQUEST):
        raise Refusal(413, W.csrf_title, W.request_too_large.format(size=MAX_UPLOAD // (1024 * 1024)))
    form = await request.form(max_files=max_files, max_fields=500, max_part_size=MAX_REQUEST)
    session = request.cookies.get(SESSION_COOKIE)
    token = form.get(CSRF_FIELD)
    if not request.app.state.sessions.csrf_valid(session, token if isinstance(token, str) else None):
        raise Refusal(403, W.csrf_title, W.csrf_text)
    return form

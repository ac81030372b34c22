"""The web app: routes, the session and login middleware, and what every page shares (`create_app`)."""

from __future__ import annotations

from pathlib import Path

from anyio import CapacityLimiter
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from pipeline.web import (
    account_pages,
    campaign_pages,
    data_pages,
    job_pages,
    output_pages,
    reading_pages,
    self_pages,
    template_pages,
)
from pipeline.web.appraisal_routes import appraisal_routes
from pipeline.web.desk_store import account_token, session_visitor
from pipeline.web.jobs import Desk
from pipeline.web.login_limits import LoginLimits
from pipeline.web.login_pages import EXPIRED, HASHES_AT_ONCE, log_in, log_out, login_form, set_session
from pipeline.web.pages import Refusal, page, refusal_page
from pipeline.web.roles import VISITOR, guarded_routes
from pipeline.web.runs import Runs
from pipeline.web.security import SESSION_COOKIE, Sessions, load_password
from pipeline.web.words import W

STATIC = Path(__file__).parent / "static"
_OPEN = ("/login", "/first-login", "/static/")  # reachable before logging in
HEADERS = {  # pages use only their own style sheet, script and pictures, and are never framed by another site
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


class SessionGate(BaseHTTPMiddleware):
    """Gives each browser a session cookie; when a password is set for this app, asks it first."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        state = request.app.state
        session = request.cookies.get(SESSION_COOKIE)
        fresh = None
        if not session:
            fresh = request.scope["new_session"] = state.sessions.new_id()
        known = state.sessions.known(session) or account_token(session) is not None  # logged in once (maybe ended)
        visitor = session_visitor(state, session) if account_token(session) is None \
            else await run_in_threadpool(session_visitor, state, session)  # an account: read from the store
        if visitor is None and not request.url.path.startswith(_OPEN):
            response: Response = RedirectResponse(f"/login?{EXPIRED}" if known else "/login", status_code=303)
        else:
            request.scope[VISITOR] = visitor
            response = await call_next(request)
        if fresh:
            set_session(response, request, fresh)
        response.headers.update(HEADERS)
        return response


async def not_found(request: Request, exc: Exception) -> Response:
    return page(request, "refused.html", status=404, title=W.not_found, text=W.not_found)


async def crashed(request: Request, exc: Exception) -> Response:
    """A fault of the program, said as the command line says it; the details go to the server's log."""
    import traceback

    traceback.print_exception(exc)
    return page(request, "refused.html", status=500, title=W.crashed_title, text=W.run_crashed)


async def refused(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Refusal)
    return refusal_page(request, exc)


def create_app(jobs: Path, outputs: Path | None = None, password_path: Path | None = None,
               allowed_hosts: list[str] | None = None, store_url: str | None = None) -> Starlette:
    """The app over the jobs folder `jobs`, writing into `outputs` (default: `outputs/` beside `jobs`).

    `password_path`: the password file, when this app asks for a password (it listens beyond this machine).
    `allowed_hosts`: the Host headers accepted (against DNS rebinding); None accepts any.
    `store_url`: the campaign's database (None: an SQLite file beside the jobs folder), opened on first use.
    """
    jobs = jobs.absolute()
    routes = [
        Route("/", job_pages.job_list),
        Route("/login", login_form, methods=["GET"]),
        Route("/login", log_in, methods=["POST"]),
        Route("/logout", log_out, methods=["POST"]),
        Route("/new", job_pages.new_form, methods=["GET"]),
        Route("/new", job_pages.create, methods=["POST"]),
        Route("/templates/{name}", template_pages.shipped),
        Route("/jobs/{job}", job_pages.job_home),
        Route("/jobs/{job}/edit", job_pages.edit_form, methods=["GET"]),
        Route("/jobs/{job}/edit", job_pages.save, methods=["POST"]),
        Route("/jobs/{job}/data", data_pages.data, methods=["GET"]),
        Route("/jobs/{job}/data", data_pages.upload, methods=["POST"]),
        Route("/jobs/{job}/data/file", data_pages.data_file),
        Route("/jobs/{job}/data.zip", data_pages.data_zip),
        Route("/jobs/{job}/data/delete", data_pages.delete_form, methods=["GET"]),
        Route("/jobs/{job}/data/delete", data_pages.delete, methods=["POST"]),
        Route("/jobs/{job}/data/aside", data_pages.set_aside, methods=["POST"]),
        Route("/jobs/{job}/data/restore", data_pages.restored, methods=["POST"]),
        Route("/jobs/{job}/check", reading_pages.check),
        Route("/jobs/{job}/check/loi.xlsx", reading_pages.errors_workbook),
        Route("/jobs/{job}/results", reading_pages.results),
        Route("/jobs/{job}/documents", output_pages.documents, methods=["GET"]),
        Route("/jobs/{job}/documents", output_pages.start, methods=["POST"]),
        Route("/jobs/{job}/progress", output_pages.progress),
        Route("/jobs/{job}/output", output_pages.output_file),
        Route("/jobs/{job}/output.zip", output_pages.output_zip),
        Route("/jobs/{job}/preview", output_pages.preview),
        Route("/jobs/{job}/preview/page", output_pages.preview_picture),
        Route("/jobs/{job}/templates", template_pages.templates, methods=["GET"]),
        Route("/jobs/{job}/templates", template_pages.upload, methods=["POST"]),
        Route("/jobs/{job}/templates/shipped", template_pages.use_shipped, methods=["POST"]),
        Route("/jobs/{job}/templates/annotated", template_pages.annotated_copy),
        Route("/jobs/{job}/templates/file", template_pages.own_file),
        Route("/first-login", account_pages.first_login_form, methods=["GET"]),
        Route("/first-login", account_pages.first_login, methods=["POST"]),
        # the online campaign (the secretariat's page, a unit's self-assessment)
        Route("/jobs/{job}/campaign", campaign_pages.campaign),
        Route("/jobs/{job}/campaign/accounts", campaign_pages.create_accounts, methods=["POST"]),
        Route("/jobs/{job}/campaign/code", campaign_pages.renew_code, methods=["POST"]),
        Route("/jobs/{job}/campaign/reopen", campaign_pages.reopen, methods=["POST"]),
        Route("/jobs/{job}/campaign/phase", campaign_pages.set_phase, methods=["POST"]),
        Route("/jobs/{job}/self", self_pages.self_page),
        Route("/jobs/{job}/self/submit", self_pages.submit_form, methods=["GET"]),
        Route("/jobs/{job}/self/submit", self_pages.submit, methods=["POST"]),
        Route("/jobs/{job}/self/report", self_pages.report),
        Route("/jobs/{job}/self/{criterion}", self_pages.save_criterion, methods=["POST"]),
        Route("/jobs/{job}/self/{criterion}/evidence", self_pages.add_evidence, methods=["POST"]),
        Route("/jobs/{job}/evidence/{id:int}", self_pages.evidence_file),
        *appraisal_routes(),  # the appraisal and the explanation round
        Route("/jobs/{job}/evidence/{id:int}/remove", self_pages.remove_evidence, methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    routes = guarded_routes(routes)  # each route reached only by the roles its endpoint declares (`roles`)
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)] if allowed_hosts else []
    middleware.append(Middleware(SessionGate))
    app = Starlette(routes=routes, middleware=middleware,
                    exception_handlers={404: not_found, Refusal: refused, Exception: crashed})
    app.state.desk = Desk(jobs, (outputs or jobs.parent / "outputs").absolute())
    app.state.runs = Runs()
    app.state.sessions = Sessions()
    app.state.login_limits = LoginLimits()
    app.state.hashing = CapacityLimiter(HASHES_AT_ONCE)  # passwords checked at once, each in a worker thread
    app.state.store_url, app.state.store = store_url, None
    app.state.password = load_password(password_path) if password_path is not None else None
    if password_path is not None and app.state.password is None:
        raise ValueError("a password is required but none is set")
    return app

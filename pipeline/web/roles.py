"""Who is at the desk and which routes each role reaches: declared once per route, checked on every request.

A route's endpoint declares its roles with `@for_roles(...)`; an endpoint that declares none is the
secretariat's only (so a new page is closed to units and appraisers until it says otherwise). `guarded_routes`
wraps every route of the app with the check, server-side, before the endpoint runs: a visitor whose role is not
declared gets a 403 page in Vietnamese; a unit or appraiser reaching a job other than its account's gets 404 (as
if the job did not exist).

The visitor comes from the session: a session logged in with an account is that account (its role, its job,
its unit); the desk's own password (or the loopback desk without a password) is the secretariat, as today.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import wraps

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from pipeline.store.records import Account, Role
from pipeline.web.pages import Refusal
from pipeline.web.words_campaign import C

Endpoint = Callable[[Request], Awaitable[Response]]
_ROLES = "desk_roles"
VISITOR = "visitor"  # the key of the request's scope that holds its `Visitor`


@dataclass(frozen=True)
class Visitor:
    """The person a request comes from: a role, and the account when logged in with one."""

    role: Role
    account: Account | None = None

    @property
    def secretariat(self) -> bool:
        return self.role is Role.SECRETARIAT

    @property
    def job(self) -> str | None:
        """The job an account belongs to (None: the secretariat, who reaches every job)."""
        return None if self.secretariat or self.account is None else self.account.job

    @property
    def unit(self) -> str | None:
        return self.account.unit if self.account is not None and self.role is Role.UNIT else None

    @property
    def home(self) -> str:
        """Where the visitor starts: the secretariat's job list, a unit's self-assessment, an appraiser's units."""
        if self.job is None:
            return "/"
        return f"/jobs/{self.job}/self" if self.role is Role.UNIT else f"/jobs/{self.job}/appraisal"


SECRETARIAT = Visitor(Role.SECRETARIAT)
EVERYONE = tuple(Role)


def for_roles(*roles: Role) -> Callable[[Endpoint], Endpoint]:
    """Declares the roles that reach an endpoint: `@for_roles(Role.UNIT)` above `async def self_page(request)`."""
    def declare(endpoint: Endpoint) -> Endpoint:
        setattr(endpoint, _ROLES, frozenset(roles))
        return endpoint
    return declare


def roles_of(endpoint: Endpoint) -> frozenset[Role]:
    """The roles an endpoint declared; the secretariat's only when it declared none."""
    return getattr(endpoint, _ROLES, frozenset({Role.SECRETARIAT}))


def visitor_of(request: Request) -> Visitor:
    """The request's visitor, set by the session gate (the secretariat where no gate ran)."""
    return request.scope.get(VISITOR) or SECRETARIAT


def _guard(endpoint: Endpoint) -> Endpoint:
    roles = roles_of(endpoint)

    @wraps(endpoint)
    async def guarded(request: Request) -> Response:
        visitor = visitor_of(request)
        if visitor.role not in roles:
            raise Refusal(403, C.forbidden_title, C.forbidden)
        job = request.path_params.get("job")
        if visitor.job is not None and job is not None and job != visitor.job:
            raise HTTPException(404)
        return await endpoint(request)
    return guarded


def guarded_routes(routes: list[BaseRoute]) -> list[BaseRoute]:
    """Every route with its endpoint checked against the roles it declared (mounts, such as the static files,
    are left as they are: they hold nothing of anyone's)."""
    checked: list[BaseRoute] = []
    for route in routes:
        if isinstance(route, Route):
            methods = sorted(route.methods - {"HEAD"}) if route.methods else None
            checked.append(Route(route.path, _guard(route.endpoint), methods=methods, name=route.name))
        else:
            checked.append(route)
    return checked


"""The explanation round (giải trình): a unit reads its appraised points and comments and answers each once.

The page shows nothing before the secretariat opens the round; while it is open the unit answers a criterion
once (an answer already given is refused, as is a save crossing another: each names its version); once the
round is closed the page shows the final points, read only.
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from pipeline.store.errors import Conflict
from pipeline.store.records import Role
from pipeline.web.appraisal_scope import MAX_TEXT
from pipeline.web.appraisal_view import Campaign, criterion_rows, refuse, totals_line
from pipeline.web.pages import page, posted
from pipeline.web.roles import for_roles
from pipeline.web.words import W


def _own_unit(campaign: Campaign) -> str:
    unit = campaign.visitor.unit
    if unit is None or unit not in campaign.groups:
        refuse(404)
    return unit


def explanation_page(request: Request, campaign: Campaign, status: int = 200, sent: str | None = None,
                     errors: list[str] | None = None) -> Response:
    """The unit's page of the round; `sent`: the code of the criterion just answered (said only if it is one)."""
    unit = _own_unit(campaign)
    phase = campaign.phase()
    shown = phase in ("explanation", "final")
    rows, totals = [], ""
    if shown:
        entries = campaign.entries(unit)
        rows = criterion_rows(campaign.tree(unit), entries, (), {})
        totals = totals_line(campaign, unit, entries, phase == "final")
    codes = {r["code"] or r["key"] for r in rows if r["key"]}
    said = W.ap_explanation_sent.format(code=sent) if sent in codes else None
    return page(request, "explanation.html", status=status, title=W.ap_explanation_title, job=campaign.job,
                rows=rows, shown=shown, final=phase == "final", totals=totals, said=said, errors=errors or [])


@for_roles(Role.UNIT)
async def explanation(request: Request) -> Response:
    campaign = Campaign.of(request, Role.UNIT)
    return await run_in_threadpool(lambda: explanation_page(request, campaign, sent=request.query_params.get("da-gui")))


@for_roles(Role.UNIT)
async def explain(request: Request) -> Response:
    campaign = Campaign.of(request, Role.UNIT)
    form = await posted(request)
    return await run_in_threadpool(_explained, request, campaign, {k: str(v) for k, v in form.items()})


def _explained(request: Request, campaign: Campaign, form: dict[str, str]) -> Response:
    unit = _own_unit(campaign)
    key = request.path_params["criterion"]
    criterion = next((c for c in campaign.tree(unit) if c.key == key), None)
    if criterion is None:
        refuse(404)
    code = criterion.code or key
    if campaign.phase() != "explanation":
        return explanation_page(request, campaign, status=409, errors=[W.ap_explanation_closed])
    text = form.get("explanation", "").replace("\r\n", "\n").strip()
    version = form.get("version", "")
    entry = campaign.store.entries(campaign.job, unit).get(key)
    errors = []
    if entry is not None and entry.explanation:
        errors.append(W.ap_explanation_once.format(code=code))
    elif not text:
        errors.append(W.ap_explanation_empty.format(code=code))
    elif len(text) > MAX_TEXT:
        errors.append(W.ap_comment_too_long.format(count=MAX_TEXT))
    elif not version.isdigit():
        errors.append(W.ap_changed_meanwhile.format(code=code))
    if errors:
        return explanation_page(request, campaign, status=409 if entry and entry.explanation else 400, errors=errors)
    try:
        campaign.save(unit, key, {"explanation": text}, int(version))
    except Conflict:
        return explanation_page(request, campaign, status=409, errors=[W.ap_changed_meanwhile.format(code=code)])
    return RedirectResponse(f"/jobs/{quote(campaign.job)}/explanation?da-gui={quote(code)}#c-{quote(key)}",
                            status_code=303)

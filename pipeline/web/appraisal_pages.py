"""The appraisal online: the appraiser's submitted units, one unit's criteria appraised, the council's final points.

An appraiser sees and appraises only the units assigned to it (by name or group) once they are submitted; the
secretariat sees every submitted unit and the progress. Appraised points and comments are saved while the
campaign is in its appraisal phase, final points (by the secretariat, for the council) while the explanation
round is open; every save names the version the page showed, so a save crossing another is refused and said,
never written over it. Each save is written into the unit's workbook too (`appraisal_scope.workbook_entry`).
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from pipeline.store.errors import Conflict
from pipeline.store.records import Role
from pipeline.web.appraisal_scope import MAX_TEXT, appraised_units, is_appraised, may_appraise
from pipeline.web.appraisal_view import Campaign, criterion_rows, refuse, refused_points, totals_line
from pipeline.web.pages import page, posted
from pipeline.web.roles import for_roles
from pipeline.web.words import W


@for_roles(Role.SECRETARIAT, Role.APPRAISER)
async def appraisal_list(request: Request) -> Response:
    campaign = Campaign.of(request, Role.SECRETARIAT, Role.APPRAISER)
    store, job = campaign.store, campaign.job
    submitted = campaign.submitted()
    rows = []
    for unit in appraised_units(campaign.visitor, job, campaign.groups, submitted):
        entries = store.entries(job, unit)
        keys = campaign.keys(unit)
        evidenced = {e.criterion for e in store.evidence(job, unit)}
        rows.append({"unit": unit, "group": campaign.groups[unit], "total": len(keys),
                     "done": sum(is_appraised(entries.get(k)) for k in keys),
                     "missing": sum(k not in evidenced for k in keys)})
    return page(request, "appraisal.html", title=W["ap_appraisal_title"], job=job, rows=rows,
                phase=campaign.phase(), secretariat=campaign.visitor.secretariat,
                done=sum(r["done"] == r["total"] for r in rows), units=len(campaign.groups))


def _unit_in_scope(campaign: Campaign, unit: str) -> None:
    group = campaign.groups.get(unit)
    if group is None or not may_appraise(campaign.visitor, campaign.job, unit, group):
        refuse(404)
    if unit not in campaign.submitted():
        refuse(404)


@for_roles(Role.SECRETARIAT, Role.APPRAISER)
async def appraisal_unit(request: Request) -> Response:
    campaign = Campaign.of(request, Role.SECRETARIAT, Role.APPRAISER)
    unit = request.path_params["unit"]
    _unit_in_scope(campaign, unit)
    return unit_page(request, campaign, unit, said=_said(request))


def _said(request: Request) -> str | None:
    code = request.query_params.get("da-luu")
    kind = request.query_params.get("loai")
    if not code:
        return None
    return W["ap_final_saved" if kind == "final" else "ap_appraisal_saved"].format(code=code)


def unit_page(request: Request, campaign: Campaign, unit: str, status: int = 200, said: str | None = None,
              errors: list[str] | None = None, typed: dict[str, str] | None = None) -> Response:
    phase = campaign.phase()
    entries = campaign.store.entries(campaign.job, unit)
    evidence = campaign.store.evidence(campaign.job, unit)
    tree = campaign.tree(unit)
    rows = criterion_rows(tree, entries, evidence, typed or {})
    show_explanation = phase in ("explanation", "final")
    totals = totals_line(campaign, unit, entries, show_explanation)
    return page(request, "appraisal_unit.html", status=status, title=W["ap_appraisal_unit_title"].format(unit=unit),
                job=campaign.job, unit=unit, rows=rows, phase=phase, said=said, errors=errors or [], totals=totals,
                appraisal_open=phase == "appraisal", show_explanation=show_explanation,
                final_open=phase == "explanation" and campaign.visitor.secretariat)


@for_roles(Role.SECRETARIAT, Role.APPRAISER)
async def appraisal_save(request: Request) -> Response:
    """Appraised points and comment (appraisal phase), or final points (explanation round, the secretariat)."""
    campaign = Campaign.of(request, Role.SECRETARIAT, Role.APPRAISER)
    unit, key = request.path_params["unit"], request.path_params["criterion"]
    _unit_in_scope(campaign, unit)
    form = await posted(request)
    phase = campaign.phase()
    criterion = next((c for c in campaign.tree(unit) if c.key == key), None)
    if criterion is None:
        refuse(404)
    if phase == "explanation" and not campaign.visitor.secretariat:
        refuse(403, W["ap_final_closed"])
    if phase not in ("appraisal", "explanation"):
        refuse(409, W["ap_appraisal_closed"])
    text = str(form.get("points") or "")
    points = refused_points(text, criterion)
    comment = str(form.get("comment") or "").strip()
    errors = [points] if isinstance(points, str) else []
    if len(comment) > MAX_TEXT:
        errors.append(W["ap_comment_too_long"].format(count=MAX_TEXT))
    version = str(form.get("version") or "")
    if not version.isdigit():
        refuse(400, W["ap_changed_meanwhile"].format(code=criterion.code or key))
    if errors:
        return unit_page(request, campaign, unit, status=400, errors=errors, typed={key: text})
    changes = {"final_points": points} if phase == "explanation" else {"appraised_points": points,
                                                                          "appraisal_comment": comment}
    try:
        campaign.save(unit, key, changes, int(version))
    except Conflict:
        return unit_page(request, campaign, unit, status=409,
                         errors=[W["ap_changed_meanwhile"].format(code=criterion.code or key)])
    kind = "final" if phase == "explanation" else "appraisal"
    return RedirectResponse(f"/jobs/{quote(campaign.job)}/appraisal/{quote(unit)}?da-luu={quote(criterion.code or key)}"
                            f"&loai={kind}#c-{quote(key)}", status_code=303)

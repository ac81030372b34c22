"""The appraisal online: the appraiser's submitted units, one unit's criteria appraised, the council's final points.

An appraiser sees and appraises only the units assigned to it (by name or group) once they are submitted, their
evidence included; the secretariat sees every submitted unit and the progress. Appraised points and comments are
saved while the campaign is in its appraisal phase, final points (by the secretariat, for the council) while the
explanation round is open; every save names the version the page showed, so a save crossing another is refused
and said, never written over it. Each save is written into the unit's workbook too (`appraisal_scope`).
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from pipeline.store.errors import Conflict, StoreError
from pipeline.store.records import Role
from pipeline.web.appraisal_scope import MAX_TEXT, MOVES, appraised_units, is_appraised, may_appraise
from pipeline.web.appraisal_view import Campaign, criterion_rows, refuse, refused_points, totals_line
from pipeline.web.downloads import file_download
from pipeline.web.pages import page, posted
from pipeline.web.roles import for_roles
from pipeline.web.words import APPRAISAL_PHASES, W


@for_roles(Role.SECRETARIAT, Role.APPRAISER)
async def appraisal_list(request: Request) -> Response:
    campaign = Campaign.of(request, Role.SECRETARIAT, Role.APPRAISER)
    return await run_in_threadpool(_list_page, request, campaign)


def _list_page(request: Request, campaign: Campaign) -> Response:
    store, job = campaign.store, campaign.job
    rows = []
    for unit in appraised_units(campaign.visitor, job, campaign.groups, campaign.submitted()):
        entries = campaign.entries(unit)
        keys = campaign.keys(unit)
        evidenced = {e.criterion for e in store.evidence(job, unit)}
        rows.append({"unit": unit, "group": campaign.groups[unit], "total": len(keys),
                     "done": sum(is_appraised(entries.get(k)) for k in keys),
                     "missing": sum(k not in evidenced for k in keys)})
    appraisers = [a for a in store.accounts(job) if a.role is Role.APPRAISER] if campaign.visitor.secretariat else []
    said = None
    if request.query_params.get("giai-doan") in ("appraisal", "explanation", "final"):
        said = W.ap_phase_changed.format(phase=APPRAISAL_PHASES[request.query_params["giai-doan"]])
    elif request.query_params.get("da-giao"):
        said = W.ap_assign_saved
    return page(request, "appraisal.html", title=W.ap_appraisal_title, job=job, tab="appraisal", rows=rows,
                phase=campaign.phase(), secretariat=campaign.visitor.secretariat, appraisers=appraisers,
                done=sum(r["done"] == r["total"] for r in rows), units=len(campaign.groups), said=said,
                moves=MOVES)


def in_scope(campaign: Campaign, unit: str) -> None:
    """Refuses (404: nothing said of what exists) a unit the visitor may not appraise or that has not submitted."""
    group = campaign.groups.get(unit)
    if group is None or not may_appraise(campaign.visitor, campaign.job, unit, group):
        refuse(404)
    if unit not in campaign.submitted():
        refuse(404)


@for_roles(Role.SECRETARIAT, Role.APPRAISER)
async def appraisal_unit(request: Request) -> Response:
    campaign = Campaign.of(request, Role.SECRETARIAT, Role.APPRAISER)
    unit = request.path_params["unit"]
    code = request.query_params.get("da-luu")
    saved = W.ap_final_saved if request.query_params.get("loai") == "final" else W.ap_appraisal_saved

    def shown() -> Response:
        in_scope(campaign, unit)
        known = code in {c.code or c.key for c in campaign.tree(unit) if c.key}  # a code of the unit's, not any text
        return unit_page(request, campaign, unit, said=saved.format(code=code) if known else None)
    return await run_in_threadpool(shown)


def unit_page(request: Request, campaign: Campaign, unit: str, status: int = 200, said: str | None = None,
              errors: list[str] | None = None, typed: dict[str, str] | None = None) -> Response:
    phase = campaign.phase()
    entries = campaign.entries(unit)
    rows = criterion_rows(campaign.tree(unit), entries, campaign.store.evidence(campaign.job, unit), typed or {})
    show_explanation = phase in ("explanation", "final")
    return page(request, "appraisal_unit.html", status=status, title=W.ap_appraisal_unit_title.format(unit=unit),
                job=campaign.job, tab="appraisal", unit=unit, rows=rows, phase=phase, said=said, errors=errors or [],
                totals=totals_line(campaign, unit, entries, show_explanation), appraisal_open=phase == "appraisal",
                show_explanation=show_explanation, final_open=phase == "explanation" and campaign.visitor.secretariat)


@for_roles(Role.SECRETARIAT, Role.APPRAISER)
async def appraisal_save(request: Request) -> Response:
    """Appraised points and comment (appraisal phase), or final points (explanation round, the secretariat)."""
    campaign = Campaign.of(request, Role.SECRETARIAT, Role.APPRAISER)
    form = await posted(request)
    return await run_in_threadpool(_saved, request, campaign, {k: str(v) for k, v in form.items()})


def _saved(request: Request, campaign: Campaign, form: dict[str, str]) -> Response:
    unit, key = request.path_params["unit"], request.path_params["criterion"]
    in_scope(campaign, unit)
    phase = campaign.phase()
    criterion = next((c for c in campaign.tree(unit) if c.key == key), None)
    if criterion is None:
        refuse(404)
    code = criterion.code or key
    if phase == "explanation" and not campaign.visitor.secretariat:
        refuse(403, W.ap_final_closed)
    if phase not in ("appraisal", "explanation"):
        refuse(409, W.ap_appraisal_closed)
    text = form.get("points", "")
    points = refused_points(text, criterion)
    comment = form.get("comment", "").replace("\r\n", "\n").strip()
    errors = [points] if isinstance(points, str) else []
    if len(comment) > MAX_TEXT:
        errors.append(W.ap_comment_too_long.format(count=MAX_TEXT))
    version = form.get("version", "")
    if not version.isdigit():
        errors.append(W.ap_changed_meanwhile.format(code=code))
    if errors:
        return unit_page(request, campaign, unit, status=400, errors=errors, typed={key: text})
    changes = {"final_points": points} if phase == "explanation" else {"appraised_points": points,
                                                                          "appraisal_comment": comment}
    try:
        campaign.save(unit, key, changes, int(version))
    except Conflict:
        return unit_page(request, campaign, unit, status=409, errors=[W.ap_changed_meanwhile.format(code=code)])
    except StoreError as refused:
        return unit_page(request, campaign, unit, status=409, errors=[str(refused)])
    kind = "final" if phase == "explanation" else "appraisal"
    return RedirectResponse(f"/jobs/{quote(campaign.job)}/appraisal/{quote(unit)}?da-luu={quote(code)}"
                            f"&loai={kind}#c-{quote(key)}", status_code=303)


@for_roles(Role.SECRETARIAT, Role.APPRAISER)
async def appraisal_evidence(request: Request) -> Response:
    """An evidence file of a unit the visitor appraises; any other finds nothing (404)."""
    campaign = Campaign.of(request, Role.SECRETARIAT, Role.APPRAISER)
    unit = request.path_params["unit"]

    def found() -> Response:
        in_scope(campaign, unit)
        try:
            record, path = campaign.store.evidence_file(request.path_params["id"])
        except StoreError:
            refuse(404)
        if record.job != campaign.job or record.unit != unit:
            refuse(404)
        return file_download(path, record.file_name, record.media_type)
    return await run_in_threadpool(found)

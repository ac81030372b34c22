"""The secretariat's part of the appraisal: units or groups assigned to appraisers, the campaign's phases.

Closing the round (or the appraisal, without a round) fixes the final points: a criterion without final
points gets its appraised points (each such save audited like any), every unit's workbook is written with
them, and the job's "Đã thẩm định xong" is ticked, so the appraisal notices and the decision are made from the
final points by the same run as today.
"""

from __future__ import annotations

import tomllib
from urllib.parse import quote

import tomlkit
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from pipeline.store.errors import Conflict, StoreError
from pipeline.store.records import Role
from pipeline.web.appraisal_scope import MOVES, unknown_assignments
from pipeline.web.appraisal_view import Campaign, refuse
from pipeline.web.form_edit import set_value
from pipeline.web.pages import page, posted
from pipeline.web.roles import for_roles
from pipeline.web.words import APPRAISAL_PHASES, W
from pipeline.write.files import write_atomically

SETTINGS = "job.toml"


@for_roles(Role.SECRETARIAT)
async def change_phase(request: Request) -> Response:
    campaign = Campaign.of(request, Role.SECRETARIAT)
    form = await posted(request)
    now = campaign.phase()
    move = str(form.get("move") or "")
    opened = MOVES.get((now, move))
    if opened is None:
        refuse(409, W.ap_phase_wrong.format(phase=APPRAISAL_PHASES[now]))
    if opened == "final":
        await run_in_threadpool(fix_final_points, campaign)
    deadline = campaign.store.phase(campaign.job).deadline
    await run_in_threadpool(campaign.store.set_phase, campaign.job, opened, deadline, campaign.actor)
    return RedirectResponse(f"/jobs/{quote(campaign.job)}/appraisal?giai-doan={opened}", status_code=303)


def fix_final_points(campaign: Campaign) -> None:
    """Final points = appraised points where none were given, every unit's workbook written, appraisal done."""
    store, job = campaign.store, campaign.job
    for unit in campaign.submitted():
        for key, entry in store.entries(job, unit).items():
            for _ in range(3):  # another save may cross this one: read again and retry
                if entry.final_points is not None or entry.appraised_points is None:
                    break
                try:
                    store.save_entry(job, unit, key, {"final_points": entry.appraised_points},
                                     expected_version=entry.version, actor=campaign.actor)
                    break
                except Conflict:
                    entry = store.entries(job, unit)[key]
        campaign.write_workbook(unit)
    _tick_appraisal_done(campaign)


def _tick_appraisal_done(campaign: Campaign) -> None:
    path = campaign.request.app.state.desk.folder(campaign.job) / SETTINGS
    text = path.read_text(encoding="utf-8")
    if tomllib.loads(text).get("appraisal", {}).get("done") is True:
        return
    document = tomlkit.parse(text)
    set_value(document, "appraisal.done", True)
    write_atomically(path, tomlkit.dumps(document).encode("utf-8"))


def _assigned(campaign: Campaign, form: FormData) -> tuple[str, ...]:
    """The units or groups typed one a line, each a name of the register (else refused, all named at once)."""
    names = [line.strip() for line in str(form.get("assigned") or "").splitlines() if line.strip()]
    unknown = unknown_assignments(names, campaign.groups)
    if unknown:
        refuse(400, " ".join(W.ap_assign_unknown.format(name=n) for n in unknown))
    return tuple(dict.fromkeys(names))


@for_roles(Role.SECRETARIAT)
async def add_appraiser(request: Request) -> Response:
    """A new appraiser account of the job with its units or groups; its one-time code is shown once, here."""
    campaign = Campaign.of(request, Role.SECRETARIAT)
    form = await posted(request)
    name = str(form.get("name") or "").strip()
    if not name:
        refuse(400, W.ap_appraiser_name_missing)
    assigned = _assigned(campaign, form)
    try:
        account, code = await run_in_threadpool(campaign.store.create_account, Role.APPRAISER, name,
                                                job=campaign.job, assigned=assigned, actor=campaign.actor)
    except StoreError as refused:
        refuse(400, str(refused))
    return page(request, "appraiser_code.html", title=W.ap_appraiser_made, job=campaign.job, account=account,
                code=code)


@for_roles(Role.SECRETARIAT)
async def assign(request: Request) -> Response:
    """The units or groups (one a line) an appraiser account appraises."""
    campaign = Campaign.of(request, Role.SECRETARIAT)
    form = await posted(request)
    account_id = str(form.get("account") or "")
    account = campaign.store.account(int(account_id)) if account_id.isdigit() else None
    if account is None or account.role is not Role.APPRAISER or account.job != campaign.job:
        refuse(404)
    await run_in_threadpool(campaign.store.set_assigned, account.id, _assigned(campaign, form), campaign.actor)
    return RedirectResponse(f"/jobs/{quote(campaign.job)}/appraisal?da-giao={account.id}", status_code=303)

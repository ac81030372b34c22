"""The secretariat's page of an online campaign: the units' accounts (made from the register, their one-time codes
downloaded as a workbook), the progress of each unit (submitted when, appraised or not), reopening a unit, and the
phase with its deadline. The secretariat's only (no route here declares another role)."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from pipeline.base.errors import InputErrors
from pipeline.base.messages import describe
from pipeline.store.accounts import CODE_LIFETIME
from pipeline.store.accounts_list import accounts_workbook
from pipeline.store.core import VIETNAM, utc_now
from pipeline.store.errors import StoreError
from pipeline.store.records import PHASES, Role
from pipeline.store.register_accounts import follow_register, job_register
from pipeline.store.store import Store
from pipeline.web.appraisal_admin import fix_final_points
from pipeline.web.appraisal_view import Campaign
from pipeline.web.data_pages import who
from pipeline.web.desk_audience import DESK
from pipeline.web.desk_store import desk_store
from pipeline.web.downloads import bytes_download
from pipeline.web.job_pages import job_folder
from pipeline.web.pages import campaign_job, page, posted
from pipeline.web.self_pages import shown_time
from pipeline.web.unit_workbooks import campaign_units
from pipeline.web.words_campaign import PHASE_NAMES, C

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _campaign(request: Request) -> tuple[str, Path]:
    name, folder = job_folder(request)
    if not campaign_job(request, name):
        raise HTTPException(404)
    return name, folder


def progress_rows(store: Store, folder: Path, job: str) -> list[dict]:
    """One row per unit of the register: its account, workbook, state, when it submitted, how much is appraised."""
    units = campaign_units(folder) or []
    accounts = {a.unit: a for a in store.accounts(job) if a.role is Role.UNIT}
    states = store.statuses(job)
    entries = store.job_entries(job)
    rows = []
    for number, unit in enumerate(units, 1):
        status = states.get(unit.unit)
        appraised = sum(1 for e in entries.get(unit.unit, {}).values()
                        if e.appraised_points is not None or e.final_points is not None)
        rows.append({"number": number, "unit": unit.unit, "group": unit.group, "path": unit.path, "reason": unit.reason,
                     "account": accounts.get(unit.unit), "state": status.state if status else "draft",
                     "submitted_at": status.submitted_at if status else None, "appraised": appraised})
    return rows


async def campaign_page(request: Request, status: int = 200, notice: str | None = None,
                        error: str | None = None) -> Response:
    job, folder = _campaign(request)
    store = desk_store(request.app.state)
    rows = await run_in_threadpool(progress_rows, store, folder, job)
    phase = await run_in_threadpool(store.phase, job)
    said = request.query_params.get("xong")
    if notice is None and said == "mo-lai":
        notice = C.reopened.format(unit=request.query_params.get("don-vi", ""))
    elif notice is None and said == "giai-doan":
        notice = C.phase_saved.format(phase=PHASE_NAMES[phase.phase],
                                      deadline=shown_time(phase.deadline) or C.no_deadline)
    local = phase.deadline.astimezone(VIETNAM) if phase.deadline else None
    return page(request, "campaign.html", status=status, job=job, tab="campaign", title=C.campaign_title,
                rows=rows, phase=phase, phases=PHASES, notice=notice, error=error, shown_time=shown_time,
                deadline_date=local.strftime("%d/%m/%Y") if local else "",
                deadline_time=local.strftime("%H:%M") if local else "17:00",
                submitted=sum(1 for r in rows if r["state"] == "submitted"),
                evaluated=sum(1 for r in rows if not r["reason"]), appraised=sum(1 for r in rows if r["appraised"]))


async def campaign(request: Request) -> Response:
    return await campaign_page(request)


async def create_accounts(request: Request) -> Response:
    """Accounts for the register's units that have none (renamed ones kept, units not evaluated locked), and the
    list of the job's accounts with the new ones' codes, downloaded at once (the codes are shown only here)."""
    await posted(request)
    job, folder = _campaign(request)
    store = desk_store(request.app.state)
    try:
        register, renames = await run_in_threadpool(job_register, folder)
        done = await run_in_threadpool(follow_register, store, job, register, renames, who(request))
    except InputErrors as exc:
        why = "; ".join(describe(p, DESK) for p in exc.problems[:5])
        return await campaign_page(request, 400, error=C.accounts_refused.format(why=why))
    except StoreError:
        return await campaign_page(request, 400, error=C.no_register)
    if not done.created:
        return await campaign_page(request, notice=C.accounts_nothing)
    until = utc_now() + CODE_LIFETIME
    codes = {account.id: (code, until) for account, code in done.created}
    content = accounts_workbook(store.accounts(job), codes, {new: old for old, new in done.renamed})
    return bytes_download(content, f"tai-khoan-{job}-{datetime.now():%Y%m%d-%H%M}.xlsx", XLSX)


async def renew_code(request: Request) -> Response:
    """A new one-time code for one of the job's accounts, downloaded in the same list form."""
    form = await posted(request)
    job, _ = _campaign(request)
    store = desk_store(request.app.state)
    account = next((a for a in store.accounts(job) if str(a.id) == str(form.get("account"))), None)
    if account is None:
        raise HTTPException(404)
    code = await run_in_threadpool(store.renew_code, account.id, who(request))
    renewed = store.account(account.id)
    if renewed is None:
        raise HTTPException(404)
    content = accounts_workbook([renewed], {renewed.id: (code, utc_now() + CODE_LIFETIME)}, {})
    return bytes_download(content, f"ma-moi-{renewed.login.split('@')[0]}.xlsx", XLSX)


async def reopen(request: Request) -> Response:
    form = await posted(request)
    job, _ = _campaign(request)
    unit = str(form.get("unit") or "")
    store = desk_store(request.app.state)
    try:
        await run_in_threadpool(store.reopen, job, unit, who(request))
    except StoreError as refused:
        return await campaign_page(request, 409, error=str(refused))
    return RedirectResponse(f"/jobs/{job}/campaign?{urlencode({'xong': 'mo-lai', 'don-vi': unit})}",
                            status_code=303)


def deadline_of(day: str, hour: str) -> datetime | None:
    """The deadline typed (a date and a time in Việt Nam) as an aware moment; None without a date;
    `ValueError` when it cannot be read."""
    if not day.strip():
        return None
    typed = day.strip()  # as the desk's other dates: day/month/year ("15/12/2026"); a browser's date box sends ISO
    read = datetime.strptime(typed, "%d/%m/%Y" if "/" in typed else "%Y-%m-%d").date()
    clock = hour.strip().lower().replace("h", ":").rstrip(":") or "23:59"  # "17:00", "17h", "17h30"
    hours, _, minutes = clock.partition(":")
    return datetime.combine(read, time(int(hours), int(minutes or 0)), tzinfo=VIETNAM)


async def set_phase(request: Request) -> Response:
    form = await posted(request)
    job, _ = _campaign(request)
    phase, day, hour = (str(form.get(k) or "") for k in ("phase", "date", "time"))
    if phase not in PHASES:
        return await campaign_page(request, 400, error=C.bad_date.format(value=day, time=hour))
    try:
        deadline = deadline_of(day, hour)
    except ValueError:
        return await campaign_page(request, 400, error=C.bad_date.format(value=day, time=hour))
    store = desk_store(request.app.state)
    if phase == "final" and store.phase(job).phase != "final":  # the final points fixed, as the appraisal page does
        await run_in_threadpool(fix_final_points, Campaign.of(request, Role.SECRETARIAT))
    await run_in_threadpool(store.set_phase, job, phase, deadline, who(request))
    return RedirectResponse(f"/jobs/{job}/campaign?xong=giai-doan", status_code=303)

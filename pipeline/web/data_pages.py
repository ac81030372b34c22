"""The data page: the job's data files (download, upload many at once, delete, set aside) and their history."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path
from typing import TypedDict
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.config.job_settings import data_files_in
from pipeline.figures.numbers import points_text
from pipeline.read.job_folder import read_settings
from pipeline.web.data_uploads import Outcome, Sent, accepted, unpacked, within_limit, write_refusal
from pipeline.web.desk_audience import DESK
from pipeline.web.desk_store import desk_store, store_in_use
from pipeline.web.downloads import bytes_download, file_download, zipped_files
from pipeline.web.entry_import import imported_workbooks
from pipeline.web.file_checks import file_problems, reader
from pipeline.web.history import discard, keep, restore, version_named, versions
from pipeline.web.job_pages import job_folder
from pipeline.web.jobs import Checked
from pipeline.web.names import inside
from pipeline.web.pages import campaign_job, page, posted
from pipeline.web.security import SESSION_COOKIE
from pipeline.web.uploads import MAX_UPLOAD, Refused
from pipeline.web.words import W
from pipeline.write.files import write_atomically

MAX_FILES = 1000  # files in one sending (a campaign's workbooks, a folder)
SHOWN_PROBLEMS = 3  # of one file's problems on the data page; the check page has them all
DONE = {"uploaded": W.done_uploaded, "deleted": W.done_deleted, "restored": W.done_restored,  # what a redirect to
        "set_aside": W.done_set_aside}  # the data page says was done, in its words


def data_files(folder: Path) -> tuple[list[str], Path]:
    """The job's data files (and register), relative to its folder, and the folder new files go to."""
    try:
        settings = read_settings(folder)
    except InputErrors:
        found = sorted({*data_files_in(folder), *(p for p in folder.glob("*/*") if p.suffix in (".xlsx", ".csv")
                                                  and not p.parent.name.startswith("."))})
        return [p.relative_to(folder).as_posix() for p in found], folder
    files = [*settings.data_files, *([settings.register] if settings.register else [])]
    where = {p.parent for p in settings.data_files}
    target = where.pop() if len(where) == 1 else folder
    return [p.relative_to(folder).as_posix() for p in files], target


def who(request: Request) -> str:
    """Who changed a file, as the history says it: this machine, or (open to the office network) the client's
    address and a short mark of its session (never the session id itself)."""
    if request.app.state.password is None:
        return W.this_machine
    session = request.cookies.get(SESSION_COOKIE, "")
    mark = hashlib.sha256(session.encode()).hexdigest()[:6]
    return W.who_client.format(address=request.client.host if request.client else "?", session=mark)


class _GroupCount(TypedDict):
    """A group as the data page counts it: its units, and those evaluated."""

    name: str
    count: int
    evaluated: int


def _read_summary(checked: Checked) -> dict | None:
    """What the check read: units per group and their totals, or a report's criteria and points."""
    result = checked.result
    if result is None:
        return None
    groups: list[_GroupCount] = [
        {"name": g.name, "count": len(result.members(g.name)),
         "evaluated": sum(1 for u in result.members(g.name) if u["evaluated"])} for g in result.settings.groups]
    summary = {"groups": groups, "units": sum(g["count"] for g in groups)}
    if result.criteria is not None and result.totals is not None:
        summary["criteria"] = len(result.criteria)
        summary["points"] = points_text(result.totals.points)
        summary["max"] = points_text(result.totals.max_points)
    return summary


def _set_aside_offers(checked: Checked, files: list[str]) -> list[dict]:
    """Each blank workbook of a unit the register does not evaluate, with its path for the "Để riêng" button."""
    offers = []
    for found in checked.problems:
        if found.reason is Reason.NOT_EVALUATED_BLANK_TABLE:
            path = next((f for f in files if Path(f).name == found.file), None)
            if path is not None:
                offers.append({"unit": found.value, "why": found.detail("why"), "path": path})
    return offers


def _shown(outcome: Outcome) -> dict:
    return {"name": outcome.name, "path": outcome.path, "replaced": outcome.replaced, "refused": outcome.refused,
            "count": len(outcome.problems), "problems": [describe(p, DESK) for p in outcome.problems[:SHOWN_PROBLEMS]]}


async def data(request: Request, refused: str | None = None, outcomes: list[Outcome] | None = None,
               status: int = 200) -> Response:
    name, folder = job_folder(request)
    files, _ = data_files(folder)
    checked = await run_in_threadpool(request.app.state.desk.check, name)
    sizes = {f: max(1, (folder / f).stat().st_size // 1024) for f in files if (folder / f).is_file()}
    done = request.query_params.get("done")
    message = DONE[done].format(name=request.query_params.get("name", "")) if done in DONE else None
    return page(request, "data.html", status=status, job=name, tab="data", files=files, sizes=sizes,
                summary=_read_summary(checked), problems=len(checked.problems), message=message,
                refused=refused, max_mb=MAX_UPLOAD // (1024 * 1024),
                outcomes=[_shown(o) for o in outcomes or ()], offers=_set_aside_offers(checked, files),
                history=[{"version": v, "kb": max(1, v.size // 1024), "when": _when(v.kept_at)}
                         for v in versions(folder)[:50]])


def _when(kept_at: str) -> str:
    """A version's time as staff write it: 14:05:09 ngày 01/12/2026."""
    try:
        return datetime.fromisoformat(kept_at).strftime("%H:%M:%S ngày %d/%m/%Y")
    except ValueError:
        return kept_at


async def upload(request: Request) -> Response:
    name, folder = job_folder(request)
    try:
        form = await posted(request, max_files=MAX_FILES)
    except HTTPException as exc:  # the form could not be read whole: more files than one sending takes
        if exc.status_code != 400:
            raise
        return await data(request, refused=W.too_many_files.format(count=MAX_FILES), status=400)
    try:
        sent = [f for f in form.getlist("file") if isinstance(f, UploadFile) and f.filename]
        target = str(form.get("target") or "")
        try:
            if not sent:
                raise Refused(W.no_file)
            if target and len(sent) > 1:
                raise Refused(W.target_one_file)
            contents = []
            for file in sent:
                contents.append(await file.read(MAX_UPLOAD + 1))
                within_limit([len(c) for c in contents])
        except Refused as refusal:
            return await data(request, refused=refusal.message, status=400)
        items = [Sent(file.filename or "", content) for file, content in zip(sent, contents, strict=True)]
    finally:
        await form.close()
    outcomes = await run_in_threadpool(received, folder, items, target, who(request))
    if campaign_job(request, name) and store_in_use(request.app.state):  # a unit working online: into the store too
        written = [o.path for o in outcomes if o.path is not None]
        kept_online = await run_in_threadpool(imported_workbooks, desk_store(request.app.state), folder, name,
                                              written, who(request))
        if kept_online:
            return await data(request, outcomes=outcomes, refused=" ".join(kept_online))
    everything_refused = all(o.refused for o in outcomes)
    return await data(request, outcomes=outcomes, status=400 if everything_refused else 200,
                      refused=outcomes[0].refused if everything_refused and len(outcomes) == 1 else None)


def received(folder: Path, sent: list[Sent], target: str, by: str) -> list[Outcome]:
    """Each sent file placed, checked and written (the file it replaces kept in the history), then read alone."""
    files, new_folder = data_files(folder)
    items, outcomes = unpacked(sent)
    new = new_folder.relative_to(folder).as_posix()
    written: set[str] = set()
    for item in items:
        outcome = Outcome(item.name)
        outcomes.append(outcome)
        try:
            relative = accepted(item, files, new, target if len(items) == 1 and len(sent) == 1 else "")
            path = inside(folder, relative)
            if path is None:
                raise Refused(W.bad_file_name.format(name=item.name))
            if relative in written:
                raise Refused(W.sent_twice.format(name=item.name, path=relative))
            outcome.replaced = path.is_file()
            kept = None
            try:
                kept = keep(folder, relative, by, "replaced") if outcome.replaced else None
                write_atomically(path, item.content)
            except InputErrors as exc:
                if kept is not None:
                    discard(folder, kept)
                raise write_refusal(exc, relative) from None
            written.add(relative)
            outcome.path = relative
        except Refused as refusal:
            outcome.refused = refusal.message
    job = reader(folder)  # after the whole sending: a register or job.toml sent with the workbooks counts
    for outcome in outcomes:  # one after another: worker processes started from the server cost more than they save
        if outcome.path is not None:
            outcome.problems = file_problems(job, folder / outcome.path)
    return outcomes


def _listed(request: Request, folder: Path, wanted: str) -> Path:
    files, _ = data_files(folder)
    path = inside(folder, wanted) if wanted in files else None
    if path is None or not path.is_file():
        raise HTTPException(404)
    return path


async def data_file(request: Request) -> Response:
    """A data file of the job, to fill in Excel: only one the job lists."""
    _, folder = job_folder(request)
    return file_download(_listed(request, folder, request.query_params.get("path", "")))


async def data_zip(request: Request) -> Response:
    """Every data file of the job (a campaign's unit workbooks and register) in one .zip, to fill and send back."""
    name, folder = job_folder(request)
    files, _ = data_files(folder)
    pairs = [(folder / f, f) for f in files if inside(folder, f) is not None and (folder / f).is_file()]
    content = await run_in_threadpool(zipped_files, pairs)
    return bytes_download(content, f"{name}-so-lieu.zip", "application/zip")


async def delete_form(request: Request) -> Response:
    """Asks before deleting a data file (it goes to the history, where one click restores it)."""
    name, folder = job_folder(request)
    wanted = request.query_params.get("path", "")
    _listed(request, folder, wanted)
    return page(request, "confirm.html", job=name, tab="data", title=W.delete_title,
                question=W.delete_question.format(name=wanted), action=f"/jobs/{name}/data/delete",
                fields={"path": wanted}, button=W.delete, back=f"/jobs/{name}/data")


async def delete(request: Request) -> Response:
    return await _moved_out(request, "deleted")


async def set_aside(request: Request) -> Response:
    """A not-evaluated unit's blank workbook out of the data folder, into the history (restorable)."""
    return await _moved_out(request, "set_aside")


async def _moved_out(request: Request, why: str) -> Response:
    name, folder = job_folder(request)
    form = await posted(request)
    wanted = str(form.get("path") or "")
    _listed(request, folder, wanted)
    try:
        await run_in_threadpool(keep, folder, wanted, who(request), why, True)
    except InputErrors as exc:
        return await data(request, refused=write_refusal(exc, wanted).message, status=507)
    return _done(name, why, wanted)


async def restored(request: Request) -> Response:
    """One click: a kept version back in its place (the file there now is kept first)."""
    name, folder = job_folder(request)
    form = await posted(request)
    version = version_named(folder, str(form.get("version") or ""))
    if version is None:
        raise HTTPException(404)
    try:
        path = await run_in_threadpool(restore, folder, version, who(request))
    except InputErrors as exc:
        return await data(request, refused=write_refusal(exc, version.path).message, status=507)
    if path is None:
        raise HTTPException(404)
    return _done(name, "restored", version.path)


def _done(job: str, what: str, path: str) -> Response:
    return RedirectResponse(f"/jobs/{job}/data?{urlencode({'done': what, 'name': path})}", status_code=303)


"""A unit's self-assessment online: its criteria, points and justification per criterion, evidence files, totals,
submission, and its Word report. Every route is the unit's own (`@for_roles(Role.UNIT)`): the unit comes from the
session's account, never from the URL, so no page or file of another unit can be asked for.

Each save goes to the store over the version the page was read at (two tabs saving the same criterion: the second
is told, nothing overwritten), then into the unit's workbook in the job folder (`unit_workbooks.written_through`).
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.formatting import points as shown_points
from pipeline.base.messages import explain
from pipeline.new_job.campaign import slug
from pipeline.scoring.unit_entries import PointsRefused, WorkbookEntry, typed_points
from pipeline.store.core import VIETNAM
from pipeline.store.errors import Conflict, StoreError
from pipeline.store.records import Role
from pipeline.store.store import Store
from pipeline.web.data_pages import who
from pipeline.web.desk_audience import DESK
from pipeline.web.desk_store import actor, desk_store
from pipeline.web.downloads import bytes_download, file_download
from pipeline.web.job_pages import job_folder
from pipeline.web.pages import page, posted
from pipeline.web.roles import Visitor, for_roles, visitor_of
from pipeline.web.self_report import unit_report
from pipeline.web.self_view import SELF_FIELDS, Shown, UnitPage, as_workbook_entry, unit_page, with_typed
from pipeline.web.template_pages import DOCX
from pipeline.web.unit_workbooks import written_through
from pipeline.web.uploads import MAX_UPLOAD
from pipeline.web.words_campaign import POINTS_REFUSED, C


def shown_time(moment: datetime | None) -> str:
    """A moment as staff write it, in Việt Nam's time (as the store's messages say it): 17:00 ngày 15/12/2026."""
    return moment.astimezone(VIETNAM).strftime("%H:%M ngày %d/%m/%Y") if moment is not None else ""


def shown_size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",") if size >= 1024 * 1024 else f"{max(1, size // 1024)} KB"


async def _view(request: Request) -> tuple[str, Store, UnitPage | None]:
    job, folder = job_folder(request)
    visitor = visitor_of(request)
    store = desk_store(request.app.state)
    view = await run_in_threadpool(unit_page, store, folder, job, visitor.unit or "")
    return job, store, view


def _render(request: Request, view: UnitPage | None, status: int = 200, **values: Any) -> Response:
    unit = visitor_of(request).unit or ""
    values.setdefault("disagreements", _said(view) if view is not None else [])
    return page(request, "self.html", status=status, title=C.self_title.format(unit=unit), unit=unit, view=view,
                job_name=request.path_params["job"], shown_points=shown_points, shown_time=shown_time,
                shown_size=shown_size, max_mb=MAX_UPLOAD // (1024 * 1024), errors=values.pop("errors", {}),
                **values)


def _closed_reason(view: UnitPage) -> str:
    if view.status.state == "submitted":
        return C.state_submitted.format(at=shown_time(view.status.submitted_at))
    if view.late:
        return C.deadline_passed.format(at=shown_time(view.phase.deadline))
    return C.phase_closed


@for_roles(Role.UNIT)
async def self_page(request: Request) -> Response:
    _, _, view = await _view(request)
    saved = request.query_params.get("luu")
    notice = notice_key = None
    if view is not None and saved and view.row(saved) is not None:
        notice, notice_key = C.saved.format(code=saved), saved
    elif request.query_params.get("gui"):
        notice = C.submitted
    elif view is not None and (added := request.query_params.get("tep")):
        notice = C.evidence_added.format(name=added, code=request.query_params.get("tc", ""))
    elif view is not None and (removed := request.query_params.get("bo")):
        notice = C.evidence_removed.format(name=removed, code=request.query_params.get("tc", ""))
    if notice_key is None and view is not None and (request.query_params.get("tep") or request.query_params.get("bo")):
        notice_key = request.query_params.get("tc")
    return _render(request, view, notice=notice, notice_key=notice_key)  # said in the criterion the page opens at


def _unit_of(visitor: Visitor) -> str:
    """The unit whose account this is (every route here is a unit account's: `@for_roles(Role.UNIT)`)."""
    if visitor.unit is None:
        raise HTTPException(404)
    return visitor.unit


def _row_or_404(view: UnitPage | None, key: str) -> Shown:
    row = view.row(key) if view is not None else None
    if row is None or row.criterion.key is None:
        raise HTTPException(404)
    return row


@for_roles(Role.UNIT)
async def save_criterion(request: Request) -> Response:
    form = await posted(request)
    job, store, view = await _view(request)
    if view is None:
        raise HTTPException(404)
    key = request.path_params["criterion"]
    row = _row_or_404(view, key)
    text = str(form.get("points") or "")
    justification = str(form.get("justification") or "").replace("\r\n", "\n").strip()
    typed = WorkbookEntry(key, None, justification, row.entry.appraised_points if row.entry else None)
    if not view.open:
        return _render(request, view, 409, errors={key: {"form": C.not_open.format(why=_closed_reason(view))}})
    points = typed_points(text, row.criterion)
    if isinstance(points, PointsRefused):
        shown = with_typed(view, key, typed)
        return _render(request, shown, 400, typed_points={key: text},
                       errors={key: {"points": POINTS_REFUSED[points.why].format(**points.values)}})
    visitor = visitor_of(request)
    try:
        version = int(str(form.get("version") or "0"))
    except ValueError:
        version = -1
    try:
        await run_in_threadpool(store.save_entry, job, _unit_of(visitor), key,
                                {"self_points": points, "justification": justification}, version,
                                actor(visitor, who(request)))
    except Conflict:
        _, _, latest = await _view(request)
        said = C.conflict.format(code=key, points=text, justification=C.conflict_quoted.format(
            text=justification) if justification else C.conflict_blank)
        return _render(request, latest, 409, errors={key: {"form": said}})
    except StoreError as refused:
        return _render(request, view, 409, errors={key: {"form": str(refused)}})
    await run_in_threadpool(_write_through, store, view, job, _unit_of(visitor), actor(visitor, who(request)))
    return RedirectResponse(f"/jobs/{job}/self?luu={key}#c-{key}", status_code=303)


def _write_through(store: Store, view: UnitPage, job: str, unit: str, by: str) -> None:
    """The unit's entries saved online, written into its workbook (the unit's own columns only)."""
    def entries() -> dict[str, WorkbookEntry]:  # read once the file is ours: a save made meanwhile is in it
        return {k: as_workbook_entry(e) for k, e in store.entries(job, unit).items()}
    with contextlib.suppress(InputErrors):  # a full disk: the store has it; the next save writes the workbook again
        written_through(view.folder, view.unit.path, entries, by, SELF_FIELDS)


@for_roles(Role.UNIT)
async def add_evidence(request: Request) -> Response:
    form = await posted(request)
    try:
        job, store, view = await _view(request)
        if view is None:
            raise HTTPException(404)
        key = request.path_params["criterion"]
        _row_or_404(view, key)
        if not view.open:
            return _render(request, view, 409,
                           errors={key: {"evidence": C.not_open.format(why=_closed_reason(view))}})
        sent = form.get("file")
        if not isinstance(sent, UploadFile) or not sent.filename:
            return _render(request, view, 400, errors={key: {"evidence": C.evidence_help.format(
                size=MAX_UPLOAD // (1024 * 1024))}})
        content = await sent.read(MAX_UPLOAD + 1)
        visitor = visitor_of(request)
        try:
            added = await run_in_threadpool(store.add_evidence, job, _unit_of(visitor), key, sent.filename, content,
                                            actor(visitor, who(request)))
        except StoreError as refused:
            return _render(request, view, 400, errors={key: {"evidence": str(refused)}})
    finally:
        await form.close()
    query = urlencode({"tep": added.file_name, "tc": key})
    return RedirectResponse(f"/jobs/{job}/self?{query}#c-{key}", status_code=303)


@for_roles(Role.UNIT)
async def remove_evidence(request: Request) -> Response:
    """Takes one of the unit's own evidence files off its criterion (while the unit may still change its entries)."""
    await posted(request)
    job, store, view = await _view(request)
    visitor = visitor_of(request)
    try:
        record, _ = await run_in_threadpool(store.evidence_file, request.path_params["id"])
    except StoreError:
        raise HTTPException(404) from None
    if view is None or record.job != job or record.unit != visitor.unit:
        raise HTTPException(404)
    if not view.open:
        return _render(request, view, 409,
                       errors={record.criterion: {"evidence": C.not_open.format(why=_closed_reason(view))}})
    await run_in_threadpool(store.remove_evidence, record.id, actor(visitor, who(request)))
    query = urlencode({"bo": record.file_name, "tc": record.criterion})
    return RedirectResponse(f"/jobs/{job}/self?{query}#c-{record.criterion}", status_code=303)


@for_roles(Role.UNIT)
async def submit_form(request: Request) -> Response:
    _, _, view = await _view(request)
    if view is None:
        raise HTTPException(404)
    return _submit_page(request, view)


def _submit_page(request: Request, view: UnitPage, status: int = 200, error: str | None = None) -> Response:
    unit = visitor_of(request).unit or ""
    return page(request, "self_submit.html", status=status, title=C.submit_title.format(unit=unit), view=view,
                unit=unit, job_name=request.path_params["job"], shown_points=shown_points, error=error,
                closed=None if view.open else _closed_reason(view), disagreements=_said(view))


def _said(view: UnitPage) -> list[str]:
    """What rolling up the typed points found, as the desk says the pipeline's problems (without the file's place);
    a criterion without points is left to the list of criteria not typed yet, which says which one it is."""
    said = [p for p in view.disagreements if not (p.reason is Reason.MISSING_VALUE and view.missing_points)]
    return list(dict.fromkeys(explain(p, DESK) for p in said))


@for_roles(Role.UNIT)
async def submit(request: Request) -> Response:
    await posted(request)
    job, store, view = await _view(request)
    if view is None:
        raise HTTPException(404)
    if not view.open or view.missing_points or view.missing_evidence or view.disagreements:
        return _submit_page(request, view, 409)
    visitor = visitor_of(request)
    try:
        await run_in_threadpool(store.submit, job, _unit_of(visitor), actor(visitor, who(request)))
    except StoreError as refused:
        return _submit_page(request, view, 409, str(refused))
    return RedirectResponse(f"/jobs/{job}/self?gui=1", status_code=303)


@for_roles(Role.UNIT)
async def report(request: Request) -> Response:
    _, folder = job_folder(request)
    _, _, view = await _view(request)
    if view is None:
        raise HTTPException(404)
    content, problems = await run_in_threadpool(unit_report, folder, view.unit.path)
    if content is None:
        why = "; ".join(dict.fromkeys(explain(p, DESK) for p in problems)) or C.totals_none
        return _render(request, view, 409, notice_error=C.report_not_ready.format(why=why))
    return bytes_download(content, f"bao-cao-tu-cham-{slug(view.unit.unit)}.docx", DOCX)


@for_roles(Role.UNIT, Role.SECRETARIAT)
async def evidence_file(request: Request) -> Response:
    """An evidence file, to its own unit (and the secretariat) only: any other asker finds nothing (404)."""
    job, _ = job_folder(request)
    visitor = visitor_of(request)
    try:
        record, path = await run_in_threadpool(desk_store(request.app.state).evidence_file,
                                               request.path_params["id"])
    except StoreError:
        raise HTTPException(404) from None
    if record.job != job or (not visitor.secretariat and record.unit != visitor.unit):
        raise HTTPException(404)
    return file_download(path, record.file_name, record.media_type)

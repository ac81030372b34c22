"""Data (download, upload, what was read), check (every problem, loi.xlsx) and results pages."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response

from pipeline.base.errors import InputErrors, Reason, problem
from pipeline.base.messages import describe, explain, location, tie_text
from pipeline.base.messages_checks import REVIEW_HEADERS
from pipeline.config.job_settings import data_files_in
from pipeline.documents.numbers import points_text, score_header, score_text, score_words
from pipeline.read.job_folder import read_settings
from pipeline.web.job_pages import job_folder
from pipeline.web.names import inside
from pipeline.web.pages import page, posted
from pipeline.web.uploads import MAX_UPLOAD, Refused, checked_upload
from pipeline.web.words import W
from pipeline.write.files import write_atomically
from pipeline.write.problems_workbook import problems_workbook
from pipeline.write.review_rows import review_rows

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FINDING_COLUMNS = (0, 1, 2, 3, 4, 5, 6, 9)  # of "Cần xem lại": TT, file, sheet, row, code, stated, should be, all


def data_files(folder: Path) -> tuple[list[str], Path]:
    """The job's data files (and register), relative to its folder, and the folder new files go to."""
    try:
        settings = read_settings(folder)
    except InputErrors:
        found = sorted({*data_files_in(folder), *(p for p in folder.glob("*/*") if p.suffix in (".xlsx", ".csv"))})
        return [p.relative_to(folder).as_posix() for p in found], folder
    files = [*settings.data_files, *([settings.register] if settings.register else [])]
    where = {p.parent for p in settings.data_files}
    target = where.pop() if len(where) == 1 else folder
    return [p.relative_to(folder).as_posix() for p in files], target


def _read_summary(checked, folder: Path) -> dict | None:
    """What the check read: units per group and their totals, or a report's criteria and points."""
    result = checked.result
    if result is None:
        return None
    groups = [{"name": g.name, "count": len(result.members(g.name)),
               "evaluated": sum(1 for u in result.members(g.name) if u["evaluated"])} for g in result.settings.groups]
    summary = {"groups": groups, "units": sum(g["count"] for g in groups)}
    if result.criteria is not None and result.totals is not None:
        summary["criteria"] = len(result.criteria)
        summary["points"] = points_text(result.totals.points)
        summary["max"] = points_text(result.totals.max_points)
    return summary


async def data(request: Request, message: str | None = None, refused: str | None = None,
               status: int = 200) -> Response:
    name, folder = job_folder(request)
    files, _ = data_files(folder)
    checked = await run_in_threadpool(request.app.state.desk.check, name)
    sizes = {f: max(1, (folder / f).stat().st_size // 1024) for f in files if (folder / f).is_file()}
    return page(request, "data.html", status=status, job=name, tab="data", files=files, sizes=sizes,
                summary=_read_summary(checked, folder), problems=len(checked.problems),
                message=message or (W["uploaded"].format(name=request.query_params["uploaded"])
                                    if request.query_params.get("uploaded") else None),
                refused=refused, max_mb=MAX_UPLOAD // (1024 * 1024))


async def upload(request: Request) -> Response:
    name, folder = job_folder(request)
    form = await posted(request)
    try:
        return await _uploaded(request, name, folder, form)
    finally:
        await form.close()


async def _uploaded(request: Request, name: str, folder: Path, form) -> Response:
    files, new_folder = data_files(folder)
    sent = form.get("file")
    target = str(form.get("target") or "")
    try:
        if not isinstance(sent, UploadFile) or not sent.filename:
            raise Refused(W["no_file"])
        content = await sent.read(MAX_UPLOAD + 1)
        if target:
            if target not in files:
                raise Refused(W["bad_file_name"].format(name=target))
            path = folder / target
            checked_upload(path.name, content, (path.suffix.lower(),))
            checked_upload(sent.filename, content, (path.suffix.lower(),))
        else:
            file_name = checked_upload(sent.filename, content, (".xlsx", ".csv"))
            path = inside(new_folder, file_name)
            if path is None:
                raise Refused(W["bad_file_name"].format(name=file_name))
    except Refused as refusal:
        return await data(request, refused=refusal.message, status=400)
    write_atomically(path, content)
    return RedirectResponse(f"/jobs/{name}/data?uploaded={path.relative_to(folder).as_posix()}", status_code=303)


async def data_file(request: Request) -> Response:
    """A data file of the job, to fill in Excel: only one the job lists."""
    name, folder = job_folder(request)
    wanted = request.query_params.get("path", "")
    files, _ = data_files(folder)
    if wanted not in files or inside(folder, wanted) is None:
        raise HTTPException(404)
    return FileResponse(folder / wanted, filename=Path(wanted).name)


async def data_zip(request: Request) -> Response:
    """Every data file of the job (a campaign's unit workbooks and register) in one .zip, to fill and send back."""
    name, folder = job_folder(request)
    files, _ = data_files(folder)
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in files:
            if inside(folder, file) is not None and (folder / file).is_file():
                archive.write(folder / file, file)
    return Response(stream.getvalue(), media_type="application/zip",
                    headers={"Content-Disposition": f'attachment; filename="{name}-so-lieu.zip"'})


async def check(request: Request) -> Response:
    name, _ = job_folder(request)
    checked = await run_in_threadpool(request.app.state.desk.check, name)
    rows = [{"file": p.file or "", "sheet": p.sheet or "", "row": p.row if p.row is not None else "",
             "column": p.column or "", "value": p.value or "", "fix": explain(p)} for p in checked.problems]
    warnings = []
    if checked.result is not None and not checked.result.settings.decision_made:
        warnings.append(describe(problem(Reason.APPRAISAL_NOT_DONE)))
    warnings += [describe(p) for p in (*checked.result.previous_warnings, *checked.result.name_warnings)] \
        if checked.result is not None else []
    findings = review_rows(checked.result.findings) if checked.result is not None else []
    return page(request, "check.html", job=name, tab="check", rows=rows, warnings=warnings,
                findings=[[row[i] if row[i] is not None else "" for i in FINDING_COLUMNS] for row in findings],
                finding_headers=[REVIEW_HEADERS[i] for i in FINDING_COLUMNS])


async def errors_workbook(request: Request) -> Response:
    """`check --errors loi.xlsx`'s workbook, made from the same problems."""
    name, _ = job_folder(request)
    checked = await run_in_threadpool(request.app.state.desk.check, name)
    content = problems_workbook(checked.problems)
    return Response(content, media_type=XLSX, headers={"Content-Disposition": 'attachment; filename="loi.xlsx"'})


async def results(request: Request) -> Response:
    name, _ = job_folder(request)
    checked = await run_in_threadpool(request.app.state.desk.check, name)
    result = checked.result
    if result is None:
        return page(request, "results.html", job=name, tab="results", result=None, problems=len(checked.problems))
    settings = result.settings
    scheme = settings.scheme
    groups = []
    for group in settings.groups:
        rows = [{"rank": u["rank"] if u["evaluated"] else "", "unit": u["unit"],
                 "score": score_text(u["score"], scheme) if u["evaluated"] else "",
                 "label": u["label"] or "" if u["evaluated"] else W["not_evaluated"],
                 "reason": "" if u["evaluated"] else u.get("reason") or "", "evaluated": u["evaluated"]} for u in result.members(group.name)]
        counts = [c for c in result.counts if c["group"] == group.name]
        ties = [tie_text(t, score_words(t["score"], scheme)) for t in result.ties if t["group"] == group.name]
        groups.append({"name": group.name, "rows": rows, "counts": counts, "ties": ties})
    warnings = [] if settings.decision_made else [describe(problem(Reason.APPRAISAL_NOT_DONE))]
    comparison = []
    if settings.appraisal_done:
        for unit in result.units:
            mine, theirs = unit.get("self_points"), unit.get("appraised_points")
            difference = theirs - mine if isinstance(mine, Decimal) and isinstance(theirs, Decimal) else None
            comparison.append({"unit": unit["unit"], "group": unit["group"], "self": points_text(mine),
                               "appraised": points_text(theirs),
                               "difference": ("+" if difference and difference > 0 else "")
                               + points_text(difference) if difference is not None else "",
                               "lower": difference is not None and difference < 0})
    losses = [{"code": x.code, "title": x.title, "lost": points_text(x.lost), "units": x.lost_units,
               "largest": x.largest_unit} for x in (result.losses or ())[:10]]
    return page(request, "results.html", job=name, tab="results", result=result, groups=groups, warnings=warnings,
                comparison=comparison, losses=losses,
                score_title=score_header(scheme, settings.kind_record.score_header), scheme=scheme)

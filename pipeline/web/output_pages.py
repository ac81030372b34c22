"""Documents: "Lập văn bản" (a background run, its progress as JSON, replacing earlier documents only once
confirmed), the files of the last run, and every page of each document previewed on the page."""

from __future__ import annotations

import shutil
from functools import partial
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response

from pipeline.base.errors import InputErrors
from pipeline.flow import replaced_outputs
from pipeline.read.job_folder import read_settings
from pipeline.web.downloads import bytes_download, file_download, zipped_files
from pipeline.web.job_pages import job_folder
from pipeline.web.jobs import run_time
from pipeline.web.pages import page, posted
from pipeline.web.previews import page_pictures, previews_possible
from pipeline.web.runs import clock


def _listed(request: Request, name: str) -> list[str]:
    """The files of the job's last run, as its manifest lists them, and the manifest."""
    manifest = request.app.state.desk.manifest(name)
    if manifest is None:
        return []
    paths = [entry.get("path") for entry in manifest.get("outputs", []) if isinstance(entry, dict)]
    return [p for p in paths if isinstance(p, str) and ".." not in Path(p).parts and not Path(p).is_absolute()]


def _documents_page(request: Request, name: str, folder: Path, status: int = 200, **extra: Any) -> Response:
    desk = request.app.state.desk
    manifest = desk.manifest(name)
    files = _listed(request, name)
    try:
        main = read_settings(folder).output.name
    except InputErrors:
        main = None
    state = request.app.state.runs.state(name, desk.out_dir(name), manifest)
    return page(request, "documents.html", status=status, job=name, tab="documents", files=files, main=main,
                run_time=run_time(manifest) if manifest else None, out_dir=desk.out_dir(name),
                state=state.as_json() if state else None, pdf_possible=bool(shutil.which("soffice")),
                started=clock(state.started, with_date=True) if state else "",
                previews=previews_possible(), message=request.query_params.get("message"), **extra)


async def documents(request: Request) -> Response:
    name, folder = job_folder(request)
    return _documents_page(request, name, folder)


async def start(request: Request) -> Response:
    """Starts a run; when the output folder holds documents it would replace, asks first (nothing started)."""
    name, folder = job_folder(request)
    form = await posted(request)
    desk = request.app.state.desk
    force, pdf, strict = (form.get(key) == "on" for key in ("force", "pdf", "strict"))
    try:
        campaign = read_settings(folder).kind_record.is_campaign
        replaced = [] if force else await run_in_threadpool(replaced_outputs, folder, desk.out_dir(name))
    except InputErrors:
        campaign, replaced = False, []  # the run says what is wrong, as the command line does
    current = request.app.state.runs.state(name)
    if replaced and not (current is not None and current.state == "running"):
        manifest = desk.manifest(name)
        confirm = {"count": len(_listed(request, name)) if manifest else len(replaced),
                   "time": run_time(manifest) if manifest else None, "pdf": pdf, "strict": strict}
        return _documents_page(request, name, folder, confirm=confirm)
    started = request.app.state.runs.start(name, folder, desk.out_dir(name), force=force, pdf=pdf,
                                           campaign=campaign, strict=strict, kept=partial(desk.keeper, name))
    message = "run_started" if started else "already_running"
    return RedirectResponse(f"/jobs/{name}/documents?message={message}", status_code=303)


async def progress(request: Request) -> Response:
    name, _ = job_folder(request)
    desk = request.app.state.desk
    state = request.app.state.runs.state(name, desk.out_dir(name), desk.manifest(name))
    return JSONResponse(state.as_json() if state else {"state": "none"})


def _output_path(request: Request, name: str) -> Path:
    wanted = request.query_params.get("path", "")
    if wanted not in _listed(request, name):
        raise HTTPException(404)
    path: Path = request.app.state.desk.out_dir(name) / wanted
    if not path.is_file() or not path.resolve().is_relative_to(request.app.state.desk.out_dir(name).resolve()):
        raise HTTPException(404)
    return path


async def output_file(request: Request) -> Response:
    name, _ = job_folder(request)
    path = _output_path(request, name)
    return file_download(path)


async def output_zip(request: Request) -> Response:
    name, _ = job_folder(request)
    out_dir = request.app.state.desk.out_dir(name)
    files = [f for f in _listed(request, name) if (out_dir / f).is_file()]
    if not files:
        raise HTTPException(404)

    content = await run_in_threadpool(zipped_files, [(out_dir / file, f"{name}/{file}") for file in files])
    return bytes_download(content, f"{name}.zip", "application/zip")


def _page_number(request: Request) -> int:
    wanted = request.query_params.get("page", "1")
    return int(wanted) if wanted.isdigit() and 0 < len(wanted) < 6 else 0


async def preview(request: Request) -> Response:
    """A document's pages on the desk's page: one page's picture, the way to every other page and document."""
    name, _ = job_folder(request)
    path = _output_path(request, name)
    if path.suffix != ".docx":
        raise HTTPException(404)
    wanted = request.query_params["path"]
    pictures = await run_in_threadpool(page_pictures, path, request.app.state.desk.outputs, name) \
        if previews_possible() else None
    number = _page_number(request)
    if pictures is not None and not 1 <= number <= len(pictures):
        raise HTTPException(404)
    documents = [f for f in _listed(request, name) if f.endswith(".docx")]
    return page(request, "preview.html", job=name, tab="documents", path=wanted, number=number,
                pages=len(pictures) if pictures else 0, documents=documents, possible=previews_possible(),
                title=wanted)


async def preview_picture(request: Request) -> Response:
    """The PNG of one page of a document (`page`, from 1)."""
    name, _ = job_folder(request)
    path = _output_path(request, name)
    if path.suffix != ".docx":
        raise HTTPException(404)
    pictures = await run_in_threadpool(page_pictures, path, request.app.state.desk.outputs, name)
    number = _page_number(request)
    if pictures is None or not 1 <= number <= len(pictures):
        raise HTTPException(404)
    return FileResponse(pictures[number - 1], media_type="image/png")

"""Documents: "Lập văn bản" (a background run, its progress as JSON), the files of the last run, previews."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response

from pipeline.base.errors import InputErrors
from pipeline.read.job_folder import read_settings
from pipeline.web.job_pages import job_folder
from pipeline.web.jobs import run_time
from pipeline.web.pages import page, posted
from pipeline.web.previews import first_page, previews_possible


def _listed(request: Request, name: str) -> list[str]:
    """The files of the job's last run, as its manifest lists them. The manifest itself (`manifest.json`: the
    checksums of the inputs and outputs, for the technical staff) stays in the output folder: not a clerk's file."""
    manifest = request.app.state.desk.manifest(name)
    if manifest is None:
        return []
    paths = [entry.get("path") for entry in manifest.get("outputs", []) if isinstance(entry, dict)]
    return [p for p in paths if isinstance(p, str) and ".." not in Path(p).parts and not Path(p).is_absolute()]


async def documents(request: Request) -> Response:
    name, folder = job_folder(request)
    desk = request.app.state.desk
    manifest = desk.manifest(name)
    files = _listed(request, name)
    try:
        main = read_settings(folder).output.name
    except InputErrors:
        main = None
    state = request.app.state.runs.state(name)
    return page(request, "documents.html", job=name, tab="documents", files=files, main=main,
                run_time=run_time(manifest) if manifest else None, out_dir=desk.out_dir(name),
                state=state.as_json() if state else None, pdf_possible=bool(shutil.which("soffice")),
                previews=previews_possible(), message=request.query_params.get("message"))


async def start(request: Request) -> Response:
    name, folder = job_folder(request)
    form = await posted(request)
    desk = request.app.state.desk
    try:
        settings = read_settings(folder)
        total = len(settings.data_files) if settings.kind_record.source == "campaign" else 0
    except InputErrors:
        total = 0  # the run says what is wrong, as the command line does
    started = request.app.state.runs.start(name, folder, desk.out_dir(name), force=form.get("force") == "on",
                                           pdf=form.get("pdf") == "on", total=total,
                                           strict=form.get("strict") == "on")
    message = "run_started" if started else "already_running"
    return RedirectResponse(f"/jobs/{name}/documents?message={message}", status_code=303)


async def progress(request: Request) -> Response:
    name, _ = job_folder(request)
    state = request.app.state.runs.state(name)
    return JSONResponse(state.as_json() if state else {"state": "none"})


def _output_path(request: Request, name: str) -> Path:
    wanted = request.query_params.get("path", "")
    if wanted not in _listed(request, name):
        raise HTTPException(404)
    path = request.app.state.desk.out_dir(name) / wanted
    if not path.is_file() or not path.resolve().is_relative_to(request.app.state.desk.out_dir(name).resolve()):
        raise HTTPException(404)
    return path


async def output_file(request: Request) -> Response:
    name, _ = job_folder(request)
    path = _output_path(request, name)
    return FileResponse(path, filename=path.name)


async def output_zip(request: Request) -> Response:
    name, _ = job_folder(request)
    out_dir = request.app.state.desk.out_dir(name)
    files = [f for f in _listed(request, name) if (out_dir / f).is_file()]
    if not files:
        raise HTTPException(404)

    def zipped() -> bytes:
        stream = io.BytesIO()
        with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
            for file in files:
                archive.write(out_dir / file, f"{name}/{file}")
        return stream.getvalue()

    content = await run_in_threadpool(zipped)
    return Response(content, media_type="application/zip",
                    headers={"Content-Disposition": f'attachment; filename="{name}.zip"'})


async def preview(request: Request) -> Response:
    name, _ = job_folder(request)
    path = _output_path(request, name)
    if path.suffix != ".docx":
        raise HTTPException(404)
    picture = await run_in_threadpool(first_page, path, request.app.state.desk.outputs, name)
    if picture is None:
        raise HTTPException(404)
    return FileResponse(picture, media_type="image/png")


"""Templates: the shipped ones to download, a job's own (uploaded, checked by `check-template`, annotated)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomlkit
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from pipeline.base.errors import InputErrors, Problem
from pipeline.base.messages import explain, location
from pipeline.config.job_settings import SETTINGS_FILE
from pipeline.config.kinds import Kind
from pipeline.documents.checks.template_check import check_template
from pipeline.documents.checks.template_comments import annotated
from pipeline.documents.rendering.render import TEMPLATE_DIR
from pipeline.web.desk_audience import DESK
from pipeline.web.downloads import bytes_download, file_download
from pipeline.web.form_edit import set_value
from pipeline.web.form_values import value_at
from pipeline.web.job_form import job_kind, read_text, validation_problems
from pipeline.web.job_pages import job_folder
from pipeline.web.names import inside, safe_name
from pipeline.web.pages import page, posted
from pipeline.web.uploads import MAX_UPLOAD, Refused, checked_upload
from pipeline.web.words import W
from pipeline.write.files import write_atomically

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Role:
    """A template a job of its kind renders: the key that names the job's own, the shipped one, its context."""

    key: str  # "document", "reports" or "appraisal": `<key>.template` in job.toml
    shipped: str
    context: str

    @property
    def label(self) -> str:
        return {"document": W.role_document, "reports": W.role_reports, "appraisal": W.role_appraisal}[self.key]


def roles(kind: Kind, data: dict) -> list[Role]:
    document = given if isinstance(given := data.get("document"), dict) else {}
    output = kind.output(document.get("form", "") if isinstance(document.get("form", ""), str) else "")
    found = [Role("document", output.template, output.context)]
    if kind.reports is not None:
        found.append(Role("reports", kind.reports.template, kind.reports.context))
    if kind.notices is not None:
        found.append(Role("appraisal", kind.notices.template, kind.notices.context))
    return found


def _job(request: Request) -> tuple[str, Path, dict, Kind]:
    name, folder = job_folder(request)
    try:
        data = tomllib.loads(read_text(folder))
    except (OSError, ValueError):
        raise HTTPException(404) from None
    kind = job_kind(data)
    if kind is None:
        raise HTTPException(404)
    return name, folder, data, kind


def _findings(path: Path, context: str) -> list[Problem]:
    try:
        return check_template(path, context)
    except InputErrors as exc:
        return list(exc.problems)


def _rows(problems: list[Problem]) -> list[dict]:
    return [{"where": location(p, DESK), "fix": explain(p, DESK)} for p in problems]


async def templates(request: Request, uploaded: dict | None = None, refused: str | None = None,
                    status: int = 200) -> Response:
    name, folder, data, kind = _job(request)
    rows = []
    for role in roles(kind, data):
        own = value_at(data, f"{role.key}.template")
        own = own if isinstance(own, str) and own else None
        path = inside(folder, own) if own else None
        findings = await run_in_threadpool(_findings, path, role.context) if path is not None else []
        rows.append({"role": role, "own": own, "exists": path is not None and path.is_file(),
                     "findings": _rows(findings)})
    return page(request, "templates.html", status=status, job=name, tab="templates", rows=rows, roles=roles(kind, data),
                uploaded=uploaded, refused=refused, max_mb=MAX_UPLOAD // (1024 * 1024))


async def upload(request: Request) -> Response:
    _, folder, data, kind = _job(request)
    form = await posted(request)
    chosen = {r.key: r for r in roles(kind, data)}.get(str(form.get("role") or ""))
    sent = form.get("file")
    try:
        if chosen is None or not isinstance(sent, UploadFile) or not sent.filename:
            raise Refused(W.no_file)
        content = await sent.read(MAX_UPLOAD + 1)
        file_name = checked_upload(sent.filename, content, (".docx",))
    except Refused as refusal:
        return await templates(request, refused=refusal.message, status=400)
    finally:
        await form.close()
    path = folder / file_name
    write_atomically(path, content)
    findings = await run_in_threadpool(_findings, path, chosen.context)
    if not findings:
        _use(folder, f"{chosen.key}.template", file_name)
    uploaded = {"name": file_name, "role": chosen, "findings": _rows(findings), "count": len(findings)}
    return await templates(request, uploaded=uploaded, status=200 if not findings else 422)


def _use(folder: Path, key: str, value: str) -> list[Problem]:
    """Sets `key` in job.toml (comments kept) when the settings code accepts the result; its problems otherwise."""
    text = read_text(folder)
    document = tomlkit.parse(text)
    set_value(document, key, value)
    new_text = tomlkit.dumps(document)
    problems = validation_problems(folder, new_text)
    if not problems and new_text != text:
        write_atomically(folder / SETTINGS_FILE, new_text.encode("utf-8"))
    return problems


async def use_shipped(request: Request) -> Response:
    name, folder, data, kind = _job(request)
    form = await posted(request)
    chosen = {r.key: r for r in roles(kind, data)}.get(str(form.get("role") or ""))
    if chosen is None:
        raise HTTPException(404)
    if value_at(data, f"{chosen.key}.template"):
        _use(folder, f"{chosen.key}.template", "")
    return RedirectResponse(f"/jobs/{name}/templates", status_code=303)


def _own(request: Request, folder: Path) -> Path:
    wanted = request.query_params.get("path", "")
    path = inside(folder, wanted) if safe_name(wanted) and wanted.lower().endswith(".docx") else None
    if path is None or not path.is_file():
        raise HTTPException(404)
    return path


async def own_file(request: Request) -> Response:
    _, folder = job_folder(request)
    path = _own(request, folder)
    return file_download(path, media_type=DOCX)


async def annotated_copy(request: Request) -> Response:
    """`check-template --annotate`'s copy: the template with one Word comment per problem."""
    name, folder, data, kind = _job(request)
    path = _own(request, folder)
    chosen = {r.key: r for r in roles(kind, data)}.get(request.query_params.get("role", ""))
    if chosen is None:
        raise HTTPException(404)
    findings = await run_in_threadpool(_findings, path, chosen.context)
    try:
        content = await run_in_threadpool(annotated, path, findings, DESK)
    except InputErrors:  # not a plain Word document: no copy of it; its page already says why and how to fix
        return RedirectResponse(f"/jobs/{name}/templates", status_code=303)
    stem = path.stem
    return bytes_download(content, f"{stem}.gop-y.docx", DOCX)


async def shipped(request: Request) -> Response:
    name = request.path_params["name"]
    path = TEMPLATE_DIR / name
    if not safe_name(name) or not name.endswith(".docx") or not path.is_file():
        raise HTTPException(404)
    return file_download(path, media_type=DOCX)

"""The jobs list, a new job (`init`, as the command line does it) and the settings form."""

from __future__ import annotations

import tempfile
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from pipeline.base.errors import InputErrors
from pipeline.base.messages import describe, explain
from pipeline.config.document_settings import AUTHORITY_PREFIXES
from pipeline.config.job_settings import SETTINGS_FILE
from pipeline.config.kinds import KINDS, Kind
from pipeline.new_job.start import start_job
from pipeline.web.desk_audience import DESK
from pipeline.web.form_edit import edited_text
from pipeline.web.form_values import collected, form_errors, rows, shown_values
from pipeline.web.job_form import (
    Section,
    all_fields,
    field_id,
    field_of,
    form_sections,
    job_kind,
    previous_options,
    read_text,
    validation_problems,
)
from pipeline.web.jobs import Desk, run_time
from pipeline.web.names import safe_name
from pipeline.web.pages import page, posted
from pipeline.web.uploads import MAX_UPLOAD, Refused, checked_upload
from pipeline.web.words import W
from pipeline.web.year_move import moved_settings_text, shown_changes, years_in
from pipeline.write.files import write_atomically


def job_folder(request: Request) -> tuple[str, Path]:
    """The job the URL names, or 404 (a name that is not a job of the jobs folder, `..` included)."""
    name = request.path_params["job"]
    folder = request.app.state.desk.folder(name)
    if folder is None:
        raise HTTPException(404)
    return name, folder


async def job_list(request: Request) -> Response:
    desk = request.app.state.desk
    rows = []
    for name in desk.names():
        kind = _kind_of(desk.jobs / name)
        manifest = desk.manifest(name)
        checked = await run_in_threadpool(desk.check, name)
        rows.append({"name": name, "kind": kind, "kind_title": KINDS[kind].title if kind in KINDS else kind,
                     "run_time": run_time(manifest) if manifest else None,
                     "run_files": len(manifest.get("outputs", [])) if manifest else 0,
                     "problems": len(checked.problems)})
    return page(request, "jobs.html", title=request.app.state.desk.jobs.name, rows=rows, jobs=desk.jobs,
                outputs=desk.outputs)


def _starters() -> list[tuple[str, str]]:
    return [(k, record.title) for k, record in KINDS.items() if record.starter is not None]


async def new_form(request: Request) -> Response:
    desk = request.app.state.desk
    return page(request, "new.html", kinds=_starters(), sources=desk.names(), values={}, errors=[],
                moves=_year_moves(desk))


def _year_moves(desk: Desk) -> dict[str, tuple[list, list, str]]:
    """For each job a new one may start from: the years its texts would move from and to, the changes, its kind."""
    moves = {}
    for name in desk.names():
        try:
            data = tomllib.loads((desk.jobs / name / SETTINGS_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        moves[name] = (years_in(data), shown_changes(data), str(data.get("kind", "")))
    return moves


def _kind_of(folder: Path) -> str:
    """The kind a job's settings name ("" when they cannot be read)."""
    try:
        return str(tomllib.loads((folder / SETTINGS_FILE).read_text(encoding="utf-8")).get("kind", ""))
    except (OSError, ValueError):
        return ""


async def create(request: Request) -> Response:
    form = await posted(request)
    try:
        return await _created(request, form)
    finally:
        await form.close()


async def _created(request: Request, form: FormData) -> Response:
    """`init` with the form's kind, folder, earlier job and (a campaign) criteria workbook."""
    desk = request.app.state.desk
    # NFC: a name typed with combining accents is the same folder name as the precomposed one a person sees
    name, kind, source = (unicodedata.normalize("NFC", str(form.get(k) or "")).strip()
                          for k in ("name", "kind", "source"))
    values = {"name": name, "kind": kind, "source": source, "move_years": form.get("move_years") == "on"}
    errors: list[str] = []
    if not safe_name(name):
        errors.append(W.bad_job_name.format(name=name))
    elif (desk.jobs / name).exists():
        errors.append(W.job_exists.format(name=name))
    source_folder = None
    if source:
        source_folder = desk.folder(source)
        if source_folder is None:
            errors.append(W.unknown_job.format(name=source))
        else:  # a job made from another is of its kind: the list of kinds need not be set to match
            kind = values["kind"] = _kind_of(source_folder) or kind
    criteria = form.get("criteria")
    content = None
    if isinstance(criteria, UploadFile) and criteria.filename:
        content = await criteria.read(MAX_UPLOAD + 1)
        try:
            checked_upload(criteria.filename, content, (".xlsx",))
        except Refused as refusal:
            errors.append(refusal.message)
    if not errors:
        with tempfile.TemporaryDirectory() as scratch:
            criteria_path = None
            if content is not None and isinstance(criteria, UploadFile) and criteria.filename:  # sent and read above
                criteria_path = Path(scratch) / criteria.filename
                criteria_path.write_bytes(content)
            try:
                await run_in_threadpool(start_job, kind, desk.jobs / name, source_folder, criteria_path)
            except InputErrors as exc:
                errors += [describe(p, DESK) for p in exc.problems]
    if errors:
        return page(request, "new.html", status=400, kinds=_starters(), sources=desk.names(), values=values,
                    errors=errors, moves=_year_moves(desk))
    if source_folder is not None and form.get("move_years") == "on":
        settings = desk.jobs / name / SETTINGS_FILE
        write_atomically(settings, moved_settings_text(settings.read_text(encoding="utf-8")).encode("utf-8"))
    return RedirectResponse(f"/jobs/{name}/edit?created=1", status_code=303)


async def job_home(request: Request) -> Response:
    name, _ = job_folder(request)
    return RedirectResponse(f"/jobs/{name}/check", status_code=303)


async def edit_form(request: Request) -> Response:
    name, folder = job_folder(request)
    try:
        text = read_text(folder)
        data = tomllib.loads(text)
    except (OSError, ValueError):
        return _unreadable(request, name, folder)
    kind = job_kind(data)
    if kind is None:
        return _unreadable(request, name, folder)
    sections = _sections(request, name, folder, kind, data)
    notice = "created" if request.query_params.get("created") else "saved" if request.query_params.get("saved") \
        else None
    return _edit_page(request, 200, job=name, kind=kind, sections=sections, values=shown_values(sections, data),
                      errors={}, wrong=[], general=[], notice=notice)


def _edit_page(request: Request, status: int, **values: Any) -> Response:
    """The settings form; the first wrong field (if any) takes the focus, which scrolls the page to it."""
    wrong = values.get("wrong") or []
    return page(request, "edit.html", status=status, tab="edit", rows=rows, prefixes=AUTHORITY_PREFIXES,
                first_bad=wrong[0][0] if wrong else None, **values)


def _sections(request: Request, name: str, folder: Path, kind: Kind, data: dict[str, Any]) -> list[Section]:
    """The form's sections, the previous period chosen among the other jobs of the jobs folder."""
    others = [n for n in request.app.state.desk.names() if n != name]
    return form_sections(kind, data, previous_options(data, folder, others))


def _unreadable(request: Request, name: str, folder: Path) -> Response:
    """The settings form of a job.toml it cannot show: what `check` says of the file (its syntax, its kind)."""
    from pipeline.read.job_folder import settings_data

    try:
        settings_data(folder)
        problems = validation_problems(folder, read_text(folder))
    except InputErrors as exc:
        problems = list(exc.problems)
    return page(request, "edit.html", status=422, job=name, tab="edit", kind=None, sections=[], values={},
                errors={}, wrong=[], general=[describe(p, DESK) for p in problems], notice=None, unreadable=True)


async def save(request: Request) -> Response:
    name, folder = job_folder(request)
    form = await posted(request)
    text = read_text(folder)
    try:
        data = tomllib.loads(text)
    except ValueError:
        return _unreadable(request, name, folder)
    kind = job_kind(data)
    if kind is None:
        return _unreadable(request, name, folder)
    sections = _sections(request, name, folder, kind, data)
    fields = all_fields(sections)
    submitted = {f.key: collected(f, form) for f in fields}
    new_text = edited_text(text, sections, submitted)
    problems = await run_in_threadpool(validation_problems, folder, new_text)
    wrong = form_errors(sections, submitted)  # renames lines, dates the form could not read: beside their field
    if problems or wrong:
        errors: dict[str, list[str]] = {field_id(key): list(said) for key, said in wrong.items()}
        keys = {f.key for f in fields}
        labels = {f.id: (f.label, s.label) for s in sections for f in all_fields([s])}
        general: list[str] = []
        for found in problems:
            key = field_of(found, keys)
            if key is None:
                general.append(describe(found, DESK))
            else:
                said = explain(found, DESK).replace(f'"{found.detail("key")}"', f'"{labels[field_id(key)][0]}"', 1)
                errors.setdefault(field_id(key), []).append(said)  # the field named as the page names it
        listed = [(f.id, *labels[f.id], errors[f.id]) for f in fields if f.id in errors]
        return _edit_page(request, 422, job=name, kind=kind, sections=sections,
                          values={f.id: submitted[f.key] for f in fields}, errors=errors, wrong=listed, general=general,
                          notice=None, problem_count=len(problems) + sum(len(said) for said in wrong.values()))
    if new_text != text:
        write_atomically(folder / SETTINGS_FILE, new_text.encode("utf-8"))
    return RedirectResponse(f"/jobs/{name}/edit?saved=1", status_code=303)

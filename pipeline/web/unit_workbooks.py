"""Which workbook of a campaign job is which unit's, and the online entries written through into it.

The job folder stays the pipeline's only input: every change of a unit's entries in the store is also written into
that unit's workbook (`don-vi/<file>.xlsx`), its previous version kept in the job's history (`history.keep`) as an
upload's is, so `check`, `run` and every document read what was typed online. A unit's workbook is the data file
whose table the register names as that unit (as a run finds it: `scoring.campaign.assessed_units`).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.base.errors import InputErrors
from pipeline.config.job_settings import JobSettings
from pipeline.read.job_folder import read_data_file
from pipeline.scoring.campaign import assessed_units
from pipeline.scoring.register import Registered
from pipeline.scoring.unit_entries import WorkbookEntry
from pipeline.web.file_checks import Reader, reader
from pipeline.web.history import discard, keep
from pipeline.write.files import write_atomically
from pipeline.write.unit_workbook import workbook_with_entries

_locks: dict[Path, threading.Lock] = {}
_locks_lock = threading.Lock()
_found: dict[tuple[Path, int, int], tuple[str, ...]] = {}  # (file, size, mtime) → the registered units it holds
_readers: dict[Path, tuple[tuple, Reader]] = {}  # job folder → (its stamp, its settings and register)


@dataclass(frozen=True)
class UnitFile:
    """A registered unit of a campaign and its workbook (job-relative path), with its group and, when the register
    gives one, the reason it is not evaluated."""

    unit: str
    group: str
    path: str
    reason: str = ""


def campaign_units(folder: Path) -> list[UnitFile] | None:
    """The register's units of the campaign job in `folder`, each with its workbook ("" when none holds its
    table), in the register's order; None when the job is not a campaign with a register."""
    job = _job_reader(folder)
    settings = job.settings
    if settings is None or not settings.kind_record.is_campaign or job.register is None:
        return None
    files: dict[str, str] = {}
    for path in settings.data_files:
        for unit in _units_in(settings, job.register, path):
            files.setdefault(unit, path.relative_to(folder).as_posix())
    entries = [e for same in job.register.values() for e in same]
    order = sorted(entries, key=lambda e: (e.file, e.sheet or "", e.row or 0))
    return [UnitFile(e.unit, e.group, files.get(e.unit, ""), e.reason) for e in order]


def _job_reader(folder: Path) -> Reader:
    """The job's settings and register (`file_checks.reader`), read again only when `job.toml`, the register or
    the names of the job's files change: a unit's save rewrites its workbook, not these, and each page of every
    unit needs them (read each time, they were most of a page's time in a 300-unit campaign)."""
    with _locks_lock:
        cached = _readers.get(folder)
    if cached is not None and cached[0] == _stamp(folder, cached[1]):
        return cached[1]
    job = reader(folder)
    with _locks_lock:
        _readers[folder] = (_stamp(folder, job), job)
    return job


def _stamp(folder: Path, job: Reader) -> tuple:
    """`job.toml` and the register (size, time of change) and the names of the files in the job's folder and its
    sub-folders (hidden ones, as the history, left out)."""
    def state(path: Path | None) -> tuple:
        try:
            found = path.stat() if path is not None else None
        except OSError:
            return ()
        return () if found is None else (found.st_size, found.st_mtime_ns)

    names = []
    with os.scandir(folder) as top:
        for entry in top:
            if entry.name.startswith("."):
                continue
            names.append(entry.name)
            if entry.is_dir():
                with os.scandir(entry.path) as inner:
                    names += [f"{entry.name}/{e.name}" for e in inner if not e.name.startswith(".")]
    register = job.settings.register if job.settings is not None else None
    return state(folder / "job.toml"), state(register), tuple(sorted(names))


def unit_file(folder: Path, unit: str) -> UnitFile | None:
    """The unit's entry of `campaign_units`, None when the register does not name it."""
    return next((u for u in campaign_units(folder) or () if u.unit == unit), None)


def _units_in(settings: JobSettings, register: dict[str, list[Registered]], path: Path) -> tuple[str, ...]:
    stat = path.stat()
    key = (path, stat.st_size, stat.st_mtime_ns)
    if key not in _found:
        try:
            _, _, named = assessed_units(settings, read_data_file(path), register)
        except InputErrors:
            named = []
        _found[key] = tuple(named)
    return _found[key]


def _lock(path: Path) -> threading.Lock:
    with _locks_lock:
        return _locks.setdefault(path.resolve(), threading.Lock())


def written_through(folder: Path, relative: str,
                    entries: Mapping[str, WorkbookEntry] | Callable[[], Mapping[str, WorkbookEntry]], who: str,
                    fields: Iterable[str] | None = None) -> None:
    """`entries` written into the job's workbook `relative` (only their cells), the file as it was kept in the
    history first; one writer at a time per file. Given as a function (reading the store), the entries are read
    once the file is this writer's, so two saves at once both reach the file. `InputErrors` (a full disk…) leaves
    the file as it was."""
    path = folder / relative
    with _lock(path):
        entries = entries() if callable(entries) else entries
        content = workbook_with_entries(path, entries, *((tuple(fields),) if fields is not None else ()))
        version = keep(folder, relative, who, "online")
        try:
            write_atomically(path, content)
        except BaseException:
            if version is not None:
                discard(folder, version)
            raise

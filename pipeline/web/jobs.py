"""The jobs folder as the pages see it: which jobs there are, their last run, and their check (cached).

A job is a folder of the jobs folder holding `job.toml`; its outputs go where the command line
puts them when run from the jobs folder's parent: `outputs/<job>/` beside `inputs/`.
"""

from __future__ import annotations

import json
import threading
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pipeline.base.errors import InputErrors, Problem
from pipeline.config.job_settings import SETTINGS_FILE
from pipeline.flow import check_job
from pipeline.scoring.result import JobResult
from pipeline.web.names import safe_name
from pipeline.write.manifest import MANIFEST_NAME


@dataclass(frozen=True)
class Checked:
    """A job's check: its result, or every problem (never both)."""

    result: JobResult | None
    problems: tuple[Problem, ...] = ()


@dataclass
class Desk:
    """The jobs folder, the outputs folder, and what was last found checking each job."""

    jobs: Path
    outputs: Path
    _checks: dict[str, tuple[tuple, Checked]] = field(default_factory=dict)
    _results: dict[str, tuple[tuple, Checked]] = field(default_factory=dict)  # `results`: no documents made
    _locks: dict[str, threading.Lock] = field(default_factory=dict)
    _guard: threading.Lock = field(default_factory=threading.Lock)

    def names(self) -> list[str]:
        if not self.jobs.is_dir():
            return []
        return sorted(p.name for p in self.jobs.iterdir()
                      if p.is_dir() and safe_name(p.name) and (p / SETTINGS_FILE).is_file())

    def folder(self, name: str) -> Path | None:
        """The job's folder, when `name` is a job of the jobs folder (never a path out of it)."""
        if not safe_name(name):
            return None
        folder = self.jobs / name
        if not (folder / SETTINGS_FILE).is_file() or not folder.resolve().is_relative_to(self.jobs.resolve()):
            return None
        return folder

    def out_dir(self, name: str) -> Path:
        return self.outputs / name

    def manifest(self, name: str) -> dict[str, Any] | None:
        """The last run's manifest, or None when the job has not been run (or its manifest is unreadable)."""
        try:
            manifest = json.loads((self.out_dir(name) / MANIFEST_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return manifest if isinstance(manifest, dict) else None

    def check(self, name: str) -> Checked:
        """`flow.check_job` of the job, done again only when a file of its folder changed, or of the previous
        period's job folder (or results workbook) it compares with."""
        return self._kept(self._checks, name, name, documents=True)

    def results(self, name: str) -> Checked:
        """What the results page shows: the job's check when it is made for the files as they are, else the result
        alone (`check_job` without documents: read, scored, ranked, compared; no template checked or rendered, so
        a template's problem shows on the check page, not here), kept the same way."""
        whole = self._checks.get(name)  # a check under way is not waited for; one that failed may fail on a template
        if whole is not None and whole[0] == _job_stamp(self.jobs / name) and whole[1].result is not None:
            return whole[1]
        return self._kept(self._results, name, f"{name}/results", documents=False)

    def _kept(self, kept: dict[str, tuple[tuple, Checked]], name: str, lock: str, documents: bool) -> Checked:
        """`check_job` of the job as `kept` holds it for its files as they are now, else made (once: under `lock`)
        and kept."""
        folder = self.jobs / name
        with self._lock(lock):
            stamp = _job_stamp(folder)
            cached = kept.get(name)
            if cached is not None and cached[0] == stamp:
                return cached[1]
            try:
                checked = Checked(check_job(folder, documents=documents))
            except InputErrors as exc:
                checked = Checked(None, tuple(exc.problems))
            kept[name] = (stamp, checked)
            return checked

    def warm(self) -> threading.Thread:
        """Checks every job once, in the background, as the desk starts (each job's results, then its whole check):
        the jobs list and a job's pages then find them made instead of working them out while the clerk waits (a
        page asked for meanwhile waits for that job's, never does it twice). A job changed later is checked again
        when its page is opened."""
        thread = threading.Thread(target=self._warm_all, name="warm-checks", daemon=True)
        thread.start()
        return thread

    def _warm_all(self) -> None:
        for made in (self.results, self.check):  # every job's results first: the quicker, for the results page
            for name in self.names():
                try:
                    made(name)
                except Exception:  # opening the job's page checks it again and says what went wrong
                    continue

    def keeper(self, name: str) -> Callable[[JobResult], None]:
        """What keeps a run's result as the job's check (a run checks everything a check does, with the same result),
        so the results page after a run is not worked out again: stamped with the job's files as they are now,
        before the run reads them, so a file changed meanwhile still makes the check run again."""
        stamp = _job_stamp(self.jobs / name)

        def keep(result: JobResult) -> None:
            with self._lock(name):
                self._checks[name] = (stamp, Checked(result))
        return keep

    def _lock(self, name: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(name, threading.Lock())


def _job_stamp(folder: Path) -> tuple:
    """The job's files, and those of the previous period it compares with, as `_stamp` gives them."""
    return (_stamp(folder), *(_stamp(path) for path in _previous_period(folder)))


def _previous_period(folder: Path) -> list[Path]:
    """The previous period's job folder or results workbook that the job's `[previous]` names, if any.

    Read from `job.toml` as written, without checking it (the check does that): only to know what to watch."""
    try:
        previous = tomllib.loads((folder / SETTINGS_FILE).read_text(encoding="utf-8")).get("previous")
    except (OSError, ValueError):
        return []
    if not isinstance(previous, dict):
        return []
    return [folder / where for where in (previous.get("job"), previous.get("results")) if isinstance(where, str)]


def _stamp(folder: Path) -> tuple:
    """Every file of the folder (or the file itself) with its size and time of change: a new stamp when anything
    changed."""
    if folder.is_file():
        status = folder.stat()
        return ((folder.name, status.st_size, status.st_mtime_ns),)
    found = []
    for path in sorted(folder.rglob("*")):
        try:
            status = path.stat()
        except OSError:
            continue
        found.append((path.relative_to(folder).as_posix(), status.st_size, status.st_mtime_ns))
    return tuple(found)


def run_time(manifest: dict[str, Any]) -> str:
    """The run's time as staff write it: 14:05 ngày 01/12/2026."""
    try:
        return datetime.fromisoformat(str(manifest.get("run_at"))).strftime("%H:%M ngày %d/%m/%Y")
    except ValueError:
        return str(manifest.get("run_at", ""))

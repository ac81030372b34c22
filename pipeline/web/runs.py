""""Lập văn bản" off the request thread: one run per job at a time, its progress by phase, remembered on disk.

The run is `flow.run_job`, the command line's, in a worker thread; the output folder's lock
(`write.staging`) still refuses a second run into it, from this app or from the command line,
and the page says so. `run_job` tells the phase it is in (`run_parts.PHASES`) and how far it is;
the bar moves through each phase's share of the run (`SPANS`).

Each run's state is also kept in a small file beside the output folder (`.lan-chay/<job>.json`,
never among the documents), so that after the app was stopped mid-run, a restarted app shows
that run as interrupted instead of "running" forever.
"""

from __future__ import annotations

import json
import os
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.base.errors import InputErrors
from pipeline.base.messages import describe
from pipeline.web.desk_audience import DESK
from pipeline.web.words import W
from pipeline.write.files import write_atomically
from pipeline.write.manifest import MANIFEST_NAME

if TYPE_CHECKING:
    from pipeline.scoring.result import JobResult

STATE_FOLDER = ".lan-chay"  # "runs", beside the output folders, like the previews' `.xem-truoc`
# Where each phase moves the bar, by the kind of run: (a campaign's, with PDF): phase → (from, to) percent.
SPANS = {
    (False, False): {"read": (0, 20), "documents": (20, 99)},
    (False, True): {"read": (0, 10), "documents": (10, 40), "pdf": (40, 99)},
    (True, False): {"units": (0, 85), "documents": (85, 99)},
    (True, True): {"units": (0, 55), "documents": (55, 65), "pdf": (65, 99)},
}


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="microseconds")


def clock(moment: str, with_date: bool = False) -> str:
    """14:05:09 (or 14:05 ngày 01/12/2026) from an ISO time; "" when there is none."""
    try:
        when = datetime.fromisoformat(moment)
    except (TypeError, ValueError):
        return ""
    return when.strftime("%H:%M ngày %d/%m/%Y" if with_date else "%H:%M:%S")


_PHASE_WORDS = {"read": W.phase_read, "units": W.phase_units, "documents": W.phase_documents,  # by phase
                "pdf": W.phase_pdf}  # (`run_parts.PHASES`)


@dataclass
class RunState:
    """One run of a job, as the documents page shows it and as its state file keeps it."""

    state: str = "running"  # "running", "done", "failed", "interrupted" (the app stopped mid-run)
    phase: str = ""  # of `run_parts.PHASES`; "" while the run checks the job before its first phase
    done: int = 0
    total: int = 0
    campaign: bool = False
    pdf: bool = False
    started: str = field(default_factory=_now)
    finished: str = ""
    written: int = 0
    problems: tuple[str, ...] = ()  # as the command line says them
    warnings: tuple[str, ...] = ()
    crashed: bool = False
    pid: int = field(default_factory=os.getpid)

    def percent(self) -> int:
        if self.state != "running":
            return 100
        start, end = SPANS[(self.campaign, self.pdf)].get(self.phase, (0, 0))
        return start + (end - start) * self.done // self.total if self.total else start

    def phase_text(self) -> str:
        """"Đang đọc 3/21 tệp số liệu", or "Đang lập văn bản…" before the first phase."""
        words = _PHASE_WORDS.get(self.phase)
        return words.format(done=self.done, total=self.total) if words and self.total else W.running

    def as_json(self) -> dict[str, Any]:
        return {"state": self.state, "phase": self.phase, "done": self.done, "total": self.total,
                "percent": self.percent(), "text": self.phase_text(), "written": self.written,
                "problems": list(self.problems), "warnings": list(self.warnings), "crashed": self.crashed,
                "started": clock(self.started), "finished": clock(self.finished)}


def state_file(out_dir: Path) -> Path:
    return out_dir.parent / STATE_FOLDER / f"{out_dir.name}.json"


def _save(state: RunState, out_dir: Path) -> None:
    try:
        write_atomically(state_file(out_dir), json.dumps(asdict(state), ensure_ascii=False).encode("utf-8"))
    except (InputErrors, OSError):
        traceback.print_exc()  # the run goes on; only a restart would not know of it


def remembered(out_dir: Path, manifest: dict[str, Any] | None) -> RunState | None:
    """The last run into `out_dir` as its state file says, for an app that did not start it (a restarted app).

    A run the file says is running is "interrupted" unless another live process still holds the output
    folder's lock for it; one whose manifest reached the folder after it started (the app stopped just
    after the move) is done.
    """
    try:
        data = json.loads(state_file(out_dir).read_text(encoding="utf-8"))
        known = {f.name for f in fields(RunState)}
        values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in known}
        state = RunState(**values)
    except (OSError, ValueError, TypeError):
        return None
    if state.state == "done" and manifest is None:  # its documents were deleted since: nothing to say of it
        return None
    if state.state != "running" or _held_elsewhere(out_dir, state.pid):
        return state
    try:  # the manifest is written last, in the staging folder, and moved in last
        moved = (out_dir / MANIFEST_NAME).stat().st_mtime >= datetime.fromisoformat(state.started).timestamp()
    except (OSError, ValueError):
        moved = False
    state.state = "done" if moved else "interrupted"
    state.written = len(manifest.get("outputs", [])) if moved and manifest else 0
    return state


def _held_elsewhere(out_dir: Path, pid: int) -> bool:
    """Whether process `pid`, not this one and still alive, holds the output folder's lock (`write.staging`)."""
    if pid == os.getpid():
        return False
    for root in (out_dir.parent, out_dir):
        try:
            holder = json.loads((root / f".{out_dir.name}.lock").read_text(encoding="utf-8")).get("pid")
        except (OSError, ValueError, AttributeError):
            continue
        if holder == pid:
            try:
                os.kill(pid, 0)
            except OSError:
                return False
            return True
    return False


class Runs:
    """The runs of this app: at most one per job, each in a worker thread."""

    def __init__(self, workers: int = 2) -> None:
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="lap-van-ban")
        self._states: dict[str, RunState] = {}
        self._guard = threading.Lock()

    def state(self, job: str, out_dir: Path | None = None, manifest: dict[str, Any] | None = None) \
            -> RunState | None:
        """This app's last run of `job`; else, given its output folder, the run its state file remembers."""
        current = self._states.get(job)
        if current is None and out_dir is not None:
            return remembered(out_dir, manifest)
        return current

    def start(self, job: str, folder: Path, out_dir: Path, force: bool, pdf: bool, campaign: bool = False,
              strict: bool = False, kept: Callable[[], Callable[[JobResult], None]] | None = None) -> bool:
        """Starts a run of `job`; False when one is already running (nothing started). `kept()`, called as the run
        starts, gives what keeps the result of a run that succeeds (`Desk.keeper`)."""
        with self._guard:
            current = self._states.get(job)
            if current is not None and current.state == "running":
                return False
            state = self._states[job] = RunState(campaign=campaign, pdf=pdf)
        _save(state, out_dir)
        self._pool.submit(self._run, state, folder, out_dir, force, pdf, strict, kept)
        return True

    @staticmethod
    def _run(state: RunState, folder: Path, out_dir: Path, force: bool, pdf: bool, strict: bool = False,
             kept: Callable[[], Callable[[JobResult], None]] | None = None) -> None:
        from pipeline.flow import run_job

        keep = kept() if kept is not None else None  # the job's files as the run is about to read them
        saved = [time.monotonic()]

        def progress(phase: str, done: int, total: int) -> None:
            changed = phase != state.phase
            state.phase, state.done, state.total = phase, done, total
            if changed or time.monotonic() - saved[0] > 1:  # the file follows the phases, not every step
                _save(state, out_dir)
                saved[0] = time.monotonic()

        try:
            run = run_job(folder, out_dir.absolute(), force=force, pdf=pdf, progress=progress, strict=strict)
        except InputErrors as exc:
            state.problems = tuple(describe(p, DESK) for p in exc.problems)
            state.state = "failed"
        except Exception:  # said on the page as the command line says it; the details go to the server's log
            traceback.print_exc()
            state.crashed = True
            state.state = "failed"
        else:
            if keep is not None:
                keep(run.result)
            state.written = len(run.written)
            state.warnings = tuple(describe(p, DESK) for p in run.warnings)
            state.state = "done"
        state.finished = _now()
        _save(state, out_dir)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

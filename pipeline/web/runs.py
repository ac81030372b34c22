""""Lập văn bản" off the request thread: one run per job at a time, with its progress for the page to poll.

The run is `flow.run_job`, the command line's, in a worker thread; the output folder's lock
(`write.staging`) still refuses a second run into it, from this app or from the command line,
and the page says so. `progress` counts unit reports as `run_job` reports them (a campaign's),
out of the number of data files (one unit each, as `init` makes them).
"""

from __future__ import annotations

import threading
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from pipeline.base.errors import InputErrors, Problem
from pipeline.base.messages import describe
from pipeline.web.desk_audience import DESK


@dataclass
class RunState:
    """One run of a job, as the documents page shows it."""

    state: str = "running"  # "running", "done", "failed"
    done: int = 0
    total: int = 0
    started: str = field(default_factory=lambda: datetime.now().strftime("%H:%M:%S"))
    finished: str = ""
    written: int = 0
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    crashed: bool = False

    def as_json(self) -> dict:
        percent = 100 if self.state != "running" else (min(99, 100 * self.done // self.total) if self.total else 0)
        return {"state": self.state, "done": self.done, "total": self.total, "percent": percent,
                "written": self.written, "problems": [describe(p, DESK) for p in self.problems],
                "warnings": [describe(p, DESK) for p in self.warnings], "crashed": self.crashed}


class Runs:
    """The runs of this app: at most one per job, each in a worker thread."""

    def __init__(self, workers: int = 2) -> None:
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="lap-van-ban")
        self._states: dict[str, RunState] = {}
        self._guard = threading.Lock()

    def state(self, job: str) -> RunState | None:
        return self._states.get(job)

    def start(self, job: str, folder: Path, out_dir: Path, force: bool, pdf: bool, total: int,
              strict: bool = False) -> bool:
        """Starts a run of `job`; False when one is already running (nothing started)."""
        with self._guard:
            current = self._states.get(job)
            if current is not None and current.state == "running":
                return False
            state = self._states[job] = RunState(total=total)
        self._pool.submit(self._run, state, folder, out_dir, force, pdf, strict)
        return True

    @staticmethod
    def _run(state: RunState, folder: Path, out_dir: Path, force: bool, pdf: bool, strict: bool = False) -> None:
        from pipeline.flow import run_job

        def progress(count: int) -> None:
            state.done += count

        try:
            run = run_job(folder, out_dir.absolute(), force=force, pdf=pdf, progress=progress, strict=strict)
        except InputErrors as exc:
            state.problems = tuple(exc.problems)
            state.state = "failed"
        except Exception:  # said on the page as the command line says it; the details go to the server's log
            traceback.print_exc()
            state.crashed = True
            state.state = "failed"
        else:
            state.written = len(run.written)
            state.warnings = run.warnings
            state.state = "done"
        state.finished = datetime.now().strftime("%H:%M:%S")

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

"""Renders many documents at once: each written as it is made, on every core.

Each worker process prepares a template the first time it meets it (`render.prepared`)
and reuses it for every later document; the parent hands out contexts a few at a time
and keeps only each written file's name and hash, so memory stays flat however long
the batch. Every file is written atomically (`writing.write_atomically`): a run killed
midway leaves complete documents only.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.documents.render import render_document
from pipeline.write.files import write_atomically

Job = tuple[str, Path, dict[str, Any]]  # output file name, template, context
SERIAL_BELOW = 8  # fewer documents than this render faster in this process than by starting workers


@dataclass(frozen=True)
class Written:
    path: Path
    sha256: str


def render_batch(jobs: Iterable[Job], out_dir: Path, workers: int | None = None,
                 progress: Callable[[Written], None] | None = None, size: int | None = None) -> list[Written]:
    """Renders and writes every job into `out_dir`; returns the files in the order of `jobs`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    workers = workers or os.cpu_count() or 1
    if workers == 1 or (size is not None and size < SERIAL_BELOW):
        done = []
        for job in jobs:
            done.append(_render_one(job, out_dir))
            if progress:
                progress(done[-1])
        return done
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    finished: dict[int, Written] = {}
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
        pending: dict[Future[Written], int] = {}
        for index, job in enumerate(jobs):
            pending[pool.submit(_render_one, job, out_dir)] = index
            while len(pending) >= workers * 4:  # a few contexts in flight, not the whole batch
                _collect(pending, finished, progress)
        while pending:
            _collect(pending, finished, progress)
    return [finished[index] for index in sorted(finished)]


def _collect(pending: dict[Future[Written], int], finished: dict[int, Written],
             progress: Callable[[Written], None] | None) -> None:
    done, _ = wait(pending, return_when=FIRST_COMPLETED)
    for future in done:
        index = pending.pop(future)
        finished[index] = future.result()
        if progress:
            progress(finished[index])


def _render_one(job: Job, out_dir: Path) -> Written:
    name, template, context = job
    content = render_document(template, context)
    path = write_atomically(out_dir / name, content)
    return Written(path, hashlib.sha256(content).hexdigest())

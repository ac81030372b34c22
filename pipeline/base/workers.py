"""Runs independent tasks on every core, in worker processes that end with the main process.

Workers are forked when the main process has no other thread (a fork copies only the
calling thread, so a lock held by another thread would stay locked in the child), and
started fresh (`forkserver`) otherwise. Each worker asks the kernel to kill it when its
parent dies (Linux `PR_SET_PDEATHSIG`) and also watches its parent itself, so a main
process killed with `kill -9` leaves no worker running. Results come back in the order
of the tasks; a few tasks are in flight at a time, so memory stays flat however many.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, TypeVar

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")
SERIAL_BELOW = 8  # fewer tasks than this run faster in this process than by starting workers
_PR_SET_PDEATHSIG = 1


def in_parallel(task: Callable[[S, T], R], shared: S, items: Iterable[T], workers: int | None = None,
                size: int | None = None) -> Iterator[R]:
    """`task(shared, item)` for every item, results in the order of `items`, on `workers` processes.

    Yields each result as soon as it and every earlier one are done. `task` must be a
    module-level function; `shared` goes to each worker once, items and results travel
    between processes by pickling, so keep them small.
    """
    workers = workers or os.cpu_count() or 1
    if workers == 1 or (size is not None and size < SERIAL_BELOW):
        yield from (task(shared, item) for item in items)
        return
    method = _start_method()
    finished: dict[int, R] = {}
    following = 0
    parent = os.getpid() if method == "fork" else None  # a forkserver's workers are its children
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method), initializer=_start_worker,
                             initargs=(parent, task, shared)) as pool:
        pending: dict[Future[R], int] = {}
        for index, item in enumerate(items):
            pending[pool.submit(_run, item)] = index
            while len(pending) >= workers * 4:  # a few tasks in flight, not the whole list
                _collect(pending, finished)
                while following in finished:
                    yield finished.pop(following)
                    following += 1
        while pending:
            _collect(pending, finished)
            while following in finished:
                yield finished.pop(following)
                following += 1


@contextmanager
def alongside(task: Callable[[S], R], argument: S) -> Iterator[Callable[[], R]]:
    """Starts `task(argument)` on the other core and gives a function that waits for its result.

    For one large piece of work beside another (the results workbook while the decision is
    rendered). The argument reaches the forked worker without pickling; only the result
    travels back. With one core, or where forking is not safe, the task runs in this
    process when its result is asked for.
    """
    if (os.cpu_count() or 1) < 2 or _start_method() != "fork":
        yield lambda: task(argument)
        return
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"), initializer=_start_worker,
                             initargs=(os.getpid(), task, argument)) as pool:
        yield pool.submit(_run_whole).result


def _start_method() -> str:
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _collect(pending: dict[Future[R], int], finished: dict[int, R]) -> None:
    done, _ = wait(pending, return_when=FIRST_COMPLETED)
    for future in done:
        finished[pending.pop(future)] = future.result()


_work: tuple[Callable[[Any, Any], Any], Any] | None = None  # in a worker: its task and the shared argument


def _start_worker(parent: int | None, task: Callable[[S, T], R], shared: S) -> None:
    global _work
    _work = (task, shared)
    _end_with_parent(parent)


def _run(item: Any) -> Any:
    task, shared = _work
    return task(shared, item)


def _run_whole() -> Any:
    task, argument = _work
    return task(argument)


def _end_with_parent(parent: int | None) -> None:
    """Die when the worker's parent (the main process, or the forkserver that ends with it) dies."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if parent is not None and os.getppid() != parent:
        os._exit(1)  # the parent died before this worker could ask to follow it
    threading.Thread(target=_watch, args=(os.getppid(),), daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(1)

"""Runs independent tasks on every core, in worker processes that end with the main process.

Workers are forked when the main process has no other thread (a fork copies only the
calling thread, so a lock held by another thread would stay locked in the child), and
started fresh (`forkserver`) otherwise. Each worker asks the kernel to kill it when its
parent dies (Linux `PR_SET_PDEATHSIG`) and also watches its parent itself, so a main
process killed with `kill -9` leaves no worker running. Results come back in the order
of the tasks; a few tasks are in flight at a time, so memory stays flat however many.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, Generic, TypeVar

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")
SERIAL_BELOW = 8  # fewer tasks than this run faster in this process than by starting workers
LARGEST_CHUNK = 8  # items a worker is sent at once, when there are many: the cost of a trip is paid once for them
_PR_SET_PDEATHSIG = 1


def in_parallel(task: Callable[[S, T], R], shared: S, items: Iterable[T], workers: int | None = None,
                size: int | None = None) -> Iterator[R]:
    """`task(shared, item)` for every item, results in the order of `items`, on `workers` processes.

    Yields each result as soon as it and every earlier one are done. `task` must be a
    module-level function; `shared` goes to each worker once, items and results travel
    between processes by pickling, so keep them small. Given the number of items (`size`), a worker is
    sent a few items at a time when there are many (`chunk_size`), their results coming back together.
    """
    workers = workers or os.cpu_count() or 1
    if workers == 1 or (size is not None and size < SERIAL_BELOW):
        yield from (task(shared, item) for item in items)
        return
    method = _start_method()
    finished: dict[int, list[R]] = {}
    following = 0
    parent = os.getpid() if method == "fork" else None  # a forkserver's workers are its children
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method), initializer=_start_worker,
                             initargs=(parent, task, shared)) as pool:
        pending: dict[Future[list[R]], int] = {}
        for index, chunk in enumerate(_chunks(items, chunk_size(size, workers))):
            pending[pool.submit(_run_all, chunk)] = index
            while len(pending) >= workers * 4:  # a few chunks in flight, not the whole list
                _collect(pending, finished)
                while following in finished:
                    yield from finished.pop(following)
                    following += 1
        while pending:
            _collect(pending, finished)
            while following in finished:
                yield from finished.pop(following)
                following += 1


def chunk_size(size: int | None, workers: int) -> int:
    """Items sent to a worker at once: one when their number is unknown or small; else up to `LARGEST_CHUNK`,
    while each worker still gets at least eight chunks (the last ones end close together)."""
    return 1 if size is None else max(1, min(LARGEST_CHUNK, size // (workers * 8)))


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Shared(Generic[T]):
    """A value given to tasks of several `Ahead`s, pickled once however many it is sent to: each receives the value
    itself (a large result is a tenth of a second to pickle)."""

    def __init__(self, value: T):
        self.value = value
        self._pickled: bytes | None = None

    def __reduce__(self) -> tuple[Callable[[bytes], T], tuple[bytes]]:
        if self._pickled is None:
            self._pickled = pickle.dumps(self.value, pickle.HIGHEST_PROTOCOL)
        return pickle.loads, (self._pickled,)


class Ahead:
    """A worker on the other core, forked small before the work (`start`), that imports what later tasks need
    (`warm_up`) while this process reads and computes; `ask(task, *arguments)` gives a function that waits for
    the task's result (arguments and result travel by pickling, through a pipe: no thread is started here, so
    `in_parallel` still forks; an argument sent to several is wrapped in `Shared`). Not started, with one core, or
    where forking is not safe, a task runs in this process when its result is asked for."""

    def __init__(self, warm_up: Callable[[], Any]):
        self.warm_up = warm_up
        self.process: Any = None
        self.asked = self.received = 0
        self.answers: dict[int, tuple[bool, Any]] = {}  # received, not yet asked for

    def start(self) -> None:
        if self.process is None and (os.cpu_count() or 1) >= 2 and _start_method() == "fork":
            context = multiprocessing.get_context("fork")
            self.connection, theirs = context.Pipe()
            self.process = context.Process(target=_answer, args=(os.getpid(), theirs, self.warm_up), daemon=True)
            self.process.start()
            theirs.close()

    def ask(self, task: Callable[..., R], *arguments: Any) -> Callable[[], R]:
        if self.process is None:
            return lambda: task(*(a.value if isinstance(a, Shared) else a for a in arguments))
        self.connection.send((task, arguments))
        number, self.asked = self.asked, self.asked + 1
        return lambda: self._answer(number)

    def _answer(self, number: int) -> Any:
        while number not in self.answers:  # answers come in the order asked
            self.answers[self.received] = self.connection.recv()
            self.received += 1
        done, value = self.answers.pop(number)
        if not done:
            raise value
        return value

    def __enter__(self) -> Ahead:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            with contextlib.suppress(OSError):
                self.connection.send(None)
            self.process.join(5)
            self.connection.close()


def _answer(parent: int, connection: Any, warm_up: Callable[[], Any]) -> None:
    """An `Ahead` worker: `warm_up`, then each task sent, its result (or what it raised) sent back."""
    _end_with_parent(parent)
    warm_up()
    while (asked := connection.recv()) is not None:
        task, arguments = asked
        try:
            connection.send((True, task(*arguments)))
        except Exception as exc:  # said where the result is asked for, as if the task had run there
            connection.send((False, exc))


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
    assert _work is not None  # set by `_start_worker` before any item comes
    task, shared = _work
    return task(shared, item)


def _run_all(items: list[Any]) -> list[Any]:
    return [_run(item) for item in items]


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

"""Work shared among worker processes comes back whole and in order, however many items a worker is sent at once."""

from __future__ import annotations

import os
from typing import ClassVar

import pytest

from pipeline.base.errors import InputErrors, Problem, Reason, problem
from pipeline.base.workers import LARGEST_CHUNK, Ahead, Shared, chunk_size, in_parallel


def _square_with_worker(offset: int, item: int) -> tuple[int, int]:
    return item * item + offset, os.getpid()


def _fails_on_thirteen(_: None, item: int) -> int:
    if item == 13:
        raise ValueError("thirteen")
    return item


@pytest.mark.parametrize("count", [0, 7, 8, 9, 17, 130, 301])
def test_every_item_comes_back_once_in_the_order_given(count):
    results = list(in_parallel(_square_with_worker, 5, range(count), workers=2, size=count))
    assert [value for value, _ in results] == [n * n + 5 for n in range(count)]


def test_many_items_are_sent_a_few_at_a_time_and_every_worker_gets_several_chunks():
    assert chunk_size(None, 2) == 1  # their number unknown: one at a time
    assert chunk_size(20, 2) == 1
    assert chunk_size(2000, 2) == LARGEST_CHUNK
    for size in range(8, 3000, 37):
        chunk = chunk_size(size, 2)
        assert 1 <= chunk <= LARGEST_CHUNK and (chunk == 1 or size // chunk >= 2 * 8)


def test_items_of_one_chunk_run_in_one_worker_and_the_work_is_shared():
    results = list(in_parallel(_square_with_worker, 0, range(400), workers=2, size=400))
    workers = [pid for _, pid in results]
    chunk = chunk_size(400, 2)
    assert chunk > 1 and all(len(set(workers[i:i + chunk])) == 1 for i in range(0, 400, chunk))
    assert os.getpid() not in workers


def test_a_task_that_fails_fails_the_whole_as_it_would_in_one_process():
    with pytest.raises(ValueError, match="thirteen"):
        list(in_parallel(_fails_on_thirteen, None, range(200), workers=2, size=200))


class _Counted:
    """A value that counts how often it is pickled."""

    pickled: ClassVar[list[int]] = []

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        _Counted.pickled.append(1)
        return _Counted, ()


def _pid_and_kind(value: object) -> tuple[int, str]:
    return os.getpid(), type(value).__name__


def test_a_value_shared_by_two_workers_ahead_is_pickled_once_and_each_receives_the_value_itself():
    _Counted.pickled = []
    shared = Shared(_Counted())
    with Ahead(lambda: None) as first, Ahead(lambda: None) as second:
        first.start()
        second.start()
        answers = [first.ask(_pid_and_kind, shared), second.ask(_pid_and_kind, shared)]
        found = [answer() for answer in answers]
    assert [kind for _, kind in found] == ["_Counted", "_Counted"]
    if first.process is not None:  # forked: two other processes, one pickling
        assert len({pid for pid, _ in found} | {os.getpid()}) == 3
        assert _Counted.pickled == [1]


def test_a_shared_value_given_to_a_worker_not_started_is_the_value_itself():
    with Ahead(lambda: None) as never_started:
        assert never_started.ask(_pid_and_kind, Shared(_Counted()))() == (os.getpid(), "_Counted")


def test_input_errors_raised_in_a_worker_ahead_reach_the_asker_with_their_problems():
    problems = [problem(Reason.TEMPLATE_MISSING, file="mau.docx"), problem(Reason.OUTPUT_IS_JOB_FOLDER, file="x")]
    with Ahead(lambda: None) as ahead:
        ahead.start()
        answer = ahead.ask(_refused, problems)
        with pytest.raises(InputErrors) as raised:
            answer()
    assert raised.value.problems == tuple(problems)


def _refused(problems: list[Problem]) -> None:
    raise InputErrors(problems)

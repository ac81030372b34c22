"""Work shared among worker processes comes back whole and in order, however many items a worker is sent at once."""

from __future__ import annotations

import os

import pytest

from pipeline.base.workers import LARGEST_CHUNK, chunk_size, in_parallel


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

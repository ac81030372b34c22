"""Entries: saved only over the version they were read at, points kept exactly, a submitted unit's own locked."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest

from pipeline.store import Conflict, Refused, StoreError, open_store

JOB, UNIT = "dot-2025", "Sở Tài chính"


def test_a_save_over_a_stale_version_is_refused_and_overwrites_nothing(store):
    first = store.save_entry(JOB, UNIT, "1.1", {"self_points": "2", "justification": "Có quyết định"}, 0, "a")
    second = store.save_entry(JOB, UNIT, "1.1", {"self_points": "1.5"}, first.version, "b")
    with pytest.raises(Conflict, match="vừa được b lưu"):
        store.save_entry(JOB, UNIT, "1.1", {"self_points": "0", "justification": "xóa"}, first.version, "a")
    kept = store.entries(JOB, UNIT)["1.1"]
    assert (first.version, second.version, kept.version) == (1, 2, 2)
    assert (kept.self_points, kept.justification, kept.updated_by) == (Decimal("1.5"), "Có quyết định", "b")


def test_a_first_save_expects_version_zero(store):
    store.save_entry(JOB, UNIT, "2.1", {"self_points": "1"}, 0, "a")
    with pytest.raises(Conflict):
        store.save_entry(JOB, UNIT, "2.1", {"self_points": "3"}, 0, "b")
    with pytest.raises(Conflict):
        store.save_entry(JOB, UNIT, "2.2", {"self_points": "3"}, 4, "b")
    assert store.entries(JOB, UNIT)["2.1"].self_points == Decimal(1) and "2.2" not in store.entries(JOB, UNIT)


def test_concurrent_saves_of_one_version_from_two_connections_let_exactly_one_through(store, store_url, jobs):
    other = open_store(store_url, jobs)  # its own engine: its own connections to the database
    rounds = 12
    try:
        for number in range(rounds):
            barrier, results = threading.Barrier(2), {}

            def save(who: str, through, number=number, barrier=barrier, results=results):
                barrier.wait()
                try:
                    results[who] = through.save_entry(JOB, UNIT, "3.1", {"justification": f"{who} {number}"},
                                                      number, who)
                except Conflict:
                    results[who] = None

            threads = [threading.Thread(target=save, args=(who, s)) for who, s in (("a", store), ("b", other))]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            winners = [who for who, entry in results.items() if entry is not None]
            kept = store.entries(JOB, UNIT)["3.1"]
            assert len(winners) == 1 and kept.version == number + 1
            assert kept.justification == f"{winners[0]} {number}" and kept.updated_by == winners[0]
    finally:
        other.close()
    assert len([e for e in store.audit(JOB, UNIT, "3.1") if e.field == "justification"]) == rounds


def test_points_are_kept_exactly_as_typed_decimals(store):
    store.save_entry(JOB, UNIT, "1", {"self_points": "7,25", "appraised_points": Decimal("0.10"),
                                      "final_points": "  3 "}, 0, "a")
    kept = store.entries(JOB, UNIT)["1"]
    assert (kept.self_points, kept.appraised_points, kept.final_points) == (Decimal("7.25"), Decimal("0.10"),
                                                                            Decimal(3))
    assert str(kept.appraised_points) == "0.10"
    cleared = store.save_entry(JOB, UNIT, "1", {"appraised_points": ""}, 1, "a")
    assert cleared.appraised_points is None and cleared.self_points == Decimal("7.25")


@pytest.mark.parametrize("typed", ["-1", "abc", "NaN", "Infinity"])
def test_negative_or_unreadable_points_are_refused_and_nothing_saved(store, typed):
    with pytest.raises(Refused, match="không phải một số không âm"):
        store.save_entry(JOB, UNIT, "1", {"self_points": typed}, 0, "a")
    assert store.entries(JOB, UNIT) == {} and store.audit(JOB) == []


def test_a_field_an_entry_does_not_have_is_refused(store):
    with pytest.raises(StoreError, match="Không có mục \"points\""):
        store.save_entry(JOB, UNIT, "1", {"points": "1"}, 0, "a")


def test_a_submitted_units_own_points_are_read_only_until_reopened_but_appraisal_goes_on(store):
    saved = store.save_entry(JOB, UNIT, "1", {"self_points": "2"}, 0, UNIT)
    store.submit(JOB, UNIT, UNIT)
    with pytest.raises(Refused, match="đã gửi"):
        store.save_entry(JOB, UNIT, "1", {"self_points": "3"}, saved.version, UNIT)
    appraised = store.save_entry(JOB, UNIT, "1", {"appraised_points": "1.5", "appraisal_comment": "Thiếu"},
                                 saved.version, "tham-dinh")
    store.reopen(JOB, UNIT, "van-phong")
    again = store.save_entry(JOB, UNIT, "1", {"self_points": "3"}, appraised.version, UNIT)
    assert (again.self_points, again.appraised_points, again.version) == (Decimal(3), Decimal("1.5"), 3)


def test_entries_of_one_unit_are_not_anothers(store):
    store.save_entry(JOB, UNIT, "1", {"self_points": "2"}, 0, "a")
    store.save_entry(JOB, "Sở Y tế", "1", {"self_points": "5"}, 0, "b")
    assert {c: e.self_points for c, e in store.entries(JOB, UNIT).items()} == {"1": Decimal(2)}
    assert {u: {c: e.self_points for c, e in entries.items()} for u, entries in store.job_entries(JOB).items()} == {
        UNIT: {"1": Decimal(2)}, "Sở Y tế": {"1": Decimal(5)}}

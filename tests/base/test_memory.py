"""Records repeating a value hold one object for it, equal to what they held; numbers keep how they are written."""

from __future__ import annotations

import pickle
import platform
from dataclasses import dataclass
from decimal import Decimal

import pytest

from pipeline.base.memory import SharedValues, return_freed_room
from pipeline.scoring.campaign import UnitReport
from pipeline.scoring.compute import CriteriaTotals


def _fresh(text: str) -> str:
    """An equal text that is another object (as each unit's copy is, unpickled from a worker)."""
    return "".join(list(text))


def _totals(points: str) -> CriteriaTotals:
    return CriteriaTotals(Decimal("100"), Decimal(points), Decimal("0"), Decimal("5"), Decimal("0"), None, True,
                          False, Decimal("0.5"))


def _report(unit: str, points: str) -> UnitReport:
    return UnitReport(unit, _fresh("UBND các xã, phường"), f"don-vi/{unit}.xlsx", _fresh("Bảng tiêu chí"), None,
                      _totals(points), _totals(points))


def test_equal_texts_and_numbers_of_many_records_are_one_object_each():
    reports = [pickle.loads(pickle.dumps(_report(f"Xã {n}", "72.5"))) for n in range(3)]
    assert reports[0].group is not reports[1].group  # what a worker's results are before sharing
    values = SharedValues()
    shared = [values.record(report) for report in reports]
    assert shared == reports
    first, *others = shared
    for other in others:
        assert other.group is first.group and other.sheet is first.sheet
        assert other.totals.max_points is first.totals.max_points
        assert other.appraised is not None and other.appraised.tree_points is first.totals.tree_points
    assert len({id(report.unit) for report in shared}) == 3  # names differ: each its own


def test_numbers_equal_in_value_but_written_differently_stay_apart():
    values = SharedValues()
    one, two = values.record(_report("Xã A", "72.50")), values.record(_report("Xã B", "72.5"))
    assert one.totals.tree_points == two.totals.tree_points
    assert str(one.totals.tree_points) == "72.50" and str(two.totals.tree_points) == "72.5"


@dataclass(frozen=True)
class _Lines:
    lines: tuple[str, ...]
    rows: list[str]  # a list is left as it is: records may share it with others


def test_texts_inside_tuples_are_shared_and_lists_are_left_alone():
    values = SharedValues()
    rows = [_fresh("một")]
    first = values.record(_Lines((_fresh("ỦY BAN NHÂN DÂN"), "XÃ A"), rows))
    second = values.record(_Lines((_fresh("ỦY BAN NHÂN DÂN"), "XÃ B"), [_fresh("một")]))
    assert second.lines[0] is first.lines[0]
    assert first.rows is rows and second.rows[0] is not rows[0]


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="the freed room is handed back through glibc only")
def test_freed_room_is_handed_back_with_glibc():
    assert return_freed_room()

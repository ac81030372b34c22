"""A unit's entries per criterion, saved only over the version they were read at (a later save is never lost)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Row, insert, select, update
from sqlalchemy.exc import IntegrityError

import pipeline.store.tables as t
from pipeline.store.core import StoreCore, shown_time
from pipeline.store.errors import Conflict, Refused, StoreError
from pipeline.store.records import ENTRY_FIELDS, POINT_FIELDS, Entry
from pipeline.store.states import unit_status_in

_TEXT_FIELDS = tuple(f for f in ENTRY_FIELDS if f not in POINT_FIELDS)
_SELF_FIELDS = {"self_points", "justification"}  # the unit's own: read-only once it has submitted


def empty_entry(job: str, unit: str, criterion: str) -> Entry:
    return Entry(job, unit, criterion, None, "", None, "", "", None, 0, "", None)


def entry_of(row: Row[Any]) -> Entry:
    return Entry(**{name: row._mapping[name] for name in Entry.__dataclass_fields__})


def checked_changes(criterion: str, changes: dict[str, Any]) -> dict[str, Any]:
    """`changes` with points as Decimal and texts as str; a field that is not an entry's, or bad points, refused."""
    checked: dict[str, Any] = {}
    for field, value in changes.items():
        if field not in ENTRY_FIELDS:
            raise StoreError("unknown_field", field=field)
        if field in _TEXT_FIELDS:
            checked[field] = "" if value is None else str(value)
            continue
        try:
            points = None if value is None or value == "" else Decimal(str(value).strip().replace(",", "."))
        except InvalidOperation:
            points = Decimal(-1)
        if points is not None and (not points.is_finite() or points < 0):
            raise Refused("bad_points", value=value, criterion=criterion)
        checked[field] = points
    return checked


class EntriesPart(StoreCore):
    def entries(self, job: str, unit: str) -> dict[str, Entry]:
        """The unit's saved entries by criterion code; a criterion never saved is not there."""
        query = select(t.entries).where(t.entries.c.job == job, t.entries.c.unit == unit)
        with self.reading() as connection:
            return {row.criterion: entry_of(row) for row in connection.execute(query)}

    def job_entries(self, job: str) -> dict[str, dict[str, Entry]]:
        """Every unit's entries of `job`: unit → criterion → entry."""
        found: dict[str, dict[str, Entry]] = {}
        with self.reading() as connection:
            for row in connection.execute(select(t.entries).where(t.entries.c.job == job)):
                found.setdefault(row.unit, {})[row.criterion] = entry_of(row)
        return found

    def save_entry(self, job: str, unit: str, criterion: str, changes: dict[str, Any], expected_version: int,
                   actor: str) -> Entry:
        """The entry with `changes`, if its version is still `expected_version` (0: never saved); else `Conflict`
        and nothing written. Each changed field is one event of the audit trail, in the same transaction."""
        changes = checked_changes(criterion, changes)
        now = self.clock()
        key = (t.entries.c.job == job, t.entries.c.unit == unit, t.entries.c.criterion == criterion)
        try:
            with self.writing() as connection:
                row = connection.execute(select(t.entries).where(*key)).first()
                old = entry_of(row) if row is not None else empty_entry(job, unit, criterion)
                if old.version != expected_version:
                    raise self._conflict(old)
                if _SELF_FIELDS & changes.keys() and unit_status_in(connection, job, unit).state == "submitted":
                    raise Refused("submitted", unit=unit)
                values = {**changes, "version": expected_version + 1, "updated_by": actor, "updated_at": now}
                if row is None:
                    blank = {f: None if f in POINT_FIELDS else "" for f in ENTRY_FIELDS}
                    connection.execute(insert(t.entries).values(job=job, unit=unit, criterion=criterion,
                                                                **{**blank, **values}))
                else:
                    done = connection.execute(update(t.entries).where(*key, t.entries.c.version == expected_version)
                                              .values(**values))
                    if done.rowcount != 1:
                        raise self._conflict(old)
                for field, value in changes.items():
                    if getattr(old, field) != value:
                        self.record(connection, actor, "entry_saved", job, unit, criterion, field,
                                    getattr(old, field), value)
                return entry_of(connection.execute(select(t.entries).where(*key)).one())
        except IntegrityError as exc:  # another first save of the same criterion committed in between
            raise Conflict(criterion=criterion, unit=unit, by="", at="") from exc

    def _conflict(self, current: Entry) -> Conflict:
        return Conflict(criterion=current.criterion, unit=current.unit, by=current.updated_by,
                        at=shown_time(current.updated_at))

"""What every part of the store stands on: its engine, its transactions, its clock and the audit trail's writer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.exc import OperationalError

import pipeline.store.tables as t
from pipeline.store.errors import DatabaseUnavailable
from pipeline.store.records import AuditEvent


def utc_now() -> datetime:
    return datetime.now(UTC)


VIETNAM = timezone(timedelta(hours=7))  # the time a message shows (Việt Nam keeps no summer time)


def shown_time(moment: datetime | None) -> str:
    """A moment as a message shows it, in Việt Nam's time: "14:05 06/12/2026"."""
    return "" if moment is None else moment.astimezone(VIETNAM).strftime("%H:%M %d/%m/%Y")


def as_text(value: object) -> str | None:
    """A value as the audit trail keeps it: points as typed ("7.50" stays "7.50"), nothing as None."""
    if value is None:
        return None
    return format(value, "f") if isinstance(value, Decimal) else str(value)


class StoreCore:
    """The engine (SQLite or PostgreSQL), the folder of evidence files, and the clock (replaceable in tests)."""

    def __init__(self, engine: Engine, evidence_folder: Path, clock: Callable[[], datetime] = utc_now) -> None:
        self.engine = engine
        self.evidence_folder = evidence_folder
        self.clock = clock
        self._writer = engine.execution_options(store_writes=True)  # SQLite: BEGIN IMMEDIATE (opening.py)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One transaction that changes the store: committed whole at the end, or not at all."""
        try:
            with self._writer.begin() as connection:
                yield connection
        except OperationalError as exc:
            raise DatabaseUnavailable("busy", why=str(exc.orig).strip()) from exc

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as connection, connection.begin():
                yield connection
        except OperationalError as exc:
            raise DatabaseUnavailable("busy", why=str(exc.orig).strip()) from exc

    def record(self, connection: Connection, actor: str, action: str, job: str | None, unit: str | None = None,
               criterion: str | None = None, field: str | None = None, old: object = None,
               new: object = None) -> None:
        """Appends one change to the audit trail, inside the transaction making the change."""
        connection.execute(insert(t.audit).values(at=self.clock(), actor=actor, action=action, job=job, unit=unit,
                                                  criterion=criterion, field=field, old=as_text(old),
                                                  new=as_text(new)))

    def audit(self, job: str | None, unit: str | None = None, criterion: str | None = None) -> list[AuditEvent]:
        """The trail of `job` (None: changes of no job, as the secretariat's accounts), oldest first, narrowed to
        one unit and criterion when given. There is no way to change or remove an event."""
        query = select(t.audit).where(t.audit.c.job.is_(None) if job is None else t.audit.c.job == job)
        if unit is not None:
            query = query.where(t.audit.c.unit == unit)
        if criterion is not None:
            query = query.where(t.audit.c.criterion == criterion)
        with self.reading() as connection:
            return [AuditEvent(**row._mapping) for row in connection.execute(query.order_by(t.audit.c.id))]

    def close(self) -> None:
        self.engine.dispose()

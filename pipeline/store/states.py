"""Where a unit is (draft, submitted, reopened) and where the campaign is (self-assessment … final points)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, insert, select, update

import pipeline.store.tables as t
from pipeline.store.core import StoreCore
from pipeline.store.errors import Conflict, Refused
from pipeline.store.records import PHASES, CampaignPhase, UnitStatus


def unit_status_in(connection: Connection, job: str, unit: str) -> UnitStatus:
    row = connection.execute(select(t.unit_states).where(t.unit_states.c.job == job,
                                                         t.unit_states.c.unit == unit)).first()
    return UnitStatus(job, unit, "draft", None) if row is None else UnitStatus(job, unit, row.state, row.submitted_at)


class StatesPart(StoreCore):
    def unit_status(self, job: str, unit: str) -> UnitStatus:
        with self.reading() as connection:
            return unit_status_in(connection, job, unit)

    def statuses(self, job: str) -> dict[str, UnitStatus]:
        """Every unit of `job` that has a state other than draft (submitted once at least)."""
        with self.reading() as connection:
            rows = connection.execute(select(t.unit_states).where(t.unit_states.c.job == job)).all()
        return {row.unit: UnitStatus(job, row.unit, row.state, row.submitted_at) for row in rows}

    def submit(self, job: str, unit: str, actor: str) -> UnitStatus:
        """The unit's self-assessment sent: read-only from now on, unless the secretariat reopens it."""
        return self._move(job, unit, ("draft", "reopened"), "submitted", "already_submitted", actor, "submitted")

    def reopen(self, job: str, unit: str, actor: str) -> UnitStatus:
        return self._move(job, unit, ("submitted",), "reopened", "not_submitted", actor, "reopened")

    def _move(self, job: str, unit: str, before: tuple[str, ...], after: str, refusal: str, actor: str,
              action: str) -> UnitStatus:
        now = self.clock()
        with self.writing() as connection:
            old = unit_status_in(connection, job, unit)
            if old.state not in before:
                raise Refused(refusal, unit=unit)
            submitted_at = now if after == "submitted" else old.submitted_at
            if not self._has_row(connection, job, unit):
                connection.execute(insert(t.unit_states).values(job=job, unit=unit, state=after,
                                                                submitted_at=submitted_at))
            else:
                done = connection.execute(update(t.unit_states).where(
                    t.unit_states.c.job == job, t.unit_states.c.unit == unit, t.unit_states.c.state == old.state)
                    .values(state=after, submitted_at=submitted_at))
                if done.rowcount != 1:
                    raise Conflict("conflict_state", unit=unit)
            self.record(connection, actor, action, job, unit, field="state", old=old.state, new=after)
            return UnitStatus(job, unit, after, submitted_at)

    @staticmethod
    def _has_row(connection: Connection, job: str, unit: str) -> bool:
        return connection.execute(select(t.unit_states.c.state).where(
            t.unit_states.c.job == job, t.unit_states.c.unit == unit)).first() is not None

    def phase(self, job: str) -> CampaignPhase:
        """The campaign's phase ("self" until the secretariat moves it on) and its deadline."""
        with self.reading() as connection:
            row = connection.execute(select(t.phases).where(t.phases.c.job == job)).first()
        return CampaignPhase(job, "self", None) if row is None else CampaignPhase(job, row.phase, row.deadline)

    def set_phase(self, job: str, phase: str, deadline: datetime | None, actor: str) -> CampaignPhase:
        if phase not in PHASES:
            raise Refused("bad_phase", phase=phase, phases=", ".join(PHASES))
        with self.writing() as connection:
            row = connection.execute(select(t.phases).where(t.phases.c.job == job)).first()
            if row is None:
                connection.execute(insert(t.phases).values(job=job, phase=phase, deadline=deadline))
            else:
                connection.execute(update(t.phases).where(t.phases.c.job == job).values(phase=phase, deadline=deadline))
            old = None if row is None else f"{row.phase} {row.deadline.isoformat() if row.deadline else ''}".strip()
            new = f"{phase} {deadline.isoformat() if deadline else ''}".strip()
            self.record(connection, actor, "phase_set", job, field="phase", old=old, new=new)
        return CampaignPhase(job, phase, deadline)

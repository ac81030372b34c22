"""What the store keeps, as frozen records: accounts and their roles, entries, evidence, states, the audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import Enum

ENTRY_FIELDS = ("self_points", "justification", "appraised_points", "appraisal_comment", "explanation",
                "final_points")
POINT_FIELDS = ("self_points", "appraised_points", "final_points")
UNIT_STATES = ("draft", "submitted", "reopened")
PHASES = ("self", "appraisal", "explanation", "final")


class Role(Enum):
    """Who an account is: the secretariat (the whole desk), a unit (its own entries), an appraiser (its units)."""

    SECRETARIAT = "secretariat"
    UNIT = "unit"
    APPRAISER = "appraiser"


@dataclass(frozen=True)
class Account:
    id: int
    login: str
    role: Role
    name: str
    job: str | None
    unit: str | None  # a unit account's name in the job's register
    active: bool
    must_set_password: bool  # true until the first login with the one-time code
    assigned: tuple[str, ...] = ()  # an appraiser's units or groups


@dataclass(frozen=True)
class Entry:
    """One unit's values for one criterion (its code as in the job's criteria, "1.2.1")."""

    job: str
    unit: str
    criterion: str
    self_points: Decimal | None
    justification: str
    appraised_points: Decimal | None
    appraisal_comment: str
    explanation: str
    final_points: Decimal | None
    version: int  # 0: nothing saved yet; each save adds one
    updated_by: str
    updated_at: datetime | None


@dataclass(frozen=True)
class Evidence:
    id: int
    job: str
    unit: str
    criterion: str
    file_name: str
    size: int
    media_type: str
    sha256: str
    uploaded_by: str
    uploaded_at: datetime


@dataclass(frozen=True)
class UnitStatus:
    job: str
    unit: str
    state: str  # one of UNIT_STATES
    submitted_at: datetime | None


@dataclass(frozen=True)
class CampaignPhase:
    job: str
    phase: str  # one of PHASES
    deadline: datetime | None


@dataclass(frozen=True)
class AuditEvent:
    """One change: who, when, what (action, and the field changed), the value before and after (as text)."""

    id: int
    at: datetime
    actor: str
    action: str
    job: str | None
    unit: str | None
    criterion: str | None
    field: str | None
    old: str | None
    new: str | None

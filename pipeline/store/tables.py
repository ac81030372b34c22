"""The store's tables as SQLAlchemy Core objects, for its queries (the migrations create them)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect

metadata = MetaData()


class UtcDateTime(TypeDecorator[datetime]):
    """A moment, kept in UTC and read back aware (SQLite keeps no time zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Points(TypeDecorator[Decimal]):
    """Points as the decimal text they were typed as ("7.5"), so both databases give back the same Decimal."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


accounts = Table(
    "accounts", metadata,
    Column("id", Integer, primary_key=True),
    Column("login", String(200), nullable=False, unique=True),
    Column("role", String(20), nullable=False),
    Column("name", Text, nullable=False),
    Column("job", String(200)),
    Column("unit", Text),
    Column("assigned", Text, nullable=False, default="[]"),  # JSON list of unit or group names
    Column("active", Boolean, nullable=False, default=True),
    Column("must_set_password", Boolean, nullable=False, default=True),
    Column("password", Text),  # JSON of `base.passwords.hash_password`
    Column("code", Text),  # the one-time code's hash, until it is used
    Column("code_expires", UtcDateTime),
    Column("created_at", UtcDateTime, nullable=False),
)

entries = Table(
    "entries", metadata,
    Column("job", String(200), primary_key=True),
    Column("unit", String(500), primary_key=True),
    Column("criterion", String(50), primary_key=True),
    Column("self_points", Points),
    Column("justification", Text, nullable=False, default=""),
    Column("appraised_points", Points),
    Column("appraisal_comment", Text, nullable=False, default=""),
    Column("explanation", Text, nullable=False, default=""),
    Column("final_points", Points),
    Column("version", Integer, nullable=False),
    Column("updated_by", String(200), nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
)

evidence = Table(
    "evidence", metadata,
    Column("id", Integer, primary_key=True),
    Column("job", String(200), nullable=False),
    Column("unit", String(500), nullable=False),
    Column("criterion", String(50), nullable=False),
    Column("file_name", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("media_type", String(200), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("uploaded_by", String(200), nullable=False),
    Column("uploaded_at", UtcDateTime, nullable=False),
    Column("removed", Boolean, nullable=False, default=False),
)

unit_states = Table(
    "unit_states", metadata,
    Column("job", String(200), primary_key=True),
    Column("unit", String(500), primary_key=True),
    Column("state", String(20), nullable=False),
    Column("submitted_at", UtcDateTime),
)

phases = Table(
    "phases", metadata,
    Column("job", String(200), primary_key=True),
    Column("phase", String(20), nullable=False),
    Column("deadline", UtcDateTime),
)

audit = Table(
    "audit", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UtcDateTime, nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(50), nullable=False),
    Column("job", String(200)),
    Column("unit", String(500)),
    Column("criterion", String(50)),
    Column("field", String(50)),
    Column("old", Text),
    Column("new", Text),
)

sessions = Table(
    "sessions", metadata,
    Column("token_hash", String(64), primary_key=True),  # SHA-256 of the cookie's token, never the token
    Column("account_id", Integer, ForeignKey("accounts.id"), nullable=False),
    Column("started_at", UtcDateTime, nullable=False),
    Column("seen_at", UtcDateTime, nullable=False),
)

Index("accounts_job", accounts.c.job)
Index("sessions_account", sessions.c.account_id)
Index("evidence_job", evidence.c.job, evidence.c.unit)
Index("audit_job", audit.c.job, audit.c.unit)

TABLES = (accounts, entries, evidence, unit_states, phases, audit)  # in the order a copy restores them (not sessions)

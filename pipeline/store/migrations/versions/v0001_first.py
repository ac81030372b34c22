"""The first schema: accounts, entries, evidence, unit states, phases and the append-only audit trail."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_MOMENT = sa.DateTime(timezone=True)
_POINTS = sa.String(32)
_REFUSE = "the audit trail is append-only: a change cannot be edited or removed"


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("login", sa.String(200), nullable=False, unique=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("job", sa.String(200)),
        sa.Column("unit", sa.Text),
        sa.Column("assigned", sa.Text, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("must_set_password", sa.Boolean, nullable=False),
        sa.Column("password", sa.Text),
        sa.Column("code", sa.Text),
        sa.Column("code_expires", _MOMENT),
        sa.Column("created_at", _MOMENT, nullable=False),
    )
    op.create_index("accounts_job", "accounts", ["job"])
    op.create_table(
        "entries",
        sa.Column("job", sa.String(200), primary_key=True),
        sa.Column("unit", sa.String(500), primary_key=True),
        sa.Column("criterion", sa.String(50), primary_key=True),
        sa.Column("self_points", _POINTS),
        sa.Column("justification", sa.Text, nullable=False),
        sa.Column("appraised_points", _POINTS),
        sa.Column("appraisal_comment", sa.Text, nullable=False),
        sa.Column("explanation", sa.Text, nullable=False),
        sa.Column("final_points", _POINTS),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("updated_at", _MOMENT, nullable=False),
    )
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("job", sa.String(200), nullable=False),
        sa.Column("unit", sa.String(500), nullable=False),
        sa.Column("criterion", sa.String(50), nullable=False),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("media_type", sa.String(200), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("uploaded_by", sa.String(200), nullable=False),
        sa.Column("uploaded_at", _MOMENT, nullable=False),
        sa.Column("removed", sa.Boolean, nullable=False),
    )
    op.create_index("evidence_job", "evidence", ["job", "unit"])
    op.create_table(
        "unit_states",
        sa.Column("job", sa.String(200), primary_key=True),
        sa.Column("unit", sa.String(500), primary_key=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("submitted_at", _MOMENT),
    )
    op.create_table(
        "phases",
        sa.Column("job", sa.String(200), primary_key=True),
        sa.Column("phase", sa.String(20), nullable=False),
        sa.Column("deadline", _MOMENT),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", _MOMENT, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(50), nullable=False),
        sa.Column("job", sa.String(200)),
        sa.Column("unit", sa.String(500)),
        sa.Column("criterion", sa.String(50)),
        sa.Column("field", sa.String(50)),
        sa.Column("old", sa.Text),
        sa.Column("new", sa.Text),
    )
    op.create_index("audit_job", "audit", ["job", "unit"])
    _append_only()


def _append_only() -> None:
    """Triggers refusing any UPDATE or DELETE of the audit trail, whoever connects to the database."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS "
                   f"$$ BEGIN RAISE EXCEPTION '{_REFUSE}'; END $$")
        op.execute("CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit "
                   "FOR EACH ROW EXECUTE FUNCTION audit_append_only()")
        op.execute("CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit "
                   "FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()")
    else:
        for event in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER audit_no_{event.lower()} BEFORE {event} ON audit "
                       f"BEGIN SELECT RAISE(ABORT, '{_REFUSE}'); END")


def downgrade() -> None:
    raise NotImplementedError("the first schema is not taken back")

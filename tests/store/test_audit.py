"""The audit trail: every change with who, when, old and new, in the change's own transaction; never edited."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from pipeline.store import Conflict, Role, Store

JOB, UNIT = "dot-2025", "Phường Hòa An"


def changes(store, job=JOB):
    return [(e.actor, e.action, e.unit, e.criterion, e.field, e.old, e.new) for e in store.audit(job)]


def test_every_change_is_one_event_with_its_old_and_new_value(store):
    (account, code), = store.create_unit_accounts(JOB, [UNIT])
    store.first_login(account.login, code, "mat-khau-moi")
    first = store.save_entry(JOB, UNIT, "1.1", {"self_points": "2", "justification": "QĐ 12"}, 0, account.login)
    store.save_entry(JOB, UNIT, "1.1", {"self_points": "1.5", "justification": "QĐ 12"}, first.version, account.login)
    evidence = store.add_evidence(JOB, UNIT, "1.1", "qd.pdf", b"%PDF-1.4 quyet dinh", account.login)
    store.submit(JOB, UNIT, account.login)
    store.reopen(JOB, UNIT, "van-phong")
    store.set_phase(JOB, "appraisal", datetime(2026, 3, 1, 10, tzinfo=UTC), "van-phong")
    store.set_active(account.id, False, "van-phong")
    login = account.login
    assert changes(store) == [
        ("van-phong", "account_created", UNIT, None, "login", None, login),
        (login, "password_set", UNIT, None, "login", None, login),
        (login, "entry_saved", UNIT, "1.1", "self_points", None, "2"),
        (login, "entry_saved", UNIT, "1.1", "justification", "", "QĐ 12"),
        (login, "entry_saved", UNIT, "1.1", "self_points", "2", "1.5"),  # the justification did not change
        (login, "evidence_added", UNIT, "1.1", "evidence", None, f"qd.pdf ({evidence.sha256})"),
        (login, "submitted", UNIT, None, "state", "draft", "submitted"),
        ("van-phong", "reopened", UNIT, None, "state", "submitted", "reopened"),
        ("van-phong", "phase_set", None, None, "phase", None, "appraisal 2026-03-01T10:00:00+00:00"),
        ("van-phong", "account_active", UNIT, None, "active", "True", "False"),
    ]
    moments = [e.at for e in store.audit(JOB)]
    assert moments == sorted(moments) and all(m.tzinfo is not None for m in moments)


def test_a_refused_change_leaves_no_event(store):
    saved = store.save_entry(JOB, UNIT, "1", {"self_points": "1"}, 0, "a")
    before = changes(store)
    with pytest.raises(Conflict):
        store.save_entry(JOB, UNIT, "1", {"self_points": "9"}, saved.version - 1, "b")
    assert changes(store) == before


def test_a_change_whose_event_cannot_be_written_is_not_made(store, monkeypatch):
    saved = store.save_entry(JOB, UNIT, "1", {"self_points": "1"}, 0, "a")

    def failing(self, *args, **kwargs):
        raise RuntimeError("the audit trail's disk is full")

    monkeypatch.setattr(Store, "record", failing)
    with pytest.raises(RuntimeError):
        store.save_entry(JOB, UNIT, "1", {"self_points": "9"}, saved.version, "b")
    with pytest.raises(RuntimeError):
        store.create_account(Role.APPRAISER, "Người thẩm định", job=JOB)
    monkeypatch.undo()
    kept = store.entries(JOB, UNIT)["1"]
    assert (str(kept.self_points), kept.version, kept.updated_by) == ("1", 1, "a")
    assert store.accounts(JOB) == []


@pytest.mark.parametrize("statement", ["UPDATE audit SET new = 'sửa lén' WHERE id = {id}",
                                       "DELETE FROM audit WHERE id = {id}", "DELETE FROM audit"])
def test_the_database_refuses_to_edit_or_delete_an_event_whoever_connects(store, statement):
    store.save_entry(JOB, UNIT, "1", {"self_points": "1"}, 0, "a")
    event = store.audit(JOB)[0]
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as connection:
        connection.execute(text(statement.format(id=event.id)))
    assert store.audit(JOB) == [event]


def test_postgresql_refuses_to_empty_the_trail_at_once(store):
    if store.dialect != "postgresql":
        pytest.skip("TRUNCATE is PostgreSQL's (SQLite empties a table with DELETE, refused above)")
    store.save_entry(JOB, UNIT, "1", {"self_points": "1"}, 0, "a")
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as connection:
        connection.execute(text("TRUNCATE audit"))
    assert len(store.audit(JOB)) == 1


def test_the_store_offers_no_way_to_change_the_trail():
    public = {name for name in dir(Store) if not name.startswith("_")}
    assert {name for name in public if "audit" in name} == {"audit"}
    assert not {name for name in public if name.startswith(("delete", "drop", "purge", "edit"))}

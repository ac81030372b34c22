"""Sessions in the store: a token only its holder has, ended when idle, too old, logged out, or the account locked."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from pipeline.store import open_store

JOB = "dot-2025"


@pytest.fixture
def clocked(store_url, jobs):
    now = [datetime(2026, 3, 1, 8, tzinfo=UTC)]
    store = open_store(store_url, jobs, clock=lambda: now[0])
    yield store, now
    store.close()


def test_a_session_gives_its_account_and_the_store_keeps_only_the_tokens_hash(clocked):
    store, _ = clocked
    (account, _), (other, _) = store.create_unit_accounts(JOB, ["Sở A", "Sở B"])
    token = store.start_session(account.id)
    assert store.session_account(token) == account
    assert store.session_account(store.start_session(other.id)) == other
    assert store.session_account(token[:-1] + ("x" if token[-1] != "x" else "y")) is None
    assert store.session_account(None) is None and store.session_account("") is None
    with store.engine.connect() as connection:
        kept = " ".join(str(v) for row in connection.execute(text("SELECT * FROM sessions")) for v in row)
    assert token not in kept


def test_a_session_ends_after_thirty_idle_minutes_but_a_request_keeps_it_alive(clocked):
    store, now = clocked
    (account, _), = store.create_unit_accounts(JOB, ["Sở A"])
    token = store.start_session(account.id)
    for _ in range(4):  # two hours of requests every 29 minutes
        now[0] += timedelta(minutes=29)
        assert store.session_account(token) == account
    now[0] += timedelta(minutes=31)
    assert store.session_account(token) is None
    now[0] -= timedelta(minutes=31)  # ended for good, not only while idle
    assert store.session_account(token) is None


def test_a_session_ends_twelve_hours_after_logging_in_however_busy(clocked):
    store, now = clocked
    (account, _), = store.create_unit_accounts(JOB, ["Sở A"])
    token = store.start_session(account.id)
    for _ in range(24):
        now[0] += timedelta(minutes=29)
        store.session_account(token)
    assert store.session_account(token) == account  # 11 h 36 min after logging in
    now[0] += timedelta(minutes=25)
    assert store.session_account(token) is None


def test_logging_out_locking_or_a_new_code_ends_the_accounts_sessions(clocked):
    store, _ = clocked
    (account, _code), = store.create_unit_accounts(JOB, ["Sở A"])
    first, second = store.start_session(account.id), store.start_session(account.id)
    store.end_session(first)
    assert store.session_account(first) is None and store.session_account(second) == account
    store.set_active(account.id, False)
    assert store.session_account(second) is None
    store.set_active(account.id, True)
    third = store.start_session(account.id)
    store.renew_code(account.id)
    assert store.session_account(third) is None

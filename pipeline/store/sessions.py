"""Logged-in sessions of accounts: a random token in the browser, only its SHA-256 in the store, ended when idle,
too old, logged out, or when the account is locked or its password set again."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import delete, insert, select, update

import pipeline.store.tables as t
from pipeline.store.accounts import account_of
from pipeline.store.core import StoreCore
from pipeline.store.records import Account

IDLE = timedelta(minutes=30)  # as the desk's own sessions (`web.security`)
LIFETIME = timedelta(hours=12)


def _hashed(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


class SessionsPart(StoreCore):
    def start_session(self, account_id: int) -> str:
        """A new session of the account: the token for the browser's cookie (the store keeps only its hash)."""
        token = secrets.token_urlsafe(32)
        now = self.clock()
        with self.writing() as connection:
            connection.execute(insert(t.sessions).values(token_hash=_hashed(token), account_id=account_id,
                                                         started_at=now, seen_at=now))
        return token

    def session_account(self, token: str | None, idle: timedelta = IDLE,
                        lifetime: timedelta = LIFETIME) -> Account | None:
        """The active account whose session `token` is, its session kept alive; None (and the session ended) when
        the token is unknown, idle longer than `idle`, older than `lifetime`, or its account locked."""
        if not token:
            return None
        now, key = self.clock(), _hashed(token)
        with self.writing() as connection:
            row = connection.execute(select(t.sessions, t.accounts).join(
                t.accounts, t.accounts.c.id == t.sessions.c.account_id).where(t.sessions.c.token_hash == key)).first()
            if row is None:
                return None
            if not row.active or now - row.seen_at > idle or now - row.started_at > lifetime:
                connection.execute(delete(t.sessions).where(t.sessions.c.token_hash == key))
                return None
            connection.execute(update(t.sessions).where(t.sessions.c.token_hash == key).values(seen_at=now))
            return account_of(row)

    def end_session(self, token: str | None) -> None:
        if token:
            with self.writing() as connection:
                connection.execute(delete(t.sessions).where(t.sessions.c.token_hash == _hashed(token)))

    def end_sessions(self, account_id: int) -> None:
        """Ends every session of the account (its password changed, or it was locked)."""
        with self.writing() as connection:
            connection.execute(delete(t.sessions).where(t.sessions.c.account_id == account_id))

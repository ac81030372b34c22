"""The desk's store (accounts, entries, evidence, audit), opened on first use, and the visitor a session is."""

from __future__ import annotations

import threading
from pathlib import Path

from pipeline.store import open_store, store_file
from pipeline.web.roles import SECRETARIAT, Visitor

_opening = threading.Lock()


def desk_store(state):
    """The app's store, opened (and its schema brought up to date) on first use."""
    with _opening:
        if getattr(state, "store", None) is None:
            state.store = open_store(state.store_url, Path(state.desk.jobs))
        return state.store


def store_in_use(state) -> bool:
    """Whether the desk has a store already (opened, named by address, or its file beside the jobs folder): what
    needs none (an upload to a campaign nobody works on online) does not make one."""
    return getattr(state, "store", None) is not None or bool(state.store_url) or store_file(Path(state.desk.jobs)).exists()


def session_visitor(state, session: str | None) -> Visitor | None:
    """Who the session is: its account, the secretariat (the desk's password, or the loopback desk without one),
    or None (not logged in, or its account since closed)."""
    sessions = state.sessions
    if sessions.logged_in(session):
        number = sessions.account(session)
        if number is None:
            return SECRETARIAT
        account = desk_store(state).account(number)
        if account is None or not account.active:
            sessions.log_out(session)
            return None
        return Visitor(account.role, account)
    return SECRETARIAT if state.password is None else None


def actor(visitor: Visitor, fallback: str) -> str:
    """Who made a change, as the audit trail names them: the account's login, or the desk (`fallback`)."""
    return visitor.account.login if visitor.account is not None else fallback

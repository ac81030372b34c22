"""The desk's store (accounts, entries, evidence, audit), opened on first use, and the visitor a session is."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import cast

from starlette.datastructures import State

from pipeline.store import Store, open_store, store_file
from pipeline.web.roles import SECRETARIAT, Visitor

_opening = threading.Lock()


def desk_store(state: State) -> Store:
    """The app's store, opened (and its schema brought up to date) on first use."""
    with _opening:
        if getattr(state, "store", None) is None:
            state.store = open_store(state.store_url, Path(state.desk.jobs))
        return cast(Store, state.store)  # Starlette's app state holds untyped values


def store_in_use(state: State) -> bool:
    """Whether the desk has a store already (opened, named by address, or its file beside the jobs folder): what
    needs none (an upload to a campaign nobody works on online) does not make one."""
    return (getattr(state, "store", None) is not None or bool(state.store_url)
            or store_file(Path(state.desk.jobs)).exists())


ACCOUNT_SESSION = "tk."  # a session cookie that starts so is an account's session in the store


def account_token(session: str | None) -> str | None:
    """The store's session token a cookie holds, None for a desk session (the desk's password, or none)."""
    return session[len(ACCOUNT_SESSION):] if session and session.startswith(ACCOUNT_SESSION) else None


def session_visitor(state: State, session: str | None) -> Visitor | None:
    """Who the session is: an account (its session kept in the store, so it survives a restart of the desk and is
    ended there when the account is locked), the secretariat (the desk's password, or the loopback desk without
    one), or None (not logged in, or its session ended)."""
    token = account_token(session)
    if token is not None:
        account = desk_store(state).session_account(token)
        return Visitor(account.role, account) if account is not None else None
    if state.sessions.logged_in(session) or state.password is None:
        return SECRETARIAT
    return None


def actor(visitor: Visitor, fallback: str) -> str:
    """Who made a change, as the audit trail names them: the account's login, or the desk (`fallback`)."""
    return visitor.account.login if visitor.account is not None else fallback

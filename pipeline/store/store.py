"""The store: accounts, entries, evidence, states and the audit trail of the online campaign, in one object."""

from __future__ import annotations

from pipeline.store.accounts import AccountsPart
from pipeline.store.entries import EntriesPart
from pipeline.store.evidence import EvidencePart
from pipeline.store.sessions import SessionsPart
from pipeline.store.states import StatesPart


class Store(AccountsPart, EntriesPart, EvidencePart, StatesPart, SessionsPart):
    """Every method is one transaction; every change writes its audit event in it; refusals are `StoreError`s."""

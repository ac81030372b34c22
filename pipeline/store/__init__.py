"""The online campaign's store (SQLite beside the jobs folder, or PostgreSQL): accounts, entries, evidence, audit."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.store.errors import Conflict, NotFound, Refused, StoreError
    from pipeline.store.opening import evidence_folder, open_store, store_file
    from pipeline.store.records import Account, AuditEvent, CampaignPhase, Entry, Evidence, Role, UnitStatus
    from pipeline.store.store import Store

__all__ = ["Account", "AuditEvent", "CampaignPhase", "Conflict", "Entry", "Evidence", "NotFound", "Refused", "Role",
           "Store", "StoreError", "UnitStatus", "evidence_folder", "open_store", "store_file"]
# Each name's module, imported when the name is first asked for: `pipeline run` registers the store's commands
# (`store.commands`) without importing SQLAlchemy and Alembic, a third of a second it does not need.
_HOMES = {**dict.fromkeys(("Conflict", "NotFound", "Refused", "StoreError"), "errors"),
          **dict.fromkeys(("evidence_folder", "open_store", "store_file"), "opening"),
          **dict.fromkeys(("Account", "AuditEvent", "CampaignPhase", "Entry", "Evidence", "Role", "UnitStatus"),
                          "records"),
          "Store": "store"}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
    globals()[name] = value
    return value

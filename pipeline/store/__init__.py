"""The online campaign's store (SQLite beside the jobs folder, or PostgreSQL): accounts, entries, evidence, audit."""

from pipeline.store.errors import Conflict, NotFound, Refused, StoreError
from pipeline.store.opening import evidence_folder, open_store, store_file
from pipeline.store.records import Account, AuditEvent, CampaignPhase, Entry, Evidence, Role, UnitStatus
from pipeline.store.store import Store

__all__ = ["Account", "AuditEvent", "CampaignPhase", "Conflict", "Entry", "Evidence", "NotFound", "Refused", "Role",
           "Store", "StoreError", "UnitStatus", "evidence_folder", "open_store", "store_file"]

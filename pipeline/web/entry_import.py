"""A unit workbook uploaded by the secretariat for a unit that works online: its entries brought into the store.

The workbook is the same data as the page (the job folder stays the pipeline's input), so each criterion whose
cells differ from what the store holds is saved there over the store's version, by the person who uploaded it;
the store writes each changed field into its audit trail. A unit that has submitted keeps its own points (the store
refuses them until the secretariat reopens it): the refusal is said once per unit.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.base.errors import InputErrors
from pipeline.read.job_folder import read_data_file
from pipeline.scoring.unit_entries import ENTRY_FIELDS, workbook_entries
from pipeline.store.errors import StoreError
from pipeline.store.records import Role
from pipeline.store.store import Store
from pipeline.web.self_view import as_workbook_entry
from pipeline.web.unit_workbooks import campaign_units


def imported_workbooks(store: Store, folder: Path, job: str, written: list[str], by: str) -> list[str]:
    """The entries of the `written` workbooks of units with an account saved into the store; what it refused."""
    online = {a.unit for a in store.accounts(job) if a.role is Role.UNIT}
    if not online or not written:
        return []
    units = {u.path: u.unit for u in campaign_units(folder) or () if u.path and u.unit in online}
    refused: list[str] = []
    for relative in written:
        unit = units.get(relative)
        if unit is None:
            continue
        try:
            typed = workbook_entries(read_data_file(folder / relative))
        except InputErrors:
            continue
        stored = store.entries(job, unit)
        for key, entry in typed.items():
            old = as_workbook_entry(stored[key]) if key in stored else None
            changes = {f: getattr(entry, f) for f in ENTRY_FIELDS
                       if getattr(entry, f) != (getattr(old, f) if old else _blank(f))}
            if not changes:
                continue
            try:
                store.save_entry(job, unit, key, changes, stored[key].version if key in stored else 0, by)
            except StoreError as refusal:
                if str(refusal) not in refused:
                    refused.append(str(refusal))
    return refused


def _blank(field: str) -> object:
    return "" if field in ("justification", "appraisal_comment") else None

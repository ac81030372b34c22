"""Unit accounts follow the job's register: a unit added gets one, renamed keeps its own, not evaluated is locked.

The register is read as a run reads it (`scoring.register`). A unit is the same unit under a new name when the
names differ only in case or diacritics, when `[previous.renames]` gives the old name, or when exactly one unit
left the register since the last time as exactly one unit to be evaluated came in (a name corrected in its row).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.base.errors import InputErrors
from pipeline.read.job_folder import read_data_file, read_settings
from pipeline.scoring.register import Registered, by_name, read_register, registered_as
from pipeline.store.accounts import SECRETARIAT
from pipeline.store.errors import StoreError
from pipeline.store.records import Account, Role
from pipeline.store.store import Store


@dataclass
class Following:
    """What following the register did to the job's unit accounts."""

    created: list[tuple[Account, str]] = field(default_factory=list)  # with their one-time codes
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (old name, new name)
    locked: list[str] = field(default_factory=list)  # units not evaluated, or gone from the register
    unlocked: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.renamed or self.locked or self.unlocked)


def job_register(folder: Path) -> tuple[tuple[Registered, ...], dict[str, str]]:
    """The job's register as a run reads it, and `[previous.renames]` (new name → the one old name); `InputErrors`
    with every problem of the settings or the register."""
    settings = read_settings(folder)
    if settings.register is None:
        raise StoreError("no_register", job=folder.name)
    sheets = [replace(s, file=settings.register.relative_to(settings.folder).as_posix())
              for s in read_data_file(settings.register)]
    register, problems = read_register(settings, sheets)
    if problems:
        raise InputErrors(problems)
    renames = {new: old[0] for new, old in settings.previous.renames if len(old) == 1} \
        if settings.previous is not None else {}
    return register, renames


def follow_register(store: Store, job: str, register: tuple[Registered, ...], renames: dict[str, str] | None = None,
                    actor: str = SECRETARIAT) -> Following:
    """Brings the unit accounts of `job` in line with `register` (`renames`: a unit's new name → its old one)."""
    done = Following()
    accounts = {a.unit: a for a in store.accounts(job) if a.role is Role.UNIT and a.unit is not None}
    index = by_name(register)
    kept: dict[str, str] = {}  # account's unit → the register's row that is that unit
    for unit in accounts:
        row = registered_as(index, unit) or next((r for r in register if (renames or {}).get(r.unit) == unit), None)
        if row is not None and row.unit not in kept.values():
            kept[unit] = row.unit
    gone = [unit for unit in accounts if unit not in kept]
    new = [r.unit for r in register if r.unit not in kept.values() and not r.reason]  # to get an account
    left = [unit for unit in gone if accounts[unit].active]  # gone since the last time (the others were locked then)
    if len(left) == 1 and len(new) == 1:
        kept[left[0]] = new.pop()
        gone.remove(left[0])
    for old, current in kept.items():
        if old != current:
            store.rename_unit(job, old, current, actor)
            done.renamed.append((old, current))
    evaluated = {r.unit for r in register if not r.reason}
    done.created = store.create_unit_accounts(job, new, actor)
    for old, now in [*kept.items(), *((unit, None) for unit in gone)]:
        account = accounts[old]
        active = now in evaluated
        if account.active != active:
            store.set_active(account.id, active, actor)
            (done.unlocked if active else done.locked).append(now or old)
    return done

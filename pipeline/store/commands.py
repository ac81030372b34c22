"""The store's commands: `accounts <job> --out list.xlsx`, `backup --out copy.zip`, `restore copy.zip --jobs new`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pipeline.base.messages_store import COMMAND_WORDS as W
from pipeline.store.errors import StoreError

# The commands' own modules (SQLAlchemy, Alembic, openpyxl) are imported when a command runs, not when every run of
# the program lists the commands.

_Parser = TypeVar("_Parser", bound=argparse.ArgumentParser)  # the command line's own parser class


def add_store_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    accounts = commands.add_parser("accounts", help=W.accounts_help)
    accounts.add_argument("job", type=Path, help=W.accounts_job)
    accounts.add_argument("--out", type=Path, required=True, metavar="TEP.xlsx", help=W.accounts_out)
    accounts.add_argument("--appraisers", type=Path, metavar="TEP.xlsx", help=W.accounts_appraisers)
    accounts.add_argument("--appraiser", action="append", default=[], metavar="\"HỌ TÊN: ĐƠN VỊ; KHỐI\"",
                          help=W.accounts_appraiser)
    backup = commands.add_parser("backup", help=W.backup_help)
    backup.add_argument("--out", type=Path, required=True, metavar="TEP.zip", help=W.backup_out)
    backup.add_argument("--jobs", type=Path, default=Path("inputs"), help=W.backup_jobs)
    restore = commands.add_parser("restore", help=W.restore_help)
    restore.add_argument("backup", type=Path, metavar="TEP.zip", help=W.restore_file)
    restore.add_argument("--jobs", type=Path, required=True, help=W.restore_jobs)
    for parser, command in ((accounts, _accounts), (backup, _backup), (restore, _restore)):
        parser.add_argument("--db", metavar="postgresql://…", help=W.db)
        parser.add_argument("--debug", action="store_true", help=W.debug)
        parser.set_defaults(command=_refusals_said(command))


def _refusals_said(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except StoreError as exc:
            print(str(exc), file=sys.stderr)
            return 1
    return run


def _refuse(*lines: str) -> int:
    print("\n".join(lines), file=sys.stderr)
    return 1


def _accounts(args: argparse.Namespace) -> int:
    from pipeline.store.accounts import CODE_LIFETIME
    from pipeline.store.accounts_list import (
        accounts_workbook,
        appraisers_from_options,
        appraisers_from_sheet,
        assignment_problems,
    )
    from pipeline.store.core import shown_time, utc_now
    from pipeline.store.opening import open_store
    from pipeline.store.records import Role
    from pipeline.store.register_accounts import follow_register, job_register
    from pipeline.write.files import write_atomically

    out: Path = args.out
    if out.suffix.lower() != ".xlsx":
        return _refuse(W.out_not_xlsx.format(out=out))
    if out.exists():
        return _refuse(W.out_exists.format(out=out))
    register, renames = job_register(args.job)  # InputErrors: the command line lists every problem
    appraisers, wrong = appraisers_from_options(args.appraiser)
    if args.appraisers is not None:
        from_sheet, unreadable = appraisers_from_sheet(args.appraisers)
        appraisers, wrong = [*appraisers, *from_sheet], [*wrong, *unreadable]
    known = [*(r.unit for r in register), *dict.fromkeys(r.group for r in register)]
    wrong += assignment_problems(appraisers, known)
    if wrong:
        return _refuse(*wrong)
    job = args.job.absolute().name
    store = open_store(args.db, args.job.absolute().parent)
    try:
        done = follow_register(store, job, register, renames)
        have = {a.name for a in store.accounts(job) if a.role is Role.APPRAISER}
        made = [store.create_account(Role.APPRAISER, a.name, job=job, assigned=a.assigned, login=a.login)
                for a in appraisers if a.name not in have]
        if not done.changed and not made:
            print(W.nothing_new)
            return 0
        until = utc_now() + CODE_LIFETIME
        codes = {account.id: (code, until) for account, code in [*done.created, *made]}
        listed = store.accounts(job)
        write_atomically(out, accounts_workbook(listed, codes, {new: old for old, new in done.renamed}))
    finally:
        store.close()
    created = [account.name for account, _ in [*done.created, *made]]
    lines = [W.accounts_done.format(count=len(listed), out=out)]
    if created:
        lines.append(W.accounts_created.format(count=len(created), until=shown_time(until),
                                               names=", ".join(created)))
    if done.renamed:
        lines.append(W.accounts_renamed.format(pairs=", ".join(f"{o} → {n}" for o, n in done.renamed)))
    if done.locked:
        lines.append(W.accounts_locked.format(names=", ".join(done.locked)))
    if done.unlocked:
        lines.append(W.accounts_unlocked.format(names=", ".join(done.unlocked)))
    print("\n".join([*lines, *([W.accounts_hand_out] if created else [])]))
    return 0


def _backup(args: argparse.Namespace) -> int:
    from pipeline.store.backup import write_backup
    from pipeline.store.core import VIETNAM, utc_now
    from pipeline.store.opening import open_store

    jobs, out, now = args.jobs, args.out, utc_now()
    if not jobs.is_dir():
        return _refuse(W.jobs_missing.format(jobs=jobs))
    if out.is_dir():
        out = out / f"ban-sao-{now.astimezone(VIETNAM):%Y%m%d-%H%M%S}.zip"
    if out.suffix.lower() != ".zip":
        return _refuse(W.backup_not_zip.format(out=out))
    if out.exists():
        return _refuse(W.backup_exists.format(out=out))
    store = open_store(args.db, jobs)
    try:
        counts = write_backup(store, jobs.absolute(), out, now)
    finally:
        store.close()
    print(W.backup_done.format(out=out, **counts))
    return 0


def _restore(args: argparse.Namespace) -> int:
    from pipeline.store.backup import restore_backup
    from pipeline.store.opening import open_store

    jobs: Path = args.jobs
    if jobs.exists() and (not jobs.is_dir() or any(jobs.iterdir())):
        return _refuse(W.restore_target.format(jobs=jobs))
    jobs.mkdir(parents=True, exist_ok=True)
    store = open_store(args.db, jobs)
    try:
        counts = restore_backup(args.backup, store, jobs.absolute())
    finally:
        store.close()
    print(W.restore_done.format(jobs=jobs, **counts))
    return 0



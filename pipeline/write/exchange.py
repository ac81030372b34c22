"""The output folder changes from one complete run to the next in one step, and a killed run is settled.

A run's files are complete in its staging folder beside the output folder before anything
changes. The two folders are then exchanged by one rename (`renameat2` with `RENAME_EXCHANGE`
on Linux), so at every instant the output folder holds one whole run, the old or the new.
A journal beside them, written and flushed to disk before the exchange, lets the next run (or
`check`) settle a run killed around that step: the new manifest in place means the exchange
happened and only the old folder is left to remove; otherwise the unfinished run is removed
and the output folder is the earlier run, untouched. Where the system cannot exchange two
folders, the old one is renamed aside first; the journal then also puts it back.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from pipeline.base.errors import Problem, Reason, problem

JOURNAL_MARK = ".doi-cho"  # "exchanging": the journal is .<output>.doi-cho.json beside the output folder
ASIDE_MARK = ".cu-"  # where the old run waits when the folders cannot be exchanged in one step
_RENAME_EXCHANGE = 2
MANIFEST = "manifest.json"  # a run's last file (`manifest.MANIFEST_NAME`)


def journal_path(root: Path, out_dir: Path) -> Path:
    return root / f".{out_dir.name}{JOURNAL_MARK}.json"


def digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def swap_in(folder: Path, out_dir: Path, root: Path, job: str) -> None:
    """Puts the complete run in `folder` at `out_dir` in one step; the old run ends up at `folder`, then removed.

    The new run's manifest's hash, in the journal, tells after a kill on which side of the
    exchange the run stopped.
    """
    _flush(folder)
    if not out_dir.exists():
        os.rename(folder, out_dir)  # nothing to exchange with: one rename
        _sync_folder(root)
        return
    journal = journal_path(root, out_dir)
    started = datetime.now().astimezone().isoformat(timespec="seconds")
    aside_name = f".{out_dir.name}{ASIDE_MARK}{folder.name[-8:]}"
    record = {"job": job, "pid": os.getpid(), "started": started, "staging": folder.name,
              "manifest": digest(folder / MANIFEST), "aside": aside_name}
    aside = root / aside_name
    _write_synced(journal, json.dumps(record, ensure_ascii=False).encode("utf-8"))
    try:
        if not _exchanged(folder, out_dir):
            os.rename(out_dir, aside)  # in two steps: the journal puts it back if killed between
            os.rename(folder, out_dir)
            os.rename(aside, folder)
    except BaseException:
        if not out_dir.exists() and aside.is_dir():
            os.rename(aside, out_dir)
        journal.unlink(missing_ok=True)
        raise
    _sync_folder(root)
    shutil.rmtree(folder, ignore_errors=True)  # the old run
    journal.unlink()
    _sync_folder(root)


def settled(root: Path, out_dir: Path, staging_mark: str) -> list[Problem]:
    """Finishes or rolls back a run killed while writing into `out_dir`; what was found and done, as notes.

    Called under the output folder's lock, so no run is writing now.
    """
    notes: list[Problem] = []
    journal = journal_path(root, out_dir)
    record = _journal(journal)
    if record is not None:
        staging, aside = root / record["staging"], root / record["aside"]
        holder = _holder(record)
        if not out_dir.exists() and aside.is_dir():  # killed between the two renames: put the old run back
            os.rename(aside, out_dir)
        if record["manifest"] and digest(out_dir / MANIFEST) == record["manifest"]:
            notes.append(problem(Reason.OUTPUT_EXCHANGE_FINISHED, file=str(out_dir), holder=holder))
        else:
            notes.append(problem(Reason.OUTPUT_EXCHANGE_UNDONE, file=str(out_dir), holder=holder))
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(aside, ignore_errors=True)
    elif journal.exists():  # written only in part: killed before the exchange
        notes.append(problem(Reason.OUTPUT_EXCHANGE_UNDONE, file=str(out_dir), holder="một lần chạy trước"))
    journal.unlink(missing_ok=True)
    journal.with_name(journal.name + ".tmp").unlink(missing_ok=True)
    stale = sorted(root.glob(f".{out_dir.name}{staging_mark}*"))
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)
    if stale and not notes:
        notes.append(problem(Reason.OUTPUT_RUN_INTERRUPTED, file=str(out_dir)))
    if notes:
        _sync_folder(root)
    return notes


def _journal(path: Path) -> dict[str, Any] | None:
    try:
        record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))  # as written, or damaged
        if all(isinstance(record.get(key), str) and "/" not in record[key] and record[key].startswith(".")
               for key in ("staging", "aside")):
            return record
    except (OSError, ValueError, AttributeError):
        pass
    return None


def _holder(record: dict[str, Any]) -> str:
    try:
        started = datetime.fromisoformat(record["started"]).strftime("%H:%M:%S ngày %d/%m/%Y")
        return f"công việc \"{record['job']}\", tiến trình số {record['pid']}, lúc {started}"
    except (KeyError, TypeError, ValueError):
        return "một lần chạy trước"


def _exchanged(first: Path, second: Path) -> bool:
    """Whether the two folders were exchanged in one step (False where the system cannot)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        rename = libc.renameat2
    except (OSError, AttributeError):
        return False
    rename.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    here = -100  # AT_FDCWD: the paths are absolute
    if rename(here, os.fsencode(first), here, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this file system cannot; do it in two steps
        return False
    raise OSError(code, os.strerror(code), str(second))


def _flush(folder: Path) -> None:
    """Every file of `folder` on disk before the journal says it is complete (one `syncfs` on Linux)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if getattr(libc, "syncfs", None) is not None and libc.syncfs(handle) == 0:
            return
    except OSError:
        pass
    finally:
        os.close(handle)
    for path in folder.rglob("*"):
        if path.is_file():
            _fsync(path)


def _write_synced(path: Path, content: bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    try:
        with open(temporary, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    _sync_folder(path.parent)


def _fsync(path: Path) -> None:
    try:
        handle = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _sync_folder(folder: Path) -> None:
    if os.name == "posix":
        _fsync(folder)

"""A run is all or nothing: its files are made in a staging folder, then put in place in one step.

The staging folder sits beside the output folder, on the same file system. Nothing reaches
the output folder until every document, PDF and the manifest exist; then the staging folder,
completed with the output folder's other files, is exchanged with it (`exchange`), so a
failure or a kill at any moment leaves one whole run there. Only where the output folder
cannot be exchanged (the parent is another file system, or may not be written to) are the
files moved in one by one, every one put back if a move fails. The output folder is locked
for the whole run (an advisory lock the system releases when the process ends, however it
ends): a second run into it refuses at once, naming the first; a run killed earlier is
settled first, and said (`Staging.found`).
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from pipeline.base.errors import InputErrors, Problem, Reason, problem
from pipeline.write.exchange import settled, swap_in

STAGING_MARK = ".dang-ghi-"  # "being written": the staging folder's name is .<output>.dang-ghi-<random>
REPLACED = ".thay-the"


@dataclass
class Staging:
    """The folder a run writes into before its files are moved to `out_dir`."""

    out_dir: Path
    folder: Path
    names: list[str] = field(default_factory=list)
    found: list[Problem] = field(default_factory=list)  # what was left of a run killed earlier, and done with it
    real: Path | None = None  # the output folder a symbolic link `out_dir` leads to (itself when not a link)
    job: str = ""

    def path(self, name: str) -> Path:
        """Where the file `name` (relative to the output folder) is made; remembered for the move."""
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name not in self.names:
            self.names.append(name)
        return path

    def renamed(self, temporary: str, name: str) -> None:
        """The staged file `temporary` renamed `name` (both relative to the staging folder), remembered for the move.

        In strings, not paths: a campaign renames thousands of files, and every part of a path
        would be interned for the rest of the run (a table of megabytes that never shrinks).
        """
        folder = os.fspath(self.folder)
        os.makedirs(os.path.join(folder, os.path.dirname(name)), exist_ok=True)
        os.replace(os.path.join(folder, temporary), os.path.join(folder, name))
        self.names.append(name)

    def write(self, name: str, content: bytes) -> Path:
        with output_errors(self.out_dir):
            path = self.path(name)
            path.write_bytes(content)
        return path


@contextmanager
def output_errors(out_dir: Path) -> Iterator[None]:
    """A full disk or a folder the run may not write into, said in Vietnamese with the output folder."""
    try:
        yield
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise InputErrors([problem(Reason.DISK_FULL, file=str(out_dir))]) from exc
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise InputErrors([problem(Reason.OUTPUT_UNWRITABLE, file=str(exc.filename or out_dir))]) from exc
        raise


@contextmanager
def staged_run(out_dir: Path, job: str) -> Iterator[Staging]:
    """Locks `out_dir`, settles a run killed earlier, gives a fresh staging folder beside it, and removes
    that folder at the end. A symbolic link `out_dir` is followed: the run goes where it leads."""
    real = real_output(out_dir)
    with output_errors(out_dir):
        root = _staging_root(real)
        with _locked(root / f".{real.name}.lock", out_dir, job):
            found = settled(root, real, STAGING_MARK)
            folder = Path(tempfile.mkdtemp(prefix=f".{real.name}{STAGING_MARK}", dir=root))
            try:
                yield Staging(out_dir, folder, found=found, real=real, job=job)
            finally:
                shutil.rmtree(folder, ignore_errors=True)


def real_output(out_dir: Path) -> Path:
    """The folder `out_dir` names, symbolic links followed (a link to nowhere: where it points); refused when
    it is a file or links go round in a circle."""
    try:
        real = Path(os.path.realpath(out_dir, strict=False))
        looping = out_dir.is_symlink() and real.is_symlink()
    except OSError:
        looping = True
    if looping:
        raise InputErrors([problem(Reason.OUTPUT_LINK_LOOP, file=str(out_dir))])
    if real.exists() and not real.is_dir():
        raise InputErrors([problem(Reason.OUTPUT_NOT_FOLDER, file=str(out_dir))])
    return real


def recover(out_dir: Path) -> list[Problem]:
    """What was left in `out_dir` by a run killed earlier, settled (nothing when a run is writing into it now)."""
    try:
        real = real_output(out_dir)
    except InputErrors:
        return []
    root = real.absolute().parent
    if not root.is_dir():
        return []
    try:
        with _locked(root / f".{real.name}.lock", out_dir, ""):
            return settled(root, real, STAGING_MARK)
    except (InputErrors, OSError):
        return []


def _staging_root(out_dir: Path) -> Path:
    """The output folder's parent, unless that is another file system or cannot be written to."""
    parent = out_dir.absolute().parent
    parent.mkdir(parents=True, exist_ok=True)
    if out_dir.is_dir() and (out_dir.stat().st_dev != parent.stat().st_dev or not os.access(parent, os.W_OK)):
        return out_dir
    return parent


def existing(out_dir: Path, names: list[str]) -> list[str]:
    return [name for name in names if (out_dir / name).exists() or (out_dir / name).is_symlink()]


def refuse_existing(out_dir: Path, names: list[str]) -> None:
    """Raises `InputErrors` naming every one of `names` that already exists in `out_dir`."""
    found = existing(out_dir, names)
    if found:
        raise InputErrors([problem(Reason.OUTPUT_EXISTS, file=str(out_dir / name)) for name in found])


def commit(staging: Staging, force: bool, superseded: Sequence[str] = ()) -> list[Path]:
    """Puts every staged file in the output folder in one step; returns their paths there.

    Without `force`, any file of the same name already there refuses the whole run. With
    it, those files are replaced, and `superseded` files (an earlier run's, not made by
    this one) are removed, so the folder holds one run; every other file of the output
    folder stays.
    """
    out_dir, names = staging.out_dir, list(staging.names)
    if not force:
        refuse_existing(out_dir, names)
    real = staging.real or out_dir
    if staging.folder.parent == real.parent:
        with output_errors(out_dir):
            _keep_others(real, staging.folder, {*names, *superseded})
            swap_in(staging.folder, real, real.parent, staging.job)
        return [out_dir / name for name in names]
    return _moved_in(staging, names, superseded)


def _keep_others(out_dir: Path, folder: Path, run_files: set[str]) -> None:
    """Every file of `out_dir` that is not a run's, linked into `folder` (or copied), folders as they are."""
    if not out_dir.is_dir():
        folder.chmod(_new_folder_mode(folder))
        return
    folder.chmod(out_dir.stat().st_mode & 0o7777)
    for parent, folders, files in os.walk(out_dir):
        here = Path(parent)
        for name in [*folders, *files]:
            source = here / name
            relative = source.relative_to(out_dir).as_posix()
            target = folder / relative
            if name in folders and not source.is_symlink():
                if not any(source.iterdir()):  # an empty folder of someone's: kept too
                    target.mkdir(parents=True, exist_ok=True)
                continue
            if relative in run_files or target.exists() or target.is_symlink():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.is_symlink():
                os.symlink(os.readlink(source), target)
                continue
            try:
                os.link(source, target)
            except OSError:
                shutil.copy2(source, target)


def _new_folder_mode(inside: Path) -> int:
    """The mode a folder made now gets (0777 less the umask), which a staging folder (0700) does not have."""
    probe = inside / ".quyen"
    probe.mkdir()
    try:
        return probe.stat().st_mode & 0o7777
    finally:
        probe.rmdir()


def _moved_in(staging: Staging, names: list[str], superseded: Sequence[str]) -> list[Path]:
    """Moves the staged files in one by one (an output folder that cannot be exchanged); if a move fails,
    every file moved so far is put back and every replaced file restored."""
    out_dir = staging.out_dir
    aside = staging.folder / REPLACED
    done: list[tuple[Path, Path]] = []  # (from, to), undone in reverse on failure
    created = [] if out_dir.is_dir() else [out_dir]
    try:
        with output_errors(out_dir):
            for name in [*names, *(s for s in superseded if s not in names)]:
                target = out_dir / name
                if target.exists() or target.is_symlink():
                    (aside / name).parent.mkdir(parents=True, exist_ok=True)
                    os.replace(target, aside / name)
                    done.append((target, aside / name))
                if name not in names:
                    continue
                for folder in reversed(target.parents):
                    if not folder.exists():
                        folder.mkdir()
                        created.append(folder)
                os.replace(staging.folder / name, target)
                done.append((staging.folder / name, target))
    except BaseException:
        for source, target in reversed(done):
            os.replace(target, source)
        for folder in reversed(created):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        raise
    return [out_dir / name for name in names]


@contextmanager
def _locked(path: Path, out_dir: Path, job: str) -> Iterator[None]:
    """Holds an exclusive lock on `path` for the run, or refuses at once, naming the run that holds it."""
    while True:
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        if not _try_lock(handle):
            holder = _holder(path)
            os.close(handle)
            raise InputErrors([problem(Reason.OUTPUT_BUSY, file=str(out_dir), holder=holder)])
        try:
            same = os.path.samestat(os.fstat(handle), os.stat(path))
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(handle)  # the previous holder removed the file between our open and our lock
    try:
        os.ftruncate(handle, 0)
        started = datetime.now().astimezone().isoformat(timespec="seconds")
        os.write(handle, json.dumps({"pid": os.getpid(), "job": job, "started": started}).encode("utf-8"))
        yield
    finally:
        path.unlink(missing_ok=True)
        os.close(handle)


def _try_lock(handle: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _holder(path: Path) -> str:
    """Who holds the lock, in words: the job, the process and when it started, as far as known.

    The holder writes this just after taking the lock; a run that finds the lock taken in
    that instant waits a moment for it.
    """
    for _ in range(20):
        try:
            info = json.loads(path.read_text(encoding="utf-8"))
            started = datetime.fromisoformat(info["started"]).strftime("%H:%M:%S ngày %d/%m/%Y")
            return f"công việc \"{info['job']}\", tiến trình số {info['pid']}, bắt đầu lúc {started}"
        except (OSError, ValueError, KeyError, TypeError):
            time.sleep(0.05)
    return "một lần chạy khác"

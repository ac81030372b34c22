"""Writes a run's files: all or nothing, never over an existing file unless asked.

This is the only module that writes output files. Each file is written to a temporary
name in the same folder and then renamed, so an interrupted run leaves no half-written
document behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pipeline.base.errors import InputErrors, Reason, problem


def write_outputs(out_dir: Path, files: dict[str, bytes], force: bool = False) -> list[Path]:
    """Writes `files` (name → content) into `out_dir`; refuses if any exists, unless `force`."""
    if not force:
        refuse_existing(out_dir, list(files))
    out_dir.mkdir(parents=True, exist_ok=True)
    return [write_atomically(out_dir / name, content) for name, content in files.items()]


def refuse_existing(out_dir: Path, names: list[str]) -> None:
    """Raises `InputErrors` naming every one of `names` that already exists in `out_dir`."""
    existing = [name for name in names if (out_dir / name).exists()]
    if existing:
        raise InputErrors([problem(Reason.OUTPUT_EXISTS, file=str(out_dir / name)) for name in existing])


def remove_leftovers(out_dir: Path) -> None:
    """Deletes the temporary files of a run that was killed before it could rename them."""
    if out_dir.is_dir():
        for leftover in out_dir.rglob(".*.tmp"):
            leftover.unlink(missing_ok=True)


def write_atomically(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; colleagues must read outputs
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current

"""Earlier versions of a job's data files, kept in a hidden folder of the job that the pipeline never reads.

Every replacement, deletion and setting aside first puts the file as it was into `.lich-su/<id>/` with a
note of when, its size, who and why; restoring one puts its content back (the file it replaces is kept
the same way), so nothing a clerk uploads is ever lost. The folder's name starts with a dot: the readers
skip such names (`config.job_settings.data_files_in`) and it is not a data folder of any job.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from pipeline.web.names import inside, safe_name
from pipeline.write.files import write_atomically
from pipeline.write.staging import output_errors

HISTORY = ".lich-su"
NOTE = "ban-luu.json"
WHY = ("replaced", "deleted", "set_aside", "restored", "online")  # words.py says each: W["history_<why>"]


@dataclass(frozen=True)
class Version:
    """A file as it was before a change: where it was, when and by whom it was set aside, and why."""

    id: str  # its folder under `.lich-su/`
    path: str  # its place in the job folder, e.g. "don-vi/08-so-y-te.xlsx"
    kept_at: str  # ISO time
    size: int
    who: str
    why: str  # one of `WHY`


def keep(folder: Path, relative: str, who: str, why: str, move: bool = False) -> Version | None:
    """The job's file `relative` kept as a version (moved out of the job with `move`, else copied); None when
    there is no such file. A full disk raises `InputErrors` before the file is touched."""
    path = inside(folder, relative)
    if path is None or not path.is_file():
        return None
    with output_errors(folder / HISTORY):
        place = _new_place(folder)
        try:
            version = Version(place.name, relative, datetime.now().isoformat(timespec="seconds"), path.stat().st_size,
                              who, why)
            shutil.copy2(path, place / path.name)
            (place / NOTE).write_text(json.dumps(asdict(version), ensure_ascii=False), encoding="utf-8")
        except BaseException:
            shutil.rmtree(place, ignore_errors=True)
            raise
        if move:
            path.unlink()
    return version


def versions(folder: Path) -> list[Version]:
    """Every kept version, the newest first (unreadable notes are left out)."""
    found = []
    root = folder / HISTORY
    for note in root.glob(f"*/{NOTE}") if root.is_dir() else ():
        try:
            version = Version(**json.loads(note.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            continue
        if version.id == note.parent.name and (note.parent / Path(version.path).name).is_file():
            found.append(version)
    return sorted(found, key=lambda v: v.id, reverse=True)


def version_named(folder: Path, wanted: str) -> Version | None:
    return next((v for v in versions(folder) if v.id == wanted), None) if safe_name(wanted) else None


def restore(folder: Path, version: Version, who: str) -> Path | None:
    """`version`'s content back in its place; the file there now is kept first. None when its place is not a
    plain path inside the job (a note edited by hand)."""
    path = inside(folder, version.path)
    if path is None:
        return None
    content = (folder / HISTORY / version.id / path.name).read_bytes()
    keep(folder, version.path, who, "restored")
    return write_atomically(path, content)


def discard(folder: Path, version: Version) -> None:
    """Forgets a version just kept, when the change it was kept for failed (the file is still in place)."""
    shutil.rmtree(folder / HISTORY / version.id, ignore_errors=True)


def _new_place(folder: Path) -> Path:
    """A fresh folder for one version, named by the time so that names sort as versions were kept."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    root = folder / HISTORY
    root.mkdir(exist_ok=True)
    for n in range(1000):
        place = root / (stamp if n == 0 else f"{stamp}-{n}")
        try:
            place.mkdir()
            return place
        except FileExistsError:
            continue
    raise FileExistsError(root / stamp)

"""Many data files sent at once (several files, a .zip, a dropped folder): each unpacked, placed in the job's
folders, checked as an upload, written (the file it replaces kept in the history) and read on its own.

The campaign's checks across files (register against workbooks, duplicates, empty groups) are not done
here, once per file, but once for the whole sending, by the data page's check of the job.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from pipeline.base.errors import InputErrors, Problem, Reason
from pipeline.web.names import safe_relative
from pipeline.web.uploads import MAX_ENTRIES, MAX_UPLOAD, Refused, checked_upload, unpacked_size_refused
from pipeline.web.words import W

DATA_SUFFIXES = (".xlsx", ".csv")
_SKIPPED = ("__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini")  # what zippers and file managers add


@dataclass(frozen=True)
class Sent:
    """One file as sent: its name (a path when from a folder or a zip: "don-vi/01-so-noi-vu.xlsx"), its bytes."""

    name: str
    content: bytes


@dataclass
class Outcome:
    """What became of one sent file: where it went, or why it was refused, and what reading it alone found."""

    name: str
    path: str | None = None
    replaced: bool = False
    refused: str | None = None
    problems: list[Problem] = field(default_factory=list)


def nfc(name: str) -> str:
    """A name as a person sees it: composed accents (macOS sends "ệ" as "e" and two combining marks)."""
    return unicodedata.normalize("NFC", name)


def within_limit(sizes: list[int]) -> None:
    """Refuses a sending whose files together are over the one stated limit."""
    if sum(sizes) > MAX_UPLOAD:
        raise Refused(W.too_large_all.format(size=MAX_UPLOAD // (1024 * 1024)))


def unpacked(sent: list[Sent]) -> tuple[list[Sent], list[Outcome]]:
    """The sent files with every .zip replaced by the files in it, and the refusals of bad zips and entries."""
    files: list[Sent] = []
    refused: list[Outcome] = []
    for item in sent:
        if not item.name.lower().endswith(".zip"):
            files.append(Sent(nfc(item.name), item.content))
            continue
        try:
            files += _entries(item)
        except Refused as refusal:
            refused.append(Outcome(nfc(item.name), refused=refusal.message))
    return files, refused


def _entries(item: Sent) -> list[Sent]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(item.content))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise Refused(W.not_zip.format(name=item.name)) from None
    if len(entries) > MAX_ENTRIES:
        raise Refused(W.not_zip.format(name=item.name))
    unpacked_size_refused(item.name, sum(e.file_size for e in entries), len(item.content))
    found = []
    with archive:
        for entry in entries:
            name = nfc(entry.filename)
            parts = PurePosixPath(name).parts
            if entry.is_dir() or any(p in _SKIPPED or p.startswith(("._", "~$")) for p in parts):
                continue
            try:
                found.append(Sent(name, archive.read(entry)))
            except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError):
                raise Refused(W.not_zip.format(name=item.name)) from None
    return found


def placement(name: str, files: list[str], new_folder: str) -> str:
    """Where a sent file goes in the job folder: the listed data file it names ("c1/don-vi/01.xlsx" and
    "01.xlsx" are "don-vi/01.xlsx"), else a new file of the data folder its folder names, else of `new_folder`."""
    parts = PurePosixPath(name).parts
    for start in range(len(parts)):
        if "/".join(parts[start:]) in files:
            return "/".join(parts[start:])
    same = [f for f in files if PurePosixPath(f).name == parts[-1]]
    if len(same) == 1:
        return same[0]
    folders = {PurePosixPath(f).parent.as_posix() for f in files} - {"."}
    for start in range(len(parts) - 1):
        if "/".join(parts[start:-1]) in folders:
            return "/".join(parts[start:])
    return parts[-1] if new_folder in ("", ".") else f"{new_folder}/{parts[-1]}"


def accepted(item: Sent, files: list[str], new_folder: str, target: str = "") -> str:
    """The job-relative path `item` is written to, once it is a safe name and a real workbook or CSV; or `Refused`.

    `target`: the listed file the person chose to replace (then any name of the same type is accepted)."""
    parts = PurePosixPath(item.name).parts
    if not item.name or not safe_relative(item.name) or not parts:
        raise Refused(W.bad_file_name.format(name=item.name) if item.name else W.no_file)
    if target:
        if target not in files:
            raise Refused(W.bad_file_name.format(name=target))
        suffix = PurePosixPath(target).suffix.lower()
        checked_upload(parts[-1], item.content, (suffix,))
        return target
    checked_upload(parts[-1], item.content, DATA_SUFFIXES)
    return placement(item.name, files, new_folder)


def write_refusal(exc: InputErrors, name: str) -> Refused:
    """A failed write said for the desk: a full disk, or a folder it may not write in; the old file is kept."""
    reasons = {p.reason for p in exc.problems}
    return Refused((W.disk_full if Reason.DISK_FULL in reasons else W.not_writable).format(name=name))

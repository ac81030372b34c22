"""What an uploaded file must be before it is saved: a small, real workbook, document or CSV.

The checks read the zip directory only (names, sizes), never the content, so a zip bomb is refused
before anything is unpacked: too many entries, too much once unpacked, or packed too tightly.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from pipeline.base.upload_limits import MAX_ENTRIES, MAX_UPLOAD, unpacks_too_large, zip_entries
from pipeline.web.names import safe_name
from pipeline.web.words import W

_PARTS = {".xlsx": ("[Content_Types].xml", "xl/workbook.xml"), ".docx": ("[Content_Types].xml", "word/document.xml")}
_NOT = {".xlsx": W.not_xlsx, ".docx": W.not_docx}


@dataclass(frozen=True)
class Refused(Exception):
    """An upload refused, with the Vietnamese sentence that says why."""

    message: str


def checked_upload(name: str, content: bytes, suffixes: tuple[str, ...]) -> str:
    """The file's name once `content` is accepted as one of `suffixes`; `Refused` says why not."""
    if not name:
        raise Refused(W.no_file)
    name = unicodedata.normalize("NFC", name)  # as a person sees it, however the browser composed the accents
    if not safe_name(name):
        raise Refused(W.bad_file_name.format(name=name))
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in suffixes:
        raise Refused(W.bad_suffix.format(name=name, suffixes=", ".join(suffixes)))
    if len(content) > MAX_UPLOAD:
        raise Refused(W.too_large.format(name=name, size=MAX_UPLOAD // (1024 * 1024)))
    if not content:
        raise Refused(W.empty_file.format(name=name))
    if suffix == ".csv":
        _check_csv(name, content)
    else:
        _check_zip(name, content, suffix)
    return name


def _check_csv(name: str, content: bytes) -> None:
    """Text in UTF-8 (as the reader takes it), without NUL bytes, with a separator on its first line."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Refused(W.not_csv.format(name=name)) from None
    first = text.split("\n", 1)[0]
    if "\x00" in text or not any(mark in first for mark in ",;\t"):
        raise Refused(W.not_csv.format(name=name))


def _check_zip(name: str, content: bytes, suffix: str) -> None:
    refused = Refused(_NOT[suffix].format(name=name))
    entries = zip_entries(content)
    if entries is None:
        raise refused
    names = {entry.filename for entry in entries}
    if len(entries) > MAX_ENTRIES or any(part not in names for part in _PARTS[suffix]):
        raise refused
    unpacked_size_refused(name, sum(entry.file_size for entry in entries), len(content))


def unpacked_size_refused(name: str, unpacked: int, packed: int) -> None:
    """Refuses a zip (workbook, document, or a .zip of files) too large once unpacked, or packed too tightly."""
    if unpacks_too_large(unpacked, packed):
        raise Refused(W.zip_bomb.format(name=name, size=round(unpacked / (1024 * 1024), 1),
                                        ratio=unpacked // max(packed, 1)))

"""How large a file sent to the desk may be, packed and once unpacked (a zip bomb refused before unpacking)."""

from __future__ import annotations

import io
import zipfile

MAX_UPLOAD = 20 * 1024 * 1024  # bytes of one sending (all its files together): the one limit the pages state
MAX_UNPACKED = 200 * 1024 * 1024  # bytes of a workbook or document once unpacked
MAX_RATIO = 100  # unpacked size over packed size, for the whole archive…
RATIO_FROM = 10 * 1024 * 1024  # …once it unpacks to more than this (a small file cannot be a bomb)
MAX_ENTRIES = 10_000


def unpacks_too_large(unpacked: int, packed: int) -> bool:
    return unpacked > MAX_UNPACKED or (unpacked > RATIO_FROM and unpacked > MAX_RATIO * packed)


def zip_entries(content: bytes) -> list[zipfile.ZipInfo] | None:
    """The entries of a zip (an Office file is one), read from its directory only; None when it is not a zip."""
    if not content.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return None

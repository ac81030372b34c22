"""Zip archives (.docx, .xlsx) written without a clock, so the same parts give the same bytes.

The archive is laid out exactly as Python's `zipfile` lays it out (its own header code
writes each entry's header), but an entry whose compressed form is already known is
not compressed again: a template's styles, fonts and settings are the same in every
document made from it, so they are deflated once (`deflated`) and copied into each.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's epoch: no clock in the output
_DOS_DATE = (ZIP_TIME[0] - 1980) << 9 | ZIP_TIME[1] << 5 | ZIP_TIME[2]
_DOS_TIME = ZIP_TIME[3] << 11 | ZIP_TIME[4] << 5 | ZIP_TIME[5] // 2


@dataclass(frozen=True)
class Deflated:
    """A part's bytes with their compressed form and checksum."""

    blob: bytes
    data: bytes
    crc: int


def deflated(blob: bytes) -> Deflated:
    """`blob` compressed as `zipfile` compresses it (zlib's default level, raw deflate)."""
    data, crc, _ = _compressed((blob,))
    return Deflated(blob, data, crc)


def _compressed(pieces: Iterable[bytes | memoryview]) -> tuple[bytes, int, int]:
    """The pieces, one after another, compressed as `deflated` compresses them joined (deflate's output does not
    depend on how its input is cut); with their checksum and length."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    out, crc, size = [], 0, 0
    for piece in pieces:
        out.append(compressor.compress(piece))
        crc, size = zlib.crc32(piece, crc), size + len(piece)
    out.append(compressor.flush())
    return b"".join(out), crc, size


def zipped(parts: Mapping[str, bytes | Iterator[bytes | memoryview]],
           known: Mapping[str, Deflated] | None = None) -> bytes:
    """A zip of `parts` in the given order, every entry stamped with the same fixed time.

    `known` holds parts already compressed; one is reused when its bytes are the very
    object in `parts` (unchanged), else the part is compressed here. A part may come in pieces
    (an iterator), compressed as they come: a large document is then never held joined.
    """
    out = bytearray()
    central = bytearray()
    for name, blob in parts.items():
        packed = (known or {}).get(name)
        if not isinstance(blob, bytes):
            data, crc, size = _compressed(blob)
            packed = Deflated(b"", data, crc)
        elif packed is None or packed.blob is not blob:
            packed, size = deflated(blob), len(blob)
        else:
            size = len(blob)
        entry = zipfile.ZipInfo(name, date_time=ZIP_TIME)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.create_system = 0
        entry.external_attr = 0o600 << 16  # what zipfile writes for a file given no attributes
        entry.CRC, entry.compress_size, entry.file_size = packed.crc, len(packed.data), size
        offset = len(out)
        out += entry.FileHeader(False)  # also settles the versions the central record repeats
        out += packed.data
        # zipfile's private helpers below are not in its stubs
        filename, flags = entry._encodeFilenameFlags()  # type: ignore[attr-defined]  # private, no stub
        central += struct.pack(zipfile.structCentralDir, zipfile.stringCentralDir,  # type: ignore[attr-defined]  # private, no stub
                               entry.create_version,
                               entry.create_system, entry.extract_version, entry.reserved, flags,
                               entry.compress_type, _DOS_TIME, _DOS_DATE, entry.CRC, entry.compress_size,
                               entry.file_size, len(filename), len(entry.extra), len(entry.comment), 0,
                               entry.internal_attr, entry.external_attr, offset)
        central += filename + entry.extra + entry.comment
    start = len(out)
    out += central
    out += struct.pack(zipfile.structEndArchive, zipfile.stringEndArchive,  # type: ignore[attr-defined]  # private, no stub
                       0, 0, len(parts), len(parts),
                       len(central), start, 0)
    return bytes(out)


def oversized(archive: zipfile.ZipFile, limit: int) -> str | None:
    """The first member that unpacks to more than `limit` bytes (a zip bomb, or media no document needs)."""
    return next((info.filename for info in archive.infolist() if info.file_size > limit), None)

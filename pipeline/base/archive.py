"""Zip archives (.docx, .xlsx) written without a clock, so the same parts give the same bytes."""

from __future__ import annotations

import io
import zipfile

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's epoch: no clock in the output


def zipped(parts: dict[str, bytes]) -> bytes:
    """A zip of `parts` in the given order, every entry stamped with the same fixed time."""
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in parts.items():
            entry = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            archive.writestr(entry, blob)
    return stream.getvalue()

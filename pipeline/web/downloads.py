"""Files sent to the browser: the download header for any name (RFC 6266), and zips that keep Vietnamese names."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

from starlette.responses import FileResponse, Response


def attachment(name: str) -> str:
    """`Content-Disposition` for a download named `name`: an ASCII fallback for old browsers and the exact name
    in UTF-8 (`filename*`), so "Xếp loại các sở 2025.zip" downloads under its own name."""
    name = unicodedata.normalize("NFC", name)
    plain = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    fallback = "".join(c for c in plain.encode("ascii", "ignore").decode() if c.isprintable() and c not in '"\\')
    return f"attachment; filename=\"{fallback.strip() or 'tep'}\"; filename*=UTF-8''{quote(name, safe='')}"


def file_download(path: Path, name: str | None = None, media_type: str | None = None) -> FileResponse:
    """The file at `path`, downloaded as `name` (its own name by default)."""
    return FileResponse(path, media_type=media_type, headers={"Content-Disposition": attachment(name or path.name)})


def bytes_download(content: bytes, name: str, media_type: str) -> Response:
    return Response(content, media_type=media_type, headers={"Content-Disposition": attachment(name)})


def zipped_files(files: Iterable[tuple[Path, str]]) -> bytes:
    """A .zip of (file, name in the archive) pairs; a name outside ASCII is stored in UTF-8 and flagged so (zipfile
    sets the flag), which Windows Explorer, macOS and 7-Zip read as the same Vietnamese name."""
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, name in files:
            archive.write(path, unicodedata.normalize("NFC", name))
    return stream.getvalue()

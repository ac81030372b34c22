"""Writes single files whole or not at all: a temporary name in the same folder, then a rename.

Used where one command writes a few files outside a run (`init`, `check --errors`); a run's
own files go through `staging`.
"""

from __future__ import annotations

import os
import re
import secrets
import unicodedata
from pathlib import Path

from pipeline.write.staging import output_errors, refuse_existing


def write_outputs(out_dir: Path, files: dict[str, bytes], force: bool = False) -> list[Path]:
    """Writes `files` (name → content) into `out_dir`; refuses if any exists, unless `force`."""
    if not force:
        refuse_existing(out_dir, list(files))
    with output_errors(out_dir):
        out_dir.mkdir(parents=True, exist_ok=True)
    return [write_atomically(out_dir / name, content) for name, content in files.items()]


def write_atomically(path: Path, content: bytes) -> Path:
    """`content` at `path`, or nothing there (not even a temporary file) if writing fails."""
    with output_errors(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        # Created like any file (0666 less the umask), so colleagues can read the outputs.
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    return path


def report_file_name(position: int, count: int, unit: str, folder: str = "bao-cao") -> str:
    """`bao-cao/007-ubnd-xa-huong-toan.docx`: order first (as wide as the largest, so names sort in
    order), then the unit's name without diacritics; a unit's notice is `thong-bao/007-….docx`."""
    plain = unicodedata.normalize("NFKD", unit.replace("đ", "d").replace("Đ", "D"))
    slug = re.sub(r"[^a-z0-9]+", "-", plain.encode("ascii", "ignore").decode().lower()).strip("-")
    return f"{folder}/{position:0{max(3, len(str(count)))}d}-{slug[:60] or 'don-vi'}.docx"

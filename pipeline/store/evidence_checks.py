"""What an evidence file must be: a PDF, an image or an Office file, not too large, its content what its name says."""

from __future__ import annotations

import re
import unicodedata

from pipeline.base.messages_store import EVIDENCE_KINDS
from pipeline.base.upload_limits import MAX_ENTRIES, MAX_UPLOAD, unpacks_too_large, zip_entries
from pipeline.store.errors import Refused

MAX_EVIDENCE = MAX_UPLOAD  # bytes of one file, as any file sent to the desk
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word, Excel, PowerPoint before 2007
_OFFICE_PART = {".docx": "word/document.xml", ".xlsx": "xl/workbook.xml", ".pptx": "ppt/presentation.xml"}
MEDIA_TYPES = {
    ".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".doc": "application/msword", ".xls": "application/vnd.ms-excel", ".ppt": "application/vnd.ms-powerpoint",
}
_STARTS = {".pdf": (b"%PDF-",), ".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",),
           ".jpeg": (b"\xff\xd8\xff",), ".doc": (_OLE,), ".xls": (_OLE,), ".ppt": (_OLE,)}
_UNSHOWN = re.compile(r"[\x00-\x1f\x7f]")


def evidence_name(name: str) -> str:
    """The name to keep and show: its last part (a browser may send a path), accents composed, no control signs."""
    name = unicodedata.normalize("NFC", re.split(r"[/\\]", name or "")[-1]).strip()
    if not name or _UNSHOWN.search(name) or name.startswith(".") or len(name) > 200:
        raise Refused("evidence_name", name=_UNSHOWN.sub("?", name))
    return name


def checked_evidence(name: str, content: bytes) -> tuple[str, str]:
    """The file's name and media type once `content` is accepted as evidence; `Refused` says why not."""
    name = evidence_name(name)
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in MEDIA_TYPES:
        raise Refused("evidence_suffix", name=name, suffixes=", ".join(MEDIA_TYPES))
    if len(content) > MAX_EVIDENCE:
        raise Refused("evidence_large", name=name, size=MAX_EVIDENCE // (1024 * 1024))
    if not content:
        raise Refused("evidence_empty", name=name)
    wrong = Refused("evidence_content", name=name, kind=EVIDENCE_KINDS[suffix])
    if suffix in _STARTS:
        if not content.startswith(_STARTS[suffix]):
            raise wrong
        return name, MEDIA_TYPES[suffix]
    entries = zip_entries(content)
    if entries is None or len(entries) > MAX_ENTRIES or _OFFICE_PART[suffix] not in {e.filename for e in entries}:
        raise wrong
    unpacked = sum(entry.file_size for entry in entries)
    if unpacks_too_large(unpacked, len(content)):
        raise Refused("evidence_bomb", name=name, size=round(unpacked / (1024 * 1024), 1))
    return name, MEDIA_TYPES[suffix]

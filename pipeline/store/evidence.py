"""Evidence files of a unit's criteria: checked, kept once by their SHA-256 beside the jobs folder, listed in the
store."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Row, insert, select, update

import pipeline.store.tables as t
from pipeline.base.messages_store import STORE_WORDS
from pipeline.store.core import StoreCore
from pipeline.store.errors import NotFound
from pipeline.store.evidence_checks import checked_evidence
from pipeline.store.records import Evidence

_FIELDS = tuple(Evidence.__dataclass_fields__)


def evidence_of(row: Row[Any]) -> Evidence:
    return Evidence(**{name: row._mapping[name] for name in _FIELDS})


def keep_file(folder: Path, digest: str, content: bytes) -> Path:
    """The file named `digest` in `folder`, written whole (a partial write never takes its name) unless it is there."""
    path = folder / digest
    if path.is_file() and path.stat().st_size == len(content):
        return path
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".dang-ghi-")
    with os.fdopen(handle, "wb") as stream:
        stream.write(content)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, path)
    return path


class EvidencePart(StoreCore):
    def add_evidence(self, job: str, unit: str, criterion: str, file_name: str, content: bytes,
                     actor: str) -> Evidence:
        """The file kept (refused with the reason when it is not an accepted evidence file) and listed."""
        file_name, media_type = checked_evidence(file_name, content)
        digest = hashlib.sha256(content).hexdigest()
        keep_file(self.evidence_folder, digest, content)
        values: dict[str, Any] = {"job": job, "unit": unit, "criterion": criterion, "file_name": file_name,
                                  "size": len(content), "media_type": media_type, "sha256": digest,
                                  "uploaded_by": actor, "uploaded_at": self.clock()}  # an `Evidence` but its id
        with self.writing() as connection:
            inserted = connection.execute(insert(t.evidence).values(**values, removed=False))
            new_id = cast(Row[Any], inserted.inserted_primary_key)[0]  # one row inserted: its key is there
            self.record(connection, actor, "evidence_added", job, unit, criterion, "evidence",
                        new=f"{file_name} ({digest})")
        return Evidence(id=new_id, **values)

    def evidence(self, job: str, unit: str, criterion: str | None = None) -> list[Evidence]:
        """The unit's evidence files (of one criterion when given), in the order they were sent."""
        query = select(t.evidence).where(t.evidence.c.job == job, t.evidence.c.unit == unit,
                                         t.evidence.c.removed.is_(False))
        if criterion is not None:
            query = query.where(t.evidence.c.criterion == criterion)
        with self.reading() as connection:
            return [evidence_of(row) for row in connection.execute(query.order_by(t.evidence.c.id))]

    def evidence_file(self, evidence_id: int) -> tuple[Evidence, Path]:
        """An evidence file's record and where its content is; `NotFound` when there is none (or it was removed).
        Whose it is, the caller checks against the record before handing anything out."""
        with self.reading() as connection:
            row = connection.execute(select(t.evidence).where(t.evidence.c.id == evidence_id,
                                                              t.evidence.c.removed.is_(False))).first()
        path = None if row is None else self.evidence_folder / row.sha256
        if row is None or path is None or not path.is_file():
            raise NotFound(what=STORE_WORDS["evidence"])
        return evidence_of(row), path

    def remove_evidence(self, evidence_id: int, actor: str) -> None:
        """Takes a file off its criterion's list (its content stays, as the audit trail names it)."""
        with self.writing() as connection:
            row = connection.execute(select(t.evidence).where(t.evidence.c.id == evidence_id,
                                                              t.evidence.c.removed.is_(False))).first()
            if row is None:
                raise NotFound(what=STORE_WORDS["evidence"])
            connection.execute(update(t.evidence).where(t.evidence.c.id == evidence_id).values(removed=True))
            self.record(connection, actor, "evidence_removed", row.job, row.unit, row.criterion, "evidence",
                        old=f"{row.file_name} ({row.sha256})")

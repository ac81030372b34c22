"""A consistent copy of the store and its evidence in one zip, and its restoring into a fresh jobs folder.

The store's rows are read in one snapshot (SQLite: a copy made by its backup API, kept in the zip too; PostgreSQL:
one REPEATABLE READ transaction) and written as portable JSON, so a copy of either database restores into either.
The jobs folder's files go with them, so the campaign runs from the restored folder as it did.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any, cast

from sqlalchemy import Column, Connection, func, insert, select, text

import pipeline.store.tables as t
from pipeline.store.errors import Refused
from pipeline.store.opening import evidence_folder, make_engine
from pipeline.store.store import Store

FORMAT = 1
INFO, ROWS, SQLITE_COPY = "thong-tin.json", "co-so-du-lieu.json", "co-so-du-lieu.sqlite3"
EVIDENCE, JOBS = "minh-chung", "cong-viec"


def _portable(value: object) -> object:
    if isinstance(value, Decimal):
        return format(value, "f")
    return value.isoformat() if isinstance(value, datetime) else value


def _typed(column: Column[Any], value: object) -> object:
    if value is None:
        return None
    if isinstance(column.type, t.UtcDateTime):
        return datetime.fromisoformat(str(value))
    return Decimal(str(value)) if isinstance(column.type, t.Points) else value


def snapshot_rows(connection: Connection) -> dict[str, list[dict[str, object]]]:
    return {table.name: [{k: _portable(v) for k, v in row._mapping.items()}
                         for row in connection.execute(select(table).order_by(*table.primary_key.columns))]
            for table in t.TABLES}


def store_rows(store: Store, work: Path) -> tuple[dict[str, list[dict[str, object]]], Path | None]:
    """Every row of the store as of one moment; for SQLite also the copy its backup API made (in `work`)."""
    if store.dialect == "sqlite":
        copy = work / SQLITE_COPY
        source = store.engine.raw_connection()
        try:
            target = sqlite3.connect(copy)
            cast(sqlite3.Connection, source.driver_connection).backup(target)  # SQLite's own connection
            target.close()
        finally:
            source.close()
        engine = make_engine(f"sqlite:///{copy}")
        try:
            with engine.connect() as connection:
                return snapshot_rows(connection), copy
        finally:
            engine.dispose()
    with store.engine.connect().execution_options(isolation_level="REPEATABLE READ") as connection, connection.begin():
        return snapshot_rows(connection), None


def write_backup(store: Store, jobs: Path, out: Path, made_at: datetime) -> dict[str, int]:
    """The zip at `out` (written whole or not at all); the number of rows of each table in it."""
    with tempfile.TemporaryDirectory() as folder:
        rows, copy = store_rows(store, Path(folder))
        counts = {name: len(found) for name, found in rows.items()}
        partial = out.with_name(f".{out.name}.dang-ghi")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(INFO, json.dumps({"format": FORMAT, "made_at": made_at.isoformat(),
                                               "database": store.dialect, "rows": counts}, ensure_ascii=False))
            archive.writestr(ROWS, json.dumps(rows, ensure_ascii=False))
            if copy is not None:
                archive.write(copy, SQLITE_COPY)
            for digest in sorted({str(row["sha256"]) for row in rows["evidence"]}):
                archive.write(store.evidence_folder / str(digest), f"{EVIDENCE}/{digest}")
            for path in sorted(p for p in jobs.rglob("*") if p.is_file() and not p.name.startswith((".", "~$"))):
                archive.write(path, f"{JOBS}/{path.relative_to(jobs).as_posix()}")
    partial.chmod(0o600)  # it holds the password hashes, as the store does
    partial.replace(out)
    return counts


def read_backup(path: Path) -> tuple[dict[str, object], dict[str, list[dict[str, object]]]]:
    """The backup's description and rows; `Refused` when it is not a backup this program wrote."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = json.loads(archive.read(INFO))
            rows = json.loads(archive.read(ROWS))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        raise Refused("not_backup", path=path) from None
    if info.get("format") != FORMAT or not all(table.name in rows for table in t.TABLES):
        raise Refused("not_backup", path=path)
    return info, rows


def restore_backup(path: Path, store: Store, jobs: Path) -> dict[str, int]:
    """Puts the backup's rows into the empty `store`, its evidence beside `jobs`, its job folders in `jobs` (new)."""
    _, rows = read_backup(path)
    with store.reading() as connection:
        if any(connection.execute(select(func.count()).select_from(table)).scalar() for table in t.TABLES):
            raise Refused("store_not_empty")
    with zipfile.ZipFile(path) as archive:
        for member in archive.infolist():
            name = PurePosixPath(member.filename)
            if member.is_dir() or ".." in name.parts or name.is_absolute() or len(name.parts) < 2:
                continue
            if name.parts[0] == EVIDENCE:
                content = archive.read(member)
                if hashlib.sha256(content).hexdigest() != name.name:
                    raise Refused("backup_damaged", path=path, name=name.name)
                evidence_folder(jobs).mkdir(mode=0o700, parents=True, exist_ok=True)
                target = evidence_folder(jobs) / name.name
            elif name.parts[0] == JOBS:
                content, target = archive.read(member), jobs.joinpath(*name.parts[1:])
            else:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
    with store.writing() as connection:
        for table in t.TABLES:
            found = [{c.name: _typed(c, row.get(c.name)) for c in table.columns} for row in rows[table.name]]
            if found:
                connection.execute(insert(table), found)
            if store.dialect == "postgresql" and "id" in table.c and found:
                connection.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                        f"(SELECT max(id) FROM {table.name}))"))
    return {name: len(found) for name, found in rows.items()}

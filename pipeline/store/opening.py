"""Opening the store: the SQLite file beside the jobs folder or a PostgreSQL server, migrated to the newest schema."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.pool import ConnectionPoolEntry

from pipeline.store.core import utc_now
from pipeline.store.errors import DatabaseUnavailable
from pipeline.store.store import Store

MIGRATIONS = Path(__file__).with_name("migrations")
_MIGRATION_LOCK = 23_0001  # PostgreSQL advisory lock: two desks starting at once migrate one after the other


def store_file(jobs: Path) -> Path:
    """The SQLite file of the desk serving `jobs`: beside the jobs folder, named after it."""
    jobs = jobs.absolute()
    return jobs.parent / f"{jobs.name}.ban-lam-viec.sqlite3"


def evidence_folder(jobs: Path) -> Path:
    """Where evidence files are kept (named by their SHA-256): beside the jobs folder, named after it."""
    jobs = jobs.absolute()
    return jobs.parent / f"{jobs.name}.minh-chung"


def open_store(url: str | None, jobs: Path, clock: Callable[[], datetime] = utc_now) -> Store:
    """The store at `url` (None: the SQLite file beside `jobs`), its schema brought to the newest."""
    if url is None:
        _owner_only(store_file(jobs))
    try:
        engine = make_engine(url or f"sqlite:///{store_file(jobs)}")
    except (ArgumentError, ValueError, NoSuchModuleError) as exc:
        raise DatabaseUnavailable("bad_address", url=url) from exc
    try:
        migrate(engine)
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseUnavailable(where=shown_url(url), why=" ".join(str(exc.orig).split())) from exc
    return Store(engine, evidence_folder(jobs), clock)


def _owner_only(path: Path) -> None:
    """Creates the SQLite file readable by its owner only (it holds password hashes); SQLite's journal files
    take the same permissions."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


def shown_url(url: str | None) -> str:
    """The address without its password, to show in a message."""
    return "" if url is None else make_url(url).render_as_string(hide_password=True)


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_connected)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() != "postgresql":
        raise ValueError(f"the store runs on SQLite or PostgreSQL, not {parsed.get_backend_name()}")
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, pool_size=10, max_overflow=40, pool_pre_ping=True)


def _sqlite_connected(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    dbapi_connection.isolation_level = None  # transactions begun by `_sqlite_begin`, not by the driver
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    """A writing transaction takes SQLite's write lock at once, so two writers wait rather than fail midway."""
    writes = connection.get_execution_options().get("store_writes")
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def migrate(engine: Engine) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.execution_options(store_writes=True).begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")

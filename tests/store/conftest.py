"""The store's tests run twice: on a new SQLite file, and on a new schema of the PostgreSQL server of
`PIPELINE_TEST_POSTGRES` (required when `CI` is set, as `.ci/run` starts one; skipped with the reason otherwise)."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from pipeline.store import open_store

POSTGRES = os.environ.get("PIPELINE_TEST_POSTGRES", "")
NO_POSTGRES = ("no PostgreSQL server for the store's tests: set PIPELINE_TEST_POSTGRES=postgresql://user:password@host/"
               "database (.ci/run starts Debian's server and sets it)")


def _postgres_schema(request) -> str:
    """A new schema on the test server, dropped after the test; the URL that makes it the store's."""
    if not POSTGRES:
        if os.environ.get("CI"):
            pytest.fail(NO_POSTGRES)
        pytest.skip(NO_POSTGRES)
    schema = "test_" + uuid.uuid4().hex[:12]
    admin = create_engine(make_url(POSTGRES).set(drivername="postgresql+psycopg"))
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))

    def drop() -> None:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()

    request.addfinalizer(drop)
    return make_url(POSTGRES).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    """The address of a new, empty store on each database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite3'}"
    return _postgres_schema(request)


@pytest.fixture
def jobs(tmp_path):
    folder = tmp_path / "jobs"
    folder.mkdir()
    return folder


@pytest.fixture
def store(store_url, jobs):
    opened = open_store(store_url, jobs)
    yield opened
    opened.close()


@pytest.fixture
def db_args(store_url) -> list[str]:
    """The commands' option for the store under test: none for SQLite (its file beside the jobs folder)."""
    return [] if store_url.startswith("sqlite") else ["--db", store_url]


@pytest.fixture
def second_url(request, store_url) -> str | None:
    """Another new, empty store on the same database (None for SQLite: the file beside another jobs folder)."""
    return None if store_url.startswith("sqlite") else _postgres_schema(request)

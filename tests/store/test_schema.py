"""The schema: the migrations make exactly the tables the queries use, once, and a store opens again as it was."""

from __future__ import annotations

import re

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import text

from pipeline.store import StoreError, open_store
from pipeline.store.opening import MIGRATIONS, make_engine
from pipeline.store.tables import metadata


def test_the_migrated_database_is_the_schema_the_queries_use(store):
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), metadata)
    assert differences == []


def test_opening_a_store_again_keeps_its_data_and_its_schema_version(store_url, jobs):
    first = open_store(store_url, jobs)
    try:
        first.save_entry("dot", "Sở A", "1", {"self_points": "2"}, 0, "a")
    finally:
        first.close()
    again = open_store(store_url, jobs)
    try:
        assert again.entries("dot", "Sở A")["1"].version == 1 and len(again.audit("dot")) == 1
        with again.engine.connect() as connection:
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == ["0002"]
    finally:
        again.close()


def test_the_default_store_is_a_file_beside_the_jobs_folder(tmp_path):
    jobs = tmp_path / "inputs"
    jobs.mkdir()
    store = open_store(None, jobs)
    try:
        store.add_evidence("dot", "Sở A", "1", "a.pdf", b"%PDF-1.4", "a")
    finally:
        store.close()
    assert (tmp_path / "inputs.ban-lam-viec.sqlite3").stat().st_mode & 0o777 == 0o600  # it holds password hashes
    assert (tmp_path / "inputs.minh-chung").stat().st_mode & 0o777 == 0o700
    assert [p.parent.name for p in (tmp_path / "inputs.minh-chung").iterdir()] == ["inputs.minh-chung"]


def test_a_store_of_the_first_schema_is_upgraded_on_opening_and_keeps_its_rows(store_url, jobs):
    engine = make_engine(store_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0001")
            connection.execute(text("INSERT INTO phases (job, phase) VALUES ('dot', 'appraisal')"))
            assert "sessions" not in connection.dialect.get_table_names(connection)
    finally:
        engine.dispose()
    store = open_store(store_url, jobs)
    try:
        assert store.phase("dot").phase == "appraisal"
        (account, _), = store.create_unit_accounts("dot", ["Sở A"])
        assert store.session_account(store.start_session(account.id)) == account
    finally:
        store.close()


@pytest.mark.parametrize("url, says", [
    ("postgresql://nguoi:sai@127.0.0.1:1/khong_co", "Không mở được cơ sở dữ liệu postgresql://nguoi:***@127.0.0.1:1"),
    ("postgres-khong-dung-dang", "không đúng dạng"),
    ("mysql://a@b/c", "không đúng dạng"),
])
def test_a_database_that_cannot_be_opened_is_said_without_its_password(url, says, tmp_path):
    with pytest.raises(StoreError, match=re.escape(says)) as refused:
        open_store(url, tmp_path)
    assert "sai@" not in str(refused.value)

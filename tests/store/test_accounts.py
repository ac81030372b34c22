"""Accounts: one per unit, one-time codes used once before they expire, passwords kept as the desk's hashes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from pipeline.store import Refused, Role, open_store
from pipeline.web.security import password_matches

JOB = "dot-2025"


def test_each_unit_gets_one_account_and_a_second_call_creates_none(store):
    first = store.create_unit_accounts(JOB, ["Sở Tài chính", "Phường Hòa An"])
    again = store.create_unit_accounts(JOB, ["Sở Tài chính", "Phường Hòa An", "Xã Mới"])
    assert [a.unit for a, _ in first] == ["Sở Tài chính", "Phường Hòa An"]
    assert [a.unit for a, _ in again] == ["Xã Mới"]
    assert [(a.role, a.unit, a.active, a.must_set_password) for a in store.accounts(JOB)] == [
        (Role.UNIT, "Sở Tài chính", True, True), (Role.UNIT, "Phường Hòa An", True, True),
        (Role.UNIT, "Xã Mới", True, True)]


def test_a_login_is_the_units_name_without_diacritics_and_is_never_given_twice(store):
    (first, _), = store.create_unit_accounts(JOB, ["Sở Tài chính"])
    (second, _), = store.create_unit_accounts("dot-khac", ["Sở Tài chính"])
    (third, _) = store.create_account(Role.APPRAISER, "Sở  tài-chính", job=JOB)
    assert first.login == "so-tai-chinh@dot-2025"
    assert second.login == "so-tai-chinh@dot-khac"
    assert third.login == "so-tai-chinh-2@dot-2025"


def test_codes_are_random_and_the_store_keeps_only_their_hashes(store):
    created = store.create_unit_accounts(JOB, [f"Đơn vị {n}" for n in range(5)])
    codes = [code for _, code in created]
    assert len(set(codes)) == 5 and all(len(code.replace("-", "")) == 12 for code in codes)
    with store.engine.connect() as connection:
        kept = " ".join(str(v) for row in connection.execute(text("SELECT * FROM accounts")) for v in row)
    assert not any(code in kept or code.replace("-", "") in kept for code in codes)


def test_a_code_sets_the_password_once_and_then_only_the_password_opens(store):
    (account, code), = store.create_unit_accounts(JOB, ["Sở Nội vụ"])
    assert store.authenticate(account.login, code) is None
    logged = store.first_login(account.login.upper(), code.upper().replace("-", " "), "mat-khau-moi")
    assert logged.id == account.id and not logged.must_set_password
    with pytest.raises(Refused, match="đã được dùng"):
        store.first_login(account.login, code, "mat-khau-khac")
    assert store.authenticate(account.login, "mat-khau-moi").id == account.id
    assert store.authenticate(account.login, "mat-khau-khac") is None


def test_the_password_is_kept_as_the_desks_salted_scrypt_hash(store):
    (account, code), = store.create_unit_accounts(JOB, ["Sở Y tế"])
    store.first_login(account.login, code, "mat-khau-moi")
    with store.engine.connect() as connection:
        kept = connection.execute(text("SELECT password FROM accounts WHERE id = :id"), {"id": account.id}).scalar()
    record = json.loads(kept)
    assert record["scheme"] == "scrypt" and "mat-khau-moi" not in kept
    assert password_matches(record, "mat-khau-moi") and not password_matches(record, "mat-khau-cu")


def test_a_wrong_code_or_a_short_password_sets_nothing(store):
    (account, code), = store.create_unit_accounts(JOB, ["Sở Xây dựng"])
    with pytest.raises(Refused, match="không đúng"):
        store.first_login(account.login, "aaaa-bbbb-cccc", "mat-khau-moi")
    with pytest.raises(Refused, match="ít nhất 8 ký tự"):
        store.first_login(account.login, code, "ngan")
    with pytest.raises(Refused, match="không đúng"):
        store.first_login("khong-co@dot-2025", code, "mat-khau-moi")
    assert store.account(account.id).must_set_password
    assert store.first_login(account.login, code, "mat-khau-moi").id == account.id


def test_a_code_past_its_thirty_days_is_refused(store_url, jobs):
    now = [datetime(2026, 1, 1, tzinfo=UTC)]
    store = open_store(store_url, jobs, clock=lambda: now[0])
    try:
        (account, code), = store.create_unit_accounts(JOB, ["Sở Công Thương"])
        now[0] += timedelta(days=30, seconds=1)
        with pytest.raises(Refused, match="hết hạn"):
            store.first_login(account.login, code, "mat-khau-moi")
        renewed = store.renew_code(account.id)
        assert store.first_login(account.login, renewed, "mat-khau-moi").id == account.id
    finally:
        store.close()


def test_a_locked_account_cannot_log_in(store):
    (account, code), = store.create_unit_accounts(JOB, ["Sở Tư pháp"])
    store.first_login(account.login, code, "mat-khau-moi")
    store.set_active(account.id, False)
    assert store.authenticate(account.login, "mat-khau-moi") is None
    store.set_active(account.id, True)
    assert store.authenticate(account.login, "mat-khau-moi").id == account.id


def test_an_appraiser_carries_the_units_and_groups_assigned(store):
    account, _ = store.create_account(Role.APPRAISER, "Nguyễn Văn A", job=JOB, assigned=["Khối sở", "Phường Hòa An"],
                                      login="tham-dinh-1")
    assert store.account_by_login("THAM-DINH-1") == account
    assert store.account(account.id).assigned == ("Khối sở", "Phường Hòa An")
    with pytest.raises(Refused, match="đã có người dùng"):
        store.create_account(Role.APPRAISER, "Trần Văn B", job=JOB, login="tham-dinh-1")

"""`accounts`, `backup` and `restore` on the command line, on both databases."""

from __future__ import annotations

import shutil
import zipfile
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from pipeline.store import Role, open_store
from pipeline.store.backup import INFO
from tests.conftest import INPUTS

CAMPAIGN = "vi-du-2025-dot-danh-gia-tinh"
PREVIOUS = "vi-du-2024-xep-loai-tinh"  # the campaign's [previous] job, beside it


@pytest.fixture
def campaign(tmp_path):
    """A jobs folder holding a copy of the example campaign (and the previous period's job it names)."""
    jobs = tmp_path / "cong-viec"
    for name in (CAMPAIGN, PREVIOUS):
        shutil.copytree(INPUTS / name, jobs / name)
    return jobs / CAMPAIGN


def register_rows(job):
    """The register's units and their "Lý do không đánh giá" cell, read with openpyxl here."""
    sheet = load_workbook(job / "danh-muc-don-vi.xlsx").active
    header = [cell.value for cell in sheet[3]]
    unit, reason = header.index("Tên đơn vị"), header.index("Lý do không đánh giá")
    return [(row[unit], row[reason]) for row in sheet.iter_rows(min_row=4, values_only=True) if row[unit]]


def listed(path):
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def store_of(job, db_args):
    return open_store(db_args[1] if db_args else None, job.parent)


def test_accounts_lists_one_account_per_evaluated_unit_with_its_code(cli, campaign, tmp_path, db_args):
    out = tmp_path / "tai-khoan.xlsx"
    code, printed, _ = cli("accounts", campaign, "--out", out, *db_args)
    evaluated = [unit for unit, reason in register_rows(campaign) if not reason]
    rows = listed(out)
    assert code == 0 and f"Đã ghi danh sách {len(evaluated)} tài khoản" in printed
    assert [r["Tên"] for r in rows] == evaluated and len(evaluated) < len(register_rows(campaign))
    assert all(r["Loại"] == "Đơn vị" and len(r["Mã dùng một lần"]) == 14 for r in rows)
    store = store_of(campaign, db_args)
    try:
        first = rows[0]
        account = store.first_login(first["Tên đăng nhập"], first["Mã dùng một lần"], "mat-khau-moi")
        assert (account.role, account.unit, account.job) == (Role.UNIT, evaluated[0], CAMPAIGN)
    finally:
        store.close()


def test_accounts_again_for_an_unchanged_register_creates_nothing_and_never_overwrites_a_list(cli, campaign, tmp_path,
                                                                                                db_args):
    out = tmp_path / "tai-khoan.xlsx"
    cli("accounts", campaign, "--out", out, *db_args)
    before = out.read_bytes()
    code, _, said = cli("accounts", campaign, "--out", out, *db_args)
    assert code == 1 and "đã có: không ghi đè" in said and out.read_bytes() == before
    code, printed, _ = cli("accounts", campaign, "--out", tmp_path / "lan-2.xlsx", *db_args)
    assert code == 0 and "không có tài khoản mới" in printed and not (tmp_path / "lan-2.xlsx").exists()


def edit_register(job, change):
    path = job / "danh-muc-don-vi.xlsx"
    book = load_workbook(path)
    sheet = book.active
    header = [cell.value for cell in sheet[3]]
    change(sheet, header)
    book.save(path)


def test_accounts_follow_the_register_added_renamed_and_not_evaluated(cli, campaign, tmp_path, db_args):
    cli("accounts", campaign, "--out", tmp_path / "1.xlsx", *db_args)
    units = [unit for unit, reason in register_rows(campaign) if not reason]
    store = store_of(campaign, db_args)
    try:
        old = next(a for a in store.accounts(CAMPAIGN) if a.unit == units[1])
        store.save_entry(CAMPAIGN, units[1], "1.1", {"self_points": "2"}, 0, old.login)
    finally:
        store.close()
    column = None

    def rename(sheet, header):
        nonlocal column
        column = header.index("Tên đơn vị") + 1
        sheet.cell(5, column).value = units[1] + " tỉnh"  # row 5: the register's second unit
    edit_register(campaign, rename)
    code, printed, _ = cli("accounts", campaign, "--out", tmp_path / "2.xlsx", *db_args)
    assert code == 0 and f"{units[1]} → {units[1]} tỉnh" in printed

    def add_and_exclude(sheet, header):
        sheet.append([99, "Sở Mới Lập", *[cell.value for cell in sheet[4]][2:]])
        sheet.cell(8, header.index("Lý do không đánh giá") + 1).value = "Mới sáp nhập"  # the fifth unit
    edit_register(campaign, add_and_exclude)
    code, printed, _ = cli("accounts", campaign, "--out", tmp_path / "3.xlsx", *db_args)
    rows = {r["Tên"]: r for r in listed(tmp_path / "3.xlsx")}
    assert code == 0 and rows["Sở Mới Lập"]["Mã dùng một lần"] and not rows[units[0]]["Mã dùng một lần"]
    assert "đã khóa" in rows[units[4]]["Ghi chú"]
    store = store_of(campaign, db_args)
    try:
        renamed = next(a for a in store.accounts(CAMPAIGN) if a.id == old.id)
        assert (renamed.unit, renamed.login, renamed.active) == (units[1] + " tỉnh", old.login, True)
        assert store.entries(CAMPAIGN, units[1] + " tỉnh")["1.1"].self_points == Decimal(2)
        assert store.entries(CAMPAIGN, units[1]) == {}
        locked = next(a for a in store.accounts(CAMPAIGN) if a.unit == units[4])
        assert not locked.active
        assert [(e.old, e.new) for e in store.audit(CAMPAIGN) if e.action == "account_renamed"] == [
            (units[1], units[1] + " tỉnh")]
    finally:
        store.close()


def test_appraisers_from_a_sheet_and_an_option_get_their_units_and_groups(cli, campaign, tmp_path, db_args):
    units = [unit for unit, reason in register_rows(campaign) if not reason]
    sheet = tmp_path / "tham-dinh.xlsx"
    book = Workbook()
    book.active.append(["Họ tên", "Thẩm định", "Tên đăng nhập"])
    book.active.append(["Trần Thị Thẩm", "Sở, ban, ngành", "tt.tham"])
    book.save(sheet)
    code, _, _ = cli("accounts", campaign, "--out", tmp_path / "ds.xlsx", "--appraisers", sheet,
                     "--appraiser", f"Lê Văn Định: {units[0]}; {units[-1]}", *db_args)
    rows = {r["Tên"]: r for r in listed(tmp_path / "ds.xlsx")}
    assert code == 0 and rows["Trần Thị Thẩm"]["Tên đăng nhập"] == "tt.tham"
    assert rows["Lê Văn Định"]["Loại"] == "Thẩm định"
    assert rows["Lê Văn Định"]["Đơn vị, khối thẩm định"] == f"{units[0]}; {units[-1]}"
    store = store_of(campaign, db_args)
    try:
        assert store.account_by_login("tt.tham").assigned == ("Sở, ban, ngành",)
        assert store.account_by_login(rows["Lê Văn Định"]["Tên đăng nhập"]).assigned == (units[0], units[-1])
    finally:
        store.close()


def test_appraisers_assigned_to_unknown_units_are_all_said_and_nothing_is_created(cli, campaign, tmp_path, db_args):
    code, _, said = cli("accounts", campaign, "--out", tmp_path / "ds.xlsx", "--appraiser", "A: Sở Tai chinh",
                        "--appraiser", "B: Khối lạ; Sở Nội vụ", "--appraiser", "C", *db_args)
    assert code == 1 and not (tmp_path / "ds.xlsx").exists()
    assert '"Sở Tai chinh" không phải đơn vị hay khối nào' in said and 'Có phải "Sở Tài chính"?' in said
    assert '"Khối lạ"' in said and '"Sở Nội vụ"' not in said and 'Người thẩm định "C" ghi chưa đúng' in said
    store = store_of(campaign, db_args)
    try:
        assert store.accounts(CAMPAIGN) == []
    finally:
        store.close()


def test_a_job_that_is_not_a_campaign_gets_no_accounts(cli, tmp_path, db_args):
    shutil.copytree(INPUTS / PREVIOUS, tmp_path / PREVIOUS)
    code, _, said = cli("accounts", tmp_path / PREVIOUS, "--out", tmp_path / "ds.xlsx", *db_args)
    assert code == 1 and "không có danh mục đơn vị" in said and not (tmp_path / "ds.xlsx").exists()


def test_backup_restores_into_a_fresh_folder_with_the_same_store_and_the_campaign_checks(cli, campaign, tmp_path,
                                                                                         db_args, second_url):
    jobs = campaign.parent
    cli("accounts", campaign, "--out", tmp_path / "ds.xlsx", *db_args)
    store = store_of(campaign, db_args)
    try:
        unit = store.accounts(CAMPAIGN)[0].unit
        first = store.save_entry(CAMPAIGN, unit, "1.1", {"self_points": "1.25", "justification": "QĐ 5"}, 0, "a")
        store.save_entry(CAMPAIGN, unit, "1.1", {"appraised_points": "1"}, first.version, "b")
        evidence = store.add_evidence(CAMPAIGN, unit, "1.1", "qd.pdf", b"%PDF-1.7 qd 5", "a")
        store.submit(CAMPAIGN, unit, "a")
        before = (store.accounts(CAMPAIGN), store.job_entries(CAMPAIGN), store.evidence(CAMPAIGN, unit),
                  store.audit(CAMPAIGN), store.statuses(CAMPAIGN))
    finally:
        store.close()
    code, printed, _ = cli("backup", "--jobs", jobs, "--out", tmp_path / "sao-luu.zip", *db_args)
    assert code == 0 and "1 tệp kiểm chứng" in printed
    assert zipfile.ZipFile(tmp_path / "sao-luu.zip").read(INFO)
    assert (tmp_path / "sao-luu.zip").stat().st_mode & 0o777 == 0o600
    fresh = tmp_path / "khoi-phuc" / "cong-viec"
    restore_db = [] if second_url is None else ["--db", second_url]
    code, printed, _ = cli("restore", tmp_path / "sao-luu.zip", "--jobs", fresh, *restore_db)
    assert code == 0, printed
    restored = open_store(second_url, fresh)
    try:
        after = (restored.accounts(CAMPAIGN), restored.job_entries(CAMPAIGN), restored.evidence(CAMPAIGN, unit),
                 restored.audit(CAMPAIGN), restored.statuses(CAMPAIGN))
        assert after == before
        assert restored.evidence_file(evidence.id)[1].read_bytes() == b"%PDF-1.7 qd 5"
        again = restored.save_entry(CAMPAIGN, unit, "1.2", {"appraised_points": "2"}, 0, "b")  # ids go on
        assert again.version == 1 and restored.audit(CAMPAIGN)[-1].id > before[3][-1].id
    finally:
        restored.close()
    code, printed, said = cli("check", fresh / CAMPAIGN)
    assert code == 0, said
    code, _, said = cli("restore", tmp_path / "sao-luu.zip", "--jobs", fresh, *restore_db)
    assert code == 1 and "chỉ khôi phục vào một thư mục mới hoặc trống" in said


def test_backup_never_overwrites_and_restore_refuses_what_is_not_a_backup(cli, campaign, tmp_path, db_args):
    (tmp_path / "cu.zip").write_bytes(b"old")
    code, _, said = cli("backup", "--jobs", campaign.parent, "--out", tmp_path / "cu.zip", *db_args)
    assert code == 1 and "không ghi đè" in said and (tmp_path / "cu.zip").read_bytes() == b"old"
    code, _, said = cli("restore", tmp_path / "cu.zip", "--jobs", tmp_path / "moi", *db_args)
    assert code == 1 and "không phải bản sao lưu" in said


def test_a_backup_of_sqlite_restores_into_postgresql_and_back(cli, campaign, tmp_path, request):
    from tests.store.conftest import _postgres_schema

    postgres = _postgres_schema(request)
    cli("accounts", campaign, "--out", tmp_path / "ds.xlsx")
    store = open_store(None, campaign.parent)
    try:
        unit = store.accounts(CAMPAIGN)[0].unit
        store.save_entry(CAMPAIGN, unit, "1.1", {"self_points": "0.75"}, 0, "a")
        before = (store.accounts(CAMPAIGN), store.job_entries(CAMPAIGN), store.audit(CAMPAIGN))
    finally:
        store.close()
    assert cli("backup", "--jobs", campaign.parent, "--out", tmp_path / "1.zip")[0] == 0
    assert cli("restore", tmp_path / "1.zip", "--jobs", tmp_path / "pg", "--db", postgres)[0] == 0
    assert cli("backup", "--jobs", tmp_path / "pg", "--out", tmp_path / "2.zip", "--db", postgres)[0] == 0
    assert cli("restore", tmp_path / "2.zip", "--jobs", tmp_path / "lai" / "cong-viec")[0] == 0
    for url, jobs in ((postgres, tmp_path / "pg"), (None, tmp_path / "lai" / "cong-viec")):
        restored = open_store(url, jobs)
        try:
            assert (restored.accounts(CAMPAIGN), restored.job_entries(CAMPAIGN), restored.audit(CAMPAIGN)) == before
        finally:
            restored.close()


def test_a_unit_added_after_another_left_the_register_earlier_gets_its_own_account(cli, campaign, tmp_path, db_args):
    cli("accounts", campaign, "--out", tmp_path / "1.xlsx", *db_args)
    units = [unit for unit, reason in register_rows(campaign) if not reason]
    edit_register(campaign, lambda sheet, header: sheet.delete_rows(4))  # the first unit leaves
    code, printed, _ = cli("accounts", campaign, "--out", tmp_path / "2.xlsx", *db_args)
    assert code == 0 and f"không còn trong danh mục): {units[0]}" in printed

    def add(sheet, header):
        sheet.append([99, "Sở Mới Lập", *[cell.value for cell in sheet[4]][2:]])
    edit_register(campaign, add)
    code, printed, _ = cli("accounts", campaign, "--out", tmp_path / "3.xlsx", *db_args)
    assert code == 0 and "Đổi tên" not in printed and "Tài khoản mới (1)" in printed
    store = store_of(campaign, db_args)
    try:
        by_unit = {a.unit: a for a in store.accounts(CAMPAIGN)}
        assert not by_unit[units[0]].active and by_unit["Sở Mới Lập"].active
    finally:
        store.close()

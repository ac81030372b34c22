"""One set of rules for a signature block and for `{…}` placeholders, wherever they are written: job.toml's
[document], [reports], [appraisal], a group's defaults and a register's cells, each refused at its own place."""

from __future__ import annotations

import pytest

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.flow import check_job
from tests.campaign.conftest import JOB, REGISTER, texts
from tests.config.test_settings_values import messages
from tests.conftest import UNIT_JOB

ND30 = "TM. (thay mặt), KT. (ký thay), Q. (quyền), TL. (thừa lệnh), TUQ. (thừa ủy quyền)"


def refused(folder) -> list:
    with pytest.raises(InputErrors) as caught:
        check_job(folder)
    return list(caught.value.problems)


def test_a_signing_authority_written_out_in_words_is_refused_with_its_abbreviation_and_the_nd30_forms(tmp_path):
    job = UNIT_JOB.replace('authority = ["TM. ỦY BAN NHÂN DÂN"]', 'authority = ["Thay mặt Ban Giám đốc"]')
    assert messages(tmp_path, job) == [
        'Tệp job.toml: mục "document.signature.authority": dòng thẩm quyền ký "Thay mặt Ban Giám đốc" không theo thể '
        f'thức của Nghị định 30/2020: mỗi dòng bắt đầu bằng một trong {ND30}. Viết tắt là "TM." (ví dụ "TM. …"). Chức '
        'vụ người ký ("GIÁM ĐỐC", "PHÓ CHỦ TỊCH") ghi ở ô, mục chức vụ riêng; người đứng đầu ký trực tiếp thì để trống '
        'thẩm quyền ký.']


def test_a_kt_line_above_the_heads_own_position_is_refused(tmp_path):
    job = UNIT_JOB.replace('authority = ["TM. ỦY BAN NHÂN DÂN"]', 'authority = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]')
    assert messages(tmp_path, job) == [
        'Tệp job.toml: mục "document.signature.position": chức vụ người ký "CHỦ TỊCH" đứng dưới thẩm quyền ký "TM. ỦY '
        'BAN NHÂN DÂN / KT. CHỦ TỊCH": dòng "KT." (ký thay) nghĩa là cấp phó ký thay người đứng đầu, nên chức vụ phải '
        'là của cấp phó, ví dụ "PHÓ CHỦ TỊCH", "PHÓ GIÁM ĐỐC". Người đứng đầu ký thì bỏ dòng "KT. …"; cấp phó ký thì '
        'sửa chức vụ.']


def test_a_deputys_position_under_a_kt_line_is_accepted(tmp_path):
    import tomllib

    from pipeline.config.job_settings import settings_from_data

    job = UNIT_JOB.replace('authority = ["TM. ỦY BAN NHÂN DÂN"]', 'authority = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]')
    job = job.replace('position = "CHỦ TỊCH"', 'position = "Phó Chủ tịch"')
    (tmp_path / "diem.xlsx").write_bytes(b"")
    settings = settings_from_data(tomllib.loads(job), tmp_path, [tmp_path / "diem.xlsx"])
    assert settings.document.signature.position == "PHÓ CHỦ TỊCH"


def test_a_groups_kt_default_above_the_heads_position_is_refused_at_the_group(campaign):
    job = JOB.replace('signer_authority = ["TM. ỦY BAN NHÂN DÂN"]', 'signer_authority = ["TM. ỦY BAN NHÂN DÂN", '
                                                                   '"KT. CHỦ TỊCH"]')
    [found] = refused(campaign(job=job))
    assert (found.reason, found.detail("key")) == (Reason.SIGNATURE_NOT_DEPUTY, "groups[2].signer_position")
    assert 'chức vụ người ký "CHỦ TỊCH" đứng dưới thẩm quyền ký "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"' in describe(found)


def test_a_register_cell_with_a_kt_line_above_the_groups_head_position_is_refused_at_its_cell(campaign):
    register = [row[:] for row in REGISTER]
    register[2][7] = "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"  # UBND xã Hòa An; the group's position is "CHỦ TỊCH"
    [found] = refused(campaign(register=register))
    assert describe(found).startswith(
        'Tệp danh-muc-don-vi.xlsx, trang "Danh mục", dòng 6, cột "Thẩm quyền ký": chức vụ người ký "CHỦ TỊCH" đứng '
        'dưới thẩm quyền ký "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"')


def test_a_register_cell_in_free_words_is_refused_at_its_cell(campaign):
    register = [row[:] for row in REGISTER]
    register[0][7] = "Thay mặt Ban Giám đốc"
    [found] = refused(campaign(register=register))
    assert found.reason is Reason.SIGNATURE_FORM_UNKNOWN and (found.row, found.column) == (4, "Thẩm quyền ký")
    assert 'Viết tắt là "TM."' in describe(found) and ND30 in describe(found)


@pytest.mark.parametrize("table, old, new, key, close", [
    ("reports", 'title = "Kết quả tự chấm điểm năm 2025 của {don_vi}"', 'title = "Kết quả tự chấm điểm của {don vi}"',
     "reports.title", "{don_vi}"),
    ("appraisal", 'title = "Kết quả thẩm định kết quả tự chấm điểm năm 2025 của {don_vi}"',
     'title = "Kết quả thẩm định của {DON VI}"', "appraisal.title", "{DON_VI}"),
    ("groups", 'symbol = "BC-UBND"', 'symbol = "BC-{ky_hieu}"', "groups[2].symbol", ""),
])
def test_an_unknown_placeholder_is_refused_with_the_closest_known_one(campaign, table, old, new, key, close):
    assert old in JOB
    [found] = refused(campaign(job=JOB.replace(old, new)))
    assert (found.reason, found.detail("key")) == (Reason.PLACEHOLDER_UNKNOWN, key)
    said = describe(found)
    assert f'chương trình sẽ in nguyên "{found.value}" vào mọi văn bản' in said
    assert (f'Có phải ý bạn là "{close}"?' in said) == bool(close)
    assert "Các chữ thay thế có: {don_vi} (tên đơn vị), {DON_VI} (tên đơn vị viết hoa)." in said


def test_an_unknown_placeholder_in_a_register_cell_is_refused_at_its_cell(campaign):
    register = [row[:] for row in REGISTER]
    register[3][4] = "ỦY BAN NHÂN DÂN / {TEN_XA}"
    [found] = refused(campaign(register=register))
    assert (found.reason, found.row, found.column, found.value) == (Reason.PLACEHOLDER_UNKNOWN, 7,
                                                                    "Tên cơ quan ban hành", "{TEN_XA}")


def test_a_placeholder_in_a_groups_default_is_filled_with_the_units_name(campaign, cli, tmp_path):
    register = [row[:] for row in REGISTER]
    register[3][4] = None  # UBND xã Tân Phú: its issuing body from its group's default
    job = JOB.replace('symbol = "BC-UBND"', 'symbol = "BC-UBND"\nissuing_body = ["ỦY BAN NHÂN DÂN", "{DON_VI}"]')
    code, _, err = cli("run", campaign(register=register, job=job), "--out", tmp_path / "out")
    assert code == 0, err
    [report] = (tmp_path / "out" / "bao-cao").glob("*tan-phu*.docx")
    text = texts(report)
    assert "UBND XÃ TÂN PHÚ" in text and "{DON_VI}" not in text

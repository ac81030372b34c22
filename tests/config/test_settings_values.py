"""job.toml values read as a person reads them, or refused naming the key: wrong types, misspelt keys,
paths leaving the job folder, hidden characters and line breaks."""

from __future__ import annotations

import os
import tomllib
import unicodedata

import pytest

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.config.job_settings import settings_from_data
from tests.conftest import DOCUMENT, UNIT_JOB

REPORT_JOB = """
kind = "bao-cao-tu-cham"
scheme = "chat-luong-hoat-dong@2020"
unit = "UBND xã A"
""" + DOCUMENT


def problems(folder, settings: str):
    (folder / "diem.xlsx").write_bytes(b"")
    with pytest.raises(InputErrors) as caught:
        settings_from_data(tomllib.loads(settings), folder, [folder / "diem.xlsx"])
    return caught.value.problems


def messages(folder, settings: str) -> list[str]:
    return [describe(p) for p in problems(folder, settings)]


def with_line(settings: str, table: str, line: str) -> str:
    """`settings` with `line` added at the top (table "") or right under the `[table]` header."""
    if not table:
        return line + "\n" + settings
    header = f"[{table}]\n"
    assert header in settings
    return settings.replace(header, header + line + "\n", 1)


WRONG_TYPES = [  # (job, table, line, fragment of the one message)
    (REPORT_JOB.replace('unit = "UBND xã A"\n', ""), "", 'unit = ["UBND xã A"]',
     'mục "unit" ghi một danh sách (["UBND xã A"]) nhưng cần một đoạn chữ'),
    (REPORT_JOB.replace('unit = "UBND xã A"\n', ""), "", "unit = 5",
     'mục "unit" ghi một số (5) nhưng cần một đoạn chữ'),
    (REPORT_JOB, "", "group = true", 'mục "group" ghi giá trị đúng/sai (true/false) (true) nhưng cần'),
    (REPORT_JOB.replace('kind = "bao-cao-tu-cham"\n', ""), "", 'kind = ["bao-cao-tu-cham"]',
     'mục "kind" ghi một danh sách (["bao-cao-tu-cham"])'),
    (REPORT_JOB.replace('scheme = "chat-luong-hoat-dong@2020"\n', ""), "", "scheme = 2020",
     'mục "scheme" ghi một số (2020) nhưng cần tên bộ tiêu chí'),
    (REPORT_JOB, "", "data = 5", 'mục "data" ghi một số (5) nhưng cần tên tệp số liệu'),
    (REPORT_JOB, "", 'data = ["diem.xlsx", 3]', 'mục "data[2]" ghi một số (3)'),
    (REPORT_JOB, "", 'data = ["diem.xlsx", " "]', 'mục "data[2]" có giá trị "" không hợp lệ: tên tệp trống'),
    (UNIT_JOB.replace('name = "Khối A"', "name = 3"), "", "", 'mục "groups[1].name" ghi một số (3)'),
    (UNIT_JOB, "", "", None),  # placeholder removed below
    (UNIT_JOB.replace('name = "Khối B"', 'name = "Khối B"\ntitle = 2021'), "", "",
     'mục "groups[2].title" ghi một số (2021)'),
    (UNIT_JOB.replace('name = "Khối B"', 'name = "Khối B"\nsubtitle = ["a"]'), "", "",
     'mục "groups[2].subtitle" ghi một danh sách (["a"])'),
    (UNIT_JOB.replace('name = "Khối B"', 'name = "Khối B"\nsheet = { a = 1 }'), "", "",
     'mục "groups[2].sheet" ghi một bảng ({ a = 1 })'),
    (UNIT_JOB.replace('title = "Về việc công bố kết quả đánh giá, xếp loại"', "title = 2021"), "", "",
     'mục "document.title" ghi một số (2021)'),
    (UNIT_JOB.replace('place = "Thử Nghiệm"', "place = { a = 1 }"), "", "", 'mục "document.place" ghi một bảng'),
    (UNIT_JOB, "document", "parent_body = [\"A\", \"B\"]", 'mục "document.parent_body" ghi một danh sách'),
    (UNIT_JOB, "document", "template = 1", 'mục "document.template" ghi một số (1)'),
    (UNIT_JOB, "document", "appendix_numbering = [\"so\"]", 'mục "document.appendix_numbering" ghi một danh sách'),
    (UNIT_JOB, "document", "form = 1", 'mục "document.form" ghi một số (1)'),
    (UNIT_JOB.replace('number = ""', "number = true"), "", "", 'mục "document.number" ghi giá trị đúng/sai'),
    (UNIT_JOB, "document", 'self_rating = "true"', 'mục "document.self_rating" ghi một đoạn chữ ("true")'),
    (UNIT_JOB, "document", "bases = [\"Căn cứ A;\", 2]", 'mục "document.bases[2]" ghi một số (2)'),
    (UNIT_JOB, "document", "bases = { a = 1 }", 'mục "document.bases" ghi một bảng'),
    (UNIT_JOB.replace('position = "CHỦ TỊCH"', "position = 5"), "", "",
     'mục "document.signature.position" ghi một số (5)'),
    (UNIT_JOB.replace('name = "Nguyễn Văn A"', 'name = ["Nguyễn Văn A"]'), "", "",
     'mục "document.signature.name" ghi một danh sách (["Nguyễn Văn A"])'),
    (UNIT_JOB.replace('authority = ["TM. ỦY BAN NHÂN DÂN"]', "authority = [1]"), "", "",
     'mục "document.signature.authority[1]" ghi một số (1)'),
    (UNIT_JOB, "scheme_overrides", "tie_rule = [\"lien-tiep\"]", 'mục "scheme_overrides.tie_rule"'),
    (UNIT_JOB, "scheme_overrides", 'labels = [{ name = 3, min = 50 }, { name = "Yếu" }]',
     'mục "scheme_overrides.labels[1].name" ghi một số (3)'),
    (UNIT_JOB, "scheme_overrides", "name = 5", 'mục "scheme_overrides.name" ghi một số (5)'),
]
WRONG_TYPES = [case for case in WRONG_TYPES if case[3] is not None]


def _job(job: str, table: str, line: str) -> str:
    if table == "scheme_overrides" and "[scheme_overrides]" not in job:
        job = job.replace("\n[[groups]]", "\n[scheme_overrides]\n[[groups]]", 1)
    return with_line(job, table, line) if line else job


@pytest.mark.parametrize("job, table, line, fragment", WRONG_TYPES, ids=[c[3][:40] for c in WRONG_TYPES])
def test_a_value_of_the_wrong_type_is_refused_naming_the_key(tmp_path, job, table, line, fragment):
    found = messages(tmp_path, _job(job, table, line))
    hits = [f for f in found if fragment in f]
    assert len(hits) == 1 and hits[0].startswith("Tệp job.toml: "), found
    assert "['" not in hits[0]  # never Python's spelling of the value
    assert len(found) == 1 or "kind" in line  # an unknown kind also asks for what every kind needs


MISSPELT = [  # (table, line, key reported, suggestion)
    ("", 'kinds = "x"', "kinds", "kind"),
    ("document", 'isuing_body = ["A"]', "document.isuing_body", "issuing_body"),
    ("document", 'Title = "A"', "document.Title", "title"),
    ("document", 'recipient = ["A"]', "document.recipient", "recipients"),
    ("document.signature", 'nmae = "A"', "document.signature.nmae", "name"),
    ("document.signature", 'postion = "A"', "document.signature.postion", "position"),
    ("scheme_overrides", "decimal = 3", "scheme_overrides.decimal", "decimals"),
    ("scheme_overrides", 'tie_rul = "lien-tiep"', "scheme_overrides.tie_rul", "tie_rule"),
    ("[groups]", 'subtitel = "x"', "groups[1].subtitel", "subtitle"),
    ("[groups]", 'shet = "x"', "groups[1].shet", "sheet"),
]


@pytest.mark.parametrize("table, line, key, close", MISSPELT, ids=[c[2] for c in MISSPELT])
def test_a_misspelt_key_in_any_table_gets_a_suggestion(tmp_path, table, line, key, close):
    found = messages(tmp_path, _job(UNIT_JOB, table, line))
    assert found == [f'Tệp job.toml: mục "{key}" không có trong mẫu thiết lập. Có phải ý bạn là "{close}"? '
                     "Xóa hoặc sửa lại tên mục."]


def test_a_misspelt_signature_table_and_a_misspelt_label_key(tmp_path):
    job = UNIT_JOB.replace("[document.signature]", "[document.sigature]") + (
        '[[groups]]\nname = "Khối C"\nlabels = [{ name = "Đạt", mn = 50 }, { name = "Không đạt" }]\n')
    found = "\n".join(messages(tmp_path, job))
    assert 'mục "document.sigature" không có trong mẫu thiết lập. Có phải ý bạn là "signature"?' in found
    assert 'mục "groups[3].labels[1].mn" không có trong mẫu thiết lập. Có phải ý bạn là "min"?' in found


def test_a_top_level_key_written_under_a_table_says_where_it_belongs(tmp_path):
    found = messages(tmp_path, with_line(UNIT_JOB, "document", 'data = "diem.xlsx"'))
    assert len(found) == 1 and 'mục "document.data" không có trong mẫu thiết lập. Mục "data" thuộc phần đầu' in found[0]


OUTSIDE = [  # (table, line, key)
    ("", 'data = "../x.xlsx"', "data"),
    ("", 'data = "/etc/passwd"', "data"),
    ("", 'data = ["diem.xlsx", "con/../../x.xlsx"]', "data[2]"),
    ("document", 'template = "/abs/path.docx"', "document.template"),
    ("document", 'template = "../mau.docx"', "document.template"),
]


@pytest.mark.parametrize("table, line, key", OUTSIDE, ids=[c[1] for c in OUTSIDE])
def test_a_path_leaving_the_job_folder_is_refused(tmp_path, table, line, key):
    job = tmp_path / "job"
    job.mkdir()
    found = messages(job, with_line(UNIT_JOB, table, line))
    assert len(found) == 1 and f'Tệp job.toml: mục "{key}" chỉ tới ' in found[0]
    assert "nằm ngoài thư mục công việc" in found[0]


def test_reports_template_outside_is_refused(tmp_path):
    campaign = UNIT_JOB.replace('kind = "quyet-dinh-xep-loai"', 'kind = "dot-danh-gia"') + (
        '[reports]\nissuing_body = ["{DON_VI}"]\nsymbol = "BC"\nplace = "A"\ntitle = "Báo cáo"\n'
        'template = "../mau.docx"\n[reports.signature]\nposition = "CHỦ TỊCH"\nname = "A"\n')
    found = messages(tmp_path, campaign)
    assert len(found) == 1 and 'mục "reports.template" chỉ tới "../mau.docx", nằm ngoài thư mục công việc' in found[0]


def test_links_leading_out_of_the_job_folder_are_refused(tmp_path):
    job, elsewhere = tmp_path / "job", tmp_path / "elsewhere"
    job.mkdir(), elsewhere.mkdir()
    (elsewhere / "x.xlsx").write_bytes(b"")
    (elsewhere / "mau.docx").write_bytes(b"")
    os.symlink(elsewhere / "x.xlsx", job / "lien-ket.xlsx")
    os.symlink(elsewhere / "mau.docx", job / "mau.docx")
    os.symlink(elsewhere, job / "so-lieu")
    found = messages(job, with_line(with_line(UNIT_JOB, "", 'data = ["lien-ket.xlsx", "so-lieu"]'), "document",
                                    'template = "mau.docx"'))
    assert [f.split(" chỉ tới ")[0] for f in found] == [
        'Tệp job.toml: mục "data[1]"', 'Tệp job.toml: mục "data[2]"', 'Tệp job.toml: mục "document.template"']


HIDDEN = [  # (table, line, fragment)
    ("document", r'title = "Về việc\u0000công bố"', 'mục "document.title" có ký tự ẩn U+0000'),
    ("document", r'place = "Hương\u000bTrà"', 'mục "document.place" có ký tự ẩn U+000B (chỗ ghi [U+…] trong '
                                               '"Hương[U+000B]Trà")'),
    ("document", r'symbol = "QĐ\u200b-UBND"', 'mục "document.symbol" có ký tự ẩn U+200B'),
    ("document", r'recipients = ["Như Điều 3;", "Lưu:\u0007 VT."]', 'mục "document.recipients[2]" có ký tự ẩn U+0007'),
    ("document.signature", r'name = "Nguyễn\tVăn A"', 'mục "document.signature.name" có ký tự ẩn U+0009'),
    ("[groups]", r'subtitle = "(Đối với\u202e xã)"', 'mục "groups[1].subtitle" có ký tự ẩn U+202E'),
    ("document", r'title = "Về việc\ncông bố"', 'mục "document.title" chỉ có một dòng nhưng giá trị có dấu xuống dòng '
                                               '(chỗ ghi \\n trong "Về việc\\ncông bố")'),
    ("[groups]", r'title = "KẾT QUẢ\nNĂM 2020"', 'mục "groups[1].title" chỉ có một dòng'),
    ("document.signature", r'position = "PHÓ\r\nCHỦ TỊCH"', 'mục "document.signature.position" chỉ có một dòng'),
]


@pytest.mark.parametrize("table, line, fragment", HIDDEN, ids=[c[2][:45] for c in HIDDEN])
def test_hidden_characters_and_line_breaks_in_one_line_fields_are_refused(tmp_path, table, line, fragment):
    job = UNIT_JOB
    key = line.split(" = ")[0]
    if table != "[groups]":  # replace the key the example already has in that table
        head, _, rest = job.partition(f"[{table}]\n")
        old = next(ln for ln in rest.splitlines() if ln.startswith(f"{key} ="))
        job = head + f"[{table}]\n" + rest.replace(old + "\n", "", 1)
    found = messages(tmp_path, with_line(job, table, line))
    assert len(found) == 1 and fragment in found[0], found


def test_a_line_break_in_a_list_of_lines_starts_a_new_line(tmp_path):
    (tmp_path / "diem.xlsx").write_bytes(b"")
    job = UNIT_JOB.replace('recipients = ["Như Điều 3;", "Lưu: VT."]', r'recipients = ["Như Điều 3;\nLưu: VT."]')
    settings = settings_from_data(tomllib.loads(job), tmp_path, [tmp_path / "diem.xlsx"])
    assert settings.document.recipients == ("Như Điều 3;", "Lưu: VT.")
    job = UNIT_JOB.replace('authority = ["TM. ỦY BAN NHÂN DÂN"]', r'authority = ["TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"]')
    found = messages(tmp_path, job)
    assert len(found) == 1
    assert 'mục "document.signature.authority": dòng thẩm quyền ký "CHỦ TỊCH" không theo thể thức' in found[0]


def test_every_problem_of_the_settings_at_once(tmp_path):
    job = with_line(with_line(UNIT_JOB, "", 'unit = ["x"]\ndata = "../x.xlsx"'), "document", "isuing_body = 1")
    found = [(p.reason, p.detail("key")) for p in problems(tmp_path, job)]
    assert sorted(found, key=str) == sorted([
        (Reason.SETTING_WRONG_TYPE, "unit"), (Reason.SETTING_PATH_OUTSIDE, "data"),
        (Reason.SETTING_UNKNOWN, "document.isuing_body")], key=str)


def test_a_refused_run_writes_nothing_and_exits_1(example_job, cli, tmp_path):
    job = example_job("huong-tra-2020-xep-loai")
    text = (job / "job.toml").read_text(encoding="utf-8")
    (job / "job.toml").write_text('unit = ["UBND xã A"]\n' + text.replace("[document]", "[document]\nisuing_body = 1"),
                                  encoding="utf-8")
    code, _, stderr = cli("run", job, "--out", tmp_path / "out")
    assert code == 1 and not (tmp_path / "out").exists()
    assert 'Có phải ý bạn là "issuing_body"?' in stderr and "Traceback" not in stderr


UNUSED = [  # (job, line, fragment): keys the kind would ignore
    (UNIT_JOB, 'unit = "UBND xã A"',
     'mục "unit" có giá trị "UBND xã A" không hợp lệ: loại văn bản "quyet-dinh-xep-loai" không dùng mục này'),
    (UNIT_JOB, "group = 5", 'mục "group" có giá trị "5" không hợp lệ: loại văn bản "quyet-dinh-xep-loai" không dùng'),
    (REPORT_JOB + '[[groups]]\nname = "Khối A"\n', "", 'mục "groups" có giá trị "[{ name = "Khối A" }]" không hợp lệ: '
                                                       'loại văn bản "bao-cao-tu-cham" không dùng mục này'),
]


@pytest.mark.parametrize("job, line, fragment", UNUSED, ids=[c[2][:12] for c in UNUSED])
def test_a_key_the_kind_would_ignore_is_refused(tmp_path, job, line, fragment):
    found = messages(tmp_path, with_line(job, "", line) if line else job)
    assert len(found) == 1 and fragment in found[0], found


def test_text_is_read_in_composed_form(tmp_path):
    (tmp_path / "diem.xlsx").write_bytes(b"")
    decomposed = unicodedata.normalize("NFD", "Khối A")
    settings = settings_from_data(tomllib.loads(UNIT_JOB.replace("Khối A", decomposed)), tmp_path,
                                  [tmp_path / "diem.xlsx"])
    assert settings.groups[0].name == "Khối A" and decomposed != "Khối A"


@pytest.mark.parametrize("line, key, reason", [
    ('total = "như công bố"', "checks.total", Reason.SETTING_INVALID),
    ("total = true", "checks.total", Reason.SETTING_WRONG_TYPE),
    ('ignore_columns = "Xếp hạng"', "checks.ignore_columns", Reason.SETTING_WRONG_TYPE),
    ('ignore_columns = ["Xếp hạng", ""]', "checks.ignore_columns", Reason.SETTING_WRONG_TYPE),
])
def test_a_wrong_total_rule_or_ignored_columns_list_is_refused_naming_its_key(tmp_path, line, key, reason):
    found = problems(tmp_path, UNIT_JOB + f"\n[checks]\n{line}\n")
    assert [(p.reason, p.detail("key")) for p in found] == [(reason, key)]


def test_the_total_rule_and_ignored_columns_are_read(tmp_path):
    (tmp_path / "diem.xlsx").write_bytes(b"")
    settings = settings_from_data(tomllib.loads(UNIT_JOB + '\n[checks]\ntotal = "as-published"\n'
                                                'ignore_columns = [" Xếp hạng "]\n'),
                                  tmp_path, [tmp_path / "diem.xlsx"])
    assert settings.checks.total_as_published and settings.checks.ignore_columns == ("Xếp hạng",)

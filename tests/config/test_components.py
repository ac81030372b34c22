"""A scheme's components, declared as data: the shipped schemes' two, a job's own list, a group's choice, and every
mistake in a declaration said in Vietnamese with the key that holds it."""

from __future__ import annotations

import tomllib
from decimal import Decimal

import pytest

from pipeline.base.errors import InputErrors
from pipeline.base.messages import describe
from pipeline.config.components import DEFAULT_COMPONENTS
from pipeline.config.job_settings import settings_from_data
from pipeline.config.scheme import scheme_data, scheme_from_data
from tests.conftest import DOCUMENT

PAR_LIKE = """
kind = "quyet-dinh-xep-loai"
scheme = "chi-so-cchc@2023"
[scheme_overrides]
decimals = 2
[[scheme_overrides.components]]
id = "tham-dinh"
name = "Điểm thẩm định"
maximum = 62
enters = "as-is"
[[scheme_overrides.components]]
id = "sipas"
name = "Chỉ số SIPAS"
headers = ["Chỉ số hài lòng"]
maximum = 10
enters = "weighted"
weight = 0.1
decimals = 2
[[groups]]
name = "Khối A"
components = ["tham-dinh", "sipas"]
[[groups]]
name = "Khối B"
""" + DOCUMENT


def settings(folder, text: str):
    (folder / "diem.xlsx").write_bytes(b"")
    return settings_from_data(tomllib.loads(text), folder, [folder / "diem.xlsx"])


def refused(folder, text: str) -> list[str]:
    with pytest.raises(InputErrors) as caught:
        settings(folder, text)
    return [describe(p) for p in caught.value.problems]


@pytest.mark.parametrize("reference", ["chi-so-cchc@2023", "chat-luong-hoat-dong@2020"])
def test_the_shipped_schemes_declare_the_appraised_and_survey_points(reference):
    scheme = scheme_from_data(*scheme_data(reference, "job.toml"))
    assert [(c.id, c.name, c.enters, c.printed) for c in scheme.components] == [
        ("tham-dinh", "Tổng điểm thẩm định", "as-is", True),
        ("dieu-tra-xhh", "Điểm điều tra xã hội học", "as-is", True)]
    assert "Điểm đánh giá trực tiếp" in scheme.components[0].headers
    assert scheme.components == DEFAULT_COMPONENTS  # a scheme that declares none reads the same


def test_a_job_replaces_the_components_and_a_group_chooses_among_them(tmp_path):
    read = settings(tmp_path, PAR_LIKE)
    sipas = read.scheme.components[1]
    assert (sipas.id, sipas.headers, sipas.maximum, sipas.enters, sipas.weight, sipas.decimals) == (
        "sipas", ("Chỉ số hài lòng",), Decimal(10), "weighted", Decimal("0.1"), 2)
    assert [g.components for g in read.groups] == [("tham-dinh", "sipas"), None]
    assert "components" in read.scheme_overrides


@pytest.mark.parametrize("old, new, fragment", [
    ('enters = "weighted"', 'enters = "weigted"', 'mục "scheme_overrides.components[2].enters" có giá trị "weigted" '
                                                  'không hợp lệ'),
    ('enters = "weighted"', 'enters = "weigted"', 'có phải ý bạn là "weighted"?'),
    ('id = "sipas"', 'id = "tham-dinh"', 'mã thành phần (id) bị trùng'),
    ('enters = "weighted"', 'enters = "as-is"', 'hệ số (weight) chỉ dùng với enters = "weighted"'),
    ('decimals = 2\n[[groups]]', 'decimal = 2\n[[groups]]', 'mục "scheme_overrides.components[2].decimal" không có '
                                                            'trong mẫu thiết lập. Có phải ý bạn là "decimals"?'),
    ('maximum = 10', 'maximum = "mười"', 'điểm tối đa của thành phần là một số dương'),
    ('id = "sipas"', 'id = "Chỉ số SIPAS"', 'mã thành phần viết chữ thường không dấu'),
    ('headers = ["Chỉ số hài lòng"]', 'headers = ["Điểm thẩm định"]', 'tên cột này thuộc cả thành phần "tham-dinh" và '
                                                                      '"sipas"'),
    ('components = ["tham-dinh", "sipas"]', 'components = ["tham-dinh", "sipa"]',
     'bộ tiêu chí không có thành phần này (có: tham-dinh, sipas); có phải ý bạn là "sipas"?'),
    ('components = ["tham-dinh", "sipas"]', 'components = ["sipas"]', 'thành phần đầu tiên của bộ tiêu chí '
                                                                      '("tham-dinh") là điểm chính'),
    ('enters = "weighted"\nweight = 0.1', 'enters = "converted"', ""),  # converted: maximum given, accepted
    ('maximum = 10\nenters = "weighted"\nweight = 0.1', 'enters = "converted"',
     'thiếu mục "scheme_overrides.components[2].maximum"'),
    ('weight = 0.1', 'weight = 0', 'hệ số là một số dương'),
    ('decimals = 2\n[[groups]]', 'decimals = 9\n[[groups]]', 'số nguyên từ 0 đến 6'),
    ('enters = "weighted"', 'enters = "weighted"\nprinted = "có"', 'ghi true (in thành một cột) hoặc false'),
])
def test_a_mistake_in_a_component_is_said_with_its_key(tmp_path, old, new, fragment):
    assert old in PAR_LIKE
    text = PAR_LIKE.replace(old, new, 1)
    if not fragment:
        settings(tmp_path, text)
        return
    said = refused(tmp_path, text)
    assert any(fragment in line for line in said), said


def test_every_mistake_in_the_components_is_said_at_once(tmp_path):
    text = PAR_LIKE.replace('enters = "weighted"', 'enters = "nhan"').replace('id = "sipas"', 'id = "tham-dinh"')
    said = refused(tmp_path, text.replace('maximum = 62', 'maximum = -1'))
    assert len(said) == 3, said  # the maximum, the enters, the duplicate id (not the weight of an unknown enters)
    assert "mã thành phần (id) bị trùng" in said[-1]


def test_an_empty_list_of_components_is_refused(tmp_path):
    text = PAR_LIKE[:PAR_LIKE.index("[[scheme_overrides.components]]")] + "components = []\n" \
        + PAR_LIKE[PAR_LIKE.index("[[groups]]"):].replace('components = ["tham-dinh", "sipas"]\n', "")
    [said] = refused(tmp_path, text)
    assert "cần ít nhất một thành phần" in said


def test_the_summary_and_the_manifest_state_the_declared_components(tmp_path):
    from pipeline.config.applied import applied_lines, applied_record

    read = settings(tmp_path, PAR_LIKE)
    lines = applied_lines(read)
    assert "Thành phần của kết quả: Điểm thẩm định (tối đa 62); Chỉ số SIPAS (tối đa 10, nhân hệ số 0,1)." in lines
    assert "Khối Khối A tính kết quả từ: Điểm thẩm định, Chỉ số SIPAS." in lines
    record = applied_record(read)
    assert [(c["id"], c["enters"], c["weight"], c["maximum"]) for c in record["components"]] == [
        ("tham-dinh", "as-is", "1", "62"), ("sipas", "weighted", "0.1", "10")]
    assert record["group_components"] == {"Khối A": ["tham-dinh", "sipas"]}


def test_the_usual_two_components_go_without_saying_in_the_summary(tmp_path):
    from pipeline.config.applied import applied_lines

    usual = PAR_LIKE[:PAR_LIKE.index("[[scheme_overrides.components]]")] + "[[groups]]\nname = \"Khối A\"\n" + DOCUMENT
    assert not any(line.startswith("Thành phần") for line in applied_lines(settings(tmp_path, usual)))

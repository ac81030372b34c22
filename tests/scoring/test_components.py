"""Components declared as data: a table with the scheme's four columns, found by their declared headers, adds each
as it enters; a group that names its components refuses a unit without one or with another, its cell named.

Figures are computed by hand in the comments (the PAR INDEX's shape: appraised points of 60, SIPAS of 10, the
survey of leaders of 20, the impact of 10; invented values).
"""

from __future__ import annotations

from decimal import Decimal

from pipeline.base.errors import Reason
from pipeline.base.messages import describe
from pipeline.config.job_settings import Group
from pipeline.config.scheme import Scheme, scheme_data, scheme_from_data
from pipeline.read.columns import unit_table
from pipeline.read.sheet import Sheet
from pipeline.scoring.compute import unit_scores
from pipeline.scoring.formula import group_formulas
from pipeline.scoring.header_checks import unread_columns
from pipeline.scoring.normalise import normalise_units

FOUR = [
    {"id": "tham-dinh", "name": "Điểm thẩm định", "headers": ["Điểm đánh giá trực tiếp"], "maximum": 60},
    {"id": "sipas", "name": "Chỉ số SIPAS", "headers": ["Chỉ số hài lòng"], "maximum": 10, "enters": "weighted",
     "weight": 0.1},
    {"id": "lanh-dao-quan-ly", "name": "Điều tra lãnh đạo, quản lý", "maximum": 20},
    {"id": "tac-dong", "name": "Tác động", "headers": ["Tác động đến phát triển kinh tế - xã hội"], "maximum": 10},
]
HEADER = ("Khối", "Tỉnh, thành phố", "Điểm đánh giá trực tiếp", "Chỉ số hài lòng (%)", "Điều tra lãnh đạo, quản lý",
          "Tác động đến phát triển kinh tế - xã hội", "Lý do không đánh giá")
GROUPS = (Group("Khối A", "Khối A", components=("tham-dinh", "sipas", "lanh-dao-quan-ly", "tac-dong")),
          Group("Khối B", "Khối B", components=("tham-dinh", "lanh-dao-quan-ly")))


def scheme(components: list[dict], decimals: int = 2) -> Scheme:
    data, source = scheme_data("chi-so-cchc@2023", "job.toml")
    return scheme_from_data({**data, "decimals": decimals, "components": components}, source)


def read(*rows: tuple, groups: tuple[Group, ...] = GROUPS, components: list[dict] = FOUR):
    declared = scheme(components)
    sheets = [Sheet("bang.xlsx", "Bảng", (HEADER, *rows))]
    units, problems = normalise_units(sheets, groups, declared.scale, declared.components)
    return units, problems, declared, sheets


def test_four_components_are_read_by_their_headers_and_added_as_they_enter():
    units, problems, declared, sheets = read(("Khối A", "Tỉnh A", "52.25", "87.5", "15.125", "6.5", None),
                                             ("Khối B", "Tỉnh B", "50", None, "14", None, None))
    assert problems == []
    scored, found = unit_scores(units, declared)
    assert found == []
    # 52,25 + 87,5 × 0,1 + 15,125 + 6,5 = 82,625 → 82,63 (half-up, once); 50 + 14 = 64
    assert [(u["score_exact"], u["score"]) for u in scored] == [(Decimal("82.625"), Decimal("82.63")),
                                                               (Decimal(64), Decimal("64.00"))]
    assert scored[0]["components"] == {"tham-dinh": Decimal("52.25"), "sipas": Decimal("87.5"),
                                       "lanh-dao-quan-ly": Decimal("15.125"), "tac-dong": Decimal("6.5")}
    errors, warnings = unread_columns(sheets, unit_table(declared.components))
    assert errors == [] and warnings == []  # "Chỉ số hài lòng" is declared: read, neither refused nor unused
    [a, b] = group_formulas(scored, ["Khối A", "Khối B"], declared.components)
    assert a.words(declared.scale) == ("kết quả = điểm thẩm định + điều tra lãnh đạo, quản lý + tác động + chỉ số "
                                       "SIPAS × 0,1")
    assert b.components == ("tham-dinh", "lanh-dao-quan-ly")


def test_without_the_declaration_a_satisfaction_index_is_still_refused():
    sheets = [Sheet("bang.xlsx", "Bảng", (("Đơn vị", "Điểm thẩm định", "Chỉ số hài lòng"), ("Sở A", 80, 90)))]
    [refused], _ = unread_columns(sheets, unit_table(scheme(FOUR[:1]).components))
    assert refused.reason is Reason.SATISFACTION_INDEX


def test_a_unit_without_a_component_its_group_names_is_refused_at_its_cell():
    _, problems, _, _ = read(("Khối A", "Tỉnh A", 52, 87, 15, 6, None), ("Khối A", "Tỉnh C", 50, 80, 14, None, None),
                             ("Khối B", "Tỉnh B", 50, None, 14, None, None))
    [refused] = problems
    assert refused.reason is Reason.COMPONENT_MISSING
    assert (refused.row, refused.column) == (3, "Tác động đến phát triển kinh tế - xã hội")
    text = describe(refused)
    assert 'đơn vị "Tỉnh C" để trống cột này, nhưng khối "Khối A" tính kết quả = điểm thẩm định' in text
    assert "(1 trong 2 đơn vị của khối có tác động)" in text  # the group's choice, not the majority


def test_a_unit_with_a_component_its_group_does_not_name_is_refused_at_its_cell():
    _, problems, _, _ = read(("Khối A", "Tỉnh A", 52, 87, 15, 6, None), ("Khối B", "Tỉnh B", 50, None, 14, None, None),
                             ("Khối B", "Tỉnh D", 50, "91,5", 14, None, None))
    [refused] = problems
    assert refused.reason is Reason.COMPONENT_UNUSED
    assert (refused.row, refused.column, refused.value) == (4, "Chỉ số hài lòng (%)", "91,5")
    assert 'khối "Khối B" tính kết quả = điểm thẩm định + điều tra lãnh đạo, quản lý, không có chỉ số SIPAS' \
        in describe(refused)


def test_a_unit_not_evaluated_may_lack_its_groups_components():
    _, problems, _, _ = read(("Khối A", "Tỉnh A", 52, 87, 15, 6, None),
                             ("Khối A", "Tỉnh C", None, None, None, None, "Chưa có số liệu"),
                             ("Khối B", "Tỉnh B", 50, None, 14, None, None))
    assert problems == []


def test_a_converted_component_is_put_on_its_maximum_by_the_units_applicable_maximum():
    components = [{"id": "tham-dinh", "name": "Điểm thẩm định", "maximum": 62, "enters": "converted"},
                  {"id": "sipas", "name": "Chỉ số SIPAS", "maximum": 10, "enters": "weighted", "weight": 0.1}]
    declared = scheme(components, decimals=3)
    sheets = [Sheet("bang.xlsx", "Bảng", (("Đơn vị", "Điểm tối đa áp dụng", "Điểm thẩm định", "Chỉ số SIPAS"),
                                         ("Tỉnh A", 58, "49.5", "82.31")))]
    units, problems = normalise_units(sheets, (Group("Tỉnh", "Tỉnh"),), declared.scale, declared.components)
    [unit], found = unit_scores(units, declared)
    assert problems == found == []
    # 49,5 / 58 × 62 = 52,913793… ; + 82,31 × 0,1 = 8,231 → 61,144793… → 61,145 (the sum is not put on the scale)
    assert unit["score"] == Decimal("61.145") and unit["scaled"] is False


def test_a_misspelt_declared_header_is_a_lookalike_and_an_ignored_column_is_not_reported():
    from pipeline.scoring.tables import locate_tables

    spec = unit_table(scheme(FOUR).components)
    header = ("Tỉnh, thành phố", "Điểm thẩm định", "Chỉ số SIPAS", "Điều tra lãnh đạo, quản lí", "Xếp hạng 2023")
    sheets = [Sheet("bang.xlsx", "Bảng", (header, ("Tỉnh A", 50, 80, 15, 3)))]
    _, problems = locate_tables(sheets, spec)
    [lookalike] = problems  # "quản lí" for "quản lý": refused, never silently left out
    assert (lookalike.reason, lookalike.column) == (Reason.LOOKALIKE_COLUMN, "Điều tra lãnh đạo, quản lí")
    _, warnings = unread_columns(sheets, spec, ignored=("Điều tra lãnh đạo, quản lí",))
    assert [w.column for w in warnings] == ["Xếp hạng 2023"]  # a numeric column not used, not listed as ignored
    _, warnings = unread_columns(sheets, spec, ignored=("Điều tra lãnh đạo, quản lí", "Xếp hạng 2023"))
    assert warnings == []


def test_a_weighted_component_without_a_maximum_of_its_own_is_said_in_words():
    components = [{"id": "tham-dinh", "name": "Điểm thẩm định", "maximum": 90},
                  {"id": "sipas", "name": "Chỉ số SIPAS", "enters": "weighted", "weight": 0.1}]
    declared = scheme(components)
    assert declared.components[1].maximum is None
    unit = {"group": "Tỉnh", "evaluated": True, "components": {"tham-dinh": Decimal(80), "sipas": Decimal(85)}}
    [formula] = group_formulas([unit], ["Tỉnh"], declared.components)
    assert "chỉ số SIPAS × 0,1" in formula.words(declared.scale)  # a weight needs no maximum to be said

"""The columns a score table may hold: Vietnamese header, accepted variants, identifier.

`docs/inputs.md` documents the same columns; a test keeps the two in step.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.config.components import Component


@dataclass(frozen=True)
class Column:
    id: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    number: bool = False
    words: tuple[str, ...] = ()  # what a header of this meaning says, without diacritics ("tru" for "trừ")

    def keys(self) -> set[str]:
        return {header_key(h) for h in (self.header, self.id, *self.aliases)}


@dataclass(frozen=True)
class TableSpec:
    """The columns of one kind of table; `anchor` is the column that marks the header row."""

    name: str
    anchor: str
    columns: tuple[Column, ...]
    refused: tuple[tuple[tuple[str, ...], str], ...] = ()  # (words a header says, reason code): never a look-alike

    def column(self, column_id: str) -> Column:
        return next(c for c in self.columns if c.id == column_id)


UNIT_TABLE = TableSpec(
    name="bảng điểm đơn vị",
    anchor="unit",
    columns=(
        Column("order", "TT", ("STT", "Số TT", "Số thứ tự")),
        Column("group", "Khối", ("Nhóm", "Khối, nhóm", "Khối/nhóm")),
        Column("unit", "Đơn vị", ("Tên đơn vị", "Cơ quan, đơn vị", "Tên cơ quan, đơn vị", "Đơn vị được đánh giá",
                                  "Tên cơ quan", "Tỉnh/thành phố", "Tỉnh, thành phố", "Địa phương"),
               required=True),
        Column("max_points", "Tổng điểm các nhiệm vụ theo quy định",
               ("Điểm tối đa", "Điểm tối đa theo quy định", "Điểm chuẩn"), number=True, words=("toi da", "diem chuan")),
        Column("applicable_max", "Tổng điểm các nhiệm vụ phát sinh trong năm theo quy định",
               ("Điểm tối đa áp dụng", "Tổng điểm tối đa áp dụng", "Tổng điểm các nhiệm vụ phát sinh",
                "Tổng điểm các nhiệm vụ phát sinh trong năm"), number=True, words=("phat sinh", "ap dung")),
        Column("appraised_points", "Tổng điểm thẩm định",
               ("Tổng điểm thẩm định các nhiệm vụ phát sinh trong năm của đơn vị", "Điểm thẩm định",
                "Điểm đánh giá trực tiếp", "Điểm thẩm định trực tiếp"),
               required=True, number=True, words=("tham dinh", "truc tiep")),
        Column("survey_points", "Điểm điều tra xã hội học", ("Điểm điều tra XHH", "Điểm khảo sát"), number=True,
               words=("dieu tra", "xhh", "khao sat")),
        Column("bonus", "Điểm thưởng", number=True, words=("thuong",)),
        Column("penalty", "Điểm trừ", ("Điểm bị trừ",), number=True, words=("tru",)),
        Column("declared_score", "Kết quả đánh giá", ("Điểm đánh giá", "Chỉ số CCHC", "Chỉ số", "Tổng điểm",
                                                      "Tổng số điểm", "Kết quả chỉ số", "Chỉ số cải cách hành chính"),
               number=True, words=("ket qua", "chi so", "tong diem", "tong so diem")),
        Column("reason", "Lý do không đánh giá", ("Lý do không xếp loại", "Lý do"), words=("ly do",)),
        Column("note", "Ghi chú"),
    ),
    # a satisfaction index (SIPAS, in %) is not the survey points on the scheme's scale: refused, not added
    refused=((("hai long",), "satisfaction_index"),),
)

# Headers of the index (Chỉ số CCHC): a table whose only score column is one of them ranks on the index itself,
# read as the points and named as the index (`scoring.tables.locate_tables`). "Chỉ số (%)" is "Chỉ số".
INDEX_HEADERS = ("Chỉ số CCHC", "Chỉ số", "Kết quả chỉ số", "Chỉ số cải cách hành chính")

CRITERIA_TABLE = TableSpec(
    name="bảng tiêu chí",
    anchor="title",
    columns=(
        Column("code", "Mã số", ("Mã", "Mã tiêu chí"), required=True),
        Column("title", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
               ("Tiêu chí", "Nội dung", "Lĩnh vực, tiêu chí", "Lĩnh vực/Tiêu chí", "Tiêu chí, tiêu chí thành phần"),
               required=True),
        Column("max_points", "Điểm chuẩn", ("Điểm tối đa",), required=True, number=True),
        Column("self_points", "Điểm tự chấm", ("Điểm tự đánh giá",), required=True, number=True),
        Column("rationale", "Lý giải việc chấm điểm", ("Lý giải", "Giải trình", "Thuyết minh")),
        Column("rollup", "Cách tính", ("Cách tính điểm",)),
        Column("appraised_points", "Điểm thẩm định", ("Điểm Hội đồng thẩm định", "Điểm thẩm định lại"), number=True,
               words=("tham dinh",)),
        Column("appraisal_note", "Ý kiến thẩm định", ("Nhận xét thẩm định", "Ghi chú thẩm định")),
        Column("rule", "Cách chấm", ("Cách chấm điểm", "Quy tắc chấm", "Quy tắc chấm điểm")),
        Column("done_count", "Số hoàn thành", ("Số đạt", "Số lượng hoàn thành"), number=True),
        Column("total_count", "Tổng số", ("Tổng số lượng",), number=True),
        Column("rate", "Tỷ lệ (%)", ("Tỷ lệ", "Tỉ lệ", "Tỷ lệ đạt", "Tỷ lệ hoàn thành"), number=True),
        Column("level", "Mức đạt", ("Kết quả thực hiện",)),
        Column("count_unit", "Đơn vị tính", ("ĐVT",)),
    ),
)

REGISTER_TABLE = TableSpec(
    name="danh mục đơn vị",
    anchor="unit",
    columns=(
        Column("order", "TT", ("STT", "Số TT", "Số thứ tự")),
        Column("unit", "Tên đơn vị", ("Đơn vị", "Cơ quan, đơn vị", "Tên cơ quan, đơn vị"), required=True),
        Column("group", "Khối", ("Nhóm", "Khối, nhóm", "Khối/nhóm")),
        Column("parent_body", "Cơ quan chủ quản", ("Tên cơ quan chủ quản",)),
        Column("issuing_body", "Tên cơ quan ban hành", ("Cơ quan ban hành",)),
        Column("symbol", "Ký hiệu", ("Ký hiệu báo cáo", "Ký hiệu văn bản")),
        Column("place", "Địa danh"),
        Column("signer_authority", "Thẩm quyền ký"),
        Column("signer_position", "Chức vụ người ký", ("Chức vụ",)),
        Column("signer_name", "Họ tên người ký", ("Họ và tên người ký", "Người ký")),
        Column("survey_points", "Điểm điều tra xã hội học", ("Điểm điều tra XHH", "Điểm khảo sát"), number=True,
               words=("dieu tra", "xhh", "khao sat")),
        Column("bonus", "Điểm thưởng", number=True, words=("thuong",)),
        Column("penalty", "Điểm trừ", ("Điểm bị trừ",), number=True, words=("tru",)),
        Column("reason", "Lý do không đánh giá", ("Lý do không xếp loại", "Lý do"), words=("ly do",)),
        Column("note", "Ghi chú"),
    ),
)


def header_key(text: str) -> str:
    """A header as compared: NFC, case-folded, one space, no spaces around "/", no trailing ":*", no
    remark in parentheses ("Điểm trừ (nếu có)" is "điểm trừ"), no invisible control characters (a header
    holds no figure, so one pasted in is harmless). A text is worked out once: a campaign compares the same
    few headers in every table."""
    return _text_key(text) if type(text) is str else _key(text)


@lru_cache(maxsize=8192)
def _text_key(text: str) -> str:
    return _key(text)


def _key(text: str) -> str:
    text = re.sub("[\x00-\x08\x0e-\x1f\x7f]", "", unicodedata.normalize("NFC", str(text))).casefold()
    text = re.sub(r"\s*\([^()]*\)", " ", text)
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().rstrip(":*").strip()
    return re.sub(r"\s*/\s*", "/", text)


def plain_header(text: str) -> str:
    """A header without diacritics, to catch "Diem tru" or "Điểm thuởng" written for "Điểm trừ". Worked out once per
    text, as `header_key`: every table of a campaign is searched for the same headers."""
    return _plain_text(text) if type(text) is str else _plain(text)


@lru_cache(maxsize=8192)
def _plain_text(text: str) -> str:
    return _plain(text)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", header_key(text).replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=32)
def unit_table(components: tuple[Component, ...]) -> TableSpec:
    """The units' table of a scheme: its main (first) component where `UNIT_TABLE` has the appraised points (the
    column that must be there, id "appraised_points"), its other components where it has the survey points (id:
    the component's), each found by its declared name and headers. A header a component claims is no other
    column's alias ("Chỉ số" of a component is not the declared total), nor refused ("Chỉ số hài lòng" declared)."""
    main, *others = components
    claimed = {plain_header(h) for c in components for h in (c.name, *c.headers)}
    columns: list[Column] = []
    for column in UNIT_TABLE.columns:
        if column.id == "appraised_points":
            columns.append(Column(column.id, main.name, main.headers, required=True, number=True,
                                  words=_words(main)))
        elif column.id == "survey_points":
            columns += [Column(c.id, c.name, c.headers, number=True, words=_words(c)) for c in others]
        else:
            columns.append(replace(column, aliases=tuple(a for a in column.aliases if plain_header(a) not in claimed)))
    refused = tuple((words, code) for words, code in UNIT_TABLE.refused
                    if not any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", key) for w in words for key in claimed))
    return replace(UNIT_TABLE, columns=tuple(columns), refused=refused)


def _words(component: Component) -> tuple[str, ...]:
    """What a header of the component's meaning says: the words of the usual column it shares a header with."""
    keys = {plain_header(h) for h in (component.name, *component.headers)}
    usual = (UNIT_TABLE.column("appraised_points"), UNIT_TABLE.column("survey_points"))
    return next((c.words for c in usual if keys & {plain_header(k) for k in c.keys()}), ())  # noqa: SIM118 (`Column.keys`: no dict)

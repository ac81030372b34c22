"""The kinds of job, one record each: everything the program knows about a kind lives here.

A kind says where its units come from (`source`, a `Source`), which `[document]` keys must be filled,
which document it makes in each of its forms (template, output file, the context that
fills it), the report each unit of a campaign gets, and what `init` starts a job of the
kind with. Adding a kind is one record here, its template, and (only for a new shape of
document) a context function in `documents.content.context`. Callers ask the record what the
kind does (`is_campaign`, `reports_one_unit`, `ranks_units`, `reads_unit_table`,
`reads_criteria_tables`) rather than compare its source; the names here are `StrEnum`s whose
values are the words `job.toml` and the manifests write.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from pipeline.base import messages_init as words


class KindId(StrEnum):
    """A kind's name, as `job.toml` writes it (`kind = "…"`)."""

    SELF_REPORT = "bao-cao-tu-cham"
    DECISION = "quyet-dinh-xep-loai"
    PAR_INDEX = "xep-hang-cchc"
    CAMPAIGN = "dot-danh-gia"


class Source(StrEnum):
    """Where a kind's units come from."""

    CRITERIA = "criteria"  # one unit's criteria table (a self-assessment report)
    UNITS = "units"  # a table of units, one row each
    CAMPAIGN = "campaign"  # a criteria table per unit, and a register of the units


class Form(StrEnum):
    """A form of a kind's main document, as `[document] form` writes it."""

    REPORT = "bao-cao"
    DECISION = "quyet-dinh"
    TABLE = "bang"  # the ranking table alone


class Context(StrEnum):
    """The shape of a document: its builder in `documents.content.context` and the names its template may use."""

    REPORT = "report"
    DECISION = "decision"
    NOTICE = "notice"
    SUMMARY = "summary"


@dataclass(frozen=True)
class Output:
    """One document a job writes: the shipped template, the file it becomes, the context it receives."""

    template: str
    name: str
    context: Context


@dataclass(frozen=True)
class Starter:
    """What `init` writes for a new job of the kind: the input workbook and the placeholder settings."""

    workbook: str
    sheet: str
    title: str
    layout: tuple[tuple[str, int], ...]  # column id and width (characters), in the order of the sheet
    scheme: str
    intro: str
    placeholders: Mapping[str, Any]


@dataclass(frozen=True)
class Kind:
    id: KindId
    title: str
    source: Source
    required: tuple[str, ...]  # `[document]` keys that must be filled
    forms: Mapping[str, Output]  # `Form` (`[document] form`) → the main document; the first is the default
    form_required: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # more keys a form needs
    reports: Output | None = None  # a campaign: each unit's own report, worded by `[reports]`
    notices: Output | None = None  # a campaign appraised: each unit's appraisal notice, worded by `[appraisal]`
    starter: Starter | None = None
    score_header: str = "Kết quả đánh giá"  # the score column of its tables ("Tỷ lệ đạt" for a scheme in "%")

    @property
    def reports_one_unit(self) -> bool:
        """One unit's self-assessment report: the unit and its group named in `job.toml`, no `[[groups]]`, nothing
        ranked."""
        return self.source is Source.CRITERIA

    @property
    def ranks_units(self) -> bool:
        """Units ranked within `[[groups]]` (a decision, a ranking table, a campaign): a previous period, a summary."""
        return not self.reports_one_unit

    @property
    def is_campaign(self) -> bool:
        """A campaign: a criteria table per unit, a register of units, each unit's report, an appraisal."""
        return self.source is Source.CAMPAIGN

    @property
    def reads_unit_table(self) -> bool:
        """Its scores are one table of units (its columns the scheme's components, typed totals checked)."""
        return self.source is Source.UNITS

    @property
    def reads_criteria_tables(self) -> bool:
        """Its scores are criteria tables (one unit's, or each unit's of a campaign): rules, rationales checked."""
        return self.source is not Source.UNITS

    @property
    def default_form(self) -> str:
        return next(iter(self.forms))

    def output(self, form: str = "") -> Output:
        return self.forms[form or self.default_form]

    def required_for(self, form: str = "") -> tuple[str, ...]:
        extra = self.form_required.get(form or self.default_form, ())
        return (*self.required, *(key for key in extra if key not in self.required))


HEADER_KEYS = ("issuing_body", "symbol", "place", "title")
DECISION_KEYS = (*HEADER_KEYS, "authority", "issuer_name", "article_2", "article_3")
REPORT = Output("bao-cao-tu-cham.docx", "bao-cao-tu-cham.docx", Context.REPORT)
DECISION = Output("quyet-dinh-xep-loai.docx", "quyet-dinh.docx", Context.DECISION)
CAMPAIGN_DECISION = Output("quyet-dinh-dot-danh-gia.docx", "quyet-dinh.docx", Context.DECISION)  # + appraised tables
NOTICE = Output("thong-bao-tham-dinh.docx", "thong-bao", Context.NOTICE)  # name: the folder of the units' notices

_DECISION_PLACEHOLDERS = {
    "symbol": "QĐ-UBND", "authority": "(THẨM QUYỀN BAN HÀNH)", "issuer_name": "(Tên cơ quan ban hành, viết thường)",
    "bases": ["(Căn cứ …;)", "(Xét đề nghị của ….)"], "article_2": "(Nội dung Điều 2.)",
    "article_3": "(Nội dung Điều 3, kết thúc bằng ./.)", "recipients": ["Như Điều 3;", "Lưu: VT."],
}
_UNIT_COLUMNS = (("order", 6), ("group", 24), ("unit", 34))
_REASON_COLUMNS = (("reason", 40), ("note", 24))

# By the kind's name as plain text: listed as written wherever the names are offered (`init`, `check-template --kind`)
KINDS: Mapping[str, Kind] = MappingProxyType({kind.id.value: kind for kind in (
    Kind(
        id=KindId.SELF_REPORT, title="Báo cáo kết quả tự chấm điểm", source=Source.CRITERIA, required=HEADER_KEYS,
        forms={Form.REPORT: REPORT},
        starter=Starter(
            workbook="tu-cham.xlsx", sheet="Tự chấm điểm", title="BẢNG TỔNG HỢP KẾT QUẢ TỰ CHẤM ĐIỂM",
            layout=(("code", 9), ("title", 60), ("max_points", 11), ("self_points", 11), ("rationale", 60),
                    ("rollup", 12)),
            scheme="chat-luong-hoat-dong",
            intro="Mỗi dòng một lĩnh vực, tiêu chí, tiêu chí thành phần hoặc mức chấm, theo thứ tự như trong báo cáo.",
            placeholders={"symbol": "BC-UBND", "title": "(Trích yếu: Kết quả tự chấm điểm … năm …)",
                          "recipients": ["(Nơi nhận;)", "Lưu: VT."]},
        ),
    ),
    Kind(
        id=KindId.DECISION, title="Quyết định công bố kết quả đánh giá, xếp loại (kèm phụ lục)",
        source=Source.UNITS, required=DECISION_KEYS, forms={Form.DECISION: DECISION},
        starter=Starter(
            workbook="bang-diem.xlsx", sheet="Bảng điểm", title="BẢNG TỔNG HỢP KẾT QUẢ THẨM ĐỊNH",
            layout=(*_UNIT_COLUMNS, ("max_points", 16), ("applicable_max", 18), ("appraised_points", 14),
                    *_REASON_COLUMNS),
            scheme="chat-luong-hoat-dong",
            intro="Mỗi dòng một đơn vị. Kết quả đánh giá, xếp loại, xếp hạng do chương trình tính, không nhập.",
            placeholders={**_DECISION_PLACEHOLDERS,
                          "title": "(Trích yếu: Về việc công bố kết quả đánh giá, xếp loại … năm …)"},
        ),
    ),
    Kind(
        id=KindId.PAR_INDEX, title="Bảng xếp hạng Chỉ số cải cách hành chính", source=Source.UNITS,
        required=HEADER_KEYS,
        forms={Form.DECISION: Output("quyet-dinh-cchc.docx", "quyet-dinh.docx", Context.DECISION),
               Form.TABLE: Output("bang-xep-hang-cchc.docx", "bang-xep-hang.docx", Context.DECISION)},
        form_required={Form.DECISION: DECISION_KEYS},
        starter=Starter(
            workbook="bang-diem.xlsx", sheet="Bảng điểm", title="BẢNG ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
            layout=(*_UNIT_COLUMNS, ("appraised_points", 14), ("survey_points", 14), ("bonus", 11), ("penalty", 11),
                    *_REASON_COLUMNS),
            scheme="chi-so-cchc",
            intro="Mỗi dòng một đơn vị. Chỉ số CCHC, xếp loại, xếp hạng do chương trình tính, không nhập.",
            placeholders={**_DECISION_PLACEHOLDERS,
                          "title": "(Trích yếu: Về việc công bố Chỉ số cải cách hành chính năm …)"},
        ),
        score_header="Điểm đánh giá",
    ),
    Kind(
        id=KindId.CAMPAIGN,
        title="Đợt đánh giá: báo cáo tự chấm điểm của từng đơn vị và quyết định công bố kết quả (kèm phụ lục)",
        source=Source.CAMPAIGN, required=DECISION_KEYS, forms={Form.DECISION: CAMPAIGN_DECISION}, reports=REPORT,
        notices=NOTICE,
        starter=Starter(  # one workbook per registered unit in the folder `workbook`, and the register
            workbook="don-vi", sheet=words.UNIT_SHEET, title=words.UNIT_TITLE,
            layout=(("code", 9), ("title", 56), ("max_points", 10), ("self_points", 11), ("rationale", 36),
                    ("appraised_points", 11), ("appraisal_note", 36), ("rollup", 11)),
            scheme="chat-luong-hoat-dong", intro=words.UNIT_INTRO,
            placeholders={**_DECISION_PLACEHOLDERS, "title": words.CAMPAIGN_TITLE},
        ),
    ),
)})
REGISTER_STARTER = Starter(  # a campaign's register of units (danh mục đơn vị)
    workbook="danh-muc-don-vi.xlsx", sheet=words.REGISTER_SHEET, title=words.REGISTER_TITLE,
    layout=(("order", 6), ("unit", 30), ("group", 22), ("parent_body", 20), ("issuing_body", 26), ("symbol", 11),
            ("place", 14), ("signer_authority", 22), ("signer_position", 18), ("signer_name", 22),
            ("survey_points", 12), ("bonus", 10), ("penalty", 10), ("reason", 30), ("note", 20)),
    scheme="", intro=words.REGISTER_INTRO, placeholders={},
)
REPORT_KIND = KINDS[KindId.SELF_REPORT]
# `[summary]`: thông cáo kết quả, a ranked kind's; the wording of a campaign's `[reports]` is a report's
SUMMARY = Output("thong-cao.docx", "thong-cao.docx", Context.SUMMARY)


def kind_choices() -> str:
    return ", ".join(f'"{k}"' for k in KINDS)

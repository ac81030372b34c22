"""One setting of `job.toml` as the catalogue declares it: its key, shape, words, kinds and form section."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.config.kinds import KINDS, Kind, KindId, Source

# The shapes a value takes, and the reader that checks it (`config.values`): "text", "long", "path" are one line
# of text (`text`); "lines" and "authority" (signature lines starting with TM., KT., …) a list of lines (`lines`).
TEXT_SHAPES = ("text", "long", "path")
LINE_SHAPES = ("lines", "authority")
SOURCES = {Source.CRITERIA: "báo cáo tự chấm điểm", Source.UNITS: "quyết định, bảng xếp hạng",
           Source.CAMPAIGN: "đợt đánh giá"}

# The sections of the settings form, in the words a clerk knows them by, in the order they are shown.
SECTIONS = {
    "chung": "Công việc",
    "van-ban": "Văn bản",
    "nguoi-ky": "Người ký",
    "khoi": "Khối",
    "xep-loai": "Xếp loại",
    "bao-cao-don-vi": "Báo cáo của từng đơn vị",
    "tham-dinh": "Thẩm định",
    "ky-truoc": "Kỳ trước",
    "thong-cao": "Thông cáo kết quả",
    "kiem-tra": "Kiểm tra số liệu",
}


@dataclass(frozen=True)
class Setting:
    """A key of `job.toml` (`document.signature.name`; a table's own record is its name, `document`).

    `comment` is the line `init` writes above the key; `help` what the desk says under its field (the comment when
    it speaks no TOML); `kinds` the kinds' sources (or ids) that use it, () for all; `example` as docs write it."""

    key: str
    shape: str  # "text", "long", "lines", "authority", "date", "number", "int", "bool", "choice", "labels", "path",
    #             "previous", "renames", "table", "fixed" (not on the form), "conditions" (not on the form),
    #             "components" (not on the form)
    label: str
    comment: str = ""
    section: str = "chung"
    help: str = ""
    example: str = ""
    kinds: tuple[Source | KindId, ...] = ()
    default: Any = None
    campaign_comment: str = ""  # a campaign's own comment, where it differs
    campaign_help: str = ""
    tables: tuple[str, ...] = ()  # a `[document]` key: the other tables that take it ("reports", "appraisal")
    choices: tuple[tuple[str, str], ...] = ()  # (value, words) of a "choice"

    @property
    def name(self) -> str:
        """The key's last name: `document.signature.name` → `name`."""
        return self.key.rsplit(".", 1)[-1]

    @property
    def table(self) -> str:
        """The table the key is in ("" at the top of `job.toml`)."""
        return self.key.rsplit(".", 1)[0] if "." in self.key else ""

    def used_by(self, kind: Kind) -> bool:
        """Whether a job of `kind` takes the key: every kind does, or its source or its id is among `kinds`."""
        return not self.kinds or kind.source in self.kinds or kind.id in self.kinds

    def help_for(self, campaign: bool) -> str:
        """The help under the field (a campaign's own where it has one)."""
        if campaign and (self.campaign_help or self.campaign_comment):
            return self.campaign_help or self.campaign_comment
        return self.help or self.comment

    def comment_for(self, campaign: bool) -> str:
        return (self.campaign_comment if campaign else "") or self.comment

    @property
    def used_by_words(self) -> str:
        """Who uses it, as docs say it: "tất cả" or the kinds' words."""
        return "; ".join(SOURCES[k] if isinstance(k, Source) else KINDS[k].title.lower() for k in self.kinds) \
            if self.kinds else "tất cả"

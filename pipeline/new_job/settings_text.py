"""The `job.toml` that `init` writes: every key of the kind, each with a comment line above it.

Placeholders in parentheses ("(Địa danh)") keep the file valid while showing staff what to
replace; keys that must be filled say so in their comment.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.config.campaign_settings import HEADER_FIELDS
from pipeline.config.catalogue import comments, names_in, setting
from pipeline.config.job_settings import SETTINGS_FILE
from pipeline.config.kinds import Form, Kind, Source, Starter
from pipeline.config.scheme import available_schemes, scheme_data

COMMENTS = comments(campaign=False)  # every key's comment: `config.catalogue`
DOCUMENT_ORDER = tuple(k for k in names_in("document") if k != "signature")
_DEFAULTS: dict[str, Any] = {"parent_body": "", "number": "", "date": "", "bases": [], "article_1": "",
                             "appendix_numbering": "la-ma", "self_rating": False, "form": Form.DECISION,
                             "template": ""}


_TOP_KEYS = {Source.CRITERIA: ("kind", "scheme", "data", "unit", "group"), Source.UNITS: ("kind", "scheme", "data"),
             Source.CAMPAIGN: ("kind", "scheme", "data", "register")}  # the keys at the top of `job.toml`


def placeholder_settings(kind: Kind) -> dict[str, Any]:
    """Settings that pass validation, with obvious "(…)" placeholders where staff must write."""
    starter = starter_of(kind)
    scheme = starter.scheme
    document = {"issuing_body": ["(TÊN CƠ QUAN BAN HÀNH)"], "place": "(Địa danh)", **starter.placeholders,
                "signature": {"authority": ["TM. ỦY BAN NHÂN DÂN"], "position": "(CHỨC VỤ NGƯỜI KÝ)",
                              "name": "(Họ và tên người ký)"}}
    values: dict[str, Any] = {"kind": kind.id, "scheme": f"{scheme}@{available_schemes()[scheme][-1]}",
                              "document": document}
    if kind.reports_one_unit:
        values.update(unit="(Tên đơn vị tự chấm điểm)", group="Đơn vị")
    else:
        values["groups"] = [{"name": "(Tên khối)", "title": "(TÊN BẢNG TRONG PHỤ LỤC)", "subtitle": ""}]
    return values


def settings_text(kind: Kind, values: Mapping[str, Any], source: Path | None) -> str:
    """`job.toml` with a comment line above every table and every key."""
    lines = [f"# Công việc: {kind.title}.",
             "# Mỗi mục có một dòng ghi chú (bắt đầu bằng #) ở ngay trên; xem thêm docs/inputs.md."]
    if source is None:
        lines.append("# Chữ trong ngoặc đơn, ví dụ \"(Địa danh)\", là chữ giữ chỗ: thay bằng thông tin thật.")
    else:
        lines += [f"# Các mục lấy từ công việc {source.as_posix()}; số và ngày văn bản để trống cho kỳ mới.",
                  "# Kiểm tra lại năm, kỳ đánh giá trong trích yếu và tên bảng phụ lục."]
    campaign = kind.is_campaign
    marks = _Marks(_required(kind, values.get("document", {})), placeholders=source is None,
                   comments=comments(campaign))
    top = _TOP_KEYS[kind.source]
    lines.append("")
    lines += _keys(top, {"group": "Đơn vị", **values}, "", marks)
    if "scheme_overrides" in values:
        lines += _table("scheme_overrides", values["scheme_overrides"], list(values["scheme_overrides"]), marks)
    else:
        lines += _overridable(str(values["scheme"]))
    for group in values.get("groups", []):
        lines += _table("[groups]", group, [k for k in ("name", "title", "subtitle", "labels", *HEADER_FIELDS)
                                            if k in group], marks, comment_key="groups")
    document = values.get("document", {})
    fields = [k for k in DOCUMENT_ORDER if k in document or k in document_fields(kind)]
    lines += _table("document", {**_DEFAULTS, **document}, fields, marks)
    lines += _table("document.signature", document.get("signature", {}), ["authority", "position", "name"], marks)
    if "appraisal" in values:
        lines += _table("appraisal", values["appraisal"], ["done"], marks)
    if "reports" in values:
        reports = values["reports"]
        lines += _table("reports", reports, [k for k in DOCUMENT_ORDER if k in reports], marks)
        lines += _table("reports.signature", reports.get("signature", {}), ["authority", "position", "name"], marks)
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class _Marks:
    """What a key's comment adds: required keys, and (in a job without a source) placeholders to replace."""

    required: set[str]
    placeholders: bool
    comments: Mapping[str, str]

    def comment(self, key: str) -> str:
        """A key's comment; `[reports]` says what `[document]` says of the same key."""
        if key in self.comments:
            return self.comments[key]
        return self.comments["document." + key.split(".", 1)[1]]

    def note(self, key: str, value: Any) -> str:
        note = " Bắt buộc." if key in self.required else ""
        items = value if isinstance(value, list) else [value]
        if self.placeholders and any(isinstance(v, str) and v.startswith("(") for v in items):
            note += " Thay chữ giữ chỗ trong ngoặc đơn."
        return note


def document_fields(kind: Kind) -> tuple[str, ...]:
    """The `[document]` keys a job of this kind shows: the shared ones and those of its document's shape."""
    return tuple(k for k in DOCUMENT_ORDER if setting(f"document.{k}").used_by(kind))


def starter_of(kind: Kind) -> Starter:
    """The kind's starter; a kind without one cannot be started (`start` refuses it first)."""
    if kind.starter is None:
        raise ValueError(f"init cannot start a job of kind {kind.id}")
    return kind.starter


def _required(kind: Kind, document: Mapping[str, Any]) -> set[str]:
    fields = set(kind.required_for(document.get("form", "")))
    return {"kind", "scheme", "unit", "groups.name", "document.signature.position", "document.signature.name",
            *(f"document.{f}" for f in fields)}


def _overridable(reference: str) -> list[str]:
    """The scheme's settings a job may change, written out but commented, with what the scheme says now."""
    data, _ = scheme_data(reference, SETTINGS_FILE)
    lines = ["", *_comment(COMMENTS["scheme_overrides"] + " Các giá trị dưới đây là của bộ tiêu chí; muốn đổi mục nào "
                           "thì bỏ dấu # ở đầu dòng [scheme_overrides] và ở dòng của mục đó."), "# [scheme_overrides]"]
    for key in ("decimals", "fixed_decimals", "tie_rule", "scale", "unit", "labels"):
        if key in data:
            lines += [*_comment(COMMENTS[f"scheme_overrides.{key}"]),
                      *(f"# {line}" for line in f"{key} = {_toml(data[key])}".splitlines())]
    return lines


def _table(name: str, values: Mapping[str, Any], keys: list[str], marks: _Marks,
           comment_key: str | None = None) -> list[str]:
    key = comment_key or name
    return ["", *_comment(marks.comment(key)), f"[{name}]", *_keys(keys, values, key + ".", marks)]


def _comment(text: str) -> list[str]:
    return [f"# {line}" for line in textwrap.wrap(text, 110)]


def _keys(keys: tuple[str, ...] | list[str], values: Mapping[str, Any], prefix: str, marks: _Marks) -> list[str]:
    lines = []
    for key in keys:
        value = values.get(key, "")
        comment = marks.comment(prefix + key)
        if key == "scheme":
            comment += " " + ", ".join(f"{name}@{versions[-1]}" for name, versions in available_schemes().items()) + "."
        lines += [*_comment(comment + marks.note(prefix + key, value)), f"{key} = {_toml(value)}"]
    return lines


def _toml(value: Any) -> str:
    """A TOML value: strings in double quotes, long lists one item a line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }"
    items = [_toml(v) for v in value]
    one_line = "[" + ", ".join(items) + "]"
    if len(one_line) <= 100:
        return one_line
    return "[\n" + "".join(f"  {item},\n" for item in items) + "]"

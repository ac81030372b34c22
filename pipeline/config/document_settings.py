"""The `[document]` table of `job.toml`: what the issued document says about itself.

Issuing body, number, place, date, title, Căn cứ lines, articles, recipients and the
signature block, validated against the rules of Nghị định 30/2020 that data can break
(signature prefixes, appendix numbering, dates).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from pipeline.base.errors import Problem, Reason, problem
from pipeline.config.catalogue import line_names, names_in, text_names
from pipeline.config.kinds import Form, Kind
from pipeline.config.signature_rules import AUTHORITY_FORMS, deputy_needed, form_problems, placeholder_problems
from pipeline.config.values import lines, shown, text, unknown_keys, wrong_type

AUTHORITY_PREFIXES = AUTHORITY_FORMS
NUMBERINGS = {"la-ma": "Phụ lục I, II, III", "so": "PHỤ LỤC 01, 02, 03"}
FORMS: dict[str, str] = {Form.REPORT: "báo cáo", Form.DECISION: "quyết định kèm phụ lục",
                         Form.TABLE: "bảng xếp hạng riêng"}
TEXT_FIELDS = text_names("document")  # the keys and their readers: `config.catalogue`
LIST_FIELDS = line_names("document")
DOCUMENT_FIELDS = set(names_in("document"))
SIGNATURE_FIELDS = names_in("document.signature")
# Top-level keys of job.toml, for the slip of writing one below [document] (see `values.unknown_keys`).
_ELSEWHERE = {key: "phần đầu job.toml (trên mọi dòng [bảng])" for key in ("kind", "scheme", "data", "unit", "group")}


@dataclass(frozen=True)
class Signature:
    authority: tuple[str, ...]
    position: str
    name: str


@dataclass(frozen=True)
class DocumentSettings:
    parent_body: str = ""
    issuing_body: tuple[str, ...] = ()
    number: str = ""
    symbol: str = ""
    place: str = ""
    date: date | None = None
    title: str = ""
    authority: str = ""
    issuer_name: str = ""
    bases: tuple[str, ...] = ()
    article_1: str = ""
    article_2: str = ""
    article_3: str = ""
    appendix_numbering: str = "la-ma"
    recipients: tuple[str, ...] = ()
    signature: Signature = Signature((), "", "")
    self_rating: bool = False
    form: str = ""  # one of the kind's forms; "" for its default
    template: str = ""
    intro: str = ""  # an appraisal notice's opening paragraph (`[appraisal] intro`); no other document has one


def document_from_data(data: Mapping[str, Any], kind: Kind | None, source: str, errors: list[Problem],
                       prefix: str = "document") -> DocumentSettings:
    """Validates `[document]` (or `[reports]`) for `kind` (`None`: a kind not known, checks what it can).

    Problems go to `errors` with the key that holds them.
    """
    def invalid(key: str, value: Any, expected: str) -> None:
        errors.append(problem(Reason.SETTING_INVALID, file=source, key=f"{prefix}.{key}", value=shown(value)[1:-1]
                              if isinstance(value, str) else shown(value), expected=expected))

    unknown_keys(data, DOCUMENT_FIELDS, prefix, source, errors, elsewhere=_ELSEWHERE)
    values: dict[str, Any] = {}
    refused: set[str] = set()  # keys already reported: not reported again as missing
    for key in (*TEXT_FIELDS, *LIST_FIELDS):
        count = len(errors)
        values[key] = (text if key in TEXT_FIELDS else lines)(data, key, f"{prefix}.{key}", source, errors)
        if len(errors) > count:
            refused.add(key)
    number = data.get("number", "")
    if isinstance(number, int) and not isinstance(number, bool):
        number = str(number)
    if not isinstance(number, str):
        errors.append(wrong_type(f"{prefix}.number", number, "số văn bản chỉ gồm chữ số, ví dụ \"2445\", hoặc \"\" "
                                 "nếu chưa cấp số", source))
        number = ""
    elif number.strip() and not (number.strip().isascii() and number.strip().isdigit()):
        invalid("number", number, "số văn bản chỉ gồm chữ số, hoặc \"\" nếu chưa cấp số")
        number = ""
    values["number"] = number.strip()
    when = data.get("date", "")
    if when == "":
        when = None
    elif not isinstance(when, date) or hasattr(when, "hour"):
        invalid("date", when, "ghi ngày dạng năm-tháng-ngày không có ngoặc kép, ví dụ 2021-07-06; hoặc \"\"")
        when = None
    values["date"] = when
    numbering = text(data, "appendix_numbering", f"{prefix}.appendix_numbering", source, errors, "la-ma")
    if numbering not in NUMBERINGS:
        invalid("appendix_numbering", numbering, 'ghi "la-ma" (Phụ lục I, II) hoặc "so" (PHỤ LỤC 01, 02)')
        numbering = "la-ma"
    values["appendix_numbering"] = numbering
    form = text(data, "form", f"{prefix}.form", source, errors)
    forms = kind.forms if kind is not None else {}
    if form and kind is not None and form not in forms:
        choices = " hoặc ".join(f'"{f}" ({FORMS.get(f, f)})' for f in forms)
        invalid("form", form, f"ghi {choices}" if len(forms) > 1 else f"loại văn bản này chỉ có dạng {choices}")
        form = ""
    values["form"] = form
    self_rating = data.get("self_rating", False)
    if not isinstance(self_rating, bool):
        errors.append(wrong_type(f"{prefix}.self_rating", self_rating, "true hoặc false (không có ngoặc kép)", source))
        self_rating = False
    values["self_rating"] = self_rating
    for key in kind.required_for(form) if kind is not None else ():
        if not values.get(key) and key not in refused:
            errors.append(problem(Reason.SETTING_MISSING, file=source, key=f"{prefix}.{key}"))
    values["signature"] = _signature(data.get("signature", {}), source, errors, prefix)
    if prefix in ("reports", "appraisal"):  # the wordings where "{don_vi}" stands for each unit
        for key, value in values.items():
            errors += placeholder_problems(value, file=source, key=f"{prefix}.{key}")
    return DocumentSettings(**values)


def _signature(data: Any, source: str, errors: list[Problem], prefix: str) -> Signature:
    if not isinstance(data, dict):
        errors.append(wrong_type(f"{prefix}.signature", data,
                                 f"một bảng [{prefix}.signature] có authority, position, name", source))
        return Signature((), "", "")
    unknown_keys(data, SIGNATURE_FIELDS, f"{prefix}.signature", source, errors)
    key = f"{prefix}.signature"
    authority = lines(data, "authority", f"{key}.authority", source, errors)
    errors += form_problems(authority, file=source, key=f"{key}.authority")
    position = text(data, "position", f"{key}.position", source, errors)
    if prefix != "reports" and deputy_needed(authority, position):  # a unit's report: its own signer may come later
        errors.append(problem(Reason.SIGNATURE_NOT_DEPUTY, file=source, key=f"{key}.position", value=position.upper(),
                              authority=" / ".join(authority).upper()))
    name = text(data, "name", f"{key}.name", source, errors)
    for field_name, value in (("position", position), ("name", name)):
        raw = data.get(field_name, "")
        if not value and isinstance(raw, str) and not raw.strip():  # other values are refused by `text`
            errors.append(problem(Reason.SETTING_MISSING, file=source, key=f"{key}.{field_name}"))
    return Signature(tuple(line.upper() for line in authority), position.upper(), name)


def unit_document(template: DocumentSettings, unit: str) -> DocumentSettings:
    """A batch's `[reports]` wording for one unit: "{don_vi}" → its name, "{DON_VI}" → in capitals."""
    def filled(value: Any) -> Any:
        if isinstance(value, str):
            return value.replace("{don_vi}", unit).replace("{DON_VI}", unit.upper())
        if isinstance(value, tuple):
            return tuple(filled(v) for v in value)
        if isinstance(value, Signature):
            return Signature(filled(value.authority), filled(value.position), filled(value.name))
        return value

    return replace(template, **{f.name: filled(getattr(template, f.name)) for f in fields(template)
                                if f.name != "template"})


def unit_header(document: DocumentSettings, given: tuple[tuple[str, Any], ...]) -> DocumentSettings:
    """`document` under one unit's own header and signer: (field, value) pairs of
    `campaign_settings.HEADER_FIELDS`, later pairs over earlier ones (a register's cell over its group's default)."""
    values = dict(given)
    if not values:
        return document
    signature = document.signature
    signature = Signature(values.get("signer_authority", signature.authority),
                          values.get("signer_position", signature.position), values.get("signer_name", signature.name))
    own = {key: values[key] for key in ("parent_body", "issuing_body", "symbol", "place") if key in values}
    return replace(document, **own, signature=signature)

"""What `job.toml` says about a campaign (`dot-danh-gia`) beyond its documents.

`register`: the register of units (danh mục đơn vị), one row per unit with its header and
signer; `[appraisal] done`: whether the appraised points are complete (a decision is made
from them only then), and the wording of each unit's appraisal notice (thông báo kết quả thẩm
định: issuing body, symbol, title with "{don_vi}", intro, recipients, `[appraisal.signature]`), validated
as `[document]` is, with defaults (`NOTICE_DEFAULTS`; chủ quản and place from `[document]`); and each
`[[groups]]`'s defaults for its units' report headers
(`signer_authority = ["TM. ỦY BAN NHÂN DÂN"]`, `signer_position = "CHỦ TỊCH"`, `symbol = "BC-UBND"`…),
which a register's cell overrides for one unit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from pipeline.base.errors import Problem, Reason, problem
from pipeline.base.messages_documents import NOTICE_DEFAULTS
from pipeline.config.catalogue import names_in, names_shaped
from pipeline.config.document_settings import DocumentSettings, document_from_data
from pipeline.config.kinds import Kind, Source
from pipeline.config.setting_record import LINE_SHAPES, TEXT_SHAPES
from pipeline.config.signature_rules import deputy_needed, form_problems, placeholder_problems
from pipeline.config.values import inside, lines, shown, text, unknown_keys, wrong_type

HEADER_TEXT = names_shaped("groups", TEXT_SHAPES, (Source.CAMPAIGN,))  # declared in `config.catalogue`
HEADER_LINES = names_shaped("groups", LINE_SHAPES, (Source.CAMPAIGN,))
HEADER_FIELDS = (*HEADER_TEXT, *HEADER_LINES)  # a group's defaults for its units' reports, a register's columns too
APPRAISAL_FIELDS = names_in("appraisal")
NOTICE_FIELDS = tuple(k for k in APPRAISAL_FIELDS if k != "done")  # the notice's keys, as in `[document]` (but `intro`)


def group_header(item: Mapping[str, Any], key: str, source: str, errors: list[Problem]) -> tuple[tuple[str, Any], ...]:
    """A `[[groups]]`'s defaults for its units' report headers, as (field, value) pairs; only those given."""
    found: list[tuple[str, Any]] = []
    for name in HEADER_FIELDS:
        if name not in item:
            continue
        value = (text if name in HEADER_TEXT else lines)(item, name, f"{key}.{name}", source, errors)
        errors += placeholder_problems(value, file=source, key=f"{key}.{name}")
        if name == "signer_authority" and isinstance(value, tuple):  # a list of lines (`HEADER_LINES`)
            errors += form_problems(value, file=source, key=f"{key}.{name}")
            value = tuple(line.upper() for line in value)
        if name in ("signer_position", "parent_body") and isinstance(value, str):  # one line (`HEADER_TEXT`)
            value = value.upper()
        found.append((name, value))
    return tuple(found)


def campaign_parts(data: Mapping[str, Any], kind: Kind | None, folder: Path, source: str,
                   errors: list[Problem]) -> tuple[Path | None, bool | None, DocumentSettings | None]:
    """The register's path, `[appraisal] done` (`None` when there is no `[appraisal]`) and the notice's wording
    (`None` without `[appraisal]`; chủ quản and place still to come from `[document]`: `notice_under`)."""
    campaign = kind is not None and kind.is_campaign
    for key in ("register", "appraisal"):
        if key in data and kind is not None and not campaign:
            errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=shown(data[key]).strip('"'),
                                  expected=f"loại văn bản \"{kind.id}\" không dùng mục này (chỉ dùng với kind = "
                                  "\"dot-danh-gia\"); xóa mục này"))
    register = None
    if campaign and "register" in data:
        name = text(data, "register", "register", source, errors,
                    expected='tên tệp danh mục đơn vị, ví dụ "danh-muc-don-vi.xlsx"')
        path = inside(folder, name, "register", source, errors) if name else None
        if path is not None and not path.is_file():
            errors.append(problem(Reason.REGISTER_MISSING, file=source, value=name))
        elif path is not None:
            register = path
    done = notice = None
    if campaign and "appraisal" in data:
        table = data["appraisal"]
        if not isinstance(table, dict):
            errors.append(wrong_type("appraisal", table, "một bảng [appraisal] có done = true hoặc false", source))
        else:
            unknown_keys(table, APPRAISAL_FIELDS, "appraisal", source, errors)
            done = table.get("done", False)
            if not isinstance(done, bool):
                errors.append(wrong_type("appraisal.done", done, "true hoặc false (không có ngoặc kép)", source))
                done = False
            notice = _notice(table, source, errors)
    return register, done, notice


def _notice(table: Mapping[str, Any], source: str, errors: list[Problem]) -> DocumentSettings:
    """`[appraisal]`'s notice keys validated as `[document]`'s (`document_from_data`), defaults for those left out."""
    given = {key: table[key] for key in NOTICE_FIELDS if key in table and key != "intro"}
    defaults = {key: value for key, value in NOTICE_DEFAULTS.items() if key != "intro"}
    document = document_from_data({**defaults, **given}, None, source, errors, prefix="appraisal")
    intro = text(table, "intro", "appraisal.intro", source, errors) if "intro" in table else ""
    return replace(document, intro=intro or str(NOTICE_DEFAULTS["intro"]))


def notice_under(notice: DocumentSettings | None, document: DocumentSettings) -> DocumentSettings | None:
    """The notice with what `[appraisal]` leaves to the decision's `[document]`: the chủ quản line (the authority
    that set up the council, its issuing-body lines on one line) and the place."""
    if notice is None:
        return None
    return replace(notice, parent_body=notice.parent_body or " ".join(document.issuing_body).upper(),
                   place=notice.place or document.place)


def group_signer_problems(groups: list[Any], reports: DocumentSettings | None, source: str) -> list[Problem]:
    """A "KT." line above a head's position once a group's defaults are laid over `[reports.signature]`: said at
    the group when it gives either part, else once at `[reports.signature]`."""
    if reports is None:
        return []
    found: list[Problem] = []
    for number, group in enumerate(groups, 1):
        given = dict(group.header)
        authority = given.get("signer_authority", reports.signature.authority)
        position = given.get("signer_position", reports.signature.position)
        if not deputy_needed(authority, position):
            continue
        own = "signer_position" in given or "signer_authority" in given
        key = f"groups[{number}].signer_position" if own else "reports.signature.position"
        found.append(problem(Reason.SIGNATURE_NOT_DEPUTY, file=source, key=key, value=position,
                             authority=" / ".join(authority)))
    return list(dict.fromkeys(found))

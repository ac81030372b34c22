"""What `job.toml` says about a campaign (`dot-danh-gia`) beyond its documents.

`register`: the register of units (danh mục đơn vị), one row per unit with its header and
signer; `[appraisal] done`: whether the appraised points are complete (a decision is made
from them only then); and each `[[groups]]`'s defaults for its units' report headers
(`signer_authority = ["TM. ỦY BAN NHÂN DÂN"]`, `signer_position = "CHỦ TỊCH"`, `symbol = "BC-UBND"`…),
which a register's cell overrides for one unit.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pipeline.base.errors import Problem, Reason, problem
from pipeline.config.document_settings import AUTHORITY_PREFIXES
from pipeline.config.kinds import Kind
from pipeline.config.values import inside, lines, shown, text, unknown_keys, wrong_type

HEADER_TEXT = ("parent_body", "symbol", "place", "signer_position", "signer_name")
HEADER_LINES = ("issuing_body", "signer_authority")
HEADER_FIELDS = (*HEADER_TEXT, *HEADER_LINES)  # a group's defaults for its units' reports, a register's columns too
APPRAISAL_FIELDS = ("done",)


def group_header(item: Mapping[str, Any], key: str, source: str, errors: list[Problem]) -> tuple[tuple[str, Any], ...]:
    """A `[[groups]]`'s defaults for its units' report headers, as (field, value) pairs; only those given."""
    found: list[tuple[str, Any]] = []
    for name in HEADER_FIELDS:
        if name not in item:
            continue
        value = (text if name in HEADER_TEXT else lines)(item, name, f"{key}.{name}", source, errors)
        if name == "signer_authority":
            bad = [line for line in value if not line.upper().startswith(AUTHORITY_PREFIXES)]
            for line in bad:
                errors.append(problem(Reason.SETTING_INVALID, file=source, key=f"{key}.{name}", value=line,
                                      expected="mỗi dòng thẩm quyền ký bắt đầu bằng " + ", ".join(AUTHORITY_PREFIXES)
                                      + " (chức vụ người ký ghi ở signer_position)"))
            value = tuple(line.upper() for line in value)
        if name in ("signer_position", "parent_body"):
            value = value.upper()
        found.append((name, value))
    return tuple(found)


def campaign_parts(data: Mapping[str, Any], kind: Kind | None, folder: Path, source: str,
                   errors: list[Problem]) -> tuple[Path | None, bool | None]:
    """The register's path and `[appraisal] done` (`None` when there is no `[appraisal]`)."""
    campaign = kind is not None and kind.source == "campaign"
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
    done = None
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
    return register, done

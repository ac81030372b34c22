"""`[checks]` of `job.toml`: how the numbers people typed are checked against each other (`scoring.checks`).

`decimals`: the precision, in decimals, of a criterion's points computed by its scoring rule ("Cách chấm"),
rounded half-up once (3: 84/87 × 4 = 3,862); `comments`: whether each finding is also a Word comment in the
generated report, at the criterion's rationale; `proper_names`: whether a unit name typed in capitals or without
diacritics is printed in its proper form, when one is known (`scoring.name_forms`; else only a warning).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pipeline.base.errors import Problem
from pipeline.config.values import unknown_keys, wrong_type

CHECKS_FIELDS = ("decimals", "comments", "proper_names")
MAX_DECIMALS = 6


@dataclass(frozen=True)
class ChecksSettings:
    decimals: int = 3
    comments: bool = False
    proper_names: bool = False


def checks_from_data(data: Mapping[str, Any], source: str, errors: list[Problem]) -> ChecksSettings:
    """`[checks]` read exactly, or refused with the key; absent: the defaults."""
    table = data.get("checks", {})
    if not isinstance(table, dict):
        errors.append(wrong_type("checks", table, "một bảng [checks]", source))
        return ChecksSettings()
    unknown_keys(table, CHECKS_FIELDS, "checks", source, errors)
    decimals = table.get("decimals", ChecksSettings.decimals)
    if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= MAX_DECIMALS:
        errors.append(wrong_type("checks.decimals", decimals, f"một số nguyên từ 0 đến {MAX_DECIMALS}", source))
        decimals = ChecksSettings.decimals
    comments = table.get("comments", ChecksSettings.comments)
    if not isinstance(comments, bool):
        errors.append(wrong_type("checks.comments", comments, "true hoặc false (không có ngoặc kép)", source))
        comments = False
    proper = table.get("proper_names", ChecksSettings.proper_names)
    if not isinstance(proper, bool):
        errors.append(wrong_type("checks.proper_names", proper, "true hoặc false (không có ngoặc kép)", source))
        proper = False
    return ChecksSettings(decimals, comments, proper)

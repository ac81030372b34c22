"""`[checks]` of `job.toml`: how the numbers people typed are checked against each other (`scoring.checks`).

`decimals`: the precision, in decimals, of a criterion's points computed by its scoring rule ("Cách chấm"),
rounded half-up once (3: 84/87 × 4 = 3,862); `comments`: whether each finding is also a Word comment in the
generated report, at the criterion's rationale; `total`: "as-published" keeps a declared total ("Kết quả đánh giá",
"Chỉ số CCHC") within the rounding of its parts as the result (`compute.unit_scores`), "checked" (the default)
refuses any difference; `ignore_columns`: headers of numeric columns of a unit table the job knows are not used
(else each is reported, `scoring.unused_columns`); `proper_names`: whether a unit name typed in capitals or
without diacritics is printed in its proper form, when one is known (`scoring.name_forms`; else only a warning).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pipeline.base.errors import Problem, Reason, problem
from pipeline.config.catalogue import names_in
from pipeline.config.values import unknown_keys, wrong_type

CHECKS_FIELDS = names_in("checks")  # declared in `config.catalogue`
TOTAL_RULES = ("checked", "as-published")
MAX_DECIMALS = 6


@dataclass(frozen=True)
class ChecksSettings:
    decimals: int = 3
    comments: bool = False
    proper_names: bool = False
    total: str = "checked"  # or "as-published": a declared total within the rounding of its parts is kept
    ignore_columns: tuple[str, ...] = ()  # numeric columns not used and not to be reported

    @property
    def total_as_published(self) -> bool:
        return self.total == "as-published"


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
    total = table.get("total", ChecksSettings.total)
    if total not in TOTAL_RULES:
        expected = ('"checked" (tổng ghi trong tệp phải khớp đúng) hoặc "as-published" (giữ tổng như đã công bố khi '
                    "chỉ chênh trong phạm vi làm tròn)")
        errors.append(wrong_type("checks.total", total, expected, source) if not isinstance(total, str) else
                      problem(Reason.SETTING_INVALID, file=source, key="checks.total", value=total, expected=expected))
        total = ChecksSettings.total
    ignored = table.get("ignore_columns", [])
    if not isinstance(ignored, list) or not all(isinstance(name, str) and name.strip() for name in ignored):
        errors.append(wrong_type("checks.ignore_columns", ignored, 'một danh sách tên cột, ví dụ ["Xếp hạng"]', source))
        ignored = []
    return ChecksSettings(decimals, comments, proper, str(total), tuple(name.strip() for name in ignored))

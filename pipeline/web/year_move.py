"""A job started from last year's: every year standing alone in its texts moved one year forward.

"năm 2024" becomes "năm 2025" in the title, articles, table titles; a year inside another document's number or date
("Nghị định 30/2020/NĐ-CP", "ngày 16 tháng 6 năm 2025", "15/6/2024") or a range ("2021-2025") stays, and so do
the Căn cứ lines, which cite other documents.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from typing import Any

import tomlkit

from pipeline.config.catalogue import setting
from pipeline.web.form_edit import set_value

_YEAR = re.compile(r"(?<![\d/\-.])(19\d\d|20\d\d)(?![\d/\-])")
_CITED_DATE = re.compile(r"tháng\s+\d{1,2}\s+năm\s+$", re.IGNORECASE)
_KEPT = {"bases", "template", "symbol", "number", "name", "sheet", "date", "form", "appendix_numbering"}
_TABLES = ("document", "reports", "appraisal")


def moved(text: str) -> str:
    """`text` with each year standing alone one year later."""
    def later(found: re.Match[str]) -> str:
        if _CITED_DATE.search(text[:found.start()]):
            return found.group(0)
        return str(int(found.group(0)) + 1)

    return _YEAR.sub(later, text)


def year_changes(data: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
    """(key, value, moved value) of each text of the settings `data` that moving its years changes."""
    found = []
    for key, value in _texts(data):
        new = [moved(v) for v in value] if isinstance(value, list) else moved(value)
        if new != value:
            found.append((key, value, new))
    return found


def _texts(data: Mapping[str, Any]) -> list[tuple[str, Any]]:
    places: list[tuple[str, Mapping[str, Any]]] = [(t, data[t]) for t in _TABLES if isinstance(data.get(t), dict)]
    groups = given if isinstance(given := data.get("groups"), list) else []
    places += [(f"groups[{n}]", g) for n, g in enumerate(groups, 1) if isinstance(g, dict)]
    return [(f"{prefix}.{key}", value) for prefix, table in places for key, value in table.items()
            if key not in _KEPT and (isinstance(value, str) or (isinstance(value, list)
                                     and all(isinstance(v, str) for v in value)))]


def moved_settings_text(text: str) -> str:
    """`job.toml`'s text with the years of its texts moved (`year_changes`), comments kept."""
    document = tomlkit.parse(text)
    for key, _, new in year_changes(tomllib.loads(text)):
        set_value(document, key, new)
    return tomlkit.dumps(document)


def shown_changes(data: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """The changes as a clerk reads them: (the field's label, the line before, the line after)."""
    shown = []
    for key, old, new in year_changes(data):
        label = setting(re.sub(r"\[\d+\]", "", key)).label
        group = re.match(r"groups\[(\d+)\]", key)
        table = key.split(".")[0]
        if group:
            label = f"{setting('groups').label} {group.group(1)}, {label.lower()}"
        elif table != "document":
            label = f"{setting(table).label}, {label.lower()}"
        pairs = zip(old, new, strict=True) if isinstance(old, list) else [(old, new)]
        shown += [(label, a, b) for a, b in pairs if a != b]
    return shown


def years_in(data: Mapping[str, Any]) -> list[tuple[int, int]]:
    """The years that would move, and where to: [(2024, 2025)]."""
    years = set()
    for _, value in _texts(data):
        for text in value if isinstance(value, list) else [value]:
            years |= {int(y) for y in _YEAR.findall(text) if moved(text) != text}
    return [(y, y + 1) for y in sorted(years)]

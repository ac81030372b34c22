"""How the desk's pages have the pipeline's problems said (`DESK`): with its buttons and pages, a setting named
by its field's label on the settings page rather than by its key in the settings file."""

from __future__ import annotations

import re

from pipeline.base.messages import Audience
from pipeline.web.words import FIELD_LABELS, SECTION_LABELS, SPECIFIC_LABELS, W


def setting_words(key: str) -> str:
    """`groups[2].title` → "Khối 2 › Trích yếu / tên bảng"; `document.date` → "Ngày ký"; `bases[3]` → "Căn cứ,
    dòng 3": the settings page's section (but the first two) and the field's label; an unknown key as written."""
    line = re.fullmatch(r"(.*)\[(\d+)\]", key)
    if line and not line.group(1).endswith("groups"):
        return f"{setting_words(line.group(1))}, dòng {line.group(2)}"
    group = re.match(r"groups\[(\d+)\]\.?", key)
    plain = re.sub(r"\[\d+\]", "", key)
    section, _, last = plain.rpartition(".")
    label = SPECIFIC_LABELS.get(plain) or FIELD_LABELS.get(last) or SECTION_LABELS.get(plain) or last
    if group:
        return W["section_group_n"].format(n=group.group(1)) + (f" › {label}" if key != group.group(0) else "")
    if section in ("", "document") or plain in SECTION_LABELS:
        return label
    return f"{SECTION_LABELS.get(section, section)} › {label}"


DESK = Audience(desk=True, setting=setting_words)

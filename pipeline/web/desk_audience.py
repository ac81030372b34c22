"""How the desk's pages have the pipeline's problems said (`DESK`): with its buttons and pages, a setting named
by its field's label on the settings page rather than by its key in the settings file."""

from __future__ import annotations

import re

from pipeline.base.messages import Audience
from pipeline.config.catalogue import setting
from pipeline.config.setting_record import SECTIONS
from pipeline.web.words import W

OWN_SECTIONS = {"reports": "bao-cao-don-vi", "appraisal": "tham-dinh"}


def setting_words(key: str) -> str:
    """`groups[2].title` → "Khối 2 › Tên bảng trong phụ lục"; `document.date` → "Ngày ký"; `bases[3]` → "Căn cứ,
    dòng 3": the settings page's section (but the first two) and the field's label, both from the settings'
    declaration (`config.catalogue`); an unknown key as written."""
    line = re.fullmatch(r"(.*)\[(\d+)\]", key)
    if line and not line.group(1).endswith("groups"):
        return f"{setting_words(line.group(1))}, dòng {line.group(2)}"
    group = re.match(r"groups\[(\d+)\]\.?", key)
    plain = re.sub(r"\[\d+\]", "", key)
    try:
        declared = setting(plain)
    except KeyError:
        declared = None
    label = declared.label if declared else plain.rpartition(".")[2]
    if group:
        return W.section_group_n.format(n=group.group(1)) + (f" › {label}" if key != group.group(0) else "")
    own = OWN_SECTIONS.get(plain.partition(".")[0])  # a report's or a notice's own signer, not the decision's
    if own:
        return f"{SECTIONS[own]} › {label}"
    if declared is None or declared.section in ("chung", "van-ban") or declared.shape == "table":
        return label
    return f"{SECTIONS[declared.section]} › {label}"


DESK = Audience(desk=True, setting=setting_words)

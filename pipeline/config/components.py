"""The components of a result (`[[components]]` of a scheme, of `[scheme_overrides]`), declared as data and validated.

A result adds its components in the order declared, each as it enters ("as-is", "converted" from the unit's
applicable maximum to the component's maximum, "weighted"), then bonus − penalty, rounded once (`scoring.compute`).
The first component is the main one: every group uses it, and a unit without it is not evaluated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from difflib import get_close_matches
from typing import Any

from pipeline.base.errors import Problem, Reason, problem
from pipeline.config.values import checked_text, setting_number, shown, wrong_type

ENTERS = {
    "as-is": "cộng nguyên điểm",
    "converted": "quy đổi: điểm ÷ điểm tối đa áp dụng của đơn vị × điểm tối đa của thành phần",
    "weighted": "nhân hệ số (weight)",
}
COMPONENT_FIELDS = ("id", "name", "headers", "maximum", "enters", "weight", "decimals", "printed", "phrase")
RESERVED_IDS = frozenset({
    "order", "group", "unit", "max_points", "applicable_max", "appraised_points", "survey_points", "bonus",
    "penalty", "declared_score", "reason", "note",
})  # the unit table's own columns
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@dataclass(frozen=True, slots=True)
class Component:
    """One component of the result: its identifier, printed header, the headers that mean it in a clerk's file, its
    maximum (`None`: none of its own), how it enters the result, its weight, printed decimals (`None`: as typed, one
    number of decimals down a column) and whether it is printed; `phrase` is how a sentence names it."""

    id: str
    name: str
    headers: tuple[str, ...] = ()
    maximum: Decimal | None = None
    enters: str = "as-is"
    weight: Decimal = Decimal(1)
    decimals: int | None = None
    printed: bool = True
    phrase: str = ""

    @property
    def words(self) -> str:
        """The component as a sentence names it: "điểm điều tra xã hội học"."""
        return self.phrase or self.name[:1].lower() + self.name[1:]


# A scheme that declares none: the appraised points and the survey points, as every scheme had before it could
# declare its own (the shipped schemes declare the same two).
DEFAULT_COMPONENTS = (
    Component("tham-dinh", "Tổng điểm thẩm định", (
        "Tổng điểm thẩm định các nhiệm vụ phát sinh trong năm của đơn vị", "Điểm thẩm định",
        "Điểm đánh giá trực tiếp", "Điểm thẩm định trực tiếp"), phrase="điểm thẩm định"),
    Component("dieu-tra-xhh", "Điểm điều tra xã hội học", ("Điểm điều tra XHH", "Điểm khảo sát")),
)


def components_from_data(items: Any, source: str, key: str, errors: list[Problem]) -> tuple[Component, ...]:
    """The declared components, in order; every problem is added to `errors` (the key named as `key[n].field`)."""
    if not isinstance(items, list) or not items:
        errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=_text(items),
                              expected="cần ít nhất một thành phần [[components]] có id và name"))
        return ()
    found: list[Component] = []
    for n, item in enumerate(items, 1):
        at = f"{key}[{n}]"
        if not isinstance(item, dict):
            errors.append(wrong_type(at, item, "một thành phần dạng { id = \"tham-dinh\", name = \"Điểm thẩm định\" }",
                                     source))
            continue
        component = _component(item, source, at, errors)
        if component is not None:
            found.append(component)
    ids = [item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)]
    for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
        errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=duplicate,
                              expected="mã thành phần (id) bị trùng: mỗi thành phần một mã riêng"))
    seen: dict[str, str] = {}
    for component in found:
        for header in (component.name, *component.headers):
            owner = seen.setdefault(" ".join(header.casefold().split()), component.id)
            if owner != component.id:
                errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=header,
                                      expected=f"tên cột này thuộc cả thành phần \"{owner}\" và \"{component.id}\": "
                                      "mỗi tên cột chỉ thuộc một thành phần"))
    return tuple(found)


def _component(item: Mapping[str, Any], source: str, at: str, errors: list[Problem]) -> Component | None:
    def invalid(field: str, expected: str) -> None:
        errors.append(problem(Reason.SETTING_INVALID, file=source, key=f"{at}.{field}", value=_text(item[field]),
                              expected=expected))

    count = len(errors)
    for unknown in sorted(set(item) - set(COMPONENT_FIELDS)):
        close = get_close_matches(unknown, COMPONENT_FIELDS, n=1)
        errors.append(problem(Reason.SETTING_UNKNOWN, file=source, key=f"{at}.{unknown}",
                              hint=f" Có phải ý bạn là \"{close[0]}\"?" if close else ""))
    for field in ("id", "name"):
        if field not in item:
            errors.append(problem(Reason.SETTING_MISSING, file=source, key=f"{at}.{field}"))
    ident = item.get("id", "")
    if "id" in item and (not isinstance(ident, str) or not _ID.fullmatch(ident) or ident in RESERVED_IDS):
        invalid("id", "mã thành phần viết chữ thường không dấu, nối bằng dấu gạch ngang, ví dụ \"tham-dinh\"")
    name = item.get("name", "")
    if not isinstance(name, str):
        errors.append(wrong_type(f"{at}.name", name, "tên cột đặt trong ngoặc kép", source))
        name = ""
    name = checked_text(name, f"{at}.name", source, errors)
    if "name" in item and not name and isinstance(item["name"], str):
        invalid("name", "tên cột in trong bảng kết quả không được để trống")
    headers = item.get("headers", [])
    if not isinstance(headers, list) or not all(isinstance(h, str) and h.strip() for h in headers):
        invalid("headers", "một danh sách tên cột, ví dụ [\"Điểm thẩm định\", \"Điểm đánh giá trực tiếp\"]")
        headers = []
    maximum = setting_number(item.get("maximum")) if "maximum" in item else None
    if "maximum" in item and (maximum is None or maximum <= 0):
        invalid("maximum", "điểm tối đa của thành phần là một số dương, ví dụ 62 hoặc \"9.5\"")
    enters = item.get("enters", "as-is")
    if not isinstance(enters, str) or enters not in ENTERS:
        close = get_close_matches(str(enters), list(ENTERS), n=1)
        hint = f" (có phải ý bạn là \"{close[0]}\"?)" if close else ""
        invalid("enters", "ghi \"as-is\" (cộng nguyên điểm), \"converted\" (quy đổi theo điểm tối đa áp dụng) hoặc "
                          f"\"weighted\" (nhân hệ số){hint}")
    elif enters == "converted" and maximum is None and "maximum" not in item:
        errors.append(problem(Reason.SETTING_MISSING, file=source, key=f"{at}.maximum",))
    weight = setting_number(item.get("weight", 1))
    if "weight" in item and enters in ENTERS and enters != "weighted":
        invalid("weight", "hệ số (weight) chỉ dùng với enters = \"weighted\"; xóa mục này hoặc đổi enters")
    elif weight is None or weight <= 0:
        invalid("weight", "hệ số là một số dương, ví dụ 0.5")
    decimals = item.get("decimals")
    if "decimals" in item and (not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= 6):
        invalid("decimals", "số chữ số thập phân in ra là số nguyên từ 0 đến 6")
    printed = item.get("printed", True)
    if not isinstance(printed, bool):
        invalid("printed", "ghi true (in thành một cột) hoặc false (chỉ dùng để tính, không in)")
    phrase = item.get("phrase", "")
    if not isinstance(phrase, str):
        errors.append(wrong_type(f"{at}.phrase", phrase, "một đoạn chữ đặt trong ngoặc kép", source))
        phrase = ""
    if len(errors) > count:
        return None
    return Component(id=ident, name=name, headers=tuple(checked_text(h, f"{at}.headers", source, errors)
                                                        for h in headers),
                     maximum=maximum, enters=enters, weight=weight or Decimal(1), decimals=decimals,
                     printed=printed, phrase=phrase)


def group_components(selected: Any, declared: tuple[Component, ...], source: str, key: str,
                     errors: list[Problem]) -> tuple[str, ...] | None:
    """A group's `components = [...]`: ids of the scheme's components, the main (first) one among them."""
    known = [c.id for c in declared]
    if not isinstance(selected, list) or not selected or not all(isinstance(s, str) for s in selected):
        errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=_text(selected),
                              expected=f"một danh sách mã thành phần của bộ tiêu chí, ví dụ {shown(known[:2])}"))
        return None
    count = len(errors)
    for name in selected:
        if name not in known:
            close = get_close_matches(name, known, n=1)
            errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=name,
                                  expected=f"bộ tiêu chí không có thành phần này (có: {', '.join(known)})"
                                  + (f"; có phải ý bạn là \"{close[0]}\"?" if close else "")))
    if len(set(selected)) != len(selected):
        errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=_text(selected),
                              expected="một thành phần được ghi hai lần"))
    if known and known[0] not in selected:
        errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=_text(selected),
                              expected=f"thành phần đầu tiên của bộ tiêu chí (\"{known[0]}\") là điểm chính, khối "
                              "nào cũng dùng: thêm nó vào danh sách"))
    if len(errors) > count:
        return None
    return tuple(i for i in known if i in selected)  # in the scheme's order, as the result adds them


def _text(value: Any) -> str:
    return value if isinstance(value, str) else shown(value)

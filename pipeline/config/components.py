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
from pipeline.base.messages import HINTS
from pipeline.base.messages_scheme import COMPONENT_EXPECTED as EXPECTED
from pipeline.base.messages_scheme import ENTERS
from pipeline.config.values import checked_text, setting_number, shown, wrong_type

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
                              expected=EXPECTED.none))
        return ()
    found: list[Component] = []
    for n, item in enumerate(items, 1):
        at = f"{key}[{n}]"
        if not isinstance(item, dict):
            errors.append(wrong_type(at, item, EXPECTED.item, source))
            continue
        component = _component(item, source, at, errors)
        if component is not None:
            found.append(component)
    ids = [item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)]
    for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
        errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=duplicate,
                              expected=EXPECTED.id_twice))
    seen: dict[str, str] = {}
    for component in found:
        for header in (component.name, *component.headers):
            owner = seen.setdefault(" ".join(header.casefold().split()), component.id)
            if owner != component.id:
                errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=header,
                                      expected=EXPECTED.header_twice.format(owner=owner, component=component.id)))
    return tuple(found)


def _component(item: Mapping[str, Any], source: str, at: str, errors: list[Problem]) -> Component | None:
    def invalid(field: str, expected: str) -> None:
        errors.append(problem(Reason.SETTING_INVALID, file=source, key=f"{at}.{field}", value=_text(item[field]),
                              expected=expected))

    count = len(errors)
    for unknown in sorted(set(item) - set(COMPONENT_FIELDS)):
        close = get_close_matches(unknown, COMPONENT_FIELDS, n=1)
        errors.append(problem(Reason.SETTING_UNKNOWN, file=source, key=f"{at}.{unknown}",
                              hint=HINTS.did_you_mean.format(name=close[0]) if close else ""))
    for field in ("id", "name"):
        if field not in item:
            errors.append(problem(Reason.SETTING_MISSING, file=source, key=f"{at}.{field}"))
    ident = item.get("id", "")
    if "id" in item and (not isinstance(ident, str) or not _ID.fullmatch(ident) or ident in RESERVED_IDS):
        invalid("id", EXPECTED.id)
    name = item.get("name", "")
    if not isinstance(name, str):
        errors.append(wrong_type(f"{at}.name", name, EXPECTED.name, source))
        name = ""
    name = checked_text(name, f"{at}.name", source, errors)
    if "name" in item and not name and isinstance(item["name"], str):
        invalid("name", EXPECTED.name_empty)
    headers = item.get("headers", [])
    if not isinstance(headers, list) or not all(isinstance(h, str) and h.strip() for h in headers):
        invalid("headers", EXPECTED.headers)
        headers = []
    maximum = setting_number(item.get("maximum")) if "maximum" in item else None
    if "maximum" in item and (maximum is None or maximum <= 0):
        invalid("maximum", EXPECTED.maximum)
    enters = item.get("enters", "as-is")
    if not isinstance(enters, str) or enters not in ENTERS:
        close = get_close_matches(str(enters), list(ENTERS), n=1)
        invalid("enters",
                EXPECTED.enters.format(hint=EXPECTED.enters_hint.format(name=close[0]) if close else ""))
    elif enters == "converted" and maximum is None and "maximum" not in item:
        errors.append(problem(Reason.SETTING_MISSING, file=source, key=f"{at}.maximum",))
    weight = setting_number(item.get("weight", 1))
    if "weight" in item and enters in ENTERS and enters != "weighted":
        invalid("weight", EXPECTED.weight_unused)
    elif weight is None or weight <= 0:
        invalid("weight", EXPECTED.weight)
    decimals = item.get("decimals")
    if "decimals" in item and (not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= 6):
        invalid("decimals", EXPECTED.decimals)
    printed = item.get("printed", True)
    if not isinstance(printed, bool):
        invalid("printed", EXPECTED.printed)
    phrase = item.get("phrase", "")
    if not isinstance(phrase, str):
        errors.append(wrong_type(f"{at}.phrase", phrase, EXPECTED.phrase, source))
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
                              expected=EXPECTED.group.format(example=shown(known[:2]))))
        return None
    count = len(errors)
    for name in selected:
        if name not in known:
            close = get_close_matches(name, known, n=1)
            errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=name,
                                  expected=EXPECTED.group_unknown.format(known=", ".join(known))
                                  + (EXPECTED.group_unknown_hint.format(name=close[0]) if close else "")))
    if len(set(selected)) != len(selected):
        errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=_text(selected),
                              expected=EXPECTED.group_twice))
    if known and known[0] not in selected:
        errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=_text(selected),
                              expected=EXPECTED.group_main.format(main=known[0])))
    if len(errors) > count:
        return None
    return tuple(i for i in known if i in selected)  # in the scheme's order, as the result adds them


def _text(value: Any) -> str:
    return value if isinstance(value, str) else shown(value)

"""Evaluation schemes: labels, bounds, precision and tie rule, as versioned data files.

A scheme lives in `pipeline/config/schemes/<id>/<version>.toml`. A job names it as `"<id>"` (the
newest version) or `"<id>@<version>"`, and may override any field; a group may override
the labels. Everything is validated here, so later stages can trust the values.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from difflib import get_close_matches
from importlib import resources
from itertools import pairwise
from typing import Any

from pipeline.base.errors import InputErrors, Problem, Reason, problem
from pipeline.base.messages import HINTS
from pipeline.base.messages_scheme import SCHEME_EXPECTED, TIE_RULES, UNITS
from pipeline.config.components import DEFAULT_COMPONENTS, Component, components_from_data
from pipeline.config.values import checked_text, setting_number, shown, wrong_type

SCHEME_FIELDS = {
    "id", "version", "name", "decimals", "fixed_decimals", "tie_rule", "scale", "labels",
    "conditions", "unit", "components",
}


@dataclass(frozen=True)
class Label:
    """A classification label and its inclusive lower bound (`None` for the lowest label)."""

    name: str
    minimum: Decimal | None


@dataclass(frozen=True)
class Condition:
    """An extra requirement for a label; a unit that fails it gets the next label down.

    `min_field_percent`: every field (lĩnh vực) at least this percentage of its maximum.
    `no_penalty`: no penalty points (điểm trừ).
    """

    label: str
    min_field_percent: Decimal | None = None
    no_penalty: bool = False


@dataclass(frozen=True)
class Scheme:
    id: str
    version: str
    name: str
    decimals: int
    fixed_decimals: bool
    tie_rule: str
    scale: Decimal
    labels: tuple[Label, ...]
    conditions: tuple[Condition, ...]
    unit: str = "điểm"  # "%": scores are percentages ("96,85%", the column "Tỷ lệ đạt")
    components: tuple[Component, ...] = DEFAULT_COMPONENTS  # what the result adds, in order (`config.components`)

    @property
    def percent(self) -> bool:
        return self.unit == "%"

    @property
    def reference(self) -> str:
        return f"{self.id}@{self.version}"


def available_schemes() -> dict[str, list[str]]:
    """Scheme ids with their versions, oldest first."""
    root = resources.files("pipeline.config") / "schemes"
    found: dict[str, list[str]] = {}
    for folder in sorted(root.iterdir(), key=lambda p: p.name):
        if folder.is_dir():
            versions = sorted(f.name[:-5] for f in folder.iterdir() if f.name.endswith(".toml"))
            if versions:
                found[folder.name] = versions
    return found


def scheme_data(reference: str, source: str) -> tuple[dict[str, Any], str]:
    """The raw fields of a shipped scheme and the file they came from.

    Raises `InputErrors` for an unknown scheme or version, naming those that exist.
    """
    scheme_id, _, version = reference.partition("@")
    known = available_schemes()
    if scheme_id not in known:
        raise InputErrors([problem(Reason.UNKNOWN_SCHEME, file=source, value=reference,
                                   known=", ".join(known))])
    versions = known[scheme_id]
    version = version or versions[-1]
    if version not in versions:
        raise InputErrors([problem(Reason.UNKNOWN_SCHEME_VERSION, file=source, value=version,
                                   scheme=scheme_id, known=", ".join(versions))])
    path = resources.files("pipeline.config") / "schemes" / scheme_id / f"{version}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8")), f"pipeline/config/schemes/{scheme_id}/{version}.toml"


def scheme_from_data(data: Mapping[str, Any], source: str, overridden: frozenset[str] = frozenset(),
                     overrides_source: str | None = None) -> Scheme:
    """Validates scheme fields and builds the `Scheme`; every problem is reported at once.

    `source` is the scheme file. Keys in `overridden` came from the job's `[scheme_overrides]`: they are reported as
    `scheme_overrides.<key>`, in `overrides_source` (the job's settings file) when given.
    """
    errors: list[Problem] = []

    def named(key: str) -> str:
        return f"scheme_overrides.{key}" if key in overridden else key

    def file_of(key: str) -> str:
        return overrides_source if overrides_source and key in overridden else source

    def invalid(key: str, value: Any, expected: str) -> None:
        errors.append(problem(Reason.SETTING_INVALID, file=file_of(key), key=named(key), value=_show(value),
                              expected=expected))

    for key in sorted(set(data) - SCHEME_FIELDS):
        errors.append(problem(Reason.SETTING_UNKNOWN, file=file_of(key), key=key))
    for key in ("id", "version", "decimals", "tie_rule", "labels"):
        if key not in data:
            errors.append(problem(Reason.SETTING_MISSING, file=source, key=key))
    decimals = data.get("decimals", 2)
    if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= 6:
        invalid("decimals", decimals, SCHEME_EXPECTED.decimals)
        decimals = 2
    fixed = data.get("fixed_decimals", True)  # one number of decimals down a column: "86,20" beside "90,25"
    if not isinstance(fixed, bool):
        invalid("fixed_decimals", fixed, SCHEME_EXPECTED.fixed_decimals)
    tie_rule = data.get("tie_rule", "dong-hang")
    if not isinstance(tie_rule, str) or tie_rule not in TIE_RULES:
        invalid("tie_rule", tie_rule, SCHEME_EXPECTED.tie_rule)
    scale = _decimal(data.get("scale", 100))
    if scale is None or scale <= 0:
        invalid("scale", data.get("scale"), SCHEME_EXPECTED.scale)
        scale = Decimal(100)
    unit = data.get("unit", "điểm")
    if not isinstance(unit, str) or unit not in UNITS:
        invalid("unit", unit, SCHEME_EXPECTED.unit)
        unit = "điểm"
    name = data.get("name", data.get("id", ""))
    if not isinstance(name, str):
        errors.append(wrong_type(named("name"), name, SCHEME_EXPECTED.name, file_of("name")))
    else:
        name = checked_text(name, named("name"), file_of("name"), errors)
    labels = labels_from_data(data.get("labels", []), file_of("labels"), named("labels"), errors, allow_empty=True)
    conditions = _conditions(data.get("conditions", []), labels, file_of("conditions"), errors, named("conditions"))
    components: tuple[Component, ...] = DEFAULT_COMPONENTS
    if "components" in data:
        components = components_from_data(data["components"], file_of("components"), named("components"), errors)
    if errors:
        raise InputErrors(errors)
    return Scheme(
        id=str(data["id"]), version=str(data["version"]), name=name,
        decimals=decimals, fixed_decimals=bool(fixed), tie_rule=str(tie_rule), scale=scale,
        labels=labels, conditions=conditions, unit=unit, components=components,
    )


def labels_from_data(items: Any, source: str, key: str, errors: list[Problem],
                     allow_empty: bool = False) -> tuple[Label, ...]:
    """Labels, highest first: bounds strictly decreasing, the last one without a bound.

    With `allow_empty` (a scheme's own labels), `[]` means rank only: no unit gets a label.
    """
    def invalid(expected: str, value: Any = items) -> None:
        errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=_show(value),
                              expected=expected))

    if isinstance(items, list) and not items and allow_empty:
        return ()
    if not isinstance(items, list) or not items:
        invalid(SCHEME_EXPECTED.labels)
        return ()
    labels: list[Label] = []
    unreadable = False  # a bound that is not a number: the checks of the bounds would only repeat it
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            errors.append(wrong_type(f"{key}[{n}]", item, SCHEME_EXPECTED.label, source))
            continue
        for unknown in sorted(set(item) - {"name", "min"}):
            close = get_close_matches(unknown, ["name", "min"], n=1)
            errors.append(problem(Reason.SETTING_UNKNOWN, file=source, key=f"{key}[{n}].{unknown}",
                                  hint=HINTS.did_you_mean.format(name=close[0]) if close else ""))
        if not isinstance(item.get("name", ""), str):
            errors.append(wrong_type(f"{key}[{n}].name", item["name"], SCHEME_EXPECTED.label_name, source))
            continue
        name = checked_text(item.get("name", ""), f"{key}[{n}].name", source, errors)
        if not name:
            if not str(item.get("name", "")).strip():
                invalid(SCHEME_EXPECTED.label_unnamed.format(n=n), item)
            continue
        minimum = None
        if "min" in item:
            minimum = _decimal(item["min"])
            if minimum is None:
                unreadable = True
                invalid(SCHEME_EXPECTED.label_minimum.format(name=name), item["min"])
        labels.append(Label(name, minimum))
    names = [label.name for label in labels]
    if len(set(names)) != len(names):
        invalid(SCHEME_EXPECTED.labels_twice)
    bounds = [label.minimum for label in labels[:-1]]
    if unreadable:
        pass
    elif any(b is None for b in bounds):
        invalid(SCHEME_EXPECTED.labels_unbounded)
    elif any(a <= b for a, b in pairwise(bounds) if a is not None and b is not None):  # (a None is refused above)
        invalid(SCHEME_EXPECTED.labels_order)
    if labels and labels[-1].minimum is not None:
        invalid(SCHEME_EXPECTED.last_label.format(name=labels[-1].name))
    return tuple(labels)


def _conditions(items: Any, labels: tuple[Label, ...], source: str, errors: list[Problem],
                key: str = "conditions") -> tuple[Condition, ...]:
    if not isinstance(items, list):
        errors.append(problem(Reason.SETTING_INVALID, file=source, key=key,
                              value=_show(items), expected=SCHEME_EXPECTED.conditions))
        return ()
    names = {label.name for label in labels}
    if items and not labels:
        errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=_show(items),
                              expected=SCHEME_EXPECTED.conditions_unlabelled))
        return ()
    conditions = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("label"), str) or item["label"] not in names \
                or not set(item) <= {
            "label", "min_field_percent", "no_penalty"
        }:
            errors.append(problem(
                Reason.SETTING_INVALID, file=source, key=key, value=_show(item),
                expected=SCHEME_EXPECTED.condition,
            ))
            continue
        percent = _decimal(item["min_field_percent"]) if "min_field_percent" in item else None
        no_penalty = item.get("no_penalty", False)
        if ("min_field_percent" in item and (percent is None or not 0 <= percent <= 100)) \
                or not isinstance(no_penalty, bool):
            errors.append(problem(Reason.SETTING_INVALID, file=source, key=key, value=_show(item),
                                  expected=SCHEME_EXPECTED.condition_values))
            continue
        conditions.append(Condition(item["label"], percent, no_penalty))
    return tuple(conditions)


_decimal = setting_number


def _show(value: Any) -> str:
    return shown(value) if not isinstance(value, str) else value

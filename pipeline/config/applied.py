"""The scheme a job applies, stated in full: after `[scheme_overrides]` and each group's own labels.

`applied_record` goes into `manifest.json` (exact values, as text for bounds), `applied_lines`
into the run summary, so the people who sign a decision see the rules that made it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pipeline.base.formatting import number
from pipeline.base.messages_scheme import APPLIED
from pipeline.config.components import DEFAULT_COMPONENTS, Component
from pipeline.config.job_settings import JobSettings
from pipeline.config.scheme import TIE_RULES, Label


def applied_record(settings: JobSettings) -> dict[str, Any]:
    """The scheme as applied, for `manifest.json`."""
    scheme = settings.scheme
    return {
        "id": scheme.id, "version": scheme.version, "name": scheme.name,
        "decimals": scheme.decimals, "fixed_decimals": scheme.fixed_decimals, "tie_rule": scheme.tie_rule,
        "scale": str(scheme.scale), "unit": scheme.unit, "labels": _labels(scheme.labels),
        "conditions": [{"label": c.label, "min_field_percent": _text(c.min_field_percent), "no_penalty": c.no_penalty}
                       for c in scheme.conditions],
        "overridden": list(settings.scheme_overrides),
        "group_labels": {g.name: _labels(g.labels) for g in settings.groups if g.labels is not None},
        "components": [{"id": c.id, "name": c.name, "headers": list(c.headers), "maximum": _text(c.maximum),
                        "enters": c.enters, "weight": str(c.weight), "decimals": c.decimals, "printed": c.printed}
                       for c in scheme.components],
        "group_components": {g.name: list(g.components) for g in settings.groups if g.components is not None},
    }


def applied_lines(settings: JobSettings) -> list[str]:
    """The scheme as applied, in a few Vietnamese lines for the run summary."""
    scheme = settings.scheme
    kept = APPLIED.kept if scheme.fixed_decimals else APPLIED.dropped
    lines = [APPLIED.rounding.format(decimals=scheme.decimals, kept=kept, tie_rule=TIE_RULES[scheme.tie_rule],
                                        scale=number(scheme.scale)) + (APPLIED.percent if scheme.percent else "."),
             APPLIED.labels.format(bounds=bounds_text(scheme.labels)) if scheme.labels else APPLIED.no_labels]
    for condition in scheme.conditions:
        needs = []
        if condition.min_field_percent is not None:
            needs.append(APPLIED.field_percent.format(percent=number(condition.min_field_percent)))
        if condition.no_penalty:
            needs.append(APPLIED.no_penalty)
        lines.append(APPLIED.condition.format(label=condition.label, needs=", ".join(needs) or APPLIED.no_needs))
    if scheme.components != DEFAULT_COMPONENTS:  # the usual two (appraised and survey points) go without saying
        lines.append(APPLIED.components.format(components="; ".join(_component_text(c) for c in scheme.components)))
    names = {c.id: c.name for c in scheme.components}
    lines += [APPLIED.group_components.format(group=g.name, components=", ".join(names[c] for c in g.components))
              for g in settings.groups if g.components is not None]
    if settings.scheme_overrides:
        lines.append(APPLIED.overridden.format(keys=", ".join(settings.scheme_overrides)))
    return lines


def _component_text(component: Component) -> str:
    """"Chỉ số SIPAS (tối đa 10, nhân hệ số 0,1, không in)"."""
    how = {"as-is": "", "converted": APPLIED.converted,
           "weighted": APPLIED.weighted.format(weight=number(component.weight))}[component.enters]
    parts = [*([APPLIED.maximum.format(maximum=number(component.maximum))] if component.maximum is not None else []),
             *([how] if how else []), *([] if component.printed else [APPLIED.not_printed])]
    return component.name + (f" ({', '.join(parts)})" if parts else "")


def bounds_text(labels: tuple[Label, ...]) -> str:
    """"Rất tốt từ 90; Tốt từ 80 đến dưới 90; …; Yếu dưới 50"."""
    parts = []
    for index, label in enumerate(labels):
        upper = labels[index - 1].minimum if index else None
        if label.minimum is None:
            below = labels[index - 1].minimum if index else None
            parts.append(APPLIED.below.format(label=label.name, bound=number(below)) if below is not None
                         else APPLIED.any.format(label=label.name))
        elif upper is None:
            parts.append(APPLIED.from_bound.format(label=label.name, bound=number(label.minimum)))
        else:
            parts.append(APPLIED.between.format(label=label.name, bound=number(label.minimum), upper=number(upper)))
    return "; ".join(parts)


def _labels(labels: tuple[Label, ...] | None) -> list[dict[str, Any]]:
    return [{"name": label.name, "min": _text(label.minimum)} for label in labels or ()]


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)

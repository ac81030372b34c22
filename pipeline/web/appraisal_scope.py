"""Who may appraise which unit, whose assignment names what, and the order of the campaign's phases."""

from __future__ import annotations

from collections.abc import Mapping

from pipeline.store.records import Entry, Role
from pipeline.web.roles import Visitor

# (phase now, the secretariat's button) → the phase it opens; the words of each button are `W["ap_" + button]`
MOVES = {
    ("self", "open_appraisal"): "appraisal",
    ("appraisal", "open_explanation"): "explanation",
    ("appraisal", "close_without_explanation"): "final",
    ("explanation", "close_explanation"): "final",
}
MAX_TEXT = 4000  # characters of a comment or an explanation


def may_appraise(visitor: Visitor, job: str, unit: str, group: str) -> bool:
    """The secretariat appraises every unit; an appraiser the units assigned to it by name or by group."""
    if visitor.secretariat:
        return True
    account = visitor.account
    return visitor.role is Role.APPRAISER and account is not None and account.job == job \
        and bool({unit, group} & set(account.assigned))


def appraised_units(visitor: Visitor, job: str, groups: Mapping[str, str], submitted: set[str]) -> list[str]:
    """The submitted units of the register (`groups`: unit → group, in its order) `visitor` may appraise."""
    return [unit for unit, group in groups.items() if unit in submitted and may_appraise(visitor, job, unit, group)]


def unknown_assignments(names: list[str], groups: Mapping[str, str]) -> list[str]:
    """The names typed in an assignment that are neither a unit nor a group of the register."""
    known = {*groups, *groups.values()}
    return [name for name in names if name not in known]


def is_appraised(entry: Entry | None) -> bool:
    return entry is not None and entry.appraised_points is not None

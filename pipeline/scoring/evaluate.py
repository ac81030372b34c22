"""The four stages in order — normalise → compute → rank → classify — over a job's sheets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from pipeline.base.errors import InputErrors, Problem, Reason
from pipeline.config.job_settings import JobSettings
from pipeline.config.scheme import Label
from pipeline.read.columns import unit_table
from pipeline.read.sheet import Sheet
from pipeline.scoring.campaign import UnitReport, assessed_units, campaign_table, campaign_unit_row
from pipeline.scoring.checks import applied_rules, criteria_findings
from pipeline.scoring.classify import label_counts, unit_label
from pipeline.scoring.compute import (
    CriteriaTotals,
    kept_as_published,
    report_unit,
    report_unit_row,
    rolled_up_criteria,
    unit_result,
    unit_scores,
)
from pipeline.scoring.header_checks import unread_columns
from pipeline.scoring.normalise import normalise_criteria, normalise_units
from pipeline.scoring.rank import places_within_groups, tied_units
from pipeline.scoring.register import Registered
from pipeline.scoring.result import JobResult
from pipeline.scoring.unit import Unit


def evaluate(settings: JobSettings, sheets: list[Sheet]) -> JobResult:
    """The job's result; raises `InputErrors` with every problem found.

    A campaign with a register of units is the flow's to compute (`flow.check_job`): its units are named, grouped
    and completed by the register, which this function, given the data sheets only, does not read; here its
    tables are read as a campaign without a register (the tests use that for the contexts of its reports)."""
    problems: list[Problem] = []
    criteria: list[dict[str, Any]] | None = None
    totals: CriteriaTotals | None = None
    units: Sequence[Mapping[str, Any]] | None
    reports: list[UnitReport] = []
    findings: list[Problem] = []
    unread: list[Problem] = []  # numeric columns not used: warnings
    kind = settings.kind_record
    if kind.reports_one_unit:
        criteria, found = normalise_criteria(sheets)
        problems += found
        criteria, found = applied_rules(criteria, settings.checks.decimals)
        problems += found
        criteria, totals, found = rolled_up_criteria(criteria)
        problems += found
        findings = criteria_findings(criteria, settings.checks.decimals) if not problems else []
        units = report_unit(settings.unit, settings.groups[0].name, totals) if totals else None
    elif kind.is_campaign:
        reports, found, _ = assessed_units(settings, sheets)
        problems += found
        units, found = campaign_table(settings, reports, problems)
        problems += found
        findings = [f for report in reports for f in report.findings]
    else:
        units, found = normalise_units(sheets, settings.groups, settings.scheme.scale, settings.scheme.components,
                                       settings.checks.ignore_columns)
        problems += found
        found, unread = unread_columns(sheets, unit_table(settings.scheme.components), settings.checks.ignore_columns)
        problems += found
    result = scored(settings, units, problems, criteria, totals, tuple(reports))
    if unread:
        result = replace(result, warnings=(*unread, *result.warnings))
    return replace(result, findings=tuple(findings)) if findings else result


def scored(settings: JobSettings, units: Sequence[Mapping[str, Any]] | None, problems: list[Problem],
           criteria: list[dict[str, Any]] | None = None, totals: CriteriaTotals | None = None,
           reports: tuple[UnitReport, ...] = ()) -> JobResult:
    """Compute, rank, classify `units`; raises `InputErrors` with `problems` and every new one."""
    computed: list[Unit] | None = None
    if units is not None:
        computed, found = unit_scores(units, settings.scheme, settings.checks.total_as_published)
        refused = {(p.file, p.sheet, p.row) for p in problems if p.reason in _FORMULA_REFUSALS}
        problems = [*problems, *(p for p in found if not (p.reason is Reason.TOTAL_MISMATCH
                                                          and (p.file, p.sheet, p.row) in refused))]
    if problems or computed is None:
        raise InputErrors(sorted(dict.fromkeys(problems), key=_place))
    group_order = [g.name for g in settings.groups]
    labels = _group_labels(settings)
    # ranked (`ranked_within_groups`) and classified (`classified`) in one copy of each unit, not two
    labelled = [unit.updated(rank=rank, position=position, label=unit_label(unit, settings.scheme, labels))
                for unit, rank, position in places_within_groups(computed, group_order, settings.scheme.tie_rule)]
    counts = label_counts(labelled, settings.scheme, labels, group_order)
    index = next((unit.index for unit in computed if unit.index), "")  # an index-only table (`Located.index`)
    return JobResult(settings, labelled, counts, criteria, totals, reports, tuple(tied_units(labelled)),
                     warnings=tuple(kept_as_published(labelled, settings.scheme)), score_name=index)


def unit_score(settings: JobSettings, report: UnitReport) -> dict[str, Any]:
    """One campaign unit's score and label, as its own report states them (no rank: that needs the others)."""
    unit = report_unit_row(report.unit, report.group, report.totals)
    unit |= unit_result(Unit.of(unit, settings.scheme.components), settings.scheme, [])
    return unit | {"label": unit_label(Unit.of(unit), settings.scheme, _group_labels(settings))}


def appraised_score(settings: JobSettings, report: UnitReport, entry: Registered | None) -> dict[str, Any]:
    """One campaign unit's appraised result and label as the decision computes them (the register's survey, bonus
    and penalty over the table's), for its appraisal notice; no rank: that needs the others."""
    unit = campaign_unit_row(settings, report, entry)
    unit |= unit_result(Unit.of(unit, settings.scheme.components), settings.scheme, [])
    return unit | {"label": unit_label(Unit.of(unit), settings.scheme, _group_labels(settings))}


def _group_labels(settings: JobSettings) -> dict[str, tuple[Label, ...]]:
    return {g.name: g.labels for g in settings.groups if g.labels}


# A row refused for its group's formula: its total, computed from other components than the group's, is no second
# mistake to report.
_FORMULA_REFUSALS = frozenset({Reason.COMPONENT_MISSING, Reason.COMPONENT_UNUSED, Reason.FORMULA_UNDECIDED})


def _place(found: Problem) -> tuple[str, str, int]:
    return (found.file or "", found.sheet or "", found.row or 0)

"""A batch (đợt đánh giá): many units' criteria tables → one report each, and the decision.

Each sheet that holds a criteria table is one unit's self-assessment; the lines above its
header name the unit and its group ("Đơn vị: UBND xã Hương Toàn", "Khối: UBND các xã,
phường"). Every table is rolled up on its own; its total becomes the unit's row of the
decision's appendix (points and maximum from the same numbers the unit's report shows),
then the units are ranked and classified as in any decision.

Tables are assessed on their own (`assessed_units`, one file at a time in parallel during a
run) and checked together afterwards (`campaign_table`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pipeline.base.errors import Problem, Reason, problem
from pipeline.base.messages import HINTS
from pipeline.config.job_settings import JobSettings
from pipeline.read.columns import CRITERIA_TABLE
from pipeline.read.sheet import Sheet
from pipeline.scoring.cells import clean_text, control_characters, without_controls
from pipeline.scoring.compute import CriteriaTotals, report_unit_row, rolled_up_criteria
from pipeline.scoring.normalise import normalise_criteria
from pipeline.scoring.tables import locate_tables

UNIT_LABELS = ("đơn vị", "tên đơn vị", "cơ quan, đơn vị")
GROUP_LABELS = ("khối", "nhóm", "khối, nhóm")


@dataclass(frozen=True, slots=True)
class UnitReport:
    """One unit of a batch: where its table is, its group, its report's rows and totals."""

    unit: str
    group: str
    file: str
    sheet: str | None
    criteria: list[dict[str, Any]] | None  # dropped once the report is rendered (a campaign keeps only its totals)
    totals: CriteriaTotals


def assessed_units(settings: JobSettings, sheets: list[Sheet]) -> tuple[list[UnitReport], list[Problem]]:
    """Each criteria table of `sheets` as one unit, rolled up on its own, and every problem.

    Tables are independent of each other, so the files of a campaign can be assessed
    apart (in parallel); `campaign_table` then checks them together.
    """
    tables, problems = locate_tables(sheets, CRITERIA_TABLE)
    reports: list[UnitReport] = []
    for table in tables:
        sheet = table.sheet
        where = {"file": sheet.file, "sheet": sheet.name}
        unit = _labelled(sheet, table.header_row, UNIT_LABELS, problems)
        group = _group(settings, sheet, table.header_row, where, problems)
        if not unit:
            problems.append(problem(Reason.UNIT_NAME_MISSING, **where))
        criteria, found = normalise_criteria([sheet])
        problems += found
        criteria, totals, found = rolled_up_criteria(criteria)
        problems += found
        if unit and group is not None and totals is not None and not found:
            reports.append(UnitReport(unit, group, sheet.file, sheet.name, criteria, totals))
    return reports, problems


def campaign_table(settings: JobSettings, reports: list[UnitReport],
                   problems: list[Problem]) -> tuple[list[dict[str, Any]] | None, list[Problem]]:
    """The assessed units in the shape `unit_scores` reads, with the checks across tables.

    A unit may have one table only; a group of the job must have a unit (checked only when
    nothing else is wrong: a refused table may be the group's only unit).
    """
    found: list[Problem] = []
    rows: list[dict[str, Any]] = []
    seen: dict[tuple[str, str], str] = {}
    for report in reports:
        key = (report.group, report.unit.casefold())
        if key in seen:
            found.append(problem(Reason.DUPLICATE_UNIT_TABLE, file=report.file, sheet=report.sheet,
                                 value=report.unit, group=report.group, first=seen[key]))
            continue
        seen[key] = _place(report.file, report.sheet)
        rows.append(report_unit_row(report.unit, report.group, report.totals) | {"file": report.file,
                                                                                  "sheet": report.sheet})
    if reports and not problems and not found:
        found += [problem(Reason.EMPTY_GROUP, file="job.toml", value=group.name) for group in settings.groups
                  if not any(r.group == group.name for r in reports)]
    return (rows or None), found


def _labelled(sheet: Sheet, header_row: int, labels: tuple[str, ...], problems: list[Problem]) -> str:
    """The text after "Đơn vị:" (in the same cell or the next) in the rows above the header.

    An invisible control character in it is refused (it would reach the documents), then left out.
    """
    for number, row in enumerate(sheet.rows[:header_row], 1):
        cells = [clean_text(c) for c in row]
        for i, cell in enumerate(cells):
            match = re.match(r"^([^:]+):\s*(.*)$", cell)
            if match and match.group(1).strip().casefold() in labels:
                source = i if match.group(2).strip() else next((j for j in range(i + 1, len(cells)) if cells[j]), i)
                codes = control_characters(row[source])  # from the cell itself: clean_text trims some off the ends
                if codes:
                    problems.append(problem(Reason.CONTROL_CHARACTER, file=sheet.file, sheet=sheet.name, row=number,
                                            value=clean_text(without_controls(row[source])), codes=codes))
                value = match.group(2).strip() if source == i else cells[source]
                return clean_text(without_controls(value))
    return ""


def _group(settings: JobSettings, sheet: Sheet, header_row: int, where: dict[str, Any],
           problems: list[Problem]) -> str | None:
    named = _labelled(sheet, header_row, GROUP_LABELS, problems)
    if not named and len(settings.groups) == 1:
        return settings.groups[0].name
    group = settings.group_named(named) if named else None
    if group is None:
        known = ", ".join(f'"{g.name}"' for g in settings.groups)
        hint = "" if named else HINTS["group_line"]
        problems.append(problem(Reason.UNKNOWN_GROUP, **where, value=named, known=known, hint=hint))
        return None
    return group.name


def _place(file: str, sheet: str | None) -> str:
    return f'{file}, trang "{sheet}"' if sheet else file

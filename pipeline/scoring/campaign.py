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
import unicodedata
from dataclasses import dataclass
from typing import Any

from pipeline.base.errors import Problem, Reason, problem
from pipeline.base.messages import HINTS
from pipeline.config.job_settings import JobSettings
from pipeline.read.columns import CRITERIA_TABLE
from pipeline.read.sheet import Sheet
from pipeline.scoring.cells import clean_text, control_characters, first_difference, without_controls
from pipeline.scoring.checks import applied_rules, criteria_findings
from pipeline.scoring.compute import CriteriaTotals, report_unit_row, rolled_up_criteria
from pipeline.scoring.formula import campaign_members, formula_problems
from pipeline.scoring.normalise import normalise_criteria
from pipeline.scoring.register import Registered, closest_registered, registered_as
from pipeline.scoring.tables import locate_tables, too_long
from pipeline.scoring.unit import Unit

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
    totals: CriteriaTotals  # self-assessed (Điểm tự chấm)
    appraised: CriteriaTotals | None = None  # Điểm thẩm định rolled up the same way; `None` while not appraised
    findings: tuple[Problem, ...] = ()  # what its typed numbers disagree on (`scoring.checks`), kept after rendering


def assessed_units(settings: JobSettings, sheets: list[Sheet],
                   register: dict[str, list[Registered]] | None = None
                   ) -> tuple[list[UnitReport], list[Problem], list[str]]:
    """Each criteria table of `sheets` as one unit, rolled up on its own, every problem, and the registered
    names of the units whose tables were found (refused ones too: they are not missing from the campaign).

    Tables are independent of each other, so the files of a campaign can be assessed
    apart (in parallel); `campaign_table` then checks them together. With a register (`by_name`),
    a unit is named and grouped as its row says, and a table of a unit not in it is refused.
    """
    tables, problems = locate_tables(sheets, CRITERIA_TABLE)
    reports: list[UnitReport] = []
    named: list[str] = []
    for table in tables:
        sheet = table.sheet
        where = {"file": sheet.file, "sheet": sheet.name}
        before = len(problems)
        unit = _labelled(sheet, table.header_row, UNIT_LABELS, problems)
        entry = None
        if register is None:
            group = _group(settings, sheet, table.header_row, where, problems)
        else:
            entry = registered_as(register, unit) if unit else None
            if unit and entry is None:
                close = closest_registered(tuple(r for same in register.values() for r in same), unit)
                problems.append(problem(Reason.UNREGISTERED_UNIT, **where, value=unit,
                                        register=_register_name(settings),
                                        hint=f' ("{close}")' if close else "", **_lookalike(unit, close)))
            group, unit = (entry.group, entry.unit) if entry else (None, unit)
            if entry:
                named.append(entry.unit)
                problems += _group_line_disagrees(settings, sheet, table.header_row, entry, where)
        if not unit:
            problems.append(problem(Reason.UNIT_NAME_MISSING, **where))
        criteria, found = normalise_criteria([sheet])
        problems += found
        criteria, found = applied_rules(criteria, settings.checks.decimals)
        problems += found
        criteria, totals, found = rolled_up_criteria(criteria)
        appraised = None
        if settings.appraisal_done is not None and totals is not None:
            criteria, appraised, more = _appraised(criteria, settings.appraisal_done, where)
            found += [p for p in more if p not in found]  # a wrong maximum or code is said once, not per tree
        problems += found
        if entry is not None and entry.reason and any(p.reason is Reason.NO_POINTS for p in problems[before:]):
            del problems[before:]  # the blank table `init` made of a unit not evaluated: said once, not per cell
            problems.append(problem(Reason.NOT_EVALUATED_BLANK_TABLE, **where, value=entry.unit, why=entry.reason))
            continue
        if unit and group is not None and totals is not None and not found:
            findings = tuple(criteria_findings(criteria, settings.checks.decimals))
            reports.append(UnitReport(unit, group, sheet.file, sheet.name, criteria, totals, appraised, findings))
    return reports, problems, named


def _appraised(criteria: list[dict[str, Any]], done: bool, where: dict[str, Any]
               ) -> tuple[list[dict[str, Any]], CriteriaTotals | None, list[Problem]]:
    """The appraisal's tree rolled up by the rules of the self-assessment's (`rolled_up_criteria`).

    Each row gains `appraised_rolled` (its appraised points after the roll-up). Appraisal done: every
    rule applies, a blank leaf is an error. Not done: only what is typed is checked (not above the
    row's maximum), no totals (no decision is made from them).
    """
    if done and not any(r["appraised_points"] is not None for r in criteria if r["role"] == "criterion"):
        return criteria, None, [problem(Reason.APPRAISAL_MISSING, **where,
                                        column=CRITERIA_TABLE.column("appraised_points").header)]
    rows, totals, found = rolled_up_criteria(criteria, "appraised_points")
    if not done:
        return criteria, None, [p for p in found if p.reason is Reason.ABOVE_MAXIMUM]
    merged = [row | {"appraised_rolled": other["points"]} for row, other in zip(criteria, rows, strict=True)]
    return merged, (totals if not found else None), found


def _register_name(settings: JobSettings) -> str:
    return settings.register.name if settings.register is not None else ""


def campaign_table(settings: JobSettings, reports: list[UnitReport], problems: list[Problem],
                   register: tuple[Registered, ...] | None = None, named: tuple[str, ...] | list[str] = ()
                   ) -> tuple[list[Unit] | None, list[Problem]]:
    """The assessed units as the records `unit_scores` reads, with the checks across tables.

    A unit may have one table only; a group of the job must have a unit (checked only when
    nothing else is wrong: a refused table may be the group's only unit). With a register, a
    registered unit without a table is not evaluated when its row gives a reason, else an error (with a
    table and a reason, it is not evaluated either: its report is still made);
    its survey, bonus and penalty points, when given, are the ones the decision uses.
    """
    found: list[Problem] = []
    rows: list[Unit] = []  # records, not dictionaries: a third of the room, for thousands of units
    seen: dict[tuple[str, str], str] = {}
    entries = {r.unit: r for r in register or ()}
    for report in reports:
        key = (report.group, report.unit.casefold())
        if key in seen:
            found.append(problem(Reason.DUPLICATE_UNIT_TABLE, file=report.file, sheet=report.sheet,
                                 value=report.unit, group=report.group, first=seen[key]))
            continue
        seen[key] = _place(report.file, report.sheet)
        rows.append(Unit.of(campaign_unit_row(settings, report, entries.get(report.unit)), settings.scheme.components))
    present = {unit for _, unit in seen} | {name.casefold() for name in named}
    for entry in register or ():
        if entry.unit.casefold() in present:
            continue
        if entry.reason:
            rows.append(Unit.of(_not_evaluated(entry), settings.scheme.components))
        else:
            found.append(problem(Reason.REGISTERED_WITHOUT_TABLE, file=entry.file, sheet=entry.sheet, row=entry.row,
                                 column=entry.column, value=entry.unit, group=entry.group,
                                 data=_data_name(settings)))
    if register is not None:  # the register's survey points make a group's formula: the same for all its units
        declared = settings.scheme.components  # with the register's survey points, not scaled (`campaign_unit_row`)
        found += formula_problems(campaign_members(rows, entries, declared), settings.scheme.scale,
                                  lambda _, parts: not set(parts) & {c.id for c in declared[1:2]}, declared,
                                  {g.name: g.components for g in settings.groups})
    if rows and not problems and not found:
        found += [problem(Reason.EMPTY_GROUP, file="job.toml", value=group.name) for group in settings.groups
                  if not any(r["group"] == group.name for r in rows)]
    return (rows or None), found


def campaign_unit_row(settings: JobSettings, report: UnitReport, entry: Registered | None) -> dict[str, Any]:
    """One unit's row of the decision: self and appraised totals of its tree (fields only: bonus and penalty have
    their own columns), the appraised bonus and penalty, the register's points where it gives them.

    Without `[appraisal]` (a batch of self-assessments) the self totals stand in the appraised column as before;
    while the appraisal is not done there are no appraised points (the unit is not scored).
    """
    row = report_unit_row(report.unit, report.group, report.totals)
    row |= {"self_points": report.totals.tree_points, "file": report.file, "sheet": report.sheet}
    if settings.appraisal_done is not None:
        appraised = report.appraised
        row |= {"appraised_points": appraised.tree_points if appraised else None,
                "bonus": appraised.bonus if appraised else None, "penalty": appraised.penalty if appraised else None,
                "min_field_ratio": appraised.min_field_ratio if appraised else None}
    if entry is not None:
        if entry.survey_points is not None:  # direct points + survey make the scale (Chỉ số CCHC): not rescaled
            row |= {"survey_points": entry.survey_points, "scale_max": None,
                    "survey_at": (entry.file, entry.sheet, entry.row)}  # a sum above the scale: said at the register
        row |= {key: getattr(entry, key) for key in ("bonus", "penalty") if getattr(entry, key) is not None}
        row |= {"note": entry.note, "reason": entry.reason}  # a reason: not evaluated, though its report is made
        row |= {"group_at": f"{entry.file}, dòng {entry.row}"}  # where its group is written, for a problem
    return row


def _not_evaluated(entry: Registered) -> dict[str, Any]:
    return {"group": entry.group, "unit": entry.unit, "max_points": None, "applicable_max": None, "scale_max": None,
            "self_points": None, "appraised_points": None, "survey_points": entry.survey_points,
            "bonus": entry.bonus, "penalty": entry.penalty, "declared_score": None, "reason": entry.reason,
            "note": entry.note, "min_field_ratio": None, "file": entry.file, "sheet": entry.sheet, "row": entry.row}


def _data_name(settings: JobSettings) -> str:
    folders = sorted({path.parent.relative_to(settings.folder).as_posix() for path in settings.data_files})
    return ", ".join(f'"{name}"' if name != "." else "thư mục công việc" for name in folders) or "thư mục công việc"


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
                value = clean_text(without_controls(match.group(2).strip() if source == i else cells[source]))
                long = too_long(value, file=sheet.file, sheet=sheet.name, row=number)
                problems += [long] if long is not None else []
                return value
    return ""


def _group(settings: JobSettings, sheet: Sheet, header_row: int, where: dict[str, Any],
           problems: list[Problem]) -> str | None:
    named = _labelled(sheet, header_row, GROUP_LABELS, problems)
    if not named and len(settings.groups) == 1:
        return settings.groups[0].name
    group = settings.group_named(named) if named else None
    if group is None:
        known = ", ".join(f'"{g.name}"' for g in settings.groups)
        hint = "" if named else HINTS.group_line
        problems.append(problem(Reason.UNKNOWN_GROUP, **where, value=named, known=known, hint=hint))
        return None
    return group.name


def _group_line_disagrees(settings: JobSettings, sheet: Sheet, header_row: int, entry: Registered,
                          where: dict[str, Any]) -> list[Problem]:
    """A "Khối:" line above a registered unit's table that names another group than its register row: refused,
    naming both places, rather than ranked in the register's group without a word."""
    found: list[Problem] = []
    named = _labelled(sheet, header_row, GROUP_LABELS, found)
    group = settings.group_named(named) if named else None
    if not named or (group is not None and group.name == entry.group):
        return []
    return [problem(Reason.GROUP_LINE_DISAGREES, **where, value=named, unit=entry.unit, group=entry.group,
                    register=f"{entry.file}, dòng {entry.row}")]


def _lookalike(given: str, known: str) -> dict[str, str]:
    """The character that differs between two names that read alike, for the message to name."""
    found = first_difference(given, known) if known else None
    if found is None:
        return {}
    position, wrong, right = found
    return {"position": str(position), "wrong": wrong, "right": right,
            "wrong_code": f"U+{ord(wrong):04X} {unicodedata.name(wrong, '')}".strip(),
            "right_code": f"U+{ord(right):04X} {unicodedata.name(right, '')}".strip()}


def _place(file: str, sheet: str | None) -> str:
    return f'{file}, trang "{sheet}"' if sheet else file

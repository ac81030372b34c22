"""A batch (đợt đánh giá): many units' criteria tables → one report each, and the decision.

Each sheet that holds a criteria table is one unit's self-assessment; the lines above its
header name the unit and its group ("Đơn vị: UBND xã Hương Toàn", "Khối: UBND các xã,
phường"). Every table is rolled up on its own; its total becomes the unit's row of the
decision's appendix (points and maximum from the same numbers the unit's report shows),
then the units are ranked and classified as in any decision.

Only what each report needs is kept per unit (its formatted rows and totals), never a
rendered document: reports are written one by one afterwards (`flow.run_job`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import pandas as pd

from pipeline.read.columns import CRITERIA_TABLE
from pipeline.scoring.compute import CriteriaTotals, report_unit, rolled_up_criteria
from pipeline.documents.context import report_rows
from pipeline.base.errors import Problem, Reason, problem
from pipeline.scoring.normalise import clean_text, locate_tables, normalise_criteria
from pipeline.read.job_folder import Sheet
from pipeline.config.job_settings import JobSettings

UNIT_LABELS = ("đơn vị", "tên đơn vị", "cơ quan, đơn vị")
GROUP_LABELS = ("khối", "nhóm", "khối, nhóm")


@dataclass(frozen=True)
class UnitReport:
    """One unit of a batch: where its table is, its group, its report's rows and totals."""

    unit: str
    group: str
    file: str
    sheet: str | None
    rows: dict[str, Any]
    totals: CriteriaTotals


def batch_units(settings: JobSettings, sheets: list[Sheet]) -> tuple[pd.DataFrame | None, list[UnitReport],
                                                                      list[Problem]]:
    """The units of a batch in the shape `unit_scores` reads, their reports, and every problem."""
    tables, problems = locate_tables(sheets, CRITERIA_TABLE)
    reports: list[UnitReport] = []
    frames: list[pd.DataFrame] = []
    seen: dict[tuple[str, str], str] = {}
    for table in tables:
        sheet = table.sheet
        where = {"file": sheet.file, "sheet": sheet.name}
        unit = _labelled(sheet, table.header_row, UNIT_LABELS)
        group = _group(settings, sheet, table.header_row, where, problems)
        if not unit:
            problems.append(problem(Reason.UNIT_NAME_MISSING, **where))
        criteria, found = normalise_criteria([sheet])
        problems += found
        criteria, totals, found = rolled_up_criteria(criteria)
        problems += found
        if not unit or group is None or totals is None or found:
            continue
        key = (group, unit.casefold())
        if key in seen:
            problems.append(problem(Reason.DUPLICATE_UNIT_TABLE, **where, value=unit, group=group, first=seen[key]))
            continue
        seen[key] = _place(sheet)
        frames.append(report_unit(unit, group, totals).assign(file=sheet.file, sheet=sheet.name))
        reports.append(UnitReport(unit, group, sheet.file, sheet.name, report_rows(criteria, totals), totals))
    for group in settings.groups:
        if tables and not any(r.group == group.name for r in reports) and not problems:
            problems.append(problem(Reason.EMPTY_GROUP, file="job.toml", value=group.name))
    units = pd.concat(frames, ignore_index=True) if frames else None
    return units, reports, problems


def _labelled(sheet: Sheet, header_row: int, labels: tuple[str, ...]) -> str:
    """The text after "Đơn vị:" (in the same cell or the next) in the rows above the header."""
    for row in sheet.rows[:header_row]:
        cells = [clean_text(c) for c in row]
        for i, cell in enumerate(cells):
            match = re.match(r"^([^:]+):\s*(.*)$", cell)
            if match and match.group(1).strip().casefold() in labels:
                value = match.group(2).strip() or next((c for c in cells[i + 1:] if c), "")
                return value
    return ""


def _group(settings: JobSettings, sheet: Sheet, header_row: int, where: dict[str, Any],
           problems: list[Problem]) -> str | None:
    named = _labelled(sheet, header_row, GROUP_LABELS)
    if not named and len(settings.groups) == 1:
        return settings.groups[0].name
    group = settings.group_named(named) if named else None
    if group is None:
        known = ", ".join(f'"{g.name}"' for g in settings.groups)
        hint = "" if named else " Ghi dòng \"Khối: <tên khối>\" phía trên bảng."
        problems.append(problem(Reason.UNKNOWN_GROUP, **where, value=named, known=known, hint=hint))
        return None
    return group.name


def _place(sheet: Sheet) -> str:
    return f'{sheet.file}, trang "{sheet.name}"' if sheet.name else sheet.file


def file_name(position: int, unit: str) -> str:
    """`bao-cao/007-ubnd-xa-huong-toan.docx`: order first, then the unit without diacritics."""
    plain = unicodedata.normalize("NFKD", unit.replace("đ", "d").replace("Đ", "D"))
    slug = re.sub(r"[^a-z0-9]+", "-", plain.encode("ascii", "ignore").decode().lower()).strip("-")
    return f"bao-cao/{position:03d}-{slug[:60] or 'don-vi'}.docx"

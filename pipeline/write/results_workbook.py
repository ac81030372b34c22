"""The results workbook: one sheet per group (score, rank, label, reason), and a summary.

An appraised campaign adds what the secretariat checks before signing: each unit's self-assessed and
appraised totals side by side, the largest loss first ("Tự chấm - thẩm định"), and each criterion's points
lost across the units, the most first ("Theo tiêu chí", from `scoring.comparison`).

Built in memory as bytes; `writing` puts it on disk. Numbers stay numbers (exact
`Decimal` values), so staff can sort and check them in Excel; each number cell's format shows
it with the decimals the documents print (scores "87,170", an input column at its own decimals,
maxima as typed), in the decimal separator of the reader's Excel.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from pipeline.base.archive import zipped
from pipeline.base.messages_checks import REVIEW_HEADERS
from pipeline.base.messages_ties import tie_text
from pipeline.figures.component_columns import component_columns, declared_decimals, survey_slot
from pipeline.figures.numbers import column_places, score_words
from pipeline.read.columns import CRITERIA_TABLE, UNIT_TABLE
from pipeline.read.results_layout import (
    AS_PUBLISHED,
    BY_CRITERION,
    BY_CRITERION_WIDTHS,
    CRITERIA_POINTS,
    CRITERIA_TOTAL,
    CRITERIA_WIDTHS,
    GENERAL,
    HEADERS,
    MAXIMA,
    SHEETS,
    SUMMARY,
    SUMMARY_WIDTHS,
    TIES,
    compared_columns,
    decimals_format,
    group_columns,
    score_format,
    score_header,
    summary_headers,
)
from pipeline.scoring.compute import published_rounding
from pipeline.scoring.formula import component_values
from pipeline.scoring.unit import Unit
from pipeline.write.period_sheets import change_cells, charts_sheet
from pipeline.write.review_rows import REVIEW_WIDTHS, review_rows
from pipeline.write.sheet_names import sheet_title
from pipeline.write.sheet_rows import RowsWorkbook, SheetRows, formatted
from pipeline.write.text_cells import as_text

if TYPE_CHECKING:
    from pipeline.scoring.result import JobResult
    from pipeline.scoring.unit import Unit

FIXED_TIME = b"2000-01-01T00:00:00Z"
_OPTIONAL = ("max_points", "applicable_max", "bonus", "penalty")  # the scheme's other printed components after the
_BEFORE_COMPONENTS = 2  # … maxima, before bonus and penalty (where the survey points were before components)


def column_formats(members: Sequence[Mapping[str, Any]], columns: list[str], scheme: Any) -> dict[str, str]:
    """The format of each number column of one group's sheet, as its appendix prints it (`column_places`)."""
    return {column: GENERAL if column in MAXIMA
            else decimals_format(column_places((unit[column] for unit in members), scheme)) for column in columns}


def reproducible(parts: dict[str, bytes]) -> bytes:
    """The workbook's parts zipped with openpyxl's clock removed: fixed document dates and zip entry times.

    The same results then give the same bytes, so `manifest.json` hashes identify them.
    """
    parts["docProps/core.xml"] = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>" + FIXED_TIME,
                                        parts["docProps/core.xml"])
    return zipped(parts)


def results_workbook(result: JobResult, charts: list[tuple[str, list[bytes]]] | None = None) -> bytes:
    """The workbook as bytes, each row made into its XML as it is added (`sheet_rows`, no cell object kept); with
    `[previous]`, each unit's change against the previous period (`period_sheets`); with `charts` (each group's
    PNGs), a "Biểu đồ" sheet."""
    scheme = result.settings.scheme
    scores = score_format(scheme)
    classified = bool(result.counts)  # labels = [] everywhere: no Xếp loại column, no count per label
    score_column = score_header(scheme, result.score_name)
    main = scheme.components[0]
    index = [] if result.score_name or not main.printed else [None]  # an index-only table: the index is the score
    book = RowsWorkbook()
    units = result.units
    others = component_columns(units, scheme, others_only=True)
    optional = [c for c in _OPTIONAL if any(unit.get(c) is not None for unit in units)]
    maxima = sum(c in _OPTIONAL[:_BEFORE_COMPONENTS] for c in optional)
    # Declared components printed in their own columns: the main one first, in the scheme's order, as the decision.
    first = bool(index) and bool(others) and result.criteria is None and not survey_slot(scheme)
    leading = [main.id] if first else []
    index = [] if first else index
    optional = [*optional[:maxima], *leading, *(c.id for c in others), *optional[maxima:]]
    named = {c.id: c.header for c in others} | {c: main.name for c in leading}
    points_header = HEADERS["self_points"] if result.criteria is not None else main.name
    columns = group_columns([named.get(c) or UNIT_TABLE.column(c).header for c in optional],
                            points_header if index else None, score_column, classified, result.changes is not None)
    summary = _sheet(book, SHEETS["summary"], summary_headers(classified), list(SUMMARY_WIDTHS))
    for row in result.counts:
        summary.append([row["group"], row["label"], row["count"]])
    counted = {row["group"] for row in result.counts}
    for group in result.settings.groups:
        if group.name not in counted:  # labels = []: no count per label, the units ranked instead
            summary.append([group.name, SUMMARY["ranked"],
                            sum(1 for u in result.members(group.name) if u["evaluated"])])
    for group in result.settings.groups:
        summary.append([group.name, SUMMARY["not_evaluated"],
                        sum(1 for u in result.members(group.name) if not u["evaluated"])])
    taken = list(SHEETS.values())
    for group in result.settings.groups:
        taken.append(sheet_title(group.name, taken))
        sheet = _sheet(book, taken[-1], *_split(columns))
        members = [{**(unit.as_dict() if isinstance(unit, Unit) else unit), **component_values(unit, scheme.components)}
                   for unit in result.members(group.name)]
        formats = column_formats(members, [*optional, "appraised_points"], scheme)
        declared = declared_decimals(scheme)  # components printed at their own decimals, rounded
        formats |= {c: decimals_format(declared[c].places) for c in declared if c in formats}
        points = declared.get(main.id)
        if points is not None:
            formats["appraised_points"] = decimals_format(points.places)
        for unit in members:
            sheet.append([unit["position"], unit["unit"],
                          *(formatted(sheet, declared[c].value(unit[c]) if c in declared else unit[c], formats[c])
                            for c in optional),
                          *(formatted(sheet, points.value(unit["appraised_points"]) if points
                                      else unit["appraised_points"], formats["appraised_points"]) for _ in index),
                          formatted(sheet, unit["score"], scores),
                          *([unit["label"]] if classified else []), unit["rank"],
                          unit["reason"] or None, unit["note"] or None,
                          *change_cells(sheet, result, unit, scores)])
    if result.ties:
        ties = _sheet(book, SHEETS["ties"], *_split([(header or score_column, width) for header, width in TIES]))
        for tie in result.ties:
            ties.append([tie["group"], formatted(ties, tie["score"], scores), ", ".join(tie["units"]),
                         tie_text(tie, score_words(tie["score"], scheme))])
    if result.criteria is not None:
        _criteria_sheet(book, result)
    if result.settings.appraisal_done and result.settings.kind_record.is_campaign:
        _compared_sheet(book, result, score_column, classified)
    if result.losses is not None:
        _losses_sheet(book, result)
    if any(unit.get("computed_score") is not None for unit in units):
        _as_published_sheet(book, result, scores)
    if result.findings:  # what typed numbers disagree on, to look at before signing (`scoring.checks`)
        review = _sheet(book, SHEETS["review"], list(REVIEW_HEADERS), list(REVIEW_WIDTHS))
        for values in review_rows(result.findings):
            review.append(values)
    if charts:
        charts_sheet(book.workbook, charts)
    return reproducible(book.parts())


def _criteria_sheet(book: RowsWorkbook, result: JobResult) -> None:
    headers = [*(CRITERIA_TABLE.column(c).header for c in ("code", "title", "max_points")), CRITERIA_POINTS,
               CRITERIA_TABLE.column("rationale").header]
    sheet = _sheet(book, SHEETS["criteria"], headers, list(CRITERIA_WIDTHS))
    assert result.criteria is not None  # written only for a job scored by criteria
    for row in result.criteria:
        points = row["points"] if row["role"] == "criterion" else row["self_points"]
        values = [row["code"], row["title"], row["max_points"], points, row["rationale"] or None]
        sheet.append(_bold(sheet, values) if row["role"] == "criterion" and row["level"] == 1
                     else values)
    totals = result.totals
    if totals is not None:  # the criteria above and the total as typed (General), as the report prints them
        sheet.append(_bold(sheet, [None, CRITERIA_TOTAL, totals.max_points, totals.points, None]))


def _compared_sheet(book: RowsWorkbook, result: JobResult, score_column: str, classified: bool) -> None:
    """Each unit with both trees' totals (the decision's columns), the largest loss of points first, gains last;
    equal differences in the order of the decision (group, then rank)."""
    units = [u for u in result.units if u.get("self_points") is not None and u.get("appraised_points") is not None]
    units.sort(key=_gain)  # stable: the decision's order
    sheet = _sheet(book, SHEETS["compared"], *_split(compared_columns(score_column, classified)))
    scheme = result.settings.scheme
    scores = score_format(scheme)
    formats = column_formats(units, ["self_points", "appraised_points"], scheme)
    difference = decimals_format(column_places((u[c] for u in units for c in ("self_points", "appraised_points")),
                                               scheme))
    for number, unit in enumerate(units, 1):
        sheet.append([number, unit["group"], unit["unit"],
                      formatted(sheet, unit["self_points"], formats["self_points"]),
                      formatted(sheet, unit["appraised_points"], formats["appraised_points"]),
                      formatted(sheet, _gain(unit), difference),
                      formatted(sheet, unit["score"], scores),
                      *([unit["label"]] if classified else []), unit["rank"],
                      unit["reason"] or None])


def _gain(unit: Unit) -> Decimal:
    """The appraised points less the self-assessed ones, of a unit that has both (the compared sheet's)."""
    assert unit.appraised_points is not None and unit.self_points is not None  # its units are chosen so
    return unit.appraised_points - unit.self_points


def _as_published_sheet(book: RowsWorkbook, result: JobResult, scores: str) -> None:
    """Each declared total kept as published (`[checks] total`): the total typed, the one its parts give, the
    difference and the rounding it is within (`compute.published_rounding`)."""
    sheet = _sheet(book, SHEETS["as_published"], *_split(list(AS_PUBLISHED)))
    scheme = result.settings.scheme
    for unit in (u for u in result.units if u.get("computed_score") is not None):
        assert unit.score is not None and unit.computed_score is not None  # a total kept as published, scored
        sheet.append([unit["group"], unit["unit"], unit.get("declared_column"),
                      formatted(sheet, unit["score"], scores),
                      formatted(sheet, unit["computed_score"], scores),
                      formatted(sheet, unit.score - unit.computed_score, scores),
                      formatted(sheet, published_rounding(unit, scheme.decimals), GENERAL)])


def _losses_sheet(book: RowsWorkbook, result: JobResult) -> None:
    """Each criterion across the units: how many lost points there, how many in all, on average, at most."""
    losses = result.losses or ()
    headers = [*(CRITERIA_TABLE.column(c).header for c in ("code", "title", "max_points")), *BY_CRITERION]
    sheet = _sheet(book, SHEETS["by_criterion"], headers, list(BY_CRITERION_WIDTHS))
    points = decimals_format(column_places((v for loss in losses for v in (loss.lost, loss.largest)),
                                           result.settings.scheme))
    for loss in losses:
        some = loss.lost_units > 0
        sheet.append([loss.code or None, loss.title, formatted(sheet, loss.max_points, GENERAL),
                      loss.units, loss.lost_units, formatted(sheet, loss.lost, points),
                      formatted(sheet, loss.average, points),
                      formatted(sheet, loss.largest if some else None, points),
                      loss.largest_unit])


def _split(columns: list[tuple[str, int]]) -> tuple[list[str], list[int]]:
    """A sheet's declared columns, (header, width) each, as its headers and its widths."""
    return [header for header, _ in columns], [width for _, width in columns]


def _sheet(book: RowsWorkbook, title: str, headers: list[str], widths: list[int]) -> SheetRows:
    """A new sheet with its column widths, a bold centred header row, frozen under it."""
    sheet = book.create_sheet(title)
    for index, width in enumerate(widths, 1):
        sheet.sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.sheet.freeze_panes = "A2"
    cells = _bold(sheet, headers)
    for cell in cells:
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    sheet.append(cells)
    return sheet


def _bold(sheet: SheetRows, values: list[Any]) -> list[Cell]:
    cells = [as_text(WriteOnlyCell(sheet.sheet, value)) for value in values]
    for cell in cells:
        cell.font = Font(bold=True)
    return cells


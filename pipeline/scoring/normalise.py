"""Stage 1, normalise: raw sheets → clean units and criteria with `Decimal` numbers and parsed codes.

Finds each table (`tables`), reads text as Unicode NFC with white space trimmed and
collapsed (non-breaking spaces too), reads score cells written `72,2` or `72.2` as
`Decimal`, and parses criterion codes (`cells`). Every problem in every cell is collected;
cells that fail become `None` so later checks can still run on the rest.
"""

from __future__ import annotations

from decimal import Decimal
from difflib import get_close_matches
from typing import Any

from pipeline.base.errors import Problem, Reason, problem
from pipeline.base.formatting import points as shown
from pipeline.base.messages import HINTS
from pipeline.config.components import DEFAULT_COMPONENTS, Component
from pipeline.config.job_settings import Group
from pipeline.read.columns import CRITERIA_TABLE, unit_table
from pipeline.read.sheet import Sheet
from pipeline.scoring.cells import clean_text, parse_code, plain_text, spelled
from pipeline.scoring.formula import Member, formula_problems
from pipeline.scoring.rule_cells import rule_cells
from pipeline.scoring.tables import Cells, Located, locate_tables, records
from pipeline.scoring.unit import Unit

_TOTAL_TITLES = ("tổng điểm", "tổng cộng", "tổng số điểm", "tổng")
_TOTAL_ROWS = ("tong cong", "cong", "tong so", "tong", "tong diem", "tong so diem")  # under a unit table
_ADDITIVE = ("max_points", "applicable_max", "appraised_points")  # then every other component, bonus and penalty
ROLLUPS = {"cộng": "sum", "cong": "sum", "tổng": "sum", "chọn một": "choose", "chon mot": "choose",
           "chọn 1": "choose", "chọn": "choose"}


def normalise_units(sheets: list[Sheet], groups: tuple[Group, ...], scale: Decimal = Decimal(100),
                    declared: tuple[Component, ...] = DEFAULT_COMPONENTS, ignored: tuple[str, ...] = ()
                    ) -> tuple[list[Unit], list[Problem]]:
    """Unit rows of every sheet, one `Unit` per unit, with its group resolved.

    Each has: group, unit, the score columns as `Decimal` or `None`, scale_max (the
    maximum the points are put on the scale by: the applicable maximum when the table has
    that column, else the only maximum column, else `None`), reason, note, file, sheet,
    row. A unit's group is its "Khối" cell, else the sheet's name (or the only group of the
    job); it must be one of the job's groups. A total row under the units ("Tổng cộng",
    "Cộng") is checked against the sum above it and is not a unit. The scheme's components (`declared`) are found
    by their headers; each row has them as components (id → value), the main one also as appraised_points and the
    second as survey_points. A group's units have the same components (`formula`): a survey cell filled for some of
    its units and blank for others is refused. A column `ignored` names is not read.
    """
    spec = unit_table(declared)
    tables, errors = locate_tables(sheets, spec, ignored)
    rows: list[Unit] = []
    members: list[Member] = []
    scaled: set[str | None] = set()
    number_ids = [c.id for c in spec.columns if c.number]
    column_of = {c.id: c.id for c in declared[1:]} | {declared[0].id: "appraised_points"}
    optional = [c.id for c in declared[1:]]
    for table in tables:
        scale_by = next((c for c in ("applicable_max", "max_points") if c in table.positions), None)
        above: list[Unit] = []  # this table's units since its last total row
        read = frozenset(table.positions)  # a column the table lacks is `None` on every row, not looked for
        for record in records(table, spec):
            cells = Cells(table, record, errors)
            values = {cid: cells.number(cid) if cid in read else None for cid in number_ids}
            unit = cells.text("unit")
            reason = cells.text("reason", keep_lines=True) if "reason" in record else ""
            if not unit:
                if any(v is not None for v in values.values()) or reason:
                    cells.add(Reason.MISSING_UNIT, "unit")
                continue
            if plain_text(unit).rstrip(":") in _TOTAL_ROWS:
                _check_total_row(cells, values, above, optional)
                above = []
                continue
            group = _group_of(cells, table, groups)
            _check_unit(cells, values, unit, reason, scale_by)
            _check_maxima(cells, values, declared, column_of)
            components = {c: values[column] for c, column in column_of.items()}
            rows.append(Unit(
                group=group, unit=unit, components=tuple(components.items()),
                max_points=values["max_points"], applicable_max=values["applicable_max"],
                appraised_points=values["appraised_points"], bonus=values["bonus"], penalty=values["penalty"],
                declared_score=values["declared_score"], survey_points=components[optional[0]] if optional else None,
                scale_max=values[scale_by] if scale_by else None,
                reason=reason, note=cells.text("note", keep_lines=True) if "note" in record else "",
                file=table.sheet.file, sheet=table.sheet.name, row=record["row"],
                declared_column=table.positions["declared_score"][1] if "declared_score" in record else None,
                index=table.index,
            ))
            above.append(rows[-1])
            members.append(Member(group, unit, frozenset(c for c in optional if cells.has_value(c)),
                                  reason, cells.where(), {c: table.positions[c][1] for c in optional
                                                          if c in table.positions}, values))
            if scale_by:
                scaled.add(group)
    unread = any(e.reason is Reason.HEADER_TOO_LOW for e in errors)  # that table may hold the group's units
    errors += _duplicates(rows) + _empty_groups(rows, groups, bool(tables) and not unread)
    converted = {c.id for c in declared if c.enters == "converted"}
    errors += formula_problems(members, scale, lambda group, parts: group in scaled and not converted & set(parts),
                               declared, {g.name: g.components for g in groups})
    return rows, errors


def _group_of(cells: Cells, table: Located, groups: tuple[Group, ...]) -> str | None:
    sheet = clean_text(table.sheet.name) if table.sheet.name is not None else None
    if "group" in cells.record and cells.text("group"):
        named, column = cells.text("group"), "group"
    elif sheet is not None and any(g.sheet == sheet for g in groups):
        named, column = sheet, None
    elif len(groups) == 1:
        return groups[0].name
    else:
        named, column = clean_text(table.sheet.name or ""), None
    for group in groups:
        if named in (group.name, group.sheet):
            return group.name
    known = ", ".join(f'"{g.name}"' for g in groups)
    close = get_close_matches(named, [g.name for g in groups], n=1, cutoff=0.6)
    hint = HINTS.did_you_mean.format(name=close[0]) if close else (HINTS.group_cell if not named else "")
    if column:
        cells.add(Reason.UNKNOWN_GROUP, column, value=named, known=known, hint=hint)
    else:
        hint = hint or HINTS.group_sheet
        cells.errors.append(problem(Reason.UNKNOWN_GROUP, file=table.sheet.file, sheet=table.sheet.name,
                                    value=named, known=known, hint=hint))  # once per sheet
    return None


def _check_total_row(cells: Cells, values: dict[str, Decimal | None], above: list[Unit],
                     components: list[str]) -> None:
    """A total row's numbers against the sums of the units above it; a refused cell above stops the check."""
    for column in (*_ADDITIVE, *components, "bonus", "penalty"):
        stated = values.get(column)
        parts = [unit[column] for unit in above]
        if stated is None or column not in cells.table.positions or any(p is None for p in parts):
            continue
        total = sum(parts, Decimal(0))
        if stated != total:
            cells.add(Reason.TOTAL_ROW_MISMATCH, column, value=shown(stated), computed=shown(total))


def _check_maxima(cells: Cells, values: dict[str, Decimal | None], declared: tuple[Component, ...],
                  column_of: dict[str, str]) -> None:
    """A component entering as typed above the maximum it declares, refused at its cell. A converted one is put on
    its maximum from the unit's applicable maximum; what a weighted one's maximum bounds (the typed figure or the
    figure × weight) no declaration says, so neither is checked here."""
    for component in declared:
        value, column = values.get(column_of[component.id]), column_of[component.id]
        if component.maximum is not None and component.enters == "as-is" and value is not None \
                and value > component.maximum:
            cells.add(Reason.ABOVE_MAXIMUM, column, value=shown(value), maximum=shown(component.maximum))


def _check_unit(cells: Cells, values: dict[str, Decimal | None], unit: str, reason: str,
                scale_by: str | None) -> None:
    points = values["appraised_points"]
    if reason and points is not None:
        cells.add(Reason.POINTS_AND_REASON, "appraised_points", value=reason, unit=unit)
    if not reason and points is None and not cells.has_value("appraised_points"):
        hint = HINTS.reason_column if "reason" in cells.table.positions else HINTS.reason_add_column
        cells.add(Reason.MISSING_VALUE, "appraised_points", hint=hint)
    for limit_id in ("applicable_max", "max_points"):
        limit = values.get(limit_id)
        if points is not None and limit is not None:
            if points > limit:
                cells.add(Reason.ABOVE_MAXIMUM, "appraised_points", value=shown(points), maximum=shown(limit))
            break
    applicable, maximum = values.get("applicable_max"), values.get("max_points")
    if applicable is not None and maximum is not None and applicable > maximum:
        cells.add(Reason.APPLICABLE_ABOVE_MAXIMUM, "applicable_max", value=shown(applicable), maximum=shown(maximum))
    if scale_by and points is not None and not reason:
        if values[scale_by] is None and not cells.has_value(scale_by):
            cells.add(Reason.MISSING_VALUE, scale_by, hint=HINTS.scale_maximum)
        elif values[scale_by] == 0:
            cells.add(Reason.ZERO_MAXIMUM, scale_by)


def _duplicates(rows: list[Unit]) -> list[Problem]:
    """The same unit twice in a group: the same name, or a name typed without diacritics ("Huong Van") that
    is another's without them, or one with its tone marks placed the old or the new way ("Hoà An", "Hòa An"). Two
    names written in full stay two units: "Hương Vân" is not "Hương Văn"."""
    errors = []
    seen: dict[tuple[str, str], list[tuple[str, int | None]]] = {}  # by group and plain name: (name, row)
    for row in rows:
        if row.group is None:
            continue
        key = (row.group, plain_text(row.unit))
        alike = seen.get(key)
        first = _first_alike(row.unit, alike) if alike else None  # a name nothing reads alike needs no spelling
        if first is not None:
            errors.append(problem(Reason.DUPLICATE_UNIT, file=row.file, sheet=row.sheet, row=row.row,
                                  value=row.unit, group=row.group, first_row=first))
        else:
            seen.setdefault(key, []).append((row.unit, row.row))
    return errors


def _first_alike(name: str, alike: list[tuple[str, int | None]]) -> int | None:
    """The row of the first of `alike` (names that read as `name` without diacritics) that is the same unit."""
    spelt = spelled(name)
    unaccented = spelt == plain_text(spelt)
    return next((at for other, at in alike if unaccented or spelled(other) == spelt
                 or spelled(other) == plain_text(spelled(other))), None)


def _empty_groups(rows: list[Unit], groups: tuple[Group, ...], any_table: bool) -> list[Problem]:
    if not any_table:
        return []
    present = {row.group for row in rows}
    return [problem(Reason.EMPTY_GROUP, file="job.toml", value=g.name) for g in groups if g.name not in present]


def normalise_criteria(sheets: list[Sheet]) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Criteria rows in order (a tree, not a table: one dict per row), each with its role.

    Each row has: code (`None` for a sub-item), role, title, max_points, self_points,
    rationale (line breaks kept), rollup ("sum", "choose" or ""), file, sheet, row, invalid
    (a cell of the row was refused, so totals above it are not checked against it).
    """
    tables, errors = locate_tables(sheets, CRITERIA_TABLE)
    rows: list[dict[str, Any]] = []
    for table in tables[:1]:
        for record in records(table, CRITERIA_TABLE):
            cells = Cells(table, record, errors)
            code = None
            try:
                code = parse_code(record.get("code"))
            except ValueError:
                cells.add(Reason.BAD_CODE, "code", value=clean_text(record.get("code")))
            title = cells.text("title")
            rollup_text = cells.text("rollup").casefold() if "rollup" in record else ""
            rollup = ROLLUPS.get(rollup_text, "")
            if rollup_text and not rollup:
                cells.add(Reason.UNKNOWN_ROLLUP, "rollup", value=rollup_text)
            rows.append({
                "code": code, "role": _role(code, title), "title": title,
                "max_points": cells.number("max_points"), "self_points": cells.number("self_points"),
                "rationale": cells.text("rationale", keep_lines=True) if "rationale" in record else "",
                "appraised_points": cells.number("appraised_points"),
                "appraisal_note": cells.text("appraisal_note", keep_lines=True) if "appraisal_note" in record else "",
                "rollup": rollup, "file": table.sheet.file, "sheet": table.sheet.name, "row": record["row"],
                **rule_cells(cells), "invalid": cells.failed,
            })
    if tables and not rows:
        errors.append(problem(Reason.NO_CRITERIA, file=tables[0].sheet.file, sheet=tables[0].sheet.name))
    elif tables and all(r["self_points"] is None for r in rows) and not any(r["invalid"] or r["rule"] for r in rows):
        # (a scoring rule may score the rows: `checks.applied_rules`; a leaf it leaves blank is still refused)
        errors.append(problem(Reason.NO_POINTS, file=tables[0].sheet.file, sheet=tables[0].sheet.name,
                              column=tables[0].positions["self_points"][1]))
    return rows, errors


def _role(code: str | None, title: str) -> str:
    if code is not None:
        return "criterion"
    key = title.casefold()
    if key.startswith("điểm thưởng"):
        return "bonus"
    if key.startswith("điểm trừ"):
        return "penalty"
    if key.rstrip(":") in _TOTAL_TITLES:
        return "total"
    return "criterion"


"""A campaign's register of units (danh mục đơn vị): who is evaluated, under which header and signer.

One row per unit: its official name, group, the header of its report (cơ quan chủ quản,
issuing-body lines, symbol, place, signer), points given centrally (survey, bonus,
penalty) and a reason when it is not evaluated. A unit's criteria table is matched to its
row by name as duplicates are (`normalise._duplicates`): the same name in any case, or a
name typed without diacritics that is the other's without them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from difflib import get_close_matches
from typing import Any, Protocol, TypeVar

from pipeline.base.errors import Problem, Reason, problem
from pipeline.base.messages import HINTS
from pipeline.config.campaign_settings import HEADER_FIELDS, HEADER_LINES
from pipeline.config.job_settings import JobSettings
from pipeline.config.signature_rules import deputy_needed, form_problems, placeholder_problems
from pipeline.read.columns import REGISTER_TABLE
from pipeline.read.sheet import Sheet
from pipeline.scoring.cells import plain_text, spelled
from pipeline.scoring.tables import Cells, locate_tables, records

_LINE_SPLIT = re.compile(r"\n|\s+/\s+")  # a line break, or " / ", separates the lines of a cell


@dataclass(frozen=True, slots=True)
class Registered:
    """One unit of the register, its cells as read (header cells only when filled)."""

    unit: str
    group: str
    header: tuple[tuple[str, Any], ...]  # (field of `campaign_settings.HEADER_FIELDS`, value) given in the row
    survey_points: Decimal | None
    bonus: Decimal | None
    penalty: Decimal | None
    reason: str
    note: str
    file: str
    sheet: str | None
    row: int
    column: str  # the header of the unit's name column, for a problem about the row
    survey_column: str = ""  # the header of its survey points' column as typed ("" without one)


def read_register(settings: JobSettings, sheets: list[Sheet]) -> tuple[tuple[Registered, ...], list[Problem]]:
    """Every unit of the register, and every problem in it (unknown group, duplicate, bad number…)."""
    tables, errors = locate_tables(sheets, REGISTER_TABLE)
    found: list[Registered] = []
    index: dict[str, list[Registered]] = {}
    for table in tables:
        for record in records(table, REGISTER_TABLE):
            cells = Cells(table, record, errors)
            unit = cells.text("unit")
            if not unit:
                cells.add(Reason.MISSING_UNIT, "unit")
                continue
            group = _group(settings, cells)
            header: list[tuple[str, str | tuple[str, ...]]] = []
            for name in HEADER_FIELDS:
                if name in record:
                    value = cells.text(name, keep_lines=name in HEADER_LINES)
                    if value and name in HEADER_LINES:
                        header.append((name, tuple(line.strip().upper() if name == "signer_authority" else line.strip()
                                                   for line in _LINE_SPLIT.split(value) if line.strip())))
                    elif value:
                        header.append((name, value.upper() if name in ("signer_position", "parent_body") else value))
            errors += _signer_problems(settings, cells, group, dict(header))
            numbers = {cid: cells.number(cid) for cid in ("survey_points", "bonus", "penalty")}
            reason = cells.text("reason", keep_lines=True) if "reason" in record else ""
            note = cells.text("note", keep_lines=True) if "note" in record else ""
            if group is None:
                continue
            entry = Registered(unit, group, tuple(header), **numbers, reason=reason, note=note,
                               file=table.sheet.file, sheet=table.sheet.name, row=record["row"],
                               column=table.positions["unit"][1],
                               survey_column=table.positions.get("survey_points", (0, ""))[1])
            first = registered_as(index, unit)
            if first is not None:
                errors.append(problem(Reason.DUPLICATE_REGISTERED_UNIT, **cells.where("unit"), value=unit,
                                      first_row=first.row))
                continue
            found.append(entry)
            index.setdefault(plain_text(unit), []).append(entry)
    return tuple(found), errors


def _signer_problems(settings: JobSettings, cells: Cells, group: str | None, given: dict[str, Any]) -> list[Problem]:
    """The rules of a signature and of placeholders (`config.signature_rules`), as for `job.toml`, on a row's
    cells: each at its cell; a "KT." line above a head's position once the group's defaults and `[reports]` are
    laid under the row, at the row's own cell (when the row gives neither, the group or `[reports]` is told)."""
    found = [p for name, value in given.items() for p in placeholder_problems(value, **cells.where(name))]
    found += form_problems(given.get("signer_authority", ()), **cells.where("signer_authority")) \
        if "signer_authority" in given else []
    if not ({"signer_authority", "signer_position"} & given.keys()) or settings.reports is None:
        return found
    defaults = dict(named.header) if group and (named := settings.group_named(group)) else {}
    signature = settings.reports.signature
    authority = given.get("signer_authority", defaults.get("signer_authority", signature.authority))
    position = given.get("signer_position", defaults.get("signer_position", signature.position))
    if deputy_needed(authority, position):
        at = "signer_position" if "signer_position" in given else "signer_authority"
        found.append(problem(Reason.SIGNATURE_NOT_DEPUTY, **cells.where(at), value=position,
                             authority=" / ".join(authority)))
    return found


def _group(settings: JobSettings, cells: Cells) -> str | None:
    named = cells.text("group") if "group" in cells.record else ""
    if not named and len(settings.groups) == 1:
        return settings.groups[0].name
    group = settings.group_named(named) if named else None
    if group is None:
        known = ", ".join(f'"{g.name}"' for g in settings.groups)
        close = get_close_matches(named, [g.name for g in settings.groups], n=1, cutoff=0.6)
        hint = HINTS.did_you_mean.format(name=close[0]) if close else ""
        if "group" in cells.record:
            cells.add(Reason.UNKNOWN_GROUP, "group", value=named, known=known, hint=hint)
        else:
            cells.add(Reason.UNKNOWN_GROUP, "unit", value=named, known=known, hint=HINTS.group_cell)
        return None
    return group.name


def by_name(register: tuple[Registered, ...] | list[Registered]) -> dict[str, list[Registered]]:
    """The register's rows by their names without diacritics, case or extra spaces, for `registered_as`."""
    index: dict[str, list[Registered]] = {}
    for entry in register:
        index.setdefault(plain_text(entry.unit), []).append(entry)
    return index


class Named(Protocol):
    """What `registered_as` reads of an entry: the unit's name (a register's row, a previous period's unit)."""

    @property
    def unit(self) -> str: ...


N = TypeVar("N", bound=Named)


def registered_as(index: dict[str, list[N]], name: str) -> N | None:
    """The register's row for `name`: the same name in any case and with its tone marks where either the old or
    the new placement puts them ("Hoà An" is "Hòa An", `cells.spelled`), else the one whose name without diacritics is
    `name`'s, when one of the two is written without them ("Huong Van" is "Hương Văn"; "Hương Vân" is not)."""
    key, folded = plain_text(name), name.casefold()
    same = index.get(key, [])
    exact = next((r for r in same if spelled(r.unit) == spelled(name)), None)
    if exact is not None:
        return exact
    unaccented = folded == plain_text(folded)
    return next((r for r in same if unaccented or r.unit.casefold() == plain_text(r.unit)), None)


def closest_registered(register: tuple[Registered, ...], name: str) -> str:
    close = get_close_matches(plain_text(name), [plain_text(r.unit) for r in register], n=1, cutoff=0.75)
    return next((r.unit for r in register if close and plain_text(r.unit) == close[0]), "")

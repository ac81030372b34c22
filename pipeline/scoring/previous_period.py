"""This period against the last: each unit's previous score, rank and label, and how they changed.

The previous period is a `JobResult` computed from the previous job's inputs (`past_units`) or the
results workbook an earlier run wrote (`past_from_workbook`, read exactly: scores as the `Decimal`
the workbook stores, a workbook it does not understand refused with where and why).

Units are matched by name as a campaign's register matches them (`register.registered_as`): the same
name in any case, or a name written without diacritics that is the other's without them ("Huong Van"
is "Hương Văn", "Hương Vân" is not), after `[previous.renames]`:

- one old name for a new one (a unit renamed): compared as the same unit;
- several old names for one new unit (units merged in the reorganisation): no change of score or rank is
  shown ("sáp nhập"), since a merged unit has no single previous rank to move from; its old names are kept
  for the summary to say;
- no previous unit: "mới"; with a table of ranks (`[previous] table`, `previous_table`), "mới" only for the
  units declared new, any other "không có số liệu kỳ trước" (a partial table: a published top 10).

A rank change is the previous rank minus the current one (up is positive), each rank within its own
group of its own period; a score change is the difference of the published (rounded) scores, so the
change printed is the difference of the two numbers printed; none where the previous score is not known.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from difflib import get_close_matches
from functools import partial
from typing import Any

from pipeline.base.errors import Problem, Reason, problem
from pipeline.base.formatting import points
from pipeline.base.messages import HINTS
from pipeline.read.results_layout import HEADERS, SHEETS, SUMMARY, group_sheet, score_headers
from pipeline.read.sheet import Sheet
from pipeline.scoring.cells import plain_text, spelled
from pipeline.scoring.register import registered_as

READ = ("unit", "rank", "reason")  # the columns of a group's sheet a previous period is read from, besides the score


@dataclass(frozen=True, slots=True)
class PastUnit:
    """A unit of the previous period as its results state it."""

    unit: str
    group: str
    evaluated: bool
    score: Decimal | None
    rank: int | None
    label: str
    where: str = field(default="", compare=False)  # where its group is written ("ket-qua.xlsx, trang …, dòng 7")


@dataclass(frozen=True, slots=True)
class Change:
    """How one unit of this period compares with the previous one."""

    status: str  # "compared", "new" (no previous unit), "merged" (several), "not_evaluated" (either period),
    # "no_data" (not in a table of ranks, and not declared new)
    previous_score: Decimal | None = None
    previous_rank: int | None = None
    previous_label: str = ""
    score_change: Decimal | None = None  # current − previous published score
    rank_change: int | None = None  # previous rank − current rank: up is positive
    previous_names: tuple[str, ...] = ()  # the old unit(s) it was compared with or merged from


def past_units(units: Sequence[Mapping[str, Any]]) -> list[PastUnit]:
    """The previous period's units from its computed result (`JobResult.units`)."""
    return [PastUnit(u["unit"], u["group"], bool(u["evaluated"]), u["score"] if u["evaluated"] else None,
                     u["rank"], u["label"] or "", unit_place(u)) for u in units]


def unit_place(unit: Mapping[str, Any]) -> str:
    """Where a unit's group is written: its register row, or its own row (`tệp, trang "…", dòng 7`) as far as known."""
    if unit.get("group_at"):
        return str(unit["group_at"])
    parts = [str(unit["file"])] if unit.get("file") else []
    parts += [f'trang "{unit["sheet"]}"'] if unit.get("sheet") else []
    parts += [f'dòng {unit["row"]}'] if unit.get("row") else []
    return ", ".join(parts)


def past_from_workbook(sheets: list[Sheet], key: str) -> tuple[list[PastUnit], list[Problem]]:
    """The previous period's units from a `ket-qua.xlsx` this program wrote, or the problems that refuse it."""
    def refused(why: str, sheet: Sheet | None = None, row: int | None = None, column: str | None = None) -> Problem:
        return problem(Reason.PREVIOUS_UNREADABLE, file=sheets[0].file if sheets else "", key=key, why=why,
                       **({"sheet": sheet.name} if sheet else {}), **({"row": row} if row else {}),
                       **({"column": column} if column else {}))

    summary = next((s for s in sheets if s.name == SHEETS["summary"]), None)
    if summary is None:
        return [], [refused(f'không có trang "{SHEETS["summary"]}"')]
    # one "Không đánh giá" row per group, in the order of the groups' sheets (the counts may come in another order)
    groups = [str(row[0]).strip() for row in summary.rows[1:]
              if len(row) > 1 and row[0] and row[1] == SUMMARY["not_evaluated"]]
    own = [s for s in sheets if group_sheet(s.name)]
    if not groups or len(own) != len(groups):
        return [], [refused(f'trang "{SHEETS["summary"]}" ghi {len(groups)} khối nhưng tệp có {len(own)} trang của '
                            f'khối')]
    units: list[PastUnit] = []
    problems: list[Problem] = []
    at_row: dict[int, tuple[Sheet, int]] = {}  # each unit read (by identity) → its sheet and row, for a problem
    for group, sheet in zip(groups, own, strict=True):
        header = [str(v).strip() if isinstance(v, str) else "" for v in (sheet.rows[0] if sheet.rows else ())]
        score = next((h for h in score_headers() if h in header), None)
        missing = [HEADERS[name] for name in READ if HEADERS[name] not in header]
        if score is None or missing:
            shown = ", ".join(f'"{n}"' for n in [*missing, *([] if score else [HEADERS["score"]])])
            problems.append(refused(f"dòng tiêu đề thiếu cột {shown}", sheet, 1))
            continue
        at = {name: header.index(HEADERS[name]) for name in READ} | {"score": header.index(score)}
        label_at = header.index(HEADERS["label"]) if HEADERS["label"] in header else None
        for number, row in enumerate(sheet.rows[1:], 2):
            cell = partial(_cell, row, at)
            name = cell("unit")
            if not isinstance(name, str) or not name.strip():
                if any(v not in (None, "") for v in row):
                    problems.append(refused("dòng không có tên đơn vị", sheet, number, HEADERS["unit"]))
                continue
            value, rank, reason = cell("score"), cell("rank"), cell("reason")
            evaluated = not (isinstance(reason, str) and reason.strip())
            if evaluated and not isinstance(value, (Decimal, int)):
                problems.append(refused("đơn vị được đánh giá mà ô điểm không phải một số", sheet, number, score))
                continue
            if evaluated and not isinstance(rank, int):
                problems.append(refused("đơn vị được đánh giá mà ô xếp hạng không phải một số nguyên", sheet,
                                        number, HEADERS["rank"]))
                continue
            label = row[label_at] if label_at is not None and label_at < len(row) else ""
            units.append(PastUnit(" ".join(name.split()), group, evaluated,
                                  Decimal(value) if evaluated and isinstance(value, (Decimal, int)) else None,
                                  rank if evaluated else None,
                                  label if isinstance(label, str) else "",
                                  f'{sheet.file}, trang "{sheet.name}", dòng {number}'))
            at_row[id(units[-1])] = (sheet, number)
    return units, problems + _disagreements(units, at_row, key)


def _cell(row: Sequence[Any], at: Mapping[str, int], name: str) -> Any:
    """The row's cell of the column `name`; `None` when the row ends before it."""
    return row[at[name]] if at[name] < len(row) else None


def _disagreements(units: list[PastUnit], at_row: dict[int, tuple[Sheet, int]], key: str) -> list[Problem]:
    """A workbook that contradicts itself, each at its row: a unit's name on two rows (by the register's spelling
    key: case, tone placement), or a unit with a higher score than another of its group and a worse rank."""
    found: list[Problem] = []
    first: dict[str, PastUnit] = {}
    for unit in units:
        sheet, row = at_row[id(unit)]
        earlier = first.setdefault(spelled(unit.unit), unit)
        if earlier is not unit:
            at, number = at_row[id(earlier)]
            found.append(problem(Reason.PREVIOUS_RANKS_DISAGREE, file=sheet.file, sheet=sheet.name, row=row,
                                 column=HEADERS["unit"], value=unit.unit, key=key,
                                 why=f'đơn vị "{unit.unit}" có hai dòng (dòng {number} trang "{at.name}" và dòng này)'))
        if unit.score is None or unit.rank is None:  # not evaluated
            continue
        below = next((other for other in units if other.group == unit.group and other.evaluated and unit.evaluated
                      and other.score is not None and other.rank is not None
                      and other.score < unit.score and other.rank < unit.rank), None)
        if below is not None and below.score is not None:
            found.append(problem(Reason.PREVIOUS_RANKS_DISAGREE, file=sheet.file, sheet=sheet.name, row=row,
                                 column=HEADERS["rank"], value=unit.rank, key=key,
                                 why=f'"{unit.unit}" có kết quả {points(unit.score)}, cao hơn "{below.unit}" '
                                     f'({points(below.score)}), mà xếp hạng {unit.rank}, sau hạng {below.rank} của '
                                     f'đơn vị đó'))
    return found


def period_changes(units: Sequence[Mapping[str, Any]], past: list[PastUnit],
                   renames: tuple[tuple[str, tuple[str, ...]], ...], period: str,
                   table: tuple[bool, tuple[str, ...]] | None = None,
                   ) -> tuple[dict[tuple[str, str], Change], list[Problem], list[Problem]]:
    """Each current unit's `Change`, by (group, unit); the problems that refuse the comparison; and the warnings.

    Refused: a rename naming a unit of neither period; two rename lines for one unit of this period; a rename whose
    old unit was in another group than the new one's, when the previous period has a group of that name (ranks of
    two groups cannot be compared; a group renamed since is not one); one previous unit compared with two units of
    this period (by its own name and by a rename, or by two renames). Warned: the previous units compared with no
    unit of this period, so that a misspelt name does not pass silently as "mới".

    `period` names the previous period for a problem ("kỳ trước (../vi-du-2024-…)"). `table` is given when the
    previous period is a table of ranks: whether it is partial, and the units declared new (see `_by_table`).
    """
    problems: list[Problem] = []
    past_index: dict[str, list[PastUnit]] = {}
    for earlier in past:
        past_index.setdefault(plain_text(earlier.unit), []).append(earlier)
    current_index: dict[str, list[_Named]] = {}
    for unit in units:
        current_index.setdefault(plain_text(unit["unit"]), []).append(_Named(unit["unit"], unit["group"]))
    past_groups = {old.group for old in past}
    olds_of: dict[str, list[PastUnit]] = {}
    line_of: dict[str, str] = {}  # a current unit → the new name of the rename line that gave it its old names
    for new, olds in renames:
        key = f'previous.renames."{new}"'
        found = registered_as(current_index, new)
        if found is None:
            problems.append(_unknown(key, new, [u["unit"] for u in units], "kỳ này", period))
            continue
        if found.unit in line_of:
            problems.append(problem(Reason.PREVIOUS_RENAMED_TWICE, file="job.toml", key=key, value=new,
                                    unit=found.unit, first=line_of[found.unit]))
            continue
        line_of[found.unit] = new
        matched = []
        for name in olds:
            old = registered_as(past_index, name)
            if old is None:
                problems.append(_unknown(key, name, [p.unit for p in past], f"kết quả {period}", period))
            elif old.group != found.group and found.group in past_groups:
                problems.append(problem(Reason.PREVIOUS_OTHER_GROUP, file="job.toml", key=key, value=name,
                                        unit=found.unit, group=found.group, old_group=old.group, period=period))
            else:
                matched.append(old)
        olds_of[found.unit] = matched
    changes: dict[tuple[str, str], Change] = {}
    compared: dict[int, tuple[PastUnit, list[str]]] = {}  # a previous unit (by identity) → the units it is set beside
    for unit in units:
        renamed = olds_of.get(unit["unit"])
        previous = renamed if renamed is not None else [p for p in [registered_as(past_index, unit["unit"])] if p]
        moved = [old for old in previous if renamed is None and old.group != unit["group"]
                 and unit["group"] in past_groups]
        if moved:  # ranks of two groups are not comparable: one of the two places has the unit's group wrong
            problems.append(problem(Reason.PREVIOUS_GROUP_MOVED, value=unit["unit"],
                                    group=unit["group"], here=unit_place(unit) or "số liệu kỳ này",
                                    old_group=moved[0].group, there=moved[0].where or f"kết quả {period}",
                                    period=period))
            previous = []
        for old in previous:
            compared.setdefault(id(old), (old, []))[1].append(unit["unit"])
        changes[(unit["group"], unit["unit"])] = _change(unit, previous, "new" if table is None else "no_data")
    for old, named in compared.values():
        if len(named) > 1:
            problems.append(problem(Reason.PREVIOUS_UNIT_TWICE, file="job.toml", key="previous.renames", value=old.unit,
                                    units=" và ".join(f'"{name}"' for name in named), period=period))
    unmatched = [old.unit for old in past if id(old) not in compared]
    warnings = [problem(Reason.PREVIOUS_UNMATCHED, file="job.toml", key="previous.renames", count=len(unmatched),
                        units=", ".join(f'"{name}"' for name in unmatched), period=period)] if unmatched else []
    if table is not None:
        problems += _by_table(units, past, changes, current_index, table[1])
        absent = [u["unit"] for u in units if changes[(u["group"], u["unit"])].status == "no_data"]
        if absent and not table[0]:
            warnings.append(problem(Reason.PREVIOUS_NOT_LISTED, file="job.toml", key="previous.partial",
                                    count=len(absent), units=", ".join(f'"{name}"' for name in absent), period=period))
    return changes, problems, warnings


def _by_table(units: Sequence[Mapping[str, Any]], past: list[PastUnit], changes: dict[tuple[str, str], Change],
              current_index: dict[str, list[_Named]], new: tuple[str, ...]) -> list[Problem]:
    """With a table of ranks: the units declared new marked "mới" (refused when no unit of this period, or when
    in the table), and a table without groups refused for a period of several groups (ranks compare within one)."""
    problems: list[Problem] = []
    groups = list(dict.fromkeys(u["group"] for u in units))
    if past and not any(old.group for old in past) and len(groups) > 1:
        problems.append(problem(Reason.PREVIOUS_TABLE_INVALID, file="job.toml", key="previous.table",
                                why=f'bảng không có cột "Khối" mà kỳ này có {len(groups)} khối ('
                                    f'{", ".join(groups)}); hạng chỉ so sánh trong cùng một khối'))
    for name in new:
        found = registered_as(current_index, name)
        if found is None:
            problems.append(problem(Reason.PREVIOUS_NEW_INVALID, file="job.toml", key="previous.new", value=name,
                                    why="kỳ này không có đơn vị này", hint=_hint(name, [u["unit"] for u in units])))
            continue
        change = changes[(found.group, found.unit)]
        if change.status != "no_data":
            problems.append(problem(Reason.PREVIOUS_NEW_INVALID, file="job.toml", key="previous.new", value=name,
                                    why=f'bảng kỳ trước có đơn vị này ("{", ".join(change.previous_names)}")',
                                    hint=""))
            continue
        changes[(found.group, found.unit)] = Change("new")
    return problems


@dataclass(frozen=True, slots=True)
class _Named:
    unit: str
    group: str


def _hint(name: str, known: list[str]) -> str:
    """" Có phải là "…"?": the closest known name, or "" when none is close."""
    close = get_close_matches(plain_text(name), [plain_text(k) for k in known], n=1, cutoff=0.75)
    return next((HINTS.did_you_mean.format(name=k) for k in known if close and plain_text(k) == close[0]), "")


def _unknown(key: str, name: str, known: list[str], where: str, period: str) -> Problem:
    return problem(Reason.PREVIOUS_UNKNOWN_UNIT, file="job.toml", key=key, value=name, where=where, period=period,
                   hint=_hint(name, known))


def _change(unit: Mapping[str, Any], previous: list[PastUnit], absent: str) -> Change:
    names = tuple(p.unit for p in previous)
    if not previous:
        return Change(absent)
    if len(previous) > 1:
        return Change("merged", previous_names=names)
    old = previous[0]
    if not (unit["evaluated"] and old.evaluated):
        return Change("not_evaluated", old.score, old.rank, old.label, previous_names=names)
    return Change("compared", old.score, old.rank, old.label,
                  unit["score"] - old.score if old.score is not None else None, old.rank - unit["rank"], names)

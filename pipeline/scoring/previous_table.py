"""The previous period from a table of units and ranks as published (`[previous] table`), checked.

The table has a unit column (the headers of the units' table), a rank column ("Hạng", "Xếp hạng", "Vị thứ"…),
and may have a score column ("Điểm", "Chỉ số"…, as typed: "91,04", "91,04%"), a "Khối" column and a "Xếp loại"
column. Each row is a `PastUnit` of the group it names ("" without a "Khối" column: ranks of one group). The
headers of a group's sheet of ket-qua.xlsx, as `results_layout` declares them, are among those read.

Refused, each at its row: a rank that is not a whole number of 1 or more, a unit on two rows, a score that is
not a number; within a group, two units of one rank whose scores differ, or a unit with a higher score than
another and a worse rank (equal scores may take different ranks, as the consecutive tie rule gives them).
"""

from __future__ import annotations

from decimal import Decimal
from functools import partial
from typing import Any

from pipeline.base.errors import Problem, Reason, problem
from pipeline.read.columns import UNIT_TABLE, header_key
from pipeline.read.results_layout import HEADERS, score_headers
from pipeline.read.sheet import Sheet
from pipeline.scoring.cells import NotANumber, NumberTooLarge, clean_text, parse_number, spelled
from pipeline.scoring.previous_period import PastUnit

RANK_HEADERS = ("Hạng", "Xếp hạng", "Thứ hạng", "Vị thứ", "Thứ tự xếp hạng", "Vị trí", "Hạng kỳ trước")
SCORE_HEADERS = ("Điểm", "Chỉ số", "Chỉ số CCHC", "Chỉ số (%)", "Kết quả chỉ số", "Kết quả", "Kết quả đánh giá",
                 "Điểm đánh giá", "Tổng điểm", "Tỷ lệ đạt", "Chỉ số cải cách hành chính")
LABEL_HEADERS = ("Xếp loại",)
HEADER_ROWS = 10  # the header row is one of the first rows (a title may stand above it)


def _keys(headers: tuple[str, ...] | set[str]) -> set[str]:
    return {header_key(h) for h in headers}


def _known() -> dict[str, set[str]]:
    """Each column's header keys: a published table's, and a group's sheet of ket-qua.xlsx as `results_layout`
    declares it (so a sheet the program wrote is read as a table of ranks too)."""
    return {"unit": UNIT_TABLE.column("unit").keys() | _keys({HEADERS["unit"]}),
            "group": UNIT_TABLE.column("group").keys() | _keys({HEADERS["group"]}),
            "rank": _keys({*RANK_HEADERS, HEADERS["rank"]}), "score": _keys({*SCORE_HEADERS, *score_headers()}),
            "label": _keys({*LABEL_HEADERS, HEADERS["label"]})}


def past_from_table(sheets: list[Sheet], key: str) -> tuple[list[PastUnit], list[Problem]]:
    """The previous period's units from a table of ranks, or the problems that refuse it (all of them)."""
    for sheet in sheets:
        for number, row in enumerate(sheet.rows[:HEADER_ROWS], 1):
            at = _columns(row)
            if "unit" in at and "rank" in at:
                return _units(sheet, number, at, key)
    file = sheets[0].file if sheets else ""
    return [], [problem(Reason.PREVIOUS_TABLE_INVALID, file=file, key=key,
                        why='không tìm thấy dòng tiêu đề có cột tên đơn vị và cột "Hạng"')]


def _columns(row: tuple[Any, ...] | list[Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    known = _known()
    for index, value in enumerate(row):
        if isinstance(value, str):
            name = next((name for name, keys in known.items() if header_key(value) in keys), None)
            if name is not None:
                found.setdefault(name, index)
    return found


def _units(sheet: Sheet, header_row: int, at: dict[str, int], key: str) -> tuple[list[PastUnit], list[Problem]]:
    header = sheet.rows[header_row - 1]
    shown = {name: str(header[index]).strip() for name, index in at.items()}
    units: list[PastUnit] = []
    rows: dict[int, int] = {}  # a unit (by identity) → its row, for a problem
    problems: list[Problem] = []

    def refused(why: str, number: int, column: str, value: Any = None) -> None:
        problems.append(problem(Reason.PREVIOUS_TABLE_INVALID, file=sheet.file, sheet=sheet.name, row=number,
                                column=shown[column], value=value, key=key, why=why))

    for number, row in enumerate(sheet.rows[header_row:], header_row + 1):
        cell = partial(_cell, row, at)
        name = clean_text(cell("unit") or "")
        if not name:
            if any(v not in (None, "") for v in row):
                refused("dòng có số liệu mà không có tên đơn vị", number, "unit")
            continue
        rank = _rank(cell("rank"))
        if rank is None:
            refused(f'hạng của "{name}" phải là số nguyên từ 1 trở lên', number, "rank", cell("rank"))
            continue
        try:
            score = _score(cell("score"))
        except (NotANumber, NumberTooLarge):
            refused(f'điểm của "{name}" không phải một số', number, "score", cell("score"))
            continue
        group = clean_text(cell("group") or "")
        units.append(PastUnit(name, group, True, score, rank, clean_text(cell("label") or "")))
        rows[id(units[-1])] = number
    _contradictions(units, rows, refused)
    return units, problems


def _cell(row: tuple[Any, ...] | list[Any], at: dict[str, int], name: str) -> Any:
    """The row's cell of the column `name`; `None` when the table has no such column or the row ends before it."""
    return row[at[name]] if name in at and at[name] < len(row) else None


def _rank(value: Any) -> int | None:
    """A rank as a whole number of 1 or more ("3", 3, 3.0); `None` for anything else."""
    try:
        number = parse_number(value)
    except (NotANumber, NumberTooLarge):
        return None
    if number is None or number != number.to_integral_value() or number < 1:
        return None
    return int(number)


def _score(value: Any) -> Decimal | None:
    """A score as typed, a trailing "%" dropped ("91,04%" is 91,04, as the index is printed)."""
    if isinstance(value, str) and value.strip().endswith("%"):
        value = value.strip()[:-1]
    return parse_number(value)


def _typed(score: Decimal) -> str:
    """A score as the table gives it ("88,00", not "88"), with the decimal comma."""
    return f"{score:f}".replace(".", ",")


def _contradictions(units: list[PastUnit], rows: dict[int, int], refused: Any) -> None:
    """Refuses a unit on two rows; within a group, one rank for two scores, or a higher score ranked below a
    lower one."""
    first: dict[str, PastUnit] = {}
    for unit in units:
        earlier = first.setdefault(spelled(unit.unit), unit)
        if earlier is not unit:
            refused(f'đơn vị "{unit.unit}" có hai dòng (dòng {rows[id(earlier)]} và dòng này)', rows[id(unit)], "unit",
                    unit.unit)
    scored = [u for u in units if u.score is not None]
    for unit in scored:
        for other in scored:
            if other.group != unit.group or other is unit:
                continue
            if unit.score is None or other.score is None or unit.rank is None or other.rank is None:  # never: scored
                continue
            if other.rank == unit.rank and other.score > unit.score:
                refused(f'"{unit.unit}" ({_typed(unit.score)}) và "{other.unit}" ({_typed(other.score)}) cùng hạng '
                        f'{unit.rank} mà điểm khác nhau (cùng hạng chỉ khi cùng điểm)', rows[id(unit)], "rank",
                        unit.rank)
            elif other.score < unit.score and other.rank < unit.rank:
                refused(f'"{unit.unit}" có điểm {_typed(unit.score)}, cao hơn "{other.unit}" ({_typed(other.score)}), '
                        f'mà xếp hạng {unit.rank}, sau hạng {other.rank} của đơn vị đó', rows[id(unit)], "rank",
                        unit.rank)
                break

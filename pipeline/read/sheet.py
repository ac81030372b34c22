"""What reading a data file gives the later stages: sheets as grids of plain cell values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class UncachedFormula:
    """A formula cell that Excel never calculated, so the file holds no value for it."""

    formula: str

    def __str__(self) -> str:
        return self.formula


@dataclass(frozen=True)
class Sheet:
    """One sheet (or one CSV file): `rows[i]` is row `i + 1` as staff see it in Excel.

    A cell is `None` (empty), `str`, `int`, `Decimal` (a number as the file stores it),
    `bool`, `datetime` (a number shown as a date), or `UncachedFormula`. A number shown as
    a percentage is the number staff see (94.66 for a cell showing 94,66 %).

    `hidden` is a sheet Excel does not show (state hidden or veryHidden); `hidden_rows` and
    `hidden_columns` hold the 1-based numbers of the rows and columns Excel does not show
    (hidden, filtered out or folded away): staff cannot see what is in them, so the later
    stages refuse data there.

    `percent_cells` holds the (row, column) numbers, 1-based, of the number cells shown as a percentage: a reader
    can tell 0,5 % typed in such a cell from 0,5 typed in a General cell (a fraction or half a percent?).
    """

    file: str
    name: str | None
    rows: tuple[tuple[Any, ...], ...]
    hidden: bool = False
    hidden_rows: frozenset[int] = frozenset()
    hidden_columns: frozenset[int] = frozenset()
    percent_cells: frozenset[tuple[int, int]] = frozenset()

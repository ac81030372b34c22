"""Reads a CSV file as one sheet: UTF-8 (with or without BOM), comma, semicolon or tab separated.

The separator is the one that splits the table's header row into known columns: Excel in a
Vietnamese locale saves with semicolons and keeps commas inside texts ("Khối, nhóm",
"72,2"), so counting characters would pick the wrong one. Line endings may be CRLF, LF or
CR alone (old Mac). A quote that is never closed would swallow every row after it into one
cell, so the file is read strictly and such a file is refused with the row where it starts.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from pipeline.base.errors import InputErrors, Reason, problem
from pipeline.read.columns import CRITERIA_TABLE, UNIT_TABLE, header_key
from pipeline.read.sheet import Sheet

SEPARATORS = (";", ",", "\t")
HEADER_SEARCH_LIMIT = 1000  # rows searched for the header (the table search then says if it is too low)
_HEADER_KEYS = frozenset(key for spec in (UNIT_TABLE, CRITERIA_TABLE) for column in spec.columns
                         for key in column.keys())  # noqa: SIM118 (`Column.keys`: no dict)


def read_csv(path: Path) -> Sheet:
    """A CSV file in UTF-8 (with or without BOM), separated by commas, semicolons or tabs."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputErrors([problem(Reason.CSV_ENCODING, file=path.name)]) from exc
    heads = {d: list(islice(_rows(text, d, strict=False), HEADER_SEARCH_LIMIT)) for d in SEPARATORS}
    rows: list[tuple[str, ...]] = []
    try:
        rows.extend(_rows(text, _separator(heads), strict=True))
    except csv.Error as exc:
        raise InputErrors([problem(Reason.CSV_MALFORMED, file=path.name, row=len(rows) + 1)]) from exc
    return Sheet(file=path.name, name=None, rows=tuple(rows))


def _rows(text: str, separator: str, strict: bool) -> Iterator[tuple[str, ...]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=strict)
    try:
        yield from (tuple(row) for row in reader)
    except csv.Error:
        if strict:
            raise  # a guess at the separator may meet a quote it cannot read; the right one may not


def _separator(heads: dict[str, list[tuple[str, ...]]]) -> str:
    """The separator whose first row with two or more known column headers comes first (and,
    on the same row, has more of them); with no such row, the most frequent separator of the
    first rows, so that the table search can say what is missing."""
    best: tuple[int, int] | None = None
    chosen = None
    for separator, rows in heads.items():
        for index, row in enumerate(rows):
            known = sum(1 for cell in row if header_key(cell) in _HEADER_KEYS)
            if known >= 2:
                if best is None or (index, -known) < best:
                    best, chosen = (index, -known), separator
                break
    if chosen is not None:
        return chosen
    return max(SEPARATORS, key=lambda d: max((len(row) for row in heads[d][:30]), default=0))

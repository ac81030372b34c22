"""Reads a CSV file as one sheet: UTF-8 (with or without BOM), comma, semicolon or tab separated."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pipeline.base.errors import InputErrors, Reason, problem
from pipeline.read.sheet import Sheet


def read_csv(path: Path) -> Sheet:
    """A CSV file in UTF-8 (with or without BOM), separated by commas, semicolons or tabs."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputErrors([problem(Reason.CSV_ENCODING, file=path.name)]) from exc
    head = text.split("\n", 30)[:30]  # a title line above the table may hold no separator at all
    delimiter = max(";,\t", key=lambda d: max(line.count(d) for line in head))
    rows = tuple(tuple(cell for cell in row) for row in csv.reader(io.StringIO(text), delimiter=delimiter))
    return Sheet(file=path.name, name=None, rows=rows)

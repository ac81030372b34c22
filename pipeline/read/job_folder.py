"""Reads a job folder: `job.toml` and the score files, as plain grids of cell values.

This is the only module that reads input files. It knows file formats (xlsx, csv) and
nothing about columns: header rows and values are the `normalise` stage's business.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.base.errors import InputErrors, Problem, Reason, problem
from pipeline.config.job_settings import SETTINGS_FILE, JobSettings, data_files_in, settings_from_data

_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


@dataclass(frozen=True)
class UncachedFormula:
    """A formula cell that Excel never calculated, so the file holds no value for it."""

    formula: str

    def __str__(self) -> str:
        return self.formula


@dataclass(frozen=True)
class Sheet:
    """One sheet (or one CSV file): `rows[i]` is row `i + 1` as staff see it in Excel."""

    file: str
    name: str | None
    rows: tuple[tuple[Any, ...], ...]


def read_job(folder: Path) -> tuple[JobSettings, list[Sheet]]:
    """Settings and every sheet of every data file; all problems are raised together."""
    if not folder.is_dir():
        raise InputErrors([problem(Reason.JOB_FOLDER_MISSING, file=str(folder))])
    settings = read_settings(folder)
    sheets: list[Sheet] = []
    errors: list[Problem] = []
    for path in settings.data_files:
        try:
            sheets += read_data_file(path)
        except InputErrors as exc:
            errors += exc.problems
    if errors:
        raise InputErrors(errors)
    return settings, sheets


def read_settings(folder: Path) -> JobSettings:
    return settings_from_data(settings_data(folder), folder, data_files_in(folder))


def settings_data(folder: Path) -> dict[str, Any]:
    """`job.toml` as parsed TOML, not yet validated (`init --from` copies it as written)."""
    path = folder / SETTINGS_FILE
    if not path.is_file():
        raise InputErrors([problem(Reason.SETTINGS_MISSING, file=folder.name)])
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line = int(where.group(1)) if where else None
        raise InputErrors([problem(Reason.SETTINGS_SYNTAX, file=SETTINGS_FILE, row=line, error=str(exc))]) from exc


def read_data_file(path: Path) -> list[Sheet]:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return read_workbook(path)
    if suffix == ".csv":
        return [read_csv(path)]
    if suffix == ".xls":
        raise InputErrors([problem(Reason.LEGACY_EXCEL, file=path.name)])
    raise InputErrors([problem(Reason.UNSUPPORTED_FILE, file=path.name)])


def read_workbook(path: Path) -> list[Sheet]:
    """Every sheet's cached values; a formula without a cached value becomes `UncachedFormula`."""
    import openpyxl

    head = path.read_bytes()[:8]
    if head == _OLE_MAGIC:
        reason = Reason.PASSWORD_PROTECTED if _ENCRYPTED_STREAM in path.read_bytes() else Reason.LEGACY_EXCEL
        raise InputErrors([problem(reason, file=path.name)])
    try:
        values = openpyxl.load_workbook(path, read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputErrors([problem(Reason.CORRUPT_WORKBOOK, file=path.name)]) from exc
    except Exception as exc:  # openpyxl raises several private types for damaged parts
        raise InputErrors([problem(Reason.CORRUPT_WORKBOOK, file=path.name)]) from exc
    sheets = []
    try:
        for name in values.sheetnames:
            cached = values[name].iter_rows(values_only=True)
            written = formulas[name].iter_rows(values_only=True)
            rows = tuple(
                tuple(_cell(value, source) for value, source in zip(value_row, formula_row))
                for value_row, formula_row in zip(cached, written)
            )
            sheets.append(Sheet(file=path.name, name=name, rows=rows))
    except Exception as exc:
        raise InputErrors([problem(Reason.CORRUPT_WORKBOOK, file=path.name)]) from exc
    finally:
        values.close()
        formulas.close()
    return sheets


def _cell(value: Any, written: Any) -> Any:
    if value is None and isinstance(written, str) and written.startswith("="):
        return UncachedFormula(written)
    return value


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

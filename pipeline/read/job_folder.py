"""Reads a job folder: `job.toml` and the score files, as plain grids of cell values.

The `read` package is the only one that reads input files. It knows file formats (xlsx,
csv) and nothing about columns: header rows and values are the `scoring` stages' business.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline.base.errors import InputErrors, Problem, Reason, problem
from pipeline.config.job_settings import SETTINGS_FILE, JobSettings, data_files_in, settings_from_data
from pipeline.read.csv_file import read_csv
from pipeline.read.sheet import Sheet
from pipeline.read.workbook import read_workbook


def read_job(folder: Path) -> tuple[JobSettings, list[Sheet]]:
    """Settings and every sheet of every data file; all problems are raised together."""
    settings = read_settings(folder)
    return settings, read_sheets(settings)


def read_settings(folder: Path) -> JobSettings:
    """The job's validated settings; `InputErrors` with every problem of `job.toml`."""
    if not folder.is_dir():
        raise InputErrors([problem(Reason.JOB_FOLDER_MISSING, file=str(folder))])
    return settings_from_data(settings_data(folder), folder, data_files_in(folder))


def read_sheets(settings: JobSettings, files_read: Callable[[int], None] | None = None) -> list[Sheet]:
    """Every sheet of every data file of the job; all problems are raised together.

    `files_read` is told how many files are read so far, after each one."""
    sheets: list[Sheet] = []
    errors: list[Problem] = []
    for count, path in enumerate(settings.data_files, 1):
        try:
            sheets += read_data_file(path)
        except InputErrors as exc:
            errors += exc.problems
        if files_read:
            files_read(count)
    if errors:
        raise InputErrors(errors)
    return sheets


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



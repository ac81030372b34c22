"""One data file read and checked on its own, as it arrives: what can be said before the other files are there.

A campaign's unit workbook is assessed as a run assesses it (`scoring.campaign.assessed_units`, against the
register); the register is read as the run reads it; any other data file is only read (its tables need the
job's other files). The checks across files wait for the job's check, once the whole sending is in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.base.errors import InputErrors, Problem
from pipeline.config.job_settings import JobSettings
from pipeline.read.job_folder import read_data_file, read_settings
from pipeline.scoring.campaign import assessed_units
from pipeline.scoring.register import Registered, by_name, read_register


@dataclass(frozen=True)
class Reader:
    """The job's settings and register, read once for every file of a sending (None: job.toml has problems)."""

    settings: JobSettings | None
    register: dict[str, list[Registered]] | None = None


def reader(folder: Path) -> Reader:
    try:
        settings = read_settings(folder)
    except InputErrors:
        return Reader(None)
    if not settings.kind_record.is_campaign or settings.register is None:
        return Reader(settings)
    try:
        sheets = read_data_file(settings.register)
    except InputErrors:
        return Reader(settings, {})
    sheets = [replace(s, file=settings.register.relative_to(settings.folder).as_posix()) for s in sheets]
    register, _ = read_register(settings, sheets)
    return Reader(settings, by_name(register))


def file_problems(job: Reader, path: Path) -> list[Problem]:
    """Every problem of the data file at `path` that it shows alone."""
    try:
        sheets = read_data_file(path)
    except InputErrors as exc:
        return list(exc.problems)
    settings = job.settings
    if settings is None:
        return []
    if settings.register is not None and path.resolve() == settings.register.resolve():
        sheets = [replace(s, file=path.relative_to(settings.folder).as_posix()) for s in sheets]
        return read_register(settings, sheets)[1]
    if settings.kind_record.is_campaign and path in settings.data_files:
        return assessed_units(settings, sheets, job.register)[1]
    return []

"""A campaign unit's workbook as the appraisal reads it (once per version of the file), the entries shown (saved
online, else the workbook's), and the entries written through to the workbook."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path

from pipeline.read.job_folder import read_data_file
from pipeline.read.sheet import Sheet
from pipeline.scoring.unit_entries import Criterion, WorkbookEntry, criteria_tree, workbook_entries
from pipeline.store.records import Entry
from pipeline.web.unit_workbooks import written_through


@lru_cache(maxsize=1024)
def _read(path: str, size: int, modified: int) -> tuple[list[Sheet], list[Criterion], dict[str, WorkbookEntry]]:
    sheets = read_data_file(Path(path))
    return sheets, criteria_tree(sheets)[0], workbook_entries(sheets)


def unit_workbook_read(folder: Path, relative: str) -> tuple[list[Sheet], list[Criterion], dict[str, WorkbookEntry]]:
    """The workbook's sheets, its criteria tree and the entries it holds (read again only when it changed)."""
    path = folder / relative
    stat = path.stat()
    return _read(str(path), stat.st_size, stat.st_mtime_ns)


def shown_entries(job: str, unit: str, saved: Mapping[str, Entry], held: Mapping[str, WorkbookEntry]
                  ) -> dict[str, Entry]:
    """Each criterion's entry: saved online (with its version), else what the workbook holds (version 0)."""
    shown = {key: Entry(job, unit, key, e.self_points, e.justification or "", e.appraised_points,
                        e.appraisal_comment or "", "", None, 0, "", None) for key, e in held.items()}
    return {**shown, **saved}


def write_appraisal(folder: Path, relative: str, entries: Callable[[], Mapping[str, WorkbookEntry]], who: str) -> None:
    """`entries` (the unit's own columns and the appraisal's) written into the unit's workbook, its previous
    version kept: the store holds the truth, the workbook follows it whole."""
    written_through(folder, relative, entries, who)

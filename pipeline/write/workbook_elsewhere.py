"""The results workbook made in another process, its module (and openpyxl, a tenth of a second) imported only there."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.scoring.result import JobResult


def writing_imported() -> None:
    """What writes the results workbook, imported ahead of the result (`base.workers.Ahead`).

    openpyxl imports numpy, when it is installed, only to take numpy's number types for numbers (a result holds
    none: its numbers are `Decimal` and `int`); numpy is kept out while openpyxl is imported, a third of the time."""
    blocked = "numpy" not in sys.modules
    if blocked:
        sys.modules["numpy"] = None  # type: ignore[assignment]  # None in sys.modules: the import fails at once
    try:
        import pipeline.write.results_workbook  # noqa: F401
    finally:
        if blocked:
            del sys.modules["numpy"]


def made_workbook(result: JobResult, charts: list[tuple[str, list[bytes]]]) -> bytes:
    """`results_workbook.results_workbook`, where this is called."""
    from pipeline.write.results_workbook import results_workbook

    return results_workbook(result, charts=charts)

"""The results workbook made in another process, its module (and openpyxl, a tenth of a second) imported only there."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.scoring.result import JobResult


def writing_imported() -> None:
    """What writes the results workbook, imported ahead of the result (`base.workers.Ahead`)."""
    import pipeline.write.results_workbook  # noqa: F401


def made_workbook(result: JobResult, charts: list[tuple[str, list[bytes]]]) -> bytes:
    """`results_workbook.results_workbook`, where this is called."""
    from pipeline.write.results_workbook import results_workbook

    return results_workbook(result, charts=charts)

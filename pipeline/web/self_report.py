"""A campaign unit's own self-assessment report (the Word report a run makes for it), rendered from its workbook."""

from __future__ import annotations

from pathlib import Path

from pipeline.base.errors import InputErrors, Problem
from pipeline.documents.content.report_context import unit_report_context
from pipeline.documents.rendering.render import render_document
from pipeline.read.job_folder import read_data_file
from pipeline.run_parts import job_templates
from pipeline.scoring.campaign import assessed_units
from pipeline.scoring.evaluate import unit_score
from pipeline.scoring.register import registered_as
from pipeline.web.file_checks import reader


def unit_report(folder: Path, relative: str) -> tuple[bytes | None, list[Problem]]:
    """The report of the unit whose workbook is `relative`, as a run renders it; or the problems that stop it
    (points missing, a total that disagrees…), none of them written anywhere."""
    job = reader(folder)
    settings = job.settings
    if settings is None or settings.reports is None:
        return None, []
    try:
        reports, problems, _ = assessed_units(settings, read_data_file(folder / relative), job.register)
        if problems or not reports:
            return None, problems
        report = reports[0]
        entry = registered_as(job.register, report.unit) if job.register is not None else None
        context = unit_report_context(settings, report, unit_score(settings, report), entry.header if entry else ())
        return render_document(job_templates(settings).unit_reports, context), []
    except InputErrors as exc:
        return None, list(exc.problems)

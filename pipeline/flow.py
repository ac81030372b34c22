"""The pipeline, top to bottom: read → normalise → compute → rank → classify → write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline.classify import classified, label_counts
from pipeline.compute import CriteriaTotals, report_unit, rolled_up_criteria, unit_scores
from pipeline.documents import OUTPUT_NAMES, document_context, template_name
from pipeline.errors import InputErrors, Problem
from pipeline.normalise import normalise_criteria, normalise_units
from pipeline.rank import ranked_within_groups
from pipeline.reading import Sheet, read_job
from pipeline.render import TEMPLATE_DIR, render_document
from pipeline.results import results_workbook
from pipeline.settings import JobSettings
from pipeline.writing import write_outputs


@dataclass(frozen=True)
class JobResult:
    """Everything the documents show: ranked and classified units, counts, criteria."""

    settings: JobSettings
    units: pd.DataFrame
    counts: pd.DataFrame
    criteria: pd.DataFrame | None = None
    totals: CriteriaTotals | None = None


def evaluate(settings: JobSettings, sheets: list[Sheet]) -> JobResult:
    """The four stages over the job's sheets; raises `InputErrors` with every problem found."""
    problems: list[Problem] = []
    criteria = totals = None
    if settings.kind == "bao-cao-tu-cham":
        criteria, found = normalise_criteria(sheets)
        problems += found
        criteria, totals, found = rolled_up_criteria(criteria)
        problems += found
        units = report_unit(settings.unit, settings.groups[0].name, totals) if totals else None
    else:
        units, found = normalise_units(sheets, settings.groups)
        problems += found
    if units is not None:
        units, found = unit_scores(units, settings.scheme)
        problems += found
    if problems or units is None:
        raise InputErrors(sorted(dict.fromkeys(problems), key=_place))
    group_order = [g.name for g in settings.groups]
    group_labels = {g.name: g.labels for g in settings.groups if g.labels}
    ranked = ranked_within_groups(units, group_order, settings.scheme.tie_rule)
    labelled = classified(ranked, settings.scheme, group_labels)
    counts = label_counts(labelled, settings.scheme, group_labels, group_order)
    return JobResult(settings, labelled, counts, criteria, totals)


def documents(result: JobResult) -> dict[str, bytes]:
    """The job's Word documents, rendered in memory: file name → .docx bytes."""
    settings = result.settings
    name = template_name(settings.kind, settings.document)
    template = settings.folder / settings.document.template if settings.document.template else TEMPLATE_DIR / name
    return {OUTPUT_NAMES[name]: render_document(template, document_context(result))}


def _place(found: Problem) -> tuple[str, str, int]:
    return (found.file or "", found.sheet or "", found.row or 0)


def run_job(folder: Path, out_dir: Path, force: bool = False) -> tuple[JobResult, list[Path]]:
    """Reads a job, evaluates it and writes its outputs; nothing is written on any problem."""
    settings, sheets = read_job(folder)
    result = evaluate(settings, sheets)
    files = {"ket-qua.xlsx": results_workbook(result), **documents(result)}
    written = write_outputs(out_dir, files, force=force)
    return result, written

"""The pipeline, top to bottom: read → normalise → compute → rank → classify → write."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from pipeline.documents.batch import Job, Written, render_batch
from pipeline.scoring.campaign import UnitReport, batch_units, file_name
from pipeline.scoring.classify import classified, label_counts
from pipeline.scoring.compute import CriteriaTotals, report_unit, rolled_up_criteria, unit_scores
from pipeline.config.document_settings import unit_document
from pipeline.documents.context import OUTPUT_NAMES, REPORT_TEMPLATE, document_context, report_context, template_name
from pipeline.base.errors import InputErrors, Problem
from pipeline.write.manifest import MANIFEST_NAME, write_manifest
from pipeline.scoring.normalise import normalise_criteria, normalise_units
from pipeline.write.pdf import NoLibreOffice, convert_to_pdf
from pipeline.scoring.rank import ranked_within_groups
from pipeline.read.job_folder import Sheet, read_job
from pipeline.documents.render import TEMPLATE_DIR, render_document
from pipeline.write.results_workbook import results_workbook
from pipeline.config.job_settings import BATCH, JobSettings
from pipeline.documents.template_check import KIND_CONTEXT, check_template
from pipeline.write.files import refuse_existing, remove_leftovers, write_outputs

RESULTS_NAME = "ket-qua.xlsx"


@dataclass(frozen=True)
class JobResult:
    """Everything the documents show: ranked and classified units, counts, criteria."""

    settings: JobSettings
    units: pd.DataFrame
    counts: pd.DataFrame
    criteria: pd.DataFrame | None = None
    totals: CriteriaTotals | None = None
    reports: tuple[UnitReport, ...] = ()  # a batch: each unit's own report


@dataclass(frozen=True)
class Run:
    """What a run wrote: the result, every file, and the manifest that lists their hashes."""

    result: JobResult
    written: list[Path]
    manifest: Path
    pdf_note: str = ""


def evaluate(settings: JobSettings, sheets: list[Sheet]) -> JobResult:
    """The four stages over the job's sheets; raises `InputErrors` with every problem found."""
    problems: list[Problem] = []
    criteria = totals = None
    reports: list[UnitReport] = []
    if settings.kind == "bao-cao-tu-cham":
        criteria, found = normalise_criteria(sheets)
        problems += found
        criteria, totals, found = rolled_up_criteria(criteria)
        problems += found
        units = report_unit(settings.unit, settings.groups[0].name, totals) if totals else None
    elif settings.kind == BATCH:
        units, reports, found = batch_units(settings, sheets)
        problems += found
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
    return JobResult(settings, labelled, counts, criteria, totals, tuple(reports))


def _place(found: Problem) -> tuple[str, str, int]:
    return (found.file or "", found.sheet or "", found.row or 0)


def job_templates(settings: JobSettings) -> list[tuple[Path, str]]:
    """The templates a job renders, each with the kind of context it receives."""
    name = template_name(settings.kind, settings.document)
    chosen = [(_template(settings, settings.document.template, name), KIND_CONTEXT[settings.kind])]
    if settings.reports is not None:
        chosen.append((_template(settings, settings.reports.template, REPORT_TEMPLATE), "report"))
    return chosen


def _template(settings: JobSettings, own: str, shipped: str) -> Path:
    return settings.folder / own if own else TEMPLATE_DIR / shipped


def check_job(folder: Path) -> JobResult:
    """Everything a run checks — settings, data, templates — with every problem raised at once."""
    settings, sheets = read_job(folder)
    problems: list[Problem] = []
    for template, context in job_templates(settings):
        try:
            problems += check_template(template, context)
        except InputErrors as exc:
            problems += exc.problems
    try:
        result = evaluate(settings, sheets)
    except InputErrors as exc:
        raise InputErrors([*exc.problems, *problems]) from None
    if problems:
        raise InputErrors(problems)
    return result


def output_names(result: JobResult, pdf: bool = False) -> list[str]:
    """The files a run writes, relative to the output folder, in the order it writes them."""
    settings = result.settings
    documents = [OUTPUT_NAMES[template_name(settings.kind, settings.document)]]
    documents += [file_name(n, r.unit) for n, r in enumerate(result.reports, 1)]
    pdfs = [str(Path(d).with_suffix(".pdf")) for d in documents] if pdf else []
    return [RESULTS_NAME, *documents, *pdfs, MANIFEST_NAME]


def report_jobs(result: JobResult, template: Path) -> Iterator[Job]:
    """Each unit's report as (file name, template, context), made only when asked for."""
    scores = {(u["group"], u["unit"]): {"score": u["score"], "label": u["label"]}
              for u in result.units[["group", "unit", "score", "label"]].to_dict("records")}
    for n, report in enumerate(result.reports, 1):
        document = unit_document(result.settings.reports, report.unit)
        settings = replace(result.settings, document=document)
        yield (file_name(n, report.unit), template,
               report_context(settings, report.rows, report.totals, scores[(report.group, report.unit)]))


def run_job(folder: Path, out_dir: Path, force: bool = False, pdf: bool = False, workers: int | None = None,
            progress: Callable[[Written], None] | None = None) -> Run:
    """Checks a job, then writes its results, documents, PDFs and manifest.

    Nothing is written when a check fails, or when any file it would write exists
    (unless `force`). Each file is written whole or not at all.
    """
    result = check_job(folder)
    names = output_names(result, pdf)
    if not force:
        refuse_existing(out_dir, [name for name in names if name != MANIFEST_NAME])
    remove_leftovers(out_dir)
    templates = job_templates(result.settings)
    written = write_outputs(out_dir, {RESULTS_NAME: results_workbook(result)}, force=True)
    main = render_document(templates[0][0], document_context(result))
    written += write_outputs(out_dir, {names[1]: main}, force=True)
    if result.reports:
        jobs = report_jobs(result, templates[1][0])
        done = render_batch(jobs, out_dir, workers=workers, progress=progress, size=len(result.reports))
        written += [w.path for w in done]
    note = ""
    if pdf:
        documents = [p for p in written if p.suffix == ".docx"]
        try:
            written += convert_to_pdf(documents)
        except NoLibreOffice as exc:
            note = str(exc)
    manifest = write_manifest(out_dir / MANIFEST_NAME, result, [t for t, _ in templates], written)
    return Run(result, written, manifest, note)

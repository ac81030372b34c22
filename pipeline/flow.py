"""The pipeline, top to bottom: read → normalise → compute → rank → classify → documents → write.

`check_job` does everything a run does except writing: it reads and checks the settings,
the data and the templates, computes the results and renders every document in memory, so
a job that passes it fails in `run_job` only for a reason outside the job (a full disk, a
LibreOffice failure). `run_job` makes the same files in a staging folder and moves them
into the output folder together (`write.staging`): all of them, or none.

A campaign's files are assessed on every core (`campaign_files`, imported only for a campaign).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from pipeline.base.errors import InputErrors, Problem, Reason, problem
from pipeline.base.messages import describe
from pipeline.base.workers import Ahead, Shared
from pipeline.config.job_settings import JobSettings
from pipeline.config.kinds import SUMMARY
from pipeline.config.period_settings import previous_refused
from pipeline.job_documents import (
    decision_document,
    documents_imported,
    summary_document,
    template_problems,
    templates_prepared,
)
from pipeline.read.job_folder import read_data_file, read_settings, read_sheets
from pipeline.run_parts import JobTemplates, Progress, RunOptions, job_templates
from pipeline.scoring.evaluate import evaluate
from pipeline.scoring.name_forms import name_warnings, proper_forms, with_proper_names
from pipeline.scoring.previous_period import PastUnit, past_from_workbook, past_units, period_changes
from pipeline.scoring.previous_table import past_from_table
from pipeline.scoring.result import JobResult
from pipeline.write.manifest import MANIFEST_NAME, manifest_bytes, previous_outputs, sha256
from pipeline.write.pdf import convert_to_pdf, font_warnings, soffice
from pipeline.write.staging import Staging, commit, existing, real_output, refuse_existing, staged_run
from pipeline.write.workbook_elsewhere import made_workbook, writing_imported

RESULTS_NAME = "ket-qua.xlsx"


@dataclass(frozen=True)
class Run:
    """What a run wrote: the result, every file, the manifest that lists their hashes, what it removed,
    and what the person running it should know though nothing failed (`warnings`, said once each)."""

    result: JobResult
    written: list[Path]
    manifest: Path
    removed: tuple[str, ...] = ()
    warnings: tuple[Problem, ...] = ()


def check_job(folder: Path, workers: int | None = None, progress: Progress | None = None,
              strict: bool = False, documents: bool = True) -> JobResult:
    """Everything a run checks and makes — settings, data, templates, documents — writing nothing.

    With `strict`, a finding on typed numbers (`JobResult.findings`) is an error. Without `documents`, the result
    only (`RunOptions.documents`)."""
    options = RunOptions(workers=workers, progress=progress, strict=strict, documents=documents)
    return _made(read_settings(folder), None, options)


def run_job(folder: Path, out_dir: Path, force: bool = False, pdf: bool = False, workers: int | None = None,
            progress: Progress | None = None, strict: bool = False) -> Run:
    """Checks a job, then writes its results, documents, PDFs and manifest, all or nothing.

    Nothing is written when a check fails, when anything fails before the files are in
    place, or when any file it would write exists (unless `force`, which also removes the
    files an earlier run listed in its manifest and this one does not make). With `strict`, a finding on
    typed numbers (`JobResult.findings`) refuses the run like an error; else each is a warning.
    """
    return _run(read_settings(folder), RunOptions(out_dir, force, pdf, workers, progress, strict))


def _run(settings: JobSettings, options: RunOptions) -> Run:
    """`run_job` with its options built."""
    out_dir, force = options.out_dir, options.force
    assert out_dir is not None  # a run writes (`check_job` is the one without a folder)
    if real_output(out_dir) == settings.folder.resolve():  # links followed; a link going round in a circle refused
        raise InputErrors([problem(Reason.OUTPUT_IS_JOB_FOLDER, file=str(out_dir))])
    if options.pdf:
        soffice()  # refuse before any work when there is no LibreOffice
    if not force:  # before any work: the files every run makes, and those an earlier run's manifest lists
        refuse_existing(out_dir, _replaced(settings, out_dir))
    warnings: list[Problem] = [] if settings.decision_made else [problem(Reason.APPRAISAL_NOT_DONE)]
    with staged_run(out_dir, settings.name) as staging:
        warnings[:0] = staging.found  # a run killed earlier in this folder, settled: said first
        result = _made(settings, staging, options)
        warnings += result.findings
        warnings += result.previous_warnings
        warnings += result.warnings  # totals kept as published, numeric columns not used
        warnings += result.name_warnings
        if options.pdf:
            documents = [staging.folder / name for name in staging.names if name.endswith(".docx")]
            for made in convert_to_pdf(documents, progress=options.steps("pdf", len(documents))):
                staging.path(made.relative_to(staging.folder).as_posix())
            warnings += font_warnings()  # once for the run, however many PDFs
        hashes = {name: sha256(staging.folder / name) for name in staging.names}
        templates = [template.path for template in job_templates(settings).all]
        staging.write(MANIFEST_NAME, manifest_bytes(result, templates, hashes))
        superseded = [name for name in previous_outputs(out_dir)
                      if force and name not in staging.names and (out_dir / name).exists()]
        written = commit(staging, force, superseded)
    return Run(result, written[:-1], written[-1], tuple(superseded), tuple(warnings))


def replaced_outputs(folder: Path, out_dir: Path) -> list[str]:
    """The files of `out_dir` a run of the job would replace: what refuses a run without `force`."""
    return existing(out_dir, _replaced(read_settings(folder), out_dir))


def _replaced(settings: JobSettings, out_dir: Path) -> list[str]:
    """The files every run makes, and those an earlier run's manifest lists."""
    summary = [SUMMARY.name] if settings.summary is not None else []
    return list(dict.fromkeys([RESULTS_NAME, settings.output.name, *summary, *previous_outputs(out_dir),
                               MANIFEST_NAME]))


def _made(settings: JobSettings, staging: Staging | None, options: RunOptions) -> JobResult:
    """The job's result and documents, into `staging` (or rendered and dropped, when checking).

    Two processes work beside this one, each on the other core while this one reads and computes (`Ahead`): one
    imports what renders documents, checks the templates (their problems are wanted first, with the data's), then
    prepares those it will render, then renders the job's own documents; the other imports openpyxl, then makes the
    results workbook. This one never imports either."""
    with Ahead(documents_imported) as documents, Ahead(writing_imported) as workbooks:
        return _made_ahead(settings, job_templates(settings), staging, options, documents, workbooks)


def _made_ahead(settings: JobSettings, templates: JobTemplates, staging: Staging | None, options: RunOptions,
                documents: Ahead, workbooks: Ahead) -> JobResult:
    documents.start()
    if staging is not None and options.documents and settings.decision_made:
        workbooks.start()  # a check makes no results workbook: nothing in it can fail on what a user gave
    past, problems, past_inputs = _past(settings, options.workers)
    campaign = settings.kind_record.is_campaign
    checks = [partial(template_problems, t.path, t.context) if campaign else  # its workers are told them at once
              documents.ask(template_problems, t.path, t.context) for t in templates.all
              if campaign or options.documents]
    if options.documents:  # its answer is not waited for: it only readies the templates for their documents
        documents.ask(templates_prepared, tuple(t.path for t in (templates.document, templates.summary) if t))
    if campaign:
        problems += [found for checked in checks for found in checked()]
    try:
        if campaign:
            from pipeline.campaign_files import campaign_result  # a campaign's part, imported for a campaign only

            result = campaign_result(settings, templates, staging, problems, options)  # appraised: notices too
        else:
            result = evaluate(settings, read_sheets(settings, options.steps("read", len(settings.data_files))))
            problems += [found for checked in checks for found in checked()]
    except InputErrors as exc:
        if not campaign:
            problems += [found for checked in checks for found in checked()]
        raise InputErrors(list(dict.fromkeys([*exc.problems, *problems]))) from None
    if problems:
        raise InputErrors(problems)
    if options.strict and result.findings:
        raise InputErrors(list(result.findings))
    forms = proper_forms((u["unit"] for u in result.units), (u.unit for u in past))
    warned = name_warnings(forms, result.units)  # names in capitals or without diacritics, their proper form if known
    if warned:  # the proper form printed when the job asks
        units = with_proper_names(result.units, forms) if settings.checks.proper_names else result.units
        result = replace(result, units=units, name_warnings=warned)
    if settings.previous is not None:
        table = (settings.previous.partial, settings.previous.new) if settings.previous.table is not None else None
        changes, found, unmatched = period_changes(result.units, past, settings.previous.renames,
                                                   _period_name(settings), table)
        if found:
            raise InputErrors(found)
        result = replace(result, changes=changes, previous_name=settings.previous.name, previous_inputs=past_inputs,
                         previous_warnings=tuple(unmatched))
    if not settings.decision_made or not options.documents:  # appraisal under way: the units' reports only
        return result  # (`Reason.APPRAISAL_NOT_DONE`); or the result only, asked for
    made = options.steps("documents", 3 if settings.summary is not None else 2) or (lambda done: None)
    made(0)
    shared = Shared(result)
    workbook_made = workbooks.ask(made_workbook, shared, _charts(settings, result)) if staging is not None else None
    document_made = documents.ask(decision_document, templates.document.path, shared, settings.checks.comments)
    summary_made = documents.ask(summary_document, templates.summary.path, shared) \
        if templates.summary is not None else None
    document = document_made()
    made(1)
    summary = None
    if summary_made is not None:
        summary = summary_made()
        made(2)
    workbook = workbook_made() if workbook_made is not None else None
    made(3 if summary is not None else 2)
    if staging is not None and workbook is not None:
        staging.names.insert(0, RESULTS_NAME)  # listed first, made last: the order of the manifest
        staging.names.insert(1, settings.output.name)
        staging.write(RESULTS_NAME, workbook)
        staging.write(settings.output.name, document)
        if summary is not None:
            staging.names.insert(2, SUMMARY.name)
            staging.write(SUMMARY.name, summary)
    return result


def _charts(settings: JobSettings, result: JobResult) -> list[tuple[str, list[bytes]]]:
    """Each group's charts as PNG, when the job asks for the summary with charts (`[summary] charts`)."""
    if settings.summary is None or not settings.summary.charts:
        return []
    from pipeline.documents.charts.chart_data import group_charts  # matplotlib: only for a summary with charts
    from pipeline.documents.charts.chart_pictures import chart_png

    return [(group, [chart_png(chart) for chart in charts]) for group, charts in group_charts(result)]


def _period_name(settings: JobSettings) -> str:
    """The previous period as a problem names it: "kỳ trước (vi-du-2024-…)"."""
    previous = settings.previous
    assert previous is not None  # asked only of a job with `[previous]`
    return f"kỳ trước ({previous.name or previous.source.name})"


def _past(settings: JobSettings, workers: int | None) -> tuple[list[PastUnit], list[Problem], tuple[Path, ...]]:
    """The previous period's units (`[previous]`), computed from its job's inputs or read from its results
    workbook, and the files they came from (for the manifest); or the problems that refuse it, each saying
    where and why."""
    previous = settings.previous
    if previous is None:
        return [], [], ()
    where = previous.source
    refused = previous_refused(previous, settings.folder)
    if refused:
        return [], refused, ()
    if previous.job is None:
        try:
            sheets = read_data_file(where)
        except InputErrors as exc:
            return [], [problem(Reason.PREVIOUS_UNREADABLE, file=str(where), key=previous.key, why=describe(p))
                        for p in exc.problems], ()
        read = past_from_table if previous.table is not None else past_from_workbook
        return (*read(sheets, previous.key), (where,))
    try:  # its own [previous] and [summary] are not this run's business: one period back only
        own = replace(read_settings(previous.job), previous=None, summary=None)
        if not own.kind_record.ranks_units:  # nothing ranked to compare with
            return [], [problem(Reason.PREVIOUS_NOT_RANKED, file="job.toml", key=previous.key, value=previous.written,
                                kind=own.kind_record.id)], ()
        if not own.decision_made:  # an appraisal under way: no official result yet
            return [], [problem(Reason.PREVIOUS_NOT_APPRAISED, file="job.toml", key=previous.key,
                                value=previous.written)], ()
        if own.kind_record.is_campaign:
            from pipeline.campaign_files import campaign_result

            own_reports = replace(job_templates(own), notices=None)  # the totals only: no unit's notice
            result = campaign_result(own, own_reports, None, [], RunOptions(workers=workers))
        else:
            result = evaluate(own, read_sheets(own))
    except InputErrors as exc:
        return [], [problem(Reason.PREVIOUS_JOB_INVALID, file=f"{previous.job.name}/{p.file or 'job.toml'}",
                            key=previous.key, error=describe(replace(p, file=None))) for p in exc.problems], ()
    inputs = (own.folder / "job.toml", *own.data_files, *((own.register,) if own.register else ()))
    return past_units(result.units), [], inputs

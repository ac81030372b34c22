"""A campaign's files, each read, checked, scored and its units' documents rendered in a worker process, then its
units checked together and ranked: the part of a run only a campaign (`dot-danh-gia`) takes.

Its units are independent until they are ranked: each data file is read, checked, scored and its units' reports
(and, once appraised, their appraisal notices) rendered in a worker process (`assessed_file`), and only each unit's
totals come back, so memory stays flat however many units. A run of another kind never imports this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.base.errors import InputErrors, Problem, Reason
from pipeline.base.memory import SharedValues, return_freed_room
from pipeline.base.workers import in_parallel
from pipeline.config.job_settings import JobSettings
from pipeline.documents.content.notice_context import unit_notice_context
from pipeline.documents.content.report_context import unit_report_context
from pipeline.job_documents import commented_document
from pipeline.read.job_folder import read_data_file
from pipeline.run_parts import JobTemplates, RunOptions
from pipeline.scoring.campaign import UnitReport, assessed_units, campaign_table
from pipeline.scoring.comparison import Losses, by_points_lost, criteria_losses, merged_losses
from pipeline.scoring.evaluate import appraised_score, scored, unit_score
from pipeline.scoring.register import Registered, by_name, read_register, registered_as
from pipeline.scoring.result import JobResult
from pipeline.write.files import report_file_name
from pipeline.write.staging import Staging, output_errors


@dataclass(frozen=True)
class CampaignWork:
    """What every worker of a campaign needs, sent to each once: settings, the report (and notice) template, the
    staging folder."""

    settings: JobSettings
    template: Path
    staging: Path | None
    out_dir: Path | None = None
    register: dict[str, list[Registered]] | None = None  # the register of units by name (`register.by_name`)
    notice: Path | None = None  # the appraisal notice's template, once the appraisal is done


@dataclass(frozen=True, slots=True)
class FileOutcome:
    reports: tuple[UnitReport, ...]  # without their criteria: the totals are all the decision needs
    staged: tuple[str, ...]  # each report's temporary name in the staging folder, in the order of `reports`
    problems: tuple[Problem, ...]
    named: tuple[str, ...] = ()  # registered units whose tables the file holds, refused ones too
    losses: Losses = field(default_factory=dict)  # its units' points lost per criterion (`scoring.comparison`)
    notices: tuple[str, ...] = ()  # each notice's temporary name, in the order of `reports` (none: not appraised)


def assessed_file(work: CampaignWork, file: tuple[int, Path]) -> FileOutcome:
    """A campaign file's units with their reports (and notices) rendered (written to the staging folder, if any)."""
    index, path = file
    try:
        sheets = read_data_file(path)
    except InputErrors as exc:
        return FileOutcome((), (), exc.problems)
    reports, problems, named = assessed_units(work.settings, sheets, work.register)
    staged: list[str] = []
    notices: list[str] = []
    if not problems:
        for number, report in enumerate(reports):
            entry = registered_as(work.register, report.unit) if work.register is not None else None
            context = unit_report_context(work.settings, report, unit_score(work.settings, report),
                                          entry.header if entry else ())
            staged.append(f"bao-cao/.{index:06d}-{number:04d}.docx")
            findings = report.findings if work.settings.checks.comments else ()
            _render(work, work.template, context, staged[-1], problems, findings, report.criteria)
            if work.notice is not None and report.appraised is not None:
                context = unit_notice_context(work.settings, report, appraised_score(work.settings, report, entry))
                notices.append(f"thong-bao/.{index:06d}-{number:04d}.docx")
                _render(work, work.notice, context, notices[-1], problems)
    losses = criteria_losses((r.unit, r.criteria) for r in reports) if work.settings.appraisal_done else {}
    compact = tuple(replace(report, criteria=None) for report in reports)
    return FileOutcome(compact, tuple(staged), tuple(problems), tuple(named), losses, tuple(notices))


def _render(work: CampaignWork, template: Path, context: dict, name: str, problems: list[Problem],
            findings: tuple[Problem, ...] = (), criteria: list | None = None) -> None:
    """One unit's document rendered (each of `findings` a Word comment at its criterion), and written to the
    staging folder under `name` when there is one."""
    try:
        content = commented_document(template, context, findings, criteria)
        if work.staging is not None and work.out_dir is not None:  # set together
            with output_errors(work.out_dir):  # a full disk said like anywhere else, not a crash
                (work.staging / name).parent.mkdir(parents=True, exist_ok=True)
                (work.staging / name).write_bytes(content)
    except InputErrors as exc:
        problems += exc.problems


def campaign_result(settings: JobSettings, templates: JobTemplates, staging: Staging | None,
                    problems: list[Problem], options: RunOptions) -> JobResult:
    """A campaign's result: files assessed in parallel, then the units checked together and ranked."""
    return_freed_room()  # what the templates' checks left: the register's workbook is read into fresh room
    register, found = _register(settings)
    return_freed_room()  # the register's parsed workbook, among the rows kept: not counted here and in the workers
    work = CampaignWork(replace(settings, data_files=()), templates.unit_reports, staging.folder if staging else None,
                        staging.out_dir if staging else None, by_name(register) if register is not None else None,
                        templates.notices.path if templates.notices is not None else None)
    progress = options.progress
    reports: list[UnitReport] = []
    staged: list[str] = []
    notices: list[str] = []
    named: list[str] = []
    losses: Losses = {}  # per criterion, summed over the units: never per unit and criterion
    files = list(enumerate(settings.data_files))
    if progress:
        progress("units", 0, len(files))
    values = SharedValues()  # a group's name, a maximum of 100: held once for all the units, not once for each
    for done, outcome in enumerate(in_parallel(assessed_file, work, files, options.workers, size=len(files)), 1):
        reports += map(values.record, outcome.reports)
        staged += outcome.staged
        notices += outcome.notices
        found += outcome.problems
        named += outcome.named
        losses = merged_losses(losses, outcome.losses)
        if progress:
            progress("units", done, len(files))
    found = list(dict.fromkeys(found))  # a template tag failing on every unit is said once
    if register == () and found:  # a register not read (a renamed header…): said alone, not each table missing from it
        found = [p for p in found if p.reason is not Reason.UNREGISTERED_UNIT]
    units, more = campaign_table(settings, reports, [*found, *problems], register, named)
    findings = tuple(f for report in reports for f in report.findings)
    names = [report.unit for report in reports]
    reports.clear()  # the units' rows carry what the decision needs of them: not kept while they are scored
    result = replace(scored(settings, units, [*found, *more]), findings=findings)
    if settings.appraisal_done:
        result = replace(result, losses=tuple(by_points_lost(losses)))
    if staging is not None and not problems:
        for position, (unit, temporary) in enumerate(zip(names, staged, strict=False), 1):
            staging.renamed(temporary, report_file_name(position, len(names), unit))
        for position, (unit, temporary) in enumerate(zip(names, notices, strict=False), 1):  # after the reports
            staging.renamed(temporary, report_file_name(position, len(names), unit, "thong-bao"))
    return result


def _register(settings: JobSettings) -> tuple[tuple[Registered, ...] | None, list[Problem]]:
    """The campaign's register of units (`None` without one) and the problems in it."""
    if settings.register is None:
        return None, []
    try:
        sheets = read_data_file(settings.register)
    except InputErrors as exc:
        return (), list(exc.problems)
    sheets = [replace(sheet, file=settings.register.relative_to(settings.folder).as_posix()) for sheet in sheets]
    register, problems = read_register(settings, sheets)
    return register, problems

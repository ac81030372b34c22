"""The named parts of a run, built once and passed along: the templates a job renders and the options it runs with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.config.job_settings import JobSettings
from pipeline.config.kinds import SUMMARY, Context
from pipeline.documents import TEMPLATE_DIR

Progress = Callable[[str, int, int], None]  # told the phase (`PHASES`), how many of its steps are done, out of how many
PHASES = ("read", "units", "documents", "pdf")  # data files read; a campaign's files read with their units' reports;
# the results workbook and the job's documents made; documents converted to PDF


@dataclass(frozen=True, slots=True)
class Template:
    """A template a job renders (the job's own or the shipped one) and the kind of context it receives."""

    path: Path
    context: Context  # the shape of the context it receives: `config.kinds.Output.context`


@dataclass(frozen=True, slots=True)
class JobTemplates:
    """The templates of a job: its main document, and those it has of each unit's report (a campaign), each unit's
    appraisal notice (a campaign once appraised) and the summary (`[summary]`, once the decision is made)."""

    document: Template
    reports: Template | None = None
    notices: Template | None = None
    summary: Template | None = None

    @property
    def all(self) -> tuple[Template, ...]:
        """Every template the job renders, the main document first (the order of the manifest)."""
        return tuple(t for t in (self.document, self.reports, self.notices, self.summary) if t is not None)

    @property
    def unit_reports(self) -> Path:
        """The template of each unit's report: a campaign's, which always has one."""
        if self.reports is None:
            raise ValueError("only a campaign renders each unit's report")
        return self.reports.path


def job_templates(settings: JobSettings) -> JobTemplates:
    """The templates a job renders, each with the kind of context it receives."""
    output, record = settings.output, settings.kind_record
    document = Template(_template(settings, settings.document.template, output.template), output.context)
    reports = notices = summary = None
    if record.reports is not None and settings.reports is not None:
        reports = Template(_template(settings, settings.reports.template, record.reports.template),
                           record.reports.context)
    if record.notices is not None and settings.appraisal is not None and settings.appraisal_done:
        notices = Template(_template(settings, settings.appraisal.template, record.notices.template),
                           record.notices.context)
    if settings.summary is not None and settings.decision_made:
        summary = Template(TEMPLATE_DIR / SUMMARY.template, SUMMARY.context)
    return JobTemplates(document, reports, notices, summary)


def _template(settings: JobSettings, own: str, shipped: str) -> Path:
    return settings.folder / own if own else TEMPLATE_DIR / shipped


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How a run goes: where it writes (`None`: a check, nothing written), whether it replaces what an earlier
    run wrote (`force`), adds PDFs, how many worker processes it uses (`None`: as many as the machine has), whom
    it tells its progress, whether a finding on typed numbers refuses it (`strict`), and whether a check makes the
    documents (`documents`; without, a job that is no campaign is read, scored, ranked and compared and nothing
    more: its templates are neither checked nor rendered, for a page that shows the results only)."""

    out_dir: Path | None = None
    force: bool = False
    pdf: bool = False
    workers: int | None = None
    progress: Progress | None = None
    strict: bool = False
    documents: bool = True

    def steps(self, phase: str, total: int) -> Callable[[int], None] | None:
        """`progress` for one phase, told how many of its `total` steps are done; None without `progress`."""
        progress = self.progress
        return (lambda done: progress(phase, done, total)) if progress else None

"""`init` for any kind: the kind checked, then a campaign's or another job's starter (the command line and the web
app)."""

from __future__ import annotations

from pathlib import Path

from pipeline.base.errors import InputErrors, Reason, problem
from pipeline.config.kinds import KINDS


def start_job(kind: str | None, folder: Path, source: Path | None = None, criteria: Path | None = None,
              scheme: str | None = None) -> list[Path]:
    """Creates the job `folder` of `kind` (from `source`, or a campaign from `criteria`; with `scheme`, that scheme
    instead of the kind's); returns the files written."""
    from pipeline.new_job.campaign import init_campaign
    from pipeline.new_job.init import init_job

    known = ", ".join(sorted(k for k, record in KINDS.items() if record.starter))
    if kind is None:
        raise InputErrors([problem(Reason.INIT_KIND_MISSING, known=known)])
    if kind not in KINDS or KINDS[kind].starter is None:
        raise InputErrors([problem(Reason.INIT_UNKNOWN_KIND, value=kind, known=known)])
    if KINDS[kind].is_campaign:
        return init_campaign(folder, criteria=criteria, source=source)
    if criteria is not None:
        raise InputErrors([problem(Reason.INIT_CRITERIA_UNUSED, value=kind)])
    return init_job(kind, folder, source=source, scheme=scheme)

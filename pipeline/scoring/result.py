"""What scoring produces: every unit ranked and classified, counts per label, and a report's criteria."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from pipeline.config.job_settings import JobSettings
from pipeline.scoring.campaign import UnitReport
from pipeline.scoring.compute import CriteriaTotals


@dataclass(frozen=True)
class JobResult:
    """Everything the documents show: ranked and classified units, counts, criteria."""

    settings: JobSettings
    units: pd.DataFrame
    counts: pd.DataFrame
    criteria: list[dict[str, Any]] | None = None  # a report's criteria rows (`scoring.compute`)
    totals: CriteriaTotals | None = None
    reports: tuple[UnitReport, ...] = ()  # a campaign: each unit's own report

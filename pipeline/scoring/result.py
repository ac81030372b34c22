"""What scoring produces: every unit ranked and classified, counts per label, and a report's criteria."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.base.errors import Problem
from pipeline.config.job_settings import JobSettings
from pipeline.scoring.campaign import UnitReport
from pipeline.scoring.comparison import CriterionLoss
from pipeline.scoring.compute import CriteriaTotals
from pipeline.scoring.previous_period import Change
from pipeline.scoring.unit import Unit


@dataclass(frozen=True)
class JobResult:
    """Everything the documents show: ranked and classified units, counts, criteria."""

    settings: JobSettings
    units: list[Unit]  # one row per unit, by group then position: its points, score, rank, label
    counts: list[dict[str, Any]]  # group, label, count
    criteria: list[dict[str, Any]] | None = None  # a report's criteria rows (`scoring.compute`)
    totals: CriteriaTotals | None = None
    reports: tuple[UnitReport, ...] = ()  # a campaign: each unit's own report
    ties: tuple[dict[str, Any], ...] = ()  # units sharing a published score (`rank.tied_units`)
    losses: tuple[CriterionLoss, ...] | None = None  # an appraised campaign: points lost per criterion, most first
    findings: tuple[Problem, ...] = ()  # typed numbers that disagree (`scoring.checks`): warnings, or errors if strict
    changes: Mapping[tuple[str, str], Change] | None = None  # `[previous]`: each unit against the previous period
    previous_name: str = ""  # the previous period as the text names it ("năm 2024", "kỳ trước")
    previous_inputs: tuple[Path, ...] = ()  # the files the previous period was computed or read from
    score_name: str = ""  # the index's name ("Chỉ số CCHC") when the table gives only the index: the score's header
    previous_warnings: tuple[Problem, ...] = ()  # `[previous]`: what to know though it compares (units left unmatched)
    warnings: tuple[Problem, ...] = ()  # what to know though nothing failed: totals kept as published, unused columns
    name_warnings: tuple[Problem, ...] = ()  # unit names in capitals or without diacritics (`scoring.name_forms`)

    def members(self, group: str) -> list[Unit]:
        """The units of `group`, in the order of its table: ranked ones first."""
        return [unit for unit in self.units if unit.group == group]

"""What a unit's self-assessment page shows: its criteria tree with the entries, evidence, totals, what is missing.

The tree and the points a criterion never saved online come from the unit's workbook (as the pipeline reads it);
what was saved online comes from the store (with its version, for the next save). Totals are rolled up on the
server as a run rolls them up (`scoring.unit_entries.typed_totals`). Whether the page can still be changed follows
the unit's state (submitted: read-only until reopened), the campaign's phase and its deadline.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from pipeline.base.errors import InputErrors
from pipeline.read.job_folder import read_data_file
from pipeline.scoring.compute import CriteriaTotals
from pipeline.scoring.unit_entries import Criterion, WorkbookEntry, criteria_tree, typed_totals, workbook_entries
from pipeline.store.records import CampaignPhase, Entry, Evidence, UnitStatus
from pipeline.store.store import Store
from pipeline.web.unit_workbooks import UnitFile, unit_file

SELF_FIELDS = ("self_points", "justification")


@dataclass(frozen=True)
class Shown:
    """One criterion's row: the tree's row, the entry shown (saved online, else the workbook's) and its version."""

    criterion: Criterion
    entry: WorkbookEntry | None
    version: int
    evidence: tuple[Evidence, ...] = ()

    @property
    def needs_evidence(self) -> bool:
        """Points above zero without any evidence file: the unit cannot submit."""
        return self.entry is not None and bool(self.entry.self_points) and not self.evidence


@dataclass(frozen=True)
class UnitPage:
    folder: Path  # the job's folder
    job: str
    unit: UnitFile
    rows: tuple[Shown, ...]
    totals: CriteriaTotals | None
    status: UnitStatus
    phase: CampaignPhase
    now: datetime
    problems: tuple = field(default=())  # what reading the workbook found (said to the secretariat, not here)
    disagreements: tuple = field(default=())  # what rolling the typed points up found (two options of a "choose one")

    @property
    def open(self) -> bool:
        """Whether the unit may still change its entries: not submitted, in the self-assessment phase, before the
        deadline (a unit the secretariat reopened may, whatever the deadline)."""
        if self.status.state == "submitted":
            return False
        if self.status.state == "reopened":
            return True
        return self.phase.phase == "self" and not self.late

    @property
    def late(self) -> bool:
        return self.phase.deadline is not None and self.now > self.phase.deadline

    def row(self, key: str) -> Shown | None:
        return next((r for r in self.rows if r.criterion.key == key), None)

    @property
    def missing_points(self) -> list[Shown]:
        """Criteria that take points, left blank (a "choose one" option and the bonus and penalty may be)."""
        return [r for r in self.rows if r.criterion.key is not None and r.criterion.role == "criterion"
                and not r.criterion.option and (r.entry is None or r.entry.self_points is None)]

    @property
    def missing_evidence(self) -> list[Shown]:
        return [r for r in self.rows if r.needs_evidence]


def as_workbook_entry(entry: Entry) -> WorkbookEntry:
    """A store entry as the workbook holds it: the appraised points are the final points once the council set them."""
    appraised = entry.final_points if entry.final_points is not None else entry.appraised_points
    return WorkbookEntry(entry.criterion, entry.self_points, entry.justification, appraised, entry.appraisal_comment)


def unit_page(store: Store, folder: Path, job: str, unit: str, now: datetime | None = None) -> UnitPage | None:
    """The unit's page, None when the job has no workbook for it (the register does not name it, or no file holds
    its table)."""
    place = unit_file(folder, unit)
    if place is None or not place.path:
        return None
    try:
        sheets = read_data_file(folder / place.path)
    except InputErrors:
        return None
    tree, problems = criteria_tree(sheets)
    stored = store.entries(job, unit)
    from_file = workbook_entries(sheets)
    files: dict[str, list[Evidence]] = {}
    for item in store.evidence(job, unit):
        files.setdefault(item.criterion, []).append(item)
    rows = []
    for criterion in tree:
        key = criterion.key
        if key is None:
            rows.append(Shown(criterion, None, 0))
        elif key in stored:
            rows.append(Shown(criterion, as_workbook_entry(stored[key]), stored[key].version,
                              tuple(files.get(key, ()))))
        else:
            rows.append(Shown(criterion, from_file.get(key), 0, tuple(files.get(key, ()))))
    entries = {r.criterion.key: r.entry for r in rows if r.criterion.key is not None and r.entry is not None}
    totals, found = typed_totals(sheets, entries)
    return UnitPage(folder, job, place, tuple(rows), totals, store.unit_status(job, unit), store.phase(job),
                    now or datetime.now(UTC), tuple(problems), tuple(found))


def with_typed(page: UnitPage, key: str, entry: WorkbookEntry) -> UnitPage:
    """The page as it would be with `entry` typed for `key` (shown back when it could not be saved)."""
    rows = tuple(replace(r, entry=entry) if r.criterion.key == key else r for r in page.rows)
    return replace(page, rows=rows)

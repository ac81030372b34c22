"""What the appraisal and explanation pages share: the campaign as one request sees it, its rows and totals."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any, NoReturn, cast

from starlette.requests import Request

from pipeline.base.formatting import points as shown
from pipeline.scoring.unit_entries import Criterion, PointsRefused, WorkbookEntry, typed_points, typed_totals
from pipeline.store import Store
from pipeline.store.records import Entry, Evidence, Role
from pipeline.web.campaign_access import shown_entries, unit_workbook_read, write_appraisal
from pipeline.web.desk_store import actor, desk_store
from pipeline.web.pages import Refusal
from pipeline.web.roles import Visitor, visitor_of
from pipeline.web.self_view import as_workbook_entry
from pipeline.web.unit_workbooks import UnitFile, campaign_units
from pipeline.web.words import W


def refuse(status: int, text: str | None = None) -> NoReturn:
    """Ends the request with a Vietnamese page: 404 says nothing of what exists, 403 that the account may not."""
    if status == 404:
        raise Refusal(404, W.not_found, W.not_found)
    raise Refusal(status, W.ap_appraisal_title, text or W.ap_not_allowed)


@dataclass
class Campaign:
    """The campaign job of a request, its store and who asks (one of the roles the route accepts)."""

    request: Request
    job: str
    visitor: Visitor

    @classmethod
    def of(cls, request: Request, *roles: Role) -> Campaign:
        job = request.path_params["job"]
        visitor = visitor_of(request)
        if visitor.role not in roles:
            refuse(403)
        if (visitor.job is not None and visitor.job != job) or request.app.state.desk.folder(job) is None:
            refuse(404)
        return cls(request, job, visitor)

    @property
    def store(self) -> Store:
        return desk_store(self.request.app.state)

    @property
    def actor(self) -> str:
        return actor(self.visitor, W.ap_secretariat)

    @property
    def folder(self) -> Path:
        return cast(Path, self.request.app.state.desk.folder(self.job))  # a job's folder: checked by `of`

    @cached_property
    def units(self) -> dict[str, UnitFile]:
        """The register's units (group, workbook), in its order: read once per request."""
        return {u.unit: u for u in campaign_units(self.folder) or ()}

    @property
    def groups(self) -> dict[str, str]:
        return {unit: found.group for unit, found in self.units.items()}

    def phase(self) -> str:
        return self.store.phase(self.job).phase

    def submitted(self) -> set[str]:
        return {unit for unit, status in self.store.statuses(self.job).items()
                if status.state == "submitted" and unit in self.groups}

    def workbook(self, unit: str) -> str:
        found = self.units.get(unit)
        if found is None or not found.path:
            refuse(404)
        return found.path

    def sheets(self, unit: str) -> list:
        return unit_workbook_read(self.folder, self.workbook(unit))[0]

    def tree(self, unit: str) -> list[Criterion]:
        return unit_workbook_read(self.folder, self.workbook(unit))[1]

    def keys(self, unit: str) -> list[str]:
        return [c.key for c in self.tree(unit) if c.key is not None]

    def entries(self, unit: str) -> dict[str, Entry]:
        """The unit's entries as shown: saved online, else its workbook's."""
        held = unit_workbook_read(self.folder, self.workbook(unit))[2]
        return shown_entries(self.job, unit, self.store.entries(self.job, unit), held)

    def save(self, unit: str, key: str, changes: dict[str, Any], version: int) -> Entry:
        """Saves `changes` of one criterion (version-checked), then writes the unit's workbook from its entries."""
        saved = self.store.save_entry(self.job, unit, key, changes, expected_version=version, actor=self.actor)
        self.write_workbook(unit)
        return saved

    def write_workbook(self, unit: str) -> None:
        """The unit's workbook written from its entries in the store (the final points in the appraised column
        once given: the notices and the decision are made from that column), read once the file is this
        writer's."""
        def entries() -> dict[str, WorkbookEntry]:
            return {k: as_workbook_entry(e) for k, e in self.store.entries(self.job, unit).items()}
        write_appraisal(self.folder, self.workbook(unit), entries, self.actor)

_POINTS_REFUSED = {"not_number": W.ap_points_not_number, "negative": W.ap_points_negative,  # by `PointsRefused.why`
                   "above_max": W.ap_points_above_max, "not_in_rule": W.ap_points_not_in_rule}


def refused_points(text: str, criterion: Criterion) -> Decimal | str | None:
    """The typed points, or the sentence saying why they are refused."""
    value = typed_points(text, criterion)
    if isinstance(value, PointsRefused):
        return _POINTS_REFUSED[value.why].format(code=criterion.code or criterion.key, **value.values)
    return value


def _points(value: Decimal | None) -> str:
    return "" if value is None else shown(value)


def criterion_rows(tree: Iterable[Criterion], entries: Mapping[str, Entry], evidence: Iterable[Evidence],
                   typed: Mapping[str, str]) -> list[dict[str, Any]]:
    """Each row of the unit's tree with what the pages show of it: points as printed, the evidence files."""
    files: dict[str, list[Evidence]] = {}
    for item in evidence:
        files.setdefault(item.criterion, []).append(item)
    rows = []
    for criterion in tree:
        entry = entries.get(criterion.key) if criterion.key else None
        row: dict[str, Any] = {"key": criterion.key, "code": criterion.code or "", "title": criterion.title,
               "max": _points(criterion.max_points), "evidence": files.get(criterion.key or "", [])}
        if criterion.key:
            appraised = entry.appraised_points if entry else None
            final = entry.final_points if entry else None
            row.update(version=entry.version if entry else 0, own=_points(entry.self_points if entry else None),
                       justification=entry.justification if entry else "", appraised=_points(appraised),
                       comment=entry.appraisal_comment if entry else "",
                       explanation=entry.explanation if entry else "", final=_points(final),
                       appraised_typed=typed.get(criterion.key, _points(appraised)),
                       final_typed=typed.get(criterion.key, _points(final)))
        rows.append(row)
    return rows


def totals_line(campaign: Campaign, unit: str, entries: Mapping[str, Entry], with_final: bool) -> str:
    """The unit's totals as its tree rolls them up: self-assessed and appraised (and final, once given)."""
    sheets = campaign.sheets(unit)
    own = {k: WorkbookEntry(k, e.self_points) for k, e in entries.items()}
    appraised = {k: WorkbookEntry(k, appraised_points=e.appraised_points) for k, e in entries.items()}
    line = W.ap_appraisal_totals.format(own=_total(sheets, own, "self_points"),
                                        appraised=_total(sheets, appraised, "appraised_points"))
    if with_final:
        final = {k: as_workbook_entry(e) for k, e in entries.items()}
        line += " " + W.ap_final_total.format(final=_total(sheets, final, "appraised_points"))
    return line


def _total(sheets: list, entries: Mapping[str, WorkbookEntry], field: str) -> str:
    totals, _ = typed_totals(sheets, entries, field)
    return shown(totals.points) if totals is not None else "–"

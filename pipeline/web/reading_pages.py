"""Check (every problem, loi.xlsx) and results pages."""

from __future__ import annotations

from decimal import Decimal

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from pipeline.base.errors import Reason, problem
from pipeline.base.messages import describe, explain
from pipeline.base.messages_checks import REVIEW_HEADERS
from pipeline.base.messages_desk import file_name
from pipeline.figures.numbers import points_text, score_header
from pipeline.web.desk_audience import DESK
from pipeline.web.downloads import bytes_download
from pipeline.web.job_pages import job_folder
from pipeline.web.pages import page
from pipeline.web.results_table import Wanted, choices, result_groups
from pipeline.write.problems_workbook import problems_workbook
from pipeline.write.review_rows import review_rows

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FINDING_COLUMNS = (0, 1, 2, 3, 4, 5, 6, 9)  # of "Cần xem lại": TT, file, sheet, row, code, stated, should be, all


async def check(request: Request) -> Response:
    name, _ = job_folder(request)
    checked = await run_in_threadpool(request.app.state.desk.check, name)
    rows = [{"file": file_name(p.file, DESK, p.row is not None) if p.file else "", "sheet": p.sheet or "",
             "row": p.row if p.row is not None else "", "column": p.column or "", "value": p.value or "",
             "fix": explain(p, DESK)} for p in checked.problems]
    warnings = []
    if checked.result is not None and not checked.result.settings.decision_made:
        warnings.append(describe(problem(Reason.APPRAISAL_NOT_DONE), DESK))
    warnings += [describe(p, DESK) for p in (*checked.result.previous_warnings, *checked.result.name_warnings)] \
        if checked.result is not None else []
    warnings += [describe(p, DESK) for p in checked.result.warnings] \
        if checked.result is not None else []  # totals kept
    findings = review_rows(checked.result.findings) if checked.result is not None else []
    return page(request, "check.html", job=name, tab="check", rows=rows, warnings=warnings,
                findings=[[row[i] if row[i] is not None else "" for i in FINDING_COLUMNS] for row in findings],
                finding_headers=[REVIEW_HEADERS[i] for i in FINDING_COLUMNS])


async def errors_workbook(request: Request) -> Response:
    """`check --errors loi.xlsx`'s workbook, made from the same problems."""
    name, _ = job_folder(request)
    checked = await run_in_threadpool(request.app.state.desk.check, name)
    content = problems_workbook(checked.problems, DESK)
    return bytes_download(content, "loi.xlsx", XLSX)


async def results(request: Request) -> Response:
    name, _ = job_folder(request)
    checked = await run_in_threadpool(request.app.state.desk.results, name)
    result = checked.result
    if result is None:
        return page(request, "results.html", job=name, tab="results", result=None, problems=len(checked.problems))
    settings = result.settings
    scheme = settings.scheme
    wanted = Wanted.of(request.query_params)
    groups = result_groups(result, wanted)
    warnings = [] if settings.decision_made else [describe(problem(Reason.APPRAISAL_NOT_DONE), DESK)]
    comparison = []
    kept = {(g["name"], row["unit"]) for g in groups for row in g["rows"]}  # the units the filters keep
    if settings.appraisal_done:
        for unit in (u for u in result.units if (u["group"], u["unit"]) in kept):
            mine, theirs = unit.get("self_points"), unit.get("appraised_points")
            difference = theirs - mine if isinstance(mine, Decimal) and isinstance(theirs, Decimal) else None
            comparison.append({"unit": unit["unit"], "group": unit["group"], "self": points_text(mine),
                               "appraised": points_text(theirs),
                               "difference": ("+" if difference and difference > 0 else "")
                               + points_text(difference) if difference is not None else "",
                               "lower": difference is not None and difference < 0})
    losses = [{"code": x.code, "title": x.title, "lost": points_text(x.lost), "units": x.lost_units,
               "largest": x.largest_unit} for x in (result.losses or ())[:10]]
    return page(request, "results.html", job=name, tab="results", result=result, groups=groups, warnings=warnings,
                comparison=comparison, losses=losses, wanted=wanted, choices=choices(result),
                shown=sum(len(g["rows"]) for g in groups), total=len(result.units),
                score_title=result.score_name or score_header(scheme, settings.kind_record.score_header), scheme=scheme)

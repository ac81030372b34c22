"""End-to-end speed and memory: whole `python -m pipeline run` processes against plain docxtpl.

Run with `python benchmarks/bench_end_to_end.py` (minutes). The jobs are generated (`make_campaign`,
`make_decision`); each run is a subprocess timed by a small wrapper process; plain docxtpl runs in this
process on one core, with contexts built here from the generated data, not by the project's code (which
may change under it). Every figure is also a ratio to plain docxtpl measured in the same run, because
shared machines are noisy: ratios travel, times do not.

(d) a campaign (`dot-danh-gia`) of 2,000 units in the example's form (a register of sở and communes,
    one in a hundred not evaluated, a workbook per evaluated unit with self-assessed and appraised
    points, appraisal done): the whole run (read, check, compute, a report and an appraisal notice per
    unit, the decision, results workbook, manifest) against plain docxtpl writing the same reports and
    notices to disk (`DocxTemplate(path)`, `render`, `save` per document). Goal: at least 10× faster.
(e) a ranking decision (`quyet-dinh-xep-loai`) of 3,300 units, 3 groups of 1,100 in one workbook:
    the whole run against plain docxtpl rendering that one decision. Goal: at most its time (1,0×). Its runs are
    timed without the memory sampler of (d) and (f), which takes CPU from them (it reports no memory).
(f) peak memory of the 2,000-unit run and of a 200-unit run: the largest single process
    (`ru_maxrss` of the wrapper's children, workers included) and the whole process tree (PSS
    summed over /proc, sampled every 50 ms). Goal: the 2,000-unit peak within 1,2× the 200-unit one.
desk: the desk's results page of that 3,300-unit job after a run, as a browser gets it: `python -m pipeline serve`
    started on a free port, the page's whole HTML asked for over HTTP: right after a run made on the desk; then,
    the desk started again, the first request (cold: the desk checks the job) and the next ones (warm: the check
    kept while no file changed), also sorted and filtered by the page's address. Reported in seconds, ÷ 1 s and
    ÷ plain docxtpl's render of that decision. Goal: under 1 s.
`--only d,f,e,desk` measures some figures only ((f) uses (d)'s runs), for iterating.
Each baseline's first document is compared as text with the run's (a note says if they differ).
The package's bytecode is compiled first, as installing it does: a run then starts as a user's would, not
compiling every module (which a shell with PYTHONDONTWRITEBYTECODE would otherwise make it do each time).
"""

from __future__ import annotations

import argparse
import compileall
import gc
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from types import SimpleNamespace as Row
from typing import Any, NamedTuple

import openpyxl
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from openpyxl.worksheet.cell_range import CellRange

ROOT = Path(__file__).resolve().parent.parent
CAMPAIGN = ROOT / "inputs" / "vi-du-2025-dot-danh-gia-tinh"
DECISION = ROOT / "inputs" / "huong-tra-2020-xep-loai"
REPORT_TEMPLATE = ROOT / "templates" / "docx" / "bao-cao-tu-cham.docx"
NOTICE_TEMPLATE = ROOT / "templates" / "docx" / "thong-bao-tham-dinh.docx"
DECISION_TEMPLATE = ROOT / "templates" / "docx" / "quyet-dinh-xep-loai.docx"
# Scheme chat-luong-hoat-dong@2020: labels from the top, scores to 2 decimals, equal scores share a rank.
LABELS = ((90, "Rất tốt"), (80, "Tốt"), (70, "Khá"), (50, "Trung bình"), (0, "Yếu"))
SCHEME_NAME = "đánh giá, xếp loại chất lượng hoạt động"
ROMAN = ("I", "II", "III", "IV", "V", "VI")
BLANK_NUMBER = "\u00a0" * 6  # an unassigned number or date, left for the clerk (docs/templates.md, 3.1)
BLANK_DATE = "ngày" + "\u00a0" * 5 + " tháng" + "\u00a0" * 5 + " năm" + "\u00a0" * 8
REASONS = ("Không đánh giá trong năm 2025 vì không có báo cáo và TLKC", "Sáp nhập trong năm 2025")
WRAPPER = """import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
print(json.dumps({"seconds": time.perf_counter() - start, "code": done.returncode, "error": done.stderr[-3000:],
                  "maxrss": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))"""


@dataclass(frozen=True)
class CampaignUnit:
    name: str
    group: str
    issuing_body: tuple[str, ...]
    symbol: str
    place: str
    survey: Decimal | None  # the register's survey points (the communes' group)
    reason: str  # "" when evaluated; a registered unit without a workbook otherwise
    rows: tuple[tuple[str, str, Decimal, Decimal | None, Decimal | None], ...]  # code, title, max, self, appraised


@dataclass(frozen=True)
class DecisionUnit:
    name: str
    group: str
    applicable_max: Decimal  # 0 when not evaluated
    appraised: Decimal  # 0 when not evaluated
    reason: str  # "" when evaluated
    max_points: Decimal = Decimal(100)


def vi(value: Decimal) -> str:
    """A number as the documents print it: "19,5", "100"."""
    return f"{value.normalize():f}".replace(".", ",")


def fixed(value: Decimal, places: int) -> str:
    """A number at `places` decimals, as a column of scores or of typed points prints it: "86,20"."""
    return f"{value:.{places}f}".replace(".", ",")


def typed_places(values: list[Decimal]) -> int:
    """An input column's decimals: the scheme's 2, or more when a value was typed with more."""
    return max([2, *(max(0, -v.normalize().as_tuple().exponent) for v in values)])


def label(score: Decimal) -> str:
    return next(name for minimum, name in LABELS if score >= minimum)


def nd30_date(day: date | str | None) -> str:
    """"ngày 06 tháng 7 năm 2021", "ngày 24 tháng 02 năm 2020"; a blank for the clerk when unsigned."""
    if not isinstance(day, date):
        return BLANK_DATE
    return f"ngày {day.day:02d} tháng {f'{day.month:02d}' if day.month <= 2 else day.month} năm {day.year}"


def sheet(book: Any, title: str, widths: tuple[int, ...], rows: list[list[Any]]) -> None:
    """A write-only sheet with the examples' column widths and merged title row."""
    made = book.create_sheet(title)
    for column, width in zip("ABCDEFGHIJKL", widths, strict=False):
        made.column_dimensions[column].width = width
    made.merged_cells.add(CellRange(f"A1:{'ABCDEFGHIJKL'[len(widths) - 1]}1"))
    for row in rows:
        made.append(row)


def make_campaign(folder: Path, units: int, seed: int = 2025) -> list[CampaignUnit]:
    """A `dot-danh-gia` job in the example's form: its job.toml (appraisal done), a register of `units` units (one
    in ten a sở, the others communes with survey points, one in a hundred not evaluated, with its reason), and
    "don-vi/0001.xlsx" … with self-assessed and appraised points, in the example's layout and criteria tree."""
    (folder / "don-vi").mkdir(parents=True)
    (folder / "job.toml").write_text(without_tables(CAMPAIGN / "job.toml", ("previous", "summary")), encoding="utf-8")
    example = list(openpyxl.load_workbook(min((CAMPAIGN / "don-vi").glob("*.xlsx")), read_only=True)
                   .worksheets[0].iter_rows(values_only=True))
    start = next(i for i, row in enumerate(example) if row[0] == "Mã số")
    tree = [(str(row[0]), row[1], Decimal(str(row[2]))) for row in example[start + 1:] if row[0]]
    rng, made = random.Random(seed), list[CampaignUnit]()
    register = [[example_register_title()], [], list(REGISTER_COLUMNS)]
    for n in range(1, units + 1):
        if n % 10 == 1:
            name, group, body, symbol, place, survey = (f"Sở Thử Nghiệm {n:04d}", "Sở, ban, ngành",
                                                        (f"SỞ THỬ NGHIỆM {n:04d}",), "BC-STN", "Minh Họa", None)
        else:
            commune = f"Thử Nghiệm {n:04d}"
            name, group, body, symbol, place = (f"UBND xã {commune}", "UBND các xã, phường",
                                                ("ỦY BAN NHÂN DÂN", f"XÃ {commune.upper()}"), "BC-UBND", commune)
            survey = Decimal(rng.randint(1400, 1900)) / 100
        reason = REASONS[0] if n % 100 == 50 else ""
        rows = []
        for code, text, top in tree:
            if "." not in code:  # a field's points are its criteria's sum
                rows.append((code, text, top, None, None))
                continue
            own = top - Decimal(rng.randint(0, int(top * 4) // 3)) / 4
            rows.append((code, text, top, own, own - Decimal(rng.randint(0, 2)) / 2 if own >= 1 else own))
        unit = CampaignUnit(name, group, body, symbol, place, survey, reason, tuple(rows))
        register.append([n, name, group, None, " / ".join(body), symbol if n % 10 == 1 else None,
                         place if n % 10 != 1 else None, None, None, f"Người Ký {n:04d}",
                         None if survey is None else float(survey), reason or None])
        made.append(unit)
        if reason:
            continue
        book = openpyxl.Workbook(write_only=True)
        sheet(book, "Tự chấm điểm", (8, 60, 10, 10, 40, 10, 40), [
            [example[0][0]], [], ["Đơn vị:", unit.name], ["Khối:", unit.group], [], list(example[start]),
            *([code, text, float(top), None if own is None else float(own), None,
               None if judged is None else float(judged), None if judged == own else "Chưa đủ tài liệu kiểm chứng"]
              for code, text, top, own, judged in rows)])
        book.save(folder / "don-vi" / f"{n:04d}.xlsx")
    book = openpyxl.Workbook(write_only=True)
    sheet(book, "Danh mục đơn vị", (5, 30, 20, 20, 30, 10, 12, 20, 16, 20, 10, 40), register)
    book.save(folder / "danh-muc-don-vi.xlsx")
    return made


def without_tables(path: Path, names: tuple[str, ...]) -> str:
    """A job.toml's text without the tables `names` and their subtables: the comparison with the previous
    period and the summary with its charts are documents plain docxtpl is not asked to make here."""
    kept, skipping = [], False
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        header = re.match(r"\[+([^\]]+)\]+\s*$", line)
        if header:
            skipping = header[1].split(".")[0].strip() in names
        if not skipping:
            kept.append(line)
    return "".join(kept)


REGISTER_COLUMNS = ("TT", "Tên đơn vị", "Khối", "Cơ quan chủ quản", "Tên cơ quan ban hành", "Ký hiệu", "Địa danh",
                    "Thẩm quyền ký", "Chức vụ người ký", "Họ tên người ký", "Điểm điều tra xã hội học",
                    "Lý do không đánh giá")


def example_register_title() -> str:
    return openpyxl.load_workbook(CAMPAIGN / "danh-muc-don-vi.xlsx", read_only=True).worksheets[0]["A1"].value


def make_decision(folder: Path, units: int, seed: int = 2020) -> list[DecisionUnit]:
    """A `quyet-dinh-xep-loai` job: the example's settings and groups, one sheet per group, a few not evaluated."""
    folder.mkdir(parents=True)
    settings = (DECISION / "job.toml").read_text(encoding="utf-8")
    (folder / "job.toml").write_text(re.sub(r"(?m)^data = .*$", 'data = "diem-tham-dinh.xlsx"', settings),
                                     encoding="utf-8")
    groups = [group["name"] for group in tomllib.loads(settings)["groups"]]
    rng, made, book = random.Random(seed), list[DecisionUnit](), openpyxl.Workbook(write_only=True)
    for index, group in enumerate(groups):
        rows: list[list[Any]] = [["BẢNG TỔNG HỢP KẾT QUẢ THẨM ĐỊNH CHẤT LƯỢNG HOẠT ĐỘNG NĂM 2025"],
                                 [f"Khối: {group}"], [],
                ["TT", "Đơn vị", "Tổng điểm các nhiệm vụ theo quy định", "Tổng điểm các nhiệm vụ phát sinh trong "
                 "năm theo quy định", "Tổng điểm thẩm định", "Lý do không đánh giá"]]
        for order in range(1, units // len(groups) + (index < units % len(groups)) + 1):
            n, top = len(made) + 1, Decimal((100, 80, rng.choice((90, 100)))[index % 3])
            name = f"{('Phòng', 'UBND xã', 'Trung tâm')[index % 3]} Thử Nghiệm {n:04d}"
            made.append(DecisionUnit(name, group, Decimal(0), Decimal(0), REASONS[n % 300 == 50]) if n % 100 == 50 else
                        DecisionUnit(name, group, top, Decimal(rng.randint(int(top) * 50, int(top) * 100)) / 100, ""))
            unit = made[-1]
            rows.append([order, name, 100, *([None, None, unit.reason] if unit.reason else
                                             [float(unit.applicable_max), float(unit.appraised), None])])
        sheet(book, group, (5, 28, 14, 18, 20, 40), rows)
    book.save(folder / "diem-tham-dinh.xlsx")
    return made


def header(doc: dict[str, Any], fill: Callable[[str], str] = str) -> dict[str, Any]:
    """The names every document shares (docs/templates.md, 3.1), from a job.toml table."""
    signer = doc["signature"]
    return {"parent_body": doc.get("parent_body", ""), "issuing_body": [fill(line) for line in doc["issuing_body"]],
            "number": doc["number"].zfill(2) if doc.get("number") else BLANK_NUMBER, "symbol": doc["symbol"],
            "place": doc["place"], "date": nd30_date(doc.get("date")), "title": fill(doc["title"]),
            "recipients": list(doc["recipients"]), "signature": Row(
                authority=[line.upper() for line in signer["authority"]], position=signer["position"].upper(),
                name=signer["name"])}


def scaled_steps(points: Decimal, maximum: Decimal) -> tuple[Decimal, str]:
    """The score on the scale of 100 and its step as the documents say it ("; quy đổi thang điểm 100: ≈ 89,38")."""
    exact = points / maximum * 100
    score = exact.quantize(Decimal("0.01"), ROUND_HALF_UP)
    if maximum == 100:
        return score, ""
    return score, f"; quy đổi thang điểm 100: {'' if score == exact else '≈ '}{fixed(score, 2)}"


def rolled_up(unit: CampaignUnit, column: int) -> dict[str, Decimal]:
    """Each field's points (the sum of its criteria) and each criterion's, from column 3 (self) or 4 (appraised)."""
    points: dict[str, Decimal] = {}
    field = ""
    for row in unit.rows:
        code = row[0]
        field = code if "." not in code else field
        points[field] = points.get(field, Decimal(0)) + (row[column] or 0)
        if "." in code:
            points[code] = row[column]
    return points


def unit_header(settings: dict[str, Any], unit: CampaignUnit, words: dict[str, Any]) -> dict[str, Any]:
    """A unit's document header from `words` (a job.toml table), "{don_vi}" standing for the unit."""
    return header(words, lambda text: text.replace("{don_vi}", unit.name).replace("{DON_VI}", unit.name.upper()))


def report_context(settings: dict[str, Any], unit: CampaignUnit) -> dict[str, Any]:
    """A unit's report (docs/templates.md, 3.2) under its own header and signer: the register's issuing body,
    symbol and place, its group's defaults (parent body, signer), `[reports]` for the rest."""
    group = next(g for g in settings["groups"] if g["name"] == unit.group)
    reports = settings["reports"]
    words = {**reports, "issuing_body": list(unit.issuing_body), "symbol": unit.symbol, "place": unit.place,
             "parent_body": group.get("parent_body", ""),
             "signature": {"authority": group.get("signer_authority", []), "position": group["signer_position"],
                           "name": f"Người Ký {unit.name[-4:]}"}}
    points = rolled_up(unit, 3)
    criteria = [Row(kind="criterion" if "." in code else "field", code=code, title=text, max_points=vi(top),
                    points=vi(points[code]), rationale="") for code, text, top, _, _ in unit.rows]
    fields = [code for code, *_ in unit.rows if "." not in code]
    total = sum((points[code] for code in fields), Decimal(0))
    maximum = sum((top for code, _, top, _, _ in unit.rows if "." not in code), Decimal(0))
    score, scaled = scaled_steps(total, maximum)
    # each figure once (the scaled one is the result: no bonus here), and ND30's end mark closing the content
    rating = f"Tổng điểm tự chấm các lĩnh vực: {vi(total)}/{vi(maximum)} điểm{scaled}; tự xếp loại: {label(score)}./."
    return {**unit_header(settings, unit, words), "criteria": criteria, "bonus": None, "penalty": None,
            "self_rating": rating if reports.get("self_rating") else "",
            "total": Row(title="TỔNG ĐIỂM", max_points=vi(maximum), points=vi(total), rationale="")}


MINUS = "\u2212"


def change(own: Decimal, judged: Decimal) -> str:
    return "" if own == judged else (MINUS if judged < own else "+") + vi(abs(judged - own))


def notice_context(settings: dict[str, Any], unit: CampaignUnit) -> dict[str, Any]:
    """A unit's appraisal notice (thông báo kết quả thẩm định) under the documented `[appraisal]` defaults."""
    words = {"parent_body": " ".join(settings["document"]["issuing_body"]).upper(),
             "issuing_body": ["HỘI ĐỒNG THẨM ĐỊNH"], "symbol": "TB-HĐTĐ", "place": settings["document"]["place"],
             "title": "Kết quả thẩm định kết quả tự chấm điểm của {don_vi}",
             "recipients": [f"{unit.name};", "Lưu: VT."],
             "signature": {"authority": ["TM. HỘI ĐỒNG"], "position": "CHỦ TỊCH", "name": "(Họ và tên người ký)"}}
    own, judged = rolled_up(unit, 3), rolled_up(unit, 4)
    criteria = [Row(kind="criterion" if "." in code else "field", code=code, title=text, max_points=vi(top),
                    self_points=vi(own[code]), appraised_points=vi(judged[code]),
                    difference=change(own[code], judged[code]),
                    note=note(unit, code)) for code, text, top, _, _ in unit.rows]
    fields = [code for code, *_ in unit.rows if "." not in code]
    total_own, total = (sum((p[code] for code in fields), Decimal(0)) for p in (own, judged))
    maximum = sum((top for code, _, top, _, _ in unit.rows if "." not in code), Decimal(0))
    steps = f"Tổng điểm thẩm định các lĩnh vực: {vi(total)}/{vi(maximum)} điểm"
    if unit.survey is not None:  # direct points and the survey make the scale of 100
        score = total + unit.survey
        steps += f"; cộng điểm điều tra xã hội học {vi(unit.survey)}"
    else:
        score, scaled = scaled_steps(total, maximum)
        steps += scaled
    result = "" if unit.survey is None and scaled else f"; kết quả: {fixed(score, 2)} điểm"  # each figure once
    intro = f"Trên cơ sở báo cáo kết quả tự chấm điểm và tài liệu kiểm chứng của {unit.name}, kết quả thẩm định " \
            "từng tiêu chí như sau:"
    return {**unit_header(settings, unit, words), "intro": intro, "criteria": criteria, "bonus": None, "penalty": None,
            "total": Row(title="TỔNG ĐIỂM", max_points=vi(maximum), self_points=vi(total_own),
                         appraised_points=vi(total), difference=change(total_own, total)),
            "summary": f"{steps}{result}; xếp loại: {label(score)}./."}


def note(unit: CampaignUnit, code: str) -> str:
    row = next(r for r in unit.rows if r[0] == code)
    return "Chưa đủ tài liệu kiểm chứng" if "." in code and row[3] != row[4] else ""


def decision_context(settings: dict[str, Any], units: list[DecisionUnit]) -> dict[str, Any]:
    """The decision (docs/templates.md, 3.3): per group, ranked units then blocks of units not evaluated."""
    doc, groups = settings["document"], settings["groups"]
    context, appendices, lines = header(doc), list[Row](), list[str]()
    for index, group in enumerate(groups, 1):
        members = [u for u in units if u.group == group["name"]]
        evaluated = sorted((u for u in members if not u.reason), key=lambda u: -u.appraised / u.applicable_max)
        ranked: list[Row] = []
        blocks: list[Row] = []
        places = typed_places([u.appraised for u in evaluated])
        for position, u in enumerate(evaluated, 1):
            score = (u.appraised / u.applicable_max * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
            rank = ranked[-1].rank if ranked and ranked[-1].score == fixed(score, 2) else str(position)  # ties share
            ranked.append(Row(position=position, unit=u.name, max_points=vi(u.max_points),
                              applicable_max=vi(u.applicable_max), appraised_points=fixed(u.appraised, places),
                              survey_points="", points=fixed(u.appraised, places), score=fixed(score, 2),
                              label=label(score), rank=rank, note="", component_values=()))
        missing = [u for u in members if u.reason]
        for position, u in enumerate(missing, len(ranked) + 1):
            row = Row(position=position, unit=u.name, max_points=vi(u.max_points), applicable_max="",
                      appraised_points="", survey_points="", points="", score="", label="", rank="", note="",
                      component_values=())
            if blocks and blocks[-1].reason == u.reason:
                blocks[-1].units.append(row)
            else:
                blocks.append(Row(reason=u.reason, units=[row]))
        numbered = doc.get("appendix_numbering") == "so"
        appendices.append(Row(
            label=f"PHỤ LỤC {index:02d}" if numbered else f"Phụ lục {ROMAN[index - 1]}",
            heading=f"{ROMAN[index - 1]}. {group['name'].upper()}", title=group.get("title") or doc["title"].upper(),
            subtitle=group.get("subtitle", ""), components=False, classified=True, ranked=ranked, not_evaluated=blocks,
            # a decision (kind quyet-dinh-xep-loai): no appraisal columns, no [previous]; one component (the appraised
            # points), shown in the table's fixed columns: no columns of its own
            appraisal=False, compared=False, component_columns=()))
        counts = [f"{n} đơn vị xếp loại {name}" for _, name in LABELS if (n := sum(r.label == name for r in ranked))]
        line = f"{'abcdđ'[index - 1]}) {group['name']} (Phụ lục {index:02d}): {len(ranked)}/{len(members)} đơn vị " \
               f"được xếp loại" + (", trong đó " + ", ".join(counts) if counts else "")
        first = [f"{r.unit} ({r.score} điểm)" for r in ranked if r.rank == "1"]
        line += f"; xếp thứ nhất: {', '.join(first)}" if first else ""
        line += f"; {len(missing)} đơn vị không đánh giá ({', '.join(u.name for u in missing)})" if missing else ""
        lines.append(line + ".")
    numbers = [f"{i:02d}" for i in range(1, len(groups) + 1)]
    cited = numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " và " + numbers[-1]
    intro = doc.get("article_1") or f"Công bố kết quả {SCHEME_NAME} của các cơ quan, đơn vị"
    attached = (f"(Kèm theo Quyết định số {context['number']}/{doc['symbol']} {context['date']} "
                f"của {doc.get('issuer_name')})")
    return {**context, "authority": doc["authority"], "bases": list(doc["bases"]), "article_1_lines": lines,
            "article_1": f"{intro.rstrip('.:; ')} (chi tiết tại Phụ lục {cited} kèm theo), cụ thể như sau:",
            "article_2": doc["article_2"], "article_3": doc["article_3"], "appendices": appendices,
            "score_header": "Kết quả đánh giá",
            "attached_to": attached if doc.get("issuer_name") else ""}


def plain_docxtpl(documents: list[tuple[Path, Path, dict[str, Any]]]) -> float:
    """Seconds for `DocxTemplate(template)`, `render`, `save` of each (template, path, context), in this process."""
    environment = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    start = time.perf_counter()
    for template, path, context in documents:
        document = DocxTemplate(template)
        document.render(context, jinja_env=environment, autoescape=True)
        document.save(path)
    return time.perf_counter() - start


def text(path: Path) -> str:
    """The document's words; a non-breaking space (kept inside names by the layout) read as a space."""
    return "\n".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", zipfile.ZipFile(path).read("word/document.xml")
                                .decode("utf-8"))).replace("\u00a0", " ")


class Run(NamedTuple):
    seconds: float
    largest_mib: float  # the largest single process (ru_maxrss)
    tree_mib: float  # the whole process tree, PSS summed, sampled


def tree_pss_kib(pid: int) -> int:
    """PSS of every descendant of `pid` (forked workers' shared pages counted once)."""
    total, pending = 0, [pid]
    while pending:
        process = pending.pop()
        try:
            pending += [int(c) for task in Path(f"/proc/{process}/task").iterdir()
                        for c in (task / "children").read_text().split()]
            if process != pid:
                found = re.search(r"(?m)^Pss:\s+(\d+)", Path(f"/proc/{process}/smaps_rollup").read_text())
                total += int(found[1]) if found else 0
        except OSError:  # the process has ended
            continue
    return total


def whole_run(job: Path, out: Path, sampled: bool = True) -> Run:
    """`python -m pipeline run job --out out`, timed in a wrapper process, its tree's PSS sampled meanwhile when
    `sampled` (reading every process' memory map twenty times a second takes CPU from the run: a figure that reports
    no memory is measured without it)."""
    wrapper = subprocess.Popen([sys.executable, "-c", WRAPPER, sys.executable, "-m", "pipeline", "run", str(job),
                                "--out", str(out)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    done, peak = threading.Event(), [0]

    def sample() -> None:
        while sampled and not done.wait(0.05):
            peak[0] = max(peak[0], tree_pss_kib(wrapper.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = wrapper.communicate()[0]
    done.set()
    sampler.join()
    result = json.loads(output)
    if result["code"]:
        raise SystemExit(f"pipeline run {job.name} failed with {result['code']}:\n{result['error']}")
    return Run(result["seconds"], result["maxrss"] / 1024, peak[0] / 1024)


def versus(documents: list[tuple[Path, Path, dict[str, Any]]], job: Path, out: Path, ours: dict[Path, str],
           repeat: int, sampled: bool = True) -> tuple[float, list[Run]]:
    """Plain docxtpl's median seconds and the runs, alternating; for each template in `ours`, the first document
    plain docxtpl wrote with it compared as text with the first the run wrote matching `ours[template]`."""
    firsts = {template: next(d for d in documents if d[0] == template) for template in ours}
    plain_docxtpl(list(firsts.values()))  # warm-up, and the check that the hand-built contexts render
    plain, runs = [], []
    for _ in range(repeat):
        plain.append(plain_docxtpl(documents))
        runs.append(whole_run(job, out, sampled))
        for template, (_, path, _) in firsts.items():
            mine, theirs = text(path), text(min(out.glob(ours[template])))  # the first in order
            if mine != theirs:
                first = next(i for i, (a, b) in enumerate(zip(mine.split("\n"), theirs.split("\n"), strict=False))
                             if a != b) if any(a != b for a, b in zip(mine.split("\n"), theirs.split("\n"),
                                                                      strict=False)) else None
                said = "" if first is None else \
                    f": {mine.split(chr(10))[first]!r} / {theirs.split(chr(10))[first]!r}"
                print(f"  NOTE: plain docxtpl's {path.name} differs in text from the run's {ours[template]}{said}")
        shutil.rmtree(out)
    return statistics.median(plain), runs


def table(title: str, plain: float, runs: list[Run], heading: str, ratio: Callable[[float, float], float],
          goal: str) -> str:
    width, run = len(heading) + 4, statistics.median(r.seconds for r in runs)
    return "\n".join([f"\n{title}", f"  {'':<34}{'median':>10}{heading:>{width}}",
                      f"  {'plain docxtpl, single core':<34}{plain:>8.2f} s{1:>{width}.2f}",
                      f"  {'pipeline run, whole job':<34}{run:>8.2f} s{ratio(plain, run):>{width}.2f}",
                      f"  goal: {goal}"])


def free_port() -> int:
    """A TCP port nobody listens on now, chosen by the system (random, not 8000)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetched(url: str, opener: urllib.request.OpenerDirector | None = None, data: bytes | None = None
            ) -> tuple[float, bytes]:
    """Seconds from asking for `url` to the last byte of its response, and the response (a browser's wait)."""
    start = time.perf_counter()
    with (opener or urllib.request.build_opener()).open(url, data=data, timeout=600) as response:
        body = response.read()
        if response.status != 200:
            raise SystemExit(f"{url} answered {response.status}")
    return time.perf_counter() - start, body


class DeskPage(NamedTuple):
    after_desk_run: float  # the first request after a run made on the desk (its result kept as the job's check)
    cold: float  # the first request after the desk started again: the desk checks the job (`Desk.check`)
    warm: list[float]  # the same page again, the job unchanged
    sorted_warm: float  # sorted by name and filtered, by the page's address
    size: int  # bytes of the page's HTML


class Desk:
    """`python -m pipeline serve` over `jobs` on a free port, and a browser's session with it (cookies kept)."""

    def __init__(self, jobs: Path):
        port = free_port()
        self.server = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", "--jobs", str(jobs), "--port",
                                        str(port), "--no-browser"], cwd=ROOT, stdout=subprocess.PIPE,
                                       stderr=subprocess.STDOUT, text=True)
        said = self.server.stdout.readline() if self.server.stdout else ""  # "Bàn làm việc …: http://127.0.0.1:…/"
        found = re.search(r"http://[\d.]+:(\d+)/", said)
        self.base = f"http://127.0.0.1:{found[1] if found else port}"
        self.browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        for _ in range(600):  # until it answers (a static file: nothing checked)
            try:
                fetched(f"{self.base}/static/style.css")
                break
            except OSError:
                time.sleep(0.05)

    def get(self, path: str) -> tuple[float, bytes]:
        return fetched(self.base + path, self.browser)

    def run(self, job: str) -> None:
        """"Lập văn bản" pressed (earlier documents replaced), then waited for as the page's progress does."""
        token = re.search(rb'name="csrf" value="([0-9a-f]+)"', self.get("/new")[1])
        form = urllib.parse.urlencode({"csrf": token[1].decode() if token else "", "force": "on"}).encode()
        fetched(f"{self.base}/jobs/{job}/documents", self.browser, form)
        while (state := json.loads(self.get(f"/jobs/{job}/progress")[1]))["state"] == "running":
            time.sleep(0.1)
        if state["state"] != "done":
            raise SystemExit(f"the desk's run of {job} ended {state}")

    def close(self) -> None:
        self.server.terminate()
        self.server.wait()


def desk_page(job: Path, desk: Path, repeat: int) -> DeskPage:
    """The desk's results page of `job` after a run, as a browser gets it: `python -m pipeline serve` started on a free
    port over a jobs folder holding a copy of the job, the page's full HTML asked for over HTTP. First the job is run
    on the desk and its results page asked for; then the desk is started again and the page asked for: the first
    request (cold: the desk checks the job) and the next ones (warm: the check kept)."""
    jobs, page = desk / "inputs", f"/jobs/{job.name}/results"
    shutil.copytree(job, jobs / job.name)
    whole_run(jobs / job.name, desk / "outputs" / job.name)  # imports compiled, outputs there: as on a used desk
    server = Desk(jobs)
    try:
        server.run(job.name)
        after_desk_run = server.get(page)[0]
    finally:
        server.close()
    server = Desk(jobs)
    try:
        cold, body = server.get(page)
        warm = [server.get(page)[0] for _ in range(max(repeat, 3))]
        sorted_warm = server.get(f"{page}?sort=name&q=thu+nghiem")[0]
    finally:
        server.close()
    return DeskPage(after_desk_run, cold, warm, sorted_warm, len(body))


def desk_table(units: int, found: DeskPage, plain: float) -> str:
    rows = [("first request after a run made on the desk", found.after_desk_run),
            ("first request after the desk started (cold)", found.cold),
            ("again, the job unchanged (warm)", statistics.median(found.warm)),
            ("warm, sorted by name and filtered", found.sorted_warm)]
    return "\n".join([f"\ndesk: results page of the {units:,}-unit decision job ({found.size / 1e6:.1f} MB HTML over "
                      "HTTP)", f"  {'':<46}{'median':>10}{'÷ 1 s':>8}{'÷ plain docxtpl':>17}",
                      *(f"  {name:<46}{seconds:>8.2f} s{seconds:>8.2f}{seconds / plain:>17.2f}"
                        for name, seconds in rows),
                      f"  plain docxtpl's render of that decision: {plain:.2f} s; goal: the page in under 1 s"])


FIGURES = ("d", "f", "e", "desk")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=2000, help="units of the campaign (d); a tenth for (f)")
    parser.add_argument("--decision-units", type=int, default=3300, help="units of the decision (e) and the desk page")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per figure (median)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="generate the jobs into DIR (new) and keep them")
    parser.add_argument("--only", default=",".join(FIGURES), help=f"figures to measure, of {','.join(FIGURES)} "
                        "(all by default; (f) needs (d)'s runs)")
    args = parser.parse_args()
    only = {name.strip() for name in args.only.split(",")}
    if not only <= set(FIGURES):
        parser.error(f"--only: of {','.join(FIGURES)}")
    only |= {"d"} if "f" in only else set()
    began, small_units = time.perf_counter(), max(args.units // 10, 1)
    compileall.compile_dir(ROOT / "pipeline", quiet=1)  # as installing does (docstring)
    load = os.getloadavg()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU, load average {load[0]:.2f} {load[1]:.2f} "
          f"{load[2]:.2f} (1, 5, 15 min), templates {REPORT_TEMPLATE.name}, {DECISION_TEMPLATE.name}")
    with tempfile.TemporaryDirectory() as scratch:
        jobs, work = args.keep or Path(scratch) / "jobs", Path(scratch) / "out"
        work.mkdir()
        campaign, small, ranking = (jobs / f"dot-danh-gia-{args.units}", jobs / f"dot-danh-gia-{small_units}",
                                    jobs / f"xep-loai-{args.decision_units}")
        units = make_campaign(campaign, args.units) if "d" in only else []
        if "f" in only:
            make_campaign(small, small_units)
        decided = make_decision(ranking, args.decision_units) if only & {"e", "desk"} else []
        print(f"jobs generated in {time.perf_counter() - began:.1f} s into {jobs}")

        if "d" in only:
            settings = tomllib.loads((campaign / "job.toml").read_text(encoding="utf-8"))
            evaluated = [unit for unit in units if not unit.reason]
            documents = [(REPORT_TEMPLATE, work / f"bao-cao-{n:04d}.docx", report_context(settings, unit))
                         for n, unit in enumerate(evaluated, 1)]
            documents += [(NOTICE_TEMPLATE, work / f"thong-bao-{n:04d}.docx", notice_context(settings, unit))
                          for n, unit in enumerate(evaluated, 1)]
            plain, big = versus(documents, campaign, work / "run-d",
                                {REPORT_TEMPLATE: "bao-cao/*.docx", NOTICE_TEMPLATE: "thong-bao/*.docx"}, args.repeat)
            print(table(f"(d) campaign of {args.units:,} units ({len(evaluated):,} evaluated): as many reports and "
                        "appraisal notices, decision, workbook, manifest",
                        plain, big, "× faster than plain docxtpl", lambda base, s: base / s, "at least 10× faster"))

        if "f" in only:
            little, large = whole_run(small, work / "run-f"), max(big, key=lambda r: r.tree_mib)
            print(f"\n(f) peak memory of whole campaign runs{'largest process':>26}{'process tree (PSS)':>22}")
            for name, run in ((f"{small_units:,} units", little), (f"{args.units:,} units", large)):
                print(f"  {name:<46}{run.largest_mib:>14.0f} MiB{run.tree_mib:>18.0f} MiB")
            print(f"  {f'{args.units:,} / {small_units:,} units':<46}{large.largest_mib / little.largest_mib:>17.2f}×"
                  f"{large.tree_mib / max(little.tree_mib, 1e-9):>21.2f}×\n  goal: within 1,2× (largest process)")

        if only & {"e", "desk"}:
            # (d)'s thousands of contexts dropped: the collector would walk them during plain docxtpl's render below
            # (a fifth more time), which a process rendering only the decision does not do
            units.clear()
            if "d" in only:
                documents.clear()
            gc.collect()
            settings = tomllib.loads((ranking / "job.toml").read_text(encoding="utf-8"))
            decision = [(DECISION_TEMPLATE, work / "quyet-dinh.docx", decision_context(settings, decided))]
            if "e" in only:
                plain, runs = versus(decision, ranking, work / "run-e", {DECISION_TEMPLATE: "quyet-dinh.docx"},
                                     args.repeat, sampled=False)
                print(table(f"(e) decision of {args.decision_units:,} units in {len(settings['groups'])} groups", plain,
                            runs, "× plain docxtpl's time", lambda base, s: s / base,
                            "at most 1,0× plain docxtpl's time"))
            else:
                plain_docxtpl(decision)  # warm-up
                plain = statistics.median(plain_docxtpl(decision) for _ in range(args.repeat))
            if "desk" in only:
                print(desk_table(args.decision_units, desk_page(ranking, Path(scratch) / "desk", args.repeat), plain))
        load = os.getloadavg()
    print(f"\nwhole benchmark: {time.perf_counter() - began:.0f} s; load average at the end {load[0]:.2f} "
          f"{load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()

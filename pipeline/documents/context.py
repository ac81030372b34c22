"""Document context: what each template shows, as plain, already formatted values.

Built from a `JobResult` and the job's `[document]` settings. Numbers are formatted here
(Vietnamese decimal comma, scheme precision), dates in the Nghị định 30 form, and the
text of Điều 1 is written from the same counts as the appendices, so narrative and
tables cannot drift apart. Templates only place these values.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pandas as pd

from pipeline.base import formatting
from pipeline.config.document_settings import DocumentSettings

if TYPE_CHECKING:
    from pipeline.flow import JobResult

BLANK_NUMBER = "\u00a0" * 6  # "Số:      /QĐ-UBND": left for the clerk to fill in
BLANK_DATE = "ngày\u00a0\u00a0\u00a0\u00a0\u00a0 tháng\u00a0\u00a0\u00a0\u00a0\u00a0 năm\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"
LETTERS = "abcdđeghiklmnopqrstuvxy"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")

TEMPLATES = {
    ("bao-cao-tu-cham", "quyet-dinh"): "bao-cao-tu-cham.docx",
    ("quyet-dinh-xep-loai", "quyet-dinh"): "quyet-dinh-xep-loai.docx",
    ("xep-hang-cchc", "quyet-dinh"): "quyet-dinh-cchc.docx",
    ("xep-hang-cchc", "bang"): "bang-xep-hang-cchc.docx",
    ("dot-danh-gia", "quyet-dinh"): "quyet-dinh-xep-loai.docx",
}
REPORT_TEMPLATE = "bao-cao-tu-cham.docx"
OUTPUT_NAMES = {
    "bao-cao-tu-cham.docx": "bao-cao-tu-cham.docx",
    "quyet-dinh-xep-loai.docx": "quyet-dinh.docx",
    "quyet-dinh-cchc.docx": "quyet-dinh.docx",
    "bang-xep-hang-cchc.docx": "bang-xep-hang.docx",
}


@dataclass(frozen=True)
class CriterionRow:
    kind: str  # "field", "criterion" or "item"
    code: str
    title: str
    max_points: str
    points: str
    rationale: str


@dataclass(frozen=True)
class ExtraRow:
    title: str
    max_points: str
    points: str
    rationale: str


@dataclass(frozen=True)
class UnitRow:
    position: int
    unit: str
    max_points: str
    applicable_max: str
    appraised_points: str
    survey_points: str
    points: str
    score: str
    label: str
    rank: str
    note: str


@dataclass(frozen=True)
class ReasonBlock:
    """Consecutive units not evaluated for the same reason: one merged cell."""

    reason: str
    units: tuple[UnitRow, ...]


@dataclass(frozen=True)
class Appendix:
    label: str
    heading: str
    title: str
    subtitle: str
    components: bool
    ranked: tuple[UnitRow, ...]
    not_evaluated: tuple[ReasonBlock, ...]


def template_name(kind: str, document: DocumentSettings) -> str:
    return TEMPLATES[(kind, document.form if kind == "xep-hang-cchc" else "quyet-dinh")]


def document_context(result: JobResult) -> dict[str, Any]:
    """Everything a template of this job's kind may show."""
    doc = result.settings.document
    context = _header(doc)
    if result.settings.kind == "bao-cao-tu-cham":
        context.update(_report(result))
    else:
        context.update(_decision(result))
    return context


def _header(doc: DocumentSettings) -> dict[str, Any]:
    return {
        "parent_body": doc.parent_body, "issuing_body": list(doc.issuing_body), "number": _number(doc),
        "symbol": doc.symbol, "place": doc.place, "date": _date(doc), "title": doc.title,
        "recipients": list(doc.recipients), "signature": doc.signature,
    }


def _number(doc: DocumentSettings) -> str:
    """Numbers below 10 take a leading zero; an unassigned number is left blank for the clerk."""
    return doc.number.zfill(2) if doc.number else BLANK_NUMBER


def _date(doc: DocumentSettings) -> str:
    return formatting.nd30_date(doc.date) if doc.date else BLANK_DATE


def _points(value: Any) -> str:
    return formatting.points(value) if isinstance(value, Decimal) else ""


def _report(result: JobResult) -> dict[str, Any]:
    return {**report_rows(result.criteria, result.totals),
            "self_rating": self_rating(result.settings, result.totals, result.units.iloc[0])}


def report_rows(criteria: pd.DataFrame, totals: Any) -> dict[str, Any]:
    """The rows of a report's table: criteria, bonus, penalty and the total, formatted."""
    rows = []
    for _, row in criteria[criteria["role"] == "criterion"].iterrows():
        kind = "field" if row["level"] == 1 else "criterion" if row["code"] else "item"
        points = row["points"] if kind != "item" else row["self_points"]
        rows.append(CriterionRow(kind, row["code"] or "", row["title"], _points(row["max_points"]),
                                 _points(points), row["rationale"]))
    extras = {}
    for role in ("bonus", "penalty"):
        part = criteria[criteria["role"] == role]
        extras[role] = None
        if len(part):
            first = part.iloc[0]
            total = sum((p for p in part["self_points"] if p is not None), Decimal(0))
            maximum = getattr(totals, f"{role}_max")
            extras[role] = ExtraRow(first["title"], _points(maximum), _points(total), "\n".join(
                r for r in part["rationale"] if r))
    return {"total": ExtraRow("TỔNG ĐIỂM", _points(totals.max_points), _points(totals.points), ""),
            "criteria": rows, "bonus": extras["bonus"], "penalty": extras["penalty"]}


def self_rating(settings: Any, totals: Any, unit: pd.Series) -> str:
    """The optional closing line of a report: total, score on the scheme's scale, label."""
    if not settings.document.self_rating:
        return ""
    scheme = settings.scheme
    return (f"Tổng điểm tự chấm: {_points(totals.points)}/{_points(totals.max_points)} điểm; quy đổi "
            f"thang điểm {_points(scheme.scale)}: {_score(unit['score'], scheme)} điểm; "
            f"tự xếp loại: {unit['label']}.")


def report_context(settings: Any, rows: dict[str, Any], totals: Any, unit: pd.Series) -> dict[str, Any]:
    """A batch's report for one unit: the unit's own rows in the job's `[reports]` wording."""
    return {**_header(settings.document), **rows, "self_rating": self_rating(settings, totals, unit)}


def _score(value: Decimal, scheme: Any) -> str:
    return formatting.number(value, scheme.decimals, scheme.fixed_decimals)


def _shown(value: Any, scheme: Any) -> str:
    """An input number at the scheme's display precision when that needs no rounding."""
    if not isinstance(value, Decimal):
        return ""
    places = -value.normalize().as_tuple().exponent
    if scheme.fixed_decimals and places <= scheme.decimals:
        return formatting.number(value, scheme.decimals, True)
    return formatting.points(value)


def appendix_label(index: int, count: int, numbering: str) -> str:
    """"Phụ lục I" (Nghị định 30; "Phụ lục" alone when there is one) or "PHỤ LỤC 01"."""
    if numbering == "so":
        return f"PHỤ LỤC {index:02d}"
    return "Phụ lục" if count == 1 else f"Phụ lục {ROMAN[index - 1]}"


def appendix_references(count: int, numbering: str) -> str:
    """How Điều 1 cites the appendices: "Phụ lục I, II và III" or "Phụ lục 01, 02 và 03"."""
    if numbering == "la-ma" and count == 1:
        return "Phụ lục"
    numbers = [f"{i:02d}" if numbering == "so" else ROMAN[i - 1] for i in range(1, count + 1)]
    listed = numbers[0] if count == 1 else ", ".join(numbers[:-1]) + " và " + numbers[-1]
    return f"Phụ lục {listed}"


def _unit_row(unit: pd.Series, scheme: Any) -> UnitRow:
    evaluated = bool(unit["evaluated"])
    return UnitRow(
        position=int(unit["position"]), unit=unit["unit"], max_points=_shown(unit["max_points"], scheme),
        applicable_max=_shown(unit["applicable_max"], scheme),
        appraised_points=_shown(unit["appraised_points"], scheme), survey_points=_shown(unit["survey_points"], scheme),
        points=_shown(unit["appraised_points"], scheme), score=_score(unit["score"], scheme) if evaluated else "",
        label=unit["label"] or "", rank=str(unit["rank"]) if evaluated else "", note=unit["note"],
    )


def _decision(result: JobResult) -> dict[str, Any]:
    settings, doc, scheme = result.settings, result.settings.document, result.settings.scheme
    count = len(settings.groups)
    appendices, lines = [], []
    for index, group in enumerate(settings.groups, 1):
        members = result.units[result.units["group"] == group.name]
        evaluated: list[UnitRow] = []
        blocks: list[ReasonBlock] = []
        for _, unit in members.iterrows():
            row = _unit_row(unit, scheme)
            if unit["evaluated"]:
                evaluated.append(row)
            elif blocks and blocks[-1].reason == unit["reason"]:
                blocks[-1] = ReasonBlock(unit["reason"], (*blocks[-1].units, row))
            else:
                blocks.append(ReasonBlock(unit["reason"], (row,)))
        label = appendix_label(index, count, doc.appendix_numbering)
        appendices.append(Appendix(
            label=label, heading=f"{ROMAN[index - 1]}. {group.name.upper()}", title=group.title or doc.title.upper(),
            subtitle=group.subtitle, components=bool(members["survey_points"].notna().any()),
            ranked=tuple(evaluated), not_evaluated=tuple(blocks),
        ))
        cited = label if doc.appendix_numbering == "la-ma" else f"Phụ lục {index:02d}"
        lines.append(_group_line(LETTERS[index - 1], group.name, cited, members, result.counts, scheme))
    refs = appendix_references(count, doc.appendix_numbering)
    intro = doc.article_1 or f"Công bố kết quả {scheme.name[:1].lower()}{scheme.name[1:]} của các cơ quan, đơn vị"
    return {
        "authority": doc.authority, "bases": list(doc.bases),
        "article_1": f"{intro.rstrip('.:; ')} (chi tiết tại {refs} kèm theo), cụ thể như sau:",
        "article_1_lines": lines, "article_2": doc.article_2, "article_3": doc.article_3,
        "attached_to": f"(Kèm theo Quyết định số {_number(doc)}/{doc.symbol} {_date(doc)} của {doc.issuer_name})" if doc.issuer_name else "",
        "appendices": appendices,
    }


def _group_line(letter: str, group: str, label: str, members: pd.DataFrame, counts: pd.DataFrame, scheme) -> str:
    """"a) Cơ quan chuyên môn (Phụ lục 01): 11/12 đơn vị được xếp loại, gồm 4 Rất tốt, …"""
    evaluated = members[members["evaluated"].astype(bool)]
    parts = [f"{row['count']} đơn vị xếp loại {row['label']}"
             for _, row in counts[counts["group"] == group].iterrows() if row["count"]]
    text = f"{letter}) {group} ({label}): {len(evaluated)}/{len(members)} đơn vị được xếp loại"
    text += (", trong đó " + ", ".join(parts)) if parts else ""
    first = evaluated[evaluated["rank"] == 1]
    if len(first):
        names = ", ".join(f"{u['unit']} ({_score(u['score'], scheme)} điểm)" for _, u in first.iterrows())
        text += f"; xếp thứ nhất: {names}"
    missing = members[~members["evaluated"].astype(bool)]
    if len(missing):
        text += f"; {len(missing)} đơn vị không đánh giá ({', '.join(missing['unit'])})"
    return text + "."

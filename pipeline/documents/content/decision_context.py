"""A decision's context: Căn cứ, Điều 1 written from the counts, one appendix per group.

Điều 1 is written from the same counts as the appendices, so the narrative and the tables
cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from pipeline.config.kinds import KINDS
from pipeline.documents.content.header import document_date, document_number, issuer_with_place
from pipeline.documents.content.rows import Appendix, ReasonBlock, UnitRow
from pipeline.documents.layout.line_breaks import names_kept_whole
from pipeline.figures.component_columns import (
    ComponentColumn,
    component_columns,
    component_texts,
    own_columns,
    survey_slot,
)
from pipeline.figures.numbers import (
    column_places,
    column_text,
    points_text,
    score_header,
    score_text,
    score_words,
)
from pipeline.figures.period_text import rank_change_text, score_change_text

if TYPE_CHECKING:
    from decimal import Decimal

    from pipeline.config.scheme import Scheme
    from pipeline.scoring.result import JobResult
    from pipeline.scoring.unit import Unit

LETTERS = "abcdđeghiklmnopqrstuvxy"  # the 23 letters Vietnamese drafting numbers points with (no f, j, w, z)
_ROMAN_DIGITS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                 (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(number: int) -> str:
    """`14` → `"XIV"`: the Roman numeral of any positive number (appendices, headings)."""
    digits = []
    for value, numeral in _ROMAN_DIGITS:
        count, number = divmod(number, value)
        digits.append(numeral * count)
    return "".join(digits)


def point_letter(index: int) -> str:
    """The letter of the `index`-th point (điểm) of Điều 1, from 1: a, b, c, d, đ, e, … x, y, then aa, bb, … yy, aaa.

    Nghị định 30/2020 (Phụ lục I, mục II) numbers the points of a clause with the letters of the
    Vietnamese alphabet in order, a) to y); it says nothing past y). Doubling the letter (aa), bb), …)
    is the usual continuation in Vietnamese legal drafting (it reads unambiguously, and keeps đ after d
    as in the single letters), so after the 23rd point come aa) … yy), then aaa) and so on.
    """
    turn, place = divmod(index - 1, len(LETTERS))
    return LETTERS[place] * (turn + 1)


def appendix_label(index: int, count: int, numbering: str) -> str:
    """"Phụ lục I" (Nghị định 30; "Phụ lục" alone when there is one) or "PHỤ LỤC 01"."""
    if numbering == "so":
        return f"PHỤ LỤC {index:02d}"
    return "Phụ lục" if count == 1 else f"Phụ lục {roman(index)}"


def appendix_references(count: int, numbering: str) -> str:
    """How Điều 1 cites the appendices: "Phụ lục I, II và III" or "Phụ lục 01, 02 và 03"."""
    if numbering == "la-ma" and count == 1:
        return "Phụ lục"
    numbers = [f"{i:02d}" if numbering == "so" else roman(i) for i in range(1, count + 1)]
    listed = numbers[0] if count == 1 else ", ".join(numbers[:-1]) + " và " + numbers[-1]
    return f"Phụ lục {listed}"


INPUT_COLUMNS = ("appraised_points", "survey_points", "self_points", "bonus", "penalty")  # typed points in a table


def input_places(members: Sequence[Unit], scheme: Any) -> dict[str, int]:
    """The decimals of each input column of one appendix, from all its units at once.

    A row is built unit by unit, but how many decimals a column shows depends on every value in it
    (one "86,2" among "90,25" must read "86,20"), so the appendix decides first and its rows follow.
    """
    return {column: column_places(map(attrgetter(column), members), scheme) for column in INPUT_COLUMNS}


def _unit_row(unit: Unit, scheme: Any, places: dict[str, int], changes: Any = None,
              columns: tuple[ComponentColumn, ...] = (), own: tuple[ComponentColumn, ...] = (),
              survey: bool | None = None) -> UnitRow:
    """One unit's row; `survey` is `survey_slot(scheme)`, worked out once for a table rather than for each row."""
    survey = survey_slot(scheme) if survey is None else survey
    evaluated = bool(unit.evaluated)
    change = changes.get((unit.group, unit.unit)) if changes is not None else None
    appraised = column_text(unit.appraised_points, places["appraised_points"])
    assert unit.position is not None  # a ranked unit has its place in its table
    return UnitRow(
        position=int(unit.position), unit=unit.unit, max_points=points_text(unit.max_points),
        applicable_max=points_text(unit.applicable_max), appraised_points=appraised,
        survey_points=column_text(unit.survey_points, places["survey_points"]) if survey else "",
        points=appraised, score=score_text(_score(unit), scheme) if evaluated else "",
        label=unit.label or "", rank=str(unit.rank) if evaluated else "", note=unit.note,
        self_points=column_text(unit.self_points, places["self_points"]) if evaluated else "",
        # no bonus, no penalty: a blank cell, not "0,00"
        bonus=column_text(unit.bonus, places["bonus"]) if evaluated and unit.bonus else "",
        penalty=column_text(unit.penalty, places["penalty"]) if evaluated and unit.penalty else "",
        score_change=score_change_text(change, scheme), rank_change=rank_change_text(change),
        components=component_texts(unit, list(columns), scheme),
        component_values=component_texts(unit, list(own), scheme),
    )


def _score(unit: Unit) -> Decimal:
    assert unit.score is not None  # an evaluated unit has its score
    return unit.score


def decision_document(result: JobResult) -> dict[str, Any]:
    settings, doc, scheme = result.settings, result.settings.document, result.settings.scheme
    count = len(settings.groups)
    appendices, lines = [], []
    for index, group in enumerate(settings.groups, 1):
        members = result.members(group.name)
        evaluated: list[UnitRow] = []
        blocks: list[ReasonBlock] = []
        places = input_places(members, scheme)
        columns = tuple(component_columns(members, scheme, others_only=True))
        own = own_columns(members, scheme)
        survey = survey_slot(scheme)
        for unit in members:
            row = _unit_row(unit, scheme, places, result.changes, columns, own, survey)
            if unit.evaluated:
                evaluated.append(row)
            elif blocks and blocks[-1].reason == unit.reason:
                blocks[-1] = ReasonBlock(unit.reason, (*blocks[-1].units, row))
            else:
                blocks.append(ReasonBlock(unit.reason, (row,)))
        label = appendix_label(index, count, doc.appendix_numbering)
        appendices.append(Appendix(
            label=label, heading=f"{roman(index)}. {group.name.upper()}", title=group.title or doc.title.upper(),
            subtitle=group.subtitle,
            components=survey_slot(scheme) and any(u.survey_points is not None for u in members),
            classified=bool(scheme.labels if group.labels is None else group.labels),
            ranked=tuple(evaluated), not_evaluated=tuple(blocks), appraisal=settings.appraisal_done is True,
            adjustments=any(row.bonus or row.penalty for row in evaluated),
            compared=result.changes is not None, component_headers=tuple(c.header for c in columns),
            component_columns=tuple(c.header for c in own),
        ))
        cited = label if doc.appendix_numbering == "la-ma" else f"Phụ lục {index:02d}"
        lines.append(_group_line(point_letter(index), group.name, cited, members, result.counts, scheme,
                                 appendices[-1].classified))
    refs = appendix_references(count, doc.appendix_numbering)
    intro = doc.article_1 or f"Công bố kết quả {scheme.name[:1].lower()}{scheme.name[1:]} của các cơ quan, đơn vị"
    return {
        "authority": names_kept_whole(doc.authority), "bases": list(doc.bases),
        "article_1": f"{intro.rstrip('.:; ')} (chi tiết tại {refs} kèm theo), cụ thể như sau:",
        "article_1_lines": lines, "article_2": doc.article_2, "article_3": doc.article_3,
        "attached_to": names_kept_whole(
            f"(Kèm theo Quyết định số {document_number(doc)}/{doc.symbol} "
            f"{document_date(doc)} của {issuer_with_place(doc.issuer_name, doc.place)})") if doc.issuer_name else "",
        "appendices": appendices,
        "score_header": result.score_name or score_header(scheme, KINDS[settings.kind].score_header),
    }


def _group_line(letter: str, group: str, label: str, members: Sequence[Unit], counts: list[dict[str, Any]],
                scheme: Scheme, classified: bool = True) -> str:
    """"a) Cơ quan chuyên môn (Phụ lục 01): 11/12 đơn vị được xếp loại, gồm 4 Rất tốt, …"

    Rank only (no labels): "… 11/12 đơn vị được xếp hạng; xếp thứ nhất: …", no counts.
    In percent: "xếp thứ nhất: Sở Tư pháp đạt 96,85%" instead of "Sở Tư pháp (96,85 điểm)".
    """
    evaluated = [u for u in members if u.evaluated]
    parts = [f"{row['count']} đơn vị xếp loại {row['label']}"
             for row in counts if row["group"] == group and row["count"]]
    done = "được xếp loại" if classified else "được xếp hạng"
    text = f"{letter}) {group} ({label}): {len(evaluated)}/{len(members)} đơn vị {done}"
    text += (", trong đó " + ", ".join(parts)) if parts else ""
    first = [u for u in evaluated if u.rank == 1]
    if first:
        names = ", ".join(f"{u.unit} đạt {score_words(_score(u), scheme)}" if scheme.percent
                          else f"{u.unit} ({score_words(_score(u), scheme)})" for u in first)
        text += f"; xếp thứ nhất: {names}"
    missing = [u for u in members if not u.evaluated]
    if missing:
        text += f"; {len(missing)} đơn vị không đánh giá ({', '.join(u.unit for u in missing)})"
    return text + "."

"""Text written from the data: per group the leading units, counts per label, units not evaluated and why,
the largest rises and falls against the previous period; for the summary document (thông cáo kết quả) and
as context variables of the decision (`summary_lead`, `summary_groups`).

Every number is the one the tables print, formatted by the same functions (`numbers.score_words`,
`period_text`), and every count comes from the same `JobResult.counts` as Điều 1 and the results
workbook, so the summary cannot say 91,59 where the appendix says 91,51, nor "Rất tốt" where it says "Tốt".
The wording is in `base.messages_summary`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from pipeline.base.messages_summary import ORDINALS, PREVIOUS_DEFAULT, SUMMARY, SUMMARY_RECIPIENTS
from pipeline.documents.content.header import body_as_issuer, document_date, document_number, end_marked, header
from pipeline.documents.layout.line_breaks import names_kept_whole
from pipeline.figures.numbers import score_words
from pipeline.figures.period_text import rank_change_text, score_change_text

if TYPE_CHECKING:
    from pipeline.config.job_settings import Group
    from pipeline.config.scheme import Scheme
    from pipeline.scoring.previous_period import Change
    from pipeline.scoring.result import JobResult

LEADERS = 3  # the ranks the summary names in each group: first, second, third
MOVERS = 3  # the largest rises (and falls) named in each group


@dataclass(frozen=True, slots=True)
class SummaryGroup:
    """One group's paragraphs, each already a sentence or more."""

    number: int
    name: str
    heading: str
    leaders: str
    counts: str
    not_evaluated: str  # "" when every unit was evaluated
    changes: tuple[str, ...]  # () without `[previous]`
    paragraphs: tuple[str, ...]  # the four above that are not empty, in order
    charts: tuple[Any, ...] = ()  # the summary document's charts (`summary_render`: images); none in the decision


def summary_paragraphs(result: JobResult) -> dict[str, Any]:
    """`summary_lead` (one paragraph over the groups) and `summary_groups` (one `SummaryGroup` each)."""
    groups = [_group(result, number, group) for number, group in enumerate(result.settings.groups, 1)]
    return {"summary_lead": _lead(result), "summary_groups": groups}


def summary_document(result: JobResult) -> dict[str, Any]:
    """The summary document's context: its header (the decision's, with its own symbol, title, recipients),
    the paragraphs; the charts are added when rendered (`summary_render`)."""
    settings = result.settings
    own = settings.summary
    doc = settings.document
    symbol = own.symbol if own and own.symbol else SUMMARY.symbol + (doc.symbol[doc.symbol.find("-"):]
                                                                        if "-" in doc.symbol else "")
    title = own.title if own and own.title else SUMMARY.title.format(what=_what(result))
    recipients = own.recipients if own and own.recipients else SUMMARY_RECIPIENTS
    shown = replace(doc, number="", date=None, symbol=symbol, title=title, recipients=tuple(recipients))
    attached = names_kept_whole(SUMMARY.attached.format(
        number=document_number(shown), symbol=symbol, date=document_date(shown),
        issuer=body_as_issuer(doc.issuing_body, doc.place)))
    paragraphs = summary_paragraphs(result)
    groups = paragraphs["summary_groups"]
    if groups and groups[-1].paragraphs:  # the content's last sentence closed with ND30's end mark "./."
        *before, last = groups[-1].paragraphs
        groups[-1] = replace(groups[-1], paragraphs=(*before, end_marked(last)))
    else:
        paragraphs["summary_lead"] = end_marked(paragraphs["summary_lead"])
    return {**header(shown), **paragraphs, "charts_attached": False, "attached_to": attached}


def _what(result: JobResult) -> str:
    """What was evaluated, from the decision's trích yếu ("Về việc công bố kết quả đánh giá … năm 2025" →
    "đánh giá … năm 2025"), else the scheme's name."""
    title = result.settings.document.title
    for prefix in ("Về việc công bố kết quả ", "Về việc công bố ", "Công bố kết quả ", "Kết quả "):
        if title.lower().startswith(prefix.lower()):
            return title[len(prefix):]
    name = result.settings.scheme.name
    return name[:1].lower() + name[1:]


def _score(unit: Mapping[str, Any], scheme: Scheme, classified: bool = True) -> str:
    label = SUMMARY.label.format(label=unit["label"]) if classified and unit["label"] else ""
    return SUMMARY.unit_score.format(unit=unit["unit"], score=score_words(unit["score"], scheme), label=label)


def _lead(result: JobResult) -> str:
    doc, scheme = result.settings.document, result.settings.scheme
    leaders = []
    for group in result.settings.groups:
        first = [u for u in result.members(group.name) if u["evaluated"] and u["rank"] == 1]
        for (score, label), units in _alike(first, scheme).items():
            words = SUMMARY.leader if len(units) == 1 else SUMMARY.leader_tied
            leaders.append(words.format(unit=units[0], units=listed(units), group=group.name, score=score,
                                        label=SUMMARY.label.format(label=label) if label else ""))
    what = _what(result)
    if doc.issuer_name and doc.symbol:
        return SUMMARY.intro.format(what=what, number=document_number(doc), symbol=doc.symbol,
                                    date=document_date(doc), issuer=doc.issuer_name, leaders="; ".join(leaders))
    return SUMMARY.intro_plain.format(what=what, leaders="; ".join(leaders))


def _group(result: JobResult, number: int, group: Group) -> SummaryGroup:
    scheme = result.settings.scheme
    members = result.members(group.name)
    evaluated = [u for u in members if u["evaluated"]]
    classified = bool(scheme.labels if group.labels is None else group.labels)
    ranks = sorted({r for u in evaluated if (r := u["rank"]) is not None and r <= LEADERS})  # evaluated: ranked
    leaders = [_rank_sentence(group.name, rank, [u for u in evaluated if u["rank"] == rank], scheme, classified)
               for rank in ranks]
    parts = [SUMMARY.count.format(count=row["count"], label=row["label"])
             for row in result.counts if row["group"] == group.name and row["count"]]
    done = SUMMARY.done_classified if classified else SUMMARY.done_ranked
    counts = SUMMARY.counts.format(total=len(members), evaluated=len(evaluated), done=done,
                                   parts=(", gồm " + ", ".join(parts)) if parts else "")
    if len(members) == 1 and evaluated:
        label = evaluated[0]["label"] if classified else ""
        counts = SUMMARY.counts_single.format(label=label) if label else SUMMARY.counts_single_plain
    missing = [u for u in members if not u["evaluated"]]
    reasons: dict[str, list[str]] = {}  # units of one reason named together, in the order of the table
    for unit in missing:
        reasons.setdefault(in_brackets(unit["reason"]), []).append(unit["unit"])
    not_evaluated = SUMMARY.not_evaluated.format(
        count=len(missing), units="; ".join(SUMMARY.not_evaluated_unit.format(unit=", ".join(units), reason=reason)
                                            for reason, units in reasons.items())) if missing else ""
    if not evaluated:  # the reasons are the whole of what is said of the group: one sentence
        counts = (SUMMARY.counts_none_reasons.format(done=done, reasons=not_evaluated) if not_evaluated
                  else SUMMARY.counts_none.format(done=done) + ".")
    changes = _changes(result, members) if result.changes is not None else ()
    paragraphs = tuple(p for p in (" ".join(leaders), counts, not_evaluated if evaluated else "", *changes) if p)
    return SummaryGroup(number, group.name, SUMMARY.group_heading.format(number=number, group=group.name),
                        " ".join(leaders), counts, not_evaluated, changes, paragraphs)


def in_brackets(reason: str) -> str:
    """A reason as it reads inside a sentence's brackets: on one line (a line break typed in the table's cell
    would end a justified line there, its words stretched: "được  thành  lập  theo"), without the full stop
    or semicolon it ends with ("…kỳ sau.);" → "…kỳ sau);")."""
    return " ".join(reason.split()).rstrip(".;,: ")


def listed(names: Sequence[str]) -> str:
    """"A", "A và B", "A, B và C"."""
    return ", ".join(names[:-1]) + SUMMARY.and_word + names[-1] if len(names) > 1 else names[0]


def _alike(units: Sequence[Mapping[str, Any]], scheme: Scheme, classified: bool = True
           ) -> dict[tuple[str, str], list[str]]:
    """Units of one rank by the score and label the tables print, in the order of the table: tied units share
    both, so they are named together once."""
    alike: dict[tuple[str, str], list[str]] = {}
    for unit in units:
        key = (score_words(unit["score"], scheme), unit["label"] if classified and unit["label"] else "")
        alike.setdefault(key, []).append(unit["unit"])
    return alike


def _rank_sentence(group: str, rank: int, units: Sequence[Mapping[str, Any]], scheme: Scheme, classified: bool) -> str:
    """"Dẫn đầu khối … là A với …", "Xếp thứ hai là …"; units tied at the rank: "Cùng dẫn đầu khối … là A, B và C
    với …"."""
    alike = _alike(units, scheme, classified)
    ordinal = ORDINALS.get(rank, str(rank))
    if len(units) > 1 and len(alike) == 1:
        (score, label), names = next(iter(alike.items()))
        label = SUMMARY.label.format(label=label) if label else ""
        return (SUMMARY.first_tied if rank == 1 else SUMMARY.next_tied).format(
            group=group, ordinal=ordinal, units=listed(names), score=score, label=label)
    named = ", ".join(_score(u, scheme, classified) for u in units)
    return (SUMMARY.first.format(group=group, units=named) if rank == 1
            else SUMMARY.next.format(ordinal=ordinal, units=named))


def _changes(result: JobResult, members: Sequence[Mapping[str, Any]]) -> tuple[str, ...]:
    """The largest rises and falls of rank (ties of the same size all named, up to `MOVERS` places), the units
    new since the previous period, and the merged ones."""
    scheme, changes = result.settings.scheme, result.changes or {}
    previous = result.previous_name or PREVIOUS_DEFAULT
    moved = [(u, changes[(u["group"], u["unit"])]) for u in members if (u["group"], u["unit"]) in changes]
    compared = [(u, c) for u, c in moved if c.status == "compared"]
    rises = sorted((p for p in compared if _steps(p[1]) > 0), key=lambda p: (-_steps(p[1]), p[0]["rank"]))
    falls = sorted((p for p in compared if _steps(p[1]) < 0), key=lambda p: (_steps(p[1]), p[0]["rank"]))
    lines = []

    def named(pairs: list[tuple[Mapping[str, Any], Change]], words: str, words_rank: str) -> str:  # `words_rank`:
        return ", ".join((words if c.score_change is not None else words_rank).format(  # known by its ranks only
            unit=u["unit"], arrow=rank_change_text(c), before=c.previous_rank, after=u["rank"],
            change=score_change_text(c, scheme)) for u, c in pairs[:MOVERS])

    if rises:
        lines.append(SUMMARY.rises.format(previous=previous, units=named(rises, SUMMARY.moved, SUMMARY.moved_rank)))
    if falls:
        lines.append((SUMMARY.falls if rises else SUMMARY.falls_first).format(
            previous=previous, units=named(falls, SUMMARY.moved_down, SUMMARY.moved_down_rank)))
    if compared and not rises and not falls:
        lines.append(SUMMARY.steady.format(previous=previous))
    new = [u["unit"] for u, c in moved if c.status == "new"]
    if new:
        lines.append(SUMMARY.new.format(previous=previous, units=", ".join(new)))
    unknown = [u["unit"] for u, c in moved if c.status == "no_data"]
    if unknown:
        lines.append(SUMMARY.no_data.format(previous=previous, units=", ".join(unknown)))
    for unit, change in moved:
        if change.status == "merged":
            olds = change.previous_names
            lines.append(SUMMARY.merged.format(unit=unit["unit"], olds=listed(olds), previous=previous))
    return tuple(lines)


def _steps(change: Change) -> int:
    """The places a compared unit moved, up positive (`scoring.previous_period` gives every compared unit one)."""
    assert change.rank_change is not None
    return change.rank_change

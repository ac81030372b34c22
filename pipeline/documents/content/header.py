"""The parts every document shares: issuing body, number, place and date, recipients, signer.

Numbers below 10 take a leading zero and dates are written in the Nghị định 30 form; a
number or date not yet assigned is left blank for the clerk to fill in by hand.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.base import formatting
from pipeline.config.document_settings import DocumentSettings
from pipeline.documents.layout.header_lines import header_lines
from pipeline.documents.layout.line_breaks import names_kept_whole

SHORT_NAMES = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân"}  # written out in a "(Kèm theo …)" line
LEVELS = ("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường", "đặc khu")
BLANK_NUMBER = "\u00a0" * 6  # "Số:      /QĐ-UBND": left for the clerk to fill in
BLANK_DATE = ("ngày\u00a0\u00a0\u00a0\u00a0\u00a0 tháng\u00a0\u00a0\u00a0\u00a0\u00a0 "
              "năm\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0")


def header(doc: DocumentSettings) -> dict[str, Any]:
    """The shared parts; names in the header and the trích yếu do not break across lines (`line_breaks`), an
    agency's name too long for the header breaks between words, in balanced lines (`header_lines`)."""
    return {
        "parent_body": names_kept_whole(doc.parent_body),
        "issuing_body": [part for line in doc.issuing_body for part in header_lines(names_kept_whole(line))],
        "number": document_number(doc), "symbol": doc.symbol, "place": doc.place, "date": document_date(doc),
        "title": names_kept_whole(doc.title),
        "recipients": list(doc.recipients), "signature": doc.signature,
    }


def document_number(doc: DocumentSettings) -> str:
    """Numbers below 10 take a leading zero; an unassigned number is left blank for the clerk."""
    return doc.number.zfill(2) if doc.number else BLANK_NUMBER


def document_date(doc: DocumentSettings) -> str:
    return formatting.nd30_date(doc.date) if doc.date else BLANK_DATE


def issuer_with_place(issuer: str, place: str) -> str:
    """The issuer as a "(Kèm theo … của …)" line names it: short names written out, and the place after a level
    that names none ("Chủ tịch UBND tỉnh", "Minh Họa" → "Chủ tịch Ủy ban nhân dân tỉnh Minh Họa")."""
    named = re.sub(r"\b(" + "|".join(SHORT_NAMES) + r")\b", lambda m: SHORT_NAMES[m.group(1)], issuer.strip())
    if place and any(named.lower().endswith(" " + level) or named.lower() == level for level in LEVELS):
        named = f"{named} {place}"
    return named


def body_as_issuer(issuing_body: tuple[str, ...] | list[str], place: str) -> str:
    """The issuing body's lines as a sentence names it: "ỦY BAN NHÂN DÂN", "TỈNH MINH HỌA" → "Ủy ban nhân dân
    tỉnh Minh Họa": the name after its last level word capitalised word by word (the place as the job writes it)."""
    text = " ".join(" ".join(issuing_body).split()).lower()
    text = text[:1].upper() + text[1:]
    ends = [m.end() for level in LEVELS for m in re.finditer(rf"(?<!\w){level}(?!\w)", text)]
    if ends:
        cut = max(ends)
        text = text[:cut] + " ".join(word[:1].upper() + word[1:] for word in text[cut:].split(" "))
    if place:
        text = re.sub(re.escape(place.lower()), place, text, flags=re.IGNORECASE)
    return text


def end_marked(text: str) -> str:
    """The content's last sentence closed with Nghị định 30's end mark: "… xếp loại: Tốt./."."""
    text = text.rstrip()
    return text + ("/." if text.endswith(".") else "./.")

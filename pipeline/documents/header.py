"""The parts every document shares: issuing body, number, place and date, recipients, signer.

Numbers below 10 take a leading zero and dates are written in the Nghị định 30 form; a
number or date not yet assigned is left blank for the clerk to fill in by hand.
"""

from __future__ import annotations

from typing import Any

from pipeline.base import formatting
from pipeline.config.document_settings import DocumentSettings
from pipeline.documents.line_breaks import names_kept_whole

BLANK_NUMBER = "\u00a0" * 6  # "Số:      /QĐ-UBND": left for the clerk to fill in
BLANK_DATE = ("ngày\u00a0\u00a0\u00a0\u00a0\u00a0 tháng\u00a0\u00a0\u00a0\u00a0\u00a0 "
              "năm\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0")


def header(doc: DocumentSettings) -> dict[str, Any]:
    """The shared parts; names in the header and the trích yếu do not break across lines (`line_breaks`)."""
    return {
        "parent_body": names_kept_whole(doc.parent_body),
        "issuing_body": [names_kept_whole(line) for line in doc.issuing_body],
        "number": document_number(doc), "symbol": doc.symbol, "place": doc.place, "date": document_date(doc),
        "title": names_kept_whole(doc.title),
        "recipients": list(doc.recipients), "signature": doc.signature,
    }


def document_number(doc: DocumentSettings) -> str:
    """Numbers below 10 take a leading zero; an unassigned number is left blank for the clerk."""
    return doc.number.zfill(2) if doc.number else BLANK_NUMBER


def document_date(doc: DocumentSettings) -> str:
    return formatting.nd30_date(doc.date) if doc.date else BLANK_DATE

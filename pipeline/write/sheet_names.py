"""Sheet names Excel accepts for any group name: at most 31 characters, cut between words, unique.

Excel refuses a name longer than 31 characters, with any of : \\ / ? * [ ], or beginning or ending
with an apostrophe, and treats names that differ only in case as the same. A group name is cut at
the last whole word that fits ("Cơ quan Trung ương đóng trên" rather than "… đóng trên đị"), so a
clerk still recognises the group; two groups that cut to the same name get " (2)", " (3)".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

LIMIT = 31  # Excel's longest sheet name
FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
DANGLING = " ,;-–'"  # what a cut may leave at the end of a name ("UBND huyện, thị xã," → "UBND huyện, thị xã")
FALLBACK = "Khối"


def shortened(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, cut after the last whole word that fits.

    A single word longer than `limit` cannot be cut between words; only then is it cut inside.
    """
    if len(text) <= limit:
        return text
    head = text[:limit]
    if text[limit] != " " and " " in head:
        head = head[:head.rindex(" ")]
    return head.rstrip(DANGLING) or head


def sheet_title(name: str, taken: Iterable[str]) -> str:
    """A sheet name for the group `name`, not among `taken` (compared as Excel does, ignoring case)."""
    clean = " ".join(FORBIDDEN.sub("-", name).split()).strip(DANGLING) or FALLBACK
    used = {title.casefold() for title in taken}
    title, n = shortened(clean, LIMIT), 2
    while title.casefold() in used:
        suffix = f" ({n})"
        title, n = shortened(clean, LIMIT - len(suffix)) + suffix, n + 1
    return title

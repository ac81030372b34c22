"""One set of rules for a signature block and for `{…}` placeholders, wherever they are written.

`job.toml` (`[document]`, `[reports]`, `[appraisal]` and their `signature`), a group's defaults and a
register's cells all go through these functions, so a form Nghị định 30/2020 does not know, a "KT." line
above the head's own position, or a misspelt placeholder is refused the same way everywhere.

- Each line of the signing authority starts with one of the ND30 forms: TM. (thay mặt), KT. (ký thay),
  Q. (quyền), TL. (thừa lệnh), TUQ. (thừa ủy quyền). A form written out ("Thay mặt Ban Giám đốc") is
  refused with its abbreviation.
- A "KT." line means a deputy signs for the head: the position is a deputy's ("PHÓ CHỦ TỊCH", "PHÓ GIÁM ĐỐC").
- `{don_vi}` and `{DON_VI}` are the only placeholders; any other `{…}` is refused with the closest.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import get_close_matches

from pipeline.base.errors import Problem, Reason, problem

AUTHORITY_FORMS = ("TM.", "KT.", "Q.", "TL.", "TUQ.")
PLACEHOLDERS = ("don_vi", "DON_VI")
_WRITTEN_OUT = {"thay mat": "TM.", "ky thay": "KT.", "thua lenh": "TL.", "thua uy quyen": "TUQ.", "quyen": "Q."}
_PLACEHOLDER = re.compile(r"{([^{}]*)}")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def unknown_form(line: str) -> str | None:
    """`None` for a line in an ND30 form; else the abbreviation its written-out form stands for ("" if none)."""
    if line.strip().upper().startswith(AUTHORITY_FORMS):
        return None
    plain = _plain(line.strip())
    return next((form for words, form in _WRITTEN_OUT.items() if plain.startswith(words + " ")), "")


def deputy_needed(authority: tuple[str, ...] | list[str], position: str) -> bool:
    """Whether a "KT." line stands above a position that is not a deputy's."""
    signs_for = any(line.strip().upper().startswith("KT.") for line in authority)
    return signs_for and bool(position.strip()) and not _plain(position).startswith("pho ")


def unknown_placeholders(text: str) -> list[tuple[str, str]]:
    """Each `{…}` of `text` that is not a placeholder, with the closest placeholder ("" when none is close)."""
    found = []
    for inner in _PLACEHOLDER.findall(text):
        if inner in PLACEHOLDERS:
            continue
        key = re.sub(r"[\s\-]+", "_", _plain(inner).strip())
        close = get_close_matches(key, [p.casefold() for p in PLACEHOLDERS], n=1, cutoff=0.6)
        upper = inner.strip().isupper()
        found.append((f"{{{inner}}}", ("{DON_VI}" if upper else "{don_vi}") if close else ""))
    return found


def texts_of(value: object) -> list[str]:
    """The strings of a setting's value (a string, lines, a signature's fields)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (tuple, list)):
        return [t for v in value for t in texts_of(v)]
    if hasattr(value, "__dataclass_fields__"):
        return [t for name in value.__dataclass_fields__ for t in texts_of(getattr(value, name))]
    return []


def form_problems(lines: tuple[str, ...] | list[str], **where: object) -> list[Problem]:
    """A problem for each line of a signing authority not in an ND30 form, at `where` (a key or a cell)."""
    found = []
    for line in lines:
        form = unknown_form(line)
        if form is not None:
            found.append(problem(Reason.SIGNATURE_FORM_UNKNOWN, value=line, form=form, **where))
    return found


def placeholder_problems(value: object, **where: object) -> list[Problem]:
    """A problem for each unknown `{…}` in the strings of `value`, at `where`."""
    return [problem(Reason.PLACEHOLDER_UNKNOWN, value=found, close=close, **where)
            for text in texts_of(value) for found, close in unknown_placeholders(text)]

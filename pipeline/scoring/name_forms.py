"""Unit names as an official document writes them: a name typed in capitals ("UBND XÃ PHÚ LỘC") or without
diacritics ("UBND xa Vinh Thanh"), whose proper form is known, is found with that form.

The proper form comes from a name written properly elsewhere that reads the same without case or diacritics (the
register, the previous period, another row), or, for a name in capitals, from the table's other names that start
with the same words ("UBND xã …": "UBND xã Phú Lộc"). Each is a warning (`Reason.NAME_FORM`); with
`[checks] proper_names = true` the documents use the proper form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from pipeline.base.errors import Problem, Reason, problem
from pipeline.scoring.cells import without_marks
from pipeline.scoring.unit import Unit

PREFIX_WORDS = 2  # "UBND xã", "Sở Tài": the words whose typed form other rows give
# Provinces whose official names have no diacritic at all: written so, they are proper, not typed without marks.
PLAIN_PROPER = frozenset({"Long An", "Gia Lai", "Kon Tum"})
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)  # each name is looked at several times (its own form, as a reference, its warning)
def folded(name: str) -> str:
    """The name without case, diacritics or repeated spaces (đ as d)."""
    decomposed = unicodedata.normalize("NFD", name.casefold().replace("đ", "d"))
    return _SPACES.sub(" ", without_marks(decomposed)).strip()


@lru_cache(maxsize=1 << 16)
def improper(name: str) -> bool:
    """Typed in capitals (a name of more than its abbreviations), or without a single diacritic."""
    words = [w for w in name.split() if any(map(str.isalpha, w))]
    capitals = len(words) > 1 and all(w == w.upper() for w in words) and sum(len(w) > 4 for w in words) + len(words) > 3
    plain = len(words) > 1 and folded(name) == " ".join(name.casefold().split()) and " ".join(words) not in PLAIN_PROPER
    return capitals or plain


def proper_forms(names: Iterable[str], references: Iterable[str]) -> dict[str, str]:
    """Each improper name with the proper form found for it (names with none left out)."""
    names = list(dict.fromkeys(names))
    known: dict[str, str] = {}
    for name in [*references, *names]:
        if not improper(name):
            known.setdefault(folded(name), name)
    forms = {}
    for name in names:
        if not improper(name):
            continue
        found = known.get(folded(name))
        if found is None and name == name.upper():
            found = _from_prefix(name, known.values())
        if found and found != name:
            forms[name] = found
    return forms


def _from_prefix(name: str, proper: Iterable[str]) -> str | None:
    """A name in capitals written as the proper names starting with the same words are: their first words, then
    each further word with a capital ("UBND XÃ PHÚ LỘC" after "UBND xã An Thạnh" → "UBND xã Phú Lộc")."""
    words = name.split()
    start = folded(" ".join(words[:PREFIX_WORDS]))
    if folded(" ".join(words[PREFIX_WORDS:])) == " ".join(words[PREFIX_WORDS:]).casefold():
        return None  # "UBND XA MY LOI": no diacritics to give its name
    for other in proper:
        if len(words) > PREFIX_WORDS and folded(" ".join(other.split()[:PREFIX_WORDS])) == start:
            rest = [w[:1] + w[1:].lower() for w in words[PREFIX_WORDS:]]
            return " ".join([*other.split()[:PREFIX_WORDS], *rest])
    return None


def name_warnings(forms: dict[str, str], units: Sequence[Unit]) -> tuple[Problem, ...]:
    """One warning per improper name, with its group: its proper form where one was found, else that none was."""
    groups = {u.unit: u.group for u in units}
    improper_names = [u.unit for u in units if improper(u.unit) or u.unit in forms]
    return tuple(problem(Reason.NAME_FORM if name in forms else Reason.NAME_FORM_UNKNOWN, value=name,
                         proper=forms.get(name, ""), group_text=f" (khối {groups[name]})" if groups.get(name) else "")
                 for name in dict.fromkeys(improper_names))


def with_proper_names(units: list[Unit], forms: dict[str, str]) -> list[Unit]:
    """The units, each improper name replaced by its proper form."""
    return [unit.updated(unit=forms.get(unit.unit, unit.unit)) for unit in units]

"""`clean_text` hands a tidy cell back as it is: whatever the text, the result is the one the full tidying gives
(NFC, line breaks read, runs of spaces of every kind made one, each line trimmed)."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from pipeline.scoring.cells import clean_text

SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u200b\u3000]+")
LINE_BREAKS = re.compile("\r\n|[\r\v\f\u2028\u2029]")
# Letters typed with and without their marks composed, every space and break the tidying knows, and the white space
# only `str.strip` knows (an em space, a file separator, a next-line), so each path of the shortcut is tried.
ALPHABET = st.sampled_from(["a", "Ư", "ơ", "ệ", "e\u0302\u0323", "o\u031b", "1", ",", "-", " ", "  ", "\t", "\u00a0",
                            "\u2007", "\u202f", "\u200b", "\u3000", "\n", "\r\n", "\r", "\v", "\f", "\u2028", "\u2029",
                            "\u2003", "\x1c", "\x85"])


def tidied(value: object, keep_lines: bool) -> str:
    """The tidying written out in full: what `clean_text` gives for every text."""
    if value is None:
        return ""
    text = LINE_BREAKS.sub("\n", unicodedata.normalize("NFC", str(value)))
    lines = [SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return ("\n" if keep_lines else " ").join(line for line in lines if line)


@given(st.lists(ALPHABET, max_size=12).map("".join), st.booleans())
@example("UBND xã Phú Lộc", False)
@example(" Sở Tài chính", False)
@example("Sở Tài chính\u2003", True)
@example("Ho\u0300a An", False)
def test_a_cell_is_tidied_as_the_full_tidying_does(text, keep_lines):
    assert clean_text(text, keep_lines) == tidied(text, keep_lines)


@given(st.one_of(st.none(), st.integers(), st.floats(allow_nan=False), st.booleans()), st.booleans())
def test_a_cell_that_is_no_text_is_read_as_its_text(value, keep_lines):
    assert clean_text(value, keep_lines) == tidied(value, keep_lines)

"""`clean_text` hands a tidy cell back as it is, `plain_text` and `spelled` translate a name in one pass: whatever
the text, each result is the one the full computation, written out a character at a time, gives."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from pipeline.scoring.cells import clean_text, plain_text, spelled

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


def plain_written_out(text: str) -> str:
    """`plain_text` one character at a time: NFD, no combining mark, no case, đ as d."""
    decomposed = unicodedata.normalize("NFD", tidied(text, False).casefold().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def spelled_written_out(text: str) -> str:
    """`spelled` one character at a time: each word's tone marks moved to its end."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    words = []
    for word in tidied(text, False).casefold().split(" "):
        decomposed = unicodedata.normalize("NFD", word)
        words.append(unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
                     + "".join(c for c in decomposed if c in tones))
    return " ".join(words)


# Vietnamese letters with every tone, the marks alone, and marks of other scripts (a cedilla, a Devanagari sign).
NAMES = st.lists(st.sampled_from(["Hòa", "Hoà", "Thuỵ", "Thụy", "qúy", "Đ", "đ", "Ư", "ẵ", "Ỹ", " ", "  ", "\u00a0",
                                  "\u0300", "\u0323", "\u0302", "\u0327", "ç", "\u093c", "ﬁ", "ß", "A", "1", "-"]),
                 max_size=10).map("".join)


@given(NAMES)
@example("Hương  Văn")
@example("UBND xã Phú Lộc")
def test_a_name_without_marks_and_as_spelt_is_the_one_written_out(text):
    assert plain_text(text) == plain_written_out(text)
    assert spelled(text) == spelled_written_out(text)

"""Spellings lxml would change, found and changed on a rendered body's bytes, without a pattern scanning every byte.

A decision's body is megabytes: a regular expression over all of it costs tens of milliseconds where
a search for fixed bytes costs one. Each function here gives exactly what its pattern (kept beside it,
and compared with it by the tests) gives.
"""

from __future__ import annotations

import re

# Characters lxml would not write as they are (dropped or written as references).
CONTROL = "".join(map(chr, (*range(0, 9), 11, 12, 13, *range(14, 32))))
CONTROL_PATTERN = re.compile(("[" + re.escape(CONTROL) + "]").encode("ascii"))
_CONTROL_BYTES = tuple(char.encode("ascii") for char in CONTROL)


def has_control(data: bytes) -> bool:
    """Whether `data` holds one of `CONTROL` (`CONTROL_PATTERN.search`): a search for each byte, quicker than
    a pattern over every byte, and no copy of a large body made to compare its length."""
    return any(map(data.__contains__, _CONTROL_BYTES))


def empty_pattern(tags: list[str]) -> re.Pattern[bytes]:
    """`<w:t></w:t>`, an element of `tags` with nothing inside, as a pattern (lxml writes it `<w:t/>`)."""
    names = b"|".join(re.escape(tag.encode("utf-8")) for tag in tags)
    return re.compile(rb"<(" + names + rb")((?:\s[^<>]*)?)></\1>")


_OPENING_END = re.compile(rb"\s[^<>]*")


def closed_empty(xml: bytes, tags: list[str]) -> bytes:
    """`xml` with each empty element of `tags` written `<w:t/>` (`empty_pattern(tags).sub(rb"<\\1\\2/>", xml)`).

    Found from its closing tag: the text before `></w:t>` from its last `<` on is the element's opening. The
    text between is joined from views, so a large body exists twice at most, as with the pattern."""
    for tag in tags:
        name = tag.encode("utf-8")
        closing = b"></" + name + b">"
        at = xml.find(closing)
        if at < 0:
            continue
        pieces: list[bytes | memoryview] = []
        done, whole = 0, memoryview(xml)
        while at >= 0:
            start = xml.rfind(b"<", done, at)
            rest = xml[start + 1 + len(name):at] if start >= 0 and xml.startswith(name, start + 1) else None
            empty = rest is not None and (not rest or _OPENING_END.fullmatch(rest) is not None)
            pieces += [whole[done:at], b"/>" if empty else closing]
            done = at + len(closing)
            at = xml.find(closing, done)
        pieces.append(whole[done:])
        xml = b"".join(pieces)
    return xml

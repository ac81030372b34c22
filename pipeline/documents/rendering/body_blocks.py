"""A rendered body held in blocks, each ending with a closing tag, and changed a block at a time.

A decision's body is megabytes. Changed as one bytes object, each step (Jinja's quotes put back, empty
elements closed, the body set into its document) holds its input and its output at once: the body twice.
In blocks of about `BLOCK` bytes, each dropped once changed, it is held about once. A block ends right after
a closing tag `</name>`; no spelling these steps change holds a `>`, and an empty element `<w:t …></w:t>`
has no closing tag but its last, so none lies across two blocks: changed a block at a time, the body
gives the bytes it gives whole. A search for a text that may lie across two (`holds`) looks there too.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from itertools import pairwise

from pipeline.documents.rendering.limits import MAX_BODY, TemplateLimit
from pipeline.documents.rendering.xml_bytes import closed_empty

BLOCK = 1 << 18  # bytes: a few hundred rows of a table
_CLOSING = re.compile(rb"</[^<>\s/]+>")
_ESCAPES = ((b"{_{", b"{{"), (b"}_}", b"}}"), (b"{_%", b"{%"), (b"%_}", b"%}"))  # docxtpl's, put back


def blocks_of(chunks: Iterable[str]) -> list[bytes]:
    """The chunks (Jinja's output) in UTF-8, in blocks, docxtpl's escaped braces put back; `TemplateLimit` past
    `MAX_BODY` bytes. Every block but the last ends right after a closing tag."""
    blocks: list[bytes] = []
    pending: list[bytes] = []
    size = total = 0
    enough = BLOCK  # pending bytes at which a cut is looked for
    for chunk in chunks:
        data = chunk.encode("utf-8")
        pending.append(data)
        size, total = size + len(data), total + len(data)
        if total > MAX_BODY:
            raise TemplateLimit(f"văn bản dài quá {MAX_BODY >> 20} MB")
        if size >= enough:
            text = b"".join(pending)
            cut = _cut(text)
            if cut:
                blocks.append(_unescaped(text[:cut]))
                text, enough = text[cut:], BLOCK
            else:
                enough = 2 * len(text)  # no closing tag in its second half: looked for again when twice as long
            pending, size = [text], len(text)
    rest = _unescaped(b"".join(pending))
    if blocks:
        blocks[-1] += rest  # the last block holds all from the last cut on (the body's end with it)
    else:
        blocks.append(rest)
    return blocks


def _cut(text: bytes) -> int:
    """Where `text` may be cut: right after its last closing tag, in its second half (0: nowhere)."""
    at = text.rfind(b"</")
    while at >= len(text) // 2:
        closing = _CLOSING.match(text, at)
        if closing is not None:
            return closing.end()
        at = text.rfind(b"</", 0, at)
    return 0


def _unescaped(data: bytes) -> bytes:
    """`data` with docxtpl's escaped braces put back (`{_{` is `{{`…), as it puts them back."""
    if b"_" in data and (b"{_" in data or b"_}" in data):  # one byte is searched quickest; most bodies have none
        for escaped, brace in _ESCAPES:
            data = data.replace(escaped, brace)
    return data


def holds(blocks: list[bytes], text: bytes) -> bool:
    """Whether the body holds `text`, within a block or across a cut."""
    if any(text in block for block in blocks):
        return True
    reach = len(text) - 1  # bytes of `text` that may lie on either side of a cut
    if reach <= 0:
        return False
    if any(len(block) < reach for block in blocks[:-1]):
        return text in b"".join(blocks)  # a block shorter than the text: looked for in the whole
    return any(text in before[-reach:] + after[:reach] for before, after in pairwise(blocks))


def spliced(blocks: list[bytes], head: bytes, tail: bytes, empty: list[str]) -> bytes:
    """`head`, the body's content (after its opening tag, before its last `</w:body>`) and `tail`; Jinja's quotes
    and the empty elements of `empty` written as lxml writes them. `blocks` is emptied as it goes."""
    out = io.BytesIO()
    out.write(head)
    last = len(blocks) - 1
    for n in range(len(blocks)):
        block, blocks[n] = blocks[n], b""
        if b"#" in block:  # a search for one byte first: quickest, and most bodies have no quote Jinja escaped
            block = block.replace(b"&#34;", b'"').replace(b"&#39;", b"'")
        block = closed_empty(block, empty)
        start = block.index(b">") + 1 if n == 0 else 0
        out.write(memoryview(block)[start:block.rindex(b"</w:body>") if n == last else len(block)])
        del block
    out.write(tail)
    return out.getvalue()

"""The byte searches that replace patterns over a whole body give what the patterns give."""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.documents.rendering import body_blocks, schema_order
from pipeline.documents.rendering.schema_order import cell_properties_in_order
from pipeline.documents.rendering.xml_bytes import CONTROL_PATTERN, closed_empty, empty_pattern, has_control

# Pieces of rendered WordprocessingML, cells with docxtpl's moved properties, and the odd bytes around them.
PIECES = ["<w:t>", "</w:t>", '<w:t xml:space="preserve">', "<w:t/>", "<w:tbl>", "</w:tbl>", "<w:r>", "</w:r>",
          "<w:tc>", "</w:tc>", "<w:tcPr>", "</w:tcPr>", '<w:tcW w:w="5" w:type="dxa"/>', '<w:gridSpan w:val="2"/>',
          '<w:vMerge w:val="restart"/>', "<w:vMerge/>", '<w:shd w:fill="FF0000"/>', '<w:vAlign w:val="center"/>',
          "<w:tcPrChange>", "</w:tcPrChange>", "<w:tcBorders></w:tcBorders>", "<w:shdx/>", "<w:p>", "</w:p>",
          "></w:t>", "</w:t></w:t>", " ", "x", ">", "<", "/", '"', "\t", "\x01", "\x1f", "\r", "Đ"]
xml = st.lists(st.sampled_from(PIECES), max_size=40).map(lambda pieces: "".join(pieces).encode("utf-8"))
TAGS = st.lists(st.sampled_from(["w:t", "w:tbl", "w:r", "w:p", "w:tcBorders", "w:tc"]), min_size=1, max_size=4,
                unique=True).map(sorted)


@settings(max_examples=500, deadline=None)
@given(data=xml)
def test_control_characters_are_found_as_the_pattern_finds_them(data):
    assert has_control(data) == (CONTROL_PATTERN.search(data) is not None)


@settings(max_examples=500, deadline=None)
@given(data=xml, tags=TAGS)
def test_empty_elements_are_closed_as_the_pattern_closes_them(data, tags):
    assert closed_empty(data, tags) == empty_pattern(tags).sub(rb"<\1\2/>", data)


def scanned_from_the_start(data: bytes) -> bytes:
    """Every `w:tcPr` of `data` looked at, from the first to the last: the scan the faster one must equal."""
    pieces, start = [], 0
    for match in schema_order._TC_PR.finditer(data):
        if schema_order._MOVED.search(match.group(2)):
            ordered = schema_order._ordered(match)
            if ordered is not None:
                pieces += [data[start:match.start()], ordered]
                start = match.end()
    return b"".join([*pieces, data[start:]]) if pieces else data


@settings(max_examples=1000, deadline=None)
@given(data=xml)
def test_cell_properties_are_ordered_as_a_scan_from_the_start_orders_them(data):
    assert cell_properties_in_order(data) == scanned_from_the_start(data)


def test_a_large_table_has_its_few_moved_cells_ordered():
    plain = b'<w:tc><w:tcPr><w:tcW w:w="5"/><w:vAlign w:val="center"/></w:tcPr><w:p/></w:tc>'
    merged = b'<w:tc><w:tcPr><w:tcW w:w="5"/><w:vAlign w:val="center"/><w:vMerge/></w:tcPr><w:p/></w:tc>'
    data = b"<w:tbl>" + (plain * 500 + merged) * 3 + b"</w:tbl>"
    ordered = cell_properties_in_order(data)
    assert ordered == scanned_from_the_start(data) != data
    assert ordered.count(b'<w:vMerge/><w:vAlign w:val="center"/>') == 3


# A body as Jinja yields it: `<w:body>`, chunks cut anywhere (the spellings the steps change among them), `</w:body>`.
CHUNKS = st.lists(st.sampled_from([*PIECES, "&#34;", "&#39;", "{_{", "}_}", "{_%", "%_}", "_", "#", "{", "}",
                                   "</w:tblGrid></w:tbl>", "</w:tblGrid>", "</w:p></w:tc>", "<w:t ", "></w:t>"]),
                  max_size=60).map(lambda pieces: ["<w:body>", *pieces, "</w:body>"])


@settings(max_examples=500, deadline=None)
@given(chunks=CHUNKS, tags=TAGS, block=st.integers(1, 40))
def test_a_body_changed_a_block_at_a_time_is_the_body_changed_whole(chunks, tags, block):
    """The steps as they were, on the whole body at once, against the same steps a block at a time."""
    whole = "".join(chunks).encode("utf-8")
    for escaped, brace in ((b"{_{", b"{{"), (b"}_}", b"}}"), (b"{_%", b"{%"), (b"%_}", b"%}")):
        whole = whole.replace(escaped, brace)
    with mock.patch.object(body_blocks, "BLOCK", block):
        blocks = body_blocks.blocks_of(chunks)
    assert b"".join(blocks) == whole
    for text in (b"</w:tblGrid></w:tbl>", b"</w:p></w:tc><w:t", b"x", b"<w:t/>"):
        assert body_blocks.holds(blocks, text) == (text in whole)
    closed = empty_pattern(tags).sub(rb"<\1\2/>", whole.replace(b"&#34;", b'"').replace(b"&#39;", b"'"))
    try:
        expected = b"<head>" + closed[closed.index(b">") + 1:closed.rindex(b"</w:body>")] + b"<tail>"
    except ValueError:
        expected = None  # `<w:body>` closed empty: neither way has a body to set in
    try:
        assert body_blocks.spliced(blocks, b"<head>", b"<tail>", tags) == expected
    except ValueError:
        assert expected is None

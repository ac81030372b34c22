"""Tables whose columns a loop repeats (`{%tc for %}`), found in a template so the rest keeps the fast path.

docxtpl's `fix_tables` gives such a table, once rendered, the grid its rows need; no other table needs it. A
template's tables with a column loop are set apart: the rest of the template decides alone whether its output
can be spliced, and a document is serialised the slow way only when one of those tables is in it — seen by its
grid, which has no tag and so is written out exactly as the template holds it.
"""

from __future__ import annotations

import re

_TABLE = re.compile(r"<w:tbl>(?:(?!<w:tbl>).)*?</w:tbl>", re.S)
# In the patched source a `{%tc … %}` cell is the bare tag between cells: a tag just before or just after a cell.
_COLUMN_TAG = re.compile(r"</w:tc>\s*{%|%}\s*<w:tc[ >]")
_GRID = re.compile(r"<w:tblGrid>[^{}]*?</w:tblGrid>")


def column_loop_tables(source: str) -> tuple[str, tuple[bytes, ...]] | None:
    """`source` (patched) without its tables that repeat columns, and each such table's grid as its output holds
    it; None when such a table cannot be set apart (tables nested, or a grid holding a tag)."""
    looped = [table for table in _TABLE.finditer(source) if _COLUMN_TAG.search(table.group())]
    if not looped:
        return source, ()
    grids = [_GRID.search(table.group()) for table in looped]
    if _nested(source) or any(grid is None for grid in grids):
        return None
    kept = [source[end:start] for end, start in zip((0, *(t.end() for t in looped)),
                                                    (*(t.start() for t in looped), len(source)), strict=True)]
    return "".join(kept), tuple(grid.group().encode("utf-8") for grid in grids if grid is not None)


def _nested(source: str) -> bool:
    """Whether a table holds another (the tables found by `_TABLE` would then be parts of tables)."""
    depth = 0
    for tag in re.finditer(r"<(/?)w:tbl[ >]", source):
        depth += -1 if tag.group(1) else 1
        if depth > 1:
            return True
    return False

"""Text written into a workbook stays text: never a formula, whatever it begins with.

openpyxl stores a string that begins with "=" as a formula, so a unit named
`=HYPERLINK("http://…","…")` in a CSV would become a live link (or worse) in ket-qua.xlsx.
Every string cell is marked as text (`data_type = "s"`: the XML holds the string, no `<f>`),
and one that begins with a character a spreadsheet reads as the start of a formula (=, +, -, @,
tab, carriage return) also gets Excel's quote prefix, so editing the cell keeps it text. The results workbook's rows,
written as text (`sheet_rows`), follow the same rule.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(cell: Any) -> Any:
    """`cell` (holding a string) marked as text; other values are left as they are."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
        if cell.value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    return cell

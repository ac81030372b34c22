"""The columns of a unit table the program does not read: a numeric one is reported, a refused kind is an error.

A column of numbers under a header that is none of the table's columns ("Xếp hạng", "Điểm chỉ đạo điều hành")
is not part of any result, so its figures never reach a document: each is a warning naming the column, unless
the job lists it as ignored (`[checks] ignore_columns`). A header the table kind refuses (`TableSpec.refused`:
"Chỉ số hài lòng", an index in % that is not survey points) is an error, unless ignored likewise.
"""

from __future__ import annotations

from pipeline.base.errors import Problem, Reason, problem
from pipeline.read.columns import TableSpec, header_key
from pipeline.read.sheet import Sheet
from pipeline.scoring.cells import NotANumber, NumberTooLarge, parse_number
from pipeline.scoring.tables import Located, locate_tables, says


def unread_columns(sheets: list[Sheet], spec: TableSpec, ignored: tuple[str, ...] = ()
                   ) -> tuple[list[Problem], list[Problem]]:
    """The errors (a refused header) and the warnings (a numeric column not used) of `spec`'s tables in `sheets`,
    leaving out the columns whose headers `ignored` names (compared as headers are: case, spaces, remarks)."""
    tables, _ = locate_tables(sheets, spec, ignored)  # the tables' own problems are `normalise`'s to say
    skipped = {header_key(name) for name in ignored}
    errors: list[Problem] = []
    warnings: list[Problem] = []
    for table in tables:
        for position, header in table.others:
            if header_key(header) in skipped:
                continue
            where = {"file": table.sheet.file, "sheet": table.sheet.name, "row": table.header_row + 1,
                     "column": header}
            refused = next((Reason(code) for words, code in spec.refused if says(header, words)), None)
            if refused is not None:
                errors.append(problem(refused, **where))
            elif _numeric(table, position):
                warnings.append(problem(Reason.COLUMN_UNUSED, **where))
    return errors, warnings


def _numeric(table: Located, position: int) -> bool:
    """Whether any cell under the header at `position` holds a number."""
    for row in table.sheet.rows[table.header_row + 1:]:
        value = row[position] if position < len(row) else None
        try:
            if parse_number(value) is not None:
                return True
        except (NotANumber, NumberTooLarge):
            continue
    return False

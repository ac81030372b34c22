"""Any workbook or CSV a clerk may make: `check` and `run` never crash, and what they accept they compute right.

Hypothesis builds unit tables with random names (Vietnamese, decomposed, padded, with odd
characters), numbers typed as numbers or text with a decimal comma or point, blank cells,
text in number cells, values out of range, a maximum column or none, bonus and penalty,
formulas Excel never calculated, cells formatted as percent or date, hidden rows. For each:
`check` ends with exit code 0 or 1 (never 3, never a traceback); when it passes, `run`
writes the decision and the results workbook, and every unit's score in the workbook equals
an independent recomputation in `Decimal` from the cells as Excel shows them, and so does every
score the decision's appendix prints.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
from docx import Document
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from pipeline.cli import main
from tests.conftest import DOCUMENT

SETTINGS = """
kind = "quyet-dinh-xep-loai"
scheme = "chat-luong-hoat-dong@2020"
[[groups]]
name = "Khối A"
""" + DOCUMENT

NAMES = ["Phường Hương Văn", "Xã Hương Vân", "Sở Tư pháp", "Phòng GD&ĐT", "UBND xã <An> \"Bình\"",
         "Trung tâm 10A & 10B"]


@st.composite
def names(draw) -> str:
    base = draw(st.sampled_from(NAMES)) + draw(st.sampled_from(["", " 2", " 3", " A"]))
    form = draw(st.sampled_from(["as is", "nfd", "padded", "nbsp", "as is", "control"]))
    if form == "control":  # pasted from another program: an invisible character in the name
        return base.replace(" ", draw(st.sampled_from(["\x00", "\x07", "\x1b"])), 1)
    if form == "nfd":
        return unicodedata.normalize("NFD", base)
    if form == "padded":
        return f"  {base}  "
    return base.replace(" ", "\u00a0", 1) if form == "nbsp" else base


@st.composite
def amounts(draw, high: int) -> tuple[str, object]:
    """A cell meant as a number: how it is typed, and the value written into the file."""
    value = draw(st.decimals(min_value=0, max_value=high, places=2, allow_nan=False, allow_infinity=False))
    how = draw(st.sampled_from(["number"] * 4 + ["text point"] * 2 + ["text comma"] * 2 + ["percent"] * 2
                               + ["blank", "junk", "too big", "negative", "formula"]))
    if how == "number":
        return how, float(value)
    if how == "text point":
        return how, str(value)
    if how == "text comma":
        return how, str(value).replace(".", ",")
    if how == "blank":
        return how, None
    if how == "junk":
        return how, draw(st.sampled_from(["72.2.1", "abc", "1.234,5", "—", "n/a"]))
    if how == "percent":  # a fraction shown as a percentage (xlsx); a CSV holds the text "72,25%"
        return how, value
    if how == "formula":  # a formula Excel never calculated (xlsx); in a CSV only its text
        return how, "=SUM(1,2)"
    if how == "too big":
        return how, float(value + high + 1)
    return how, -float(value) - 1


@st.composite
def tables(draw) -> dict:
    with_max = draw(st.booleans())
    with_extras = draw(st.booleans())
    rows = []
    for n in range(draw(st.integers(1, 7))):
        maximum = draw(st.sampled_from([100, 80, 96.5, 71.5])) if with_max else None
        rows.append({"name": f"{draw(names())} số {n + 1}", "max": maximum, "hidden": draw(st.booleans())
                     and draw(st.booleans()) and draw(st.booleans()), "points": draw(amounts(int(maximum or 100))),
                     "bonus": draw(st.sampled_from([None, 1, 2.5])) if with_extras else None,
                     "penalty": draw(st.sampled_from([None, 0.5, 3])) if with_extras else None})
    return {"rows": rows, "with_max": with_max, "with_extras": with_extras,
            "csv": draw(st.booleans()), "separator": draw(st.sampled_from([",", ";", "\t"]))}


def header(table: dict) -> list[str]:
    return ["TT", "Đơn vị", *(["Điểm tối đa"] if table["with_max"] else []), "Tổng điểm thẩm định",
            *(["Điểm thưởng", "Điểm trừ"] if table["with_extras"] else [])]


def cells(table: dict, n: int, row: dict) -> list[object]:
    points = f"{row['points'][1]}%".replace(".", ",") if row["points"][0] == "percent" else row["points"][1]
    return [n, row["name"], *([row["max"]] if table["with_max"] else []), points,
            *([row["bonus"], row["penalty"]] if table["with_extras"] else [])]


def write_job(folder: Path, table: dict) -> None:
    folder.mkdir(parents=True)
    (folder / "job.toml").write_text(SETTINGS, encoding="utf-8")
    lines = [header(table), *(cells(table, n, row) for n, row in enumerate(table["rows"], 1))]
    if table["csv"]:
        with (folder / "diem.csv").open("w", encoding="utf-8", newline="") as stream:
            csv.writer(stream, delimiter=table["separator"]).writerows(
                [["" if v is None else (str(v).replace(".", ",") if isinstance(v, float) and table["separator"] == ";"
                                       else v) for v in line] for line in lines])
    else:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Khối A"
        for line in lines:  # Excel stores an invisible character as an escape, "_x0000_"
            sheet.append([re.sub(r"[\x00-\x1f]", lambda c: f"_x{ord(c.group()):04X}_", v) if isinstance(v, str)
                          else v for v in line])
        column = header(table).index("Tổng điểm thẩm định") + 1
        for number, row in enumerate(table["rows"], 2):
            if row["points"][0] == "percent":
                cell = sheet.cell(number, column, float(row["points"][1]) / 100)
                cell.number_format = "0.00%"
            sheet.row_dimensions[number].hidden = row["hidden"]
        book.save(folder / "diem.xlsx")


def expected_scores(table: dict) -> list[Decimal]:
    """Each unit's score, recomputed here: points / maximum × 100 + bonus − penalty, half-up to 2 decimals."""
    scores = []
    for row in table["rows"]:
        points = Decimal(str(row["points"][1]).replace(",", "."))  # a percent cell is shown as this figure
        if row["max"] is not None:
            points = points * 100 / Decimal(str(row["max"]))
        points += Decimal(str(row["bonus"] or 0)) - Decimal(str(row["penalty"] or 0))
        scores.append(points.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    return scores


def run_cli(*args: object, capsys) -> tuple[int, str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=tables())
def test_check_and_run_never_crash_and_compute_what_they_accept(tmp_path_factory, capsys, table):
    folder = tmp_path_factory.mktemp("job") / "job"
    write_job(folder, table)
    code, said = run_cli("check", folder, capsys=capsys)
    assert code in (0, 1), said
    assert "Lỗi ngoài dự kiến" not in said and "Traceback" not in said
    refusable = {"blank", "junk", "too big", "negative", "formula"} | ({"percent"} if table["csv"] else set())
    if any(row["points"][0] in refusable or (row["hidden"] and not table["csv"])
           or any(ord(c) < 32 for c in row["name"]) for row in table["rows"]):
        assert code == 1, f"accepted a table with a cell it cannot read right:\n{said}"
    event("refused" if code else "accepted")
    if code == 1:
        return
    out = folder.parent / "out"
    code, said = run_cli("run", folder, "--out", out, capsys=capsys)
    assert code == 0, said
    book = openpyxl.load_workbook(out / "ket-qua.xlsx")
    sheet = book["Khối A"]
    heads = [c.value for c in sheet[1]]
    column = heads.index("Kết quả đánh giá")
    written = {row[1]: Decimal(str(row[column])) for row in sheet.iter_rows(min_row=2, values_only=True)}
    expected = {" ".join(unicodedata.normalize("NFC", r["name"]).replace("\u00a0", " ").split()): s
                for r, s in zip(table["rows"], expected_scores(table), strict=True)}
    assert written == expected
    assert decision_scores(out / "quyet-dinh.docx") == expected  # the signed document says the same figures


def decision_scores(path: Path) -> dict[str, Decimal]:
    """Each unit's score as the decision's appendix prints it ("90,25" → 90.25)."""
    scores = {}
    for table in Document(str(path)).tables:
        heads = [cell.text.strip() for cell in table.rows[0].cells]
        if "Đơn vị" in heads and "Kết quả đánh giá" in heads:
            for row in table.rows[1:]:
                cells = [cell.text.strip() for cell in row.cells]
                score = cells[heads.index("Kết quả đánh giá")]
                if score:
                    scores[cells[heads.index("Đơn vị")]] = Decimal(score.replace(".", "").replace(",", "."))
    return scores

"""Property: for any declaration of 2–5 components (maxima, how each enters, weights, decimals) and any values, the
result the decision's row prints and ket-qua.xlsx holds is the independent computation below: every component as
it enters, summed unrounded, rounded half-up once at the scheme's decimals."""

from __future__ import annotations

import decimal
import io
import tomllib
from decimal import Decimal

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.config.job_settings import settings_from_data
from pipeline.documents.content.decision_context import decision_document
from pipeline.read.sheet import Sheet
from pipeline.scoring.evaluate import evaluate
from pipeline.write.results_workbook import results_workbook
from tests.conftest import DOCUMENT

ENTERS = ("as-is", "converted", "weighted")
SCALE = Decimal(100)


def amounts(top: int) -> st.SearchStrategy[Decimal]:
    """A typed figure from 0 to `top`, with up to 3 decimals."""
    return st.integers(0, top * 1000).map(lambda n: Decimal(n).scaleb(-3).normalize())


@st.composite
def declarations(draw):
    count = draw(st.integers(2, 5))
    components = []
    for n in range(count):
        enters = draw(st.sampled_from(ENTERS))
        component = {"id": f"tp-{n + 1}", "name": f"Thành phần số {n + 1}", "maximum": draw(st.integers(1, 20)),
                     "enters": enters}
        if enters == "weighted":
            component["weight"] = str(draw(st.integers(1, 200).map(lambda w: Decimal(w).scaleb(-2).normalize())))
        if draw(st.booleans()):
            component["decimals"] = draw(st.integers(0, 3))
        components.append(component)
    applicable = draw(st.none() | st.integers(20, 100))
    units = draw(st.lists(st.tuples(*(amounts(c["maximum"]) for c in components)), min_size=1, max_size=3))
    if applicable is not None:
        units = [(min(u[0], Decimal(applicable)), *u[1:]) for u in units]
    return components, applicable, units, draw(st.integers(0, 4))


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return f'"{value}"' if isinstance(value, str) else str(value)


def job_text(components: list[dict], decimals: int) -> str:
    lines = ["kind = \"quyet-dinh-xep-loai\"", "scheme = \"chi-so-cchc@2023\"", "[scheme_overrides]",
             f"decimals = {decimals}", "labels = []"]
    for component in components:
        lines.append("[[scheme_overrides.components]]")
        lines += [f"{key} = {toml_value(value)}" for key, value in component.items()]
    return "\n".join([*lines, "[[groups]]", 'name = "Khối"']) + "\n" + DOCUMENT


def expected(components: list[dict], applicable: int | None, values: tuple[Decimal, ...], decimals: int) -> Decimal:
    """The result as the declaration says it, by hand: as-is parts summed (put on the scale by the applicable maximum
    when no part is converted), converted parts ÷ applicable × maximum, weighted parts × weight."""
    with decimal.localcontext(decimal.Context(prec=80)):
        kinds = [c["enters"] for c in components]
        as_is = sum((v for v, k in zip(values, kinds, strict=True) if k == "as-is"), Decimal(0))
        if applicable is not None and "converted" not in kinds:
            as_is = as_is * SCALE / applicable
        total = as_is
        for value, component in zip(values, components, strict=True):
            if component["enters"] == "converted":
                total += value * component["maximum"] / applicable if applicable is not None else value
            elif component["enters"] == "weighted":
                total += value * Decimal(component["weight"])
        return total.quantize(Decimal(1).scaleb(-decimals), rounding=decimal.ROUND_HALF_UP)


def printed(value: Decimal, decimals: int) -> str:
    """Vietnamese digits by hand: "." between thousands, "," before the decimals."""
    whole, _, fraction = f"{value:f}".partition(".")
    groups = []
    while len(whole) > 3:
        whole, groups = whole[:-3], [whole[-3:], *groups]
    text = ".".join([whole, *groups])
    return text + ("," + fraction.ljust(decimals, "0") if decimals else "")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=declarations())
def test_the_printed_result_is_every_component_as_it_enters_summed_then_rounded_once(tmp_path, case):
    components, applicable, units, decimals = case
    (tmp_path / "diem.xlsx").write_bytes(b"")
    job = settings_from_data(tomllib.loads(job_text(components, decimals)), tmp_path, [tmp_path / "diem.xlsx"])
    header = ("Đơn vị", *(("Điểm tối đa áp dụng",) if applicable is not None else ()),
              *(c["name"] for c in components))
    rows = [(f"Đơn vị {n}", *((applicable,) if applicable is not None else ()), *values)
            for n, values in enumerate(units, 1)]
    result = evaluate(job, [Sheet("diem.xlsx", "Bảng", (header, *rows))])
    wanted = {f"Đơn vị {n}": expected(components, applicable, values, decimals) for n, values in enumerate(units, 1)}
    [appendix] = decision_document(result)["appendices"]
    assert {row.unit: row.score for row in appendix.ranked} == {u: printed(v, decimals) for u, v in wanted.items()}
    book = openpyxl.load_workbook(io.BytesIO(results_workbook(result)))
    sheet = book["Khối"]
    heads = [c.value for c in sheet[1]]
    at = heads.index("Kết quả đánh giá" if "Kết quả đánh giá" in heads else "Điểm đánh giá")
    cells = {row[1].value: row[at] for row in sheet.iter_rows(min_row=2)}
    assert {u: Decimal(str(c.value)) for u, c in cells.items()} == wanted
    assert {c.number_format for c in cells.values()} == {"0." + "0" * decimals if decimals else "0"}
    for component in components[1:]:  # every other printed component is a column under its declared name
        assert component["name"] in appendix.component_headers and component["name"] in heads


def test_a_component_not_printed_enters_the_result_without_a_column(tmp_path):
    components = [{"id": "tp-1", "name": "Thành phần số 1", "maximum": 20, "enters": "as-is"},
                  {"id": "tp-2", "name": "Thành phần số 2", "maximum": 20, "enters": "as-is", "printed": False}]
    (tmp_path / "diem.xlsx").write_bytes(b"")
    job = settings_from_data(tomllib.loads(job_text(components, 2)), tmp_path, [tmp_path / "diem.xlsx"])
    header = ("Đơn vị", "Thành phần số 1", "Thành phần số 2")
    result = evaluate(job, [Sheet("diem.xlsx", "Bảng", (header, ("Đơn vị 1", "12,5", "7,25")))])
    [appendix] = decision_document(result)["appendices"]
    assert [row.score for row in appendix.ranked] == ["19,75"]  # 12,5 + 7,25
    assert appendix.component_headers == ()
    heads = [c.value for c in openpyxl.load_workbook(io.BytesIO(results_workbook(result)))["Khối"][1]]
    assert "Thành phần số 1" in heads and "Thành phần số 2" not in heads

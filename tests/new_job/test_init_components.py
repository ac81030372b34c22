"""`init` with a scheme of declared components: the table to fill has one column per component, under its declared
name, read back by the job as those components; a scheme with the usual two columns keeps the kind's own workbook.

The PAR INDEX figures typed back are the published ones of inputs/viet-nam-2020-par-index (its README cites them).
"""

from __future__ import annotations

import tomllib
from decimal import Decimal

import openpyxl
import pytest

from pipeline.base.errors import InputErrors, Reason
from pipeline.config.kinds import KINDS
from pipeline.config.scheme import scheme_data, scheme_from_data
from pipeline.flow import check_job
from pipeline.new_job.init import init_job
from pipeline.new_job.validations import FIRST_ROW
from pipeline.new_job.workbook import HEADER_ROW, input_workbook

# the names pipeline/config/schemes/par-index/2020.toml declares
PAR_INDEX = ["Điểm thẩm định", "Chỉ số hài lòng (SIPAS)", "Điều tra lãnh đạo, quản lý",
             "Tác động đến phát triển kinh tế - xã hội"]
PUBLISHED = {"Quảng Ninh": ("57.66", "9.56", "18.83", "5"), "Hải Phòng": ("58.71", "9.35", "19.45", "3")}


def _table(path):
    book = openpyxl.load_workbook(path)
    return book, next(s for s in book.worksheets if s.cell(HEADER_ROW, 1).value == "TT")


def test_a_scheme_with_declared_components_gets_a_column_for_each_under_its_declared_name(tmp_path):
    init_job("xep-hang-cchc", tmp_path / "job", scheme="par-index")
    settings = tomllib.loads((tmp_path / "job" / "job.toml").read_text(encoding="utf-8"))
    assert settings["scheme"] == "par-index@2020"
    book, sheet = _table(tmp_path / "job" / settings["data"])
    headers = [c.value for c in sheet[HEADER_ROW]]
    assert headers[headers.index("Đơn vị") + 1:][:4] == PAR_INDEX
    assert "Điểm điều tra xã hội học" not in headers and "Tổng điểm thẩm định" not in headers
    prompts = {v.promptTitle for v in sheet.data_validations.dataValidation}
    assert {"Điểm thẩm định", "Chỉ số hài lòng (SIPAS)", "Điều tra lãnh đạo, quản lý"} <= prompts
    for offset, (unit, parts) in enumerate(PUBLISHED.items()):
        sheet.cell(FIRST_ROW + offset, headers.index("Đơn vị") + 1, unit)
        for n, part in enumerate(parts):
            sheet.cell(FIRST_ROW + offset, headers.index(PAR_INDEX[n]) + 1, float(part))
    book.save(tmp_path / "job" / settings["data"])
    result = check_job(tmp_path / "job", workers=1)
    read = {u["unit"]: u["score"] for u in result.units}
    assert read == {unit: sum(map(Decimal, parts)) for unit, parts in PUBLISHED.items()}  # 91,05 and 90,51


@pytest.mark.parametrize("kind", [k for k, record in KINDS.items() if record.starter and record.source == "units"])
def test_a_scheme_with_the_usual_columns_keeps_the_kinds_own_workbook(tmp_path, kind):
    reference = KINDS[kind].starter.scheme
    components = scheme_from_data(*scheme_data(reference, "job.toml")).components
    usual, declared = tmp_path / "usual.xlsx", tmp_path / "declared.xlsx"
    usual.write_bytes(input_workbook(KINDS[kind], [], ["Khối A"]))
    declared.write_bytes(input_workbook(KINDS[kind], [], ["Khối A"], components=components))
    for (_, one), (_, other) in [(_table(usual), _table(declared))]:
        assert ([[c.value for c in row] for row in one.iter_rows()]
                == [[c.value for c in row] for row in other.iter_rows()])
        assert [(v.sqref, v.formula1, v.formula2, v.prompt) for v in one.data_validations.dataValidation] == \
            [(v.sqref, v.formula1, v.formula2, v.prompt) for v in other.data_validations.dataValidation]


def test_an_unknown_scheme_is_refused_naming_those_that_exist(tmp_path):
    with pytest.raises(InputErrors) as caught:
        init_job("xep-hang-cchc", tmp_path / "job", scheme="par-idex")
    [refused] = caught.value.problems
    assert refused.reason is Reason.UNKNOWN_SCHEME and "par-index" in refused.detail("known")
    assert not (tmp_path / "job").exists()

"""A unit name typed in capitals or without diacritics, whose proper form the previous period or the table's other
rows give, is warned about with that form suggested, and printed in it when the job asks (`proper_names`)."""

from __future__ import annotations

from docx import Document

from pipeline.base.errors import Reason
from pipeline.base.messages import describe
from pipeline.flow import check_job, run_job
from pipeline.scoring.name_forms import improper, proper_forms
from tests.conftest import UNIT_JOB, unit_job

HEADER = ["Đơn vị", "Tổng điểm thẩm định"]
SHEETS = {"Khối A": [HEADER, ["UBND xã An Thạnh", 95], ["UBND XÃ PHÚ LỘC", 90], ["UBND xã Đông Hòa", 85]],
          "Khối B": [HEADER, ["Sở Tài chính", 92], ["SỞ Y TẾ", 80]]}


def test_capitals_and_missing_diacritics_are_improper_and_abbreviations_are_not():
    assert improper("UBND XÃ PHÚ LỘC") and improper("UBND xa Vinh Thanh")
    assert not improper("UBND xã Phú Lộc") and not improper("Sở Y tế") and not improper("UBND")


def test_a_province_whose_official_name_has_no_diacritic_is_proper_and_the_same_words_typed_plainly_are_not():
    assert not any(improper(name) for name in ("Long An", "Gia Lai", "Kon Tum"))
    assert improper("UBND tinh Long An") and improper("Gia Lai Kon Tum") and improper("LONG AN PHU")


def test_the_proper_form_comes_from_the_previous_period_or_the_rows_sharing_the_first_words():
    forms = proper_forms(["UBND xa Vinh Thanh", "UBND XÃ PHÚ LỘC", "UBND xã An Thạnh", "UBND XA MY LOI"],
                         ["UBND xã Vĩnh Thạnh"])
    # "UBND XA MY LOI": capitals without diacritics, nowhere written properly: no form to suggest
    assert forms == {"UBND xa Vinh Thanh": "UBND xã Vĩnh Thạnh", "UBND XÃ PHÚ LỘC": "UBND xã Phú Lộc"}


def test_a_name_in_capitals_is_warned_about_with_its_proper_form(tmp_path):
    result = check_job(unit_job(tmp_path / "job", SHEETS))
    [warning] = result.name_warnings  # "SỞ Y TẾ": no other "Sở Y …" to take the form from
    assert (warning.reason, warning.value, warning.detail("proper")) == (Reason.NAME_FORM, "UBND XÃ PHÚ LỘC",
                                                                         "UBND xã Phú Lộc")
    assert '"UBND xã Phú Lộc"' in describe(warning) and "khối Khối A" in describe(warning)
    assert "UBND XÃ PHÚ LỘC" in [u["unit"] for u in result.units]  # printed as typed unless the job asks


def test_the_job_that_asks_prints_the_proper_form(tmp_path):
    job = unit_job(tmp_path / "job", SHEETS, UNIT_JOB + "\n[checks]\nproper_names = true\n")
    out = run_job(job, tmp_path / "out").manifest.parent
    cells = [c.text for t in Document(str(out / "quyet-dinh.docx")).tables for r in t.rows for c in r.cells]
    assert "UBND xã Phú Lộc" in cells and "UBND XÃ PHÚ LỘC" not in cells


def test_a_name_without_diacritics_and_no_proper_form_anywhere_is_still_warned_about(tmp_path):
    sheets = {"Khối A": [HEADER, ["UBND xã An Thạnh", 95], ["UBND xa Vinh Thanh", 90]], "Khối B": SHEETS["Khối B"]}
    result = check_job(unit_job(tmp_path / "job", sheets))
    [warning] = result.name_warnings
    assert (warning.reason, warning.value) == (Reason.NAME_FORM_UNKNOWN, "UBND xa Vinh Thanh")
    assert "không có cách viết đúng để đối chiếu" in describe(warning) and "khối Khối A" in describe(warning)
    assert "UBND xa Vinh Thanh" in [u["unit"] for u in result.units]  # nothing to print instead: as typed

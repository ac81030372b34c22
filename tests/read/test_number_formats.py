"""The date-format test read without openpyxl says what openpyxl's own says."""

import subprocess
import sys

from openpyxl.styles import numbers as openpyxl_numbers

from pipeline.read.number_formats import BUILTIN_FORMATS, is_date_format

# Formats staff meet in Vietnamese workbooks and the edge cases of the test: quoted or escaped letters,
# colours, locales, elapsed time, text sections.
CODES = [None, "", "General", "0.00", "#,##0.00", "0%", "dd/mm/yyyy", "d/m/yyyy", "[$-42A]dd/mm/yyyy",
         "[$-409]mmmm d, yyyy", "yyyy-mm-dd h:mm:ss", "[h]:mm:ss", "[mm]:ss", "[ss]", "[Red]0.00", "[Blue]#,##0",
         '"Ngày "0', '0" điểm"', '0.00" đ"', r"0\d", "0_m", '#,##0;[Red]-#,##0;"-"', '0;"tháng"',
         "@", '"hạn" dd/mm', "mm:ss.0", "[$VND] #,##0", "yy", "S", "hh"]


def test_builtin_formats_are_openpyxls():
    assert BUILTIN_FORMATS == openpyxl_numbers.BUILTIN_FORMATS


def test_a_format_is_a_date_exactly_when_openpyxl_says_so():
    codes = [*CODES, *BUILTIN_FORMATS.values()]
    assert [is_date_format(c) for c in codes] == [openpyxl_numbers.is_date_format(c) for c in codes]
    assert is_date_format("dd/mm/yyyy") and not is_date_format('0" điểm"')  # both answers occur


def test_reading_a_workbook_does_not_import_openpyxl():
    code = ("import sys; from pipeline.read.workbook import read_workbook; "
            "sys.exit(any(name.split('.')[0] in ('openpyxl', 'numpy') for name in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0

"""Excel's data validation for the input workbook: range checks and lists, with Vietnamese prompts.

Most mistakes are then refused by Excel while staff type, before `check` sees them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from openpyxl.worksheet.datavalidation import DataValidation

from pipeline.base.formatting import points
from pipeline.base.messages_init import (
    APPRAISAL_NOTE_PROMPT,
    APPRAISED_PROMPT,
    COMPONENT_PROMPT,
    COMPONENT_WITHIN,
    DUPLICATE_TITLE,
    REGISTER_PROMPTS,
)
from pipeline.config.components import Component

FIRST_ROW = 5  # the first data row, under the header row 4
LIST_SHEET = "Danh mục"
GROUP_LIST = "DanhSachKhoi"
_NO_LIMIT = "1E+9"


def column_rules(letters: Mapping[str, str], declared: tuple[Component, ...] = ()) -> dict[str, DataValidation]:
    """One validation per column of the sheet, with its prompt; formulas are written for the first data row.

    A criteria table's rules check codes, points within the row's maximum and the roll-up
    word; a unit table's check groups, duplicates and points within the maximum of the row
    (or, for a table with survey points, their sum within 100). A scheme's `declared` components (their columns
    in place of the appraised and survey points) each take a number from 0 to its maximum where it declares one.
    """
    rules = _column_rules(letters)
    for position, component in enumerate(declared):
        column = "appraised_points" if position == 0 else component.id
        if column in letters and (column not in rules or "applicable_max" not in letters):
            rules[column] = _component_rule(component)
    return rules


def _component_rule(component: Component) -> DataValidation:
    maximum = component.maximum
    within = COMPONENT_WITHIN.format(maximum=points(maximum)) if maximum is not None else ""
    title, prompt, error = (text.format(name=component.name, within=within) for text in COMPONENT_PROMPT)
    return _number(title[:32].rstrip(), prompt, error, high=str(maximum) if maximum is not None else None)


def _column_rules(letters: Mapping[str, str]) -> dict[str, DataValidation]:
    at = {column: f"${letter}{FIRST_ROW}" for column, letter in letters.items()}
    if "code" in letters:
        return _criteria_rules(at)
    every = {column: f"${letter}${FIRST_ROW}:${letter}$1048576" for column, letter in letters.items()}
    rules = {
        "order": _number("Số thứ tự", "Số thứ tự (không bắt buộc); chương trình tự đánh lại theo thứ hạng.",
                         "TT là số nguyên từ 1 trở lên.", whole=True, low="1"),
        "group": _choice(GROUP_LIST, "Khối",
                         f"Chọn khối của đơn vị trong danh sách (trang \"{LIST_SHEET}\"). Công việc chỉ có một khối "
                         "thì có thể để trống.",
                         f"Chọn tên khối trong danh sách. Khối mới: ghi tên vào trang \"{LIST_SHEET}\" và thêm "
                         "khối trong thiết lập của công việc."),
        "unit": _formula(f"COUNTIFS({every['unit']},{at['unit']},{every['group']},{at['group']}&\"\")=1",
                         "Đơn vị", "Tên đơn vị (bắt buộc), không trùng trong một khối.",
                         "Đơn vị này đã có trong cùng khối. Xóa dòng trùng (chọn Yes nếu chắc chắn muốn giữ).",
                         "Đơn vị bị trùng", style="warning"),
        "reason": _note("Lý do không đánh giá", "Chỉ ghi khi đơn vị không được đánh giá (để trống điểm); lý do in "
                                                "trong phụ lục."),
        "note": _note("Ghi chú", "In ở cột Ghi chú của phụ lục (không bắt buộc)."),
    }
    if "applicable_max" in letters:
        maximum, applicable = at["max_points"], at["applicable_max"]
        rules |= {
            "max_points": _number("Điểm tối đa", "Điểm tối đa theo quy định, số từ 0 trở lên.",
                                  "Điểm tối đa là số từ 0 trở lên."),
            "applicable_max": _number(
                "Điểm tối đa áp dụng", "Điểm tối đa các nhiệm vụ phát sinh trong năm, không lớn hơn điểm tối đa. "
                "Có số này thì điểm được quy ra thang 100: 72,2 / 80 × 100 = 90,25.",
                "Điểm tối đa áp dụng là số từ 0 đến điểm tối đa theo quy định của dòng này.",
                high=f"IF(ISNUMBER({maximum}),{maximum},{_NO_LIMIT})"),
            "appraised_points": _number(
                "Điểm thẩm định", "Điểm Hội đồng thẩm định chấm, không lớn hơn điểm tối đa áp dụng (hoặc điểm tối "
                "đa). Để trống nếu đơn vị không được đánh giá.",
                "Điểm thẩm định là số từ 0 đến điểm tối đa áp dụng (hoặc điểm tối đa) của dòng này.",
                high=f"IF(ISNUMBER({applicable}),{applicable},IF(ISNUMBER({maximum}),{maximum},{_NO_LIMIT}))"),
        }
    elif "survey_points" in letters:
        rules |= {
            "appraised_points": _number(
                "Điểm thẩm định", "Điểm thẩm định; cộng với điểm điều tra xã hội học không quá 100. Để trống nếu "
                "đơn vị không được đánh giá.", "Điểm thẩm định cộng điểm điều tra xã hội học phải từ 0 đến 100.",
                high=f"100-N({at['survey_points']})"),
            "survey_points": _number(
                "Điểm điều tra XHH", "Điểm điều tra xã hội học, cộng vào điểm thẩm định (tổng không quá 100).",
                "Điểm thẩm định cộng điểm điều tra xã hội học phải từ 0 đến 100.",
                high=f"100-N({at['appraised_points']})"),
        }
    if "applicable_max" not in letters:
        rules |= {
            "bonus": _number("Điểm thưởng", "Điểm thưởng (nếu có), cộng vào Chỉ số.",
                             "Điểm thưởng là số từ 0 trở lên."),
            "penalty": _number("Điểm trừ", "Điểm trừ (nếu có), ghi số dương; trừ khỏi Chỉ số.",
                               "Điểm trừ ghi số dương (từ 0 trở lên)."),
        }
    return rules


def _criteria_rules(at: Mapping[str, str]) -> dict[str, DataValidation]:
    code, title, maximum = at["code"], at["title"], at["max_points"]
    within = (f"IF(AND({code}=\"\",LEFT(TRIM({title}),4)=\"Tổng\"),{_NO_LIMIT},"
              f"IF(ISNUMBER({maximum}),{maximum},{_NO_LIMIT}))")
    roman = f"UPPER({code})"
    for letter in "IVXLCDM":
        roman = f"SUBSTITUTE({roman},\"{letter}\",\"\")"
    return {
        "code": _formula(f"OR(ISNUMBER(VALUE(SUBSTITUTE({code},\".\",\"\"))),{roman}=\"\")", "Mã số",
                         "I, II… cho lĩnh vực; 1.2, 1.2.1… cho tiêu chí. Để trống với tiểu mục, mức chấm và các dòng "
                         "TỔNG ĐIỂM, Điểm thưởng, Điểm trừ: dòng không mã thuộc tiêu chí có mã ngay phía trên.",
                         "Mã số viết như I, II (lĩnh vực) hoặc 1.2, 1.2.1 (tiêu chí). Tiểu mục, mức chấm không có "
                         "mã thì để trống.", "Mã số không đúng dạng"),
        "title": _note("Nội dung", "Tên lĩnh vực, tiêu chí, tiêu chí thành phần hoặc mức chấm (bắt buộc)."),
        "max_points": _number("Điểm chuẩn", "Điểm tối đa của dòng, số từ 0 trở lên. Tiêu chí cha: tổng điểm chuẩn "
                                            "các mục con (cộng) hoặc mức cao nhất (chọn một).",
                              "Điểm chuẩn là số từ 0 trở lên."),
        "self_points": _number(
            "Điểm tự chấm", "Từ 0 đến điểm chuẩn của dòng. Tiêu chí \"chọn một\": chỉ ghi điểm ở một mức. Tiêu chí "
            "cha và dòng TỔNG ĐIỂM có thể để trống: chương trình tự cộng (ghi sẵn thì được kiểm tra lại).",
            "Điểm tự chấm là số từ 0 đến điểm chuẩn của dòng này.", high=within),
        "appraised_points": _number(*APPRAISED_PROMPT, high=within),  # a campaign's unit workbook
        "appraisal_note": _note(*APPRAISAL_NOTE_PROMPT),
        "rationale": _note("Lý giải", "Không bắt buộc. Xuống dòng trong ô: Alt+Enter."),
        "rollup": _choice("\"cộng,chọn một\"", "Cách tính",
                          "Chỉ ở tiêu chí cha: \"cộng\" (điểm là tổng các mục con) hoặc \"chọn một\" (chỉ chấm một "
                          "mức). Để trống: chương trình tự nhận ra từ điểm chuẩn.",
                          "Cách tính ghi \"cộng\" hoặc \"chọn một\", hoặc để trống."),
    }


def register_rules(letters: Mapping[str, str]) -> dict[str, DataValidation]:
    """A campaign register's columns: the group from the job's groups, one row a unit, points ≥ 0, prompts."""
    at = {column: f"${letter}{FIRST_ROW}" for column, letter in letters.items()}
    rules = {column: _note(title, prompt) for column, (title, prompt, _) in REGISTER_PROMPTS.items()}
    rules["order"] = _number(*REGISTER_PROMPTS["order"], whole=True, low="1")
    rules["group"] = _choice(GROUP_LIST, *REGISTER_PROMPTS["group"])
    unit = letters["unit"]
    rules["unit"] = _formula(f"COUNTIF(${unit}${FIRST_ROW}:${unit}$1048576,{at['unit']})=1",
                             *REGISTER_PROMPTS["unit"], error_title=DUPLICATE_TITLE, style="warning")
    for column in ("survey_points", "bonus", "penalty"):
        rules[column] = _number(*REGISTER_PROMPTS[column])
    return rules


def _number(title: str, prompt: str, error: str, low: str = "0", high: str | None = None,
            whole: bool = False) -> DataValidation:
    between = {"operator": "between", "formula2": high} if high else {"operator": "greaterThanOrEqual"}
    return _validation(type="whole" if whole else "decimal", formula1=low, **between, promptTitle=title,
                       prompt=prompt, errorTitle="Số không hợp lệ", error=error)


def _formula(formula: str, title: str, prompt: str, error: str, error_title: str,
             style: str = "stop") -> DataValidation:
    return _validation(type="custom", formula1=formula, promptTitle=title, prompt=prompt, errorTitle=error_title,
                       error=error, errorStyle=style)


def _choice(source: str, title: str, prompt: str, error: str) -> DataValidation:
    return _validation(type="list", formula1=source, promptTitle=title, prompt=prompt,
                       errorTitle="Không có trong danh sách", error=error)


def _note(title: str, prompt: str) -> DataValidation:
    """No check, only the prompt shown when the cell is selected."""
    return _validation(promptTitle=title, prompt=prompt)


def _validation(**options: Any) -> DataValidation:
    return DataValidation(allow_blank=True, showInputMessage=True, showErrorMessage=True, **options)

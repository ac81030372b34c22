"""Vietnamese wording of a group's formula, of its refusals, of totals kept as published and of unused columns."""

from __future__ import annotations

from pipeline.base.errors import Reason

COMPONENT_NAMES = {
    "appraised_points": "điểm thẩm định",
    "survey_points": "điểm điều tra xã hội học",
    "bonus": "điểm thưởng",
    "penalty": "điểm trừ",
}
ENTERING = {
    "converted": "{words} quy về {maximum} điểm",  # points ÷ the unit's applicable maximum × the component's maximum
    "weighted": "{words} × {weight}",
}


def component_name(component: str) -> str:
    """A component as a sentence names it ("điểm điều tra xã hội học")."""
    return COMPONENT_NAMES.get(component, component)


def formula_text(components: tuple[str, ...], scaled: bool, scale: str, names: dict[str, str] | None = None,
                 entering: dict[str, str] | None = None) -> str:
    """"(điểm thẩm định + điểm điều tra xã hội học) quy về thang điểm 100 + điểm thưởng − điểm trừ": the formula of a
    group in words, from the components it adds (bonus and penalty last, as the result adds them). `names` gives a
    declared component's words; `entering` the words of one that is not added as it is ("chỉ số SIPAS × 0,5")."""
    names, entering = names or {}, entering or {}
    parts = [c for c in components if c not in ("bonus", "penalty")]
    added = [names.get(c) or component_name(c) for c in parts if c not in entering]
    text = " + ".join(added)
    if scaled and added:
        text = f"({text}) quy về thang điểm {scale}" if len(added) > 1 else f"{text} quy về thang điểm {scale}"
    text = " + ".join([*([text] if text else []), *(entering[c] for c in parts if c in entering)])
    if "bonus" in components:
        text += " + điểm thưởng"
    if "penalty" in components:
        text += " − điểm trừ"
    return "kết quả = " + text


FORMULA_TEXT: dict[Reason, str] = {
    Reason.COMPONENT_MISSING: (
        "đơn vị \"{unit}\" để trống cột này, nhưng khối \"{group}\" tính {formula} ({agreeing} trong {total} đơn vị "
        "của khối có {component}). Cách tính là của cả khối, không đổi theo từng đơn vị: ghi {component} của đơn vị; "
        "nếu đơn vị không được đánh giá, ghi lý do vào cột \"Lý do không đánh giá\"."
    ),
    Reason.COMPONENT_UNUSED: (
        "đơn vị \"{unit}\" có {component} ({value}), nhưng khối \"{group}\" tính {formula}, không có {component} "
        "({agreeing} trong {total} đơn vị của khối để trống cột này). Cách tính là của cả khối, không đổi theo từng "
        "đơn vị: xóa số này, hoặc ghi {component} cho mọi đơn vị của khối."
    ),
    Reason.FORMULA_UNDECIDED: (
        "khối \"{group}\" có {agreeing} đơn vị có {component} và {agreeing} đơn vị để trống, nên không biết khối tính "
        "kết quả có hay không có {component} (đơn vị \"{unit}\" ở dòng này). Cách tính là của cả khối: ghi "
        "{component} cho mọi đơn vị của khối, hoặc xóa ở mọi đơn vị."
    ),
    Reason.TOTAL_KEPT_AS_PUBLISHED: (
        "đơn vị \"{unit}\": giữ kết quả {value} như đã công bố; cộng các thành phần đã làm tròn được {computed} "
        "(chênh {difference}, trong phạm vi làm tròn {bound} của {parts} thành phần)."
    ),
    Reason.COLUMN_UNUSED: (
        "cột có số liệu nhưng chương trình không dùng cột này để tính kết quả, nên số liệu của nó không vào văn bản. "
        "Nếu đây là một thành phần của kết quả, đổi tên cột cho đúng (xem danh sách tên cột); nếu chỉ để tham khảo, "
        "khai báo cột này là cột bỏ qua trong thiết lập kiểm tra số liệu của công việc."
    ),
    Reason.SATISFACTION_INDEX: (
        "\"Chỉ số hài lòng\" là một chỉ số (thường tính bằng %), không phải điểm điều tra xã hội học theo thang điểm "
        "của bộ tiêu chí, nên chương trình không cộng được vào kết quả. Ghi điểm đã quy đổi vào cột \"Điểm điều tra "
        "xã hội học\"; nếu cột chỉ để tham khảo, khai báo cột này là cột bỏ qua trong thiết lập kiểm tra số liệu."
    ),
}

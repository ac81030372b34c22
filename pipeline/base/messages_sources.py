"""Vietnamese wording of the rules every source of a setting follows (signature, placeholders), read into
`messages`; `{at}` is the key of job.toml when the problem is there ("mục \"reports.title\": "), else nothing."""

from __future__ import annotations

from pipeline.base.errors import Reason

ND30_FORMS = "TM. (thay mặt), KT. (ký thay), Q. (quyền), TL. (thừa lệnh), TUQ. (thừa ủy quyền)"

SOURCES_TEXT: dict[Reason, str] = {
    Reason.SIGNATURE_FORM_UNKNOWN: (
        "{at}dòng thẩm quyền ký \"{value}\" không theo thể thức của Nghị định 30/2020: mỗi dòng bắt đầu bằng một "
        "trong " + ND30_FORMS + ".{form_hint} Chức vụ người ký (\"GIÁM ĐỐC\", \"PHÓ CHỦ TỊCH\") ghi ở ô, mục chức vụ "
        "riêng; người đứng đầu ký trực tiếp thì để trống thẩm quyền ký."
    ),
    Reason.SIGNATURE_NOT_DEPUTY: (
        "{at}chức vụ người ký \"{value}\" đứng dưới thẩm quyền ký \"{authority}\": dòng \"KT.\" (ký thay) nghĩa là cấp "
        "phó ký thay người đứng đầu, nên chức vụ phải là của cấp phó, ví dụ \"PHÓ CHỦ TỊCH\", \"PHÓ GIÁM ĐỐC\". Người "
        "đứng đầu ký thì bỏ dòng \"KT. …\"; cấp phó ký thì sửa chức vụ."
    ),
    Reason.PLACEHOLDER_UNKNOWN: (
        "{at}chữ thay thế \"{value}\" không có: chương trình sẽ in nguyên \"{value}\" vào mọi văn bản.{close_hint} "
        "Các chữ thay thế có: {{don_vi}} (tên đơn vị), {{DON_VI}} (tên đơn vị viết hoa)."
    ),
    Reason.TEXT_TOO_LONG: (
        "ô có {length} ký tự (\"{value}\"), nhiều hơn một ô Excel giữ được ({limit} ký tự), nên bảng kết quả "
        "ket-qua.xlsx sẽ bị cắt mất phần sau. Rút gọn nội dung ô này (chép phần dài sang tài liệu kèm theo)."
    ),
    Reason.SURVEY_ABOVE_SCALE: (
        "điểm điều tra xã hội học {value} của đơn vị \"{unit}\" (ô này của danh mục đơn vị) cộng điểm thẩm định "
        "{appraised} của bảng tiêu chí được {points}, lớn hơn thang điểm {scale}. Sửa ô này của danh mục (gõ nhầm dấu "
        "thập phân?); điểm điều tra cộng với điểm chuẩn của cây tiêu chí phải là thang điểm."
    ),
}


def source_values(values: dict) -> None:
    """The parts of a message that depend on what is known: the key, the form written out, the closest placeholder."""
    values["at"] = f"mục \"{values['key']}\": " if values.get("key") else ""
    if values.get("form"):
        values["form_hint"] = f" Viết tắt là \"{values['form']}\" (ví dụ \"{values['form']} …\")."
    if values.get("position"):
        values["lookalike"] = (f" Hai tên trông giống nhau nhưng khác nhau ở ký tự thứ {values['position']}: "
                               f"tên này có \"{values['wrong']}\" ({values['wrong_code']}), "
                               f"danh mục có \"{values['right']}\" ({values['right_code']}); gõ lại ký tự đó.")
    if values.get("close"):
        values["close_hint"] = f" Có phải ý bạn là \"{values['close']}\"?"

"""Vietnamese wording of the problems with the previous period (`[previous]`), read into `messages`."""

from __future__ import annotations

from pipeline.base.errors import Reason

PERIOD_TEXT: dict[Reason, str] = {
    Reason.PREVIOUS_MISSING: (
        "mục \"{key}\" ghi \"{value}\" (tức {resolved}) nhưng ở đó không có {what}. "
        "Đường dẫn tính từ thư mục công việc, ví dụ "
        "job = \"../vi-du-2024-xep-loai-tinh\" (thư mục công việc kỳ trước) hoặc results = \"…/ket-qua.xlsx\"."
    ),
    Reason.PREVIOUS_UNREADABLE: (
        "không đọc được kết quả kỳ trước (mục \"{key}\" của job.toml): {why}. Chỉ nhận tệp ket-qua.xlsx do chương "
        "trình này ghi, chưa sửa cấu trúc (trang \"Tổng hợp\" và mỗi khối một trang); hoặc ghi job = \"…\" để tính "
        "lại kết quả kỳ trước từ số liệu của nó."
    ),
    Reason.PREVIOUS_UNKNOWN_UNIT: (
        "mục \"{key}\" ghi đơn vị \"{value}\" nhưng {where} không có đơn vị này.{hint} Sửa tên cho đúng như trong "
        "kết quả {period} (có dấu hay không dấu, chữ hoa hay thường đều được)."
    ),
    Reason.PREVIOUS_JOB_INVALID: (
        "công việc kỳ trước (mục \"{key}\" của job.toml) có lỗi nên không so sánh được: {error} Sửa công việc kỳ "
        "trước, hoặc bỏ mục [previous]."
    ),
    Reason.PREVIOUS_UNIT_TWICE: (
        "đơn vị \"{value}\" của {period} được so sánh với hai đơn vị của kỳ này: {units} (một đơn vị trùng tên với nó, "
        "một đơn vị nhận nó qua [previous.renames], hoặc hai dòng [previous.renames] cùng ghi nó). "
        "Mỗi đơn vị cũ chỉ so sánh với một đơn vị mới: sửa [previous.renames] cho đơn vị cũ chỉ ứng với một đơn vị."
    ),
    Reason.PREVIOUS_RENAMED_TWICE: (
        "mục \"{key}\" ghi lại đơn vị \"{unit}\" của kỳ này, đã có ở dòng \"{first}\" của [previous.renames] (tên so "
        "sánh không phân biệt chữ hoa, thường, có dấu hay không). Gộp hai dòng thành một: \"{unit}\" = [\"tên cũ 1\", "
        "\"tên cũ 2\"] nếu đơn vị được sáp nhập từ nhiều đơn vị."
    ),
    Reason.PREVIOUS_OTHER_GROUP: (
        "mục \"{key}\" cho đơn vị \"{unit}\" (khối \"{group}\") là đơn vị \"{value}\" của {period}, nhưng đơn vị đó "
        "thuộc khối \"{old_group}\": hạng trong hai khối khác nhau không so sánh được. Sửa tên cũ cho đúng đơn vị cùng "
        "khối, hoặc xóa dòng này (đơn vị được ghi là \"mới\")."
    ),
    Reason.PREVIOUS_NOT_RANKED: (
        "công việc kỳ trước (mục \"{key}\" của job.toml) là loại \"{kind}\", không xếp hạng đơn vị nên không có "
        "điểm, hạng để so sánh. Chỉ so sánh với một công việc xếp hạng (bảng tổng hợp các đơn vị hoặc đợt đánh giá) "
        "hoặc tệp ket-qua.xlsx của nó."
    ),
    Reason.PREVIOUS_NOT_APPRAISED: (
        "kỳ trước chưa thẩm định xong (mục \"{key}\" của job.toml trỏ tới đợt đánh giá có [appraisal] done = false): "
        "chưa có kết quả chính thức để so sánh. Chờ kỳ trước thẩm định xong (done = true), hoặc bỏ mục [previous]."
    ),
    Reason.NAME_FORM: (
        "cần xem lại tên đơn vị \"{value}\"{group_text}: tên viết hoa toàn bộ hoặc không dấu, văn bản hành chính "
        "viết là \"{proper}\" (như danh mục đơn vị, kỳ trước hoặc các dòng khác của bảng). Sửa tên trong tệp số "
        "liệu, hoặc ghi proper_names = true trong [checks] của job.toml để văn bản in tên đúng."
    ),
    Reason.NAME_FORM_UNKNOWN: (
        "cần xem lại tên đơn vị \"{value}\"{group_text}: tên viết hoa toàn bộ hoặc không dấu, và danh mục đơn vị, kỳ "
        "trước hay các dòng khác của bảng không có cách viết đúng để đối chiếu. Văn bản in tên như đã gõ: sửa tên "
        "trong tệp số liệu cho đúng dấu và chữ hoa đầu tên riêng."
    ),
    Reason.PREVIOUS_UNMATCHED: (
        "{count} đơn vị của {period} không ứng với đơn vị nào của kỳ này (không trùng tên, không có trong "
        "[previous.renames]): {units}. Nếu đơn vị nào chỉ đổi tên hoặc ghi sai chính tả, thêm dòng \"tên mới\" = "
        "\"tên cũ\" vào [previous.renames]; nếu không, đơn vị của kỳ này không được so sánh với kỳ trước (ghi "
        "\"mới\", hoặc \"không có số liệu kỳ trước\" khi kỳ trước là bảng đơn vị và hạng)."
    ),
    Reason.PREVIOUS_RANKS_DISAGREE: (
        "kết quả kỳ trước (mục \"{key}\" của job.toml) không thống nhất: {why}. Tệp ket-qua.xlsx có vẻ đã bị sửa; "
        "dùng tệp do chương trình ghi, hoặc ghi job = \"…\" để tính lại kết quả kỳ trước từ số liệu của nó."
    ),
    Reason.PREVIOUS_TABLE_INVALID: (
        "bảng kỳ trước (mục \"{key}\" của job.toml) không dùng được: {why}. Bảng cần một cột tên đơn vị (\"Đơn vị\", "
        "\"Tỉnh, thành phố\"…), một cột \"Hạng\" (số nguyên từ 1), có thể thêm cột \"Điểm\" hoặc \"Chỉ số\" và cột "
        "\"Khối\"; mỗi đơn vị một dòng."
    ),
    Reason.PREVIOUS_NEW_INVALID: (
        "mục \"previous.new\" ghi \"{value}\" là đơn vị mới nhưng {why}.{hint} Chỉ ghi ở đây các đơn vị kỳ này "
        "không có ở kỳ trước."
    ),
    Reason.PREVIOUS_NOT_LISTED: (
        "{count} đơn vị của kỳ này không có trong bảng {period}, mà bảng không được ghi là chỉ có một phần: {units}. "
        "Các đơn vị này được ghi \"không có số liệu kỳ trước\". Nếu bảng chỉ có một phần (như 10 đơn vị đứng đầu), "
        "ghi partial = true trong [previous]; đơn vị mới thì ghi vào new = [\"…\"]; tên viết khác thì thêm vào "
        "[previous.renames]."
    ),
    Reason.PREVIOUS_GROUP_MOVED: (
        "đơn vị \"{value}\" thuộc khối \"{group}\" ở kỳ này ({here}) nhưng thuộc khối \"{old_group}\" ở {period} "
        "({there}): hạng trong hai khối khác nhau không so sánh được. Nơi nào ghi sai khối thì sửa nơi đó; nếu đơn vị "
        "đã chuyển khối thật, ghi trong [previous.renames] dòng \"{value}\" = [] để đơn vị được ghi là \"mới\"."
    ),
}

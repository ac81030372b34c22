"""Vietnamese wording of the problems found in templates and PDF copies, added after the first ones
(`messages` holds the rest and reads these in): the same rules, where, what, how to fix, in office words.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.base.errors import Reason

DOCUMENT_TEXT: dict[Reason, str] = {
    Reason.ND30_FAILS: "không đạt thể thức (Nghị định 30/2020/NĐ-CP, {place}): {checks}; văn bản có: {found}.",
    Reason.ND30_UNKNOWN: "chưa kiểm tra được thể thức (Nghị định 30/2020/NĐ-CP, {place}): {checks}; vì {found}.",
    Reason.PDF_NOT_PDFA: (
        "LibreOffice trên máy này ghi PDF thường, không ghi được PDF/A-2b để gửi văn bản điện tử: cần LibreOffice "
        "7.4 trở lên (xem bằng lệnh soffice --version). Cài bản mới hơn, hoặc chạy không có --pdf rồi mở văn bản "
        "bằng Word, lưu thành PDF (trong Options chọn PDF/A)."
    ),
    Reason.FONT_SUBSTITUTED: (
        "Lưu ý: máy này chưa cài phông Times New Roman nên bản PDF dùng phông thay thế \"{font}\". Ngắt dòng, ngắt "
        "trang trong PDF chỉ giống Word khi phông thay thế có cùng độ rộng từng chữ với Times New Roman "
        "(như Liberation Serif); nếu không, xem lại PDF trước khi ký, hoặc cài phông Times New Roman rồi chạy lại."
    ),
    Reason.TEMPLATE_PAGE_NUMBERS_LOST: (
        "phần thứ {section} (trong {sections} phần, tính theo dấu ngắt phần) không có số trang ở đầu trang hay "
        "chân trang, trong khi các phần khác có: văn bản lập ra sẽ không có số trang từ trang 2 của phần này. "
        "Thường do mẫu đã được mở và lưu bằng LibreOffice (LibreOffice bỏ thiết lập \"Trang đầu tiên khác\"). "
        "Sửa bằng Microsoft Word: nhấp đúp vào đầu trang ở trang 2 của phần này, chèn số trang (Chèn > Số trang "
        "> Đầu trang, giữa), rồi chọn \"Trang đầu tiên khác\" (Different First Page) để trang đầu không có số; "
        "hoặc lấy lại mẫu gốc và sửa lại bằng Word."
    ),
    Reason.TEMPLATE_PAGE_NUMBER_ON_FIRST_PAGE: (
        "phần thứ {section} (trong {sections} phần, tính theo dấu ngắt phần) in số trang cả ở trang đầu; văn bản hành "
        "chính không hiện số trang thứ nhất (Nghị định 30/2020/NĐ-CP). Trong Word, nhấp đúp vào đầu trang của phần "
        "này, chọn \"Trang đầu tiên khác\" (Different First Page) và để trống đầu trang của trang đầu."),
    Reason.TEMPLATE_ROW_SHORT: (
        "dòng được lặp của bảng (giữa {{%tr for … %}} và {{%tr endfor %}}) chỉ có {cells} ô, tính cả ô gộp, nhưng "
        "bảng có {columns} cột: mỗi dòng đơn vị in ra sẽ thiếu ô ở cuối và lệch với dòng tiêu đề. Thường do thêm "
        "cột vào dòng tiêu đề mà chưa thêm ô vào dòng được lặp. Thêm ô còn thiếu vào dòng này (kèm thẻ của cột, "
        "ví dụ {{{{ u.note }}}}), hoặc xóa cột thừa ở dòng tiêu đề."),
    Reason.TEMPLATE_MERGED_CELL_SHORT: (
        "ô gộp ngang có thẻ {value} không còn kéo tới cột cuối cần gộp: dòng này chỉ có {cells} ô, tính cả ô gộp, "
        "nhưng bảng có {columns} cột, nên dòng lý do in ra bị thiếu ô và lệch với dòng tiêu đề. Chọn ô lý do cùng "
        "các ô bên phải nó cho tới hết các cột điểm (như mẫu gốc), bấm Gộp ô (Merge Cells), để dòng này đủ "
        "{columns} cột như dòng tiêu đề."),
    Reason.ANNOTATED_IS_TEMPLATE: (
        "bản góp ý (--annotate) không được ghi đè lên chính mẫu đang kiểm tra. Bỏ tên tệp sau --annotate (bản góp "
        "ý được ghi thành <tên mẫu>.gop-y.docx cạnh mẫu), hoặc ghi một tên tệp khác."),
    Reason.TEMPLATE_NOT_PLAIN: "{not_plain}",
    Reason.GROUP_LINE_DISAGREES: (
        "dòng \"Khối:\" phía trên bảng ghi \"{value}\" nhưng danh mục đơn vị ({register}) xếp đơn vị \"{unit}\" vào "
        "khối \"{group}\". Hai nơi phải ghi cùng một khối (khối quyết định hạng của đơn vị): sửa nơi ghi sai, hoặc xóa "
        "dòng \"Khối:\" trong bảng (khi có danh mục, khối lấy từ danh mục)."
    ),
    Reason.UNREGISTERED_UNIT: (
        "bảng tiêu chí của đơn vị \"{value}\" nhưng đơn vị này không có trong danh mục đơn vị ({register}). "
        "Thêm đơn vị vào danh mục (một dòng, cột \"Tên đơn vị\" ghi đúng tên chính thức), hoặc sửa dòng "
        "\"Đơn vị: …\" phía trên bảng cho đúng tên trong danh mục{hint}, "
        "hoặc bỏ tệp này khỏi đợt đánh giá.{lookalike}"),
    Reason.REGISTERED_WITHOUT_TABLE: (
        "đơn vị \"{value}\" (khối \"{group}\") có trong danh mục nhưng không có bảng tiêu chí nào trong {data}. "
        "Thêm bảng tiêu chí của đơn vị (dòng \"Đơn vị: {value}\" phía trên dòng tiêu đề), hoặc ghi lý do ở cột "
        "\"Lý do không đánh giá\" của dòng này nếu đơn vị không được đánh giá."),
    Reason.NOT_EVALUATED_BLANK_TABLE: (
        "bảng tiêu chí chưa điền của đơn vị \"{value}\", đơn vị mà danh mục đơn vị ghi không đánh giá (lý do: "
        "{why}). Bỏ tệp này ra khỏi thư mục số liệu (ở trang Số liệu của bàn làm việc: nút \"Để riêng\"; tệp "
        "được giữ, lấy lại được); hoặc, nếu đơn vị được đánh giá, xóa lý do trong danh mục rồi điền bảng."),
    Reason.DUPLICATE_REGISTERED_UNIT: (
        "đơn vị \"{value}\" đã có trong danh mục ở dòng {first_row}. Mỗi đơn vị chỉ ghi một dòng; xóa dòng thừa."),
    Reason.APPRAISAL_MISSING: (
        "chưa có điểm thẩm định, trong khi job.toml ghi [appraisal] done = true (đã thẩm định xong). Ghi điểm thẩm "
        "định của dòng này (tiêu chí không đạt thì ghi 0), hoặc sửa thành done = false nếu chưa thẩm định xong "
        "(khi đó chỉ lập báo cáo tự chấm điểm, chưa lập quyết định)."),
    Reason.APPRAISAL_NOT_DONE: (
        "chưa lập quyết định vì job.toml ghi [appraisal] done = false (chưa thẩm định xong); quyết định "
        "chỉ công bố kết quả đã thẩm định. Đã lập báo cáo tự chấm điểm của từng đơn vị. Khi đã ghi đủ cột "
        "\"Điểm thẩm định\" của mọi đơn vị, sửa thành done = true rồi chạy lại."),
    Reason.REGISTER_MISSING: (
        "không thấy danh mục đơn vị \"{value}\" (mục register của job.toml) trong thư mục công việc. Đặt tệp "
        "danh mục đơn vị (.xlsx hoặc .csv) vào thư mục công việc, hoặc sửa tên ở mục register."),
}

# The appraisal notice (thông báo kết quả thẩm định): what `[appraisal]` says when a key is left out, and the
# words of its table and closing summary (`documents.content.notice_context`).
NOTICE_DEFAULTS: dict[str, object] = {
    "issuing_body": ["HỘI ĐỒNG THẨM ĐỊNH"],
    "symbol": "TB-HĐTĐ",
    "title": "Kết quả thẩm định kết quả tự chấm điểm của {don_vi}",
    "intro": ("Trên cơ sở báo cáo kết quả tự chấm điểm và tài liệu kiểm chứng của {don_vi}, kết quả thẩm định "
              "từng tiêu chí như sau:"),
    "recipients": ["{don_vi};", "Lưu: VT."],
    "signature": {"authority": ["TM. HỘI ĐỒNG"], "position": "CHỦ TỊCH", "name": "(Họ và tên người ký)"},
}
@dataclass(frozen=True)
class NoticeWords:
    """The appraisal notice's total and its steps to the result, as fields: a misspelt name is a type error."""

    total: str = "TỔNG ĐIỂM"
    tree: str = "Tổng điểm thẩm định các lĩnh vực: {points}/{maximum} điểm"
    scaled: str = "quy đổi thang điểm {scale}: {approx}{score}"
    survey: str = "cộng điểm điều tra xã hội học {points}"
    bonus: str = "cộng điểm thưởng {points}"
    penalty: str = "trừ điểm trừ {points}"
    result: str = "kết quả: {score}"
    label: str = "xếp loại: {label}"


NOTICE_WORDS = NoticeWords()


_SAVE_CLEAN = ("Mở mẫu bằng Word, chọn Tệp › Lưu thành › Tài liệu Word (*.docx) (không chọn loại \"có macro\" "
               "hay \"Mẫu Word\"), rồi dùng tệp mới lưu.")
# Each way a template is more than a plain Word document (`template_package`), with how to make a clean one.
NOT_PLAIN_TEXT = {
    "macro": "mẫu có macro (VBA), không phải tài liệu Word thường (có thể là tệp .docm đổi tên thành .docx); "
             "chương trình không dùng mẫu có macro để lập văn bản chính thức. " + _SAVE_CLEAN,
    "activex": "mẫu có điều khiển ActiveX (nút, ô đánh dấu của Công cụ nhà phát triển), có thể chạy mã khi mở. "
               "Xóa các điều khiển đó trong Word (hoặc thay bằng chữ), rồi " + _SAVE_CLEAN[0].lower() + _SAVE_CLEAN[1:],
    "ole": "mẫu có đối tượng nhúng (OLE: bảng Excel, tệp đính kèm… chèn bằng Chèn › Đối tượng), có thể chạy mã khi "
           "mở. Xóa đối tượng đó (bảng số liệu thì chép vào Word dạng bảng thường, hình thì dán dạng ảnh), rồi "
           + _SAVE_CLEAN[0].lower() + _SAVE_CLEAN[1:],
    "link": "mẫu có liên kết tới tệp bên ngoài (\"{target}\"): văn bản sẽ phụ thuộc vào tệp đó và có thể nạp nội dung "
            "từ nơi khác khi mở. Trong Word, chọn Tệp › Thông tin › Chỉnh sửa liên kết tới tệp › Ngắt liên kết (mẫu "
            "gắn với một tệp mẫu khác: Nhà phát triển › Mẫu tài liệu, xóa tên mẫu), rồi "
            + _SAVE_CLEAN[0].lower() + _SAVE_CLEAN[1:],
}


# What `check-template --annotate` writes and says: the comments' author and initials, then the lines it prints.
@dataclass(frozen=True)
class AnnotateText:
    """What `check-template --annotate` writes and says, as fields so a misspelt name is a type error."""

    author: str = "Chương trình kiểm tra mẫu"
    initials: str = "KTM"
    written: str = ("Đã ghi bản góp ý {path}: bản sao của mẫu có {count} ghi chú (comment) của Word, mỗi ghi chú ở "
                    "đoạn văn có lỗi. Mở bản góp ý để xem, nhưng sửa trên tệp mẫu.")
    clean: str = "Mẫu {path} không có lỗi thẻ nào; không ghi bản góp ý."


ANNOTATE_TEXT = AnnotateText()

"""Vietnamese wording of the problems for the clerk's desk where the command line's names an option, `job.toml`
or a command: the same problem, told with the desk's buttons, pages and fields (chosen by `messages.Audience`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pipeline.base.errors import Reason


@dataclass(frozen=True)
class Audience:
    """Who reads a message, so that it names what they use: the command line's options, `job.toml` and its keys;
    or (`desk`) the desk's buttons, pages and form fields, `setting` naming a key as its field is labelled."""

    desk: bool = False
    setting: Callable[[str], str] = str


COMMAND_LINE = Audience()
SETTINGS_PAGE = "Trang Thiết lập"  # where a problem of the job's settings is, for the desk ("Tệp job.toml")
SETTINGS_OF_JOB = "Trang Thiết lập của công việc {job}"  # the same, of another job (the previous period's)
SETTINGS_TEXT = "Tệp thiết lập của công việc"  # a line of it (a syntax error: the settings page cannot show it)
_SETTINGS = "job.toml"  # config.job_settings.SETTINGS_FILE, which this module comes before


def file_name(file: str, audience: Audience = COMMAND_LINE, line: bool = False) -> str:
    """The file a problem is in (at a `line` of it), as `audience` knows it: the desk's settings page for
    `job.toml`, or the settings file when a line of it is meant."""
    if not audience.desk or not (file == _SETTINGS or file.endswith("/" + _SETTINGS)):
        return file
    if line and file == _SETTINGS:
        return SETTINGS_TEXT
    return SETTINGS_PAGE if file == _SETTINGS else SETTINGS_OF_JOB.format(job=file.removesuffix("/" + _SETTINGS))


def file_words(file: str, audience: Audience = COMMAND_LINE, line: bool = False) -> str:
    """"Tệp a.xlsx", or the settings page where the desk has one."""
    name = file_name(file, audience, line)
    return f"Tệp {file}" if name == file else name


_OUTPUT_ELSEWHERE = "Nhờ bộ phận kỹ thuật kiểm tra thư mục kết quả của bàn làm việc."

DESK_TEXT: dict[Reason, str] = {
    Reason.SETTINGS_MISSING: (
        "thư mục này không có phần thiết lập nên không phải một công việc. Tạo công việc bằng nút \"Công việc mới\"."
    ),
    Reason.SETTING_MISSING: "chưa điền ô \"{key}\". Điền ô này ở trang Thiết lập.",
    Reason.NO_DATA_FILE: (
        "công việc chưa có tệp số liệu (.xlsx hoặc .csv). Tải tệp lên ở trang Số liệu."
    ),
    Reason.DATA_FILE_MISSING: (
        "không tìm thấy tệp số liệu này. Tải tệp lên ở trang Số liệu (giữ đúng tên tệp), hoặc sửa tên tệp số liệu ở "
        "trang Thiết lập."
    ),
    Reason.NO_TABLE: (
        "không tìm thấy dòng tiêu đề của bảng (cần có các cột {required}). Kiểm tra tên cột như trong bảng nhập liệu "
        "tải về ở trang Số liệu."
    ),
    Reason.UNKNOWN_GROUP: "khối \"{value}\" không có trong các khối ở trang Thiết lập ({known}).{hint}",
    Reason.EMPTY_GROUP: (
        "khối \"{value}\" có ở trang Thiết lập nhưng không có đơn vị nào trong số liệu. Ghi tên khối này cho các đơn "
        "vị của nó trong số liệu, hoặc xóa tên khối ở trang Thiết lập, mục Các khối xếp hạng."
    ),
    Reason.NO_POINTS: (
        "bảng tiêu chí chưa có điểm nào ở cột này (bảng mới tạo?). Điền điểm tự chấm rồi tải tệp lên lại."
    ),
    Reason.TEMPLATE_UNKNOWN_NAME: (
        "tên \"{value}\" không có trong dữ liệu của loại văn bản này.{hint} Dùng các tên có trong mẫu chung của "
        "chương trình (tải về ở trang Mẫu văn bản)."
    ),
    Reason.OUTPUT_EXISTS: (
        "đã có văn bản này từ lần lập trước; chương trình không ghi đè. Nếu chắc chắn muốn thay, bấm \"Lập văn bản\" "
        "rồi bấm \"Lập lại và thay các tệp này\" khi trang hỏi."
    ),
    Reason.OUTPUT_BUSY: (
        "thư mục kết quả của công việc này đang được một lần lập văn bản khác ghi ({holder}). Chờ lần đó xong rồi "
        "bấm \"Lập văn bản\" lại."
    ),
    Reason.OUTPUT_NOT_FOLDER: (
        "đây là một tệp, không phải thư mục, nên không ghi kết quả vào đó được. " + _OUTPUT_ELSEWHERE
    ),
    Reason.OUTPUT_IS_JOB_FOLDER: (
        "đây là chính thư mục công việc: bảng kết quả ghi vào đó sẽ bị đọc như số liệu ở lần sau. " + _OUTPUT_ELSEWHERE
    ),
    Reason.OUTPUT_UNWRITABLE: (
        "chương trình không có quyền ghi vào đây (thư mục chỉ đọc hoặc của người dùng khác). " + _OUTPUT_ELSEWHERE
    ),
    Reason.DISK_FULL: (
        "ổ đĩa chứa thư mục kết quả đã đầy. Giải phóng chỗ trống (hoặc nhờ bộ phận kỹ thuật) rồi bấm \"Lập văn bản\" "
        "lại."
    ),
    Reason.NO_LIBREOFFICE: (
        "máy chưa cài LibreOffice nên không chuyển được văn bản sang PDF. Bỏ đánh dấu ô \"Thêm bản PDF/A\" rồi bấm "
        "\"Lập văn bản\", hoặc nhờ bộ phận kỹ thuật cài LibreOffice."
    ),
    Reason.PDF_FAILED: (
        "LibreOffice không chuyển được văn bản sang PDF ({error}). Bấm \"Lập văn bản\" lại; nếu vẫn lỗi, bỏ đánh dấu "
        "ô \"Thêm bản PDF/A\", rồi mở văn bản bằng Word và lưu thành PDF."
    ),
    Reason.PDF_NOT_PDFA: (
        "LibreOffice trên máy này ghi PDF thường, không ghi được PDF/A-2b để gửi văn bản điện tử: cần LibreOffice 7.4 "
        "trở lên (nhờ bộ phận kỹ thuật cài bản mới hơn). Hoặc bỏ đánh dấu ô \"Thêm bản PDF/A\", rồi mở văn bản bằng "
        "Word, lưu thành PDF (trong Options chọn PDF/A)."
    ),
    Reason.SOURCE_JOB_INVALID: (
        "công việc \"{value}\" (ô \"Lấy từ công việc đã có\") có lỗi nên chưa lấy được danh mục từ đó. Sửa các lỗi "
        "của công việc đó được liệt kê dưới đây, hoặc chọn công việc khác."
    ),
    Reason.SOURCE_KIND_MISMATCH: (
        "công việc \"{value}\" (ô \"Lấy từ công việc đã có\") là loại \"{source_kind}\", khác loại \"{kind}\" của "
        "công việc mới. Chọn một công việc cùng loại, hoặc chọn \"— không lấy —\"."
    ),
    Reason.SETTING_HIDDEN_CHARACTER: (
        "ô \"{key}\" có ký tự ẩn {characters} (chỗ ghi [U+…] trong \"{value}\"): ký tự này không in ra được, văn bản "
        "sẽ bỏ nó và chữ hai bên bị dính vào nhau. Xóa ký tự đó (thường do chép từ phần mềm khác) và gõ lại dấu cách "
        "nếu cần."
    ),
    Reason.APPRAISAL_MISSING: (
        "chưa có điểm thẩm định, trong khi trang Thiết lập ghi đã thẩm định xong. Ghi điểm thẩm định của dòng này "
        "(tiêu chí không đạt thì ghi 0), hoặc bỏ đánh dấu ô \"Đã thẩm định xong\" ở trang Thiết lập, mục Thẩm định, "
        "nếu chưa thẩm định xong (khi đó chỉ lập báo cáo tự chấm điểm, chưa lập quyết định)."
    ),
    Reason.APPRAISAL_NOT_DONE: (
        "chưa lập quyết định vì chưa thẩm định xong; quyết định chỉ công bố kết quả đã thẩm định. Chỉ lập báo cáo tự "
        "chấm điểm của từng đơn vị. Khi đã ghi đủ cột \"Điểm thẩm định\" của mọi đơn vị: ở trang Thiết lập, mục Thẩm "
        "định, đánh dấu ô \"Đã thẩm định xong\", lưu, rồi bấm \"Lập văn bản\" ở trang Văn bản."
    ),
    Reason.REGISTER_MISSING: (
        "không thấy danh mục đơn vị \"{value}\" trong công việc. Tải danh mục đơn vị (.xlsx hoặc .csv) lên ở trang Số "
        "liệu, hoặc sửa tên tệp danh mục ở trang Thiết lập."
    ),
    Reason.INIT_NO_CRITERIA: (
        "đợt đánh giá cần một bộ tiêu chí: chọn tệp Excel có bảng tiêu chí ở ô \"Đợt đánh giá: tệp Excel có bảng tiêu "
        "chí\" (cột Mã số, Lĩnh vực/Tiêu chí/Tiêu chí thành phần, Điểm chuẩn, Điểm tự chấm), hoặc chọn một đợt đánh "
        "giá đã có ở ô \"Lấy từ công việc đã có\"."
    ),
    Reason.INIT_CRITERIA_INVALID: (
        "tệp bộ tiêu chí \"{value}\" chưa dùng được: {why} Sửa các lỗi được liệt kê dưới đây (nếu có), hoặc chọn tệp "
        "khác."
    ),
    Reason.INIT_UNKNOWN_KIND: "không có loại văn bản \"{value}\". Chọn một loại trong danh sách.",
    Reason.INIT_KIND_MISSING: "chưa chọn loại văn bản. Chọn một loại trong danh sách.",
    Reason.INIT_CRITERIA_UNUSED: (
        "tệp bảng tiêu chí chỉ dùng cho đợt đánh giá; loại \"{value}\" lấy cây tiêu chí từ một công việc đã có. Bỏ "
        "tệp đã chọn, hoặc chọn loại đợt đánh giá."
    ),
    Reason.RULE_INVALID: (
        "cách chấm \"{value}\" không dùng được: {why}. Cách viết: \"tỷ lệ × 4\"; \"từ 90% đến dưới 95%: 1 điểm; từ "
        "95%: 2 điểm\"; \"có: 2; không: 0\"; \"trước hạn: 5; đúng hạn: 3\"."
    ),
    Reason.PREVIOUS_MISSING: (
        "ô \"{key}\" ghi \"{value}\" (tức {resolved}) nhưng ở đó không có gì. Chọn thư mục công việc kỳ trước (ví dụ "
        "../vi-du-2024-xep-loai-tinh: đường dẫn tính từ thư mục công việc này), hoặc ghi tệp ket-qua.xlsx của kỳ trước."
    ),
    Reason.PREVIOUS_UNREADABLE: (
        "không đọc được kết quả kỳ trước (ô \"{key}\" ở trang Thiết lập): {why}. Chỉ nhận tệp ket-qua.xlsx do chương "
        "trình này ghi, chưa sửa cấu trúc (trang \"Tổng hợp\" và mỗi khối một trang); hoặc chọn thư mục công việc kỳ "
        "trước để tính lại kết quả kỳ trước từ số liệu của nó."
    ),
    Reason.PREVIOUS_JOB_INVALID: (
        "công việc kỳ trước (ô \"{key}\" ở trang Thiết lập) có lỗi nên không so sánh được. Mở công việc kỳ trước ở "
        "trang Kiểm tra để xem và sửa lỗi đó, hoặc bỏ đánh dấu ô \"So sánh với kỳ trước\"."
    ),
    Reason.PREVIOUS_NOT_RANKED: (
        "công việc kỳ trước (ô \"{key}\" ở trang Thiết lập) là loại \"{kind}\", không xếp hạng đơn vị nên không có "
        "điểm, hạng để so sánh. Chỉ so sánh với một công việc xếp hạng (bảng tổng hợp các đơn vị hoặc đợt đánh giá) "
        "hoặc tệp ket-qua.xlsx của nó."
    ),
    Reason.PREVIOUS_NOT_APPRAISED: (
        "kỳ trước chưa thẩm định xong (ô \"{key}\" ở trang Thiết lập chỉ tới một đợt đánh giá chưa đánh dấu \"Đã thẩm "
        "định xong\"): chưa có kết quả chính thức để so sánh. Chờ kỳ trước thẩm định xong, hoặc bỏ đánh dấu ô \"So "
        "sánh với kỳ trước\"."
    ),
    Reason.PREVIOUS_RANKS_DISAGREE: (
        "kết quả kỳ trước (ô \"{key}\" ở trang Thiết lập) không thống nhất: {why}. Tệp ket-qua.xlsx có vẻ đã bị sửa; "
        "dùng tệp do chương trình ghi, hoặc chọn thư mục công việc kỳ trước để tính lại kết quả từ số liệu của nó."
    ),
    Reason.NAME_FORM: (
        "cần xem lại tên đơn vị \"{value}\"{group_text}: tên viết hoa toàn bộ hoặc không dấu, văn bản hành chính "
        "viết là \"{proper}\" (như danh mục đơn vị, kỳ trước hoặc các dòng khác của bảng). Sửa tên trong tệp số "
        "liệu, hoặc đánh dấu ô \"In tên đơn vị viết đúng\" ở trang Thiết lập, mục Kiểm tra số liệu, để văn bản in "
        "tên đúng."
    ),
    # the renames, the table of ranks and the groups of the previous period: said by the settings page's fields
    Reason.PREVIOUS_UNIT_TWICE: (
        "đơn vị \"{value}\" của {period} được so sánh với hai đơn vị của kỳ này: {units} (một đơn vị trùng tên với nó, "
        "một đơn vị nhận nó ở ô \"Đơn vị đổi tên, sáp nhập\", hoặc hai dòng của ô đó cùng ghi nó). Mỗi đơn vị cũ chỉ "
        "so sánh với một đơn vị mới: sửa ô \"Đơn vị đổi tên, sáp nhập\" ở trang Thiết lập, mục Kỳ trước."
    ),
    Reason.PREVIOUS_RENAMED_TWICE: (
        "ô \"{key}\" ghi lại đơn vị \"{unit}\" của kỳ này, đã có ở dòng \"{first}\" (tên so sánh không phân biệt "
        "chữ hoa, thường, có dấu hay không). Gộp hai dòng thành một: {unit} = tên cũ 1; tên cũ 2 nếu đơn vị được "
        "sáp nhập từ nhiều đơn vị."
    ),
    Reason.PREVIOUS_UNMATCHED: (
        "{count} đơn vị của {period} không ứng với đơn vị nào của kỳ này (không trùng tên, không có trong ô \"Đơn vị "
        "đổi tên, sáp nhập\"): {units}. Nếu đơn vị nào chỉ đổi tên hoặc ghi sai chính tả, thêm dòng tên mới = tên cũ "
        "vào ô đó ở trang Thiết lập, mục Kỳ trước; nếu không, đơn vị của kỳ này không được so sánh với kỳ trước (ghi "
        "\"mới\", hoặc \"không có số liệu kỳ trước\" khi kỳ trước là bảng đơn vị và hạng)."
    ),
    Reason.PREVIOUS_TABLE_INVALID: (
        "bảng hạng kỳ trước (ô \"{key}\" ở trang Thiết lập) không dùng được: {why}. Bảng cần một cột tên đơn vị "
        "(\"Đơn vị\", \"Tỉnh, thành phố\"…), một cột \"Hạng\" (số nguyên từ 1), có thể thêm cột \"Điểm\" hoặc "
        "\"Chỉ số\" và cột \"Khối\"; mỗi đơn vị một dòng."
    ),
    Reason.PREVIOUS_NEW_INVALID: (
        "ô \"Đơn vị mới kỳ này\" ghi \"{value}\" là đơn vị mới nhưng {why}.{hint} Chỉ ghi ở đó các đơn vị kỳ này "
        "không có ở kỳ trước."
    ),
    Reason.PREVIOUS_NOT_LISTED: (
        "{count} đơn vị của kỳ này không có trong bảng {period}, mà bảng không được ghi là chỉ có một phần: {units}. "
        "Các đơn vị này được ghi \"không có số liệu kỳ trước\". Ở trang Thiết lập, mục Kỳ trước: nếu bảng chỉ có một "
        "phần (như 10 đơn vị đứng đầu), đánh dấu ô \"Bảng kỳ trước chỉ có một phần các đơn vị\"; đơn vị mới thì ghi "
        "vào ô \"Đơn vị mới kỳ này\"; tên viết khác thì thêm vào ô \"Đơn vị đổi tên, sáp nhập\"."
    ),
    Reason.PREVIOUS_GROUP_MOVED: (
        "đơn vị \"{value}\" thuộc khối \"{group}\" ở kỳ này ({here}) nhưng thuộc khối \"{old_group}\" ở {period} "
        "({there}): hạng trong hai khối khác nhau không so sánh được. Nơi nào ghi sai khối thì sửa nơi đó; nếu đơn vị "
        "đã chuyển khối thật, thêm dòng \"{value} =\" (không ghi tên cũ nào) vào ô \"Đơn vị đổi tên, sáp nhập\" ở "
        "trang Thiết lập, mục Kỳ trước, để đơn vị được ghi là \"mới\"."
    ),
    Reason.OUTPUT_LINK_LOOP: (
        "thư mục kết quả là lối tắt (liên kết) trỏ vòng về chính nó, nên không biết ghi kết quả vào đâu. Nhờ bộ phận "
        "kỹ thuật xóa lối tắt này."
    ),
}

# The hints a problem's message ends with, where the command line's names a TOML table (by the command line's text).
DESK_HINTS = {
    "group_sheet": " Đặt tên trang tính đúng tên khối, hoặc ghi tên trang tính ở ô \"Tên trang tính\" của khối ở "
                   "trang Thiết lập.",
}

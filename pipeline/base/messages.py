"""Vietnamese wording of every problem, in one place for a native speaker to review.

Each message says where (file, sheet, row, column), what is wrong, and how to fix it,
in office words, without Python terms; to the command line's user with its options and `job.toml`,
to the desk's clerk with its buttons, pages and fields (`Audience`, `messages_desk`).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.base.errors import Problem, Reason
from pipeline.base.messages_desk import COMMAND_LINE, DESK_HINTS, DESK_TEXT, Audience, file_words
from pipeline.base.messages_documents import DOCUMENT_TEXT, NOT_PLAIN_TEXT

_TEXT: dict[Reason, str] = {
    Reason.JOB_FOLDER_MISSING: "không tìm thấy thư mục công việc. Kiểm tra lại đường dẫn.",
    Reason.SETTINGS_MISSING: (
        "không có tệp thiết lập job.toml. Mỗi thư mục công việc cần một tệp job.toml "
        "(xem docs/inputs.md)."
    ),
    Reason.SETTINGS_SYNTAX: (
        "viết sai cú pháp, chương trình không đọc được tệp từ chỗ này. Thường gặp: chữ thiếu ngoặc kép "
        "thẳng \"…\" (không dùng ngoặc cong “…”), ngày không viết dạng 2021-07-06, thiếu dấu = hoặc dấu phẩy "
        "trong danh sách. (Chi tiết kỹ thuật: {error}.)"
    ),
    Reason.SETTING_MISSING: "thiếu mục \"{key}\". Bổ sung mục này (xem docs/inputs.md).",
    Reason.SETTING_INVALID: "mục \"{key}\" có giá trị \"{value}\" không hợp lệ: {expected}.",
    Reason.SETTING_UNKNOWN: "mục \"{key}\" không có trong mẫu thiết lập.{hint} Xóa hoặc sửa lại tên mục.",
    Reason.UNKNOWN_SCHEME: (
        "không có bộ tiêu chí xếp loại \"{value}\". Các bộ hiện có: {known}."
    ),
    Reason.UNKNOWN_SCHEME_VERSION: (
        "bộ tiêu chí \"{scheme}\" không có phiên bản \"{value}\". Các phiên bản hiện có: {known}."
    ),
    Reason.SCHEME_INVALID: "bộ tiêu chí xếp loại không hợp lệ: {error}.",
    Reason.NO_DATA_FILE: (
        "không có tệp số liệu (.xlsx hoặc .csv) trong thư mục công việc. "
        "Đặt tệp số liệu vào thư mục hoặc ghi tên tệp vào mục \"data\" của job.toml."
    ),
    Reason.DATA_FILE_MISSING: "không tìm thấy tệp số liệu này. Kiểm tra tên tệp trong mục \"data\" của job.toml.",
    Reason.UNSUPPORTED_FILE: "không đọc được loại tệp này; chỉ nhận tệp .xlsx hoặc .csv.",
    Reason.LEGACY_EXCEL: (
        "là tệp Excel 97-2003 (.xls), chương trình không đọc được. "
        "Mở tệp trong Excel, chọn Lưu thành (Save As) dạng \"Excel Workbook (.xlsx)\"."
    ),
    Reason.PASSWORD_PROTECTED: (
        "được đặt mật khẩu nên không đọc được. Mở tệp trong Excel, bỏ mật khẩu "
        "(Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại."
    ),
    Reason.CORRUPT_WORKBOOK: (
        "bị hỏng hoặc không phải tệp Excel (.xlsx). Mở lại trong Excel và lưu thành tệp .xlsx mới."
    ),
    Reason.CSV_ENCODING: (
        "không phải văn bản mã UTF-8. Trong Excel chọn Lưu thành dạng \"CSV UTF-8\"."
    ),
    Reason.FORMULA_NOT_CACHED: (
        "ô có công thức \"{value}\" nhưng chưa có kết quả tính. Mở tệp trong Excel "
        "(hoặc LibreOffice), để công thức tính xong rồi lưu lại; hoặc gõ thẳng con số."
    ),
    Reason.NO_TABLE: (
        "không tìm thấy dòng tiêu đề của bảng (cần có các cột {required}). "
        "Kiểm tra tên cột theo docs/inputs.md."
    ),
    Reason.MISSING_COLUMN: (
        "thiếu cột \"{column_name}\"{hint}. Thêm cột này vào dòng tiêu đề (dòng {header_row})."
    ),
    Reason.LOOKALIKE_COLUMN: (
        "tên cột gần giống cột \"{expected}\" nhưng không đúng, nên số liệu cột này sẽ bị bỏ qua. "
        "Sửa lại đúng tên \"{expected}\" (hoặc đặt tên khác hẳn nếu đây là cột riêng của đơn vị)."
    ),
    Reason.NOT_A_NUMBER: "\"{value}\" không phải là số.{hint}",
    Reason.NEGATIVE: "điểm \"{value}\" là số âm. Điểm phải từ 0 trở lên.",
    Reason.ABOVE_MAXIMUM: "điểm {value} lớn hơn điểm tối đa {maximum}.",
    Reason.MISSING_VALUE: "chưa có số liệu. Điền số vào ô này{hint}.",
    Reason.MISSING_UNIT: "dòng có số liệu nhưng thiếu tên đơn vị.",
    Reason.POINTS_AND_REASON: (
        "đơn vị \"{unit}\" vừa có điểm thẩm định vừa có lý do không đánh giá \"{value}\". "
        "Chỉ giữ một trong hai."
    ),
    Reason.DUPLICATE_UNIT: (
        "đơn vị \"{value}\" xuất hiện hai lần trong khối \"{group}\" (lần đầu ở dòng {first_row}). "
        "Xóa dòng trùng."
    ),
    Reason.UNKNOWN_GROUP: (
        "khối \"{value}\" không có trong danh sách khối của job.toml ({known}).{hint}"
    ),
    Reason.EMPTY_GROUP: "khối \"{value}\" khai báo trong job.toml nhưng không có đơn vị nào trong số liệu.",
    Reason.BAD_CODE: (
        "mã số \"{value}\" không đúng dạng. Mã số viết như I, II, 1.2 hoặc 1.2.1; "
        "tiểu mục không có mã thì để trống."
    ),
    Reason.DUPLICATE_CODE: "mã số \"{value}\" đã dùng ở dòng {first_row}.",
    Reason.ORPHAN_CODE: (
        "tiêu chí \"{value}\" không có tiêu chí cha \"{parent}\" ở phía trên. "
        "Thêm dòng \"{parent}\" hoặc sửa mã số."
    ),
    Reason.ORPHAN_ITEM: "dòng không có mã số nằm trên tất cả các tiêu chí, không biết thuộc tiêu chí nào.",
    Reason.MAXIMUM_MISMATCH: (
        "điểm chuẩn của \"{code}\" là {value}, nhưng các mục con cộng lại được {sum} "
        "và mục con lớn nhất là {largest}: không khớp cách cộng điểm nào. "
        "Sửa điểm chuẩn hoặc ghi rõ cột \"Cách tính\" (\"cộng\" hoặc \"chọn một\")."
    ),
    Reason.TWO_OPTIONS_SCORED: (
        "tiêu chí \"{code}\" chỉ được chọn một mức, nhưng có điểm ở nhiều mức "
        "(các dòng {rows}). Chỉ chấm một mức."
    ),
    Reason.UNKNOWN_ROLLUP: "cách tính \"{value}\" không rõ; ghi \"cộng\" hoặc \"chọn một\".",
    Reason.TOTAL_MISMATCH: (
        "tổng ghi trong tệp là {value}, nhưng tính từ các mục con được {computed}. "
        "Sửa lại số ghi trong tệp (hoặc xóa để chương trình tự tính)."
    ),
    Reason.ZERO_MAXIMUM: "điểm tối đa bằng 0 nên không quy đổi được ra thang điểm 100.",
    Reason.NO_CRITERIA: "bảng tiêu chí không có dòng nào.",
    Reason.NO_POINTS: (
        "bảng tiêu chí chưa có điểm nào ở cột này (bảng mới tạo bằng init?). Điền điểm tự chấm rồi chạy lại."
    ),
    Reason.TEMPLATE_MISSING: "không tìm thấy mẫu văn bản này.",
    Reason.TEMPLATE_UNREADABLE: "mẫu văn bản bị hỏng hoặc không phải tệp Word (.docx): {error}.",
    Reason.TEMPLATE_ERROR: "{error}",
    Reason.TEMPLATE_SYNTAX: "{error}.",
    Reason.TEMPLATE_UNCLOSED: "thẻ {value} được mở nhưng không có thẻ {end} đóng lại.",
    Reason.TEMPLATE_UNEXPECTED_END: (
        "thẻ {value} không khớp với thẻ mở nào{expected_text}."
    ),
    Reason.TEMPLATE_UNKNOWN_NAME: (
        "tên \"{value}\" không có trong dữ liệu của loại văn bản này.{hint} "
        "Các tên dùng được có trong docs/templates.md."
    ),
    Reason.TEMPLATE_UNSAFE: (
        "thẻ dùng \"{value}\": mẫu văn bản không được truy cập vào phần bên trong của chương trình. "
        "Xóa thẻ này."
    ),
    Reason.TEMPLATE_ROW_TAG: (
        "thẻ {value} nằm ngoài bảng. Thẻ {{%tr …%}} lặp cả một dòng của bảng nên phải đặt trong một ô của "
        "dòng đó; ở đoạn văn thường dùng {{%p …%}} hoặc {{% … %}}."
    ),
    Reason.TEMPLATE_CELL_TAG: (
        "thẻ {value} nằm ngoài bảng. Thẻ {{%tc …%}} lặp một ô của bảng nên phải đặt trong ô đó."
    ),
    Reason.TEMPLATE_SPLIT_TAG: (
        "thẻ {value} bị Word tách thành nhiều đoạn có định dạng khác nhau ({pieces}); khi điền số liệu, "
        "cả giá trị chỉ lấy định dạng của đoạn đầu. Chọn cả thẻ rồi đặt một định dạng, hoặc xóa và gõ lại "
        "thẻ liền một lần."
    ),
    Reason.TEMPLATE_VM_SPLIT: (
        "ô gộp dọc có thẻ {{% vm %}} tách rời khỏi phần chữ còn lại của ô (Word lưu thành hai đoạn riêng), "
        "nên nội dung sẽ lặp lại ở mọi ô được gộp. Xóa nội dung ô rồi gõ lại liền một lần, ví dụ "
        "\"{{% vm %}}{{{{ block.reason }}}}\"."
    ),
    Reason.TEMPLATE_TAG_OPEN: (
        "thẻ \"{value}…\" mở nhưng không đóng trong cùng đoạn văn (thiếu \"}}}}\" hoặc \"%}}\", "
        "hoặc thẻ bị ngắt dòng). Mỗi thẻ phải nằm gọn trong một đoạn văn."
    ),
    Reason.UNIT_NAME_MISSING: (
        "bảng tiêu chí không ghi tên đơn vị. Thêm một dòng \"Đơn vị: <tên đơn vị>\" phía trên dòng tiêu đề "
        "của bảng (và \"Khối: <tên khối>\" khi đợt đánh giá có nhiều khối)."
    ),
    Reason.DUPLICATE_UNIT_TABLE: (
        "đơn vị \"{value}\" (khối \"{group}\") đã có bảng tiêu chí ở {first}. Mỗi đơn vị chỉ một bảng."
    ),
    Reason.OUTPUT_EXISTS: (
        "đã có văn bản này từ lần chạy trước; chương trình không ghi đè. "
        "Chuyển tệp cũ đi nơi khác, hoặc chạy lại với --force nếu chắc chắn muốn thay."
    ),
    Reason.OUTPUT_BUSY: (
        "thư mục kết quả này đang được một lần chạy khác ghi ({holder}). Chờ lần chạy đó xong rồi chạy lại, "
        "hoặc ghi vào thư mục khác bằng --out."
    ),
    Reason.OUTPUT_NOT_FOLDER: (
        "đây là một tệp, không phải thư mục, nên không ghi kết quả vào đó được. Chọn thư mục khác bằng --out."
    ),
    Reason.NO_OPTION_SCORED: (
        "tiêu chí \"{code}\" là \"chọn một\" nhưng chưa chấm mức nào (các dòng {rows}). Ghi điểm vào đúng một "
        "mức; không đạt mức nào thì ghi 0 ở mức thấp nhất."
    ),
    Reason.CODE_OUT_OF_ORDER: (
        "mã số \"{value}\" nằm sai chỗ: nó thuộc \"{parent}\" nhưng đứng sau \"{previous}\", nên sẽ được cộng vào "
        "\"{parent}\" mà lại in dưới mục khác. Chuyển dòng này về đúng nhóm của \"{parent}\", hoặc sửa mã số."
    ),
    Reason.TOTAL_ROW_MISMATCH: (
        "dòng tổng ghi {value}, nhưng cộng các đơn vị phía trên được {computed}. Sửa lại dòng tổng (hoặc xóa dòng "
        "tổng: chương trình không xếp hạng dòng này)."
    ),
    Reason.APPLICABLE_ABOVE_MAXIMUM: (
        "điểm tối đa áp dụng {value} lớn hơn điểm tối đa theo quy định {maximum}. Kiểm tra lại hai cột điểm tối đa."
    ),
    Reason.ABOVE_SCALE: (
        "điểm {value} lớn hơn thang điểm {scale} mà bảng không có cột điểm tối đa để quy đổi. Kiểm tra lại số "
        "(gõ nhầm dấu thập phân?), hoặc thêm cột \"Điểm tối đa\" của đơn vị."
    ),
    Reason.OUTPUT_IS_JOB_FOLDER: (
        "đây là chính thư mục công việc: bảng kết quả ghi vào đó sẽ bị đọc như số liệu ở lần chạy sau. "
        "Chọn thư mục khác bằng --out (ví dụ một thư mục con, hoặc bỏ --out để ghi vào outputs/)."
    ),
    Reason.OUTPUT_UNWRITABLE: (
        "chương trình không có quyền ghi vào đây (thư mục chỉ đọc hoặc của người dùng khác). "
        "Chọn thư mục khác bằng --out, hoặc nhờ bộ phận kỹ thuật cấp quyền ghi."
    ),
    Reason.DISK_FULL: (
        "ổ đĩa chứa thư mục kết quả đã đầy. Giải phóng chỗ trống (hoặc ghi vào ổ khác bằng --out) rồi chạy lại."
    ),
    Reason.NO_LIBREOFFICE: (
        "chưa cài LibreOffice nên không chuyển được văn bản sang PDF (--pdf). Trên Debian/Ubuntu: "
        "sudo apt-get install libreoffice-writer-nogui fonts-liberation2; hoặc chạy lại không có --pdf."
    ),
    Reason.PDF_FAILED: (
        "LibreOffice không chuyển được văn bản sang PDF ({error}). Chạy lại; nếu vẫn lỗi, chạy không có --pdf "
        "rồi mở văn bản bằng Word và lưu thành PDF."
    ),
    Reason.JOB_FOLDER_EXISTS: (
        "thư mục \"{value}\" đã có và không trống; chương trình không ghi đè. "
        "Chọn tên thư mục mới (chưa có hoặc trống), hoặc chuyển các tệp trong đó đi nơi khác."
    ),
    Reason.SOURCE_JOB_INVALID: (
        "công việc nguồn \"{value}\" (--from) có lỗi nên chưa lấy được danh mục từ đó. "
        "Sửa các lỗi của công việc nguồn được liệt kê dưới đây, hoặc chọn công việc nguồn khác."
    ),
    Reason.SOURCE_KIND_MISMATCH: (
        "công việc nguồn \"{value}\" (--from) là loại \"{source_kind}\", khác loại \"{kind}\" của công việc mới. "
        "Chọn công việc nguồn cùng loại, hoặc bỏ --from."
    ),
    Reason.HIDDEN_ROW: (
        "dòng này đang bị ẩn nhưng có số liệu trong bảng: người xem tệp không thấy dòng này, "
        "nên chương trình không biết có nên tính hay không. "
        "Bỏ ẩn dòng (chọn các dòng bao quanh, bấm chuột phải, chọn Bỏ ẩn; "
        "nếu bảng đang lọc thì bỏ lọc) rồi kiểm tra lại số liệu; dòng không dùng nữa thì xóa hẳn dòng."
    ),
    Reason.HIDDEN_SHEET: (
        "trang tính này đang bị ẩn nhưng có bảng số liệu: người xem tệp không thấy trang này, "
        "nên chương trình không biết có nên tính hay không. "
        "Bỏ ẩn trang (bấm chuột phải vào tên một trang ở dưới cùng, chọn Bỏ ẩn) "
        "rồi kiểm tra lại số liệu; trang không dùng nữa thì xóa hẳn trang. Nếu trang không có trong danh sách "
        "Bỏ ẩn, hãy chép các trang cần dùng sang một tệp mới."
    ),
    Reason.CONTROL_CHARACTER: (
        "ô có ký tự điều khiển không nhìn thấy được (mã {codes}), thường do chép từ phần mềm khác sang. "
        "Xóa nội dung ô rồi gõ lại bằng tay (nội dung nhìn thấy: \"{value}\")."
    ),
    Reason.NUMBER_TOO_LARGE: (
        "số \"{value}\" quá lớn, không thể là điểm (từ một tỷ trở lên). Kiểm tra lại ô này, có thể gõ nhầm."
    ),
    Reason.HEADER_TOO_LOW: (
        "dòng tiêu đề của bảng nằm ở dòng này, dưới {limit} dòng đầu; chương trình chỉ tìm dòng tiêu đề "
        "trong {limit} dòng đầu của trang nên chưa đọc bảng này. Xóa bớt các dòng trống hoặc dòng chữ phía trên "
        "bảng để dòng tiêu đề nằm trong {limit} dòng đầu."
    ),
    Reason.WORKBOOK_TOO_LARGE: (
        "có phần \"{member}\" khi giải nén lớn tới {size} MB, quá lớn đối với một "
        "bảng số liệu, nên chương trình không mở tệp. Có thể tệp bị hỏng hoặc không phải bảng số liệu thật. "
        "Mở tệp trong Excel, chép bảng số liệu sang một tệp mới rồi lưu lại."
    ),
    Reason.HIDDEN_COLUMN: (
        "cột này đang bị ẩn nhưng có số liệu: người xem tệp không thấy cột này, "
        "nên chương trình không biết có nên tính hay không. Bỏ ẩn cột (chọn các cột bao quanh, bấm chuột phải, "
        "chọn Bỏ ẩn) rồi kiểm tra lại số liệu; cột không dùng nữa thì xóa hẳn cột."
    ),
    Reason.CSV_MALFORMED: (
        "không tách được các ô của dòng này: có dấu ngoặc kép \" mở mà không đóng (mọi dòng sau đó sẽ bị gộp "
        "vào một ô), có chữ ngay sau dấu ngoặc kép đóng, hoặc có ô quá dài. Sửa ô đó; mở tệp trong Excel rồi lưu "
        "lại dạng \"CSV UTF-8\" thường sửa được."
    ),
    Reason.SETTING_WRONG_TYPE: (
        "mục \"{key}\" ghi {found} ({value}) nhưng cần {expected}. Sửa lại giá trị của mục này."
    ),
    Reason.SETTING_HIDDEN_CHARACTER: (
        "mục \"{key}\" có ký tự ẩn {characters} (chỗ ghi [U+…] trong \"{value}\"): ký tự này không in ra được, "
        "văn bản sẽ bỏ nó và chữ hai bên bị dính vào nhau. Xóa ký tự đó (thường do chép từ phần mềm khác hoặc "
        "viết \\u… trong job.toml) và gõ lại dấu cách nếu cần."
    ),
    Reason.SETTING_LINE_BREAK: (
        "mục \"{key}\" chỉ có một dòng nhưng giá trị có dấu xuống dòng (chỗ ghi \\n trong \"{value}\"). "
        "Viết cả mục trên một dòng."
    ),
    Reason.SETTING_PATH_OUTSIDE: (
        "mục \"{key}\" chỉ tới \"{value}\", nằm ngoài thư mục công việc. Thư mục công việc phải chứa đủ mọi tệp "
        "nó dùng: chép tệp vào thư mục công việc và ghi tên tính từ đó (không dùng \"..\", đường dẫn tuyệt đối "
        "hay lối tắt trỏ ra ngoài)."
    ),
    Reason.ERRORS_FILE_NAME: (
        "--errors cần tên một tệp Excel sẽ ghi danh sách lỗi, ví dụ loi.xlsx (đây là một thư mục, hoặc tên không "
        "có đuôi .xlsx)."
    ),
    Reason.TEMPLATE_TOO_HEAVY: (
        "thẻ nhân hoặc lũy thừa với số {value}: không văn bản nào cần lặp hay tính lớn như vậy, khi lập văn bản "
        "chương trình sẽ dừng ở thẻ này. Xóa thẻ hoặc sửa lại số."
    ),
    **DOCUMENT_TEXT,
}


# The hints a problem's message ends with, by what the input shows ("{hint}" in the texts above).
@dataclass(frozen=True)
class Hints:
    """The hints a problem's message ends with, as fields so a misspelt name is a type error."""

    date_cell: str = " Ô này đang ở dạng ngày tháng hoặc đúng/sai; định dạng lại thành số."
    hashes: str = " Excel hiện ô này là ##### vì ô đang ở dạng ngày tháng; định dạng lại thành số."
    one_separator: str = " Chỉ dùng một dấu phẩy (hoặc dấu chấm) để ngăn phần thập phân, ví dụ 72,2."
    leaf_points: str = " (điểm tự chấm; tiêu chí không chấm thì ghi 0)"
    scale_maximum: str = " (điểm tối đa để quy điểm ra thang điểm)"
    reason_column: str = " hoặc ghi lý do vào cột \"Lý do không đánh giá\""
    reason_add_column: str = " hoặc thêm cột \"Lý do không đánh giá\" và ghi lý do"
    group_cell: str = " Ghi tên khối vào cột \"Khối\", hoặc đặt tên trang tính đúng tên khối."
    group_sheet: str = " Đặt tên trang tính đúng tên khối, hoặc ghi sheet = \"tên trang\" trong [[groups]]."
    group_line: str = " Ghi dòng \"Khối: <tên khối>\" phía trên bảng."
    did_you_mean: str = " Có phải ý bạn là \"{name}\"?"
    column_like: str = " (có phải cột \"{name}\"? Sửa lại đúng tên)"
    number_names: str = " Các tên là số của \"{group}\": {names}."
    text_names: str = " Các tên là chữ của \"{group}\": {names}."
    known_names: str = " Các tên của \"{group}\": {names}."


HINTS = Hints()
# A hint is stored in a problem as its command-line text; the desk's says the same with its pages' words.
_DESK_HINTS = {getattr(HINTS, name): text for name, text in DESK_HINTS.items()}


def location(problem: Problem, audience: Audience = COMMAND_LINE) -> str:
    """`Tệp a.xlsx, trang "X", dòng 7, cột "Y"` for as much of the place as is known."""
    parts = []
    if problem.file:
        parts.append(file_words(problem.file, audience, line=problem.row is not None))
    if problem.detail("part"):
        parts.append(f"phần {problem.detail('part')}")
    if problem.sheet:
        parts.append(f'trang "{problem.sheet}"')
    if problem.row is not None:
        parts.append(f"dòng {problem.row}")
    if problem.column:
        parts.append(f'cột "{problem.column}"')
    return ", ".join(parts)


def describe(problem: Problem, audience: Audience = COMMAND_LINE) -> str:
    """The full Vietnamese message for one problem."""
    text = explain(problem, audience)
    where = location(problem, audience)
    return f"{where}: {text}" if where else text[:1].upper() + text[1:]


def explain(problem: Problem, audience: Audience = COMMAND_LINE) -> str:
    """What is wrong and how to fix it, without the place (the error workbook has columns for it)."""
    values = dict(problem.details)
    values.setdefault("hint", "")
    values["value"] = problem.value if problem.value is not None else ""
    if values.get("expected") and problem.reason is Reason.TEMPLATE_UNEXPECTED_END:
        values["expected_text"] = f" (ở chỗ này cần {values['expected']})"
    wording = _TEXT[problem.reason]
    if audience.desk:
        wording = DESK_TEXT.get(problem.reason, wording)
        values["hint"] = _DESK_HINTS.get(values["hint"], values["hint"])
        if isinstance(values.get("key"), str):
            values["key"] = audience.setting(values["key"])
    source_values(values)
    if problem.reason is Reason.TEMPLATE_NOT_PLAIN:
        values["not_plain"] = NOT_PLAIN_TEXT[values["what"]].format_map(_Missing(values))
    text = wording.format_map(_Missing(values))
    if values.get("words"):
        text += f' Đoạn văn có lỗi: "{values["words"]}".'
    return text


def report(problems: tuple[Problem, ...] | list[Problem], nothing_written: bool = True) -> str:
    """All problems as a numbered list, with a heading that counts them (and says nothing was written, if so)."""
    lines = [f"Không thực hiện được: có {len(problems)} lỗi cần sửa."]
    lines.append(("Chưa ghi tệp nào. " if nothing_written else "") + "Sửa các lỗi sau rồi chạy lại:")
    lines += [f"{n}. {describe(p)}" for n, p in enumerate(problems, 1)]
    return "\n".join(lines)


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return ""


# The wording of the other areas, each in its own module: `init` for a campaign, the checks on typed numbers, the
# previous period and the summary, a group's formula and totals as published, what a run finds in its output folder,
# signatures and placeholders.
from pipeline.base.messages_checks import CHECK_TEXT  # noqa: E402
from pipeline.base.messages_formula import FORMULA_TEXT  # noqa: E402
from pipeline.base.messages_init import INIT_TEXT  # noqa: E402
from pipeline.base.messages_output import OUTPUT_TEXT  # noqa: E402
from pipeline.base.messages_period import PERIOD_TEXT  # noqa: E402
from pipeline.base.messages_sources import SOURCES_TEXT, source_values  # noqa: E402

for _area in (INIT_TEXT, CHECK_TEXT, PERIOD_TEXT, FORMULA_TEXT, OUTPUT_TEXT, SOURCES_TEXT):
    _TEXT.update(_area)

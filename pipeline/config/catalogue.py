"""Every setting of `job.toml`, declared once: the parser's keys and readers, `init`'s comments, the desk's form
and the settings tables of docs/inputs.md are all made from `SETTINGS`.

The Vietnamese here is reviewed as wording (see `setting_record.Setting` for what each text is for).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from pipeline.config.kinds import KINDS, KindId, Source
from pipeline.config.setting_record import LINE_SHAPES, TEXT_SHAPES, Setting
from pipeline.config.settings_document import CAMPAIGN_DOCUMENTS, DOCUMENT

_KIND_TEXT = "; ".join(f'"{k.id}": {k.title.lower()}' for k in KINDS.values())
_RANKED = (Source.UNITS, Source.CAMPAIGN)
_OVERRIDE = "Để trống: theo bộ tiêu chí."

TOP = (
    Setting("kind", "fixed", "Loại văn bản", f"Loại văn bản: {_KIND_TEXT}.", example='kind = "quyet-dinh-xep-loai"'),
    Setting("scheme", "choice", "Bộ tiêu chí",
            "Bộ tiêu chí xếp loại, dạng \"tên@phiên bản\" (xem docs/inputs.md, mục 4). Hiện có:",
            help="Bộ tiêu chí xếp loại và phiên bản của nó.", example='scheme = "chat-luong-hoat-dong@2020"'),
    Setting("data", "text", "Tệp hoặc thư mục số liệu",
            "Tệp số liệu trong thư mục này (bảng nhập liệu do lệnh init tạo). Đổi tên tệp thì sửa cả ở đây.",
            help="Tệp số liệu trong thư mục công việc; để trống: mọi tệp .xlsx, .csv của thư mục.",
            example='data = "diem-tham-dinh-2020.xlsx"',
            campaign_comment="Thư mục chứa bảng tiêu chí của các đơn vị (mỗi đơn vị một tệp, do lệnh init tạo từ danh "
            "mục đơn vị). Mỗi bảng có dòng \"Đơn vị:\" và \"Khối:\" phía trên dòng tiêu đề.",
            campaign_help="Thư mục chứa bảng tiêu chí của các đơn vị (mỗi đơn vị một tệp). Mỗi bảng có dòng "
            "\"Đơn vị:\" và \"Khối:\" phía trên dòng tiêu đề."),
    Setting("unit", "text", "Đơn vị tự chấm điểm", "Tên đơn vị tự chấm điểm, in trong báo cáo.",
            example='unit = "UBND thị xã Hương Trà"', kinds=(Source.CRITERIA,)),
    Setting("group", "text", "Khối", "Khối của đơn vị tự chấm điểm (tên trang tính trong ket-qua.xlsx); mặc định "
            "\"Đơn vị\".", help="Khối của đơn vị tự chấm điểm (tên trang tính trong ket-qua.xlsx); để trống: "
            "\"Đơn vị\".", example='group = "UBND cấp huyện"', kinds=(Source.CRITERIA,), default="Đơn vị"),
    Setting("register", "text", "Danh mục đơn vị",
            "Tệp danh mục đơn vị: mỗi đơn vị một dòng với tên chính thức, khối, phần đầu và người ký báo cáo của đơn "
            "vị (docs/inputs.md, mục 2.4).", help="Tệp danh mục đơn vị: mỗi đơn vị một dòng với tên chính thức, "
            "khối, phần đầu và người ký báo cáo của đơn vị.", example='register = "danh-muc-don-vi.xlsx"',
            kinds=(Source.CAMPAIGN,)),
)

SCHEME_OVERRIDES = (
    Setting("scheme_overrides", "table", "Xếp loại", "Thay đổi một số mục của bộ tiêu chí cho riêng công việc này.",
            "xep-loai", help="Thay đổi một số mục của bộ tiêu chí cho riêng công việc này; ô để trống: theo bộ tiêu "
            "chí.", example='tie_rule = "lien-tiep"'),
    Setting("scheme_overrides.name", "text", "Tên bộ tiêu chí", "Tên bộ tiêu chí.", "xep-loai", help=_OVERRIDE,
            example='name = "Chỉ số CCHC các sở, ngành"'),
    Setting("scheme_overrides.decimals", "int", "Số chữ số thập phân",
            "Số chữ số thập phân khi làm tròn kết quả (0–6), làm tròn lên từ 5.", "xep-loai",
            help="Từ 0 đến 6, làm tròn lên từ 5. " + _OVERRIDE, example="decimals = 3"),
    Setting("scheme_overrides.fixed_decimals", "choice", "In đủ số chữ số thập phân",
            "true (mặc định): luôn in đủ số chữ số, mọi số trong một cột cùng số chữ số (86,20 cạnh 90,25); false: "
            "bỏ số 0 ở cuối kết quả (86,2).", "xep-loai", help=_OVERRIDE, example="fixed_decimals = false",
            choices=(("", "—"), ("true", "có (86,20 cạnh 90,25)"), ("false", "không (86,2)"))),
    Setting("scheme_overrides.tie_rule", "choice", "Cùng điểm",
            "\"dong-hang\": cùng kết quả thì cùng hạng; \"lien-tiep\": hạng liên tiếp.", "xep-loai", help=_OVERRIDE,
            example='tie_rule = "lien-tiep"'),
    Setting("scheme_overrides.scale", "int", "Thang điểm quy đổi", "Thang điểm quy đổi.", "xep-loai",
            help=_OVERRIDE, example="scale = 100"),
    Setting("scheme_overrides.unit", "choice", "Đơn vị của kết quả",
            "\"điểm\": kết quả là điểm (96,85 điểm); \"%\": kết quả là tỷ lệ phần trăm, in 96,85% dưới cột \"Tỷ lệ "
            "đạt\".", "xep-loai", help=_OVERRIDE, example='unit = "%"'),
    Setting("scheme_overrides.labels", "labels", "Nhãn xếp loại",
            "Nhãn xếp loại từ cao xuống thấp, { name = \"…\", min = … }; nhãn cuối không có min; [] nếu chỉ xếp hạng, "
            "không xếp loại.", "xep-loai", help="Từ cao xuống thấp, mỗi dòng một nhãn với điểm tối thiểu; nhãn cuối "
            "không có điểm tối thiểu. Không có dòng nào: theo bộ tiêu chí.",
            example='labels = [{ name = "Tốt", min = 80 }, { name = "Chưa tốt" }]'),
    Setting("scheme_overrides.conditions", "conditions", "Điều kiện thêm của nhãn",
            "Điều kiện thêm cho một nhãn, ví dụ { label = \"Xuất sắc\", no_penalty = true }.", "xep-loai",
            help="Điều kiện thêm cho một nhãn, ví dụ không bị điểm trừ; không đạt thì nhận nhãn kế tiếp.",
            example='conditions = [{ label = "Xuất sắc", no_penalty = true }]'),
    Setting("scheme_overrides.components", "components", "Thành phần của kết quả",
            "Các thành phần cộng thành kết quả, theo thứ tự in, thay cả danh sách của bộ tiêu chí: mỗi thành phần "
            "một [[scheme_overrides.components]] với id, name (tên cột in ra), headers (các tên cột có cùng nghĩa "
            "trong bảng số liệu), maximum, enters (\"as-is\", \"converted\", \"weighted\"), weight, decimals, "
            "printed (docs/inputs.md, mục 4).", "xep-loai",
            help="Các thành phần cộng thành kết quả, theo thứ tự in; để trống: theo bộ tiêu chí.",
            example='components = [{ id = "tham-dinh", name = "Điểm thẩm định", maximum = 62 }]'),
)

GROUPS = (
    Setting("groups", "table", "Khối",
            "Một khối xếp hạng, theo thứ tự phụ lục. Thêm khối: chép cả đoạn từ dòng [[groups]] và ghi tên khối vào "
            "trang \"Danh mục\" của bảng nhập liệu.", "khoi", kinds=_RANKED,
            help="Mỗi khối xếp hạng riêng, theo thứ tự phụ lục. Thêm khối: điền ô trống cuối cùng; bỏ một khối: xóa "
            "tên khối.",
            campaign_comment="Một khối xếp hạng, theo thứ tự phụ lục. Các mục parent_body, issuing_body, symbol, "
            "place, signer_authority, signer_position, signer_name là mặc định cho báo cáo của mọi đơn vị trong khối; "
            "ô của đơn vị trong danh mục đơn vị thay mặc định. Thêm khối: chép cả đoạn từ dòng [[groups]].",
            campaign_help="Mỗi khối xếp hạng riêng, theo thứ tự phụ lục. Phần đầu và người ký của khối là mặc định "
            "cho báo cáo của mọi đơn vị trong khối; ô của đơn vị trong danh mục đơn vị thay mặc định."),
    Setting("groups.name", "text", "Tên khối", "Tên khối, trùng với tên chọn ở cột \"Khối\" của bảng nhập liệu.",
            "khoi", example='name = "UBND các xã, phường"', kinds=_RANKED,
            campaign_comment="Tên khối, trùng với tên chọn ở cột \"Khối\" của danh mục đơn vị."),
    Setting("groups.sheet", "text", "Tên trang tính (khi khác tên khối)",
            "Tên trang tính chứa các đơn vị của khối, khi khác tên khối.", "khoi", example='sheet = "PL02"',
            kinds=_RANKED),
    Setting("groups.title", "text", "Tên bảng trong phụ lục", "Tên bảng trong phụ lục (chữ in hoa).", "khoi",
            example='title = "KẾT QUẢ ĐÁNH GIÁ CHẤT LƯỢNG HOẠT ĐỘNG CƠ QUAN NĂM 2020"', kinds=_RANKED),
    Setting("groups.subtitle", "text", "Dòng dưới tên bảng",
            "Dòng dưới tên bảng trong phụ lục; \"\" nếu không có.", "khoi",
            help="Dòng dưới tên bảng trong phụ lục; để trống nếu không có.",
            example='subtitle = "(Đối với UBND các xã, phường)"', kinds=_RANKED),
    Setting("groups.labels", "labels", "Nhãn xếp loại riêng của khối",
            "Nhãn xếp loại riêng cho khối này (cùng cách viết như labels của bộ tiêu chí).", "khoi",
            help="Để trống: nhãn của bộ tiêu chí. Mỗi dòng một nhãn với điểm tối thiểu, nhãn cuối không có.",
            example='labels = [{ name = "Đạt", min = 50 }, { name = "Không đạt" }]', kinds=_RANKED),
    Setting("groups.components", "components", "Thành phần khối dùng",
            "Mã các thành phần của bộ tiêu chí mà kết quả của khối cộng (thành phần đầu tiên luôn có); đơn vị thiếu "
            "một thành phần khối dùng, hoặc có một thành phần khối không dùng, bị từ chối.", "khoi",
            help="Để trống: khối tính theo các thành phần các đơn vị của khối có.",
            example='components = ["tham-dinh", "sipas"]', kinds=_RANKED),
    Setting("groups.parent_body", "text", "Cơ quan chủ quản (mặc định của khối)",
            "Tên cơ quan chủ quản in trên tên đơn vị (chữ in hoa), ví dụ \"UBND TỈNH …\".", "khoi",
            example='parent_body = "UBND TỈNH MINH HỌA"', kinds=(Source.CAMPAIGN,)),
    Setting("groups.issuing_body", "lines", "Cơ quan ban hành báo cáo (mặc định của khối)",
            "Tên cơ quan ban hành báo cáo, mỗi dòng một mục; {DON_VI} là tên đơn vị viết hoa.", "khoi",
            example='issuing_body = ["ỦY BAN NHÂN DÂN", "{DON_VI}"]', kinds=(Source.CAMPAIGN,)),
    Setting("groups.symbol", "text", "Ký hiệu báo cáo (mặc định của khối)",
            "Ký hiệu báo cáo có phần viết tắt tên cơ quan, ví dụ \"BC-UBND\", \"BC-SNV\".", "khoi",
            example='symbol = "BC-UBND"', kinds=(Source.CAMPAIGN,)),
    Setting("groups.place", "text", "Địa danh (mặc định của khối)",
            "Địa danh ghi trước ngày tháng (với UBND xã là tên xã: ghi ở danh mục đơn vị).", "khoi",
            example='place = "Minh Họa"', kinds=(Source.CAMPAIGN,)),
    Setting("groups.signer_authority", "authority", "Thẩm quyền ký (mặc định của khối)",
            "Các dòng thẩm quyền ký (TM., KT., Q., …); [] khi người đứng đầu ký trực tiếp.", "khoi",
            help="Mỗi dòng chọn TM., KT., Q., TL. hoặc TUQ. rồi ghi tiếp; không có dòng nào khi người đứng đầu ký "
            "trực tiếp.", example='signer_authority = ["TM. ỦY BAN NHÂN DÂN"]', kinds=(Source.CAMPAIGN,)),
    Setting("groups.signer_position", "text", "Chức vụ người ký (mặc định của khối)",
            "Chức vụ người ký (chữ in hoa).", "khoi", example='signer_position = "CHỦ TỊCH"', kinds=(Source.CAMPAIGN,)),
    Setting("groups.signer_name", "text", "Họ và tên người ký (mặc định của khối)", "Họ và tên người ký.", "khoi",
            example='signer_name = "Nguyễn Văn A"', kinds=(Source.CAMPAIGN,)),
)

LATER = (
    Setting("checks", "table", "Kiểm tra số liệu", "Kiểm tra số liệu đã gõ.", "kiem-tra", example="comments = true"),
    Setting("checks.decimals", "int", "Số chữ số thập phân của điểm tính theo cách chấm",
            "Số chữ số thập phân của điểm tính theo cách chấm (0–6).", "kiem-tra",
            help="Làm tròn lên từ 5 một lần; để trống: 3 (84/87 × 4 = 3,862).", example="decimals = 3", default=3),
    Setting("checks.comments", "bool", "Ghi chú Word ở lý giải cho mỗi điều cần xem lại",
            "Mỗi điều cần xem lại thành một ghi chú Word ở lý giải của tiêu chí.", "kiem-tra",
            help="Mỗi điều cần xem lại thành một ghi chú Word ở lý giải của tiêu chí trong báo cáo; nhớ xóa ghi chú "
            "trước khi phát hành.", example="comments = true", default=False),
    Setting("checks.proper_names", "bool", "In tên đơn vị viết đúng",
            "In tên đơn vị viết đúng thay cho tên gõ chữ in hoa toàn bộ hay không dấu.", "kiem-tra",
            help="Tên đơn vị gõ chữ in hoa toàn bộ hay không dấu mà kỳ trước hoặc các dòng khác viết đúng luôn được "
            "báo ở trang Kiểm tra; đánh dấu ô này thì văn bản in luôn tên viết đúng.", example="proper_names = true",
            default=False),
    Setting("checks.total", "choice", "Kết quả ghi sẵn trong bảng điểm",
            "Kết quả ghi sẵn: \"checked\" (phải khớp kết quả tính) hoặc \"as-published\" (giữ như đã công bố khi "
            "chỉ chênh trong phạm vi làm tròn của các thành phần).", "kiem-tra",
            help="Chọn \"giữ như đã công bố\" khi bảng công bố tính kết quả từ các thành phần chưa làm tròn: kết quả "
            "chỉ chênh trong phạm vi làm tròn được giữ, các chênh lệch được liệt kê trong ket-qua.xlsx.",
            example='total = "as-published"', kinds=(Source.UNITS,), default="checked",
            choices=(("checked", "phải khớp đúng kết quả tính"),
                     ("as-published", "giữ như đã công bố khi chỉ chênh trong phạm vi làm tròn"))),
    Setting("checks.ignore_columns", "lines", "Cột có số không dùng, không cần báo",
            "Tên các cột có số mà chương trình không dùng và không cần báo.", "kiem-tra",
            help="Mỗi dòng một tên cột như trong bảng điểm (ví dụ \"Xếp hạng\"): chương trình không báo các cột "
            "này là cột có số không dùng đến.", example='ignore_columns = ["Xếp hạng"]', kinds=(Source.UNITS,)),
    Setting("previous", "table", "So sánh với kỳ trước", "Kỳ trước, để so sánh.", "ky-truoc", kinds=_RANKED,
            help="Thêm cột điểm tăng, giảm và hạng so với kỳ trước vào phụ lục, ket-qua.xlsx và thông cáo.",
            example='job = "../vi-du-2024-xep-loai-tinh"'),
    Setting("previous.job", "previous", "Công việc kỳ trước", "Thư mục công việc kỳ trước.", "ky-truoc",
            help="Chọn công việc của kỳ trước trong danh sách công việc: chương trình tính lại kết quả kỳ trước từ "
            "số liệu của nó.", example='job = "../vi-du-2024-xep-loai-tinh"', kinds=_RANKED),
    Setting("previous.results", "path", "Tệp kết quả kỳ trước", "Tệp ket-qua.xlsx chương trình đã ghi cho kỳ trước.",
            "ky-truoc", example='results = "../ket-qua-2024/ket-qua.xlsx"', kinds=_RANKED),
    Setting("previous.table", "path", "Bảng hạng kỳ trước đã công bố",
            "Bảng đơn vị và hạng kỳ trước đã công bố (.xlsx hoặc .csv): cột tên đơn vị, cột \"Hạng\", có thể thêm "
            "cột \"Chỉ số\" hoặc \"Điểm\", cột \"Khối\".", "ky-truoc",
            help="Tệp Excel hoặc CSV trong thư mục công việc có cột tên đơn vị và cột \"Hạng\" (có thể thêm cột "
            "\"Chỉ số\" hoặc \"Điểm\", cột \"Khối\").", example='table = "ky-truoc-2020-top10.csv"', kinds=_RANKED),
    Setting("previous.partial", "bool", "Bảng kỳ trước chỉ có một phần các đơn vị",
            "Bảng hạng kỳ trước chỉ có một phần các đơn vị (như 10 đơn vị dẫn đầu).", "ky-truoc",
            help="Đánh dấu khi bảng chỉ có một phần (như 10 đơn vị dẫn đầu): đơn vị không có trong bảng ghi \"không "
            "có số liệu kỳ trước\".", example="partial = true", kinds=_RANKED, default=False),
    Setting("previous.new", "lines", "Đơn vị mới kỳ này",
            "Các đơn vị mới so với kỳ trước (in \"mới\"); chỉ dùng với bảng hạng kỳ trước.", "ky-truoc",
            help="Mỗi dòng một đơn vị mới so với kỳ trước (in \"mới\"); chỉ dùng với bảng hạng kỳ trước.",
            example='new = ["UBND phường Mới"]', kinds=_RANKED),
    Setting("previous.name", "text", "Tên kỳ trước trong lời văn", "Tên kỳ trước trong lời văn.", "ky-truoc",
            help="Ví dụ \"năm 2024\"; để trống: \"kỳ trước\".", example='name = "năm 2024"', kinds=_RANKED),
    Setting("previous.renames", "renames", "Đơn vị đổi tên, sáp nhập",
            "Đơn vị kỳ này đổi tên hoặc sáp nhập: \"tên kỳ này\" = \"tên kỳ trước\".", "ky-truoc",
            help="Mỗi dòng một đơn vị kỳ này đổi tên hoặc sáp nhập: tên kỳ này, rồi các tên kỳ trước.",
            example='"UBND phường Trường An" = "UBND xã Trường An"', kinds=_RANKED),
    Setting("summary", "table", "Lập thông cáo kết quả", "Thông cáo kết quả.", "thong-cao", kinds=_RANKED,
            help="Bản tin kết quả theo thể thức Nghị định 30, cơ quan ban hành và người ký như quyết định.",
            example="charts = true"),
    Setting("summary.charts", "bool", "Kèm biểu đồ", "Kèm biểu đồ.", "thong-cao",
            help="Bỏ đánh dấu: thông cáo không có biểu đồ, ket-qua.xlsx không có trang \"Biểu đồ\".",
            example="charts = false", kinds=_RANKED, default=True),
    Setting("summary.chart_form", "choice", "Dạng biểu đồ",
            "Dạng biểu đồ: \"word\" (biểu đồ Word sửa được) hoặc \"picture\" (biểu đồ dạng ảnh).", "thong-cao",
            help="Biểu đồ Word: cán bộ sửa được màu, chữ, số liệu ngay trong Word; dạng ảnh: như một bức ảnh, không "
            "sửa được.", example='chart_form = "word"', kinds=_RANKED, default="word",
            choices=(("word", "biểu đồ Word, sửa được trong Word"), ("picture", "biểu đồ dạng ảnh"))),
    Setting("summary.symbol", "text", "Ký hiệu thông cáo", "Ký hiệu thông cáo.", "thong-cao",
            help="Để trống: \"TC\" thay loại văn bản trong ký hiệu của quyết định (QĐ-UBND → TC-UBND).",
            example='symbol = "TC-UBND"', kinds=_RANKED),
    Setting("summary.title", "long", "Tiêu đề thông cáo", "Tiêu đề thông cáo.", "thong-cao",
            help="Để trống: từ trích yếu của quyết định (\"Về việc công bố kết quả …\" → \"Kết quả …\").",
            example='title = "Kết quả …"', kinds=_RANKED),
    Setting("summary.recipients", "lines", "Nơi nhận thông cáo", "Nơi nhận thông cáo.", "thong-cao",
            help="Mỗi dòng một nơi nhận. Để trống: Cổng Thông tin điện tử (để đăng tải); Các cơ quan, đơn vị có tên "
            "tại Quyết định; Lưu: VT.", example='recipients = ["Cổng Thông tin điện tử (để đăng tải);", "Lưu: VT."]',
            kinds=_RANKED),
)

SETTINGS: tuple[Setting, ...] = (*TOP, *SCHEME_OVERRIDES, *GROUPS, *DOCUMENT, *CAMPAIGN_DOCUMENTS, *LATER)
BY_KEY: Mapping[str, Setting] = MappingProxyType({s.key: s for s in SETTINGS})


def setting(key: str) -> Setting:
    """The declaration of a key; `reports.title` and `appraisal.title` are declared as `document.title`."""
    if key in BY_KEY:
        return BY_KEY[key]
    table, _, rest = key.partition(".")
    return BY_KEY["document." + rest] if table in ("reports", "appraisal") and rest else BY_KEY[key]


def names_in(table: str) -> tuple[str, ...]:
    """The keys a table takes, in the catalogue's order (`""`: the top of `job.toml`)."""
    if table.endswith(".signature"):  # every signer is written as the document's
        table = "document.signature"
    own = [s for s in SETTINGS if s.table == table]
    if table in ("reports", "appraisal"):
        shared = [s for s in DOCUMENT if s.table == "document" and table in s.tables]
        own = [*shared, *own] if table == "reports" else [*own[:1], *shared, *own[1:]]
    return tuple(dict.fromkeys(s.key.split(".")[0] if not table else s.name for s in own))


def names_shaped(table: str, shapes: tuple[str, ...],
                 kinds: tuple[Source | KindId, ...] | None = None) -> tuple[str, ...]:
    """The keys of `table` whose values take one of `shapes` (and, given `kinds`, used by exactly those kinds)."""
    return tuple(s.name for s in SETTINGS if s.table == table and s.shape in shapes
                 and (kinds is None or s.kinds == kinds))


def text_names(table: str) -> tuple[str, ...]:
    return names_shaped(table, TEXT_SHAPES)


def line_names(table: str) -> tuple[str, ...]:
    return names_shaped(table, LINE_SHAPES)


def comments(campaign: bool) -> dict[str, str]:
    """The comment `init` writes above each key (a campaign's own where it has one)."""
    return {s.key: s.comment_for(campaign) for s in SETTINGS if s.comment}

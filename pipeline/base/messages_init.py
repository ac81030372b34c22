"""Vietnamese wording of `init` for a campaign (đợt đánh giá): its problems (its `job.toml`'s comments are
declared with each setting in `config.catalogue`), the prompts of its workbooks' validation, its README."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.base.errors import Reason

INIT_TEXT: dict[Reason, str] = {
    Reason.INIT_FOLDER_HAS_FILES: (
        "thư mục \"{value}\" đã có tệp ({files}); chương trình không ghi đè tệp của một công việc đã có. "
        "Chọn tên thư mục mới (chưa có hoặc trống), hoặc chuyển các tệp đó đi nơi khác."
    ),
    Reason.INIT_NO_CRITERIA: (
        "đợt đánh giá cần một bộ tiêu chí: thêm --criteria <tệp Excel có bảng tiêu chí> (cột Mã số, Lĩnh vực/Tiêu "
        "chí/Tiêu chí thành phần, Điểm chuẩn, Điểm tự chấm) hoặc --from <công việc đợt đánh giá đã có>."
    ),
    Reason.INIT_CRITERIA_INVALID: (
        "tệp bộ tiêu chí \"{value}\" (--criteria) chưa dùng được: {why} Sửa các lỗi được liệt kê dưới đây "
        "(nếu có), hoặc chọn tệp khác."
    ),
    Reason.INIT_UNKNOWN_KIND: (
        "không có loại văn bản \"{value}\". Các loại lệnh init tạo được: {known}."
    ),
    Reason.INIT_KIND_MISSING: (
        "chưa ghi loại văn bản: viết python -m pipeline init <thư mục> --kind <loại>, ví dụ --kind dot-danh-gia. "
        "Các loại: {known}."
    ),
    Reason.INIT_CRITERIA_UNUSED: (
        "--criteria chỉ dùng với đợt đánh giá (--kind dot-danh-gia); loại \"{value}\" lấy cây tiêu chí bằng --from "
        "<công việc đã có>. Bỏ --criteria, hoặc dùng --kind dot-danh-gia."
    ),
}

@dataclass(frozen=True)
class CriteriaWhy:
    """Why a campaign's criteria file is refused, as fields so a misspelt name is a type error."""

    missing: str = "không có tệp này."
    no_table: str = ("không có bảng tiêu chí (dòng tiêu đề có Mã số, Lĩnh vực/Tiêu chí/Tiêu chí thành phần, Điểm "
                     "chuẩn, Điểm tự chấm trong 30 dòng đầu của một trang tính).")
    errors: str = "bảng tiêu chí có lỗi."
    empty: str = "bảng tiêu chí không có dòng nào."


CRITERIA_WHY = CriteriaWhy()


# Placeholder settings of a new campaign: two groups with their units' header defaults.
CAMPAIGN_GROUPS: list[dict[str, str | list[str]]] = [
    {"name": "Sở, ban, ngành", "title": "(KẾT QUẢ ĐÁNH GIÁ … NĂM …)", "subtitle": "(Đối với các sở, ban, ngành)",
     "parent_body": "(UBND TỈNH …)", "signer_position": "GIÁM ĐỐC"},
    {"name": "UBND các xã, phường", "title": "(KẾT QUẢ ĐÁNH GIÁ … NĂM …)", "subtitle": "(Đối với UBND các xã, phường)",
     "issuing_body": ["ỦY BAN NHÂN DÂN", "{DON_VI}"], "symbol": "BC-UBND",
     "signer_authority": ["TM. ỦY BAN NHÂN DÂN"], "signer_position": "CHỦ TỊCH"},
]
CAMPAIGN_REPORTS = {
    "issuing_body": ["{DON_VI}"], "symbol": "BC", "place": "(Địa danh)",
    "title": "(Kết quả tự chấm điểm … năm … của {don_vi})", "recipients": ["(Nơi nhận;)", "Lưu: VT."],
    "self_rating": True, "signature": {"authority": [], "position": "(CHỨC VỤ NGƯỜI KÝ)", "name": "(Họ và tên)"},
}
CAMPAIGN_TITLE = "(Trích yếu: Về việc công bố kết quả đánh giá, xếp loại … năm …)"

# The workbooks of a campaign: each unit's criteria table, and the register.
UNIT_SHEET = "Tự chấm điểm"
UNIT_TITLE = "BẢNG TỰ CHẤM ĐIỂM VÀ KẾT QUẢ THẨM ĐỊNH"
UNIT_INTRO = ("Đơn vị ghi Điểm tự chấm (và Lý giải); Hội đồng thẩm định ghi Điểm thẩm định và Ý kiến thẩm định. "
              "Cây tiêu chí (mã số, nội dung, điểm chuẩn) đã có sẵn: không sửa.")
UNIT_LINE, GROUP_LINE = "Đơn vị:", "Khối:"
REGISTER_SHEET = "Danh mục đơn vị"
REGISTER_TITLE = "DANH MỤC ĐƠN VỊ CỦA ĐỢT ĐÁNH GIÁ"
REGISTER_INTRO = ("Mỗi dòng một đơn vị được đánh giá. Ô để trống thì dùng mặc định của khối (trong thiết lập của "
                  "công việc, mục các khối xếp hạng). Trong ô nhiều dòng, xuống dòng (Alt+Enter) hoặc \" / \" ngăn "
                  "cách các dòng.")
TEMPLATE_FILE = "mau-bang-tu-cham.xlsx"

CAMPAIGN_NOTES = [
    "Dòng \"Đơn vị:\" ghi đúng tên đơn vị trong danh mục đơn vị; dòng \"Khối:\" ghi tên khối.",
    ("Điểm thẩm định: từ 0 đến điểm chuẩn của dòng; để trống khi chưa thẩm định. Khi thiết lập của công việc ghi "
     "đã thẩm định xong, mọi tiêu chí phải có điểm thẩm định."),
]
REGISTER_NOTES = [
    "Tên đơn vị ghi đúng tên chính thức, in trong báo cáo và quyết định; mỗi đơn vị một dòng.",
    ("Đơn vị không được đánh giá: ghi lý do ở cột \"Lý do không đánh giá\" và không cần bảng tiêu chí; lý do in "
     "trong phụ lục của quyết định."),
]

# (title, prompt, error) of each register column's validation; a column not here has only its prompt.
REGISTER_PROMPTS = {
    "order": ("Số thứ tự", "Số thứ tự (không bắt buộc).", "TT là số nguyên từ 1 trở lên."),
    "unit": ("Tên đơn vị", "Tên chính thức của đơn vị (bắt buộc), không trùng.",
             "Đơn vị này đã có trong danh mục. Xóa dòng trùng (chọn Yes nếu chắc chắn muốn giữ)."),
    "group": ("Khối", "Chọn khối của đơn vị trong danh sách (trang \"Danh mục\", các khối trong thiết lập của công "
                      "việc).",
              "Chọn tên khối trong danh sách. Khối mới: ghi tên vào trang \"Danh mục\" và thêm khối trong thiết lập "
              "của công việc."),
    "parent_body": ("Cơ quan chủ quản", "Dòng trên tên cơ quan ban hành, ví dụ UBND TỈNH …; để trống khi không có "
                                        "hoặc khi khối đã ghi.", ""),
    "issuing_body": ("Tên cơ quan ban hành", "Các dòng tên cơ quan, ví dụ SỞ NỘI VỤ hoặc ỦY BAN NHÂN DÂN / XÃ …", ""),
    "symbol": ("Ký hiệu", "Ký hiệu báo cáo có phần viết tắt tên cơ quan, ví dụ BC-SNV, BC-UBND.", ""),
    "place": ("Địa danh", "Địa danh ghi trước ngày tháng; với UBND xã là tên xã.", ""),
    "signer_authority": ("Thẩm quyền ký", "Ví dụ TM. ỦY BAN NHÂN DÂN hoặc KT. GIÁM ĐỐC; để trống khi người đứng đầu "
                                          "ký trực tiếp.", ""),
    "signer_position": ("Chức vụ người ký", "Ví dụ CHỦ TỊCH, GIÁM ĐỐC, PHÓ GIÁM ĐỐC.", ""),
    "signer_name": ("Họ tên người ký", "Họ và tên người ký báo cáo.", ""),
    "survey_points": ("Điểm điều tra XHH", "Điểm điều tra xã hội học (nếu có), số từ 0 trở lên; cộng vào điểm thẩm "
                                           "định.", "Điểm điều tra xã hội học là số từ 0 trở lên."),
    "bonus": ("Điểm thưởng", "Điểm thưởng do cơ quan tổng hợp cho (nếu có), số từ 0 trở lên.",
              "Điểm thưởng là số từ 0 trở lên."),
    "penalty": ("Điểm trừ", "Điểm trừ do cơ quan tổng hợp cho (nếu có), ghi số dương.",
                "Điểm trừ ghi số dương (từ 0 trở lên)."),
    "reason": ("Lý do không đánh giá", "Chỉ ghi khi đơn vị không được đánh giá; lý do in trong phụ lục.", ""),
    "note": ("Ghi chú", "In ở cột Ghi chú của phụ lục (không bắt buộc).", ""),
}
DUPLICATE_TITLE = "Đơn vị bị trùng"
APPRAISED_PROMPT = ("Điểm thẩm định", "Điểm Hội đồng thẩm định chấm: từ 0 đến điểm chuẩn của dòng. Tiêu chí "
                    "\"chọn một\": chỉ ghi điểm ở một mức. Tiêu chí cha có thể để trống: chương trình tự cộng.",
                    "Điểm thẩm định là số từ 0 đến điểm chuẩn của dòng này.")
APPRAISAL_NOTE_PROMPT = ("Ý kiến thẩm định", "Ý kiến của Hội đồng thẩm định về dòng này (vì sao điểm thẩm định khác "
                         "điểm tự chấm). Xuống dòng trong ô: Alt+Enter.")


def campaign_readme(name: str, command: str, job: str, units: int, register: str, data: str) -> str:
    """What to fill in a new campaign, then the commands that check and run it."""
    if units:
        tables = (f"3. `{data}/`: {units} bảng tiêu chí, mỗi đơn vị của danh mục một tệp, đã có cây tiêu chí, dòng "
                  "\"Đơn vị:\" và \"Khối:\". Đơn vị ghi Điểm tự chấm; Hội đồng thẩm định ghi Điểm thẩm định, Ý kiến "
                  "thẩm định.")
    else:
        tables = (f"3. Danh mục đơn vị đang trống nên chưa có bảng tiêu chí nào. Với mỗi đơn vị: chép "
                  f"`{TEMPLATE_FILE}` (bảng mẫu đã có cây tiêu chí) vào thư mục `{data}/` (đang trống), đặt tên "
                  "theo đơn vị, và ghi tên đơn vị ở dòng \"Đơn vị:\", tên khối ở dòng \"Khối:\".")
    lines = [
        f"# {name}: đợt đánh giá", "", f"Tạo bằng `{command}`.", "", "## Cần điền", "",
        ("1. `job.toml` (mỗi mục có ghi chú ở dòng ngay trên): thay mọi chữ giữ chỗ trong ngoặc đơn, các khối và "
         "mặc định phần đầu báo cáo của từng khối, quyết định (`[document]`). Ghi số văn bản (`number`) và ngày ký "
         "(`date`) khi đã có."),
        (f"2. `{register}`: mỗi đơn vị một dòng (tên chính thức, khối, phần đầu và người ký báo cáo nếu khác mặc "
         "định của khối; lý do khi không đánh giá)."),
        tables,
        "4. Khi đã thẩm định xong: `[appraisal] done = true` trong `job.toml` để lập quyết định.",
        "", "## Kiểm tra và lập văn bản", "", "```sh",
        f"python -m pipeline check {job}    # báo mọi lỗi, không ghi văn bản",
        f"python -m pipeline run {job}      # lập văn bản vào outputs/{name}/", "```", "",
    ]
    return "\n".join(lines)

# A column of a component the scheme declares (`init` with a scheme of declared components): title, prompt, error.
COMPONENT_PROMPT = ("{name}", "{name} của đơn vị, số từ 0 trở lên{within}; cộng vào kết quả. Để trống nếu đơn vị "
                    "không được đánh giá.", "{name} là số từ 0 trở lên{within}.")
COMPONENT_WITHIN = " đến {maximum}"

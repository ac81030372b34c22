"""Vietnamese wording of a scheme: what its fields, labels, conditions and components must be, and how it is stated."""

from __future__ import annotations

from dataclasses import dataclass

# The values a setting takes, each as the clerk reads it (the keys are the values written in a scheme file).
TIE_RULES = {"dong-hang": "đồng hạng (cùng điểm thì cùng hạng)", "lien-tiep": "hạng liên tiếp"}
UNITS = {"điểm": "điểm (96,85 điểm)", "%": "phần trăm (96,85%)"}
ENTERS = {
    "as-is": "cộng nguyên điểm",
    "converted": "quy đổi: điểm ÷ điểm tối đa áp dụng của đơn vị × điểm tối đa của thành phần",
    "weighted": "nhân hệ số (weight)",
}

# What a scheme's own fields, its labels and its conditions must be (`config.scheme`).
@dataclass(frozen=True)
class SchemeExpected:
    """What a scheme's fields, labels and conditions must be, as fields so a misspelt name is a type error."""

    decimals: str = "số chữ số thập phân phải là số nguyên từ 0 đến 6"
    fixed_decimals: str = "ghi true (giữ đủ số chữ số) hoặc false (bỏ số 0 cuối)"
    tie_rule: str = 'ghi "dong-hang" hoặc "lien-tiep"'
    scale: str = "thang điểm phải là số dương, ví dụ 100"
    unit: str = 'ghi "điểm" (kết quả là điểm) hoặc "%" (kết quả là tỷ lệ phần trăm, cột "Tỷ lệ đạt")'
    name: str = "tên bộ tiêu chí đặt trong ngoặc kép"
    labels: str = "cần một danh sách nhãn xếp loại, ví dụ [{ name = \"Tốt\", min = 80 }, { name = \"Khá\" }]"
    label: str = "một nhãn dạng { name = \"Tốt\", min = 80 }"
    label_name: str = "tên nhãn đặt trong ngoặc kép"
    label_unnamed: str = "nhãn thứ {n} phải có tên (name)"
    label_minimum: str = "mức điểm tối thiểu của nhãn \"{name}\" phải là số"
    labels_twice: str = "tên nhãn xếp loại bị trùng"
    labels_unbounded: str = "mọi nhãn trừ nhãn cuối cùng phải có mức điểm tối thiểu (min)"
    labels_order: str = "mức điểm tối thiểu phải giảm dần từ nhãn cao nhất đến nhãn thấp nhất"
    last_label: str = "nhãn cuối cùng (\"{name}\") không ghi min: nó nhận mọi điểm còn lại"
    conditions: str = "cần một danh sách điều kiện"
    conditions_unlabelled: str = ("labels = [] (chỉ xếp hạng, không xếp loại) thì không có điều kiện xếp loại nào: "
                                  "ghi conditions = []")
    condition: str = "mỗi điều kiện ghi label (một nhãn có trong danh sách) và min_field_percent hoặc no_penalty"
    condition_values: str = "min_field_percent là một số từ 0 đến 100 (ví dụ 85), no_penalty là true hoặc false"


SCHEME_EXPECTED = SchemeExpected()


# What a scheme's `[[components]]` and a group's `components` must be (`config.components`).
@dataclass(frozen=True)
class ComponentExpected:
    """What a scheme's components and a group's must be, as fields so a misspelt name is a type error."""

    none: str = "cần ít nhất một thành phần [[components]] có id và name"
    item: str = "một thành phần dạng { id = \"tham-dinh\", name = \"Điểm thẩm định\" }"
    id_twice: str = "mã thành phần (id) bị trùng: mỗi thành phần một mã riêng"
    header_twice: str = ("tên cột này thuộc cả thành phần \"{owner}\" và \"{component}\": mỗi tên cột chỉ thuộc một "
                         "thành phần")
    id: str = "mã thành phần viết chữ thường không dấu, nối bằng dấu gạch ngang, ví dụ \"tham-dinh\""
    name: str = "tên cột đặt trong ngoặc kép"
    name_empty: str = "tên cột in trong bảng kết quả không được để trống"
    headers: str = "một danh sách tên cột, ví dụ [\"Điểm thẩm định\", \"Điểm đánh giá trực tiếp\"]"
    maximum: str = "điểm tối đa của thành phần là một số dương, ví dụ 62 hoặc \"9.5\""
    enters: str = ("ghi \"as-is\" (cộng nguyên điểm), \"converted\" (quy đổi theo điểm tối đa áp dụng) hoặc "
                   "\"weighted\" (nhân hệ số){hint}")
    enters_hint: str = " (có phải ý bạn là \"{name}\"?)"
    weight_unused: str = "hệ số (weight) chỉ dùng với enters = \"weighted\"; xóa mục này hoặc đổi enters"
    weight: str = "hệ số là một số dương, ví dụ 0.5"
    decimals: str = "số chữ số thập phân in ra là số nguyên từ 0 đến 6"
    printed: str = "ghi true (in thành một cột) hoặc false (chỉ dùng để tính, không in)"
    phrase: str = "một đoạn chữ đặt trong ngoặc kép"
    group: str = "một danh sách mã thành phần của bộ tiêu chí, ví dụ {example}"
    group_unknown: str = "bộ tiêu chí không có thành phần này (có: {known})"
    group_unknown_hint: str = "; có phải ý bạn là \"{name}\"?"
    group_twice: str = "một thành phần được ghi hai lần"
    group_main: str = ("thành phần đầu tiên của bộ tiêu chí (\"{main}\") là điểm chính, khối nào cũng dùng: thêm nó "
                       "vào danh sách")


COMPONENT_EXPECTED = ComponentExpected()


# The scheme as applied, in the run summary (`config.applied`).
@dataclass(frozen=True)
class Applied:
    """The scheme as applied, in the run summary, as fields so a misspelt name is a type error."""

    kept: str = "luôn giữ đủ số chữ số"
    dropped: str = "bỏ số 0 ở cuối"
    rounding: str = "Làm tròn {decimals} chữ số thập phân ({kept}); cùng điểm: {tie_rule}; thang điểm {scale}"
    percent: str = "; kết quả là tỷ lệ phần trăm (cột \"Tỷ lệ đạt\")."
    labels: str = "Xếp loại: {bounds}."
    no_labels: str = "Không xếp loại (labels = []): chỉ xếp hạng."
    field_percent: str = "mọi lĩnh vực đạt ít nhất {percent}% điểm tối đa"
    no_penalty: str = "không bị điểm trừ"
    condition: str = "Điều kiện của {label}: {needs}."
    no_needs: str = "không có"
    components: str = "Thành phần của kết quả: {components}."
    group_components: str = "Khối {group} tính kết quả từ: {components}."
    overridden: str = "Đã đổi trong [scheme_overrides]: {keys}."
    converted: str = "quy đổi theo điểm tối đa áp dụng"
    weighted: str = "nhân hệ số {weight}"
    maximum: str = "tối đa {maximum}"
    not_printed: str = "không in"
    below: str = "{label} dưới {bound}"
    any: str = "{label} mọi điểm"
    from_bound: str = "{label} từ {bound}"
    between: str = "{label} từ {bound} đến dưới {upper}"


APPLIED = Applied()

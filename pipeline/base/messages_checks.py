"""Vietnamese wording of the checks on typed numbers (`scoring.checks`): findings, refused rules, the drafted
rationale, the "Cần xem lại" sheet and the Word comments."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.base.errors import Reason

CHECK_TEXT: dict[Reason, str] = {
    Reason.STATED_RATE_MISMATCH: "tiêu chí {code}: lý giải ghi {stated}; {expected}.{implied}",
    Reason.STATED_POINTS_MISMATCH: (
        "tiêu chí {code}: lý giải ghi {stated} nhưng điểm tự chấm của tiêu chí là {typed} điểm. Sửa lý giải hoặc "
        "điểm cho khớp nhau."
    ),
    Reason.RULE_POINTS_MISMATCH: (
        "tiêu chí {code}: theo cách chấm \"{rule}\", {expected}; điểm tự chấm ghi {typed} điểm. Kiểm tra lại số "
        "liệu và điểm."
    ),
    Reason.RULE_INVALID: (
        "cách chấm \"{value}\" không dùng được: {why}. Cách viết: \"tỷ lệ × 4\"; \"từ 90% đến dưới 95%: 1 điểm; "
        "từ 95%: 2 điểm\"; \"có: 2; không: 0\"; \"trước hạn: 5; đúng hạn: 3\" (docs/inputs.md mục 2.5)."
    ),
    Reason.RULE_FACTS_INVALID: "{why}",
    Reason.STATED_COUNTS_MISMATCH: (
        "tiêu chí {code}: lý giải ghi {stated} nhưng {expected}. Sửa lý giải hoặc số liệu cho khớp nhau."
    ),
}

# Why a rule is refused (the {why} of RULE_INVALID).
RULE_WHY = {
    "empty_part": "có một mức để trống giữa hai dấu \";\"",
    "no_points": "mức \"{part}\" không ghi số điểm (viết \"<mức>: <số điểm>\", ví dụ \"có: 2\")",
    "bad_condition": "không hiểu điều kiện \"{part}\" (viết \"từ 90% đến dưới 95%\", \"từ 95% trở lên\", "
                     "\"dưới 70%\", \"100%\")",
    "words_with_numbers": "không hiểu \"{part}\": sau điều kiện tỷ lệ chỉ được có lời mô tả không có số",
    "mixed": "lẫn mức theo tỷ lệ (có dấu %) với mức theo tên (\"{part}\"); một tiêu chí chỉ chấm theo một cách",
    "overlap": "hai mức trùng nhau: \"{first}\" và \"{second}\" (một tỷ lệ thuộc cả hai mức)",
    "above_maximum": "mức \"{part}\" cho {points} điểm, lớn hơn điểm chuẩn {maximum} của tiêu chí",
    "multiplier_above_maximum": "tỷ lệ × {points} cho nhiều hơn điểm chuẩn {maximum} của tiêu chí",
    "bad_multiplier": "sau \"tỷ lệ ×\" cần một số hoặc \"điểm chuẩn\", không phải \"{part}\"",
    "rate_above_100": "mức \"{part}\" có tỷ lệ lớn hơn 100%",
    "empty_range": "mức \"{part}\" không chứa tỷ lệ nào (số đầu không nhỏ hơn số sau)",
    "duplicate_option": "mức \"{part}\" ghi hai lần",
    "two_otherwise": "có hai mức \"còn lại\"",
}

# Why a rule's facts are refused (the {why} of RULE_FACTS_INVALID).
FACTS_WHY = {
    "not_whole": "số {value} không phải số nguyên: số hoàn thành, tổng số là số đếm.",
    "done_above_total": "số hoàn thành {done} lớn hơn tổng số {total}.",
    "zero_total": "tổng số bằng 0 nên không tính được tỷ lệ.",
    "half_counts": "có cột \"{present}\" mà thiếu \"{missing}\": cần cả hai để tính tỷ lệ.",
    "rate_above_100": "tỷ lệ {value}% lớn hơn 100%.",
    "rate_and_counts": "tỷ lệ ghi {value}% nhưng {done}/{total} = {exact}%; ghi đúng tỷ lệ hoặc để trống ô tỷ lệ.",
    "needs_rate": "cách chấm \"{rule}\" cần số hoàn thành và tổng số, hoặc tỷ lệ; ô \"Mức đạt\" không dùng được.",
    "needs_level": "cách chấm \"{rule}\" chấm theo mức: ghi một trong các mức ({options}) ở cột \"Mức đạt\".",
    "unknown_level": "mức \"{value}\" không có trong cách chấm \"{rule}\"; các mức: {options}.",
    "facts_without_rule": "có số liệu để chấm điểm ({columns}) nhưng ô \"Cách chấm\" để trống.",
    "rate_fraction": "tỷ lệ ghi {value}, giữa 0 và 1, ở ô không định dạng phần trăm: không rõ là {percent}% gõ dạng "
                     "phân số hay tỷ lệ thật sự dưới 1%. Ghi tỷ lệ bằng số phần trăm (gõ {percent} cho {percent}%) "
                     "hoặc định dạng ô là % (Format Cells › Percentage) để ô hiện đúng tỷ lệ.",
}

# The findings' pieces, and the rationale drafted from the facts when its cell is empty.
@dataclass(frozen=True)
class CheckWords:
    """The findings' pieces and the drafted rationale, as fields so a misspelt name is a type error."""

    stated_rate: str = "{done}/{total}{noun} đạt {rate}"
    exact_rate: str = "{done}/{total} = {exact}"
    implied: str = " Điểm theo tỷ lệ đúng: {computation} (đã chấm {typed}{how})."
    typed_from: str = " = {stated} × {multiplier}"
    proportional: str = "{rate} × {multiplier} = {points} điểm"
    band: str = "{rate} thuộc mức \"{band}\": {points} điểm"
    no_band: str = "{rate} không thuộc mức nào: 0 điểm"
    option: str = "mức \"{option}\": {points} điểm"
    stated_points: str = "chấm {points} điểm"
    fact_counts: str = "cột \"{done_header}\", \"{total_header}\" ghi {done}/{total}"
    draft_counts: str = "Hoàn thành {done}/{total}{noun} ({rate}); {computation}."
    draft_rate: str = "Tỷ lệ đạt {rate}; {computation}."
    draft_option: str = "Đạt {computation}."


CHECK_WORDS = CheckWords()

# The "Cần xem lại" sheet of ket-qua.xlsx, the run's summary heading, the Word comments' author.
REVIEW_SHEET = "Cần xem lại"
REVIEW_HEADERS = ("TT", "Tệp", "Trang tính", "Dòng", "Mã số", "Đã ghi", "Đúng ra", "Điểm theo đúng ra",
                  "Điểm đã chấm", "Nội dung")
@dataclass(frozen=True)
class ReviewText:
    """The findings' heading and the Word comments' author, as fields so a misspelt name is a type error."""

    heading: str = ("Cần xem lại ({count} điều; không làm hỏng lần chạy, thêm --strict để coi là lỗi; lệnh run ghi "
                    "chúng vào trang \"Cần xem lại\" của ket-qua.xlsx):")
    author: str = "Chương trình kiểm tra số liệu"
    initials: str = "KTS"


REVIEW_TEXT = ReviewText()

"""The ties of a ranking in words: who shares a score, and how their ranks were decided."""

from __future__ import annotations

TIE_DECIDED_BY = {
    "rank": "đồng hạng {ranks} (quy tắc đồng hạng của bộ tiêu chí)",
    "exact": "hạng {ranks} theo điểm chưa làm tròn (quy tắc hạng liên tiếp)",
    "order": "hạng {ranks} theo thứ tự trong bảng số liệu vì cả điểm chưa làm tròn cũng bằng nhau "
             "(quy tắc hạng liên tiếp); kiểm tra lại nếu cần xếp theo tiêu chí khác",
}


def tie_text(tie: dict, score: str) -> str:
    """"Cùng 90,545 điểm: Sở Tư pháp, Sở Xây dựng — đồng hạng 3 (…)"; `score` as a sentence says it
    ("90,545 điểm", or "96,85%" for a scheme in percent)."""
    ranks = ", ".join(dict.fromkeys(str(r) for r in tie["ranks"]))
    return f"Cùng {score}: {', '.join(tie['units'])} — {TIE_DECIDED_BY[tie['decided_by']].format(ranks=ranks)}."

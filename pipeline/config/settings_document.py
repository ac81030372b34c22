"""The catalogue's `[document]` keys (a campaign's `[reports]` and `[appraisal]` take them too) and its signer.

The Vietnamese here is reviewed as wording: `label` on the desk's form, `comment` above the key in the
`job.toml` that `init` writes, `help` under the field when the comment speaks TOML.
"""

from __future__ import annotations

from pipeline.config.kinds import KindId, Source
from pipeline.config.setting_record import Setting

_DECISION = (Source.UNITS, Source.CAMPAIGN)
_ALL_TABLES = ("reports", "appraisal")

DOCUMENT = (
    Setting("document", "table", "Văn bản", "Thông tin trình bày văn bản (Nghị định 30/2020/NĐ-CP).", "van-ban",
            campaign_comment="Quyết định công bố kết quả (Nghị định 30/2020/NĐ-CP), lập từ điểm thẩm định."),
    Setting("document.parent_body", "text", "Cơ quan chủ quản",
            "Tên cơ quan chủ quản (nếu có), chữ in hoa; \"\" nếu không có.", "van-ban",
            help="Tên cơ quan chủ quản (nếu có), chữ in hoa; để trống nếu không có.",
            example='parent_body = "UBND THỊ XÃ HƯƠNG TRÀ"', tables=_ALL_TABLES),
    Setting("document.issuing_body", "lines", "Cơ quan ban hành",
            "Tên cơ quan ban hành, mỗi dòng một mục, chữ in hoa.", "van-ban",
            example='issuing_body = ["ỦY BAN NHÂN DÂN", "THỊ XÃ HƯƠNG TRÀ"]', tables=_ALL_TABLES),
    Setting("document.number", "number", "Số văn bản",
            "Số văn bản; \"\" khi chưa cấp số (văn thư điền). Số nhỏ hơn 10 tự thêm số 0.", "van-ban",
            help="Chỉ gồm chữ số; để trống khi chưa cấp số (văn thư điền). Số nhỏ hơn 10 tự thêm số 0.",
            example='number = "2445"', tables=_ALL_TABLES),
    Setting("document.symbol", "text", "Ký hiệu", "Ký hiệu văn bản, ví dụ \"BC-UBND\", \"QĐ-UBND\".", "van-ban",
            example='symbol = "BC-UBND"', tables=_ALL_TABLES),
    Setting("document.place", "text", "Địa danh", "Địa danh ghi trước ngày tháng.", "van-ban",
            example='place = "Hương Trà"', tables=_ALL_TABLES),
    Setting("document.date", "date", "Ngày ký",
            "Ngày ký, dạng năm-tháng-ngày không có ngoặc kép, ví dụ 2026-07-06; \"\" khi chưa ký.", "van-ban",
            help="Ngày/tháng/năm, ví dụ 06/07/2026; để trống khi chưa ký.", example="date = 2021-07-06",
            tables=_ALL_TABLES),
    Setting("document.title", "long", "Trích yếu", "Trích yếu nội dung văn bản.", "van-ban",
            example='title = "Về việc công bố kết quả …"', tables=_ALL_TABLES),
    Setting("document.form", "choice", "Dạng văn bản",
            "\"quyet-dinh\": quyết định kèm phụ lục; \"bang\": chỉ bảng xếp hạng.", "van-ban",
            help="Quyết định kèm phụ lục, hoặc chỉ bảng xếp hạng.", example='form = "bang"', kinds=(KindId.PAR_INDEX,),
            tables=("reports",)),
    Setting("document.authority", "text", "Thẩm quyền ban hành",
            "Thẩm quyền ban hành (dòng in hoa dưới trích yếu của quyết định).", "van-ban",
            example='authority = "ỦY BAN NHÂN DÂN THỊ XÃ HƯƠNG TRÀ"', kinds=_DECISION, tables=("reports",)),
    Setting("document.issuer_name", "text", "Tên cơ quan ban hành (viết thường)",
            "Tên cơ quan ban hành viết thường, dùng trong dòng \"(Kèm theo Quyết định số … của …)\".", "van-ban",
            example='issuer_name = "Ủy ban nhân dân thị xã Hương Trà"', kinds=_DECISION, tables=("reports",)),
    Setting("document.bases", "lines", "Căn cứ", "Các dòng căn cứ (in nghiêng), mỗi dòng một mục.", "van-ban",
            example='bases = ["Căn cứ Luật Tổ chức chính quyền địa phương;"]', kinds=_DECISION, tables=("reports",)),
    Setting("document.article_1", "long", "Điều 1 (câu mở đầu)",
            "Câu mở đầu Điều 1; \"\": chương trình tự viết. Số đơn vị theo từng nhãn của mỗi khối do chương trình "
            "thêm.", "van-ban",
            help="Để trống: chương trình tự viết. Số đơn vị theo từng nhãn của mỗi khối do chương trình thêm.",
            example='article_1 = "Công bố kết quả đánh giá …"', kinds=_DECISION, tables=("reports",)),
    Setting("document.article_2", "long", "Điều 2", "Nội dung Điều 2.", "van-ban",
            example='article_2 = "Quyết định này có hiệu lực …"', kinds=_DECISION, tables=("reports",)),
    Setting("document.article_3", "long", "Điều 3", "Nội dung Điều 3, kết thúc bằng \"./.\".", "van-ban",
            example='article_3 = "Chánh Văn phòng … chịu trách nhiệm thi hành Quyết định này./."', kinds=_DECISION,
            tables=("reports",)),
    Setting("document.appendix_numbering", "choice", "Đánh số phụ lục",
            "Đánh số phụ lục: \"la-ma\" (Phụ lục I, II, III) hoặc \"so\" (PHỤ LỤC 01, 02, 03).", "van-ban",
            help="Phụ lục I, II, III (Nghị định 30) hoặc PHỤ LỤC 01, 02, 03.", example='appendix_numbering = "la-ma"',
            kinds=_DECISION, default="la-ma", tables=("reports",)),
    Setting("document.self_rating", "bool", "In tổng điểm và tự xếp loại",
            "true: in dưới bảng dòng tổng điểm, điểm quy đổi thang 100 và tự xếp loại.", "van-ban",
            help="Đánh dấu: in dưới bảng dòng tổng điểm, điểm quy đổi thang 100 và tự xếp loại.",
            example="self_rating = true", kinds=(Source.CRITERIA,), default=False, tables=("reports",)),
    Setting("document.recipients", "lines", "Nơi nhận", "Nơi nhận, mỗi dòng một mục; dòng cuối là \"Lưu: VT, …\".",
            "van-ban", example='recipients = ["Như Điều 3;", "Lưu: VT, NV."]', tables=_ALL_TABLES),
    Setting("document.template", "path", "Mẫu Word riêng",
            "Mẫu Word riêng (đường dẫn tính từ thư mục này); \"\": dùng mẫu chung của chương trình.", "van-ban",
            help="Mẫu Word riêng của công việc; đổi ở trang Mẫu văn bản.", example='template = "mau-rieng.docx"',
            tables=_ALL_TABLES),
    Setting("document.signature", "table", "Người ký", "Người ký.", "nguoi-ky"),
    Setting("document.signature.authority", "authority", "Thẩm quyền ký",
            "Các dòng thẩm quyền ký, mỗi dòng bắt đầu bằng TM., KT., Q., TL. hoặc TUQ.; [] khi người đứng đầu ký.",
            "nguoi-ky", help="Mỗi dòng chọn TM., KT., Q., TL. hoặc TUQ. rồi ghi tiếp; không có dòng nào khi người "
            "đứng đầu ký.", example='authority = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]'),
    Setting("document.signature.position", "text", "Chức vụ người ký", "Chức vụ người ký (chữ in hoa).", "nguoi-ky",
            example='position = "PHÓ CHỦ TỊCH"'),
    Setting("document.signature.name", "text", "Họ và tên người ký", "Họ và tên người ký.", "nguoi-ky",
            example='name = "Hà Văn Tuấn"'),
)

CAMPAIGN_DOCUMENTS = (
    Setting("reports", "table", "Báo cáo của từng đơn vị",
            "Báo cáo tự chấm điểm của từng đơn vị: các mục dùng khi danh mục đơn vị và khối không ghi; {don_vi} là "
            "tên đơn vị, {DON_VI} là tên viết hoa.", "bao-cao-don-vi", kinds=(Source.CAMPAIGN,),
            help="Các mục dùng khi danh mục đơn vị và khối không ghi; {don_vi} là tên đơn vị, {DON_VI} là tên viết "
            "hoa.", example='title = "Kết quả tự chấm điểm … của {don_vi}"'),
    Setting("reports.signature", "table", "Người ký báo cáo",
            "Người ký báo cáo, khi danh mục đơn vị và khối không ghi.", "bao-cao-don-vi", kinds=(Source.CAMPAIGN,)),
    Setting("appraisal", "table", "Thẩm định",
            "Thẩm định: done = false khi Hội đồng thẩm định chưa chấm xong (chỉ lập báo cáo tự chấm điểm, chưa lập "
            "quyết định); done = true khi mọi tiêu chí đã có điểm thẩm định.", "tham-dinh", kinds=(Source.CAMPAIGN,),
            help="Thẩm định xong thì lập quyết định từ điểm thẩm định và thông báo kết quả thẩm định cho từng đơn vị.",
            example="done = true"),
    Setting("appraisal.done", "bool", "Đã thẩm định xong", "true: đã thẩm định xong; false: đang thẩm định.",
            "tham-dinh", help="Đánh dấu khi mọi tiêu chí đã có điểm thẩm định; bỏ đánh dấu: đang thẩm định, chưa "
            "lập quyết định.", example="done = true", kinds=(Source.CAMPAIGN,), default=False),
    Setting("appraisal.intro", "long", "Đoạn mở đầu thông báo", "Đoạn mở đầu của thông báo kết quả thẩm định.",
            "tham-dinh", example='intro = "Căn cứ kết quả thẩm định của Hội đồng …"', kinds=(Source.CAMPAIGN,)),
    Setting("appraisal.signature", "table", "Người ký thông báo", "Người ký thông báo kết quả thẩm định.",
            "tham-dinh", kinds=(Source.CAMPAIGN,)),
)

"""`init`: a new job folder with a commented `job.toml`, an input workbook and a README.

Staff start from a workbook that already has the program's column headers, a frozen
header row, drop-down lists and range checks with Vietnamese prompts, so most mistakes
are refused in Excel while typing, before `check` or `run` sees them. With `--from`, the
criteria tree or the unit list of an earlier job, and its settings, are carried over with
the points, the document number and the date emptied for the new period.
"""

from __future__ import annotations

import io
import json
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.read.columns import CRITERIA_TABLE, UNIT_TABLE, TableSpec
from pipeline.config.document_settings import REQUIRED
from pipeline.base.errors import InputErrors, Problem, Reason, problem
from pipeline.scoring.normalise import normalise_criteria, normalise_units
from pipeline.read.job_folder import read_job, settings_data
from pipeline.config.scheme import available_schemes
from pipeline.config.job_settings import KINDS, SETTINGS_FILE
from pipeline.write.files import write_outputs

REPORT = "bao-cao-tu-cham"
WORKBOOK_NAMES = {REPORT: "tu-cham.xlsx", "quyet-dinh-xep-loai": "bang-diem.xlsx", "xep-hang-cchc": "bang-diem.xlsx"}
DATA_SHEETS = {REPORT: "Tự chấm điểm", "quyet-dinh-xep-loai": "Bảng điểm", "xep-hang-cchc": "Bảng điểm"}
TITLES = {REPORT: "BẢNG TỔNG HỢP KẾT QUẢ TỰ CHẤM ĐIỂM", "quyet-dinh-xep-loai": "BẢNG TỔNG HỢP KẾT QUẢ THẨM ĐỊNH",
          "xep-hang-cchc": "BẢNG ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"}
GUIDE_SHEET = "Hướng dẫn"
LIST_SHEET = "Danh mục"
GROUP_LIST = "DanhSachKhoi"
HEADER_ROW = 4
FIRST_ROW = HEADER_ROW + 1
EMPTY_ROWS = 200
# Column id and width (characters), in the order of the sheet.
LAYOUTS: dict[str, tuple[tuple[str, int], ...]] = {
    REPORT: (("code", 9), ("title", 60), ("max_points", 11), ("self_points", 11), ("rationale", 60),
             ("rollup", 12)),
    "quyet-dinh-xep-loai": (("order", 6), ("group", 24), ("unit", 34), ("max_points", 16), ("applicable_max", 18),
                            ("appraised_points", 14), ("reason", 40), ("note", 24)),
    "xep-hang-cchc": (("order", 6), ("group", 24), ("unit", 34), ("appraised_points", 14), ("survey_points", 14),
                      ("bonus", 11), ("penalty", 11), ("reason", 40), ("note", 24)),
}
_NO_LIMIT = "1E+9"
_ROLLUP_WORDS = {"sum": "cộng", "choose": "chọn một"}
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_THIN = Side(style="thin", color="A6A6A6")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def init_job(kind: str, folder: Path, source: Path | None = None) -> list[Path]:
    """Creates `folder` with job.toml, the input workbook and README.md; returns the files written.

    Refuses a folder that exists and is not empty. With `source`, an existing job of the same
    kind, its settings and its criteria or units are carried over with the points emptied.
    """
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InputErrors([problem(Reason.JOB_FOLDER_EXISTS, value=folder.as_posix())])
    workbook = WORKBOOK_NAMES[kind]
    if source is None:
        values, rows, extra = placeholder_settings(kind), [], {}
    else:
        values, rows, extra = _from_source(kind, source)
    values = {**values, "data": workbook}
    groups = [g["name"] for g in values.get("groups", [])]
    return write_outputs(folder, {
        SETTINGS_FILE: settings_text(kind, values, source).encode("utf-8"),
        workbook: input_workbook(kind, rows, groups),
        "README.md": _readme(kind, folder, workbook, source).encode("utf-8"),
        **extra,
    })


# --- job.toml -------------------------------------------------------------------------------------------------

_KIND_TEXT = "; ".join(f'"{k}": {v.lower()}' for k, v in KINDS.items())
_COMMENTS = {
    "kind": f"Loại văn bản: {_KIND_TEXT}.",
    "scheme": "Bộ tiêu chí xếp loại, dạng \"tên@phiên bản\" (xem docs/inputs.md, mục 4). Hiện có:",
    "data": "Tệp số liệu trong thư mục này (bảng nhập liệu do lệnh init tạo). Đổi tên tệp thì sửa cả ở đây.",
    "unit": "Tên đơn vị tự chấm điểm, in trong báo cáo.",
    "group": "Khối của đơn vị tự chấm điểm (tên trang tính trong ket-qua.xlsx); mặc định \"Đơn vị\".",
    "scheme_overrides": "Thay đổi một số mục của bộ tiêu chí cho riêng công việc này.",
    "scheme_overrides.name": "Tên bộ tiêu chí.",
    "scheme_overrides.decimals": "Số chữ số thập phân khi làm tròn kết quả (0–6), làm tròn lên từ 5.",
    "scheme_overrides.fixed_decimals": "true: luôn in đủ số chữ số (87,170); false: bỏ số 0 ở cuối (83,2).",
    "scheme_overrides.tie_rule": "\"dong-hang\": cùng kết quả thì cùng hạng; \"lien-tiep\": hạng liên tiếp.",
    "scheme_overrides.scale": "Thang điểm quy đổi.",
    "scheme_overrides.labels": "Nhãn xếp loại từ cao xuống thấp, { name = \"…\", min = … }; nhãn cuối không có min.",
    "scheme_overrides.conditions": "Điều kiện thêm cho một nhãn, ví dụ { label = \"Xuất sắc\", no_penalty = true }.",
    "groups": ("Một khối xếp hạng, theo thứ tự phụ lục. Thêm khối: chép cả đoạn từ dòng [[groups]] và ghi tên khối "
               "vào trang \"Danh mục\" của bảng nhập liệu."),
    "groups.name": "Tên khối, trùng với tên chọn ở cột \"Khối\" của bảng nhập liệu.",
    "groups.title": "Tên bảng trong phụ lục (chữ in hoa).",
    "groups.subtitle": "Dòng dưới tên bảng trong phụ lục; \"\" nếu không có.",
    "groups.labels": "Nhãn xếp loại riêng cho khối này (cùng cách viết như labels của bộ tiêu chí).",
    "document": "Thông tin trình bày văn bản (Nghị định 30/2020/NĐ-CP).",
    "document.parent_body": "Tên cơ quan chủ quản (nếu có), chữ in hoa; \"\" nếu không có.",
    "document.issuing_body": "Tên cơ quan ban hành, mỗi dòng một mục, chữ in hoa.",
    "document.number": "Số văn bản; \"\" khi chưa cấp số (văn thư điền). Số nhỏ hơn 10 tự thêm số 0.",
    "document.symbol": "Ký hiệu văn bản, ví dụ \"BC-UBND\", \"QĐ-UBND\".",
    "document.place": "Địa danh ghi trước ngày tháng.",
    "document.date": "Ngày ký, dạng năm-tháng-ngày không có ngoặc kép, ví dụ 2026-07-06; \"\" khi chưa ký.",
    "document.title": "Trích yếu nội dung văn bản.",
    "document.form": "\"quyet-dinh\": quyết định kèm phụ lục; \"bang\": chỉ bảng xếp hạng.",
    "document.authority": "Thẩm quyền ban hành (dòng in hoa dưới trích yếu của quyết định).",
    "document.issuer_name": "Tên cơ quan ban hành viết thường, dùng trong dòng \"(Kèm theo Quyết định số … của …)\".",
    "document.bases": "Các dòng căn cứ (in nghiêng), mỗi dòng một mục.",
    "document.article_1": ("Câu mở đầu Điều 1; \"\": chương trình tự viết. Số đơn vị theo từng nhãn của mỗi khối "
                           "do chương trình thêm."),
    "document.article_2": "Nội dung Điều 2.",
    "document.article_3": "Nội dung Điều 3, kết thúc bằng \"./.\".",
    "document.appendix_numbering": "Đánh số phụ lục: \"la-ma\" (Phụ lục I, II, III) hoặc \"so\" (PHỤ LỤC 01, 02, 03).",
    "document.self_rating": "true: in dưới bảng dòng tổng điểm, điểm quy đổi thang 100 và tự xếp loại.",
    "document.recipients": "Nơi nhận, mỗi dòng một mục; dòng cuối là \"Lưu: VT, …\".",
    "document.template": "Mẫu Word riêng (đường dẫn tính từ thư mục này); \"\": dùng mẫu chung của chương trình.",
    "document.signature": "Người ký.",
    "document.signature.authority": ("Các dòng thẩm quyền ký, mỗi dòng bắt đầu bằng TM., KT., Q., TL. hoặc TUQ.; "
                                     "[] khi người đứng đầu ký."),
    "document.signature.position": "Chức vụ người ký (chữ in hoa).",
    "document.signature.name": "Họ và tên người ký.",
}
DOCUMENT_ORDER = ("parent_body", "issuing_body", "number", "symbol", "place", "date", "title", "form", "authority",
                  "issuer_name", "bases", "article_1", "article_2", "article_3", "appendix_numbering", "self_rating",
                  "recipients", "template")
_SHARED_FIELDS = ("parent_body", "issuing_body", "number", "symbol", "place", "date", "title", "recipients",
                  "template")
_DECISION_FIELDS = ("authority", "issuer_name", "bases", "article_1", "article_2", "article_3", "appendix_numbering")
_KIND_FIELDS = {REPORT: ("self_rating", *_SHARED_FIELDS), "quyet-dinh-xep-loai": (*_DECISION_FIELDS, *_SHARED_FIELDS),
                "xep-hang-cchc": ("form", *_DECISION_FIELDS, *_SHARED_FIELDS)}
_DEFAULTS: dict[str, Any] = {"parent_body": "", "number": "", "date": "", "bases": [], "article_1": "",
                             "appendix_numbering": "la-ma", "self_rating": False, "form": "quyet-dinh", "template": ""}
_DECISION_PLACEHOLDERS = {
    "symbol": "QĐ-UBND", "authority": "(THẨM QUYỀN BAN HÀNH)", "issuer_name": "(Tên cơ quan ban hành, viết thường)",
    "bases": ["(Căn cứ …;)", "(Xét đề nghị của ….)"], "article_2": "(Nội dung Điều 2.)",
    "article_3": "(Nội dung Điều 3, kết thúc bằng ./.)", "recipients": ["Như Điều 3;", "Lưu: VT."],
}
_PLACEHOLDERS: dict[str, dict[str, Any]] = {
    REPORT: {"symbol": "BC-UBND", "title": "(Trích yếu: Kết quả tự chấm điểm … năm …)",
             "recipients": ["(Nơi nhận;)", "Lưu: VT."]},
    "quyet-dinh-xep-loai": {**_DECISION_PLACEHOLDERS,
                            "title": "(Trích yếu: Về việc công bố kết quả đánh giá, xếp loại … năm …)"},
    "xep-hang-cchc": {**_DECISION_PLACEHOLDERS,
                      "title": "(Trích yếu: Về việc công bố Chỉ số cải cách hành chính năm …)"},
}
_SCHEMES = {REPORT: "chat-luong-hoat-dong", "quyet-dinh-xep-loai": "chat-luong-hoat-dong",
            "xep-hang-cchc": "chi-so-cchc"}


def placeholder_settings(kind: str) -> dict[str, Any]:
    """Settings that pass validation, with obvious "(…)" placeholders where staff must write."""
    scheme = _SCHEMES[kind]
    document = {"issuing_body": ["(TÊN CƠ QUAN BAN HÀNH)"], "place": "(Địa danh)", **_PLACEHOLDERS[kind],
                "signature": {"authority": ["TM. ỦY BAN NHÂN DÂN"], "position": "(CHỨC VỤ NGƯỜI KÝ)",
                              "name": "(Họ và tên người ký)"}}
    values: dict[str, Any] = {"kind": kind, "scheme": f"{scheme}@{available_schemes()[scheme][-1]}",
                              "document": document}
    if kind == REPORT:
        values.update(unit="(Tên đơn vị tự chấm điểm)", group="Đơn vị")
    else:
        values["groups"] = [{"name": "(Tên khối)", "title": "(TÊN BẢNG TRONG PHỤ LỤC)", "subtitle": ""}]
    return values


def settings_text(kind: str, values: Mapping[str, Any], source: Path | None) -> str:
    """`job.toml` with a comment line above every table and every key."""
    lines = [f"# Công việc: {KINDS[kind]}.",
             "# Mỗi mục có một dòng ghi chú (bắt đầu bằng #) ở ngay trên; xem thêm docs/inputs.md."]
    if source is None:
        lines.append("# Chữ trong ngoặc đơn, ví dụ \"(Địa danh)\", là chữ giữ chỗ: thay bằng thông tin thật.")
    else:
        lines += [f"# Các mục lấy từ công việc {source.as_posix()}; số và ngày văn bản để trống cho kỳ mới.",
                  "# Kiểm tra lại năm, kỳ đánh giá trong trích yếu và tên bảng phụ lục."]
    marks = _Marks(_required(kind, values.get("document", {})), placeholders=source is None)
    top = ("kind", "scheme", "data", "unit", "group") if kind == REPORT else ("kind", "scheme", "data")
    lines.append("")
    lines += _keys(top, {"group": "Đơn vị", **values}, "", marks)
    if "scheme_overrides" in values:
        lines += _table("scheme_overrides", values["scheme_overrides"], list(values["scheme_overrides"]), marks)
    for group in values.get("groups", []):
        lines += _table("[groups]", group, [k for k in ("name", "title", "subtitle", "labels") if k in group],
                        marks, comment_key="groups")
    document = values.get("document", {})
    fields = [k for k in DOCUMENT_ORDER if k in document or k in _KIND_FIELDS[kind]]
    lines += _table("document", {**_DEFAULTS, **document}, fields, marks)
    lines += _table("document.signature", document.get("signature", {}), ["authority", "position", "name"], marks)
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class _Marks:
    """What a key's comment adds: required keys, and (in a job without a source) placeholders to replace."""

    required: set[str]
    placeholders: bool

    def note(self, key: str, value: Any) -> str:
        note = " Bắt buộc." if key in self.required else ""
        items = value if isinstance(value, list) else [value]
        if self.placeholders and any(isinstance(v, str) and v.startswith("(") for v in items):
            note += " Thay chữ giữ chỗ trong ngoặc đơn."
        return note


def _required(kind: str, document: Mapping[str, Any]) -> set[str]:
    fields = set(REQUIRED[kind])
    if kind == "xep-hang-cchc" and document.get("form", "quyet-dinh") == "quyet-dinh":
        fields |= set(REQUIRED["quyet-dinh-xep-loai"])
    return {"kind", "scheme", "unit", "groups.name", "document.signature.position", "document.signature.name",
            *(f"document.{f}" for f in fields)}


def _table(name: str, values: Mapping[str, Any], keys: list[str], marks: _Marks,
           comment_key: str | None = None) -> list[str]:
    key = comment_key or name
    return ["", *_comment(_COMMENTS[key]), f"[{name}]", *_keys(keys, values, key + ".", marks)]


def _comment(text: str) -> list[str]:
    return [f"# {line}" for line in textwrap.wrap(text, 110)]


def _keys(keys: tuple[str, ...] | list[str], values: Mapping[str, Any], prefix: str, marks: _Marks) -> list[str]:
    lines = []
    for key in keys:
        value = values.get(key, "")
        comment = _COMMENTS[prefix + key]
        if key == "scheme":
            comment += " " + ", ".join(f"{name}@{versions[-1]}" for name, versions in available_schemes().items()) + "."
        lines += [*_comment(comment + marks.note(prefix + key, value)), f"{key} = {_toml(value)}"]
    return lines


def _toml(value: Any) -> str:
    """A TOML value: strings in double quotes, long lists one item a line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }"
    items = [_toml(v) for v in value]
    one_line = "[" + ", ".join(items) + "]"
    if len(one_line) <= 100:
        return one_line
    return "[\n" + "".join(f"  {item},\n" for item in items) + "]"


# --- carried over from an earlier job ------------------------------------------------------------------------

def _from_source(kind: str, source: Path) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, bytes]]:
    """The source's settings for a new period, its rows without points, and a copy of its own template."""
    try:
        settings, sheets = read_job(source)
    except InputErrors as exc:
        raise _source_invalid(source, exc.problems) from exc
    if settings.kind != kind:
        raise InputErrors([problem(Reason.SOURCE_KIND_MISMATCH, value=source.as_posix(), kind=kind,
                                   source_kind=settings.kind)])
    if kind == REPORT:
        criteria, errors = normalise_criteria(sheets)
        rows = [{"code": r["code"], "title": r["title"], "max_points": r["max_points"],
                 "rollup": _ROLLUP_WORDS.get(r["rollup"])} for _, r in criteria.iterrows()]
    else:
        units, errors = normalise_units(sheets, settings.groups)
        rows = [{"order": n, "group": group.name, "unit": unit, "max_points": maximum}
                for group in settings.groups
                for n, (unit, maximum) in enumerate(
                    units.loc[units["group"] == group.name, ["unit", "max_points"]].itertuples(index=False), 1)]
    if errors:
        raise _source_invalid(source, errors)
    values = settings_data(source)
    document = {**values.get("document", {}), "number": "", "date": ""}
    template: dict[str, bytes] = {}
    if document.get("template"):
        name = Path(document["template"]).name
        template[name] = (source / document["template"]).read_bytes()
        document["template"] = name
    values = {**values, "document": document}
    if "groups" in values:
        values["groups"] = [{k: v for k, v in g.items() if k != "sheet"} for g in values["groups"]]
    return values, rows, template


def _source_invalid(source: Path, problems: tuple[Problem, ...] | list[Problem]) -> InputErrors:
    return InputErrors([problem(Reason.SOURCE_JOB_INVALID, value=source.as_posix()), *problems])


# --- the input workbook ---------------------------------------------------------------------------------------

def input_workbook(kind: str, rows: list[dict[str, Any]], groups: list[str]) -> bytes:
    """The input workbook: instructions, the table (pre-filled `rows`, then empty rows), the group list."""
    spec = CRITERIA_TABLE if kind == REPORT else UNIT_TABLE
    book = Workbook()
    guide = book.active
    guide.title = GUIDE_SHEET
    sheet = book.create_sheet(DATA_SHEETS[kind])
    letters = {column: get_column_letter(i) for i, (column, _) in enumerate(LAYOUTS[kind], 1)}
    last = HEADER_ROW + len(rows) + EMPTY_ROWS
    rules = _rules(kind, letters)
    _table_sheet(sheet, kind, spec, rows, last)
    for column, letter in letters.items():
        rules[column].add(f"{letter}{FIRST_ROW}:{letter}{last}")
        sheet.add_data_validation(rules[column])
    _guide_sheet(guide, kind, spec, rules)
    if kind != REPORT:
        _group_sheet(book, groups)
    guide.sheet_view.tabSelected = False  # else Excel opens both sheets grouped and typing goes to both
    book.active = sheet
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _table_sheet(sheet: Worksheet, kind: str, spec: TableSpec, rows: list[dict[str, Any]], last: int) -> None:
    sheet.cell(1, 1, TITLES[kind]).font = Font(bold=True, size=14)
    sheet.cell(2, 1, f"Cách điền: xem trang \"{GUIDE_SHEET}\". Chọn một ô để xem gợi ý.").font = Font(italic=True)
    for index, (column, width) in enumerate(LAYOUTS[kind], 1):
        header = sheet.cell(HEADER_ROW, index, spec.column(column).header)
        header.font = Font(bold=True)
        header.fill = _HEADER_FILL
        header.border = _GRID
        header.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = width
        number = spec.column(column).number or column == "order"
        for row in range(FIRST_ROW, last + 1):
            cell = sheet.cell(row, index)
            cell.border = _GRID
            cell.number_format = "General" if number else "@"
            cell.alignment = Alignment(vertical="top", wrap_text=not number)
    for offset, values in enumerate(rows, FIRST_ROW):
        for index, (column, _) in enumerate(LAYOUTS[kind], 1):
            if values.get(column) is not None:
                sheet.cell(offset, index, values[column])
    sheet.row_dimensions[HEADER_ROW].height = 48
    sheet.freeze_panes = f"A{FIRST_ROW}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _group_sheet(book: Workbook, groups: list[str]) -> None:
    """The group names the "Khối" drop-down offers; the list grows with the names written below."""
    sheet = book.create_sheet(LIST_SHEET)
    sheet.cell(1, 1, "Danh sách khối (ghi đúng tên các khối [[groups]] trong job.toml, mỗi tên một dòng, "
                     "không để dòng trống ở giữa)").font = Font(bold=True)
    sheet.column_dimensions["A"].width = 60
    for row, name in enumerate(groups, 2):
        sheet.cell(row, 1, name)
    book.defined_names[GROUP_LIST] = DefinedName(
        GROUP_LIST, attr_text=f"OFFSET('{LIST_SHEET}'!$A$2,0,0,MAX(1,COUNTA('{LIST_SHEET}'!$A$2:$A$500)),1)")


def _guide_sheet(sheet: Worksheet, kind: str, spec: TableSpec, rules: Mapping[str, DataValidation]) -> None:
    """Instructions, one sentence a row in column A: no row holds two column headers, so the reader skips it."""
    lines: list[tuple[str, bool]] = [(f"HƯỚNG DẪN ĐIỀN {TITLES[kind]}", True)]
    where = (f"Bảng nhập liệu ở trang \"{DATA_SHEETS[kind]}\": dòng {HEADER_ROW} là dòng tiêu đề, điền từ dòng "
             f"{FIRST_ROW} trở xuống. Chương trình bỏ qua trang hướng dẫn này.")
    lines += [(where, False), (_INTRO[kind], False), ("", False), ("Các cột", True)]
    lines += [(f"• \"{spec.column(column).header}\": {rules[column].prompt}", False) for column, _ in LAYOUTS[kind]]
    lines += [("", False), ("Lưu ý", True), *((f"• {note}", False) for note in _NOTES[kind] + _COMMON_NOTES)]
    lines += [("", False), ("Sau khi điền", True), *((line, False) for line in _AFTER)]
    sheet.column_dimensions["A"].width = 120
    for row, (text, bold) in enumerate(lines, 1):
        cell = sheet.cell(row, 1, text or None)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.font = Font(bold=bold, size=14 if row == 1 else 11)


_INTRO = {
    REPORT: "Mỗi dòng một lĩnh vực, tiêu chí, tiêu chí thành phần hoặc mức chấm, theo thứ tự như trong báo cáo.",
    "quyet-dinh-xep-loai": "Mỗi dòng một đơn vị. Kết quả đánh giá, xếp loại, xếp hạng do chương trình tính, không nhập.",
    "xep-hang-cchc": "Mỗi dòng một đơn vị. Chỉ số CCHC, xếp loại, xếp hạng do chương trình tính, không nhập.",
}
_UNIT_NOTES = [
    (f"Thêm khối: thêm một đoạn [[groups]] trong job.toml và ghi tên khối vào trang \"{LIST_SHEET}\", ngay dưới "
     "tên cuối cùng; danh sách chọn ở cột \"Khối\" tự có tên mới."),
]
_NOTES = {
    REPORT: [
        ("Tiêu chí cha \"cộng\": điểm chuẩn bằng tổng điểm chuẩn các mục con. Tiêu chí cha \"chọn một\": các mục "
         "con là các mức (ví dụ trước thời hạn 5, đúng thời hạn 3), điểm chuẩn bằng mức cao nhất, chỉ chấm một mức."),
        ("Dòng tổng, điểm thưởng, điểm trừ: để trống mã số, ghi \"TỔNG ĐIỂM\", \"Điểm thưởng …\" hoặc \"Điểm trừ …\" "
         "ở cột nội dung; điểm trừ ghi số dương."),
        "Cột mã số đã định dạng Văn bản để Excel không đổi 1.10 thành 1.1; giữ nguyên định dạng này.",
    ],
    "quyet-dinh-xep-loai": _UNIT_NOTES,
    "xep-hang-cchc": _UNIT_NOTES,
}
_COMMON_NOTES = [
    "Số thập phân viết 72,2 hoặc 72.2, không dùng dấu phân cách hàng nghìn. Ô điểm để trống là chưa có điểm.",
    "Không đổi tên các cột ở dòng tiêu đề. Có thể thêm cột riêng với tên khác hẳn: chương trình bỏ qua.",
    "Dòng trống được bỏ qua. Chèn thêm dòng ở giữa bảng thì dòng mới có sẵn định dạng và kiểm tra nhập liệu.",
    "Lưu tệp dạng Excel Workbook (.xlsx), không đặt mật khẩu, giữ đúng tên tệp ghi ở mục data của job.toml.",
]
_AFTER = [
    "1. Sửa job.toml (mỗi mục có ghi chú ngay phía trên): thông tin văn bản, số và ngày văn bản.",
    "2. Kiểm tra: python -m pipeline check <thư mục công việc>",
    "3. Lập văn bản: python -m pipeline run <thư mục công việc>",
]


def _rules(kind: str, letters: Mapping[str, str]) -> dict[str, DataValidation]:
    """One validation per column, with its prompt; formulas are written for the first data row."""
    at = {column: f"${letter}{FIRST_ROW}" for column, letter in letters.items()}
    if kind == REPORT:
        return _criteria_rules(at)
    every = {column: f"${letter}${FIRST_ROW}:${letter}$1048576" for column, letter in letters.items()}
    rules = {
        "order": _number("Số thứ tự", "Số thứ tự (không bắt buộc); chương trình tự đánh lại theo thứ hạng.",
                         "TT là số nguyên từ 1 trở lên.", whole=True, low="1"),
        "group": _choice(GROUP_LIST, "Khối",
                         f"Chọn khối của đơn vị trong danh sách (trang \"{LIST_SHEET}\"). Công việc chỉ có một khối "
                         "thì có thể để trống.",
                         f"Chọn tên khối trong danh sách. Khối mới: ghi tên vào trang \"{LIST_SHEET}\" và thêm "
                         "đoạn [[groups]] trong job.toml."),
        "unit": _formula(f"COUNTIFS({every['unit']},{at['unit']},{every['group']},{at['group']}&\"\")=1",
                         "Đơn vị", "Tên đơn vị (bắt buộc), không trùng trong một khối.",
                         "Đơn vị này đã có trong cùng khối. Xóa dòng trùng (chọn Yes nếu chắc chắn muốn giữ).",
                         "Đơn vị bị trùng", style="warning"),
        "reason": _note("Lý do không đánh giá", "Chỉ ghi khi đơn vị không được đánh giá (để trống điểm); lý do in "
                                                "trong phụ lục."),
        "note": _note("Ghi chú", "In ở cột Ghi chú của phụ lục (không bắt buộc)."),
    }
    if kind == "quyet-dinh-xep-loai":
        maximum, applicable = at["max_points"], at["applicable_max"]
        rules |= {
            "max_points": _number("Điểm tối đa", "Điểm tối đa theo quy định, số từ 0 trở lên.",
                                  "Điểm tối đa là số từ 0 trở lên."),
            "applicable_max": _number(
                "Điểm tối đa áp dụng", "Điểm tối đa các nhiệm vụ phát sinh trong năm, không lớn hơn điểm tối đa. "
                "Có số này thì điểm được quy ra thang 100: 72,2 / 80 × 100 = 90,25.",
                "Điểm tối đa áp dụng là số từ 0 đến điểm tối đa theo quy định của dòng này.",
                high=f"IF(ISNUMBER({maximum}),{maximum},{_NO_LIMIT})"),
            "appraised_points": _number(
                "Điểm thẩm định", "Điểm Hội đồng thẩm định chấm, không lớn hơn điểm tối đa áp dụng (hoặc điểm tối "
                "đa). Để trống nếu đơn vị không được đánh giá.",
                "Điểm thẩm định là số từ 0 đến điểm tối đa áp dụng (hoặc điểm tối đa) của dòng này.",
                high=f"IF(ISNUMBER({applicable}),{applicable},IF(ISNUMBER({maximum}),{maximum},{_NO_LIMIT}))"),
        }
    else:
        rules |= {
            "appraised_points": _number(
                "Điểm thẩm định", "Điểm thẩm định; cộng với điểm điều tra xã hội học không quá 100. Để trống nếu "
                "đơn vị không được đánh giá.", "Điểm thẩm định cộng điểm điều tra xã hội học phải từ 0 đến 100.",
                high=f"100-N({at['survey_points']})"),
            "survey_points": _number(
                "Điểm điều tra XHH", "Điểm điều tra xã hội học, cộng vào điểm thẩm định (tổng không quá 100).",
                "Điểm thẩm định cộng điểm điều tra xã hội học phải từ 0 đến 100.",
                high=f"100-N({at['appraised_points']})"),
            "bonus": _number("Điểm thưởng", "Điểm thưởng (nếu có), cộng vào Chỉ số.", "Điểm thưởng là số từ 0 trở lên."),
            "penalty": _number("Điểm trừ", "Điểm trừ (nếu có), ghi số dương; trừ khỏi Chỉ số.",
                               "Điểm trừ ghi số dương (từ 0 trở lên)."),
        }
    return rules


def _criteria_rules(at: Mapping[str, str]) -> dict[str, DataValidation]:
    code, title, maximum = at["code"], at["title"], at["max_points"]
    roman = f"UPPER({code})"
    for letter in "IVXLCDM":
        roman = f"SUBSTITUTE({roman},\"{letter}\",\"\")"
    return {
        "code": _formula(f"OR(ISNUMBER(VALUE(SUBSTITUTE({code},\".\",\"\"))),{roman}=\"\")", "Mã số",
                         "I, II… cho lĩnh vực; 1.2, 1.2.1… cho tiêu chí. Để trống với tiểu mục, mức chấm và các dòng "
                         "TỔNG ĐIỂM, Điểm thưởng, Điểm trừ: dòng không mã thuộc tiêu chí có mã ngay phía trên.",
                         "Mã số viết như I, II (lĩnh vực) hoặc 1.2, 1.2.1 (tiêu chí). Tiểu mục, mức chấm không có "
                         "mã thì để trống.", "Mã số không đúng dạng"),
        "title": _note("Nội dung", "Tên lĩnh vực, tiêu chí, tiêu chí thành phần hoặc mức chấm (bắt buộc)."),
        "max_points": _number("Điểm chuẩn", "Điểm tối đa của dòng, số từ 0 trở lên. Tiêu chí cha: tổng điểm chuẩn "
                                            "các mục con (cộng) hoặc mức cao nhất (chọn một).",
                              "Điểm chuẩn là số từ 0 trở lên."),
        "self_points": _number(
            "Điểm tự chấm", "Từ 0 đến điểm chuẩn của dòng. Tiêu chí \"chọn một\": chỉ ghi điểm ở một mức. Tiêu chí "
            "cha và dòng TỔNG ĐIỂM có thể để trống: chương trình tự cộng (ghi sẵn thì được kiểm tra lại).",
            "Điểm tự chấm là số từ 0 đến điểm chuẩn của dòng này.",
            high=f"IF(AND({code}=\"\",LEFT(TRIM({title}),4)=\"Tổng\"),{_NO_LIMIT},"
                 f"IF(ISNUMBER({maximum}),{maximum},{_NO_LIMIT}))"),
        "rationale": _note("Lý giải", "Không bắt buộc. Xuống dòng trong ô: Alt+Enter."),
        "rollup": _choice("\"cộng,chọn một\"", "Cách tính",
                          "Chỉ ở tiêu chí cha: \"cộng\" (điểm là tổng các mục con) hoặc \"chọn một\" (chỉ chấm một "
                          "mức). Để trống: chương trình tự nhận ra từ điểm chuẩn.",
                          "Cách tính ghi \"cộng\" hoặc \"chọn một\", hoặc để trống."),
    }


def _number(title: str, prompt: str, error: str, low: str = "0", high: str | None = None,
            whole: bool = False) -> DataValidation:
    between = {"operator": "between", "formula2": high} if high else {"operator": "greaterThanOrEqual"}
    return _validation(type="whole" if whole else "decimal", formula1=low, **between, promptTitle=title,
                       prompt=prompt, errorTitle="Số không hợp lệ", error=error)


def _formula(formula: str, title: str, prompt: str, error: str, error_title: str,
             style: str = "stop") -> DataValidation:
    return _validation(type="custom", formula1=formula, promptTitle=title, prompt=prompt, errorTitle=error_title,
                       error=error, errorStyle=style)


def _choice(source: str, title: str, prompt: str, error: str) -> DataValidation:
    return _validation(type="list", formula1=source, promptTitle=title, prompt=prompt,
                       errorTitle="Không có trong danh sách", error=error)


def _note(title: str, prompt: str) -> DataValidation:
    """No check, only the prompt shown when the cell is selected."""
    return _validation(promptTitle=title, prompt=prompt)


def _validation(**options: Any) -> DataValidation:
    return DataValidation(allow_blank=True, showInputMessage=True, showErrorMessage=True, **options)


# --- README.md ------------------------------------------------------------------------------------------------

def _readme(kind: str, folder: Path, workbook: str, source: Path | None) -> str:
    job = folder.as_posix()
    command = f"python -m pipeline init {kind} {job}" + (f" --from {source.as_posix()}" if source else "")
    if source is None:
        settings = "thay mọi chữ giữ chỗ trong ngoặc đơn, ví dụ \"(Địa danh)\""
    else:
        carried = ("cây tiêu chí (mã số, nội dung, điểm chuẩn)" if kind == REPORT
                   else "danh sách đơn vị (khối, tên, điểm tối đa)")
        settings = (f"các mục đã chép từ `{source.as_posix()}`; kiểm tra lại năm, kỳ đánh giá trong trích yếu và tên "
                    f"bảng phụ lục. Bảng nhập liệu đã có sẵn {carried}, điểm để trống")
    lines = [
        f"# {folder.name}: {KINDS[kind].lower()}", "",
        f"Tạo bằng `{command}`.", "",
        "## Cần điền", "",
        (f"1. `{SETTINGS_FILE}` (mỗi mục có ghi chú ở dòng ngay trên): {settings}. Ghi số văn bản (`number`) và "
         "ngày ký (`date`) khi đã có."),
        f"2. `{workbook}`: điền vào trang \"{DATA_SHEETS[kind]}\" theo trang \"{GUIDE_SHEET}\" trong tệp.",
    ]
    lines += ["", "## Kiểm tra và lập văn bản", "", "```sh",
              f"python -m pipeline check {job}    # báo mọi lỗi, không ghi văn bản",
              f"python -m pipeline run {job}      # lập văn bản vào outputs/{folder.name}/", "```", ""]
    return "\n".join(lines)

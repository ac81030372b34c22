"""A campaign with a register of units: each unit's report under its own header and signer, the decision
from the appraised results, units not evaluated from the register, and every mistake said at once."""

from __future__ import annotations

from decimal import Decimal

import pytest
from docx import Document

from pipeline.base.errors import InputErrors, Reason
from pipeline.base.messages import describe
from pipeline.flow import check_job
from tests.campaign.conftest import JOB, POINTS, REGISTER, REGISTER_HEADER, XA, texts


def appendix_rows(path) -> dict[str, dict[str, str]]:
    """The appendices' rows by unit, each a {header: cell} mapping."""
    rows = {}
    for table in Document(path).tables:
        header = [c.text for c in table.rows[0].cells]
        if header[:2] != ["TT", "Đơn vị"]:
            continue
        for row in table.rows[1:]:
            cells = [c.text.replace("\u00a0", " ") for c in row.cells]
            rows[cells[1]] = dict(zip(header, cells, strict=True))
    return rows


def comma(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


@pytest.fixture
def ran(campaign, cli, tmp_path):
    out = tmp_path / "out"
    code, _, err = cli("run", campaign(), "--out", out)
    assert (code, err) == (0, "")
    return out


def test_a_so_and_a_ubnd_xa_each_report_under_their_own_header_and_signer(ran):
    so = texts(ran / "bao-cao" / "001-so-noi-vu.docx")
    assert "UBND TỈNH MINH HỌA\nSỞ NỘI VỤ" in so  # the chủ quản line above the issuing body, as registered
    assert "/BC-SNV" in so and "Minh Họa, ngày" in so
    assert "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" in so and "Nguyễn Văn An" in so
    xa = texts(ran / "bao-cao" / "003-ubnd-xa-hoa-an.docx")  # the workbook wrote "UBND XA HOA AN": the register's name
    assert "ỦY BAN NHÂN DÂN\nXÃ HÒA AN" in xa and "UBND TỈNH" not in xa  # " / " separates the lines; no chủ quản
    assert "/BC-UBND" in xa and "Hòa An, ngày" in xa  # the group's symbol, the commune as the place
    assert "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" in xa and "Lê Văn Cường" in xa  # the group's signer, the register's name
    assert "Kết quả tự chấm điểm năm 2025 của UBND xã Hòa An" in xa
    tan_phu = texts(ran / "bao-cao" / "004-ubnd-xa-tan-phu.docx")
    assert "ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ" in tan_phu and "Tân Phú, ngày" in tan_phu and "Phạm Văn Dũng" in tan_phu
    for text in (so, xa, tan_phu):
        assert "THỦ TRƯỞNG" not in text and "/BC |" not in text


def test_the_report_stays_self_assessed(ran):
    so = texts(ran / "bao-cao" / "001-so-noi-vu.docx")
    self_total = sum(Decimal(p) for p in POINTS["Sở Nội vụ"][0])
    assert f"Tổng điểm tự chấm các lĩnh vực: {self_total}/100 điểm" in so


def test_the_decision_publishes_the_appraised_totals_beside_the_self_assessed_ones(ran):
    rows = appendix_rows(ran / "quyet-dinh.docx")
    names = {"Sở Nội vụ": "Sở Nội vụ", "Sở Tư pháp": "Sở Tư pháp", "UBND XA HOA AN": "UBND xã Hòa An",
             "UBND xã Tân Phú": "UBND xã Tân Phú"}
    bonus = {"Sở Tư pháp": Decimal(2)}  # given centrally in the register
    differing = 0
    for typed, (own, appraised) in POINTS.items():
        row = rows[names[typed]]
        self_total, appraised_total = sum(map(Decimal, own)), sum(map(Decimal, appraised))
        assert row["Tổng điểm tự chấm"] == comma(self_total)
        assert row["Tổng điểm thẩm định"] == comma(appraised_total)
        score = appraised_total + bonus.get(typed, Decimal(0))  # the tree's maximum is the scale, 100
        assert row["Kết quả đánh giá"] == comma(score)
        differing += self_total != appraised_total
    assert differing == 4
    assert rows["Sở Tư pháp"]["Điểm thưởng"] == "2,00" and rows["Sở Nội vụ"]["Điểm thưởng"] == ""
    assert rows["UBND xã Hòa An"]["Xếp loại"] == "Khá" and rows["UBND xã Hòa An"]["Xếp hạng"] == "2"


def test_a_registered_unit_without_a_workbook_but_with_a_reason_is_listed_not_evaluated(ran, campaign):
    reason = REGISTER[4][-1]
    row = appendix_rows(ran / "quyet-dinh.docx")["UBND phường Bình Minh"]
    assert row["TT"] == "3" and row["Kết quả đánh giá"] == reason and row["Xếp hạng"] == reason  # merged across
    unit = next(u for u in check_job(campaign(name="again")).units if u["unit"] == "UBND phường Bình Minh")
    assert (unit["group"], unit["evaluated"], unit["reason"]) == (XA, False, reason)


def test_every_register_and_appraisal_mistake_is_said_at_once_with_file_row_and_column(campaign):
    register = [list(r) for r in REGISTER]
    register[4][-1] = None  # registered, no workbook, no reason
    points = dict(POINTS)
    points["UBND xã Mới"] = ((10, 20, 30, 40), (10, 20, 30, 40))  # a workbook of a unit not in the register
    points["Sở Nội vụ"] = ((10, 19, 28, 38), (10, 21, 27, 36))  # appraised 21 above the maximum 20 of 1.2
    points["Sở Tư pháp"] = ((9, 20, 30, 40), (9, None, 30, 38))  # 1.2 not appraised, appraisal declared done
    with pytest.raises(InputErrors) as caught:
        check_job(campaign(register, points))
    found = {p.reason: p for p in caught.value.problems}
    assert set(found) == {Reason.REGISTERED_WITHOUT_TABLE, Reason.UNREGISTERED_UNIT, Reason.ABOVE_MAXIMUM,
                          Reason.APPRAISAL_MISSING}
    missing = found[Reason.REGISTERED_WITHOUT_TABLE]
    assert (missing.file, missing.row, missing.column, missing.value) == ("danh-muc-don-vi.xlsx", 8, "Tên đơn vị",
                                                                          "UBND phường Bình Minh")
    unregistered = found[Reason.UNREGISTERED_UNIT]
    assert (unregistered.file, unregistered.sheet, unregistered.value) == ("05.xlsx", "Tự chấm", "UBND xã Mới")
    above = found[Reason.ABOVE_MAXIMUM]
    assert (above.file, above.row, above.column, above.value) == ("01.xlsx", 8, "Điểm thẩm định", "21")  # row 8: 1.2
    blank = found[Reason.APPRAISAL_MISSING]
    assert (blank.file, blank.row, blank.column) == ("02.xlsx", 8, "Điểm thẩm định")
    for problem in caught.value.problems:
        assert describe(problem).startswith("Tệp ")


def test_while_the_appraisal_is_not_done_the_reports_are_made_and_the_decision_is_not(campaign, cli, tmp_path):
    points = {unit: (own, (None,) * 4) for unit, (own, _) in POINTS.items()}
    points["Sở Nội vụ"] = (POINTS["Sở Nội vụ"][0], (10, 18, None, None))  # partly appraised: fine while not done
    job = campaign(points=points, job=JOB.replace("done = true", "done = false"))
    code, out, err = cli("run", job, "--out", tmp_path / "out")
    assert code == 0 and "chưa lập quyết định" in (out + err).lower()
    assert len(list((tmp_path / "out" / "bao-cao").glob("*.docx"))) == 4
    assert not (tmp_path / "out" / "quyet-dinh.docx").exists()


def test_the_campaigns_decision_and_reports_are_valid_ooxml(ran):
    from tests.documents.rendering.test_valid_ooxml import findings

    for path in (ran / "quyet-dinh.docx", ran / "bao-cao" / "001-so-noi-vu.docx",
                 ran / "bao-cao" / "003-ubnd-xa-hoa-an.docx"):
        assert findings(path) == [], path.name


def test_a_registered_unit_with_a_workbook_and_a_reason_is_not_evaluated_but_keeps_its_report(campaign, cli, tmp_path):
    register = [list(r) for r in REGISTER]
    register[1][-1] = "Đang bị xem xét kỷ luật"  # Sở Tư pháp has its workbook
    code, _, err = cli("run", campaign(register), "--out", tmp_path / "out")
    assert (code, err) == (0, "")
    assert (tmp_path / "out" / "bao-cao" / "002-so-tu-phap.docx").is_file()
    row = appendix_rows(tmp_path / "out" / "quyet-dinh.docx")["Sở Tư pháp"]
    assert row["TT"] == "2" and row["Kết quả đánh giá"] == "Đang bị xem xét kỷ luật"


def test_the_register_beside_job_toml_is_not_read_as_a_data_file(campaign):
    folder = campaign(job=JOB.replace('data = "don-vi"\n', ""))
    for path in (folder / "don-vi").iterdir():
        path.rename(folder / path.name)
    assert len([u for u in check_job(folder).units if u["evaluated"]]) == 4


def test_a_group_default_of_report_headers_is_refused_outside_a_campaign(example_job, cli):
    job = example_job("huong-tra-2020-xep-loai")
    settings = job / "job.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("[[groups]]\n", '[[groups]]\nsymbol = "BC-UBND"\n', 1), encoding="utf-8")
    code, _, err = cli("check", job)
    assert code == 1 and "groups[1].symbol" in err and "dot-danh-gia" in err


def test_self_and_appraised_mistakes_of_one_table_are_said_together_and_a_shared_one_once(campaign):
    points = dict(POINTS)
    points["Sở Nội vụ"] = ((10, None, 28, 38), (11, 18, 27, 36))  # self 1.2 blank; appraised 11 above 10 in 1.1
    folder = campaign(points=points)
    path = folder / "don-vi" / "01.xlsx"
    from openpyxl import load_workbook

    book = load_workbook(path)
    book.active["C6"] = 31  # field I's maximum 31, not the sum 30 of its criteria: wrong in both trees
    book.save(path)
    with pytest.raises(InputErrors) as caught:
        check_job(folder)
    found = [(p.reason, p.row, p.column) for p in caught.value.problems if p.file == "01.xlsx"]
    assert (Reason.MISSING_VALUE, 8, "Điểm tự chấm") in found
    assert (Reason.ABOVE_MAXIMUM, 7, "Điểm thẩm định") in found
    assert found.count((Reason.MAXIMUM_MISMATCH, 6, "Điểm chuẩn")) == 1


def test_survey_points_of_the_register_are_added_to_the_appraised_points_in_their_own_column(campaign, tmp_path, cli):
    header = [*REGISTER_HEADER, "Điểm điều tra xã hội học"]
    survey = {"UBND xã Hòa An": 9, "UBND xã Tân Phú": 2}  # every evaluated commune: the formula is the group's
    register = [[*row, survey.get(row[1])] for row in REGISTER]
    job = campaign(register, header=header)
    code, _, err = cli("run", job, "--out", tmp_path / "out")
    assert (code, err) == (0, "")
    rows = appendix_rows(tmp_path / "out" / "quyet-dinh.docx")
    appraised = sum(map(Decimal, POINTS["UBND XA HOA AN"][1]))
    hoa_an = rows["UBND xã Hòa An"]
    assert hoa_an["Điểm điều tra xã hội học"] == "9,00"
    assert hoa_an["Kết quả đánh giá"] == comma(appraised + 9)  # direct + survey make the scale: not rescaled
    assert rows["UBND xã Tân Phú"]["Kết quả đánh giá"] == comma(sum(map(Decimal, POINTS["UBND xã Tân Phú"][1])) + 2)
    assert "Điểm điều tra xã hội học" not in rows["Sở Nội vụ"]  # the group without survey points has no such column


def test_bonus_and_penalty_columns_appear_only_in_a_group_where_a_unit_has_one(ran):
    rows = appendix_rows(ran / "quyet-dinh.docx")
    assert {"Điểm thưởng", "Điểm trừ"} <= rows["Sở Nội vụ"].keys()  # Sở Tư pháp of the same group has a bonus
    assert not {"Điểm thưởng", "Điểm trừ"} & rows["UBND xã Hòa An"].keys()  # no commune has either

"""Each unit's thông báo kết quả thẩm định: under the council's header and signer as `[appraisal]` says, each
criterion's maximum, self-assessed and appraised points and their difference, the totals, the result and label
the decision gives; made only once the appraisal is done. Expected values are computed here from the fixture's
points (`conftest.POINTS`), not copied from a run."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from decimal import Decimal

import pytest
from docx import Document

from pipeline.base.errors import InputErrors, Reason
from pipeline.flow import check_job
from tests.campaign.conftest import EXTRAS, JOB, LEAVES, POINTS, TREE, texts

LABELS = ((90, "Rất tốt"), (80, "Tốt"), (70, "Khá"), (50, "Trung bình"), (0, "Yếu"))  # chat-luong-hoat-dong@2020
REGISTER_BONUS = {"Sở Tư pháp": Decimal(2)}  # the register gives it: the decision's, so the notice's too
COUNCIL = ("UBND TỈNH MINH HỌA\nHỘI ĐỒNG THẨM ĐỊNH", "TM. HỘI ĐỒNG\nCHỦ TỊCH", "Đỗ Minh Khoa")



def notice_rows(path) -> dict[str, dict[str, str]]:
    """The notice table's rows by code (by title when there is none), each a {header: cell} mapping."""
    for table in Document(path).tables:
        header = [c.text for c in table.rows[0].cells]
        if header[:2] == ["Mã số", "Tiêu chí"]:
            rows = [dict(zip(header, (c.text for c in row.cells), strict=True)) for row in table.rows[1:]]
            return {row["Mã số"] or row["Tiêu chí"]: row for row in rows}
    raise AssertionError(f"{path}: no notice table")


def typed(value: Decimal) -> str:
    """A number as the documents print typed points: no trailing zeros, a decimal comma."""
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


def signed(self_points: Decimal, appraised: Decimal) -> str:
    change = Decimal(appraised) - Decimal(self_points)
    return "" if not change else ("−" if change < 0 else "+") + typed(abs(change))


def expected_rows(unit: str) -> dict[str, tuple[str, str, str]]:
    """code → (self, appraised, difference) of every field and criterion of a unit of `POINTS`."""
    own, appraised = (dict(zip(LEAVES, map(Decimal, points), strict=True)) for points in POINTS[unit])
    found = {}
    for code, _, _ in TREE:
        leaves = [leaf for leaf in LEAVES if leaf == code or leaf.startswith(f"{code_number(code)}.")]
        mine, theirs = sum(own[leaf] for leaf in leaves), sum(appraised[leaf] for leaf in leaves)
        found[code] = (typed(mine), typed(theirs), signed(mine, theirs))
    return found


def code_number(code: str) -> str:
    return {"I": "1", "II": "2"}.get(code, code)


def label(score: Decimal) -> str:
    return next(name for minimum, name in LABELS if score >= minimum)


@pytest.fixture
def ran(campaign, cli, tmp_path):
    out = tmp_path / "out"
    code, _, err = cli("run", campaign(), "--out", out)
    assert (code, err) == (0, "")
    return out


@pytest.mark.parametrize("unit, typed_as, file", [
    ("Sở Nội vụ", "Sở Nội vụ", "001-so-noi-vu.docx"),
    ("UBND xã Hòa An", "UBND XA HOA AN", "003-ubnd-xa-hoa-an.docx"),  # typed without diacritics: the register's name
])
def test_a_so_and_a_xa_notice_carry_the_unit_in_the_title_and_the_councils_header_and_signature(ran, unit, typed_as,
                                                                                              file):
    text = texts(ran / "thong-bao" / file)
    assert "THÔNG BÁO" in text
    assert f"Kết quả thẩm định kết quả tự chấm điểm năm 2025 của {unit}" in text
    for part in COUNCIL:
        assert part in text
    assert "/TB-HĐTĐ" in text and "Minh Họa, ngày 10 tháng 12 năm 2025" in text
    assert f"- {unit};" in text and "- Lưu: VT, HĐTĐ." in text  # the unit first among the recipients
    for own in ("BC-SNV", "Nguyễn Văn An", "Lê Văn Cường", "BC-UBND"):  # not the unit's own header or signer
        assert own not in text


@pytest.mark.parametrize("unit, typed_as, file", [
    ("Sở Nội vụ", "Sở Nội vụ", "001-so-noi-vu.docx"),
    ("Sở Tư pháp", "Sở Tư pháp", "002-so-tu-phap.docx"),
    ("UBND xã Hòa An", "UBND XA HOA AN", "003-ubnd-xa-hoa-an.docx"),
])
def test_each_criterion_shows_self_appraised_and_their_signed_difference_and_the_totals_and_label(ran, unit, typed_as,
                                                                                                 file):
    rows = notice_rows(ran / "thong-bao" / file)
    for code, (own, appraised, difference) in expected_rows(typed_as).items():
        row = rows[code]
        assert (row["Điểm tự chấm"], row["Điểm thẩm định"], row["Chênh lệch"]) == (own, appraised, difference), code
        note = "Trừ điểm do chậm tiến độ" if code in LEAVES and difference else ""
        assert row["Ý kiến thẩm định"] == note, code
    own, appraised = (sum(map(Decimal, points)) for points in POINTS[typed_as])
    total = rows["TỔNG ĐIỂM"]
    assert (total["Điểm tối đa"], total["Điểm tự chấm"], total["Điểm thẩm định"], total["Chênh lệch"]) == (
        "100", typed(own), typed(appraised), signed(own, appraised))
    bonus = REGISTER_BONUS.get(unit, Decimal(0))
    score = appraised + bonus  # the tree's maximum is the scale, 100: not rescaled
    extra = f"cộng điểm thưởng {typed(bonus)}; " if bonus else ""
    result = f"{score:.2f}".replace(".", ",")
    assert (f"Tổng điểm thẩm định các lĩnh vực: {typed(appraised)}/100 điểm; {extra}kết quả: {result} điểm; "
            f"xếp loại: {label(score)}.") in texts(ran / "thong-bao" / file)


def test_the_notice_states_the_result_and_label_the_decision_gives(ran):
    from tests.campaign.test_campaign_register import appendix_rows

    decision = appendix_rows(ran / "quyet-dinh.docx")
    for file, unit in (("001-so-noi-vu.docx", "Sở Nội vụ"), ("002-so-tu-phap.docx", "Sở Tư pháp"),
                       ("003-ubnd-xa-hoa-an.docx", "UBND xã Hòa An"), ("004-ubnd-xa-tan-phu.docx", "UBND xã Tân Phú")):
        row = decision[unit]
        line = next(t for t in texts(ran / "thong-bao" / file).split("\n") if t.startswith("Tổng điểm thẩm định"))
        # "…/." ends the content
        ending = re.search(r"(kết quả: |thang điểm 100: (≈ )?)([\d,]+)( điểm)?; xếp loại: (.+)\./\.$", line)
        assert ending and (ending.group(3), ending.group(5)) == (row["Kết quả đánh giá"], row["Xếp loại"]), line
        assert line.count(row["Kết quả đánh giá"]) == 1, line  # each figure said once: not "≈ 96,88; kết quả: 96,88"


def test_bonus_and_penalty_rows_show_self_appraised_difference_and_note(campaign, cli, tmp_path):
    out = tmp_path / "out"
    code, _, err = cli("run", campaign(extras={"Sở Nội vụ": EXTRAS}), "--out", out)
    assert (code, err) == (0, "")
    rows = notice_rows(out / "thong-bao" / "001-so-noi-vu.docx")
    for title, maximum, own, appraised, note in EXTRAS:
        row = rows[title]
        assert (row["Điểm tối đa"], row["Điểm tự chấm"], row["Điểm thẩm định"], row["Chênh lệch"],
                row["Ý kiến thẩm định"]) == (str(maximum), str(own), str(appraised), signed(own, appraised), note)
    (_, _, bonus_self, bonus, _), (_, _, penalty_self, penalty, _) = EXTRAS
    own, tree = (sum(map(Decimal, points)) for points in POINTS["Sở Nội vụ"])
    total = rows["TỔNG ĐIỂM"]
    mine, theirs = own + bonus_self - penalty_self, tree + bonus - penalty
    assert (total["Điểm tự chấm"], total["Điểm thẩm định"], total["Chênh lệch"]) == (
        typed(mine), typed(theirs), signed(mine, theirs))
    score = f"{theirs:.2f}".replace(".", ",")
    assert (f"Tổng điểm thẩm định các lĩnh vực: {typed(tree)}/100 điểm; cộng điểm thưởng {bonus}; trừ điểm trừ "
            f"{penalty}; kết quả: {score} điểm; xếp loại: {label(theirs)}.") in texts(
                out / "thong-bao" / "001-so-noi-vu.docx")


def test_no_notice_is_made_while_the_appraisal_is_not_done(campaign, cli, tmp_path):
    points = {unit: (own, (None,) * 4) for unit, (own, _) in POINTS.items()}
    out = tmp_path / "out"
    code, _, _ = cli("run", campaign(points=points, job=JOB.replace("done = true", "done = false")), "--out", out)
    assert code == 0
    assert len(list((out / "bao-cao").glob("*.docx"))) == 4
    assert not (out / "thong-bao").exists()


def test_the_notices_are_listed_in_the_manifest_beside_the_reports(ran):
    listed = json.dumps(json.loads((ran / "manifest.json").read_text(encoding="utf-8")), ensure_ascii=False)
    for number, slug in enumerate(("so-noi-vu", "so-tu-phap", "ubnd-xa-hoa-an", "ubnd-xa-tan-phu"), 1):
        assert f"thong-bao/{number:03d}-{slug}.docx" in listed and f"bao-cao/{number:03d}-{slug}.docx" in listed


def test_without_notice_keys_the_council_of_the_deciding_authority_issues_it(campaign, cli, tmp_path):
    job = JOB[:JOB.index("[appraisal]")] + "[appraisal]\ndone = true\n\n" + JOB[JOB.index("[[groups]]"):]
    out = tmp_path / "out"
    code, _, err = cli("run", campaign(job=job), "--out", out)
    assert (code, err) == (0, "")
    text = texts(out / "thong-bao" / "004-ubnd-xa-tan-phu.docx")
    # chủ quản: the decision's issuing body on one line; place: the decision's
    assert "ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM\nHỘI ĐỒNG THẨM ĐỊNH" in text and "Thử Nghiệm, ngày" in text
    assert "/TB-HĐTĐ" in text and "TM. HỘI ĐỒNG\nCHỦ TỊCH" in text
    assert "Kết quả thẩm định kết quả tự chấm điểm của UBND xã Tân Phú" in text
    assert "tài liệu kiểm chứng của UBND xã Tân Phú" in text
    assert "Nơi nhận:\n- UBND xã Tân Phú;\n- Lưu: VT." in text


def test_wrong_notice_keys_are_refused_with_the_key_that_holds_them(campaign):
    job = JOB.replace('symbol = "TB-HĐTĐ"', 'symbol = 5\ntitel = "x"').replace(
        'authority = ["TM. HỘI ĐỒNG"]', 'authority = ["HỘI ĐỒNG"]')
    with pytest.raises(InputErrors) as caught:
        check_job(campaign(job=job))
    found = {(p.reason, p.detail("key")): p for p in caught.value.problems}
    assert set(found) == {(Reason.SETTING_UNKNOWN, "appraisal.titel"), (Reason.SETTING_WRONG_TYPE, "appraisal.symbol"),
                          (Reason.SIGNATURE_FORM_UNKNOWN, "appraisal.signature.authority")}
    assert found[(Reason.SETTING_UNKNOWN, "appraisal.titel")].detail("hint") == ' Có phải ý bạn là "title"?'


def test_the_notices_are_valid_ooxml(ran):
    from tests.documents.rendering.test_valid_ooxml import findings

    for file in ("001-so-noi-vu.docx", "003-ubnd-xa-hoa-an.docx"):
        assert findings(ran / "thong-bao" / file) == [], file


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_the_pdf_page_shows_the_table_the_result_and_the_signature(campaign, tmp_path):
    """Made by `run --pdf`, beside the report of the same file name (`bao-cao/001-so-noi-vu.pdf`)."""
    from pipeline.flow import run_job

    out = tmp_path / "out"
    run_job(campaign(), out, pdf=True)
    assert (out / "bao-cao" / "001-so-noi-vu.pdf").is_file()
    pdf = out / "thong-bao" / "001-so-noi-vu.pdf"
    page = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    lines = [" ".join(line.split()) for line in page.splitlines()]
    assert "THÔNG BÁO" in lines and "Ý kiến thẩm định" in page and "Chênh" in page
    for code, (own, appraised, difference) in expected_rows("Sở Nội vụ").items():
        assert any(line.startswith(f"{code} ") and f" {own} {appraised} {difference}".rstrip() in line
                   for line in lines), code
    own, appraised = (sum(map(Decimal, points)) for points in POINTS["Sở Nội vụ"])
    assert f"TỔNG ĐIỂM 100 {typed(own)} {typed(appraised)} {signed(own, appraised)}" in lines
    assert "kết quả thẩm định" in page.casefold() and "xếp loại: Rất tốt." in " ".join(lines)
    assert page.count("\f") <= 1 and "Đỗ Minh Khoa" in page  # one page, signed

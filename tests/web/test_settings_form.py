"""The settings form as a clerk meets it: sections of the kind, plain words, dates dd/mm/yyyy, signature and label
rows, the previous period picked from the jobs, the first wrong field found; a new job's years moved forward."""

from __future__ import annotations

import html
import re
import shutil
import tomllib
from datetime import date

import pytest

from pipeline.config.catalogue import SETTINGS
from pipeline.read.job_folder import read_settings
from tests.conftest import INPUTS
from tests.web.conftest import text_of
from tests.web.test_pages import _form_values, _rows

DECISION = "huong-tra-2020-xep-loai"  # date = 2020-12-24, signature authority ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
REPORT = "huong-tra-2021-tu-cham"
EXAMPLES = sorted(p.parent.name for p in INPUTS.glob("*/job.toml"))


def _visible(page: str) -> str:
    """The words a person sees: tags, scripts and attributes left out."""
    page = re.sub(r"<script.*?</script>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _options(page: str, name: str) -> list[tuple[str, str]]:
    body = re.search(rf'<select[^>]*name="{re.escape(name)}"[^>]*>(.*?)</select>', page, re.S).group(1)
    return [(html.unescape(v), text_of(w)) for v, w in re.findall(r'<option value="([^"]*)"[^>]*>(.*?)</option>', body)]


@pytest.mark.parametrize("job", EXAMPLES)
def test_no_setting_key_nor_toml_syntax_is_shown_on_the_settings_page(client, job):
    words = _visible(client.get(f"/jobs/{job}/edit").text)
    keys = {s.key for s in SETTINGS if "." in s.key} | {"groups[", "job.toml", "scheme_overrides"}
    assert [k for k in keys if k in words] == []
    for syntax in ('""', "[]", "true", "false", "{ name", "= true", "[previous]", "[summary]", "[appraisal]"):
        assert syntax not in words, syntax


def test_the_form_shows_only_what_the_kind_uses(client):
    report = client.get(f"/jobs/{REPORT}/edit").text
    decision = client.get(f"/jobs/{DECISION}/edit").text
    # a report: its unit and self rating; no groups, no decision articles, no previous period
    assert 'id="unit"' in report and 'id="document-self_rating"' in report
    assert 'id="groups-1-name"' not in report and 'id="document-article_2"' not in report
    assert 'id="previous-job"' not in report
    assert 'id="groups-1-name"' in decision and 'id="document-article_2"' in decision
    assert 'id="unit"' not in decision and 'id="document-self_rating"' not in decision
    assert 'id="document-form"' not in decision  # only the CCHC ranking has two forms
    legends = re.findall(r"<legend>(.*?)</legend>", decision)
    assert legends[:3] == ["Công việc", "Văn bản", "Người ký"] and "Kỳ trước" in legends
    assert "Kỳ trước" not in re.findall(r"<legend>(.*?)</legend>", report)


def test_a_date_is_shown_and_typed_as_day_month_year_in_a_plain_box(client, jobs):
    page = client.get(f"/jobs/{DECISION}/edit").text
    box = re.search(r'<input id="document-date"[^>]*>', page).group(0)
    assert 'type="date"' not in box and 'value="24/12/2020"' in box  # the file says 2020-12-24
    values = _form_values(page)
    values["document-date"] = "5/1/2021"
    assert client.post_form(f"/jobs/{DECISION}/edit", values).url.query == b"saved=1"
    assert read_settings(jobs / DECISION).document.date == date(2021, 1, 5)
    assert "date = 2021-01-05" in (jobs / DECISION / "job.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("typed", ["31/02/2021", "2021-01-05", "5 tháng 1"])
def test_a_date_that_is_no_day_is_refused_beside_its_field_and_nothing_is_saved(client, jobs, typed):
    before = (jobs / DECISION / "job.toml").read_bytes()
    values = _form_values(client.get(f"/jobs/{DECISION}/edit").text)
    values["document-date"] = typed
    response = client.post_form(f"/jobs/{DECISION}/edit", values)
    assert response.status_code == 422 and (jobs / DECISION / "job.toml").read_bytes() == before
    said = text_of(response.text[response.text.index('id="document-date-error"'):].split("</div>")[0])
    assert f'"{typed}" không phải ngày' in said and "ngày/tháng/năm" in said


def test_signature_lines_are_an_nd30_prefix_chosen_and_the_rest_typed(client, jobs):
    page = client.get(f"/jobs/{DECISION}/edit").text
    authorities = [v for v, _ in _options(page, "document-signature-authority--1-a")]
    assert authorities == ["", "TM.", "KT.", "Q.", "TL.", "TUQ."]
    values = _form_values(page)
    assert [(values[f"document-signature-authority--{n}-a"], values[f"document-signature-authority--{n}-b"])
            for n in (1, 2)] == [("TM.", "ỦY BAN NHÂN DÂN"), ("KT.", "CHỦ TỊCH")]
    values.update(_rows("document-signature-authority", [("Q.", "CHỦ TỊCH"), ("", "")]))
    assert client.post_form(f"/jobs/{DECISION}/edit", values).url.query == b"saved=1"
    assert read_settings(jobs / DECISION).document.signature.authority == ("Q. CHỦ TỊCH",)


def test_labels_are_rows_of_a_name_and_a_minimum(client, jobs):
    values = _form_values(client.get(f"/jobs/{DECISION}/edit").text)
    values.update(_rows("scheme_overrides-labels", [("Tốt", "80"), ("Đạt", "50,5"), ("Chưa đạt", "")]))
    assert client.post_form(f"/jobs/{DECISION}/edit", values).url.query == b"saved=1"
    from decimal import Decimal

    labels = read_settings(jobs / DECISION).scheme.labels
    assert [(label.name, label.minimum) for label in labels] == [
        ("Tốt", Decimal(80)), ("Đạt", Decimal("50.5")), ("Chưa đạt", None)]


def test_the_previous_period_is_picked_from_the_other_jobs_of_the_jobs_folder(client, jobs):
    job = "vi-du-2024-xep-loai-tinh"  # no [previous]
    page = client.get(f"/jobs/{job}/edit").text
    options = _options(page, "previous-job")
    others = sorted(p.parent.name for p in jobs.glob("*/job.toml") if p.parent.name != job)
    assert options[0][0] == "" and [w for _, w in options[1:]] == others
    values = _form_values(page)
    assert values["previous-job"] == ""
    values["previous-job"] = dict((w, v) for v, w in options)[DECISION]
    values["previous-name"] = "năm 2020"
    assert client.post_form(f"/jobs/{job}/edit", values).url.query == b"saved=1"
    settings = read_settings(jobs / job)
    assert settings.previous.job.resolve() == (jobs / DECISION).resolve() and settings.previous.name == "năm 2020"
    assert tomllib.loads((jobs / job / "job.toml").read_text(encoding="utf-8"))["previous"]["job"] == f"../{DECISION}"
    values = _form_values(client.get(f"/jobs/{job}/edit").text)
    values["previous-job"] = ""
    assert client.post_form(f"/jobs/{job}/edit", values).url.query == b"saved=1"
    assert read_settings(jobs / job).previous is None


def test_a_previous_job_outside_the_jobs_folder_stays_a_choice_and_is_kept(tmp_path):
    from pipeline.web.app import create_app
    from tests.web.conftest import Client

    campaign = "vi-du-2025-dot-danh-gia-tinh"
    shutil.copytree(INPUTS / campaign, tmp_path / "inputs" / campaign)
    shutil.copytree(INPUTS / "vi-du-2024-xep-loai-tinh", tmp_path / "elsewhere" / "ky-truoc")
    path = tmp_path / "inputs" / campaign / "job.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('job = "../vi-du-2024-xep-loai-tinh"',
                                                            'job = "../../elsewhere/ky-truoc"'), encoding="utf-8")
    before = path.read_bytes()
    with Client(create_app(tmp_path / "inputs")) as client:
        page = client.get(f"/jobs/{campaign}/edit").text
        assert ("job:../../elsewhere/ky-truoc", "Thư mục ngoài danh sách: ../../elsewhere/ky-truoc") in \
            _options(page, "previous-job")
        values = _form_values(page)
        assert values["previous-job"] == "job:../../elsewhere/ky-truoc"
        assert client.post_form(f"/jobs/{campaign}/edit", values).url.query == b"saved=1"
    assert path.read_bytes() == before


def test_a_failed_save_lists_links_marks_and_focuses_the_first_wrong_field(client, jobs):
    values = _form_values(client.get(f"/jobs/{DECISION}/edit").text)
    values["document-symbol"] = ""  # required
    values["document-date"] = "32/12/2020"
    response = client.post_form(f"/jobs/{DECISION}/edit", values)
    assert response.status_code == 422
    page = response.text
    summary = page[page.index('id="not-saved"'):page.index('<nav class="sections"')]
    links = re.findall(r'<a href="#([^"]+)">(.*?)</a>', summary)
    assert [(target, text_of(words)) for target, words in links] == [
        ("document-symbol", "Văn bản — Ký hiệu"), ("document-date", "Văn bản — Ngày ký")]
    symbol = re.search(r'<input id="document-symbol"[^>]*>', page).group(0)
    assert 'aria-invalid="true"' in symbol and "autofocus" in symbol
    assert 'aria-describedby="document-symbol-error"' in symbol and 'id="document-symbol-error"' in page
    assert "autofocus" not in re.search(r'<input id="document-date"[^>]*>', page).group(0)
    assert page.count("autofocus") == 1


def test_a_job_from_last_year_s_moves_the_years_of_its_texts_when_asked(client, jobs):
    page = client.get("/new").text
    assert "2024 → 2025" in text_of(page)  # what vi-du-2024-xep-loai-tinh's texts would become, before creating
    source = tomllib.loads((jobs / "vi-du-2024-xep-loai-tinh" / "job.toml").read_text(encoding="utf-8"))
    for name, move in (("nam-moi", "on"), ("giu-nguyen", "")):
        response = client.post_form("/new", {"name": name, "kind": "quyet-dinh-xep-loai",
                                             "source": "vi-du-2024-xep-loai-tinh", "move_years": move})
        assert response.status_code == 200
    moved = tomllib.loads((jobs / "nam-moi" / "job.toml").read_text(encoding="utf-8"))
    kept = tomllib.loads((jobs / "giu-nguyen" / "job.toml").read_text(encoding="utf-8"))
    assert kept["document"]["title"] == source["document"]["title"]
    assert moved["document"]["title"] == source["document"]["title"].replace("năm 2024", "năm 2025")
    assert ([g["title"] for g in moved["groups"]]
            == [g["title"].replace("NĂM 2024", "NĂM 2025") for g in source["groups"]])
    assert moved["document"]["bases"] == source["document"]["bases"]  # Căn cứ cite other documents: kept
    comments = [line for line in (jobs / "giu-nguyen" / "job.toml").read_text(encoding="utf-8").splitlines()
                if line.startswith("#")]
    assert [line for line in (jobs / "nam-moi" / "job.toml").read_text(encoding="utf-8").splitlines()
            if line.startswith("#")] == [c.replace("giu-nguyen", "nam-moi") for c in comments]


@pytest.mark.parametrize("text, expected", [
    ("Kết quả đánh giá năm 2024", "Kết quả đánh giá năm 2025"),
    ("KẾT QUẢ NĂM 2024 VÀ 2023", "KẾT QUẢ NĂM 2025 VÀ 2024"),
    ("Nghị định số 30/2020/NĐ-CP", "Nghị định số 30/2020/NĐ-CP"),
    ("Luật ngày 16 tháng 6 năm 2025", "Luật ngày 16 tháng 6 năm 2025"),
    ("đến ngày 15/6/2024", "đến ngày 15/6/2024"),
    ("giai đoạn 2021-2025", "giai đoạn 2021-2025"),
    ("12024 điểm", "12024 điểm"),
])
def test_only_a_year_standing_alone_moves(text, expected):
    from pipeline.web.year_move import moved

    assert moved(text) == expected

"""The settings form's `[previous]`, `[summary]` and `[checks]`; findings on the check page; strict runs."""

from __future__ import annotations

import re
import shutil
import tomllib

from openpyxl import load_workbook

from pipeline.read.job_folder import read_settings
from tests.conftest import INPUTS
from tests.web.conftest import text_of
from tests.web.test_documents import finished
from tests.web.test_pages import _form_values

CAMPAIGN = "vi-du-2025-dot-danh-gia-tinh"


def _field(html: str, key: str) -> str:
    """The text of a field's messages on the settings form."""
    part = html[html.index(f'id="{key}-error"'):]
    return text_of(part[:part.index("</div>")])


def test_the_form_holds_the_previous_period_and_summary_the_example_campaign_sets(client):
    values = _form_values(client.get(f"/jobs/{CAMPAIGN}/edit").text)
    assert values["summary"] == "on" and values["summary-charts"] == "on"
    assert values["previous-job"] == "job:../vi-du-2024-xep-loai-tinh" and values["previous-name"] == "năm 2024"
    lines = values["previous-renames"].split("\n")  # as inputs/vi-du-2025-dot-danh-gia-tinh/job.toml writes them
    assert len(lines) == 5
    assert lines[0] == "UBND phường Trường An = UBND xã Trường An"
    assert lines[-1] == ("Sở Nông nghiệp và Môi trường = Sở Nông nghiệp và Phát triển nông thôn; "
                         "Sở Tài nguyên và Môi trường")


def test_the_form_holds_the_checks_the_scoring_rule_example_sets(tmp_path):
    from pipeline.web.app import create_app
    from tests.web.conftest import Client

    shutil.copytree(INPUTS / "huong-tra-2021-cach-cham", tmp_path / "inputs" / "huong-tra-2021-cach-cham")
    with Client(create_app(tmp_path / "inputs")) as client:
        values = _form_values(client.get("/jobs/huong-tra-2021-cach-cham/edit").text)
    # [checks] decimals = 3, comments = true
    assert values["checks-decimals"] == "3" and values["checks-comments"] == "on"


def test_previous_and_summary_are_offered_only_to_kinds_that_rank(client):
    report = client.get("/jobs/huong-tra-2021-tu-cham/edit").text  # a self-assessment report ranks nothing
    assert 'id="previous-job"' not in report and 'id="summary"' not in report and 'id="checks-comments"' in report
    ranked = client.get("/jobs/huong-tra-2020-xep-loai/edit").text
    assert 'id="previous-job"' in ranked and 'id="summary"' in ranked


def test_an_edited_rename_and_summary_title_are_read_by_the_command_line_and_comments_stay(client, jobs):
    before = (jobs / CAMPAIGN / "job.toml").read_text(encoding="utf-8")
    values = _form_values(client.get(f"/jobs/{CAMPAIGN}/edit").text)
    values["previous-renames"] = values["previous-renames"].replace(
        "UBND phường Trường An = UBND xã Trường An", "UBND phường Trường An = UBND xã Trường An; UBND xã Hương Xuân")
    values["summary-title"] = "Kết quả đánh giá chất lượng hoạt động năm 2025"
    response = client.post_form(f"/jobs/{CAMPAIGN}/edit", values)
    assert response.status_code == 200 and response.url.query == b"saved=1"
    after = (jobs / CAMPAIGN / "job.toml").read_text(encoding="utf-8")
    assert [line for line in before.splitlines() if line.startswith("#")] == \
        [line for line in after.splitlines() if line.startswith("#")]
    changed = [line for line in after.splitlines() if line not in before.splitlines()]
    assert changed == ['"UBND phường Trường An" = ["UBND xã Trường An", "UBND xã Hương Xuân"]',
                       'title = "Kết quả đánh giá chất lượng hoạt động năm 2025"']
    settings = read_settings(jobs / CAMPAIGN)
    assert dict(settings.previous.renames)["UBND phường Trường An"] == ("UBND xã Trường An", "UBND xã Hương Xuân")
    assert dict(settings.previous.renames)["Sở Xây dựng"] == ("Sở Xây dựng", "Sở Giao thông vận tải")
    assert settings.summary.title == "Kết quả đánh giá chất lượng hoạt động năm 2025" and settings.summary.charts
    assert _form_values(client.get(f"/jobs/{CAMPAIGN}/edit").text)["previous-renames"].split("\n")[0] == \
        "UBND phường Trường An = UBND xã Trường An; UBND xã Hương Xuân"


def test_unticking_a_table_removes_it_and_ticking_adds_it(client, jobs):
    job = "huong-tra-2020-xep-loai"  # no [summary], no [previous]
    values = _form_values(client.get(f"/jobs/{job}/edit").text)
    values.update({"summary": "on", "summary-charts": ""})
    assert client.post_form(f"/jobs/{job}/edit", values).url.query == b"saved=1"
    assert read_settings(jobs / job).summary.charts is False
    values = _form_values(client.get(f"/jobs/{job}/edit").text)
    values["summary"] = ""
    assert client.post_form(f"/jobs/{job}/edit", values).url.query == b"saved=1"
    assert read_settings(jobs / job).summary is None
    after = (jobs / job / "job.toml").read_text(encoding="utf-8")
    # a blank line may stay
    assert after.rstrip("\n") == (INPUTS / job / "job.toml").read_text(encoding="utf-8").rstrip("\n")


def test_a_previous_job_folder_that_is_not_there_is_said_as_the_command_line_says_it(client, jobs, cli):
    before = (jobs / CAMPAIGN / "job.toml").read_bytes()
    copy = jobs / "ban-sao"  # beside it: "../khong-co" is the same folder from both
    shutil.copytree(jobs / CAMPAIGN, copy)
    path = copy / "job.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('job = "../vi-du-2024-xep-loai-tinh"',
                                                            'job = "../khong-co"'), encoding="utf-8")
    code, _, err = cli("check", copy)
    assert code != 0
    said = re.search(r"^1\. .*", err, re.M).group(0)
    values = _form_values(client.get(f"/jobs/{CAMPAIGN}/edit").text)
    values["previous-job"] = "job:../khong-co"
    response = client.post_form(f"/jobs/{CAMPAIGN}/edit", values)
    assert response.status_code == 422
    assert (jobs / CAMPAIGN / "job.toml").read_bytes() == before
    field = _field(response.text, "previous-job")
    resolved = str((jobs / "khong-co").resolve())
    assert 'mục "previous.job" ghi "../khong-co"' in said and resolved in said  # the command line names the key
    assert '"../khong-co" (tức ' + resolved + ")" in field and 'mục "previous.job"' not in field  # the desk, its field


def test_a_renames_line_without_an_equals_sign_is_refused_beside_its_field(client, jobs):
    before = (jobs / CAMPAIGN / "job.toml").read_bytes()
    values = _form_values(client.get(f"/jobs/{CAMPAIGN}/edit").text)
    values["previous-renames"] += "\nUBND xã Hương Xuân"
    response = client.post_form(f"/jobs/{CAMPAIGN}/edit", values)
    assert response.status_code == 422 and (jobs / CAMPAIGN / "job.toml").read_bytes() == before
    assert 'Dòng 6 "UBND xã Hương Xuân" thiếu dấu "="' in _field(response.text, "previous-renames")


# --- findings on typed numbers ---------------------------------------------------------------------------------------

def _findings(html: str) -> list[list[str]]:
    part = html[html.index('id="findings-table"'):]
    part = part[:part.index("</table>")]
    return [[text_of(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)] for r in
            re.findall(r"<tr>(.*?)</tr>", part, re.S)[1:]]


def test_the_check_page_lists_what_to_review_as_the_command_line_prints_it(client, jobs, cli):
    job = "huong-tra-2021-tu-cham"
    sheet = load_workbook(jobs / job / "tu-cham-6-thang-2021.xlsx")["Tự chấm điểm"]
    row = next(c.row for c in sheet["A"] if str(c.value).strip() == "1.2.1")
    page = client.get(f"/jobs/{job}/check").text
    assert "Không có lỗi" in text_of(page)
    rows = _findings(page)
    code, out, _ = cli("check", jobs / job)
    assert code == 0 and len(rows) == len(re.findall(r"^\d+\. ", out.split("Cần xem lại", 1)[1], re.M))
    first = rows[0]
    # Báo cáo 2445/BC-UBND: "hoàn thành 84 nhiệm vụ (đạt 95,6%)" of 87, while 84/87 = 96,551…% (96,55%)
    assert first[:5] == ["1", "tu-cham-6-thang-2021.xlsx", "Tự chấm điểm", str(row), "1.2.1"]
    assert "95,6%" in first[5] and first[6] == "84/87 = 96,55%"
    assert all(r[7][:1].lower() + r[7][1:] in out for r in rows)


def test_a_strict_run_with_findings_is_refused_and_writes_nothing(client, jobs):
    job = "huong-tra-2021-tu-cham"
    client.post_form(f"/jobs/{job}/documents", {"strict": "on"})
    state = finished(client, job)
    assert state["state"] == "failed"
    assert len(state["problems"]) == len(_findings(client.get(f"/jobs/{job}/check").text))
    assert any("84/87 = 96,55%" in p for p in state["problems"])
    out = jobs.parent / "outputs" / job
    assert not out.exists() or not any(out.iterdir())
    client.post_form(f"/jobs/{job}/documents")  # without: made, the findings said as warnings
    state = finished(client, job)
    assert state["state"] == "done" and any("84/87 = 96,55%" in w for w in state["warnings"])


def test_the_summary_is_listed_with_the_other_documents(client, jobs):
    job = "vi-du-2024-xep-loai-tinh"  # [summary] charts = true
    client.post_form(f"/jobs/{job}/documents")
    assert finished(client, job)["state"] == "done"
    page = client.get(f"/jobs/{job}/documents").text
    assert f"/jobs/{job}/output?path=thong-cao.docx" in page
    made = client.get(f"/jobs/{job}/output", params={"path": "thong-cao.docx"}).content
    assert made == (jobs.parent / "outputs" / job / "thong-cao.docx").read_bytes()


def test_deleting_the_last_rename_lines_and_adding_one_in_the_same_save_is_saved(client, jobs):
    values = _form_values(client.get(f"/jobs/{CAMPAIGN}/edit").text)
    lines = values["previous-renames"].split("\n")
    values["previous-renames"] = "\n".join([*lines[:-2], "UBND xã Vĩnh Thạnh = UBND xã Vĩnh Thanh cũ"])
    response = client.post_form(f"/jobs/{CAMPAIGN}/edit", values)
    assert response.status_code == 200 and response.url.query == b"saved=1"
    renames = tomllib.loads((jobs / CAMPAIGN / "job.toml").read_text(encoding="utf-8"))["previous"]["renames"]
    kept = [line.split(" = ")[0] for line in lines[:-2]]
    assert list(renames) == [*kept, "UBND xã Vĩnh Thạnh"] and renames["UBND xã Vĩnh Thạnh"] == "UBND xã Vĩnh Thanh cũ"


def test_the_check_page_says_the_previous_units_left_unmatched(client, jobs):
    settings = jobs / CAMPAIGN / "job.toml"
    renamed = '"UBND phường Trường An" = "UBND xã Trường An"\n'
    settings.write_text(settings.read_text(encoding="utf-8").replace(renamed, ""), encoding="utf-8")
    page = text_of(client.get(f"/jobs/{CAMPAIGN}/check").text)
    assert '1 đơn vị của kỳ trước (năm 2024) không ứng với đơn vị nào của kỳ này' in page
    assert '"UBND xã Trường An"' in page

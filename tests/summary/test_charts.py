"""Charts: one bar per evaluated unit, the label bounds marked, in the summary and in the results workbook,
the same bytes from the same data; none (and no matplotlib) when a job turns them off."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

from pipeline.documents.charts.chart_data import group_charts
from pipeline.flow import check_job, run_job
from tests.conftest import INPUTS
from tests.conftest import UNIT_JOB as UNIT_SETTINGS
from tests.summary.conftest import CURRENT, PREVIOUS


def _media(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name.endswith(".png")}


def test_a_ranking_chart_has_one_bar_per_evaluated_unit_and_the_label_bounds():
    with (INPUTS / PREVIOUS / "diem-tham-dinh-2024.csv").open(encoding="utf-8") as stream:
        rows = [row for row in csv.DictReader(stream, delimiter=";") if row["Tổng điểm thẩm định"]]
    charts = dict(group_charts(check_job(INPUTS / PREVIOUS)))
    for group, charts_of_group in charts.items():
        ranking = next(chart for chart in charts_of_group if chart.kind == "ranking")
        units = [row["Đơn vị"] for row in rows if row["Khối"] == group]
        assert sorted(ranking.categories) == sorted(units)
        assert [len(values) for _, values in ranking.series] == [len(units)]
        assert [(name, str(bound)) for name, bound in ranking.bounds] == [("Rất tốt", "90"), ("Tốt", "80"),
                                                                          ("Khá", "70"), ("Trung bình", "50")]
        assert list(ranking.series[0][1]) == sorted(ranking.series[0][1], reverse=True)
        counts = next(chart for chart in charts_of_group if chart.kind == "labels")
        assert sum(counts.series[0][1]) == len(units)


def test_the_campaign_has_self_against_appraised_and_this_period_against_the_last(pair):
    charts = dict(group_charts(check_job(INPUTS / CURRENT)))
    for group, charts_of_group in charts.items():
        kinds = [chart.kind for chart in charts_of_group]
        assert kinds == ["ranking", "labels", "appraised", "periods"], group
        periods = charts_of_group[-1]
        assert [legend for legend, _ in periods.series] == ["Năm 2024", "Kỳ này"]
        assert "Sở Nông nghiệp và Môi trường" not in periods.categories  # merged: nothing to compare with


def _word_charts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return [name for name in archive.namelist() if name.startswith("word/charts/chart")]


def test_every_chart_is_a_word_chart_of_the_summary_and_an_image_of_the_workbook(pair):
    for job, count in ((PREVIOUS, 4), (CURRENT, 8)):
        assert len(_word_charts(pair[job] / "thong-cao.docx")) == count and _media(pair[job] / "thong-cao.docx") == {}
        assert len(_media(pair[job] / "ket-qua.xlsx")) == count
        with zipfile.ZipFile(pair[job] / "ket-qua.xlsx") as archive:
            assert b'name="Bi\xe1\xbb\x83u \xc4\x91\xe1\xbb\x93"' in archive.read("xl/workbook.xml")  # "Biểu đồ"


def test_pictures_asked_for_are_the_images_of_the_workbook(example_job, pair, tmp_path):
    folder = example_job(PREVIOUS)
    settings = folder / "job.toml"
    settings.write_text(settings.read_text(encoding="utf-8")
                        .replace("charts = true", 'charts = true\nchart_form = "picture"'), encoding="utf-8")
    out = run_job(folder, tmp_path / "out").manifest.parent
    assert _word_charts(out / "thong-cao.docx") == []
    assert sorted(_media(out / "thong-cao.docx").values()) == sorted(_media(pair[PREVIOUS] / "ket-qua.xlsx").values())


def test_the_same_data_gives_the_same_images_and_documents(pair, tmp_path):
    again = run_job(INPUTS / PREVIOUS, tmp_path / "again").manifest.parent
    for name in ("thong-cao.docx", "ket-qua.xlsx"):
        assert _media(again / name) == _media(pair[PREVIOUS] / name)
        assert (again / name).read_bytes() == (pair[PREVIOUS] / name).read_bytes()


def test_charts_false_writes_the_summary_without_images(example_job, tmp_path):
    folder = example_job(PREVIOUS)
    settings = folder / "job.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("charts = true", "charts = false"),
                        encoding="utf-8")
    out = run_job(folder, tmp_path / "out").manifest.parent
    assert _media(out / "thong-cao.docx") == {} and _media(out / "ket-qua.xlsx") == {}
    assert "BIỂU ĐỒ" not in zipfile.ZipFile(out / "thong-cao.docx").read("word/document.xml").decode("utf-8")


def test_a_chart_of_a_large_group_shows_its_first_forty_units_and_says_so(tmp_path):
    """A group of 120 units: one bar for each of the first 40 by rank, the title naming how many of how many."""
    from tests.conftest import unit_job

    rows = [["Đơn vị", "Tổng điểm thẩm định"]] + [[f"Đơn vị {n:03d}", 100 - n / 4] for n in range(1, 121)]
    settings = UNIT_SETTINGS + "\n[summary]\ncharts = true\n"
    result = check_job(unit_job(tmp_path / "lon", {"Khối A": rows, "Khối B": rows[:3]}, settings))
    ranking = dict(group_charts(result))["Khối A"][0]
    assert ranking.categories == tuple(f"Đơn vị {n:03d}" for n in range(1, 41))
    assert ranking.title.endswith("(40 đơn vị đứng đầu trong 120)")

"""Where a chart's texts fall: a long unit name takes at most two lines and ends with "…" after a whole word,
the rows are tall enough that no two names touch, a long title is wrapped (not cut at the image's edge), and
the label bounds' texts stay inside the axes, even for a group of one unit."""

from __future__ import annotations

from itertools import pairwise

from pipeline.documents.charts.chart_data import group_charts
from pipeline.documents.charts.chart_pictures import NAME_WIDTH, chart_figure, name_label
from pipeline.flow import check_job
from tests.conftest import UNIT_JOB, unit_job

LONG = ("Trung tâm số {} Phục vụ hành chính công và Kiểm soát thủ tục hành chính thuộc Văn phòng Ủy ban nhân dân "
        "tỉnh Minh Họa kh")  # 120 characters, as a tester typed it: the last word cut


def test_a_long_name_takes_two_lines_and_ends_with_an_ellipsis_after_a_whole_word():
    name = LONG.format(40)
    assert len(name) == 120
    label = name_label(name)
    lines = label.split("\n")
    assert len(lines) == 2 and all(len(line) <= NAME_WIDTH for line in lines)
    assert label.endswith("…") and not label.endswith(" …")
    shown = " ".join(lines)[:-1].split()
    assert shown == name.split()[:len(shown)]  # the name's first words, each whole, in order


def test_a_name_that_fits_is_shown_whole():
    assert name_label("UBND xã Số 18") == "UBND xã Số 18"
    assert name_label("Sở Nông nghiệp và Phát triển nông thôn") == "Sở Nông nghiệp và Phát triển nông\nthôn"


def _ranking(tmp_path, rows):
    settings = UNIT_JOB + "\n[summary]\ncharts = true\n"
    result = check_job(unit_job(tmp_path / "job", {"Khối A": rows, "Khối B": [rows[0], rows[1]]}, settings))
    return dict(group_charts(result))


def _boxes(figure):
    renderer = figure.canvas.get_renderer()
    axes = figure.axes[0]
    names = [label.get_window_extent(renderer) for label in axes.get_yticklabels() if label.get_text()]
    bounds = [text.get_window_extent(renderer) for text in axes.texts if "≥" in text.get_text()]
    return renderer, axes, names, bounds


def test_no_two_names_of_a_long_ranking_overlap_and_its_title_is_wrapped_inside_the_image(tmp_path):
    rows = [["Đơn vị", "Tổng điểm thẩm định"]] + [
        [LONG.format(n) if n in (10, 11, 40, 50) else f"UBND xã Số {n:02d}", 99 - n / 2] for n in range(1, 61)]
    ranking = _ranking(tmp_path, rows)["Khối A"][0]
    assert ranking.title.endswith("(40 đơn vị đứng đầu trong 60)")
    figure = chart_figure(ranking)
    renderer, axes, names, _ = _boxes(figure)
    assert len(names) == 40
    ordered = sorted(names, key=lambda box: -box.y1)  # top to bottom
    for upper, lower in pairwise(ordered):  # apart by 3 pt at least, so each name reads as its own
        assert (upper.y0 - lower.y1) * 72 / figure.dpi >= 3, "two names touch"
    title = axes.get_title(loc="left")
    assert "\n" in title and " ".join(title.split()) == ranking.title
    drawn = figure.get_tightbbox(renderer)  # in inches: everything drawn, the title's end included
    assert drawn.x0 >= 0 and drawn.x1 <= figure.get_figwidth() and drawn.y0 >= 0 and drawn.y1 <= figure.get_figheight()


def test_the_bound_texts_stay_inside_the_axes_of_a_one_unit_group(tmp_path):
    rows = [["Đơn vị", "Tổng điểm thẩm định"], ["Ban Quản lý các khu công nghiệp", 88], ["Ban Hai", 70]]
    settings = UNIT_JOB + "\n[summary]\ncharts = true\n"
    result = check_job(unit_job(tmp_path / "job", {"Khối A": rows[:2], "Khối B": rows}, settings))
    ranking = dict(group_charts(result))["Khối A"][0]
    figure = chart_figure(ranking)
    renderer, axes, _, bounds = _boxes(figure)
    inside = axes.get_window_extent(renderer)
    assert "Rất tốt ≥ 90" in [text.get_text() for text in axes.texts]
    assert len(bounds) == 4 and all(inside.x0 <= box.x0 and box.x1 <= inside.x1 for box in bounds)

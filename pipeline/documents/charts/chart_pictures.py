"""Charts drawn as PNG with matplotlib (Agg, no window, no global pyplot state): the same data gives the
same bytes (fixed size and resolution, no "Software" or date in the file's metadata).

DejaVu Sans, which ships with matplotlib, has every Vietnamese letter ("Ủy ban nhân dân phường Hương Văn").
A unit's name takes at most two lines (then "…" after its last whole word), each row is as tall as its
name needs, a long title is wrapped to the image's width, and the bounds' texts are kept inside the axes
(the axis widened to the right when one would pass it), so no text overlaps another or is cut.

matplotlib is imported only when a chart is drawn, so a run without charts (`[summary] charts = false`,
or no `[summary]`) does not pay for it.
"""

from __future__ import annotations

import io
import textwrap
from decimal import Decimal
from typing import TYPE_CHECKING

from pipeline.documents.charts.chart_data import Chart

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase
    from matplotlib.figure import Figure
    from matplotlib.text import Annotation, Text
    from matplotlib.typing import RcKeyType

WIDTH_INCHES = 6.3  # 160 mm: the text width of an A4 portrait page under Nghị định 30 margins (165 mm)
DPI = 150
BAR_INCHES = 0.28  # each unit's row
PAIR_INCHES = 0.4  # each unit's row of two bars (self-assessed and appraised, previous and current)
FONT: dict[RcKeyType, str | int] = {"font.family": "DejaVu Sans", "font.size": 8, "axes.titlesize": 10,
                                    "svg.hashsalt": "pipeline"}
COLOURS = ("#1f4e79", "#c55a11")  # one series, or the first (previous, self-assessed) and second
BOUND_COLOUR = "#7f7f7f"
NAME_WIDTH = 34  # characters of a unit's name on one line of the axis
NAME_LINES = 2  # lines of a unit's name at most; a longer name ends with "…" after its last whole word
LINE_INCHES = 8 / 72 * 1.3  # one line of a name (8 pt) with its leading
ROW_GAP_INCHES = 0.08  # between the names of two rows
TITLE_LINE_INCHES = 10 / 72 * 1.3  # one more line of a wrapped title (10 pt)


def chart_png(chart: Chart) -> bytes:
    """The chart as PNG bytes."""
    import matplotlib

    with matplotlib.rc_context(FONT):
        figure = chart_figure(chart)
        stream = io.BytesIO()
        figure.savefig(stream, format="png", dpi=DPI, metadata={"Software": None})
    return stream.getvalue()


def chart_figure(chart: Chart) -> Figure:
    """The chart drawn and laid out, as a matplotlib `Figure` (a test measures where its texts fall)."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context(FONT):
        names = [name_label(name) for name in chart.categories]
        height = 2.6 if chart.in_columns else 1.2 + len(names) * row_inches(chart, names)
        figure = Figure(figsize=(WIDTH_INCHES, round(height, 2)), dpi=DPI)
        canvas = FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        marks = _columns(axes, chart) if chart.in_columns else _bars(axes, chart, names)
        title = axes.set_title(chart.title, loc="left", fontweight="bold")
        figure.tight_layout()
        renderer = canvas.get_renderer()
        lines = _wrap_title(figure, axes, title, renderer)
        if lines > 1:  # the figure grows by the title's added lines, so the bars keep their room
            figure.set_size_inches(WIDTH_INCHES, round(height + (lines - 1) * TITLE_LINE_INCHES, 2))
            figure.tight_layout()
        if marks and _keep_inside(axes, marks, renderer):
            figure.tight_layout()
    return figure


def name_label(name: str) -> str:
    """A unit's name on at most `NAME_LINES` lines of `NAME_WIDTH` characters, broken between words; a name
    longer than that ends with "…" after the last whole word that fits."""
    lines = textwrap.wrap(name, NAME_WIDTH)
    if len(lines) > NAME_LINES:
        rest = " ".join(lines[NAME_LINES - 1:])
        lines = [*lines[:NAME_LINES - 1], textwrap.shorten(rest, NAME_WIDTH, placeholder="…")]
    return "\n".join(lines)


def row_inches(chart: Chart, names: list[str]) -> float:
    """Each row's height: a bar's (or a pair's), or more when a name takes lines enough to touch its neighbour."""
    lines = max((name.count("\n") + 1 for name in names), default=1)
    return max(PAIR_INCHES if len(chart.series) > 1 else BAR_INCHES, lines * LINE_INCHES + ROW_GAP_INCHES)


def _wrap_title(figure: Figure, axes: Axes, title: Text, renderer: RendererBase) -> int:
    """Break the title between words where it would pass the figure's right edge; its number of lines."""
    room = figure.bbox.x1 - axes.get_window_extent(renderer).x0 - 4
    words = title.get_text().split()
    lines: list[str] = []
    for word in words:
        title.set_text(f"{lines[-1]} {word}" if lines else word)
        if lines and title.get_window_extent(renderer).width > room:
            lines.append(word)
        elif lines:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    title.set_text("\n".join(lines))
    return len(lines)


def _keep_inside(axes: Axes, marks: list[tuple[float, Annotation]], renderer: RendererBase) -> bool:
    """Widen the axis to the right until every bound's text ends inside the axes; whether it was widened."""
    low, high = axes.get_xlim()
    inside = axes.get_window_extent(renderer)
    widest = high
    for value, mark in marks:
        start = axes.transData.transform((value, 0))[0]
        extent = mark.get_window_extent(renderer).x1 - start + 2  # from the bound's line to the text's end
        if start + extent > inside.x1:
            widest = max(widest, low + (value - low) * inside.width / (inside.width - extent))
    if widest == high:
        return False
    axes.set_xlim(low, widest)
    return True


def _columns(axes: Axes, chart: Chart) -> list[tuple[float, Annotation]]:
    """Units per label: one column each, its count on top."""
    values = [float(v) for v in chart.series[0][1]]
    places = range(len(values))
    axes.bar(places, values, color=COLOURS[0], width=0.6)
    axes.set_xticks(list(places), list(chart.categories))
    for place, value, text in zip(places, values, chart.texts[0], strict=True):  # a text per column
        axes.annotate(text, (place, value), xytext=(0, 2), textcoords="offset points", ha="center", va="bottom")
    axes.set_ylabel(chart.axis)
    axes.set_ylim(0, max(values) * 1.2 + 0.5)
    axes.spines[["top", "right"]].set_visible(False)
    axes.yaxis.set_visible(False)
    return []


def _bars(axes: Axes, chart: Chart, names: list[str]) -> list[tuple[float, Annotation]]:
    """Horizontal bars, first unit on top; two series side by side; the label bounds as dashed lines, and the
    bounds' texts (value, text) returned to be kept inside the axes."""
    count = len(chart.series)
    thickness = 0.8 / count
    every = [float(v) for _, values in chart.series for v in values]
    bounds = [float(b) for _, b in chart.bounds]
    low, high = _range(every + bounds)
    for n, (legend, values) in enumerate(chart.series):
        places = [row + (n - (count - 1) / 2) * thickness for row in range(len(values))]
        bars = axes.barh(places, [float(v) - low for v in values], left=low, height=thickness,
                         color=COLOURS[n if count > 1 else 0], label=legend or None)
        for bar, text in zip(bars, chart.texts[n], strict=True):  # a text per bar
            axes.annotate(text, (bar.get_x() + bar.get_width(), bar.get_y() + bar.get_height() / 2), xytext=(2, 0),
                          textcoords="offset points", va="center", fontsize=7)
    marks: list[tuple[float, Annotation]] = []
    for name, bound in chart.bounds:
        value = float(bound)
        if low < value < high:
            axes.axvline(value, color=BOUND_COLOUR, linestyle="--", linewidth=0.8)
            marks.append((value, axes.annotate(
                f"{name} ≥ {_number(bound)}", (value, 1), xycoords=("data", "axes fraction"), xytext=(2, -2),
                textcoords="offset points", va="top", fontsize=6.5, color=BOUND_COLOUR)))
    axes.set_yticks(range(len(chart.categories)), names)
    axes.set_ylim(len(chart.categories) - 0.5, -0.5 - (0.6 if chart.bounds else 0))  # first on top, room for bounds
    axes.set_xlim(low, high)
    axes.set_xlabel(chart.axis)
    axes.spines[["top", "right"]].set_visible(False)
    if count > 1:
        axes.legend(loc="lower right", fontsize=7, frameon=False)
    return marks


def _range(values: list[float]) -> tuple[float, float]:
    """The axis from a round number below the lowest value to room for the texts beyond the highest."""
    lowest, highest = min(values), max(values)
    low = max(0.0, (int(lowest) // 10) * 10 - 10)
    return low, highest + (highest - low) * 0.15


def _number(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",")

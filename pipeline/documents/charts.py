"""Charts drawn as PNG with matplotlib (Agg, no window, no global pyplot state): the same data gives the
same bytes (fixed size and resolution, no "Software" or date in the file's metadata).

DejaVu Sans, which ships with matplotlib, has every Vietnamese letter ("Ủy ban nhân dân phường Hương Văn").
matplotlib is imported only when a chart is drawn, so a run without charts (`[summary] charts = false`,
or no `[summary]`) does not pay for it.
"""

from __future__ import annotations

import io
import textwrap
from decimal import Decimal

from pipeline.documents.chart_data import Chart

WIDTH_INCHES = 6.3  # 160 mm: the text width of an A4 portrait page under Nghị định 30 margins (165 mm)
DPI = 150
BAR_INCHES = 0.28  # each unit's row
PAIR_INCHES = 0.4  # each unit's row of two bars (self-assessed and appraised, previous and current)
FONT = {"font.family": "DejaVu Sans", "font.size": 8, "axes.titlesize": 10, "svg.hashsalt": "pipeline"}
COLOURS = ("#1f4e79", "#c55a11")  # one series, or the first (previous, self-assessed) and second
BOUND_COLOUR = "#7f7f7f"
NAME_WIDTH = 34  # characters of a unit's name on one line of the axis


def chart_png(chart: Chart) -> bytes:
    """The chart as PNG bytes."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context(FONT):
        rows = len(chart.categories)
        height = 1.2 + rows * (PAIR_INCHES if len(chart.series) > 1 else BAR_INCHES)
        if chart.kind == "labels":
            height = 2.6
        figure = Figure(figsize=(WIDTH_INCHES, round(height, 2)), dpi=DPI)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        if chart.kind == "labels":
            _columns(axes, chart)
        else:
            _bars(axes, chart)
        axes.set_title(chart.title, loc="left", fontweight="bold")
        figure.tight_layout()
        stream = io.BytesIO()
        figure.savefig(stream, format="png", dpi=DPI, metadata={"Software": None})
    return stream.getvalue()


def _columns(axes, chart: Chart) -> None:
    """Units per label: one column each, its count on top."""
    values = [float(v) for v in chart.series[0][1]]
    places = range(len(values))
    axes.bar(places, values, color=COLOURS[0], width=0.6)
    axes.set_xticks(list(places), list(chart.categories))
    for place, value, text in zip(places, values, chart.texts[0]):
        axes.annotate(text, (place, value), xytext=(0, 2), textcoords="offset points", ha="center", va="bottom")
    axes.set_ylabel(chart.axis)
    axes.set_ylim(0, max(values) * 1.2 + 0.5)
    axes.spines[["top", "right"]].set_visible(False)
    axes.yaxis.set_visible(False)


def _bars(axes, chart: Chart) -> None:
    """Horizontal bars, first unit on top; two series side by side; the label bounds as dashed lines."""
    count = len(chart.series)
    thickness = 0.8 / count
    every = [float(v) for _, values in chart.series for v in values]
    bounds = [float(b) for _, b in chart.bounds]
    low, high = _range(every + bounds)
    for n, (legend, values) in enumerate(chart.series):
        places = [row + (n - (count - 1) / 2) * thickness for row in range(len(values))]
        bars = axes.barh(places, [float(v) - low for v in values], left=low, height=thickness,
                         color=COLOURS[n if count > 1 else 0], label=legend or None)
        for bar, text in zip(bars, chart.texts[n]):
            axes.annotate(text, (bar.get_x() + bar.get_width(), bar.get_y() + bar.get_height() / 2), xytext=(2, 0),
                          textcoords="offset points", va="center", fontsize=7)
    for name, bound in chart.bounds:
        value = float(bound)
        if low < value < high:
            axes.axvline(value, color=BOUND_COLOUR, linestyle="--", linewidth=0.8)
            axes.annotate(f"{name} ≥ {_number(bound)}", (value, 1), xycoords=("data", "axes fraction"),
                          xytext=(2, -2), textcoords="offset points", va="top", fontsize=6.5, color=BOUND_COLOUR)
    axes.set_yticks(range(len(chart.categories)), [textwrap.fill(name, NAME_WIDTH) for name in chart.categories])
    axes.set_ylim(len(chart.categories) - 0.5, -0.5 - (0.6 if chart.bounds else 0))  # first on top, room for bounds
    axes.set_xlim(low, high)
    axes.set_xlabel(chart.axis)
    axes.spines[["top", "right"]].set_visible(False)
    if count > 1:
        axes.legend(loc="lower right", fontsize=7, frameon=False)


def _range(values: list[float]) -> tuple[float, float]:
    """The axis from a round number below the lowest value to room for the texts beyond the highest."""
    lowest, highest = min(values), max(values)
    low = max(0.0, (int(lowest) // 10) * 10 - 10)
    return low, highest + (highest - low) * 0.15


def _number(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",")

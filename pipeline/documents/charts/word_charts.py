"""Charts as Word charts (DrawingML chart parts with their embedded workbook), written by python-pptx's chart
XML and workbook writers, which Word and LibreOffice both read: staff restyle them, or edit their data, in Word.

python-pptx (MIT) writes the `c:chartSpace` (cached categories and values, `c:strCache` and `c:numCache`) and
the workbook behind it for PowerPoint; a chart part is the same in a Word document, only the drawing that
shows it and the relationships differ (`chart_parts`). Here the chart gets the document's font (Times New
Roman, `a:latin`), the values' texts as the tables print them (decimal places, Vietnamese number format), the
first unit on top, and a size that fits the text area; the workbook is written without a clock, so the same
results give the same bytes. A group longer than one chart can hold is split (`pieces`), the continued
charts titled "(tiếp theo)".
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import IO, TYPE_CHECKING, Any

from lxml import etree

from pipeline.base.messages_summary import CHARTS
from pipeline.documents.charts.chart_data import Chart

if TYPE_CHECKING:
    from pptx.chart.data import CategoryChartData
    from pptx.dml.color import RGBColor

FONT = "Times New Roman"
WIDTH_MM = 160  # within the 165 mm of text of an A4 portrait page (Nghị định 30 margins)
MOST_ROWS = 22  # bars of one unit each in one chart: 22 rows stay readable and leave room on the page
MOST_PAIRS = 16  # rows of two bars each (self-assessed and appraised, previous and current)
ROW_MM, PAIR_MM = 7.5, 10.0  # each row's height
FRAME_MM = 32.0  # the title, the value axis with its title, the margins
LEGEND_MM = 8.0
LABELS_MM = 80.0  # the chart of units per label: a few columns
COLOURS = ("1F4E79", "C55A11")  # one series, or the first (previous, self-assessed) and the second
VIETNAMESE = "[$-42A]"  # numbers shown in Vietnamese (decimal comma) whatever the reader's own settings
WORKBOOK_DATE = datetime(2000, 1, 1, tzinfo=UTC)  # the embedded workbook's date: no clock in the bytes
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def pieces(chart: Chart) -> list[Chart]:
    """The chart, or its rows split into charts of at most `MOST_ROWS` (`MOST_PAIRS`) rows each, as even as
    can be, the second and later titled "(tiếp theo)"."""
    most = MOST_PAIRS if len(chart.series) > 1 else MOST_ROWS
    count = len(chart.categories)
    if chart.in_columns or count <= most:
        return [chart]
    parts = math.ceil(count / most)
    size = math.ceil(count / parts)
    return [dataclasses.replace(
        chart, scale=_scale(chart), title=chart.title + (CHARTS.continued if start else ""),
        categories=chart.categories[start:start + size],
        series=tuple((legend, values[start:start + size]) for legend, values in chart.series),
        texts=tuple(texts[start:start + size] for texts in chart.texts)) for start in range(0, count, size)]


def height_mm(chart: Chart) -> float:
    """The chart's height on the page: its frame and a row per unit (or a few columns)."""
    if chart.in_columns:
        return LABELS_MM
    row = PAIR_MM if len(chart.series) > 1 else ROW_MM
    return FRAME_MM + (LEGEND_MM if len(chart.series) > 1 else 0) + row * len(chart.categories)


def chart_xml(chart: Chart) -> tuple[bytes, bytes]:
    """The chart part's XML (its workbook related as `rId1`) and the workbook's bytes."""
    from pptx.chart.chart import Chart as ChartObject
    from pptx.chart.xmlwriter import ChartXmlWriter
    from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
    from pptx.oxml import parse_xml
    from pptx.util import Pt

    data = _chart_data(chart)
    kind = XL_CHART_TYPE.COLUMN_CLUSTERED if chart.in_columns else XL_CHART_TYPE.BAR_CLUSTERED
    space = parse_xml(ChartXmlWriter(kind, data).xml.encode())
    shown = ChartObject(space, None)
    shown.font.name, shown.font.size = FONT, Pt(11)
    shown.has_title = True
    shown.chart_title.text_frame.text = chart.title
    title_font = shown.chart_title.text_frame.paragraphs[0].runs[0].font
    title_font.name, title_font.size, title_font.bold = FONT, Pt(12), True
    plot = shown.plots[0]
    plot.gap_width = 40 if chart.in_columns else 60
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format, labels.number_format_is_linked = data.number_format, False
    labels.show_value, labels.position = True, XL_LABEL_POSITION.OUTSIDE_END
    labels.font.name, labels.font.size = FONT, Pt(10)
    for series, colour in zip(plot.series, COLOURS, strict=False):  # one series or two, of the two colours
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = _rgb(colour)
    values = shown.value_axis
    values.has_major_gridlines = not chart.in_columns
    values.tick_labels.number_format, values.tick_labels.number_format_is_linked = VIETNAMESE + "0", False
    if chart.in_columns:
        values.visible = False
    else:
        shown.category_axis.reverse_order = True  # the first unit on top, as in the table
        shown.category_axis.tick_labels.font.size = Pt(10)
        values.minimum_scale, values.maximum_scale = chart.scale or _scale(chart)
        values.has_title = True
        values.axis_title.text_frame.text = _axis_title(chart)
        values.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(10)
    shown.has_legend = len(chart.series) > 1
    if shown.has_legend:
        shown.legend.position, shown.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False
    _finish(space)
    return etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True), data.xlsx_blob


def _chart_data(chart: Chart) -> CategoryChartData:
    from pptx.chart.data import CategoryChartData
    from pptx.chart.xlsx import CategoryWorkbookWriter

    class Writer(CategoryWorkbookWriter):
        @contextmanager
        def _open_worksheet(self, xlsx_file: IO[bytes]) -> Iterator[tuple[Any, Any]]:  # xlsxwriter: no types
            with super()._open_worksheet(xlsx_file) as (workbook, worksheet):
                workbook.set_properties({"created": WORKBOOK_DATE})
                yield workbook, worksheet

    class Data(CategoryChartData):
        @property
        def _workbook_writer(self) -> Writer:
            return Writer(self)

    places = max((len(text.split(",")[1]) if "," in text else 0 for texts in chart.texts for text in texts),
                 default=0)
    data = Data(number_format=VIETNAMESE + ("0." + "0" * places if places else "0"))
    data.categories = list(chart.categories)
    for legend, values in chart.series:
        data.add_series(legend or chart.axis, [float(v) for v in values])
    return data


def _scale(chart: Chart) -> tuple[float, float]:
    """The value axis from a round number below the lowest value (or bound), as the pictures, to a round number
    with room for the values' texts beyond the highest."""
    every = [float(v) for _, values in chart.series for v in values] + [float(b) for _, b in chart.bounds]
    return max(0.0, (int(min(every)) // 10) * 10 - 10), (math.ceil(max(every) / 10) + 1) * 10.0


def _axis_title(chart: Chart) -> str:
    bounds = "; ".join(CHARTS.bound.format(label=name, bound=format(b.normalize(), "f").replace(".", ","))
                       for name, b in chart.bounds)
    return f"{chart.axis} ({bounds})" if bounds else chart.axis


def _rgb(colour: str) -> RGBColor:
    from pptx.dml.color import RGBColor

    rgb: RGBColor = RGBColor.from_string(colour)  # python-pptx leaves `from_string` unannotated
    return rgb


def _one(parent: etree._Element, path: str) -> etree._Element:
    """The element at `path` in `parent`: one python-pptx's chart XML always has."""
    found = parent.find(path)
    assert found is not None, path
    return found


def _finish(space: etree._Element) -> None:
    """Vietnamese (the language of the chart), square corners, no frame, every text in Times New Roman
    (East Asian and complex scripts too), and the embedded workbook as `rId1`."""
    date = _one(space, f"{{{C}}}date1904")
    for name, value in (("roundedCorners", "0"), ("lang", "vi-VN")):
        element = etree.Element(f"{{{C}}}{name}", val=value)
        date.addnext(element)
    frame = etree.fromstring(f'<c:spPr xmlns:c="{C}" xmlns:a="{A}"><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>')
    _one(space, f"{{{C}}}txPr").addprevious(frame)
    for latin in space.iter(f"{{{A}}}latin"):
        properties = latin.getparent()
        assert properties is not None  # a text's properties hold its `a:latin`
        for script in ("ea", "cs"):
            if properties.find(f"{{{A}}}{script}") is None:
                other = etree.Element(f"{{{A}}}{script}", typeface=FONT)
                _one(properties, f"{{{A}}}latin").addnext(other) if script == "ea" else \
                    _one(properties, f"{{{A}}}ea").addnext(other)
    for axis in space.iter(f"{{{C}}}valAx"):  # the value axis at the bottom, under the last unit
        if _one(space, f".//{{{C}}}catAx/{{{C}}}scaling/{{{C}}}orientation").get("val") == "maxMin":
            _one(axis, f"{{{C}}}crosses").set("val", "max")
    for axis in space.iter(f"{{{C}}}catAx"):  # every unit's name, none skipped for want of room
        skip = etree.Element(f"{{{C}}}tickLblSkip", val="1")
        _one(axis, f"{{{C}}}lblOffset").addnext(skip)
    for name in ("axId", "crossAx"):  # python-pptx's ids are negative; the schema wants unsigned numbers
        for element in space.iter(f"{{{C}}}{name}"):
            element.set("val", str(abs(int(element.attrib["val"]))))
    external = etree.SubElement(space, f"{{{C}}}externalData")
    external.set(f"{{{R}}}id", "rId1")
    etree.SubElement(external, f"{{{C}}}autoUpdate", val="0")

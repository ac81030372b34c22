"""A chart placed in the summary document while docxtpl renders it: a Word chart (its chart part, its embedded
workbook, their relationships; python-docx writes the content types) or, as a setting, its picture; either
sized to the text area.

Both are docxtpl values, as its `InlineImage`: rendering `{{ chart }}` adds the parts to the document and
puts the drawing in place of the tag's run.
"""

from __future__ import annotations

import io
import struct
from html import escape

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from pipeline.documents.charts.chart_data import Chart
from pipeline.documents.charts.word_charts import WIDTH_MM, chart_xml, height_mm

TEXT_HEIGHT_MM = 200  # a chart's height at most: under the 257 mm of text, with the appendix's heading above it
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EMU_PER_MM = 36000
FIRST_ID = 1000  # the drawings' ids (`wp:docPr`), above the template's own
RUN_CLOSED = '</w:t></w:r><w:r><w:drawing>{}</w:drawing></w:r><w:r><w:t xml:space="preserve">'
INLINE = ('<wp:inline distT="0" distB="0" distL="0" distR="0" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
          '<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
          '<wp:docPr id="{id}" name="Biểu đồ {number}" descr="{title}"/><wp:cNvGraphicFramePr/>'
          '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
          '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
          '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="{rid}"/>'
          '</a:graphicData></a:graphic></wp:inline>')


class WordChart:
    """`{{ chart }}` as a Word chart: the `number`th chart of the document."""

    def __init__(self, template: DocxTemplate, chart: Chart, number: int) -> None:
        self.template, self.chart, self.number = template, chart, number

    def __html__(self) -> str:
        part = self.template.current_rendering_part
        package = part.package
        xml, workbook = chart_xml(self.chart)
        chart_part = Part(package.next_partname("/word/charts/chart%d.xml"), CHART_TYPE, xml, package)
        book = Part(package.next_partname("/word/embeddings/Microsoft_Excel_Worksheet%d.xlsx"), WORKBOOK_TYPE,
                    workbook, package)
        chart_part.relate_to(book, RT.PACKAGE)  # a new part's first relationship: "rId1", as `c:externalData` says
        rid = part.relate_to(chart_part, RT.CHART)
        height = min(height_mm(self.chart), TEXT_HEIGHT_MM)
        return RUN_CLOSED.format(INLINE.format(
            cx=WIDTH_MM * EMU_PER_MM, cy=round(height * EMU_PER_MM), id=FIRST_ID + self.number, number=self.number,
            title=escape(self.chart.title, quote=True), rid=rid))

    def __str__(self) -> str:
        return self.__html__()


def picture(template: DocxTemplate, png: bytes) -> InlineImage:
    """The chart's picture, `WIDTH_MM` wide, narrower when that would make it taller than `TEXT_HEIGHT_MM`."""
    width, height = struct.unpack(">II", png[16:24])  # the PNG's IHDR
    shown = min(WIDTH_MM, TEXT_HEIGHT_MM * width / height)
    return InlineImage(template, io.BytesIO(png), width=Mm(round(shown, 1)))

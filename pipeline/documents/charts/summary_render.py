"""The summary document (thông cáo kết quả) rendered with its charts, as plain docxtpl renders images.

Its charts are Word charts (`chart_parts.WordChart`) or, as the job asks (`[summary] chart_form = "picture"`),
pictures (`InlineImage`), both of which need a `DocxTemplate` to add their parts to: this one document is
rendered by docxtpl itself (not the prepared path of `render`), then given the same page layout
(`page_layout.laid_out`: the short rules' length, the last lines kept with the signature) and written as a zip
without a clock, so the same results give the same bytes.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docxtpl import DocxTemplate
from jinja2 import TemplateError

from pipeline.base.archive import zipped
from pipeline.documents.charts.chart_data import Chart, group_charts
from pipeline.documents.charts.chart_parts import WordChart, picture
from pipeline.documents.charts.word_charts import pieces
from pipeline.documents.layout.page_layout import laid_out
from pipeline.documents.layout.paragraph_looks import Styles
from pipeline.documents.rendering.render import (
    DOCUMENT_PART,
    core_properties,
    document_properties,
    environment,
    template_error,
)

if TYPE_CHECKING:
    from pipeline.scoring.result import JobResult


def summary_charts(result: JobResult) -> list[list[Chart]] | list[list[bytes]]:
    """Each group's charts for the summary, every unit shown, split into charts that fit a page: as charts
    (Word charts), or drawn as PNG when the job asks for pictures; [] when it asks for none."""
    own = result.settings.summary
    if own is None or not own.charts:
        return []
    shown = [[piece for chart in charts for piece in pieces(chart)] for _, charts in group_charts(result, most=None)]
    if own.chart_form != "picture":
        return shown
    from pipeline.documents.charts.chart_pictures import chart_png

    return [[chart_png(chart) for chart in charts] for charts in shown]


def render_summary(template: Path, context: dict[str, Any], charts: Sequence[Sequence[Chart | bytes]]) -> bytes:
    """The summary as .docx bytes: `charts` holds each group's charts (or PNGs), in the order of `summary_groups`."""
    document = DocxTemplate(template)
    numbers = iter(range(1, 1 + sum(len(group) for group in charts)))
    groups = [{**{f.name: getattr(group, f.name) for f in dataclasses.fields(group)},
               "charts": [picture(document, chart) if isinstance(chart, bytes) else
                          WordChart(document, chart, next(numbers)) for chart in shown]}
              # a group without charts of its own gets none: `charts` padded, then cut to the groups
              for group, shown in zip(context["summary_groups"], [*charts, *[[]] * len(context["summary_groups"])],
                                      strict=False)]
    try:
        document.render({**context, "summary_groups": groups, "charts_attached": any(shown for shown in charts)},
                        jinja_env=environment(), autoescape=True)
    except (TemplateError, ArithmeticError, TypeError, ValueError, LookupError) as exc:
        raise template_error(template, exc) from exc
    stream = io.BytesIO()
    document.save(stream)
    with zipfile.ZipFile(io.BytesIO(stream.getvalue())) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    styles = Styles(parts.get("word/styles.xml"))
    parts[DOCUMENT_PART] = laid_out(parts[DOCUMENT_PART], styles)
    if "docProps/core.xml" in parts:
        parts["docProps/core.xml"] = core_properties(parts["docProps/core.xml"], document_properties(context))
    return zipped(parts)

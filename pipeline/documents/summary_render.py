"""The summary document (thông cáo kết quả) rendered with its charts, as plain docxtpl renders images.

Its charts are docxtpl `InlineImage`s, which need a `DocxTemplate` to add their parts to: this one
document is rendered by docxtpl itself (not the prepared path of `render`), then given the same page
layout (`layout.laid_out`: the short rules' length, the last lines kept with the signature) and written as
a zip without a clock, so the same results give the same bytes.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path
from typing import Any

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import TemplateError

from pipeline.base.archive import zipped
from pipeline.documents.layout import laid_out
from pipeline.documents.paragraph_looks import Styles
from pipeline.documents.render import DOCUMENT_PART, core_properties, document_properties, template_error, environment

CHART_WIDTH_MM = 160  # the PNG's own width (`charts.WIDTH_INCHES`), within the 165 mm of text


def render_summary(template: Path, context: dict[str, Any], charts: list[list[bytes]]) -> bytes:
    """The summary as .docx bytes: `charts` holds each group's PNGs, in the order of `summary_groups`."""
    document = DocxTemplate(template)
    groups = [{**{f.name: getattr(group, f.name) for f in dataclasses.fields(group)},
               "charts": [InlineImage(document, io.BytesIO(png), width=Mm(CHART_WIDTH_MM)) for png in pngs]}
              for group, pngs in zip(context["summary_groups"], [*charts, *[[]] * len(context["summary_groups"])])]
    try:
        document.render({**context, "summary_groups": groups, "charts_attached": any(pngs for pngs in charts)},
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

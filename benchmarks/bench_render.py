"""Rendering speed: plain docxtpl against the project's prepared templates, and the floor.

Run with `make bench` (or `python benchmarks/bench_render.py`). Every figure is a median of
repeated runs in this one process, and each is also given as a ratio to plain docxtpl
measured in the same run, because shared machines are noisy: ratios travel, times do not.

(a) one report with 60 and with 1,000 criteria rows, three ways:
    plain docxtpl   `DocxTemplate(path)`, `render`, `save` for each document;
    project         `PreparedTemplate.render` (the template prepared once, outside the timing);
    floor           Jinja rendering of the prepared XML plus writing the zip, nothing else.
(b) a batch of 500 reports written to disk: plain docxtpl in a loop against the project's renderer on
    both cores (`base.workers.in_parallel`, the way a campaign's reports are made).
(c) PDF: one `soffice` start per document against one conversion call for the batch
    (with --pdf, since it takes minutes).
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.base.archive import zipped  # noqa: E402
from pipeline.base.workers import in_parallel  # noqa: E402
from pipeline.documents.content.context import document_context  # noqa: E402
from pipeline.documents.layout.page_layout import laid_out  # noqa: E402
from pipeline.documents.rendering.render import (  # noqa: E402
    DOCUMENT_PART,
    TEMPLATE_DIR,
    PreparedTemplate,
    render_document,
    render_with_docxtpl,
)
from pipeline.documents.rendering.schema_order import cell_properties_in_order  # noqa: E402
from pipeline.read.job_folder import read_job  # noqa: E402
from pipeline.scoring.evaluate import evaluate  # noqa: E402

TEMPLATE = TEMPLATE_DIR / "bao-cao-tu-cham.docx"
EXAMPLE = ROOT / "inputs" / "huong-tra-2021-tu-cham"


def report_context(rows: int) -> dict:
    """The example report's context with its criteria rows repeated up to `rows` rows."""
    settings, sheets = read_job(EXAMPLE)
    context = document_context(evaluate(settings, sheets))
    source = context["criteria"]
    context["criteria"] = [dataclasses.replace(source[i % len(source)]) for i in range(rows)]
    return context


def median_seconds(action, repeat: int) -> float:
    action()  # warm-up: imports, caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def floor(prepared: PreparedTemplate, context: dict) -> bytes:
    """Jinja rendering of the prepared body, spliced into the document part, zipped (the template's
    unchanged parts compressed once, as the project does)."""
    xml = prepared.body.render(context)
    shell = prepared.parts[DOCUMENT_PART].decode("utf-8")
    start, end = shell.index("<w:body>"), shell.index("</w:body>") + len("</w:body>")
    return zipped({**prepared.parts, DOCUMENT_PART: (shell[:start] + xml + shell[end:]).encode("utf-8")},
                  prepared.deflated)


def per_document(rows: int, repeat: int) -> list[tuple[str, float]]:
    context = report_context(rows)
    prepared = PreparedTemplate(TEMPLATE)
    same = (zipfile.ZipFile(io.BytesIO(prepared.render(context))).read(DOCUMENT_PART)
            == laid_out(cell_properties_in_order(  # docxtpl's output after the renderer's own two steps:
                zipfile.ZipFile(io.BytesIO(render_with_docxtpl(TEMPLATE, context))).read(DOCUMENT_PART)),
                prepared.styles))  # cell order, then the layout from the data (widths, rules, keep-with-next)
    if not same:
        raise SystemExit(f"word/document.xml differs from plain docxtpl at {rows} rows")
    return [
        ("plain docxtpl", median_seconds(lambda: render_with_docxtpl(TEMPLATE, context), repeat)),
        ("project", median_seconds(lambda: prepared.render(context), repeat)),
        ("floor", median_seconds(lambda: floor(prepared, context), repeat)),
    ]


def write_report(folder: Path, numbered: tuple[int, dict]) -> None:
    number, context = numbered
    (folder / f"bao-cao-{number:04d}.docx").write_bytes(render_document(TEMPLATE, context))


def batch(count: int, repeat: int) -> list[tuple[str, float]]:
    context = report_context(60)
    contexts = [dict(context, title=f"{context['title']} ({n})") for n in range(count)]

    def plain(folder: Path) -> None:
        for n, each in enumerate(contexts):
            (folder / f"bao-cao-{n:04d}.docx").write_bytes(render_with_docxtpl(TEMPLATE, each))

    def project(folder: Path) -> None:
        for _ in in_parallel(write_report, folder, enumerate(contexts), size=len(contexts)):
            pass

    results = []
    for name, action in (("plain docxtpl", plain), ("project", project)):
        def once(action=action) -> None:
            with tempfile.TemporaryDirectory() as folder:
                action(Path(folder))
        results.append((name, median_seconds(once, repeat) / count))
    return results


def pdf(count: int) -> list[tuple[str, float]]:
    from pipeline.write.pdf import PDF_FILTER, convert_to_pdf

    if not shutil.which("soffice"):
        raise SystemExit("PDF benchmark needs LibreOffice (soffice).")
    context = report_context(60)
    prepared = PreparedTemplate(TEMPLATE)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        documents = []
        for n in range(count):
            path = base / f"bao-cao-{n:02d}.docx"
            path.write_bytes(prepared.render(context))
            documents.append(path)

        def one_start_each() -> None:
            for path in documents:
                profile = Path(tempfile.mkdtemp(dir=folder))
                subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                                "--convert-to", PDF_FILTER, "--outdir", str(base / "each"), str(path)],
                               check=True, capture_output=True)

        def one_call() -> None:
            convert_to_pdf(documents, base / "batch")

        return [("one soffice start per file", median_seconds(one_start_each, 1) / count),
                ("one call for the batch", median_seconds(one_call, 1) / count)]


def table(title: str, results: list[tuple[str, float]]) -> str:
    baseline = results[0][1]
    ratio = f"× faster than {results[0][0]}"
    width = len(ratio) + 4
    lines = [f"\n{title}", f"  {'':<28}{'median':>12}{ratio:>{width}}"]
    for name, seconds in results:
        lines.append(f"  {name:<28}{seconds * 1000:>9.1f} ms{baseline / seconds:>{width}.2f}")
    if any(name == "floor" for name, _ in results):
        project = dict(results)["project"]
        lines.append(f"  project / floor: {project / dict(results)['floor']:.2f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per figure (median)")
    parser.add_argument("--batch", type=int, default=500, help="reports in the batch figure")
    parser.add_argument("--pdf", type=int, default=0, metavar="N", help="also time PDF conversion of N reports")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU, template {TEMPLATE.name}")
    print(table("(a) one report, 60 criteria rows", per_document(60, args.repeat)))
    print(table("(a) one report, 1,000 criteria rows", per_document(1000, max(args.repeat // 3, 3))))
    print(table(f"(b) batch of {args.batch} reports written to disk, per report", batch(args.batch, 3)))
    if args.pdf:
        print(table(f"(c) PDF of {args.pdf} reports, per report", pdf(args.pdf)))


if __name__ == "__main__":
    main()

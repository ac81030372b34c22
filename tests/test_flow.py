"""Batch runs end to end: the fast renderer equals docxtpl, runs are reproducible and
audited, nothing is overwritten, a killed run leaves only whole documents, memory stays
bounded for thousands of units, and `--pdf` writes an A4 PDF with embedded fonts.

The large batches are made here: the example batch job plus generated units, one CSV file
per unit laid out as staff fill them in (title, "Đơn vị:" and "Khối:" lines, then the
criteria table; rows padded to the table's width, as Excel's "CSV UTF-8" writes them).
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import __version__
from pipeline.documents.content.context import document_context, summary_context
from pipeline.documents.content.report_context import unit_report_context
from pipeline.documents.layout.page_layout import laid_out
from pipeline.documents.layout.paragraph_looks import Styles
from pipeline.documents.rendering.render import DOCUMENT_PART, TEMPLATE_DIR, PreparedTemplate, render_with_docxtpl
from pipeline.documents.rendering.schema_order import cell_properties_in_order
from pipeline.flow import Run, check_job, run_job
from pipeline.read.job_folder import read_job
from pipeline.run_parts import job_templates
from pipeline.scoring.evaluate import evaluate, unit_score
from pipeline.write.files import report_file_name
from tests.campaign.notices import NOTICE_JOB, notice_contexts
from tests.conftest import INPUTS, OLD_CAMPAIGN, ROOT, job_folder

BATCH_JOB = OLD_CAMPAIGN  # kept working: the campaign form without register or appraisal
CAMPAIGN_JOB = "vi-du-2025-dot-danh-gia-tinh"
DECISION_JOB = "huong-tra-2020-xep-loai"
SHIPPED = sorted(p.name for p in TEMPLATE_DIR.glob("*.docx"))
HEADERS = ["Mã số", "Lĩnh vực/ Tiêu chí/ Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự chấm", "Lý giải việc chấm điểm"]


def document_xml(docx_bytes: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(docx_bytes)).read(DOCUMENT_PART)


def docxtpl_document_xml(template: Path, context: dict) -> bytes:
    """Plain docxtpl's `word/document.xml`, after the two steps the renderer adds: cell properties
    in schema order (`schema_order`) and the layout from the data (`page_layout`: column widths, short
    rules, keep with the signature); everything else is compared as docxtpl writes it."""
    plain = render_with_docxtpl(template, context)
    styles = Styles(zipfile.ZipFile(io.BytesIO(plain)).read("word/styles.xml"))
    return laid_out(cell_properties_in_order(document_xml(plain)), styles)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_under(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def cli_command(*args: object) -> list[str]:
    return [sys.executable, "-m", "pipeline", *map(str, args)]


# --- 1. The prepared template writes the document plain docxtpl writes ---------------------------

@cache
def contexts_by_template() -> dict[str, list[tuple[str, dict]]]:
    """Every example job's contexts, by the template that renders them.

    The decision and each unit's report of a batch, and for the CCHC ranking both of its
    forms (the example asks for the decision; the table takes the same context); every
    ranking once more as rank only (`labels = []`: the tables without the Xếp loại column).
    """
    found: dict[str, list[tuple[str, dict]]] = {}
    for folder in sorted(p for p in INPUTS.iterdir() if (p / "job.toml").is_file()):
        job_settings, sheets = read_job(folder)
        # a job with [previous] compares with it: the decision's compared tables and the summary's changes
        result = evaluate(job_settings, sheets)
        if job_settings.previous:
            compared = check_job(folder)
            result = dataclasses.replace(result, changes=compared.changes, previous_name=compared.previous_name)
        variants = [(folder.name, result)]
        if job_settings.kind == "xep-hang-cchc":
            other = "bang" if job_settings.document.form == "quyet-dinh" else "quyet-dinh"
            document = dataclasses.replace(job_settings.document, form=other)
            other_settings = dataclasses.replace(job_settings, document=document)
            variants.append((f"{folder.name} (form = {other})", dataclasses.replace(result, settings=other_settings)))
        if job_settings.kind in ("xep-hang-cchc", "quyet-dinh-xep-loai"):
            for name, variant in list(variants):
                scheme = dataclasses.replace(variant.settings.scheme, labels=(), conditions=())
                variants.append((f"{name} (labels = [])",
                                 evaluate(dataclasses.replace(variant.settings, scheme=scheme), sheets)))
        for name, variant in variants:
            main, *others = job_templates(variant.settings).all
            found.setdefault(main.path.name, []).append((name, document_context(variant)))
            for template, kind in ((other.path, other.context) for other in others):
                if kind == "summary":  # rendered by plain docxtpl with its charts; without them, by either
                    found.setdefault(template.name, []).append((name, summary_context(variant)))
                if kind != "report":  # an appraised campaign's notices: below, from the tests' campaign
                    continue
                for n, report in enumerate(variant.reports, 1):
                    context = unit_report_context(variant.settings, report, unit_score(variant.settings, report))
                    file_name = report_file_name(n, len(variant.reports), report.unit)
                    found.setdefault(template.name, []).append((f"{name}: {file_name}", context))
    notices = Path(tempfile.mkdtemp(prefix="notices-")) / "dot"  # no example of inputs/ is appraised yet
    found["thong-bao-tham-dinh.docx"] = [(f"{NOTICE_JOB}: {n}", c) for n, c in notice_contexts(notices)]
    return found


@pytest.mark.parametrize("template", SHIPPED)
def test_prepared_template_writes_what_docxtpl_writes(template):
    cases = contexts_by_template().get(template, [])
    assert cases, f"no example job renders {template}: add one, or this comparison covers nothing"
    prepared = PreparedTemplate(TEMPLATE_DIR / template)
    for name, context in cases:
        fast = document_xml(prepared.render(context))
        assert fast == docxtpl_document_xml(TEMPLATE_DIR / template, context), name


@pytest.mark.parametrize("template", SHIPPED)
def test_rendering_is_deterministic(template):
    """The first render of a prepared template checks its fast path; later ones take it."""
    name, context = contexts_by_template()[template][0]
    first = PreparedTemplate(TEMPLATE_DIR / template)
    once, twice = first.render(context), first.render(context)
    assert once == twice, name
    assert PreparedTemplate(TEMPLATE_DIR / template).render(context) == once, name
    assert zipfile.ZipFile(io.BytesIO(once)).testzip() is None


# Any text a clerk may type: XML's own characters, quotes, line breaks and tabs (docxtpl turns
# them into breaks and tab stops), Jinja-looking text, Vietnamese letters, nothing at all.
# Excluded: surrogates and the characters XML 1.0 cannot hold (controls other than \t \n \r).
XML_INVALID = [chr(c) for c in range(0x20) if c not in (0x9, 0xA, 0xD)] + ["\ufffe", "\uffff"]
PIECES = ["'", '"', "&", "<", ">", "\n", "\t", "&amp;", "&#34;", "]]>", "{{ title }}", "{_{", "%}", " ", "  ",
          "Đ", "đ", "ư", "Ư", "ơ", "ệ", "ỹ", "Nguyễn Thị Ánh", "Phòng Tài chính - Kế hoạch", "\u00a0"]
texts = st.lists(
    st.one_of(st.sampled_from(PIECES),
              st.text(st.characters(exclude_categories=("Cs",), exclude_characters=XML_INVALID), max_size=6)),
    max_size=8,
).map("".join)


@pytest.fixture(scope="module")
def report_case():
    """A batch report's context and its template, prepared and past its first (checking) render."""
    _, context = next(c for c in contexts_by_template()["bao-cao-tu-cham.docx"] if c[0].startswith(CAMPAIGN_JOB))
    prepared = PreparedTemplate(TEMPLATE_DIR / "bao-cao-tu-cham.docx")
    prepared.render(context)
    assert prepared.splice == "verified"  # so the property below exercises the fast path
    return prepared, context


@settings(max_examples=40, deadline=None)
@given(title=texts, parent_body=texts, criterion_title=texts, rationale=texts, field_title=texts, name=texts)
def test_prepared_template_equals_docxtpl_for_any_text(report_case, title, parent_body, criterion_title,
                                                       rationale, field_title, name):
    prepared, base = report_case
    criteria = list(base["criteria"])
    field = next(i for i, row in enumerate(criteria) if row.kind == "field")
    item = next(i for i, row in enumerate(criteria) if row.kind != "field")
    criteria[field] = dataclasses.replace(criteria[field], title=field_title)
    criteria[item] = dataclasses.replace(criteria[item], title=criterion_title, rationale=rationale)
    context = {**base, "title": title, "parent_body": parent_body, "criteria": criteria,
               "signature": dataclasses.replace(base["signature"], name=name)}
    expected = docxtpl_document_xml(TEMPLATE_DIR / "bao-cao-tu-cham.docx", context)
    assert document_xml(prepared.render(context)) == expected


# --- 2, 3. Two runs give the same bytes; the manifest accounts for every file ----------------------

@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """Each job run twice: in this process, then by the command line in a new one, ≥ 2 s later."""
    root = tmp_path_factory.mktemp("twice")
    started = time.monotonic()
    runs: dict[str, Run] = {job: run_job(job_folder(job), root / "first" / job) for job in (BATCH_JOB, DECISION_JOB)}
    # Zip entries carry times in 2-second steps and openpyxl stamps the time in seconds: runs in
    # the same two seconds would hide a clock in the output.
    time.sleep(max(0.0, 2.1 - (time.monotonic() - started)))
    for job in runs:
        subprocess.run(cli_command("run", job_folder(job), "--out", root / "second" / job),
                       cwd=ROOT, check=True, capture_output=True)
    return root, runs


@pytest.mark.parametrize("job", [BATCH_JOB, DECISION_JOB])
def test_documents_are_byte_identical_across_runs(two_runs, job):
    root, _ = two_runs
    first, second = files_under(root / "first" / job), files_under(root / "second" / job)
    assert first.keys() == second.keys()
    documents = [name for name in first if name.endswith(".docx")]
    assert len(documents) == (7 if job == BATCH_JOB else 1)
    for name in documents:
        assert first[name].read_bytes() == second[name].read_bytes(), name
    hashes = [{e["path"]: e["sha256"] for e in json.loads((root / run / job / "manifest.json").read_text())["outputs"]
               if e["path"].endswith(".docx")} for run in ("first", "second")]
    assert hashes[0] == hashes[1]
    assert hashes[0] == {name: sha256(first[name]) for name in documents}


@pytest.mark.parametrize("job", [BATCH_JOB, DECISION_JOB])
def test_results_workbook_is_byte_identical_across_runs(two_runs, job):
    """The manifest says outputs are byte-identical, so a hash identifies a file: ket-qua.xlsx too."""
    root, _ = two_runs
    first, second = (root / run / job / "ket-qua.xlsx" for run in ("first", "second"))
    assert first.read_bytes() == second.read_bytes(), (
        "ket-qua.xlsx differs between two runs of the same job (openpyxl writes the current time "
        "into docProps/core.xml and into the zip entries)")


@pytest.mark.parametrize("job", [BATCH_JOB, DECISION_JOB])
def test_manifest_lists_every_input_template_and_output_with_its_hash(two_runs, job):
    root, runs = two_runs
    run, out, folder = runs[job], root / "first" / job, job_folder(job)
    manifest = json.loads(run.manifest.read_text(encoding="utf-8"))
    assert run.manifest == out / "manifest.json"

    assert manifest["tool"] == "pipeline-cham-diem" and manifest["version"] == __version__
    assert manifest["scheme"]["id"] == "chat-luong-hoat-dong" and manifest["scheme"]["version"] == "2020"
    assert manifest["scheme"]["name"]
    run_at = datetime.fromisoformat(manifest["run_at"])
    assert run_at.tzinfo is not None
    assert abs(datetime.now(UTC) - run_at) < timedelta(minutes=30)

    data = ({f"don-vi/{p.name}" for p in (folder / "don-vi").glob("*.xlsx")} if job == BATCH_JOB
            else {"diem-tham-dinh-2020.xlsx"})
    inputs = {e["path"]: e["sha256"] for e in manifest["inputs"]}
    assert len(inputs) == len(manifest["inputs"])
    assert inputs == {name: sha256(folder / name) for name in {"job.toml", *data}}

    shipped = ({"quyet-dinh-dot-danh-gia.docx", "bao-cao-tu-cham.docx"} if job == BATCH_JOB
               else {"quyet-dinh-xep-loai.docx"})
    templates = {e["path"]: e["sha256"] for e in manifest["templates"]}
    assert templates == {name: sha256(TEMPLATE_DIR / name) for name in shipped}

    outputs = {e["path"]: e["sha256"] for e in manifest["outputs"]}
    written = {p.relative_to(out).as_posix() for p in run.written}
    assert len(outputs) == len(manifest["outputs"]) == len(run.written)
    assert outputs.keys() == written == files_under(out).keys() - {"manifest.json"}
    assert outputs == {name: sha256(out / name) for name in written}


# --- 4. A second run does not overwrite ----------------------------------------------------------

def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {name: (p.stat().st_mtime_ns, p.read_bytes()) for name, p in files_under(folder).items()}


def test_second_run_refuses_to_overwrite_and_changes_nothing(cli, example_job, tmp_path):
    job, out = example_job(BATCH_JOB), tmp_path / "out"
    code, _, err = cli("run", job, "--out", out)
    assert code == 0, err
    before = snapshot(out)
    assert len(before) == 9  # ket-qua.xlsx, quyet-dinh.docx, 6 reports, manifest.json

    code, _, err = cli("run", job, "--out", out)
    assert code == 1
    assert "đã có" in err
    for name in before.keys() - {"manifest.json"}:
        assert str(out / name) in err, name
    assert snapshot(out) == before  # nothing rewritten, nothing added (not even a temporary file)

    # One file left from an earlier run is enough to refuse, and then nothing else is written.
    kept = "bao-cao/003-ubnd-phuong-huong-van.docx"
    for name, path in files_under(out).items():
        if name != kept:
            path.unlink()
    code, _, err = cli("run", job, "--out", out)
    assert code == 1 and str(out / kept) in err and "đã có" in err
    assert files_under(out).keys() == {kept}

    code, _, err = cli("run", job, "--out", out, "--force")
    assert code == 0, err
    after = snapshot(out)
    assert after.keys() == before.keys()
    for name in before:
        if name.endswith(".docx"):
            assert after[name][1] == before[name][1], name


# --- 5. A run killed midway leaves whole documents only -----------------------------------------

def big_batch(folder: Path, units: int, group: str = "UBND các xã, phường") -> Path:
    """The example batch job plus `units` generated units, one CSV file each."""
    shutil.copytree(job_folder(BATCH_JOB), folder)
    criteria = [("I", "Công tác chỉ đạo, điều hành", 30, None),
                ("1.1", "Ban hành chương trình, kế hoạch công tác năm đúng thời hạn", 10, "Đúng hạn"),
                ("1.2", "Thực hiện nhiệm vụ UBND thị xã giao", 20, "")]
    for n in range(1, units + 1):
        rows = [["BẢNG TỰ CHẤM ĐIỂM CHẤT LƯỢNG HOẠT ĐỘNG NĂM 2025"], [],
                ["Đơn vị:", f"UBND xã Thử Nghiệm {n:04d}"], ["Khối:", group], [], HEADERS]
        for code, title, maximum, note in criteria:
            points = None if note is None else (n % 11 if code == "1.1" else 20 - n % 7)
            rows.append([code, title, maximum, points, note])
        with (folder / "don-vi" / f"xa-{n:04d}.csv").open("w", encoding="utf-8", newline="") as stream:
            csv.writer(stream).writerows([[("" if c is None else c) for c in r] + [""] * (5 - len(r)) for r in rows])
    return folder


def reports_in(out: Path) -> list[Path]:
    folder = out / "bao-cao"
    return sorted(folder.glob("[!.]*.docx")) if folder.is_dir() else []


def group_alive(pgid: int) -> bool:
    """Whether a process of the group is still running (zombies waiting to be reaped do not count)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


def staged_reports(out: Path) -> int:
    """Reports a run has made so far in its staging folder beside `out`."""
    return sum(1 for folder in out.parent.glob(f".{out.name}.dang-ghi-*") for _ in folder.glob("bao-cao/*.docx"))


def test_killing_the_main_process_ends_its_workers_and_leaves_the_earlier_run_as_it_was(tmp_path):
    units = 300
    job, out = big_batch(tmp_path / "lon", units), tmp_path / "out"
    first = subprocess.run(cli_command("run", job, "--out", out), cwd=ROOT, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    before = snapshot(out)
    assert len(reports_in(out)) == units + 6

    log = (tmp_path / "run.log").open("wb")
    process = subprocess.Popen(cli_command("run", job, "--out", out, "--force"), cwd=ROOT, stdout=log, stderr=log,
                               start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while staged_reports(out) < 5 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert process.poll() is None, "the run ended before it could be interrupted"
        assert staged_reports(out) >= 5, "no reports were made within two minutes"
        os.kill(process.pid, signal.SIGKILL)  # the main process only, as a crash would
        process.wait()
        time.sleep(1)
        assert not group_alive(process.pid), "a worker outlived the main process by a second"
    finally:
        if group_alive(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
        log.close()
    assert process.returncode == -signal.SIGKILL
    assert snapshot(out) == before  # the earlier run's files, untouched; nothing added

    rerun = subprocess.run(cli_command("run", job, "--out", out, "--force"), cwd=ROOT, capture_output=True,
                           text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert not list(out.parent.glob(f".{out.name}*")), "the killed run's staging folder or lock was left behind"
    assert not [p for p in out.rglob(".*")]
    listed = {e["path"] for e in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["outputs"]}
    assert listed == files_under(out).keys() - {"manifest.json"}
    for path in reports_in(out):
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None, path


# --- 6. Memory stays bounded however many units ---------------------------------------------------

# Runs `python -m pipeline run` and reports its peak memory (RUSAGE_CHILDREN: the largest of the
# waited-for descendants, the run and the workers it joins), from a process of its own so that
# nothing else the test session started counts.
MEASURE = r"""
import json, resource, subprocess, sys
process = subprocess.run([sys.executable, "-m", "pipeline", "run", sys.argv[1], "--out", sys.argv[2]],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
print(json.dumps({"code": process.returncode, "error": process.stderr.decode("utf-8", "replace")[-2000:],
                  "peak": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def measured_run(job: Path, out: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", MEASURE, str(job), str(out)], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    result = json.loads(done.stdout)
    assert result["code"] == 0, result["error"]
    return result


def test_memory_of_two_thousand_units_stays_within_a_fifth_more_than_of_two_hundred(tmp_path):
    small = measured_run(big_batch(tmp_path / "nho", 200), tmp_path / "out-nho")
    large = measured_run(big_batch(tmp_path / "lon", 2000), tmp_path / "out-lon")
    assert len(reports_in(tmp_path / "out-nho")) == 206 and len(reports_in(tmp_path / "out-lon")) == 2006
    # Each unit's criteria and report stay in the worker that made them; the main process keeps
    # its totals only, and the decision is rendered in a process of its own. Keeping every report's
    # bytes (40 kB each) or context, or rendering the decision in the main process, would cross this.
    assert large["peak"] <= 1.2 * small["peak"], (small["peak"], large["peak"])
    print(f"peak memory: {small['peak']} KiB for 200 units, {large['peak']} KiB for 2,000")


# --- 7. PDF copies ---------------------------------------------------------------------------------

needs_soffice = pytest.mark.skipif(not shutil.which("soffice") and not os.environ.get("CI"),
                                   reason="LibreOffice is not installed (CI installs it)")


def emb_column(pdffonts_output: str) -> list[str]:
    """The "emb" column of `pdffonts`, found by the header's position over the dashed rule."""
    lines = pdffonts_output.splitlines()
    header, rule = lines[0], lines[1]
    start = header.index(" emb ") + 1
    columns = [m.span() for m in re.finditer(r"-+", rule)]
    span = next(c for c in columns if c[0] <= start < c[1])
    return [line[span[0]:span[1]].strip() for line in lines[2:] if line.strip()]


@needs_soffice
def test_pdf_beside_every_document_a4_with_embedded_fonts(tmp_path):
    out = tmp_path / "out"
    run = run_job(job_folder(BATCH_JOB), out, pdf=True)
    documents = sorted(out.rglob("*.docx"))
    assert len(documents) == 7
    written = {p.relative_to(out).as_posix() for p in run.written}
    for document in documents:
        pdf = document.with_suffix(".pdf")
        assert pdf.is_file(), pdf
        assert pdf.relative_to(out).as_posix() in written
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
        assert re.search(r"^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)$", info, re.M), info  # first page
        fonts = emb_column(subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                                          text=True).stdout)
        assert fonts and all(e == "yes" for e in fonts), (pdf.name, fonts)
    listed = {e["path"] for e in json.loads(run.manifest.read_text(encoding="utf-8"))["outputs"]}
    assert listed == written


def test_pdf_without_libreoffice_is_refused_before_anything_is_made(cli, example_job, tmp_path, monkeypatch):
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # no soffice, no libreoffice
    out = tmp_path / "out"
    code, _, err = cli("run", example_job(BATCH_JOB), "--out", out, "--pdf")
    assert code == 1
    assert "apt-get install libreoffice" in err and "Chưa ghi tệp nào" in err
    assert not out.exists() and not list(tmp_path.glob(".out*"))

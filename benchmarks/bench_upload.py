"""The data page's upload: 100 unit workbooks of a campaign sent in one request, until the check result is ready.

Run with `python benchmarks/bench_upload.py` (about a minute). A campaign of 101 units in the example's form is
generated (`bench_end_to_end.make_campaign`: one unit not evaluated, so 100 workbooks); the desk is the real app
(`pipeline.web.app.create_app`) behind Starlette's test client, in this process. One timed upload is one POST of
all 100 workbooks as one multipart request to the data page, and the page it answers: every file placed,
checked as an upload, written (the file it replaces kept in the history) and read on its own, then the whole
campaign checked once (`flow.check_job`, as the command line's `check`: reports and notices rendered in memory),
and the page rendered with what was read. The baseline, timed in the same run on the same folder, is the command
line's `python -m pipeline check <job>` in its own process (interpreter start included). Goal: the upload under
10 s on this machine. Each figure is a median; the ratio travels between machines, the seconds do not.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from starlette.testclient import TestClient  # noqa: E402

from benchmarks.bench_end_to_end import make_campaign  # noqa: E402
from pipeline.web.app import create_app  # noqa: E402

JOB = "dot-danh-gia-100"


def uploaded(client: TestClient, workbooks: list[Path]) -> float:
    """Seconds from sending every workbook in one request to the data page with the check's result."""
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', client.get("/new").text).group(1)
    files = [("file", (f"don-vi/{p.name}", p.read_bytes())) for p in workbooks]
    start = time.perf_counter()
    response = client.post(f"/jobs/{JOB}/data", data={"csrf": token, "target": ""}, files=files)
    seconds = time.perf_counter() - start
    page = response.text
    received = page.count("Đọc riêng tệp này: không có lỗi.")
    if response.status_code != 200 or received != len(workbooks) or "101 đơn vị" not in page:
        raise SystemExit(f"the upload did not end as expected: {response.status_code}, {received} files clean")
    return seconds


def command_line_check(job: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pipeline", "check", str(job)], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"check failed: {done.stdout[-2000:]}{done.stderr[-2000:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed uploads and checks (median)")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU")
    with tempfile.TemporaryDirectory() as scratch:
        jobs = Path(scratch) / "inputs"
        job = jobs / JOB
        make_campaign(job, 101)
        sent = Path(scratch) / "gui"  # the workbooks as the units send them back
        shutil.copytree(job / "don-vi", sent)
        workbooks = sorted(sent.glob("*.xlsx"))
        megabytes = sum(p.stat().st_size for p in workbooks) / 1024 / 1024
        print(f"campaign of 101 units, {len(workbooks)} workbooks ({megabytes:.1f} MB) sent in one request")
        uploads, checks = [], []
        with TestClient(create_app(jobs)) as client:
            for _ in range(args.repeat):
                checks.append(command_line_check(job))
                uploads.append(uploaded(client, workbooks))
        upload, check = statistics.median(uploads), statistics.median(checks)
        print(f"  upload of {len(workbooks)} workbooks, each read alone, then the campaign checked: {upload:6.2f} s"
              f"   (runs: {', '.join(f'{s:.2f}' for s in uploads)})")
        print(f"  command line `check` of the same campaign (own process):          {check:6.2f} s"
              f"   (runs: {', '.join(f'{s:.2f}' for s in checks)})")
        print(f"  upload / check: {upload / check:.2f}×   goal: the upload under 10 s "
              f"({'met' if upload < 10 else 'NOT met'})")


if __name__ == "__main__":
    main()

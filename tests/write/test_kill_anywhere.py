"""A run killed at any moment leaves the output folder holding one whole run, and the next run says what it found.

A campaign is run once, then rerun with `--force` and killed with SIGKILL again and again:
at moments spread over the run's measured duration (reading, scoring, rendering), and at
each point of the final step, where a child process pauses through the exchange module's
own functions (wrapped from outside, in the child only). Every rerun changes the reports
(another symbol, one unit more or less), so a folder mixing two runs could not match
either manifest. After each kill the output folder is checked before anything settles it:
every file listed in its manifest with that hash, nothing else. Then what the next run (or
`check`) does first, `staging.recover`, says what it found and leaves that run in place.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from pipeline.base.errors import Reason
from pipeline.base.messages import describe
from pipeline.write.staging import recover
from tests.conftest import ROOT
from tests.test_flow import big_batch, cli_command, files_under, group_alive

UNITS = 12
TIMED_KILLS = 44
SPARE = "xa-9999.csv"  # the unit that comes and goes between reruns

# Runs the command line in a child that pauses for ever at one point of the final step (`argv[1]`), after
# writing that point's name to `argv[2]`, so the test kills it exactly there. Nothing in the program changes:
# the exchange module's functions are wrapped from outside, in the child only.
PAUSING = r"""
import os, sys, time, types
import pipeline.write.exchange as exchange
from pipeline.cli import main

point, marker = sys.argv[1], sys.argv[2]
state = {"exchanged": False, "renames": 0}

def pause():
    with open(marker, "w") as stream:
        stream.write(point)
    time.sleep(600)

def after(function, name):
    def wrapped(*args, **kwargs):
        result = function(*args, **kwargs)
        if point == name:
            pause()
        return result
    return wrapped

exchange._flush = after(exchange._flush, "flushed")
exchange._write_synced = after(exchange._write_synced, "journal")
if point.startswith("between"):  # as where the system cannot exchange two folders in one step
    exchange._exchanged = lambda first, second: False
    rename = os.rename
    def counted(source, target):
        rename(source, target)
        state["renames"] += 1
        if (point, state["renames"]) in (("between", 1), ("between2", 2)):
            pause()
    exchange.os = types.SimpleNamespace(**{**vars(os), "rename": counted})
exchanged = exchange._exchanged
def marked(first, second):
    state["exchanged"] = True
    result = exchanged(first, second)
    if point == "exchanged":
        pause()
    return result
exchange._exchanged = marked
rmtree = exchange.shutil.rmtree
def removing(path, ignore_errors=False):
    if state["exchanged"] and point == "removing":
        files = sorted(p for p in __import__("pathlib").Path(path).rglob("*") if p.is_file())
        for file in files[: len(files) // 2]:
            file.unlink()
        pause()
    rmtree(path, ignore_errors=ignore_errors)
    if state["exchanged"] and point == "removed":
        pause()
exchange.shutil = types.SimpleNamespace(rmtree=removing)
sys.exit(main(sys.argv[3:]))
"""
WORDING = {Reason.OUTPUT_EXCHANGE_FINISHED: "bị dừng đột ngột ngay sau khi thay thư mục kết quả",
           Reason.OUTPUT_EXCHANGE_UNDONE: "bị dừng đột ngột khi sắp thay thư mục kết quả",
           Reason.OUTPUT_RUN_INTERRUPTED: "bị dừng đột ngột giữa chừng, khi chưa thay thư mục kết quả"}
FINAL_POINTS = ["flushed", "journal", "between", "between2", "exchanged", "removing", "removed"]


def generation(job: Path, number: int) -> str:
    """Job settings of rerun `number`: another symbol in every report, and the spare unit in or out; their hash."""
    settings = job / "job.toml"
    text = settings.read_text(encoding="utf-8")
    start = text.index('symbol = "BC')
    end = text.index("\n", start)
    settings.write_text(f'{text[:start]}symbol = "BC-{number}"{text[end:]}', encoding="utf-8")
    spare, parked = job / "don-vi" / SPARE, job / SPARE
    if number % 2 and parked.exists():
        parked.rename(spare)
    elif not number % 2 and spare.exists():
        spare.rename(parked)
    return hashlib.sha256(settings.read_bytes()).hexdigest()


def whole_run(out: Path) -> str:
    """The hash of the settings of the one run `out` holds, once every file is checked against its manifest."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    listed = {entry["path"]: entry["sha256"] for entry in manifest["outputs"]}
    present = files_under(out)
    written = listed.keys() | {"manifest.json"}
    assert present.keys() == written, sorted(present.keys() ^ written)
    for name, digest in listed.items():
        assert hashlib.sha256(present[name].read_bytes()).hexdigest() == digest, name
    return next(entry["sha256"] for entry in manifest["inputs"] if entry["path"] == "job.toml")


def expected_note(out: Path, attempted: str, found: str) -> Reason | None:
    """What the next run should say, from what the killed run left beside the output folder."""
    if (out.parent / f".{out.name}.doi-cho.json").exists():
        return Reason.OUTPUT_EXCHANGE_FINISHED if found == attempted else Reason.OUTPUT_EXCHANGE_UNDONE
    if list(out.parent.glob(f".{out.name}.dang-ghi-*")):
        return Reason.OUTPUT_RUN_INTERRUPTED
    return None


def _lock_free(lock: Path) -> None:
    """Waits until no process holds the output folder's lock: a worker forked in the instant of the kill
    holds it a moment longer, and a run started then would rightly refuse, naming the killed run."""
    deadline = time.monotonic() + 10
    while lock.exists() and time.monotonic() < deadline:
        with lock.open("rb") as stream:
            try:
                fcntl.flock(stream, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                time.sleep(0.01)


def killed(command: list[str], lock: Path, when: float | None = None, marker: Path | None = None) -> None:
    """Runs `command` and kills it with SIGKILL after `when` seconds, or once it has written `marker`."""
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               start_new_session=True)
    try:
        if when is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=when)
        else:
            deadline = time.monotonic() + 60
            while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.01)
            assert marker.exists(), process.stderr.read().decode("utf-8", "replace")[-2000:]
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)  # the main process, as a crash or a power cut would
        process.wait()
    finally:
        if group_alive(process.pid):  # its workers end with it; this only makes sure before settling
            os.killpg(process.pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while group_alive(process.pid) and time.monotonic() < deadline:
            time.sleep(0.01)
        process.stderr.close()
    _lock_free(lock)


def test_a_rerun_killed_at_any_moment_leaves_one_whole_run_and_the_next_run_says_what_it_found(tmp_path):
    job, out = big_batch(tmp_path / "dot", UNITS), tmp_path / "out"
    (job / "don-vi" / "xa-0001.csv").rename(job / SPARE)  # a copy of a unit, under another name, comes and goes
    (job / SPARE).write_text((job / SPARE).read_text(encoding="utf-8").replace("Thử Nghiệm 0001", "Thử Nghiệm 9999"),
                             encoding="utf-8")
    (job / "don-vi" / "xa-0001.csv").write_text((job / SPARE).read_text(encoding="utf-8")
                                                .replace("Thử Nghiệm 9999", "Thử Nghiệm 0001"), encoding="utf-8")
    run = cli_command("run", job, "--out", out, "--force")
    settings = {generation(job, 0)}
    started = time.monotonic()
    first = subprocess.run(run, cwd=ROOT, capture_output=True, text=True)
    duration = time.monotonic() - started
    assert first.returncode == 0, first.stderr
    held = whole_run(out)
    seen: dict[str, int] = {}
    schedule = [(duration * (n + 0.5) / TIMED_KILLS, None) for n in range(TIMED_KILLS)]
    schedule += [(None, point) for point in FINAL_POINTS]
    for number, (when, point) in enumerate(schedule, 1):
        attempted = generation(job, number)
        settings.add(attempted)
        marker = tmp_path / f"pause-{number}"
        command = [sys.executable, "-c", PAUSING, point, str(marker), *run[3:]] if point else run
        killed(command, out.parent / f".{out.name}.lock", when, marker)

        if point == "between":  # where folders cannot be exchanged, the output folder is away for an instant
            assert not out.exists() and (out.parent / f".{out.name}.doi-cho.json").exists()
            found = held
        else:
            found = whole_run(out)  # before anything settles it: one run, whole
        assert found in {held, attempted}, "the output folder holds a run that was neither the last nor this one"
        expected = expected_note(out, attempted, found)
        seen[expected.value if expected else "none"] = seen.get(expected.value if expected else "none", 0) + 1
        if point:  # the next run itself settles it, says what it found, and writes the next whole run
            following = subprocess.run(run, cwd=ROOT, capture_output=True, text=True)
            assert following.returncode == 0, following.stderr
            assert expected is not None and WORDING[expected] in following.stdout, (point, following.stdout[-1500:])
            found = attempted
        else:
            notes = recover(out)
            assert [note.reason for note in notes] == ([expected] if expected else [])
            assert all(WORDING[note.reason] in describe(note) and str(out) in describe(note) for note in notes)
        assert whole_run(out) == found, "settling changed the run in the output folder"
        assert not list(out.parent.glob(f".{out.name}*")), "something of the killed run was left beside it"
        held = found
    print(f"{time.monotonic() - started:.0f} s in all; run of {UNITS + 6} units: {duration:.1f} s; "
          f"kills by what was left: {seen}")
    assert seen.get(Reason.OUTPUT_RUN_INTERRUPTED.value, 0) >= 10, seen  # kills while reading and rendering
    assert seen.get(Reason.OUTPUT_EXCHANGE_FINISHED.value, 0) >= 4
    assert seen.get(Reason.OUTPUT_EXCHANGE_UNDONE.value, 0) >= 2

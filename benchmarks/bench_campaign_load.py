"""Load on loopback: 300 units of a campaign saving their self-assessment at once, for a bounded time.

Run with `python benchmarks/bench_campaign_load.py` (about 2 minutes; `--seconds 10` for a short run). A
campaign of `--units` units is generated (`make_campaign` of bench_end_to_end.py) in a temporary jobs folder, a
store beside it, one account per unit (one-time codes from the store, as `python -m pipeline accounts` writes
them); `python -m pipeline serve` is started on a free loopback port, in its own process, as a province runs it.
Every unit logs in with its code (the first login sets its password) in two browser sessions — two people of
the same unit at two computers, each session from a loopback address of its own (127.1.x.y) — and for `--seconds`
each session saves, as fast as the server answers (or at a person's pace, `--think`), points
and a justification of one of the unit's first `--criteria` criteria, with the version its page showed:
the two sessions of a unit edit the same few criteria, so edits of one criterion cross all the time.

Reported: the requests per second, the median and 95th percentile of each kind of request, the edits refused
as conflicts (the version had moved: the session is told, the edit is not written), and the lost updates.
After the run every criterion's stored value (read from the store itself) must be the one written by the last
accepted save of that criterion (the accepted save with the highest version), each accepted save must have
moved the version by exactly one (no two accepted saves on the same version), and the unit's workbook must hold
the stored points: anything else is a lost update, and the script exits 1.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote

import httpx2 as httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench_end_to_end import make_campaign

JOB = "dot-danh-gia-tai"
PASSWORD_OF = "Mat-khau-{n:04d}"  # each unit's own password, set at its first login
WORKBOOK_OF: dict[str, str] = {}  # unit → its workbook in don-vi/
TIMEOUT = [120.0]  # seconds a request may take (`--timeout`)
LOGIN_TIMEOUT = 900.0  # the logins of every session at once queue for the password checks, one at a time


@dataclass
class Save:
    """One accepted save: which session, what it wrote, the version it read and the version it made."""

    session: str
    unit: str
    criterion: str
    points: Decimal
    justification: str
    read_version: int
    new_version: int


@dataclass
class Tally:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    accepted: list[Save] = field(default_factory=list)
    uncertain: list[Save] = field(default_factory=list)  # sent, no answer within the timeout
    timeouts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    conflicts: int = 0
    errors: list[str] = field(default_factory=list)

    def timed(self, kind: str, seconds: float) -> None:
        self.times[kind].append(seconds)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def machine(number: int) -> str:
    """A loopback address of its own for each session (127.1.x.y): as many computers as sessions, so the desk's
    limits on logins per computer see what a province's network would show them."""
    return f"127.1.{number // 250}.{number % 250 + 1}"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def prepare(root: Path, units: int) -> tuple[list[tuple[str, str, str]], dict[str, Decimal]]:
    """The campaign, its store and one account per evaluated unit: (unit, login, one-time code), and the
    criteria's maxima by code."""
    from pipeline.store import open_store

    jobs = root / "inputs"
    made = make_campaign(jobs / JOB, units)
    WORKBOOK_OF.update({u.name: f"{n:04d}.xlsx" for n, u in enumerate(made, 1)})  # make_campaign's names
    evaluated = [u for u in made if not u.reason]
    maxima = {code: top for code, _, top, own, _ in evaluated[0].rows if own is not None}
    store = open_store(None, jobs)
    accounts = store.create_unit_accounts(JOB, [u.name for u in evaluated])
    return [(account.unit, account.login, code) for account, code in accounts], maxima


def started(root: Path, port: int) -> subprocess.Popen:
    """`python -m pipeline serve` over the campaign, once it answers."""
    server = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", "--jobs", str(root / "inputs"),
                               "--port", str(port), "--no-browser"], cwd=root,
                              env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"the server stopped: {server.stdout.read()}") from None
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)


def error_of(html: str) -> str:
    """The error a page says (its first element of class "error")."""
    found = re.search(r'class="error[^"]*"[^>]*>(.*?)</', html, re.DOTALL)
    return found.group(1).strip() if found else ""


def versions_of(html: str) -> dict[str, int]:
    """Each criterion's version as the unit's page gives it to the form that saves it."""
    found = {}
    for form in html.split("<form ")[1:]:
        action = re.search(r'action="/jobs/[^"]+/self/([^"/#?]+)[#"]', form)
        version = re.search(r'name="version" value="(\d+)"', form.split("</form>")[0])
        if action and version:
            found[unquote(action.group(1))] = int(version.group(1))
    return found


async def first_login(client: httpx.AsyncClient, tally: Tally, login: str, code: str, password: str) -> None:
    page = await client.get("/first-login", timeout=LOGIN_TIMEOUT)
    began = time.perf_counter()
    answer = await client.post("/first-login", data={"csrf": csrf_of(page.text), "login": login, "code": code,
                                                     "new": password, "again": password},
                               timeout=LOGIN_TIMEOUT)
    tally.timed("first login", time.perf_counter() - began)
    if answer.status_code >= 400:
        raise SystemExit(f"first login of {login} refused: {answer.status_code} {error_of(answer.text)}")


async def log_in(client: httpx.AsyncClient, tally: Tally, login: str, password: str) -> None:
    page = await client.get("/login", timeout=LOGIN_TIMEOUT)
    began = time.perf_counter()
    answer = await client.post("/login", data={"csrf": csrf_of(page.text), "login": login, "password": password},
                               timeout=LOGIN_TIMEOUT)
    tally.timed("login", time.perf_counter() - began)
    if answer.status_code >= 400:
        raise SystemExit(f"login of {login} refused: {answer.status_code} {error_of(answer.text)}")


async def timed(tally: Tally, kind: str, request) -> httpx.Response | None:
    """The response, its time counted under `kind`; None (counted as a timeout) when none came in time."""
    began = time.perf_counter()
    try:
        answer = await request
    except httpx.TimeoutException:
        tally.timeouts[kind] += 1
        return None
    tally.timed(kind, time.perf_counter() - began)
    return answer


async def editing(client: httpx.AsyncClient, tally: Tally, name: str, unit: str, codes: list[str],
                  maxima: dict[str, Decimal], until: float, rng: random.Random, think: float) -> None:
    """One session saving one of `codes` after another with the version its page showed, until `until`; with
    `think` (seconds), as a person: it starts within `think`, then reads its page, saves one criterion and pauses
    `think` seconds on average, again and again."""
    count = 0
    if think:  # people do not all start at the same second
        await asyncio.sleep(max(0.0, min(rng.uniform(0, think), until - time.monotonic())))
    while time.monotonic() < until:
        page = await timed(tally, "page", client.get(f"/jobs/{JOB}/self"))
        if page is None or page.status_code != 200:
            if page is not None:
                tally.errors.append(f"{name}: page {page.status_code}")
            continue
        versions, csrf = versions_of(page.text), csrf_of(page.text)
        for code in rng.sample(codes, 1 if think else len(codes)):  # a person: one criterion, then a pause
            if time.monotonic() >= until:
                return
            count += 1
            points = (maxima[code] - Decimal(rng.randint(0, int(maxima[code] * 4))) / 4)
            text = f"Lần lưu {count} của phiên {name}"
            save = Save(name, unit, code, points, text, versions[code], versions[code] + 1)
            answer = await timed(tally, "save", client.post(f"/jobs/{JOB}/self/{code}", data={
                "csrf": csrf, "points": f"{points}".replace(".", ","), "justification": text,
                "version": str(versions[code])}))
            if answer is None:  # no answer in time: it may or may not have been written
                tally.uncertain.append(save)
                break  # read the page again
            if answer.status_code == 409:  # the version moved: said to the session, nothing written
                tally.conflicts += 1
                versions.update(versions_of(answer.text))
                continue
            if answer.status_code != 303:
                tally.errors.append(f"{name} {code}: {answer.status_code}")
                continue
            tally.accepted.append(save)
            versions[code] += 1  # an accepted save moves the version by one (the store's rule, checked after)
        if think:  # no pause past the end of the run
            await asyncio.sleep(max(0.0, min(rng.uniform(0.5, 1.5) * think, until - time.monotonic())))


async def load(base: str, accounts: list[tuple[str, str, str]], maxima: dict[str, Decimal], seconds: float,
               criteria: int, think: float, tally: Tally) -> float:
    codes = list(maxima)[:criteria]
    clients = [httpx.AsyncClient(base_url=base, timeout=TIMEOUT[0], transport=httpx.AsyncHTTPTransport(
        local_address=machine(i))) for i in range(2 * len(accounts))]
    try:
        logins = []
        for n, (_, login, code) in enumerate(accounts):
            logins.append(first_login(clients[2 * n], tally, login, code, PASSWORD_OF.format(n=n)))
        await asyncio.gather(*logins)
        await asyncio.gather(*(log_in(clients[2 * n + 1], tally, login, PASSWORD_OF.format(n=n))
                               for n, (_, login, _) in enumerate(accounts)))
        began = time.monotonic()
        until = began + seconds
        await asyncio.gather(*(editing(clients[i], tally, f"{i // 2}-{i % 2}", accounts[i // 2][0], codes, maxima,
                                       until, random.Random(i), think) for i in range(len(clients))))
        return time.monotonic() - began
    finally:
        await asyncio.gather(*(client.aclose() for client in clients))


def lost_updates(root: Path, tally: Tally) -> tuple[list[str], list[str]]:
    """Every criterion whose stored entry is not the last accepted save's, or whose version is not the number of
    accepted saves (an accepted save lost or applied twice), or where two saves were accepted over the same version;
    and, apart, every workbook whose typed points differ from the store's."""
    from pipeline.read.workbook import read_workbook
    from pipeline.scoring.unit_entries import workbook_entries
    from pipeline.store import open_store

    store = open_store(None, root / "inputs")
    lost, stale, by_criterion = [], [], defaultdict(list)
    for save in tally.accepted:
        by_criterion[save.unit, save.criterion].append(save)
    units = {unit for unit, _ in by_criterion}
    maybe = defaultdict(list)
    for save in tally.uncertain:
        maybe[save.unit, save.criterion].append(save)
    for (unit, criterion), saves in sorted(by_criterion.items()):
        read = [s.read_version for s in saves]
        if len(set(read)) != len(read):
            lost.append(f"{unit} {criterion}: two saves accepted over the same version")
        last = max(saves, key=lambda s: s.new_version)
        stored = store.entries(JOB, unit)[criterion]
        unknown = maybe[unit, criterion]  # saves whose answer never came: written or not, either is right
        candidates = [last, *(s for s in unknown if s.new_version > last.new_version)]
        if not any((stored.self_points, stored.justification) == (s.points, s.justification) for s in candidates) \
                or not len(saves) <= stored.version <= len(saves) + len(unknown):
            lost.append(f"{unit} {criterion}: stored {stored.self_points} ({stored.justification!r}, version "
                        f"{stored.version}), last accepted {last.points} ({last.justification!r}, "
                        f"{len(saves)} accepted saves, {len(unknown)} unanswered)")
    for unit in sorted(units):
        typed = workbook_entries(read_workbook(root / "inputs" / JOB / "don-vi" / WORKBOOK_OF[unit]))
        for criterion, entry in store.entries(JOB, unit).items():
            if typed.get(criterion) is None or typed[criterion].self_points != entry.self_points:
                stale.append(f"{unit} {criterion}: workbook {typed.get(criterion)}, store {entry.self_points}")
    return lost, stale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=300, help="units of the campaign (default 300)")
    parser.add_argument("--seconds", type=float, default=60, help="how long the units save (default 60)")
    parser.add_argument("--criteria", type=int, default=3, help="criteria each unit's two sessions edit (default 3)")
    parser.add_argument("--think", type=float, default=0.0,
                        help="seconds a session pauses between saves, on average, as a person would "
                             "(default 0: as fast as answered, every session at once)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds a request may take (default 120)")
    args = parser.parse_args()
    TIMEOUT[0] = args.timeout
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU")
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        accounts, maxima = prepare(root, args.units)
        port = free_port()
        server = started(root, port)
        tally = Tally()
        try:
            lasted = asyncio.run(load(f"http://127.0.0.1:{port}", accounts, maxima, args.seconds, args.criteria,
                                      args.think, tally))
        finally:
            server.terminate()
            try:
                server.wait(60)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        lost, stale = lost_updates(root, tally)
    saves = len(tally.accepted) + tally.conflicts
    print(f"{len(accounts)} units, 2 sessions each, {lasted:.0f} s, pause {args.think:g} s: {saves} saves answered "
          f"({saves / lasted:.1f}/s), {len(tally.accepted)} accepted, {tally.conflicts} refused as conflicts, "
          f"{len(tally.uncertain)} unanswered within {args.timeout:g} s")
    for kind, count in tally.timeouts.items():
        print(f"  {kind}: {count} requests without an answer within {args.timeout:g} s")
    for kind, times in tally.times.items():
        print(f"  {kind:12} {len(times):6} requests   median {statistics.median(times) * 1000:7.1f} ms   "
              f"p95 {percentile(times, 0.95) * 1000:7.1f} ms")
    for error in tally.errors[:10]:
        print("  error:", error)
    print(f"lost updates: {len(lost)}")
    for line in lost[:20]:
        print("  ", line)
    print(f"criteria whose workbook differs from the store: {len(stale)}")
    for line in stale[:20]:
        print("  ", line)
    return 1 if lost or stale or tally.errors else 0


if __name__ == "__main__":
    sys.exit(main())

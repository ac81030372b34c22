"""`python -m pipeline serve` for real: a server process on this machine, answering a browser's requests."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from tests.conftest import ROOT


def test_the_serve_command_answers_on_127_0_0_1_and_only_to_local_host_names(jobs):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with subprocess.Popen([sys.executable, "-m", "pipeline", "serve", "--jobs", str(jobs), "--port", str(port),
                           "--no-browser"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True) as server:
        try:
            _answers(server, jobs, port)
        finally:
            server.terminate()
            server.wait(10)


def _answers(server: subprocess.Popen, jobs, port: int) -> None:
    """The line the command prints, the jobs page, and a foreign Host header refused."""
    said = server.stdout.readline()
    assert f"http://127.0.0.1:{port}/" in said and str(jobs) in said
    deadline = time.monotonic() + 20
    while True:
        try:
            page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30).read().decode("utf-8")
            break
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    assert "huong-tra-2020-xep-loai" in page and "vi-du-2025-dot-danh-gia-tinh" in page
    foreign = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Host": "evil.example"})
    try:
        urllib.request.urlopen(foreign, timeout=10).close()
        raise AssertionError("a foreign Host header was answered")
    except urllib.error.HTTPError as refused:
        refused.close()
        assert refused.code == 400

"""`python -m pipeline serve` for real: a server process on this machine, answering a browser's requests."""

from __future__ import annotations

import contextlib
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

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


def _held_port() -> socket.socket:
    """A port of 127.0.0.1 that another program listens on."""
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    return holder


def test_a_busy_port_is_said_in_vietnamese_and_the_desk_opens_on_the_next_free_one(jobs):
    with _held_port() as holder:
        busy = holder.getsockname()[1]
        with subprocess.Popen([sys.executable, "-m", "pipeline", "serve", "--jobs", str(jobs), "--port", str(busy),
                               "--no-browser"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) as server:
            try:
                moved = server.stdout.readline()
                port = int(re.search(r"mở ở cổng (\d+)\.", moved).group(1))
                assert f"Cổng {busy} đang bận (có thể bàn làm việc đã mở ở http://127.0.0.1:{busy}/" in moved
                assert port > busy
                _answers(server, jobs, port)
            finally:
                server.terminate()
                server.wait(10)
            assert "address already in use" not in server.stderr.read().lower()


def test_when_every_port_tried_is_busy_the_command_says_so_and_stops(jobs, capsys, monkeypatch):
    from pipeline.cli import main
    from pipeline.web import listening, serve

    monkeypatch.setattr(listening, "TRIES", 2)
    monkeypatch.setattr(serve, "run_server", lambda *a: pytest.fail("no port is free"))
    with _held_port() as first:
        busy = first.getsockname()[1]
        with socket.socket() as second:
            with contextlib.suppress(OSError):  # already busy: all the better
                second.bind(("127.0.0.1", busy + 1))
            second.listen()
            assert main(["serve", "--jobs", str(jobs), "--port", str(busy), "--no-browser"]) == 2
    assert f"Các cổng từ {busy} đến {busy + 1} đều bận. Chọn cổng khác" in capsys.readouterr().err


def test_a_host_that_is_not_this_machines_is_said_in_vietnamese(jobs, capsys, monkeypatch):
    from pipeline.cli import main
    from pipeline.web import serve
    from pipeline.web.security import password_file, save_password

    save_password(password_file(jobs), "mat-khau-dai-du")
    monkeypatch.setattr(serve, "run_server", lambda *a: pytest.fail("the address is not this machine's"))
    assert main(["serve", "--jobs", str(jobs), "--host", "192.0.2.1", "--no-browser"]) == 2
    assert "Máy này không có địa chỉ 192.0.2.1" in capsys.readouterr().err

"""The socket the desk listens on: the port asked for, or when it is busy the next free one, said in Vietnamese."""

from __future__ import annotations

import errno
import os
import socket

from pipeline.web.words import W

TRIES = 20  # ports tried from the one asked for


class PortProblem(Exception):
    """No port could be opened; the message says why, in Vietnamese."""


def url_of(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def _bound(host: str, port: int) -> socket.socket:
    """A socket listening at `host`:`port`, as uvicorn would open it (address reuse on, so a port left in
    TIME_WAIT by the previous run is free), or OSError."""
    family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0][0]
    listening = socket.socket(family, socket.SOCK_STREAM)
    try:
        if os.name != "nt":
            listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind((host, port))
        listening.listen(2048)
    except OSError:
        listening.close()
        raise
    listening.set_inheritable(True)
    return listening


def _said(problem: OSError, host: str, port: int) -> str:
    if isinstance(problem, socket.gaierror) or problem.errno == errno.EADDRNOTAVAIL:
        return W.host_not_here.format(host=host)
    if problem.errno == errno.EACCES:
        return W.port_no_right.format(port=port)
    return W.port_refused.format(port=port, host=host, reason=problem.strerror or problem)


def open_port(host: str, port: int) -> tuple[socket.socket, str | None]:
    """A socket listening at `host`:`port` or, when that port is busy, at the next free one of `TRIES`;
    and the line that says the port changed (None when it did not). PortProblem when none opens."""
    for candidate in range(port, min(port + TRIES, 65536)):
        try:
            listening = _bound(host, candidate)
        except OSError as problem:
            if problem.errno == errno.EADDRINUSE:
                continue
            raise PortProblem(_said(problem, host, candidate)) from problem
        moved = None if candidate == port else \
            W.port_busy.format(busy=port, busy_url=url_of(host, port), port=candidate)
        return listening, moved
    raise PortProblem(W.ports_busy.format(first=port, last=min(port + TRIES, 65536) - 1))

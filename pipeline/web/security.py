"""What keeps the app safe: a password (salted scrypt hash on disk), sessions, and a CSRF token per session.

The app listens on 127.0.0.1 unless told otherwise; another address needs a password, set with
`pipeline serve --set-password` and stored in `password_file(jobs)`, the file `.pipeline-web-mat-khau.json`
beside the jobs folder (its parent folder), readable by its owner only. Sessions live in memory:
restarting the app logs everyone out. Logging in gives a new session id (the one the browser had before
is never kept), which ends after `IDLE` without a request or `LIFETIME` after logging in, whichever comes
first. Every POST carries the session's CSRF token (`csrf_token`), an HMAC of the session id with a
secret drawn at start.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path

from pipeline.base.passwords import MIN_PASSWORD, hash_password, password_matches  # noqa: F401 (the desk's names)

PASSWORD_FILE = ".pipeline-web-mat-khau.json"
SESSION_COOKIE = "phien"
CSRF_FIELD = "csrf"
IDLE = 30 * 60.0  # seconds without a request before a session ends
LIFETIME = 12 * 3600.0  # seconds after logging in before a session ends, however busy


def password_file(jobs: Path) -> Path:
    """Where the password hash of the app serving `jobs` is kept: beside the jobs folder."""
    return jobs.absolute().parent / PASSWORD_FILE


def is_local(host: str) -> bool:
    """Whether `host` is a loopback address (only this machine can reach the app)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def save_password(path: Path, password: str) -> None:
    """Writes the salted hash, readable and writable by the owner only, replacing any earlier one."""
    record = json.dumps(hash_password(password)).encode("utf-8")
    temporary = path.with_name(path.name + ".tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(handle, "wb") as stream:
        stream.write(record)
    os.replace(temporary, path)


def load_password(path: Path) -> dict[str, object] | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) and record.get("scheme") == "scrypt" else None


class Sessions:
    """Session ids (random, in a cookie), which of them have logged in and until when, their CSRF tokens."""

    def __init__(self, idle: float = IDLE, lifetime: float = LIFETIME,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._secret = secrets.token_bytes(32)
        self._idle, self._lifetime, self._clock = idle, lifetime, clock
        self._logged_in: dict[str, tuple[float, float]] = {}  # id: (logged in at, last request at)

    @staticmethod
    def new_id() -> str:
        return secrets.token_urlsafe(32)

    def csrf_token(self, session: str) -> str:
        return hmac.new(self._secret, session.encode("ascii", "replace"), hashlib.sha256).hexdigest()

    def csrf_valid(self, session: str | None, token: str | None) -> bool:
        return bool(session and token and hmac.compare_digest(self.csrf_token(session), token))

    def log_in(self, before: str | None) -> str:
        """A new logged-in session id replacing `before` (the id the browser chose or was given earlier)."""
        self.log_out(before)
        now = self._clock()
        for session in [s for s, times in self._logged_in.items() if self._ended(times, now)]:
            del self._logged_in[session]
        session = self.new_id()
        self._logged_in[session] = (now, now)
        return session

    def log_out(self, session: str | None) -> None:
        self._logged_in.pop(session or "", None)

    def known(self, session: str | None) -> bool:
        """Whether `session` logged in and was not logged out (it may have ended since)."""
        return (session or "") in self._logged_in

    def logged_in(self, session: str | None) -> bool:
        """Whether `session` is logged in now; a request of a logged-in session keeps it alive `IDLE` more."""
        times = self._logged_in.get(session or "")
        if times is None:
            return False
        now = self._clock()
        if self._ended(times, now):  # forgotten at the next login of anyone
            return False
        self._logged_in[session or ""] = (times[0], now)
        return True

    def _ended(self, times: tuple[float, float], now: float) -> bool:
        return now - times[1] >= self._idle or now - times[0] >= self._lifetime

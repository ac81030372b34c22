"""How many wrong passwords a client and an account may try: a few free, then each one doubles the wait.

Failures are counted twice, per client address (whatever account it tries) and per account (from whatever
address), so a limit is keyed by the pair (account, client): today the desk has one shared account
(`SHARED_ACCOUNT`); accounts of their own would only pass their name. The policy (`Policy`): a client
may type 5 wrong passwords in a row without waiting; after the 5th the next try waits 30 seconds, after
the 6th 1 minute, then 2, 4, 8 minutes, at most 15. An account takes 20 wrong passwords from all addresses
together (several machines guessing) before its tries wait the same way. While a wait runs every try is refused, the
right password too, without checking it. A successful login clears its client's and its account's counts; a
count left alone for an hour is forgotten. Counts live in memory: restarting the desk clears them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

SHARED_ACCOUNT = "chung"


@dataclass(frozen=True)
class Policy:
    free_per_client: int = 5
    free_per_account: int = 20
    first_wait: float = 30.0
    longest_wait: float = 15 * 60.0
    forget_after: float = 60 * 60.0

    def wait_after(self, failures: int, free: int) -> float:
        """The wait imposed by the `failures`-th wrong password when `free` of them cost nothing."""
        if failures < free:
            return 0.0
        return min(self.first_wait * 2.0 ** min(failures - free, 32), self.longest_wait)


@dataclass
class _Count:
    failures: int
    until: float  # no try before this moment
    last: float  # the last wrong password


class LoginLimits:
    """Counts wrong passwords per client and per account and says how long a new try must wait."""

    def __init__(self, policy: Policy = Policy(), clock: Callable[[], float] = time.monotonic) -> None:
        self.policy = policy
        self._clock = clock
        self._counts: dict[tuple[str, str], _Count] = {}

    def _keys(self, account: str, client: str) -> list[tuple[tuple[str, str], int]]:
        return [(("client", client), self.policy.free_per_client),
                (("account", account), self.policy.free_per_account)]

    def _current(self, key: tuple[str, str], now: float) -> _Count | None:
        count = self._counts.get(key)
        if count is not None and count.until <= now and now - count.last >= self.policy.forget_after:
            del self._counts[key]
            return None
        return count

    def wait(self, account: str, client: str) -> float:
        """Seconds before `client` may try a password for `account` (0: it may try now)."""
        now = self._clock()
        counts = [self._current(key, now) for key, _ in self._keys(account, client)]
        return max([count.until - now for count in counts if count is not None] + [0.0])

    def attempt(self, account: str, client: str) -> float:
        """The wait if this try must wait (nothing counted); else 0, and the try counts as wrong until
        `succeeded` says otherwise, so that tries checked at the same time cannot pass the limit together."""
        left = self.wait(account, client)
        if left > 0:
            return left
        now = self._clock()
        for key, free in self._keys(account, client):
            count = self._counts.setdefault(key, _Count(0, now, now))
            count.failures += 1
            count.last = now
            count.until = now + self.policy.wait_after(count.failures, free)
        if len(self._counts) > 10_000:
            self._forget_old(now)
        return 0.0

    def succeeded(self, account: str, client: str) -> None:
        for key, _ in self._keys(account, client):
            self._counts.pop(key, None)

    def _forget_old(self, now: float) -> None:
        for key in list(self._counts):
            self._current(key, now)

"""What the store refuses, each with the Vietnamese sentence that says why (`base.messages_store`)."""

from __future__ import annotations

from pipeline.base.messages_store import STORE_WORDS


class StoreError(Exception):
    """A request the store refuses; `str()` is the Vietnamese sentence for the person who made it."""

    key = "store_error"

    def __init__(self, key: str | None = None, **values: object) -> None:
        self.key = key or self.key
        self.values = values
        super().__init__(STORE_WORDS[self.key].format(**values))

    @property
    def message(self) -> str:
        return str(self)


class Conflict(StoreError):
    """Someone saved the same thing since it was read: nothing was overwritten."""

    key = "conflict"


class NotFound(StoreError):
    key = "not_found"


class Refused(StoreError):
    """The request is not allowed now (a submitted unit's entries, a used or expired code, a bad file…)."""

    key = "refused"


class DatabaseUnavailable(StoreError):
    key = "unavailable"

"""A run's peak memory kept low: large blocks handed back when freed, repeated values held once, freed room returned."""

from __future__ import annotations

import ctypes
import sys
from dataclasses import fields, is_dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from ctypes import _NamedFuncPointer

    from _typeshed import DataclassInstance

M_MMAP_THRESHOLD = -3  # glibc's <malloc.h>
LARGE_BLOCK = 128 * 1024  # glibc's own starting threshold, kept fixed

D = TypeVar("D", bound="DataclassInstance")


def return_large_blocks() -> bool:
    """Keeps glibc's threshold for giving a block its own pages at its starting 128 KiB; whether it was set.

    glibc raises that threshold to the size of each large block freed, so that later blocks of that size come
    from the heap, where freed room stays counted against the process: a large decision's copies of its text
    (several MB each, one after another) then add up in the peak instead of reusing the same pages. Elsewhere
    (another C library, another system) nothing is changed."""
    mallopt = _glibc("mallopt")
    if mallopt is None:
        return False
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK))


def return_freed_room() -> bool:
    """Hands the pages glibc keeps free between the blocks still in use back to the system; whether it could.

    Called when a large passing load (a register's parsed workbook) has just been dropped: the blocks that stay
    in use sit among its freed ones, which glibc would otherwise keep counted against the process until the end,
    and in every worker forked after it."""
    trim = _glibc("malloc_trim")
    if trim is None:
        return False
    trim.argtypes, trim.restype = (ctypes.c_size_t,), ctypes.c_int
    trim(0)
    return True


def _glibc(name: str) -> _NamedFuncPointer | None:
    """glibc's function `name`; `None` elsewhere (another system, or musl, which has neither of those used here)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None)[name]
    except (OSError, AttributeError):
        return None


class SharedValues:
    """One object for each text and number met, so records that repeat a value (a group's name, a maximum of 100,
    a bonus of 0) hold it once, and a pickle of them carries it once.

    Numbers are told apart by their text as well: 1.0 and 1.00 are equal but are not written alike."""

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._numbers: dict[str, Decimal] = {}
        self._names: dict[type, tuple[str, ...]] = {}  # each record type's fields set by its constructor

    def record(self, record: D) -> D:
        """`record` (a dataclass) with its texts and numbers shared, in its tuples and its records too."""
        kind = type(record)
        names = self._names.get(kind)
        if names is None:
            names = self._names[kind] = tuple(f.name for f in fields(record) if f.init)
        return kind(**{name: self._value(getattr(record, name)) for name in names})  # `replace`, without its checks

    def _value(self, value: object) -> object:
        if type(value) is str:
            return self._texts.setdefault(value, value)
        if type(value) is Decimal:
            return self._numbers.setdefault(str(value), value)
        if type(value) is tuple:
            return tuple(self._value(item) for item in value)
        if is_dataclass(value) and not isinstance(value, type):
            return self.record(value)
        return value

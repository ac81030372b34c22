"""Large blocks handed back to the system when freed, so a run's peak memory does not keep their room."""

from __future__ import annotations

import ctypes
import sys

M_MMAP_THRESHOLD = -3  # glibc's <malloc.h>
LARGE_BLOCK = 128 * 1024  # glibc's own starting threshold, kept fixed


def return_large_blocks() -> bool:
    """Keeps glibc's threshold for giving a block its own pages at its starting 128 KiB; whether it was set.

    glibc raises that threshold to the size of each large block freed, so that later blocks of that size come
    from the heap, where freed room stays counted against the process: a large decision's copies of its text
    (several MB each, one after another) then add up in the peak instead of reusing the same pages. Elsewhere
    (another C library, another system) nothing is changed."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK))

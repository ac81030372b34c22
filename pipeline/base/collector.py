"""Python's cycle collector, run rarely in a one-off run's processes that build large records, as usual elsewhere."""

from __future__ import annotations

import gc

USUAL = gc.get_threshold()  # (700, 10, 10): Python's own thresholds
RARELY = (100_000, 100, 100)


def collect_rarely() -> None:
    """The collector waits for a hundred thousand new objects, not seven hundred, before it looks for cycles.

    A run reads, scores and renders in large records that hold no cycles (units, rows, the document's text), so
    each look finds nothing to free while walking every record made so far: with the usual thresholds this is a
    sixth of the CPU of a 3,300-unit decision. Cycles are still collected, only later. A process serving for long
    (the desk) keeps the usual thresholds, and so does each worker of a campaign (`usual_collections`)."""
    gc.set_threshold(*RARELY)


def usual_collections() -> None:
    """Python's own thresholds: for a process that renders document after document, each leaving its garbage."""
    gc.set_threshold(*USUAL)

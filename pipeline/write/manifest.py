"""The audit trail of a run: `manifest.json` beside the documents it lists.

It names the tool and its version, the scheme as applied (version, rounding, tie rule, scale,
labels and bounds, after `[scheme_overrides]` and each group's labels), each group's formula (in words and as
the components its result adds, `scoring.formula`), the run's time, and the
SHA-256 of every input file (settings and data), template and output, so an issued
document can be traced to exactly what made it; with `[previous]`, the files of the previous period too. Outputs
are byte-identical for the same inputs and templates (`base.archive.zipped`), so their hashes identify them.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import __version__
from pipeline.config.applied import applied_record
from pipeline.config.job_settings import SETTINGS_FILE
from pipeline.scoring.formula import group_formulas

if TYPE_CHECKING:
    from pipeline.scoring.result import JobResult

MANIFEST_NAME = "manifest.json"
TOOL = "pipeline-cham-diem"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def manifest_bytes(result: JobResult, templates: list[Path], outputs: dict[str, str]) -> bytes:
    """The manifest of a run: `outputs` maps each file (relative to the output folder) to its SHA-256."""
    settings = result.settings
    inputs = [settings.folder / SETTINGS_FILE, *settings.data_files]
    manifest = {
        "tool": TOOL,
        "version": __version__,
        "run_at": datetime.now(UTC).astimezone().isoformat(timespec="seconds"),
        "job": settings.name,
        "kind": settings.kind,
        "scheme": applied_record(settings),  # as applied: after [scheme_overrides], with each group's labels
        "formulas": [{"group": f.group, "formula": f.words(settings.scheme.scale), "components": list(f.components),
                      "scaled": f.scaled} for f in group_formulas(result.units, [g.name for g in settings.groups],
                                                               settings.scheme.components)
                     if settings.kind_record.ranks_units],  # a self-assessment report: no decision's result
        "inputs": [{"path": p.relative_to(settings.folder).as_posix(), "sha256": sha256(p)} for p in inputs],
        "templates": [{"path": p.name, "sha256": sha256(p)} for p in templates],
        "outputs": [{"path": name, "sha256": digest} for name, digest in outputs.items()],
    }
    if result.previous_inputs:  # `[previous]`: what the previous period was computed (or read) from
        manifest["previous"] = [{"path": os.path.relpath(p, settings.folder).replace(os.sep, "/"), "sha256": sha256(p)}
                                for p in result.previous_inputs]
    written = io.BytesIO()  # piece by piece: a campaign's thousands of outputs are not all in pieces at once
    for piece in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(manifest):  # as `json.dumps` writes it
        written.write(piece.encode("utf-8"))
    written.write(b"\n")
    return written.getvalue()


def previous_outputs(out_dir: Path) -> list[str]:
    """The files an earlier run's manifest in `out_dir` lists (none if there is no readable manifest)."""
    try:
        manifest = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
        names = [entry["path"] for entry in manifest["outputs"]]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    return [n for n in names if isinstance(n, str) and ".." not in Path(n).parts and not Path(n).is_absolute()]

"""The audit trail of a run: `manifest.json` beside the documents it lists.

It names the tool and its version, the scheme and version, the run's time, and the
SHA-256 of every input file (settings and data), template and output, so an issued
document can be traced to exactly what made it. Outputs are byte-identical for the same
inputs and templates (`render.zipped`), so their hashes identify them.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import __version__
from pipeline.config.job_settings import SETTINGS_FILE
from pipeline.write.files import write_atomically

if TYPE_CHECKING:
    from pipeline.flow import JobResult

MANIFEST_NAME = "manifest.json"
TOOL = "pipeline-cham-diem"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_manifest(path: Path, result: JobResult, templates: list[Path], outputs: list[Path]) -> Path:
    settings = result.settings
    inputs = [settings.folder / SETTINGS_FILE, *settings.data_files]
    manifest = {
        "tool": TOOL,
        "version": __version__,
        "run_at": datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds"),
        "job": settings.name,
        "kind": settings.kind,
        "scheme": {"id": settings.scheme.id, "version": settings.scheme.version, "name": settings.scheme.name},
        "inputs": [_entry(p, settings.folder) for p in inputs],
        "templates": [_entry(p, None) for p in templates],
        "outputs": [_entry(p, path.parent) for p in outputs],
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    return write_atomically(path, text.encode("utf-8"))


def _entry(path: Path, base: Path | None) -> dict[str, str]:
    shown = path.relative_to(base).as_posix() if base else path.name
    return {"path": shown, "sha256": sha256(path)}

"""Job and file names that come from a browser: accepted only when they stay inside the jobs folder."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

_NAME = re.compile(r"^[\w][\w.\-() ]{0,99}$")


def safe_name(name: str) -> bool:
    """One plain file or folder name: no separator, no "..", no NUL, no leading dot, no absolute path."""
    return (bool(_NAME.match(name)) and ".." not in name and "/" not in name and "\\" not in name
            and "\x00" not in name and name == name.strip())


def safe_relative(path: str) -> bool:
    """A relative path of plain names (`don-vi/01-so-noi-vu.xlsx`), each as `safe_name` accepts."""
    if not path or "\\" in path or "\x00" in path or path.startswith("/"):
        return False
    return all(safe_name(part) for part in PurePosixPath(path).parts)


def inside(root: Path, relative: str) -> Path | None:
    """`root / relative` when `relative` is safe and, links followed, stays inside `root`; else None."""
    if not safe_relative(relative):
        return None
    path = root / relative
    return path if path.resolve().is_relative_to(root.resolve()) else None

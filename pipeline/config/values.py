"""Values of `job.toml` read as a person reads them, or refused with the key that holds them.

Every text key goes through `text` (one line) or `lines` (a list of lines); every table
through `unknown_keys`; every path through `inside`. A value of the wrong type (a list, a
number, a table where text is expected) is refused, never turned into Python's spelling of
it; characters a person cannot see (control and format characters, which Word drops so the
words beside them run together) are refused; a line break in a one-line field is refused,
while in a list of lines it starts a new line, as it reads.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from pipeline.base.errors import Problem, Reason, problem

TEXT = "một đoạn chữ đặt trong ngoặc kép, ví dụ \"…\""
LINES = "một đoạn chữ hoặc một danh sách chữ, ví dụ [\"dòng 1\", \"dòng 2\"]"
_BREAKS = "\n\r"


def kind_of(value: Any) -> str:
    """What a value is, in office words: `["a"]` → "một danh sách"."""
    if isinstance(value, bool):
        return "giá trị đúng/sai (true/false)"
    if isinstance(value, (int, float)):
        return "một số"
    if isinstance(value, str):
        return "một đoạn chữ"
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, dict):
        return "một bảng"
    if isinstance(value, date):
        return "một ngày"
    return "một giá trị khác"


def shown(value: Any) -> str:
    """A value as it is written in `job.toml` (not as Python prints it): `["UBND xã A"]`, `true`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + visible(value) + '"'
    if isinstance(value, list):
        return "[" + ", ".join(shown(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {shown(v)}" for k, v in value.items()) + " }"
    return str(value)


def visible(value: str) -> str:
    """The text with each hidden character written as its code, e.g. `a[U+000B]b`, and breaks as `\\n`."""
    return "".join("\\n" if c == "\n" else f"[U+{ord(c):04X}]" if _hidden(c) else c for c in value)


def _hidden(character: str) -> bool:
    """Control (Cc), format (Cf: zero-width, direction marks) and line/paragraph separators (Zl, Zp)."""
    return unicodedata.category(character) in ("Cc", "Cf", "Zl", "Zp")


def wrong_type(key: str, value: Any, expected: str, source: str) -> Problem:
    return problem(Reason.SETTING_WRONG_TYPE, file=source, key=key, value=shown(value), found=kind_of(value),
                   expected=expected)


def checked_text(value: str, key: str, source: str, errors: list[Problem], one_line: bool = True) -> str:
    """`value` stripped, or "" with a problem when it holds hidden characters (or a line break in one line)."""
    value = unicodedata.normalize("NFC", value.strip())  # as typed on any system: "ố" one character, as in the data
    hidden = sorted({c for c in value if _hidden(c) and not (c == "\n" and not one_line)})
    if one_line and any(c in value for c in _BREAKS):
        errors.append(problem(Reason.SETTING_LINE_BREAK, file=source, key=key, value=visible(value)))
        return ""
    if hidden:
        codes = ", ".join(f"U+{ord(c):04X}" for c in hidden)
        errors.append(problem(Reason.SETTING_HIDDEN_CHARACTER, file=source, key=key, value=visible(value),
                              characters=codes))
        return ""
    return value


def text(data: Mapping[str, Any], name: str, key: str, source: str, errors: list[Problem],
         default: str = "", expected: str = TEXT) -> str:
    """The one-line text at `data[name]` (reported as `key`), stripped; `default` when it is absent."""
    value = data.get(name, default)
    if not isinstance(value, str):
        errors.append(wrong_type(key, value, expected, source))
        return default
    return checked_text(value, key, source, errors)


def lines(data: Mapping[str, Any], name: str, key: str, source: str, errors: list[Problem]) -> tuple[str, ...]:
    """A list of lines (one text is one line); a line break inside an item starts a new line."""
    value = data.get(name, [])
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        errors.append(wrong_type(key, value, LINES, source))
        return ()
    found: list[str] = []
    for n, item in enumerate(items, 1):
        where = f"{key}[{n}]" if isinstance(value, list) else key
        if not isinstance(item, str):
            errors.append(wrong_type(where, item, TEXT, source))
            continue
        item = checked_text(item.replace("\r\n", "\n"), where, source, errors, one_line=False)
        found += [line.strip() for line in item.split("\n") if line.strip()]
    return tuple(found)


def unknown_keys(data: Mapping[str, Any], allowed: Iterable[str], prefix: str, source: str,
                 errors: list[Problem], elsewhere: Mapping[str, str] | None = None) -> None:
    """A problem for each key of `data` not in `allowed`, with the closest allowed key as a suggestion.

    `elsewhere` maps keys that belong to another table to that table, for the usual TOML slip
    of writing a key below a `[table]` header instead of above it.
    """
    allowed = sorted(allowed)
    for key in sorted(set(data) - set(allowed)):
        close = get_close_matches(key, allowed, n=1) or get_close_matches(key.lower(), allowed, n=1)
        hint = f" Có phải ý bạn là \"{close[0]}\"?" if close else ""
        if elsewhere and key in elsewhere:
            hint = (f" Mục \"{key}\" thuộc {elsewhere[key]}: trong job.toml, mọi mục viết dưới một dòng [bảng] đều "
                    f"thuộc bảng đó, nên hãy chuyển nó lên trên dòng [bảng].")
        errors.append(problem(Reason.SETTING_UNKNOWN, file=source, key=f"{prefix}.{key}" if prefix else key,
                              hint=hint))


def inside(folder: Path, name: str, key: str, source: str, errors: list[Problem]) -> Path | None:
    """`folder / name` when it stays inside the job folder (symbolic links followed); else a problem."""
    path = folder / name
    root = folder.resolve()
    if Path(name).is_absolute() or ".." in Path(name).parts or not path.resolve().is_relative_to(root):
        errors.append(problem(Reason.SETTING_PATH_OUTSIDE, file=source, key=key, value=name))
        return None
    return path


def outside(folder: Path, path: Path) -> bool:
    """Whether `path` (a file found in the job folder) is a link that leads out of it."""
    return not path.resolve().is_relative_to(folder.resolve())


def setting_number(value: Any) -> Decimal | None:
    """A number written in the settings; `None` for anything else, `nan` and `inf` included
    (TOML allows them; a bound of `nan` would make every comparison fail)."""
    if isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value).replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None

"""`[previous.renames]` on the settings form: one unit a line, "tên kỳ này = tên cũ 1; tên cũ 2".

In `job.toml` a unit renamed is `"new" = "old"`, one made of several earlier units `"new" = ["old 1", "old 2"]`
(`config.period_settings`); the form's lines are written back as that, only the changed units rewritten.
"""

from __future__ import annotations

from typing import Any

import tomlkit

from pipeline.web.toml_tables import add_key
from pipeline.web.words import W


def renames_text(value: Any) -> str:
    """`[previous.renames]` as the form shows it: one unit a line, "tên kỳ này = tên cũ 1; tên cũ 2"."""
    if not isinstance(value, dict):
        return "" if value is None else str(value)
    return "\n".join(f"{new} = " + ("; ".join(map(str, old)) if isinstance(old, list) else str(old))
                     for new, old in value.items())


def renames_value(raw: str) -> tuple[dict[str, Any] | None, list[str]]:
    """The form's renames as TOML (`"new" = "old"` or `= ["old 1", "old 2"]`; None when empty), and what is wrong
    with lines the settings code cannot be given (no "=", a unit written twice)."""
    found: dict[str, Any] = {}
    wrong: list[str] = []
    for number, line in enumerate((raw or "").replace("\r\n", "\n").split("\n"), 1):
        if not line.strip():
            continue
        new, equals, old = line.partition("=")
        new = new.strip()
        if not equals or not new:
            wrong.append(W.renames_no_equals.format(n=number, line=line.strip()))
            continue
        if new in found:
            wrong.append(W.renames_twice.format(n=number, name=new))
            continue
        olds = [name.strip() for name in old.split(";") if name.strip()]
        found[new] = olds[0] if len(olds) == 1 else olds  # no old name (`= []`): compared with none, "mới"
    return found or None, wrong


def same_renames(old: Any, new: Any) -> bool:
    """Whether two renames tables say the same: "a" and ["a"] name the same old unit."""
    def plain(table: Any) -> Any:
        return {k: [v] if isinstance(v, str) else v for k, v in table.items()} if isinstance(table, dict) else table
    return bool(plain(old or {}) == plain(new or {}))


def edit_renames(document: Any, old: Any, new: dict[str, Any] | None) -> None:
    """`[previous.renames]` with only the changed units rewritten (the others, their comments and order kept)."""
    if same_renames(old, new):
        return
    previous = document["previous"]
    if not new:
        del previous["renames"]
        return
    if "renames" not in previous or not isinstance(old, dict):
        previous["renames"] = tomlkit.table()
        old = {}
    table = previous["renames"]
    for name in [n for n in old if n not in new]:
        del table[name]
    for name, value in new.items():
        if name not in old:
            add_key(table, name, value)
        elif not same_renames({name: old[name]}, {name: value}):
            table[name] = value

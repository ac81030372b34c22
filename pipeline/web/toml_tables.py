"""Tables of `job.toml` added to and removed through tomlkit, keeping the comment lines where a person reads them.

In tomlkit, the comment lines above a `[table]` header belong to the end of the table before it; a key added at
the end of that table, or the table removed, must leave them where they introduce what follows.
"""

from __future__ import annotations

from typing import Any

import tomlkit


def _last_table(table: Any) -> Any:
    """The table whose lines end where `table`'s do in the text: its last sub-table, when it ends with one."""
    while table.value.body and isinstance(table.value.body[-1][1], (tomlkit.items.Table, tomlkit.items.AoT)):
        table = table.value.body[-1][1]
        if isinstance(table, tomlkit.items.AoT):
            table = table[-1]
    return table


def _trailing(table: Any) -> list[Any]:
    """Takes the comment and blank lines off the end of a table: in the text they introduce what follows it.

    A key deleted leaves a `Null` in tomlkit's body, which says nothing and cannot be added back: dropped."""
    body = _last_table(table).value.body
    found: list[Any] = []
    while body and body[-1][0] is None:
        item = body.pop()[1]
        if not isinstance(item, tomlkit.items.Null):
            found.insert(0, item)
    return found


def add_key(table: Any, key: str, value: Any) -> None:
    """A new key at the end of a table's own keys, above the comment lines that introduce what follows."""
    trailing = _trailing(table) if not isinstance(table.value.body[-1][1] if table.value.body else None,
                                                   (tomlkit.items.Table, tomlkit.items.AoT)) else []
    table[key] = value
    for item in trailing:
        table.add(item)


def remove_table(document: Any, key: str) -> None:
    """Removes `[key]` (and its sub-tables), handing the comment lines at its end to the table before it."""
    trailing = _trailing(document[key])
    keys = [k.key if k is not None else None for k, _ in document.body]
    before = next((item for k, item in reversed(document.body[:keys.index(key)]) if k is not None), None)
    del document[key]
    if isinstance(before, tomlkit.items.AoT):
        before = before[-1]
    if isinstance(before, tomlkit.items.Table):
        for item in trailing:
            _last_table(before).add(item)


def remove_group(groups: Any, index: int) -> None:
    """Removes one `[[groups]]`, keeping the comment lines at its end: they introduce what follows it."""
    body = groups[index].value.body
    trailing: list[Any] = []
    while body and body[-1][0] is None:
        trailing.insert(0, body.pop()[1])
    del groups[index]
    if index > 0:
        for item in trailing:
            groups[index - 1].add(item)

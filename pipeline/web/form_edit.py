"""A submitted settings form written into `job.toml` through tomlkit, keeping what a person wrote.

A field whose value did not change is not touched, so comments, order and spelling stay; a changed one
replaces only its value. `[previous]` comes and goes with the choice of the previous period, `[summary]`
with its box; a group whose name is emptied is removed.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from typing import Any

import tomlkit

from pipeline.config.period_settings import SOURCES as PREVIOUS_SOURCES
from pipeline.web.form_values import BAD_DATE, parts, submitted_value, value_at
from pipeline.web.job_form import Field, Section
from pipeline.web.renames_field import edit_renames
from pipeline.web.toml_tables import add_key, remove_group, remove_table


def edited_text(text: str, sections: list[Section], form: Mapping[str, str]) -> str:
    """`job.toml`'s text with the submitted values (by key): only changed keys rewritten, comments kept."""
    current = tomllib.loads(text)
    document = tomlkit.parse(text)
    removed_groups: list[int] = []
    for section in sections:
        if section.switch is not None and not _switched(document, current, section.switch, form):
            continue
        for field in section.fields:
            if field.shape == "renames":
                edit_renames(document, value_at(current, field.key), submitted_value(field, form.get(field.key)))
                continue
            old = value_at(current, field.key)
            new = submitted_value(field, form.get(field.key))
            if new is BAD_DATE:
                continue
            if field.key.startswith("groups[") and field.key.endswith(".name") and not str(new or "").strip():
                removed_groups.append(int(parts(field.key)[1]))
                continue
            if _same(old, new):
                continue
            if new is None or (old is None and _blank(field, new)):
                if old is not None:
                    _remove(document, field.key)
                continue
            set_value(document, field.key, new)
    groups = document.get("groups")
    for index in sorted(removed_groups, reverse=True):
        if groups is not None and index < len(groups):
            remove_group(groups, index)
    return tomlkit.dumps(document)


def _switched(document: Any, current: Mapping[str, Any], switch: Field, form: Mapping[str, str]) -> bool:
    """The table a section's switch keeps, adds or removes (`[summary]`'s box, `[previous]`'s choice); whether
    it is there now."""
    table = switch.key.split(".")[0]
    chosen = form.get(switch.key) or ""
    wanted = chosen == "on" if switch.shape == "table" else bool(chosen)
    if not wanted:
        if table in document:
            remove_table(document, table)
        return False
    if table not in document:
        document[table] = tomlkit.table()
    if switch.shape == "previous":
        key, _, path = chosen.partition(":")
        if value_at(current, f"previous.{key}") != path:
            set_value(document, f"previous.{key}", path)
        for other in set(PREVIOUS_SOURCES) - {key}:  # one source of the previous period
            if other in document[table]:
                del document[table][other]
    return True
def _blank(field: Field, new: Any) -> bool:
    """Whether a value means what leaving its key out means (`labels = []` does not: it means rank only)."""
    return new == "" or (new == [] and field.shape in ("lines", "authority")) \
        or (new is False and field.default is not True) or new == field.default


def _same(old: Any, new: Any) -> bool:
    if old is None:
        return new is None
    return type(old) is type(new) and old == new


def set_value(document: Any, key: str, value: Any) -> None:
    names = parts(key)
    container = document
    for position, part in enumerate(names[:-1]):
        following = names[position + 1]
        if isinstance(part, int):
            while len(container) <= part:
                container.append(tomlkit.table())
            container = container[part]
        elif part not in container:
            container[part] = tomlkit.aot() if isinstance(following, int) else tomlkit.table()
            container = container[part]
        else:
            container = container[part]
    item = tomlkit.item(value)
    if isinstance(value, list) and sum(len(v) for v in value) > 80:
        item.multiline(True)
    if names[-1] not in container and isinstance(container, tomlkit.items.Table):
        add_key(container, str(names[-1]), item)
        return
    container[names[-1]] = item


def _remove(document: Any, key: str) -> None:
    names = parts(key)
    container = document
    for part in names[:-1]:
        container = container[part]
    del container[names[-1]]



"""The settings form: every key of a job's `job.toml` as a field, and a submitted form written back.

Fields are named by the key they hold, as the settings code names keys in its messages
(`document.title`, `groups[2].name`), so each message lands next to its field. Writing goes
through tomlkit on the file as it is: a field whose value did not change is not touched, so
comments, order and spelling stay; a changed one replaces only its value. The new text is
validated by `config.job_settings.settings_from_data`, the code `check` and `run` use, before
it is saved (with `[previous]`, also where it points, as the run first checks it).

`[previous]` and `[summary]` (ranked kinds only) each have a box saying whether the table is there;
`[previous.renames]` is one line per unit, "tên kỳ này = tên cũ 1; tên cũ 2" (`renames_text`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import tomlkit

from pipeline.base.errors import InputErrors, Problem
from pipeline.base.messages_init import CAMPAIGN_COMMENTS
from pipeline.config.campaign_settings import HEADER_LINES, HEADER_TEXT, NOTICE_FIELDS
from pipeline.config.document_settings import FORMS, LIST_FIELDS, NUMBERINGS
from pipeline.config.job_settings import SETTINGS_FILE, data_files_in, settings_from_data
from pipeline.config.kinds import KINDS, Kind
from pipeline.config.period_settings import previous_refused
from pipeline.config.scheme import TIE_RULES, UNITS, available_schemes
from pipeline.new_job.settings_text import COMMENTS, DOCUMENT_ORDER, document_fields
from pipeline.web.renames_field import edit_renames, renames_text, renames_value
from pipeline.web.toml_tables import add_key, remove_group, remove_table
from pipeline.web.words import FIELD_HELP, FIELD_LABELS, FIXED_DECIMALS, SECTION_LABELS, SPECIFIC_LABELS

LINES = {*LIST_FIELDS, *HEADER_LINES, "authority@signature"}
LONG = {"title", "article_1", "article_2", "article_3", "intro"}


@dataclass(frozen=True)
class Field:
    key: str  # the key as the settings code names it: "document.signature.name", "groups[2].title"
    shape: str  # "text", "long", "lines", "date", "choice", "bool", "int", "labels", "table", "renames"
    choices: tuple[tuple[str, str], ...] = ()  # (value, words); "" first when the key may be left out
    default: Any = None  # what the settings code takes when the key is left out (not written then)

    @property
    def label(self) -> str:
        plain = _plain(self.key)
        return SPECIFIC_LABELS.get(plain) or FIELD_LABELS.get(plain.rsplit(".", 1)[-1], plain)

    def help(self, campaign: bool) -> str:
        """The comment `init` writes above the key in job.toml (a campaign's own where it has one)."""
        plain = _plain(self.key)
        found = (CAMPAIGN_COMMENTS.get(plain) if campaign else None) or COMMENTS.get(plain) or COMMENTS.get(
            "document." + plain.split(".", 1)[-1], "")
        if self.key == "scheme":  # the comment goes on with the list of schemes, here the choices
            found = found.removesuffix(" Hiện có:")
        return FIELD_HELP.get(plain) or found  # the web's own first: [summary]'s keys are not [document]'s


@dataclass(frozen=True)
class Section:
    key: str
    fields: tuple[Field, ...]

    @property
    def label(self) -> str:
        plain = _plain(self.key)
        return SECTION_LABELS.get(plain, plain)


def _plain(key: str) -> str:
    """`groups[2].name` → `groups.name`: the key without its position, as comments name it."""
    import re

    return re.sub(r"\[\d+\]", "", key)


def form_sections(kind: Kind, data: Mapping[str, Any]) -> list[Section]:
    """The form of a job of `kind` whose `job.toml` holds `data`: every key the kind uses, and any other there."""
    schemes = [(f"{name}@{version}", f"{name}@{version}") for name, versions in available_schemes().items()
               for version in versions]
    reference = data.get("scheme", "")
    if isinstance(reference, str) and reference and reference not in dict(schemes):
        schemes.insert(0, (reference, reference))
    top = [Field("scheme", "choice", tuple(schemes)), Field("data", "text")]
    if kind.source == "criteria":
        top += [Field("unit", "text"), Field("group", "text")]
    if kind.source == "campaign":
        top.append(Field("register", "text"))
    sections = [Section("", tuple(top))]
    sections.append(Section("scheme_overrides", (
        Field("scheme_overrides.name", "text"), Field("scheme_overrides.decimals", "int"),
        Field("scheme_overrides.fixed_decimals", "choice", (("", "—"), *FIXED_DECIMALS.items())),
        Field("scheme_overrides.tie_rule", "choice", (("", "—"), *TIE_RULES.items())),
        Field("scheme_overrides.scale", "int"), Field("scheme_overrides.labels", "labels"),
        Field("scheme_overrides.unit", "choice", (("", "—"), *UNITS.items())))))
    if kind.source != "criteria":
        groups = data.get("groups") if isinstance(data.get("groups"), list) else []
        header = (*HEADER_TEXT, *HEADER_LINES) if kind.source == "campaign" else ()
        for n in range(1, len(groups) + 2):  # one more, empty, to add a group
            keys = ("name", "sheet", "title", "subtitle", *header)
            sections.append(Section(f"groups[{n}]", (
                *(Field(f"groups[{n}].{k}", "lines" if k in HEADER_LINES else "text") for k in keys),
                Field(f"groups[{n}].labels", "labels"))))
    sections.append(_document_section("document", kind, data.get("document")))
    sections.append(_signature_section("document.signature"))
    if kind.source == "campaign":
        appraisal = data.get("appraisal") if isinstance(data.get("appraisal"), dict) else {}
        keys = [k for k in NOTICE_FIELDS if k in appraisal and k not in ("signature", "template")]
        sections.append(Section("appraisal", (Field("appraisal.done", "bool"),
                                              *(_document_field("appraisal", k, kind) for k in keys))))
        if isinstance(appraisal.get("signature"), dict):
            sections.append(_signature_section("appraisal.signature"))
        if isinstance(data.get("reports"), dict):
            sections.append(_document_section("reports", None, data["reports"]))
            if isinstance(data["reports"].get("signature"), dict):
                sections.append(_signature_section("reports.signature"))
    return sections + _later_sections(kind, data)


def _later_sections(kind: Kind, data: Mapping[str, Any]) -> list[Section]:
    """`[checks]` (kinds with criteria tables, or any job that has it), `[previous]` and `[summary]` (ranked kinds,
    as `config.period_settings` accepts them)."""
    sections = []
    if kind.source in ("criteria", "campaign") or "checks" in data:
        sections.append(Section("checks", (Field("checks.decimals", "int"),
                                           Field("checks.comments", "bool", default=False))))
    if kind.source in ("units", "campaign"):
        sections.append(Section("previous", (Field("previous", "table"), Field("previous.job", "text"),
                                             Field("previous.results", "text"), Field("previous.table", "text"),
                                             Field("previous.partial", "bool", default=False),
                                             Field("previous.new", "lines"), Field("previous.name", "text"),
                                             Field("previous.renames", "renames"))))
        sections.append(Section("summary", (Field("summary", "table"), Field("summary.charts", "bool", default=True),
                                            Field("summary.symbol", "text"), Field("summary.title", "long"),
                                            Field("summary.recipients", "lines"))))
    return sections


def _document_section(prefix: str, kind: Kind | None, table: Any) -> Section:
    table = table if isinstance(table, dict) else {}
    wanted = set(document_fields(kind)) if kind is not None else set()
    keys = [k for k in DOCUMENT_ORDER if (k in wanted or k in table) and k != "template"]
    return Section(prefix, tuple(_document_field(prefix, k, kind) for k in keys))


def _document_field(prefix: str, key: str, kind: Kind | None) -> Field:
    path = f"{prefix}.{key}"
    if key in LIST_FIELDS:
        return Field(path, "lines")
    if key == "date":
        return Field(path, "date")
    if key == "self_rating":
        return Field(path, "bool")
    if key == "appendix_numbering":
        return Field(path, "choice", tuple(NUMBERINGS.items()), default="la-ma")
    if key == "form":
        forms = kind.forms if kind is not None else FORMS
        return Field(path, "choice", tuple((f, FORMS.get(f, f)) for f in forms), default=next(iter(forms)))
    return Field(path, "long" if key in LONG else "text")


def _signature_section(prefix: str) -> Section:
    return Section(prefix, (Field(f"{prefix}.authority", "lines"), Field(f"{prefix}.position", "text"),
                            Field(f"{prefix}.name", "text")))


def _parts(key: str) -> list[str | int]:
    """`groups[2].name` → ["groups", 1, "name"] (positions counted from 0)."""
    parts: list[str | int] = []
    for piece in key.split("."):
        if piece.endswith("]") and "[" in piece:
            name, index = piece[:-1].split("[")
            parts += [name, int(index) - 1]
        else:
            parts.append(piece)
    return parts


def value_at(data: Any, key: str) -> Any:
    """The value at `key` in parsed TOML, or None when it is not there."""
    for part in _parts(key):
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                return None
            data = data[part]
        elif isinstance(data, dict) and part in data:
            data = data[part]
        else:
            return None
    return data


def shown_value(field: Field, value: Any) -> str:
    """What the field shows for a value in job.toml."""
    if field.shape == "table":
        return "true" if isinstance(value, dict) else ""
    if field.shape == "renames":
        return renames_text(value)
    if value is None:
        return "true" if field.shape == "bool" and field.default is True else ""
    if field.shape == "lines":
        return "\n".join(value) if isinstance(value, list) else str(value)
    if field.shape == "labels":
        return _labels_text(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def submitted_value(field: Field, raw: str | None) -> Any:
    """What a submitted field means in TOML terms (None: the key is left out)."""
    raw = (raw or "").replace("\r\n", "\n")
    if field.shape == "renames":
        return renames_value(raw)[0]
    if field.shape in ("bool", "table"):
        return raw == "on"
    if field.shape == "lines":
        return [line.strip() for line in raw.split("\n") if line.strip()]
    if field.shape == "labels":
        return _labels_value(raw)
    if field.shape == "date":
        try:
            return date.fromisoformat(raw.strip()) if raw.strip() else ""
        except ValueError:
            return raw  # refused by the settings code, with its words
    if field.shape == "int":
        return int(raw.strip()) if raw.strip().isdigit() else (raw.strip() or None)
    if field.shape == "choice":
        if field.key.endswith("fixed_decimals") and raw in ("true", "false"):
            return raw == "true"
        return raw or None
    if field.shape == "long":
        return raw.strip("\n")
    return raw


def _labels_text(value: Any) -> str:
    """Labels as the form shows them: one a line, "Rất tốt: 90", the last without a bound; `[]` as "[]"."""
    if value == []:
        return "[]"
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        return str(value)
    return "\n".join(f"{v.get('name', '')}: {v['min']}" if "min" in v else str(v.get("name", "")) for v in value)


def _labels_value(raw: str) -> Any:
    """The form's labels as TOML: `[{ name = "Rất tốt", min = 90 }, …, { name = "Yếu" }]`; None when left empty.

    A bound that is not a number is kept as written, for the settings code to refuse with its words."""
    lines = [line.strip() for line in raw.split("\n") if line.strip()]
    if not lines:
        return None
    if lines == ["[]"]:
        return []
    labels: list[dict[str, Any]] = []
    for line in lines:
        name, colon, bound = line.rpartition(":") if ":" in line else (line, "", "")
        label: dict[str, Any] = {"name": name.strip()}
        if colon:
            bound = bound.strip()
            number = bound.replace(",", ".")
            if number.isdigit():
                label["min"] = int(number)
            elif number.count(".") == 1 and number.replace(".", "").isdigit():
                label["min"] = float(number)
            else:
                label["min"] = bound
        labels.append(label)
    return labels


def form_errors(sections: list[Section], form: Mapping[str, str]) -> dict[str, list[str]]:
    """What is wrong in fields before any TOML is written (a renames line the settings code could not read)."""
    return {f.key: wrong for s in sections for f in s.fields if f.shape == "renames"
            for wrong in [renames_value(form.get(f.key) or "")[1]] if wrong}


def edited_text(text: str, sections: list[Section], form: Mapping[str, str]) -> str:
    """`job.toml`'s text with the submitted values: only changed keys rewritten, comments kept."""
    current = tomllib.loads(text)
    document = tomlkit.parse(text)
    removed_groups: list[int] = []
    for section in sections:
        present = next((f for f in section.fields if f.shape == "table"), None)
        if present is not None:
            wanted = form.get(present.key) == "on"
            if not wanted:
                if present.key in document:
                    remove_table(document, present.key)
                continue
            if present.key not in document:
                document[present.key] = tomlkit.table()
        for field in section.fields:
            if field.shape == "table":
                continue
            if field.shape == "renames":
                edit_renames(document, value_at(current, field.key), submitted_value(field, form.get(field.key)))
                continue
            old = value_at(current, field.key)
            new = submitted_value(field, form.get(field.key))
            if field.key.startswith("groups[") and field.key.endswith(".name") and not str(new or "").strip():
                removed_groups.append(_parts(field.key)[1])
                continue
            if _same(old, new):
                continue
            if new is None or (old is None and _blank(field, new)):
                if old is not None:
                    _remove(document, field.key)
                continue
            _set(document, field.key, new)
    groups = document.get("groups")
    for index in sorted(removed_groups, reverse=True):
        if groups is not None and index < len(groups):
            remove_group(groups, index)
    return tomlkit.dumps(document)


def _blank(field: Field, new: Any) -> bool:
    """Whether a value means what leaving its key out means (`labels = []` does not: it means rank only)."""
    return new == "" or (new == [] and field.shape == "lines") or (new is False and field.default is not True) \
        or new == field.default


def _same(old: Any, new: Any) -> bool:
    if old is None:
        return new is None
    return type(old) is type(new) and old == new


def _set(document: Any, key: str, value: Any) -> None:
    parts = _parts(key)
    container = document
    for position, part in enumerate(parts[:-1]):
        following = parts[position + 1]
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
    if parts[-1] not in container and isinstance(container, tomlkit.items.Table):
        add_key(container, parts[-1], item)
        return
    container[parts[-1]] = item


def _remove(document: Any, key: str) -> None:
    parts = _parts(key)
    container = document
    for part in parts[:-1]:
        container = container[part]
    del container[parts[-1]]


def validation_problems(folder: Path, text: str) -> list[Problem]:
    """Every problem the command line would find in `job.toml` if it held `text` (none: it may be saved)."""
    try:
        data = tomllib.loads(text)
        settings = settings_from_data(data, folder, data_files_in(folder))
    except InputErrors as exc:
        return list(exc.problems)
    return previous_refused(settings.previous, folder) if settings.previous is not None else []


def read_text(folder: Path) -> str:
    return (folder / SETTINGS_FILE).read_text(encoding="utf-8")


def job_kind(data: Mapping[str, Any]) -> Kind | None:
    kind = data.get("kind")
    return KINDS.get(kind) if isinstance(kind, str) else None


def field_of(problem: Problem, keys: set[str]) -> str | None:
    """The form field a problem is about: its key, or the nearest key above it (`bases[2]` → `bases`)."""
    key = problem.detail("key")
    while key:
        if key in keys:
            return key
        if key.endswith("]"):
            key = key[: key.rindex("[")]
        elif "." in key:
            key = key.rsplit(".", 1)[0]
        else:
            return None
    return None

"""The settings form: a job's settings as fields in the sections a clerk knows, made from `config.catalogue`.

A field holds one key of `job.toml` (`Field.key`, as the settings code names keys in its messages:
`document.title`, `groups[2].name`, so each message lands next to its field); the page names it by
`Field.id` (`groups-2-name`), never by the key. Only the settings the job's kind uses are shown (and any
other its file already holds). Values are shown and read back by `form_values`, written by `form_edit`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.base.errors import InputErrors, Problem
from pipeline.config.campaign_settings import APPRAISAL_FIELDS
from pipeline.config.catalogue import SETTINGS, setting
from pipeline.config.document_settings import FORMS, NUMBERINGS
from pipeline.config.job_settings import SETTINGS_FILE, data_files_in, settings_from_data
from pipeline.config.kinds import KINDS, REPORT_KIND, Kind, Source
from pipeline.config.period_settings import SOURCES as PREVIOUS_SOURCES
from pipeline.config.period_settings import previous_refused
from pipeline.config.scheme import TIE_RULES, UNITS, available_schemes, scheme_data
from pipeline.config.setting_record import SECTIONS, Setting
from pipeline.new_job.settings_text import document_fields
from pipeline.web.words import W

_NOT_ON_FORM = ("fixed", "conditions", "path", "table", "components")
_NONE = ("", W.scheme_default)  # a scheme's setting not changed


@dataclass(frozen=True)
class Field:
    key: str  # the key as the settings code names it: "document.signature.name", "groups[2].title"
    setting: Setting
    choices: tuple[tuple[str, str], ...] = ()  # (value, words) of a list to choose from

    @property
    def id(self) -> str:
        return field_id(self.key)

    @property
    def shape(self) -> str:
        return self.setting.shape

    @property
    def label(self) -> str:
        return self.setting.label

    @property
    def default(self) -> Any:
        return self.setting.default

    def help(self, campaign: bool) -> str:
        return self.setting.help_for(campaign)


@dataclass(frozen=True)
class Section:
    id: str  # "van-ban", "khoi-2"
    label: str
    fields: tuple[Field, ...]
    note: str = ""
    switch: Field | None = None  # a box or list saying whether the table is there at all (`[summary]`, `[previous]`)


def field_id(key: str) -> str:
    """`groups[2].name` → `groups-2-name`: how the page names a key's field (never by the key itself)."""
    return re.sub(r"\[(\d+)\]", r"-\1", key).replace(".", "-").replace('"', "")


def _scheme_title(name: str, version: str) -> str:
    """A shipped scheme as the list of schemes names it: its Vietnamese name and version, not its id."""
    return W.scheme_choice.format(name=scheme_data(f"{name}@{version}", "")[0].get("name", name), version=version)


def _field(key: str, choices: tuple[tuple[str, str], ...] = ()) -> Field:
    return Field(key, setting(re.sub(r"\[\d+\]", "", key)), choices)


def _fields(table: str, keys: list[str] | tuple[str, ...], prefix: str = "") -> tuple[Field, ...]:
    return tuple(_field(f"{prefix or table}.{k}", _choices(f"{table}.{k}")) for k in keys)


def _choices(key: str, kind: Kind | None = None) -> tuple[tuple[str, str], ...]:
    name = key.rsplit(".", 1)[-1]
    if name == "fixed_decimals":
        return (_NONE, *setting(key).choices[1:])
    if name == "tie_rule":
        return (_NONE, *TIE_RULES.items())
    if key.endswith("scheme_overrides.unit"):
        return (_NONE, *UNITS.items())
    if name == "appendix_numbering":
        return tuple(NUMBERINGS.items())
    if name == "form":
        forms = kind.forms if kind is not None else FORMS
        return tuple((f, FORMS.get(f, f)) for f in forms)
    return setting(key).choices if key in {s.key for s in SETTINGS} else ()


def _section(key: str, fields: tuple[Field, ...], campaign: bool, switch: Field | None = None,
             label: str = "") -> Section:
    record = setting(key) if key in {s.key for s in SETTINGS} else None
    note = record.help_for(campaign) if record is not None else ""
    note = "" if record is not None and note.rstrip(".") == record.label else note
    note = "" if switch is not None and switch.key == key else note  # said under the switch itself
    section = record.section if record is not None else key
    label = label or (SECTIONS[section] if switch is not None or record is None else record.label)
    own = f"{section}-nguoi-ky" if key.endswith(".signature") and section != "nguoi-ky" else section
    return Section(own, label, fields, note, switch)


def form_sections(kind: Kind, data: Mapping[str, Any], previous_choices: tuple[tuple[str, str], ...] = ()
                  ) -> list[Section]:
    """The form of a job of `kind` whose `job.toml` holds `data`: what the kind uses, and anything else there.

    `previous_choices` lists the jobs the previous period may be picked from (`previous_options`)."""
    campaign = kind.is_campaign
    schemes = [(f"{name}@{version}", _scheme_title(name, version)) for name, versions in available_schemes().items()
               for version in versions]
    reference = data.get("scheme", "")
    if isinstance(reference, str) and reference and reference not in dict(schemes):
        schemes.insert(0, (reference, reference))
    top = [_field("scheme", tuple(schemes))]
    top += [_field(s.key) for s in SETTINGS if s.table == "" and s.shape not in (*_NOT_ON_FORM, "choice")
            and (s.used_by(kind) or s.key in data)]
    sections = [Section("chung", SECTIONS["chung"], tuple(top))]
    document = _table(data, "document")
    keys = [k for k in document_fields(kind) if k != "template"] + [
        k for k in document if k not in document_fields(kind) and k not in ("template", "signature")]
    sections.append(_section("document", tuple(_field(f"document.{k}", _choices(f"document.{k}", kind))
                                               for k in keys), campaign))
    sections.append(_section("document.signature", _fields("document.signature", ("authority", "position", "name")),
                             campaign))
    if kind.ranks_units:
        sections += _group_sections(data, campaign)
    overrides = [s.name for s in SETTINGS if s.table == "scheme_overrides" and s.shape not in _NOT_ON_FORM]
    sections.append(_section("scheme_overrides", _fields("scheme_overrides", overrides), campaign))
    if campaign:
        sections += _campaign_sections(data)
    return sections + _later_sections(kind, data, previous_choices)


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    table = data.get(key)
    return table if isinstance(table, dict) else {}


def _group_sections(data: Mapping[str, Any], campaign: bool) -> list[Section]:
    groups = given if isinstance(given := data.get("groups"), list) else []
    keys = [s.name for s in SETTINGS if s.table == "groups" and s.shape not in _NOT_ON_FORM
            and (campaign or s.kinds != (Source.CAMPAIGN,))]
    sections = []
    for n in range(1, len(groups) + 2):  # one more, empty, to add a group
        name = groups[n - 1].get("name", "") if n <= len(groups) and isinstance(groups[n - 1], dict) else ""
        label = f"{SECTIONS['khoi']} {n}: " + (name if isinstance(name, str) and name else W.new_group)
        section = _section("groups", _fields("groups", keys, f"groups[{n}]"), campaign, label=label)
        sections.append(Section(f"khoi-{n}", section.label, section.fields, section.note if n == 1 else ""))
    return sections


def _campaign_sections(data: Mapping[str, Any]) -> list[Section]:
    """A campaign's appraisal (with its notice's wording) and each unit's report."""
    appraised = isinstance(data.get("appraisal"), dict)  # without [appraisal], its wording would start one: only "done"
    notice = [k for k in APPRAISAL_FIELDS if k not in ("template", "signature") and (appraised or k == "done")]
    reports = [k for k in document_fields(REPORT_KIND) if k != "template"]
    reports += [k for k in _table(data, "reports") if k not in reports and k not in ("template", "signature")]
    signature = ("authority", "position", "name")
    return [
        _section("reports", tuple(_field(f"reports.{k}", _choices(f"document.{k}", REPORT_KIND)) for k in reports),
                 True),
        _section("reports.signature", _fields("reports.signature", signature), True),
        _section("appraisal", _fields("appraisal", notice), True),
        *([_section("appraisal.signature", _fields("appraisal.signature", signature), True)] if appraised else []),
    ]


def _later_sections(kind: Kind, data: Mapping[str, Any], previous_choices: tuple[tuple[str, str], ...]
                    ) -> list[Section]:
    """Kỳ trước and thông cáo (ranked kinds, as `config.period_settings` accepts them), kiểm tra số liệu (kinds
    with criteria tables, or any job that has it)."""
    campaign = kind.is_campaign
    sections = []
    if kind.ranks_units:
        previous = _field("previous.job", previous_choices)
        sections.append(_section("previous", _fields("previous", ("partial", "new", "name", "renames")), campaign,
                                 switch=previous))
        summary = Field("summary", setting("summary"))
        sections.append(_section("summary",
                                 _fields("summary", ("charts", "chart_form", "symbol", "title", "recipients")),
                                 campaign, switch=summary))
    criteria = ("decimals", "comments") if kind.reads_criteria_tables or "checks" in data else ()
    tables = ("total", "ignore_columns") if kind.reads_unit_table else ()  # a unit table's typed totals, columns
    sections.append(_section("checks", _fields("checks", (*criteria, "proper_names", *tables)), campaign))
    return sections


def all_fields(sections: list[Section]) -> list[Field]:
    return [f for s in sections for f in ((s.switch,) if s.switch else ()) + s.fields]


def previous_options(data: Mapping[str, Any], folder: Path, others: list[str]) -> tuple[tuple[str, str], ...]:
    """The previous period's choices: none, each other job of the jobs folder, and the folder or results file
    `job.toml` names when it is none of them (kept as written)."""
    table = _table(data, "previous")
    written = {k: table[k] for k in PREVIOUS_SOURCES if isinstance(table.get(k), str)}
    choices = [("", W.previous_none)]
    found = False
    for name in others:
        value = f"../{name}"
        if "job" in written and (folder / written["job"]).resolve() == (folder.parent / name).resolve():
            value, found = written["job"], True
        choices.append((f"job:{value}", name))
    if "job" in written and not found:
        choices.append((f"job:{written['job']}", W.previous_elsewhere.format(path=written["job"])))
    if "results" in written:
        choices.append((f"results:{written['results']}", W.previous_results.format(path=written["results"])))
    if "table" in written:
        choices.append((f"table:{written['table']}", W.previous_table.format(path=written["table"])))
    return tuple(choices)


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


# the previous period's sources are one select (`previous.job`): a problem with any of them is said beside it
_ALIASES = {"previous": "previous.job", **{f"previous.{s}": "previous.job" for s in PREVIOUS_SOURCES}}


def field_of(problem: Problem, keys: set[str]) -> str | None:
    """The form field a problem is about: its key, or the nearest key above it (`bases[2]` → `bases`)."""
    key = problem.detail("key")
    while key:
        if key in keys:
            return key
        if _ALIASES.get(key) in keys:
            return _ALIASES[key]
        if key.endswith("]"):
            key = key[: key.rindex("[")]
        elif key.endswith('"') and '."' in key:
            key = key[: key.index('."')]
        elif "." in key:
            key = key.rsplit(".", 1)[0]
        else:
            return None
    return None

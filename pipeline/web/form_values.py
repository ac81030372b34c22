"""A settings field's value as the form shows it and as a submitted form gives it back, in office terms.

Dates are dd/mm/yyyy; signature lines are rows of an ND30 prefix (TM., KT., Q., TL., TUQ.) and the rest of the
line; labels are rows of a name and a minimum; the previous period is "job:<path>" or "results:<path>" from a
list. Between the page and `form_edit`, a field's value is one text (rows joined a line each).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from pipeline.config.document_settings import AUTHORITY_PREFIXES
from pipeline.config.period_settings import SOURCES as PREVIOUS_SOURCES
from pipeline.web.job_form import Field, Section, all_fields
from pipeline.web.renames_field import renames_text, renames_value
from pipeline.web.words import W

RANK_ONLY = "[]"  # labels: "only rank, no labels" (the box under the scheme's labels)
BAD_DATE = object()  # a date the form could not read: said beside its field, the key left as it was
_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
EXTRA_ROWS = 2  # empty rows under a list of rows, to add to it


def shown_values(sections: list[Section], data: Mapping[str, Any]) -> dict[str, str]:
    """Every field's value as the form shows it, by field id."""
    return {f.id: shown_value(f, data) for f in all_fields(sections)}


def shown_value(field: Field, data: Mapping[str, Any]) -> str:
    """What the field shows for the value `job.toml` (parsed as `data`) holds."""
    if field.key == "previous.job":
        table = given if isinstance(given := data.get("previous"), dict) else {}
        return next((f"{k}:{table[k]}" for k in PREVIOUS_SOURCES if isinstance(table.get(k), str)), "")
    value = value_at(data, field.key)
    if field.shape == "table":
        return "on" if isinstance(value, dict) else ""
    if field.shape == "renames":
        return renames_text(value)
    if value is None:
        return "on" if field.shape == "bool" and field.default is True else ""
    if field.shape in ("lines", "authority"):
        return "\n".join(map(str, value)) if isinstance(value, list) else str(value)
    if field.shape == "labels":
        return _labels_text(value)
    if field.shape == "date" and isinstance(value, date):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    if isinstance(value, bool):
        return ("on" if value else "") if field.shape == "bool" else str(value).lower()
    return str(value)


def value_at(data: Any, key: str) -> Any:
    """The value at `key` (`groups[2].name`) in parsed TOML, or None when it is not there."""
    for part in parts(key):
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                return None
            data = data[part]
        elif isinstance(data, dict) and part in data:
            data = data[part]
        else:
            return None
    return data


def parts(key: str) -> list[str | int]:
    """`groups[2].name` → ["groups", 1, "name"] (positions counted from 0)."""
    found: list[str | int] = []
    for piece in key.split("."):
        if piece.endswith("]") and "[" in piece:
            name, index = piece[:-1].split("[")
            found += [name, int(index) - 1]
        else:
            found.append(piece)
    return found


def rows(field: Field, text: str) -> list[tuple[str, str]]:
    """A field of rows as (first, second) pairs: a signature line's prefix and the rest; a label's name and
    minimum. Empty rows follow, to add one."""
    found = []
    for line in (text or "").split("\n"):
        if not line.strip() or line.strip() == RANK_ONLY:
            continue
        if field.shape == "authority":
            prefix = next((p for p in AUTHORITY_PREFIXES if line.upper().startswith(p + " ")
                           or line.upper() == p), "")
            found.append((prefix, line[len(prefix):].strip()))
        else:
            name, _, bound = line.rpartition(":") if ":" in line else (line, "", "")
            found.append((name.strip(), bound.strip().replace(".", ",")))
    return found + [("", "")] * EXTRA_ROWS


def collected(field: Field, form: Mapping[str, Any]) -> str:
    """A field's submitted value as one text: rows joined a line each (see `rows`)."""
    if field.shape not in ("authority", "labels"):
        return str(form.get(field.id) or "")
    lines = []
    for n in range(1, 200):
        first, second = (str(form.get(f"{field.id}--{n}-{part}") or "").strip() for part in ("a", "b"))
        if f"{field.id}--{n}-a" not in form and f"{field.id}--{n}-b" not in form:
            break
        if field.shape == "authority" and (first or second):
            lines.append(f"{first} {second}".strip())
        elif field.shape == "labels" and first:
            lines.append(f"{first}: {second}" if second else first)
    if field.shape == "labels" and not lines and form.get(f"{field.id}--none") == "on":
        return RANK_ONLY
    return "\n".join(lines)


def submitted_value(field: Field, raw: str | None) -> Any:
    """What a submitted field means in TOML terms (None: the key is left out)."""
    raw = (raw or "").replace("\r\n", "\n")
    if field.shape == "renames":
        return renames_value(raw)[0]
    if field.shape in ("bool", "table"):
        return raw == "on"
    if field.shape in ("lines", "authority"):
        return [line.strip() for line in raw.split("\n") if line.strip()]
    if field.shape == "labels":
        return _labels_value(raw)
    if field.shape == "date":
        return _date(raw)
    if field.shape == "int":
        return int(raw.strip()) if raw.strip().isdigit() else (raw.strip() or None)
    if field.shape == "choice":
        if field.key.endswith("fixed_decimals") and raw in ("true", "false"):
            return raw == "true"
        return raw or None
    if field.shape == "long":
        return raw.strip("\n")
    return raw


def _date(raw: str) -> Any:
    """"06/07/2021" → 2021-07-06; "" when empty; `BAD_DATE` when it is no day of the calendar."""
    found = _DATE.match(raw.strip())
    if not raw.strip():
        return ""
    try:
        return date(int(found.group(3)), int(found.group(2)), int(found.group(1))) if found else BAD_DATE
    except ValueError:
        return BAD_DATE


def _labels_text(value: Any) -> str:
    """Labels one a line, "Rất tốt: 90", the last without a bound; no labels at all (only ranks) as `RANK_ONLY`."""
    if value == []:
        return RANK_ONLY
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        return str(value)
    return "\n".join(f"{v.get('name', '')}: {v['min']}" if "min" in v else str(v.get("name", "")) for v in value)


def _labels_value(raw: str) -> Any:
    """The labels as TOML: `[{ name = "Rất tốt", min = 90 }, …, { name = "Yếu" }]`; None when left empty.

    A bound that is not a number is kept as written, for the settings code to refuse with its words."""
    lines = [line.strip() for line in raw.split("\n") if line.strip()]
    if not lines:
        return None
    if lines == [RANK_ONLY]:
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


def form_errors(sections: list[Section], submitted: Mapping[str, str]) -> dict[str, list[str]]:
    """What is wrong in fields before any TOML is written: a renames line without "=", a date that is no date."""
    wrong: dict[str, list[str]] = {}
    for field in all_fields(sections):
        raw = submitted.get(field.key) or ""
        if field.shape == "renames" and renames_value(raw)[1]:
            wrong[field.key] = renames_value(raw)[1]
        elif field.shape == "date" and _date(raw) is BAD_DATE:
            wrong[field.key] = [W.bad_date.format(value=raw.strip())]
    return wrong

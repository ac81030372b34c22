"""The accounts list handed to the secretariat (.xlsx, with the new accounts' one-time codes), and the appraisers
it is given (a sheet, or "Name: unit or group; …" options), checked against the register."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from difflib import get_close_matches
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from pipeline.base.messages_store import ACCOUNT_NOTES, ACCOUNTS_COLUMNS, ACCOUNTS_SHEET, COMMAND_WORDS, ROLE_NAMES
from pipeline.scoring.cells import plain_text
from pipeline.store.core import shown_time
from pipeline.store.records import Account
from pipeline.write.text_cells import as_text

W = COMMAND_WORDS


@dataclass(frozen=True)
class Appraiser:
    name: str
    assigned: tuple[str, ...]
    login: str | None = None


def appraisers_from_options(values: list[str]) -> tuple[list[Appraiser], list[str]]:
    found, wrong = [], []
    for value in values:
        name, _, units = value.partition(":")
        assigned = tuple(u.strip() for u in units.split(";") if u.strip())
        if not name.strip() or not assigned:
            wrong.append(W.appraiser_form.format(value=value))
        else:
            found.append(Appraiser(name.strip(), assigned))
    return found, wrong


def appraisers_from_sheet(path: Path) -> tuple[list[Appraiser], list[str]]:
    """The appraisers of the first sheet of `path`: columns "Họ tên", "Thẩm định", optionally "Tên đăng nhập"."""
    try:
        rows = list(load_workbook(path, read_only=True, data_only=True).worksheets[0].iter_rows(values_only=True))
    except Exception:
        return [], [W.appraisers_file.format(path=path)]
    header = [plain_text(str(v or "")) for v in (rows[0] if rows else ())]
    where = {key: next((i for i, h in enumerate(header) if h.startswith(key)), None)
             for key in ("ho ten", "tham dinh", "ten dang nhap")}
    if where["ho ten"] is None or where["tham dinh"] is None:
        return [], [W.appraisers_file.format(path=path)]
    found, wrong = [], []
    for number, row in enumerate(rows[1:], 2):
        cells = [str(v).strip() if v is not None else "" for v in row]
        name, units = cells[where["ho ten"]], cells[where["tham dinh"]]
        login = cells[where["ten dang nhap"]] if where["ten dang nhap"] is not None else ""
        if not name and not units:
            continue
        assigned = tuple(u.strip() for u in units.split(";") if u.strip())
        if not name or not assigned:
            wrong.append(W.appraisers_row.format(path=path, row=number))
        else:
            found.append(Appraiser(name, assigned, login or None))
    return found, wrong


def assignment_problems(appraisers: list[Appraiser], known: list[str]) -> list[str]:
    """Each unit or group assigned that the register does not have, with the closest name it has."""
    wrong = []
    for appraiser in appraisers:
        for value in appraiser.assigned:
            if value not in known:
                close = get_close_matches(value, known, n=1, cutoff=0.6)
                hint = W.did_you_mean.format(name=close[0]) if close else ""
                wrong.append(W.appraiser_unknown.format(name=appraiser.name, value=value, hint=hint))
    return wrong


def accounts_workbook(accounts: list[Account], codes: dict[int, tuple[str, datetime]],
                      renamed: dict[str, str]) -> bytes:
    """One row per account; the new ones with their code and until when it works (`codes`: account id → both)."""
    book = Workbook()
    sheet = book.worksheets[0]  # the one sheet a new workbook has
    sheet.title = ACCOUNTS_SHEET
    sheet.append(list(ACCOUNTS_COLUMNS))
    for number, account in enumerate(accounts, 1):
        code, until = codes.get(account.id, ("", None))
        notes = [ACCOUNT_NOTES.new if code else ACCOUNT_NOTES.given if account.must_set_password
                 else ACCOUNT_NOTES.password_set]
        if account.unit in renamed:
            notes.append(ACCOUNT_NOTES.renamed.format(old=renamed[account.unit]))
        if not account.active:
            notes.append(ACCOUNT_NOTES.locked)
        sheet.append([number, ROLE_NAMES[account.role.value], account.name, account.login, code,
                      shown_time(until) if until else "", "; ".join(notes), "; ".join(account.assigned)])
        for cell in sheet[sheet.max_row]:
            as_text(cell)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFGH", (5, 11, 40, 34, 18, 18, 50, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()

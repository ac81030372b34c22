"""A campaign with people in it, for the tests of the online campaign: the secretariat, two units, appraisers.

`Campaign` copies the example campaign (and one other example job) into a jobs folder, opens the desk over it
and gives each person a logged-in client (`Client` of conftest: it knows its page's CSRF token). Unit A and unit
B save marked entries and evidence (`MARK_A`, `MARK_B`: words no other place holds), submit, and are appraised.
"""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import tomlkit
from openpyxl import load_workbook

from pipeline.store.records import Role
from pipeline.web.app import create_app
from pipeline.web.desk_store import desk_store
from tests.conftest import INPUTS
from tests.web.conftest import Client

EXAMPLE = "vi-du-2025-dot-danh-gia-tinh"
JOB = "dot-danh-gia-thu"
OTHER_JOB = "huong-tra-2020-xep-loai"
UNIT_A, UNIT_B = "Sở Nội vụ", "UBND xã Phú Lộc"
WORKBOOKS = {UNIT_A: "01-so-noi-vu.xlsx", UNIT_B: "12-xa-phu-loc.xlsx"}
GROUP_A, GROUP_B = "Sở, ban, ngành", "UBND các xã, phường"
SURVEY_B = Decimal("15.6")  # the register's survey points of unit B
MARK_A, MARK_B = "ĐÁNH-DẤU-AAA-7341", "ĐÁNH-DẤU-BBB-9052"
PASSWORD = "mat-khau-thu-nghiem"


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)


def version_of(html: str, criterion: str) -> int:
    return int(re.search(rf'data-criterion="{re.escape(criterion)}"[^>]*data-version="(\d+)"', html).group(1))


class People:
    """The desk over a copied campaign and a client per person (each its own session)."""

    def __init__(self, root: Path) -> None:
        self.jobs = root / "inputs"
        small_campaign(self.jobs / JOB)
        shutil.copytree(INPUTS / OTHER_JOB, self.jobs / OTHER_JOB)
        self.app = create_app(self.jobs)
        self.clients: list[Client] = []
        self.secretariat = self._client()
        self.store = desk_store(self.app.state)
        self.secretariat_login()

    def _client(self) -> Client:
        client = Client(self.app)
        client.__enter__()
        self.clients.append(client)
        return client

    def close(self) -> None:
        for client in self.clients:
            client.__exit__(None, None, None)

    def secretariat_login(self) -> None:
        """The secretariat's session (the desk on this machine is the secretariat's)."""

    def account(self, login: str):
        return self.store.account_by_login(login)

    def person(self, role: Role, name: str, unit: str | None = None, assigned: tuple[str, ...] = ()) -> Client:
        """A new account of `role` and a client logged in with it (first login with its one-time code)."""
        if role is Role.UNIT:
            made = [(a, c) for a, c in self.store.create_unit_accounts(JOB, [unit])]
            account, code = made[0] if made else (None, None)
        else:
            account, code = self.store.create_account(role, name, job=JOB, assigned=assigned)
        client = self._client()
        page = client.get("/first-login")
        answer = client.post("/first-login", data={"csrf": csrf_of(page.text), "login": account.login, "code": code,
                                                   "new": PASSWORD, "again": PASSWORD},
                             follow_redirects=False)
        assert answer.status_code < 400, answer.text
        client.login = account.login
        return client

    def save_self(self, client: Client, criterion: str, points: str, justification: str) -> None:
        page = client.get(f"/jobs/{JOB}/self").text
        answer = client.post(f"/jobs/{JOB}/self/{criterion}", data={
            "csrf": csrf_of(page), "points": points, "justification": justification,
            "version": str(version_of(page, criterion))})
        assert answer.status_code < 400, answer.text

    def evidence(self, client: Client, criterion: str, name: str, content: bytes) -> None:
        page = client.get(f"/jobs/{JOB}/self").text
        answer = client.post(f"/jobs/{JOB}/self/{criterion}/evidence", data={"csrf": csrf_of(page)},
                             files={"file": (name, content, "application/pdf")})
        assert answer.status_code < 400, answer.text

    def submit(self, client: Client) -> None:
        page = client.get(f"/jobs/{JOB}/self").text
        answer = client.post(f"/jobs/{JOB}/self/submit", data={"csrf": csrf_of(page)})
        assert answer.status_code < 400, answer.text

    def move(self, move: str) -> None:
        answer = self.secretariat.post_form(f"/jobs/{JOB}/appraisal/phase", {"move": move})
        assert answer.status_code < 400, answer.text

    def appraise(self, client: Client, unit: str, criterion: str, points: str, comment: str = ""):
        page = client.get(f"/jobs/{JOB}/appraisal/{unit}").text
        return client.post(f"/jobs/{JOB}/appraisal/{unit}/{criterion}", data={
            "csrf": csrf_of(page), "points": points, "comment": comment,
            "version": str(version_of(page, criterion))}, follow_redirects=False)

    def explain(self, client: Client, criterion: str, text: str):
        page = client.get(f"/jobs/{JOB}/explanation").text
        return client.post(f"/jobs/{JOB}/explanation/{criterion}", data={
            "csrf": csrf_of(page), "explanation": text, "version": str(version_of(page, criterion))},
            follow_redirects=False)


def small_campaign(folder: Path) -> None:
    """The example campaign cut to units A and B, their workbooks with the criteria tree only (nothing typed),
    without the comparison with last year and the summary (documents of other tests)."""
    shutil.copytree(INPUTS / EXAMPLE, folder)
    settings = tomlkit.parse((folder / "job.toml").read_text(encoding="utf-8"))
    for table in ("previous", "summary"):
        settings.pop(table)
    settings["appraisal"]["done"] = False
    (folder / "job.toml").write_text(tomlkit.dumps(settings), encoding="utf-8")
    for path in (folder / "don-vi").glob("*.xlsx"):
        if path.name not in WORKBOOKS.values():
            path.unlink()
            continue
        book = load_workbook(path)
        for row in book.worksheets[0].iter_rows(min_row=7):
            if row[0].value and "." in str(row[0].value):
                for cell in row[3:7]:
                    cell.value = None
        book.save(path)
    book = load_workbook(folder / "danh-muc-don-vi.xlsx")
    sheet = book.worksheets[0]
    for row in range(sheet.max_row, 3, -1):
        if sheet.cell(row, 2).value not in WORKBOOKS:
            sheet.delete_rows(row)
    book.save(folder / "danh-muc-don-vi.xlsx")


def pdf(mark: str) -> bytes:
    """A small PDF whose text is `mark` (enough for a type check that reads the header)."""
    body = f"BT /F1 12 Tf 72 720 Td ({mark.encode('ascii', 'replace').decode()}) Tj ET"
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n"
            + f"% {mark}\n{body}\n".encode() + b"trailer<</Root 1 0 R>>\n%%EOF\n")

"""Accounts: one per unit of a job's register, appraisers, the secretariat; one-time codes and passwords (hashed)."""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Iterable
from datetime import timedelta
from functools import cache
from typing import Any, cast

from sqlalchemy import Connection, Row, delete, insert, select, update

import pipeline.store.tables as t
from pipeline.base.messages_store import STORE_WORDS
from pipeline.base.passwords import MIN_PASSWORD, hash_password, password_matches
from pipeline.scoring.cells import plain_text
from pipeline.store.core import StoreCore, shown_time
from pipeline.store.errors import NotFound, Refused
from pipeline.store.records import Account, Role

CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read aloud or copied from paper without doubt
CODE_LENGTH = 12
CODE_LIFETIME = timedelta(days=30)
SECRETARIAT = "van-phong"  # the actor of changes made by the secretariat's commands


@cache
def _unmatched() -> dict[str, object]:
    """A hash no password matches, checked when there is no account so that the time says nothing."""
    return hash_password(secrets.token_urlsafe(16))


def new_code() -> str:
    """A random one-time code, shown in groups of four ("k7mq-x3pa-ht2c")."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i:i + 4] for i in range(0, CODE_LENGTH, 4))


def _typed_code(code: str) -> str:
    return re.sub(r"[\s-]+", "", code).lower()


def login_base(name: str) -> str:
    """A login made of a name: no diacritics, lowercase, words joined by "-" ("Sở Tài chính" → "so-tai-chinh")."""
    return re.sub(r"[^a-z0-9]+", "-", plain_text(name)).strip("-")[:60] or "tai-khoan"


def account_of(row: Row[Any]) -> Account:
    m = row._mapping
    return Account(id=m["id"], login=m["login"], role=Role(m["role"]), name=m["name"], job=m["job"], unit=m["unit"],
                   active=m["active"], must_set_password=m["must_set_password"],
                   assigned=tuple(json.loads(m["assigned"] or "[]")))


class AccountsPart(StoreCore):
    def create_unit_accounts(self, job: str, units: Iterable[str],
                             actor: str = SECRETARIAT) -> list[tuple[Account, str]]:
        """An account and its one-time code for each of `units` that has no account in `job` yet."""
        created = []
        with self.writing() as connection:
            have = {row.unit for row in connection.execute(
                select(t.accounts.c.unit).where(t.accounts.c.job == job, t.accounts.c.role == Role.UNIT.value))}
            for unit in dict.fromkeys(units):
                if unit not in have:
                    created.append(self._create(connection, Role.UNIT, unit, job, unit, (), None, actor))
        return created

    def create_account(self, role: Role, name: str, job: str | None = None, unit: str | None = None,
                       assigned: Iterable[str] = (), login: str | None = None,
                       actor: str = SECRETARIAT) -> tuple[Account, str]:
        """A new account and its one-time code; `login` is made of the name (and job) when not given."""
        with self.writing() as connection:
            return self._create(connection, role, name, job, unit, tuple(assigned), login, actor)

    def _create(self, connection: Connection, role: Role, name: str, job: str | None, unit: str | None,
                assigned: tuple[str, ...], login: str | None, actor: str) -> tuple[Account, str]:
        if login is not None:
            login = login.strip().lower()
            if connection.execute(select(t.accounts.c.id).where(t.accounts.c.login == login)).first():
                raise Refused("login_taken", login=login)
        else:
            login = self._free_login(connection, login_base(name) + (f"@{login_base(job)}" if job else ""))
        code = new_code()
        now = self.clock()
        new_id = cast(Row[Any], connection.execute(insert(t.accounts).values(  # one row inserted: its key is there
            login=login, role=role.value, name=name, job=job, unit=unit, assigned=json.dumps(list(assigned)),
            active=True, must_set_password=True, password=None, code=json.dumps(hash_password(_typed_code(code))),
            code_expires=now + CODE_LIFETIME, created_at=now)).inserted_primary_key)[0]
        self.record(connection, actor, "account_created", job, unit, field="login", new=login)
        return Account(new_id, login, role, name, job, unit, True, True, assigned), code

    @staticmethod
    def _free_login(connection: Connection, base: str) -> str:
        taken = {row.login for row in connection.execute(
            select(t.accounts.c.login).where(t.accounts.c.login.like(base.replace("_", "\\_") + "%", escape="\\")))}
        number, login = 1, base
        while login in taken:
            number += 1
            login = f"{base}-{number}" if "@" not in base else base.replace("@", f"-{number}@", 1)
        return login

    def renew_code(self, account_id: int, actor: str = SECRETARIAT) -> str:
        """A new one-time code for an account (its password forgotten, its code lost); the old ones stop working."""
        code = new_code()
        with self.writing() as connection:
            account = self._row(connection, account_id)
            connection.execute(update(t.accounts).where(t.accounts.c.id == account_id).values(
                code=json.dumps(hash_password(_typed_code(code))), code_expires=self.clock() + CODE_LIFETIME,
                must_set_password=True, password=None))
            connection.execute(delete(t.sessions).where(t.sessions.c.account_id == account_id))
            self.record(connection, actor, "code_renewed", account.job, account.unit, field="login", new=account.login)
        return code

    def first_login(self, login: str, code: str, new_password: str) -> Account:
        """The account whose one-time code `code` is, with `new_password` set; the code cannot be used again."""
        if len(new_password) < MIN_PASSWORD:
            raise Refused("password_short", min=MIN_PASSWORD)
        with self.writing() as connection:
            row = connection.execute(select(t.accounts).where(t.accounts.c.login == login.strip().lower())).first()
            if row is None:
                raise Refused("code_wrong")
            m = row._mapping
            if m["code"] is None:
                raise Refused("code_used" if m["password"] else "code_wrong")
            if not password_matches(json.loads(m["code"]), _typed_code(code)):
                raise Refused("code_wrong")
            if not m["active"]:
                raise Refused("inactive", login=m["login"])
            if m["code_expires"] is not None and m["code_expires"] < self.clock():
                raise Refused("code_expired", at=shown_time(m["code_expires"]))
            changed = connection.execute(update(t.accounts)
                                         .where(t.accounts.c.id == m["id"], t.accounts.c.code == m["code"])
                                         .values(password=json.dumps(hash_password(new_password)), code=None,
                                                 code_expires=None, must_set_password=False))
            if changed.rowcount != 1:
                raise Refused("code_used")
            self.record(connection, m["login"], "password_set", m["job"], m["unit"], field="login", new=m["login"])
            return account_of(self._row(connection, m["id"]))

    def authenticate(self, login: str, password: str) -> Account | None:
        """The active account `login` whose password is `password`, else None (whichever of the two was wrong)."""
        with self.reading() as connection:
            row = connection.execute(select(t.accounts).where(t.accounts.c.login == login.strip().lower())).first()
        if row is None or not row.password:
            password_matches(_unmatched(), password)  # as long as a real check: the time tells nothing
            return None
        return account_of(row) if password_matches(json.loads(row.password), password) and row.active else None

    def account(self, account_id: int) -> Account | None:
        with self.reading() as connection:
            row = connection.execute(select(t.accounts).where(t.accounts.c.id == account_id)).first()
        return None if row is None else account_of(row)

    def account_by_login(self, login: str) -> Account | None:
        with self.reading() as connection:
            row = connection.execute(select(t.accounts).where(t.accounts.c.login == login.strip().lower())).first()
        return None if row is None else account_of(row)

    def accounts(self, job: str | None) -> list[Account]:
        """The accounts of `job` (None: those of no job, the secretariat's), in the order they were made."""
        query = select(t.accounts).where(t.accounts.c.job.is_(None) if job is None else t.accounts.c.job == job)
        with self.reading() as connection:
            return [account_of(row) for row in connection.execute(query.order_by(t.accounts.c.id))]

    def set_active(self, account_id: int, active: bool, actor: str = SECRETARIAT) -> Account:
        with self.writing() as connection:
            row = self._row(connection, account_id)
            if row.active != active:
                connection.execute(update(t.accounts).where(t.accounts.c.id == account_id).values(active=active))
                connection.execute(delete(t.sessions).where(t.sessions.c.account_id == account_id))
                self.record(connection, actor, "account_active", row.job, row.unit, field="active", old=row.active,
                            new=active)
            return account_of(self._row(connection, account_id))

    def set_assigned(self, account_id: int, assigned: Iterable[str], actor: str = SECRETARIAT) -> Account:
        """An appraiser's units or groups (names in the job's register) replaced by `assigned`."""
        with self.writing() as connection:
            row = self._row(connection, account_id)
            new = json.dumps(list(dict.fromkeys(assigned)), ensure_ascii=False)
            if json.loads(row.assigned or "[]") != json.loads(new):
                connection.execute(update(t.accounts).where(t.accounts.c.id == account_id).values(assigned=new))
                self.record(connection, actor, "account_assigned", row.job, None, field="assigned",
                            old="; ".join(json.loads(row.assigned or "[]")), new="; ".join(json.loads(new)))
            return account_of(self._row(connection, account_id))

    def rename_unit(self, job: str, old: str, new: str, actor: str = SECRETARIAT) -> None:
        """A unit renamed in the register: its account, entries, evidence and state follow under the new name."""
        with self.writing() as connection:
            for table in (t.accounts, t.entries, t.evidence, t.unit_states):
                connection.execute(update(table).where(table.c.job == job, table.c.unit == old).values(unit=new))
            connection.execute(update(t.accounts).where(t.accounts.c.job == job, t.accounts.c.unit == new,
                                                        t.accounts.c.role == Role.UNIT.value).values(name=new))
            self.record(connection, actor, "account_renamed", job, new, field="unit", old=old, new=new)

    @staticmethod
    def _row(connection: Connection, account_id: int) -> Row[Any]:
        row = connection.execute(select(t.accounts).where(t.accounts.c.id == account_id)).first()
        if row is None:
            raise NotFound(what=STORE_WORDS["account"])
        return row

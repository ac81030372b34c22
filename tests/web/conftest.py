"""A jobs folder of example jobs, the app over it, and a client that knows the page's CSRF token."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from pipeline.web.app import create_app
from tests.conftest import INPUTS

# the 2025 campaign names 2024 as its previous period
JOBS = ("huong-tra-2020-xep-loai", "huong-tra-2021-tu-cham", "vi-du-2024-bang-xep-hang-cchc",
        "vi-du-2024-xep-loai-tinh", "vi-du-2025-dot-danh-gia-tinh")


@pytest.fixture
def jobs(tmp_path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    for name in JOBS:
        shutil.copytree(INPUTS / name, folder / name)
    return folder


class Client(TestClient):
    """A browser's session: `csrf` is the token a page of this session carries in its forms."""

    def csrf(self) -> str:
        page = self.get("/new").text
        return re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)

    def post_form(self, url: str, data: dict | None = None, files: dict | None = None, **kwargs):
        return self.post(url, data={"csrf": self.csrf(), **(data or {})}, files=files, **kwargs)


@pytest.fixture
def client(jobs) -> Client:
    with Client(create_app(jobs)) as client:
        yield client


def text_of(html: str) -> str:
    """A page's text as read: tags dropped, entities of & < > " ' back to characters, spaces collapsed."""
    import html as entities

    return re.sub(r"\s+", " ", entities.unescape(re.sub(r"<[^>]+>", " ", html))).strip()


class Clock:
    """A clock the test moves by hand (`now += seconds`), for sessions and login limits."""

    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now

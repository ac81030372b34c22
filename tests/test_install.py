"""The program installs like a library: a wheel, a fresh environment, a job run from any folder."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile

from tests.conftest import INPUTS, ROOT


def test_a_wheel_in_a_fresh_environment_runs_a_job_from_any_folder(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(wheels)],
                   check=True, capture_output=True)
    wheel = next(wheels.glob("*.whl"))
    shipped = set(zipfile.ZipFile(wheel).namelist())
    assert {"pipeline/documents/templates/quyet-dinh-xep-loai.docx",
            "pipeline/config/schemes/chat-luong-hoat-dong/2020.toml",
            "pipeline/web/templates/base.html", "pipeline/web/static/style.css",
            "pipeline/web/static/progress.js",  # the web app's pages and style
            "pipeline/store/migrations/env.py", "pipeline/store/migrations/script.py.mako",
            "pipeline/store/migrations/versions/v0002_sessions.py"} <= shipped  # the store's migrations

    environment = tmp_path / "env"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "any" / "folder"
    elsewhere.mkdir(parents=True)
    done = subprocess.run([str(environment / "bin" / "pipeline"), "run", str(INPUTS / "huong-tra-2020-xep-loai"),
                           "--out", "ket-qua"], cwd=elsewhere, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert {p.name for p in (elsewhere / "ket-qua").iterdir()} == {"ket-qua.xlsx", "quyet-dinh.docx", "manifest.json"}
    assert str(elsewhere / "ket-qua") in done.stdout  # a relative --out is said with where it is
    installed = subprocess.run([str(python), "-c", "import pipeline; print(pipeline.__file__)"], cwd=elsewhere,
                               capture_output=True, text=True, check=True).stdout
    assert str(environment) in installed  # the wheel's copy ran, not the source tree's

"""A column the job lists as ignored (`[checks] ignore_columns`) is neither read nor refused, whatever its header
looks like; without the listing a second column of a meaning already found is refused (issue #20, item 6).

The PAR INDEX 2020 example (inputs/) gets a second index column "Chỉ số CCHC" holding the same figures as its
"Chỉ số cải cách hành chính", as a clerk may keep a copy of the published total beside the one the job reads.
"""

from __future__ import annotations

import csv
import shutil
from decimal import Decimal

import pytest

from pipeline.base.errors import InputErrors, Reason
from pipeline.flow import check_job, run_job
from tests.conftest import ROOT

EXAMPLE = ROOT / "inputs" / "viet-nam-2020-par-index"
COPY = "Chỉ số CCHC"


def _with_copy(tmp_path, ignored: bool):
    folder = tmp_path / "job"
    shutil.copytree(EXAMPLE, folder)
    data = folder / "par-index-2020.csv"
    with data.open(encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    with data.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows([[*rows[0], COPY], *([*r, r[-1]] for r in rows[1:])])
    if ignored:
        settings = folder / "job.toml"
        text = settings.read_text(encoding="utf-8")
        settings.write_text(text.replace('ignore_columns = ["Hạng"]', f'ignore_columns = ["Hạng", "{COPY}"]'),
                            encoding="utf-8")
    return folder, rows


def test_a_second_index_column_not_listed_as_ignored_is_refused(tmp_path):
    folder, _ = _with_copy(tmp_path, ignored=False)
    with pytest.raises(InputErrors) as caught:
        check_job(folder, workers=1)
    assert [(p.reason, p.column) for p in caught.value.problems] == [(Reason.LOOKALIKE_COLUMN, COPY)]


def test_a_column_listed_as_ignored_is_never_refused_even_when_it_equals_the_total(tmp_path):
    folder, rows = _with_copy(tmp_path, ignored=True)
    run = run_job(folder, tmp_path / "out", workers=1)
    published = {r[1]: Decimal(r[6].replace(",", ".")) for r in rows[1:]}
    assert {u["unit"]: u["score"] for u in run.result.units} == published
    assert not [w for w in run.warnings if w.column == COPY]

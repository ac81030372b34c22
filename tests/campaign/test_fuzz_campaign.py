"""A campaign fuzzer: registers, unit workbooks and previous periods generated from a seed, with random faults.

Each seed makes a campaign of a few sở and xã with appraised points, then breaks it in some of the ways a tired
clerk would: a unit's table moved to another group's "Khối:" line, a blank or an extra cell, a table given twice, a
name with a look-alike character, a "KT." signer above the head's own position, a previous period with the unit in
another group, survey points too large. `check` (and, for some seeds, `run`) never ends in an unexpected error
(exit 3); a fault that must be refused is refused; and every figure of an accepted campaign — each unit's result,
label and rank — equals an independent `Decimal` recomputation here, from the numbers the generator wrote.
"""

from __future__ import annotations

import random
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from openpyxl import load_workbook

from pipeline.cli import main
from pipeline.flow import check_job
from tests.campaign.conftest import JOB, LEAVES, REGISTER_HEADER, SO, TREE, XA, unit_rows
from tests.conftest import write_workbook

SEEDS = 24
BUDGET = 100.0  # seconds: the loop stops early rather than pass two minutes on a slow machine
MAXIMA = {code: maximum for code, _, maximum in TREE}
LABELS = ((Decimal(90), "Rất tốt"), (Decimal(80), "Tốt"), (Decimal(70), "Khá"), (Decimal(50), "Trung bình"))
MUST_REFUSE = {"moved", "twice", "lookalike", "signer", "previous_moved", "blank"}


def generated(folder: Path, rng: random.Random, faults: set[str], previous: bool = False) -> dict:
    """A campaign in `folder` from `rng`, broken by `faults`; the units as written (name → group, own and appraised
    points, bonus, survey)."""
    units = {}
    for n in range(rng.randint(2, 4)):
        units[f"Sở Thử Nghiệm {n + 1}"] = SO
    for n in range(rng.randint(2, 5)):
        units[f"UBND xã Thử-Nghiệm {n + 1}"] = XA
    header = [*REGISTER_HEADER, "Điểm điều tra xã hội học"]
    register, figures = [], {}
    for number, (unit, group) in enumerate(units.items(), 1):
        appraised = [Decimal(rng.randint(0, MAXIMA[c] * 4)) / 4 for c in LEAVES]
        own = [min(Decimal(MAXIMA[c]), a + rng.choice([0, 0, 1])) for c, a in zip(LEAVES, appraised, strict=True)]
        bonus = Decimal(rng.choice([0, 0, 1, 2]))
        survey = Decimal(rng.randint(0, 20)) / 2 if group == XA and rng.random() < 0.3 else None
        if "survey" in faults and survey is not None:
            survey = Decimal(150)
        signer = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] if group == SO else [None, None]
        if "signer" in faults and number == 1:
            signer = ["KT. GIÁM ĐỐC", "GIÁM ĐỐC"]
        register.append([number, unit, group, None, None, None, "Minh Họa", *signer, f"Người ký {number}",
                         bonus or None, None, survey])
        figures[unit] = (group, own, appraised, bonus, survey)
    write_campaign_files(folder, rng, faults, units, figures, register, header, previous)
    return figures


def write_campaign_files(folder: Path, rng: random.Random, faults: set[str], units: dict, figures: dict,
                         register: list, header: list, previous: bool) -> None:
    (folder / "don-vi").mkdir(parents=True)
    job = JOB.replace('name = "(Họ và tên)"', 'name = "Người ký"')
    if previous:
        job += '\n[previous]\njob = "../truoc"\nname = "năm 2024"\n'
    (folder / "job.toml").write_text(job, encoding="utf-8")
    write_workbook(folder / "danh-muc-don-vi.xlsx", {"Danh mục": [["DANH MỤC"], [], header, *register]})
    names = list(units)
    for number, unit in enumerate(names, 1):
        group, own, appraised, _, _ = figures[unit]
        written = unit
        if "lookalike" in faults and number == len(names):
            written = unit.replace("-", "\u2011")
        line = (XA if group == SO else SO) if "moved" in faults and number == 1 else (group if rng.random() < 0.5
                                                                                    else None)
        rows = unit_rows(written, [float(o) for o in own], [float(a) for a in appraised], group=line)
        if "blank" in faults and number == 2:
            rows[-1][4] = None  # a leaf's appraised points left blank
        if "extra" in faults:
            rows[1] = ["", "", "", "", "", "", "", "ghi chú lạc chỗ"]  # a stray cell above the header
        write_workbook(folder / "don-vi" / f"{number:02d}.xlsx", {"Tự chấm": rows})
    if "twice" in faults:
        _, own, appraised, _, _ = figures[names[0]]
        rows = unit_rows(names[0].upper(), [float(o) for o in own], [float(a) for a in appraised])
        write_workbook(folder / "don-vi" / "99.xlsx", {"Tự chấm": rows})


def expected(figures: dict) -> dict[str, tuple[Decimal, str, int]]:
    """Each unit's result, label and rank in its group, recomputed here with `Decimal` (rounded half up to 2)."""
    scores = {}
    for unit, (group, _, appraised, bonus, survey) in figures.items():
        points = sum(appraised, Decimal(0))
        exact = points + survey + bonus if survey is not None else points * 100 / 100 + bonus
        scores[unit] = (group, exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    found = {}
    for unit, (group, score) in scores.items():
        rank = 1 + sum(1 for g, s in scores.values() if g == group and s > score)
        label = next((name for bound, name in LABELS if score >= bound), "Yếu")
        found[unit] = (score, label, rank)
    return found


def test_generated_campaigns_never_crash_refuse_their_faults_and_compute_every_accepted_figure(tmp_path, capsys):
    started, outcomes = time.monotonic(), {"accepted": 0, "refused": 0, "run": 0}
    for seed in range(SEEDS):
        if time.monotonic() - started > BUDGET:
            break
        rng = random.Random(seed)
        faults = set(rng.sample(["moved", "blank", "extra", "twice", "lookalike", "signer", "survey",
                                 "previous_moved"], k=rng.choice([0, 0, 1, 1, 2])))
        previous = "previous_moved" in faults or rng.random() < 0.2
        folder = tmp_path / f"dot-{seed}"
        figures = generated(folder, rng, faults - {"previous_moved"}, previous)
        if previous:
            past = generated(folder.parent / f"truoc-{seed}", random.Random(seed), set(), False)
            (folder / "job.toml").write_text((folder / "job.toml").read_text(encoding="utf-8")
                                             .replace('"../truoc"', f'"../truoc-{seed}"'), encoding="utf-8")
            if "previous_moved" in faults:  # the previous period put one sở among the xã
                moved = next(u for u, f in past.items() if f[0] == SO)
                book = load_workbook(folder.parent / f"truoc-{seed}" / "danh-muc-don-vi.xlsx")
                for row in book.active.iter_rows():
                    if row[1].value == moved:
                        row[2].value = XA
                book.save(folder.parent / f"truoc-{seed}" / "danh-muc-don-vi.xlsx")
        code = main(["check", str(folder)])
        said = capsys.readouterr()
        assert code in (0, 1), (seed, faults, said.err[-2000:])
        refusable = faults & MUST_REFUSE
        if refusable:
            assert code == 1, (seed, faults, "accepted a campaign with", refusable)
        if code == 1:
            outcomes["refused"] += 1
            assert "Lỗi ngoài dự kiến" not in said.err
            continue
        outcomes["accepted"] += 1
        result = check_job(folder)
        recomputed = expected(figures)
        for unit in result.units:
            assert (unit["score"], unit["label"], unit["rank"]) == recomputed[unit["unit"]], (seed, unit["unit"])
        if seed % 4 == 0:  # a run too: its exit code, and ket-qua.xlsx holding the same figures
            code = main(["run", str(folder), "--out", str(tmp_path / f"out-{seed}")])
            said = capsys.readouterr()
            assert code == 0, (seed, said.err[-2000:])
            outcomes["run"] += 1
            book = load_workbook(tmp_path / f"out-{seed}" / "ket-qua.xlsx")
            for sheet in (s for s in book.worksheets if s.title in (SO, XA)):
                rows = list(sheet.iter_rows(values_only=True))
                head = list(rows[0])
                for row in rows[1:]:
                    if row[head.index("Đơn vị")] in recomputed:
                        score = Decimal(str(row[head.index("Kết quả đánh giá")]))
                        assert score == recomputed[row[head.index("Đơn vị")]][0], (seed, row)
    with capsys.disabled():
        print(f"\nfuzzed {sum(outcomes.values()) - outcomes['run']} campaigns in {time.monotonic() - started:.0f} s: "
              f"{outcomes}")
    assert outcomes["accepted"] >= 3 and outcomes["refused"] >= 3

"""The manifest and the run summary state the scheme as applied: after [scheme_overrides] and group labels."""

from __future__ import annotations

import json

import pytest

from tests.conftest import DOCUMENT, unit_job

HEADER = ["TT", "Đơn vị", "Tổng điểm các nhiệm vụ phát sinh trong năm theo quy định", "Tổng điểm thẩm định"]
SETTINGS = """
kind = "quyet-dinh-xep-loai"
scheme = "chat-luong-hoat-dong@2020"
[scheme_overrides]
decimals = 3
fixed_decimals = true
tie_rule = "lien-tiep"
scale = 10
labels = [{ name = "Hoàn thành tốt", min = 8.5 }, { name = "Hoàn thành", min = 5 }, { name = "Chưa hoàn thành" }]
[[groups]]
name = "Khối A"
[[groups]]
name = "Khối B"
labels = [{ name = "Đạt", min = 6 }, { name = "Không đạt" }]
""" + DOCUMENT


@pytest.fixture
def run(tmp_path, cli):
    job = unit_job(tmp_path / "job", {"Khối A": [HEADER, [1, "Phòng A", 100, 90]],
                                       "Khối B": [HEADER, [1, "Xã B", 100, 70]]}, SETTINGS)
    code, stdout, stderr = cli("run", job, "--out", tmp_path / "out")
    assert code == 0, stderr
    return json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8")), stdout


@pytest.mark.parametrize("key, value", [
    ("id", "chat-luong-hoat-dong"), ("version", "2020"), ("decimals", 3), ("fixed_decimals", True),
    ("tie_rule", "lien-tiep"), ("scale", "10"),
    ("labels", [{"name": "Hoàn thành tốt", "min": "8.5"}, {"name": "Hoàn thành", "min": "5"},
                {"name": "Chưa hoàn thành", "min": None}]),
    ("conditions", []),
    ("overridden", ["decimals", "fixed_decimals", "labels", "scale", "tie_rule"]),
    ("group_labels", {"Khối B": [{"name": "Đạt", "min": "6"}, {"name": "Không đạt", "min": None}]}),
])
def test_manifest_states_the_scheme_as_applied(run, key, value):
    manifest, _ = run
    assert manifest["scheme"][key] == value


@pytest.mark.parametrize("line", [
    "  Làm tròn 3 chữ số thập phân (luôn giữ đủ số chữ số); cùng điểm: hạng liên tiếp; thang điểm 10.",
    "  Xếp loại: Hoàn thành tốt từ 8,5; Hoàn thành từ 5 đến dưới 8,5; Chưa hoàn thành dưới 5.",
    "  Đã đổi trong [scheme_overrides]: decimals, fixed_decimals, labels, scale, tie_rule.",
    "  Xếp loại riêng của khối: Đạt từ 6; Không đạt dưới 6.",
])
def test_summary_states_the_scheme_as_applied(run, line):
    _, stdout = run
    assert line in stdout.splitlines()


def test_shipped_scheme_without_overrides(example_job, cli, tmp_path):
    job = example_job("vi-du-2024-xep-hang-cchc")
    code, stdout, stderr = cli("check", job)
    assert code == 0, stderr
    assert ("  Làm tròn 3 chữ số thập phân (luôn giữ đủ số chữ số); cùng điểm: đồng hạng (cùng điểm thì cùng hạng); "
            "thang điểm 100.") in stdout.splitlines()
    assert "  Xếp loại: Xuất sắc từ 90; Tốt từ 80 đến dưới 90; Khá từ 70 đến dưới 80; Trung bình từ 50 đến dưới 70; " \
           "Yếu dưới 50." in stdout.splitlines()
    assert "[scheme_overrides]" not in stdout

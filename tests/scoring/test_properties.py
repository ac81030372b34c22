"""Property tests (hypothesis) for rounding, formatting, ranking and classification."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pandas as pd
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from pipeline.base.formatting import number
from pipeline.base.rounding import round_half_up
from pipeline.config.scheme import Label, scheme_data, scheme_from_data
from pipeline.read.job_folder import read_settings
from pipeline.scoring.classify import classified, label_for
from pipeline.scoring.compute import unit_scores
from pipeline.scoring.evaluate import scored
from pipeline.scoring.rank import ranked_within_groups

scores = st.decimals(min_value=0, max_value=110, places=4, allow_nan=False, allow_infinity=False)
SCHEME = scheme_from_data(scheme_data("chat-luong-hoat-dong@2020", "test")[0], "test")


@given(scores, st.integers(0, 3))
def test_rounding_is_half_up_and_within_half_a_step(value, decimals):
    rounded = round_half_up(value, decimals)
    step = Decimal(1).scaleb(-decimals)
    assert abs(rounded - value) <= step / 2
    if abs(rounded - value) == step / 2:
        assert rounded > value


@given(scores, st.integers(0, 3), st.booleans())
def test_formatting_shows_the_rounded_value_with_a_decimal_comma(value, decimals, fixed):
    rounded = round_half_up(value, decimals)
    text = number(rounded, decimals, fixed)
    assert Decimal(text.replace(".", "").replace(",", ".")) == rounded
    if fixed and decimals:
        assert len(text.split(",")[1]) == decimals
    if not fixed and "," in text:
        assert not text.endswith("0")


@given(st.decimals(min_value=-10**12, max_value=10**12, allow_nan=False, allow_infinity=False),
       st.integers(0, 6), st.booleans())
def test_numbers_are_written_as_babel_writes_them_for_vi_vn(value, decimals, fixed):
    """The fast formatter against the library's own: the same text for any value."""
    if not fixed:  # babel shows every significant decimal, the pattern only sets how many at least
        places = max(decimals, max(0, -value.normalize().as_tuple().exponent))
        pattern = "#,##0" + ("." + "#" * places if places else "")
    else:
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    assert number(value, decimals, fixed) == format_decimal(value, format=pattern, locale="vi_VN",
                                                           decimal_quantization=fixed)


def _units(values: list[Decimal], evaluated: list[bool]) -> list[dict]:
    return [{"group": "A", "unit": f"U{i}", "evaluated": e, "score_exact": v if e else None,
             "score": round_half_up(v, 2) if e else None, "penalty": None}
            for i, (v, e) in enumerate(zip(values, evaluated, strict=True))]


unit_lists = st.lists(st.tuples(scores, st.booleans()), min_size=1, max_size=25)


@given(unit_lists, st.sampled_from(["dong-hang", "lien-tiep"]))
def test_ranks_follow_scores_and_units_not_evaluated_come_last_without_rank(units, tie_rule):
    values, flags = [v for v, _ in units], [e for _, e in units]
    ranked = pd.DataFrame(ranked_within_groups(_units(values, flags), ["A"], tie_rule), dtype=object)
    evaluated = ranked[ranked["evaluated"].astype(bool)]
    assert ranked["rank"].iloc[len(evaluated):].isna().all()
    assert list(ranked["position"]) == list(range(1, len(ranked) + 1))
    exact = list(evaluated["score_exact"])
    assert exact == sorted(exact, reverse=True)
    ranks = list(evaluated["rank"])
    if ranks:
        assert ranks[0] == 1
    for i in range(1, len(ranks)):
        same = evaluated["score"].iloc[i] == evaluated["score"].iloc[i - 1]
        if tie_rule == "dong-hang" and same:
            assert ranks[i] == ranks[i - 1]
        else:
            assert ranks[i] == i + 1


@given(scores)
def test_label_is_the_highest_whose_bound_is_reached(score):
    labels = SCHEME.labels
    chosen = labels[label_for(score, labels)]
    assert chosen.minimum is None or score >= chosen.minimum
    higher = labels[: label_for(score, labels)]
    assert all(score < label.minimum for label in higher)


@given(st.lists(scores, min_size=1, max_size=20))
def test_classification_is_monotone_in_the_score(values):
    frame = _units(values, [True] * len(values))
    labelled = pd.DataFrame(classified(frame, SCHEME, {}), dtype=object)
    order = [label.name for label in SCHEME.labels]
    pairs = sorted(zip(labelled["score"], labelled["label"], strict=True))
    positions = [order.index(label) for _, label in pairs]
    assert positions == sorted(positions, reverse=True)


def test_bounds_are_inclusive():
    labels = SCHEME.labels
    assert [labels[label_for(Decimal(v), labels)].name for v in ("90", "89.99", "80", "70", "50", "49.99")] == [
        "Rất tốt", "Tốt", "Tốt", "Khá", "Trung bình", "Yếu"]


def test_group_labels_override_the_scheme():
    labels = (Label("Đạt", Decimal(60)), Label("Không đạt", None))
    frame = _units([Decimal("65"), Decimal("59")], [True, True])
    assert [u["label"] for u in classified(frame, SCHEME, {"A": labels})] == ["Đạt", "Không đạt"]


HUONG_TRA = read_settings(Path(__file__).parents[2] / "inputs" / "huong-tra-2020-xep-loai")
rows = st.lists(st.tuples(st.sampled_from([g.name for g in HUONG_TRA.groups]),
                          st.none() | st.decimals(min_value=0, max_value=100, places=2)), min_size=1, max_size=25)


@given(rows, st.sampled_from(["dong-hang", "lien-tiep"]))
def test_a_result_holds_its_units_ranked_then_classified_as_the_two_stages_give_them(units, tie_rule):
    """The result copies each unit once with its rank, position and label: the same units as the stages one after
    the other."""
    settings = replace(HUONG_TRA, scheme=replace(HUONG_TRA.scheme, tie_rule=tie_rule))
    table = [{"group": group, "unit": f"Đơn vị {i}", "appraised_points": points,
              "reason": "" if points is not None else "Sáp nhập", "file": "a.xlsx", "sheet": group, "row": i + 2}
             for i, (group, points) in enumerate(units)]
    group_labels = {g.name: g.labels for g in settings.groups if g.labels}
    computed, _ = unit_scores(table, settings.scheme)
    staged = classified(ranked_within_groups(computed, [g.name for g in settings.groups], tie_rule),
                        settings.scheme, group_labels)
    assert scored(settings, table, []).units == staged

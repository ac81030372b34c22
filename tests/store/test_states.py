"""A unit's state (draft → submitted → reopened → submitted) and the campaign's phase."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pipeline.store import Refused

JOB, UNIT = "dot-2025", "Xã Hương Văn"


def test_a_unit_is_a_draft_until_it_submits_and_submits_once(store):
    assert store.unit_status(JOB, UNIT).state == "draft" and store.statuses(JOB) == {}
    submitted = store.submit(JOB, UNIT, UNIT)
    assert submitted.state == "submitted" and submitted.submitted_at is not None
    with pytest.raises(Refused, match="đã gửi kết quả tự đánh giá rồi"):
        store.submit(JOB, UNIT, UNIT)
    assert store.unit_status(JOB, UNIT) == submitted and store.statuses(JOB) == {UNIT: submitted}


def test_only_a_submitted_unit_is_reopened_and_it_can_submit_again(store):
    with pytest.raises(Refused, match="chưa gửi"):
        store.reopen(JOB, UNIT, "van-phong")
    store.submit(JOB, UNIT, UNIT)
    assert store.reopen(JOB, UNIT, "van-phong").state == "reopened"
    assert store.submit(JOB, UNIT, UNIT).state == "submitted"
    assert [e.new for e in store.audit(JOB, UNIT)] == ["submitted", "reopened", "submitted"]


def test_the_campaign_starts_with_self_assessment_and_moves_through_known_phases(store):
    assert (store.phase(JOB).phase, store.phase(JOB).deadline) == ("self", None)
    deadline = datetime(2026, 3, 31, 17, tzinfo=UTC)
    store.set_phase(JOB, "self", deadline, "van-phong")
    store.set_phase(JOB, "explanation", None, "van-phong")
    assert (store.phase(JOB).phase, store.phase(JOB).deadline) == ("explanation", None)
    store.set_phase(JOB, "appraisal", deadline, "van-phong")
    assert store.phase(JOB).deadline == deadline and store.phase("dot-khac").phase == "self"
    with pytest.raises(Refused, match="không có"):
        store.set_phase(JOB, "done", None, "van-phong")

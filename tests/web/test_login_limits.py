"""Wrong passwords: five free per client, twenty per account, then waits of 30 s doubling up to 15 minutes."""

from __future__ import annotations

import pytest

from pipeline.web.login_limits import LoginLimits, Policy
from pipeline.web.login_pages import said_wait
from tests.web.conftest import Clock


@pytest.fixture
def clock() -> Clock:
    return Clock()


def _fail(limits: LoginLimits, times: int, client: str = "10.0.0.1", account: str = "chung") -> None:
    for _ in range(times):
        assert limits.attempt(account, client) == 0


def test_five_wrong_passwords_in_a_row_cost_no_wait_and_the_sixth_try_waits_thirty_seconds(clock):
    limits = LoginLimits(clock=clock)
    _fail(limits, 4)
    assert limits.wait("chung", "10.0.0.1") == 0
    _fail(limits, 1)
    assert limits.wait("chung", "10.0.0.1") == 30
    assert limits.attempt("chung", "10.0.0.1") == 30  # refused, and not counted
    clock.now += 29
    assert limits.attempt("chung", "10.0.0.1") == 1


@pytest.mark.parametrize(("wrong", "wait"), [(5, 30), (6, 60), (7, 120), (8, 240), (9, 480), (10, 900), (14, 900)])
def test_each_wrong_password_after_the_fifth_doubles_the_wait_up_to_fifteen_minutes(clock, wrong, wait):
    limits = LoginLimits(clock=clock)
    for _ in range(wrong):
        clock.now += limits.wait("chung", "10.0.0.1")
        _fail(limits, 1)
    assert limits.wait("chung", "10.0.0.1") == wait


def test_a_wait_holds_for_that_client_only_until_the_account_has_twenty_wrong_passwords(clock):
    limits = LoginLimits(clock=clock)
    for n in range(4):  # four machines, five wrong passwords each
        _fail(limits, 5, client=f"10.0.0.{n}")
    assert limits.wait("chung", "10.0.0.0") == 30
    assert limits.wait("chung", "10.0.0.3") == 30
    assert limits.wait("chung", "10.0.0.9") == 30  # a fifth machine waits too: the account has had 20
    limits = LoginLimits(clock=clock)
    for n in range(3):
        _fail(limits, 5, client=f"10.0.0.{n}")
    assert limits.wait("chung", "10.0.0.9") == 0


def test_another_account_is_not_held_by_one_accounts_wrong_passwords_from_elsewhere(clock):
    limits = LoginLimits(clock=clock)
    for n in range(4):
        _fail(limits, 5, client=f"10.0.0.{n}", account="an")
    assert limits.wait("binh", "10.0.0.9") == 0
    assert limits.wait("binh", "10.0.0.1") == 30  # the client itself still waits, whatever account it tries


def test_a_right_password_clears_the_counts_of_its_client_and_account(clock):
    limits = LoginLimits(clock=clock)
    _fail(limits, 4)
    assert limits.attempt("chung", "10.0.0.1") == 0  # the fifth try, counted as wrong while it is checked
    limits.succeeded("chung", "10.0.0.1")
    assert limits.wait("chung", "10.0.0.1") == 0
    _fail(limits, 4)
    assert limits.wait("chung", "10.0.0.1") == 0


def test_wrong_passwords_are_forgotten_an_hour_after_the_last_one(clock):
    limits = LoginLimits(clock=clock)
    _fail(limits, 5)
    clock.now += 3600
    _fail(limits, 4)
    assert limits.wait("chung", "10.0.0.1") == 0
    clock.now += 1800  # only half an hour later: the count goes on from 4
    _fail(limits, 1)
    assert limits.wait("chung", "10.0.0.1") == 30


def test_a_policy_of_one_try_waits_after_the_first_wrong_password(clock):
    limits = LoginLimits(Policy(free_per_client=1, first_wait=10), clock=clock)
    _fail(limits, 1)
    assert limits.wait("chung", "10.0.0.1") == 10


@pytest.mark.parametrize(("seconds", "said"), [(56.2, "57 giây"), (30, "30 giây"), (60, "1 phút"),
                                                (125, "2 phút 5 giây"), (900, "15 phút"), (0.4, "1 giây")])
def test_a_wait_is_said_in_minutes_and_seconds_rounded_up(seconds, said):
    assert said_wait(seconds) == said

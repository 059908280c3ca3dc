"""Transient faults, retries and concurrent writers, against a moto server over real HTTP.

Faults are injected with botocore's ``before-send`` event: the request is built, signed and
counted, and instead of reaching moto it is answered with the HTTP error Cognito would send.
botocore then parses that answer and applies its own retry rules to it, exactly as it would to a
real one. moto is the peer that really resets omitted settings, so "the pool is exactly as
requested" is checked against it.
"""

from __future__ import annotations

import importlib
import json
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import boto3
import botocore.endpoint
import pytest
from botocore.config import Config
from botocore.exceptions import EndpointConnectionError
from wire import canned_response

from cognito_pools import (
    CallFailedError,
    ChangeOverwrittenError,
    CognitoPoolsError,
    ConcurrentModificationError,
    InternalServiceError,
    PoolChangedError,
    Retries,
    RoleNotReadyError,
    TooManyRequestsError,
    UserPools,
)
from cognito_pools.retries import retrying

if TYPE_CHECKING:
    from collections.abc import Callable

    from botocore.awsrequest import AWSResponse

ROOT = Path(__file__).resolve().parent.parent
REGION = "us-east-1"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
FAST = Retries(base_delay=0.001, max_delay=0.002)
"""The default budget of five tries, with waits too short to slow the suite."""

FAULTS = {
    "ConcurrentModificationException": (400, ConcurrentModificationError),
    "TooManyRequestsException": (400, TooManyRequestsError),
    "InternalErrorException": (500, InternalServiceError),
}
CHANGE: dict[str, Any] = {
    "mfa": "OPTIONAL",
    "deletion_protection": "ACTIVE",
    "policies": {"password_policy": {"minimum_length": 12}},
}
CHANGED_PATHS = {
    "deletion_protection",
    "mfa_configuration",
    "policies.password_policy.minimum_length",
}
BOTOCORE_RETRIES = {
    "botocore-retries-on": Config(retries={"mode": "standard", "max_attempts": 3}),
    "botocore-retries-off": Config(retries={"total_max_attempts": 1}),
}


@pytest.fixture(autouse=True)
def no_botocore_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """botocore decides whether to retry as usual; only its waiting is skipped."""
    monkeypatch.setattr(botocore.endpoint.time, "sleep", lambda _: None)


def make_client(endpoint: str, config: Config | None = None) -> Any:
    return boto3.client(
        "cognito-idp", endpoint_url=endpoint, region_name=REGION, config=config, **CREDENTIALS
    )


@pytest.fixture
def new_pool(endpoint: str, load_pool: Callable[[str], dict[str, Any]]) -> Callable[[str], str]:
    def create(number: str) -> str:
        kwargs = load_pool(number)
        pool_id: str = make_client(endpoint).create_user_pool(**kwargs)["UserPool"]["Id"]
        return pool_id

    return create


class Faults:
    """Answers one operation with a Cognito error, ``times`` times, before it reaches the server."""

    def __init__(self, client: Any, operation: str, code: str, *, times: int) -> None:
        self.status = FAULTS[code][0] if code in FAULTS else 400
        self.code = code
        self.remaining = times
        self.sent = 0
        client.meta.events.register(f"before-send.cognito-idp.{operation}", self.answer)

    def answer(self, request: Any, **_: Any) -> AWSResponse | None:
        self.sent += 1
        if self.remaining <= 0:
            return None
        self.remaining -= 1
        body = json.dumps({"__type": self.code, "message": f"injected {self.code}"}).encode()
        headers = {"x-amzn-RequestId": f"fault-{self.sent}", "Content-Type": "application/json"}
        return canned_response(request.url, self.status, body, headers)


def snapshot(client: Any, pool_id: str) -> tuple[Any, dict[str, Any]]:
    """The pool's settings and its MFA setup, read with the plain client."""
    pool = UserPools(client).get(pool_id)
    mfa = client.get_user_pool_mfa_config(UserPoolId=pool_id)
    mfa.pop("ResponseMetadata")
    return pool.config, mfa


OPERATIONS = ["DescribeUserPool", "GetUserPoolMfaConfig", "SetUserPoolMfaConfig", "UpdateUserPool"]


@pytest.mark.parametrize("botocore_retries", BOTOCORE_RETRIES)
@pytest.mark.parametrize("code", FAULTS)
@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_transient_fault_once_leaves_the_pool_exactly_as_requested(  # noqa: PLR0917
    endpoint, new_pool, moved, after_update, operation, code, botocore_retries
):
    pool_id = new_pool("01")  # MFA off, no factor: mfa="OPTIONAL" sets the MFA setup and mode
    client = make_client(endpoint, BOTOCORE_RETRIES[botocore_retries])
    before, _ = snapshot(client, pool_id)
    pool = UserPools(client, retries=FAST).get(pool_id)
    faults = Faults(client, operation, code, times=1)

    pool.update(**CHANGE)
    sent = faults.sent

    after, mfa = snapshot(client, pool_id)
    assert set(moved(after_update(before), after)) == CHANGED_PATHS
    assert after.policies.password_policy.minimum_length == 12
    assert mfa["MfaConfiguration"] == "OPTIONAL"
    assert mfa["SoftwareTokenMfaConfiguration"] == {"Enabled": True}
    assert faults.remaining == 0
    assert sent == 2  # the failed request, then exactly one more


@pytest.mark.parametrize("botocore_retries", BOTOCORE_RETRIES)
@pytest.mark.parametrize("code", FAULTS)
@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_fault_that_never_ends_fails_after_the_bound_and_changes_nothing(
    endpoint, new_pool, operation, code, botocore_retries
):
    pool_id = new_pool("01")
    config = BOTOCORE_RETRIES[botocore_retries]
    client = make_client(endpoint, config)
    before = snapshot(client, pool_id)
    pool = UserPools(client, retries=FAST).get(pool_id)
    faults = Faults(client, operation, code, times=10_000)

    with pytest.raises(FAULTS[code][1]) as caught:
        pool.update(**CHANGE)
    sent = faults.sent

    assert isinstance(caught.value, CognitoPoolsError)
    assert snapshot(make_client(endpoint), pool_id) == before
    botocore_tries = config.retries.get("max_attempts", config.retries.get("total_max_attempts"))
    is_write = operation in {"UpdateUserPool", "SetUserPoolMfaConfig"}
    botocore_retries_it = code != "ConcurrentModificationException" and not is_write
    if botocore_retries_it:
        # botocore's tries count against the budget: a new round starts only while it lasts.
        assert FAST.attempts <= sent <= FAST.attempts + botocore_tries - 1
    else:
        assert sent == FAST.attempts  # writes are never resent by botocore
    assert caught.value.attempts == sent


class LostConnections:
    """Fails every request of one operation as if the connection dropped, before it is sent."""

    def __init__(self, client: Any, operation: str) -> None:
        self.sent = 0
        client.meta.events.register(f"before-send.cognito-idp.{operation}", self.answer)

    def answer(self, request: Any, **_: Any) -> None:
        self.sent += 1
        raise EndpointConnectionError(endpoint_url=request.url)


@pytest.mark.parametrize("botocore_retries", BOTOCORE_RETRIES)
@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_connection_that_never_comes_back_is_counted_try_by_try(
    endpoint, new_pool, operation, botocore_retries
):
    pool_id = new_pool("01")
    config = BOTOCORE_RETRIES[botocore_retries]
    client = make_client(endpoint, config)
    before = snapshot(client, pool_id)
    pool = UserPools(client, retries=FAST).get(pool_id)
    lost = LostConnections(client, operation)

    with pytest.raises(CallFailedError) as caught:
        pool.update(**CHANGE)

    assert caught.value.transient
    assert snapshot(make_client(endpoint), pool_id) == before
    # Every try botocore made counts against the budget, reads and writes alike.
    assert caught.value.attempts == lost.sent
    botocore_tries = config.retries.get("max_attempts", config.retries.get("total_max_attempts"))
    if operation in {"UpdateUserPool", "SetUserPoolMfaConfig"}:
        assert lost.sent == FAST.attempts  # a write is never resent by botocore
    else:
        assert FAST.attempts <= lost.sent <= FAST.attempts + botocore_tries - 1


def test_retries_off_fails_at_the_first_transient_fault(endpoint, new_pool):
    pool_id = new_pool("01")
    client = make_client(endpoint, BOTOCORE_RETRIES["botocore-retries-off"])
    pool = UserPools(client, retries=Retries.off()).get(pool_id)
    faults = Faults(client, "UpdateUserPool", "ConcurrentModificationException", times=1)
    with pytest.raises(ConcurrentModificationError) as caught:
        pool.update(deletion_protection="ACTIVE")
    assert faults.sent == 1
    assert caught.value.attempts == 1
    assert UserPools(client).get(pool_id).config.deletion_protection != "ACTIVE"


def test_a_retry_merges_into_what_another_writer_wrote_meanwhile(endpoint, new_pool):
    # The first UpdateUserPool is refused; before the retry, another writer changes a setting.
    # A resend of the first request would undo that; the retry reads again and keeps it.
    pool_id = new_pool("01")
    client = make_client(endpoint, BOTOCORE_RETRIES["botocore-retries-on"])
    other = make_client(endpoint)
    pool = UserPools(client, retries=FAST).get(pool_id)
    Faults(client, "UpdateUserPool", "TooManyRequestsException", times=1)

    written: list[bool] = []

    def meanwhile(**_: Any) -> None:
        if not written:  # like another process, which this process's lock does not hold back
            written.append(True)
            plan = UserPools(other).get(pool_id).plan(user_pool_tags={"written": "meanwhile"})
            other.update_user_pool(**plan.request)

    client.meta.events.register("needs-retry.cognito-idp.UpdateUserPool", meanwhile)
    pool.update(deletion_protection="ACTIVE")

    config = UserPools(other).get(pool_id).config
    assert config.deletion_protection == "ACTIVE"
    assert config.user_pool_tags == {"written": "meanwhile"}


def test_an_iam_role_error_is_retried_until_the_role_wait_runs_out():
    sleeps: list[float] = []
    now = [0.0]

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds

    def attempt(_: int) -> None:
        raise RoleNotReadyError(
            code="InvalidSmsRoleTrustRelationshipException",
            message="Role does not have a trust relationship allowing Cognito to assume the role",
            operation="UpdateUserPool",
            request_id=None,
        )

    retries = Retries(attempts=2, base_delay=1.0, max_delay=4.0, role_wait=30.0)
    with pytest.raises(RoleNotReadyError) as caught:
        retrying(retries, attempt, sleep=sleep, clock=lambda: now[0])
    assert sum(sleeps) <= 30.0
    assert len(sleeps) > retries.attempts  # bounded by time, not by the attempt count
    assert caught.value.attempts == len(sleeps) + 1


def test_backoff_is_exponential_with_full_jitter_and_capped():
    import random  # noqa: PLC0415

    retries = Retries(base_delay=0.5, max_delay=3.0)
    rng = random.Random(7)  # noqa: S311 - a seeded, repeatable draw
    for retry, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 3.0), (9, 3.0)]:
        delays = [retries.delay(retry, rng) for _ in range(300)]
        assert all(0 <= delay <= ceiling for delay in delays)
        assert max(delays) > ceiling * 0.9  # full jitter spreads over the whole range
        assert min(delays) < ceiling * 0.1


@pytest.mark.parametrize("field", ["attempts", "base_delay", "max_delay", "role_wait"])
def test_a_negative_retry_setting_is_refused(field):
    with pytest.raises(ValueError, match=f"Retries.{field} must be at least"):
        Retries(**{field: -1})


# -- concurrent writers ----------------------------------------------------------------------

WRITERS: dict[str, Callable[[int], dict[str, Any]]] = {
    "deletion_protection": lambda n: {"deletion_protection": "ACTIVE" if n % 2 else "INACTIVE"},
    "minimum_length": lambda n: {"policies": {"password_policy": {"minimum_length": 8 + n}}},
    "tags": lambda n: {"user_pool_tags": {"round": str(n)}},
    "sms_message": lambda n: {"sms_authentication_message": f"round {n}: {{####}}"},
}


def landed(config: Any, writer: str, round_number: int) -> bool:
    expected = WRITERS[writer](round_number)
    if writer == "minimum_length":
        return config.policies.password_policy.minimum_length == 8 + round_number
    key, value = next(iter(expected.items()))
    return bool(getattr(config, key) == value)


def test_threads_updating_one_pool_never_lose_each_others_changes(endpoint, new_pool):
    pool_id = new_pool("31")
    rounds = 6
    lost: list[tuple[int, str]] = []
    for round_number in range(1, rounds + 1):
        start = threading.Barrier(len(WRITERS))
        returned: dict[str, bool] = {}

        def write(writer: str, n: int, barrier: threading.Barrier, done: dict[str, bool]) -> None:
            pool = UserPools(make_client(endpoint)).get(pool_id)  # each its own client
            barrier.wait()
            pool.update(**WRITERS[writer](n))
            done[writer] = True

        threads = [
            threading.Thread(target=write, args=(name, round_number, start, returned))
            for name in WRITERS
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        config = UserPools(make_client(endpoint)).get(pool_id).config
        assert set(returned) == set(WRITERS)
        lost += [(round_number, w) for w in WRITERS if not landed(config, w, round_number)]
    assert lost == []


def test_if_unchanged_refuses_to_write_over_a_change_made_since_the_read(endpoint, new_pool):
    pool_id = new_pool("01")
    client = make_client(endpoint)
    pool = UserPools(client).get(pool_id)
    UserPools(make_client(endpoint)).get(pool_id).update(user_pool_tags={"by": "someone else"})

    with pytest.raises(PoolChangedError) as caught:
        pool.update(if_unchanged=True, deletion_protection="ACTIVE")

    assert "user_pool_tags.by" in caught.value.paths
    config = UserPools(client).get(pool_id).config
    assert config.deletion_protection != "ACTIVE"
    assert config.user_pool_tags == {"by": "someone else"}
    pool.refresh().update(if_unchanged=True, deletion_protection="ACTIVE")  # a fresh handle may


def test_verify_reports_the_settings_another_writer_overwrote(endpoint, new_pool, record_calls):
    pool_id = new_pool("01")
    client = make_client(endpoint)
    other = make_client(endpoint)
    calls = record_calls(client)

    def overwrite(**_: Any) -> None:
        # Another process writes right after this update, with what it read before it.
        other.update_user_pool(**stale.request)

    stale = UserPools(other).get(pool_id).plan(deletion_protection="INACTIVE", mfa="OFF")

    client.meta.events.register("after-call.cognito-idp.UpdateUserPool", overwrite)
    pool = UserPools(client, verify=True).get(pool_id)
    with pytest.raises(ChangeOverwrittenError) as caught:
        pool.update(deletion_protection="ACTIVE", sms_authentication_message="code {####}")

    # The write landed; the read-back names exactly the settings that no longer hold: the other
    # writer's stale request reset the message this update set, as well as undoing its change.
    assert caught.value.paths == ("deletion_protection", "sms_authentication_message")
    assert calls == ["DescribeUserPool", "DescribeUserPool", "UpdateUserPool", "DescribeUserPool"]


def test_verify_costs_one_read_and_passes_when_the_change_is_there(
    endpoint, new_pool, record_calls
):
    pool_id = new_pool("01")
    client = make_client(endpoint)
    pool = UserPools(client).get(pool_id)
    calls = record_calls(client)
    pool.update(verify=True, deletion_protection="ACTIVE", mfa="OPTIONAL")
    assert calls == [
        "DescribeUserPool",
        "GetUserPoolMfaConfig",
        "SetUserPoolMfaConfig",
        "UpdateUserPool",
        "DescribeUserPool",
        "GetUserPoolMfaConfig",
    ]
    calls.clear()
    pool.update(deletion_protection="INACTIVE")
    assert calls == ["DescribeUserPool", "UpdateUserPool"]  # the default stays two calls


def test_a_race_between_processes_is_counted_honestly(endpoint, monkeypatch):
    # Across processes nothing serializes the writers, so losses can happen; the race script
    # (benchmarks/race.py, whose full run gives the figures in docs/concurrency.md) sorts every
    # update into exactly one outcome, and the read-back turns most silent losses into errors.
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))  # the workers import it by name
    race = importlib.import_module("race")

    counts = race.race(endpoint, processes=3, rounds=4, verify=True)

    assert sum(counts.values()) == 3 * 4
    assert counts["landed"] >= 4  # each round, the last writer's change is there
    assert counts["landed"] + counts["reported"] > counts["silently lost"]


def test_a_failed_read_back_says_that_the_update_was_written(endpoint, new_pool):
    pool_id = new_pool("01")
    client = make_client(endpoint, BOTOCORE_RETRIES["botocore-retries-off"])
    pool = UserPools(client, retries=FAST).get(pool_id)
    faults = Faults(client, "DescribeUserPool", "InternalErrorException", times=0)

    def fail_from_now_on(**_: Any) -> None:
        faults.remaining = 10_000  # the read-back after the write fails

    client.meta.events.register("after-call.cognito-idp.UpdateUserPool", fail_from_now_on)
    with pytest.raises(InternalServiceError, match="The update was written"):
        pool.update(verify=True, deletion_protection="ACTIVE")
    assert UserPools(make_client(endpoint)).get(pool_id).config.deletion_protection == "ACTIVE"

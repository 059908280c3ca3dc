"""The lock shared by processes (``UserPools(client, lock=DynamoDBLock(...))``), on a real peer.

One moto server over HTTP serves both cognito-idp and DynamoDB. It answers **one request at a
time** (``running_serial_moto_server``): moto's DynamoDB checks a write's condition and then
writes, with nothing between the two to stop a concurrent request, so two "write only if
absent" requests could both succeed there, which DynamoDB itself never allows. Serving requests
one by one makes each conditional write atomic, as on AWS; the writers themselves (threads and
processes) still run concurrently.

Leases are one or two seconds long here, so that a takeover costs the suite about a second.
"""

from __future__ import annotations

import io
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import boto3
import pytest
import requests
from botocore.exceptions import EndpointConnectionError
from wire import canned_response, running_serial_moto_server

from cognito_pools import (
    CognitoPoolsError,
    DynamoDBLock,
    LeaseLostError,
    LockTableMissingError,
    LockTimeoutError,
    PartiallyAppliedError,
    PoolChangedError,
    Retries,
    ServiceError,
    UserPools,
    ValidationError,
)
from cognito_pools.cli import main
from cognito_pools.lock import resource_key

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

REGION = "us-east-1"
TABLE = "locks"
JSON = "application/x-amz-json-1.1"
NO_WAIT = Retries(base_delay=0)
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    with running_serial_moto_server() as url:
        yield url


@pytest.fixture
def endpoint(server: str) -> str:
    """The serial server, with every pool and table of earlier tests deleted."""
    assert requests.post(f"{server}/moto-api/reset", timeout=10).status_code == 200
    return server


def make_client(endpoint: str, service: str) -> Any:
    return boto3.client(service, endpoint_url=endpoint, region_name=REGION)


@pytest.fixture
def cognito(endpoint: str) -> Any:
    return make_client(endpoint, "cognito-idp")


@pytest.fixture
def dynamodb(endpoint: str) -> Any:
    return make_client(endpoint, "dynamodb")


@pytest.fixture
def pool_id(cognito: Any, load_pool: Callable[[str], dict[str, Any]]) -> str:
    created: str = cognito.create_user_pool(**load_pool("31"))["UserPool"]["Id"]
    return created


@pytest.fixture
def table(dynamodb: Any) -> str:
    DynamoDBLock(dynamodb, table=TABLE).create_table()
    return TABLE


def short_lock(client: Any, **options: Any) -> DynamoDBLock:
    timing = {"lease_seconds": 2.0, "wait_seconds": 10.0, "poll_seconds": 0.02} | options
    return DynamoDBLock(client, table=TABLE, **timing)


def tags(cognito: Any, pool_id: str) -> dict[str, str]:
    found: dict[str, str] = UserPools(cognito).get(pool_id).config.user_pool_tags or {}
    return found


# --- the table --------------------------------------------------------------------------------


def test_create_table_makes_one_on_demand_table_and_is_idempotent(dynamodb: Any) -> None:
    lock = DynamoDBLock(dynamodb, table="pipeline-locks")
    assert lock.create_table() is True
    assert lock.create_table() is False
    described = dynamodb.describe_table(TableName="pipeline-locks")["Table"]
    assert described["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
    assert described["KeySchema"] == [{"AttributeName": "lock_key", "KeyType": "HASH"}]
    assert described["TableStatus"] == "ACTIVE"


def test_a_missing_table_is_one_error_that_says_how_to_create_it(
    cognito: Any, dynamodb: Any, pool_id: str
) -> None:
    pool = UserPools(cognito, lock=DynamoDBLock(dynamodb, table="nowhere")).get(pool_id)
    with pytest.raises(LockTableMissingError) as raised:
        pool.update(user_pool_tags={"by": "test"})
    assert "'cognito-pools lock-table create nowhere'" in str(raised.value)
    assert "nothing was written" in str(raised.value)
    assert raised.value.table == "nowhere"
    assert "by" not in tags(cognito, pool_id)


# --- one update -------------------------------------------------------------------------------


def test_an_update_holds_the_pools_lock_from_its_read_to_its_write(  # noqa: PLR0917 - fixtures
    endpoint: str,
    cognito: Any,
    dynamodb: Any,
    table: str,
    pool_id: str,
    record_calls: Callable[[Any], list[str]],
) -> None:
    observer = DynamoDBLock(make_client(endpoint, "dynamodb"), table=table)
    key = resource_key(REGION, pool_id)
    holders: list[tuple[str, Any]] = []

    def look(model: Any, **_: Any) -> None:
        holders.append((model.name, observer.holder(key)))

    cognito.meta.events.register("before-call.cognito-idp", look)
    lock_calls = record_calls_of(dynamodb)
    calls = record_calls(cognito)
    pool = UserPools(cognito, lock=DynamoDBLock(dynamodb, table=table)).get(pool_id)
    pool.update(deletion_protection="INACTIVE", user_pool_tags={"by": "test"})

    assert calls == ["DescribeUserPool", "DescribeUserPool", "UpdateUserPool"]
    (_, reading), *updating = holders
    assert reading is None  # get() reads without the lock
    for _, holder in updating:
        assert holder is not None
        assert (holder.host, holder.pid) == (socket.gethostname(), os.getpid())
        assert pool_id in holder.purpose
        assert "deletion_protection" in holder.purpose
    assert lock_calls == ["PutItem", "DeleteItem"]
    assert observer.holder(key) is None
    assert tags(cognito, pool_id) == {"by": "test"}


def test_both_writes_and_every_retry_round_hold_one_lock(  # noqa: PLR0917 - fixtures
    endpoint: str,
    cognito: Any,
    dynamodb: Any,
    table: str,
    pool_id: str,
    record_calls: Callable[[Any], list[str]],
) -> None:
    observer = DynamoDBLock(make_client(endpoint, "dynamodb"), table=table)
    key = resource_key(REGION, pool_id)
    holders: list[Any] = []
    busy = [True]

    def look(**_: Any) -> None:
        holders.append(observer.holder(key))

    def busy_once(request: Any, **_: Any) -> Any:
        if busy:  # the first UpdateUserPool meets another update in flight: a second round
            busy.clear()
            body = b'{"__type": "ConcurrentModificationException", "message": "busy"}'
            return canned_response(request.url, 400, body, {"Content-Type": JSON})
        return None

    pool = UserPools(cognito, lock=DynamoDBLock(dynamodb, table=table), retries=NO_WAIT)
    pool = pool.get(pool_id)
    cognito.meta.events.register("before-call.cognito-idp", look)
    cognito.meta.events.register("before-send.cognito-idp.SetUserPoolMfaConfig", busy_once)
    lock_calls = record_calls_of(dynamodb)
    calls = record_calls(cognito)
    pool.update(deletion_protection="INACTIVE", mfa="OFF")

    assert calls.count("DescribeUserPool") == 2  # two rounds
    assert calls.count("SetUserPoolMfaConfig") == 2
    assert calls[-2:] == ["SetUserPoolMfaConfig", "UpdateUserPool"]  # both writes
    assert len(holders) == len(calls)
    assert None not in holders
    assert len(set(holders)) == 1  # one holder, one hold, from the first read to the last write
    assert lock_calls == ["PutItem", "DeleteItem"]
    assert observer.holder(key) is None


def record_calls_of(client: Any) -> list[str]:
    calls: list[str] = []

    def before_call(model: Any, **_: Any) -> None:
        calls.append(model.name)

    client.meta.events.register("before-call", before_call)
    return calls


def test_without_a_lock_an_update_makes_two_calls_and_needs_no_table(
    cognito: Any, pool_id: str, record_calls: Callable[[Any], list[str]]
) -> None:
    pool = UserPools(cognito).get(pool_id)
    calls = record_calls(cognito)
    pool.update(deletion_protection="INACTIVE")
    assert calls == ["DescribeUserPool", "UpdateUserPool"]


def test_a_writer_that_waits_too_long_is_told_who_holds_the_lock(
    cognito: Any, dynamodb: Any, table: str, pool_id: str
) -> None:
    impatient = UserPools(cognito, lock=short_lock(dynamodb, wait_seconds=0.3))
    with DynamoDBLock(dynamodb, table=table).hold(resource_key(REGION, pool_id), "pipeline 42"):
        pool = impatient.get(pool_id)  # reading takes no lock, so it does not wait
        started = time.monotonic()
        with pytest.raises(LockTimeoutError) as raised:
            pool.update(user_pool_tags={"by": "impatient"})
        assert time.monotonic() - started < 3
    error = raised.value
    assert isinstance(error, CognitoPoolsError)
    assert error.holder is not None
    assert (error.holder.host, error.holder.pid) == (socket.gethostname(), os.getpid())
    message = str(error)
    for shown in (socket.gethostname(), f"process {os.getpid()}", " since ", "'pipeline 42'"):
        assert shown in message
    assert "nothing was written" in message
    assert "by" not in tags(cognito, pool_id)


def interrupt(**_: Any) -> None:
    raise KeyboardInterrupt


def refuse(request: Any, **_: Any) -> Any:
    body = b'{"__type": "InvalidParameterException", "message": "refused by the test"}'
    return canned_response(request.url, 400, body, {"Content-Type": JSON})


@pytest.mark.parametrize(
    ("failure", "raised"),
    [
        ("ctrl-c", KeyboardInterrupt),
        ("changed since read", PoolChangedError),
        ("cognito refuses", ServiceError),
    ],
)
def test_the_lock_is_released_however_an_update_ends(  # noqa: PLR0917 - fixtures
    cognito: Any,
    dynamodb: Any,
    table: str,
    pool_id: str,
    failure: str,
    raised: type[BaseException],
) -> None:
    if failure == "ctrl-c":
        cognito.meta.events.register("before-call.cognito-idp.UpdateUserPool", interrupt)
    if failure == "cognito refuses":
        cognito.meta.events.register("before-send.cognito-idp.UpdateUserPool", refuse)
    pool = UserPools(cognito, lock=DynamoDBLock(dynamodb, table=table)).get(pool_id)
    if failure == "changed since read":  # found after the fresh read, under the lock
        UserPools(cognito).get(pool_id).update(user_pool_tags={"by": "someone else"})
    with pytest.raises(raised):
        pool.update(if_unchanged=True, deletion_protection="INACTIVE")
    assert DynamoDBLock(dynamodb, table=table).holder(resource_key(REGION, pool_id)) is None
    with DynamoDBLock(dynamodb, table=table, wait_seconds=0).hold(
        resource_key(REGION, pool_id), "the next writer"
    ):
        pass  # taken at once: nothing was left behind


def test_a_refused_change_is_refused_before_any_call_the_locks_included(
    cognito: Any, dynamodb: Any, pool_id: str
) -> None:
    pool = UserPools(cognito, lock=DynamoDBLock(dynamodb, table="nowhere")).get(pool_id)
    lock_calls = record_calls_of(dynamodb)
    with pytest.raises(ValidationError, match="deletion_protection"):
        pool.update(deletion_protection="SOMETIMES")  # not LockTableMissingError
    assert lock_calls == []


def test_an_update_from_inside_an_update_of_the_same_pool_does_not_wait_for_itself(
    cognito: Any, dynamodb: Any, table: str, pool_id: str
) -> None:
    pools = UserPools(cognito, lock=short_lock(dynamodb, wait_seconds=0.5))
    inner_done: list[bool] = []

    def nested(**_: Any) -> None:
        if not inner_done:
            inner_done.append(True)
            pools.get(pool_id).update(user_pool_tags={"inner": "yes"})

    cognito.meta.events.register("before-call.cognito-idp.UpdateUserPool", nested)
    pools.get(pool_id).update(deletion_protection="INACTIVE")
    assert inner_done == [True]


# --- several writers --------------------------------------------------------------------------


def test_a_lease_lost_during_a_slow_update_writes_nothing(
    endpoint: str, cognito: Any, dynamodb: Any, table: str, pool_id: str
) -> None:
    """The slow writer cannot renew (DynamoDB unreachable), and its read outlasts the lease.

    Another writer takes the lock over after a lease and writes; when the slow writer gets its
    answer, its lease is gone, so it sends nothing and says so.
    """
    unreachable_dynamodb = make_client(endpoint, "dynamodb")
    slow = UserPools(cognito, lock=short_lock(unreachable_dynamodb, lease_seconds=1.0))
    # Another name for the same server: in one process, updates of a pool through the same
    # endpoint take turns anyway (retries.resource_lock); this writer stands in for another process.
    elsewhere = endpoint.replace("127.0.0.1", "localhost")
    other = UserPools(
        make_client(elsewhere, "cognito-idp"), lock=short_lock(dynamodb, lease_seconds=1.0)
    )
    pool = slow.get(pool_id)
    other_wrote = threading.Event()
    failures: list[BaseException] = []

    def other_writer() -> None:
        try:
            other.get(pool_id).update(user_pool_tags={"by": "other"})
        except BaseException as error:  # noqa: BLE001 - reported by the test below
            failures.append(error)
        other_wrote.set()

    writer = threading.Thread(target=other_writer)

    def renewal_fails(**_: Any) -> None:
        raise EndpointConnectionError(endpoint_url=endpoint)

    def slow_read(**_: Any) -> None:
        if not writer.is_alive() and not other_wrote.is_set():
            writer.start()  # the lock is held by now: the other writer has to wait
            assert other_wrote.wait(10)

    unreachable_dynamodb.meta.events.register("before-call.dynamodb.UpdateItem", renewal_fails)
    cognito.meta.events.register("before-send.cognito-idp.DescribeUserPool", slow_read)
    with pytest.raises(LeaseLostError) as raised:
        pool.update(policies={"password_policy": {"minimum_length": 17}})
    writer.join()

    assert failures == []
    assert "the write was not sent" in str(raised.value)
    after = UserPools(cognito).get(pool_id).config
    assert after.user_pool_tags == {"by": "other"}
    assert after.policies is not None
    assert after.policies.password_policy is not None
    assert after.policies.password_policy.minimum_length == 6  # the slow writer's 17 never sent


def test_a_lease_lost_between_two_writes_sends_neither_the_second_nor_an_undo(  # noqa: PLR0917
    endpoint: str,
    cognito: Any,
    dynamodb: Any,
    table: str,
    pool_id: str,
    record_calls: Callable[[Any], list[str]],
) -> None:
    pool = UserPools(cognito, lock=short_lock(dynamodb, lease_seconds=0.4)).get(pool_id)
    key = resource_key(REGION, pool_id)
    thief = make_client(endpoint, "dynamodb")
    stolen = {
        "lock_key": {"S": key},
        "owner": {"S": "ci-7:7:elsewhere"},
        "version": {"S": "theirs"},
        "host": {"S": "ci-7"},
        "pid": {"N": "7"},
        "purpose": {"S": "deploy"},
        "lease_seconds": {"N": "20"},
    }

    def taken_over(**_: Any) -> None:
        # Another process's item replaces this one's; renewing (every 0.1 s) finds out.
        thief.put_item(TableName=table, Item=stolen)
        time.sleep(0.3)

    cognito.meta.events.register("after-call.cognito-idp.SetUserPoolMfaConfig", taken_over)
    calls = record_calls(cognito)
    with pytest.raises(PartiallyAppliedError) as raised:
        pool.update(deletion_protection="INACTIVE", mfa="OFF")

    # Undoing SetUserPoolMfaConfig would be a write under someone else's lock, too.
    assert isinstance(raised.value.error, LeaseLostError)
    assert isinstance(raised.value.restore_error, LeaseLostError)
    assert calls[-1] == "SetUserPoolMfaConfig"  # no UpdateUserPool, no undo
    assert [change.path for change in raised.value.not_applied] == ["deletion_protection"]
    assert UserPools(cognito).get(pool_id).config.deletion_protection == "ACTIVE"
    holder = DynamoDBLock(dynamodb, table=table).holder(key)
    assert holder is not None
    assert holder.host == "ci-7"  # releasing left the other process's lock alone


KILLED_HOLDER = """
import sys, time, boto3
from cognito_pools import DynamoDBLock, UserPools

endpoint, pool_id, table = sys.argv[1:]
cognito = boto3.client("cognito-idp", endpoint_url=endpoint, region_name="us-east-1")
dynamodb = boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1")

def hang(**_):
    print("holding", flush=True)
    time.sleep(60)

cognito.meta.events.register("before-call.cognito-idp.UpdateUserPool", hang)
lock = DynamoDBLock(dynamodb, table=table, lease_seconds=1.0)
UserPools(cognito, lock=lock).get(pool_id).update(user_pool_tags={"by": "killed"})
"""


def test_a_holder_killed_mid_update_blocks_the_next_writer_for_one_lease_at_most(
    endpoint: str, cognito: Any, dynamodb: Any, table: str, pool_id: str
) -> None:
    holder = subprocess.Popen(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", KILLED_HOLDER, endpoint, pool_id, table],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "holding\n"  # it holds the lock, mid-update
        writes: list[float] = []
        cognito.meta.events.register(
            "before-call.cognito-idp.UpdateUserPool", lambda **_: writes.append(time.monotonic())
        )
        waiter = UserPools(cognito, lock=short_lock(dynamodb, lease_seconds=1.0))
        pool = waiter.get(pool_id)
        done: list[BaseException | None] = []

        def wait_and_write() -> None:
            try:
                pool.update(deletion_protection="INACTIVE")
                done.append(None)
            except BaseException as error:  # noqa: BLE001 - reported below
                done.append(error)

        writer = threading.Thread(target=wait_and_write)
        writer.start()
        time.sleep(1.2)  # longer than a lease: the living holder's renewals keep the lock
        assert writes == []
        holder.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
        writer.join(15)
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    assert done == [None]
    assert len(writes) == 1
    assert killed_at < writes[0] < killed_at + 1.0 + 5
    after = UserPools(cognito).get(pool_id).config
    assert after.deletion_protection == "INACTIVE"
    assert "by" not in (after.user_pool_tags or {})


def test_processes_racing_with_the_lock_lose_no_update(
    monkeypatch: pytest.MonkeyPatch, endpoint: str
) -> None:
    """Four processes, 25 rounds, each changing its own setting of one pool at the same instant.

    ``benchmarks/race.py`` (``nox -s race``) runs the same race without the lock, where more
    than half of these updates are lost.
    """
    # The workers, started afresh, import the benchmark from the same path.
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    import race  # noqa: PLC0415 - the benchmark's race, run as a test

    counts = race.race(endpoint, 4, 25, mode="lock", lease=2.0, poll=0.02)
    assert counts == {"landed": 100, "reported": 0, "silently lost": 0}


# --- the command line -------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run_cli(
    monkeypatch: pytest.MonkeyPatch, *args: str, err: io.StringIO | None = None
) -> tuple[int, str, str]:
    out, err = io.StringIO(), err or io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    status = main(list(args))
    return status, out.getvalue(), err.getvalue()


def test_the_command_line_creates_the_lock_table(
    monkeypatch: pytest.MonkeyPatch, endpoint: str, dynamodb: Any
) -> None:
    status, out, _ = run_cli(monkeypatch, "lock-table", "create", "ci", "--endpoint-url", endpoint)
    assert status == 0
    assert "Created the lock table ci in us-east-1" in out
    assert dynamodb.describe_table(TableName="ci")["Table"]["TableStatus"] == "ACTIVE"
    status, out, _ = run_cli(monkeypatch, "--endpoint-url", endpoint, "lock-table", "create", "ci")
    assert (status, "exists in us-east-1 already" in out) == (0, True)


def test_the_command_line_updates_under_the_lock_table_named(
    monkeypatch: pytest.MonkeyPatch, endpoint: str, cognito: Any, table: str, pool_id: str
) -> None:
    update = ("update", pool_id, "user_pool_tags.by=cli", "--yes", "--endpoint-url", endpoint)
    monkeypatch.setenv("COGNITO_POOLS_LOCK_TABLE", "missing")
    status, _, err = run_cli(monkeypatch, *update)
    assert status == 1
    assert "'cognito-pools lock-table create missing'" in err
    assert "by" not in tags(cognito, pool_id)

    status, _, err = run_cli(monkeypatch, *update, "--lock-table", table)  # the option wins
    assert (status, err) == (0, "")
    assert tags(cognito, pool_id)["by"] == "cli"


def test_the_command_line_shows_the_holder_on_a_terminal_while_it_waits(  # noqa: PLR0917
    monkeypatch: pytest.MonkeyPatch,
    endpoint: str,
    cognito: Any,
    dynamodb: Any,
    table: str,
    pool_id: str,
) -> None:
    held = threading.Event()
    terminal = Terminal()

    def hold_until_shown() -> None:
        with DynamoDBLock(dynamodb, table=table).hold(resource_key(REGION, pool_id), "deploy"):
            held.set()
            deadline = time.monotonic() + 10
            while "waiting" not in terminal.getvalue() and time.monotonic() < deadline:
                time.sleep(0.05)

    holder = threading.Thread(target=hold_until_shown)
    holder.start()
    assert held.wait(10)
    update = ("update", pool_id, "user_pool_tags.by=cli", "--yes", "--lock-table", table)
    status, _, err = run_cli(monkeypatch, *update, "--endpoint-url", endpoint, err=terminal)
    holder.join()
    assert status == 0
    assert f"waiting for the pool's lock, held by host {socket.gethostname()}" in err
    assert "for 'deploy'" in err
    assert tags(cognito, pool_id)["by"] == "cli"

"""A lock shared by processes and machines, kept in DynamoDB: one writer per pool at a time.

Cognito has no version tag and no compare-and-swap, so two processes that read a pool before
either writes lose one change. Within one process, :func:`~cognito_pools.retries.resource_lock`
makes updates take turns; between processes, ``UserPools(client, lock=DynamoDBLock(...))``
does: every read-merge-write of a pool holds the pool's lock, from the read to the last write.

The lock is a lease, not a mutex, so that a holder that dies blocks the others for one lease at
most. No clock has to agree with another machine's:

- the lock is one item in a DynamoDB table, keyed by :func:`resource_key` (region and pool id).
  Taking it is a conditional write that succeeds only when no item is there;
- the holder renews its lease in the background every quarter of a lease, by giving the item a
  new random *record version number*;
- a waiter that finds the item notes its record version number, on its own clock. Only when the
  same number has stayed there for a whole lease (the holder's, as written in the item) may it
  take the lock over, again with a conditional write that fails if the number changed;
- before each write, the holder checks that its last renewal was sent less than three quarters
  of a lease ago and that no renewal found the lock taken over (:meth:`Lease.check`). If the
  lease is lost, the write is not sent and :class:`~cognito_pools.LeaseLostError` is raised.
  The last quarter of a lease is the margin for that write to land;
- the item is deleted when the update ends, however it ends.

Anything that reads and then writes a resource can use the same lock through a small protocol
(re-exported here from :mod:`cognito_pools._leases`): :class:`DistributedLock`
(``hold(key, purpose)``) and :class:`Lease` (``check()``). Library code enters it with
:func:`holding` or :func:`hold_resource`, which make every write this library sends in that
thread check the lease first, and let a thread that already holds the key enter again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
import os
import random
import socket
import threading
import time
import uuid
from typing import TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError

from cognito_pools._leases import (
    DistributedLock,
    Lease,
    check_held_leases,
    hold_resource,
    holding,
    resource_key,
)
from cognito_pools.errors import (
    LeaseLostError,
    LockError,
    LockTableMissingError,
    LockTimeoutError,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Generator, Mapping

__all__ = [
    "DEFAULT_TABLE",
    "DistributedLock",
    "DynamoDBLock",
    "Lease",
    "LockHolder",
    "check_held_leases",
    "hold_resource",
    "holding",
    "resource_key",
]

logger = logging.getLogger("cognito_pools.lock")

DEFAULT_TABLE = "cognito-pools-locks"
"""The table name the command line and :class:`DynamoDBLock` use unless told otherwise."""
KEY = "lock_key"
"""The table's partition key (a string): the lock's key."""
_RENEW_EVERY = 0.25
"""Renew the lease after this fraction of it."""
_VALID_FOR = 0.75
"""A write may start until this fraction of a lease after the last renewal was sent."""
_FIRST_PAUSE = 0.02
"""Seconds a waiter pauses after its first try; each next pause doubles, up to poll_seconds."""
_CONDITION_FAILED = "ConditionalCheckFailedException"
_TABLE_MISSING = "ResourceNotFoundException"
_TABLE_EXISTS = "ResourceInUseException"


@dataclasses.dataclass(frozen=True)
class LockHolder:
    """Who holds a lock, as its item in the table says."""

    host: str
    """The holder's host name."""
    pid: int
    """The holder's process id on that host."""
    since: dt.datetime | None
    """When it took the lock, by its own clock (UTC); shown, never compared."""
    purpose: str
    """What it is doing, e.g. ``update user pool us-east-1_AbC123: policies``."""
    lease_seconds: float
    """The holder's lease: how long a waiter must see its item unchanged to take over."""

    def __str__(self) -> str:
        since = f" since {_utc(self.since):%Y-%m-%d %H:%M:%S} UTC" if self.since else ""
        return f"host {self.host}, process {self.pid}{since}, for {self.purpose!r}"


class DynamoDBLock:
    """The shared lock, kept in a DynamoDB table: pass it to ``UserPools(client, lock=...)``.

    ``client`` is a boto3 ``dynamodb`` client; its region and account hold the table, which
    :meth:`create_table` creates. ``lease_seconds`` bounds how long a crashed holder blocks the
    others; ``wait_seconds`` how long to wait for the lock before
    :class:`~cognito_pools.LockTimeoutError`. A waiter tries again after 20 ms, then after
    pauses that double up to ``poll_seconds``.
    ``on_wait(holder, waited)`` is called after each try that found the lock held, with the
    holder and the seconds waited so far.
    """

    def __init__(
        self,
        client: Any,
        *,
        table: str = DEFAULT_TABLE,
        lease_seconds: float = 20.0,
        wait_seconds: float = 60.0,
        poll_seconds: float = 0.5,
        on_wait: Callable[[LockHolder, float], None] | None = None,
    ) -> None:
        for name, value in (("lease_seconds", lease_seconds), ("poll_seconds", poll_seconds)):
            if not value > 0:
                raise ValueError(f"DynamoDBLock {name} must be more than 0, got {value!r}")
        if not wait_seconds >= 0:
            raise ValueError(f"DynamoDBLock wait_seconds must be 0 or more, got {wait_seconds!r}")
        self.client: Any = client
        """The DynamoDB client the lock's calls go through."""
        self.table = table
        """The name of the lock table."""
        self.lease_seconds = lease_seconds
        """How long a holder that stopped renewing keeps others waiting."""
        self.wait_seconds = wait_seconds
        """How long to wait for a lock held by another process."""
        self.poll_seconds = poll_seconds
        """The longest pause of a waiter between two tries."""
        self.on_wait = on_wait
        """Called with the holder and the seconds waited after each try that found it held."""

    def __repr__(self) -> str:
        return (
            f"DynamoDBLock(table={self.table!r}, region={self.client.meta.region_name!r}, "
            f"lease_seconds={self.lease_seconds}, wait_seconds={self.wait_seconds})"
        )

    def create_table(self) -> bool:
        """Create the lock table (on-demand billing) unless it exists, and wait until it is active.

        Returns whether it was created. The table needs nothing else: its partition key is the
        string ``lock_key``.
        """
        created = True
        try:
            self._call(
                "create_table",
                handled=_TABLE_EXISTS,
                TableName=self.table,
                KeySchema=[{"AttributeName": KEY, "KeyType": "HASH"}],
                AttributeDefinitions=[{"AttributeName": KEY, "AttributeType": "S"}],
                BillingMode="PAY_PER_REQUEST",
            )
        except _Refused:
            created = False
        waiter = self.client.get_waiter("table_exists")
        waiter.wait(TableName=self.table, WaiterConfig={"Delay": 1, "MaxAttempts": 120})
        return created

    def holder(self, key: str) -> LockHolder | None:
        """Who holds the lock on ``key`` now, or ``None`` when nobody does.

        Raises:
            LockTableMissingError: the table does not exist.
            LockError: DynamoDB refused the call for another reason.
        """
        item = self._read(key)
        return _holder(item, self.lease_seconds) if item else None

    @contextlib.contextmanager
    def hold(self, key: str, purpose: str) -> Generator[Lease, None, None]:
        """Wait for the lock on ``key``, hold it for the ``with`` block, and release it.

        Raises:
            LockTimeoutError: another process held it for longer than ``wait_seconds``.
            LockTableMissingError: the table does not exist.
            LockError: DynamoDB refused a call for another reason.
        """
        lease = self._acquire(key, purpose)
        try:
            yield lease
        finally:
            self._release(lease)

    # -- taking, renewing and releasing ---------------------------------------------------------

    def _acquire(self, key: str, purpose: str) -> DynamoDBLease:
        owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex}"
        item = {
            KEY: {"S": key},
            "owner": {"S": owner},
            "host": {"S": socket.gethostname()},
            "pid": {"N": str(os.getpid())},
            "since": {"S": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")},
            "purpose": {"S": purpose},
            "lease_seconds": {"N": repr(self.lease_seconds)},
        }
        waiting = _Waiting(key, self.lease_seconds)
        while True:
            sent = time.monotonic()
            found = self._take(item, waiting.expired_version())
            if found is None:
                return DynamoDBLease(self, key, owner, sent, renew=self._renew)
            if not found:  # released between the write and the read: try again at once
                continue
            holder, waited = waiting.found(found)
            if self.on_wait is not None:
                self.on_wait(holder, waited)
            if waited >= self.wait_seconds:
                raise LockTimeoutError(key=key, table=self.table, waited=waited, holder=holder)
            time.sleep(min(waiting.pause(self.poll_seconds), self.wait_seconds - waited))

    def _take(self, item: Mapping[str, Any], expired: str | None) -> Mapping[str, Any] | None:
        """Write the item if the lock is free, ours, or expired at version ``expired``.

        Returns ``None`` when the lock is taken, else the item that holds it (empty when it
        has just been released).
        """
        # Ours already: an earlier try whose answer was lost.
        condition = "attribute_not_exists(#key) OR #owner = :owner"
        names = {"#key": KEY, "#owner": "owner"}
        values = {":owner": item["owner"]}
        if expired is not None:
            condition += " OR #version = :expired"
            names["#version"] = "version"
            values[":expired"] = {"S": expired}
        try:
            self._call(
                "put_item",
                handled=_CONDITION_FAILED,
                TableName=self.table,
                Item={**item, "version": {"S": uuid.uuid4().hex}},
                ConditionExpression=condition,
                ExpressionAttributeNames=names,
                ExpressionAttributeValues=values,
                ReturnValuesOnConditionCheckFailure="ALL_OLD",
            )
        except _Refused as refused:
            return refused.item or self._read(str(item[KEY]["S"])) or {}
        except BaseException:
            # Ctrl-C or a lost answer: the item may be ours now. Let it go rather than make
            # every other process wait a lease for it.
            with contextlib.suppress(Exception):
                self._delete(str(item[KEY]["S"]), str(item["owner"]["S"]))
            raise
        return None

    def _read(self, key: str) -> Mapping[str, Any] | None:
        answer = self._call(
            "get_item", TableName=self.table, Key={KEY: {"S": key}}, ConsistentRead=True
        )
        found: Mapping[str, Any] | None = answer.get("Item")
        return found

    def _renew(self, key: str, owner: str) -> None:
        """Give the item a new record version number, if it is still ours."""
        self._call(
            "update_item",
            handled=_CONDITION_FAILED,
            TableName=self.table,
            Key={KEY: {"S": key}},
            UpdateExpression="SET #version = :version",
            ConditionExpression="#owner = :owner",
            ExpressionAttributeNames={"#version": "version", "#owner": "owner"},
            ExpressionAttributeValues={
                ":version": {"S": uuid.uuid4().hex},
                ":owner": {"S": owner},
            },
        )

    def _delete(self, key: str, owner: str) -> None:
        self._call(
            "delete_item",
            handled=_CONDITION_FAILED,
            TableName=self.table,
            Key={KEY: {"S": key}},
            ConditionExpression="#owner = :owner",
            ExpressionAttributeNames={"#owner": "owner"},
            ExpressionAttributeValues={":owner": {"S": owner}},
        )

    def _release(self, lease: DynamoDBLease) -> None:
        lease.stop()
        try:
            self._delete(lease.key, lease.owner)
        except _Refused:
            logger.warning("the lock on %s had already been taken over", lease.key)
        except LockError as error:
            logger.warning(
                "could not release the lock on %s (%s); it expires in %g s",
                lease.key,
                error,
                self.lease_seconds,
            )

    # -- calls -------------------------------------------------------------------------------

    def _call(self, method: str, *, handled: str | None = None, **kwargs: Any) -> Any:
        """Call DynamoDB, raising :class:`LockError` (or a subclass) for a failure.

        An error answer with the code ``handled`` raises :class:`_Refused` instead, for the
        caller to handle.
        """
        try:
            return getattr(self.client, method)(**kwargs)
        except ClientError as error:
            response: Mapping[str, Any] = error.response
            details: Mapping[str, Any] = response.get("Error", {})
            code = str(details.get("Code", "Unknown"))
            if code == handled:
                raise _Refused(response.get("Item")) from error
            if code == _TABLE_MISSING:
                region = self.client.meta.region_name
                raise LockTableMissingError(table=self.table, region=region) from error
            raise LockError(
                f"the lock table {self.table!r} refused {error.operation_name}: {code}: "
                f"{details.get('Message', '')}; nothing was written",
                table=self.table,
            ) from error
        except BotoCoreError as error:
            raise LockError(
                f"could not reach the lock table {self.table!r}: {error}; nothing was written",
                table=self.table,
            ) from error


class _Refused(Exception):  # noqa: N818 - internal, never leaves this module
    """DynamoDB refused a call in the way its caller expects (a condition not met)."""

    def __init__(self, item: Mapping[str, Any] | None) -> None:
        super().__init__("refused")
        self.item = item
        """The item that failed the condition, when DynamoDB returned it."""


class DynamoDBLease:
    """The lock on one key, held by this process: renewed in the background until released."""

    def __init__(
        self,
        lock: DynamoDBLock,
        key: str,
        owner: str,
        renewed_at: float,
        *,
        renew: Callable[[str, str], None],
    ) -> None:
        self._lock = lock
        self._renew = renew
        self._owner = owner
        self._key = key
        self._guard = threading.Lock()
        self._renewed_at = renewed_at
        self._lost: str | None = None
        self._stopped = threading.Event()
        self._thread = threading.Thread(
            target=self._renew_until_stopped, name=f"lease on {key}", daemon=True
        )
        self._thread.start()

    @property
    def key(self) -> str:
        """The key the lock was taken on."""
        return self._key

    @property
    def owner(self) -> str:
        """This holder's token in the item: host, process id and a random part."""
        return self._owner

    def check(self) -> None:
        """Raise :class:`~cognito_pools.LeaseLostError` unless the lease still holds.

        It holds while no renewal found the lock taken over, and the last renewal that
        succeeded was sent less than three quarters of a lease ago (measured on this process's
        own clock, which no other machine needs to share).
        """
        with self._guard:
            lost = self._lost
            age = time.monotonic() - self._renewed_at
        if lost is None and age > self._lock.lease_seconds * _VALID_FOR:
            lost = f"last renewed {age:.1f} s ago, lease {self._lock.lease_seconds:g} s"
        if lost is not None:
            raise LeaseLostError(key=self._key, table=self._lock.table, reason=lost)

    def stop(self) -> None:
        """Stop renewing (the lock is being released)."""
        self._stopped.set()

    def _renew_until_stopped(self) -> None:
        interval = self._lock.lease_seconds * _RENEW_EVERY
        while not self._stopped.wait(interval):
            sent = time.monotonic()
            try:
                self._renew(self._key, self._owner)
            except _Refused:
                with self._guard:
                    self._lost = "another process took the lock over"
                return
            except LockError as error:
                logger.warning("could not renew the lock on %s: %s", self._key, error)
            else:
                with self._guard:
                    self._renewed_at = sent


def _holder(item: Mapping[str, Any], default_lease: float) -> LockHolder:
    """The holder an item describes; what is missing or malformed is shown as unknown."""

    def text(name: str) -> str:
        value = item.get(name, {})
        return str(value.get("S") or value.get("N") or "unknown")

    try:
        since: dt.datetime | None = dt.datetime.fromisoformat(text("since"))
    except ValueError:
        since = None
    try:
        lease = float(text("lease_seconds"))
    except ValueError:
        lease = default_lease
    pid = text("pid")
    return LockHolder(
        host=text("host"),
        pid=int(pid) if pid.isdigit() else 0,
        since=since,
        purpose=text("purpose"),
        lease_seconds=lease if lease > 0 else default_lease,
    )


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.timezone.utc) if moment.tzinfo else moment


class _Waiting:
    """A waiter's view of the lock: whose it is, and since when its version has not changed."""

    def __init__(self, key: str, default_lease: float) -> None:
        self._key = key
        self._default_lease = default_lease
        self._started = time.monotonic()
        self._version: str | None = None
        self._version_seen_at = 0.0
        self._holder: LockHolder | None = None
        self._tries = 0

    def pause(self, longest: float) -> float:
        """Seconds until the next try, with jitter so that waiters do not try in step.

        Short at first, as most updates take a moment, then doubling up to ``longest``.
        """
        self._tries += 1
        ceiling = min(longest, _FIRST_PAUSE * 2.0 ** min(self._tries - 1, 30))
        return ceiling * random.uniform(0.5, 1.0)  # noqa: S311 - jitter, not cryptography

    def expired_version(self) -> str | None:
        """The version a takeover may replace: unchanged for a whole lease, on this clock."""
        holder = self._holder
        if self._version is None or holder is None:
            return None
        unchanged_for = time.monotonic() - self._version_seen_at
        return self._version if unchanged_for >= holder.lease_seconds else None

    def found(self, item: Mapping[str, Any]) -> tuple[LockHolder, float]:
        """Note the item that holds the lock; return its holder and the seconds waited."""
        # Noted after the answer came: the holder wrote this version before, never after.
        now = time.monotonic()
        version = str(item.get("version", {}).get("S", ""))
        if version != self._version:
            self._version, self._version_seen_at = version, now
        holder = _holder(item, self._default_lease)
        if holder != self._holder:
            logger.info("waiting for the lock on %s, held by %s", self._key, holder)
            self._holder = holder
        return holder, now - self._started

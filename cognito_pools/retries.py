"""Retrying an update: read afresh, merge again, write; and one writer per pool in a process.

An update that meets a transient failure (another update in flight, throttling, a server fault,
a lost connection, an IAM role that has not propagated yet) is retried from the start: the pool
is described again and the change merged into what it is now. A request built from an older read
is never sent again (:mod:`cognito_pools.calls` stops botocore from doing so), because it would
undo whatever another writer changed in between.

How this layer and botocore's own retries combine:

- botocore retries reads (and connection failures) as the client's ``Config`` says; the tries it
  makes count against :attr:`Retries.attempts`, so the two layers never multiply;
- botocore is not allowed to resend a write; this layer retries it by reading again;
- ``ConcurrentModificationException``, which botocore does not retry, is retried here.

Within one process, updates of the same pool (same endpoint, region and pool id) take turns:
each read-merge-write holds a lock for that pool, so threads with their own clients never lose
each other's changes. Across processes, Cognito offers no compare-and-swap; only the opt-in
lock in DynamoDB (:mod:`cognito_pools.lock`) makes their updates take turns. See the docs' page
on concurrency for what is and is not guaranteed.
"""

from __future__ import annotations

import dataclasses
import itertools
import random
import threading
import time
from typing import TYPE_CHECKING, Any, TypeVar

from cognito_pools.calls import logger
from cognito_pools.errors import CallFailedError, RoleNotReadyError, ServiceError

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["DEFAULT_RETRIES", "Retries", "resource_lock", "retrying"]

T = TypeVar("T")


@dataclasses.dataclass(frozen=True, kw_only=True)
class Retries:
    """How an update retries transient failures. ``Retries.off()`` turns retrying off.

    Every retry reads the pool again and merges the change into what it finds, so a retried
    update never writes settings it read before another writer's change.
    """

    attempts: int = 5
    """Tries per update, botocore's own tries included; 1 means no retries."""
    base_delay: float = 0.1
    """Seconds: the first retry waits up to this long, each next one up to twice as long."""
    max_delay: float = 5.0
    """Seconds: the longest wait between two tries."""
    role_wait: float = 120.0
    """Seconds to keep retrying while Cognito cannot use the SMS or email IAM role.

    A role that was just created or changed takes a while to propagate through IAM. These
    retries are bounded by time, not by ``attempts``; Terraform's AWS provider waits two
    minutes too. Use 0 to fail at once.
    """

    def __post_init__(self) -> None:
        for name, minimum in _MINIMUMS.items():
            value = getattr(self, name)
            if value < minimum:
                raise ValueError(f"Retries.{name} must be at least {minimum}, got {value!r}")

    @classmethod
    def off(cls) -> Retries:
        """One try per update, and no waiting for IAM roles."""
        return cls(attempts=1, role_wait=0)

    def delay(self, retry: int, rng: random.Random | None = None) -> float:
        """Seconds to wait before retry number ``retry`` (from 1): exponential, full jitter."""
        ceiling = min(self.max_delay, self.base_delay * 2 ** (retry - 1))
        return (rng or _rng).uniform(0, ceiling)


_MINIMUMS = {"attempts": 1, "base_delay": 0, "max_delay": 0, "role_wait": 0}

DEFAULT_RETRIES = Retries()
"""What :class:`~cognito_pools.UserPools` uses unless told otherwise."""

_rng = random.Random()  # noqa: S311 - jitter, not cryptography

Failure = ServiceError | CallFailedError


def retrying(
    retries: Retries,
    attempt: Callable[[int], T],
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> T:
    """Run ``attempt(round)`` until it returns, or fails for good, waiting between rounds.

    A failure is retried when it is transient and the budget allows: ``retries.attempts``
    tries in all, or, for an IAM role error, until ``retries.role_wait`` seconds have passed.
    The error finally raised carries the tries made in ``attempts``.
    """
    tries = 0
    started = clock()
    for round_number in itertools.count(1):
        try:
            return attempt(round_number)
        except (ServiceError, CallFailedError) as error:  # noqa: PERF203 - a retry loop
            tries += error.attempts
            error.attempts = tries
            wait = retries.delay(round_number)
            if not _retry_allowed(error, retries, tries, clock() - started + wait):
                raise
            logger.debug(
                "retrying after %s in %.2f s (try %d)",
                type(error).__name__,
                wait,
                tries + 1,
                extra={"attempt": round_number + 1, "error": type(error).__name__},
            )
            sleep(wait)
    raise AssertionError("unreachable")  # pragma: no cover - itertools.count never ends


def _retry_allowed(error: Failure, retries: Retries, tries: int, elapsed_after_wait: float) -> bool:
    if not error.transient:
        return False
    if isinstance(error, RoleNotReadyError):
        return elapsed_after_wait <= retries.role_wait
    return tries < retries.attempts


_locks: dict[tuple[str | None, ...], threading.RLock] = {}
_locks_guard = threading.Lock()


def resource_lock(client: Any, *ids: str) -> threading.RLock:
    """The lock that every read-merge-write of one resource in this process holds.

    ``ids`` name the resource: the pool id, and the client id for an app client.

    Re-entrant, so that an update started from inside another (from a botocore event handler,
    say) proceeds instead of waiting for itself forever.
    """
    key = (client.meta.endpoint_url, client.meta.region_name, *ids)
    lock = _locks.get(key)
    if lock is None:
        with _locks_guard:
            lock = _locks.setdefault(key, threading.RLock())
    return lock

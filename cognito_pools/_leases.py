"""The protocol of a lock shared by processes, and the leases this thread holds.

:class:`DistributedLock` (``hold(key, purpose)``) and :class:`Lease` (``check()``) are what
:class:`~cognito_pools.UserPools` takes as ``lock``; :class:`~cognito_pools.DynamoDBLock`
(:mod:`cognito_pools.lock`) is the implementation the library ships. Library code enters a lock
with :func:`holding` (or :func:`hold_resource`), which notes the lease for this thread, so that
:mod:`cognito_pools.calls` can check it before every write (:func:`check_held_leases`).

This module is kept apart from :mod:`cognito_pools.lock` and imports only the standard library,
so that the call layer and the client pay nothing for it until a lock is used.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from collections.abc import Generator

__all__ = [
    "DistributedLock",
    "Lease",
    "check_held_leases",
    "hold_resource",
    "holding",
    "resource_key",
]


def resource_key(region: str | None, resource_id: str) -> str:
    """The lock key of a resource: ``cognito-pools/<region>/<id>``.

    Updates of a user pool, of its app clients, and of anything else kept in the pool use the
    pool's key, so that they take turns with each other.
    """
    return f"cognito-pools/{region or '-'}/{resource_id}"


class Lease(Protocol):
    """A lock held: what :meth:`DistributedLock.hold` yields."""

    @property
    def key(self) -> str:
        """The key the lock was taken on."""
        ...

    def check(self) -> None:
        """Return if the lock is still held and may be written under; raise otherwise.

        Raises:
            LeaseLostError: the lease ran out or another process took the lock over.
        """
        ...


class DistributedLock(Protocol):
    """A lock shared by processes: what :class:`~cognito_pools.UserPools` takes as ``lock``.

    :class:`DynamoDBLock` is the implementation this library ships.
    """

    def hold(self, key: str, purpose: str) -> contextlib.AbstractContextManager[Lease]:
        """Wait for the lock on ``key`` and hold it for the ``with`` block.

        ``purpose`` says what the holder does, for those who wait. The lock is released
        however the block ends.

        Raises:
            LockTimeoutError: the lock stayed held by others for too long.
            LockError: the lock could not be taken for another reason.
        """
        ...


class _Held(threading.local):
    """The leases this thread holds through :func:`holding`, innermost last."""

    def __init__(self) -> None:
        self.leases: list[tuple[DistributedLock, str, Lease]] = []


_held = _Held()


@contextlib.contextmanager
def holding(lock: DistributedLock, key: str, purpose: str) -> Generator[Lease, None, None]:
    """Hold ``lock`` on ``key``, so that every write this library sends checks the lease first.

    A thread that already holds ``key`` through the same lock gets that lease again (an update
    started from inside another, from a botocore event handler, say), instead of waiting for
    itself.
    """
    for held_lock, held_key, lease in _held.leases:
        if held_lock is lock and held_key == key:
            yield lease
            return
    with lock.hold(key, purpose) as lease:
        entry = (lock, key, lease)
        _held.leases.append(entry)
        try:
            yield lease
        finally:
            _held.leases.remove(entry)


def hold_resource(
    lock: DistributedLock | None, client: Any, resource_id: str, purpose: str
) -> contextlib.AbstractContextManager[object]:
    """:func:`holding` the resource's key in ``client``'s region; nothing when ``lock`` is None."""
    if lock is None:
        return contextlib.nullcontext()
    return holding(lock, resource_key(client.meta.region_name, resource_id), purpose)


def check_held_leases() -> None:
    """Raise :class:`~cognito_pools.LeaseLostError` if a lease this thread holds is lost.

    Called before every write this library sends.
    """
    for _, _, lease in _held.leases:
        lease.check()

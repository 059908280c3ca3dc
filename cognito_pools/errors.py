"""Every error cognito_pools raises.

The hierarchy::

    CognitoPoolsError
    ├── ValidationError (also ValueError)     a change was refused before anything was written
    ├── PoolChangedError                      the pool changed since it was read; nothing written
    │   └── StalePlanError                    ... since a plan was shown
    ├── ChangeOverwrittenError                the write landed, but the read-back found other values
    ├── UnsendableSettingsError               botocore too old to send settings the pool has
    ├── CallFailedError                       a call never reached Cognito (credentials, network)
    ├── PartiallyAppliedError                 one of two writes landed and could not be undone
    ├── LockError                             the shared lock's table could not be used
    │   ├── LockTableMissingError             ... because it does not exist
    │   ├── LockTimeoutError                  another process held the lock for too long
    │   └── LeaseLostError                    the lock was lost before a write; nothing written
    └── ServiceError                          Cognito refused a call; wraps botocore's ClientError
        ├── PoolNotFoundError                 the pool id does not exist in this account/region
        ├── ConcurrentModificationError       another update to the same pool was in flight *
        ├── TooManyRequestsError              the request quota was exceeded *
        ├── InternalServiceError              Cognito failed (InternalErrorException, HTTP 5xx) *
        ├── RoleNotReadyError                 Cognito cannot use the SMS or email role yet *
        ├── UserImportInProgressError         a user import job is running on the pool
        └── LimitExceededError                an account or pool quota was reached

The errors marked * are transient: an update retries them (see :class:`~cognito_pools.Retries`)
and raises them only once its retries are used up. Their ``attempts`` attribute says how many
tries were made.

A :class:`ValidationError` always means that nothing was written. A :class:`ServiceError` keeps
the original ``ClientError`` as ``__cause__`` and copies its code, message, operation and
request id onto attributes.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from botocore.exceptions import ClientError

    from cognito_pools.grammar import SettingChange
    from cognito_pools.lock import LockHolder

__all__ = [
    "CallFailedError",
    "ChangeOverwrittenError",
    "CognitoPoolsError",
    "ConcurrentModificationError",
    "InternalServiceError",
    "LeaseLostError",
    "LimitExceededError",
    "LockError",
    "LockTableMissingError",
    "LockTimeoutError",
    "PartiallyAppliedError",
    "PoolChangedError",
    "PoolNotFoundError",
    "Problem",
    "RoleNotReadyError",
    "ServiceError",
    "StalePlanError",
    "TooManyRequestsError",
    "UnsendableSettingsError",
    "UserImportInProgressError",
    "ValidationError",
]


class CognitoPoolsError(Exception):
    """The root of every error this library raises."""


@dataclasses.dataclass(frozen=True)
class Problem:
    """One thing wrong with a change: where it is, and what would be accepted instead."""

    path: str
    """The dotted snake_case path of the setting, e.g. ``policies.password_policy``."""
    message: str
    """What is wrong and what is allowed."""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ValidationError(CognitoPoolsError, ValueError):
    """A change was refused before any write. ``problems`` lists every reason at once."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        heading = "1 problem" if count == 1 else f"{count} problems"
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"{heading} with the requested change; nothing was written:\n{lines}")

    @property
    def paths(self) -> tuple[str, ...]:
        """The setting paths that have problems, in order."""
        return tuple(problem.path for problem in self.problems)


class PoolChangedError(CognitoPoolsError):
    """The pool changed since it was read, and the update was asked to write only if it had not.

    Nothing was written. ``paths`` lists the settings that differ from the earlier read.
    """

    def __init__(self, message: str, paths: Iterable[str] = ()) -> None:
        self.paths: tuple[str, ...] = tuple(paths)
        """The dotted setting paths that changed since the read."""
        super().__init__(message)


class StalePlanError(PoolChangedError):
    """A plan no longer describes what its change would do: the pool changed since. Plan again."""


class ChangeOverwrittenError(CognitoPoolsError):
    """An update was written, but reading the pool back found other values at ``paths``.

    Another writer changed those settings between this update's read and its write, or right
    after it. The update's other settings landed. Raised only by updates asked to verify.
    """

    def __init__(self, pool_id: str, paths: Iterable[str], *, subject: str | None = None) -> None:
        self.pool_id = pool_id
        """The pool that was written."""
        self.paths: tuple[str, ...] = tuple(paths)
        """The settings whose values in the pool are not the ones the update wrote."""
        super().__init__(
            f"{subject or f'user pool {pool_id}'} was updated, but reading it back shows that "
            "another writer "
            f"changed {', '.join(self.paths)}; plan again to see the pool as it is now"
        )


class CallFailedError(CognitoPoolsError):
    """botocore could not make a call: no credentials or region, or the endpoint was unreachable.

    The botocore error is the ``__cause__``.
    """

    transient: bool = False
    """Whether the call may succeed if made again: a connection that failed or timed out."""
    attempts: int = 1
    """How many times the failing step was tried, botocore's own retries included."""


class ServiceError(CognitoPoolsError):
    """Cognito answered a call with an error."""

    transient: bool = False
    """Whether the same call can succeed later without any change on the caller's side."""

    def __init__(
        self,
        *,
        code: str,
        message: str,
        operation: str,
        request_id: str | None,
        status: int | None = None,
    ) -> None:
        self.code = code
        """The AWS error code, e.g. ``InvalidParameterException``."""
        self.message = message
        """The message Cognito returned."""
        self.operation = operation
        """The API operation that failed, e.g. ``UpdateUserPool``."""
        self.request_id = request_id
        """The AWS request id, for support cases and CloudTrail."""
        self.status = status
        """The HTTP status of the answer, when there was one."""
        self.attempts = 1
        """How many times the failing step was tried, botocore's own retries included."""
        suffix = f" (request id {request_id})" if request_id else ""
        super().__init__(f"{operation} failed with {code}: {message}{suffix}")

    @classmethod
    def from_client_error(cls, error: ClientError) -> ServiceError:
        """Build the most specific error for a botocore ``ClientError``."""
        response: dict[str, Any] = getattr(error, "response", {})
        details: dict[str, Any] = response.get("Error", {})
        metadata: dict[str, Any] = response.get("ResponseMetadata", {})
        code = str(details.get("Code", "Unknown"))
        status = metadata.get("HTTPStatusCode")
        kind = _BY_CODE.get(code)
        if kind is None:
            server_fault = isinstance(status, int) and status >= 500  # noqa: PLR2004
            kind = InternalServiceError if server_fault else ServiceError
        built = kind(
            code=code,
            message=str(details.get("Message", "")),
            operation=str(getattr(error, "operation_name", "unknown")),
            request_id=metadata.get("RequestId"),
            status=status if isinstance(status, int) else None,
        )
        built.attempts = 1 + int(metadata.get("RetryAttempts") or 0)
        return built


class PoolNotFoundError(ServiceError):
    """The user pool does not exist, or the credentials cannot see it."""


class ConcurrentModificationError(ServiceError):
    """Cognito was already processing another update to this pool."""

    transient = True


class TooManyRequestsError(ServiceError):
    """The account's request rate for this kind of call was exceeded (throttling)."""

    transient = True


class InternalServiceError(ServiceError):
    """Cognito failed to handle the call (``InternalErrorException`` or an HTTP 5xx answer).

    When the failed call was a write, it may or may not have been applied.
    """

    transient = True


class RoleNotReadyError(ServiceError):
    """Cognito cannot assume or use the IAM role for SMS or email.

    Right after a role is created or changed this is usually IAM propagation, which passes in
    seconds to minutes; if it persists, the role's trust or access policy is wrong.
    """

    transient = True


class UserImportInProgressError(ServiceError):
    """A user import job is running, and the pool cannot change until it ends."""


class LimitExceededError(ServiceError):
    """An account or pool quota was reached (not the request rate: see TooManyRequestsError)."""


_BY_CODE: dict[str, type[ServiceError]] = {
    "ResourceNotFoundException": PoolNotFoundError,
    "ConcurrentModificationException": ConcurrentModificationError,
    "TooManyRequestsException": TooManyRequestsError,
    "ThrottlingException": TooManyRequestsError,
    "InternalErrorException": InternalServiceError,
    "InvalidSmsRoleTrustRelationshipException": RoleNotReadyError,
    "InvalidSmsRoleAccessPolicyException": RoleNotReadyError,
    "InvalidEmailRoleAccessPolicyException": RoleNotReadyError,
    "UserImportInProgressException": UserImportInProgressError,
    "LimitExceededException": LimitExceededError,
}


# -- Changes written by two calls (MFA through SetUserPoolMfaConfig beside UpdateUserPool) --------


class PartiallyAppliedError(CognitoPoolsError):
    """One of an update's two writes landed, the other failed, and undoing the first failed too.

    An update that changes MFA and other settings makes two calls, SetUserPoolMfaConfig and
    UpdateUserPool. When the second fails, the first is undone and the second call's own error
    is raised. Only when undoing fails as well is this error raised instead: the pool is then
    left with exactly the changes in ``applied`` and without those in ``not_applied``.
    The second call's error is the ``__cause__``.
    """

    def __init__(
        self,
        *,
        landed: str,
        failed: str,
        applied: Iterable[SettingChange],
        not_applied: Iterable[SettingChange],
        error: CognitoPoolsError,
        restore_error: CognitoPoolsError,
    ) -> None:
        self.landed = landed
        """The operation that changed the pool and could not be undone, e.g. ``UpdateUserPool``."""
        self.failed = failed
        """The operation that failed, e.g. ``SetUserPoolMfaConfig``."""
        self.applied: tuple[SettingChange, ...] = tuple(applied)
        """The changes that are now in the pool."""
        self.not_applied: tuple[SettingChange, ...] = tuple(not_applied)
        """The requested changes that are not."""
        self.error = error
        """The error of the call that failed."""
        self.restore_error = restore_error
        """The error of the call that tried to undo ``landed``."""
        lines = [
            (
                f"{failed} failed ({error}), after {landed} had already changed the pool; "
                f"undoing {landed} failed too ({restore_error})."
            ),
            "These changes landed:",
            *(f"  {change}" for change in self.applied),
            "These did not:",
            *(f"  {change}" for change in self.not_applied),
        ]
        super().__init__("\n".join(lines))


# -- issue 7: settings the installed botocore cannot see -------------------------------------------


class UnsendableSettingsError(CognitoPoolsError):
    """The pool has settings that the installed botocore can neither read nor send.

    UpdateUserPool resets what it is not given, so writing would silently reset them. Nothing
    was written. Upgrade botocore to ``needed`` (or newer), or pass ``accept_reset=paths`` to
    :meth:`~cognito_pools.Pool.update` to let Cognito reset exactly these settings.
    """

    def __init__(
        self,
        pool_id: str,
        added_in: Mapping[str, str | None],
        installed: str,
        *,
        subject: str | None = None,
    ) -> None:
        self.pool_id = pool_id
        """The user pool that was not written."""
        self.added_in: Mapping[str, str | None] = dict(added_in)
        """Each setting path, with the botocore release that added it (``None``: unknown)."""
        self.installed = installed
        """The installed botocore version."""
        releases = [release for release in self.added_in.values() if release is not None]
        self.needed: str | None = max(releases, key=_release) if releases else None
        """The oldest botocore release that can send every one of them, when known."""
        listed = ", ".join(
            f"{path} (botocore {release} or newer)" if release else f"{path} (a newer botocore)"
            for path, release in self.added_in.items()
        )
        upgrade = f"botocore {self.needed} or newer" if self.needed else "a newer botocore"
        accept = ", ".join(repr(path) for path in self.added_in)
        super().__init__(
            f"{subject or f'user pool {pool_id}'} has settings that the installed botocore "
            f"{installed} can neither read nor send: {listed}. An update would let Cognito "
            "reset them, so nothing was written."
            f" Upgrade to {upgrade}, or pass accept_reset=[{accept}] to "
            "accept losing exactly these settings."
        )

    @property
    def paths(self) -> tuple[str, ...]:
        """The setting paths that an update would reset, in order."""
        return tuple(self.added_in)


def _release(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".") if part.isdigit())


# -- issue 18: the lock shared by processes (cognito_pools.lock) ---------------------------------


class LockError(CognitoPoolsError):
    """The DynamoDB table of a :class:`~cognito_pools.DynamoDBLock` could not be used.

    Raised before the update read the pool, so nothing was written. The botocore error is the
    ``__cause__``.
    """

    def __init__(self, message: str, *, table: str) -> None:
        self.table = table
        """The name of the lock table."""
        super().__init__(message)


class LockTableMissingError(LockError):
    """The lock table does not exist in the DynamoDB client's account and region."""

    def __init__(self, *, table: str, region: str | None) -> None:
        self.region = region
        """The region the DynamoDB client looked in."""
        super().__init__(
            f"the lock table {table!r} does not exist in {region or 'this region'}; create it "
            f"once with 'cognito-pools lock-table create {table}' or "
            f"DynamoDBLock(client, table={table!r}).create_table(); nothing was written",
            table=table,
        )


class LockTimeoutError(LockError):
    """Another process held the lock for longer than ``wait_seconds``. Nothing was written."""

    def __init__(self, *, key: str, table: str, waited: float, holder: LockHolder | None) -> None:
        self.key = key
        """The lock's key, e.g. ``cognito-pools/us-east-1/us-east-1_AbC123``."""
        self.waited = waited
        """Seconds waited."""
        self.holder = holder
        """Who held the lock when the wait ended, as its row in the table says."""
        held = f"it is held by {holder}" if holder else "others took it each time it was free"
        super().__init__(
            f"waited {waited:.1f} s for the lock on {key} (table {table!r}) and gave up: "
            f"{held}; nothing was written",
            table=table,
        )


class LeaseLostError(LockError):
    """The lock's lease ran out or was taken over before a write, so that write was not sent.

    A lease is renewed in the background; it is lost when renewing fails for most of a lease
    (DynamoDB unreachable, the process paused) and another process may have taken the lock.
    Writing then could undo that process's change. When it happened before the first write of an
    update, nothing was written; when it happened between the two writes of an MFA change, the
    error is the ``__cause__`` of a :class:`PartiallyAppliedError`.
    """

    def __init__(self, *, key: str, table: str, reason: str) -> None:
        self.key = key
        """The lock's key."""
        self.reason = reason
        """Why the lease no longer holds."""
        super().__init__(
            f"the lock on {key} (table {table!r}) was lost before writing ({reason}); "
            "the write was not sent",
            table=table,
        )

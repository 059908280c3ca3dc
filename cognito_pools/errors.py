"""Every error cognito_pools raises.

The hierarchy::

    CognitoPoolsError
    ├── ValidationError (also ValueError)     a change was refused before anything was written
    ├── StalePlanError                        the pool changed after a plan was shown
    ├── UnsendableSettingsError               botocore too old to send settings the pool has
    ├── CallFailedError                       a call never reached Cognito (credentials, network)
    └── ServiceError                          Cognito refused a call; wraps botocore's ClientError
        ├── PoolNotFoundError                 the pool id does not exist in this account/region
        └── ConcurrentModificationError       another update to the same pool was in flight

A :class:`ValidationError` always means that nothing was written. A :class:`ServiceError` keeps
the original ``ClientError`` as ``__cause__`` and copies its code, message, operation and
request id onto attributes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from botocore.exceptions import ClientError

__all__ = [
    "CallFailedError",
    "CognitoPoolsError",
    "ConcurrentModificationError",
    "PoolNotFoundError",
    "Problem",
    "ServiceError",
    "StalePlanError",
    "UnsendableSettingsError",
    "ValidationError",
]


class CognitoPoolsError(Exception):
    """The root of every error this library raises."""


@attrs.frozen
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


class StalePlanError(CognitoPoolsError):
    """A plan no longer describes what its change would do: the pool changed since. Plan again."""


class CallFailedError(CognitoPoolsError):
    """botocore could not make a call: no credentials or region, or the endpoint was unreachable.

    The botocore error is the ``__cause__``.
    """


class ServiceError(CognitoPoolsError):
    """Cognito answered a call with an error."""

    def __init__(self, *, code: str, message: str, operation: str, request_id: str | None) -> None:
        self.code = code
        """The AWS error code, e.g. ``InvalidParameterException``."""
        self.message = message
        """The message Cognito returned."""
        self.operation = operation
        """The API operation that failed, e.g. ``UpdateUserPool``."""
        self.request_id = request_id
        """The AWS request id, for support cases and CloudTrail."""
        suffix = f" (request id {request_id})" if request_id else ""
        super().__init__(f"{operation} failed with {code}: {message}{suffix}")

    @classmethod
    def from_client_error(cls, error: ClientError) -> ServiceError:
        """Build the most specific error for a botocore ``ClientError``."""
        response: dict[str, Any] = getattr(error, "response", {})
        details: dict[str, Any] = response.get("Error", {})
        code = str(details.get("Code", "Unknown"))
        kind = _BY_CODE.get(code, ServiceError)
        return kind(
            code=code,
            message=str(details.get("Message", "")),
            operation=str(getattr(error, "operation_name", "unknown")),
            request_id=response.get("ResponseMetadata", {}).get("RequestId"),
        )


class PoolNotFoundError(ServiceError):
    """The user pool does not exist, or the credentials cannot see it."""


class ConcurrentModificationError(ServiceError):
    """Cognito was already processing another update to this pool; retry later."""


_BY_CODE: dict[str, type[ServiceError]] = {
    "ResourceNotFoundException": PoolNotFoundError,
    "ConcurrentModificationException": ConcurrentModificationError,
}


# -- issue 7: settings the installed botocore cannot see -------------------------------------------


class UnsendableSettingsError(CognitoPoolsError):
    """The pool has settings that the installed botocore can neither read nor send.

    UpdateUserPool resets what it is not given, so writing would silently reset them. Nothing
    was written. Upgrade botocore to ``needed`` (or newer), or pass ``accept_reset=paths`` to
    :meth:`~cognito_pools.Pool.update` to let Cognito reset exactly these settings.
    """

    def __init__(self, pool_id: str, added_in: Mapping[str, str | None], installed: str) -> None:
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
            f"user pool {pool_id} has settings that the installed botocore {installed} can "
            f"neither read nor send: {listed}. An update would let Cognito reset them, so "
            f"nothing was written. Upgrade to {upgrade}, or pass accept_reset=[{accept}] to "
            "accept losing exactly these settings."
        )

    @property
    def paths(self) -> tuple[str, ...]:
        """The setting paths that an update would reset, in order."""
        return tuple(self.added_in)


def _release(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".") if part.isdigit())

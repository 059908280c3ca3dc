"""The call layer: every request to Cognito goes through :func:`call`.

It does three things for the steps above it:

- **errors**: botocore's exceptions become this library's (see :mod:`cognito_pools.errors`),
  each marked transient or not and carrying how many tries botocore made;
- **no stale resends**: botocore retries a throttled or failed call by sending the same request
  again. For a read that is right. For a write it is not: an UpdateUserPool request carries every
  setting as it was read, so resending it after another writer's change would undo that change.
  So botocore may retry reads as its ``Config`` says, but a write it wants to resend is stopped
  here and reported as transient, and :mod:`cognito_pools.retries` reads and merges afresh;
- **logging**: one DEBUG record per call under the ``cognito_pools`` logger, with the operation,
  the pool id, the attempt and the setting paths the call writes; never a setting's value.
"""

from __future__ import annotations

import logging
import threading
import weakref
from typing import TYPE_CHECKING, Any, TypeVar

from botocore.exceptions import BotoCoreError, ClientError, ParamValidationError

from cognito_pools._leases import check_held_leases
from cognito_pools._redact import redact_botocore_logs
from cognito_pools.errors import CallFailedError, Problem, ServiceError, ValidationError

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

__all__ = ["READS", "WRITES", "call", "call_with_body", "logger"]

logger: logging.Logger = logging.getLogger("cognito_pools")

WRITES = frozenset({"UpdateUserPool", "SetUserPoolMfaConfig", "UpdateUserPoolClient"})
"""Operations whose requests are built from a read, and so must never be resent as they are."""
READS = frozenset(
    {"DescribeUserPool", "GetUserPoolMfaConfig", "DescribeUserPoolClient", "ListUserPoolClients"}
)
"""The other operations this library calls; botocore may retry them as its ``Config`` says."""
_HANDLER_ID = "cognito_pools.calls"
_OPERATIONS = {
    "describe_user_pool": "DescribeUserPool",
    "update_user_pool": "UpdateUserPool",
    "get_user_pool_mfa_config": "GetUserPoolMfaConfig",
    "set_user_pool_mfa_config": "SetUserPoolMfaConfig",
    "describe_user_pool_client": "DescribeUserPoolClient",
    "update_user_pool_client": "UpdateUserPoolClient",
    "list_user_pool_clients": "ListUserPoolClients",
}
"""The operations behind the client methods this library calls (botocore's own mapping is a
property of the client, asked on every call)."""


class _Call:
    """What botocore's event handlers learn about one call this library is making.

    The class attributes are the defaults, so that starting a call costs no ``__init__``: most
    calls succeed at once and set nothing but the response.
    """

    tries: int = 1
    last_response: Any = None
    last_exception: BaseException | None = None
    body: bytes | None = None
    """The raw body of the successful answer, where the caller asked for it."""
    response: Mapping[str, Any]
    """The parsed answer, once there is one."""


class _Current(threading.local):
    """The call this thread is making through :func:`call`, if any."""

    call: _Call | None = None


_current = _Current()
_Key = TypeVar("_Key", int, tuple[int, str])
_watched: dict[int, weakref.ref[Any]] = {}
"""The event emitters that already have this module's handlers."""
_bodies_kept: dict[tuple[int, str], weakref.ref[Any]] = {}
"""The event emitters, with the operation, that already keep that operation's answer body."""


class _ResendRefusedError(Exception):
    """Raised inside botocore to stop it from resending a write; never leaves this module."""


def call(
    client: Any,
    method: str,
    kwargs: Mapping[str, Any],
    *,
    attempt: int = 1,
    paths: Sequence[str] = (),
) -> Mapping[str, Any]:
    """Call ``client.<method>(**kwargs)`` and translate its failures into library errors.

    ``attempt`` (the update's round, counted from 1) and ``paths`` (the settings a write
    changes) are only logged.

    Raises:
        ServiceError: Cognito answered with an error (a subclass names the common ones).
        CallFailedError: the call got no answer, or could not be made.
        ValidationError: botocore refused the parameters before sending them.
    """
    return _call(client, method, kwargs, attempt, paths).response


def call_with_body(
    client: Any, method: str, kwargs: Mapping[str, Any], *, attempt: int = 1
) -> tuple[Mapping[str, Any], bytes | None]:
    """:func:`call`, also returning the raw body botocore parsed the answer from.

    The body is ``None`` where there was none to parse (a Stubber's canned answer). Keeping it
    takes one more event handler on the client, registered by the first such call.
    """
    meta = client.meta
    operation = _OPERATIONS.get(method) or meta.method_to_api_mapping.get(method, method)
    key = (id(meta.events), operation)
    if not _known(_bodies_kept, key, meta.events):
        meta.events.register(
            f"before-parse.cognito-idp.{operation}",
            _keep_body,
            unique_id=f"{_HANDLER_ID}.body.{operation}",
        )
        _remember(_bodies_kept, key, meta.events)
    state = _call(client, method, kwargs, attempt, ())
    return state.response, state.body


def _call(
    client: Any, method: str, kwargs: Mapping[str, Any], attempt: int, paths: Sequence[str]
) -> _Call:
    meta = client.meta
    operation = _OPERATIONS.get(method) or meta.method_to_api_mapping.get(method, method)
    if not _known(_watched, id(meta.events), meta.events):
        _watch(client)
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "%s pool=%s attempt=%d paths=%s",
            operation,
            kwargs.get("UserPoolId"),
            attempt,
            ",".join(paths) or "-",
            extra={
                "operation": operation,
                "pool_id": kwargs.get("UserPoolId"),
                "attempt": attempt,
                "paths": tuple(paths),
            },
        )
    if operation in WRITES:
        check_held_leases()  # a write under a lock shared by processes needs the lease to hold
    # Saved and restored, so that a call made from inside another (from an event handler)
    # leaves the outer call's bookkeeping as it was.
    outer = _current.call
    state = _current.call = _Call()
    try:
        state.response = getattr(client, method)(**kwargs)
    except _ResendRefusedError:
        raise _refused(operation, state.last_response, state.last_exception) from None
    except ClientError as error:
        raise ServiceError.from_client_error(error) from error
    except ParamValidationError as error:
        raise ValidationError([Problem(method, str(error))]) from error
    except BotoCoreError as error:
        failure = CallFailedError(f"{method} could not be sent: {error}")
        failure.transient, failure.attempts = _is_transient(error), state.tries
        raise failure from error
    finally:
        _current.call = outer
    return state


def _refused(operation: str, response: Any, exception: BaseException | None) -> Exception:
    """The error for a write whose resend was stopped: the failure botocore wanted to retry."""
    if response is not None and "Error" in response[1]:
        error = ServiceError.from_client_error(ClientError(response[1], operation))
        error.transient = True  # botocore judged it retryable, and it may have been throttling
        return error
    failure = CallFailedError(f"{operation} got no answer: {exception}")
    failure.transient, failure.attempts = True, 1
    if exception is not None:
        failure.__cause__ = exception
    return failure


def _is_transient(error: BotoCoreError) -> bool:
    """Connection failures are transient; a missing region or credentials are not."""
    from botocore.exceptions import (  # noqa: PLC0415 - only on this failure path
        ConnectionClosedError,
        EndpointConnectionError,
        ReadTimeoutError,
    )

    return isinstance(error, (ConnectionClosedError, EndpointConnectionError, ReadTimeoutError))


def _watch(client: Any) -> None:
    """Register this module's botocore event handlers on ``client``.

    Every call makes sure of it, once per client (see :func:`_known`).
    """
    events = client.meta.events
    # botocore ignores a second registration under the same unique id, so a race here is benign.
    # Each handler is registered for the operations this library calls and no others, so the
    # caller's own use of the client does not pay for them.
    for operation in READS:
        # Only a failed call needs its tries counted, and only a failed call emits this.
        events.register(
            f"after-call-error.cognito-idp.{operation}",
            _count_tries,
            unique_id=f"{_HANDLER_ID}.tries.{operation}",
        )
    for operation in WRITES:
        # More specific than botocore's own retry handler, so it is asked first.
        events.register(
            f"needs-retry.cognito-idp.{operation}",
            _retry_write_at_once,
            unique_id=f"{_HANDLER_ID}.retry.{operation}",
        )
        events.register(
            f"request-created.cognito-idp.{operation}",
            _refuse_resend,
            unique_id=f"{_HANDLER_ID}.resend.{operation}",
        )
    redact_botocore_logs()
    _remember(_watched, id(events), events)


def _known(registry: Mapping[_Key, weakref.ref[Any]], key: _Key, events: Any) -> bool:
    """Whether ``registry`` has this event emitter under ``key``.

    Emitters are known by id, checked through a weak reference: cheaper than a WeakSet, and
    every call asks.
    """
    known = registry.get(key)
    return known is not None and known() is events


def _remember(registry: dict[_Key, weakref.ref[Any]], key: _Key, events: Any) -> None:
    """Note the emitter under ``key``, for as long as it lives."""
    registry[key] = weakref.ref(events, lambda _: registry.pop(key, None))


def _keep_body(response_dict: Mapping[str, Any], **_: Any) -> None:
    """Keep the body of this thread's call's successful answer; botocore parses it next."""
    state = _current.call
    if state is not None and response_dict.get("status_code") == 200:  # noqa: PLR2004
        state.body = response_dict.get("body")


def _count_tries(context: Mapping[str, Any], **_: Any) -> None:
    """Note how many tries botocore made before this thread's read failed for good."""
    state = _current.call
    retries: Mapping[str, Any] = context.get("retries") or {}
    if state is not None and "attempt" in retries:
        state.tries = retries["attempt"]


def _retry_write_at_once(
    attempts: int, response: Any, caught_exception: Any, operation: Any, **_: Any
) -> int | None:
    """Count a write's try, and skip botocore's backoff before its retry.

    The resend is refused anyway (:func:`_refuse_resend`). Answering "retry after 0 seconds"
    takes precedence over botocore's own answer. It is given only for failures this library
    retries itself; others are left to botocore's judgement.
    """
    state = _current.call
    if state is None:
        return None
    state.tries = attempts
    state.last_response, state.last_exception = response, caught_exception
    if response is not None and "Error" in response[1]:
        error = ServiceError.from_client_error(ClientError(response[1], operation.name))
        return 0 if error.transient else None
    if isinstance(caught_exception, BotoCoreError) and _is_transient(caught_exception):
        return 0
    return None


def _refuse_resend(request: Any, **_: Any) -> None:
    if _current.call is None:
        return  # the caller's own use of the client is none of our business
    retries: Mapping[str, Any] = getattr(request, "context", {}).get("retries", {})
    if retries.get("attempt", 1) > 1:
        raise _ResendRefusedError

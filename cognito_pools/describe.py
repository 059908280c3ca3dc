"""Read what DescribeUserPool and GetUserPoolMfaConfig return into typed snapshots.

botocore's parser keeps only the members its own model knows. When the installed botocore is
older than the models (the floor, 1.42.1, has no ``KeyConfiguration``), a pool's newer settings
vanish from the parsed answer, and an update built from it would let Cognito reset them without
a word. So :func:`describe_pool` also keeps the raw body that botocore hands to its
``before-parse`` event, and puts back every member the parser dropped. The update step then
sees those settings and refuses to reset them silently.
"""

from __future__ import annotations

import json
import threading
import weakref
from typing import TYPE_CHECKING, Any

import attrs

from cognito_pools._spec import as_list, as_mapping
from cognito_pools.calls import call
from cognito_pools.converter import read_config, read_facts, read_mfa, same_members
from cognito_pools.models import UserPoolConfig

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cognito_pools.models import UserPoolFacts, UserPoolMfaConfig

__all__ = ["DescribedPool", "describe_pool", "read_described", "read_mfa_config"]

RAW_BODY_EVENT = "before-parse.cognito-idp.DescribeUserPool"
RAW_BODY_HANDLER_ID = "cognito_pools.describe.raw-body"
"""botocore registers a handler once per ``unique_id``, so each client gets exactly one."""


@attrs.frozen
class DescribedPool:
    """One DescribeUserPool answer: the typed settings and the raw wire form.

    The raw form is what lets an update keep members this version of the models cannot name,
    and see members the installed botocore cannot.
    """

    config: UserPoolConfig
    raw: Mapping[str, Any] = attrs.field(repr=False)

    @property
    def facts(self) -> UserPoolFacts:
        """The describe-only facts, read when asked for: an update never needs them."""
        return read_facts(self.raw)


def describe_pool(client: Any, pool_id: str, *, attempt: int = 1) -> DescribedPool:
    """Call DescribeUserPool and read the answer, with what the installed botocore dropped.

    ``attempt`` is the update's round, for the call layer's log records.
    """
    _listen(client)
    bodies: list[bytes] = []
    outer, _capture.bodies = _capture.bodies, bodies
    try:
        response = call(client, "describe_user_pool", {"UserPoolId": pool_id}, attempt=attempt)
    finally:
        _capture.bodies = outer
    update_shape = client.meta.service_model.operation_model("UpdateUserPool").input_shape
    if bodies and not same_members(update_shape, UserPoolConfig):
        # Only a botocore other than the models' own can have dropped anything.
        raw = _raw_user_pool(bodies[-1])  # the last attempt is the one that was parsed
        if raw is not None:
            response = {**response, "UserPool": _with_dropped(response["UserPool"], raw)}
    return read_described(response)


def read_described(response: Mapping[str, Any]) -> DescribedPool:
    """Read a DescribeUserPool response."""
    user_pool: Mapping[str, Any] = response["UserPool"]
    return DescribedPool(read_config(user_pool), user_pool)


def read_mfa_config(response: Mapping[str, Any]) -> UserPoolMfaConfig:
    """Read a GetUserPoolMfaConfig response."""
    return read_mfa({k: v for k, v in response.items() if k != "ResponseMetadata"})


class _Capture(threading.local):
    """Per thread: where the describe in progress wants its raw body, if one is in progress.

    The handler runs in the thread that makes the call, so threads sharing one client never
    see each other's bodies, and calls the caller makes on the client are left alone.
    """

    bodies: list[bytes] | None = None


_capture = _Capture()
_listening: weakref.WeakSet[Any] = weakref.WeakSet()
_listening_lock = threading.Lock()


def _listen(client: Any) -> None:
    if client in _listening:
        return
    with _listening_lock:
        if client not in _listening:
            client.meta.events.register(RAW_BODY_EVENT, _keep_body, unique_id=RAW_BODY_HANDLER_ID)
            _listening.add(client)


def _keep_body(response_dict: Mapping[str, Any], **_: Any) -> None:
    bodies = _capture.bodies
    body = response_dict.get("body")
    if bodies is not None and response_dict.get("status_code") == 200 and body is not None:  # noqa: PLR2004
        bodies.append(body)


def _raw_user_pool(body: bytes) -> Mapping[str, Any] | None:
    try:
        decoded: object = json.loads(body)
    except (TypeError, ValueError):  # not JSON: nothing to add to what botocore parsed
        return None
    fields = as_mapping(decoded)
    return as_mapping(fields.get("UserPool")) if fields is not None else None


def _with_dropped(parsed: Mapping[str, Any], raw: Mapping[str, Any]) -> dict[str, Any]:
    """``parsed`` with every member of ``raw`` that the parser left out put back, at any depth."""
    merged = dict(parsed)
    for name, value in raw.items():
        if name not in merged:
            merged[name] = value
            continue
        inner, raw_inner = as_mapping(merged[name]), as_mapping(value)
        if inner is not None and raw_inner is not None:
            merged[name] = _with_dropped(inner, raw_inner)
            continue
        items, raw_items = as_list(merged[name]), as_list(value)
        if items is not None and raw_items is not None and len(items) == len(raw_items):
            pairs = zip(items, raw_items, strict=True)
            merged[name] = [_item_with_dropped(item, raw_item) for item, raw_item in pairs]
    return merged


def _item_with_dropped(item: Any, raw_item: Any) -> Any:
    fields, raw_fields = as_mapping(item), as_mapping(raw_item)
    if fields is None or raw_fields is None:
        return item
    return _with_dropped(fields, raw_fields)

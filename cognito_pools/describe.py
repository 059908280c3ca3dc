"""Read what DescribeUserPool and GetUserPoolMfaConfig return into typed snapshots.

botocore's parser keeps only the members its own model knows. When the installed botocore is
older than the models (the floor, 1.42.1, has no ``KeyConfiguration``), a pool's newer settings
vanish from the parsed answer, and an update built from it would let Cognito reset them without
a word. So :func:`describe_pool` also takes the raw body that botocore hands to its
``before-parse`` event (:func:`~cognito_pools.calls.call_with_body` keeps it), and puts back
every member the parser dropped. The update step then sees those settings and refuses to reset
them silently.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import attrs

from cognito_pools._spec import as_list, as_mapping
from cognito_pools.calls import call_with_body
from cognito_pools.converter import read_config, read_facts, read_mfa, same_members
from cognito_pools.models import UserPoolConfig

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cognito_pools.models import UserPoolFacts, UserPoolMfaConfig

__all__ = ["DescribedPool", "describe_pool", "read_described", "read_mfa_config"]


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
    request = {"UserPoolId": pool_id}
    response, body = call_with_body(client, "describe_user_pool", request, attempt=attempt)
    update_shape = client.meta.service_model.operation_model("UpdateUserPool").input_shape
    if body is not None and not same_members(update_shape, UserPoolConfig):
        # Only a botocore other than the models' own can have dropped anything.
        raw = _raw_user_pool(body)
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

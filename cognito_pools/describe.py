"""Read what DescribeUserPool and GetUserPoolMfaConfig return into typed snapshots.

botocore's parser keeps only the members its own model knows. When the installed botocore is
older than the models (the floor, 1.42.1, has no ``KeyConfiguration``), a pool's newer settings
vanish from the parsed answer, and an update built from it would let Cognito reset them without
a word. So :func:`describe_pool` also takes the raw body that botocore hands to its
``before-parse`` event (:func:`~cognito_pools.calls.call_with_body` keeps it), and puts back
every member the parser dropped. The update step then sees those settings and refuses to reset
them silently. With the models' own botocore nothing can be dropped, so the body is not kept.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from cognito_pools._schema import DESCRIBED_NAMES
from cognito_pools._spec import as_list, as_mapping
from cognito_pools.calls import call, call_with_body
from cognito_pools.converter import same_members
from cognito_pools.rules import POOL

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cognito_pools._spec import BotocoreShape
    from cognito_pools.merge import Settings
    from cognito_pools.models import UserPoolConfig, UserPoolFacts, UserPoolMfaConfig

__all__ = ["DescribedPool", "describe_pool", "pool_settings", "read_described", "read_mfa_config"]


class DescribedPool:
    """One DescribeUserPool answer: the raw wire form, its settings, and their typed form.

    The raw form is what lets an update keep members this version of the models cannot name,
    and see members the installed botocore cannot. ``settings`` holds the members UpdateUserPool
    takes, still in wire form (``Name`` read as ``PoolName``); :attr:`config` is built from
    them only when someone reads it, since an update never needs it.
    """

    __slots__ = ("_config", "raw", "settings")

    def __init__(self, raw: Mapping[str, Any], settings: Settings | None = None) -> None:
        self.raw = raw
        """The ``UserPool`` member of the answer."""
        self.settings: Settings = pool_settings(raw) if settings is None else settings
        """The writable settings, in wire form, as UpdateUserPool names them."""
        self._config: UserPoolConfig | None = None

    @property
    def config(self) -> UserPoolConfig:
        """The writable settings as a model object, read on first use."""
        if self._config is None:
            from cognito_pools.converter import read_config  # noqa: PLC0415 - only on demand

            self._config = read_config(self.settings)
        return self._config

    @property
    def facts(self) -> UserPoolFacts:
        """The describe-only facts, read when asked for: an update never needs them."""
        from cognito_pools.converter import read_facts  # noqa: PLC0415 - only on demand

        return read_facts(self.raw)

    def with_settings(self, settings: Settings) -> DescribedPool:
        """The same answer with the writable settings replaced: the pool after an update.

        ``raw`` stays the answer as read, so :attr:`facts` are those of that read.
        """
        return DescribedPool(self.raw, settings)


def pool_settings(user_pool: Mapping[str, Any]) -> Settings:
    """The members of DescribeUserPool's ``UserPool`` that UpdateUserPool takes, renamed so."""
    # Copied whole and pruned: a pool reports fewer describe-only members than settings.
    settings = dict(user_pool)
    for name in user_pool.keys() - _DESCRIBED_SETTINGS:
        del settings[name]
    for wire, described in DESCRIBED_NAMES.items():
        if described in settings:
            settings[wire] = settings.pop(described)
    return settings


_DESCRIBED_SETTINGS = frozenset(
    DESCRIBED_NAMES.get(member.wire, member.wire) for member in POOL.members
)
"""The writable members, under the names DescribeUserPool reports them by."""


def describe_pool(
    client: Any, pool_id: str, *, attempt: int = 1, update_shape: BotocoreShape | None = None
) -> DescribedPool:
    """Call DescribeUserPool and read the answer, with what the installed botocore dropped.

    ``attempt`` is the update's round, for the call layer's log records. ``update_shape`` is
    the client's UpdateUserPool input shape, for a caller that has it at hand.
    """
    request = {"UserPoolId": pool_id}
    if update_shape is None:
        update_shape = client.meta.service_model.operation_model("UpdateUserPool").input_shape
    if same_members(update_shape, POOL):
        # Only a botocore other than the models' own can have dropped anything.
        return read_described(call(client, "describe_user_pool", request, attempt=attempt))
    response, body = call_with_body(client, "describe_user_pool", request, attempt=attempt)
    if body is not None:
        raw = _raw_user_pool(body)
        if raw is not None:
            response = {**response, "UserPool": _with_dropped(response["UserPool"], raw)}
    return read_described(response)


def read_described(response: Mapping[str, Any]) -> DescribedPool:
    """Read a DescribeUserPool response."""
    return DescribedPool(response["UserPool"])


def read_mfa_config(response: Mapping[str, Any]) -> UserPoolMfaConfig:
    """Read a GetUserPoolMfaConfig response."""
    from cognito_pools.converter import read_mfa  # noqa: PLC0415 - only with ``mfa``

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

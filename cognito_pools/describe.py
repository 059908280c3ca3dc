"""Read a resource: one describe call, its answer kept raw and its settings in wire form.

botocore's parser keeps only the members its own model knows. When the installed botocore is
older than the models (the floor, 1.42.1, has no ``KeyConfiguration``), a pool's newer settings
vanish from the parsed answer, and an update built from it would let Cognito reset them without
a word. So :func:`describe` also takes the raw body that botocore hands to its ``before-parse``
event (:func:`~cognito_pools.calls.call_with_body` keeps it), and puts back every member the
parser dropped. The update step then sees those settings and refuses to reset them silently.
With the models' own botocore nothing can be dropped, so the body is not kept.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from cognito_pools._spec import as_list, as_mapping
from cognito_pools.calls import call, call_with_body
from cognito_pools.converter import same_members

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cognito_pools._spec import BotocoreShape
    from cognito_pools.grammar import Settings
    from cognito_pools.models import UserPoolMfaConfig
    from cognito_pools.resource import Resource

__all__ = ["Described", "describe", "read_mfa_config", "settings_of"]

ConfigT = TypeVar("ConfigT")


class Described(Generic[ConfigT]):
    """One describe answer: the raw wire form, its writable settings, and their typed form.

    The raw form is what lets an update keep members this version of the models cannot name,
    and see members the installed botocore cannot. ``settings`` holds the members the update
    call takes, still in wire form and named as the update call names them (DescribeUserPool's
    ``Name`` is ``PoolName``); :attr:`config` is built from them only when someone reads it,
    since an update never needs it.
    """

    __slots__ = ("_config", "raw", "resource", "settings")

    def __init__(
        self, resource: Resource, raw: Mapping[str, Any], settings: Settings | None = None
    ) -> None:
        self.resource: Resource = resource
        """What was described."""
        self.raw: Mapping[str, Any] = raw
        """The resource's member of the answer (``UserPool``, ``UserPoolClient``)."""
        self.settings: Settings = settings_of(resource, raw) if settings is None else settings
        """The writable settings, in wire form, as the update call names them."""
        self._config: ConfigT | None = None

    @property
    def config(self) -> ConfigT:
        """The writable settings as a model object, read on first use."""
        if self._config is None:
            from cognito_pools.converter import converter  # noqa: PLC0415 - only on demand

            model: ConfigT = converter().structure(self.settings, self.resource.structure.cls)
            self._config = model
        return self._config

    @property
    def facts(self) -> Any:
        """The describe-only members as a model object, read when asked for."""
        from cognito_pools._spec import model_class  # noqa: PLC0415 - only on demand
        from cognito_pools.converter import converter  # noqa: PLC0415

        name = self.resource.facts_class
        assert name is not None, "only resources with facts are asked"  # noqa: S101
        return converter().structure(self.raw, model_class(name))

    def with_settings(self, settings: Settings) -> Described[ConfigT]:
        """The same answer with the writable settings replaced: the resource after an update.

        ``raw`` stays the answer as read, so :attr:`facts` are those of that read.
        """
        return Described(self.resource, self.raw, settings)


def settings_of(resource: Resource, raw: Mapping[str, Any]) -> Settings:
    """The members of a describe answer that the update call takes, renamed as it names them."""
    renames = resource.renames
    settings: Settings = {}
    for member in resource.structure.members:
        reported = renames.get(member.wire, member.wire)
        if reported in raw:
            settings[member.wire] = raw[reported]
    return resource.rules.read(raw, settings)


def describe(
    client: Any,
    resource: Resource,
    ids: Mapping[str, str],
    *,
    attempt: int = 1,
    update_shape: BotocoreShape | None = None,
) -> Described[Any]:
    """Call the resource's describe operation and read the answer, with what botocore dropped.

    ``attempt`` is the update's round, for the call layer's log records. ``update_shape`` is
    the client's input shape of the update operation, for a caller that has it at hand.
    """
    request = resource.request_ids(ids)
    if update_shape is None:
        update_shape = update_input_shape(client, resource)
    if same_members(update_shape, resource.structure):
        # Only a botocore other than the models' own can have dropped anything.
        return Described(
            resource, _answer(resource, call(client, resource.describe, request, attempt=attempt))
        )
    response, body = call_with_body(client, resource.describe, request, attempt=attempt)
    parsed = _answer(resource, response)
    if body is not None:
        raw = _raw_answer(resource, body)
        if raw is not None:
            parsed = _with_dropped(parsed, raw)
    return Described(resource, parsed)


def update_input_shape(client: Any, resource: Resource) -> BotocoreShape:
    """The installed botocore's input shape of the resource's update operation."""
    operation = client.meta.method_to_api_mapping.get(resource.update, resource.update)
    return client.meta.service_model.operation_model(operation).input_shape


def _answer(resource: Resource, response: Mapping[str, Any]) -> Mapping[str, Any]:
    if resource.answer_key is None:
        return {k: v for k, v in response.items() if k != "ResponseMetadata"}
    answer: Mapping[str, Any] = response[resource.answer_key]
    return answer


def read_mfa_config(response: Mapping[str, Any]) -> UserPoolMfaConfig:
    """Read a GetUserPoolMfaConfig response."""
    from cognito_pools.converter import read_mfa  # noqa: PLC0415 - only with ``mfa``

    return read_mfa({k: v for k, v in response.items() if k != "ResponseMetadata"})


def _raw_answer(resource: Resource, body: bytes) -> Mapping[str, Any] | None:
    try:
        decoded: object = json.loads(body)
    except (TypeError, ValueError):  # not JSON: nothing to add to what botocore parsed
        return None
    fields = as_mapping(decoded)
    if fields is None or resource.answer_key is None:
        return fields
    return as_mapping(fields.get(resource.answer_key))


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

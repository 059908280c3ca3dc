"""Turn merged settings into the exact keyword arguments of a resource's update call.

Every setting is sent, every time: the update calls reset what they are not given, and which
settings they reset has varied. Around that, the request obeys the service's rules:

- only members the *runtime* botocore accepts are sent; describe-only members never are;
- members the generated model does not know are copied from the fresh describe unchanged;
- the resource's rules shape what the call carries (:meth:`Rules.to_request`: for a pool, the
  legacy validity moves into the password policy, and reserved ``aws:`` tags stay out);
- settings the resource has but the installed botocore cannot send are refused, unless the
  caller accepts that Cognito resets them (:func:`without_unsendable`);
- a structure that lacks a member the service requires is left out instead of being refused.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from cognito_pools._spec import as_mapping
from cognito_pools.converter import fit_to_shape, unsendable
from cognito_pools.errors import UnsendableSettingsError
from cognito_pools.grammar import set_path

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

    from cognito_pools._spec import BotocoreShape
    from cognito_pools.grammar import Settings
    from cognito_pools.resource import Resource

__all__ = ["subject", "update_request", "without_unsendable"]


def update_request(
    resource: Resource,
    ids: Mapping[str, str],
    settings: Settings,
    described: Mapping[str, Any] | None,
    input_shape: BotocoreShape,
) -> dict[str, Any]:
    """Build the update call's kwargs that write ``settings`` and keep everything else.

    ``settings`` is the merged wire form of every setting; the structures a change did not touch
    are still those of the ``described`` resource, and go into the request as they are.
    ``described`` is the describe answer, whose members unknown to the models are carried
    over; ``None`` carries nothing over.
    """
    wire = resource.rules.to_request(settings)
    fitted = fit_to_shape(wire, described, input_shape, resource.structure)
    return {**_drop_incomplete(fitted, input_shape), **resource.request_ids(ids)}


def without_unsendable(
    resource: Resource,
    ids: Mapping[str, str],
    described: Mapping[str, Any],
    *,
    settings: Settings,
    input_shape: BotocoreShape,
    accept_reset: Collection[str],
) -> Settings:
    """Clear what the installed botocore cannot send, if the caller accepted that; else refuse.

    The request cannot carry these settings, so Cognito would reset them: the plan must say so,
    and only a caller who named them (or a structure around them) in ``accept_reset`` may let
    that happen.

    Raises:
        UnsendableSettingsError: the pool has such settings that ``accept_reset`` does not name.
    """
    lost = unsendable(described, input_shape, resource.structure)
    if not lost:
        return settings
    refused = {path: release for path, release in lost.items() if not _named(path, accept_reset)}
    if refused:
        import botocore  # noqa: PLC0415 - only for the message

        raise UnsendableSettingsError(
            ids["UserPoolId"], refused, botocore.__version__, subject=subject(resource, ids)
        )
    for path in lost:
        settings = set_path(settings, path, None, resource.structure)
    return settings


def subject(resource: Resource, ids: Mapping[str, str]) -> str:
    """How messages name one resource: ``user pool us-east-1_X``, ``app client abc of …``."""
    names = [ids[name] for name in resource.identifiers]
    if len(names) == 1:
        return f"{resource.noun} {names[0]}"
    return f"{resource.noun} {names[-1]} of user pool {names[0]}"


def _named(path: str, accepted: Collection[str]) -> bool:
    return any(path == name or path.startswith(f"{name}.") for name in accepted)


def _drop_incomplete(wire: Mapping[str, Any], shape: BotocoreShape) -> Mapping[str, Any]:
    """``wire`` without the structures that lack a required member; copied only if one does."""
    if _all_complete(wire, shape):
        return wire  # the usual case, settled without copying or recursing
    kept: dict[str, Any] | None = None
    for name, member, required in _structures_with_required(shape):
        fields = as_mapping(wire.get(name))
        if fields is None:
            continue
        fitted = _drop_incomplete(fields, member) if required <= fields.keys() else None
        if fitted is not fields:
            kept = dict(wire) if kept is None else kept
            if fitted is None:
                del kept[name]
            else:
                kept[name] = fitted
    return wire if kept is None else kept


def _all_complete(wire: Mapping[str, Any], shape: BotocoreShape) -> bool:
    """Whether every structure in ``wire`` that has required members has them all."""
    return _complete(wire, _required_tree(shape))


def _complete(wire: Mapping[str, Any], tree: _RequiredTree) -> bool:
    for name, required, inner in tree:
        value = wire.get(name)
        if value is None:  # most of these structures are unset: no call to find that out
            continue
        fields = as_mapping(value)
        if fields is None:
            continue
        if not required <= fields.keys() or (inner and not _complete(fields, inner)):
            return False
    return True


_RequiredTree = tuple[tuple[str, frozenset[str], "_RequiredTree"], ...]
"""The structure members with required members somewhere inside, each with its own tree."""


@functools.lru_cache(maxsize=256)
def _required_tree(shape: BotocoreShape) -> _RequiredTree:
    """:func:`_structures_with_required` of ``shape``, all the way down."""
    return tuple(
        (name, required, _required_tree(member))
        for name, member, required in _structures_with_required(shape)
    )


@functools.lru_cache(maxsize=256)
def _structures_with_required(
    shape: BotocoreShape,
) -> tuple[tuple[str, BotocoreShape, frozenset[str]], ...]:
    """The structure members of ``shape`` with required members somewhere inside them."""
    found: list[tuple[str, BotocoreShape, frozenset[str]]] = []
    members: Mapping[str, BotocoreShape] = shape.members
    for name, member in members.items():
        if member.type_name != "structure":
            continue
        required = frozenset[str](member.required_members)
        if required or _structures_with_required(member):
            found.append((name, member, required))
    return tuple(found)

"""Turn a merged configuration into the exact keyword arguments of ``update_user_pool``.

Every setting is sent, every time: UpdateUserPool resets what it is not given, and which
settings it resets has varied. Around that, the request obeys the service's rules:

- only members the *runtime* botocore accepts are sent; describe-only members never are;
- members the generated model does not know are copied from the fresh describe unchanged;
- ``UnusedAccountValidityDays`` is never sent beside ``TemporaryPasswordValidityDays`` (the
  service refuses both); its value moves to the password policy when that has none;
- tags with the reserved ``aws:`` prefix are left out, since they cannot be written;
- settings the pool has but the installed botocore cannot send are refused, unless the caller
  accepts that Cognito resets them (:func:`without_unsendable`);
- a structure that lacks a member the service requires is left out instead of being refused.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from cognito_pools._schema import SHAPES
from cognito_pools._spec import as_mapping
from cognito_pools.converter import fit_to_shape, to_wire, unsendable
from cognito_pools.errors import UnsendableSettingsError
from cognito_pools.merge import set_path
from cognito_pools.rules import POOL, is_reserved_tag

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

    from cognito_pools._spec import BotocoreShape
    from cognito_pools.merge import Settings
    from cognito_pools.models import UserPoolMfaConfig

__all__ = ["NEVER_SENT", "mfa_request", "update_request", "without_unsendable"]

NEVER_SENT = frozenset({"admin_create_user_config.unused_account_validity_days"})
"""Setting paths that no request carries, so no read-back can confirm them."""


def update_request(
    pool_id: str,
    settings: Mapping[str, Any],
    described: Mapping[str, Any],
    input_shape: BotocoreShape,
) -> dict[str, Any]:
    """Build the ``update_user_pool`` kwargs that write ``settings`` and keep everything else.

    ``settings`` is the merged wire form of every setting; the structures a change did not touch
    are still those of the ``described`` pool, and go into the request as they are.
    """
    wire = _with_legacy_validity_moved(settings)
    tags = as_mapping(wire.get("UserPoolTags"))
    if tags is not None and any(map(is_reserved_tag, tags)):
        kept = {k: v for k, v in tags.items() if not is_reserved_tag(k)}
        wire = {**wire, "UserPoolTags": kept}
    fitted = fit_to_shape(wire, described, input_shape, POOL)
    return {**_drop_incomplete(fitted, input_shape), "UserPoolId": pool_id}


def without_unsendable(
    pool_id: str,
    described: Mapping[str, Any],
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
    lost = unsendable(described, input_shape, POOL)
    if not lost:
        return settings
    refused = {path: release for path, release in lost.items() if not _named(path, accept_reset)}
    if refused:
        import botocore  # noqa: PLC0415 - only for the message

        raise UnsendableSettingsError(pool_id, refused, botocore.__version__)
    for path in lost:
        settings = set_path(settings, path, None, POOL)
    return settings


def _named(path: str, accepted: Collection[str]) -> bool:
    return any(path == name or path.startswith(f"{name}.") for name in accepted)


def mfa_request(
    pool_id: str,
    mfa: UserPoolMfaConfig,
    described: Mapping[str, Any] | None,
    input_shape: BotocoreShape,
) -> dict[str, Any]:
    """Build the ``set_user_pool_mfa_config`` kwargs that write ``mfa`` whole.

    ``described`` is the GetUserPoolMfaConfig answer, whose members unknown to the model are
    carried over just as they are for UpdateUserPool; ``None`` carries nothing over.
    """
    fitted = fit_to_shape(to_wire(mfa), described, input_shape, SHAPES["UserPoolMfaConfig"])
    return {**_drop_incomplete(fitted, input_shape), "UserPoolId": pool_id}


def _with_legacy_validity_moved(settings: Mapping[str, Any]) -> Mapping[str, Any]:
    """``settings``, copied where it changes, with the legacy validity in the password policy."""
    admin = as_mapping(settings.get("AdminCreateUserConfig")) or {}
    if "UnusedAccountValidityDays" not in admin:
        return settings
    wire = dict(settings)
    legacy = admin["UnusedAccountValidityDays"]
    wire["AdminCreateUserConfig"] = {
        k: v for k, v in admin.items() if k != "UnusedAccountValidityDays"
    }
    policies = dict(as_mapping(wire.get("Policies")) or {})
    password = dict(as_mapping(policies.get("PasswordPolicy")) or {})
    password.setdefault("TemporaryPasswordValidityDays", legacy)
    policies["PasswordPolicy"] = password
    wire["Policies"] = policies
    return wire


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

"""Model objects to and from wire dictionaries, and wire dictionaries fitted to botocore.

:func:`make_converter` builds a cattrs converter from the generated schema tables (which hold
every wire name: :mod:`cognito_pools._schema`). Field names map to wire names through them,
``None`` fields are left out of requests, and values the model does not know yet (a new enum
member, say) are read as they are instead of failing: a pool that Cognito can describe must
always be readable.

The rest of this module works on wire dictionaries against the *runtime* botocore model, which
may be older or newer than the one the classes were generated from.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, get_args, get_origin

from cognito_pools._schema import DESCRIBED_NAMES, STRUCTURES
from cognito_pools._spec import as_list, as_mapping

if TYPE_CHECKING:
    import cattrs

    from cognito_pools._spec import BotocoreShape, Structure, Value
    from cognito_pools.models import UserPoolConfig, UserPoolFacts, UserPoolMfaConfig

__all__ = [
    "converter",
    "fit_to_shape",
    "make_converter",
    "read_config",
    "read_facts",
    "read_mfa",
    "same_members",
    "to_wire",
    "unsendable",
]

_UNIONS = (typing.Union, types.UnionType)
IDENTIFIERS = frozenset({"UserPoolId", "ClientId"})
"""Request members that name the resource rather than hold a setting."""


def make_converter() -> cattrs.Converter:
    """Build a converter between the generated models and botocore's wire dictionaries."""
    # Imported here: cattrs is only needed once a pool is read, not at package import.
    import cattrs  # noqa: PLC0415

    # Describe answers come from botocore, already parsed against the model: detailed error
    # reports would only slow down every read.
    conv = cattrs.Converter(
        unstruct_collection_overrides={Sequence: list, tuple: list}, detailed_validation=False
    )
    conv.register_structure_hook_func(_is_literal, _structure_open_literal)
    # Every field is ``X | None``; finding X's hook once, here, instead of for every value read
    # makes reading a pool about a quarter faster.
    conv.register_structure_hook_factory(_is_optional, _optional_structure_hook)
    conv.register_unstructure_hook_factory(_is_optional, _optional_unstructure_hook)
    conv.register_structure_hook(dt.datetime, _structure_timestamp)
    conv.register_unstructure_hook(dt.datetime, lambda value: value)
    # Each model class's hooks are generated the first time that class is read or written:
    # generating them for all forty at once cost more than reading a whole pool. cattrs asks the
    # factories registered last first, so these come before its own factory for attrs classes.
    conv.register_structure_hook_factory(_is_model_class, _model_structure_hook)
    conv.register_unstructure_hook_factory(_is_model_class, _model_unstructure_hook)
    return conv


def _is_model_class(annotation: Any) -> bool:
    return annotation in STRUCTURES


def _renames(cls: type[Any]) -> dict[str, Any]:
    from cattrs.gen import override  # noqa: PLC0415 - cattrs loads with the converter

    # Typed as Any: cattrs spreads overrides and its own flags through the same **kwargs.
    return {member.name: override(rename=member.wire) for member in STRUCTURES[cls].members}


def _model_structure_hook(cls: type[Any], conv: cattrs.Converter) -> Any:
    from cattrs.gen import make_dict_structure_fn  # noqa: PLC0415

    return make_dict_structure_fn(cls, conv, **_renames(cls))


def _model_unstructure_hook(cls: type[Any], conv: cattrs.Converter) -> Any:
    from cattrs.gen import make_dict_unstructure_fn  # noqa: PLC0415

    return make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True, **_renames(cls))


def _is_optional(annotation: Any) -> bool:
    args = get_args(annotation)
    return get_origin(annotation) in _UNIONS and len(args) == 2 and type(None) in args  # noqa: PLR2004


def _optional_structure_hook(annotation: Any, conv: cattrs.Converter) -> Any:
    inner = next(arg for arg in get_args(annotation) if arg is not type(None))
    hook = conv.get_structure_hook(inner)

    def structure(value: Any, _: Any) -> Any:
        return None if value is None else hook(value, inner)

    return structure


def _optional_unstructure_hook(annotation: Any, conv: cattrs.Converter) -> Any:
    from cattrs.fns import identity  # noqa: PLC0415 - cattrs loads with the converter

    inner = next(arg for arg in get_args(annotation) if arg is not type(None))
    hook = conv.get_unstructure_hook(inner)
    if hook == identity:
        return identity  # lets cattrs inline the field: strings, numbers, enums, booleans

    def unstructure(value: Any) -> Any:
        return None if value is None else hook(value)

    return unstructure


def _is_literal(annotation: Any) -> bool:
    return get_origin(annotation) is Literal


def _structure_open_literal(value: Any, annotation: Any) -> str:
    # Cognito may return an enum value newer than our model; refusing to read the pool would be
    # worse than a string the type checker did not foresee.
    if not isinstance(value, str):
        raise TypeError(f"expected one of {annotation.__args__!r}, got {value!r}")
    return value


def _structure_timestamp(value: Any, _: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, (int, float)):
        return dt.datetime.fromtimestamp(value, tz=dt.timezone.utc)
    return dt.datetime.fromisoformat(str(value))


@functools.cache
def converter() -> cattrs.Converter:
    """Return the shared converter, built on first use to keep ``import`` cheap."""
    return make_converter()


def read_config(user_pool: Mapping[str, Any]) -> UserPoolConfig:
    """Read the writable settings out of DescribeUserPool's ``UserPool``."""
    from cognito_pools.models import UserPoolConfig  # noqa: PLC0415 - models load on first need

    renamed = dict(user_pool)
    for update_name, describe_name in DESCRIBED_NAMES.items():
        if describe_name in user_pool:
            renamed[update_name] = user_pool[describe_name]
    return converter().structure(renamed, UserPoolConfig)


def read_facts(user_pool: Mapping[str, Any]) -> UserPoolFacts:
    """Read the describe-only facts out of DescribeUserPool's ``UserPool``."""
    from cognito_pools.models import UserPoolFacts  # noqa: PLC0415 - models load on first need

    return converter().structure(user_pool, UserPoolFacts)


def read_mfa(response: Mapping[str, Any]) -> UserPoolMfaConfig:
    """Read a GetUserPoolMfaConfig response."""
    from cognito_pools.models import UserPoolMfaConfig  # noqa: PLC0415 - models load on first need

    return converter().structure(response, UserPoolMfaConfig)


def to_wire(model: object) -> dict[str, Any]:
    """Write a model object as its wire dictionary, leaving out every unset member."""
    wire: dict[str, Any] = converter().unstructure(model)
    return wire


def fit_to_shape(
    wire: Mapping[str, Any],
    described: Mapping[str, Any] | None,
    shape: BotocoreShape,
    structure: Structure,
) -> Mapping[str, Any]:
    """Fit a wire dictionary of ``structure`` to what the runtime botocore accepts for ``shape``.

    Members of ``wire`` that the runtime model lacks are dropped (they can only come from the
    pool itself; a caller's own use of them is refused earlier, during validation). Members the
    runtime model has but the generated models do not know are copied over from ``described``,
    so a setting that this version of cognito_pools cannot name still survives the update
    unchanged.
    """
    if same_members(shape, structure):
        return wire  # nothing to drop and nothing unmodeled to carry
    members: Mapping[str, BotocoreShape] = shape.members
    fitted: dict[str, Any] = {}
    for name, member_shape in members.items():
        spec = structure.wire_member(name)
        old = described.get(name) if described is not None else None
        if spec is None:
            if old is not None:
                fitted[name] = old
        elif name in wire:
            fitted[name] = _fit_value(wire[name], old, member_shape, spec.value)
    return fitted


_SAME_MEMBERS: dict[tuple[BotocoreShape, str], bool] = {}
_SAME_MEMBERS_LIMIT = 4096


def same_members(shape: BotocoreShape, structure: Structure) -> bool:
    """Tell whether the runtime shape and the table have the same members, all the way down.

    That is the usual case (the installed botocore is the one the models were generated from),
    and it lets an update skip the member-by-member fitting. Answers are kept per shape object,
    so each client's service model is compared once.
    """
    key = (shape, structure.name)
    if key not in _SAME_MEMBERS:
        if len(_SAME_MEMBERS) > _SAME_MEMBERS_LIMIT:  # a program that makes client after client
            _SAME_MEMBERS.clear()
        _SAME_MEMBERS[key] = _compare_members(shape, structure)
    return _SAME_MEMBERS[key]


def _compare_members(shape: BotocoreShape, structure: Structure) -> bool:
    members: Mapping[str, BotocoreShape] = shape.members
    names = set(members) - IDENTIFIERS
    if names != {member.wire for member in structure.members}:
        return False
    for member in structure.members:
        spec, member_shape = member.value, members[member.wire]
        inner = spec.structure
        if spec.kind == "structure" and inner is not None:
            if not same_members(member_shape, inner):
                return False
        elif spec.item is not None and spec.item.structure is not None:
            item_shape = member_shape.member if spec.kind == "list" else member_shape.value
            if not same_members(item_shape, spec.item.structure):
                return False
    return True


def _fit_value(value: Any, old: Any, shape: BotocoreShape, spec: Value) -> Any:
    mapping, old_mapping = as_mapping(value), as_mapping(old)
    target = spec.structure
    if spec.kind == "structure" and target is not None and mapping is not None:
        return fit_to_shape(mapping, old_mapping, shape, target)
    item = spec.item
    if item is None or item.kind != "structure":
        return value
    entries = as_list(value)
    if spec.kind == "list" and entries is not None:
        old_entries = as_list(old) or []
        return [
            _fit_value(entry, _same_known(entry, old_entries, item), shape.member, item)
            for entry in entries
        ]
    if spec.kind == "map" and mapping is not None:
        old_values = old_mapping or {}
        return {
            key: _fit_value(entry, old_values.get(key), shape.value, item)
            for key, entry in mapping.items()
        }
    return value


def _same_known(entry: Any, candidates: list[Any], spec: Value) -> Any:
    """Find the described list item that this one came from, to carry its unmodeled members."""
    structure = spec.structure
    fields = as_mapping(entry)
    if structure is None or fields is None:
        return None
    wires = [member.wire for member in structure.members]
    for candidate in map(as_mapping, candidates):
        if candidate is not None and all(candidate.get(w) == fields.get(w) for w in wires):
            return candidate
    return None


def unsendable(
    described: Mapping[str, Any], shape: BotocoreShape, structure: Structure, prefix: str = ""
) -> dict[str, str | None]:
    """Find the settings the pool has that the runtime botocore cannot send.

    Returns each one's setting path with the botocore release that added it (``None`` where
    that is not recorded). An update has to leave them out, and Cognito then resets them.
    """
    if same_members(shape, structure):
        return {}
    members: Mapping[str, BotocoreShape] = shape.members
    found: dict[str, str | None] = {}
    for member in structure.members:
        value = described.get(member.wire)
        fields = as_mapping(value)
        if value is None:
            continue
        inner = member.value.structure
        if member.wire not in members:
            found[f"{prefix}{member.name}"] = member.added_in
        elif inner is not None and fields is not None:
            found.update(unsendable(fields, members[member.wire], inner, f"{prefix}{member.name}."))
    return found

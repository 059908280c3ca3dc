"""Merge a caller's partial change into settings: keep what is absent, clear ``None``, set values.

A nested mapping merges into the structure already there (or into an empty one, if there was
none). A model instance replaces the structure whole. Lists and maps are always replaced whole.
The change must already be valid (see :mod:`cognito_pools.validate`); this module only moves
values.

The settings are wire dictionaries, the way DescribeUserPool reports them and UpdateUserPool
takes them. Merging copies only what the change touches, and shares everything else with the
dictionary it started from: an update that changes one password rule copies the password
policy and the two structures around it, and hands the other settings to the request as they
were read. The model classes come in only where the caller brought a model instance.

:func:`apply_change` is the same merge for model objects (the MFA setup, and callers that hold
a model), by way of their wire form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast

from cognito_pools._spec import SCALAR_KINDS, as_mapping

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cognito_pools._spec import Structure, Value

__all__ = [
    "apply_change",
    "evolve",
    "get_path",
    "merge_settings",
    "set_path",
    "structure_at",
    "touches",
    "wire_path",
    "wire_value",
]

T = TypeVar("T")

Settings = dict[str, Any]
"""A structure's members in wire form (``{"Policies": {"PasswordPolicy": {...}}}``)."""


def evolve(model: T, **changes: Any) -> T:
    """Copy an attrs model with some fields replaced (``attrs.evolve``, typed for any model)."""
    import attrs  # noqa: PLC0415 - only callers holding models get here

    return cast("T", attrs.evolve(cast("Any", model), **changes))


def merge_settings(
    current: Mapping[str, Any] | None, change: Mapping[str, Any], structure: Structure
) -> Settings:
    """Return ``current`` (or an empty structure) with ``change`` merged in, copy-on-write.

    ``current`` is never modified. Members the change does not name are shared with it, so an
    untouched setting is the very object that was read (``is`` tells it apart).
    """
    base: Mapping[str, Any] = current if current is not None else {}
    updates: dict[str, Any] = {}
    for name, value in change.items():
        member = structure.member(name)
        if member is None:  # validation reports it; merging must not guess
            continue
        updates[member.wire] = _merge_value(base.get(member.wire), value, member.value)
    merged = {**base, **updates}
    for wire, value in updates.items():
        if value is None:
            del merged[wire]
    return merged


def _merge_value(current: Any, value: Any, spec: Value) -> Any:
    if value is None:
        return None
    kind = spec.kind
    if kind in SCALAR_KINDS:
        return value
    target = spec.structure
    if kind == "structure" and target is not None:
        fields = as_mapping(value)
        if fields is None:  # a model instance: it replaces the structure whole
            return _model_wire(value)
        merged = merge_settings(current, fields, target)
        if current is None and fields and not merged:
            return None  # only clearing what was never there creates nothing
        return merged
    return wire_value(value, spec)


def wire_value(value: Any, spec: Value) -> Any:
    """Turn a caller's whole value (list item, map value, list, map) into its wire form."""
    if spec.kind in SCALAR_KINDS:
        return value
    target = spec.structure
    if spec.kind == "structure" and target is not None:
        fields = as_mapping(value)
        return _model_wire(value) if fields is None else merge_settings(None, fields, target)
    if spec.kind == "list" and spec.item is not None:
        return [wire_value(item, spec.item) for item in value]
    if spec.kind == "map" and spec.item is not None:
        return {key: wire_value(item, spec.item) for key, item in value.items()}
    return value


def _model_wire(model: object) -> Settings:
    from cognito_pools.converter import to_wire  # noqa: PLC0415 - the caller brought a model

    return to_wire(model)


def apply_change(current: T | None, change: Mapping[str, Any], cls: type[T]) -> T:
    """Return the model ``current`` (or a blank ``cls``) with ``change`` merged in."""
    from cognito_pools._schema import STRUCTURES  # noqa: PLC0415
    from cognito_pools.converter import converter, to_wire  # noqa: PLC0415

    wire = to_wire(current) if current is not None else {}
    merged = merge_settings(wire, change, STRUCTURES[cls])
    return converter().structure(merged, cls)


def touches(change: Mapping[str, Any], path: str) -> bool:
    """Tell whether ``change`` sets, clears or replaces the setting at the dotted ``path``."""
    node: Any = change
    for key in path.split("."):
        fields = as_mapping(node)
        if fields is None:
            return True  # an ancestor was replaced by a model instance
        if key not in fields:
            return False
        node = fields[key]
        if node is None:
            return True
    return True


def structure_at(structure: Structure, path: str) -> Structure | None:
    """The structure that the dotted ``path`` names, or ``None`` if it names no structure."""
    found: Structure | None = structure
    for key in path.split("."):
        member = found.member(key) if found is not None else None
        if member is None:
            return None
        found = member.value.structure
    return found


def get_path(settings: Mapping[str, Any] | None, path: str, structure: Structure) -> Any:
    """Read the wire value at a dotted setting path, or ``None`` where a parent is unset."""
    node: Any = settings
    for wire in wire_path(structure, path):
        if node is None:
            return None
        node = node.get(wire)
    return node


_WIRE_PATHS: dict[tuple[str, str], tuple[str, ...]] = {}


def wire_path(structure: Structure, path: str) -> tuple[str, ...]:
    """The wire names along a dotted setting path (the rules ask for the same few, often)."""
    key = (structure.name, path)
    wires = _WIRE_PATHS.get(key)
    if wires is None:
        found: list[str] = []
        current: Structure | None = structure
        for name in path.split("."):
            member = current.member(name) if current is not None else None
            if member is None:
                raise KeyError(f"{path} is not a setting path of {structure.name}")
            found.append(member.wire)
            current = member.value.structure
        wires = _WIRE_PATHS[key] = tuple(found)
    return wires


def set_path(settings: Mapping[str, Any], path: str, value: Any, structure: Structure) -> Settings:
    """Return ``settings`` with the wire value at ``path`` replaced, copy-on-write.

    Missing structures on the way are created; ``None`` removes the member.
    """
    head, _, rest = path.partition(".")
    member = structure.member(head)
    if member is None:
        raise KeyError(f"{head} is not a member of {structure.name}")
    updated = dict(settings)
    if rest:
        inner = member.value.structure
        if inner is None:
            raise TypeError(f"{head} of {structure.name} is not a structure")
        child = as_mapping(settings.get(member.wire)) or {}
        updated[member.wire] = set_path(child, rest, value, inner)
    elif value is None:
        updated.pop(member.wire, None)
    else:
        updated[member.wire] = value
    return updated

"""Apply a caller's partial change to a model: keep what is absent, clear ``None``, set the rest.

A nested mapping merges into the structure already there (or into an empty one, if there was
none). A model instance replaces the structure whole. Lists and maps are always replaced whole.
The change must already be valid (see :mod:`cognito_pools.validate`); this module only moves
values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from cognito_pools._schema import STRUCTURES
from cognito_pools._spec import as_mapping

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cognito_pools._spec import Value

__all__ = ["apply_change", "evolve", "get_path", "set_path", "touches"]

T = TypeVar("T")


def evolve(model: T, **changes: Any) -> T:
    """Copy an attrs model with some fields replaced (``attrs.evolve``, typed for any model)."""
    return cast("T", attrs.evolve(cast("Any", model), **changes))


def apply_change(current: T | None, change: Mapping[str, Any], cls: type[T]) -> T:
    """Return ``current`` (or a blank ``cls``) with ``change`` merged in."""
    base = current if current is not None else cls()
    structure = STRUCTURES[cls]
    updates: dict[str, Any] = {}
    for name, value in change.items():
        member = structure.member(name)
        if member is None:  # validation reports it; merging must not guess
            continue
        updates[name] = _apply_value(getattr(base, name), value, member.value)
    return evolve(base, **updates) if updates else base


def _apply_value(current: Any, value: Any, spec: Value) -> Any:
    if value is None:
        return None
    if spec.kind == "structure" and spec.target is not None:
        if isinstance(value, spec.target):
            return value
        merged = apply_change(current, value, spec.target)
        if current is None and value and merged == spec.target():
            return None  # only clearing what was never there creates nothing
        return merged
    return _build(value, spec)


def _build(value: Any, spec: Value) -> Any:
    """Turn a caller's whole value (list item, map value, list, map) into its model form."""
    if spec.kind == "structure" and spec.target is not None:
        if isinstance(value, spec.target):
            return value
        return apply_change(None, value, spec.target)
    if spec.kind == "list" and spec.item is not None:
        return tuple(_build(item, spec.item) for item in value)
    if spec.kind == "map" and spec.item is not None:
        return {key: _build(item, spec.item) for key, item in value.items()}
    return value


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


def get_path(model: object, path: str) -> Any:
    """Read the value at a dotted path, or ``None`` where a parent is unset."""
    node: Any = model
    for key in path.split("."):
        if node is None:
            return None
        node = getattr(node, key)
    return node


def set_path(model: T, path: str, value: Any) -> T:
    """Return ``model`` with the value at ``path`` replaced, creating missing structures."""
    head, _, rest = path.partition(".")
    if not rest:
        return evolve(model, **{head: value})
    child = getattr(model, head)
    if child is None:
        member = STRUCTURES[type(model)].member(head)
        target = member.value.target if member is not None else None
        if target is None:
            raise TypeError(f"{head} of {type(model).__name__} is not a structure")
        child = target()
    return evolve(model, **{head: set_path(child, rest, value)})

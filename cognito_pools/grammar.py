"""The change grammar: what a change touches and clears, how it merges, and what differs.

Every resource (the pool's settings, the MFA setup, an app client) is a wire dictionary
described by a :class:`~cognito_pools._spec.Structure`, and every change is read the same way:

- an absent key keeps the setting, ``None`` clears it, a value sets it;
- a mapping merges into the structure already there; a model instance replaces it whole;
- lists and maps are replaced whole.

This module is the one place that says so. Rules, validation, plans, verification and the
command line's desired-state files all ask it: :func:`touches` and :func:`clears` read a
change, :func:`merge_settings` applies one, :func:`diff_settings` compares two wire
dictionaries setting by setting, and :func:`change_to_match` turns a desired state into the
change that reaches it. None of them edits its arguments: a merge copies what the change
touches and shares the rest.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, TypeVar, cast

from cognito_pools._redact import shown_value
from cognito_pools._spec import SCALAR_KINDS, as_mapping, as_sequence

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable, Mapping

    from cognito_pools._spec import Structure, Value

__all__ = [
    "SettingChange",
    "Settings",
    "apply_change",
    "change_to_match",
    "clears",
    "diff",
    "diff_settings",
    "evolve",
    "get_path",
    "merge_settings",
    "model_value",
    "same_settings",
    "same_value",
    "set_path",
    "settings_leaves",
    "structure_at",
    "touches",
    "wire_path",
    "wire_value",
]

T = TypeVar("T")

Settings = dict[str, Any]
"""A structure's members in wire form (``{"Policies": {"PasswordPolicy": {...}}}``)."""


# -- reading a change ---------------------------------------------------------------------------


def _is_model(value: object) -> bool:
    """Whether ``value`` is a model instance (every model class is an attrs class)."""
    return hasattr(type(value), "__attrs_attrs__")


def touches(change: Mapping[str, Any], path: str) -> bool:
    """Whether ``change`` sets, clears or replaces the setting at the dotted ``path``.

    A ``None`` or a model instance on the way replaces everything below it, so it touches
    ``path`` too.
    """
    node: Any = change
    for key in path.split("."):
        fields = as_mapping(node)
        if fields is None:
            return True  # an ancestor was cleared or replaced whole
        if key not in fields:
            return False
        node = fields[key]
    return True


def clears(change: Mapping[str, Any], path: str) -> bool:
    """Whether ``change`` leaves nothing at ``path``: ``None`` there or around it.

    A model instance on the way replaces the structure whole, so it clears ``path`` when its
    own value there is ``None``.
    """
    node: Any = change
    for key in path.split("."):
        if node is None:
            return True
        fields = as_mapping(node)
        if fields is not None:
            if key not in fields:
                return False
            node = fields[key]
        elif _is_model(node):
            node = getattr(node, key, None)
        else:
            return False  # a scalar, list or map where the path goes on: nothing to clear
    return node is None


# -- paths --------------------------------------------------------------------------------------


def structure_at(structure: Structure, path: str) -> Structure | None:
    """The structure that the dotted ``path`` names, or ``None`` if it names no structure."""
    found: Structure | None = structure
    for key in path.split("."):
        member = found.member(key) if found is not None else None
        if member is None:
            return None
        found = member.value.structure
    return found


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


def get_path(settings: Mapping[str, Any] | None, path: str, structure: Structure) -> Any:
    """Read the wire value at a dotted setting path, or ``None`` where a parent is unset."""
    node: Any = settings
    for wire in wire_path(structure, path):
        if node is None:
            return None
        node = node.get(wire)
    return node


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


# -- merging ------------------------------------------------------------------------------------


def merge_settings(
    current: Mapping[str, Any] | None, change: Mapping[str, Any], structure: Structure
) -> Settings:
    """Return ``current`` (or an empty structure) with ``change`` merged in, copy-on-write.

    ``current`` is never modified; members the change does not name are shared with it.
    Names the structure lacks are skipped: validation reports them, and merging must not guess.
    """
    base: Mapping[str, Any] = current if current is not None else {}
    merged = dict(base)
    for name, value in change.items():
        member = structure.member(name)
        if member is None:
            continue
        merged_value = _merge_value(base.get(member.wire), value, member.value)
        if merged_value is None:
            merged.pop(member.wire, None)
        else:
            merged[member.wire] = merged_value
    return merged


def _merge_value(current: Any, value: Any, spec: Value) -> Any:
    if value is None:
        return None
    if spec.kind == "structure" and (target := spec.structure) is not None:
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


def evolve(model: T, **changes: Any) -> T:
    """Copy an attrs model with some fields replaced (``attrs.evolve``, typed for any model)."""
    import attrs  # noqa: PLC0415 - only callers holding models get here

    return cast("T", attrs.evolve(cast("Any", model), **changes))


def apply_change(current: T | None, change: Mapping[str, Any], cls: type[T]) -> T:
    """Return the model ``current`` (or a blank ``cls``) with ``change`` merged in."""
    from cognito_pools._schema import STRUCTURES  # noqa: PLC0415
    from cognito_pools.converter import converter, to_wire  # noqa: PLC0415

    wire = to_wire(current) if current is not None else {}
    merged = merge_settings(wire, change, STRUCTURES[cls])
    return converter().structure(merged, cls)


# -- comparing ----------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, repr=False)
class SettingChange:
    """One setting whose value would change.

    ``str()`` and ``repr()`` show secret values (the SMS role's external ID) as ``'***'``; the
    attributes hold the real values.
    """

    path: str
    """Dotted snake_case path, e.g. ``policies.password_policy.minimum_length``; a map's entries
    are ``user_pool_tags.team``."""
    old: Any
    """The value now; ``None`` where the setting is unset."""
    new: Any
    """The value after the update; ``None`` where the setting would be cleared."""

    def __str__(self) -> str:
        old, new = self.shown_old, self.shown_new
        if old is None:
            return f"+ {self.path} = {_show(new)}"
        if new is None:
            return f"- {self.path} (was {_show(old)})"
        return f"~ {self.path}: {_show(old)} -> {_show(new)}"

    def __repr__(self) -> str:
        return f"SettingChange(path={self.path!r}, old={self.shown_old!r}, new={self.shown_new!r})"

    @property
    def shown_old(self) -> Any:
        """``old`` as it may be printed: a secret is replaced by ``'***'``."""
        return shown_value(self.path, self.old)

    @property
    def shown_new(self) -> Any:
        """``new`` as it may be printed: a secret is replaced by ``'***'``."""
        return shown_value(self.path, self.new)


def _show(value: Any) -> str:
    items = as_sequence(value)
    if items is not None:
        return "[" + ", ".join(map(_show, items)) + "]"
    return repr(value)


_Leaf = tuple[Any, "Value | None"]
"""A set setting's wire value, and what it holds (``None`` for an empty structure's ``{}``)."""
_Leaves = dict[str, _Leaf]
"""Set settings by path, in the order the walk found them."""
_NOTHING: frozenset[str] = frozenset()
_COLLECTIONS = frozenset({"list", "map"})


def diff_settings(
    old: Mapping[str, Any] | None,
    new: Mapping[str, Any] | None,
    structure: Structure,
    prefix: str = "",
    *,
    empty_means_unset: Collection[str] = _NOTHING,
) -> tuple[SettingChange, ...]:
    """List the leaf settings that differ between two wire dictionaries of one structure.

    The changes come in the structure's order: first the settings ``old`` has, then those only
    ``new`` has. A map is compared key by key (``user_pool_tags.team``); a list is one leaf.
    ``empty_means_unset`` names the structures whose empty form is the same as none (a pool
    without triggers reports ``LambdaConfig: {}``); every other empty structure is a setting.
    """
    before: _Leaves = {}
    after: _Leaves = {}
    _walk(old, new, structure, prefix, before, after, empty_means_unset)
    paths = [*before, *(path for path in after if path not in before)]
    # The walk lists only leaves that differ, but an empty structure on both sides is listed by
    # both; and an empty structure's own entry says nothing where its members are listed.
    empty = {path for path in paths if _is_empty(before.get(path)) or _is_empty(after.get(path))}
    return tuple(
        SettingChange(path, _leaf_value(before.get(path)), _leaf_value(after.get(path)))
        for path in paths
        if path not in empty
        or not (
            (_is_empty(before.get(path)) and _is_empty(after.get(path)))
            or any(other.startswith(f"{path}.") for other in paths)
        )
    )


def _is_empty(leaf: _Leaf | None) -> bool:
    return leaf is not None and leaf[1] is None


def _walk(  # noqa: PLR0917 - a recursion's own state
    old: Mapping[str, Any] | None,
    new: Mapping[str, Any] | None,
    structure: Structure,
    prefix: str,
    before: _Leaves,
    after: _Leaves,
    empty_means_unset: Collection[str],
) -> None:
    """Collect the set leaves where ``old`` and ``new`` differ, each side into its own dict."""
    both = old is not None and new is not None
    for member in structure.members:
        spec = member.value
        a = old.get(member.wire) if old is not None else None
        b = new.get(member.wire) if new is not None else None
        if a is None and b is None:
            continue
        if both and a == b:
            continue  # equal wire values hold the same settings, whatever they are
        path = prefix + member.name
        inner = spec.structure if spec.kind == "structure" else None
        if inner is not None:
            inner_before: _Leaves = {}
            inner_after: _Leaves = {}
            a_fields, b_fields = as_mapping(a), as_mapping(b)
            _walk(
                a_fields, b_fields, inner, f"{path}.", inner_before, inner_after, empty_means_unset
            )
            _add_structure(before, path, a_fields, inner_before, empty_means_unset)
            _add_structure(after, path, b_fields, inner_after, empty_means_unset)
        elif spec.kind == "map" and spec.item is not None and spec.item.kind in SCALAR_KINDS:
            _walk_map(as_mapping(a) or {}, as_mapping(b) or {}, spec.item, path, before, after)
        elif not (a is not None and b is not None and same_value(a, b, spec)):
            _add_leaf(before, path, a, spec)
            _add_leaf(after, path, b, spec)


def _walk_map(  # noqa: PLR0917 - a recursion's own state
    a: Mapping[str, Any],
    b: Mapping[str, Any],
    item: Value,
    path: str,
    before: _Leaves,
    after: _Leaves,
) -> None:
    """A map of plain values, entry by entry: a plan shows the one tag that changes."""
    for key in (*a, *(key for key in b if key not in a)):
        if a.get(key) != b.get(key):
            _add_leaf(before, f"{path}.{key}", a.get(key), item)
            _add_leaf(after, f"{path}.{key}", b.get(key), item)


def _add_leaf(found: _Leaves, path: str, value: Any, spec: Value) -> None:
    # An empty list or map says no more than an unset one.
    if value is not None and (value or spec.kind not in _COLLECTIONS):
        found[path] = (value, spec)


def _add_structure(
    found: _Leaves,
    path: str,
    value: Mapping[str, Any] | None,
    inner: _Leaves,
    empty_means_unset: Collection[str],
) -> None:
    if value is None:
        return
    if inner:
        found.update(inner)
    elif path not in empty_means_unset:
        # Most empty structures still mean something (DeviceConfiguration: remembering on);
        # the others read back empty after a clear and are nothing to change.
        found[path] = ({}, None)


def same_value(a: Any, b: Any, spec: Value) -> bool:
    """Whether two wire values hold the same settings.

    Members the models do not know (a newer botocore's) are not settings here, so they do not
    count.
    """
    if spec.kind in SCALAR_KINDS:
        return bool(a == b)
    if a is None or b is None:
        return a is b
    structure = spec.structure
    if structure is not None:
        return same_settings(a, b, structure)
    item = spec.item
    if item is None or item.kind != "structure":
        return bool(a == b)
    if spec.kind == "list":
        return len(a) == len(b) and all(map(same_value, a, b, [item] * len(a)))
    return a.keys() == b.keys() and all(same_value(a[k], b[k], item) for k in a)


def same_settings(a: Mapping[str, Any], b: Mapping[str, Any], structure: Structure) -> bool:
    """Whether two wire dictionaries of ``structure`` hold the same settings."""
    return all(
        same_value(a.get(member.wire), b.get(member.wire), member.value)
        for member in structure.members
    )


def settings_leaves(settings: Mapping[str, Any], structure: Structure) -> list[tuple[str, Any]]:
    """The set settings of a wire dictionary as (dotted path, value) pairs, as plans show them."""
    return [(change.path, change.new) for change in diff_settings(None, settings, structure)]


def diff(old: object, new: object, prefix: str = "") -> tuple[SettingChange, ...]:
    """List the leaf settings that differ between two model objects of the same class."""
    from cognito_pools._schema import STRUCTURES  # noqa: PLC0415
    from cognito_pools.converter import to_wire  # noqa: PLC0415 - models are already loaded

    return diff_settings(to_wire(old), to_wire(new), STRUCTURES[type(new)], prefix)


def _leaf_value(leaf: _Leaf | None) -> Any:
    """A leaf as plans show it: lists as tuples, structures inside them as model objects."""
    if leaf is None:
        return None
    value, spec = leaf
    if spec is None or spec.kind in SCALAR_KINDS:
        return value
    return model_value(value, spec)


def model_value(value: Any, spec: Value) -> Any:
    """A wire value in the form the model classes hold it."""
    if spec.kind == "structure" and spec.structure is not None:
        from cognito_pools.converter import converter  # noqa: PLC0415 - only lists of these

        return converter().structure(value, spec.structure.cls)
    if spec.kind == "list" and spec.item is not None:
        return tuple(model_value(item, spec.item) for item in value)
    if spec.kind == "map" and spec.item is not None:
        return {key: model_value(item, spec.item) for key, item in value.items()}
    return value


# -- desired state ------------------------------------------------------------------------------


def change_to_match(
    desired: Mapping[str, Any],
    current: Mapping[str, Any],
    *,
    kept_when_absent: Iterable[tuple[str, ...]] = (),
    is_map: Callable[[tuple[str, ...]], bool] | None = None,
) -> dict[str, Any]:
    """The change that turns ``current`` into ``desired``, both in a change's own spelling.

    Only what differs is in it: a structure is compared member by member, so an unchanged
    setting is left out (kept) and a member ``desired`` lacks is cleared with ``None``, except
    the paths in ``kept_when_absent``, which a desired state may leave out to keep. Lists and
    maps (``is_map(path)``) are replaced whole, as in every change.
    """
    kept = frozenset(kept_when_absent)
    return _difference(desired, current, (), kept, is_map or _no_maps)


def _no_maps(_path: tuple[str, ...]) -> bool:
    return False


def _difference(
    desired: Mapping[str, Any],
    current: Mapping[str, Any],
    path: tuple[str, ...],
    kept: frozenset[tuple[str, ...]],
    is_map: Callable[[tuple[str, ...]], bool],
) -> dict[str, Any]:
    change: dict[str, Any] = {}
    for key, have in current.items():
        if key not in desired and have is not None and (*path, key) not in kept:
            change[key] = None
    for key, want in desired.items():
        here = (*path, key)
        have = current.get(key)
        if want == have:
            continue
        want_fields, have_fields = as_mapping(want), as_mapping(have)
        if want_fields is not None and have_fields is not None and not is_map(here):
            inner = _difference(want_fields, have_fields, here, kept, is_map)
            if inner:
                change[key] = inner
        else:
            change[key] = want
    return change

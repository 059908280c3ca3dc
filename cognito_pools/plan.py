"""What an update would change, setting by setting, before anything is written."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from cognito_pools._redact import shown_value
from cognito_pools._spec import SCALAR_KINDS, as_mapping, as_sequence
from cognito_pools.rules import EMPTY_MEANS_UNSET

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from cognito_pools._spec import Member, Structure, Value

__all__ = [
    "Plan",
    "SettingChange",
    "diff",
    "diff_settings",
    "leaves",
    "same_settings",
    "same_value",
    "settings_leaves",
]


@dataclasses.dataclass(frozen=True, repr=False)
class SettingChange:
    """One setting whose value would change.

    ``str()`` and ``repr()`` show secret values (the SMS role's external ID) as ``'***'``; the
    attributes hold the real values.
    """

    path: str
    """Dotted snake_case path, e.g. ``policies.password_policy.minimum_length``."""
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


@dataclasses.dataclass(frozen=True)
class Plan:
    """The settings an update would change on one pool. Empty when nothing would change."""

    pool_id: str
    changes: tuple[SettingChange, ...]
    request: Mapping[str, Any] | None = dataclasses.field(default=None, repr=False, compare=False)
    """The ``update_user_pool`` kwargs the update would send, or ``None`` when it sends none."""
    mfa_request: Mapping[str, Any] | None = dataclasses.field(
        default=None, repr=False, compare=False
    )
    """The ``set_user_pool_mfa_config`` kwargs, when the MFA setup would change."""
    requested: Mapping[str, Any] = dataclasses.field(
        default_factory=dict[str, Any], repr=False, compare=False
    )
    """The keyword arguments the plan was made from, for :meth:`Pool.apply`."""
    accepted_resets: frozenset[str] = dataclasses.field(
        default_factory=frozenset[str], repr=False, compare=False
    )
    """The ``accept_reset`` paths the plan was made with, for :meth:`Pool.apply`."""

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __iter__(self) -> Iterator[SettingChange]:
        return iter(self.changes)

    def __str__(self) -> str:
        if not self.changes:
            return f"No changes to user pool {self.pool_id}."
        count = len(self.changes)
        noun = "setting" if count == 1 else "settings"
        lines = [f"User pool {self.pool_id}: {count} {noun} to change"]
        lines += [f"  {change}" for change in self.changes]
        return "\n".join(lines)


def diff(old: object, new: object, prefix: str = "") -> tuple[SettingChange, ...]:
    """List the leaf settings that differ between two model objects of the same class."""
    from cognito_pools._schema import STRUCTURES  # noqa: PLC0415
    from cognito_pools.converter import to_wire  # noqa: PLC0415 - models are already loaded

    if old == new:
        return ()
    return diff_settings(to_wire(old), to_wire(new), STRUCTURES[type(new)], prefix)


def diff_settings(
    old: Mapping[str, Any] | None,
    new: Mapping[str, Any] | None,
    structure: Structure,
    prefix: str = "",
    *,
    merged: Mapping[str, Any] | None = None,
) -> tuple[SettingChange, ...]:
    """List the leaf settings that differ between two wire dictionaries of one structure.

    Members that are the same object in both are skipped unlooked, so diffing a merge against
    the settings it was made from costs what the change touched. ``merged`` is the change, when
    ``new`` is what :func:`~cognito_pools.merge.merge_settings` made of it and ``old`` and
    nothing else: then only the members it names can differ, and no other is looked at.
    """
    if old is new:
        return ()
    fields = as_mapping(merged)
    if fields is not None and old is not None and new is not None:
        found = _diff_of_merge(old, new, structure, fields, prefix)
        if found is not None:
            return found
    before: _Leaves = {}
    after: _Leaves = {}
    members = _differing(old, new, structure) if fields is None else _named(fields, structure)
    _walk(old, new, members, prefix, before, after, fields)
    return _changes(before, after)


def _changes(before: _Leaves, after: _Leaves) -> tuple[SettingChange, ...]:
    """The changes between the leaves the walk collected from each side."""
    if not (before or after):
        return ()
    # The walk lists a leaf only where the two sides differ, so a path both sides list is a
    # change, unless both hold an empty structure. The order plans list: the old side's
    # leaves, then the paths only the new side has.
    changes: list[SettingChange] = []
    empty: list[str] = []
    for path, a in before.items():
        b = after.get(path)
        if a[1] is None:
            if b is not None and b[1] is None:
                continue
            empty.append(path)
        changes.append(SettingChange(path, _leaf_value(a), _leaf_value(b)))
    for path, b in after.items():
        if path not in before:
            if b[1] is None:
                empty.append(path)
            changes.append(SettingChange(path, None, _leaf_value(b)))
    if not empty:
        return tuple(changes)
    # An empty structure's own entry (the only kind of leaf with members) adds nothing when
    # its members are listed anyway.
    listed = {p for p in empty if any(c.path.startswith(f"{p}.") for c in changes)}
    return tuple(change for change in changes if change.path not in listed)


def _differing(
    old: Mapping[str, Any] | None, new: Mapping[str, Any] | None, structure: Structure
) -> Iterable[Member]:
    """The members of ``structure`` that are not the same object in ``old`` and ``new``.

    A merge shares every member it did not touch with the settings it started from, so this
    is usually one or two of the pool's thirty.
    """
    if old is None or new is None:
        return structure.members
    changed = [wire for wire, value in new.items() if old.get(wire) is not value]
    if not old.keys() <= new.keys():  # something was cleared
        changed += old.keys() - new.keys()
    found = [member for member in map(structure.wire_member, changed) if member is not None]
    return sorted(found, key=structure.members.index) if len(found) > 1 else found


_Value = tuple[Any, "Value | None"]
"""A set setting's wire value, and what it holds (``None`` for an empty structure's ``{}``)."""
_Leaves = dict[str, _Value]
"""Set settings by path."""


def leaves(model: object) -> list[tuple[str, Any]]:
    """The set settings of a model object as (dotted path, value) pairs, structures flattened."""
    from cognito_pools._schema import STRUCTURES  # noqa: PLC0415
    from cognito_pools.converter import to_wire  # noqa: PLC0415 - models are already loaded

    return settings_leaves(to_wire(model), STRUCTURES[type(model)])


def settings_leaves(settings: Mapping[str, Any], structure: Structure) -> list[tuple[str, Any]]:
    """The set settings of a wire dictionary as (dotted path, value) pairs, as plans show them."""
    found: _Leaves = {}
    _walk(None, settings, structure.members, "", {}, found)
    return [(path, _leaf_value(leaf)) for path, leaf in found.items()]


def _diff_of_merge(
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    structure: Structure,
    change: Mapping[str, Any],
    prefix: str,
) -> tuple[SettingChange, ...] | None:
    """The diff of a merge where every structure the change names is on both sides.

    That is the usual change, and then the changes are simply its differing leaves: those the
    pool had, in order, then those it lacked (the order :func:`_walk` gives). ``None`` where a
    structure is created, removed or replaced: that needs the whole walk.
    """
    first: list[SettingChange] = []
    later: list[SettingChange] = []
    if not _merge_leaves(old, new, _named(change, structure), change, prefix, first, later):
        return None
    return (*first, *later)


def _merge_leaves(  # noqa: PLR0917 - a recursion's own state
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    members: Iterable[Member],
    change: Mapping[str, Any],
    prefix: str,
    first: list[SettingChange],
    later: list[SettingChange],
) -> bool:
    for member in members:
        a, b = old.get(member.wire), new.get(member.wire)
        if a is b:
            continue
        spec = member.value
        inner = spec.structure if spec.kind == "structure" else None
        if inner is not None:
            fields, a_fields, b_fields = (
                as_mapping(change.get(member.name)),
                as_mapping(a),
                as_mapping(b),
            )
            if fields is None or a_fields is None or b_fields is None:
                return False
            members_named = _named(fields, inner)
            path = f"{prefix}{member.name}."
            if not _merge_leaves(a_fields, b_fields, members_named, fields, path, first, later):
                return False
            continue
        if (a == b) if spec.kind in SCALAR_KINDS else same_value(a, b, spec):
            continue
        # An empty list or map says no more than an unset one (as in _add_leaf).
        if not a and spec.kind in _COLLECTIONS:
            a = None
        if not b and spec.kind in _COLLECTIONS:
            b = None
        if a is None and b is None:
            continue
        found = SettingChange(prefix + member.name, _shown(a, spec), _shown(b, spec))
        (first if a is not None else later).append(found)
    return True


def _shown(value: Any, spec: Value) -> Any:
    return None if value is None else _leaf_value((value, spec))


def _named(change: Mapping[str, Any], structure: Structure) -> list[Member]:
    """The members a change names, in the structure's order."""
    found = [member for member in map(structure.member, change) if member is not None]
    return sorted(found, key=structure.members.index) if len(found) > 1 else found


def _walk(  # noqa: PLR0917 - a recursion's own state
    old: Mapping[str, Any] | None,
    new: Mapping[str, Any] | None,
    members: Iterable[Member],
    prefix: str,
    before: _Leaves,
    after: _Leaves,
    merged: Mapping[str, Any] | None = None,
) -> None:
    """Collect the set leaves of ``old`` into ``before`` and of ``new`` into ``after``.

    Where both sides exist, members that hold the same settings on both are left out.
    ``merged`` is the part of the change that made this structure (see :func:`diff_settings`).
    """
    both = old is not None and new is not None
    for member in members:
        spec = member.value
        a = old.get(member.wire) if old is not None else None
        b = new.get(member.wire) if new is not None else None
        # Most members of a merge are the very objects read: ``is`` settles them.
        if a is b:
            continue
        inner = spec.structure if spec.kind == "structure" else None
        if inner is None:
            if both and (a == b if spec.kind in SCALAR_KINDS else same_value(a, b, spec)):
                continue
            path = prefix + member.name
            _add_leaf(before, path, a, spec)
            _add_leaf(after, path, b, spec)
            continue
        # A structure is walked into without comparing it first: where both sides hold the
        # same settings the walk finds no leaf, and the ``{}`` each side then reports cancel.
        path = prefix + member.name
        inner_before: _Leaves = {}
        inner_after: _Leaves = {}
        change = as_mapping(merged.get(member.name)) if merged is not None else None
        if change is None:
            _walk(a, b, inner.members, f"{path}.", inner_before, inner_after)
        else:
            _walk(a, b, _named(change, inner), f"{path}.", inner_before, inner_after, change)
        _add_structure(before, path, a, inner_before)
        _add_structure(after, path, b, inner_after)


def _add_leaf(found: _Leaves, path: str, value: Any, spec: Value) -> None:
    # An empty list or map says no more than an unset one.
    if value is not None and (value or spec.kind not in _COLLECTIONS):
        found[path] = (value, spec)


def _add_structure(found: _Leaves, path: str, value: Any, inner: _Leaves) -> None:
    if value is None:
        return
    if inner:
        found.update(inner)
    elif path not in EMPTY_MEANS_UNSET:
        # Most empty structures still mean something (DeviceConfiguration: remembering on);
        # the others read back empty after a clear and are nothing to change.
        found[path] = ({}, None)


_COLLECTIONS = frozenset({"list", "map"})


def same_value(a: Any, b: Any, spec: Value) -> bool:
    """Tell whether two wire values hold the same settings.

    Members the models do not know (a newer botocore's) are not settings here, so they do not
    count.
    """
    if a is b or spec.kind in SCALAR_KINDS:
        return bool(a == b)
    if a is None or b is None:
        return False
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
    """Tell whether two wire dictionaries of ``structure`` hold the same settings."""
    return a is b or all(
        same_value(a.get(member.wire), b.get(member.wire), member.value)
        for member in structure.members
    )


def _leaf_value(leaf: _Value | None) -> Any:
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


def _show(value: Any) -> str:
    items = as_sequence(value)
    if items is not None:
        return "[" + ", ".join(map(_show, items)) + "]"
    return repr(value)

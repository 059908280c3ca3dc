"""What an update would change, setting by setting, before anything is written."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from cognito_pools._redact import shown_value
from cognito_pools._spec import as_sequence
from cognito_pools.rules import EMPTY_MEANS_UNSET

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from cognito_pools._spec import Structure, Value

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
) -> tuple[SettingChange, ...]:
    """List the leaf settings that differ between two wire dictionaries of one structure.

    Members that are the same object in both are skipped unlooked, so diffing a merge against
    the settings it was made from costs what the change touched.
    """
    if old is new:
        return ()
    before = {path: (value, spec) for path, value, spec in _leaves(old, structure, prefix, new)}
    after = {path: (value, spec) for path, value, spec in _leaves(new, structure, prefix, old)}
    changed = [
        path
        for path in _ordered(before, after)
        if not _same_leaf(before.get(path), after.get(path))
    ]
    return tuple(
        SettingChange(path, _leaf_value(before.get(path)), _leaf_value(after.get(path)))
        for path in changed
        # An empty structure's own entry adds nothing when its members are listed anyway.
        if not any(other.startswith(f"{path}.") for other in changed)
    )


_Leaf = tuple[Any, "Value | None"]


def _ordered(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    seen = dict.fromkeys(before)
    seen.update(dict.fromkeys(after))
    return list(seen)


def leaves(model: object) -> list[tuple[str, Any]]:
    """The set settings of a model object as (dotted path, value) pairs, structures flattened."""
    from cognito_pools._schema import STRUCTURES  # noqa: PLC0415
    from cognito_pools.converter import to_wire  # noqa: PLC0415 - models are already loaded

    return settings_leaves(to_wire(model), STRUCTURES[type(model)])


def settings_leaves(settings: Mapping[str, Any], structure: Structure) -> list[tuple[str, Any]]:
    """The set settings of a wire dictionary as (dotted path, value) pairs, as plans show them."""
    return [
        (path, _leaf_value((value, spec))) for path, value, spec in _leaves(settings, structure, "")
    ]


def _leaves(
    settings: Mapping[str, Any] | None,
    structure: Structure,
    prefix: str,
    other: Mapping[str, Any] | None = None,
) -> Iterator[tuple[str, Any, Value | None]]:
    """Yield (path, wire value, spec) of every set leaf, skipping members equal in ``other``."""
    if settings is None:
        return
    for member in structure.members:
        value = settings.get(member.wire)
        counterpart = None
        if other is not None:
            counterpart = other.get(member.wire)
            # Most members of a merge are the very objects read: skip them without a call.
            if value is counterpart or same_value(value, counterpart, member.value):
                continue
        path = f"{prefix}{member.name}"
        kind = member.value.kind
        if value is None or (kind in {"list", "map"} and not value):
            continue  # an empty list or map says no more than an unset one
        inner_structure = member.value.structure
        if kind == "structure" and inner_structure is not None:
            inner = list(_leaves(value, inner_structure, f"{path}.", counterpart))
            if inner:
                yield from inner
            elif path not in EMPTY_MEANS_UNSET:
                # Most empty structures still mean something (DeviceConfiguration: remembering
                # on); the others read back empty after a clear and are nothing to change.
                yield path, {}, None
        else:
            yield path, value, member.value


def same_value(a: Any, b: Any, spec: Value) -> bool:
    """Tell whether two wire values hold the same settings.

    Members the models do not know (a newer botocore's) are not settings here, so they do not
    count.
    """
    if a is b:
        return True
    if a is None or b is None:
        return False
    structure = spec.structure
    if spec.kind == "structure" and structure is not None:
        return same_settings(a, b, structure)
    item = spec.item
    if item is not None and item.kind == "structure":
        if spec.kind == "list":
            return len(a) == len(b) and all(map(same_value, a, b, [item] * len(a)))
        if spec.kind == "map":
            return a.keys() == b.keys() and all(same_value(a[k], b[k], item) for k in a)
    return bool(a == b)


def same_settings(a: Mapping[str, Any], b: Mapping[str, Any], structure: Structure) -> bool:
    """Tell whether two wire dictionaries of ``structure`` hold the same settings."""
    return a is b or all(
        same_value(a.get(member.wire), b.get(member.wire), member.value)
        for member in structure.members
    )


def _same_leaf(a: _Leaf | None, b: _Leaf | None) -> bool:
    if a is None or b is None:
        return a is b
    spec = a[1] or b[1]
    return same_value(a[0], b[0], spec) if spec is not None else a[0] == b[0]


def _leaf_value(leaf: _Leaf | None) -> Any:
    """A leaf as plans show it: lists as tuples, structures inside them as model objects."""
    if leaf is None:
        return None
    value, spec = leaf
    return value if spec is None else model_value(value, spec)


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

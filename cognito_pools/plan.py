"""What an update would change, setting by setting, before anything is written."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from cognito_pools._redact import shown_value
from cognito_pools._schema import STRUCTURES
from cognito_pools._spec import as_sequence
from cognito_pools.rules import EMPTY_MEANS_UNSET

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

__all__ = ["Plan", "SettingChange", "diff", "leaves"]


@attrs.frozen(repr=False)
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


@attrs.frozen
class Plan:
    """The settings an update would change on one pool. Empty when nothing would change."""

    pool_id: str
    changes: tuple[SettingChange, ...]
    request: Mapping[str, Any] | None = attrs.field(default=None, repr=False, eq=False)
    """The ``update_user_pool`` kwargs the update would send, or ``None`` when it sends none."""
    mfa_request: Mapping[str, Any] | None = attrs.field(default=None, repr=False, eq=False)
    """The ``set_user_pool_mfa_config`` kwargs, when the MFA setup would change."""
    requested: Mapping[str, Any] = attrs.field(factory=dict[str, Any], repr=False, eq=False)
    """The keyword arguments the plan was made from, for :meth:`Pool.apply`."""
    accepted_resets: frozenset[str] = attrs.field(factory=frozenset[str], repr=False, eq=False)
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
    if old == new:
        return ()
    before = dict(_leaves(old, prefix, new))
    after = dict(_leaves(new, prefix, old))
    changed = [path for path in _ordered(before, after) if before.get(path) != after.get(path)]
    return tuple(
        SettingChange(path, before.get(path), after.get(path))
        for path in changed
        # An empty structure's own entry adds nothing when its members are listed anyway.
        if not any(other.startswith(f"{path}.") for other in changed)
    )


def _ordered(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    seen = dict.fromkeys(before)
    seen.update(dict.fromkeys(after))
    return list(seen)


def leaves(model: object) -> list[tuple[str, Any]]:
    """The set settings of a model object as (dotted path, value) pairs, structures flattened."""
    return list(_leaves(model, ""))


def _leaves(model: object, prefix: str, other: object = None) -> Iterator[tuple[str, Any]]:
    """Yield (path, value) of every set leaf of ``model``, skipping members equal in ``other``."""
    if model is None:
        return
    structure = STRUCTURES[type(model)]
    for member in structure.members:
        value = getattr(model, member.name)
        counterpart = getattr(other, member.name) if other is not None else None
        if other is not None and (value is counterpart or value == counterpart):
            continue
        path = f"{prefix}{member.name}"
        if value is None or (member.value.kind in {"list", "map"} and not value):
            continue  # an empty list or map says no more than an unset one
        if member.value.kind == "structure":
            inner = list(_leaves(value, f"{path}.", counterpart))
            if inner:
                yield from inner
            elif path not in EMPTY_MEANS_UNSET:
                # Most empty structures still mean something (DeviceConfiguration: remembering
                # on); the others read back empty after a clear and are nothing to change.
                yield path, {}
        else:
            yield path, value


def _show(value: Any) -> str:
    items = as_sequence(value)
    if items is not None:
        return "[" + ", ".join(map(_show, items)) + "]"
    return repr(value)

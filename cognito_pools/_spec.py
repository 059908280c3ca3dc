"""The shape of the generated schema tables.

``_schema.py`` is generated from botocore's service model and describes every model class as a
:class:`Structure`: which members it has, what each member's wire name is, and what values the
service accepts. The converter, the merge, the validator and the plan all walk these tables, so
none of them has to know a single setting by name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, cast

import attrs

ValueKind = Literal[
    "string", "integer", "boolean", "timestamp", "double", "structure", "list", "map"
]


@attrs.frozen
class Value:
    """What a member (or a list item, or a map value) may hold."""

    kind: ValueKind
    shape: str
    """The botocore shape name, kept for error messages."""
    enum: tuple[str, ...] = ()
    minimum: int | None = None
    """Smallest number, or shortest string or list."""
    maximum: int | None = None
    """Largest number, or longest string or list."""
    pattern: str | None = None
    """The service's regular expression, in its own (Java) dialect."""
    target: type[Any] | None = None
    """The model class, for a structure."""
    key: Value | None = None
    """The map key."""
    item: Value | None = None
    """The list item, or the map value."""


@attrs.frozen
class Member:
    """One field of a model class and the wire member behind it."""

    name: str
    wire: str
    value: Value
    required: bool = False
    added_in: str | None = None
    """The first botocore release whose model has this member, where it is newer than our floor."""


@attrs.frozen
class Structure:
    """A model class and the botocore shape it was generated from."""

    cls: type[Any]
    shape: str
    members: tuple[Member, ...]
    _by_name: dict[str, Member] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {member.name: member for member in self.members})

    def member(self, name: str) -> Member | None:
        """Return the member with this snake_case name, if there is one."""
        return self._by_name.get(name)


BotocoreShape = Any
"""A ``botocore.model.Shape``. botocore ships no type information, so this names it for readers."""


def as_mapping(value: object) -> Mapping[str, Any] | None:
    """Return ``value`` typed as a wire or change mapping, or ``None`` if it is not one."""
    if type(value) is dict or isinstance(value, Mapping):  # the exact check is the fast path
        return cast("Mapping[str, Any]", value)
    return None


def as_list(value: object) -> list[Any] | None:
    """Return ``value`` typed as a wire list, or ``None`` if it is not one."""
    # mypy already sees list[Any] here; pyright sees list[Unknown] and needs the cast.
    return cast("list[Any]", value) if isinstance(value, list) else None  # type: ignore[redundant-cast]


def as_sequence(value: object) -> Sequence[Any] | None:
    """Return ``value`` typed as a list of values, or ``None`` if it is not one (nor a string)."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        return None
    return cast("Sequence[Any]", value)  # type: ignore[redundant-cast]  # as in as_list

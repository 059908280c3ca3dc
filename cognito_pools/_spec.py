"""The shape of the generated schema tables.

``_schema.py`` is generated from botocore's service model and describes every model class as a
:class:`Structure`: which members it has, what each member's wire name is, and what values the
service accepts. The converter, the merge, the validator and the plan all walk these tables, so
none of them has to know a single setting by name.

The tables name model classes by string and load :mod:`cognito_pools.models` only when a
class itself is asked for: an update that works on wire dictionaries never pays for building
the attrs classes. For the same reason these types are slotted dataclasses and a slotted class
rather than attrs classes: importing the tables must not import attrs either. (Not named tuples:
Python 3.11 reads a named tuple's fields through a generic, unspecialized lookup, and every walk
of a change reads them over and over.)
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final, Literal, cast

ValueKind = Literal[
    "string", "integer", "boolean", "timestamp", "double", "structure", "list", "map"
]

MODELS_MODULE = "cognito_pools.models"

SCALAR_KINDS: frozenset[ValueKind] = frozenset(
    {"string", "integer", "boolean", "double", "timestamp"}
)
"""The kinds of value that hold no other values: compared, merged and shown as they are."""


def model_class(name: str) -> type[Any]:
    """The generated model class called ``name`` (this loads :mod:`cognito_pools.models`)."""
    from cognito_pools import models  # noqa: PLC0415 - the point: models load on first need

    cls: type[Any] = getattr(models, name)
    return cls


_TABLES: dict[str, Structure] = {}
"""Every structure by name: :data:`cognito_pools._schema.SHAPES`, registered by
:class:`ModelStructures` as that module loads, so that no import goes back to it from here."""


@dataclasses.dataclass(frozen=True, slots=True)
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
    target_name: str | None = None
    """The model class's name, for a structure."""
    key: Value | None = None
    """The map key."""
    item: Value | None = None
    """The list item, or the map value."""

    @property
    def structure(self) -> Structure | None:
        """The schema of the structure this value holds, without loading the model classes."""
        name = self.target_name
        return None if name is None else _TABLES[name]

    @property
    def target(self) -> type[Any] | None:
        """The model class, for a structure (this loads :mod:`cognito_pools.models`)."""
        return None if self.target_name is None else model_class(self.target_name)


@dataclasses.dataclass(frozen=True, slots=True)
class Member:
    """One field of a model class and the wire member behind it."""

    name: str
    wire: str
    value: Value
    required: bool = False
    added_in: str | None = None
    """The first botocore release whose model has this member, where it is newer than our floor."""


class Structure:
    """A model class, by name, and the botocore shape it was generated from.

    The tables are built once, when :mod:`cognito_pools._schema` loads, and every update reads
    them many times over: so the attributes are plain slots rather than properties (``Final``
    to the type checkers), and a structure is equal only to itself, which keeps it a cheap key
    for the converter's and validator's caches.
    """

    __slots__ = ("_by_name", "_by_wire", "members", "name", "shape")

    def __init__(self, name: str, shape: str, members: tuple[Member, ...]) -> None:
        self.name: Final = name
        """The model class's name."""
        self.shape: Final = shape
        """The botocore shape name."""
        self.members: Final = members
        """The members, in the service model's order."""
        self._by_name = {member.name: member for member in members}
        self._by_wire = {member.wire: member for member in members}

    @property
    def cls(self) -> type[Any]:
        """The model class (this loads :mod:`cognito_pools.models`)."""
        return model_class(self.name)

    def member(self, name: str) -> Member | None:
        """Return the member with this snake_case name, if there is one."""
        return self._by_name.get(name)

    def wire_member(self, wire: str) -> Member | None:
        """Return the member with this wire name, if there is one."""
        return self._by_wire.get(wire)

    def __repr__(self) -> str:
        return f"Structure({self.name!r}, {self.shape!r}, {self.members!r})"


class ModelStructures(Mapping[type[Any], Structure]):
    """The schema tables keyed by model class, for callers that hold a model object.

    A lookup goes by the class's name and checks that it is the generated class, so it never
    loads the models itself; listing the keys does.
    """

    __slots__ = ("_shapes",)

    def __init__(self, shapes: Mapping[str, Structure]) -> None:
        self._shapes = shapes
        _TABLES.update(shapes)

    def _find(self, cls: object) -> Structure | None:
        if getattr(cls, "__module__", None) != MODELS_MODULE or not isinstance(cls, type):
            return None
        name = cls.__name__
        # Only a loaded models module makes such a class; this also refuses a stale one.
        module = sys.modules.get(MODELS_MODULE)
        if module is None or getattr(module, name, None) is not cls:
            return None
        return self._shapes.get(name)

    def __getitem__(self, cls: type[Any]) -> Structure:
        structure = self._find(cls)
        if structure is None:
            raise KeyError(cls)
        return structure

    def __contains__(self, cls: object) -> bool:
        return self._find(cls) is not None

    def __iter__(self) -> Iterator[type[Any]]:
        return (structure.cls for structure in self._shapes.values())

    def __len__(self) -> int:
        return len(self._shapes)

    def __repr__(self) -> str:
        return f"ModelStructures({list(self._shapes)!r})"


BotocoreShape = Any
"""A ``botocore.model.Shape``. botocore ships no type information, so this names it for readers."""


def as_mapping(value: object) -> Mapping[str, Any] | None:
    """Return ``value`` typed as a wire or change mapping, or ``None`` if it is not one."""
    # The exact checks are the fast paths, since every merge step asks: an ABC's isinstance
    # is slow, most of all for the values that are not mappings. No cast() call either.
    if type(value) is dict:
        return value  # pyright: ignore[reportUnknownVariableType] - a dict is one
    if type(value) in _NEVER_MAPPINGS or not isinstance(value, Mapping):
        return None
    return value  # pyright: ignore[reportUnknownVariableType] - a Mapping is one


_NEVER_MAPPINGS = frozenset({type(None), str, int, bool, float, list, tuple})


def as_list(value: object) -> list[Any] | None:
    """Return ``value`` typed as a wire list, or ``None`` if it is not one."""
    # mypy already sees list[Any] here; pyright sees list[Unknown] and needs the cast.
    return cast("list[Any]", value) if isinstance(value, list) else None  # type: ignore[redundant-cast]


def as_sequence(value: object) -> Sequence[Any] | None:
    """Return ``value`` typed as a list of values, or ``None`` if it is not one (nor a string)."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        return None
    return cast("Sequence[Any]", value)  # type: ignore[redundant-cast]  # as in as_list

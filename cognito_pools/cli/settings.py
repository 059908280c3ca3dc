"""``PATH=VALUE`` arguments: from the command line to the keywords of :meth:`Pool.update`.

A path is the dotted snake_case name of a setting, the same path that ``show``, plans and
validation errors print. ``mfa`` and ``mfa.…`` paths name the MFA setup (the
``UserPoolMfaConfig`` members). A value is read as JSON when it parses and taken as plain text
otherwise; ``null`` clears. Where the setting is a string the text is kept as written
(``pool_name=2024`` stays ``"2024"``), and a list of strings also takes a comma-separated value.
A path into a map changes that one entry and keeps the others (``user_pool_tags.team=auth``;
the rest of the path is the key, dots included). The key may also be given in brackets, as
validation errors print it: ``user_pool_tags['team']=auth``. An index in brackets names one item
of a list, and changes it (or one member of it) in the list as the pool has it, keeping the
other items: ``account_recovery_setting.recovery_mechanisms[0].priority=2``; ``null`` for a
whole item removes it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, cast

if TYPE_CHECKING:
    from cognito_pools._spec import Structure, Value

__all__ = [
    "MFA_KEYWORD",
    "ListItem",
    "SettingError",
    "Settings",
    "deep_copy",
    "is_map",
    "parse_settings",
    "place",
    "value_at",
]

MFA_KEYWORD = "mfa"
"""The keyword (and first path segment) of the MFA setup."""


class SettingError(Exception):
    """A ``PATH=VALUE`` argument that cannot be turned into a change."""


class Settings(NamedTuple):
    """The change the command line asks for, before it meets the pool."""

    changes: Mapping[str, Any]
    """The nested change, as :meth:`Pool.update` takes it (without map entries)."""
    map_entries: Mapping[tuple[str, ...], Mapping[str, Any]]
    """Entries to set (or, with ``None``, remove) in a map, keyed by the map's path."""
    list_items: Mapping[tuple[str, ...], tuple[ListItem, ...]] = {}
    """Items (or members of items) to set in a list, keyed by the list's path."""

    def resolve(self, current: Mapping[str, Any]) -> dict[str, Any]:
        """Return the change with map entries merged into the pool's current maps.

        ``current`` is the pool's settings as plain snake_case data.
        """
        changes = deep_copy(self.changes)
        for path, entries in self.map_entries.items():
            found = value_at(current, path)
            merged: dict[str, Any] = {}
            if isinstance(found, Mapping):
                merged.update(cast("Mapping[str, Any]", found))
            for key, value in entries.items():
                if value is None:
                    merged.pop(key, None)
                else:
                    merged[key] = value
            place(changes, path, merged)
        for path, items in self.list_items.items():
            place(changes, path, _edited_list(value_at(current, path), items))
        return changes

    def __bool__(self) -> bool:
        return bool(self.changes or self.map_entries or self.list_items)


class ListItem(NamedTuple):
    """``PATH[INDEX].MEMBER=VALUE``: one item of a list, or one member of that item."""

    position: int
    """The item's index in the list."""
    member: tuple[str, ...]
    """The path inside the item; empty for the whole item."""
    value: Any
    text: str
    """The argument, for messages."""


def _edited_list(found: object, items: Sequence[ListItem]) -> list[Any]:
    """The pool's list with ``items`` changed; whole items set to ``None`` are removed."""
    current: list[Any] = (
        json.loads(json.dumps(found)) if isinstance(found, list) else []  # a deep copy
    )
    removed: set[int] = set()
    for item in items:
        if item.position >= len(current):
            raise SettingError(
                f"{item.text!r}: the list has {len(current)} items, so its indexes are "
                f"0 to {len(current) - 1}; to add an item, give the whole list"
                if current
                else f"{item.text!r}: the list is empty; to add an item, give the whole list"
            )
        if not item.member:
            if item.value is None:
                removed.add(item.position)
            else:
                current[item.position] = item.value
            continue
        entry = current[item.position]
        if not isinstance(entry, dict):
            raise SettingError(f"{item.text!r}: item {item.position} has no members to set")
        if item.value is None:
            _drop(cast("dict[str, Any]", entry), item.member)
        else:
            place(cast("dict[str, Any]", entry), item.member, item.value)
    return [entry for index, entry in enumerate(current) if index not in removed]


def _drop(node: dict[str, Any], path: Sequence[str]) -> None:
    """Remove the member at ``path`` (absent and ``None`` mean the same in a whole item)."""
    parent = value_at(node, path[:-1]) if len(path) > 1 else node
    if isinstance(parent, dict):
        cast("dict[str, Any]", parent).pop(path[-1], None)


def parse_settings(
    settings: Sequence[str], clears: Sequence[str] = (), *, root: Structure | None = None
) -> Settings:
    """Turn ``PATH=VALUE`` arguments and ``--clear PATH`` options into a change.

    ``root`` is the table the paths start in: a user pool's settings (and ``mfa``) by default,
    or another resource's, such as an app client's.

    Raises:
        SettingError: an argument is malformed, or two arguments set overlapping paths.
    """
    assigned: list[tuple[tuple[str, ...], str, Any]] = []
    for text in settings:
        raw_path, equals, raw_value = text.partition("=")
        if not equals:
            raise SettingError(f"expected PATH=VALUE, got {text!r}")
        path = _split_path(raw_path, text)
        assigned.append((path, text, _parse_value(raw_value, _value_spec(path, root))))
    assigned += [
        (_split_path(raw_path, f"--clear {raw_path}"), f"--clear {raw_path}", None)
        for raw_path in clears
    ]
    assigned = _mode_beside_mfa_paths(assigned)

    changes: dict[str, Any] = {}
    map_entries: dict[tuple[str, ...], dict[str, Any]] = {}
    list_items: dict[tuple[str, ...], list[ListItem]] = {}
    for index, (path, text, value) in enumerate(assigned):
        for other_path, other_text, _ in assigned[:index]:
            if _overlaps(path, other_path):
                shorter = path if len(path) <= len(other_path) else other_path
                raise SettingError(
                    f"{other_text!r} and {text!r} both set {'.'.join(shorter)}; "
                    "give each setting once"
                )
        list_path, item = _split_list_index(path, text, value, root)
        if list_path is not None and item is not None:
            list_items.setdefault(list_path, []).append(item)
            continue
        map_path, key = _split_map_key(path, root)
        if map_path is None:
            place(changes, path, value)
        else:
            if isinstance(value, (list, dict)) and _map_item_kind(map_path, root) == "string":
                raise SettingError(f"{text!r}: a map entry takes a single value")
            map_entries.setdefault(map_path, {})[key] = value
    lists = {path: tuple(items) for path, items in list_items.items()}
    return Settings(changes, map_entries, lists)


def _mode_beside_mfa_paths(
    assigned: list[tuple[tuple[str, ...], str, Any]],
) -> list[tuple[tuple[str, ...], str, Any]]:
    """Read ``mfa=MODE`` as ``mfa.mfa_configuration=MODE`` when ``mfa.…`` paths come with it.

    ``mfa=OPTIONAL mfa.sms_mfa_configuration.…`` then reads as one MFA change, as it is meant.
    """
    if not any(path[0] == MFA_KEYWORD and len(path) > 1 for path, _, _ in assigned):
        return assigned
    return [
        ((MFA_KEYWORD, "mfa_configuration"), text, value)
        if path == (MFA_KEYWORD,) and isinstance(value, str)
        else (path, text, value)
        for path, text, value in assigned
    ]


_PART = re.compile(
    r"""(?P<name>[^.\[\]]+)|\[(?:'(?P<single>[^']*)'|"(?P<double>[^"]*)"|(?P<bare>[^\]'"]*))\]"""
)
"""One part of a path: a name, or a key or index in brackets (``['team']``, ``[0]``), the way
validation errors print a map entry or a list item."""
_INDEX = re.compile(r"\[(\d+)\]")
"""A list index, as :func:`_split_path` keeps it among the names."""


def _split_path(raw: str, text: str) -> tuple[str, ...]:
    stripped = raw.strip()
    bad = SettingError(f"{text!r}: the path must be dotted setting names, e.g. pool_name")
    parts: list[str] = []
    position = 0
    while position < len(stripped):
        if parts and stripped[position] == ".":
            position += 1  # a dot between parts; a bracket follows a part without one
            if position == len(stripped) or stripped[position] == ".":
                raise bad
        match = _PART.match(stripped, position)
        if match is None:
            raise bad
        position = match.end()
        if match["name"] is not None:
            parts.append(match["name"])
            continue
        bare = match["bare"]
        key = next(part for part in (match["single"], match["double"], bare) if part is not None)
        if not parts:
            raise SettingError(f"{text!r}: a key or an index in brackets follows a setting name")
        if not key:
            raise SettingError(f"{text!r}: the key in brackets is empty")
        parts.append(f"[{key}]" if bare is not None and key.isdigit() else key)
    if not parts:
        raise bad
    return tuple(parts)


def _unbracketed(part: str) -> str:
    """A map key given as an index (``user_pool_tags[0]``) is the key ``0``."""
    found = _INDEX.fullmatch(part)
    return found[1] if found else part


def _split_list_index(
    path: tuple[str, ...], text: str, value: Any, root: Structure | None = None
) -> tuple[tuple[str, ...] | None, ListItem | None]:
    """Split a path that runs into a list into the list's path and the item it names."""
    from cognito_pools._schema import STRUCTURES  # noqa: PLC0415 - keeps --help instant

    structure, rest = _root(path, root)
    offset = len(path) - len(rest)
    for index, part in enumerate(rest):
        member = structure.member(part) if structure is not None else None
        if member is None or member.value.kind == "map":
            return None, None
        if member.value.kind == "list" and index + 1 < len(rest):
            found = _INDEX.fullmatch(rest[index + 1])
            list_path = path[: offset + index + 1]
            if found is None:
                raise SettingError(
                    f"{text!r}: {'.'.join(list_path)} is a list; name an item by its index, "
                    f"e.g. {'.'.join(list_path)}[0]"
                )
            return list_path, ListItem(int(found[1]), rest[index + 2 :], value, text)
        target = member.value.target
        structure = STRUCTURES.get(target) if target is not None else None
    return None, None


def _overlaps(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    shorter = min(len(one), len(other))
    return one[:shorter] == other[:shorter]


def _root(
    path: tuple[str, ...], root: Structure | None = None
) -> tuple[Structure | None, tuple[str, ...]]:
    """The schema structure a path starts in, and the rest of the path inside it."""
    from cognito_pools._schema import STRUCTURES  # noqa: PLC0415 - keeps --help instant
    from cognito_pools.models import UserPoolConfig, UserPoolMfaConfig  # noqa: PLC0415

    if root is not None:
        return root, path
    if path[0] == MFA_KEYWORD:
        return STRUCTURES[UserPoolMfaConfig], path[1:]
    return STRUCTURES[UserPoolConfig], path


def _value_spec(path: tuple[str, ...], root: Structure | None = None) -> Value | None:
    """The schema of the setting at ``path``, or of a map entry's value; None if unknown."""
    from cognito_pools._schema import STRUCTURES  # noqa: PLC0415 - keeps --help instant

    structure, rest = _root(path, root)
    spec: Value | None = None
    for part in rest:
        if spec is not None and spec.kind == "map":
            return spec.item
        if spec is not None and spec.kind == "list" and _INDEX.fullmatch(part):
            spec = spec.item  # an item of the list
            target = spec.target if spec is not None else None
            structure = STRUCTURES.get(target) if target is not None else None
            continue
        member = structure.member(part) if structure is not None else None
        if member is None:
            return None
        spec = member.value
        structure = STRUCTURES.get(spec.target) if spec.target is not None else None
    return spec


def _split_map_key(
    path: tuple[str, ...], root: Structure | None = None
) -> tuple[tuple[str, ...] | None, str]:
    """Split a path that runs into a map into the map's path and the (dotted) key."""
    from cognito_pools._schema import STRUCTURES  # noqa: PLC0415 - keeps --help instant

    structure, rest = _root(path, root)
    offset = len(path) - len(rest)
    for index, part in enumerate(rest):
        member = structure.member(part) if structure is not None else None
        if member is None:
            return None, ""
        if member.value.kind == "map" and index + 1 < len(rest):
            return path[: offset + index + 1], ".".join(map(_unbracketed, rest[index + 1 :]))
        target = member.value.target
        structure = STRUCTURES.get(target) if target is not None else None
    return None, ""


def is_map(path: tuple[str, ...]) -> bool:
    """Tell whether the setting at ``path`` is a map (whose keys are data, not settings)."""
    spec = _value_spec(path)
    return spec is not None and spec.kind == "map"


def _map_item_kind(map_path: tuple[str, ...], root: Structure | None = None) -> str | None:
    spec = _value_spec(map_path, root)
    return spec.item.kind if spec is not None and spec.item is not None else None


def _parse_value(raw: str, spec: Value | None) -> Any:
    try:
        value: Any = json.loads(raw)
    except ValueError:
        value = raw
    if spec is None or value is None:
        return value
    if spec.kind == "string" and isinstance(value, (bool, int, float)):
        return raw  # "pool_name=2024" means the text 2024
    item = spec.item
    if (
        spec.kind == "list"
        and item is not None
        and item.kind == "string"
        and isinstance(value, str)
    ):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


def place(changes: dict[str, Any], path: Sequence[str], value: Any) -> None:
    """Set ``value`` at ``path`` in a nested dict, creating the dicts on the way."""
    node = changes
    for part in path[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = cast("dict[str, Any]", child)
    node[path[-1]] = value


def deep_copy(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Copy the nested dicts of a change (values themselves are shared)."""
    return {
        key: deep_copy(cast("Mapping[str, Any]", value)) if isinstance(value, dict) else value
        for key, value in changes.items()
    }


def value_at(document: Mapping[str, Any], path: Sequence[str]) -> Any:
    """The value at ``path`` in nested plain data, or ``None`` where a part is missing."""
    node: Any = document
    for part in path:
        if not isinstance(node, Mapping):
            return None
        node = cast("Mapping[str, Any]", node).get(part)
        if node is None:
            return None
    return node

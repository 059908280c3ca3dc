"""``PATH=VALUE`` arguments: from the command line to the keywords of :meth:`Pool.update`.

A path is the dotted snake_case name of a setting, the same path that ``show``, plans and
validation errors print. ``mfa`` and ``mfa.…`` paths name the MFA setup (the
``UserPoolMfaConfig`` members). A value is read as JSON when it parses and taken as plain text
otherwise; ``null`` clears. Where the setting is a string the text is kept as written
(``pool_name=2024`` stays ``"2024"``), and a list of strings also takes a comma-separated value.
A path into a map changes that one entry and keeps the others (``user_pool_tags.team=auth``;
the rest of the path is the key, dots included). The key may also be given in brackets, as
validation errors print it: ``user_pool_tags['team']=auth``.
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
        return changes

    def __bool__(self) -> bool:
        return bool(self.changes or self.map_entries)


def parse_settings(settings: Sequence[str], clears: Sequence[str] = ()) -> Settings:
    """Turn ``PATH=VALUE`` arguments and ``--clear PATH`` options into a change.

    Raises:
        SettingError: an argument is malformed, or two arguments set overlapping paths.
    """
    assigned: list[tuple[tuple[str, ...], str, Any]] = []
    for text in settings:
        raw_path, equals, raw_value = text.partition("=")
        if not equals:
            raise SettingError(f"expected PATH=VALUE, got {text!r}")
        path = _split_path(raw_path, text)
        assigned.append((path, text, _parse_value(raw_value, _value_spec(path))))
    assigned += [
        (_split_path(raw_path, f"--clear {raw_path}"), f"--clear {raw_path}", None)
        for raw_path in clears
    ]
    assigned = _mode_beside_mfa_paths(assigned)

    changes: dict[str, Any] = {}
    map_entries: dict[tuple[str, ...], dict[str, Any]] = {}
    for index, (path, text, value) in enumerate(assigned):
        for other_path, other_text, _ in assigned[:index]:
            if _overlaps(path, other_path):
                shorter = path if len(path) <= len(other_path) else other_path
                raise SettingError(
                    f"{other_text!r} and {text!r} both set {'.'.join(shorter)}; "
                    "give each setting once"
                )
        map_path, key = _split_map_key(path)
        if map_path is None:
            place(changes, path, value)
        else:
            if isinstance(value, (list, dict)) and _map_item_kind(map_path) == "string":
                raise SettingError(f"{text!r}: a map entry takes a single value")
            map_entries.setdefault(map_path, {})[key] = value
    return Settings(changes, map_entries)


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


_BRACKETED_KEY = re.compile(r"(?P<head>[^\[\]]+)\[(?P<key>'[^']*'|\"[^\"]*\"|[^\]'\"]*)\]")
"""``user_pool_tags['team']``: a map's path and one key, as validation errors print it."""


def _split_path(raw: str, text: str) -> tuple[str, ...]:
    bracketed = _BRACKETED_KEY.fullmatch(raw.strip())
    if bracketed is not None:
        key = bracketed["key"]
        key = key[1:-1] if key[:1] in {"'", '"'} else key
        if not key:
            raise SettingError(f"{text!r}: the key in brackets is empty")
        return (*_split_path(bracketed["head"], text), key)
    path = tuple(raw.strip().split("."))
    if not raw.strip() or any(not part for part in path):
        raise SettingError(f"{text!r}: the path must be dotted setting names, e.g. pool_name")
    return path


def _overlaps(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    shorter = min(len(one), len(other))
    return one[:shorter] == other[:shorter]


def _root(path: tuple[str, ...]) -> tuple[Structure | None, tuple[str, ...]]:
    """The schema structure a path starts in, and the rest of the path inside it."""
    from cognito_pools._schema import STRUCTURES  # noqa: PLC0415 - keeps --help instant
    from cognito_pools.models import UserPoolConfig, UserPoolMfaConfig  # noqa: PLC0415

    if path[0] == MFA_KEYWORD:
        return STRUCTURES[UserPoolMfaConfig], path[1:]
    return STRUCTURES[UserPoolConfig], path


def _value_spec(path: tuple[str, ...]) -> Value | None:
    """The schema of the setting at ``path``, or of a map entry's value; None if unknown."""
    from cognito_pools._schema import STRUCTURES  # noqa: PLC0415 - keeps --help instant

    structure, rest = _root(path)
    spec: Value | None = None
    for part in rest:
        if spec is not None and spec.kind == "map":
            return spec.item
        member = structure.member(part) if structure is not None else None
        if member is None:
            return None
        spec = member.value
        structure = STRUCTURES.get(spec.target) if spec.target is not None else None
    return spec


def _split_map_key(path: tuple[str, ...]) -> tuple[tuple[str, ...] | None, str]:
    """Split a path that runs into a map into the map's path and the (dotted) key."""
    from cognito_pools._schema import STRUCTURES  # noqa: PLC0415 - keeps --help instant

    structure, rest = _root(path)
    offset = len(path) - len(rest)
    for index, part in enumerate(rest):
        member = structure.member(part) if structure is not None else None
        if member is None:
            return None, ""
        if member.value.kind == "map" and index + 1 < len(rest):
            return path[: offset + index + 1], ".".join(rest[index + 1 :])
        target = member.value.target
        structure = STRUCTURES.get(target) if target is not None else None
    return None, ""


def is_map(path: tuple[str, ...]) -> bool:
    """Tell whether the setting at ``path`` is a map (whose keys are data, not settings)."""
    spec = _value_spec(path)
    return spec is not None and spec.kind == "map"


def _map_item_kind(map_path: tuple[str, ...]) -> str | None:
    spec = _value_spec(map_path)
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

"""Configuration as code: the document ``export`` prints, and the change ``apply`` makes of it.

An exported document is ``{"format_version": 1, "settings": {...}}``. ``settings`` holds every
writable setting of the pool in snake_case, with the MFA setup under ``mfa``: exactly the
keywords :meth:`Pool.update` takes, so each path in the file is a path the command line takes.

The file is the full desired state. Applying it changes what differs and clears what the file
leaves out, except the settings that Cognito cannot clear (``pool_name``, ``user_pool_tier``,
``verification_message_template``, ``admin_create_user_config``: see the pool's omission table),
which are kept when absent. Without an ``mfa`` section the MFA setup is kept as
it is; with one, it is made to match (its mode is kept when the section does not give one).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO, cast

from cognito_pools.cli.rendering import (
    EXPORT_FORMAT,
    FORMAT_KEY,
    MFA_MEMBER,
    POOL_ID_KEY,
    REDACTED,
    SECRET_KEYS,
    SETTINGS_KEY,
)
from cognito_pools.cli.settings import MFA_KEYWORD, deep_copy, is_map, place, value_at
from cognito_pools.grammar import change_to_match as difference
from cognito_pools.resources.pool import POOL_RESOURCE

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cognito_pools.cli.settings import Settings

__all__ = [
    "Document",
    "FileError",
    "change_to_match",
    "read_document",
    "read_settings",
    "with_overrides",
]

KEPT_WHEN_ABSENT = frozenset(
    {tuple(row.path.split(".")) for row in POOL_RESOURCE.refused_clears if not row.keyword}
    | {(MFA_KEYWORD, MFA_MEMBER)}
)
"""Settings a file may leave out without asking to clear them: they cannot be cleared
(a pool always has a name, a tier and an MFA mode; see the pool's omission table), so absence
means "keep"."""


UNSENT_TWINS = (
    (
        ("admin_create_user_config", "unused_account_validity_days"),
        ("policies", "password_policy", "temporary_password_validity_days"),
    ),
)
"""Legacy settings that are never sent, each with the setting that replaced it.

The library sends only the replacement (Cognito refuses both in one request), so a pool may
stop reporting the legacy one after any update. The file and the pool are compared through the
replacement; comparing the legacy value itself would plan a change that can never land.
"""


class FileError(Exception):
    """A configuration file that cannot be read, or is not an exported document."""


class Document(NamedTuple):
    """An exported document, as read back."""

    settings: dict[str, Any]
    """The desired settings, the keywords :meth:`Pool.update` takes."""
    pool_id: str | None
    """The pool it was exported from (``None`` in a document written by hand)."""


def read_settings(path: str, stdin: TextIO) -> dict[str, Any]:
    """Read an exported document (``-`` reads standard input) and return its ``settings``.

    Raises:
        FileError: the file is missing, unreadable, not JSON, or not an exported document.
    """
    return read_document(path, stdin).settings


def read_document(path: str, stdin: TextIO) -> Document:
    """Read an exported document (``-`` reads standard input): its settings and origin.

    Raises:
        FileError: the file is missing, unreadable, empty, not JSON, or not an exported document.
    """
    try:
        if path == "-":
            text = stdin.read()
        else:
            with open(path, encoding="utf-8") as file:  # noqa: PTH123 - a path from argv
                text = file.read()
    except FileNotFoundError:
        raise FileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise FileError(f"{path}: is a directory, not a file") from None
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise FileError(f"{path}: cannot be read: {reason}") from None
    if not text.strip():
        what = "standard input" if path == "-" else "the file"
        raise FileError(f"{path}: {what} is empty; {_MADE_BY}")
    try:
        document: Any = json.loads(text)
    except ValueError as error:
        where = (
            f" (line {error.lineno}, column {error.colno})"
            if isinstance(error, json.JSONDecodeError)
            else ""
        )
        message = error.msg if isinstance(error, json.JSONDecodeError) else str(error)
        raise FileError(f"{path}: not valid JSON: {message}{where}") from None
    settings = _settings_of(path, document)
    origin: object = cast("dict[str, Any]", document).get(POOL_ID_KEY)
    if origin is not None and not isinstance(origin, str):
        raise FileError(f"{path}: {POOL_ID_KEY} must be the id of the pool the file came from")
    return Document(settings, origin)


_MADE_BY = "expected a document made by 'cognito-pools export'"


def _settings_of(path: str, document: Any) -> dict[str, Any]:
    made_by = _MADE_BY
    if not isinstance(document, dict):
        raise FileError(f"{path}: {made_by}, a JSON object")
    fields = cast("dict[str, Any]", document)
    if FORMAT_KEY not in fields:
        raise FileError(f"{path}: no {FORMAT_KEY!r} key; {made_by}")
    version: object = fields[FORMAT_KEY]
    if isinstance(version, bool) or version != EXPORT_FORMAT:  # True == 1 in Python
        raise FileError(
            f"{path}: {FORMAT_KEY} {json.dumps(version)} is not supported; "
            f"this version of cognito-pools reads {FORMAT_KEY} {EXPORT_FORMAT}"
        )
    unknown = sorted(set(fields) - {FORMAT_KEY, POOL_ID_KEY, SETTINGS_KEY})
    if unknown:
        raise FileError(
            f"{path}: unexpected top-level key {', '.join(map(repr, unknown))}; "
            f"only {FORMAT_KEY!r}, {POOL_ID_KEY!r} and {SETTINGS_KEY!r} belong there"
        )
    settings = fields.get(SETTINGS_KEY)
    if not isinstance(settings, dict):
        raise FileError(f"{path}: {SETTINGS_KEY!r} must be a JSON object of settings")
    settings = cast("dict[str, Any]", settings)
    if MFA_MEMBER in settings:
        raise FileError(
            f"{path}: {SETTINGS_KEY}.{MFA_MEMBER}: give the MFA mode as "
            f"{SETTINGS_KEY}.{MFA_KEYWORD}.{MFA_MEMBER}"
        )
    mfa = settings.get(MFA_KEYWORD)
    if mfa is not None and not isinstance(mfa, dict):
        raise FileError(
            f"{path}: {SETTINGS_KEY}.{MFA_KEYWORD} must be a JSON object of the MFA setup, "
            f'e.g. {{"{MFA_MEMBER}": "OPTIONAL"}}'
        )
    return settings


def with_overrides(settings: Mapping[str, Any], overrides: Settings) -> dict[str, Any]:
    """The file's settings with ``PATH=VALUE`` arguments laid over them (they win)."""
    merged = deep_copy(settings)
    _overlay(merged, overrides.resolve(settings), ())
    return merged


def _overlay(target: dict[str, Any], change: Mapping[str, Any], path: tuple[str, ...]) -> None:
    for key, value in change.items():
        here = (*path, key)
        current = target.get(key)
        if isinstance(value, dict) and isinstance(current, dict) and not is_map(here):
            _overlay(cast("dict[str, Any]", current), cast("Mapping[str, Any]", value), here)
        else:
            target[key] = value  # None stays: an explicit clear, even of a kept setting


def change_to_match(desired: Mapping[str, Any], current: Mapping[str, Any]) -> dict[str, Any]:
    """The change that turns ``current`` into ``desired`` (both plain settings data).

    Only what differs is in it: a structure is compared member by member, so an unchanged
    setting is left out (kept) and a removed member is cleared with ``None``. Lists and maps
    are replaced whole, as in every change.
    """
    wanted, have = deep_copy(desired), deep_copy(current)
    for legacy, replacement in UNSENT_TWINS:
        edited_legacy = value_at(wanted, legacy) != value_at(have, legacy)
        _fold(have, legacy, replacement, prefer_legacy=False)
        _fold(wanted, legacy, replacement, prefer_legacy=edited_legacy)
    _keep_redacted_secrets(wanted, have)
    return difference(wanted, have, kept_when_absent=KEPT_WHEN_ABSENT, is_map=is_map)


def _fold(
    settings: dict[str, Any],
    legacy: tuple[str, ...],
    replacement: tuple[str, ...],
    *,
    prefer_legacy: bool,
) -> None:
    """Move a legacy value into its replacement, as the request does, and drop the legacy one.

    Where both are set and differ, the replacement wins (as in the request), unless
    ``prefer_legacy``: the file's author edited the legacy one.
    """
    old = value_at(settings, legacy)
    if old is None:
        return
    if value_at(settings, replacement) is None or prefer_legacy:
        place(settings, replacement, old)
    parent = value_at(settings, legacy[:-1])
    if isinstance(parent, dict):
        del cast("dict[str, Any]", parent)[legacy[-1]]


def _keep_redacted_secrets(wanted: dict[str, Any], have: Mapping[str, Any]) -> None:
    """A redacted secret (copied from ``show`` or a plan) means "keep": put the real one back."""
    for key, want in list(wanted.items()):
        current = have.get(key)
        if key in SECRET_KEYS and want == REDACTED:
            wanted[key] = current
        elif isinstance(want, dict) and isinstance(current, dict):
            _keep_redacted_secrets(cast("dict[str, Any]", want), cast("Mapping[str, Any]", current))

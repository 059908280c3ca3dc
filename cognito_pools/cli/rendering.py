"""What the command prints: settings tables, plans and documents, as text or JSON.

Values are printed as JSON, the notation ``PATH=VALUE`` takes them back in. Paths line up
however long they are. Text output is coloured only on a terminal, and never when ``NO_COLOR``
is set (https://no-color.org). ``external_id`` values are secrets and print as ``"***"``,
except in ``export``, whose document ``apply`` must be able to take back.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO, cast

from cognito_pools import _redact

if TYPE_CHECKING:
    from cognito_pools.models import UserPoolMfaConfig
    from cognito_pools.plan import Plan
    from cognito_pools.pools import Pool

__all__ = [
    "EXPORT_FORMAT",
    "FORMAT_KEY",
    "POOL_ID_KEY",
    "REDACTED",
    "SETTINGS_KEY",
    "Style",
    "dump_json",
    "export_document",
    "format_value",
    "plain",
    "plan_document",
    "plan_text",
    "settings_table",
    "show_document",
    "show_text",
    "snake_dict",
]

REDACTED = _redact.REDACTED
"""What a secret prints as."""
SECRET_KEYS = _redact.SECRET_MEMBERS
FORMAT_KEY = "format_version"
"""The key of an exported document that says which layout it has."""
EXPORT_FORMAT = 1
SETTINGS_KEY = "settings"
POOL_ID_KEY = "pool_id"
"""The key of an exported document that says which pool it was exported from."""
MFA_MEMBER = "mfa_configuration"
"""UpdateUserPool's copy of the MFA mode; the command shows and takes it as ``mfa.…``."""


class Style:
    """ANSI colours for text output, or none at all."""

    _CODES: Mapping[str, str] = {"+": "32", "-": "31", "~": "33", "bold": "1", "dim": "2"}

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled

    @classmethod
    def for_stream(cls, stream: TextIO) -> Style:
        """Colour when ``stream`` is a terminal, unless ``NO_COLOR`` or ``TERM=dumb`` says no."""
        isatty = getattr(stream, "isatty", None)
        terminal = bool(isatty is not None and isatty())
        wanted = not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
        return cls(enabled=terminal and wanted)

    def paint(self, text: str, kind: str) -> str:
        """Wrap ``text`` in the colour for ``kind`` (a plan marker, ``bold`` or ``dim``)."""
        code = self._CODES.get(kind)
        if not self.enabled or code is None:
            return text
        return f"\x1b[{code}m{text}\x1b[0m"


# --- plain data ---------------------------------------------------------------------------------


def snake_dict(model: object) -> dict[str, Any]:
    """A model object as JSON-ready data with snake_case keys, leaving out unset fields."""
    import attrs  # noqa: PLC0415 - keeps --help instant

    return attrs.asdict(
        cast("Any", model),
        filter=lambda _field, value: value is not None,
        value_serializer=_json_ready,
    )


def _json_ready(_instance: Any, _field: Any, value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(cast("tuple[object, ...]", value))
    return value


def plain(value: object) -> Any:
    """A setting's value (model, tuple, map, scalar) as JSON-ready data."""
    import attrs  # noqa: PLC0415 - keeps --help instant

    if attrs.has(type(value)):
        return snake_dict(value)
    if isinstance(value, (tuple, list)):
        return [plain(item) for item in cast("Sequence[object]", value)]
    if isinstance(value, Mapping):
        entries = cast("Mapping[str, object]", value)
        return {key: plain(item) for key, item in entries.items()}
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def redact(value: Any, path: str = "") -> Any:
    """``value`` with every secret replaced by :data:`REDACTED`; ``path`` is where it sits."""
    from cognito_pools import _spec  # noqa: PLC0415 - keeps --help instant

    if value is not None and path.rpartition(".")[2] in SECRET_KEYS:
        return REDACTED
    if isinstance(value, Mapping):
        entries = cast("Mapping[str, Any]", value)
        return {key: redact(item, key) for key, item in entries.items()}
    items = _spec.as_list(cast("object", value))
    if items is not None:
        return [redact(item) for item in items]
    return value


def format_value(value: Any) -> str:
    """A value as JSON, the way a ``PATH=VALUE`` argument takes it back."""
    return json.dumps(value, ensure_ascii=False)


def dump_json(document: Any, out: TextIO, *, sort_keys: bool = False) -> None:
    """Print one JSON document, indented, ending in a newline."""
    out.write(json.dumps(document, indent=2, ensure_ascii=False, sort_keys=sort_keys) + "\n")


def _leaves(data: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """Flatten nested settings into (dotted path, value); lists and maps stay whole."""
    found: list[tuple[str, Any]] = []
    for key, value in data.items():
        path = f"{prefix}{key}"
        nested = _nested(path, value)
        if nested:
            found += _leaves(nested, f"{path}.")
        else:
            found.append((path, value))
    return found


def _nested(path: str, value: Any) -> Mapping[str, Any] | None:
    """``value`` as a structure to flatten, or None if it is a leaf (a map is a leaf)."""
    from cognito_pools.cli.settings import is_map  # noqa: PLC0415 - keeps --help instant

    if not isinstance(value, Mapping) or is_map(tuple(path.split("."))):
        return None
    return cast("Mapping[str, Any]", value)


# --- tables -------------------------------------------------------------------------------------


def _table(pairs: Sequence[tuple[str, Any]], style: Style) -> list[str]:
    width = max((len(path) for path, _ in pairs), default=0)
    return [
        f"  {style.paint(path.ljust(width), 'bold')} = {format_value(redact(value, path))}"
        for path, value in pairs
    ]


def settings_table(data: Mapping[str, Any], style: Style, prefix: str = "") -> list[str]:
    """Aligned ``PATH = VALUE`` lines for nested settings data, secrets redacted."""
    return _table(_leaves(data, prefix), style)


def _names_only(value: object) -> object:
    """Shorten a list of named structures (the schema attributes) to their names."""
    if not isinstance(value, list):
        return value
    items = cast("list[object]", value)
    names: list[str] = []
    for item in items:
        name = cast("dict[str, object]", item).get("name") if isinstance(item, dict) else None
        if not isinstance(name, str):
            return items
        names.append(name)
    if len(names) < 2:  # noqa: PLR2004 - one item reads fine in full
        return items
    return f"{len(names)} items: {', '.join(names)} (--output json for details)"


def settings_data(pool: Pool) -> dict[str, Any]:
    """The pool's settings as plain data, without UpdateUserPool's copy of the MFA mode."""
    return {k: v for k, v in snake_dict(pool.config).items() if k != MFA_MEMBER}


def mfa_data(pool: Pool, mfa: UserPoolMfaConfig | None) -> dict[str, Any]:
    """The MFA setup as plain data; only the mode when the full setup was not read."""
    if mfa is not None:
        return snake_dict(mfa)
    mode = pool.config.mfa_configuration
    return {MFA_MEMBER: mode} if mode is not None else {}


def show_text(pool: Pool, mfa: UserPoolMfaConfig | None, style: Style) -> str:
    """The ``show`` table: settings, the MFA setup, then the read-only facts."""
    name = pool.config.pool_name or pool.facts.name
    heading = f"User pool {pool.id}" + (f" ({name})" if name else "")
    lines = [style.paint(heading, "bold"), ""]
    lines.append("Settings (change any with: cognito-pools plan|update POOL_ID PATH=VALUE):")
    lines += _table(_leaves(settings_data(pool)), style)
    lines += ["", "MFA setup (change any with: mfa.PATH=VALUE):"]
    lines += _table(_leaves(mfa_data(pool, mfa), "mfa."), style)
    lines += ["", "Facts (read-only):"]
    facts = _leaves(snake_dict(pool.facts))
    lines += _table([(path, _names_only(value)) for path, value in facts], style)
    return "\n".join(lines) + "\n"


def show_document(pool: Pool, mfa: UserPoolMfaConfig | None) -> dict[str, Any]:
    """The ``show --output json`` document."""
    document = {
        "pool_id": pool.id,
        SETTINGS_KEY: {**settings_data(pool), "mfa": mfa_data(pool, mfa)},
        "facts": snake_dict(pool.facts),
    }
    return cast("dict[str, Any]", redact(document))


def export_document(pool: Pool, mfa: UserPoolMfaConfig | None) -> dict[str, Any]:
    """The ``export`` document: every writable setting and the MFA setup, secrets included.

    ``settings`` has the keywords :meth:`Pool.update` takes, so every path in it is a path the
    command line takes too (``mfa.…`` for the MFA setup).
    """
    return {
        FORMAT_KEY: EXPORT_FORMAT,
        POOL_ID_KEY: pool.id,  # plan and apply of this file on another pool say so
        SETTINGS_KEY: {**settings_data(pool), "mfa": mfa_data(pool, mfa)},
    }


# --- plans --------------------------------------------------------------------------------------


def plan_document(plan: Plan, exported_from: str | None = None) -> dict[str, Any]:
    """A plan as ``{"pool_id": ..., "changes": [{"path", "old", "new"}, ...]}``.

    An app client's plan names the client too: ``{"pool_id", "client_id", "changes"}``.
    ``exported_from`` is the pool that the planned file came from, when that is another pool;
    the document then says so under that key.
    """
    origin = {"exported_from": exported_from} if exported_from is not None else {}
    return {
        "pool_id": plan.pool_id,
        **({"client_id": plan.client_id} if plan.client_id is not None else {}),
        **origin,
        "changes": [
            {
                "path": change.path,
                "old": redact(plain(change.old), change.path),
                "new": redact(plain(change.new), change.path),
            }
            for change in plan
        ],
    }


def plan_text(plan: Plan, style: Style, note: str = "") -> str:
    """A plan, one aligned line per setting: ``+`` added, ``-`` removed, ``~`` changed.

    ``note`` ends the first line (where the planned file came from).
    """
    subject = plan.subject
    if not plan:
        return f"No changes to {subject}{note}.\n"
    count = len(plan)
    heading = f"{subject[0].upper()}{subject[1:]}: {count} {_settings(count)} to change{note}"
    lines = [style.paint(heading, "bold")]
    width = max(len(change.path) for change in plan)
    for change in plan:
        old = format_value(redact(plain(change.old), change.path))
        new = format_value(redact(plain(change.new), change.path))
        if change.old is None:
            marker, text = "+", new
        elif change.new is None:
            marker, text = "-", f"(was {old})"
        else:
            marker, text = "~", f"{old} -> {new}"
        lines.append(style.paint(f"  {marker} {change.path.ljust(width)}  {text}", marker))
    return "\n".join(lines) + "\n"


def _settings(count: int) -> str:
    return "setting" if count == 1 else "settings"

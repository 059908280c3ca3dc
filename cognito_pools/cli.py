"""The ``cognito-pools`` command: show a user pool, plan a change, apply it.

Settings are named by their dotted snake_case path, the same path that plans and validation
errors print::

    cognito-pools show eu-west-1_AbC123
    cognito-pools plan eu-west-1_AbC123 policies.password_policy.minimum_length=12 mfa=OPTIONAL
    cognito-pools update eu-west-1_AbC123 deletion_protection=ACTIVE --clear pool_name
    cognito-pools update eu-west-1_AbC123 user_pool_tags.team=auth --yes

A value is read as JSON when it parses (numbers, ``true``/``false``, ``null``, lists, objects)
and taken as a plain string otherwise; ``null`` or ``--clear PATH`` clears a setting. Where the
setting is a string, the text is kept as written (``pool_name=2024`` stays ``"2024"``); a list
of strings also takes a comma-separated value (``auto_verified_attributes=email,phone_number``).
A path into a map changes that one entry and keeps the others
(``user_pool_tags.team=auth``; the rest of the path is the key, dots included).

Exit status: 0 on success (also when there is nothing to change), 1 when AWS refused a call or
could not be reached, 2 when the command line or the change was refused before any write.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO, cast

# Only the standard library at import time: ``--help`` and argument errors stay instant. The
# models, boto3 and the converter load when a command needs them.

if TYPE_CHECKING:
    from cognito_pools._spec import Structure, Value
    from cognito_pools.changes import UserPoolChange
    from cognito_pools.models import UserPoolConfig
    from cognito_pools.pools import Pool

__all__ = ["main", "parse_settings"]

PROG = "cognito-pools"
EXIT_OK = 0
EXIT_FAILED = 1
"""AWS refused a call, or could not be reached."""
EXIT_REFUSED = 2
"""The command line or the change was refused; nothing was written."""

_MFA_KEYWORD = "mfa"
_ALIGN_LIMIT = 56


class SettingError(Exception):
    """A ``PATH=VALUE`` argument that cannot be turned into a change."""


class Settings(NamedTuple):
    """The change the command line asks for, before it meets the pool."""

    changes: Mapping[str, Any]
    """The nested change, as :meth:`Pool.update` takes it (without map entries)."""
    map_entries: Mapping[tuple[str, ...], Mapping[str, Any]]
    """Entries to set (or, with ``None``, remove) in a map, keyed by the map's path."""

    def resolve(self, config: UserPoolConfig) -> dict[str, Any]:
        """Return the change with map entries merged into the pool's current maps."""
        changes = _deep_copy(self.changes)
        for path, entries in self.map_entries.items():
            current = _current_value(config, path)
            merged: dict[str, Any] = {}
            if isinstance(current, Mapping):
                merged.update(cast("Mapping[str, Any]", current))
            for key, value in entries.items():
                if value is None:
                    merged.pop(key, None)
                else:
                    merged[key] = value
            _place(changes, path, merged)
        return changes


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
            _place(changes, path, value)
        else:
            if isinstance(value, (list, dict)) and _map_item_kind(map_path) == "string":
                raise SettingError(f"{text!r}: a map entry takes a single value")
            map_entries.setdefault(map_path, {})[key] = value
    return Settings(changes, map_entries)


def _split_path(raw: str, text: str) -> tuple[str, ...]:
    path = tuple(raw.strip().split("."))
    if not raw.strip() or any(not part for part in path):
        raise SettingError(f"{text!r}: the path must be dotted setting names, e.g. pool_name")
    return path


def _overlaps(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    shorter = min(len(one), len(other))
    return one[:shorter] == other[:shorter]


def _schema() -> tuple[Mapping[type[Any], Structure], type[Any] | None]:
    """The generated schema table and its root class, loaded on first use."""
    from cognito_pools._schema import STRUCTURES  # noqa: PLC0415 - see the imports above
    from cognito_pools.models import UserPoolConfig  # noqa: PLC0415

    return STRUCTURES, UserPoolConfig


def _value_spec(path: tuple[str, ...]) -> Value | None:
    """The schema of the setting at ``path``, or of a map entry's value; None if unknown."""
    if path == (_MFA_KEYWORD,):
        return None
    structures, cls = _schema()
    spec: Value | None = None
    for part in path:
        if spec is not None and spec.kind == "map":
            return spec.item
        structure = structures.get(cls) if cls is not None else None
        member = structure.member(part) if structure is not None else None
        if member is None:
            return None
        spec = member.value
        cls = spec.target
    return spec


def _split_map_key(path: tuple[str, ...]) -> tuple[tuple[str, ...] | None, str]:
    """Split a path that runs into a map into the map's path and the (dotted) key."""
    structures, cls = _schema()
    for index, part in enumerate(path):
        structure = structures.get(cls) if cls is not None else None
        member = structure.member(part) if structure is not None else None
        if member is None:
            return None, ""
        if member.value.kind == "map" and index + 1 < len(path):
            return path[: index + 1], ".".join(path[index + 1 :])
        cls = member.value.target
    return None, ""


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


def _place(changes: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    node = changes
    for part in path[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = cast("dict[str, Any]", child)
    node[path[-1]] = value


def _deep_copy(changes: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: _deep_copy(cast("Mapping[str, Any]", value)) if isinstance(value, dict) else value
        for key, value in changes.items()
    }


def _current_value(config: UserPoolConfig, path: tuple[str, ...]) -> Any:
    node: Any = config
    for part in path:
        node = getattr(node, part, None)
        if node is None:
            return None
    return node


# ---------------------------------------------------------------------------------------------
# Rendering


def snake_dict(model: Any) -> dict[str, Any]:
    """A model object as plain JSON-ready data with snake_case keys, leaving out unset fields."""
    import attrs  # noqa: PLC0415 - see the imports above

    return attrs.asdict(
        model,
        filter=lambda _field, value: value is not None,
        value_serializer=_json_ready,
    )


def _json_ready(_instance: Any, _field: Any, value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(cast("tuple[object, ...]", value))
    return value


def _leaves(model: object) -> list[tuple[str, Any]]:
    """The set leaf settings of a model object as (dotted path, plain value) pairs."""
    from cognito_pools.plan import leaves  # noqa: PLC0415 - see the imports above

    return [(path, _plain(value)) for path, value in leaves(model)]


def _is_model(value: object) -> bool:
    import attrs  # noqa: PLC0415 - see the imports above

    return attrs.has(type(value))


def _plain(value: object) -> object:
    """A setting's value as JSON-ready data."""
    if _is_model(value):
        return snake_dict(value)
    if isinstance(value, tuple):
        return [_plain(item) for item in cast("tuple[object, ...]", value)]
    if isinstance(value, Mapping):
        entries = cast("Mapping[str, object]", value)
        return {key: _plain(item) for key, item in entries.items()}
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def format_value(value: Any) -> str:
    """Show a value the way a ``PATH=VALUE`` argument would give it back."""
    if isinstance(value, str):
        try:
            json.loads(value)
        except ValueError:
            if value and value == value.strip():
                return value
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def _table(pairs: Sequence[tuple[str, Any]], out: TextIO) -> None:
    width = min(max((len(path) for path, _ in pairs), default=0), _ALIGN_LIMIT)
    out.writelines(f"  {path.ljust(width)} = {format_value(value)}\n" for path, value in pairs)


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
    return f"{len(names)} items: {', '.join(names)} (--json for details)"


def show_pool(pool: Pool, out: TextIO, *, as_json: bool = False) -> None:
    """Print a pool's settings and facts, as a table or as JSON."""
    if as_json:
        document = {
            "id": pool.id,
            "config": snake_dict(pool.config),
            "facts": snake_dict(pool.facts),
        }
        out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return
    name = pool.config.pool_name or pool.facts.name
    out.write(f"User pool {pool.id}" + (f" ({name})" if name else "") + "\n\n")
    out.write("Settings (change any with: plan/update POOL_ID path=value):\n")
    _table(_leaves(pool.config), out)
    out.write("\nFacts (read-only):\n")
    facts = _leaves(pool.facts)
    _table([(path, _names_only(value)) for path, value in facts], out)


# ---------------------------------------------------------------------------------------------
# Commands


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Change AWS Cognito user pools without resetting the settings you did not "
        "mention.",
        epilog="SETTING is path=value, e.g. policies.password_policy.minimum_length=12 or "
        "mfa=OPTIONAL. The value is JSON when it parses, else a plain string; null clears.",
    )
    parser.add_argument("--region", help="AWS region (default: from the profile/environment)")
    parser.add_argument("--profile", help="AWS named profile")
    parser.add_argument("--endpoint-url", help="Cognito endpoint, e.g. a local moto server")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    show = commands.add_parser("show", help="print a pool's settings and facts")
    show.add_argument("pool_id", metavar="POOL_ID")
    show.add_argument("--json", action="store_true", help="print snake_case JSON")

    for name, text in (
        ("plan", "show what a change would do, without writing"),
        ("update", "show the plan, then apply it"),
    ):
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument("pool_id", metavar="POOL_ID")
        command.add_argument("settings", nargs="*", metavar="SETTING", help="path=value")
        command.add_argument(
            "--clear", action="append", default=[], metavar="PATH", help="clear a setting"
        )
        if name == "update":
            command.add_argument(
                "--yes", "-y", action="store_true", help="apply without asking for confirmation"
            )

    commands.add_parser("demo", help="run the demo against an embedded moto server")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    parser = _build_parser()
    # Settings may follow options (plan POOL a=1 --clear b c=2): argparse leaves those over.
    args, extra = parser.parse_known_args(argv)
    if extra:
        if args.command not in {"plan", "update"} or any(arg.startswith("-") for arg in extra):
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        args.settings = [*args.settings, *extra]
    out, err = sys.stdout, sys.stderr
    if args.command == "demo":
        from cognito_pools.demo import run_demo  # noqa: PLC0415 - needs moto, only here

        return run_demo(out)
    try:
        return _run(args, out, err)
    except Exception as error:
        explained = _explain(error, args.pool_id)
        if explained is None:
            raise
        message, status = explained
        err.write(message)
        return status


def _explain(error: Exception, pool_id: str) -> tuple[str, int] | None:
    """The message (ending in a newline) and exit status for an error, if it is an expected one.

    Expected: a refused setting or change, an error from Cognito, and botocore's own errors
    (no region, no credentials, an unknown profile, an unreachable endpoint, ...).
    """
    from botocore.exceptions import BotoCoreError  # noqa: PLC0415 - see the imports above

    from cognito_pools.errors import (  # noqa: PLC0415
        CallFailedError,
        PoolNotFoundError,
        ServiceError,
        StalePlanError,
        ValidationError,
    )

    if isinstance(error, ValidationError):
        lines = [f"{PROG}: the change was refused; nothing was written:"]
        lines += [f"  {problem.path}: {problem.message}" for problem in error.problems]
        return "\n".join(lines) + "\n", EXIT_REFUSED
    if isinstance(error, (SettingError, StalePlanError)):
        return f"{PROG}: {error}\n", EXIT_REFUSED
    if isinstance(error, PoolNotFoundError):
        hint = "check the id, --region and --profile"
        return f"{PROG}: user pool {pool_id} not found: {error.message} ({hint})\n", EXIT_FAILED
    if isinstance(error, ServiceError):
        request = f" (request id {error.request_id})" if error.request_id else ""
        text = f"{PROG}: {error.operation} failed: {error.code}: {error.message}{request}\n"
        return text, EXIT_FAILED
    if isinstance(error, (BotoCoreError, CallFailedError)):
        return f"{PROG}: {error}\n", EXIT_FAILED
    return None


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    settings = None
    if args.command in {"plan", "update"}:
        settings = parse_settings(args.settings, args.clear)  # refuse bad input before any call

    from cognito_pools.pools import UserPools  # noqa: PLC0415 - see the imports above

    pool = UserPools(_client(args)).get(args.pool_id)
    if settings is None:
        show_pool(pool, out, as_json=bool(args.json))
        return EXIT_OK

    changes = cast("UserPoolChange", settings.resolve(pool.config))
    plan = pool.plan(**changes)
    out.write(f"{plan}\n")
    if args.command == "plan" or not plan:
        return EXIT_OK

    count = len(plan)
    if not args.yes:
        if not sys.stdin.isatty():
            err.write(
                f"{PROG}: not applying {count} {_noun(count)} without confirmation; "
                "pass --yes to apply from a script\n"
            )
            return EXIT_REFUSED
        these = "this" if count == 1 else "these"
        err.write(f"Apply {these} {count} {_noun(count)} to {pool.id}? [y/N] ")
        err.flush()
        answer = sys.stdin.readline().strip().lower()
        if answer not in {"y", "yes"}:
            out.write("Nothing was written.\n")
            return EXIT_REFUSED
    pool.apply(plan)  # writes only if the pool still matches what was shown
    out.write(f"Updated user pool {pool.id}: {count} {_noun(count)} applied.\n")
    return EXIT_OK


def _client(args: argparse.Namespace) -> Any:
    import boto3  # noqa: PLC0415 - only a command that calls AWS pays for importing boto3

    session: Any = boto3.Session(profile_name=args.profile, region_name=args.region)
    return session.client("cognito-idp", endpoint_url=args.endpoint_url)


def _noun(count: int) -> str:
    return "change" if count == 1 else "changes"

"""The fleet part of the command line's grammar: ``list``, selections, saved plans, rates.

``plan`` and ``update`` work on one pool (``POOL_ID``) or on a selection (``--all``, ``--name
GLOB``, ``--tag KEY=VALUE``); ``apply`` takes ``POOL_ID FILE`` or ``--plan PLAN_FILE``.
``--max-rps`` and ``--workers`` are global options, accepted before or after the command.
This module only declares and checks arguments (:mod:`cognito_pools.cli.arguments` calls it);
:mod:`cognito_pools.cli.fleet` runs the commands.
"""

from __future__ import annotations

import argparse
import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

__all__ = [
    "DEFAULT_MAX_RPS",
    "DEFAULT_WORKERS",
    "LIST_DESCRIPTION",
    "LIST_EXAMPLES",
    "add_apply_arguments",
    "add_fleet_options",
    "add_list_arguments",
    "add_pool_or_selection",
    "check_fleet_arguments",
    "is_fleet_run",
    "parse_tags",
]

DEFAULT_MAX_RPS = 15.0
"""Cognito's default request-rate quota per category (the library's ``DEFAULT_MAX_RPS``;
repeated here so that ``--help`` does not load the library)."""
DEFAULT_WORKERS = 8

LIST_DESCRIPTION = """
List the user pools of the account and Region (every page of ListUserPools), or those whose
name matches --name GLOB and whose tags include every --tag KEY=VALUE. Names, globs and tags
match case-sensitively. Selecting by tag reads each pool (DescribeUserPool), within the
--max-rps limit.
"""
LIST_EXAMPLES = """
cognito-pools list
cognito-pools list --name 'tenant-*' --tag env=prod --output json
"""

_FLEET_PARAGRAPH = """
With --all, --name GLOB or --tag KEY=VALUE (repeated: all must match) instead of POOL_ID,
the command works on every selected pool, at most --max-rps requests per second per quota
category, and reports each pool's outcome: unchanged, changed, refused, stale or failed.
It exits 1 if any pool was refused, stale or failed.
"""


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}")
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def add_fleet_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    """``--max-rps`` and ``--workers``; with ``defaults=False``, as a command's copy of them."""

    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    group = parser.add_argument_group("fleet options (before or after the command)")
    group.add_argument(
        "--max-rps",
        metavar="N",
        type=_positive_float,
        default=default(DEFAULT_MAX_RPS),
        help=f"requests per second per Cognito quota category, at most (default: "
        f"{DEFAULT_MAX_RPS:g}, Cognito's default quota)",
    )
    group.add_argument(
        "--workers",
        metavar="N",
        type=_positive_int,
        default=default(DEFAULT_WORKERS),
        help=f"pools worked on at once (default: {DEFAULT_WORKERS})",
    )


def _selection_options(parser: argparse.ArgumentParser, *, everything: bool) -> None:
    group = parser.add_argument_group("selecting pools")
    if everything:
        group.add_argument("--all", dest="all_pools", action="store_true", help="every pool")
    group.add_argument(
        "--name", metavar="GLOB", help="pools whose name matches the glob (* ? [...])"
    )
    group.add_argument(
        "--tag",
        dest="tags",
        metavar="KEY=VALUE",
        action="append",
        default=[],
        help="pools with this tag; repeated, all must match",
    )


def add_list_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``list`` (besides ``--output``)."""
    _selection_options(parser, everything=False)


def add_pool_or_selection(parser: argparse.ArgumentParser, *, saves_plans: bool) -> None:
    """``POOL_ID`` (now optional) and the selection options, for ``plan`` and ``update``."""
    parser.add_argument(
        "pool_id", metavar="POOL_ID", nargs="?", help="the pool (or select pools below)"
    )
    _selection_options(parser, everything=True)
    if saves_plans:
        parser.add_argument(
            "--out",
            metavar="PLAN_FILE",
            help="with a selection: save the plans, to apply later with apply --plan",
        )
    parser.description = (parser.description or "") + "\n\n" + textwrap.dedent(_FLEET_PARAGRAPH)


def add_apply_arguments(parser: argparse.ArgumentParser) -> None:
    """``apply POOL_ID FILE`` or ``apply --plan PLAN_FILE``."""
    parser.add_argument("pool_id", metavar="POOL_ID", nargs="?")
    parser.add_argument("file", metavar="FILE", nargs="?")
    parser.add_argument(
        "--plan",
        dest="plan_file",
        metavar="PLAN_FILE",
        help="apply the plans saved by plan --out, instead of POOL_ID FILE",
    )
    parser.description = (parser.description or "") + (
        "\n\nWith --plan PLAN_FILE (made by plan --all|--name|--tag ... --out PLAN_FILE) it\n"
        "writes exactly the plans reviewed, asking once for all pools. A pool whose plan is\n"
        "no longer what its change would do is reported stale, and nothing is written to it."
    )


def is_fleet_run(args: argparse.Namespace) -> bool:
    """Whether the parsed command works on a fleet rather than on one pool."""
    if args.command == "list":
        return True
    if args.command == "apply":
        return getattr(args, "plan_file", None) is not None
    if args.command in {"plan", "update"}:
        return _selects(args)
    return False


def _selects(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "all_pools", False) or getattr(args, "name", None) or args.tags)


def parse_tags(tags: Sequence[str]) -> Mapping[str, str] | str:
    """``KEY=VALUE`` arguments as a mapping, or the message for the first malformed one."""
    found: dict[str, str] = {}
    for text in tags:
        key, equals, value = text.partition("=")
        if not equals or not key:
            return f"--tag expects KEY=VALUE, got {text!r}"
        if key in found and found[key] != value:
            return f"--tag {key}= is given twice, with different values"
        found[key] = value
    return found


def check_fleet_arguments(args: argparse.Namespace) -> str | None:
    """Settle ``POOL_ID`` against the selection; return the usage error, if any.

    ``plan --all a=1`` parses ``a=1`` as ``POOL_ID``: a pool id never holds ``=``, so it is
    moved back to the settings.
    """
    command = args.command
    if command == "apply":
        return _check_apply(args)
    if command not in {"list", "plan", "update"}:
        return None
    tags = parse_tags(args.tags)
    if isinstance(tags, str):
        return tags
    return None if command == "list" else _check_pool_or_selection(args)


def _check_apply(args: argparse.Namespace) -> str | None:
    if args.plan_file is not None:
        if args.pool_id is not None or args.file is not None:
            return "give either POOL_ID FILE or --plan PLAN_FILE, not both"
        return None
    if args.pool_id is None or args.file is None:
        return "give POOL_ID FILE (a file made by export), or --plan PLAN_FILE"
    return None


def _check_pool_or_selection(args: argparse.Namespace) -> str | None:
    pool_id: str | None = args.pool_id
    if pool_id is not None and "=" in pool_id:
        args.settings = [pool_id, *args.settings]
        args.pool_id = pool_id = None
    selects = _selects(args)
    if args.all_pools and (args.name or args.tags):
        return "--all selects every pool; leave out --name and --tag, or leave out --all"
    if selects and pool_id is not None:
        return f"give either POOL_ID ({pool_id}) or a selection (--all, --name, --tag), not both"
    if not selects and pool_id is None:
        return "give a POOL_ID, or select pools with --all, --name GLOB or --tag KEY=VALUE"
    if not selects and getattr(args, "out", None) is not None:
        return "--out saves the plans of a selection; use it with --all, --name or --tag"
    return None

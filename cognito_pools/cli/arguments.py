"""The command line's grammar: global options, the commands, their help, and usage errors.

Usage errors exit 1 like every other error (argparse's own default is 2, which ``plan
--detailed-exitcode`` uses to mean "changes pending"). Global options are accepted before or
after the command.
"""

from __future__ import annotations

import argparse
import textwrap
from typing import TYPE_CHECKING, Any, NoReturn

import cognito_pools.cli.fleet_arguments as fleet

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "DEFAULT_TIMEOUT",
    "EXIT_CHANGES",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "LOCK_TABLE_VARIABLE",
    "PROG",
    "UsageError",
    "build_parser",
    "parse_arguments",
]

PROG = "cognito-pools"
EXIT_OK = 0
"""Success, including "nothing to change"."""
EXIT_FAILED = 1
"""Any error: usage, a refused change, a bad file, AWS, a declined confirmation."""
EXIT_CHANGES = 2
"""``plan --detailed-exitcode`` only: the plan has changes."""
EXIT_INTERRUPTED = 130
"""Ctrl-C (128 + SIGINT), as shells report it."""
DEFAULT_TIMEOUT = 5.0
"""Seconds to wait for a connection, and then for each answer."""
LOCK_TABLE_VARIABLE = "COGNITO_POOLS_LOCK_TABLE"
"""The environment variable that stands in for ``--lock-table``."""

COMMANDS = (
    *("show", "plan", "update", "export", "apply", "list", "lock-table", "demo"),
    *("clients", "client"),
)
"""Every command, in the order the help lists them."""

_EXIT_CODES = """\
exit status:
  0    success, also when there is nothing to change
  1    any error: a usage error, a refused change, a missing or invalid file,
       an AWS error, or a declined confirmation; nothing was written unless
       the message says otherwise
  2    plan --detailed-exitcode only: the plan has changes
  130  interrupted (Ctrl-C)
"""

_ENVIRONMENT = """\
environment:
  AWS_PROFILE, AWS_DEFAULT_REGION, AWS_ENDPOINT_URL and the rest of boto3's
  configuration apply as in any boto3 program; the options above override them.
  COGNITO_POOLS_LOCK_TABLE is --lock-table when the option is not given.
  NO_COLOR turns colour off; it is only ever used on a terminal.
"""

_MAIN_EXAMPLES = """\
examples:
  cognito-pools show eu-west-1_AbC123
  cognito-pools plan eu-west-1_AbC123 policies.password_policy.minimum_length=12
  cognito-pools update eu-west-1_AbC123 mfa=OPTIONAL --yes
  cognito-pools export eu-west-1_AbC123 > pool.json
  cognito-pools plan eu-west-1_AbC123 --file pool.json --detailed-exitcode
  cognito-pools apply eu-west-1_AbC123 pool.json
"""

_SETTINGS_HELP = """\
settings:
  PATH=VALUE, where PATH is the dotted snake_case path that show and plans
  print (mfa=MODE and mfa.PATH for the MFA setup). VALUE is JSON when it
  parses (12, true, null, ["email"], {...}), plain text otherwise; null
  clears. A path into a map sets one entry: user_pool_tags.team=auth (or
  user_pool_tags['team']=auth); an index names a list item:
  account_recovery_setting.recovery_mechanisms[0].priority=2.
"""


class UsageError(Exception):
    """The command line itself is wrong; the message is one line."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error raises :class:`UsageError` instead of exiting 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


def _package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version("cognito-pools")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "unknown"


def _timeout(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return seconds


def _add_connection_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    """The options that choose the AWS connection.

    The top-level parser holds the defaults; each command accepts the same options with no
    default of its own, so an option after the command overrides one before it, and its
    absence overrides nothing.
    """

    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    group = parser.add_argument_group("connection options (before or after the command)")
    group.add_argument(
        "--region", default=default(None), help="AWS region (default: profile or environment)"
    )
    group.add_argument("--profile", default=default(None), help="AWS named profile")
    group.add_argument(
        "--endpoint-url",
        metavar="URL",
        default=default(None),
        help="Cognito endpoint, e.g. a local moto server, also used for the lock table "
        "(default: AWS_ENDPOINT_URL, or AWS)",
    )
    group.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=_timeout,
        default=default(DEFAULT_TIMEOUT),
        help=f"seconds to wait for a connection and for each answer (default: "
        f"{DEFAULT_TIMEOUT:g}); a call is tried at most twice",
    )
    group.add_argument(
        "--lock-table",
        metavar="NAME",
        default=default(None),
        help="DynamoDB table of a lock shared with other processes: update and apply hold the "
        f"pool's lock while they read and write (default: {LOCK_TABLE_VARIABLE}, else no lock; "
        "create the table with lock-table create NAME)",
    )


def _add_verbose_option(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    """``--verbose``: global, before or after the command, like the connection options."""
    parser.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        default=False if defaults else argparse.SUPPRESS,
        help="print each API call on stderr: operation, pool id, attempt, status, duration "
        "(never a setting's value)",
    )


def _command(
    commands: Any,  # argparse's _SubParsersAction, a private name
    name: str,
    summary: str,
    description: str,
    examples: str,
    *,
    calls_aws: bool = True,
) -> _Parser:
    epilog = "examples:\n" + textwrap.indent(textwrap.dedent(examples).strip(), "  ") + "\n"
    if name in {"plan", "update"}:
        epilog = f"{_SETTINGS_HELP}\n{epilog}"
    epilog += f"\n{_EXIT_CODES}"
    parser: _Parser = commands.add_parser(
        name,
        help=summary,
        description=textwrap.dedent(description).strip(),
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    if calls_aws:  # the demo runs its own server: the connection options would be ignored
        _add_connection_options(parser, defaults=False)
        _add_verbose_option(parser, defaults=False)
        fleet.add_fleet_options(parser, defaults=False)  # fleets
    return parser


def _output_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--output",
        choices=("text", "json"),
        default="text",
        help="text for people (default), json for programs",
    )


def _change_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "settings", nargs="*", default=[], metavar="PATH=VALUE", help="a setting to change"
    )
    parser.add_argument(
        "--clear", action="append", default=[], metavar="PATH", help="clear a setting (= PATH=null)"
    )


def build_parser() -> argparse.ArgumentParser:
    """The whole command line."""
    parser = _Parser(
        prog=PROG,
        description="Change AWS Cognito user pools without resetting the settings you did not\n"
        "mention. Keep a pool's configuration in a file, detect drift, and apply it.",
        epilog=f"{_MAIN_EXAMPLES}\n{_EXIT_CODES}\n{_ENVIRONMENT}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {_package_version()}")
    _add_connection_options(parser, defaults=True)
    _add_verbose_option(parser, defaults=True)
    fleet.add_fleet_options(parser, defaults=True)  # fleets
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser
    )

    show = _command(
        commands,
        "show",
        "print a pool's settings, MFA setup and facts",
        """
        Print every setting that is set, one PATH = VALUE per line (values in JSON), then the
        MFA setup as mfa.PATH lines, then the read-only facts. Every path printed is one that
        plan and update take. Secrets (external_id) print as "***".
        """,
        """
        cognito-pools show eu-west-1_AbC123
        cognito-pools show eu-west-1_AbC123 --output json
        """,
    )
    show.add_argument("pool_id", metavar="POOL_ID")
    _output_option(show)
    show.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # the old spelling

    plan = _command(
        commands,
        "plan",
        "show what a change (or a file) would do, without writing",
        """
        Show what would change, and write nothing. The change is given as PATH=VALUE
        arguments, or as a file made by export (--file): then the plan is the drift between
        the file and the pool, exactly what apply would do. PATH=VALUE arguments given with
        --file are laid over the file.
        """,
        """
        cognito-pools plan eu-west-1_AbC123 policies.password_policy.minimum_length=12 mfa=OPTIONAL
        cognito-pools plan eu-west-1_AbC123 user_pool_tags.team=auth lambda_config.pre_sign_up=null
        cognito-pools plan eu-west-1_AbC123 --file pool.json --detailed-exitcode --output json
        """,
    )
    fleet.add_pool_or_selection(plan, saves_plans=True)
    _change_arguments(plan)
    plan.add_argument("--file", metavar="FILE", help="a document made by export (- for stdin)")
    _output_option(plan)
    plan.add_argument(
        "--detailed-exitcode",
        action="store_true",
        help="exit 2 when there are changes (0: none, 1: error)",
    )

    update = _command(
        commands,
        "update",
        "show the plan, then apply it",
        """
        Print the plan, ask for confirmation, then write exactly that plan; if the pool
        changed while the question was open, nothing is written. Without a terminal to ask
        on, nothing is written unless --yes is given. Nothing is asked or written when there
        is nothing to change.
        """,
        """
        cognito-pools update eu-west-1_AbC123 deletion_protection=ACTIVE
        cognito-pools update eu-west-1_AbC123 user_pool_tags.team=auth -y
        """,
    )
    fleet.add_pool_or_selection(update, saves_plans=False)
    _change_arguments(update)
    _confirm_option(update)
    _output_option(update)

    export = _command(
        commands,
        "export",
        "print a pool's configuration as a file apply takes back",
        """
        Print the pool's whole writable configuration and its MFA setup as stable JSON:
        {"format_version": 1, "settings": {...}}, keys sorted, snake_case, the MFA setup under
        settings.mfa. apply takes it back unchanged: exporting and applying changes nothing.
        The document includes SMS external ids (apply needs them); store it accordingly.
        """,
        """
        cognito-pools export eu-west-1_AbC123 > pool.json
        """,
    )
    export.add_argument("pool_id", metavar="POOL_ID")

    apply = _command(
        commands,
        "apply",
        "make a pool match a file made by export",
        """
        Make the pool match FILE, a document made by export (- reads standard input). The
        file is the full desired state: settings it leaves out are cleared (except pool_name
        and user_pool_tier, which Cognito cannot clear), and a file without settings.mfa
        keeps the MFA setup. Prints the plan and asks, like update.
        """,
        """
        cognito-pools plan eu-west-1_AbC123 --file pool.json
        cognito-pools apply eu-west-1_AbC123 pool.json
        cognito-pools export eu-west-1_AbC123 | cognito-pools apply eu-west-1_XyZ789 - --yes
        """,
    )
    fleet.add_apply_arguments(apply)
    _confirm_option(apply)
    _output_option(apply)

    # --- fleets (cognito_pools.cli.fleet_arguments) ---
    listing = _command(
        commands,
        "list",
        "list the pools of the account and Region, by name glob and tags",
        fleet.LIST_DESCRIPTION,
        fleet.LIST_EXAMPLES,
    )
    fleet.add_list_arguments(listing)
    _output_option(listing)
    # --- end fleets ---
    lock_table = _command(
        commands,
        "lock-table",
        "create the DynamoDB table of the lock shared by processes",
        """
        Create the DynamoDB table that --lock-table names, in the same account and region
        (on-demand billing, nothing else to set up), and wait until it is ready. Nothing
        happens when it exists already. Then pass --lock-table NAME, or set
        COGNITO_POOLS_LOCK_TABLE, wherever pools are updated: each update holds the pool's
        lock in the table, so that updates from several pipelines or machines take turns
        instead of losing changes.
        """,
        """
        cognito-pools lock-table create cognito-pools-locks --region eu-west-1
        cognito-pools apply eu-west-1_AbC123 pool.json --lock-table cognito-pools-locks
        """,
    )
    lock_table.add_argument("action", choices=("create",), help="what to do: create")
    lock_table.add_argument("table", metavar="NAME", help="the table's name")

    _command(
        commands,
        "demo",
        "run a short tour against an embedded moto server (no AWS account)",
        """
        Start a moto server on a free local port, create two identical pools, and show what
        a plain update_user_pool call resets and how cognito_pools makes the same change
        safely. No AWS account, region or credentials are used. Needs moto:
        pip install 'moto[cognitoidp,server]' (from a checkout: pip install -e '.[demo]').
        """,
        """
        cognito-pools demo
        """,
        calls_aws=False,
    )
    from cognito_pools.cli.client_grammar import add_client_commands  # noqa: PLC0415

    add_client_commands(commands, _command, _output_option, _change_arguments, _confirm_option)
    return parser


def _confirm_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--yes", "-y", action="store_true", help="apply without asking for confirmation"
    )


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """Parse the command line.

    Raises:
        UsageError: the command line is wrong.
        SystemExit: ``--help`` or ``--version`` printed what was asked (status 0).
    """
    parser = build_parser()
    # Settings may follow options (plan POOL a=1 --clear b c=2): argparse leaves those over.
    args, extra = parser.parse_known_args(argv)
    # ``client plan`` and ``client update`` take settings like ``plan`` and ``update``.
    name = f"client {args.client_command}" if args.command == "client" else args.command
    verb = name.rpartition(" ")[2]
    if extra:
        if verb not in {"plan", "update"} or any(arg.startswith("-") for arg in extra):
            raise UsageError(
                f"{PROG} {name}: unrecognized arguments: {' '.join(extra)} "
                f"(see '{PROG} {name} --help')"
            )
        args.settings = [*args.settings, *extra]
    fleet_problem = fleet.check_fleet_arguments(args)  # fleets: POOL_ID or a selection
    if fleet_problem is not None:
        raise UsageError(
            f"{PROG} {args.command}: {fleet_problem} (see '{PROG} {args.command} --help')"
        )
    if verb == "update" and not (args.settings or args.clear):
        raise UsageError(f"{PROG} {name}: give at least one PATH=VALUE setting to change")
    if verb == "plan" and not (args.settings or args.clear or args.file):
        raise UsageError(f"{PROG} {name}: give PATH=VALUE settings to change, or --file FILE")
    if args.command == "show" and args.json:
        args.output = "json"
    return args

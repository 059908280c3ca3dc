"""The grammar of the app-client commands: ``clients``, and ``client`` with its five verbs.

:mod:`~cognito_pools.cli.arguments` calls :func:`add_client_commands` with its own helpers, so
the app-client commands get the pool commands' connection options, help layout and exit codes;
:mod:`~cognito_pools.cli.clients` runs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

__all__ = ["CLIENT_COMMANDS", "add_client_commands"]

CLIENT_COMMANDS = ("show", "plan", "update", "export", "apply")
"""The subcommands of ``client``."""


def add_client_commands(
    commands: Any,  # argparse's _SubParsersAction, a private name
    command: Callable[..., argparse.ArgumentParser],
    output_option: Callable[[argparse.ArgumentParser], None],
    change_arguments: Callable[[argparse.ArgumentParser], None],
    confirm_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``clients`` and ``client`` to the command line; the helpers are the pool commands'."""
    listing = command(
        commands,
        "clients",
        "list a pool's app clients",
        """
        Print the id and name of every app client of the pool (all pages).
        """,
        """
        cognito-pools clients eu-west-1_AbC123
        cognito-pools clients eu-west-1_AbC123 --output json
        """,
    )
    listing.add_argument("pool_id", metavar="POOL_ID")
    output_option(listing)

    client = command(
        commands,
        "client",
        "show, plan, update, export or apply one app client",
        """
        The pool commands, for one app client: its settings are named by the paths that
        'client show' and plans print (callback_urls, token_validity_units.access_token, ...).
        UpdateUserPoolClient resets every setting it is not given; these commands send the
        whole client back, so nothing you did not mention changes.
        """,
        """
        cognito-pools client show eu-west-1_AbC123 1example23456789
        cognito-pools client update eu-west-1_AbC123 1example23456789 access_token_validity=30
        """,
    )
    actions = client.add_subparsers(
        dest="client_command", required=True, metavar="COMMAND", parser_class=type(client)
    )
    show = command(
        actions,
        "show",
        "print an app client's settings and facts",
        """
        Print every setting that is set, one PATH = VALUE per line (values in JSON), then the
        read-only facts. The client secret and external_id print as "***".
        """,
        "cognito-pools client show eu-west-1_AbC123 1example23456789 --output json",
    )
    _ids(show)
    output_option(show)

    plan = command(
        actions,
        "plan",
        "show what a change (or a file) would do, without writing",
        """
        Show what would change, and write nothing: PATH=VALUE arguments, or a file made by
        'client export' (--file), whose plan is the drift between the file and the client.
        """,
        """
        cognito-pools client plan eu-west-1_AbC123 1example23456789 logout_urls=null
        cognito-pools client plan eu-west-1_AbC123 1example23456789 --file client.json
        """,
    )
    _ids(plan)
    change_arguments(plan)
    plan.add_argument("--file", metavar="FILE", help="a document made by export (- for stdin)")
    output_option(plan)
    plan.add_argument(
        "--detailed-exitcode",
        action="store_true",
        help="exit 2 when there are changes (0: none, 1: error)",
    )

    update = command(
        actions,
        "update",
        "show the plan, then apply it",
        """
        Print the plan, ask for confirmation, then write exactly that plan; if the app client
        changed while the question was open, nothing is written. Without a terminal, nothing
        is written unless --yes is given.
        """,
        """
        cognito-pools client update eu-west-1_AbC123 1example23456789 callback_urls='["https://example.com/cb"]'
        cognito-pools client update eu-west-1_AbC123 1example23456789 auth_session_validity=5 -y
        """,
    )
    _ids(update)
    change_arguments(update)
    confirm_option(update)
    output_option(update)

    export = command(
        actions,
        "export",
        "print an app client's configuration as a file apply takes back",
        """
        Print the app client's whole writable configuration as stable JSON:
        {"format_version": 1, "settings": {...}}, keys sorted. 'client apply' takes it back
        unchanged. The client secret is never in it; an analytics external_id is.
        """,
        "cognito-pools client export eu-west-1_AbC123 1example23456789 > client.json",
    )
    _ids(export)

    apply = command(
        actions,
        "apply",
        "make an app client match a file made by export",
        """
        Make the app client match FILE (- reads standard input). The file is the full desired
        state: settings it leaves out are cleared (client_name is kept). Prints the plan and
        asks, like update.
        """,
        "cognito-pools client apply eu-west-1_AbC123 1example23456789 client.json",
    )
    _ids(apply)
    apply.add_argument("file", metavar="FILE")
    confirm_option(apply)
    output_option(apply)


def _ids(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pool_id", metavar="POOL_ID")
    parser.add_argument("client_id", metavar="CLIENT_ID")

"""The ``cognito-pools`` command: show, plan, update, export and apply user pool settings.

Settings are named by their dotted snake_case path, the same path that plans and validation
errors print::

    cognito-pools show eu-west-1_AbC123
    cognito-pools plan eu-west-1_AbC123 policies.password_policy.minimum_length=12 mfa=OPTIONAL
    cognito-pools update eu-west-1_AbC123 user_pool_tags.team=auth --yes
    cognito-pools export eu-west-1_AbC123 > pool.json
    cognito-pools plan eu-west-1_AbC123 --file pool.json --detailed-exitcode
    cognito-pools apply eu-west-1_AbC123 pool.json

The modules, in the order a command runs through them:

- :mod:`~cognito_pools.cli.arguments`: the grammar, help texts and exit codes;
- :mod:`~cognito_pools.cli.settings`: ``PATH=VALUE`` arguments into a change;
- :mod:`~cognito_pools.cli.configfile`: exported documents, and the change that matches one;
- :mod:`~cognito_pools.cli.commands`: running a command, confirmation, error messages;
- :mod:`~cognito_pools.cli.rendering`: tables, plans and JSON documents;
- :mod:`~cognito_pools.cli.status`: the status line while AWS is slow to answer.

Only the standard library loads at import time, so ``--help`` and usage errors are instant;
boto3 and the models load when a command needs them. This package itself imports nothing: the
entry point, :func:`main`, imports the command inside its guard, so Ctrl-C while Python is still
loading the command exits 130 with one line, as it does at any later moment.
"""

from __future__ import annotations

import importlib
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without loading typing before the guard
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from cognito_pools.cli.settings import SettingError, Settings, parse_settings

__all__ = ["SettingError", "Settings", "main", "parse_settings"]

_EXIT_INTERRUPTED = 130
"""Ctrl-C (128 + SIGINT); :data:`cognito_pools.cli.arguments.EXIT_INTERRUPTED` says the same."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line (``cognito-pools``) and return its exit status."""
    try:
        from cognito_pools.cli import commands  # noqa: PLC0415 - inside the Ctrl-C guard

        return commands.main(argv)
    except KeyboardInterrupt:  # while loading: the command itself reports any later Ctrl-C
        import signal  # noqa: PLC0415 - loads enum, which the guard's own start must not wait for

        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not interrupt this
        sys.stderr.write("cognito-pools: interrupted\n")
        return _EXIT_INTERRUPTED


def __getattr__(name: str) -> Any:
    if name in {"SettingError", "Settings", "parse_settings"}:
        return getattr(importlib.import_module("cognito_pools.cli.settings"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

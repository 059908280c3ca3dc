"""The app-client commands: ``clients`` lists a pool's app clients, ``client ...`` changes one.

::

    cognito-pools clients POOL_ID [--output text|json]
    cognito-pools client show   POOL_ID CLIENT_ID [--output text|json]
    cognito-pools client plan   POOL_ID CLIENT_ID [PATH=VALUE ...] [--file FILE]
                                [--output text|json] [--detailed-exitcode]
    cognito-pools client update POOL_ID CLIENT_ID PATH=VALUE ... [--yes] [--output text|json]
    cognito-pools client export POOL_ID CLIENT_ID
    cognito-pools client apply  POOL_ID CLIENT_ID FILE [--yes]

Their grammar is in :mod:`~cognito_pools.cli.client_grammar`. They take the same paths, JSON
values, confirmation, exit codes and options as the pool commands, and go through the same
modules: :mod:`~cognito_pools.cli.settings` for
``PATH=VALUE``, :mod:`~cognito_pools.cli.configfile` for files, and the pool commands'
confirmation and error messages. The paths start in the app client's settings
(:class:`~cognito_pools.models.UserPoolClientConfig`). The client secret is never printed, not
even by ``export``; ``analytics_configuration.external_id`` prints as ``"***"`` except in
``export``, which ``apply`` must be able to take back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cognito_pools.cli.arguments import EXIT_CHANGES, EXIT_OK
from cognito_pools.cli.configfile import change_to_match, read_settings, with_overrides
from cognito_pools.cli.rendering import (
    EXPORT_FORMAT,
    FORMAT_KEY,
    SETTINGS_KEY,
    Style,
    dump_json,
    plan_document,
    plan_text,
    redact,
    settings_table,
    snake_dict,
)
from cognito_pools.cli.settings import Settings, parse_settings

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from cognito_pools.app_clients import AppClient
    from cognito_pools.cli.commands import Run
    from cognito_pools.plan import Plan

__all__ = ["run_client_command"]

# --- running them --------------------------------------------------------------------------------


def run_client_command(run: Run, confirm_and_write: Callable[[Run, Any, Plan], int]) -> int:
    """Run ``clients`` or ``client COMMAND``; ``confirm_and_write`` is the pool commands' own."""
    args = run.args
    if args.command == "clients":
        return _list(run, run.user_pools(writes=False))
    writes = args.client_command in {"update", "apply"}
    pools = run.user_pools(writes=writes) if args.client_command != "plan" else None
    if args.client_command == "show":
        return _show(run, _read(run, pools))
    if args.client_command == "export":
        app = _read(run, pools)
        document = {FORMAT_KEY: EXPORT_FORMAT, SETTINGS_KEY: settings_data(app)}
        dump_json(document, run.out, sort_keys=True)
        return EXIT_OK
    if args.client_command == "plan":
        settings = _settings(run)  # bad input: before any call
        desired = read_settings(args.file, run.stdin) if args.file else None
        app = _read(run, run.user_pools(writes=False))
        plan = app.plan(**_change(app, settings, desired))
        if args.output == "json":
            dump_json(plan_document(plan), run.out)
        else:
            run.out.write(plan_text(plan, Style.for_stream(run.out)))
        return EXIT_CHANGES if args.detailed_exitcode and plan else EXIT_OK
    if args.client_command == "update":
        settings = _settings(run)
        app = _read(run, pools)
        return confirm_and_write(run, app, app.plan(**_change(app, settings, None)))
    desired = read_settings(args.file, run.stdin)  # apply
    app = _read(run, pools)
    return confirm_and_write(run, app, app.plan(**_change(app, Settings({}, {}), desired)))


def _read(run: Run, pools: Any) -> AppClient:
    app: AppClient = pools.app_client(run.args.pool_id, run.args.client_id)
    return app


def _settings(run: Run) -> Settings:
    from cognito_pools.client_rules import CLIENT  # noqa: PLC0415 - keeps --help instant

    return parse_settings(run.args.settings, run.args.clear, root=CLIENT)


def _change(app: AppClient, settings: Settings, desired: Mapping[str, Any] | None) -> Any:
    """The keywords for :meth:`AppClient.plan`: the arguments' change, or the way to the file."""
    current = settings_data(app)
    if desired is None:
        return settings.resolve(current)
    from cognito_pools.resources.app_client import APP_CLIENT  # noqa: PLC0415

    # A file may leave out what cannot be cleared (an app client always has a name, and
    # Cognito keeps how it manages the secret): absence there means "keep".
    kept = {row.path for row in APP_CLIENT.refused_clears}
    change = change_to_match(with_overrides(desired, settings), current)
    return {key: value for key, value in change.items() if not (value is None and key in kept)}


def settings_data(app: AppClient) -> dict[str, Any]:
    """The app client's settings as plain snake_case data (the export's ``settings``)."""
    return snake_dict(app.config)


def _list(run: Run, pools: Any) -> int:
    found = pools.app_clients(run.args.pool_id)
    if run.args.output == "json":
        rows = [{"client_id": item.client_id, "client_name": item.client_name} for item in found]
        dump_json({"clients": rows}, run.out)
        return EXIT_OK
    if not found:
        run.out.write(f"User pool {run.args.pool_id} has no app clients.\n")
        return EXIT_OK
    width = max(len(item.client_id) for item in found)
    style = Style.for_stream(run.out)
    run.out.write(style.paint(f"{'CLIENT_ID'.ljust(width)}  NAME", "bold") + "\n")
    for item in found:
        run.out.write(f"{item.client_id.ljust(width)}  {item.client_name}\n")
    return EXIT_OK


def _show(run: Run, app: AppClient) -> int:
    facts = snake_dict(app.facts)
    if run.args.output == "json":
        document = {
            "pool_id": app.pool_id,
            "client_id": app.id,
            SETTINGS_KEY: settings_data(app),
            "facts": facts,
        }
        dump_json(redact(document), run.out)
        return EXIT_OK
    style = Style.for_stream(run.out)
    name = app.config.client_name
    heading = f"App client {app.id}" + (f" ({name})" if name else "")
    lines = [style.paint(f"{heading} of user pool {app.pool_id}", "bold"), ""]
    lines.append(
        "Settings (change any with: cognito-pools client plan|update POOL_ID CLIENT_ID PATH=VALUE):"
    )
    lines += settings_table(settings_data(app), style)
    lines += ["", "Facts (read-only):"]
    lines += settings_table(facts, style)
    run.out.write("\n".join(lines) + "\n")
    return EXIT_OK

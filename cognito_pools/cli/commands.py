"""Run a command: read the pool, plan, confirm, write; and turn every failure into one message.

Input is checked before any call to AWS: the ``PATH=VALUE`` arguments, the file, the endpoint.
No Python traceback reaches the user: a known failure is one line (a refused change lists its
problems), a closed pipe ends the command quietly, and Ctrl-C exits 130.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO
from urllib.parse import urlsplit

from cognito_pools.cli.arguments import (
    EXIT_CHANGES,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    LOCK_TABLE_VARIABLE,
    PROG,
    UsageError,
    parse_arguments,
)
from cognito_pools.cli.configfile import (
    FileError,
    change_to_match,
    read_document,
    with_overrides,
)
from cognito_pools.cli.fleet_arguments import is_fleet_run
from cognito_pools.cli.rendering import (
    Style,
    dump_json,
    export_document,
    format_value,
    mfa_data,
    plan_document,
    plan_text,
    settings_data,
    show_document,
    show_text,
)
from cognito_pools.cli.settings import MFA_KEYWORD, SettingError, Settings, parse_settings
from cognito_pools.cli.status import StatusLine
from cognito_pools.cli.verbose import AnswerLog, CallLog

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Mapping, Sequence

    from cognito_pools.app_clients import AppClient
    from cognito_pools.cli.configfile import Document
    from cognito_pools.lock import DynamoDBLock, LockHolder
    from cognito_pools.models import UserPoolMfaConfig
    from cognito_pools.plan import Plan
    from cognito_pools.pools import Pool, UserPools

__all__ = ["main"]

DEBUG_VARIABLE = "COGNITO_POOLS_DEBUG"
"""Set it to see the traceback of an unexpected error instead of the one-line report."""
_ENDPOINT_VARIABLES = ("AWS_ENDPOINT_URL_COGNITO_IDP", "AWS_ENDPOINT_URL")
WAIT_NOTICE = 1.0
"""Seconds of waiting for the lock after which a terminal is told who holds it."""
_MAX_ATTEMPTS = 2
_POOL_NAME = "pool_name"
"""botocore's standard retries, bounded: a dead endpoint is reported after two tries."""


class Run:
    """One command's arguments, streams, and what it has done so far."""

    def __init__(self, args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO) -> None:
        self.args = args
        self.out = out
        self.err = err
        self.stdin = stdin
        self.status: StatusLine = StatusLine(err, args.timeout)
        self.client: Any = None
        self.writing = False
        """True while a write is in flight: an interruption or timeout then may have landed."""
        self.answers: AnswerLog = AnswerLog()
        """The last HTTP answer's status and content type, to recognise an endpoint that is
        not Cognito."""
        self._holder_shown: LockHolder | None = None

    def pool(self) -> Pool:
        """Read the pool named on the command line."""
        writes = self.args.command in {"update", "apply"}
        return self.user_pools(writes=writes).get(self.args.pool_id)

    def user_pools(self, *, writes: bool) -> UserPools:
        """The library on the command's connection (and the shared lock, for a write)."""
        from cognito_pools.pools import UserPools  # noqa: PLC0415 - only commands that call AWS

        self.client = _make_client(self.args)
        self.status.watch(self.client)
        self.answers.watch(self.client)
        if getattr(self.args, "verbose", False):
            CallLog(self.err).watch(self.client)
        return UserPools(self.client, lock=self.lock() if writes else None)

    def lock(self) -> DynamoDBLock | None:
        """The lock shared with other processes that ``--lock-table`` names, if any."""
        table = self.args.lock_table or os.environ.get(LOCK_TABLE_VARIABLE) or None
        if table is None:
            return None
        from cognito_pools.lock import DynamoDBLock  # noqa: PLC0415 - only with a lock table

        return DynamoDBLock(
            _make_client(self.args, "dynamodb"), table=table, on_wait=self._waiting_for
        )

    def _waiting_for(self, holder: LockHolder, waited: float) -> None:
        """On a terminal, say who holds the lock once a wait lasts longer than a moment."""
        if waited >= WAIT_NOTICE and self.status.enabled and holder != self._holder_shown:
            self._holder_shown = holder
            self.err.write(f"{PROG}: waiting for the pool's lock, held by {holder}\n")
            self.err.flush()

    def mfa(self, pool: Pool) -> UserPoolMfaConfig:
        """Read the pool's whole MFA setup (one GetUserPoolMfaConfig call)."""
        return pool.get_mfa_config()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    out, err, stdin = sys.stdout, sys.stderr, sys.stdin
    run: Run | None = None
    try:
        try:
            args = parse_arguments(sys.argv[1:] if argv is None else argv)
        except SystemExit as done:  # --help or --version printed what was asked for
            out.flush()
            return done.code if isinstance(done.code, int) else EXIT_OK
        except UsageError as error:
            err.write(f"{error}\n")
            return EXIT_FAILED
        if args.command == "demo":
            from cognito_pools.demo import run_demo  # noqa: PLC0415 - needs moto, only here

            return run_demo(out, err)
        run = Run(args, out, err, stdin)
        with run.status:
            status = _run(run)
        out.flush()
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut this short
        # On a terminal, end the line that ^C (or an open question) left first.
        err.write(f"{_fresh_line(err)}{PROG}: interrupted{_what_landed(run)}\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``show ID | head -1``): stop quietly, and stop Python's own
        # flush at exit from complaining about the same pipe.
        _silence_stdout()
        return EXIT_FAILED
    return status


def _fresh_line(stream: TextIO) -> str:
    isatty = getattr(stream, "isatty", None)
    return "\n" if isatty is not None and isatty() else ""


def _what_landed(run: Run | None) -> str:
    writes = {"update", "apply"}
    if run is None or getattr(run.args, "client_command", run.args.command) not in writes:
        return ""
    if run.writing:
        return f" while writing; the change may have landed: run '{PROG} plan' to see"
    return "; nothing was written"


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a file descriptor (captured in tests)
        pass


def _run(run: Run) -> int:
    command = _fleet if is_fleet_run(run.args) else _COMMANDS[run.args.command]
    try:
        return command(run)
    except BrokenPipeError:
        raise
    except Exception as error:
        if os.environ.get(DEBUG_VARIABLE):
            raise
        run.err.write(explain(error, run) + "\n")
        return EXIT_FAILED


# --- commands -----------------------------------------------------------------------------------


def _show(run: Run) -> int:
    from cognito_pools.errors import ServiceError  # noqa: PLC0415 - loaded with the pool

    pool = run.pool()
    try:
        mfa = run.mfa(pool)
    except ServiceError as error:
        if "AccessDenied" not in error.code:
            raise
        # Reading settings may be allowed where reading the MFA setup is not; show what can be.
        run.err.write(
            f"{PROG}: cannot read the MFA setup ({error.code}); showing the MFA mode only\n"
        )
        mfa = None
    if run.args.output == "json":
        dump_json(show_document(pool, mfa), run.out)
    else:
        run.out.write(show_text(pool, mfa, Style.for_stream(run.out)))
    return EXIT_OK


def _export(run: Run) -> int:
    pool = run.pool()
    dump_json(export_document(pool, run.mfa(pool)), run.out, sort_keys=True)
    return EXIT_OK


def _plan(run: Run) -> int:
    settings = parse_settings(run.args.settings, run.args.clear)  # bad input: before any call
    document = read_document(run.args.file, run.stdin) if run.args.file else None
    pool = run.pool()
    desired = document.settings if document is not None else None
    plan = pool.plan(**_change(run, pool, settings, desired))
    origin = Origin.of(pool, plan, document)
    if run.args.output == "json":
        dump_json(plan_document(plan, origin.source), run.out)
    else:
        run.out.write(plan_text(plan, Style.for_stream(run.out), origin.note))
    return EXIT_CHANGES if run.args.detailed_exitcode and plan else EXIT_OK


def _update(run: Run) -> int:
    settings = parse_settings(run.args.settings, run.args.clear)
    pool = run.pool()
    return _confirm_and_write(run, pool, pool.plan(**_change(run, pool, settings, None)))


def _apply(run: Run) -> int:
    document = read_document(run.args.file, run.stdin)
    pool = run.pool()
    plan = pool.plan(**_change(run, pool, Settings({}, {}), document.settings))
    return _confirm_and_write(run, pool, plan, Origin.of(pool, plan, document))


class Origin(NamedTuple):
    """Where a file came from, when that is another pool than the one it is applied to."""

    source: str | None = None
    """The id of the pool the file was exported from, if not the pool being planned."""
    note: str = ""
    """What the plan's first line adds about it (a rename of the pool among the changes)."""

    @classmethod
    def of(cls, pool: Pool, plan: Plan, document: Document | None) -> Origin:
        """The origin of ``document`` (from export) as planned onto ``pool``."""
        source = document.pool_id if document is not None else None
        if source is None or source == pool.id:
            return cls()
        note = f", to match a file exported from user pool {source}"
        rename = next((change for change in plan if change.path == _POOL_NAME), None)
        if rename is not None:
            note += (
                f" (this renames the pool from {format_value(rename.old)} to "
                f"{format_value(rename.new)}; add pool_name=... to keep the name)"
            )
        return cls(source, note)


# --- fleets: list, and plan/update/apply on a selection (cognito_pools.cli.fleet) ---


def _fleet(run: Run) -> int:
    from cognito_pools.cli.fleet import run_fleet  # noqa: PLC0415 - loads the library

    def change(pool: Pool, settings: Settings, desired: Mapping[str, Any] | None) -> dict[str, Any]:
        return _change(run, pool, settings, desired)

    def make_client(args: argparse.Namespace) -> Any:
        run.client = _make_client(args)  # for the messages of errors outside any one pool
        return run.client

    return run_fleet(
        run.args,
        run.out,
        run.err,
        run.stdin,
        make_client=make_client,
        change=change,
        make_lock=run.lock,
    )


# --- end fleets ---


def _lock_table(run: Run) -> int:
    from cognito_pools.lock import DynamoDBLock  # noqa: PLC0415 - only this command

    client = _make_client(run.args, "dynamodb")
    table = run.args.table
    created = DynamoDBLock(client, table=table).create_table()
    region = client.meta.region_name
    if created:
        run.out.write(f"Created the lock table {table} in {region}.\n")
    else:
        run.out.write(f"The lock table {table} exists in {region} already.\n")
    run.out.write(f"Pass --lock-table {table} or set {LOCK_TABLE_VARIABLE}={table} to use it.\n")
    return EXIT_OK


def _app_clients(run: Run) -> int:
    from cognito_pools.cli.clients import run_client_command  # noqa: PLC0415 - its own module

    return run_client_command(run, _confirm_and_write)


_COMMANDS: Mapping[str, Callable[[Run], int]] = {
    "show": _show,
    "export": _export,
    "plan": _plan,
    "update": _update,
    "apply": _apply,
    "lock-table": _lock_table,
    "clients": _app_clients,
    "client": _app_clients,
}


def _change(
    run: Run, pool: Pool, settings: Settings, desired: Mapping[str, Any] | None
) -> dict[str, Any]:
    """The keywords for :meth:`Pool.plan`: the arguments' change, or the way to the file."""
    current = settings_data(pool)
    if desired is None:
        return settings.resolve(current)
    wanted = with_overrides(desired, settings)
    if MFA_KEYWORD in wanted:
        current[MFA_KEYWORD] = mfa_data(pool, run.mfa(pool))
    return change_to_match(wanted, current)


def _confirm_and_write(
    run: Run, pool: Pool | AppClient, plan: Plan, origin: Origin | None = None
) -> int:
    args = run.args
    origin = origin or Origin()
    as_json = args.output == "json"
    asking = bool(plan) and not args.yes and run.stdin.isatty()
    if not as_json or asking:
        # With JSON on stdout, the plan a person answers for goes to the terminal's stderr.
        stream = run.err if as_json else run.out
        stream.write(plan_text(plan, Style.for_stream(stream), origin.note))
    if not plan:
        if as_json:
            dump_json({**plan_document(plan, origin.source), "applied": False}, run.out)
        return EXIT_OK

    count = len(plan)
    if not args.yes:
        if not asking:
            run.err.write(
                f"{PROG}: not applying {count} {_noun(count)} without confirmation; nothing was "
                "written (pass --yes to apply from a script)\n"
            )
            return EXIT_FAILED
        if not _confirmed(run, pool, count):
            run.err.write(f"{PROG}: not confirmed; nothing was written\n")
            return EXIT_FAILED

    run.writing = True
    pool.apply(plan)  # writes only if the pool still matches what was shown
    run.writing = False
    if as_json:
        dump_json({**plan_document(plan, origin.source), "applied": True}, run.out)
    else:
        run.out.write(f"Updated {_subject(run)}: {count} {_noun(count)} applied.\n")
    return EXIT_OK


def _subject(run: Run) -> str:
    """What the command changes, as messages name it."""
    client_id = getattr(run.args, "client_id", None)
    pool = f"user pool {run.args.pool_id}"
    return f"app client {client_id} of {pool}" if client_id else pool


def _confirmed(run: Run, pool: Pool | AppClient, count: int) -> bool:
    run.out.flush()
    these = "this" if count == 1 else "these"
    run.err.write(f"Apply {these} {count} {_noun(count)} to {pool.id}? [y/N] ")
    run.err.flush()
    return run.stdin.readline().strip().lower() in {"y", "yes"}


def _noun(count: int) -> str:
    return "change" if count == 1 else "changes"


# --- the client ---------------------------------------------------------------------------------


def _make_client(args: argparse.Namespace, service: str = "cognito-idp") -> Any:
    """A client with bounded timeouts and retries, for the chosen connection.

    The lock's ``dynamodb`` client shares ``--endpoint-url``, so that one local server (moto)
    can stand in for both services.
    """
    _check_endpoint(args.endpoint_url)
    import boto3  # noqa: PLC0415 - only a command that calls AWS pays for importing boto3
    from botocore.config import Config  # noqa: PLC0415

    config = Config(
        connect_timeout=args.timeout,
        read_timeout=args.timeout,
        retries={"mode": "standard", "total_max_attempts": _MAX_ATTEMPTS},
        max_pool_connections=max(10, args.workers),  # fleets: a connection per worker
    )
    session: Any = boto3.Session(profile_name=args.profile, region_name=args.region)
    return session.client(service, endpoint_url=args.endpoint_url, config=config)


def _check_endpoint(url: str | None) -> None:
    """Refuse an endpoint that is not an http(s) URL, naming where it came from."""
    source = "--endpoint-url"
    if url is None:
        if os.environ.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "").lower() == "true":
            return  # botocore will not use them either
        found = [(name, os.environ[name]) for name in _ENDPOINT_VARIABLES if os.environ.get(name)]
        if not found:
            return
        source, url = found[0]
    try:
        parts = urlsplit(url)
        valid = parts.scheme in {"http", "https"} and bool(parts.hostname)
        _ = parts.port  # raises on a port that is not a number
    except ValueError:
        valid = False
    if not valid:
        raise UsageError(
            f"{PROG}: {source} {url!r} is not a URL; expected http(s)://HOST[:PORT], "
            "e.g. http://localhost:5000"
        )


# --- errors -------------------------------------------------------------------------------------


def explain(error: Exception, run: Run) -> str:  # noqa: PLR0911 - one answer per kind
    """One message for a failure (a refused change with several problems lists each)."""
    from botocore import exceptions as botocore_errors  # noqa: PLC0415 - loaded by now anyway

    from cognito_pools import errors  # noqa: PLC0415

    refused = _refusal(error, run)
    if refused is not None:
        return refused
    foreign = _not_cognito(error, run)
    if foreign is not None:
        return foreign
    if isinstance(error, errors.PoolNotFoundError):
        region = run.client.meta.region_name if run.client is not None else "this region"
        return (
            f"{PROG}: {_subject(run)} not found in {region}: {error.message} "
            "(check the id, --region and --profile)"
        )
    if isinstance(error, errors.ServiceError):
        request = f" (request id {error.request_id})" if error.request_id else ""
        message = error.message or "(Cognito gave no message)"
        said = f"{PROG}: {error.operation} failed: {error.code}: {message}{request}"
        return said + _news(error, said)
    cause = _botocore_cause(error, botocore_errors.BotoCoreError)
    if cause is not None:
        tries = getattr(error, "attempts", 1)
        problem = _connection_problem(cause, run, tries)
        return f"{PROG}: {problem}{_news(error, problem)}"
    if isinstance(error, errors.CognitoPoolsError):
        return f"{PROG}: {error}"
    if isinstance(error, ValueError) and "endpoint" in str(error).lower():
        return f"{PROG}: {error} (check --endpoint-url and AWS_ENDPOINT_URL)"
    return (
        f"{PROG}: unexpected error: {type(error).__name__}: {error} "
        f"(set {DEBUG_VARIABLE}=1 for the traceback, and please report it)"
    )


def _refusal(error: Exception, run: Run) -> str | None:
    """The message for input refused before anything was written, if ``error`` is that."""
    from cognito_pools import errors  # noqa: PLC0415 - loaded by now anyway

    if isinstance(error, UsageError):
        return str(error)
    if isinstance(error, (SettingError, FileError)):
        return f"{PROG}: {error}"
    if isinstance(error, errors.ValidationError):
        problems = error.problems
        if len(problems) == 1:
            return f"{PROG}: refused, nothing was written: {problems[0]}"
        lines = [f"{PROG}: refused, nothing was written ({len(problems)} problems):"]
        return "\n".join(lines + [f"  {problem}" for problem in problems])
    if isinstance(error, errors.StalePlanError):
        return (
            f"{PROG}: {_subject(run)} changed while the plan was shown; nothing "
            "was written. Run the command again to see the plan as it is now"
        )
    return None


def _news(error: Exception, said: str) -> str:
    """What the library added to an error's message, to follow ``said`` on the same line.

    When the second of an update's two writes fails, the library undoes the first and says so
    on a line of its own after the error's message ("SetUserPoolMfaConfig had already changed
    the pool and was undone; ..."). The command repeats those words exactly: they say what the
    pool holds now.
    """
    from cognito_pools.errors import ServiceError  # noqa: PLC0415 - loaded by now anyway

    text = str(error)
    if isinstance(error, ServiceError):  # its message may span lines: take what follows it
        suffix = f" (request id {error.request_id})" if error.request_id else ""
        own = f"{error.operation} failed with {error.code}: {error.message}{suffix}"
        added = text[len(own) :] if text.startswith(own) else ""
    else:
        added = text.partition("\n")[2]
    if not added.strip():
        return ""
    return f"{'' if said.endswith('.') else '.'} {' '.join(added.split())}"


def _not_cognito(error: Exception, run: Run) -> str | None:
    """The message for an answer that did not come from Cognito, if ``error`` is one.

    A web server or another service at --endpoint-url answers with HTML, or with a status and
    nothing botocore can read a Cognito error from; its body is never printed.
    """
    from cognito_pools.errors import ServiceError  # noqa: PLC0415 - loaded by now anyway

    if run.client is None:
        return None
    operation = error.operation if isinstance(error, ServiceError) else None
    answer = run.answers.foreign(operation)
    operation = operation or run.answers.last_operation
    if answer is None and isinstance(error, ServiceError) and not error.code.isalpha():
        answer = f"HTTP {error.status or error.code} without a Cognito error code"
    if answer is None:
        return None
    return (
        f"{PROG}: {operation or 'a call'} got {answer} from {run.client.meta.endpoint_url}, "
        "which is not an answer from Cognito; is --endpoint-url a Cognito endpoint?"
    )


def _botocore_cause(error: BaseException, kind: type[BaseException]) -> BaseException | None:
    """``error`` or the first error in its cause chain that is a ``kind``."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, kind):
            return seen
        seen = seen.__cause__
    return None


def _connection_problem(error: BaseException, run: Run, tries: int) -> str:  # noqa: PLR0911
    from botocore import exceptions as botocore_errors  # noqa: PLC0415

    endpoint = run.client.meta.endpoint_url if run.client is not None else "the endpoint"
    timeout = f"{run.args.timeout:g}s"
    if isinstance(error, botocore_errors.ReadTimeoutError):
        landed = " The change may have landed: run plan to see." if run.writing else ""
        times = f" ({tries} tries)" if tries > 1 else ""
        return (
            f"no answer from {endpoint} within {timeout}{times}; raise --timeout, or check "
            f"--endpoint-url and --region.{landed}"
        )
    if isinstance(error, botocore_errors.ConnectTimeoutError):
        return f"no connection to {endpoint} within {timeout}; check --endpoint-url and --region"
    if isinstance(error, botocore_errors.EndpointConnectionError):
        return f"cannot connect to {endpoint}; check --endpoint-url and --region"
    if isinstance(error, botocore_errors.NoRegionError):
        return "no AWS region is configured; pass --region or set AWS_DEFAULT_REGION"
    if isinstance(error, botocore_errors.NoCredentialsError):
        return "no AWS credentials found; configure them, or choose a profile with --profile"
    if isinstance(error, botocore_errors.ProfileNotFound):
        return f"{error}; check --profile and AWS_PROFILE"
    return str(error)

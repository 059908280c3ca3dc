"""Run the fleet commands: ``list``, and ``plan``, ``update`` and ``apply`` across many pools.

Input is checked before any call to AWS (the settings, the file, the saved plans). A fleet
run reports every selected pool (``unchanged``, ``changed``, ``refused``, ``stale``,
``failed``) as text or JSON, then exits 0 when every pool ended ``unchanged`` or ``changed``,
1 when any did not, and 2 (``plan --detailed-exitcode`` only) when changes are pending.
``update`` and ``apply`` ask once for the whole fleet and, without a terminal, write only with
``--yes``. On a terminal, a progress line on stderr shows pools done, the rate, the failures
and the time left.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from cognito_pools.cli.arguments import (
    EXIT_CHANGES,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    PROG,
)
from cognito_pools.cli.configfile import read_settings
from cognito_pools.cli.fleet_arguments import parse_tags
from cognito_pools.cli.rendering import Style, dump_json, format_value
from cognito_pools.cli.settings import Settings, parse_settings
from cognito_pools.fleet import (
    OUTCOMES,
    Fleet,
    FleetInterruptedError,
    FleetReport,
    PoolResult,
    Progress,
    SavedPlans,
    Selection,
    changes_document,
)

if TYPE_CHECKING:
    import argparse
    from collections.abc import Mapping

    from cognito_pools._leases import DistributedLock
    from cognito_pools.pools import Pool

__all__ = ["ProgressLine", "report_document", "report_text", "run_fleet"]

ChangeMaker = Callable[["Pool", Settings, "Mapping[str, Any] | None"], dict[str, Any]]
"""The command line's change for one pool: its ``PATH=VALUE`` settings and file, resolved
against what the pool holds (``cognito_pools.cli.commands``)."""

_ERASE = "\r\x1b[K"
_REDRAW = 0.1
"""Seconds between two drawings of the progress line, at most ten a second."""


class ProgressLine:
    """The ``done/total · rate · failures · time left`` line on a terminal's stderr."""

    def __init__(self, stream: TextIO) -> None:
        isatty = getattr(stream, "isatty", None)
        self.enabled: bool = bool(isatty is not None and isatty())
        self._stream = stream
        self._drawn = 0.0
        self._shown = False

    def __call__(self, progress: Progress) -> None:
        """Draw the line for ``progress`` (the :class:`Fleet` progress callback)."""
        now = time.monotonic()
        last = progress.done == progress.total
        if not self.enabled or (now - self._drawn < _REDRAW and not last):
            return
        self._drawn = now
        left = progress.remaining
        failures = f"{progress.failures} failed" if progress.failures else "no failures"
        text = (
            f"{progress.phase}: {progress.done}/{progress.total} pools · "
            f"{progress.rate:.1f} pools/s · {failures} · "
            f"{_duration(left) + ' left' if left is not None else 'estimating time left'}"
        )
        self._write(_ERASE + text)
        self._shown = True

    def clear(self) -> None:
        """Erase the line, if it is shown."""
        if self._shown:
            self._write(_ERASE)
            self._shown = False

    def _write(self, text: str) -> None:
        try:
            self._stream.write(text)
            self._stream.flush()
        except (OSError, ValueError):  # the terminal went away; the report still follows
            self.enabled = False


def _duration(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}m {whole % 60:02d}s" if whole >= 60 else f"{whole}s"  # noqa: PLR2004


# --- reports --------------------------------------------------------------------------------


def report_document(report: FleetReport) -> dict[str, Any]:
    """``{"pools": [{"pool_id", "pool_name", "outcome", "changes", "error"}], "summary"}``."""
    return {
        "pools": [
            {
                "pool_id": result.pool_id,
                "pool_name": result.pool_name,
                "outcome": result.outcome,
                "changes": changes_document(result.changes),
                "error": result.message,
            }
            for result in report.results
        ],
        "summary": dict(report.summary),
    }


_HEADINGS = {"plan": "would change", "update": "changed", "apply": "changed"}
_MARKERS = {"unchanged": "=", "changed": "~", "refused": "!", "stale": "!", "failed": "!"}


def report_text(report: FleetReport, style: Style) -> str:
    """One block per pool (its changes, or what went wrong), then the summary line."""
    lines: list[str] = []
    for result in report.results:
        lines += _result_lines(result, report, style)
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def _result_lines(result: PoolResult, report: FleetReport, style: Style) -> list[str]:
    outcome = _HEADINGS[report.action] if result.outcome == "changed" else result.outcome
    marker = _MARKERS[result.outcome]
    head = f"{marker} {result.pool_name} ({result.pool_id}): {outcome}"
    if result.outcome == "changed":
        count = len(result.changes)
        head += f", {count} {'setting' if count == 1 else 'settings'}"
    message = result.message
    if message is not None:
        head += f": {message}"
    lines = [style.paint(head, "bold" if result.outcome == "changed" else marker)]
    for change in changes_document(result.changes):
        old, new = format_value(change["old"]), format_value(change["new"])
        if change["old"] is None:
            sign, text = "+", new
        elif change["new"] is None:
            sign, text = "-", f"(was {old})"
        else:
            sign, text = "~", f"{old} -> {new}"
        lines.append(style.paint(f"    {sign} {change['path']}  {text}", sign))
    return lines


def summary_line(report: FleetReport) -> str:
    """``3 pools: 1 changed, 2 unchanged, 0 refused, 0 stale, 0 failed``."""
    counts = report.summary
    named = {"changed": _HEADINGS[report.action]}
    parts = [f"{counts[outcome]} {named.get(outcome, outcome)}" for outcome in OUTCOMES]
    total = len(report.results)
    return f"{total} {'pool' if total == 1 else 'pools'}: {', '.join(parts)}"


def _exit_status(report: FleetReport, *, detailed: bool = False) -> int:
    if not report.ok:
        return EXIT_FAILED
    return EXIT_CHANGES if detailed and report.pending else EXIT_OK


# --- the commands ---------------------------------------------------------------------------


class _FleetRun:
    def __init__(
        self,
        args: argparse.Namespace,
        out: TextIO,
        err: TextIO,
        stdin: TextIO,
        make_client: Callable[[argparse.Namespace], Any],
        *,
        make_lock: Callable[[], DistributedLock | None] = lambda: None,
    ) -> None:
        self.make_lock = make_lock
        self.args = args
        self.out = out
        self.err = err
        self.stdin = stdin
        self.make_client = make_client
        self.progress = ProgressLine(err)

    def fleet(self) -> Fleet:
        return Fleet(
            self.make_client(self.args),
            max_rps=self.args.max_rps,
            workers=self.args.workers,
            progress=self.progress if self.progress.enabled else None,
            lock=self.make_lock() if self.args.command in {"update", "apply"} else None,
        )

    def selection(self) -> Selection:
        args = self.args
        tags = parse_tags(args.tags)
        if isinstance(tags, str):  # checked with the other arguments already
            raise TypeError(tags)
        everything = bool(getattr(args, "all_pools", False)) or not (args.name or tags)
        return Selection(name=args.name, tags=tags, everything=everything)

    def print_report(self, report: FleetReport, *, detailed: bool = False) -> int:
        self.progress.clear()
        if not report.results:
            self.err.write(f"{PROG}: no pool matches the selection; nothing to do\n")
        if self.args.output == "json":
            dump_json(report_document(report), self.out)
        else:
            self.out.write(report_text(report, Style.for_stream(self.out)))
        return _exit_status(report, detailed=detailed)

    def interrupted(self, stop: FleetInterruptedError) -> int:
        self.print_report(stop.report)
        self.err.write(f"{PROG}: {stop}\n")
        return EXIT_INTERRUPTED

    def confirmed(self, question: str) -> bool:
        """Ask on the terminal; ``--yes`` answers for it; without a terminal the answer is no."""
        if self.args.yes:
            return True
        if not self.stdin.isatty():
            return False
        self.out.flush()
        self.err.write(f"{question} [y/N] ")
        self.err.flush()
        return self.stdin.readline().strip().lower() in {"y", "yes"}

    def refuse_unconfirmed(self, what: str) -> int:
        if not self.stdin.isatty():
            self.err.write(
                f"{PROG}: not {what} without confirmation; nothing was written (pass --yes to "
                "write from a script)\n"
            )
        else:
            self.err.write(f"{PROG}: not confirmed; nothing was written\n")
        return EXIT_FAILED


def run_fleet(
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    stdin: TextIO,
    *,
    make_client: Callable[[argparse.Namespace], Any],
    change: ChangeMaker,
    make_lock: Callable[[], DistributedLock | None] = lambda: None,
) -> int:
    """Run ``list``, or ``plan``/``update``/``apply`` on a fleet; return the exit status.

    ``make_client`` makes the ``cognito-idp`` client from the connection options; ``change``
    turns the ``PATH=VALUE`` settings (and ``--file``) into one pool's change; ``make_lock``
    makes the lock shared with other processes (``--lock-table``), if any, for the writes.
    """
    run = _FleetRun(args, out, err, stdin, make_client, make_lock=make_lock)
    try:
        if args.command == "list":
            return _list(run)
        if args.command == "plan":
            return _plan(run, change)
        if args.command == "update":
            return _update(run, change)
        return _apply(run)
    except FleetInterruptedError as stop:
        return run.interrupted(stop)
    finally:
        run.progress.clear()


def _list(run: _FleetRun) -> int:
    fleet = run.fleet()
    pools, failed = fleet.select(run.selection())
    run.progress.clear()
    if run.args.output == "json":
        rows = [{"pool_id": pool.pool_id, "pool_name": pool.pool_name} for pool in pools]
        dump_json({"pools": rows}, run.out)
    else:
        width = max((len(pool.pool_id) for pool in pools), default=0)
        run.out.writelines(f"{pool.pool_id.ljust(width)}  {pool.pool_name}\n" for pool in pools)
    for result in failed:
        run.err.write(
            f"{PROG}: could not read the tags of {result.pool_name} ({result.pool_id}): "
            f"{result.message}\n"
        )
    return EXIT_FAILED if failed else EXIT_OK


def _pool_change(run: _FleetRun, change: ChangeMaker) -> Callable[[Pool], dict[str, Any]]:
    """The change for each pool, with bad settings and files refused before any call."""
    settings = parse_settings(run.args.settings, run.args.clear)
    file = getattr(run.args, "file", None)
    desired = read_settings(file, run.stdin) if file else None
    return lambda pool: change(pool, settings, desired)


def _plan(run: _FleetRun, change: ChangeMaker) -> int:
    per_pool = _pool_change(run, change)
    out_file: str | None = run.args.out
    if out_file is not None:  # an unwritable path is found before the run, not after
        _check_writable(out_file)
    report = run.fleet().plan(run.selection(), per_pool)
    status = run.print_report(report, detailed=run.args.detailed_exitcode)
    if out_file is not None:
        saved = report.saved()
        saved.save(out_file)
        run.err.write(
            f"Saved the plans of {len(saved.pools)} pools ({saved.pending} with changes) to "
            f"{out_file}; apply them with: {PROG} apply --plan {out_file}\n"
        )
    return status


def _check_writable(path: str) -> None:
    from cognito_pools.fleet import SavedPlansError  # noqa: PLC0415 - loaded already

    try:
        with open(path, "a", encoding="utf-8"):  # noqa: PTH123 - a path from argv
            pass
    except OSError as error:
        raise SavedPlansError(f"{path}: cannot be written: {error.strerror or error}") from None


def _update(run: _FleetRun, change: ChangeMaker) -> int:
    per_pool = _pool_change(run, change)
    if not run.args.yes and not run.stdin.isatty():
        return run.refuse_unconfirmed("updating a fleet")
    fleet = run.fleet()
    if run.args.yes:
        return run.print_report(fleet.update(run.selection(), per_pool))
    planned = fleet.plan(run.selection(), per_pool)
    run.progress.clear()
    shown = run.err if run.args.output == "json" else run.out
    shown.write(report_text(planned, Style.for_stream(shown)))
    if not planned.pending:
        return run.print_report(planned) if run.args.output == "json" else _exit_status(planned)
    saved = planned.saved()
    settings = sum(len(entry.changes) for entry in saved.pools)
    if not run.confirmed(
        f"Apply {settings} setting changes to {saved.pending} of {len(planned.results)} pools?"
    ):
        return run.refuse_unconfirmed("updating a fleet")
    return run.print_report(_merged(planned, fleet.apply(saved)))


def _merged(planned: FleetReport, applied: FleetReport) -> FleetReport:
    """The plan's report, each planned pool's result replaced by what applying it did."""
    written = {result.pool_id: result for result in applied.results}
    return FleetReport(
        action="update",
        results=tuple(written.get(result.pool_id, result) for result in planned.results),
        elapsed=applied.elapsed,
        requests=applied.requests,
        throttles=applied.throttles,
        region=applied.region,
    )


def _apply(run: _FleetRun) -> int:
    saved = SavedPlans.load(run.args.plan_file)  # a bad file is refused before any call
    if not run.args.yes and not run.stdin.isatty():
        return run.refuse_unconfirmed("applying saved plans")
    settings = sum(len(entry.changes) for entry in saved.pools)
    if not run.args.yes:
        for entry in saved.pools:
            if entry.changes:
                run.err.write(
                    f"~ {entry.pool_name} ({entry.pool_id}): {len(entry.changes)} settings\n"
                )
        question = (
            f"Apply the saved plans of {len(saved.pools)} pools ({settings} setting changes to "
            f"{saved.pending} pools), each only if it is still what its change would do?"
        )
        if not run.confirmed(question):
            return run.refuse_unconfirmed("applying saved plans")
    return run.print_report(run.fleet().apply(saved))

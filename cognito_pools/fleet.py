"""Fleets: one change, or one reviewed plan, across many user pools, within Cognito's quotas.

A fleet run lists the pools of an account and Region (every page of ListUserPools), selects
some (:class:`Selection`: by name glob, by tags, by ids, or all), and then plans, updates or
applies saved plans on each selected pool through the public API of one pool
(:meth:`~cognito_pools.UserPools.get`, then :meth:`~cognito_pools.Pool.plan` and
:meth:`~cognito_pools.Pool.apply`). Nothing here merges or diffs settings itself.

Every pool ends with an :class:`Outcome`: ``unchanged``, ``changed``, ``refused`` (the change
failed validation; the problems are listed), ``stale`` (a saved plan no longer says what the
change would do; nothing was written) or ``failed`` (the error is kept). A failure never stops
the run: the other pools go on.

Pools are worked on by a pool of threads, and every request the client sends, botocore's own
retries included, first takes a turn from a rate limiter of its quota category
(:data:`QUOTA_CATEGORIES`). The limiters are shared by every fleet in the process that works on
the same account and Region, and they space requests evenly, so that no second, the first
included, holds more requests than the configured rate. Throttling should then be rare; when it
happens anyway (other tools share the quota), the failed step is retried from a fresh read.

The layers, from the bottom:

- :class:`RateLimiter`: even spacing of requests, thread-safe;
- :class:`QuotaGuard`: the limiters of one client's account and Region, hooked into the
  client's ``before-send`` event, and the requests and throttles counted;
- :class:`Fleet`: listing, selection, the worker pool, outcomes and progress;
- :class:`SavedPlans`: the JSON document a reviewed plan is kept in, and read back from.
"""

from __future__ import annotations

import collections
import concurrent.futures
import dataclasses
import datetime as dt
import fnmatch
import json
import math
import threading
import time
import weakref
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from cognito_pools._spec import as_list, as_mapping
from cognito_pools.calls import call
from cognito_pools.errors import (
    CallFailedError,
    CognitoPoolsError,
    Problem,
    ServiceError,
    StalePlanError,
    UnsendableSettingsError,
    ValidationError,
)
from cognito_pools.pools import UserPools
from cognito_pools.retries import DEFAULT_RETRIES, Retries

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    import boto3

    from cognito_pools._leases import DistributedLock
    from cognito_pools.plan import Plan, SettingChange
    from cognito_pools.pools import Pool

__all__ = [
    "DEFAULT_MAX_RPS",
    "DEFAULT_WORKERS",
    "OUTCOMES",
    "QUOTA_CATEGORIES",
    "Change",
    "Fleet",
    "FleetInterruptedError",
    "FleetReport",
    "Outcome",
    "PlannedPool",
    "PoolResult",
    "PoolSummary",
    "Progress",
    "QuotaGuard",
    "RateLimiter",
    "SavedPlans",
    "SavedPlansError",
    "Selection",
    "changes_document",
]

Outcome = Literal["unchanged", "changed", "refused", "stale", "failed"]
"""What happened to one pool. In a plan, ``changed`` means "would change"."""
OUTCOMES: tuple[Outcome, ...] = ("unchanged", "changed", "refused", "stale", "failed")
"""Every outcome, in the order reports list them."""
FAILURES: frozenset[Outcome] = frozenset({"refused", "stale", "failed"})
"""The outcomes that make a run unsuccessful."""

DEFAULT_MAX_RPS = 15.0
"""Requests per second per quota category: Cognito's default quotas for UserPoolRead and
UserPoolUpdate (per account and Region, shared with every other tool there)."""
DEFAULT_WORKERS = 8
"""Pools worked on at once. The rate limiter, not the workers, sets the pace; eight keep both
categories busy at the default rate even when each call takes a few hundred milliseconds."""
LIST_PAGE_SIZE = 60
"""The most pools ListUserPools returns in one page."""

QUOTA_CATEGORIES: Mapping[str, str] = {
    "DescribeUserPool": "UserPoolRead",
    "ListUserPools": "UserPoolRead",
    "GetUserPoolMfaConfig": "UserPoolRead",
    "UpdateUserPool": "UserPoolUpdate",
    "SetUserPoolMfaConfig": "UserPoolUpdate",
}
"""The Cognito quota category of each operation a fleet run makes (Cognito developer guide,
quotas). Requests of other operations through the same client are not limited."""

_T = TypeVar("_T")
_Item = TypeVar("_Item")
_Done = TypeVar("_Done")

_THROTTLE_CODES = frozenset({"TooManyRequestsException", "ThrottlingException"})
_HANDLER_ID = "cognito_pools.fleet"

Change = Mapping[str, Any] | Callable[["Pool"], Mapping[str, Any]]
"""The keywords of :meth:`~cognito_pools.Pool.plan` for every pool, or a function that makes
them from the pool's handle (for changes that depend on what the pool holds, such as one map
entry)."""


# --- rate limiting -------------------------------------------------------------------------------


class RateLimiter:
    """Lets requests through at most ``rate`` per second, evenly spaced, from any thread.

    Request *n* goes no earlier than ``(1 + margin) / rate`` seconds after request *n - 1*, so
    any one-second window holds at most ``rate`` requests, the first second included: there is
    no opening burst. ``margin`` (5 % by default) absorbs the jitter between the moment a thread
    is let through and the moment its request reaches Cognito. A thread that wakes late cannot
    crowd a second either: the times requests were really let through are checked too, and no
    ``rate`` of them (rounded down) fall within one second.
    """

    def __init__(
        self,
        rate: float,
        *,
        margin: float = 0.05,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._margin = margin
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next = -math.inf
        self._sent: collections.deque[float] = collections.deque()
        self._rate = self._interval = 0.0
        self._burst = 1
        self.rate = rate

    @property
    def rate(self) -> float:
        """Requests per second let through, at most."""
        return self._rate

    @rate.setter
    def rate(self, rate: float) -> None:
        if not rate > 0 or math.isinf(rate):
            raise ValueError(f"the rate must be a positive number of requests, got {rate!r}")
        with self._lock:
            self._rate = rate
            self._interval = (1 + self._margin) / rate
            self._burst = max(1, math.floor(rate))
            self._sent = collections.deque(self._sent, maxlen=self._burst)

    def acquire(self) -> float:
        """Wait for this request's turn; return the seconds waited."""
        started = self._clock()
        with self._lock:
            turn = max(started, self._next)
            self._next = turn + self._interval
        if turn > started:
            self._sleep(turn - started)
        while True:
            with self._lock:
                now = self._clock()
                sent = self._sent
                wait = sent[0] + _WINDOW - now if len(sent) == self._burst else 0.0
                if wait <= 0:
                    sent.append(now)
                    return now - started
            self._sleep(wait)


_WINDOW = 1.0 + 0.01
"""Seconds that ``rate`` requests let through must span, at least: a second, and a little."""

_guards: dict[int, tuple[weakref.ref[Any], QuotaGuard]] = {}
"""Each client's guard, by the id of its event emitter (checked through the weak reference)."""
_limiters: dict[tuple[str, str, str], RateLimiter] = {}
_limiters_guard = threading.Lock()


def _shared_limiter(account: str, region: str, category: str, rate: float) -> RateLimiter:
    """The process's limiter for one account, Region and quota category, set to ``rate``."""
    key = (account, region, category)
    with _limiters_guard:
        limiter = _limiters.get(key)
        if limiter is None:
            limiter = _limiters[key] = RateLimiter(rate)
        elif limiter.rate != rate:
            limiter.rate = rate
        return limiter


def _account_of(client: Any) -> str:
    """A name for the account the client's credentials belong to, without calling AWS.

    An access key belongs to exactly one account, so its id stands for the account; with the
    endpoint beside it, a local test server never shares a budget with AWS.
    """
    endpoint = str(getattr(client.meta, "endpoint_url", ""))
    signer: Any = getattr(client, "_request_signer", None)
    credentials: Any = getattr(signer, "_credentials", None)
    key: Any = getattr(credentials, "access_key", None) if credentials is not None else None
    return f"{key or 'unknown'}@{endpoint}"


class QuotaGuard:
    """Holds every request a client sends to the rate of its quota category.

    The guard hooks into the client's ``before-send`` event, which botocore emits for every
    HTTP request, retries included, so nothing reaches Cognito without its turn. It also counts
    the requests sent and the throttling answers received, per category. ``account`` names the
    budget: fleets (and guards) of one process with the same account and Region share one
    limiter per category. By default it stands for the client's credentials and endpoint.
    """

    def __init__(
        self, client: Any, max_rps: float = DEFAULT_MAX_RPS, *, account: str | None = None
    ) -> None:
        self.max_rps = max_rps
        """Requests per second per quota category."""
        region = str(client.meta.region_name)
        self.account: str = account or _account_of(client)
        """The name of the shared budget (see the class description)."""
        self._limiters = {
            category: _shared_limiter(self.account, region, category, max_rps)
            for category in sorted(set(QUOTA_CATEGORIES.values()))
        }
        self._counts_lock = threading.Lock()
        self.requests: dict[str, int] = dict.fromkeys(self._limiters, 0)
        """Requests sent so far, per quota category (retries included)."""
        self.throttles: dict[str, int] = dict.fromkeys(self._limiters, 0)
        """Throttling answers received so far, per quota category."""
        events = client.meta.events
        # One guard per client: a new one takes the place of the last. botocore keeps one
        # handler per unique id across all events, hence two ids.
        for event, handler, name in self._hooks():
            events.unregister(event, unique_id=name)
            events.register(event, handler, unique_id=name)
        _guards[id(events)] = (weakref.ref(events), self)

    def _hooks(self) -> list[tuple[str, Callable[..., None], str]]:
        return [
            ("before-send.cognito-idp", self._before_send, f"{_HANDLER_ID}.quota"),
            ("needs-retry.cognito-idp", self._count_throttle, f"{_HANDLER_ID}.throttles"),
        ]

    @classmethod
    def attach(
        cls, client: Any, max_rps: float = DEFAULT_MAX_RPS, *, account: str | None = None
    ) -> QuotaGuard:
        """The client's guard, set to ``max_rps``: the one it has, or a new one.

        Fleets made on one client share its guard, and so its counts (each report takes its
        own difference).
        """
        events = client.meta.events
        known = _guards.get(id(events))
        guard = known[1] if known is not None and known[0]() is events else None
        if guard is None or (account is not None and account != guard.account):
            return cls(client, max_rps, account=account)
        guard.max_rps = max_rps
        for limiter in guard._limiters.values():  # noqa: SLF001 - the class's own
            limiter.rate = max_rps
        return guard

    def _category(self, event_name: str) -> str | None:
        return QUOTA_CATEGORIES.get(event_name.rpartition(".")[2])

    def _before_send(self, event_name: str = "", **_: Any) -> None:
        category = self._category(event_name)
        if category is None:
            return
        self._limiters[category].acquire()
        with self._counts_lock:
            self.requests[category] += 1

    def _count_throttle(self, event_name: str = "", response: Any = None, **_: Any) -> None:
        category = self._category(event_name)
        if category is None or response is None:
            return
        parsed = as_mapping(response[1]) or {}
        error = as_mapping(parsed.get("Error")) or {}
        code = error.get("Code")
        if code in _THROTTLE_CODES:
            with self._counts_lock:
                self.throttles[category] += 1

    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        """A copy of the requests and throttles counted so far."""
        with self._counts_lock:
            return dict(self.requests), dict(self.throttles)


# --- pools, selections and outcomes --------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class PoolSummary:
    """A pool as ListUserPools shows it."""

    pool_id: str
    pool_name: str


@dataclasses.dataclass(frozen=True)
class Selection:
    """Which pools a run works on. Every criterion given must match (they combine with AND).

    ``name`` is a glob (``fnmatch``: ``*``, ``?``, ``[...]``) on the pool name; ``tags`` are
    ``KEY: VALUE`` pairs that must all be among the pool's tags (DescribeUserPool's
    ``UserPoolTags``); ``ids`` lists pool ids. Names, globs and tags match case-sensitively, as
    AWS tags do. ``everything=True`` selects every pool; a selection must say something.
    """

    name: str | None = None
    tags: Mapping[str, str] = dataclasses.field(default_factory=dict[str, str])
    ids: Sequence[str] = ()
    everything: bool = False

    def __post_init__(self) -> None:
        if not (self.everything or self.name is not None or self.tags or self.ids):
            raise ValueError("a selection needs a name glob, tags, ids, or everything=True")

    def matches_name(self, pool: PoolSummary) -> bool:
        """Whether the listed pool passes the name glob and the ids."""
        if self.ids and pool.pool_id not in self.ids:
            return False
        return self.name is None or fnmatch.fnmatchcase(pool.pool_name, self.name)

    def matches_tags(self, tags: Mapping[str, str] | None) -> bool:
        """Whether every tag asked for is among ``tags``, with the same value."""
        have = tags or {}
        return all(key in have and have[key] == value for key, value in self.tags.items())


@dataclasses.dataclass(frozen=True)
class PoolResult:
    """What a run did to one pool."""

    pool_id: str
    pool_name: str
    outcome: Outcome
    changes: tuple[SettingChange, ...] = ()
    """For ``changed``: the settings written (in a plan: that would be written). Else empty."""
    problems: tuple[Problem, ...] = ()
    """For ``refused``: why the change was refused."""
    error: BaseException | None = None
    """For ``refused``, ``stale`` and ``failed``: the error met."""
    plan: Plan | None = dataclasses.field(default=None, repr=False, compare=False)
    """The plan made for this pool (``unchanged`` and ``changed``)."""
    pool: Pool | None = dataclasses.field(default=None, repr=False, compare=False)
    """The pool's handle, as last read or written."""
    change: Mapping[str, Any] | None = dataclasses.field(default=None, repr=False, compare=False)
    """The keywords the plan was made from."""

    @property
    def message(self) -> str | None:
        """One line on what went wrong, or ``None`` for ``unchanged`` and ``changed``."""
        if self.outcome == "refused":
            if self.problems:
                return "refused, nothing was written: " + "; ".join(map(str, self.problems))
            return f"refused, nothing was written: {self.error}"
        if self.outcome == "stale":
            return (
                "the pool changed since the plan was made, and the same change would now do "
                "something else; nothing was written (plan again)"
            )
        if self.error is not None:
            return _error_text(self.error)
        return None


def _error_text(error: BaseException) -> str:
    if isinstance(error, CognitoPoolsError):
        return str(error).splitlines()[0]
    return f"unexpected error: {type(error).__name__}: {error}"


@dataclasses.dataclass(frozen=True)
class Progress:
    """How far a run has come; handed to the ``progress`` callback after every pool."""

    phase: Literal["select", "plan", "update", "apply"]
    done: int
    total: int
    failures: int
    """Pools that ended ``refused``, ``stale`` or ``failed`` so far."""
    elapsed: float
    """Seconds since the phase started."""

    @property
    def rate(self) -> float:
        """Pools finished per second."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def remaining(self) -> float | None:
        """Seconds left at the rate so far; ``None`` before the first pool is done."""
        return (self.total - self.done) / self.rate if self.done and self.rate else None


@dataclasses.dataclass(frozen=True)
class FleetReport:
    """Every selected pool's outcome, in the order of the selection (or of the saved plans)."""

    action: Literal["plan", "update", "apply"]
    results: tuple[PoolResult, ...]
    elapsed: float = 0.0
    """Seconds the run took, listing and selection included."""
    requests: Mapping[str, int] = dataclasses.field(default_factory=dict[str, int])
    """Requests sent during the run, per quota category."""
    throttles: Mapping[str, int] = dataclasses.field(default_factory=dict[str, int])
    """Throttling answers received during the run, per quota category."""
    region: str | None = None
    """The Region the pools are in (saved plans record it, and apply only there)."""

    @property
    def summary(self) -> dict[Outcome, int]:
        """How many pools ended with each outcome (every outcome listed, zeros included)."""
        counts = dict.fromkeys(OUTCOMES, 0)
        for result in self.results:
            counts[result.outcome] += 1
        return counts

    @property
    def ok(self) -> bool:
        """Whether every pool ended ``unchanged`` or ``changed``."""
        return not any(result.outcome in FAILURES for result in self.results)

    @property
    def pending(self) -> bool:
        """Whether any pool has changes (in a plan: changes waiting to be applied)."""
        return any(result.outcome == "changed" for result in self.results)

    def saved(self) -> SavedPlans:
        """The plans of this (plan) report's ``unchanged`` and ``changed`` pools, to apply later."""
        entries = [
            PlannedPool(
                pool_id=result.pool_id,
                pool_name=result.pool_name,
                change=dict(result.change or {}),
                accept_reset=tuple(sorted(result.plan.accepted_resets)),
                changes=changes_document(result.plan.changes),
                plan=result.plan,
                pool=result.pool,
            )
            for result in self.results
            if result.plan is not None and result.outcome in {"unchanged", "changed"}
        ]
        created = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
        return SavedPlans(region=self.region, created=created, pools=tuple(entries))


class FleetInterruptedError(CognitoPoolsError):
    """The run was interrupted (Ctrl-C). Pools not yet started were left alone.

    Pools being worked on were finished first, so no pool is left half-written; ``report``
    lists every pool that was finished.
    """

    def __init__(self, report: FleetReport, total: int) -> None:
        self.report = report
        """The outcomes of the pools finished before the run stopped."""
        self.total = total
        """How many pools the run was to work on."""
        super().__init__(
            f"interrupted after {len(report.results)} of {total} pools; the others were not touched"
        )


# --- saved plans ---------------------------------------------------------------------------------


def changes_document(changes: Iterable[SettingChange]) -> list[dict[str, Any]]:
    """Changes as JSON-ready ``{"path", "old", "new"}`` items, secrets shown as ``"***"``."""
    from cognito_pools.cli.rendering import plain, redact  # noqa: PLC0415 - the one rendering

    found = [
        {
            "path": change.path,
            "old": redact(plain(change.old), change.path),
            "new": redact(plain(change.new), change.path),
        }
        for change in changes
    ]
    normal: list[dict[str, Any]] = json.loads(json.dumps(found))  # tuples read back as lists
    return normal


class SavedPlansError(CognitoPoolsError, ValueError):
    """A saved-plans document that cannot be read, or was not made by a fleet plan."""


SAVED_PLANS_FORMAT = "cognito-pools-fleet-plan"
SAVED_PLANS_VERSION = 1


@dataclasses.dataclass(frozen=True)
class PlannedPool:
    """One pool's plan as made: the change asked for, and what it would do to the pool then.

    ``changes`` is the plan in JSON form; its ``old`` values record what the pool looked like
    where the change touches it. Applying it plans ``change`` again and writes only if the
    new plan is the same.
    """

    pool_id: str
    pool_name: str
    change: Mapping[str, Any]
    accept_reset: tuple[str, ...]
    changes: list[dict[str, Any]]
    plan: Plan | None = dataclasses.field(default=None, repr=False, compare=False)
    """The plan object, while the run that made it is still going (not saved)."""
    pool: Pool | None = dataclasses.field(default=None, repr=False, compare=False)
    """The handle the plan was made on, likewise."""


@dataclasses.dataclass(frozen=True)
class SavedPlans:
    """The plans of a fleet plan, as saved to a file and applied later by :meth:`Fleet.apply`.

    The document (:meth:`document`) is JSON::

        {"format": "cognito-pools-fleet-plan", "format_version": 1, "created": "...",
         "region": "eu-west-1",
         "pools": [{"pool_id", "pool_name", "change", "accept_reset", "changes"}]}

    ``change`` holds the keywords of :meth:`~cognito_pools.Pool.plan`, as given (a value set for
    the SMS role's external id is kept in it, so store the file accordingly); ``changes`` holds the
    plan, secrets shown as ``"***"``.
    """

    region: str | None
    created: str
    pools: tuple[PlannedPool, ...]

    @property
    def pending(self) -> int:
        """How many pools the plans would change."""
        return sum(1 for entry in self.pools if entry.changes)

    def document(self) -> dict[str, Any]:
        """The JSON document.

        Raises:
            SavedPlansError: a change holds a value JSON cannot hold (a model instance).
        """
        document = {
            "format": SAVED_PLANS_FORMAT,
            "format_version": SAVED_PLANS_VERSION,
            "created": self.created,
            "region": self.region,
            "pools": [
                {
                    "pool_id": entry.pool_id,
                    "pool_name": entry.pool_name,
                    "change": entry.change,
                    "accept_reset": list(entry.accept_reset),
                    "changes": entry.changes,
                }
                for entry in self.pools
            ],
        }
        try:
            json.dumps(document)
        except (TypeError, ValueError) as error:
            raise SavedPlansError(
                f"the change cannot be saved as JSON ({error}); give it as plain dicts, lists "
                "and values, not model instances"
            ) from None
        return document

    def save(self, path: str | Path) -> None:
        """Write the document to ``path``."""
        text = json.dumps(self.document(), indent=2, ensure_ascii=False) + "\n"
        with open(path, "w", encoding="utf-8") as file:  # noqa: PTH123 - str or Path
            file.write(text)

    @classmethod
    def from_document(cls, document: Any, source: str = "the document") -> SavedPlans:
        """Read a document made by :meth:`document`.

        Raises:
            SavedPlansError: it is not one, naming what is wrong.
        """
        if not isinstance(document, dict):
            raise SavedPlansError(f"{source}: expected a JSON object made by a fleet plan --out")
        fields = cast("dict[str, Any]", document)
        if fields.get("format") != SAVED_PLANS_FORMAT:
            raise SavedPlansError(
                f'{source}: not a saved fleet plan ("format" is not {SAVED_PLANS_FORMAT!r}); '
                "make one with 'cognito-pools plan --all|--name|--tag ... --out FILE'"
            )
        version = fields.get("format_version")
        if isinstance(version, bool) or version != SAVED_PLANS_VERSION:
            raise SavedPlansError(
                f"{source}: format_version {json.dumps(version)} is not supported; this "
                f"version reads {SAVED_PLANS_VERSION}"
            )
        pools = as_list(fields.get("pools"))
        if pools is None:
            raise SavedPlansError(f'{source}: "pools" must be a list')
        entries = [
            _planned_pool(item, f"{source}: pools[{index}]") for index, item in enumerate(pools)
        ]
        region = fields.get("region")
        return cls(
            region=region if isinstance(region, str) else None,
            created=str(fields.get("created", "")),
            pools=tuple(entries),
        )

    @classmethod
    def load(cls, path: str | Path) -> SavedPlans:
        """Read the document saved at ``path``.

        Raises:
            SavedPlansError: the file is missing, unreadable, not JSON, or not saved plans.
        """
        try:
            with open(path, encoding="utf-8") as file:  # noqa: PTH123 - str or Path
                text = file.read()
        except FileNotFoundError:
            raise SavedPlansError(f"{path}: no such file") from None
        except (OSError, UnicodeDecodeError) as error:
            raise SavedPlansError(f"{path}: cannot be read: {error}") from None
        try:
            document = json.loads(text)
        except ValueError as error:
            raise SavedPlansError(f"{path}: not valid JSON: {error}") from None
        return cls.from_document(document, str(path))


def _planned_pool(item: Any, where: str) -> PlannedPool:
    if not isinstance(item, dict):
        raise SavedPlansError(f"{where}: expected an object")
    fields = cast("dict[str, Any]", item)
    pool_id, name, change = fields.get("pool_id"), fields.get("pool_name", ""), fields.get("change")
    resets, changes = as_list(fields.get("accept_reset", [])), as_list(fields.get("changes"))
    if not isinstance(pool_id, str) or not pool_id:
        raise SavedPlansError(f'{where}: "pool_id" must be a pool id')
    if not isinstance(change, dict):
        raise SavedPlansError(f'{where}: "change" must be an object of settings')
    if changes is None or resets is None:
        raise SavedPlansError(f'{where}: "changes" and "accept_reset" must be lists')
    return PlannedPool(
        pool_id=pool_id,
        pool_name=str(name),
        change=cast("dict[str, Any]", change),
        accept_reset=tuple(str(path) for path in resets),
        changes=cast("list[dict[str, Any]]", changes),
    )


# --- the fleet -----------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class _Target:
    """A selected pool, with its handle when selecting it read the pool already."""

    summary: PoolSummary
    pool: Pool | None = None


class Fleet:
    """Plan, update and apply saved plans across the user pools of one account and Region.

    ``client``, ``session`` and ``retries`` are those of :class:`~cognito_pools.UserPools`.
    ``max_rps`` is the rate per quota category (UserPoolRead, UserPoolUpdate) that every
    request of the client, retries included, is held to (:class:`QuotaGuard`); ``account``
    names the budget the limiters share (see :class:`QuotaGuard`). ``workers`` pools are worked
    on at once.
    ``progress`` is called, from the worker threads but never concurrently, with a
    :class:`Progress` after each pool. ``lock`` is that of :class:`~cognito_pools.UserPools`:
    each pool's update holds the pool's lock while it reads and writes that pool.

    Use a client whose connection pool holds at least ``workers`` connections
    (``botocore.config.Config(max_pool_connections=...)``, 10 by default); a smaller pool works,
    but reconnects.
    """

    def __init__(
        self,
        client: Any = None,
        *,
        session: boto3.Session | None = None,
        max_rps: float = DEFAULT_MAX_RPS,
        workers: int = DEFAULT_WORKERS,
        retries: Retries = DEFAULT_RETRIES,
        account: str | None = None,
        progress: Callable[[Progress], None] | None = None,
        lock: DistributedLock | None = None,
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers!r}")
        self.pools: UserPools = UserPools(client, session=session, retries=retries, lock=lock)
        """The :class:`~cognito_pools.UserPools` every pool is read through."""
        self.client: Any = self.pools.client
        self.guard: QuotaGuard = QuotaGuard.attach(self.client, max_rps, account=account)
        """The rate limits and the counts of requests and throttles."""
        self.workers = workers
        self.retries = retries
        self.progress = progress

    # -- listing and selecting

    def list_pools(self) -> list[PoolSummary]:
        """Every pool of the account and Region, from every page of ListUserPools."""
        found: list[PoolSummary] = []
        request: dict[str, Any] = {"MaxResults": LIST_PAGE_SIZE}
        while True:
            page = self._with_retries(lambda: call(self.client, "list_user_pools", dict(request)))
            found += [
                PoolSummary(str(pool["Id"]), str(pool.get("Name", "")))
                for pool in page.get("UserPools", [])
            ]
            token = page.get("NextToken")
            if not token:
                return found
            request["NextToken"] = token

    def select(self, selection: Selection) -> tuple[list[PoolSummary], list[PoolResult]]:
        """The pools ``selection`` picks, sorted by name, and those whose tags could not be read.

        Selecting by tags reads each pool whose name matches (one DescribeUserPool each).
        """
        targets, failed = self._select(selection)
        return [target.summary for target in targets], failed

    def _select(self, selection: Selection) -> tuple[list[_Target], list[PoolResult]]:
        listed = [pool for pool in self.list_pools() if selection.matches_name(pool)]
        listed.sort(key=lambda pool: (pool.pool_name, pool.pool_id))
        if not selection.tags:
            return [_Target(pool) for pool in listed], []

        def read_tags(summary: PoolSummary) -> tuple[_Target | None, PoolResult | None]:
            try:
                pool = self._with_retries(self._getter(summary.pool_id))
            except Exception as error:  # noqa: BLE001 - reported as the pool's outcome
                return None, PoolResult(summary.pool_id, summary.pool_name, "failed", error=error)
            if selection.matches_tags(pool.config.user_pool_tags):
                return _Target(summary, pool), None
            return None, None

        found = self._map("select", listed, read_tags, lambda pair: pair[1])
        targets = [target for target, _ in found if target is not None]
        failed = [result for _, result in found if result is not None]
        return targets, failed

    # -- the three runs

    def plan(
        self, selection: Selection, change: Change, *, accept_reset: Sequence[str] = ()
    ) -> FleetReport:
        """Plan ``change`` on every selected pool; write nothing.

        ``change`` is the keywords of :meth:`~cognito_pools.Pool.plan`, or a function of the
        pool's handle that returns them. The report's :meth:`FleetReport.saved` keeps the plans for
        :meth:`apply`.
        """
        return self._run("plan", selection, change, accept_reset, write=False)

    def update(
        self, selection: Selection, change: Change, *, accept_reset: Sequence[str] = ()
    ) -> FleetReport:
        """Make ``change`` on every selected pool: plan it, and write that plan.

        A pool whose plan is empty is not written. If a pool changes between its plan and its
        write, it is planned again (up to the retries' attempts).
        """
        return self._run("update", selection, change, accept_reset, write=True)

    def apply(self, plans: SavedPlans) -> FleetReport:
        """Write saved plans, each only if planning its change now gives the same plan.

        A pool where it does not ends ``stale``, and nothing is written to it. Plans kept from
        this process's run (:meth:`FleetReport.saved` without a file in between) are applied
        with :meth:`~cognito_pools.Pool.apply` directly; read from a file, each pool is read and
        planned again, and compared with the saved plan first.
        """
        started = time.monotonic()
        before = self.guard.counts()
        region = self.client.meta.region_name
        if plans.region is not None and plans.region != region:
            raise SavedPlansError(
                f"the plans were made in {plans.region}, and this client works in {region}; "
                "nothing was written"
            )
        results = self._map("apply", list(plans.pools), self._apply_one, _result)
        return self._report("apply", results, started, before)

    def _run(
        self,
        action: Literal["plan", "update"],
        selection: Selection,
        change: Change,
        accept_reset: Sequence[str],
        *,
        write: bool,
    ) -> FleetReport:
        started = time.monotonic()
        before = self.guard.counts()
        targets, failed = self._select(selection)

        def one(target: _Target) -> PoolResult:
            return self._plan_one(target, change, accept_reset, write=write)

        try:
            results = self._map(action, targets, one, _result)
        except FleetInterruptedError as stop:
            report = self._report(action, _by_name(*stop.report.results, *failed), started, before)
            raise FleetInterruptedError(report, stop.total + len(failed)) from None
        return self._report(action, _by_name(*results, *failed), started, before)

    def _report(
        self,
        action: Literal["plan", "update", "apply"],
        results: Sequence[PoolResult],
        started: float,
        before: tuple[dict[str, int], dict[str, int]],
    ) -> FleetReport:
        requests, throttles = self.guard.counts()
        return FleetReport(
            action=action,
            results=tuple(results),
            elapsed=time.monotonic() - started,
            requests={key: count - before[0].get(key, 0) for key, count in requests.items()},
            throttles={key: count - before[1].get(key, 0) for key, count in throttles.items()},
            region=self.client.meta.region_name,
        )

    # -- one pool

    def _plan_one(
        self, target: _Target, change: Change, accept_reset: Sequence[str], *, write: bool
    ) -> PoolResult:
        summary = target.summary
        keywords: Mapping[str, Any] | None = None
        try:
            for _ in range(self.retries.attempts):
                pool = target.pool or self._with_retries(self._getter(summary.pool_id))
                target = _Target(summary)  # a second round reads the pool again
                keywords = change(pool) if callable(change) else change
                plan = self._with_retries(_planner(pool, keywords, accept_reset))
                if not plan or not write:
                    break
                try:
                    pool = self._with_retries(_applier(pool, plan))
                    break
                except StalePlanError:
                    continue  # changed between the plan and the write: plan again
            else:
                raise StalePlanError(  # noqa: TRY301 - reported like every other failure
                    f"user pool {summary.pool_id} kept changing during the run"
                )
        except Exception as error:  # noqa: BLE001 - every failure is the pool's outcome
            return _failure(summary, error, keywords)
        return _written(summary, plan, pool, keywords)

    def _apply_one(self, entry: PlannedPool) -> PoolResult:
        summary = PoolSummary(entry.pool_id, entry.pool_name)
        try:
            plan, pool = entry.plan, entry.pool
            if plan is None or pool is None:
                pool = self._with_retries(self._getter(entry.pool_id))
                plan = self._with_retries(_planner(pool, entry.change, entry.accept_reset))
                if changes_document(plan.changes) != entry.changes:
                    return PoolResult(
                        summary.pool_id,
                        summary.pool_name,
                        "stale",
                        error=StalePlanError(f"user pool {entry.pool_id} changed since the plan"),
                        change=entry.change,
                    )
            if plan:
                pool = self._with_retries(_applier(pool, plan))
        except Exception as error:  # noqa: BLE001 - every failure is the pool's outcome
            return _failure(summary, error, entry.change)
        return _written(summary, plan, pool, entry.change)

    def _getter(self, pool_id: str) -> Callable[[], Pool]:
        return lambda: self.pools.get(pool_id)

    def _with_retries(self, step: Callable[[], _T]) -> _T:
        """Run ``step``, again after a pause when it fails with a transient error.

        The library retries within a step already; this covers a step whose own retries ran
        out while other tools throttled the account. Every step starts from a fresh read.
        """
        for round_number in range(1, self.retries.attempts + 1):
            try:
                return step()
            except (ServiceError, CallFailedError) as error:  # noqa: PERF203 - a retry loop
                if not error.transient or round_number == self.retries.attempts:
                    raise
                time.sleep(self.retries.delay(round_number))
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises

    # -- the worker pool

    def _map(
        self,
        phase: Literal["select", "plan", "update", "apply"],
        items: Sequence[_Item],
        work: Callable[[_Item], _Done],
        failure_of: Callable[[_Done], PoolResult | None],
    ) -> list[_Done]:
        """Run ``work`` on every item with the worker pool; results in the items' order.

        On Ctrl-C, items not started are dropped, those started are finished, and
        :class:`FleetInterruptedError` carries the results so far.
        """
        total = len(items)
        results: list[_Done | None] = [None] * total
        started = time.monotonic()
        counted = threading.Lock()
        state = {"done": 0, "failures": 0}

        def run(index: int) -> None:
            done = work(items[index])
            results[index] = done
            with counted:
                state["done"] += 1
                failure = failure_of(done)
                if failure is not None and failure.outcome in FAILURES:
                    state["failures"] += 1
                if self.progress is not None:
                    elapsed = time.monotonic() - started
                    self.progress(Progress(phase, state["done"], total, state["failures"], elapsed))

        executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=min(self.workers, max(total, 1)), thread_name_prefix="cognito-pools-fleet"
        )
        futures = [executor.submit(run, index) for index in range(total)]
        try:
            for future in concurrent.futures.as_completed(futures):
                future.result()
        except KeyboardInterrupt:
            executor.shutdown(wait=True, cancel_futures=True)
            finished = [result for result in results if result is not None]
            partial = [r for r in (failure_of(done) for done in finished) if r is not None]
            raise FleetInterruptedError(
                FleetReport(action=_action(phase), results=tuple(partial)), total
            ) from None
        executor.shutdown(wait=True)
        return [result for result in results if result is not None]


def _planner(
    pool: Pool, keywords: Mapping[str, Any], accept_reset: Sequence[str]
) -> Callable[[], Plan]:
    return lambda: pool.plan(accept_reset=accept_reset, **cast("Any", keywords))


def _applier(pool: Pool, plan: Plan) -> Callable[[], Pool]:
    return lambda: pool.apply(plan)


def _by_name(*results: PoolResult) -> list[PoolResult]:
    """Results in the order of the selection: by pool name, then id."""
    return sorted(results, key=lambda result: (result.pool_name, result.pool_id))


def _result(done: PoolResult) -> PoolResult:
    return done


def _action(phase: str) -> Literal["plan", "update", "apply"]:
    return "apply" if phase == "apply" else "update" if phase == "update" else "plan"


def _written(
    summary: PoolSummary, plan: Plan, pool: Pool, change: Mapping[str, Any] | None
) -> PoolResult:
    """The result of a pool whose plan was written (``changed``) or had nothing to write."""
    outcome: Outcome = "changed" if plan else "unchanged"
    return PoolResult(
        summary.pool_id,
        summary.pool_name,
        outcome,
        changes=plan.changes,
        plan=plan,
        pool=pool,
        change=change,
    )


def _failure(
    summary: PoolSummary, error: Exception, change: Mapping[str, Any] | None
) -> PoolResult:
    """The result of a pool whose work raised ``error``."""
    if isinstance(error, ValidationError):
        outcome: Outcome = "refused"
        problems = error.problems
    elif isinstance(error, UnsendableSettingsError):
        outcome, problems = "refused", tuple(Problem(path, str(error)) for path in error.paths)
    elif isinstance(error, StalePlanError):
        outcome, problems = "stale", ()
    else:
        outcome, problems = "failed", ()
    return PoolResult(
        summary.pool_id,
        summary.pool_name,
        outcome,
        problems=problems,
        error=error,
        change=change,
    )

"""A handle on one resource as last read: plan, update and apply, the same for every resource.

:class:`Handle` runs the engine (:mod:`cognito_pools.engine`) for the resource its subclass
describes. An update checks the change before any call, then, under the resource's locks (one writer
per resource in a process, and with ``lock=`` one across processes and machines:
:mod:`cognito_pools.lock`), reads afresh, merges, plans and writes; a transient failure
starts that again from a fresh read (:mod:`cognito_pools.retries`). A subclass adds what its
resource needs beyond one update call (the pool's MFA setup) by overriding :meth:`_prepare`
and :meth:`_write`.
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING, Any, ClassVar, Generic, NamedTuple, TypeVar

from cognito_pools import engine
from cognito_pools._leases import hold_resource
from cognito_pools.calls import logger
from cognito_pools.describe import describe, update_input_shape
from cognito_pools.errors import PoolChangedError, StalePlanError, ValidationError
from cognito_pools.grammar import diff_settings, same_settings
from cognito_pools.plan import Plan
from cognito_pools.request import subject
from cognito_pools.retries import Retries, resource_lock, retrying

if TYPE_CHECKING:
    import threading
    from collections.abc import Collection, Mapping

    from typing_extensions import Self

    from cognito_pools._leases import DistributedLock
    from cognito_pools._spec import BotocoreShape
    from cognito_pools.describe import Described
    from cognito_pools.errors import Problem
    from cognito_pools.grammar import SettingChange, Settings
    from cognito_pools.resource import Resource

__all__ = ["Handle", "Prepared"]

ConfigT = TypeVar("ConfigT")
_NO_RESETS: frozenset[str] = frozenset()


class Prepared(NamedTuple):
    """An update worked out from a fresh read, ready to write."""

    described: Described[Any]
    settings: Settings
    """The settings after the update, in wire form."""
    plan: Plan
    extra: Any = None
    """What a subclass's own step adds (the pool's MFA step)."""
    restore: Mapping[str, Any] | None = None
    """The update call's kwargs that put the resource back, where it is written first."""
    changes: tuple[SettingChange, ...] = ()
    """The changes of the update call alone."""


class Handle(Generic[ConfigT]):
    """The resource as last read, and the way to change it.

    :attr:`config` is a snapshot; :meth:`update` and :meth:`plan` always work on a fresh read,
    so a stale handle never writes stale settings back.
    """

    resource: ClassVar[Resource]
    """The description of what this handle reads and writes."""

    __slots__ = (
        "_client",
        "_described",
        "_ids",
        "_lock",
        "_retries",
        "_shared_lock",
        "_update_shape",
        "_verify",
    )

    def _setup(
        self,
        client: Any,
        ids: Mapping[str, str],
        described: Described[ConfigT] | None,
        *,
        retries: Retries,
        verify: bool,
        lock: DistributedLock | None,
    ) -> None:
        self._client = client
        self._shared_lock = lock
        self._ids = dict(ids)
        self._described = described
        self._retries = retries
        self._verify = verify
        self._update_shape: BotocoreShape = None
        self._lock: threading.RLock | None = None

    @property
    def config(self) -> ConfigT:
        """Every setting the update call can write, as of the last read or update."""
        return self._read().config

    def _read(self) -> Described[ConfigT]:
        if self._described is None:  # a handle made only to write, by UserPools.update
            self._described = describe(self._client, self.resource, self._ids)
        return self._described

    def _with(self, described: Described[ConfigT]) -> Self:
        """A handle on the same resource after ``described`` (the lock and shape carried)."""
        handle = self._handle(described)
        handle._update_shape = self._update_shape  # noqa: SLF001 - a handle of this class
        handle._lock = self._lock  # noqa: SLF001
        return handle

    def _handle(self, described: Described[ConfigT]) -> Self:
        raise NotImplementedError

    def _input_shape(self) -> BotocoreShape:
        """The client's input shape of the update call: every update asks, and it never changes."""
        if self._update_shape is None:
            self._update_shape = update_input_shape(self._client, self.resource)
        return self._update_shape

    def _subject(self) -> str:
        return subject(self.resource, self._ids)

    # -- the steps, each run afresh for every try --------------------------------------------

    def _check(self, changes: Mapping[str, Any], accept_reset: Collection[str]) -> list[Problem]:
        last = self._described.settings if self._described is not None else None
        return engine.check_change(
            self.resource,
            changes,
            self._input_shape(),
            last_read=last,
            accept_reset=accept_reset,
        )

    def _prepare(
        self, changes: Mapping[str, Any], accept_reset: Collection[str], attempt: int = 1
    ) -> Prepared:
        """Check, read afresh, merge and plan; everything an update does short of writing."""
        problems = self._check(changes, accept_reset)
        if problems:
            raise ValidationError(problems)
        prepared, problems = engine.prepare(
            self._client,
            self.resource,
            self._ids,
            changes,
            self._input_shape(),
            accept_reset=accept_reset,
            attempt=attempt,
        )
        if problems:
            raise ValidationError(problems)
        plan = self._plan(prepared.changes, changes, accept_reset, request=prepared.request)
        return Prepared(prepared.described, prepared.settings, plan, changes=prepared.changes)

    def _plan(
        self,
        changes: tuple[SettingChange, ...],
        requested: Mapping[str, Any],
        accept_reset: Collection[str],
        **requests: Mapping[str, Any] | None,
    ) -> Plan:
        return Plan(
            self._ids["UserPoolId"],
            changes,
            requested=dict(requested),
            accepted_resets=frozenset(accept_reset) if accept_reset else _NO_RESETS,
            client_id=self._ids.get("ClientId"),
            **requests,
        )

    def _write(self, prepared: Prepared, round_number: int) -> Self:
        """Send the update call, if the plan has one; return the handle after it."""
        plan = prepared.plan
        if plan.request is not None:
            paths = [change.path for change in plan.changes]
            engine.write(
                self._client, self.resource, plan.request, attempt=round_number, paths=paths
            )
            self._log_written(paths, round_number)
        return self._with(prepared.described.with_settings(prepared.settings))

    def _log_written(self, paths: list[str], round_number: int) -> None:
        if paths and logger.isEnabledFor(logging.INFO):
            pool_id = self._ids["UserPoolId"]
            logger.info(
                "updated %s: %s",
                self._subject(),
                ", ".join(paths),
                extra={"pool_id": pool_id, "paths": tuple(paths), "attempt": round_number},
            )

    def _confirm(self, plan: Plan) -> None:
        """Read back and compare (``verify``); a subclass with a second API reads that too."""
        from cognito_pools.verify import confirm_landed  # noqa: PLC0415 - only when verifying

        confirm_landed(self._client, self.resource, self._ids, plan)

    # -- the public verbs ---------------------------------------------------------------------

    def _plan_change(self, changes: Mapping[str, Any], accept_reset: Collection[str]) -> Plan:
        return self._prepare(changes, accept_reset).plan

    def _update(
        self,
        changes: Mapping[str, Any],
        accept_reset: Collection[str],
        *,
        guard: Settings | None = None,
        expected: Plan | None = None,
        verify: bool | None,
    ) -> Self:
        """Read, merge and write under the resource's lock, each try from a fresh read."""
        structure = self.resource.structure

        def attempt(round_number: int) -> tuple[Self, Plan]:
            prepared = self._prepare(changes, accept_reset, round_number)
            fresh = prepared.described.settings
            if guard is not None and not same_settings(guard, fresh, structure):
                paths = [change.path for change in diff_settings(guard, fresh, structure)]
                raise PoolChangedError(
                    f"{self._subject()} changed since it was read ({', '.join(paths)}); "
                    "nothing was written",
                    paths,
                )
            if expected is not None and prepared.plan != expected:
                raise StalePlanError(
                    f"{self._subject()} changed since the plan was made; nothing was written. "
                    f"The same change would now do this:\n{prepared.plan}"
                )
            return self._write(prepared, round_number), prepared.plan

        if self._lock is None:
            self._lock = resource_lock(self._client, *self._ids.values())
        with self._lock, self._hold_shared_lock(changes, accept_reset):
            updated: Self
            written: Plan
            updated, written = retrying(self._retries, attempt)
            if written and (self._verify if verify is None else verify):
                self._confirm(written)
        return updated

    def _hold_shared_lock(
        self, changes: Mapping[str, Any], accept_reset: Collection[str]
    ) -> contextlib.AbstractContextManager[object]:
        """The lock shared with other processes, if the handle has one (else nothing to hold).

        Bad input is refused first, so that a change that cannot be written costs no call,
        the lock's included.
        """
        if self._shared_lock is None:
            return contextlib.nullcontext()
        problems = self._check(changes, accept_reset)
        if problems:
            raise ValidationError(problems)
        purpose = f"update {self._subject()}: {', '.join(changes) or 'nothing'}"
        resource_id = "/".join(self._ids.values())
        return hold_resource(self._shared_lock, self._client, resource_id, purpose)

    def _apply(
        self, plan: Plan, *, verify: bool | None, accept_reset: Collection[str] | None
    ) -> Self:
        mine = (self._ids["UserPoolId"], self._ids.get("ClientId"))
        if (plan.pool_id, plan.client_id) != mine:
            raise StalePlanError(f"the plan is for {plan.subject}, not {self._subject()}")
        accepted = plan.accepted_resets if accept_reset is None else accept_reset
        return self._update(plan.requested, accepted, expected=plan, verify=verify)

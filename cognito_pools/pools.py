"""The client: read a pool, plan a change, and write it without resetting anything else.

An update runs describe → merge → validate → request → update_user_pool:

1. the change is checked on its own, before any call;
2. a fresh DescribeUserPool is taken inside the call, and the change merged into it;
3. the merged settings are checked where the change touched them;
4. one ``update_user_pool`` call sends every setting, and nothing when nothing changed. If the
   pool has settings the installed botocore cannot send, the update is refused unless the
   caller accepts their reset (``accept_reset``).

Steps 2 to 4 run under a lock for the pool (one writer per pool in a process; with ``lock=``,
also across processes: :mod:`cognito_pools.lock`), and a transient failure starts them again
from a fresh read (:mod:`cognito_pools.retries`); every call goes through
:mod:`cognito_pools.calls`. ``verify`` adds a read-back (:mod:`cognito_pools.verify`).

``mfa`` goes through its own API, GetUserPoolMfaConfig → SetUserPoolMfaConfig, because
UpdateUserPool cannot turn MFA on; :mod:`cognito_pools.mfa` is that step. When a change needs
both calls and the second fails, the first is undone.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from botocore.exceptions import BotoCoreError

from cognito_pools._leases import hold_resource
from cognito_pools.calls import call, logger
from cognito_pools.converter import same_members
from cognito_pools.describe import DescribedPool, describe_pool
from cognito_pools.errors import (
    CallFailedError,
    PoolChangedError,
    StalePlanError,
    ValidationError,
)
from cognito_pools.merge import merge_settings
from cognito_pools.plan import Plan, SettingChange, diff_settings, same_settings
from cognito_pools.request import update_request, without_unsendable
from cognito_pools.retries import DEFAULT_RETRIES, Retries, pool_lock, retrying
from cognito_pools.rules import (
    MFA_KEYWORD,
    MFA_MODE,
    POOL,
    TAGS,
    reserved_tag_problems,
    settle,
    unsent_legacy_as_reported,
)
from cognito_pools.validate import check_change, check_merged, check_setting_paths
from cognito_pools.verify import confirm_landed

if TYPE_CHECKING:
    import threading
    from collections.abc import Collection, Mapping

    import boto3
    from typing_extensions import Unpack

    from cognito_pools.changes import UserPoolChange
    from cognito_pools.errors import Problem
    from cognito_pools.lock import DistributedLock
    from cognito_pools.merge import Settings
    from cognito_pools.mfa import MfaStep
    from cognito_pools.models import UserPoolConfig, UserPoolFacts, UserPoolMfaConfig

__all__ = ["Pool", "UserPools"]

_MFA_MODE = next(m.value for m in POOL.members if m.name == MFA_MODE)
"""Stands in for ``mfa`` among the accepted names; :mod:`cognito_pools.mfa` checks its value."""
_EXTRA = {MFA_KEYWORD: _MFA_MODE}
"""The keyword a change takes beyond the pool's settings."""
_REPLACED = {MFA_MODE: MFA_KEYWORD}
"""The setting a change may not name, and the keyword that stands in for it."""
_NO_RESETS: frozenset[str] = frozenset()


class UserPools:
    """Entry point: reads user pools through one ``cognito-idp`` client.

    Pass your own boto3 client (its region, credentials and retry ``Config`` are used as they
    are), or a boto3 ``Session`` to create one from, or nothing to use boto3's default session.

    ``retries`` says how updates retry transient failures, each time reading the pool afresh
    (:class:`Retries`; ``Retries.off()`` for none). ``verify=True`` makes every update read the
    pool back after writing and raise :class:`ChangeOverwrittenError` if another writer changed a
    setting it wrote; that costs a third call, so it is off by default.

    ``lock`` (a :class:`DynamoDBLock`, or any :class:`~cognito_pools.DistributedLock`)
    makes updates take turns with those of other processes and machines: every read-merge-write
    of a pool holds the pool's lock, from the read to the last write. Reading a pool takes no
    lock. Without it, updates take turns within this process only.
    """

    def __init__(
        self,
        client: Any = None,
        *,
        session: boto3.Session | None = None,
        retries: Retries = DEFAULT_RETRIES,
        verify: bool = False,
        lock: DistributedLock | None = None,
    ) -> None:
        if client is not None and session is not None:
            raise TypeError("pass either a client or a session, not both")
        if client is None:
            if session is None:
                import boto3  # noqa: PLC0415 - only when the caller brings no client

                session = boto3.Session()
            try:
                client = cast("Any", session).client("cognito-idp")
            except BotoCoreError as error:  # no region configured, most often
                raise CallFailedError(f"could not create a cognito-idp client: {error}") from error
        self.client: Any = client
        """The botocore ``cognito-idp`` client every call goes through."""
        self.retries = retries
        """How updates of the pools read through this object retry transient failures."""
        self.verify = verify
        """Whether updates read the pool back to confirm their change landed."""
        self.lock = lock
        """The lock shared with other processes that updates hold, if any."""

    def get(self, pool_id: str) -> Pool:
        """Describe the pool and return a handle on its current settings.

        Raises:
            PoolNotFoundError: no pool with this id is visible to the client.
            ServiceError: Cognito refused the call for another reason.
        """
        described = _describe(self.client, pool_id)
        return Pool(
            self.client,
            pool_id,
            described,
            retries=self.retries,
            verify=self.verify,
            lock=self.lock,
        )

    def __repr__(self) -> str:
        return f"UserPools(region={self.client.meta.region_name!r})"


class Pool:
    """A user pool as last read, and the way to change it.

    ``config`` and ``facts`` are a snapshot; :meth:`update` and :meth:`plan` always work on a
    fresh read, so a stale handle never writes stale settings back.
    """

    __slots__ = (
        "_client",
        "_described",
        "_lock",
        "_retries",
        "_shared_lock",
        "_update_shape",
        "_verify",
        "id",
    )

    def __init__(
        self,
        client: Any,
        pool_id: str,
        described: DescribedPool,
        *,
        retries: Retries = DEFAULT_RETRIES,
        verify: bool = False,
        lock: DistributedLock | None = None,
    ) -> None:
        self._client = client
        self._described = described
        self._retries = retries
        self._verify = verify
        self._shared_lock = lock
        self._update_shape: Any = None
        self._lock: threading.RLock | None = None
        self.id = pool_id
        """The user pool id, e.g. ``us-east-1_AbC123``."""

    @property
    def config(self) -> UserPoolConfig:
        """Every setting UpdateUserPool can write, as of the last read or update."""
        return self._described.config

    @property
    def facts(self) -> UserPoolFacts:
        """What DescribeUserPool reports but UpdateUserPool cannot change: ARN, dates and so on."""
        return self._described.facts

    def __repr__(self) -> str:
        return f"Pool(id={self.id!r}, name={self._described.settings.get('PoolName')!r})"

    def refresh(self) -> Pool:
        """Describe the pool again and return a new handle."""
        return self._with(_describe(self._client, self.id))

    def _with(self, described: DescribedPool) -> Pool:
        pool = Pool(
            self._client,
            self.id,
            described,
            retries=self._retries,
            verify=self._verify,
            lock=self._shared_lock,
        )
        # Both depend only on the client and the pool id, and every update asks for them.
        pool._update_shape, pool._lock = self._update_shape, self._lock
        return pool

    def _input_shape(self) -> Any:
        """The client's UpdateUserPool input shape: every update asks, and it never changes."""
        shape = self._update_shape
        if shape is None:
            service = self._client.meta.service_model
            shape = self._update_shape = service.operation_model("UpdateUserPool").input_shape
        return shape

    def get_mfa_config(self) -> UserPoolMfaConfig:
        """Read the pool's whole MFA setup now, with one GetUserPoolMfaConfig call.

        DescribeUserPool (and so :attr:`config`) shows only the MFA mode; this shows the
        factors too: SMS, the authenticator app (TOTP), email, and passkeys (WebAuthn).

        Raises:
            ServiceError: Cognito refused the call.
        """
        from cognito_pools import mfa  # noqa: PLC0415 - the MFA step loads for MFA only

        return mfa.read_mfa_setup(self._client, self.id)[0]

    def plan(
        self, *, accept_reset: Collection[str] = (), **changes: Unpack[UserPoolChange]
    ) -> Plan:
        """Show what :meth:`update` would change, without writing anything.

        Takes the same keywords as :meth:`update` and reads the pool afresh.
        """
        return self._prepare(changes, accept_reset).plan

    def update(
        self,
        *,
        if_unchanged: bool = False,
        verify: bool | None = None,
        accept_reset: Collection[str] = (),
        **changes: Unpack[UserPoolChange],
    ) -> Pool:
        """Change the named settings and keep every other one as it is.

        Each keyword is a setting of :class:`~cognito_pools.models.UserPoolConfig`, plus ``mfa``.
        Leave a setting out to keep it, pass ``None`` to clear it, or pass a value to set it.
        Nested mappings merge into the current structure; a model instance replaces it whole;
        lists and maps are replaced whole.

        ``mfa`` takes the MFA setup: a mode (``"OFF"``, ``"ON"``, ``"OPTIONAL"``), a partial
        mapping of :class:`~cognito_pools.changes.UserPoolMfaConfigChange` merged the same
        way, or a whole :class:`~cognito_pools.models.UserPoolMfaConfig`.

        The pool is read afresh inside the call, and a transient failure is retried by reading
        and merging again (see :class:`Retries`). Updates of one pool within a process take turns.

        Args:
            if_unchanged: write only if the pool's settings are still those this handle read;
                otherwise raise :class:`PoolChangedError` and write nothing.
            verify: read the pool back after writing (a third call) and raise
                :class:`ChangeOverwrittenError` if a setting written is not there. Defaults to
                the ``verify`` given to :class:`UserPools`.
            accept_reset: setting paths (``"key_configuration"``, ``"sms_configuration.eums_sms"``)
                that the installed botocore cannot send and that you accept Cognito resetting.
                Without it, an update of a pool that has such settings is refused.
            **changes: the settings to change. Every setting, with its type, allowed values
                and the botocore release that added it, is listed in the
                :doc:`settings reference </settings>` (``docs/settings.md``).

        Returns:
            A handle on the pool with the new settings.

        Raises:
            ValidationError: the change was refused; nothing was written.
            UnsendableSettingsError: the pool has settings the installed botocore cannot send,
                and ``accept_reset`` does not name them; nothing was written.
            PoolChangedError: ``if_unchanged`` was given and the pool had changed.
            ChangeOverwrittenError: ``verify`` found another writer's value in a setting written.
            ServiceError: Cognito refused a call, or a transient failure outlasted the retries.
                If it was the second of two writes (MFA and the other settings), the first was
                undone.
            PartiallyAppliedError: the second of two writes failed and undoing the first failed
                too; the error lists what landed.
        """
        guard = self._described.settings if if_unchanged else None
        return self._update(changes, accept_reset, guard=guard, verify=verify)

    def apply(
        self,
        plan: Plan,
        *,
        verify: bool | None = None,
        accept_reset: Collection[str] | None = None,
    ) -> Pool:
        """Write a plan shown earlier, but only if it still says what the update would do.

        The pool is read afresh and the plan's change merged again. If the result differs
        from ``plan`` (someone changed the pool in between), nothing is written.
        ``accept_reset`` is that of :meth:`update`; by default, the one the plan was made with.

        Raises:
            StalePlanError: the plan is out of date; nothing was written.
            ValidationError: the change is no longer valid; nothing was written.
            ServiceError: Cognito refused a call.
        """
        if plan.pool_id != self.id:
            raise StalePlanError(f"the plan is for pool {plan.pool_id}, not {self.id}")
        accepted = plan.accepted_resets if accept_reset is None else accept_reset
        return self._update(plan.requested, accepted, expected=plan, verify=verify)

    def _update(
        self,
        changes: Mapping[str, Any],
        accept_reset: Collection[str],
        *,
        guard: Settings | None = None,
        expected: Plan | None = None,
        verify: bool | None,
    ) -> Pool:
        """Read, merge and write under the pool's lock, retrying each round from a fresh read."""

        def attempt(round_number: int) -> tuple[Pool, Plan]:
            prepared = self._prepare(changes, accept_reset, round_number)
            fresh = prepared.described.settings
            if guard is not None and not same_settings(guard, fresh, POOL):
                paths = [change.path for change in diff_settings(guard, fresh, POOL)]
                raise PoolChangedError(
                    f"user pool {self.id} changed since it was read ({', '.join(paths)}); "
                    "nothing was written",
                    paths,
                )
            if expected is not None and prepared.plan != expected:
                raise StalePlanError(
                    f"user pool {self.id} changed since the plan was made; nothing was written. "
                    f"The same change would now do this:\n{prepared.plan}"
                )
            return self._write(prepared, round_number), prepared.plan

        if self._lock is None:
            self._lock = pool_lock(self._client, self.id)
        if self._shared_lock is not None:  # bad input is refused before any call, the lock's too
            self._refuse_bad_input(changes, accept_reset, self._input_shape())
        purpose = f"update user pool {self.id}: {', '.join(changes) or 'nothing'}"
        with self._lock, hold_resource(self._shared_lock, self._client, self.id, purpose):
            updated, written = retrying(self._retries, attempt)
            if written and (self._verify if verify is None else verify):
                confirm_landed(self._client, written)
        return updated

    def _write(self, prepared: _Prepared, round_number: int) -> Pool:
        plan, step = prepared.plan, prepared.mfa_step
        # Only the log records need the paths (DEBUG for the call, INFO below).
        logged = logger.isEnabledFor(logging.INFO)
        paths = [change.path for change in plan.changes] if logged else []
        if step is not None:
            from cognito_pools import mfa  # noqa: PLC0415 - the MFA step loads for MFA only

            mfa.write(
                self._client,
                step,
                update=plan.request,
                restore_update=prepared.restore_update,
                pool_changes=prepared.pool_changes,
                attempt=round_number,
            )
        elif plan.request is not None:
            call(self._client, "update_user_pool", plan.request, attempt=round_number, paths=paths)
        if plan and logged:
            logger.info(
                "updated user pool %s: %s",
                self.id,
                ", ".join(paths),
                extra={"pool_id": self.id, "paths": tuple(paths), "attempt": round_number},
            )
        after = prepared.settings
        if step is not None:
            after = step.settings_after(after, updated=plan.request is not None)
        return self._with(prepared.described.with_settings(after))

    def _check(
        self,
        changes: Mapping[str, Any],
        settings: Mapping[str, Any],
        accept_reset: Collection[str],
        input_shape: Any,
    ) -> list[Problem]:
        """Everything that can be judged before any call, reported together."""
        # A botocore with the models' own members can send whatever the models name.
        runtime_shape = None if same_members(input_shape, POOL) else input_shape
        problems = check_change(
            settings, POOL, runtime_shape=runtime_shape, extra=_EXTRA, replaced=_REPLACED
        )
        if MFA_KEYWORD in changes:
            from cognito_pools import mfa  # noqa: PLC0415 - the MFA step loads for MFA only

            service = self._client.meta.service_model
            mfa_shape = service.operation_model("SetUserPoolMfaConfig").input_shape
            problems += mfa.check_mfa_change(changes[MFA_KEYWORD], mfa_shape)
        # Judged against the last read for now, so that it is reported with the rest before any
        # call; the fresh read judges it again.
        if "user_pool_tags" in changes:
            problems += reserved_tag_problems(self._described.settings.get(TAGS) or {}, changes)
        if accept_reset:
            problems += check_setting_paths(accept_reset, POOL, "accept_reset")
        return problems

    def _refuse_bad_input(
        self, changes: Mapping[str, Any], accept_reset: Collection[str], input_shape: Any
    ) -> Mapping[str, Any]:
        """Raise :class:`ValidationError` for what is wrong with the change on its own.

        Returns the change's pool settings (the change without ``mfa``).
        """
        settings = (
            {k: v for k, v in changes.items() if k != MFA_KEYWORD}
            if MFA_KEYWORD in changes
            else changes
        )
        problems = self._check(changes, settings, accept_reset, input_shape)
        if problems:
            raise ValidationError(problems)
        return settings

    def _prepare(
        self, changes: Mapping[str, Any], accept_reset: Collection[str], attempt: int = 1
    ) -> _Prepared:
        """Check, read afresh, merge and plan; everything an update does short of writing.

        The settings stay in wire form throughout: the merge copies what the change touches,
        and every other setting goes from the fresh describe into the request untouched.
        """
        input_shape = self._input_shape()
        settings = self._refuse_bad_input(changes, accept_reset, input_shape)

        described = describe_pool(self._client, self.id, attempt=attempt, update_shape=input_shape)
        old = described.settings
        merged = merge_settings(old, settings, POOL)
        new, problems = settle(old, merged, settings)
        problems += check_merged(new, settings, input_shape)
        reported = unsent_legacy_as_reported(old, new)
        # Where no rule touched the merge, the diff need look only where the change did.
        only_merged = new is merged and reported is old
        changed = diff_settings(reported, new, POOL, merged=settings if only_merged else None)
        if changed:
            sendable = without_unsendable(self.id, described.raw, new, input_shape, accept_reset)
            if sendable is not new:
                new = sendable
                changed = diff_settings(unsent_legacy_as_reported(old, new), new, POOL)
        else:
            new = old  # what is equivalent to the pool's settings is the pool's settings
        step: MfaStep | None = None
        if MFA_KEYWORD in changes:
            from cognito_pools import mfa  # noqa: PLC0415 - the MFA step loads for MFA only

            step, mfa_problems = mfa.prepare_mfa(
                self._client,
                self.id,
                changes[MFA_KEYWORD],
                old_pool=old,
                new_pool=new,
                pool_change=settings,
                updates_pool=bool(changed),
                attempt=attempt,
            )
            problems += mfa_problems
        if problems:
            raise ValidationError(problems)

        request = restore = None
        if changed:  # the plan decides: no listed change, no write
            sent = step.settings_for_update(new) if step is not None else new
            request = update_request(self.id, sent, described.raw, input_shape)
            if step is not None and step.update_first:  # undone if SetUserPoolMfaConfig fails
                original = step.settings_before(old)
                restore = update_request(self.id, original, described.raw, input_shape)
        plan = Plan(
            self.id,
            changed + step.changes if step is not None else changed,
            request=request,
            mfa_request=step.request if step is not None else None,
            requested=dict(changes),
            accepted_resets=frozenset(accept_reset) if accept_reset else _NO_RESETS,
        )
        return _Prepared(described, new, plan, step, restore, changed)


class _Prepared(NamedTuple):
    described: DescribedPool
    settings: Settings
    """The merged settings, in wire form."""
    plan: Plan
    mfa_step: MfaStep | None
    """What the change does to the MFA setup; ``None`` when it has no ``mfa``."""
    restore_update: Mapping[str, Any] | None
    """The ``update_user_pool`` kwargs that put the pool back, if it is written first."""
    pool_changes: tuple[SettingChange, ...]


def _describe(client: Any, pool_id: str, attempt: int = 1) -> DescribedPool:
    return describe_pool(client, pool_id, attempt=attempt)

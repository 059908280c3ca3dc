"""The client: read a pool, plan a change, and write it without resetting anything else.

:class:`UserPools` is the entry point; :class:`Pool` is a handle on one pool, run by the engine
(:mod:`cognito_pools.handle`, :mod:`cognito_pools.engine`) from the pool's description
(:mod:`cognito_pools.resources.pool`):

1. the change is checked on its own, before any call;
2. a fresh DescribeUserPool is taken inside the call, and the change merged into it;
3. the merged settings are checked where the change touched them;
4. one ``update_user_pool`` call sends every setting, and nothing when nothing changed.

``mfa`` goes through its own API, GetUserPoolMfaConfig → SetUserPoolMfaConfig, because
UpdateUserPool cannot turn MFA on; :mod:`cognito_pools.mfa` is that step, which :class:`Pool`
adds to the engine's. When a change needs both calls and the second fails, the first is undone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from botocore.exceptions import BotoCoreError

from cognito_pools import engine
from cognito_pools.describe import Described, describe
from cognito_pools.errors import CallFailedError, ValidationError
from cognito_pools.handle import Handle, Prepared
from cognito_pools.request import update_request
from cognito_pools.resources.pool import POOL_RESOURCE
from cognito_pools.retries import DEFAULT_RETRIES, Retries
from cognito_pools.rules import MFA_KEYWORD, MFA_MODE, POOL

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

    import boto3
    from typing_extensions import Unpack

    from cognito_pools._leases import DistributedLock
    from cognito_pools.app_clients import AppClient, AppClientSummary
    from cognito_pools.changes import UserPoolChange, UserPoolClientChange
    from cognito_pools.errors import Problem
    from cognito_pools.mfa import MfaStep
    from cognito_pools.models import UserPoolConfig, UserPoolFacts, UserPoolMfaConfig
    from cognito_pools.plan import Plan

__all__ = ["Pool", "UserPools"]

_MFA_MODE = next(m.value for m in POOL.members if m.name == MFA_MODE)
"""Stands in for ``mfa`` among the accepted names; :mod:`cognito_pools.mfa` checks its value."""
_EXTRA = {MFA_KEYWORD: _MFA_MODE}
"""The keyword a change takes beyond the pool's settings."""
_REPLACED = {MFA_MODE: MFA_KEYWORD}
"""The setting a change may not name, and the keyword that stands in for it."""


class UserPools:
    """Entry point: reads and changes user pools through one ``cognito-idp`` client.

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
        return self._pool(pool_id, describe(self.client, POOL_RESOURCE, {"UserPoolId": pool_id}))

    def update(
        self,
        pool_id: str,
        *,
        verify: bool | None = None,
        accept_reset: Collection[str] = (),
        **changes: Unpack[UserPoolChange],
    ) -> Pool:
        """Change the named settings of a pool and keep every other one: :meth:`Pool.update`.

        Two calls, DescribeUserPool and UpdateUserPool (one when nothing changes), plus
        GetUserPoolMfaConfig and SetUserPoolMfaConfig when the change names ``mfa``. There is
        no earlier read to compare with, so ``if_unchanged`` needs a handle from :meth:`get`.

        Returns:
            A handle on the pool with the new settings.
        """
        pool = self._pool(pool_id, None)  # nothing read yet: the update reads afresh anyway
        return pool.update(verify=verify, accept_reset=accept_reset, **changes)

    def plan(
        self,
        pool_id: str,
        *,
        accept_reset: Collection[str] = (),
        **changes: Unpack[UserPoolChange],
    ) -> Plan:
        """Show what :meth:`update` would change, without writing anything.

        One call, DescribeUserPool (and GetUserPoolMfaConfig when the change names ``mfa``).
        """
        return self._pool(pool_id, None).plan(accept_reset=accept_reset, **changes)

    def _pool(self, pool_id: str, described: Described[UserPoolConfig] | None) -> Pool:
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

    # -- app clients (cognito_pools.app_clients) --------------------------------------------------

    def app_clients(self, pool_id: str) -> list[AppClientSummary]:
        """List the pool's app clients (every page of ListUserPoolClients)."""
        from cognito_pools.app_clients import list_app_clients  # noqa: PLC0415

        return list_app_clients(self.client, pool_id)

    def app_client(self, pool_id: str, client_id: str) -> AppClient:
        """Describe an app client and return a handle on its current settings.

        Raises:
            PoolNotFoundError: no such pool or app client is visible to the client.
        """
        return self._app_client(pool_id, client_id).refresh()

    def update_app_client(
        self,
        pool_id: str,
        client_id: str,
        *,
        verify: bool | None = None,
        accept_reset: Collection[str] = (),
        **changes: Unpack[UserPoolClientChange],
    ) -> AppClient:
        """Change an app client's named settings and keep every other one.

        Two calls (DescribeUserPoolClient, UpdateUserPoolClient), one when nothing changes;
        see :meth:`AppClient.update`.
        """
        handle = self._app_client(pool_id, client_id)
        return handle.update(verify=verify, accept_reset=accept_reset, **changes)

    def plan_app_client(
        self, pool_id: str, client_id: str, **changes: Unpack[UserPoolClientChange]
    ) -> Plan:
        """What :meth:`update_app_client` would change, from one DescribeUserPoolClient."""
        return self._app_client(pool_id, client_id).plan(**changes)

    def _app_client(self, pool_id: str, client_id: str) -> AppClient:
        """A handle that has read nothing yet: its first update or plan reads the app client."""
        from cognito_pools.app_clients import AppClient  # noqa: PLC0415

        return AppClient(
            self.client,
            pool_id,
            client_id,
            None,
            retries=self.retries,
            verify=self.verify,
            lock=self.lock,
        )


class Pool(Handle["UserPoolConfig"]):
    """A user pool as last read, and the way to change it.

    ``config`` and ``facts`` are a snapshot; :meth:`update` and :meth:`plan` always work on a
    fresh read, so a stale handle never writes stale settings back.
    """

    resource = POOL_RESOURCE
    __slots__ = ("id",)

    def __init__(
        self,
        client: Any,
        pool_id: str,
        described: Described[UserPoolConfig] | None,
        *,
        retries: Retries = DEFAULT_RETRIES,
        verify: bool = False,
        lock: DistributedLock | None = None,
    ) -> None:
        self._setup(
            client,
            {"UserPoolId": pool_id},
            described,
            retries=retries,
            verify=verify,
            lock=lock,
        )
        self.id: str = pool_id
        """The user pool id, e.g. ``us-east-1_AbC123``."""

    def _handle(self, described: Described[UserPoolConfig]) -> Pool:
        return Pool(
            self._client,
            self.id,
            described,
            retries=self._retries,
            verify=self._verify,
            lock=self._shared_lock,
        )

    @property
    def config(self) -> UserPoolConfig:
        """Every setting UpdateUserPool can write, as of the last read or update."""
        return self._read().config

    @property
    def facts(self) -> UserPoolFacts:
        """What DescribeUserPool reports but UpdateUserPool cannot change: ARN, dates and so on."""
        from cognito_pools.converter import read_facts  # noqa: PLC0415 - only on demand

        return read_facts(self._read().raw)

    def __repr__(self) -> str:
        name = self._described.settings.get("PoolName") if self._described is not None else None
        return f"Pool(id={self.id!r}, name={name!r})"

    def refresh(self) -> Pool:
        """Describe the pool again and return a new handle."""
        return self._with(describe(self._client, self.resource, self._ids))

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
        return self._plan_change(changes, accept_reset)

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
        guard = self._read().settings if if_unchanged else None
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
        return self._apply(plan, verify=verify, accept_reset=accept_reset)

    # -- the MFA step, beside the engine's --------------------------------------------------

    def _check(self, changes: Mapping[str, Any], accept_reset: Collection[str]) -> list[Problem]:
        settings = _without_mfa(changes)
        last = self._described.settings if self._described is not None else None
        problems = engine.check_change(
            self.resource,
            settings,
            self._input_shape(),
            last_read=last,
            accept_reset=accept_reset,
            extra=_EXTRA,
            replaced=_REPLACED,
        )
        if MFA_KEYWORD in changes:
            from cognito_pools import mfa  # noqa: PLC0415 - the MFA step loads for MFA only

            service = self._client.meta.service_model
            mfa_shape = service.operation_model("SetUserPoolMfaConfig").input_shape
            problems += mfa.check_mfa_change(changes[MFA_KEYWORD], mfa_shape)
        return problems

    def _prepare(
        self, changes: Mapping[str, Any], accept_reset: Collection[str], attempt: int = 1
    ) -> Prepared:
        if MFA_KEYWORD not in changes:
            return super()._prepare(changes, accept_reset, attempt)
        from cognito_pools import mfa  # noqa: PLC0415 - the MFA step loads for MFA only

        problems = self._check(changes, accept_reset)
        if problems:
            raise ValidationError(problems)
        settings = _without_mfa(changes)
        input_shape = self._input_shape()
        prepared, problems = engine.prepare(
            self._client,
            self.resource,
            self._ids,
            settings,
            input_shape,
            accept_reset=accept_reset,
            attempt=attempt,
        )
        old, new, changed = prepared.described.settings, prepared.settings, prepared.changes
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
            raw = prepared.described.raw
            request = update_request(
                self.resource, self._ids, step.settings_for_update(new), raw, input_shape
            )
            if step.update_first:  # undone if SetUserPoolMfaConfig fails
                original = step.settings_before(old)
                restore = update_request(self.resource, self._ids, original, raw, input_shape)
        plan = self._plan(
            changed + step.changes,
            changes,
            accept_reset,
            request=request,
            mfa_request=step.request,
        )
        return Prepared(prepared.described, new, plan, step, restore, changed)

    def _write(self, prepared: Prepared, round_number: int) -> Pool:
        step: MfaStep | None = prepared.extra
        if step is None:
            return super()._write(prepared, round_number)
        from cognito_pools import mfa  # noqa: PLC0415 - the MFA step loads for MFA only

        plan = prepared.plan
        mfa.write(
            self._client,
            step,
            update=plan.request,
            restore_update=prepared.restore,
            pool_changes=prepared.changes,
            attempt=round_number,
        )
        self._log_written([change.path for change in plan.changes], round_number)
        after = step.settings_after(prepared.settings, updated=plan.request is not None)
        return self._with(prepared.described.with_settings(after))

    def _confirm(self, plan: Plan) -> None:
        from cognito_pools.verify import confirm_landed  # noqa: PLC0415 - only when verifying

        confirm_landed(self._client, self.resource, self._ids, plan, with_mfa=True)


def _without_mfa(changes: Mapping[str, Any]) -> Mapping[str, Any]:
    if MFA_KEYWORD not in changes:
        return changes
    return {k: v for k, v in changes.items() if k != MFA_KEYWORD}

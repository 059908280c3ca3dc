"""The client: read a pool, plan a change, and write it without resetting anything else.

An update runs describe → merge → validate → request → update_user_pool:

1. the change is checked on its own, before any call;
2. a fresh DescribeUserPool is taken inside the call, and the change merged into it;
3. the merged settings are checked where the change touched them;
4. one ``update_user_pool`` call sends every setting, and nothing when nothing changed. If the
   pool has settings the installed botocore cannot send, the update is refused unless the
   caller accepts their reset (``accept_reset``).

``mfa`` goes through its own API, GetUserPoolMfaConfig → SetUserPoolMfaConfig, before the
UpdateUserPool call (the order Terraform uses), because UpdateUserPool cannot turn MFA on. If
Cognito then refuses the UpdateUserPool call, the previous MFA setup is written back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import attrs
from botocore.exceptions import BotoCoreError

from cognito_pools._schema import STRUCTURES
from cognito_pools.calls import call
from cognito_pools.describe import DescribedPool, describe_pool, read_mfa_config
from cognito_pools.errors import (
    CallFailedError,
    CognitoPoolsError,
    StalePlanError,
    ValidationError,
)
from cognito_pools.merge import apply_change, evolve
from cognito_pools.models import SoftwareTokenMfaConfig, UserPoolConfig, UserPoolMfaConfig
from cognito_pools.plan import Plan, SettingChange, diff
from cognito_pools.request import mfa_request, update_request, without_unsendable
from cognito_pools.rules import (
    clear_to_defaults,
    complete_created_defaults,
    follow_pairs,
    keep_reserved_tags,
    reserved_tag_problems,
    unsent_legacy_as_reported,
)
from cognito_pools.validate import check_change, check_merged, check_setting_paths

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

    import boto3
    from typing_extensions import Unpack

    from cognito_pools.changes import UserPoolChange
    from cognito_pools.models import UserPoolFacts, UserPoolMfaType

__all__ = ["Pool", "UserPools"]

MFA_KEYWORD = "mfa"
MFA_MEMBER = "mfa_configuration"
_MFA_MODE = next(m.value for m in STRUCTURES[UserPoolConfig].members if m.name == MFA_MEMBER)
"""What ``mfa`` accepts: the values of UpdateUserPool's MfaConfiguration."""


class UserPools:
    """Entry point: reads user pools through one ``cognito-idp`` client.

    Pass your own boto3 client (its region, credentials and retry ``Config`` are used as they
    are), or a boto3 ``Session`` to create one from, or nothing to use boto3's default session.
    """

    def __init__(self, client: Any = None, *, session: boto3.Session | None = None) -> None:
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

    def get(self, pool_id: str) -> Pool:
        """Describe the pool and return a handle on its current settings.

        Raises:
            PoolNotFoundError: no pool with this id is visible to the client.
            ServiceError: Cognito refused the call for another reason.
        """
        return Pool(self.client, pool_id, _describe(self.client, pool_id))

    def __repr__(self) -> str:
        return f"UserPools(region={self.client.meta.region_name!r})"


class Pool:
    """A user pool as last read, and the way to change it.

    ``config`` and ``facts`` are a snapshot; :meth:`update` and :meth:`plan` always work on a
    fresh read, so a stale handle never writes stale settings back.
    """

    __slots__ = ("_client", "_described", "id")

    def __init__(self, client: Any, pool_id: str, described: DescribedPool) -> None:
        self._client = client
        self._described = described
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
        return f"Pool(id={self.id!r}, name={self.config.pool_name!r})"

    def refresh(self) -> Pool:
        """Describe the pool again and return a new handle."""
        return Pool(self._client, self.id, _describe(self._client, self.id))

    def plan(
        self, *, accept_reset: Collection[str] = (), **changes: Unpack[UserPoolChange]
    ) -> Plan:
        """Show what :meth:`update` would change, without writing anything.

        Takes the same keywords as :meth:`update` and reads the pool afresh.
        """
        return self._prepare(changes, accept_reset).plan

    def update(
        self, *, accept_reset: Collection[str] = (), **changes: Unpack[UserPoolChange]
    ) -> Pool:
        """Change the named settings and keep every other one as it is.

        Each keyword is a setting of :class:`~cognito_pools.models.UserPoolConfig`, plus ``mfa``.
        Leave a setting out to keep it, pass ``None`` to clear it, or pass a value to set it.
        Nested mappings merge into the current structure; a model instance replaces it whole;
        lists and maps are replaced whole.

        Args:
            accept_reset: setting paths (``"key_configuration"``, ``"sms_configuration.eums_sms"``)
                that the installed botocore cannot send and that you accept Cognito resetting.
                Without it, an update of a pool that has such settings is refused.
            **changes: the settings to change.

        Returns:
            A handle on the pool with the new settings.

        Raises:
            ValidationError: the change was refused; nothing was written.
            UnsendableSettingsError: the pool has settings the installed botocore cannot send,
                and ``accept_reset`` does not name them; nothing was written.
            ServiceError: Cognito refused a call.
        """
        return self._write(self._prepare(changes, accept_reset))

    def apply(self, plan: Plan, *, accept_reset: Collection[str] | None = None) -> Pool:
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
        prepared = self._prepare(plan.requested, accepted)
        if prepared.plan != plan:
            raise StalePlanError(
                f"user pool {self.id} changed since the plan was made; nothing was written. "
                f"The same change would now do this:\n{prepared.plan}"
            )
        return self._write(prepared)

    def _write(self, prepared: _Prepared) -> Pool:
        plan = prepared.plan
        if plan.mfa_request is not None:
            call(self._client, "set_user_pool_mfa_config", plan.mfa_request)
        if plan.request is not None:
            try:
                call(self._client, "update_user_pool", plan.request)
            except CognitoPoolsError as error:
                if prepared.mfa_rollback is not None:
                    # Put MFA back as it was, so a refused update leaves nothing half-applied.
                    _restore_mfa(self._client, prepared.mfa_rollback, error)
                raise
        described = evolve(prepared.described, config=prepared.config)
        return Pool(self._client, self.id, described)

    def _prepare(self, changes: Mapping[str, Any], accept_reset: Collection[str]) -> _Prepared:
        """Check, read afresh, merge and plan; everything an update does short of writing."""
        service = self._client.meta.service_model
        input_shape = service.operation_model("UpdateUserPool").input_shape
        problems = check_change(
            changes,
            UserPoolConfig,
            runtime_shape=input_shape,
            extra={MFA_KEYWORD: _MFA_MODE},
            replaced={MFA_MEMBER: MFA_KEYWORD},
        )
        # Judged against the last read for now, so that it is reported with the rest before any
        # call; the fresh read below judges it again.
        problems += reserved_tag_problems(self.config, changes)
        problems += check_setting_paths(accept_reset, UserPoolConfig, "accept_reset")
        if problems:
            raise ValidationError(problems)

        described = _describe(self._client, self.id)
        settings = {k: v for k, v in changes.items() if k != MFA_KEYWORD}
        old = described.config
        # Defaults go in before the pairs follow, so a legacy twin follows the default too.
        merged = clear_to_defaults(old, apply_change(old, settings, UserPoolConfig), settings)
        new, problems = follow_pairs(merged, settings)
        new = complete_created_defaults(old, new, settings)
        new, tag_problems = keep_reserved_tags(old, new, settings)
        problems += tag_problems + check_merged(new, settings, input_shape)
        if problems:
            raise ValidationError(problems)

        mfa = _MfaStep()
        mode: UserPoolMfaType | None = changes.get(MFA_KEYWORD)
        if mode is not None:
            new = evolve(new, mfa_configuration=mode)
            mfa = self._prepare_mfa(mode)
        changed = diff(unsent_legacy_as_reported(old, new), new)
        request = None
        if changed:  # the plan decides: no listed change, no write
            new = without_unsendable(self.id, described.raw, new, input_shape, accept_reset)
            changed = diff(unsent_legacy_as_reported(old, new), new)
            request = update_request(self.id, new, described.raw, input_shape)
        else:
            new = old  # what is equivalent to the pool's settings is the pool's settings
        plan = Plan(
            self.id,
            changed + mfa.changes,
            request=request,
            mfa_request=mfa.request,
            requested=dict(changes),
            accepted_resets=frozenset(accept_reset),
        )
        return _Prepared(described, new, plan, mfa.rollback)

    def _prepare_mfa(self, mode: UserPoolMfaType) -> _MfaStep:
        """Read the MFA setup afresh and work out the SetUserPoolMfaConfig call for ``mode``."""
        raw = call(self._client, "get_user_pool_mfa_config", {"UserPoolId": self.id})
        old = read_mfa_config(raw)
        new = _with_mode(old, mode)
        if new == old:
            return _MfaStep()
        shape = self._client.meta.service_model.operation_model("SetUserPoolMfaConfig").input_shape
        # Turning MFA off drops every factor, including any this version cannot name.
        carried = None if mode == "OFF" else raw
        return _MfaStep(
            # The mode itself is listed once, as mfa_configuration.
            changes=tuple(c for c in diff(old, new, "mfa.") if c.path != "mfa.mfa_configuration"),
            request=mfa_request(self.id, new, carried, shape),
            rollback=mfa_request(self.id, old, raw, shape),
        )


@attrs.frozen
class _MfaStep:
    changes: tuple[SettingChange, ...] = ()
    request: Mapping[str, Any] | None = None
    rollback: Mapping[str, Any] | None = None
    """The call that restores the MFA setup if the UpdateUserPool call after it fails."""


@attrs.frozen
class _Prepared:
    described: DescribedPool
    config: UserPoolConfig
    plan: Plan
    mfa_rollback: Mapping[str, Any] | None


def _with_mode(current: UserPoolMfaConfig, mode: UserPoolMfaType) -> UserPoolMfaConfig:
    """The MFA setup with ``mode`` applied, following the service's rules for each mode."""
    if mode == current.mfa_configuration:
        return current
    if mode == "OFF":
        # Turning MFA off together with a configured factor is refused, so only passkeys stay.
        return UserPoolMfaConfig(
            mfa_configuration="OFF", web_authn_configuration=current.web_authn_configuration
        )
    updated = evolve(current, mfa_configuration=mode)
    token = current.software_token_mfa_configuration
    has_factor = (
        current.sms_mfa_configuration is not None
        or current.email_mfa_configuration is not None
        or (token is not None and bool(token.enabled))
    )
    if not has_factor:
        # ON or OPTIONAL needs at least one factor; an authenticator app needs no other setup.
        updated = evolve(
            updated, software_token_mfa_configuration=SoftwareTokenMfaConfig(enabled=True)
        )
    return updated


def _restore_mfa(client: Any, request: Mapping[str, Any], error: CognitoPoolsError) -> None:
    try:
        call(client, "set_user_pool_mfa_config", request)
    except CognitoPoolsError as restore_error:
        # The update's own error is the one to raise; say that MFA could not be put back.
        note = f"The MFA setup was already changed and could not be restored: {restore_error}"
        error.args = (f"{error}\n{note}",)


def _describe(client: Any, pool_id: str) -> DescribedPool:
    return describe_pool(client, pool_id)

"""App clients: read one, plan a change, and write it without resetting anything else.

UpdateUserPoolClient resets every member it is not given, just as UpdateUserPool does, so an
app client goes through the same describe → merge → rules → diff → request → write as a pool:
the app client's own rules are in :mod:`cognito_pools.client_rules`, and everything else is the
pool's machinery, called with the app client's table.

>>> app = pools.app_client("us-east-1_AbC123", "1example23456789")   # doctest: +SKIP
>>> app = app.update(callback_urls=["https://example.com/callback"])  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import logging
from typing import TYPE_CHECKING, Any, NamedTuple

from cognito_pools import client_rules
from cognito_pools.calls import call, logger
from cognito_pools.client_rules import CLIENT
from cognito_pools.converter import fit_to_shape
from cognito_pools.errors import (
    ChangeOverwrittenError,
    CognitoPoolsError,
    PoolChangedError,
    StalePlanError,
    ValidationError,
)
from cognito_pools.merge import merge_settings
from cognito_pools.plan import Plan, diff_settings, same_settings, settings_leaves
from cognito_pools.retries import DEFAULT_RETRIES, Retries, pool_lock, retrying
from cognito_pools.validate import check_change

if TYPE_CHECKING:
    import threading
    from collections.abc import Collection, Mapping

    from typing_extensions import Unpack

    from cognito_pools.changes import UserPoolClientChange
    from cognito_pools.merge import Settings
    from cognito_pools.models import UserPoolClientConfig, UserPoolClientFacts

__all__ = [
    "AppClient",
    "AppClientPlan",
    "AppClientSummary",
    "describe_app_client",
    "list_app_clients",
]

IDENTIFIERS = ("UserPoolId", "ClientId")
"""The members that name the app client in its requests."""


class AppClientSummary(NamedTuple):
    """One app client of a pool, as ListUserPoolClients names it."""

    client_id: str
    client_name: str


@dataclasses.dataclass(frozen=True)
class AppClientPlan(Plan):
    """The settings an update would change on one app client. Empty when nothing would change."""

    client_id: str = ""

    def __str__(self) -> str:
        where = f"app client {self.client_id} of user pool {self.pool_id}"
        if not self.changes:
            return f"No changes to {where}."
        count = len(self.changes)
        noun = "setting" if count == 1 else "settings"
        lines = [
            f"App client {self.client_id} (user pool {self.pool_id}): {count} {noun} to change"
        ]
        lines += [f"  {change}" for change in self.changes]
        return "\n".join(lines)


class DescribedAppClient:
    """One DescribeUserPoolClient answer: the raw form, and its writable settings."""

    __slots__ = ("raw", "settings")

    def __init__(self, raw: Mapping[str, Any], input_shape: Any) -> None:
        self.raw = raw
        """The ``UserPoolClient`` member of the answer (secret included: never print it)."""
        writable = _writable(input_shape)
        settings = {name: value for name, value in raw.items() if name in writable}
        self.settings: Settings = client_rules.as_reported(settings, raw)
        """The members UpdateUserPoolClient takes, with the write-only one read from its effect."""


def _writable(input_shape: Any) -> frozenset[str]:
    """The members of the runtime UpdateUserPoolClient input, without the identifiers."""
    return frozenset(input_shape.members) - frozenset(IDENTIFIERS)


def list_app_clients(client: Any, pool_id: str) -> list[AppClientSummary]:
    """Every app client of the pool, all pages of ListUserPoolClients."""
    found: list[AppClientSummary] = []
    request: dict[str, Any] = {"UserPoolId": pool_id, "MaxResults": 60}
    while True:
        answer = call(client, "list_user_pool_clients", request)
        found += [
            AppClientSummary(str(item["ClientId"]), str(item.get("ClientName", "")))
            for item in answer.get("UserPoolClients", [])
        ]
        token = answer.get("NextToken")
        if not token:
            return found
        request = {**request, "NextToken": token}


def describe_app_client(
    client: Any, pool_id: str, client_id: str, *, attempt: int = 1
) -> DescribedAppClient:
    """Call DescribeUserPoolClient and read the answer."""
    request = {"UserPoolId": pool_id, "ClientId": client_id}
    answer = call(client, "describe_user_pool_client", request, attempt=attempt)
    input_shape = client.meta.service_model.operation_model("UpdateUserPoolClient").input_shape
    return DescribedAppClient(answer["UserPoolClient"], input_shape)


class AppClient:
    """An app client as last read, and the way to change it.

    ``config`` and ``facts`` are a snapshot; :meth:`update` and :meth:`plan` always work on a
    fresh read. The client secret is in no repr, plan, log line or error.
    """

    __slots__ = ("_client", "_described", "_lock", "_retries", "_verify", "id", "pool_id")

    def __init__(
        self,
        client: Any,
        pool_id: str,
        client_id: str,
        described: DescribedAppClient | None,
        *,
        retries: Retries = DEFAULT_RETRIES,
        verify: bool = False,
    ) -> None:
        self._client = client
        self._described = described  # None: not read yet (a handle made only to update or plan)
        self._retries = retries
        self._verify = verify
        self._lock: threading.RLock | None = None
        self.pool_id = pool_id
        """The id of the user pool the app client belongs to."""
        self.id = client_id
        """The app client id."""

    @property
    def client_id(self) -> str:
        """The app client id (the same as :attr:`id`)."""
        return self.id

    @property
    def _read(self) -> DescribedAppClient:
        if self._described is None:
            self._described = describe_app_client(self._client, self.pool_id, self.id)
        return self._described

    @property
    def config(self) -> UserPoolClientConfig:
        """Every setting UpdateUserPoolClient can write, as of the last read or update."""
        from cognito_pools.converter import converter  # noqa: PLC0415 - models on first need
        from cognito_pools.models import UserPoolClientConfig  # noqa: PLC0415

        return converter().structure(self._read.settings, UserPoolClientConfig)

    @property
    def facts(self) -> UserPoolClientFacts:
        """What the describe reports but UpdateUserPoolClient cannot change (secret unshown)."""
        from cognito_pools.converter import converter  # noqa: PLC0415 - models on first need
        from cognito_pools.models import UserPoolClientFacts  # noqa: PLC0415

        return converter().structure(self._read.raw, UserPoolClientFacts)

    def __repr__(self) -> str:
        name = self._described.settings.get("ClientName") if self._described else None
        return f"AppClient(pool_id={self.pool_id!r}, id={self.id!r}, name={name!r})"

    def refresh(self) -> AppClient:
        """Describe the app client again and return a new handle."""
        return self._with(describe_app_client(self._client, self.pool_id, self.id))

    def _with(self, described: DescribedAppClient) -> AppClient:
        handle = AppClient(
            self._client,
            self.pool_id,
            self.id,
            described,
            retries=self._retries,
            verify=self._verify,
        )
        handle._lock = self._lock
        return handle

    def plan(self, **changes: Unpack[UserPoolClientChange]) -> Plan:
        """Show what :meth:`update` would change, without writing anything (one describe)."""
        return self._prepare(changes).plan

    def update(
        self,
        *,
        if_unchanged: bool = False,
        verify: bool | None = None,
        accept_reset: Collection[str] = (),
        **changes: Unpack[UserPoolClientChange],
    ) -> AppClient:
        """Change the named settings and keep every other one as it is.

        Each keyword is a setting of :class:`~cognito_pools.models.UserPoolClientConfig`. Leave
        a setting out to keep it, pass ``None`` to clear it (a setting the describe always
        reports goes back to its documented default), or pass a value to set it. Nested
        mappings merge into the current structure; lists are replaced whole.

        Args:
            if_unchanged: write only if the app client's settings are still those this handle
                read; otherwise raise :class:`PoolChangedError` and write nothing.
            verify: read the app client back after writing and raise
                :class:`ChangeOverwrittenError` if a setting written is not there.
            accept_reset: accepted for symmetry with :meth:`Pool.update`; app-client settings
                the installed botocore cannot send are refused with the other problems.
            **changes: the settings to change (see the settings reference).

        Raises:
            ValidationError: the change was refused; nothing was written.
            PoolChangedError: ``if_unchanged`` was given and the app client had changed.
            ChangeOverwrittenError: ``verify`` found another writer's value in a setting written.
            ServiceError: Cognito refused a call, or a transient failure outlasted the retries.
        """
        del accept_reset  # every member of the models can be sent by the botocore floor
        guard = self._read.settings if if_unchanged else None
        return self._update(changes, guard=guard, verify=verify)

    def apply(self, plan: Plan, *, verify: bool | None = None) -> AppClient:
        """Write a plan shown earlier, but only if it still says what the update would do.

        Raises:
            StalePlanError: the plan is out of date (or for another app client); nothing was
                written.
        """
        if getattr(plan, "client_id", None) != self.id or plan.pool_id != self.pool_id:
            raise StalePlanError(f"the plan is not for app client {self.id} of {self.pool_id}")
        return self._update(plan.requested, expected=plan, verify=verify)

    # -- the update -------------------------------------------------------------------------------

    def _update(
        self,
        changes: Mapping[str, Any],
        *,
        guard: Settings | None = None,
        expected: Plan | None = None,
        verify: bool | None,
    ) -> AppClient:
        def attempt(round_number: int) -> tuple[AppClient, _Prepared]:
            prepared = self._prepare(changes, round_number)
            fresh = prepared.described.settings
            if guard is not None and not same_settings(guard, fresh, CLIENT):
                paths = [change.path for change in diff_settings(guard, fresh, CLIENT)]
                raise PoolChangedError(
                    f"app client {self.id} changed since it was read ({', '.join(paths)}); "
                    "nothing was written",
                    paths,
                )
            if expected is not None and prepared.plan != expected:
                raise StalePlanError(
                    f"app client {self.id} changed since the plan was made; nothing was "
                    f"written. The same change would now do this:\n{prepared.plan}"
                )
            return self._write(prepared, round_number), prepared

        if self._lock is None:
            self._lock = pool_lock(self._client, f"{self.pool_id}/{self.id}")
        with self._lock:
            updated, prepared = retrying(self._retries, attempt)
            if prepared.plan and (self._verify if verify is None else verify):
                self._confirm_landed(prepared.plan)
        return updated

    def _write(self, prepared: _Prepared, round_number: int) -> AppClient:
        plan = prepared.plan
        if plan.request is None:
            return self._with(prepared.described)
        paths = [change.path for change in plan.changes]
        call(
            self._client,
            "update_user_pool_client",
            plan.request,
            attempt=round_number,
            paths=paths,
        )
        if logger.isEnabledFor(logging.INFO):
            logger.info(
                "updated app client %s of user pool %s: %s",
                self.id,
                self.pool_id,
                ", ".join(paths),
                extra={"pool_id": self.pool_id, "client_id": self.id, "paths": tuple(paths)},
            )
        after = DescribedAppClient.__new__(DescribedAppClient)
        after.raw, after.settings = prepared.described.raw, prepared.settings
        return self._with(after)

    def _confirm_landed(self, plan: Plan) -> None:
        try:
            described = describe_app_client(self._client, self.pool_id, self.id)
        except CognitoPoolsError as error:
            error.args = (f"{error}\nThe update was written; reading it back to verify it failed.",)
            raise
        observed = dict(settings_leaves(described.settings, CLIENT))
        overwritten = [c.path for c in plan.changes if observed.get(c.path) != c.new]
        if overwritten:
            raise ChangeOverwrittenError(self.pool_id, overwritten)

    def _prepare(self, changes: Mapping[str, Any], attempt: int = 1) -> _Prepared:
        input_shape = self._client.meta.service_model.operation_model(
            "UpdateUserPoolClient"
        ).input_shape
        problems = check_change(changes, CLIENT, runtime_shape=input_shape)
        problems += client_rules.check_change(changes)
        if problems:
            raise ValidationError(problems)
        described = describe_app_client(self._client, self.pool_id, self.id, attempt=attempt)
        old = described.settings
        merged = merge_settings(old, changes, CLIENT)
        has_secret = client_rules.has_client_secret(described.raw)
        new, problems = client_rules.settle(old, merged, changes, has_secret=has_secret)
        if problems:
            raise ValidationError(problems)
        changed = diff_settings(old, new, CLIENT)
        request = None
        if changed:
            sent = client_rules.request_settings(new, changes)
            fitted = fit_to_shape(sent, described.raw, input_shape, CLIENT)
            fitted = {k: v for k, v in fitted.items() if k not in IDENTIFIERS}
            request = {**fitted, "UserPoolId": self.pool_id, "ClientId": self.id}
        else:
            new = old
        plan = AppClientPlan(
            self.pool_id, changed, request=request, requested=dict(changes), client_id=self.id
        )
        return _Prepared(described, new, plan)


class _Prepared(NamedTuple):
    described: DescribedAppClient
    settings: Settings
    plan: Plan

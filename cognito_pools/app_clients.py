"""App clients: read one, plan a change, and write it without resetting anything else.

UpdateUserPoolClient resets every member it is not given, just as UpdateUserPool does, so an
app client goes through the same engine as a pool (:mod:`cognito_pools.engine`): describe →
merge → rules → diff → request → write, with the same retries, lock, ``verify`` and
``if_unchanged``. All that is the app client's own is its description
(:mod:`cognito_pools.resources.app_client`) and its rules (:mod:`cognito_pools.client_rules`).

>>> app = pools.app_client("us-east-1_AbC123", "1example23456789")   # doctest: +SKIP
>>> app = app.update(callback_urls=["https://example.com/callback"])  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from cognito_pools.calls import call
from cognito_pools.client_rules import PUBLISH
from cognito_pools.describe import Described, describe
from cognito_pools.handle import Handle, Prepared
from cognito_pools.resources.app_client import APP_CLIENT
from cognito_pools.retries import DEFAULT_RETRIES, Retries

if TYPE_CHECKING:
    from collections.abc import Collection

    from typing_extensions import Unpack

    from cognito_pools._leases import DistributedLock
    from cognito_pools.changes import UserPoolClientChange
    from cognito_pools.models import UserPoolClientConfig, UserPoolClientFacts
    from cognito_pools.plan import Plan

__all__ = ["AppClient", "AppClientSummary", "list_app_clients"]

_PAGE = 60
"""ListUserPoolClients' largest page."""


class AppClientSummary(NamedTuple):
    """One app client of a pool, as ListUserPoolClients names it."""

    client_id: str
    client_name: str


def list_app_clients(client: Any, pool_id: str) -> list[AppClientSummary]:
    """Every app client of the pool: every page of ListUserPoolClients."""
    found: list[AppClientSummary] = []
    request: dict[str, Any] = {"UserPoolId": pool_id, "MaxResults": _PAGE}
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


class AppClient(Handle["UserPoolClientConfig"]):
    """An app client as last read, and the way to change it.

    ``config`` and ``facts`` are a snapshot; :meth:`update` and :meth:`plan` always work on a
    fresh read. The client secret is in no repr, plan, log line, error or export.
    """

    resource = APP_CLIENT
    __slots__ = ("id", "pool_id")

    def __init__(
        self,
        client: Any,
        pool_id: str,
        client_id: str,
        described: Described[UserPoolClientConfig] | None,
        *,
        retries: Retries = DEFAULT_RETRIES,
        verify: bool = False,
        lock: DistributedLock | None = None,
    ) -> None:
        ids = {"UserPoolId": pool_id, "ClientId": client_id}
        self._setup(client, ids, described, retries=retries, verify=verify, lock=lock)
        self.pool_id: str = pool_id
        """The id of the user pool the app client belongs to."""
        self.id: str = client_id
        """The app client id."""

    def _handle(self, described: Described[UserPoolClientConfig]) -> AppClient:
        return AppClient(
            self._client,
            self.pool_id,
            self.id,
            described,
            retries=self._retries,
            verify=self._verify,
            lock=self._shared_lock,
        )

    def _write(self, prepared: Prepared, round_number: int) -> AppClient:
        """The engine's write; the handle after it still knows how the secret is managed.

        The write-only member is sent only when a change names it, so the settings written
        may lack it while the client still has it as read.
        """
        written, read = prepared.settings, prepared.described.settings
        if PUBLISH in read and PUBLISH not in written:
            prepared = prepared._replace(settings={**written, PUBLISH: read[PUBLISH]})
        return super()._write(prepared, round_number)

    @property
    def client_id(self) -> str:
        """The app client id (the same as :attr:`id`)."""
        return self.id

    @property
    def facts(self) -> UserPoolClientFacts:
        """What DescribeUserPoolClient reports but UpdateUserPoolClient cannot change.

        The secret is there (``client_secret``) for a caller that needs it, but its repr shows
        only whether it is set.
        """
        facts: UserPoolClientFacts = self._read().facts
        return facts

    def __repr__(self) -> str:
        described = self._described
        name = described.settings.get("ClientName") if described is not None else None
        return f"AppClient(pool_id={self.pool_id!r}, id={self.id!r}, name={name!r})"

    def refresh(self) -> AppClient:
        """Describe the app client again and return a new handle."""
        return self._with(describe(self._client, self.resource, self._ids))

    def plan(self, **changes: Unpack[UserPoolClientChange]) -> Plan:
        """Show what :meth:`update` would change, without writing anything.

        Takes the same keywords as :meth:`update`; one DescribeUserPoolClient call.
        """
        return self._plan_change(changes, ())

    def update(
        self,
        *,
        if_unchanged: bool = False,
        verify: bool | None = None,
        accept_reset: Collection[str] = (),
        **changes: Unpack[UserPoolClientChange],
    ) -> AppClient:
        """Change the named settings and keep every other one as it is.

        Each keyword is a setting of :class:`~cognito_pools.models.UserPoolClientConfig`
        (see the :doc:`app client settings reference </client-settings>`). Leave a setting out
        to keep it, pass ``None`` to clear it (a setting the describe reports at its default
        goes back to that default), or pass a value to set it. Nested mappings merge into the
        current structure; a model instance replaces it whole; lists are replaced whole.

        The app client is read afresh inside the call (DescribeUserPoolClient) and written with
        one UpdateUserPoolClient that carries every setting, or not written when nothing
        changes. A transient failure is retried by reading and merging again.

        Args:
            if_unchanged: write only if the app client's settings are still those this handle
                read; otherwise raise :class:`PoolChangedError` and write nothing.
            verify: read the app client back after writing and raise
                :class:`ChangeOverwrittenError` if a setting written is not there. Defaults to
                the ``verify`` given to :class:`UserPools`.
            accept_reset: setting paths that the installed botocore cannot send and that you
                accept Cognito resetting, as for :meth:`Pool.update`.
            **changes: the settings to change.

        Returns:
            A handle on the app client with the new settings.

        Raises:
            ValidationError: the change was refused; nothing was written.
            UnsendableSettingsError: the app client has settings the installed botocore cannot
                send, and ``accept_reset`` does not name them; nothing was written.
            PoolChangedError: ``if_unchanged`` was given and the app client had changed.
            ChangeOverwrittenError: ``verify`` found another writer's value in a setting written.
            ServiceError: Cognito refused a call, or a transient failure outlasted the retries.
        """
        guard = self._read().settings if if_unchanged else None
        return self._update(changes, accept_reset, guard=guard, verify=verify)

    def apply(
        self,
        plan: Plan,
        *,
        verify: bool | None = None,
        accept_reset: Collection[str] | None = None,
    ) -> AppClient:
        """Write a plan shown earlier, but only if it still says what the update would do.

        Raises:
            StalePlanError: the plan is out of date, or for another app client; nothing was
                written.
            ValidationError: the change is no longer valid; nothing was written.
            ServiceError: Cognito refused a call.
        """
        return self._apply(plan, verify=verify, accept_reset=accept_reset)

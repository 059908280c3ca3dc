"""Reading a resource back after a write, to confirm that the change is there (opt-in).

Cognito has no compare-and-swap, so another process can write the same resource between this
library's read and its write, or just after. A read-back cannot prevent that, but it turns a
silent loss into an error: every setting the update wrote is compared with what the resource
now reports, and those that differ are named in :class:`ChangeOverwrittenError`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cognito_pools.calls import call
from cognito_pools.describe import Described
from cognito_pools.errors import ChangeOverwrittenError, CognitoPoolsError
from cognito_pools.grammar import settings_leaves
from cognito_pools.resources.mfa_setup import MFA_SETUP

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cognito_pools.plan import Plan
    from cognito_pools.resource import Resource

__all__ = ["MFA_PREFIX", "confirm_landed"]

MFA_PREFIX = "mfa."
"""Plan paths under this prefix are settings of GetUserPoolMfaConfig, not DescribeUserPool."""


def confirm_landed(
    client: Any,
    resource: Resource,
    ids: Mapping[str, str],
    plan: Plan,
    *,
    with_mfa: bool = False,
) -> None:
    """Read the resource (and the pool's MFA setup, if the plan changed it); compare with ``plan``.

    Raises:
        ChangeOverwrittenError: a setting the plan wrote holds another value now.
    """
    wanted = [change for change in plan.changes if change.path not in resource.never_sent]
    paths = [change.path for change in wanted]
    try:
        observed = dict(_observed(client, resource, ids, paths))
        if with_mfa and any(path.startswith(MFA_PREFIX) for path in paths):
            mfa = _observed(client, MFA_SETUP, ids, paths)
            observed.update((f"{MFA_PREFIX}{path}", value) for path, value in mfa)
    except CognitoPoolsError as error:
        error.args = (f"{error}\nThe update was written; reading it back to verify it failed.",)
        raise
    overwritten = [change.path for change in wanted if observed.get(change.path) != change.new]
    if overwritten:
        raise ChangeOverwrittenError(plan.pool_id, overwritten, subject=plan.subject)


def _observed(
    client: Any, resource: Resource, ids: Mapping[str, str], paths: list[str]
) -> list[tuple[str, Any]]:
    answer = call(client, resource.describe, resource.request_ids(ids), paths=paths)
    raw = answer if resource.answer_key is None else answer[resource.answer_key]
    return settings_leaves(Described(resource, raw).settings, resource.structure)

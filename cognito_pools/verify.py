"""Reading a pool back after a write, to confirm that the change is there (opt-in).

Cognito has no compare-and-swap, so another process can write the same pool between this
library's read and its write, or just after. A read-back cannot prevent that, but it turns a
silent loss into an error: every setting the update wrote is compared with what the pool now
reports, and those that differ are named in :class:`ChangeOverwrittenError`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cognito_pools.calls import call
from cognito_pools.describe import read_described, read_mfa_config
from cognito_pools.errors import ChangeOverwrittenError, CognitoPoolsError
from cognito_pools.plan import leaves, settings_leaves
from cognito_pools.request import NEVER_SENT
from cognito_pools.rules import POOL

if TYPE_CHECKING:
    from cognito_pools.plan import Plan

__all__ = ["MFA_PREFIX", "confirm_landed"]

MFA_PREFIX = "mfa."
"""Plan paths under this prefix are settings of GetUserPoolMfaConfig, not DescribeUserPool."""


def confirm_landed(client: Any, plan: Plan) -> None:
    """Read the pool (and its MFA setup, if the plan changed it) and compare with ``plan``.

    Raises:
        ChangeOverwrittenError: a setting the plan wrote holds another value now.
    """
    wanted = [change for change in plan.changes if change.path not in NEVER_SENT]
    request = {"UserPoolId": plan.pool_id}
    paths = [change.path for change in wanted]
    try:
        described = read_described(call(client, "describe_user_pool", request, paths=paths))
        observed = dict(settings_leaves(described.settings, POOL))
        if any(path.startswith(MFA_PREFIX) for path in paths):
            mfa = read_mfa_config(call(client, "get_user_pool_mfa_config", request, paths=paths))
            observed.update((f"{MFA_PREFIX}{path}", value) for path, value in leaves(mfa))
    except CognitoPoolsError as error:
        error.args = (f"{error}\nThe update was written; reading it back to verify it failed.",)
        raise
    overwritten = [change.path for change in wanted if observed.get(change.path) != change.new]
    if overwritten:
        raise ChangeOverwrittenError(plan.pool_id, overwritten)

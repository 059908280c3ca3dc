"""Change AWS Cognito user pools without resetting the settings you did not mention.

>>> pools = UserPools(boto3.client("cognito-idp"))          # doctest: +SKIP
>>> pool = pools.get("us-east-1_AbC123")                     # doctest: +SKIP
>>> pool = pool.update(deletion_protection="ACTIVE")         # doctest: +SKIP

The public names are re-exported here: the client (:class:`UserPools`, :class:`Pool`,
:class:`AppClient`), the lock shared by processes (:class:`DynamoDBLock`), plans
(:class:`Plan`, :class:`SettingChange`), errors, every generated model class and enum alias
(:mod:`cognito_pools.models`), and the typed change dictionaries (:mod:`cognito_pools.changes`).

They load on first use. Building some forty attrs classes and a cattrs converter costs tens of
milliseconds, which a program that merely imports this package (a CLI showing ``--help``, an
application that changes pools in one code path) should not pay.
"""

from __future__ import annotations

import importlib

from cognito_pools import _names

TYPE_CHECKING = False
"""``typing.TYPE_CHECKING`` without importing ``typing``: the command line's entry point imports
this package before its Ctrl-C guard runs, so this module loads nothing it can do without."""

__all__ = [
    "AppClient",
    "AppClientSummary",
    "CallFailedError",
    "ChangeOverwrittenError",
    "CognitoPoolsError",
    "ConcurrentModificationError",
    "DistributedLock",
    "DynamoDBLock",
    "InternalServiceError",
    "Lease",
    "LeaseLostError",
    "LimitExceededError",
    "LockError",
    "LockHolder",
    "LockTableMissingError",
    "LockTimeoutError",
    "PartiallyAppliedError",
    "Plan",
    "Pool",
    "PoolChangedError",
    "PoolNotFoundError",
    "Problem",
    "Retries",
    "RoleNotReadyError",
    "ServiceError",
    "SettingChange",
    "StalePlanError",
    "TooManyRequestsError",
    "UnsendableSettingsError",
    "UserImportInProgressError",
    "UserPools",
    "ValidationError",
]

if TYPE_CHECKING:
    from typing import Any

    from cognito_pools import changes, models
    from cognito_pools.app_clients import AppClient, AppClientSummary
    from cognito_pools.changes import *  # noqa: F403 - listed in changes.__all__
    from cognito_pools.errors import (
        CallFailedError,
        ChangeOverwrittenError,
        CognitoPoolsError,
        ConcurrentModificationError,
        InternalServiceError,
        LeaseLostError,
        LimitExceededError,
        LockError,
        LockTableMissingError,
        LockTimeoutError,
        PartiallyAppliedError,
        PoolChangedError,
        PoolNotFoundError,
        Problem,
        RoleNotReadyError,
        ServiceError,
        StalePlanError,
        TooManyRequestsError,
        UnsendableSettingsError,
        UserImportInProgressError,
        ValidationError,
    )
    from cognito_pools.lock import DistributedLock, DynamoDBLock, Lease, LockHolder
    from cognito_pools.models import *  # noqa: F403 - listed in models.__all__
    from cognito_pools.plan import Plan, SettingChange
    from cognito_pools.pools import Pool, UserPools
    from cognito_pools.retries import Retries

    __all__ += models.__all__
    __all__ += changes.__all__
else:
    __all__ += [*_names.MODELS, *_names.CHANGES]  # noqa: PLE0604 - tuples of str

_HOME = {
    "AppClient": "cognito_pools.app_clients",
    "AppClientSummary": "cognito_pools.app_clients",
    "Plan": "cognito_pools.plan",
    "SettingChange": "cognito_pools.plan",
    "Pool": "cognito_pools.pools",
    "UserPools": "cognito_pools.pools",
    "Retries": "cognito_pools.retries",
    "DistributedLock": "cognito_pools.lock",
    "DynamoDBLock": "cognito_pools.lock",
    "Lease": "cognito_pools.lock",
    "LockHolder": "cognito_pools.lock",
    **dict.fromkeys(_names.MODELS, "cognito_pools.models"),
    **dict.fromkeys(_names.CHANGES, "cognito_pools.changes"),
}


def __getattr__(name: str) -> Any:
    module = _HOME.get(name, "cognito_pools.errors" if name in __all__ else None)
    if module is None:
        raise AttributeError(f"module 'cognito_pools' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})

"""Change AWS Cognito user pools without resetting the settings you did not mention.

>>> pools = UserPools(boto3.client("cognito-idp"))          # doctest: +SKIP
>>> pool = pools.get("us-east-1_AbC123")                     # doctest: +SKIP
>>> pool = pool.update(deletion_protection="ACTIVE")         # doctest: +SKIP

The public names are re-exported here: the client (:class:`UserPools`, :class:`Pool`), plans
(:class:`Plan`, :class:`SettingChange`), errors, every generated model class and enum alias
(:mod:`cognito_pools.models`), and the typed change dictionaries (:mod:`cognito_pools.changes`).
"""

from cognito_pools import changes, models
from cognito_pools.changes import *  # noqa: F403 - the generated names are listed in __all__
from cognito_pools.errors import (
    CognitoPoolsError,
    ConcurrentModificationError,
    PoolNotFoundError,
    Problem,
    ServiceError,
    ValidationError,
)
from cognito_pools.models import *  # noqa: F403 - the generated names are listed in __all__
from cognito_pools.plan import Plan, SettingChange
from cognito_pools.pools import Pool, UserPools

__all__ = [
    "CognitoPoolsError",
    "ConcurrentModificationError",
    "Plan",
    "Pool",
    "PoolNotFoundError",
    "Problem",
    "ServiceError",
    "SettingChange",
    "UserPools",
    "ValidationError",
]
__all__ += models.__all__
__all__ += changes.__all__

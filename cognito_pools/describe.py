"""Read what DescribeUserPool and GetUserPoolMfaConfig return into typed snapshots."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from cognito_pools.converter import read_config, read_facts, read_mfa

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cognito_pools.models import UserPoolConfig, UserPoolFacts, UserPoolMfaConfig

__all__ = ["DescribedPool", "read_described", "read_mfa_config"]


@attrs.frozen
class DescribedPool:
    """One DescribeUserPool answer: the typed settings and the raw wire form.

    The raw form is what lets an update keep members this version of the models cannot name.
    """

    config: UserPoolConfig
    raw: Mapping[str, Any] = attrs.field(repr=False)

    @property
    def facts(self) -> UserPoolFacts:
        """The describe-only facts, read when asked for: an update never needs them."""
        return read_facts(self.raw)


def read_described(response: Mapping[str, Any]) -> DescribedPool:
    """Read a DescribeUserPool response."""
    user_pool: Mapping[str, Any] = response["UserPool"]
    return DescribedPool(read_config(user_pool), user_pool)


def read_mfa_config(response: Mapping[str, Any]) -> UserPoolMfaConfig:
    """Read a GetUserPoolMfaConfig response."""
    return read_mfa({k: v for k, v in response.items() if k != "ResponseMetadata"})

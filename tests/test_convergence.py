"""Convergence: after an update succeeds, planning the same change again shows nothing.

Random changes (one setting, or several at once; values, ``None`` at any depth, model
instances) on every fixture pool, over real HTTP against a moto server. Each change that the
library accepts and moto stores is planned a second time on the pool as moto now reports it,
and that plan must be empty: otherwise the update either did not land as planned, or the plan
misreads what the service reports, and every later run would write again.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import boto3
import pytest
import strategies
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from wire import running_moto_server

from cognito_pools import CognitoPoolsError, UserPools
from cognito_pools._schema import STRUCTURES
from cognito_pools.models import UserPoolConfig
from cognito_pools.resources.pool import POOL_RESOURCE

if TYPE_CHECKING:
    from collections.abc import Iterator

    from cognito_pools._spec import Member, Structure

REGION = "us-east-1"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
MODES = ("OFF", "ON", "OPTIONAL")


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    with running_moto_server() as url:
        yield url


def _sendable(structure: Structure) -> list[Member]:
    """The members the installed botocore can send (the models may be newer)."""
    shape = strategies._runtime_shape(structure.shape)
    return [member for member in structure.members if member.wire in shape.members]


def _changes_of(cls: type[Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """A partial change to a ``cls`` structure: a mapping of some members, each a value,
    ``None``, or (for a structure) a nested partial change; or a whole model instance."""
    members = _sendable(STRUCTURES[cls])
    optional = {member.name: _member_changes(cls, member, depth) for member in members}
    mappings = st.fixed_dictionaries({}, optional=optional)
    instances = strategies.models_of(cls, complete=True, sendable=True)
    return st.one_of(mappings, instances) if depth else mappings


def _member_changes(cls: type[Any], member: Member, depth: int) -> st.SearchStrategy[Any]:
    value = member.value
    if value.kind == "structure" and value.target is not None and depth < 2:
        return st.none() | _changes_of(value.target, depth + 1)
    whole = strategies.values_of(value, cls, member.name, complete=True, sendable=True)
    return st.none() | whole


def _top_level() -> dict[str, st.SearchStrategy[Any]]:
    found: dict[str, st.SearchStrategy[Any]] = {
        member.name: _member_changes(UserPoolConfig, member, 0)
        for member in _sendable(STRUCTURES[UserPoolConfig])
        if member.name != "mfa_configuration"  # set through ``mfa``
    }
    found["mfa"] = st.sampled_from(MODES)
    # moto quirk: UpdateUserPool's PoolName is stored beside the name and never renames the pool
    # (moto's update_user_pool only extends its config), so a rename cannot land on moto. The
    # Stubber tests pin the rename request; here pool_name is only ever cleared (and refused).
    found["pool_name"] = st.none()
    return found


TOP_LEVEL = _top_level()
single_changes = st.sampled_from(sorted(TOP_LEVEL)).flatmap(
    lambda name: TOP_LEVEL[name].map(lambda value: {name: value})
)
# For several at once, leave out the clears that are refused (tested one by one above), so that
# a single refused member does not turn most combined changes into refusals.
REFUSED_CLEARS = {row.keyword or row.path for row in POOL_RESOURCE.refused_clears} - {"pool_name"}
SEVERAL = {
    name: values.filter(lambda value: value is not None) if name in REFUSED_CLEARS else values
    for name, values in TOP_LEVEL.items()
    if name != "pool_name"
}
several_changes = st.fixed_dictionaries({}, optional=SEVERAL).filter(
    lambda change: len(change) >= 2
)
PROPERTY = settings(
    max_examples=4,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@functools.cache
def _client(endpoint: str) -> Any:
    """One client per server: a client costs more than an example's calls."""
    return boto3.client("cognito-idp", endpoint_url=endpoint, region_name=REGION, **CREDENTIALS)


def _converges(endpoint: str, pool_kwargs: dict[str, Any], change: dict[str, Any]) -> None:
    client = _client(endpoint)
    pool = UserPools(client).get(client.create_user_pool(**pool_kwargs)["UserPool"]["Id"])
    note(f"change: {change!r}")
    try:
        pool.update(**change)
    except CognitoPoolsError as error:  # refused, by the library or by moto: nothing landed
        note(f"refused: {error}")
        return
    again = pool.plan(**change)
    assert list(again) == [], f"planned again after the update:\n{again}"
    assert again.request is None
    assert again.mfa_request is None


@given(change=single_changes)
@PROPERTY
def test_one_setting_changed_then_planned_again_is_empty(
    endpoint: str, pool_kwargs: dict[str, Any], change: dict[str, Any]
) -> None:
    _converges(endpoint, pool_kwargs, change)


@given(change=several_changes)
@PROPERTY
def test_several_settings_changed_then_planned_again_are_empty(
    endpoint: str, pool_kwargs: dict[str, Any], change: dict[str, Any]
) -> None:
    _converges(endpoint, pool_kwargs, change)

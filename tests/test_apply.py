"""Pool.apply: write exactly the plan a person looked at, or nothing."""

from __future__ import annotations

import boto3
import pytest
from moto import mock_aws

from cognito_pools import Plan, StalePlanError, UserPools


@pytest.fixture
def client(load_pool):
    with mock_aws():
        client = boto3.client("cognito-idp", region_name="us-east-1")
        client.pool_id = client.create_user_pool(**load_pool("31"))["UserPool"]["Id"]
        yield client


def test_applying_a_current_plan_writes_it(client, record_calls):
    pool = UserPools(client).get(client.pool_id)
    plan = pool.plan(deletion_protection="INACTIVE", user_pool_tags={"team": "auth"})
    calls = record_calls(client)

    updated = pool.apply(plan)

    assert calls == ["DescribeUserPool", "UpdateUserPool"]
    fresh = UserPools(client).get(client.pool_id).config
    assert fresh.deletion_protection == "INACTIVE"
    assert fresh.user_pool_tags == {"team": "auth"}
    assert updated.config.deletion_protection == "INACTIVE"
    assert not pool.refresh().plan(**plan.requested)


def test_a_plan_made_stale_by_another_writer_writes_nothing(client, record_calls):
    pool = UserPools(client).get(client.pool_id)
    plan = pool.plan(policies={"password_policy": {"minimum_length": 12}})
    # Someone else changes the same setting between the plan and its confirmation.
    UserPools(client).get(client.pool_id).update(
        policies={"password_policy": {"minimum_length": 10}}
    )
    calls = record_calls(client)

    with pytest.raises(StalePlanError, match="changed since the plan") as caught:
        pool.apply(plan)

    assert calls == ["DescribeUserPool"]
    assert "minimum_length: 10 -> 12" in str(caught.value)
    config = UserPools(client).get(client.pool_id).config
    assert config.policies.password_policy.minimum_length == 10


def test_a_plan_for_another_pool_is_refused(client, load_pool):
    other = client.create_user_pool(**load_pool("01"))["UserPool"]["Id"]
    plan = UserPools(client).get(other).plan(deletion_protection="ACTIVE")
    pool = UserPools(client).get(client.pool_id)
    with pytest.raises(StalePlanError, match=other):
        pool.apply(plan)


def test_an_empty_plan_applies_without_writing(client, record_calls):
    pool = UserPools(client).get(client.pool_id)
    plan = pool.plan(deletion_protection=pool.config.deletion_protection)
    assert isinstance(plan, Plan)
    assert not plan
    calls = record_calls(client)
    pool.apply(plan)
    assert calls == ["DescribeUserPool"]

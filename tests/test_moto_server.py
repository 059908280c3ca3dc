"""The same end-to-end checks over real HTTP, against ``moto.server.ThreadedMotoServer``.

The in-process mock hands botocore's requests to moto without serialising them. Here every call
goes through botocore's real HTTP path (JSON body, headers, endpoint resolution, error parsing),
which is how the library meets Cognito.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs
import boto3
import pytest
from botocore.exceptions import ClientError

from cognito_pools import (
    CognitoPoolsError,
    PasswordPolicy,
    PoolNotFoundError,
    UserPoolConfig,
    UserPoolPolicy,
    UserPools,
    ValidationError,
)
from cognito_pools.grammar import diff

if TYPE_CHECKING:
    from collections.abc import Callable

REGION = "us-east-1"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


@pytest.fixture
def client(endpoint: str) -> Any:
    return boto3.client("cognito-idp", endpoint_url=endpoint, region_name=REGION, **CREDENTIALS)


@pytest.fixture
def make_pool(client: Any, load_pool: Callable[[str], dict[str, Any]]) -> Callable[[str], str]:
    def make(number: str) -> str:
        pool_id: str = client.create_user_pool(**load_pool(number))["UserPool"]["Id"]
        return pool_id

    return make


def with_edits(config: UserPoolConfig, *, protection: str, minimum_length: int) -> UserPoolConfig:
    """``config`` with the three settings the round-trip test changes, written out by hand."""
    policies = config.policies or UserPoolPolicy()
    password = attrs.evolve(
        policies.password_policy or PasswordPolicy(), minimum_length=minimum_length
    )
    return attrs.evolve(
        config,
        deletion_protection=protection,
        user_pool_tags={"team": "auth"},
        policies=attrs.evolve(policies, password_policy=password),
    )


def test_plain_update_over_http_resets_what_it_is_not_given(client, make_pool):
    pool_id = make_pool("31")
    pools = UserPools(client)
    before = pools.get(pool_id).config

    client.update_user_pool(UserPoolId=pool_id, MfaConfiguration="OPTIONAL")
    after = pools.get(pool_id).config

    assert before.deletion_protection == "ACTIVE"
    assert after.deletion_protection is None
    assert before.user_pool_tags
    assert after.user_pool_tags is None
    assert before.lambda_config is not None
    assert before.lambda_config.pre_sign_up is not None
    assert after.lambda_config is None or after.lambda_config.pre_sign_up is None
    assert before.device_configuration is not None
    assert after.device_configuration is None


def test_update_over_http_changes_what_was_asked_on_every_pool(
    client, pool_kwargs, record_calls, moved, after_update
):
    pool_id = client.create_user_pool(**pool_kwargs)["UserPool"]["Id"]
    pools = UserPools(client)
    before = pools.get(pool_id)
    protection = "INACTIVE" if before.config.deletion_protection == "ACTIVE" else "ACTIVE"
    change: dict[str, Any] = {
        "deletion_protection": protection,
        "user_pool_tags": {"team": "auth"},
        "policies": {"password_policy": {"minimum_length": 12}},
    }
    expected = with_edits(before.config, protection=protection, minimum_length=12)
    calls = record_calls(client)

    plan = before.plan(**change)
    assert calls == ["DescribeUserPool"]
    calls.clear()
    returned = before.update(**change)
    assert calls == ["DescribeUserPool", "UpdateUserPool"]
    after = pools.get(pool_id)

    assert [str(c) for c in plan] == [str(c) for c in diff(before.config, expected)]
    assert moved(after_update(expected), after.config) == []
    assert after.config.pool_name == pool_kwargs["PoolName"]
    assert after.config.deletion_protection == protection
    assert after.config.user_pool_tags == {"team": "auth"}
    assert after_update(returned.config) == after.config


def test_mfa_over_http_reads_then_sets_and_only_sets(client, make_pool, record_calls):
    pool_id = make_pool("01")
    pools = UserPools(client)
    pool = pools.get(pool_id)
    calls = record_calls(client)

    pool.update(mfa="ON")

    assert calls == ["DescribeUserPool", "GetUserPoolMfaConfig", "SetUserPoolMfaConfig"]
    after = pools.get(pool_id)
    assert attrs.evolve(after.config, mfa_configuration=None) == attrs.evolve(
        pool.config, mfa_configuration=None
    )  # (moto's describe may keep the mode create sent; GetUserPoolMfaConfig has it)
    mfa = client.get_user_pool_mfa_config(UserPoolId=pool_id)
    assert mfa["MfaConfiguration"] == "ON"
    assert mfa["SoftwareTokenMfaConfiguration"] == {"Enabled": True}


def test_sms_mfa_over_http_keeps_every_other_setting(client, make_pool, record_calls):
    pool_id = make_pool("31")  # every kind of setting, an SMS configuration, MFA OPTIONAL
    pools = UserPools(client)
    pool = pools.get(pool_id)
    calls = record_calls(client)
    message = "Your code is {####}"

    pool.update(
        mfa={
            "mfa_configuration": "ON",
            "sms_mfa_configuration": {"sms_authentication_message": message},
        }
    )

    assert calls == ["DescribeUserPool", "GetUserPoolMfaConfig", "SetUserPoolMfaConfig"]
    after = pools.get(pool_id)
    assert attrs.evolve(after.config, mfa_configuration=None) == attrs.evolve(
        pool.config, mfa_configuration=None
    )
    setup = after.get_mfa_config()
    assert setup.mfa_configuration == "ON"
    assert setup.sms_mfa_configuration is not None
    assert setup.sms_mfa_configuration.sms_authentication_message == message
    assert setup.sms_mfa_configuration.sms_configuration == pool.config.sms_configuration


def test_a_refused_update_over_http_after_the_mfa_change_puts_mfa_back(
    client, make_pool, record_calls
):
    pool_id = make_pool("01")
    pool = UserPools(client).get(pool_id)
    calls = record_calls(client)

    def refuse(**_: Any) -> None:
        raise ClientError(
            {"Error": {"Code": "InvalidParameterException", "Message": "refused"}}, "UpdateUserPool"
        )

    client.meta.events.register("before-call.cognito-idp.UpdateUserPool", refuse)
    with pytest.raises(CognitoPoolsError, match="was undone"):
        pool.update(mfa="ON", deletion_protection="ACTIVE")

    assert calls == [
        "DescribeUserPool",
        "GetUserPoolMfaConfig",
        "SetUserPoolMfaConfig",
        "UpdateUserPool",
        "SetUserPoolMfaConfig",
    ]
    mfa = client.get_user_pool_mfa_config(UserPoolId=pool_id)
    assert mfa["MfaConfiguration"] == "OFF"
    assert UserPools(client).get(pool_id).config == pool.config


def test_plan_over_http_writes_nothing(client, make_pool, record_calls):
    pool_id = make_pool("27")
    pools = UserPools(client)
    pool = pools.get(pool_id)
    calls = record_calls(client)

    plan = pool.plan(user_pool_tags={"team": "auth"}, mfa="OPTIONAL")

    assert calls == ["DescribeUserPool", "GetUserPoolMfaConfig"]
    assert "user_pool_tags" in str(plan)
    assert "mfa_configuration" in str(plan)
    assert pools.get(pool_id).config == pool.config
    assert client.get_user_pool_mfa_config(UserPoolId=pool_id)["MfaConfiguration"] == "OFF"


def test_missing_pool_over_http(client):
    with pytest.raises(PoolNotFoundError) as caught:
        UserPools(client).get("us-east-1_doesNotExist")

    error = caught.value
    assert error.code == "ResourceNotFoundException"
    assert error.operation == "DescribeUserPool"
    assert isinstance(error.__cause__, ClientError)
    assert error.request_id  # a real HTTP answer carries one
    assert error.request_id in str(error)


def test_bad_change_over_http_sends_nothing(client, make_pool, record_calls):
    pool_id = make_pool("31")
    pools = UserPools(client)
    pool = pools.get(pool_id)
    calls = record_calls(client)

    with pytest.raises(ValidationError) as caught:
        pool.update(
            deletion_protection="ON",
            lambda_config={"pre_sign_up": "my-pre-sign-up-function"},
            policies={"password_policy": {"minimum_length": 4}},
        )

    assert isinstance(caught.value, CognitoPoolsError)
    assert caught.value.paths == (
        "deletion_protection",
        "lambda_config.pre_sign_up",
        "policies.password_policy.minimum_length",
    )
    assert calls == []
    assert pools.get(pool_id).config == pool.config


@pytest.mark.parametrize("build", ["default", "session"])
def test_user_pools_without_a_client_use_the_environment(endpoint, monkeypatch, build):
    # botocore reads AWS_ENDPOINT_URL, so the default session and a bare Session reach the server.
    monkeypatch.setenv("AWS_ENDPOINT_URL", endpoint)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-central-1")
    pool_id = boto3.client("cognito-idp").create_user_pool(PoolName="env")["UserPool"]["Id"]

    pools = UserPools() if build == "default" else UserPools(session=boto3.Session())
    pools.get(pool_id).update(deletion_protection="ACTIVE")

    assert pool_id.startswith("eu-central-1_")
    assert pools.client.meta.region_name == "eu-central-1"
    assert pools.get(pool_id).config.deletion_protection == "ACTIVE"

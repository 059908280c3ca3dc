"""Calls that must type-check, with the types a reader's IDE should show.

Checked by ``nox -s mypy`` (``--strict``) and ``nox -s pyright`` (strict); never executed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import boto3
from typing_extensions import assert_type

from cognito_pools import (
    ChangeOverwrittenError,
    CognitoPoolsError,
    ConcurrentModificationError,
    DistributedLock,
    DynamoDBLock,
    LambdaConfig,
    Lease,
    LeaseLostError,
    LockHolder,
    LockTimeoutError,
    PasswordPolicy,
    Plan,
    Pool,
    PoolChangedError,
    RecoveryOption,
    Retries,
    SettingChange,
    SoftwareTokenMfaConfig,
    UserPoolConfig,
    UserPoolMfaConfig,
    UserPoolMfaConfigChange,
    UserPoolMfaType,
    UserPools,
    ValidationError,
)


def reading(pools: UserPools) -> None:
    pool = pools.get("us-east-1_AbC123")
    assert_type(pool, Pool)
    assert_type(pool.id, str)
    assert_type(pool.config, UserPoolConfig)
    config = pool.config
    assert_type(config.mfa_configuration, UserPoolMfaType | None)
    assert_type(config.user_pool_tags, Mapping[str, str] | None)
    assert_type(config.lambda_config, LambdaConfig | None)
    if config.policies is not None and config.policies.password_policy is not None:
        assert_type(config.policies.password_policy, PasswordPolicy)
        assert_type(config.policies.password_policy.minimum_length, int | None)
    if config.account_recovery_setting is not None:
        mechanisms = config.account_recovery_setting.recovery_mechanisms
        assert_type(mechanisms, tuple[RecoveryOption, ...] | None)
    if config.email_configuration is not None:
        assert_type(config.email_configuration.from_, str | None)
    assert_type(pool.facts.creation_date, dt.datetime | None)
    assert_type(pool.facts.arn, str | None)


def changing(pool: Pool) -> None:
    updated = pool.update(
        deletion_protection="ACTIVE",
        policies={"password_policy": {"minimum_length": 12, "require_symbols": None}},
        lambda_config={"pre_sign_up": None, "custom_message": "arn:aws:lambda:..."},
        account_recovery_setting={
            "recovery_mechanisms": [{"name": "verified_email", "priority": 1}],
        },
        user_pool_tags={"team": "auth"},
        auto_verified_attributes=["email"],
        email_configuration={"from_": "Auth <auth@example.com>"},
        mfa="OPTIONAL",
    )
    assert_type(updated, Pool)
    assert_type(pool.update(policies={"password_policy": PasswordPolicy(minimum_length=8)}), Pool)
    assert_type(pool.update(device_configuration=None), Pool)

    plan = pool.plan(user_pool_tags={"team": "auth"})
    assert_type(plan, Plan)
    assert_type(plan.changes, tuple[SettingChange, ...])
    for change in plan.changes:
        assert_type(change.path, str)


def mfa(pool: Pool) -> None:
    setup = pool.get_mfa_config()
    assert_type(setup, UserPoolMfaConfig)
    assert_type(setup.mfa_configuration, UserPoolMfaType | None)
    if setup.software_token_mfa_configuration is not None:
        assert_type(setup.software_token_mfa_configuration.enabled, bool | None)
    # The three forms of `mfa`: a mode, a partial change, a whole setup.
    assert_type(pool.update(mfa="ON"), Pool)
    assert_type(
        pool.update(
            mfa={
                "mfa_configuration": "OPTIONAL",
                "sms_mfa_configuration": {
                    "sms_configuration": {"sns_caller_arn": "arn:aws:iam::1:role/sms"}
                },
            }
        ),
        Pool,
    )
    switch: UserPoolMfaConfigChange = {
        "sms_mfa_configuration": None,
        "software_token_mfa_configuration": {"enabled": True},
    }
    assert_type(pool.plan(mfa=switch), Plan)
    change: UserPoolMfaConfigChange = {"web_authn_configuration": {"user_verification": "required"}}
    assert_type(pool.update(mfa=change, deletion_protection="ACTIVE"), Pool)
    whole = UserPoolMfaConfig(
        mfa_configuration="ON",
        software_token_mfa_configuration=SoftwareTokenMfaConfig(enabled=True),
    )
    assert_type(pool.update(mfa=whole), Pool)


def construction(session: boto3.Session) -> None:
    assert_type(UserPools(), UserPools)
    assert_type(UserPools(session=session), UserPools)
    assert_type(UserPools(boto3.client("cognito-idp")), UserPools)  # pyright: ignore[reportUnknownMemberType]


def errors(pool: Pool) -> None:
    try:
        pool.update(deletion_protection="ACTIVE")
    except ValidationError as error:
        assert_type(error.paths, tuple[str, ...])
    except PoolChangedError as error:
        assert_type(error.paths, tuple[str, ...])
    except ChangeOverwrittenError as error:
        assert_type(error.paths, tuple[str, ...])
    except ConcurrentModificationError as error:
        assert_type(error.attempts, int)
    except CognitoPoolsError:
        pass


def retrying_and_verifying(session: boto3.Session, pool: Pool) -> None:
    assert_type(UserPools(session=session, retries=Retries(attempts=8), verify=True), UserPools)
    assert_type(UserPools(session=session, retries=Retries.off()), UserPools)
    assert_type(pool.update(if_unchanged=True, deletion_protection="ACTIVE"), Pool)
    assert_type(pool.update(verify=True, user_pool_tags={"team": "auth"}), Pool)
    assert_type(Retries().delay(1), float)


def without_a_handle(pools: UserPools) -> None:
    pool = pools.update("us-east-1_AbC123", deletion_protection="ACTIVE", verify=True)
    assert_type(pool, Pool)
    plan = pools.plan("us-east-1_AbC123", policies={"password_policy": {"minimum_length": 12}})
    assert_type(plan, Plan)
    assert_type(plan.client_id, str | None)
    assert_type(plan.subject, str)


def sharing_a_lock(session: boto3.Session, dynamodb: object) -> None:
    lock = DynamoDBLock(dynamodb, table="cognito-pools-locks", lease_seconds=20.0)
    assert_type(lock.create_table(), bool)
    shared: DistributedLock = lock  # the protocol that UserPools takes
    assert_type(UserPools(session=session, lock=shared), UserPools)
    with lock.hold("cognito-pools/us-east-1/us-east-1_AbC123", "a fleet update") as lease:
        assert_type(lease, Lease)
        lease.check()
    try:
        UserPools(session=session, lock=lock).get("us-east-1_AbC123").update(mfa="OFF")
    except LockTimeoutError as error:
        assert_type(error.holder, LockHolder | None)
    except LeaseLostError as error:
        assert_type(error.reason, str)

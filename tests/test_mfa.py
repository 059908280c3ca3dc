"""The MFA step, call by call, asserted with botocore's Stubber.

The Stubber checks each request against the real service model and compares it exactly, so
every test states the whole sequence of calls a change makes and every request's parameters.
The service's MFA rules that moto does not enforce are tested here too: each refused change
makes no write at all.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import botocore
import pytest
import strategies
from botocore.exceptions import ReadTimeoutError
from botocore.stub import Stubber
from botocore.validate import validate_parameters
from hypothesis import given, settings
from stubs import stub_client

from cognito_pools import (
    CallFailedError,
    PartiallyAppliedError,
    Retries,
    ServiceError,
    SmsMfaConfig,
    SoftwareTokenMfaConfig,
    StalePlanError,
    UserPoolMfaConfig,
    UserPools,
    ValidationError,
    WebAuthnConfiguration,
)
from cognito_pools.grammar import apply_change
from cognito_pools.mfa import FACTORS, merge_mfa
from cognito_pools.mfa import setup_request as mfa_request

POOL_ID = "us-east-1_Mf4Test"
ACCOUNT = "123456789012"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/cognito-sms"
OTHER_ROLE = f"arn:aws:iam::{ACCOUNT}:role/cognito-sms-2"
SMS_SETUP = {"SnsCallerArn": ROLE, "ExternalId": "sms-external", "SnsRegion": "us-east-1"}
SMS_MFA_WITH_ITS_CONFIGURATION: dict[str, Any] = {
    "sms_configuration": {
        "sns_caller_arn": ROLE,
        "external_id": "sms-external",
        "sns_region": "us-east-1",
    },
    "mfa": {"mfa_configuration": "OPTIONAL", "sms_mfa_configuration": {}},
}
"""SMS MFA turned on together with the SMS configuration it needs, in one change."""
CREATED = dt.datetime(2024, 3, 1, tzinfo=dt.timezone.utc)

# A pool as DescribeUserPool reports it, describe-only members included.
POOL: dict[str, Any] = {
    "Id": POOL_ID,
    "Name": "mfa",
    "Arn": f"arn:aws:cognito-idp:us-east-1:{ACCOUNT}:userpool/{POOL_ID}",
    "CreationDate": CREATED,
    "LastModifiedDate": CREATED,
    "MfaConfiguration": "OFF",
    "DeletionProtection": "INACTIVE",
    "AutoVerifiedAttributes": ["email"],
    "AccountRecoverySetting": {"RecoveryMechanisms": [{"Name": "verified_email", "Priority": 1}]},
    "EmailConfiguration": {"EmailSendingAccount": "COGNITO_DEFAULT"},
    "UserPoolTier": "ESSENTIALS",
}
# What UpdateUserPool must receive to keep POOL as it is.
SENT: dict[str, Any] = {
    "UserPoolId": POOL_ID,
    "PoolName": "mfa",
    "MfaConfiguration": "OFF",
    "DeletionProtection": "INACTIVE",
    "AutoVerifiedAttributes": ["email"],
    "AccountRecoverySetting": {"RecoveryMechanisms": [{"Name": "verified_email", "Priority": 1}]},
    "EmailConfiguration": {"EmailSendingAccount": "COGNITO_DEFAULT"},
    "UserPoolTier": "ESSENTIALS",
}
OFF: dict[str, Any] = {"MfaConfiguration": "OFF"}
TOTP_OPTIONAL: dict[str, Any] = {
    "MfaConfiguration": "OPTIONAL",
    "SoftwareTokenMfaConfiguration": {"Enabled": True},
}
# A GetUserPoolMfaConfig answer with every factor and passkeys, as a real pool returns it.
EVERYTHING: dict[str, Any] = {
    "MfaConfiguration": "OPTIONAL",
    "SmsMfaConfiguration": {
        "SmsAuthenticationMessage": "Code {####}",
        "SmsConfiguration": SMS_SETUP,
    },
    "SoftwareTokenMfaConfiguration": {"Enabled": True},
    "EmailMfaConfiguration": {"Message": "Your code is {####}", "Subject": "Your code"},
    "WebAuthnConfiguration": {
        "RelyingPartyId": "auth.example.com",
        "UserVerification": "preferred",
    },
}
_CLIENT = stub_client()
# Passkeys as a second factor (WebAuthnConfiguration.FactorConfiguration) came in botocore 1.42.90.
_WEB_AUTHN = _CLIENT.meta.service_model.shape_for("WebAuthnConfigurationType")
SENDS_PASSKEYS_AS_MFA = "FactorConfiguration" in _WEB_AUTHN.members
needs_passkeys_as_mfa = pytest.mark.skipif(
    not SENDS_PASSKEYS_AS_MFA,
    reason=f"botocore {botocore.__version__} cannot send WebAuthnConfiguration.FactorConfiguration",
)
DEVELOPER_EMAIL = {
    "EmailSendingAccount": "DEVELOPER",
    "SourceArn": f"arn:aws:ses:us-east-1:{ACCOUNT}:identity/auth@example.com",
}
# A pool that can have every factor: SMS through SNS, email through SES.
READY = {"SmsConfiguration": SMS_SETUP, "EmailConfiguration": DEVELOPER_EMAIL}
# Each test states every call; retrying transient failures is tested on its own.
NO_RETRIES = Retries.off()
FAST_RETRIES = Retries(base_delay=0.001, max_delay=0.002)


def _replaced(base: dict[str, Any], members: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``base`` with some members replaced (``None`` removes one)."""
    copied = copy.deepcopy(base)
    for name, value in members.items():
        if value is None:
            copied.pop(name, None)
        else:
            copied[name] = value
    return copied


def pool(**members: Any) -> dict[str, Any]:
    """POOL with some members replaced (``None`` removes one)."""
    return _replaced(POOL, members)


def sent(**members: Any) -> dict[str, Any]:
    """SENT with some members replaced (``None`` removes one)."""
    return _replaced(SENT, members)


class Calls:
    """A stubbed client, its queue of expected calls, and the pool handle read through it."""

    def __init__(self, described: dict[str, Any], retries: Retries = NO_RETRIES) -> None:
        self.client = stub_client()
        self.stubber = Stubber(self.client)
        self.described = described
        self.stubber.add_response("describe_user_pool", {"UserPool": copy.deepcopy(described)})
        self.stubber.activate()
        self.pool = UserPools(self.client, retries=retries).get(POOL_ID)

    def describe(self) -> Calls:
        self.stubber.add_response(
            "describe_user_pool",
            {"UserPool": copy.deepcopy(self.described)},
            {"UserPoolId": POOL_ID},
        )
        return self

    def get(self, answer: dict[str, Any]) -> Calls:
        self.stubber.add_response(
            "get_user_pool_mfa_config", copy.deepcopy(answer), {"UserPoolId": POOL_ID}
        )
        return self

    def read(self, answer: dict[str, Any]) -> Calls:
        return self.describe().get(answer)

    def set(self, request: dict[str, Any]) -> Calls:
        self.stubber.add_response(
            "set_user_pool_mfa_config", {}, {"UserPoolId": POOL_ID, **request}
        )
        return self

    def update(self, request: dict[str, Any]) -> Calls:
        self.stubber.add_response("update_user_pool", {}, request)
        return self

    def fail(self, method: str, code: str = "InvalidParameterException") -> Calls:
        self.stubber.add_client_error(
            method, service_error_code=code, service_message="refused", http_status_code=400
        )
        return self

    def done(self) -> None:
        self.stubber.assert_no_pending_responses()
        self.stubber.deactivate()


# -- the mode alone -----------------------------------------------------------------------------


def test_a_mode_on_a_pool_without_factors_enables_the_authenticator_app_and_only_sets_mfa() -> None:
    calls = Calls(POOL).read(OFF).read(OFF).set(TOTP_OPTIONAL)
    plan = calls.pool.plan(mfa="OPTIONAL")
    assert str(plan) == (
        f"User pool {POOL_ID}: 2 settings to change\n"
        "  ~ mfa.mfa_configuration: 'OFF' -> 'OPTIONAL'\n"
        "  + mfa.software_token_mfa_configuration.enabled = True"
    )
    assert plan.request is None  # only the MFA setup changes: no UpdateUserPool
    assert plan.mfa_request == {"UserPoolId": POOL_ID, **TOTP_OPTIONAL}
    updated = calls.pool.update(mfa="OPTIONAL")
    calls.done()
    assert updated.config.mfa_configuration == "OPTIONAL"


def test_a_mode_change_keeps_every_factor_and_passkeys() -> None:
    calls = Calls(pool(MfaConfiguration="OPTIONAL", **READY)).read(EVERYTHING)
    calls.set({**EVERYTHING, "MfaConfiguration": "ON"})
    calls.pool.update(mfa="ON")
    calls.done()


def test_off_drops_the_factors_and_keeps_passkeys() -> None:
    calls = Calls(pool(MfaConfiguration="OPTIONAL")).read(EVERYTHING)
    calls.set(
        {"MfaConfiguration": "OFF", "WebAuthnConfiguration": EVERYTHING["WebAuthnConfiguration"]}
    )
    plan = calls.pool.update(mfa="OFF")
    calls.done()
    assert plan.config.mfa_configuration == "OFF"


def test_a_mode_already_set_makes_no_write() -> None:
    calls = Calls(pool(MfaConfiguration="OPTIONAL")).read(TOTP_OPTIONAL).read(TOTP_OPTIONAL)
    assert not calls.pool.plan(mfa="OPTIONAL")
    calls.pool.update(mfa="OPTIONAL")  # no Set, no Update
    calls.done()


def test_a_change_without_mfa_never_reads_or_writes_the_mfa_setup() -> None:
    calls = Calls(POOL).describe().update(sent(DeletionProtection="ACTIVE"))
    calls.pool.update(deletion_protection="ACTIVE")
    calls.done()


def test_get_mfa_config_reads_the_whole_setup_with_one_call() -> None:
    calls = Calls(POOL).get(EVERYTHING)
    setup = calls.pool.get_mfa_config()
    calls.done()
    assert isinstance(setup, UserPoolMfaConfig)
    assert setup.mfa_configuration == "OPTIONAL"
    assert setup.software_token_mfa_configuration == SoftwareTokenMfaConfig(enabled=True)
    assert setup.web_authn_configuration == WebAuthnConfiguration(
        relying_party_id="auth.example.com", user_verification="preferred"
    )
    assert setup.sms_mfa_configuration is not None
    assert setup.sms_mfa_configuration.sms_authentication_message == "Code {####}"


# -- the mapping form -----------------------------------------------------------------------------


def test_sms_mfa_with_its_sms_configuration_is_one_set_call() -> None:
    calls = Calls(POOL).read(OFF)
    calls.set(
        {
            "MfaConfiguration": "OPTIONAL",
            "SmsMfaConfiguration": {"SmsConfiguration": {"SnsCallerArn": ROLE, "ExternalId": "x"}},
        }
    )
    calls.pool.update(
        mfa={
            "mfa_configuration": "OPTIONAL",
            "sms_mfa_configuration": {
                "sms_configuration": {"sns_caller_arn": ROLE, "external_id": "x"}
            },
        }
    )
    calls.done()


def test_sms_to_authenticator_app_keeps_the_mode_and_the_other_parts() -> None:
    before = {**EVERYTHING, "SoftwareTokenMfaConfiguration": {"Enabled": False}}
    calls = Calls(pool(MfaConfiguration="OPTIONAL", **READY)).describe()
    calls.get(before)
    after = {k: v for k, v in EVERYTHING.items() if k != "SmsMfaConfiguration"}
    change: Any = {
        "sms_mfa_configuration": None,
        "software_token_mfa_configuration": {"enabled": True},
    }
    plan = calls.pool.plan(mfa=change)
    calls.done()
    assert [c.path for c in plan] == [
        "mfa.sms_mfa_configuration.sms_authentication_message",
        "mfa.sms_mfa_configuration.sms_configuration.sns_caller_arn",
        "mfa.sms_mfa_configuration.sms_configuration.external_id",
        "mfa.sms_mfa_configuration.sms_configuration.sns_region",
        "mfa.software_token_mfa_configuration.enabled",
    ]
    calls = Calls(pool(MfaConfiguration="OPTIONAL", **READY)).read(before)
    calls.set(after)
    calls.pool.update(mfa=change)
    calls.done()


def test_a_nested_change_merges_into_the_factor() -> None:
    calls = Calls(pool(MfaConfiguration="OPTIONAL", **READY)).read(EVERYTHING)
    sms = {**EVERYTHING["SmsMfaConfiguration"], "SmsAuthenticationMessage": "Sign-in code {####}"}
    calls.set({**EVERYTHING, "SmsMfaConfiguration": sms})
    calls.pool.update(
        mfa={"sms_mfa_configuration": {"sms_authentication_message": "Sign-in code {####}"}}
    )
    calls.done()


def test_sms_mfa_without_its_own_sms_configuration_uses_the_pools() -> None:
    calls = Calls(pool(SmsConfiguration=SMS_SETUP)).read(OFF)
    calls.set(
        {"MfaConfiguration": "OPTIONAL", "SmsMfaConfiguration": {"SmsConfiguration": SMS_SETUP}}
    )
    plan = calls.pool.update(mfa={"mfa_configuration": "OPTIONAL", "sms_mfa_configuration": {}})
    calls.done()
    assert plan.config.mfa_configuration == "OPTIONAL"


def test_a_whole_setup_replaces_the_current_one() -> None:
    calls = Calls(pool(MfaConfiguration="OPTIONAL")).read(EVERYTHING)
    calls.set({"MfaConfiguration": "ON", "SoftwareTokenMfaConfiguration": {"Enabled": True}})
    whole = UserPoolMfaConfig(
        mfa_configuration="ON",
        software_token_mfa_configuration=SoftwareTokenMfaConfig(enabled=True),
    )
    calls.pool.update(mfa=whole)
    calls.done()


def test_the_same_change_planned_again_is_empty() -> None:
    calls = Calls(POOL).read(OFF).set(TOTP_OPTIONAL).read(TOTP_OPTIONAL)
    updated = calls.pool.update(
        mfa={"software_token_mfa_configuration": {"enabled": True}, "mfa_configuration": "OPTIONAL"}
    )
    again = updated.plan(
        mfa={"software_token_mfa_configuration": {"enabled": True}, "mfa_configuration": "OPTIONAL"}
    )
    calls.done()
    assert not again


# -- both calls: the order, and the mode UpdateUserPool carries ----------------------------------


def test_mfa_goes_first_and_update_user_pool_carries_the_new_mode() -> None:
    calls = Calls(POOL).read(OFF).set(TOTP_OPTIONAL)
    calls.update(sent(MfaConfiguration="OPTIONAL", DeletionProtection="ACTIVE"))
    plan = calls.pool.update(mfa="OPTIONAL", deletion_protection="ACTIVE")
    calls.done()
    assert plan.config.deletion_protection == "ACTIVE"


def test_an_sms_configuration_lands_before_sms_mfa_uses_it() -> None:
    # SetUserPoolMfaConfig first would enable SMS MFA on a pool without an SMS configuration.
    calls = Calls(POOL).read(OFF)
    calls.update(sent(SmsConfiguration=SMS_SETUP))  # still the old mode
    calls.set(
        {"MfaConfiguration": "OPTIONAL", "SmsMfaConfiguration": {"SmsConfiguration": SMS_SETUP}}
    )
    calls.pool.update(**SMS_MFA_WITH_ITS_CONFIGURATION)
    calls.done()


def test_sms_mfa_is_turned_off_before_its_sms_configuration_is_removed() -> None:
    before = {
        "MfaConfiguration": "OPTIONAL",
        "SmsMfaConfiguration": {"SmsConfiguration": SMS_SETUP},
    }
    calls = Calls(pool(MfaConfiguration="OPTIONAL", SmsConfiguration=SMS_SETUP)).read(before)
    calls.set(TOTP_OPTIONAL)
    calls.update(sent(MfaConfiguration="OPTIONAL"))  # no SmsConfiguration any more
    calls.pool.update(
        sms_configuration=None,
        mfa={"sms_mfa_configuration": None, "software_token_mfa_configuration": {"enabled": True}},
    )
    calls.done()


def test_a_new_sms_role_through_mfa_lands_through_update_user_pool_first() -> None:
    before = {
        "MfaConfiguration": "OPTIONAL",
        "SmsMfaConfiguration": {"SmsConfiguration": SMS_SETUP},
    }
    # The mapping merges into the SMS configuration, so its SnsRegion stays.
    new_setup = {**SMS_SETUP, "SnsCallerArn": OTHER_ROLE, "ExternalId": "new-external"}
    calls = Calls(pool(MfaConfiguration="OPTIONAL", SmsConfiguration=SMS_SETUP)).read(before)
    # UpdateUserPool carries the SMS configuration that mfa sets: it is one pool setting.
    calls.update(
        sent(MfaConfiguration="OPTIONAL", SmsConfiguration=new_setup, DeletionProtection="ACTIVE")
    )
    calls.set(
        {"MfaConfiguration": "OPTIONAL", "SmsMfaConfiguration": {"SmsConfiguration": new_setup}}
    )
    calls.pool.update(
        deletion_protection="ACTIVE",
        mfa={
            "sms_mfa_configuration": {
                "sms_configuration": {"sns_caller_arn": OTHER_ROLE, "external_id": "new-external"}
            }
        },
    )
    calls.done()


def test_email_mfa_waits_for_the_ses_configuration_it_needs() -> None:
    calls = Calls(POOL).read(OFF)
    calls.update(sent(EmailConfiguration=DEVELOPER_EMAIL))
    email = {"Message": "Code {####}", "Subject": "Code"}
    calls.set({"MfaConfiguration": "OPTIONAL", "EmailMfaConfiguration": email})
    calls.pool.update(
        email_configuration={
            "email_sending_account": "DEVELOPER",
            "source_arn": DEVELOPER_EMAIL["SourceArn"],
        },
        mfa={
            "mfa_configuration": "OPTIONAL",
            "email_mfa_configuration": {"message": "Code {####}", "subject": "Code"},
        },
    )
    calls.done()


# -- a failing second call is undone ---------------------------------------------------------------


def test_a_failed_first_call_stops_before_the_second() -> None:
    calls = Calls(POOL).read(OFF).fail("set_user_pool_mfa_config")
    with pytest.raises(ServiceError) as caught:
        calls.pool.update(mfa="ON", deletion_protection="ACTIVE")
    calls.done()  # and no UpdateUserPool was attempted
    assert caught.value.operation == "SetUserPoolMfaConfig"
    assert "undone" not in str(caught.value)


def test_a_refused_update_after_set_puts_the_mfa_setup_back() -> None:
    calls = Calls(POOL).read(OFF)
    calls.set({"MfaConfiguration": "ON", "SoftwareTokenMfaConfiguration": {"Enabled": True}})
    calls.fail("update_user_pool", "InvalidParameterException")
    calls.set(OFF)  # the setup as read
    with pytest.raises(ServiceError) as caught:
        calls.pool.update(mfa="ON", deletion_protection="ACTIVE")
    calls.done()
    assert caught.value.operation == "UpdateUserPool"
    assert caught.value.code == "InvalidParameterException"
    assert "SetUserPoolMfaConfig had already changed the pool and was undone" in str(caught.value)


def test_a_refused_set_after_update_puts_the_pool_back() -> None:
    calls = Calls(POOL).read(OFF)
    calls.update(sent(SmsConfiguration=SMS_SETUP))
    calls.fail("set_user_pool_mfa_config")
    calls.update(sent())  # the pool as described
    with pytest.raises(ServiceError) as caught:
        calls.pool.update(**SMS_MFA_WITH_ITS_CONFIGURATION)
    calls.done()
    assert caught.value.operation == "SetUserPoolMfaConfig"
    assert "UpdateUserPool had already changed the pool and was undone" in str(caught.value)


def test_when_undoing_mfa_fails_too_the_error_says_what_landed() -> None:
    calls = Calls(POOL).read(OFF)
    calls.set({"MfaConfiguration": "ON", "SoftwareTokenMfaConfiguration": {"Enabled": True}})
    calls.fail("update_user_pool")
    calls.fail("set_user_pool_mfa_config", "TooManyRequestsException")
    with pytest.raises(PartiallyAppliedError) as caught:
        calls.pool.update(mfa="ON", deletion_protection="ACTIVE")
    calls.done()
    error = caught.value
    assert (error.landed, error.failed) == ("SetUserPoolMfaConfig", "UpdateUserPool")
    assert [c.path for c in error.applied] == [
        "mfa.mfa_configuration",
        "mfa.software_token_mfa_configuration.enabled",
    ]
    assert [c.path for c in error.not_applied] == ["deletion_protection"]
    assert isinstance(error.__cause__, ServiceError)
    assert isinstance(error.restore_error, ServiceError)
    assert error.restore_error.code == "TooManyRequestsException"
    text = str(error)
    assert "~ mfa.mfa_configuration: 'OFF' -> 'ON'" in text
    assert "~ deletion_protection: 'INACTIVE' -> 'ACTIVE'" in text


def test_when_undoing_the_pool_update_fails_too_the_error_says_what_landed() -> None:
    calls = Calls(POOL).read(OFF)
    calls.update(sent(SmsConfiguration=SMS_SETUP))
    calls.fail("set_user_pool_mfa_config")
    calls.fail("update_user_pool")
    with pytest.raises(PartiallyAppliedError) as caught:
        calls.pool.update(**SMS_MFA_WITH_ITS_CONFIGURATION)
    calls.done()
    error = caught.value
    assert (error.landed, error.failed) == ("UpdateUserPool", "SetUserPoolMfaConfig")
    assert {c.path.split(".")[0] for c in error.applied} == {"sms_configuration"}
    assert "mfa.mfa_configuration" in [c.path for c in error.not_applied]


# -- the form of mfa, checked before any call ---------------------------------------------------


@pytest.mark.parametrize(
    ("mfa", "path", "message"),
    [
        ("REQUIRED", "mfa", "'REQUIRED' is not allowed; expected one of 'OFF', 'ON', 'OPTIONAL'"),
        (None, "mfa", "expected one of 'OFF', 'ON', 'OPTIONAL', a mapping of MFA settings"),
        (3, "mfa", "got int 3"),
        ({"totp": {"enabled": True}}, "mfa.totp", "unknown setting of UserPoolMfaConfig"),
        ({"mfa_configuration": None}, "mfa.mfa_configuration", "cannot be cleared; set 'OFF'"),
        ({"mfa_configuration": "YES"}, "mfa.mfa_configuration", "'YES' is not allowed"),
        (
            {"software_token_mfa_configuration": {"enabled": "yes"}},
            "mfa.software_token_mfa_configuration.enabled",
            "expected True or False",
        ),
        (
            {"sms_mfa_configuration": {"sms_authentication_message": "no code"}},
            "mfa.sms_mfa_configuration.sms_authentication_message",
            "'no code' does not match",
        ),
        (
            UserPoolMfaConfig(
                software_token_mfa_configuration=SoftwareTokenMfaConfig(enabled=True)
            ),
            "mfa.mfa_configuration",
            "needs a mode",
        ),
    ],
)
def test_a_malformed_mfa_is_refused_before_any_call(mfa: Any, path: str, message: str) -> None:
    calls = Calls(POOL)
    with pytest.raises(ValidationError) as caught:
        calls.pool.update(mfa=mfa)
    calls.done()
    assert caught.value.paths == (path,)
    assert message in str(caught.value)


def test_the_raw_member_is_refused_with_a_pointer_to_mfa() -> None:
    calls = Calls(POOL)
    with pytest.raises(ValidationError) as caught:
        calls.pool.update(mfa_configuration="ON")  # type: ignore[call-arg]
    calls.done()
    assert caught.value.paths == ("mfa_configuration",)
    assert "use mfa= instead" in str(caught.value)


# -- the service's rules, judged after the fresh reads and before any write ------------------------


def refused_after_reading(
    described: dict[str, Any], answer: dict[str, Any], **change: Any
) -> ValidationError:
    calls = Calls(described).read(answer)  # nothing is queued after the reads
    with pytest.raises(ValidationError) as caught:
        calls.pool.update(**change)
    calls.done()
    return caught.value


def test_on_without_any_factor_is_refused() -> None:
    error = refused_after_reading(
        pool(MfaConfiguration="OPTIONAL"),
        TOTP_OPTIONAL,
        mfa={"mfa_configuration": "ON", "software_token_mfa_configuration": None},
    )
    assert error.paths == ("mfa.mfa_configuration",)
    assert "'ON' needs at least one MFA factor" in str(error)


def test_off_with_a_factor_the_change_sets_is_refused() -> None:
    error = refused_after_reading(
        POOL,
        OFF,
        mfa={"mfa_configuration": "OFF", "software_token_mfa_configuration": {"enabled": True}},
    )
    assert error.paths == ("mfa.software_token_mfa_configuration",)
    assert "cannot be configured while mfa.mfa_configuration is 'OFF'" in str(error)


def test_sms_mfa_without_any_sms_configuration_is_refused() -> None:
    error = refused_after_reading(
        POOL,
        OFF,
        mfa={
            "mfa_configuration": "OPTIONAL",
            "sms_mfa_configuration": {"sms_authentication_message": "Code {####}"},
        },
    )
    assert error.paths == ("mfa.sms_mfa_configuration.sms_configuration",)
    assert "SMS MFA needs an SMS configuration" in str(error)


def test_clearing_the_sms_configuration_that_sms_mfa_uses_is_refused() -> None:
    before = {
        "MfaConfiguration": "OPTIONAL",
        "SmsMfaConfiguration": {"SmsConfiguration": SMS_SETUP},
    }
    error = refused_after_reading(
        pool(MfaConfiguration="OPTIONAL", SmsConfiguration=SMS_SETUP),
        before,
        sms_configuration=None,
        mfa="ON",
    )
    assert error.paths == ("sms_configuration",)


def test_two_different_sms_configurations_in_one_change_are_refused() -> None:
    error = refused_after_reading(
        POOL,
        OFF,
        sms_configuration={"sns_caller_arn": ROLE, "external_id": "a"},
        mfa={
            "mfa_configuration": "OPTIONAL",
            "sms_mfa_configuration": {
                "sms_configuration": {"sns_caller_arn": OTHER_ROLE, "external_id": "b"}
            },
        },
    )
    assert error.paths == ("mfa.sms_mfa_configuration.sms_configuration",)
    assert "same pool setting as sms_configuration" in str(error)


@pytest.mark.parametrize(
    ("described", "message"),
    [
        (pool(), "email MFA needs email_configuration.email_sending_account 'DEVELOPER'"),
        (pool(EmailConfiguration=None), "the pool's is 'COGNITO_DEFAULT'"),
        (
            pool(EmailConfiguration=DEVELOPER_EMAIL, UserPoolTier="LITE"),
            "email MFA needs user_pool_tier 'ESSENTIALS' or 'PLUS'",
        ),
    ],
    ids=["cognito-default", "no-email-configuration", "lite"],
)
def test_email_mfa_needs_ses_and_a_tier_above_lite(described: dict[str, Any], message: str) -> None:
    error = refused_after_reading(
        described,
        OFF,
        mfa={"mfa_configuration": "OPTIONAL", "email_mfa_configuration": {"subject": "Code"}},
    )
    assert error.paths == ("mfa.email_mfa_configuration",)
    assert message in str(error)


def test_email_mfa_with_ses_on_essentials_is_sent() -> None:
    calls = Calls(pool(EmailConfiguration=DEVELOPER_EMAIL)).read(OFF)
    calls.set({"MfaConfiguration": "OPTIONAL", "EmailMfaConfiguration": {"Subject": "Code"}})
    calls.pool.update(
        mfa={"mfa_configuration": "OPTIONAL", "email_mfa_configuration": {"subject": "Code"}}
    )
    calls.done()


def test_a_lowered_tier_that_email_mfa_needs_is_refused_on_the_tier() -> None:
    email_on = {"MfaConfiguration": "OPTIONAL", "EmailMfaConfiguration": {"Subject": "Code"}}
    error = refused_after_reading(
        pool(EmailConfiguration=DEVELOPER_EMAIL, MfaConfiguration="OPTIONAL"),
        email_on,
        user_pool_tier="LITE",
        mfa="ON",
    )
    assert error.paths == ("user_pool_tier",)


def test_phone_recovery_is_refused_with_sms_mfa() -> None:
    phone = {"RecoveryMechanisms": [{"Name": "verified_phone_number", "Priority": 1}]}
    sms = {"mfa_configuration": "OPTIONAL", "sms_mfa_configuration": {}}
    error = refused_after_reading(
        pool(SmsConfiguration=SMS_SETUP, AccountRecoverySetting=phone), OFF, mfa=sms
    )
    assert error.paths == ("mfa.sms_mfa_configuration",)
    assert "verified_phone_number" in str(error)
    # Reported on the recovery setting when the change is what puts the phone there.
    sms_on = {
        "MfaConfiguration": "OPTIONAL",
        "SmsMfaConfiguration": {"SmsConfiguration": SMS_SETUP},
    }
    error = refused_after_reading(
        pool(SmsConfiguration=SMS_SETUP, MfaConfiguration="OPTIONAL"),
        sms_on,
        account_recovery_setting={
            "recovery_mechanisms": [{"name": "verified_phone_number", "priority": 1}]
        },
        mfa="ON",
    )
    assert error.paths == ("account_recovery_setting.recovery_mechanisms",)


def test_mfa_on_allows_only_password_and_passkeys_as_first_factors() -> None:
    sign_in = {"SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "EMAIL_OTP"]}}
    error = refused_after_reading(pool(Policies=sign_in), OFF, mfa="ON")
    assert error.paths == ("mfa.mfa_configuration",)
    assert "remove EMAIL_OTP from policies.sign_in_policy.allowed_first_auth_factors" in str(error)


def test_optional_mfa_allows_passwordless_first_factors() -> None:
    sign_in = {"SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "EMAIL_OTP"]}}
    calls = Calls(pool(Policies=sign_in)).read(OFF).set(TOTP_OPTIONAL)
    calls.pool.update(mfa="OPTIONAL")
    calls.done()


@needs_passkeys_as_mfa
def test_passkeys_as_a_first_factor_with_mfa_on_must_satisfy_mfa() -> None:
    sign_in = {"SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "WEB_AUTHN"]}}
    passkeys = {
        "MfaConfiguration": "OFF",
        "WebAuthnConfiguration": {"RelyingPartyId": "auth.example.com"},
    }
    error = refused_after_reading(pool(Policies=sign_in), passkeys, mfa="ON")
    assert error.paths == ("mfa.web_authn_configuration.factor_configuration",)
    assert "'MULTI_FACTOR_WITH_USER_VERIFICATION'" in str(error)

    calls = Calls(pool(Policies=sign_in)).read(passkeys)
    web_authn = {
        "RelyingPartyId": "auth.example.com",
        "FactorConfiguration": "MULTI_FACTOR_WITH_USER_VERIFICATION",
    }
    calls.set(
        {
            "MfaConfiguration": "ON",
            "SoftwareTokenMfaConfiguration": {"Enabled": True},
            "WebAuthnConfiguration": web_authn,
        }
    )
    calls.pool.update(
        mfa={
            "mfa_configuration": "ON",
            "web_authn_configuration": {
                "factor_configuration": "MULTI_FACTOR_WITH_USER_VERIFICATION"
            },
        }
    )
    calls.done()


@needs_passkeys_as_mfa
def test_passkeys_as_mfa_need_a_tier_above_lite() -> None:
    error = refused_after_reading(
        pool(UserPoolTier="LITE"),
        OFF,
        mfa={
            "web_authn_configuration": {
                "relying_party_id": "auth.example.com",
                "factor_configuration": "MULTI_FACTOR_WITH_USER_VERIFICATION",
            }
        },
    )
    assert error.paths == ("mfa.web_authn_configuration.factor_configuration",)
    assert "passkeys as MFA need user_pool_tier" in str(error)


def test_every_problem_is_reported_at_once() -> None:
    error = refused_after_reading(
        pool(UserPoolTier="LITE"),
        OFF,
        deletion_protection="ACTIVE",
        mfa={
            "mfa_configuration": "OPTIONAL",
            "email_mfa_configuration": {},
            "sms_mfa_configuration": {},
        },
    )
    assert error.paths == (
        "mfa.sms_mfa_configuration.sms_configuration",
        "mfa.email_mfa_configuration",
        "mfa.email_mfa_configuration",
    )


def test_a_second_call_without_an_answer_is_reported_as_unknown() -> None:
    calls = Calls(POOL).read(OFF)
    calls.set({"MfaConfiguration": "ON", "SoftwareTokenMfaConfiguration": {"Enabled": True}})
    calls.set(OFF)  # the undo

    def time_out(**_: Any) -> None:
        raise ReadTimeoutError(endpoint_url="https://cognito-idp.us-east-1.amazonaws.com/")

    calls.client.meta.events.register("before-call.cognito-idp.UpdateUserPool", time_out)
    with pytest.raises(CallFailedError) as caught:
        calls.pool.update(mfa="ON", deletion_protection="ACTIVE")
    calls.done()
    text = str(caught.value)
    assert "SetUserPoolMfaConfig had already changed the pool and was undone" in text
    assert "UpdateUserPool got no answer, so whether it changed the pool is unknown" in text


@pytest.mark.skipif(SENDS_PASSKEYS_AS_MFA, reason="the installed botocore can send it")
def test_passkeys_as_mfa_on_a_botocore_that_cannot_send_them_are_refused_before_any_call() -> None:
    calls = Calls(POOL)
    with pytest.raises(ValidationError) as caught:
        calls.pool.update(
            mfa={"web_authn_configuration": {"factor_configuration": "SINGLE_FACTOR"}}
        )
    calls.done()
    assert caught.value.paths == ("mfa.web_authn_configuration.factor_configuration",)
    assert "needs botocore 1.42.90 or newer" in str(caught.value)


# -- with MFA off, GetUserPoolMfaConfig still reports the pool's SMS setup (aws-sdk-js #4186) -----

OFF_WITH_SMS_SETUP: dict[str, Any] = {
    "MfaConfiguration": "OFF",
    "SmsMfaConfiguration": {
        "SmsAuthenticationMessage": "Code {####}",
        "SmsConfiguration": SMS_SETUP,
    },
    "SoftwareTokenMfaConfiguration": {"Enabled": False},
}


def test_with_mfa_off_the_reported_sms_setup_is_never_sent_back() -> None:
    phone = {"RecoveryMechanisms": [{"Name": "verified_phone_number", "Priority": 1}]}
    described = pool(SmsConfiguration=SMS_SETUP, AccountRecoverySetting=phone)
    passkeys = {"web_authn_configuration": {"relying_party_id": "auth.example.com"}}
    calls = Calls(described).read(OFF_WITH_SMS_SETUP)
    plan = calls.pool.plan(mfa=passkeys)
    assert [c.path for c in plan] == ["mfa.web_authn_configuration.relying_party_id"]
    calls.read(OFF_WITH_SMS_SETUP).set(
        {
            "MfaConfiguration": "OFF",
            "SoftwareTokenMfaConfiguration": {"Enabled": False},
            "WebAuthnConfiguration": {"RelyingPartyId": "auth.example.com"},
        }
    )
    calls.pool.update(mfa=passkeys)
    calls.done()


def test_turning_mfa_on_uses_the_sms_setup_the_pool_reports() -> None:
    calls = Calls(pool(SmsConfiguration=SMS_SETUP)).read(OFF_WITH_SMS_SETUP)
    plan = calls.pool.plan(mfa="OPTIONAL")
    assert [c.path for c in plan] == ["mfa.mfa_configuration"]  # SMS MFA is already set up
    calls.read(OFF_WITH_SMS_SETUP).set({**OFF_WITH_SMS_SETUP, "MfaConfiguration": "OPTIONAL"})
    calls.pool.update(mfa="OPTIONAL")
    calls.done()


def test_a_whole_setup_without_its_own_sms_configuration_uses_the_pools() -> None:
    calls = Calls(pool(SmsConfiguration=SMS_SETUP)).read(OFF)
    calls.set({"MfaConfiguration": "ON", "SmsMfaConfiguration": {"SmsConfiguration": SMS_SETUP}})
    calls.pool.update(
        mfa=UserPoolMfaConfig(mfa_configuration="ON", sms_mfa_configuration=SmsMfaConfig())
    )
    calls.done()


def test_a_failed_mfa_read_writes_nothing() -> None:
    calls = Calls(POOL).describe().fail("get_user_pool_mfa_config", "TooManyRequestsException")
    with pytest.raises(ServiceError) as caught:
        calls.pool.update(mfa="ON", deletion_protection="ACTIVE")
    calls.done()
    assert caught.value.operation == "GetUserPoolMfaConfig"


def test_a_failed_first_update_stops_before_the_mfa_setup() -> None:
    calls = Calls(POOL).read(OFF).fail("update_user_pool")
    with pytest.raises(ServiceError) as caught:
        calls.pool.update(
            sms_configuration={"sns_caller_arn": ROLE, "external_id": "e"},
            mfa={"mfa_configuration": "OPTIONAL", "sms_mfa_configuration": {}},
        )
    calls.done()  # and no SetUserPoolMfaConfig was attempted
    assert caught.value.operation == "UpdateUserPool"
    assert "undone" not in str(caught.value)


def test_apply_writes_a_shown_mfa_plan_only_while_it_holds() -> None:
    calls = Calls(POOL).read(OFF)
    plan = calls.pool.plan(mfa="OPTIONAL")
    calls.read(OFF).set(TOTP_OPTIONAL)
    calls.pool.apply(plan)
    calls.read(TOTP_OPTIONAL)  # someone else turned MFA on in between: the plan is stale
    with pytest.raises(StalePlanError):
        calls.pool.apply(plan)
    calls.done()


def test_a_retried_round_starts_from_the_setup_the_undo_put_back() -> None:
    # Each round undoes its own first write, so a retry reads the original setup again and
    # plans the same two writes; the final state is the requested one.
    calls = Calls(POOL, FAST_RETRIES).read(OFF)
    on = {"MfaConfiguration": "ON", "SoftwareTokenMfaConfiguration": {"Enabled": True}}
    calls.set(on).fail("update_user_pool", "ConcurrentModificationException").set(OFF)
    calls.read(OFF).set(on).update(sent(MfaConfiguration="ON", DeletionProtection="ACTIVE"))
    updated = calls.pool.update(mfa="ON", deletion_protection="ACTIVE")
    calls.done()
    assert updated.config.mfa_configuration == "ON"
    assert updated.config.deletion_protection == "ACTIVE"


def test_when_the_undo_itself_is_throttled_nothing_is_retried() -> None:
    calls = Calls(POOL, FAST_RETRIES).read(OFF)
    calls.set({"MfaConfiguration": "ON", "SoftwareTokenMfaConfiguration": {"Enabled": True}})
    calls.fail("update_user_pool", "ConcurrentModificationException")
    calls.fail("set_user_pool_mfa_config", "TooManyRequestsException")
    with pytest.raises(PartiallyAppliedError) as caught:
        calls.pool.update(mfa="ON", deletion_protection="ACTIVE")
    calls.done()  # no second round: the pool is no longer as the change found it
    assert caught.value.landed == "SetUserPoolMfaConfig"


def test_the_sms_external_id_appears_in_no_plan_error_or_repr() -> None:
    secret = "do-not-print-me"  # noqa: S105 - a marker to look for, not a credential
    setup = {"sns_caller_arn": ROLE, "external_id": secret}
    change: Any = {
        "mfa_configuration": "OPTIONAL",
        "sms_mfa_configuration": {"sms_configuration": setup},
    }
    calls = Calls(POOL).read(OFF)
    plan = calls.pool.plan(mfa=change, deletion_protection="ACTIVE")
    assert "mfa.sms_mfa_configuration.sms_configuration.external_id" in str(plan)
    # UpdateUserPool lands the SMS configuration first; then SetUserPoolMfaConfig and the undo fail.
    calls.read(OFF)
    calls.stubber.add_response("update_user_pool", {})
    calls.fail("set_user_pool_mfa_config").fail("update_user_pool")
    with pytest.raises(PartiallyAppliedError) as caught:
        calls.pool.update(mfa=change, deletion_protection="ACTIVE")
    calls.done()
    error = caught.value
    assert error.landed == "UpdateUserPool"
    shown = [str(plan), repr(plan), str(error), repr(error), repr(error.not_applied)]
    assert not [text for text in shown if secret in text]


# -- properties of the merge ----------------------------------------------------------------------

setups = strategies.models_of(UserPoolMfaConfig, sendable=True)


@given(current=setups, wanted=setups)
@settings(max_examples=150, deadline=None)
def test_merging_the_same_change_twice_changes_nothing_more(
    current: UserPoolMfaConfig, wanted: UserPoolMfaConfig
) -> None:
    change = strategies.as_change(wanted)
    merged = merge_mfa(current, change)
    assert merge_mfa(merged, change) == merged  # so a second plan of the same change is empty
    assert merge_mfa(current, {}) == current
    # What a mode change implies only touches the factors the change leaves out.
    plain = apply_change(current, change, UserPoolMfaConfig)
    for name in change:
        assert getattr(merged, name) == getattr(plain, name)
    if merged != plain:
        assert change.get("mfa_configuration") not in {None, current.mfa_configuration}
        assert {name for name in FACTORS if getattr(merged, name) != getattr(plain, name)}


@given(current=setups, wanted=setups)
@settings(max_examples=150, deadline=None)
def test_every_mfa_request_passes_botocore_validation(
    current: UserPoolMfaConfig, wanted: UserPoolMfaConfig
) -> None:
    shape = _CLIENT.meta.service_model.operation_model("SetUserPoolMfaConfig").input_shape
    merged = merge_mfa(current, strategies.as_change(wanted))
    request = mfa_request(POOL_ID, merged, None, shape)
    validate_parameters(request, shape)  # raises on anything botocore would refuse

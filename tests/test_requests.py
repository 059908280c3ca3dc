"""The exact calls an update makes, asserted with botocore's Stubber.

The Stubber checks every request against the real service model and compares its parameters
exactly, so each test states the whole ``update_user_pool`` request a user's change sends. One
test per service rule that the library handles on the caller's behalf.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from botocore.exceptions import ClientError
from botocore.stub import Stubber
from recorded import DESCRIBE_ONLY
from stubs import stub_client

from cognito_pools import (
    ConcurrentModificationError,
    InternalServiceError,
    LimitExceededError,
    Pool,
    PoolNotFoundError,
    Retries,
    RoleNotReadyError,
    ServiceError,
    TooManyRequestsError,
    UserImportInProgressError,
    UserPools,
    ValidationError,
)

POOL_ID = "us-east-1_Rq7eSt"
ACCOUNT = "123456789012"
ARN = f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:"
KMS_KEY = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
CREATED = dt.datetime(2023, 5, 1, 12, 0, tzinfo=dt.timezone.utc)


def _facts(name: str) -> dict[str, Any]:
    return {
        "Id": POOL_ID,
        "Name": name,
        "Arn": f"arn:aws:cognito-idp:us-east-1:{ACCOUNT}:userpool/{POOL_ID}",
        "Status": "Enabled",
        "CreationDate": CREATED,
        "LastModifiedDate": CREATED,
        "EstimatedNumberOfUsers": 3,
        "SchemaAttributes": [
            {"Name": "sub", "AttributeDataType": "String", "Mutable": False, "Required": True},
            {"Name": "email", "AttributeDataType": "String", "Mutable": True, "Required": False},
        ],
        "UsernameConfiguration": {"CaseSensitive": False},
    }


# 37-real-describe-roundtrip-both-validity-fields: a real describe dump reporting both
# TemporaryPasswordValidityDays and the legacy UnusedAccountValidityDays.
POOL_37: dict[str, Any] = {
    **_facts("nadialin"),
    "Policies": {
        "PasswordPolicy": {
            "MinimumLength": 8,
            "RequireUppercase": True,
            "RequireLowercase": True,
            "RequireNumbers": True,
            "RequireSymbols": True,
            "TemporaryPasswordValidityDays": 7,
        }
    },
    "LambdaConfig": {},
    "AutoVerifiedAttributes": ["email"],
    "AliasAttributes": ["email"],
    "VerificationMessageTemplate": {"DefaultEmailOption": "CONFIRM_WITH_CODE"},
    "MfaConfiguration": "OFF",
    "EmailConfiguration": {"EmailSendingAccount": "COGNITO_DEFAULT"},
    "UserPoolTags": {},
    "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": False, "UnusedAccountValidityDays": 7},
    "Domain": "nadialin",
}

# 35-legacy-unused-account-validity-passninja: only the legacy field, no
# TemporaryPasswordValidityDays in the password policy.
POOL_35: dict[str, Any] = {
    **_facts("passninja-user-pool"),
    "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": True, "UnusedAccountValidityDays": 7},
    "EmailConfiguration": {"ReplyToEmailAddress": "info@passninja.com"},
    "DeviceConfiguration": {
        "ChallengeRequiredOnNewDevice": False,
        "DeviceOnlyRememberedOnUserPrompt": True,
    },
    "UsernameAttributes": ["email"],
    "AutoVerifiedAttributes": ["email"],
    "Policies": {
        "PasswordPolicy": {
            "MinimumLength": 8,
            "RequireLowercase": True,
            "RequireSymbols": True,
            "RequireUppercase": True,
            "RequireNumbers": True,
        }
    },
}


def writable(user_pool: dict[str, Any]) -> dict[str, Any]:
    """What UpdateUserPool must receive to keep this pool as it is (before any service rule)."""
    request = {k: copy.deepcopy(v) for k, v in user_pool.items() if k not in DESCRIBE_ONLY}
    request["PoolName"] = user_pool["Name"]
    return request


@pytest.fixture
def client() -> Any:
    return stub_client()


def _describe(stubber: Stubber, user_pool: dict[str, Any]) -> None:
    stubber.add_response(
        "describe_user_pool", {"UserPool": copy.deepcopy(user_pool)}, {"UserPoolId": POOL_ID}
    )


def update(
    client: Any, user_pool: dict[str, Any], expected: dict[str, Any] | None, **changes: Any
) -> Pool:
    """Describe (get), describe + update (update), and check ``expected`` is the exact request."""
    with Stubber(client) as stubber:
        _describe(stubber, user_pool)
        _describe(stubber, user_pool)
        if expected is not None:
            stubber.add_response("update_user_pool", {}, {"UserPoolId": POOL_ID, **expected})
        pool = UserPools(client).get(POOL_ID).update(**changes)
        stubber.assert_no_pending_responses()
    return pool


def refused(
    client: Any, user_pool: dict[str, Any], *, needs_pool: bool, **changes: Any
) -> ValidationError:
    """Expect the change to be refused: before any call, or right after the fresh describe."""
    with Stubber(client) as stubber:
        _describe(stubber, user_pool)
        if needs_pool:
            _describe(stubber, user_pool)
        pool = UserPools(client).get(POOL_ID)
        # Nothing else is queued: a further call would fail the Stubber, not raise this.
        with pytest.raises(ValidationError) as caught:
            pool.update(**changes)
        stubber.assert_no_pending_responses()
    return caught.value


# -- describe and update do not line up -----------------------------------------------------------


def test_describe_only_members_are_never_sent_and_name_becomes_pool_name(client: Any) -> None:
    user_pool = {
        **POOL_37,
        "UsernameAttributes": ["email"],
        "SmsConfigurationFailure": "none",
        "EmailConfigurationFailure": "none",
        "CustomDomain": "auth-example",
    }
    del user_pool["AliasAttributes"]
    expected = writable(user_pool)
    del expected["AdminCreateUserConfig"]["UnusedAccountValidityDays"]
    expected["DeletionProtection"] = "ACTIVE"
    update(client, user_pool, expected, deletion_protection="ACTIVE")
    assert "Name" not in expected
    assert expected["PoolName"] == "nadialin"


def test_renaming_the_pool_sends_pool_name(client: Any) -> None:
    expected = writable(POOL_35)
    del expected["AdminCreateUserConfig"]["UnusedAccountValidityDays"]
    expected["Policies"]["PasswordPolicy"]["TemporaryPasswordValidityDays"] = 7
    expected["PoolName"] = "renamed pool"
    pool = update(client, POOL_35, expected, pool_name="renamed pool")
    assert pool.config.pool_name == "renamed pool"


def test_a_change_that_changes_nothing_sends_no_update(client: Any) -> None:
    pool = update(client, POOL_37, None, deletion_protection=None)
    assert pool.config.deletion_protection is None


# -- UnusedAccountValidityDays vs TemporaryPasswordValidityDays ----------------------------------


def test_legacy_validity_is_dropped_when_the_password_policy_has_its_own(client: Any) -> None:
    expected = writable(POOL_37)
    expected["AdminCreateUserConfig"] = {"AllowAdminCreateUserOnly": False}
    expected["DeletionProtection"] = "ACTIVE"
    update(client, POOL_37, expected, deletion_protection="ACTIVE")


def test_legacy_validity_moves_into_the_password_policy_when_it_has_none(client: Any) -> None:
    expected = writable(POOL_35)
    expected["AdminCreateUserConfig"] = {"AllowAdminCreateUserOnly": True}
    expected["Policies"]["PasswordPolicy"]["TemporaryPasswordValidityDays"] = 7
    expected["DeletionProtection"] = "ACTIVE"
    update(client, POOL_35, expected, deletion_protection="ACTIVE")


@pytest.mark.parametrize("user_pool", [POOL_37, POOL_35], ids=["both-fields", "legacy-only"])
def test_changing_the_legacy_validity_moves_the_password_policy_value(
    client: Any, user_pool: dict[str, Any]
) -> None:
    expected = writable(user_pool)
    del expected["AdminCreateUserConfig"]["UnusedAccountValidityDays"]
    expected["Policies"]["PasswordPolicy"]["TemporaryPasswordValidityDays"] = 3
    pool = update(
        client, user_pool, expected, admin_create_user_config={"unused_account_validity_days": 3}
    )
    assert pool.config.policies is not None
    assert pool.config.policies.password_policy is not None
    assert pool.config.policies.password_policy.temporary_password_validity_days == 3


def test_changing_the_temporary_password_validity_never_sends_the_legacy_twin(
    client: Any,
) -> None:
    expected = writable(POOL_37)
    expected["AdminCreateUserConfig"] = {"AllowAdminCreateUserOnly": False}
    expected["Policies"]["PasswordPolicy"]["TemporaryPasswordValidityDays"] = 10
    update(
        client,
        POOL_37,
        expected,
        policies={"password_policy": {"temporary_password_validity_days": 10}},
    )


def test_setting_both_validity_fields_differently_is_refused(client: Any) -> None:
    error = refused(
        client,
        POOL_37,
        needs_pool=True,
        admin_create_user_config={"unused_account_validity_days": 3},
        policies={"password_policy": {"temporary_password_validity_days": 10}},
    )
    assert error.paths == ("policies.password_policy.temporary_password_validity_days",)


# -- legacy verification messages follow the template ----------------------------------------------

POOL_MESSAGES: dict[str, Any] = {
    **_facts("messages"),
    "SmsVerificationMessage": "Your code is {####}",
    "EmailVerificationMessage": "Your code is {####}",
    "EmailVerificationSubject": "Your code",
    "VerificationMessageTemplate": {
        "SmsMessage": "Your code is {####}",
        "EmailMessage": "Your code is {####}",
        "EmailSubject": "Your code",
        "DefaultEmailOption": "CONFIRM_WITH_CODE",
    },
}


def test_legacy_messages_follow_a_changed_template(client: Any) -> None:
    expected = writable(POOL_MESSAGES)
    expected["VerificationMessageTemplate"]["EmailMessage"] = "Código: {####}"
    expected["VerificationMessageTemplate"]["SmsMessage"] = "SMS code {####}"
    expected["EmailVerificationMessage"] = "Código: {####}"
    expected["SmsVerificationMessage"] = "SMS code {####}"
    update(
        client,
        POOL_MESSAGES,
        expected,
        verification_message_template={
            "email_message": "Código: {####}",
            "sms_message": "SMS code {####}",
        },
    )


def test_the_template_follows_a_changed_legacy_message(client: Any) -> None:
    expected = writable(POOL_MESSAGES)
    expected["EmailVerificationSubject"] = "Welcome"
    expected["VerificationMessageTemplate"]["EmailSubject"] = "Welcome"
    update(client, POOL_MESSAGES, expected, email_verification_subject="Welcome")


def test_conflicting_legacy_message_and_template_in_one_change_are_refused(client: Any) -> None:
    error = refused(
        client,
        POOL_MESSAGES,
        needs_pool=True,
        email_verification_message="Legacy {####}",
        verification_message_template={"email_message": "Template {####}"},
    )
    assert error.paths == ("verification_message_template.email_message",)
    assert "email_verification_message" in str(error)


# -- PreTokenGeneration == PreTokenGenerationConfig.LambdaArn -------------------------------------

POOL_TOKENS: dict[str, Any] = {
    **_facts("tokens"),
    "LambdaConfig": {
        "PreSignUp": f"{ARN}signup",
        "PreTokenGeneration": f"{ARN}tokens",
        "PreTokenGenerationConfig": {"LambdaVersion": "V2_0", "LambdaArn": f"{ARN}tokens"},
    },
}


def _with_lambda(user_pool: dict[str, Any], lambda_config: dict[str, Any]) -> dict[str, Any]:
    expected = writable(user_pool)
    expected["LambdaConfig"] = lambda_config
    return expected


def test_setting_the_legacy_trigger_moves_the_versioned_config(client: Any) -> None:
    expected = _with_lambda(
        POOL_TOKENS,
        {
            "PreSignUp": f"{ARN}signup",
            "PreTokenGeneration": f"{ARN}tokens2",
            "PreTokenGenerationConfig": {"LambdaVersion": "V2_0", "LambdaArn": f"{ARN}tokens2"},
        },
    )
    update(client, POOL_TOKENS, expected, lambda_config={"pre_token_generation": f"{ARN}tokens2"})


def test_setting_the_versioned_config_moves_the_legacy_trigger(client: Any) -> None:
    expected = _with_lambda(
        POOL_TOKENS,
        {
            "PreSignUp": f"{ARN}signup",
            "PreTokenGeneration": f"{ARN}tokens3",
            "PreTokenGenerationConfig": {"LambdaVersion": "V3_0", "LambdaArn": f"{ARN}tokens3"},
        },
    )
    update(
        client,
        POOL_TOKENS,
        expected,
        lambda_config={
            "pre_token_generation_config": {"lambda_version": "V3_0", "lambda_arn": f"{ARN}tokens3"}
        },
    )


def test_a_new_versioned_config_fills_the_legacy_trigger(client: Any) -> None:
    user_pool = {**_facts("fresh"), "LambdaConfig": {"PreSignUp": f"{ARN}signup"}}
    expected = _with_lambda(
        user_pool,
        {
            "PreSignUp": f"{ARN}signup",
            "PreTokenGeneration": f"{ARN}tokens",
            "PreTokenGenerationConfig": {"LambdaVersion": "V2_0", "LambdaArn": f"{ARN}tokens"},
        },
    )
    update(
        client,
        user_pool,
        expected,
        lambda_config={
            "pre_token_generation_config": {"lambda_version": "V2_0", "lambda_arn": f"{ARN}tokens"}
        },
    )


@pytest.mark.parametrize(
    "cleared",
    [{"pre_token_generation": None}, {"pre_token_generation_config": None}],
    ids=["legacy", "config"],
)
def test_clearing_either_side_removes_the_pre_token_trigger(
    client: Any, cleared: dict[str, Any]
) -> None:
    expected = _with_lambda(POOL_TOKENS, {"PreSignUp": f"{ARN}signup"})
    pool = update(client, POOL_TOKENS, expected, lambda_config=cleared)
    assert pool.config.lambda_config is not None
    assert pool.config.lambda_config.pre_token_generation is None
    assert pool.config.lambda_config.pre_token_generation_config is None


def test_setting_both_pre_token_sides_differently_is_refused(client: Any) -> None:
    error = refused(
        client,
        POOL_TOKENS,
        needs_pool=True,
        lambda_config={
            "pre_token_generation": f"{ARN}one",
            "pre_token_generation_config": {"lambda_arn": f"{ARN}two"},
        },
    )
    assert error.paths == ("lambda_config.pre_token_generation_config.lambda_arn",)


# -- custom senders need a KMS key ---------------------------------------------------------------

SENDER = {"lambda_version": "V1_0", "lambda_arn": f"{ARN}mailer"}


def test_a_custom_sender_without_a_kms_key_is_refused(client: Any) -> None:
    error = refused(
        client, POOL_TOKENS, needs_pool=True, lambda_config={"custom_email_sender": SENDER}
    )
    assert error.paths == ("lambda_config.kms_key_id",)
    assert "custom_email_sender" in error.problems[0].message


def test_a_custom_sender_with_a_kms_key_is_sent_with_it(client: Any) -> None:
    expected = _with_lambda(
        POOL_TOKENS,
        {
            **POOL_TOKENS["LambdaConfig"],
            "CustomEmailSender": {"LambdaVersion": "V1_0", "LambdaArn": f"{ARN}mailer"},
            "KMSKeyID": KMS_KEY,
        },
    )
    update(
        client,
        POOL_TOKENS,
        expected,
        lambda_config={"custom_email_sender": SENDER, "kms_key_id": KMS_KEY},
    )


def test_a_kms_alias_is_refused_before_any_call(client: Any) -> None:
    alias = f"arn:aws:kms:us-east-1:{ACCOUNT}:alias/senders"
    error = refused(
        client,
        POOL_TOKENS,
        needs_pool=False,
        lambda_config={"custom_email_sender": SENDER, "kms_key_id": alias},
    )
    assert error.paths == ("lambda_config.kms_key_id",)
    assert "KMS key ARN" in str(error)


def test_clearing_the_kms_key_that_a_sender_needs_is_refused(client: Any) -> None:
    user_pool = {
        **_facts("senders"),
        "LambdaConfig": {
            "CustomSMSSender": {"LambdaVersion": "V1_0", "LambdaArn": f"{ARN}sms"},
            "KMSKeyID": KMS_KEY,
        },
    }
    error = refused(client, user_pool, needs_pool=True, lambda_config={"kms_key_id": None})
    assert error.paths == ("lambda_config.kms_key_id",)


# -- tags ------------------------------------------------------------------------------------------

POOL_TAGS: dict[str, Any] = {
    **_facts("tagged"),
    "UserPoolTags": {"aws:cloudformation:stack-name": "auth", "team": "identity"},
}


def test_reserved_aws_tags_are_left_out_of_the_request_and_others_kept(client: Any) -> None:
    expected = writable(POOL_TAGS)
    expected["UserPoolTags"] = {"team": "identity"}
    expected["DeletionProtection"] = "ACTIVE"
    update(client, POOL_TAGS, expected, deletion_protection="ACTIVE")


def test_changing_tags_keeps_them_whole_without_reserved_keys(client: Any) -> None:
    expected = writable(POOL_TAGS)
    expected["UserPoolTags"] = {"cost-centre": "42"}
    update(client, POOL_TAGS, expected, user_pool_tags={"cost-centre": "42"})


def test_setting_a_reserved_aws_tag_is_refused_before_any_call(client: Any) -> None:
    error = refused(
        client,
        POOL_TAGS,
        needs_pool=False,
        user_pool_tags={"aws:owner": "me", "team": "x"},
        deletion_protection="SOMETIMES",
    )
    assert set(error.paths) == {"user_pool_tags['aws:owner']", "deletion_protection"}


# -- structures missing service-required members ---------------------------------------------------


def _lenient(stubber: Stubber) -> None:
    """Let stubbed describes be incomplete: botocore never validates real responses."""
    stubber._validate_response = lambda *args, **kwargs: None  # type: ignore[method-assign]


def test_incomplete_structures_from_describe_are_left_out_not_sent(client: Any) -> None:
    # UserPoolAddOns lacks its required AdvancedSecurityMode: left out whole. The custom email
    # sender lacks its required LambdaVersion: left out, and the rest of LambdaConfig is kept.
    user_pool = {
        **_facts("incomplete"),
        "UserPoolAddOns": {},
        "LambdaConfig": {
            "PreSignUp": f"{ARN}pre",
            "CustomEmailSender": {"LambdaArn": f"{ARN}mailer"},
            "KMSKeyID": KMS_KEY,
        },
        "DeletionProtection": "INACTIVE",
    }
    expected = {
        "UserPoolId": POOL_ID,
        "PoolName": "incomplete",
        "LambdaConfig": {"PreSignUp": f"{ARN}pre", "KMSKeyID": KMS_KEY},
        "DeletionProtection": "ACTIVE",
    }
    with Stubber(client) as stubber:
        _lenient(stubber)
        _describe(stubber, user_pool)
        _describe(stubber, user_pool)
        stubber.add_response("update_user_pool", {}, expected)
        UserPools(client).get(POOL_ID).update(deletion_protection="ACTIVE")
        stubber.assert_no_pending_responses()


def test_a_change_that_leaves_a_structure_incomplete_is_refused(client: Any) -> None:
    error = refused(
        client,
        POOL_TOKENS,
        needs_pool=True,
        user_pool_add_ons={"advanced_security_additional_flows": {"custom_auth_mode": "AUDIT"}},
    )
    assert error.paths == ("user_pool_add_ons.advanced_security_mode",)


# -- MFA (the MFA step itself is tested in test_mfa.py) -----------------------------------------


def test_a_bad_tag_key_is_refused_before_mfa_is_touched(client: Any) -> None:
    # Tag keys are 1 to 128 characters. Left to botocore, the empty key fails only at the
    # update_user_pool call, after SetUserPoolMfaConfig has already changed the pool.
    error = refused(client, POOL_TAGS, needs_pool=False, mfa="OPTIONAL", user_pool_tags={"": "x"})
    assert error.paths == ("user_pool_tags['']",)


# -- service errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("ConcurrentModificationException", ConcurrentModificationError),
        ("TooManyRequestsException", TooManyRequestsError),
        ("InternalErrorException", InternalServiceError),
        ("InvalidSmsRoleTrustRelationshipException", RoleNotReadyError),
        ("InvalidSmsRoleAccessPolicyException", RoleNotReadyError),
        ("InvalidEmailRoleAccessPolicyException", RoleNotReadyError),
        ("UserImportInProgressException", UserImportInProgressError),
        ("LimitExceededException", LimitExceededError),
        ("InvalidParameterException", ServiceError),
    ],
)
def test_a_refused_update_raises_a_service_error_wrapping_the_client_error(
    client: Any, code: str, kind: type[ServiceError]
) -> None:
    with Stubber(client) as stubber:
        _describe(stubber, POOL_TOKENS)
        _describe(stubber, POOL_TOKENS)
        stubber.add_client_error(
            "update_user_pool",
            service_error_code=code,
            service_message="Only one request to update this UserPool can be processed at a time",
            http_status_code=400,
            response_meta={"RequestId": "5f1c-req"},
        )
        pool = UserPools(client, retries=Retries.off()).get(POOL_ID)
        with pytest.raises(ServiceError) as caught:
            pool.update(deletion_protection="ACTIVE")
        stubber.assert_no_pending_responses()
    error = caught.value
    assert type(error) is kind
    assert error.code == code
    assert error.message == "Only one request to update this UserPool can be processed at a time"
    assert error.operation == "UpdateUserPool"
    assert error.request_id == "5f1c-req"
    assert isinstance(error.__cause__, ClientError)
    assert "5f1c-req" in str(error)


def test_a_missing_pool_raises_pool_not_found(client: Any) -> None:
    with Stubber(client) as stubber:
        stubber.add_client_error(
            "describe_user_pool",
            service_error_code="ResourceNotFoundException",
            service_message="User pool us-east-1_Rq7eSt does not exist.",
            http_status_code=400,
        )
        with pytest.raises(PoolNotFoundError) as caught:
            UserPools(client).get(POOL_ID)
        stubber.assert_no_pending_responses()
    assert caught.value.operation == "DescribeUserPool"
    assert isinstance(caught.value.__cause__, ClientError)

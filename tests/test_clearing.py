"""Clearing a setting does what the plan says, and a second plan of the same change is empty.

Cognito keeps ``Policies.PasswordPolicy``, ``Policies.SignInPolicy`` and ``MfaConfiguration`` when
UpdateUserPool leaves them out (measured by go-to-k/cdkd), so clearing them by omission would
plan a change that never lands. moto resets everything it is not sent, so it cannot show the
difference: these tests pin the exact requests with botocore's Stubber, on a describe shaped
like a real 2026 pool.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from botocore.stub import Stubber
from recorded import POOL_2026, POOL_ID, without, writable
from stubs import stub_client
from test_requests import POOL_35, POOL_37, POOL_MESSAGES, POOL_TAGS, POOL_TOKENS

from cognito_pools import UserPools, ValidationError

# The members botocore 1.43.19 added are left out here, so that the Stubber (which checks
# responses against the installed model) accepts this pool on the oldest supported botocore too.
RECORDED = without(POOL_2026, "KeyConfiguration", "IssuerConfiguration")

DEFAULT_PASSWORD_POLICY = {
    "MinimumLength": 8,
    "RequireUppercase": True,
    "RequireLowercase": True,
    "RequireNumbers": True,
    "RequireSymbols": True,
    "TemporaryPasswordValidityDays": 7,
}
DEFAULT_SIGN_IN_POLICY = {"AllowedFirstAuthFactors": ["PASSWORD"]}


@pytest.fixture
def client() -> Any:
    return stub_client()


def kept_as_is(user_pool: dict[str, Any]) -> dict[str, Any]:
    """The request that keeps the pool: ``writable`` and the legacy validity rule."""
    request = writable(user_pool)
    admin = request.get("AdminCreateUserConfig", {})
    legacy = admin.pop("UnusedAccountValidityDays", None)
    password = request.get("Policies", {}).get("PasswordPolicy")
    if legacy is not None and password is not None:
        password.setdefault("TemporaryPasswordValidityDays", legacy)
    return request


def update(
    client: Any, user_pool: dict[str, Any], expected: dict[str, Any], **changes: Any
) -> list[str]:
    """Plan and update with ``changes``; check the exact request; return the plan's lines."""
    with Stubber(client) as stubber:
        for _ in range(3):  # get, plan, update
            stubber.add_response("describe_user_pool", {"UserPool": copy.deepcopy(user_pool)})
        stubber.add_response("update_user_pool", {}, {"UserPoolId": POOL_ID, **expected})
        pool = UserPools(client).get(POOL_ID)
        plan = pool.plan(**changes)
        pool.update(**changes)
        stubber.assert_no_pending_responses()
    return [str(change) for change in plan]


def test_clearing_the_sign_in_policy_sends_the_default_explicitly(client: Any) -> None:
    expected = kept_as_is(RECORDED)
    expected["Policies"]["SignInPolicy"] = DEFAULT_SIGN_IN_POLICY
    lines = update(client, RECORDED, expected, policies={"sign_in_policy": None})
    assert lines == [
        (
            "~ policies.sign_in_policy.allowed_first_auth_factors: "
            "['PASSWORD', 'EMAIL_OTP'] -> ['PASSWORD']"
        )
    ]


def test_clearing_the_password_policy_sends_the_default_explicitly(client: Any) -> None:
    expected = kept_as_is(RECORDED)
    expected["Policies"]["PasswordPolicy"] = DEFAULT_PASSWORD_POLICY
    lines = update(client, RECORDED, expected, policies={"password_policy": None})
    assert lines == [
        "~ policies.password_policy.minimum_length: 12 -> 8",
        "~ policies.password_policy.require_symbols: False -> True",
        "~ policies.password_policy.temporary_password_validity_days: 3 -> 7",
        # The legacy twin follows the password policy, as for any other change of it.
        "~ admin_create_user_config.unused_account_validity_days: 3 -> 7",
    ]


def test_clearing_the_policies_sends_both_defaults(client: Any) -> None:
    expected = kept_as_is(RECORDED)
    expected["Policies"] = {
        "PasswordPolicy": DEFAULT_PASSWORD_POLICY,
        "SignInPolicy": DEFAULT_SIGN_IN_POLICY,
    }
    lines = update(client, RECORDED, expected, policies=None)
    assert "~ policies.password_policy.minimum_length: 12 -> 8" in lines
    assert (
        "~ policies.sign_in_policy.allowed_first_auth_factors: "
        "['PASSWORD', 'EMAIL_OTP'] -> ['PASSWORD']"
    ) in lines


def test_a_model_instance_that_leaves_the_sign_in_policy_out_sends_its_default(
    client: Any,
) -> None:
    from cognito_pools import PasswordPolicy, UserPoolPolicy  # noqa: PLC0415

    expected = kept_as_is(RECORDED)
    expected["Policies"] = {
        "PasswordPolicy": {"MinimumLength": 10, "TemporaryPasswordValidityDays": 3},
        "SignInPolicy": DEFAULT_SIGN_IN_POLICY,
    }
    policy = PasswordPolicy(minimum_length=10, temporary_password_validity_days=3)
    update(client, RECORDED, expected, policies=UserPoolPolicy(password_policy=policy))


def test_a_value_given_for_the_legacy_twin_beats_the_default_of_a_cleared_policy(
    client: Any,
) -> None:
    expected = kept_as_is(RECORDED)
    expected["Policies"]["PasswordPolicy"] = {
        **DEFAULT_PASSWORD_POLICY,
        "TemporaryPasswordValidityDays": 5,
    }
    update(
        client,
        RECORDED,
        expected,
        policies={"password_policy": None},
        admin_create_user_config={"unused_account_validity_days": 5},
    )


def test_clearing_user_attribute_update_settings_sends_the_empty_list(client: Any) -> None:
    expected = kept_as_is(RECORDED)
    expected["UserAttributeUpdateSettings"] = {"AttributesRequireVerificationBeforeUpdate": []}
    lines = update(client, RECORDED, expected, user_attribute_update_settings=None)
    assert lines == [
        (
            "- user_attribute_update_settings.attributes_require_verification_before_update "
            "(was ['email'])"
        )
    ]


def test_clearing_the_email_configuration_goes_back_to_cognito_email(client: Any) -> None:
    ses = "arn:aws:ses:us-east-1:123456789012:identity/example.com"
    user_pool = {
        **RECORDED,
        "EmailConfiguration": {"EmailSendingAccount": "DEVELOPER", "SourceArn": ses},
    }
    expected = kept_as_is(user_pool)
    expected["EmailConfiguration"] = {"EmailSendingAccount": "COGNITO_DEFAULT"}
    lines = update(client, user_pool, expected, email_configuration=None)
    assert lines == [
        f"- email_configuration.source_arn (was {ses!r})",
        "~ email_configuration.email_sending_account: 'DEVELOPER' -> 'COGNITO_DEFAULT'",
    ]


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        ({"pool_name": None}, "pool_name", "set pool_name to the new name"),
        ({"user_pool_tier": None}, "user_pool_tier", "'LITE', 'ESSENTIALS' or 'PLUS'"),
        ({"mfa": None}, "mfa", "'OFF'"),  # cognito_pools.mfa's own message
        ({"verification_message_template": None}, "verification_message_template", "messages"),
        ({"admin_create_user_config": None}, "admin_create_user_config", "allow_admin_create"),
    ],
    ids=["pool_name", "user_pool_tier", "mfa", "verification_message_template", "admin_create"],
)
def test_clearing_what_cognito_cannot_clear_is_refused_before_any_call(
    client: Any, change: dict[str, Any], path: str, words: str
) -> None:
    with Stubber(client) as stubber:
        stubber.add_response("describe_user_pool", {"UserPool": copy.deepcopy(RECORDED)})
        pool = UserPools(client).get(POOL_ID)
        # Nothing else queued: a describe or an update would fail the Stubber instead.
        for attempt in (pool.plan, pool.update):
            with pytest.raises(ValidationError) as caught:
                attempt(**change)
            assert caught.value.paths == (path,)
            assert path == "mfa" or "cannot be cleared" in str(caught.value)
            assert words in str(caught.value)
        stubber.assert_no_pending_responses()


# -- convergence: a second plan of the same change is empty ----------------------------------------

ARN = "arn:aws:lambda:us-east-1:123456789012:function:"
CHANGES: list[dict[str, Any]] = [
    {"deletion_protection": "ACTIVE"},
    {"policies": {"password_policy": None}},
    {"policies": {"sign_in_policy": None}},
    {"policies": None},
    {"policies": {"password_policy": {"minimum_length": 10}}, "deletion_protection": "INACTIVE"},
    {"user_attribute_update_settings": None},
    {"user_attribute_update_settings": {"attributes_require_verification_before_update": []}},
    {"user_attribute_update_settings": {"attributes_require_verification_before_update": None}},
    {"email_configuration": None},
    {"lambda_config": None},
    {"lambda_config": {"pre_sign_up": f"{ARN}signup", "pre_token_generation": None}},
    {"user_pool_tags": {"team": "identity"}},
    {"user_pool_tags": None},
    {"admin_create_user_config": {"unused_account_validity_days": 3}},
    {"admin_create_user_config": {"unused_account_validity_days": 3}, "policies": None},
    {"verification_message_template": {"email_message": "Code {####}"}},
    {"device_configuration": None},
    {"account_recovery_setting": None, "auto_verified_attributes": None},
]
SHAPES = {
    "2026": RECORDED,
    "37": POOL_37,
    "35": POOL_35,
    "messages": POOL_MESSAGES,
    "tokens": POOL_TOKENS,
    "tags": POOL_TAGS,
}


def read_back(user_pool: dict[str, Any], request: dict[str, Any]) -> dict[str, Any]:
    """The pool as DescribeUserPool reports it after ``request``: what was sent, plus what
    UpdateUserPool cannot change (the describe-only facts and the reserved ``aws:`` tags)."""
    after = {k: copy.deepcopy(v) for k, v in request.items() if k not in {"UserPoolId", "PoolName"}}
    after.update({k: v for k, v in user_pool.items() if k in {"Id", "Arn", "CreationDate"}})
    after["Name"] = request["PoolName"]
    reserved = {k: v for k, v in user_pool.get("UserPoolTags", {}).items() if k.startswith("aws:")}
    if reserved:
        after["UserPoolTags"] = {**after.get("UserPoolTags", {}), **reserved}
    return after


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("change", CHANGES, ids=[str(change) for change in CHANGES])
def test_a_change_planned_again_after_it_landed_is_empty(
    client: Any, shape: str, change: dict[str, Any]
) -> None:
    user_pool = SHAPES[shape]
    with Stubber(client) as stubber:
        stubber.add_response("describe_user_pool", {"UserPool": copy.deepcopy(user_pool)})
        stubber.add_response("describe_user_pool", {"UserPool": copy.deepcopy(user_pool)})
        pool = UserPools(client).get(POOL_ID)
        first = pool.plan(**change)
        if first.request is None:
            assert not first
            return
        after = read_back(user_pool, dict(first.request))
        stubber.add_response("describe_user_pool", {"UserPool": after})
        again = pool.plan(**change)
        stubber.assert_no_pending_responses()
    assert list(again) == [], f"after {first}\nplanned again:\n{again}"
    assert again.request is None


def test_clearing_the_pre_token_trigger_while_editing_its_config_is_refused(client: Any) -> None:
    # Clearing the legacy trigger removes the config (its lambda_arn is required), which the
    # same change asks to keep: accepted, the change would never converge.
    with Stubber(client) as stubber:
        for _ in range(2):
            stubber.add_response("describe_user_pool", {"UserPool": copy.deepcopy(POOL_TOKENS)})
        pool = UserPools(client).get(POOL_ID)
        with pytest.raises(ValidationError) as caught:
            pool.update(
                lambda_config={"pre_token_generation": None, "pre_token_generation_config": {}}
            )
        stubber.assert_no_pending_responses()  # no update_user_pool
    assert caught.value.paths == ("lambda_config.pre_token_generation_config",)
    assert "leave one of them out" in str(caught.value)

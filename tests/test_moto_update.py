"""End-to-end updates against moto in-process (``mock_aws``), the peer that really resets settings.

moto behaves like UpdateUserPool is documented to: every setting left out of the request goes
back to its default. So a change that lands while everything else stays put is real evidence
that the library sends the whole pool back, and that the merge kept what the caller left out.
"""

from __future__ import annotations

import functools
import string
from typing import TYPE_CHECKING, Any

import attrs
import boto3
import pytest
from botocore.awsrequest import AWSResponse
from botocore.exceptions import ClientError
from conftest import setting_of
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from moto import mock_aws

from cognito_pools import (
    AccountRecoverySetting,
    AdminCreateUserConfig,
    CognitoPoolsError,
    DeviceConfiguration,
    EmailConfiguration,
    LambdaConfig,
    PasswordPolicy,
    PoolNotFoundError,
    RecoveryOption,
    ServiceError,
    UserPoolAddOns,
    UserPoolConfig,
    UserPoolFacts,
    UserPoolPolicy,
    UserPools,
    ValidationError,
    VerificationMessageTemplate,
)
from cognito_pools.grammar import diff

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from hypothesis.strategies import SearchStrategy

REGION = "us-east-1"
LAMBDA_ARN = "arn:aws:lambda:us-east-1:123456789012:function:{}"
LEGACY_VALIDITY = "admin_create_user_config.unused_account_validity_days"


@pytest.fixture
def moto_client() -> Iterator[Any]:
    with mock_aws():
        yield boto3.client("cognito-idp", region_name=REGION)


@pytest.fixture
def make_pool(moto_client: Any, load_pool: Callable[[str], dict[str, Any]]) -> Callable[[str], str]:
    """Create the numbered fixture pool in moto and return its id."""

    def make(number: str) -> str:
        pool_id: str = moto_client.create_user_pool(**load_pool(number))["UserPool"]["Id"]
        return pool_id

    return make


def get_path(model: Any, path: str) -> Any:
    for key in path.split("."):
        if model is None:
            return None
        model = getattr(model, key)
    return model


# The structure a change creates where the pool had none, by path. Written out here rather than
# read from the library's schema, so the expectation does not share the code under test.
BLANK: dict[str, type[Any]] = {
    "policies": UserPoolPolicy,
    "policies.password_policy": PasswordPolicy,
    "lambda_config": LambdaConfig,
    "device_configuration": DeviceConfiguration,
    "email_configuration": EmailConfiguration,
    "verification_message_template": VerificationMessageTemplate,
    "admin_create_user_config": AdminCreateUserConfig,
    "user_pool_add_ons": UserPoolAddOns,
    "account_recovery_setting": AccountRecoverySetting,
}


def put(model: Any, path: str, value: Any, prefix: str = "") -> Any:
    """Return ``model`` with ``value`` at the dotted ``path``, creating parents as needed."""
    head, _, rest = path.partition(".")
    if not rest:
        return attrs.evolve(model, **{head: value})
    child = getattr(model, head)
    if child is None:
        if value is None:  # clearing inside a structure the pool does not have: nothing to do
            return model
        child = BLANK[prefix + head]()
    return attrs.evolve(model, **{head: put(child, rest, value, f"{prefix}{head}.")})


def nest(path: str, value: Any) -> dict[str, Any]:
    """The keyword form of a change: ``nest("a.b", 1) == {"a": {"b": 1}}``."""
    head, _, rest = path.partition(".")
    return {head: nest(rest, value) if rest else value}


def comparable_facts(facts: UserPoolFacts) -> UserPoolFacts:
    """The facts an update must not change, as far as moto can show them.

    The modification date moves by design. AliasAttributes, UsernameAttributes and
    UsernameConfiguration are fixed at creation and UpdateUserPool cannot even carry them; moto
    still drops them on any update (it rebuilds its stored pool from the request), so it
    cannot witness them.
    """
    return attrs.evolve(
        facts,
        last_modified_date=None,
        alias_attributes=None,
        username_attributes=None,
        username_configuration=None,
    )


# --------------------------------------------------------------------------------------------
# The trap itself
# --------------------------------------------------------------------------------------------

# Settings of pool 31 that a bare UpdateUserPool wipes: (path, value before).
WIPED_BY_PLAIN_UPDATE = {
    "deletion_protection": "ACTIVE",
    "lambda_config.pre_sign_up": LAMBDA_ARN.format("MyFunction"),
    "lambda_config.kms_key_id": (
        "arn:aws:kms:us-east-1:123456789012:key/a6c4f8e2-0c45-47db-925f-87854bc9e357"
    ),
    "auto_verified_attributes": ("email",),
    "device_configuration": DeviceConfiguration(
        challenge_required_on_new_device=True, device_only_remembered_on_user_prompt=True
    ),
    "email_configuration.source_arn": (
        "arn:aws:ses:us-east-1:123456789012:identity/support@example.com"
    ),
    "user_pool_tags": {"my-test-tag-key": "my-test-tag-key"},
    "account_recovery_setting": AccountRecoverySetting(
        recovery_mechanisms=(RecoveryOption(priority=1, name="verified_email"),)
    ),
}


def test_plain_update_user_pool_resets_what_it_is_not_given(moto_client, make_pool):
    # The peer must really reset, or every "nothing else moved" assertion below proves nothing.
    pool_id = make_pool("31")
    pools = UserPools(moto_client)
    before = pools.get(pool_id).config

    moto_client.update_user_pool(UserPoolId=pool_id, MfaConfiguration="OPTIONAL")
    after = pools.get(pool_id).config

    for path, value in WIPED_BY_PLAIN_UPDATE.items():
        assert get_path(before, path) == value, path
        assert get_path(after, path) is None, path
    assert get_path(before, "policies.password_policy.minimum_length") == 6
    assert get_path(after, "policies.password_policy.minimum_length") == 8  # back to the default
    assert get_path(after, "email_configuration.email_sending_account") == "COGNITO_DEFAULT"


def without_mode(config: UserPoolConfig) -> UserPoolConfig:
    """The settings but the MFA mode, for comparing describe answers across an MFA change.

    moto quirk (AWS-RULES, last section): a MfaConfiguration sent to create/update keeps winning
    in describe over a later SetUserPoolMfaConfig, so after an update that only sets the MFA
    setup, moto's describe may still show the old mode. The mode is read with
    GetUserPoolMfaConfig instead, which is where the library writes it.
    """
    return attrs.evolve(config, mfa_configuration=None)


@pytest.mark.parametrize(
    "case",
    [
        ("OPTIONAL", []),  # already OPTIONAL: nothing to write at all
        ("ON", ["SetUserPoolMfaConfig"]),
        ("OFF", ["SetUserPoolMfaConfig"]),
    ],
    ids=["OPTIONAL", "ON", "OFF"],
)
def test_update_mfa_changes_mfa_and_nothing_else(moto_client, make_pool, record_calls, case):
    mode, writes = case
    pool_id = make_pool("31")  # MFA OPTIONAL, every trigger, tags, devices, DEVELOPER email
    pools = UserPools(moto_client)
    before = pools.get(pool_id)
    mfa_before = moto_client.get_user_pool_mfa_config(UserPoolId=pool_id)
    calls = record_calls(moto_client)

    returned = before.update(mfa=mode)
    assert calls == ["DescribeUserPool", "GetUserPoolMfaConfig", *writes]  # never UpdateUserPool
    after = pools.get(pool_id)
    mfa = moto_client.get_user_pool_mfa_config(UserPoolId=pool_id)

    assert without_mode(after.config) == without_mode(before.config)
    assert comparable_facts(after.facts) == comparable_facts(before.facts)
    assert mfa["MfaConfiguration"] == mode
    assert after.get_mfa_config().mfa_configuration == mode
    token = mfa.get("SoftwareTokenMfaConfiguration", {}).get("Enabled", False)
    if mode == "ON":  # no factor was enabled, so the authenticator app is turned on
        assert token is True
    elif mode == "OFF":
        assert token is False
    else:
        assert token == mfa_before.get("SoftwareTokenMfaConfiguration", {}).get("Enabled", False)
    assert returned.config.mfa_configuration == mode
    assert without_mode(returned.config) == without_mode(after.config)


# --------------------------------------------------------------------------------------------
# Property: any single-setting change lands on any real pool, and nothing else moves
# --------------------------------------------------------------------------------------------


@attrs.frozen
class Edit:
    """One setting change: the keywords passed to ``update`` and what must land where."""

    kwargs: Mapping[str, Any]
    path: str
    """Dotted path of the setting in UserPoolConfig."""
    value: Any
    """The value that must be there afterwards, in model form."""


def setting(
    path: str, values: SearchStrategy[Any], model: Callable[[Any], Any] = lambda v: v
) -> SearchStrategy[Edit]:
    return values.map(lambda v: Edit(nest(path, v), path, model(v)))


def one_of_fields(
    prefix: str, fields: list[str], values: SearchStrategy[Any]
) -> SearchStrategy[Edit]:
    return st.sampled_from(fields).flatmap(lambda name: setting(f"{prefix}.{name}", values))


def recovery_options(names: list[Any]) -> tuple[RecoveryOption, ...]:
    return tuple(RecoveryOption(priority=i, name=name) for i, name in enumerate(names, 1))


TRIGGERS = [
    "pre_sign_up",
    "custom_message",
    "post_confirmation",
    "pre_authentication",
    "post_authentication",
    "define_auth_challenge",
    "create_auth_challenge",
    "verify_auth_challenge_response",
    "user_migration",
    "pre_token_generation",
]
PASSWORD_FLAGS = ["require_uppercase", "require_lowercase", "require_numbers", "require_symbols"]
DEVICE_FLAGS = ["challenge_required_on_new_device", "device_only_remembered_on_user_prompt"]

names = st.from_regex(r"[A-Za-z0-9_-]{1,24}", fullmatch=True)
lambda_arns = names.map(LAMBDA_ARN.format)
words = st.text(alphabet=string.ascii_letters + string.digits + " .,!-", max_size=40)
code_messages = st.tuples(words, words).map(lambda parts: f"{parts[0]}{{####}}{parts[1]}")
emails = st.tuples(
    st.from_regex(r"[a-z0-9._+-]{1,20}", fullmatch=True),
    st.sampled_from(["example.com", "example.org", "mail.example.net"]),
).map("@".join)
tag_keys = st.from_regex(r"[A-Za-z0-9_.:/=+@-]{1,20}", fullmatch=True).filter(
    lambda key: not key.lower().startswith("aws:")
)
tags = st.dictionaries(
    tag_keys, st.from_regex(r"[A-Za-z0-9 _.:/=+@-]{0,20}", fullmatch=True), min_size=1, max_size=3
)
recovery_names = st.one_of(
    st.permutations(["verified_email", "verified_phone_number"]).flatmap(
        lambda order: st.integers(1, 2).map(lambda n: order[:n])
    ),
    st.just(["admin_only"]),
)

single_edits: SearchStrategy[Edit] = st.one_of(
    setting("deletion_protection", st.sampled_from(["ACTIVE", "INACTIVE"])),
    setting("user_pool_tags", tags),
    setting("policies.password_policy.minimum_length", st.integers(6, 99)),
    setting("policies.password_policy.password_history_size", st.integers(0, 24)),
    setting("policies.password_policy.temporary_password_validity_days", st.integers(0, 365)),
    one_of_fields("policies.password_policy", PASSWORD_FLAGS, st.booleans()),
    one_of_fields("lambda_config", TRIGGERS, st.none() | lambda_arns),
    one_of_fields("device_configuration", DEVICE_FLAGS, st.booleans()),
    st.just(Edit({"device_configuration": None}, "device_configuration", None)),
    setting(
        "auto_verified_attributes",
        st.lists(st.sampled_from(["email", "phone_number"]), min_size=1, max_size=2, unique=True),
        tuple,
    ),
    setting(
        "user_pool_add_ons.advanced_security_mode", st.sampled_from(["OFF", "AUDIT", "ENFORCED"])
    ),
    setting("email_configuration.reply_to_email_address", emails),
    setting("verification_message_template.sms_message", code_messages),
    setting("sms_verification_message", code_messages),
    setting("sms_authentication_message", code_messages),
    setting("admin_create_user_config.allow_admin_create_user_only", st.booleans()),
    setting(
        "account_recovery_setting.recovery_mechanisms",
        recovery_names.map(
            lambda order: [{"name": name, "priority": i} for i, name in enumerate(order, 1)]
        ),
        lambda entries: recovery_options([entry["name"] for entry in entries]),
    ),
    st.sampled_from(["OFF", "ON", "OPTIONAL"]).map(
        lambda mode: Edit({"mfa": mode}, "mfa_configuration", mode)
    ),
)


def expected_config(old: UserPoolConfig, edit: Edit) -> UserPoolConfig:
    """The pool's settings after ``edit``, with the followers the library documents."""
    new: UserPoolConfig = put(old, edit.path, edit.value)
    if edit.path == "verification_message_template.sms_message":
        # The legacy twin follows the template (moto also fills it when the request lacks it).
        new = attrs.evolve(new, sms_verification_message=edit.value)
    elif edit.path == "sms_verification_message" and old.verification_message_template is not None:
        new = put(new, "verification_message_template.sms_message", edit.value)
    elif (
        edit.path == "lambda_config.pre_token_generation"
        and get_path(old, "lambda_config.pre_token_generation_config") is not None
    ):
        # PreTokenGeneration == PreTokenGenerationConfig.LambdaArn; clearing one clears both.
        if edit.value is None:
            new = put(new, "lambda_config.pre_token_generation_config", None)
        else:
            new = put(new, "lambda_config.pre_token_generation_config.lambda_arn", edit.value)
    return new


@functools.cache
def _client() -> Any:
    """One client for every example; each example's ``mock_aws`` gives it a fresh backend."""
    return boto3.client("cognito-idp", region_name=REGION)


@given(edit=single_edits)
@settings(
    max_examples=3,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_single_setting_change_lands_and_nothing_else_moves(
    pool_kwargs, edit: Edit, record_calls, moved, after_update
):
    with mock_aws():
        client = _client()  # made once: a client costs more than the example's calls
        pool_id = client.create_user_pool(**pool_kwargs)["UserPool"]["Id"]
        pools = UserPools(client)
        before = pools.get(pool_id)
        old = before.config
        note(f"{edit}")
        expected = expected_config(old, edit)
        written = expected != old

        calls = record_calls(client)
        plan = before.plan(**edit.kwargs)
        plan_calls = list(calls)
        calls.clear()
        before.update(**edit.kwargs)
        update_calls = list(calls)

        after = pools.get(pool_id)
        mfa_mode = client.get_user_pool_mfa_config(UserPoolId=pool_id)["MfaConfiguration"]
        again = after.plan(**edit.kwargs)

    # Converged: the same change planned again has nothing left to do.
    assert list(again) == [], str(again)
    mfa_edit = "mfa" in edit.kwargs
    # (a) the change landed (the MFA mode is read from GetUserPoolMfaConfig: see without_mode)
    if mfa_edit:
        assert mfa_mode == edit.value
        expected, observed = without_mode(old), without_mode(after.config)
        written = False  # the MFA setup alone never needs UpdateUserPool
    else:
        assert get_path(after.config, edit.path) == edit.value
        observed = after.config
    # (b) nothing else moved; the one documented exception is the legacy validity field, which
    # an update drops (its value moving into the password policy when that has none)
    if written:
        expected = after_update(expected)
    assert [str(change) for change in diff(expected, observed)] == []

    # An update reads once and writes once; a no-op writes nothing.
    reads = ["DescribeUserPool"] + (["GetUserPoolMfaConfig"] if mfa_edit else [])
    assert plan_calls == reads
    assert update_calls[: len(reads)] == reads
    writes = update_calls[len(reads) :]
    if mfa_edit:
        assert writes == (["SetUserPoolMfaConfig"] if plan else [])
    else:
        assert writes == (["UpdateUserPool"] if written else [])

    # The plan names the setting and only settings that really move (or follow documented rules).
    planned = {setting_of(change.path) for change in plan if not change.path.startswith("mfa.")}
    expected_moves = set(moved(old, expected_config(old, edit))) | {LEGACY_VALIDITY}
    assert planned <= expected_moves
    if written:
        assert any(path.startswith(edit.path) for path in planned), str(plan)


# --------------------------------------------------------------------------------------------
# Clearing
# --------------------------------------------------------------------------------------------


def test_clearing_one_trigger_keeps_every_other_trigger(moto_client, make_pool, moved):
    pool_id = make_pool("31")
    pools = UserPools(moto_client)
    before = pools.get(pool_id)

    before.update(lambda_config={"pre_sign_up": None})
    after = pools.get(pool_id)

    assert moved(before.config, after.config) == ["lambda_config.pre_sign_up"]
    assert get_path(after.config, "lambda_config.custom_message") == LAMBDA_ARN.format("MyFunction")
    assert get_path(after.config, "lambda_config.custom_email_sender.lambda_arn") is not None


def test_device_configuration_none_turns_device_remembering_off(moto_client, make_pool, moved):
    pool_id = make_pool("31")
    pools = UserPools(moto_client)
    before = pools.get(pool_id)

    before.update(device_configuration=None)
    after = pools.get(pool_id)

    assert after.config.device_configuration is None
    assert moved(before.config, after.config) == [
        "device_configuration.challenge_required_on_new_device",
        "device_configuration.device_only_remembered_on_user_prompt",
    ]


@pytest.mark.parametrize("cleared", [None, {}], ids=["None", "empty"])
def test_clearing_tags_removes_every_tag_and_nothing_else(moto_client, make_pool, cleared, moved):
    pool_id = make_pool("27")  # tags {tag1: foo, tag2: bar}
    pools = UserPools(moto_client)
    before = pools.get(pool_id)

    plan = before.plan(user_pool_tags=cleared)
    before.update(user_pool_tags=cleared)
    after = pools.get(pool_id)

    assert before.config.user_pool_tags == {"tag1": "foo", "tag2": "bar"}
    assert not after.config.user_pool_tags
    assert moved(before.config, after.config) == ["user_pool_tags"]
    assert [change.path for change in plan] == ["user_pool_tags.tag1", "user_pool_tags.tag2"]
    assert "user_pool_tags" in str(plan)


@pytest.mark.parametrize(
    "change",
    [
        {"user_pool_tags": {}},
        {"auto_verified_attributes": []},
        {"lambda_config": {"pre_sign_up": None}},
    ],
    ids=["empty-tags", "empty-auto-verified", "clear-missing-trigger"],
)
def test_emptying_what_is_already_empty_is_a_no_op(moto_client, make_pool, record_calls, change):
    # Pool 01 has no tags, no auto-verified attributes and no triggers: each change leaves the
    # pool exactly as it is, so the plan must be empty and no UpdateUserPool may be sent.
    pool_id = make_pool("01")
    pool = UserPools(moto_client).get(pool_id)
    calls = record_calls(moto_client)

    plan = pool.plan(**change)
    pool.update(**change)

    assert list(plan) == [], str(plan)
    assert "UpdateUserPool" not in calls


@pytest.mark.parametrize("number", ["13", "33"])
def test_clearing_pre_token_generation_also_clears_its_config(
    moto_client, make_pool, number, after_update
):
    # 13 has only PreTokenGenerationConfig (V2_0); 33 has both, naming different functions.
    pool_id = make_pool(number)
    pools = UserPools(moto_client)
    before = pools.get(pool_id)
    assert get_path(before.config, "lambda_config.pre_token_generation_config") is not None

    before.update(lambda_config={"pre_token_generation": None})
    after = pools.get(pool_id)

    assert get_path(after.config, "lambda_config.pre_token_generation") is None
    assert get_path(after.config, "lambda_config.pre_token_generation_config") is None
    expected = after_update(
        put(
            put(before.config, "lambda_config.pre_token_generation", None),
            "lambda_config.pre_token_generation_config",
            None,
        )
    )
    moves = diff(expected, after.config)
    # An empty LambdaConfig and no LambdaConfig both mean "no triggers" (pool 13 had only this one).
    assert [str(c) for c in moves if c.path != "lambda_config"] == []
    if any(c.path == "lambda_config" for c in moves):
        assert after.config.lambda_config == LambdaConfig()


# --------------------------------------------------------------------------------------------
# plan only reads; an update is exactly one read and one write
# --------------------------------------------------------------------------------------------


def test_plan_only_reads_and_lists_the_setting(moto_client, make_pool, record_calls):
    pool_id = make_pool("31")
    pools = UserPools(moto_client)
    pool = pools.get(pool_id)
    calls = record_calls(moto_client)

    plan = pool.plan(user_pool_tags={"team": "auth"})

    assert calls == ["DescribeUserPool"]
    assert pools.get(pool_id).config == pool.config
    # The map is replaced whole, and the plan names its entries one by one.
    assert [(c.path, c.old, c.new) for c in plan] == [
        ("user_pool_tags.my-test-tag-key", "my-test-tag-key", None),
        ("user_pool_tags.team", None, "auth"),
    ]
    assert plan
    assert "user_pool_tags" in str(plan)
    assert "+ user_pool_tags.team = 'auth'" in str(plan)


def test_plan_with_mfa_reads_the_mfa_setup_and_writes_nothing(moto_client, make_pool, record_calls):
    pool_id = make_pool("01")
    pools = UserPools(moto_client)
    pool = pools.get(pool_id)
    calls = record_calls(moto_client)

    plan = pool.plan(mfa="ON")

    assert calls == ["DescribeUserPool", "GetUserPoolMfaConfig"]
    assert [c.path for c in plan] == [
        "mfa.mfa_configuration",
        "mfa.software_token_mfa_configuration.enabled",
    ]
    assert pools.get(pool_id).config.mfa_configuration == "OFF"
    mfa = moto_client.get_user_pool_mfa_config(UserPoolId=pool_id)
    assert mfa["MfaConfiguration"] == "OFF"
    assert "SoftwareTokenMfaConfiguration" not in mfa


def test_no_op_gives_an_empty_plan_and_no_write(moto_client, make_pool, record_calls):
    pool_id = make_pool("31")  # DeletionProtection is already ACTIVE
    pools = UserPools(moto_client)
    pool = pools.get(pool_id)
    calls = record_calls(moto_client)

    # Both already hold: protection is ACTIVE and there is no create-auth-challenge trigger.
    change: dict[str, Any] = {
        "deletion_protection": "ACTIVE",
        "lambda_config": {"create_auth_challenge": None},
    }
    plan = pool.plan(**change)
    assert not plan
    assert len(plan) == 0
    assert "No changes" in str(plan)

    calls.clear()
    returned = pool.update(**change)
    assert calls == ["DescribeUserPool"]
    assert returned.config == pool.config


def test_update_is_one_describe_and_one_update(moto_client, make_pool, record_calls, moved):
    pool_id = make_pool("31")
    pools = UserPools(moto_client)
    pool = pools.get(pool_id)
    calls = record_calls(moto_client)

    returned = pool.update(
        deletion_protection="INACTIVE", policies={"password_policy": {"minimum_length": 12}}
    )

    assert calls == ["DescribeUserPool", "UpdateUserPool"]
    after = pools.get(pool_id)
    assert moved(pool.config, after.config) == [
        "policies.password_policy.minimum_length",
        "deletion_protection",
    ]
    assert returned.config == after.config


# --------------------------------------------------------------------------------------------
# MFA goes through its own API
# --------------------------------------------------------------------------------------------


def test_mfa_optional_without_factors_enables_the_authenticator_app(
    moto_client, make_pool, record_calls
):
    pool_id = make_pool("01")
    pools = UserPools(moto_client)
    before = pools.get(pool_id)
    calls = record_calls(moto_client)

    before.update(mfa="OPTIONAL")

    assert calls == ["DescribeUserPool", "GetUserPoolMfaConfig", "SetUserPoolMfaConfig"]
    after = pools.get(pool_id)
    mfa = moto_client.get_user_pool_mfa_config(UserPoolId=pool_id)
    assert mfa["MfaConfiguration"] == "OPTIONAL"
    assert mfa["SoftwareTokenMfaConfiguration"] == {"Enabled": True}
    assert without_mode(after.config) == without_mode(before.config)


def test_mfa_off_on_a_pool_with_sms_mfa(moto_client, make_pool, record_calls):
    pool_id = make_pool("05")  # MFA ON with an SMS configuration
    pools = UserPools(moto_client)
    before = pools.get(pool_id)
    assert before.config.mfa_configuration == "ON"
    calls = record_calls(moto_client)

    before.update(mfa="OFF")

    assert calls == ["DescribeUserPool", "GetUserPoolMfaConfig", "SetUserPoolMfaConfig"]
    after = pools.get(pool_id)
    assert moto_client.get_user_pool_mfa_config(UserPoolId=pool_id)["MfaConfiguration"] == "OFF"
    assert after.config.sms_configuration == before.config.sms_configuration
    assert without_mode(after.config) == without_mode(before.config)


def refuse_update(**_: Any) -> tuple[AWSResponse, dict[str, Any]]:
    """A before-call handler refusing UpdateUserPool the way Cognito refuses a cross-field rule."""
    message = "SMS configuration and Auto verification for phone_number are required"
    parsed = {
        "Error": {"Code": "InvalidParameterException", "Message": message},
        "ResponseMetadata": {"HTTPStatusCode": 400, "RequestId": "refused-1"},
    }
    return AWSResponse("https://cognito-idp.us-east-1.amazonaws.com/", 400, {}, None), parsed


def test_refused_update_puts_the_mfa_setup_back(moto_client, make_pool, record_calls):
    pool_id = make_pool("01")  # MFA OFF, no factor
    pools = UserPools(moto_client)
    pool = pools.get(pool_id)
    calls = record_calls(moto_client)
    moto_client.meta.events.register("before-call.cognito-idp.UpdateUserPool", refuse_update)

    with pytest.raises(ServiceError, match="InvalidParameterException") as caught:
        pool.update(mfa="ON", deletion_protection="ACTIVE")

    assert caught.value.operation == "UpdateUserPool"
    assert calls == [
        "DescribeUserPool",
        "GetUserPoolMfaConfig",
        "SetUserPoolMfaConfig",
        "UpdateUserPool",
        "SetUserPoolMfaConfig",  # the MFA change is undone, so nothing stays half-applied
    ]
    mfa = moto_client.get_user_pool_mfa_config(UserPoolId=pool_id)
    assert mfa["MfaConfiguration"] == "OFF"
    assert not mfa.get("SoftwareTokenMfaConfiguration", {}).get("Enabled", False)
    assert pools.get(pool_id).config == pool.config


# --------------------------------------------------------------------------------------------
# MFA scenarios: each lands exactly the requested MFA setup, and no other setting moves
# --------------------------------------------------------------------------------------------

SMS_MESSAGE = "Your sign-in code is {####}"


def mfa_update(client: Any, pool_id: str, calls: list[str], **change: Any) -> dict[str, Any]:
    """Update through the library; check that only the MFA setup moved; return the new setup."""
    pools = UserPools(client)
    before = pools.get(pool_id)
    calls.clear()
    before.update(**change)
    assert calls == ["DescribeUserPool", "GetUserPoolMfaConfig", "SetUserPoolMfaConfig"]
    after = pools.get(pool_id)
    assert without_mode(after.config) == without_mode(before.config)
    assert comparable_facts(after.facts) == comparable_facts(before.facts)
    assert not after.plan(**change), "the same change planned again must be empty"
    setup: dict[str, Any] = client.get_user_pool_mfa_config(UserPoolId=pool_id)
    setup.pop("ResponseMetadata", None)
    return {key: value for key, value in setup.items() if value is not None}


def test_totp_optional_then_on(moto_client, make_pool, record_calls):
    pool_id = make_pool("31")
    calls = record_calls(moto_client)
    totp = {"software_token_mfa_configuration": {"enabled": True}}
    setup = mfa_update(moto_client, pool_id, calls, mfa={**totp, "mfa_configuration": "OPTIONAL"})
    assert setup == {
        "MfaConfiguration": "OPTIONAL",
        "SoftwareTokenMfaConfiguration": {"Enabled": True},
    }
    setup = mfa_update(moto_client, pool_id, calls, mfa="ON")
    assert setup == {"MfaConfiguration": "ON", "SoftwareTokenMfaConfiguration": {"Enabled": True}}


def test_sms_optional_uses_the_pools_sms_configuration(moto_client, make_pool, record_calls):
    pool_id = make_pool("09")  # an SMS configuration, MFA off
    sms_configuration = UserPools(moto_client).get(pool_id).config.sms_configuration
    assert sms_configuration is not None
    calls = record_calls(moto_client)
    change = {
        "mfa_configuration": "OPTIONAL",
        "sms_mfa_configuration": {"sms_authentication_message": SMS_MESSAGE},
    }
    setup = mfa_update(moto_client, pool_id, calls, mfa=change)
    assert setup == {
        "MfaConfiguration": "OPTIONAL",
        "SmsMfaConfiguration": {
            "SmsAuthenticationMessage": SMS_MESSAGE,
            "SmsConfiguration": {
                "ExternalId": "test",
                "SnsCallerArn": "arn:aws:iam::123456789012:role/tf-acc-test-sns-region",
                "SnsRegion": "us-east-1",
            },
        },
    }


def test_sms_then_totp_then_off(moto_client, make_pool, record_calls):
    pool_id = make_pool("01")  # no SMS configuration on the pool: mfa brings its own
    calls = record_calls(moto_client)
    role = "arn:aws:iam::123456789012:role/sms"
    sms = {"sms_configuration": {"sns_caller_arn": role, "external_id": "pool-01"}}
    setup = mfa_update(
        moto_client,
        pool_id,
        calls,
        mfa={"mfa_configuration": "OPTIONAL", "sms_mfa_configuration": sms},
    )
    # (moto keeps the pool's own SmsConfiguration apart from the MFA one; AWS shares them.)
    assert setup == {
        "MfaConfiguration": "OPTIONAL",
        "SmsMfaConfiguration": {
            "SmsConfiguration": {"SnsCallerArn": role, "ExternalId": "pool-01"}
        },
    }

    switch = {"sms_mfa_configuration": None, "software_token_mfa_configuration": {"enabled": True}}
    setup = mfa_update(moto_client, pool_id, calls, mfa=switch)
    assert setup == {
        "MfaConfiguration": "OPTIONAL",
        "SoftwareTokenMfaConfiguration": {"Enabled": True},
    }

    setup = mfa_update(moto_client, pool_id, calls, mfa="OFF")
    assert setup == {"MfaConfiguration": "OFF"}


def test_mfa_and_another_setting_in_one_update(
    moto_client, make_pool, record_calls, moved, after_update
):
    pool_id = make_pool("01")
    pools = UserPools(moto_client)
    before = pools.get(pool_id)
    calls = record_calls(moto_client)

    before.update(mfa="ON", deletion_protection="ACTIVE")

    writes = ["SetUserPoolMfaConfig", "UpdateUserPool"]
    assert calls == ["DescribeUserPool", "GetUserPoolMfaConfig", *writes]
    after = pools.get(pool_id)
    # UpdateUserPool carries the new mode, so even moto's describe shows it.
    assert moved(after_update(before.config), after.config) == [
        "mfa_configuration",
        "deletion_protection",
    ]
    assert after.get_mfa_config().mfa_configuration == "ON"
    assert not after.plan(mfa="ON", deletion_protection="ACTIVE")


def test_a_refused_sms_mfa_is_refused_before_any_write(moto_client, make_pool, record_calls):
    pool_id = make_pool("01")  # no SMS configuration anywhere
    pool = UserPools(moto_client).get(pool_id)
    calls = record_calls(moto_client)
    with pytest.raises(ValidationError) as caught:
        pool.update(
            mfa={
                "mfa_configuration": "ON",
                "sms_mfa_configuration": {"sms_authentication_message": SMS_MESSAGE},
            }
        )
    assert caught.value.paths == ("mfa.sms_mfa_configuration.sms_configuration",)
    assert calls == ["DescribeUserPool", "GetUserPoolMfaConfig"]
    assert moto_client.get_user_pool_mfa_config(UserPoolId=pool_id)["MfaConfiguration"] == "OFF"


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


def test_missing_pool_raises_pool_not_found(moto_client):
    with pytest.raises(PoolNotFoundError) as caught:
        UserPools(moto_client).get("us-east-1_doesNotExist")

    error = caught.value
    assert isinstance(error, ServiceError)
    assert isinstance(error, CognitoPoolsError)
    assert error.code == "ResourceNotFoundException"
    assert error.operation == "DescribeUserPool"
    assert isinstance(error.__cause__, ClientError)
    assert "us-east-1_doesNotExist" in error.message


# (change, the problem paths, calls allowed before refusing). Checks that need the pool's
# current settings may read it once; everything else is refused before any call.
BAD_CHANGES: list[tuple[dict[str, Any], tuple[str, ...], list[str]]] = [
    ({"deletion_protection": "ENABLED"}, ("deletion_protection",), []),
    (
        {"policies": {"password_policy": {"minimum_length": 5}}},
        ("policies.password_policy.minimum_length",),
        [],
    ),
    (
        {"policies": {"password_policy": {"minimum_length": 100}}},
        ("policies.password_policy.minimum_length",),
        [],
    ),
    (
        {"policies": {"password_policy": {"minimum_length": "12"}}},
        ("policies.password_policy.minimum_length",),
        [],
    ),
    (
        {"policies": {"password_policy": {"minimum_lenght": 12}}},
        ("policies.password_policy.minimum_lenght",),
        [],
    ),
    ({"deletion_protecton": "ACTIVE"}, ("deletion_protecton",), []),
    (
        {"lambda_config": {"pre_sign_up": "lambda:function:my-pre-sign-up"}},
        ("lambda_config.pre_sign_up",),
        [],
    ),
    (
        {"verification_message_template": {"sms_message": "Your code"}},
        ("verification_message_template.sms_message",),
        [],
    ),
    ({"mfa": "MAYBE"}, ("mfa",), []),
    ({"mfa_configuration": "ON"}, ("mfa_configuration",), []),
    (
        {"account_recovery_setting": {"recovery_mechanisms": [{"name": "verified_email"}]}},
        ("account_recovery_setting.recovery_mechanisms[0].priority",),
        [],
    ),
    (
        {"deletion_protection": "ENABLED", "policies": {"password_policy": {"minimum_length": 5}}},
        ("deletion_protection", "policies.password_policy.minimum_length"),
        [],
    ),
    # The tag prefix rule needs nothing from the pool, so it too must refuse before any call.
    ({"user_pool_tags": {"aws:owner": "me"}}, ("user_pool_tags['aws:owner']",), []),
    (
        {"deletion_protection": "ENABLED", "user_pool_tags": {"aws:owner": "me"}},
        ("deletion_protection", "user_pool_tags['aws:owner']"),
        [],
    ),
    (
        {"user_pool_add_ons": {}},
        ("user_pool_add_ons.advanced_security_mode",),
        ["DescribeUserPool"],
    ),
    (
        {
            "lambda_config": {
                "custom_email_sender": {
                    "lambda_version": "V1_0",
                    "lambda_arn": LAMBDA_ARN.format("sender"),
                }
            }
        },
        ("lambda_config.kms_key_id",),
        ["DescribeUserPool"],
    ),
]


@pytest.mark.parametrize("case", BAD_CHANGES, ids=[" ".join(paths) for _, paths, _ in BAD_CHANGES])
def test_bad_change_is_refused_before_any_write(moto_client, make_pool, record_calls, case):
    change, paths, allowed_calls = case
    pool_id = make_pool("01")  # no add-ons, no triggers, no KMS key
    pools = UserPools(moto_client)
    pool = pools.get(pool_id)
    calls = record_calls(moto_client)

    for attempt in (pool.update, pool.plan):
        calls.clear()
        with pytest.raises(ValidationError) as caught:
            attempt(**change)
        assert caught.value.paths == paths
        assert calls == allowed_calls

    error = caught.value
    assert isinstance(error, ValueError)
    assert isinstance(error, CognitoPoolsError)
    assert all(path in str(error) for path in paths)
    assert pools.get(pool_id).config == pool.config


# --------------------------------------------------------------------------------------------
# Other ways to build the client
# --------------------------------------------------------------------------------------------


SESSION_CREDENTIALS = {"aws_access_key_id": "session-key", "aws_secret_access_key": "fake"}


def test_user_pools_from_a_session():
    with mock_aws():
        session = boto3.Session(region_name="eu-west-1", **SESSION_CREDENTIALS)
        pool_id = session.client("cognito-idp").create_user_pool(PoolName="from-session")[
            "UserPool"
        ]["Id"]
        pools = UserPools(session=session)
        pools.get(pool_id).update(deletion_protection="ACTIVE")
        pool = pools.get(pool_id)

    assert pools.client.meta.region_name == "eu-west-1"
    assert pool_id.startswith("eu-west-1_")
    assert pool.config.pool_name == "from-session"
    assert pool.config.deletion_protection == "ACTIVE"


def test_user_pools_from_the_default_session(monkeypatch):
    monkeypatch.setenv("AWS_DEFAULT_REGION", "ap-southeast-2")
    with mock_aws():
        pool_id = boto3.client("cognito-idp").create_user_pool(PoolName="default")["UserPool"]["Id"]
        pools = UserPools()
        pools.get(pool_id).update(user_pool_tags={"team": "auth"})
        pool = pools.get(pool_id)

    assert pools.client.meta.region_name == "ap-southeast-2"
    assert pool.config.user_pool_tags == {"team": "auth"}


def test_client_and_session_together_are_refused():
    with mock_aws():
        client = boto3.client("cognito-idp", region_name=REGION)
        with pytest.raises(TypeError):
            UserPools(client, session=boto3.Session(region_name=REGION))

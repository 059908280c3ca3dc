"""The validator: what it refuses, what it accepts, and how it says so.

``check_change`` judges a change on its own, before any call; ``check_merged`` judges what the
change touched once merged into the pool. Service patterns are written in Java's regex dialect,
so their translation to Python's ``re`` is tested against what the service means.
"""

from __future__ import annotations

import functools
from typing import Any

import botocore.session
import pytest
import strategies
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cognito_pools import ValidationError
from cognito_pools._schema import STRUCTURES
from cognito_pools.converter import to_wire
from cognito_pools.engine import refused_clears, settle
from cognito_pools.errors import Problem
from cognito_pools.grammar import merge_settings
from cognito_pools.models import (
    CustomEmailLambdaVersionConfig,
    LambdaConfig,
    PasswordPolicy,
    UserPoolAddOns,
    UserPoolConfig,
)
from cognito_pools.pools import _MFA_MODE
from cognito_pools.resources.pool import POOL_RESOURCE
from cognito_pools.validate import _pattern, check_change, check_merged

ARN = "arn:aws:lambda:us-east-1:123456789012:function:"
KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"


@functools.cache
def _input_shape() -> Any:
    model = botocore.session.get_session().get_service_model("cognito-idp")
    return model.operation_model("UpdateUserPool").input_shape


def check(change: dict[str, Any], *, installed: bool = True) -> dict[str, str]:
    """Check a change as Pool.update does; return {path: its messages}.

    ``installed=False`` leaves out the installed botocore's model, as if it could send every
    setting of the generated schema.
    """
    problems = check_change(
        change,
        STRUCTURES[UserPoolConfig],
        runtime_shape=_input_shape() if installed else None,
        extra={"mfa": _MFA_MODE},
        replaced={"mfa_configuration": "mfa"},
    ) + refused_clears(POOL_RESOURCE, change)
    found: dict[str, str] = {}
    for problem in problems:
        found[problem.path] = " | ".join(filter(None, [found.get(problem.path), problem.message]))
    return found


def merged(old: UserPoolConfig, change: dict[str, Any]) -> list[Problem]:
    """Merge and check as Pool.update does after the describe."""
    wire = to_wire(old)
    new = merge_settings(wire, change, STRUCTURES[UserPoolConfig])
    new, problems = settle(POOL_RESOURCE, wire, new, change)
    return problems + check_merged(new, change, STRUCTURES[UserPoolConfig])


# -- every problem at once, with its path --------------------------------------------------------


def test_every_problem_is_reported_at_once_with_its_path() -> None:
    found = check(
        {
            "deletion_protection": "MAYBE",
            "policies": {
                "password_policy": {
                    "minimum_length": 3,
                    "require_numbers": 1,
                    "password_history_size": 25,
                }
            },
            "pool_name": "",
            "account_recovery_setting": {
                "recovery_mechanisms": [{"name": "bogus", "priority": 1}, {"priority": 5}]
            },
            "auto_verified_attributes": ["email", None],
            "user_pool_tags": {"team": None, "cost": 42},
        }
    )
    assert set(found) == {
        "deletion_protection",
        "policies.password_policy.minimum_length",
        "policies.password_policy.require_numbers",
        "policies.password_policy.password_history_size",
        "pool_name",
        "account_recovery_setting.recovery_mechanisms[0].name",
        "account_recovery_setting.recovery_mechanisms[1].priority",
        "account_recovery_setting.recovery_mechanisms[1].name",
        "auto_verified_attributes[1]",
        "user_pool_tags['team']",
        "user_pool_tags['cost']",
    }
    assert "'ACTIVE'" in found["deletion_protection"]
    assert "'INACTIVE'" in found["deletion_protection"]
    assert "minimum of 6" in found["policies.password_policy.minimum_length"]
    assert "maximum of 24" in found["policies.password_policy.password_history_size"]
    assert "maximum of 2" in found["account_recovery_setting.recovery_mechanisms[1].priority"]
    assert "required" in found["account_recovery_setting.recovery_mechanisms[1].name"]
    assert "'verified_email'" in found["account_recovery_setting.recovery_mechanisms[0].name"]
    assert "at least 1" in found["pool_name"]
    assert "None" in found["auto_verified_attributes[1]"]


def test_validation_error_lists_every_problem_and_is_a_value_error() -> None:
    problems = [Problem("pool_name", "too short"), Problem("mfa", "bad")]
    error = ValidationError(problems)
    assert isinstance(error, ValueError)
    assert error.paths == ("pool_name", "mfa")
    assert "2 problems" in str(error)
    assert "pool_name: too short" in str(error)
    assert "mfa: bad" in str(error)
    assert "nothing was written" in str(error)


def test_a_valid_change_has_no_problems() -> None:
    assert (
        check(
            {
                "deletion_protection": "ACTIVE",
                "policies": {"password_policy": {"minimum_length": 12, "require_symbols": False}},
                "lambda_config": {"pre_sign_up": f"{ARN}signup", "post_confirmation": None},
                "auto_verified_attributes": ["email"],
                "user_pool_tags": {"team": "auth"},
                "account_recovery_setting": {
                    "recovery_mechanisms": [{"name": "verified_email", "priority": 1}]
                },
                "mfa": "OPTIONAL",
                "sms_authentication_message": None,
            }
        )
        == {}
    )


def test_model_instances_are_accepted_in_place_of_mappings() -> None:
    assert check({"policies": {"password_policy": PasswordPolicy(minimum_length=10)}}) == {}


# -- types ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        ({"policies": {"password_policy": {"minimum_length": True}}}, "minimum_length", "bool"),
        ({"policies": {"password_policy": {"minimum_length": 8.5}}}, "minimum_length", "integer"),
        ({"policies": {"password_policy": {"require_numbers": 1}}}, "require_numbers", "True or"),
        ({"policies": {"password_policy": {"require_numbers": "yes"}}}, "require_numbers", "str"),
        ({"deletion_protection": 1}, "deletion_protection", "a string"),
        ({"policies": "strict"}, "policies", "mapping"),
        ({"auto_verified_attributes": "email"}, "auto_verified_attributes", "list"),
        ({"user_pool_tags": [("team", "auth")]}, "user_pool_tags", "mapping"),
        ({"policies": PasswordPolicy(minimum_length=8)}, "policies", "PasswordPolicy"),
    ],
)
def test_wrong_types_are_refused(change: dict[str, Any], path: str, words: str) -> None:
    found = check(change)
    assert len(found) == 1
    (where, message) = next(iter(found.items()))
    assert where.endswith(path)
    assert words in message


def test_a_bool_is_not_an_integer() -> None:
    found = check({"admin_create_user_config": {"unused_account_validity_days": False}})
    path = "admin_create_user_config.unused_account_validity_days"
    assert found == {path: "expected an integer, got bool False"}


def test_lengths_of_strings_lists_and_maps_are_checked() -> None:
    found = check(
        {
            "verification_message_template": {"sms_message": "{####}" + "x" * 135},
            "policies": {"sign_in_policy": {"allowed_first_auth_factors": []}},
        }
    )
    assert set(found) == {
        "verification_message_template.sms_message",
        "policies.sign_in_policy.allowed_first_auth_factors",
    }
    assert "at most 140" in found["verification_message_template.sms_message"]
    assert "at least 1" in found["policies.sign_in_policy.allowed_first_auth_factors"]
    # The only map with a size limit, acr_configuration, is newer than the oldest supported
    # botocore, where Pool.update refuses it as unsendable before looking inside (see
    # test_converter). Its size and keys come from the generated schema, which judges them here.
    found = check(
        {"acr_configuration": {f"Level{n}": {"acr_value": f"v{n}"} for n in range(1, 6)}},
        installed=False,
    )
    assert set(found) == {
        "acr_configuration",
        # Only four levels exist, so the fifth key is wrong in itself as well.
        "acr_configuration['Level5']",
    }
    assert "at most 4" in found["acr_configuration"]


# -- messages, ARNs and keys ---------------------------------------------------------------------


def test_messages_need_their_placeholders() -> None:
    found = check(
        {
            "verification_message_template": {
                "email_message": "Your code is here",
                "email_message_by_link": "Click {##here}",
                "sms_message": "Your code {###}",
            },
            "admin_create_user_config": {
                "invite_message_template": {
                    "email_message": "Welcome, your password is {####}",
                    "sms_message": "Hi {username}",
                }
            },
            "sms_authentication_message": "Sign in code: {####}",
        }
    )
    prefix = "admin_create_user_config.invite_message_template."
    assert set(found) == {
        "verification_message_template.email_message",
        "verification_message_template.email_message_by_link",
        "verification_message_template.sms_message",
        f"{prefix}email_message",
        f"{prefix}sms_message",
    }
    assert "{####}" in found["verification_message_template.email_message"]
    assert "##}" in found["verification_message_template.email_message_by_link"]
    assert "{username}" in found[f"{prefix}email_message"]
    assert "{####}" in found[f"{prefix}sms_message"]


def test_arns_must_have_the_arn_shape() -> None:
    found = check(
        {
            "lambda_config": {
                "pre_sign_up": "my-signup-function-name",
                "post_confirmation": f"{ARN}fine",
            },
            "email_configuration": {"source_arn": "arn:aws:ses:us-east-1:account:identity/x.com"},
        }
    )
    assert set(found) == {"lambda_config.pre_sign_up", "email_configuration.source_arn"}
    # Each says it expects an ARN, with an example of the kind it takes.
    assert "expected an ARN, e.g. arn:aws:lambda:" in found["lambda_config.pre_sign_up"]
    assert "expected an ARN, e.g. arn:aws:ses:" in found["email_configuration.source_arn"]


@pytest.mark.parametrize(
    "key",
    [
        KMS_KEY,
        "arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab",
    ],
)
def test_full_kms_key_arns_are_accepted(key: str) -> None:
    assert check({"lambda_config": {"kms_key_id": key}}) == {}


@pytest.mark.parametrize(
    "key",
    [
        "arn:aws:kms:us-east-1:123456789012:alias/my-key",
        "1234abcd-12ab-34cd-56ef-1234567890ab-and-then-some",
        "arn:aws:lambda:us-east-1:123456789012:function:not-a-key",
    ],
)
def test_anything_but_a_full_kms_key_arn_is_refused(key: str) -> None:
    found = check({"lambda_config": {"kms_key_id": key}})
    assert list(found) == ["lambda_config.kms_key_id"]
    assert "KMS key ARN" in found["lambda_config.kms_key_id"]


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"user_pool_tags": {"": "empty key"}}, "user_pool_tags['']"),
        ({"user_pool_tags": {"k" * 129: "long key"}}, f"user_pool_tags['{'k' * 129}']"),
        ({"acr_configuration": {"Level9": {"acr_value": "gold"}}}, "acr_configuration['Level9']"),
    ],
    ids=["empty-tag-key", "long-tag-key", "acr-level-out-of-range"],
)
def test_map_keys_are_checked_like_values(change: dict[str, Any], path: str) -> None:
    # Tag keys are 1 to 128 characters; ACR levels are Level1 to Level4 (the service model).
    # The schema alone judges them: the oldest supported botocore cannot send acr_configuration.
    found = check(change, installed=False)
    assert list(found) == [path]
    assert found[path].startswith("key ")


# -- names ---------------------------------------------------------------------------------------


def test_an_unknown_name_suggests_the_closest_one() -> None:
    found = check(
        {
            "deletion_protecton": "ACTIVE",
            "policies": {"password_policy": {"minimum_lenght": 8}},
            "frobnicate": 1,
        }
    )
    assert "did you mean 'deletion_protection'" in found["deletion_protecton"]
    assert "did you mean 'minimum_length'" in found["policies.password_policy.minimum_lenght"]
    assert "did you mean" not in found["frobnicate"]
    assert "lambda_config" in found["frobnicate"]  # the accepted names are listed
    assert "mfa_configuration" not in found["frobnicate"]  # the replaced name is not offered


def test_mfa_configuration_is_refused_with_a_pointer_to_mfa() -> None:
    found = check({"mfa_configuration": "ON"})
    assert list(found) == ["mfa_configuration"]
    assert "mfa=" in found["mfa_configuration"]


def test_a_misspelled_mfa_configuration_points_to_mfa_not_another_setting() -> None:
    message = check({"mfa_configuraton": "ON"})["mfa_configuraton"]
    assert "did you mean 'email_configuration'" not in message
    assert "mfa=" in message or "did you mean 'mfa'" in message


@pytest.mark.parametrize("mode", [None, "SOMETIMES", "on"])
def test_mfa_accepts_only_its_three_modes(mode: Any) -> None:
    found = check({"mfa": mode})
    assert list(found) == ["mfa"]
    assert check({"mfa": "OPTIONAL"}) == {}


# -- required members and the pool's existing state ----------------------------------------------


def test_a_created_structure_needs_its_required_members() -> None:
    problems = merged(
        UserPoolConfig(),
        {
            "user_pool_add_ons": {
                "advanced_security_additional_flows": {"custom_auth_mode": "AUDIT"}
            },
            "lambda_config": {"pre_token_generation_config": {"lambda_arn": f"{ARN}tokens"}},
        },
    )
    assert {problem.path for problem in problems} == {
        "user_pool_add_ons.advanced_security_mode",
        "lambda_config.pre_token_generation_config.lambda_version",
    }


def test_list_items_must_be_complete() -> None:
    found = check({"account_recovery_setting": {"recovery_mechanisms": [{"priority": 1}]}})
    assert list(found) == ["account_recovery_setting.recovery_mechanisms[0].name"]


def test_clearing_a_required_member_is_refused_unless_the_structure_goes_too() -> None:
    old = UserPoolConfig(user_pool_add_ons=UserPoolAddOns(advanced_security_mode="AUDIT"))
    problems = merged(old, {"user_pool_add_ons": {"advanced_security_mode": None}})
    assert [problem.path for problem in problems] == ["user_pool_add_ons.advanced_security_mode"]
    assert merged(old, {"user_pool_add_ons": None}) == []


POOL_WITH_ODDITIES = UserPoolConfig(
    lambda_config=LambdaConfig(
        custom_email_sender=CustomEmailLambdaVersionConfig(
            lambda_version="V1_0", lambda_arn=f"{ARN}mailer"
        )
    ),
    user_pool_add_ons=UserPoolAddOns(),
    user_pool_tags={"aws:cloudformation:stack-name": "auth"},
)


@pytest.mark.parametrize(
    "change",
    [
        {"deletion_protection": "ACTIVE"},
        {"lambda_config": {"pre_sign_up": f"{ARN}signup"}},
        {"policies": {"password_policy": {"minimum_length": 10}}},
    ],
)
def test_what_the_pool_already_had_never_blocks_an_unrelated_change(
    change: dict[str, Any],
) -> None:
    # A sender without a KMS key, add-ons without their mode, a reserved tag: the pool came
    # this way, and the change does not touch any of it.
    assert merged(POOL_WITH_ODDITIES, change) == []


def test_touching_the_sender_of_a_pool_without_a_key_asks_for_the_key() -> None:
    sender = {"lambda_version": "V1_0", "lambda_arn": f"{ARN}mailer2"}
    problems = merged(POOL_WITH_ODDITIES, {"lambda_config": {"custom_email_sender": sender}})
    assert [problem.path for problem in problems] == ["lambda_config.kms_key_id"]
    assert (
        merged(
            POOL_WITH_ODDITIES,
            {"lambda_config": {"custom_email_sender": sender, "kms_key_id": KMS_KEY}},
        )
        == []
    )


# -- the service's patterns, read as the service reads them --------------------------------------

VISIBLE_OR_SPACE = r"[\p{L}\p{M}\p{S}\p{N}\p{P}\s]+"
VISIBLE = r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+@[\p{L}\p{M}\p{S}\p{N}\p{P}]+"


def test_every_pattern_in_the_schema_compiles() -> None:
    patterns = set()
    for structure in STRUCTURES.values():
        for member in structure.members:
            value = member.value
            while value is not None:
                if value.pattern:
                    patterns.add(value.pattern)
                value = value.item
    assert patterns
    for pattern in patterns:
        _pattern(pattern)


@pytest.mark.parametrize("text", ["Bienvenue à bord ✓ 123!", "Line one\nLine two", "日本語"])
def test_unicode_category_classes_accept_visible_text(text: str) -> None:
    assert _pattern(VISIBLE_OR_SPACE).fullmatch(text)


@pytest.mark.parametrize("text", ["", "bell\x07", "nul\x00"])
def test_unicode_category_classes_refuse_control_characters(text: str) -> None:
    assert not _pattern(VISIBLE_OR_SPACE).fullmatch(text)


def test_a_class_without_whitespace_refuses_spaces() -> None:
    assert _pattern(VISIBLE).fullmatch("josé@example.com")
    assert not _pattern(VISIBLE).fullmatch("jo sé@example.com")
    assert check({"email_configuration": {"reply_to_email_address": "a b@example.com"}})


def test_an_explicit_dotall_pattern_accepts_line_breaks() -> None:
    assert (
        check(
            {
                "admin_create_user_config": {
                    "invite_message_template": {"sms_message": "Hi {username}\nCode {####}"}
                }
            }
        )
        == {}
    )


def test_a_dot_does_not_cross_line_ends_as_in_java() -> None:
    # SmsVerificationMessageType is .*\{####\}.* without (?s): Java's '.' stops at a line end,
    # which is why the invite message's pattern spells (?s) out.
    assert "sms_verification_message" in check({"sms_verification_message": "Code:\n{####}"})


def test_word_characters_are_ascii_as_in_java() -> None:
    # UserPoolNameType is [\w\s+=,.@-]+; Java's \w is [a-zA-Z_0-9] unless told otherwise.
    assert "pool_name" in check({"pool_name": "Pööl"})
    assert check({"pool_name": "My pool_01 +=,.@-"}) == {}


# -- every valid value is accepted ---------------------------------------------------------------

CHANGEABLE = sorted(
    (cls for cls in STRUCTURES if cls.__name__ != "UserPoolFacts"),
    key=lambda cls: cls.__name__,
)


@pytest.mark.parametrize("cls", CHANGEABLE, ids=lambda cls: cls.__name__)
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_valid_value_is_accepted(cls: type[Any], data: Any) -> None:
    model = data.draw(strategies.models_of(cls, complete=True))
    assert check_change(strategies.as_change(model), STRUCTURES[cls]) == []


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(config=strategies.models_of(UserPoolConfig, complete=True, sendable=True))
def test_every_valid_pool_change_is_accepted_as_pool_update_checks_it(
    config: UserPoolConfig,
) -> None:
    change = strategies.as_change(config)
    mode = change.pop("mfa_configuration", None)
    if mode is not None:
        change["mfa"] = mode
    assert check(change) == {}

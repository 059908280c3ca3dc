"""Curated update cases: what a change to a real pool must plan, send, or refuse, and why.

Each :class:`Case` names a fixture pool from ``tests/pools/`` (as moto reports it after
``create_user_pool``), a change as ``Pool.update`` keywords, and what a user must see:

- ``plan``: the lines ``str(plan)`` lists under its header (compared in any order); ``()`` for
  "no changes";
- ``sent``: members of the ``update_user_pool`` request, by dotted wire path, with the value
  they must hold, or :data:`ABSENT`; ``mfa_sent`` the same for ``set_user_pool_mfa_config``;
  ``no_request`` / ``no_mfa_request``: the call is not made at all;
- ``refused``: the ``ValidationError`` expected instead, as ``(path, text in its message)``;
  ``or_refused``: a refusal accepted in place of ``plan`` and ``sent``.

The expectations are written from the service's rules (``docs/semantics.md``, the project's
AWS-RULES notes, botocore's model docs), not copied from the library. A case the library gets
wrong carries ``xfail`` with the reason; ``tests/test_curated.py`` runs it as a strict xfail.

Beyond the listed facts, every accepted case is also checked for what holds for every update:
botocore accepts the request as built, no describe-only member is sent, and every top-level
setting the change did not name (nor its paired twin) is sent exactly as it was read.
"""

# ruff: noqa: E501 - the plan lines, messages and ARNs are written whole, as a user reads them

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from cognito_pools import (
    CustomSMSLambdaVersionConfig,
    DeviceConfiguration,
    EmailConfiguration,
    PasswordPolicy,
    SoftwareTokenMfaConfig,
    UserPoolMfaConfig,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["ABSENT", "CASES", "Case"]


class _Absent:
    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()
"""In ``sent``: the member must not be in the request."""

FN = "arn:aws:lambda:us-east-1:123456789012:function:"
ROLE = "arn:aws:iam::123456789012:role/"
KEY = "arn:aws:kms:us-east-1:123456789012:key/"
KEY_31 = f"{KEY}a6c4f8e2-0c45-47db-925f-87854bc9e357"
NEW_KEY = f"{KEY}0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9"
DEFAULT_PASSWORD_POLICY = {
    "MinimumLength": 8,
    "RequireUppercase": True,
    "RequireLowercase": True,
    "RequireNumbers": True,
    "RequireSymbols": True,
    "TemporaryPasswordValidityDays": 7,
}
"""What clearing the password policy sends: the policy of a pool created without one."""
CDK_CODE = "The verification code to your new account is {####}"
P17_EMAIL = "verification email body from the integ test. Code is {####}."
RESERVED = {"aws:cloudformation:stack-name": "prod", "team": "auth"}
"""Tags of a pool created by CloudFormation: one reserved, one the owner's."""
DCR = {"EnableStatus": "Enabled", "OpenDcrEnabled": False}


@dataclasses.dataclass(frozen=True)
class Case:
    """One change to one fixture pool, and what it must do."""

    why: str
    pool: str
    """The fixture's number in ``tests/pools`` (``"31"``)."""
    change: Mapping[str, Any]
    plan: tuple[str, ...] | None = None
    sent: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    no_request: bool = False
    mfa_sent: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    no_mfa_request: bool = True
    refused: tuple[tuple[str, str], ...] = ()
    or_refused: tuple[tuple[str, str], ...] = ()
    create_with: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    """``create_user_pool`` members added to the fixture's, for a setting no fixture has."""
    mfa_before: Mapping[str, Any] | None = None
    """``set_user_pool_mfa_config`` members applied to the new pool before planning."""
    needs: tuple[str, ...] = ()
    """Members the installed botocore must have (``"Operation.Member.Member"``), else skipped:
    the oldest supported botocore cannot send every setting."""
    xfail: str | None = None

    @property
    def id(self) -> str:
        keys = "+".join(sorted(self.change)) or "nothing"
        return f"{self.pool}-{keys}"


CASES: tuple[Case, ...] = (
    # -- keep, clear, set ----------------------------------------------------------------------
    Case(
        "Setting one member of a structure changes only it; the rest of the policy is sent as read.",
        "01",
        {"policies": {"password_policy": {"minimum_length": 12}}},
        plan=("~ policies.password_policy.minimum_length: 8 -> 12",),
        sent={
            "Policies.PasswordPolicy": {**DEFAULT_PASSWORD_POLICY, "MinimumLength": 12},
            "AdminCreateUserConfig.UnusedAccountValidityDays": ABSENT,
            "PoolName": "tf-acc-test-name-only",
        },
    ),
    Case(
        "None clears one trigger; every other trigger and the KMS key are sent unchanged.",
        "31",
        {"lambda_config": {"pre_sign_up": None}},
        plan=(f"- lambda_config.pre_sign_up (was '{FN}MyFunction')",),
        sent={
            "LambdaConfig.PreSignUp": ABSENT,
            "LambdaConfig.CustomMessage": f"{FN}MyFunction",
            "LambdaConfig.KMSKeyID": KEY_31,
            "LambdaConfig.CustomSMSSender": {
                "LambdaVersion": "V1_0",
                "LambdaArn": f"{FN}MyFunction",
            },
        },
    ),
    Case(
        "A scalar change on the all-properties pool sends every other setting, MFA mode included.",
        "31",
        {"deletion_protection": "INACTIVE"},
        plan=("~ deletion_protection: 'ACTIVE' -> 'INACTIVE'",),
        sent={
            "DeletionProtection": "INACTIVE",
            "MfaConfiguration": "OPTIONAL",
            "UserPoolTags": {"my-test-tag-key": "my-test-tag-key"},
            "DeviceConfiguration": {
                "ChallengeRequiredOnNewDevice": True,
                "DeviceOnlyRememberedOnUserPrompt": True,
            },
        },
    ),
    Case(
        "Setting a value the pool already has plans nothing and sends nothing.",
        "31",
        {"deletion_protection": "ACTIVE"},
        plan=(),
        no_request=True,
    ),
    Case(
        "Clearing a setting the pool does not have plans nothing.",
        "01",
        {"deletion_protection": None},
        plan=(),
        no_request=True,
    ),
    Case(
        "Clearing a trigger the pool never had creates no empty LambdaConfig and sends nothing.",
        "01",
        {"lambda_config": {"pre_sign_up": None}},
        plan=(),
        no_request=True,
    ),
    Case(
        "An empty mapping merged into an existing structure changes nothing.",
        "31",
        {"policies": {}},
        plan=(),
        no_request=True,
    ),
    Case(
        "A new trigger ARN replaces the old one; the other nine triggers stay.",
        "33",
        {"lambda_config": {"pre_sign_up": f"{FN}signup_v2"}},
        plan=(f"~ lambda_config.pre_sign_up: '{FN}pre_sign_up' -> '{FN}signup_v2'",),
        sent={
            "LambdaConfig.PreSignUp": f"{FN}signup_v2",
            "LambdaConfig.UserMigration": f"{FN}user_migration",
        },
    ),
    Case(
        "Renaming sends PoolName, never the describe-only Name.",
        "01",
        {"pool_name": "renamed-pool"},
        plan=("~ pool_name: 'tf-acc-test-name-only' -> 'renamed-pool'",),
        sent={"PoolName": "renamed-pool", "Name": ABSENT},
    ),
    Case(
        "The feature plan is a plain setting: changing it sends the new tier.",
        "19",
        {"user_pool_tier": "PLUS"},
        plan=("~ user_pool_tier: 'ESSENTIALS' -> 'PLUS'",),
        sent={"UserPoolTier": "PLUS"},
    ),
    Case(
        "A message outside any pair (the SMS MFA text in UpdateUserPool) is set like any string.",
        "31",
        {"sms_authentication_message": "Your code {####}"},
        plan=(
            "~ sms_authentication_message: 'Your verification code is {####}.' -> 'Your code {####}'",
        ),
        sent={"SmsAuthenticationMessage": "Your code {####}"},
    ),
    Case(
        "Advanced security mode changes; the empty additional-flows structure is sent as read.",
        "19",
        {"user_pool_add_ons": {"advanced_security_mode": "AUDIT"}},
        plan=("~ user_pool_add_ons.advanced_security_mode: 'OFF' -> 'AUDIT'",),
        sent={
            "UserPoolAddOns": {
                "AdvancedSecurityMode": "AUDIT",
                "AdvancedSecurityAdditionalFlows": {},
            }
        },
    ),
    Case(
        "A nested structure two levels down merges: only the invitation subject changes.",
        "01",
        {"admin_create_user_config": {"invite_message_template": {"email_subject": "Welcome"}}},
        plan=(
            (
                "~ admin_create_user_config.invite_message_template.email_subject: "
                "'Your temporary password' -> 'Welcome'"
            ),
        ),
        sent={
            "AdminCreateUserConfig.InviteMessageTemplate.EmailSubject": "Welcome",
            "AdminCreateUserConfig.InviteMessageTemplate.EmailMessage": "Your username is {username} and temporary password is {####}. ",
            "AdminCreateUserConfig.AllowAdminCreateUserOnly": False,
            "AdminCreateUserConfig.UnusedAccountValidityDays": ABSENT,
        },
    ),
    Case(
        "A member set to the value it has, beside one that changes, is not listed.",
        "03",
        {"policies": {"password_policy": {"minimum_length": 7, "require_uppercase": True}}},
        plan=("~ policies.password_policy.require_uppercase: False -> True",),
        sent={
            "Policies.PasswordPolicy.MinimumLength": 7,
            "Policies.PasswordPolicy.RequireUppercase": True,
        },
    ),
    Case(
        "Several settings in one change: each is planned, one request carries them all.",
        "33",
        {
            "policies": {"password_policy": {"minimum_length": 12}},
            "deletion_protection": "INACTIVE",
            "auto_verified_attributes": ["email", "phone_number"],
        },
        plan=(
            "~ policies.password_policy.minimum_length: 10 -> 12",
            "~ deletion_protection: 'ACTIVE' -> 'INACTIVE'",
            "~ auto_verified_attributes: ['email'] -> ['email', 'phone_number']",
        ),
        sent={
            "Policies.PasswordPolicy.MinimumLength": 12,
            "Policies.PasswordPolicy.PasswordHistorySize": 5,
            "DeletionProtection": "INACTIVE",
            "AutoVerifiedAttributes": ["email", "phone_number"],
        },
    ),
    Case(
        "Messages at their length limits in multi-byte UTF-8 go back as read on an unrelated change.",
        "15",
        {"deletion_protection": "ACTIVE"},
        plan=("+ deletion_protection = 'ACTIVE'",),
        sent={
            "DeletionProtection": "ACTIVE",
            "VerificationMessageTemplate.DefaultEmailOption": "CONFIRM_WITH_LINK",
        },
    ),
    Case(
        "A member added to a partial password policy leaves its history size and length alone.",
        "25",
        {"policies": {"password_policy": {"require_symbols": True}}},
        plan=("+ policies.password_policy.require_symbols = True",),
        sent={
            "Policies.PasswordPolicy": {
                "MinimumLength": 8,
                "PasswordHistorySize": 3,
                "RequireSymbols": True,
            }
        },
    ),
    # -- a mapping merges, a model instance replaces ---------------------------------------------
    Case(
        "A PasswordPolicy instance replaces the policy whole: members it leaves unset are cleared.",
        "03",
        {"policies": {"password_policy": PasswordPolicy(minimum_length=12, require_numbers=True)}},
        plan=(
            "~ policies.password_policy.minimum_length: 7 -> 12",
            "- policies.password_policy.require_uppercase (was False)",
            "- policies.password_policy.require_lowercase (was True)",
            "~ policies.password_policy.require_numbers: False -> True",
            "- policies.password_policy.require_symbols (was True)",
            "- policies.password_policy.temporary_password_validity_days (was 7)",
        ),
        sent={"Policies.PasswordPolicy": {"MinimumLength": 12, "RequireNumbers": True}},
    ),
    Case(
        "The same member as a mapping merges: the other members of the policy stay.",
        "03",
        {"policies": {"password_policy": {"minimum_length": 12, "require_numbers": True}}},
        plan=(
            "~ policies.password_policy.minimum_length: 7 -> 12",
            "~ policies.password_policy.require_numbers: False -> True",
        ),
        sent={
            "Policies.PasswordPolicy": {
                "MinimumLength": 12,
                "RequireUppercase": False,
                "RequireLowercase": True,
                "RequireNumbers": True,
                "RequireSymbols": True,
                "TemporaryPasswordValidityDays": 7,
            }
        },
    ),
    Case(
        "A DeviceConfiguration instance replaces the structure: the unset member goes.",
        "35",
        {"device_configuration": DeviceConfiguration(challenge_required_on_new_device=True)},
        plan=(
            "~ device_configuration.challenge_required_on_new_device: False -> True",
            "- device_configuration.device_only_remembered_on_user_prompt (was True)",
        ),
        sent={"DeviceConfiguration": {"ChallengeRequiredOnNewDevice": True}},
    ),
    Case(
        "An EmailConfiguration instance replaces the SES setup with Cognito's own email.",
        "31",
        {"email_configuration": EmailConfiguration(email_sending_account="COGNITO_DEFAULT")},
        plan=(
            (
                "- email_configuration.source_arn (was "
                "'arn:aws:ses:us-east-1:123456789012:identity/support@example.com')"
            ),
            "- email_configuration.reply_to_email_address (was 'support@example.com')",
            "~ email_configuration.email_sending_account: 'DEVELOPER' -> 'COGNITO_DEFAULT'",
            "- email_configuration.from_ (was 'support@example.com')",
            "- email_configuration.configuration_set (was 'my-test-ses-configuration-set')",
        ),
        sent={"EmailConfiguration": {"EmailSendingAccount": "COGNITO_DEFAULT"}},
    ),
    Case(
        "A mapping into the email configuration changes one member and keeps the SES identity.",
        "31",
        {"email_configuration": {"reply_to_email_address": "help@example.com"}},
        plan=(
            "~ email_configuration.reply_to_email_address: 'support@example.com' -> 'help@example.com'",
        ),
        sent={
            "EmailConfiguration.ReplyToEmailAddress": "help@example.com",
            "EmailConfiguration.SourceArn": "arn:aws:ses:us-east-1:123456789012:identity/support@example.com",
            "EmailConfiguration.ConfigurationSet": "my-test-ses-configuration-set",
        },
    ),
    Case(
        "A mapping for a structure the pool lacks builds it from empty.",
        "01",
        {"device_configuration": {"challenge_required_on_new_device": True}},
        plan=("+ device_configuration.challenge_required_on_new_device = True",),
        sent={"DeviceConfiguration": {"ChallengeRequiredOnNewDevice": True}},
    ),
    Case(
        "A partial mapping may not create a structure without its required member.",
        "01",
        {
            "user_pool_add_ons": {
                "advanced_security_additional_flows": {"custom_auth_mode": "AUDIT"}
            }
        },
        refused=(("user_pool_add_ons.advanced_security_mode", "required by"),),
    ),
    Case(
        "A mapping that creates a trigger config without its required ARN is refused.",
        "31",
        {"lambda_config": {"pre_token_generation_config": {"lambda_version": "V2_0"}}},
        refused=(("lambda_config.pre_token_generation_config.lambda_arn", "required by"),),
    ),
    Case(
        "A model instance must be complete: a sender without its function ARN is refused.",
        "31",
        {
            "lambda_config": {
                "custom_sms_sender": CustomSMSLambdaVersionConfig(lambda_version="V1_0")
            }
        },
        refused=(("lambda_config.custom_sms_sender.lambda_arn", "required by"),),
    ),
    # -- empty structures ------------------------------------------------------------------------
    Case(
        "An empty device_configuration is not nothing: it turns device remembering on, so it is sent.",
        "01",
        {"device_configuration": {}},
        plan=("+ device_configuration = {}",),
        sent={"DeviceConfiguration": {}},
    ),
    Case(
        "An empty device_configuration merged into an existing one changes nothing.",
        "35",
        {"device_configuration": {}},
        plan=(),
        no_request=True,
    ),
    Case(
        "Clearing device_configuration turns remembering off: the structure is left out.",
        "35",
        {"device_configuration": None},
        plan=(
            "- device_configuration.challenge_required_on_new_device (was False)",
            "- device_configuration.device_only_remembered_on_user_prompt (was True)",
        ),
        sent={"DeviceConfiguration": ABSENT},
    ),
    Case(
        "An empty lambda_config means no triggers, which the pool already has: nothing to do.",
        "01",
        {"lambda_config": {}},
        plan=(),
        no_request=True,
    ),
    Case(
        "A pool reporting LambdaConfig {} has no triggers, so clearing lambda_config is no change.",
        "37",
        {"lambda_config": None},
        plan=(),
        no_request=True,
    ),
    Case(
        "Clearing the only trigger config leaves no trigger; the KMS-free pool needs no key.",
        "13",
        {"lambda_config": {"pre_token_generation_config": None}},
        plan=(
            "- lambda_config.pre_token_generation_config.lambda_version (was 'V2_0')",
            f"- lambda_config.pre_token_generation_config.lambda_arn (was '{FN}tf-acc-test-lambda')",
        ),
        sent={
            "LambdaConfig.PreTokenGenerationConfig": ABSENT,
            "LambdaConfig.PreTokenGeneration": ABSENT,
        },
    ),
    # -- lists and maps are replaced whole -------------------------------------------------------
    Case(
        "A list is replaced whole: passing one attribute drops the other.",
        "17",
        {"auto_verified_attributes": ["email"]},
        plan=("~ auto_verified_attributes: ['email', 'phone_number'] -> ['email']",),
        sent={"AutoVerifiedAttributes": ["email"]},
    ),
    Case(
        "A list of structures is replaced whole, each item complete.",
        "17",
        {
            "account_recovery_setting": {
                "recovery_mechanisms": [{"name": "verified_email", "priority": 1}]
            }
        },
        plan=(
            (
                "~ account_recovery_setting.recovery_mechanisms: "
                "[RecoveryOption(priority=1, name='verified_phone_number'), "
                "RecoveryOption(priority=2, name='verified_email')] -> "
                "[RecoveryOption(priority=1, name='verified_email')]"
            ),
        ),
        sent={
            "AccountRecoverySetting": {
                "RecoveryMechanisms": [{"Name": "verified_email", "Priority": 1}]
            }
        },
    ),
    Case(
        "A list item is a whole value, so an item missing a required member is refused.",
        "17",
        {"account_recovery_setting": {"recovery_mechanisms": [{"name": "verified_email"}]}},
        refused=(("account_recovery_setting.recovery_mechanisms[0].priority", "required by"),),
    ),
    Case(
        "None is not a list item: the caller must leave the item out.",
        "01",
        {"auto_verified_attributes": ["email", None]},
        refused=(("auto_verified_attributes[1]", "cannot be None"),),
    ),
    Case(
        "A map is replaced whole: tag2 goes when the new map leaves it out.",
        "27",
        {"user_pool_tags": {"tag1": "foo"}},
        plan=("- user_pool_tags.tag2 (was 'bar')",),
        sent={"UserPoolTags": {"tag1": "foo"}},
    ),
    Case(
        "Adding a tag means passing the current map plus the new key.",
        "27",
        {"user_pool_tags": {"tag1": "foo", "tag2": "bar", "team": "auth"}},
        plan=("+ user_pool_tags.team = 'auth'",),
        sent={"UserPoolTags": {"tag1": "foo", "tag2": "bar", "team": "auth"}},
    ),
    Case(
        "A pool reporting UserPoolTags {} has no tags; the first tag is an addition.",
        "37",
        {"user_pool_tags": {"team": "auth"}},
        plan=("+ user_pool_tags.team = 'auth'",),
        sent={"UserPoolTags": {"team": "auth"}},
    ),
    Case(
        "Clearing the tags must send an empty map: whether omitted UserPoolTags clears them is "
        "disputed (aws-cli #3302 vs terraform-provider-aws #32857), and {} clears either way.",
        "27",
        {"user_pool_tags": None},
        plan=("- user_pool_tags.tag1 (was 'foo')", "- user_pool_tags.tag2 (was 'bar')"),
        sent={"UserPoolTags": {}},
    ),
    Case(
        "Sign-in factors are a list inside a kept-when-omitted policy; the new list is sent whole.",
        "23",
        {"policies": {"sign_in_policy": {"allowed_first_auth_factors": ["PASSWORD", "EMAIL_OTP"]}}},
        plan=(
            (
                "~ policies.sign_in_policy.allowed_first_auth_factors: ['PASSWORD'] -> "
                "['PASSWORD', 'EMAIL_OTP']"
            ),
        ),
        sent={"Policies.SignInPolicy.AllowedFirstAuthFactors": ["PASSWORD", "EMAIL_OTP"]},
    ),
    Case(
        "A list below its minimum length is refused (a pool needs at least one first factor).",
        "23",
        {"policies": {"sign_in_policy": {"allowed_first_auth_factors": []}}},
        refused=(("policies.sign_in_policy.allowed_first_auth_factors", "at least 1"),),
    ),
    Case(
        "A list above its maximum length is refused (two recovery mechanisms at most).",
        "17",
        {
            "account_recovery_setting": {
                "recovery_mechanisms": [
                    {"name": "verified_email", "priority": 1},
                    {"name": "verified_phone_number", "priority": 2},
                    {"name": "admin_only", "priority": 2},
                ]
            }
        },
        refused=(("account_recovery_setting.recovery_mechanisms", "at most 2"),),
    ),
    # -- clearing settings Cognito keeps when omitted --------------------------------------------
    Case(
        "Clearing the password policy sends the documented default, since omitting it keeps it.",
        "03",
        {"policies": {"password_policy": None}},
        plan=(
            "~ policies.password_policy.minimum_length: 7 -> 8",
            "~ policies.password_policy.require_uppercase: False -> True",
            "~ policies.password_policy.require_numbers: False -> True",
        ),
        sent={"Policies.PasswordPolicy": DEFAULT_PASSWORD_POLICY},
    ),
    Case(
        "Clearing a partial password policy sends the full default; the history size goes.",
        "07",
        {"policies": {"password_policy": None}},
        plan=(
            "~ policies.password_policy.minimum_length: 6 -> 8",
            "+ policies.password_policy.require_uppercase = True",
            "+ policies.password_policy.require_lowercase = True",
            "+ policies.password_policy.require_numbers = True",
            "+ policies.password_policy.require_symbols = True",
            "- policies.password_policy.password_history_size (was 24)",
            "+ policies.password_policy.temporary_password_validity_days = 7",
        ),
        sent={
            "Policies.PasswordPolicy": DEFAULT_PASSWORD_POLICY,
            "AdminCreateUserConfig.UnusedAccountValidityDays": ABSENT,
        },
    ),
    Case(
        "Clearing policies clears the password policy the pool has, sent as its default.",
        "03",
        {"policies": None},
        plan=(
            "~ policies.password_policy.minimum_length: 7 -> 8",
            "~ policies.password_policy.require_uppercase: False -> True",
            "~ policies.password_policy.require_numbers: False -> True",
        ),
        sent={"Policies": {"PasswordPolicy": DEFAULT_PASSWORD_POLICY}},
    ),
    Case(
        "Clearing a passwordless sign-in policy sends the default, password only; omitting it would keep it (cdkd #1979).",
        "23",
        {"policies": {"sign_in_policy": None}},
        create_with={
            "Policies": {"SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "EMAIL_OTP"]}}
        },
        plan=(
            "~ policies.sign_in_policy.allowed_first_auth_factors: ['PASSWORD', 'EMAIL_OTP'] -> ['PASSWORD']",
        ),
        sent={"Policies": {"SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD"]}}},
    ),
    Case(
        "Clearing policies on the same pool does the same, and creates no password policy it lacked.",
        "23",
        {"policies": None},
        create_with={
            "Policies": {"SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "EMAIL_OTP"]}}
        },
        plan=(
            "~ policies.sign_in_policy.allowed_first_auth_factors: ['PASSWORD', 'EMAIL_OTP'] -> ['PASSWORD']",
        ),
        sent={"Policies": {"SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD"]}}},
    ),
    Case(
        "Clearing a sign-in policy that already holds the default ([PASSWORD]) changes nothing.",
        "23",
        {"policies": {"sign_in_policy": None}},
        plan=(),
        no_request=True,
    ),
    Case(
        "Clearing a password policy the pool does not report changes nothing.",
        "23",
        {"policies": {"password_policy": None}},
        plan=(),
        no_request=True,
    ),
    Case(
        "Clearing the email configuration sends Cognito's own email, which omission puts back anyway.",
        "31",
        {"email_configuration": None},
        plan=(
            (
                "- email_configuration.source_arn (was "
                "'arn:aws:ses:us-east-1:123456789012:identity/support@example.com')"
            ),
            "- email_configuration.reply_to_email_address (was 'support@example.com')",
            "~ email_configuration.email_sending_account: 'DEVELOPER' -> 'COGNITO_DEFAULT'",
            "- email_configuration.from_ (was 'support@example.com')",
            "- email_configuration.configuration_set (was 'my-test-ses-configuration-set')",
        ),
        sent={"EmailConfiguration": {"EmailSendingAccount": "COGNITO_DEFAULT"}},
    ),
    Case(
        "Clearing an email configuration without a sending account shows the default it gets.",
        "35",
        {"email_configuration": None},
        plan=(
            "- email_configuration.reply_to_email_address (was 'info@passninja.com')",
            "+ email_configuration.email_sending_account = 'COGNITO_DEFAULT'",
        ),
        sent={"EmailConfiguration": {"EmailSendingAccount": "COGNITO_DEFAULT"}},
    ),
    Case(
        "Clearing the attribute-update settings sends the empty list that clears them.",
        "17",
        {"user_attribute_update_settings": None},
        plan=(
            (
                "- user_attribute_update_settings.attributes_require_verification_before_update "
                "(was ['email', 'phone_number'])"
            ),
        ),
        sent={"UserAttributeUpdateSettings": {"AttributesRequireVerificationBeforeUpdate": []}},
    ),
    Case(
        "A pool always has a name: clearing it is refused.",
        "01",
        {"pool_name": None},
        refused=(("pool_name", "cannot be cleared"),),
    ),
    Case(
        "The feature plan is kept when omitted, so clearing it is refused.",
        "19",
        {"user_pool_tier": None},
        refused=(("user_pool_tier", "cannot be cleared"),),
    ),
    Case(
        "Omitted verification messages come back as Cognito's defaults, so clearing is refused.",
        "01",
        {"verification_message_template": None},
        refused=(("verification_message_template", "cannot be cleared"),),
    ),
    Case(
        "Omitted admin-create-user settings come back as defaults, so clearing is refused.",
        "01",
        {"admin_create_user_config": None},
        refused=(("admin_create_user_config", "cannot be cleared"),),
    ),
    Case(
        "Cognito keeps an omitted DcrConfiguration, and {} would turn registration on: clearing "
        "it must send EnableStatus Disabled or be refused (botocore model doc of DcrConfiguration).",
        "01",
        {"dcr_configuration": None},
        create_with={"DcrConfiguration": DCR},
        needs=("CreateUserPool.DcrConfiguration", "UpdateUserPool.DcrConfiguration"),
        plan=(
            "~ dcr_configuration.enable_status: 'Enabled' -> 'Disabled'",
            "- dcr_configuration.open_dcr_enabled (was False)",
        ),
        sent={"DcrConfiguration.EnableStatus": "Disabled"},
        or_refused=(("dcr_configuration", "cannot be cleared"),),
    ),
    Case(
        "A pool's DcrConfiguration survives an unrelated change: it is sent as read.",
        "01",
        {"deletion_protection": "ACTIVE"},
        create_with={"DcrConfiguration": DCR},
        needs=("CreateUserPool.DcrConfiguration", "UpdateUserPool.DcrConfiguration"),
        plan=("+ deletion_protection = 'ACTIVE'",),
        sent={"DcrConfiguration": DCR, "DeletionProtection": "ACTIVE"},
    ),
    # -- UnusedAccountValidityDays and TemporaryPasswordValidityDays -----------------------------
    Case(
        "Setting the legacy validity moves the value into the password policy; the legacy member "
        "is never sent beside it.",
        "37",
        {"admin_create_user_config": {"unused_account_validity_days": 3}},
        plan=(
            "~ admin_create_user_config.unused_account_validity_days: 7 -> 3",
            "~ policies.password_policy.temporary_password_validity_days: 7 -> 3",
        ),
        sent={
            "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": False},
            "Policies.PasswordPolicy.TemporaryPasswordValidityDays": 3,
        },
    ),
    Case(
        "Setting the password policy's validity makes the reported legacy twin follow.",
        "37",
        {"policies": {"password_policy": {"temporary_password_validity_days": 3}}},
        plan=(
            "~ admin_create_user_config.unused_account_validity_days: 7 -> 3",
            "~ policies.password_policy.temporary_password_validity_days: 7 -> 3",
        ),
        sent={
            "AdminCreateUserConfig.UnusedAccountValidityDays": ABSENT,
            "Policies.PasswordPolicy.TemporaryPasswordValidityDays": 3,
        },
    ),
    Case(
        "A pool with only the legacy validity: an unrelated change carries it into the policy.",
        "35",
        {"deletion_protection": "ACTIVE"},
        plan=("+ deletion_protection = 'ACTIVE'",),
        sent={
            "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": True},
            "Policies.PasswordPolicy.TemporaryPasswordValidityDays": 7,
            "Policies.PasswordPolicy.MinimumLength": 8,
        },
    ),
    Case(
        "The pulumi-aws-native #1256 trap: a trivial policy edit must not echo the legacy member.",
        "39",
        {"policies": {"password_policy": {"minimum_length": 12}}},
        plan=("~ policies.password_policy.minimum_length: 16 -> 12",),
        sent={
            "AdminCreateUserConfig.UnusedAccountValidityDays": ABSENT,
            "Policies.PasswordPolicy.TemporaryPasswordValidityDays": 7,
        },
    ),
    Case(
        "Editing a policy without its own validity carries the legacy value into it.",
        "29",
        {"policies": {"password_policy": {"require_numbers": True}}},
        plan=("~ policies.password_policy.require_numbers: False -> True",),
        sent={
            "Policies.PasswordPolicy.TemporaryPasswordValidityDays": 7,
            "Policies.PasswordPolicy.RequireNumbers": True,
            "AdminCreateUserConfig.UnusedAccountValidityDays": ABSENT,
        },
    ),
    Case(
        "Both sides set to different values is a contradiction: refused, naming the current side.",
        "37",
        {
            "admin_create_user_config": {"unused_account_validity_days": 3},
            "policies": {"password_policy": {"temporary_password_validity_days": 5}},
        },
        refused=(("policies.password_policy.temporary_password_validity_days", "must equal"),),
    ),
    Case(
        "Both sides set to the same value is fine.",
        "37",
        {
            "admin_create_user_config": {"unused_account_validity_days": 3},
            "policies": {"password_policy": {"temporary_password_validity_days": 3}},
        },
        plan=(
            "~ admin_create_user_config.unused_account_validity_days: 7 -> 3",
            "~ policies.password_policy.temporary_password_validity_days: 7 -> 3",
        ),
        sent={
            "AdminCreateUserConfig.UnusedAccountValidityDays": ABSENT,
            "Policies.PasswordPolicy.TemporaryPasswordValidityDays": 3,
        },
    ),
    Case(
        "The legacy validity on a pool with only a sign-in policy creates the password policy.",
        "23",
        {"admin_create_user_config": {"unused_account_validity_days": 3}},
        plan=(
            "+ admin_create_user_config.unused_account_validity_days = 3",
            "+ policies.password_policy.temporary_password_validity_days = 3",
        ),
        sent={
            "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": True},
            "Policies.PasswordPolicy": {"TemporaryPasswordValidityDays": 3},
            "Policies.SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD"]},
        },
    ),
    Case(
        "A legacy validity out of range is refused like any number.",
        "37",
        {"admin_create_user_config": {"unused_account_validity_days": 400}},
        refused=(
            (
                "admin_create_user_config.unused_account_validity_days",
                "above the maximum of 365",
            ),
        ),
    ),
    # -- legacy verification messages and VerificationMessageTemplate ----------------------------
    Case(
        "Setting the template's email message makes the legacy twin follow, so they never disagree.",
        "17",
        {"verification_message_template": {"email_message": "Code: {####}"}},
        plan=(
            f"~ email_verification_message: '{P17_EMAIL}' -> 'Code: {{####}}'",
            f"~ verification_message_template.email_message: '{P17_EMAIL}' -> 'Code: {{####}}'",
        ),
        sent={
            "EmailVerificationMessage": "Code: {####}",
            "VerificationMessageTemplate.EmailMessage": "Code: {####}",
        },
    ),
    Case(
        "Setting the legacy email message makes the template follow.",
        "17",
        {"email_verification_message": "Code: {####}"},
        plan=(
            f"~ email_verification_message: '{P17_EMAIL}' -> 'Code: {{####}}'",
            f"~ verification_message_template.email_message: '{P17_EMAIL}' -> 'Code: {{####}}'",
        ),
        sent={
            "EmailVerificationMessage": "Code: {####}",
            "VerificationMessageTemplate.EmailMessage": "Code: {####}",
        },
    ),
    Case(
        "A pool whose two forms already disagree, changed elsewhere, sends both as they are.",
        "31",
        {"deletion_protection": "INACTIVE"},
        plan=("~ deletion_protection: 'ACTIVE' -> 'INACTIVE'",),
        sent={
            "SmsVerificationMessage": "Your verification code is {####}.",
            "VerificationMessageTemplate.SmsMessage": "Your confirmation code is {####}",
        },
    ),
    Case(
        "Touching one side of a disagreeing pair brings the other into line.",
        "31",
        {"verification_message_template": {"sms_message": "Code {####}"}},
        plan=(
            "~ sms_verification_message: 'Your verification code is {####}.' -> 'Code {####}'",
            "~ verification_message_template.sms_message: 'Your confirmation code is {####}' -> 'Code {####}'",
        ),
        sent={
            "SmsVerificationMessage": "Code {####}",
            "VerificationMessageTemplate.SmsMessage": "Code {####}",
        },
    ),
    Case(
        "A template member the pool lacks, whose legacy twin exists, is added and the twin follows.",
        "33",
        {"verification_message_template": {"sms_message": "Code {####}"}},
        plan=(
            "~ sms_verification_message: 'This is the verification message {####}.' -> 'Code {####}'",
            "+ verification_message_template.sms_message = 'Code {####}'",
        ),
        sent={
            "SmsVerificationMessage": "Code {####}",
            "VerificationMessageTemplate": {
                "DefaultEmailOption": "CONFIRM_WITH_CODE",
                "SmsMessage": "Code {####}",
            },
        },
    ),
    Case(
        "A template-only pool gets no legacy twin invented: only the template is sent.",
        "37",
        {"verification_message_template": {"email_subject": "Your code"}},
        plan=("+ verification_message_template.email_subject = 'Your code'",),
        sent={
            "VerificationMessageTemplate.EmailSubject": "Your code",
            "EmailVerificationSubject": ABSENT,
        },
    ),
    Case(
        "Setting both forms to different texts is refused: which one wins is unconfirmed.",
        "17",
        {
            "email_verification_subject": "A",
            "verification_message_template": {"email_subject": "B"},
        },
        refused=(("verification_message_template.email_subject", "must equal"),),
    ),
    Case(
        "Switching the default email option to links keeps every message.",
        "31",
        {"verification_message_template": {"default_email_option": "CONFIRM_WITH_LINK"}},
        plan=(
            "~ verification_message_template.default_email_option: 'CONFIRM_WITH_CODE' -> 'CONFIRM_WITH_LINK'",
        ),
        sent={
            "VerificationMessageTemplate.DefaultEmailOption": "CONFIRM_WITH_LINK",
            "VerificationMessageTemplate.EmailMessageByLink": "Choose this link to {##verify your email##}",
            "EmailVerificationMessage": "Your verification code is {####}.",
        },
    ),
    # -- PreTokenGeneration and PreTokenGenerationConfig.LambdaArn -------------------------------
    Case(
        "Changing the V2 trigger's ARN fills the legacy PreTokenGeneration with the same ARN.",
        "13",
        {"lambda_config": {"pre_token_generation_config": {"lambda_arn": f"{FN}tokens"}}},
        plan=(
            f"+ lambda_config.pre_token_generation = '{FN}tokens'",
            f"~ lambda_config.pre_token_generation_config.lambda_arn: '{FN}tf-acc-test-lambda' -> '{FN}tokens'",
        ),
        sent={
            "LambdaConfig.PreTokenGeneration": f"{FN}tokens",
            "LambdaConfig.PreTokenGenerationConfig": {
                "LambdaVersion": "V2_0",
                "LambdaArn": f"{FN}tokens",
            },
        },
    ),
    Case(
        "A pool with only the legacy trigger: changing it creates no config (its version is unknown).",
        "17",
        {"lambda_config": {"pre_token_generation": f"{FN}tokens"}},
        plan=(f"~ lambda_config.pre_token_generation: '{FN}preTokenGeneration' -> '{FN}tokens'",),
        sent={
            "LambdaConfig.PreTokenGeneration": f"{FN}tokens",
            "LambdaConfig.PreTokenGenerationConfig": ABSENT,
        },
    ),
    Case(
        "A pool whose two trigger ARNs disagree: setting the legacy one makes the config follow.",
        "33",
        {"lambda_config": {"pre_token_generation": f"{FN}tokens"}},
        plan=(
            f"~ lambda_config.pre_token_generation: '{FN}pre_token_generation' -> '{FN}tokens'",
            (
                f"~ lambda_config.pre_token_generation_config.lambda_arn: "
                f"'{FN}pre_token_generation_config' -> '{FN}tokens'"
            ),
        ),
        sent={
            "LambdaConfig.PreTokenGeneration": f"{FN}tokens",
            "LambdaConfig.PreTokenGenerationConfig": {
                "LambdaVersion": "V1_0",
                "LambdaArn": f"{FN}tokens",
            },
        },
    ),
    Case(
        "Clearing the legacy trigger clears the config too, whose ARN is required.",
        "33",
        {"lambda_config": {"pre_token_generation": None}},
        plan=(
            f"- lambda_config.pre_token_generation (was '{FN}pre_token_generation')",
            "- lambda_config.pre_token_generation_config.lambda_version (was 'V1_0')",
            f"- lambda_config.pre_token_generation_config.lambda_arn (was '{FN}pre_token_generation_config')",
        ),
        sent={
            "LambdaConfig.PreTokenGeneration": ABSENT,
            "LambdaConfig.PreTokenGenerationConfig": ABSENT,
        },
    ),
    Case(
        "Clearing the legacy trigger while editing the config asks for opposite things: refused.",
        "33",
        {
            "lambda_config": {
                "pre_token_generation": None,
                "pre_token_generation_config": {"lambda_version": "V2_0"},
            }
        },
        refused=(("lambda_config.pre_token_generation_config", "clearing"),),
    ),
    Case(
        "Setting both trigger ARNs to different functions is refused.",
        "13",
        {
            "lambda_config": {
                "pre_token_generation": f"{FN}a",
                "pre_token_generation_config": {"lambda_arn": f"{FN}b"},
            }
        },
        refused=(("lambda_config.pre_token_generation_config.lambda_arn", "must equal"),),
    ),
    Case(
        "A whole new V2 config on a pool without one sets the legacy trigger to match.",
        "01",
        {
            "lambda_config": {
                "pre_token_generation_config": {
                    "lambda_version": "V2_0",
                    "lambda_arn": f"{FN}tokens",
                }
            }
        },
        plan=(
            f"+ lambda_config.pre_token_generation = '{FN}tokens'",
            "+ lambda_config.pre_token_generation_config.lambda_version = 'V2_0'",
            f"+ lambda_config.pre_token_generation_config.lambda_arn = '{FN}tokens'",
        ),
        sent={
            "LambdaConfig": {
                "PreTokenGeneration": f"{FN}tokens",
                "PreTokenGenerationConfig": {
                    "LambdaVersion": "V2_0",
                    "LambdaArn": f"{FN}tokens",
                },
            }
        },
    ),
    # -- describe-only members -------------------------------------------------------------------
    Case(
        "Alias attributes, username settings, schema and name are describe-only: never sent.",
        "31",
        {"deletion_protection": "INACTIVE"},
        plan=("~ deletion_protection: 'ACTIVE' -> 'INACTIVE'",),
        sent={
            "AliasAttributes": ABSENT,
            "UsernameConfiguration": ABSENT,
            "SchemaAttributes": ABSENT,
            "Name": ABSENT,
            "Id": ABSENT,
            "Arn": ABSENT,
            "PoolName": "my-test-user-pool",
        },
    ),
    Case(
        "Alias attributes are fixed at creation; naming them is an unknown setting.",
        "31",
        {"alias_attributes": ["email"]},
        refused=(("alias_attributes", "unknown setting"),),
    ),
    Case(
        "A misspelt nested key is refused with a suggestion.",
        "01",
        {"policies": {"pasword_policy": {"minimum_length": 12}}},
        refused=(("policies.pasword_policy", "did you mean 'password_policy'"),),
    ),
    # -- reserved aws: tags ----------------------------------------------------------------------
    Case(
        "Changing the owner's tag keeps the reserved aws: tag and never sends it.",
        "01",
        {"user_pool_tags": {"team": "identity"}},
        create_with={"UserPoolTags": RESERVED},
        plan=("~ user_pool_tags.team: 'auth' -> 'identity'",),
        sent={"UserPoolTags": {"team": "identity"}},
    ),
    Case(
        "Repeating the pool's own aws: tag in a new map is accepted; it is still not sent.",
        "01",
        {"user_pool_tags": {**RESERVED, "env": "prod"}},
        create_with={"UserPoolTags": RESERVED},
        plan=("+ user_pool_tags.env = 'prod'",),
        sent={"UserPoolTags": {"team": "auth", "env": "prod"}},
    ),
    Case(
        "An unrelated change sends the owner's tags without the reserved one.",
        "01",
        {"deletion_protection": "ACTIVE"},
        create_with={"UserPoolTags": RESERVED},
        plan=("+ deletion_protection = 'ACTIVE'",),
        sent={"UserPoolTags": {"team": "auth"}},
    ),
    Case(
        "Giving a reserved tag another value is refused.",
        "01",
        {"user_pool_tags": {"aws:cloudformation:stack-name": "other", "team": "auth"}},
        create_with={"UserPoolTags": RESERVED},
        refused=(("user_pool_tags['aws:cloudformation:stack-name']", "reserved by AWS"),),
    ),
    Case(
        "Adding a new aws: tag is refused.",
        "27",
        {"user_pool_tags": {"tag1": "foo", "aws:owner": "me"}},
        refused=(("user_pool_tags['aws:owner']", "reserved by AWS"),),
    ),
    Case(
        "Clearing the tags removes the owner's and keeps the reserved one; {} is sent.",
        "01",
        {"user_pool_tags": None},
        create_with={"UserPoolTags": RESERVED},
        plan=("- user_pool_tags.team (was 'auth')",),
        sent={"UserPoolTags": {}},
    ),
    # -- custom senders need a KMS key -----------------------------------------------------------
    Case(
        "Removing the KMS key while custom senders use it is refused.",
        "31",
        {"lambda_config": {"kms_key_id": None}},
        refused=(("lambda_config.kms_key_id", "a KMS key"),),
    ),
    Case(
        "Adding a custom email sender to a pool without a KMS key is refused.",
        "01",
        {
            "lambda_config": {
                "custom_email_sender": {"lambda_version": "V1_0", "lambda_arn": f"{FN}sender"}
            }
        },
        refused=(("lambda_config.kms_key_id", "a KMS key"),),
    ),
    Case(
        "A custom sender with its key in the same change is accepted.",
        "01",
        {
            "lambda_config": {
                "custom_sms_sender": {"lambda_version": "V1_0", "lambda_arn": f"{FN}sender"},
                "kms_key_id": NEW_KEY,
            }
        },
        plan=(
            "+ lambda_config.custom_sms_sender.lambda_version = 'V1_0'",
            f"+ lambda_config.custom_sms_sender.lambda_arn = '{FN}sender'",
            f"+ lambda_config.kms_key_id = '{NEW_KEY}'",
        ),
        sent={
            "LambdaConfig": {
                "CustomSMSSender": {"LambdaVersion": "V1_0", "LambdaArn": f"{FN}sender"},
                "KMSKeyID": NEW_KEY,
            }
        },
    ),
    Case(
        "Removing the sender and its key together is accepted.",
        "11",
        {"lambda_config": {"custom_email_sender": None, "kms_key_id": None}},
        plan=(
            "- lambda_config.custom_email_sender.lambda_version (was 'V1_0')",
            f"- lambda_config.custom_email_sender.lambda_arn (was '{FN}tf-acc-test-lambda')",
            f"- lambda_config.kms_key_id (was '{KEY}1234abcd-12ab-34cd-56ef-1234567890ab')",
        ),
        sent={"LambdaConfig.CustomEmailSender": ABSENT, "LambdaConfig.KMSKeyID": ABSENT},
    ),
    Case(
        "Rotating the key of a pool with custom senders is accepted.",
        "31",
        {"lambda_config": {"kms_key_id": NEW_KEY}},
        plan=(f"~ lambda_config.kms_key_id: '{KEY_31}' -> '{NEW_KEY}'",),
        sent={"LambdaConfig.KMSKeyID": NEW_KEY},
    ),
    Case(
        "A KMS alias is not a key ARN: refused.",
        "31",
        {"lambda_config": {"kms_key_id": "arn:aws:kms:us-east-1:123456789012:alias/cognito"}},
        refused=(("lambda_config.kms_key_id", "full KMS key ARN"),),
    ),
    Case(
        "Custom senders only take LambdaVersion V1_0.",
        "11",
        {"lambda_config": {"custom_email_sender": {"lambda_version": "V2_0"}}},
        refused=(("lambda_config.custom_email_sender.lambda_version", "'V2_0' is not allowed"),),
    ),
    # -- placeholders in messages ----------------------------------------------------------------
    Case(
        "A verification email must carry the code placeholder.",
        "01",
        {"verification_message_template": {"email_message": "Welcome!"}},
        refused=(("verification_message_template.email_message", "{####}"),),
    ),
    Case(
        "A link email must carry a {##...##} link.",
        "01",
        {"verification_message_template": {"email_message_by_link": "Click here to verify"}},
        refused=(("verification_message_template.email_message_by_link", "{##"),),
    ),
    Case(
        "An invitation SMS must carry the user name as well as the code.",
        "01",
        {
            "admin_create_user_config": {
                "invite_message_template": {"sms_message": "Your code {####}"}
            }
        },
        refused=(("admin_create_user_config.invite_message_template.sms_message", "{username}"),),
    ),
    Case(
        "An invitation with both placeholders is accepted.",
        "31",
        {
            "admin_create_user_config": {
                "invite_message_template": {"sms_message": "Hi {username}, code {####}"}
            }
        },
        plan=(
            (
                "~ admin_create_user_config.invite_message_template.sms_message: "
                "'Your username is {username} and temporary password is {####}.' -> 'Hi {username}, code {####}'"
            ),
        ),
        sent={
            "AdminCreateUserConfig.InviteMessageTemplate.SMSMessage": "Hi {username}, code {####}"
        },
    ),
    # -- enums, ranges, patterns, types ----------------------------------------------------------
    Case(
        "A number above its range is refused.",
        "01",
        {"policies": {"password_policy": {"minimum_length": 100}}},
        refused=(("policies.password_policy.minimum_length", "above the maximum of 99"),),
    ),
    Case(
        "A number given as text is refused.",
        "01",
        {"policies": {"password_policy": {"minimum_length": "12"}}},
        refused=(("policies.password_policy.minimum_length", "expected an integer"),),
    ),
    Case(
        "A boolean given as 1 is refused.",
        "01",
        {"policies": {"password_policy": {"require_symbols": 1}}},
        refused=(("policies.password_policy.require_symbols", "expected True or False"),),
    ),
    Case(
        "An enum value that does not exist is refused with the allowed ones.",
        "01",
        {"deletion_protection": "ENABLED"},
        refused=(("deletion_protection", "expected one of 'ACTIVE', 'INACTIVE'"),),
    ),
    Case(
        "A trigger that is not an ARN is refused by the pattern.",
        "01",
        {"lambda_config": {"pre_sign_up": "my-function-name-not-an-arn"}},
        refused=(("lambda_config.pre_sign_up", "expected an ARN"),),
    ),
    Case(
        "A string shorter than its minimum is refused.",
        "09",
        {"sms_configuration": {"sns_region": "us"}},
        refused=(("sms_configuration.sns_region", "at least 5"),),
    ),
    Case(
        "A structure given as a plain value is refused.",
        "01",
        {"policies": {"password_policy": 12}},
        refused=(
            ("policies.password_policy", "expected a mapping of settings or a PasswordPolicy"),
        ),
    ),
    Case(
        "Every problem is reported at once, and nothing is written.",
        "01",
        {
            "policies": {"password_policy": {"minimum_length": 100}},
            "verification_message_template": {"email_message": "Welcome!"},
            "deletion_protection": "ENABLED",
        },
        refused=(
            ("policies.password_policy.minimum_length", "above the maximum of 99"),
            ("verification_message_template.email_message", "{####}"),
            ("deletion_protection", "'ENABLED' is not allowed"),
        ),
    ),
    Case(
        "The MFA mode is written through mfa=, never as the UpdateUserPool member.",
        "01",
        {"mfa_configuration": "ON"},
        refused=(("mfa_configuration", "use mfa= instead"),),
    ),
    Case(
        "The SMS role's external ID is a secret: a change to it plans '***', never the value.",
        "09",
        {"sms_configuration": {"external_id": "new-secret-id"}},
        plan=("~ sms_configuration.external_id: '***' -> '***'",),
        sent={
            "SmsConfiguration": {
                "SnsCallerArn": f"{ROLE}tf-acc-test-sns-region",
                "ExternalId": "new-secret-id",
                "SnsRegion": "us-east-1",
            }
        },
    ),
    # -- MFA -------------------------------------------------------------------------------------
    Case(
        "MFA on for a pool without a factor enables TOTP (a mode needs a factor) and writes only "
        "the MFA setup.",
        "01",
        {"mfa": "ON"},
        plan=(
            "~ mfa.mfa_configuration: 'OFF' -> 'ON'",
            "+ mfa.software_token_mfa_configuration.enabled = True",
        ),
        no_request=True,
        no_mfa_request=False,
        mfa_sent={"MfaConfiguration": "ON", "SoftwareTokenMfaConfiguration": {"Enabled": True}},
    ),
    Case(
        "MFA off for a pool with MFA on sends the mode alone.",
        "05",
        {"mfa": "OFF"},
        plan=("~ mfa.mfa_configuration: 'ON' -> 'OFF'",),
        no_request=True,
        no_mfa_request=False,
        mfa_sent={"MfaConfiguration": "OFF", "SmsMfaConfiguration": ABSENT},
    ),
    Case(
        "The mode the pool already has writes nothing.",
        "31",
        {"mfa": "OPTIONAL"},
        plan=(),
        no_request=True,
    ),
    Case(
        "MFA off drops the factors: the service refuses MFA off beside a configured factor.",
        "05",
        {"mfa": "OFF"},
        mfa_before={
            "MfaConfiguration": "ON",
            "SoftwareTokenMfaConfiguration": {"Enabled": True},
        },
        plan=(
            "~ mfa.mfa_configuration: 'ON' -> 'OFF'",
            "- mfa.software_token_mfa_configuration.enabled (was True)",
        ),
        no_request=True,
        no_mfa_request=False,
        mfa_sent={"MfaConfiguration": "OFF", "SoftwareTokenMfaConfiguration": ABSENT},
    ),
    Case(
        "Adding SMS MFA keeps TOTP, which the change does not mention, and uses the pool's SMS role.",
        "05",
        {"mfa": {"sms_mfa_configuration": {"sms_authentication_message": "Code {####}"}}},
        mfa_before={
            "MfaConfiguration": "ON",
            "SoftwareTokenMfaConfiguration": {"Enabled": True},
        },
        plan=(
            "+ mfa.sms_mfa_configuration.sms_authentication_message = 'Code {####}'",
            f"+ mfa.sms_mfa_configuration.sms_configuration.sns_caller_arn = '{ROLE}tf-acc-test-mfa-sms'",
            "+ mfa.sms_mfa_configuration.sms_configuration.external_id = '***'",
        ),
        no_request=True,
        no_mfa_request=False,
        mfa_sent={
            "MfaConfiguration": "ON",
            "SoftwareTokenMfaConfiguration": {"Enabled": True},
            "SmsMfaConfiguration.SmsAuthenticationMessage": "Code {####}",
            "SmsMfaConfiguration.SmsConfiguration.SnsCallerArn": f"{ROLE}tf-acc-test-mfa-sms",
            "SmsMfaConfiguration.SmsConfiguration.ExternalId": "test",
        },
    ),
    Case(
        "SMS MFA on a pool without an SMS configuration is refused, with every other MFA rule it "
        "breaks (here account recovery by phone too).",
        "01",
        {
            "mfa": {
                "mfa_configuration": "OPTIONAL",
                "sms_mfa_configuration": {"sms_authentication_message": "Code {####}"},
            }
        },
        create_with={
            "AccountRecoverySetting": {
                "RecoveryMechanisms": [
                    {"Name": "verified_email", "Priority": 1},
                    {"Name": "verified_phone_number", "Priority": 2},
                ]
            }
        },
        refused=(
            ("mfa.sms_mfa_configuration.sms_configuration", "needs an SMS configuration"),
            ("mfa.sms_mfa_configuration", "verified_phone_number"),
        ),
    ),
    Case(
        "SMS MFA while account recovery uses verified_phone_number is refused.",
        "09",
        {
            "mfa": {
                "mfa_configuration": "OPTIONAL",
                "sms_mfa_configuration": {"sms_authentication_message": "Code {####}"},
            }
        },
        create_with={
            "AccountRecoverySetting": {
                "RecoveryMechanisms": [
                    {"Name": "verified_email", "Priority": 1},
                    {"Name": "verified_phone_number", "Priority": 2},
                ]
            }
        },
        refused=(("mfa.sms_mfa_configuration", "verified_phone_number"),),
    ),
    Case(
        "SMS MFA with recovery moved off the phone in the same change is accepted, both calls due.",
        "09",
        {
            "mfa": {
                "mfa_configuration": "OPTIONAL",
                "sms_mfa_configuration": {"sms_authentication_message": "Code {####}"},
            },
            "account_recovery_setting": {
                "recovery_mechanisms": [{"name": "verified_email", "priority": 1}]
            },
        },
        create_with={
            "AccountRecoverySetting": {
                "RecoveryMechanisms": [
                    {"Name": "verified_email", "Priority": 1},
                    {"Name": "verified_phone_number", "Priority": 2},
                ]
            }
        },
        plan=(
            (
                "~ account_recovery_setting.recovery_mechanisms: "
                "[RecoveryOption(priority=1, name='verified_email'), "
                "RecoveryOption(priority=2, name='verified_phone_number')] -> "
                "[RecoveryOption(priority=1, name='verified_email')]"
            ),
            "~ mfa.mfa_configuration: 'OFF' -> 'OPTIONAL'",
            "+ mfa.sms_mfa_configuration.sms_authentication_message = 'Code {####}'",
            f"+ mfa.sms_mfa_configuration.sms_configuration.sns_caller_arn = '{ROLE}tf-acc-test-sns-region'",
            "+ mfa.sms_mfa_configuration.sms_configuration.external_id = '***'",
            "+ mfa.sms_mfa_configuration.sms_configuration.sns_region = 'us-east-1'",
        ),
        sent={
            "AccountRecoverySetting": {
                "RecoveryMechanisms": [{"Name": "verified_email", "Priority": 1}]
            }
        },
        no_mfa_request=False,
        mfa_sent={
            "MfaConfiguration": "OPTIONAL",
            "SmsMfaConfiguration.SmsConfiguration.SnsRegion": "us-east-1",
            "SoftwareTokenMfaConfiguration": ABSENT,
        },
    ),
    Case(
        "An SMS role set in mfa and a different one set on the pool are one setting: refused.",
        "09",
        {
            "mfa": {
                "mfa_configuration": "OPTIONAL",
                "sms_mfa_configuration": {"sms_configuration": {"sns_caller_arn": f"{ROLE}a"}},
            },
            "sms_configuration": {"sns_caller_arn": f"{ROLE}b"},
            "account_recovery_setting": {
                "recovery_mechanisms": [{"name": "verified_email", "priority": 1}]
            },
        },
        refused=(("mfa.sms_mfa_configuration.sms_configuration", "same pool setting"),),
    ),
    Case(
        "MFA on while clearing the only factor is refused: a mode needs a factor.",
        "01",
        {"mfa": {"mfa_configuration": "ON", "software_token_mfa_configuration": None}},
        refused=(("mfa.mfa_configuration", "needs at least one MFA factor"),),
    ),
    Case(
        "Email MFA needs SES (DEVELOPER) and a tier above LITE: both refused at once.",
        "23",
        {
            "mfa": {
                "mfa_configuration": "OPTIONAL",
                "email_mfa_configuration": {"message": "Code {####}", "subject": "Code"},
            }
        },
        refused=(
            ("mfa.email_mfa_configuration", "DEVELOPER"),
            ("mfa.email_mfa_configuration", "LITE"),
        ),
    ),
    Case(
        "Email MFA on a PLUS pool that sends through SES is accepted; only the MFA setup is written.",
        "21",
        {"mfa": {"email_mfa_configuration": {"message": "Code {####}", "subject": "Your code"}}},
        plan=(
            "+ mfa.email_mfa_configuration.message = 'Code {####}'",
            "+ mfa.email_mfa_configuration.subject = 'Your code'",
        ),
        no_request=True,
        no_mfa_request=False,
        mfa_sent={
            "MfaConfiguration": "ON",
            "EmailMfaConfiguration": {"Message": "Code {####}", "Subject": "Your code"},
        },
    ),
    Case(
        "With MFA ON the first sign-in factors may only be PASSWORD and WEB_AUTHN.",
        "21",
        {
            "mfa": "ON",
            "policies": {
                "sign_in_policy": {"allowed_first_auth_factors": ["PASSWORD", "EMAIL_OTP"]}
            },
        },
        refused=(("policies.sign_in_policy.allowed_first_auth_factors", "PASSWORD and WEB_AUTHN"),),
    ),
    Case(
        "Passkeys as a second factor need a tier above LITE.",
        "23",
        {
            "mfa": {
                "mfa_configuration": "OPTIONAL",
                "web_authn_configuration": {
                    "relying_party_id": "example.com",
                    "factor_configuration": "MULTI_FACTOR_WITH_USER_VERIFICATION",
                },
            }
        },
        refused=(("mfa.web_authn_configuration.factor_configuration", "ESSENTIALS"),),
        needs=("SetUserPoolMfaConfig.WebAuthnConfiguration.FactorConfiguration",),
    ),
    Case(
        "A mode that does not exist is refused.",
        "01",
        {"mfa": "MAYBE"},
        refused=(("mfa", "'MAYBE' is not allowed"),),
    ),
    Case(
        "The MFA mode cannot be cleared (Cognito keeps it when omitted).",
        "01",
        {"mfa": None},
        refused=(("mfa", "got None"),),
    ),
    Case(
        "A whole UserPoolMfaConfig replaces the setup, so it needs a mode.",
        "01",
        {
            "mfa": UserPoolMfaConfig(
                software_token_mfa_configuration=SoftwareTokenMfaConfig(enabled=True)
            )
        },
        refused=(("mfa.mfa_configuration", "needs a mode"),),
    ),
    Case(
        "A whole UserPoolMfaConfig with its mode is written as given.",
        "01",
        {
            "mfa": UserPoolMfaConfig(
                mfa_configuration="OPTIONAL",
                software_token_mfa_configuration=SoftwareTokenMfaConfig(enabled=True),
            )
        },
        plan=(
            "~ mfa.mfa_configuration: 'OFF' -> 'OPTIONAL'",
            "+ mfa.software_token_mfa_configuration.enabled = True",
        ),
        no_request=True,
        no_mfa_request=False,
        mfa_sent={
            "MfaConfiguration": "OPTIONAL",
            "SoftwareTokenMfaConfiguration": {"Enabled": True},
        },
    ),
    Case(
        "A whole UserPoolMfaConfig drops what it leaves out: SMS MFA goes, nothing is added.",
        "05",
        {
            "mfa": UserPoolMfaConfig(
                mfa_configuration="ON",
                software_token_mfa_configuration=SoftwareTokenMfaConfig(enabled=True),
            )
        },
        mfa_before={
            "MfaConfiguration": "ON",
            "SmsMfaConfiguration": {
                "SmsAuthenticationMessage": "Code {####}",
                "SmsConfiguration": {
                    "SnsCallerArn": f"{ROLE}tf-acc-test-mfa-sms",
                    "ExternalId": "test",
                },
            },
        },
        plan=(
            "- mfa.sms_mfa_configuration.sms_authentication_message (was 'Code {####}')",
            f"- mfa.sms_mfa_configuration.sms_configuration.sns_caller_arn (was '{ROLE}tf-acc-test-mfa-sms')",
            "- mfa.sms_mfa_configuration.sms_configuration.external_id (was '***')",
            "+ mfa.software_token_mfa_configuration.enabled = True",
        ),
        no_request=True,
        no_mfa_request=False,
        mfa_sent={
            "MfaConfiguration": "ON",
            "SmsMfaConfiguration": ABSENT,
            "SoftwareTokenMfaConfiguration": {"Enabled": True},
        },
    ),
    Case(
        "An MFA change beside a pool setting makes both writes; UpdateUserPool carries the new mode.",
        "01",
        {"mfa": "ON", "deletion_protection": "ACTIVE"},
        plan=(
            "+ deletion_protection = 'ACTIVE'",
            "~ mfa.mfa_configuration: 'OFF' -> 'ON'",
            "+ mfa.software_token_mfa_configuration.enabled = True",
        ),
        sent={"DeletionProtection": "ACTIVE", "MfaConfiguration": "ON"},
        no_mfa_request=False,
        mfa_sent={"MfaConfiguration": "ON", "SoftwareTokenMfaConfiguration": {"Enabled": True}},
    ),
    Case(
        "SMS MFA with its SMS role given in mfa: UpdateUserPool carries the same SMS configuration.",
        "01",
        {
            "mfa": {
                "mfa_configuration": "OPTIONAL",
                "sms_mfa_configuration": {
                    "sms_authentication_message": "Code {####}",
                    "sms_configuration": {"sns_caller_arn": f"{ROLE}sms", "external_id": "ext"},
                },
            },
            "account_recovery_setting": {
                "recovery_mechanisms": [{"name": "verified_email", "priority": 1}]
            },
        },
        create_with={
            "AccountRecoverySetting": {
                "RecoveryMechanisms": [
                    {"Name": "verified_email", "Priority": 1},
                    {"Name": "verified_phone_number", "Priority": 2},
                ]
            }
        },
        plan=(
            (
                "~ account_recovery_setting.recovery_mechanisms: "
                "[RecoveryOption(priority=1, name='verified_email'), "
                "RecoveryOption(priority=2, name='verified_phone_number')] -> "
                "[RecoveryOption(priority=1, name='verified_email')]"
            ),
            "~ mfa.mfa_configuration: 'OFF' -> 'OPTIONAL'",
            "+ mfa.sms_mfa_configuration.sms_authentication_message = 'Code {####}'",
            f"+ mfa.sms_mfa_configuration.sms_configuration.sns_caller_arn = '{ROLE}sms'",
            "+ mfa.sms_mfa_configuration.sms_configuration.external_id = '***'",
        ),
        sent={"SmsConfiguration": {"SnsCallerArn": f"{ROLE}sms", "ExternalId": "ext"}},
        no_mfa_request=False,
        mfa_sent={
            "SmsMfaConfiguration.SmsConfiguration": {
                "SnsCallerArn": f"{ROLE}sms",
                "ExternalId": "ext",
            }
        },
    ),
    Case(
        "A factor change that keeps the mode does not send UpdateUserPool.",
        "31",
        {"mfa": {"software_token_mfa_configuration": {"enabled": True}}},
        plan=("+ mfa.software_token_mfa_configuration.enabled = True",),
        no_request=True,
        no_mfa_request=False,
        mfa_sent={
            "MfaConfiguration": "OPTIONAL",
            "SoftwareTokenMfaConfiguration": {"Enabled": True},
        },
    ),
)

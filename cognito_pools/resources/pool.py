"""A user pool's settings as the engine sees them: DescribeUserPool in, UpdateUserPool out.

:data:`OMISSIONS` is the one table of what UpdateUserPool does with each member it is not
given, with a source per row. The engine reads it to decide what ``None`` sends; validation
reads it to refuse a clear that cannot land; the settings reference prints it; and
``docs/aws-rules.md`` holds the audit behind it.
"""

from __future__ import annotations

from cognito_pools._schema import DESCRIBED_NAMES
from cognito_pools.resource import Omission, Resource
from cognito_pools.rules import (
    EMPTY_MEANS_UNSET,
    MFA_KEYWORD,
    MFA_MODE,
    NEVER_SENT,
    POOL,
    PoolRules,
)

__all__ = ["OMISSIONS", "POOL_RESOURCE"]

_API = "UpdateUserPool API reference: a member left out is set to its default"
_CDKD = "measured by go-to-k/cdkd (cognito-provider.ts, issues #1968, #1982)"

OMISSIONS = (
    Omission(
        "policies",
        "kept",
        f"Both members are kept when left out ({_CDKD}; cdkd #1979); clearing the structure "
        "clears each of them, see the rows below.",
    ),
    Omission(
        "policies.password_policy",
        "kept",
        f"Kept when left out ({_CDKD}). Default: the policy a pool created without one reports "
        "(terraform-provider-aws TestAccCognitoIDPUserPool_basic: 8 characters and all four "
        "classes); TemporaryPasswordValidityDays 'Defaults to 7' (botocore model doc of "
        "PasswordPolicyType).",
        clears_to={
            "minimum_length": 8,
            "require_uppercase": True,
            "require_lowercase": True,
            "require_numbers": True,
            "require_symbols": True,
            "temporary_password_validity_days": 7,
        },
    ),
    Omission(
        "policies.sign_in_policy",
        "kept",
        "Removing it by omission is a no-op (cdkd #1979). Default: password only (AWS CDK "
        "SignInPolicy, 'Default: Password only'; terraform-provider-aws "
        "TestAccCognitoIDPUserPool_basic expects SignInPolicy [PASSWORD]).",
        clears_to={"allowed_first_auth_factors": ("PASSWORD",)},
    ),
    Omission(
        "deletion_protection",
        "reset",
        f"{_API}; the default is INACTIVE (botocore model doc of DeletionProtectionType), and "
        "DescribeUserPool reports it, so clearing sends INACTIVE.",
        clears_to="INACTIVE",
    ),
    Omission("lambda_config", "reset", f"{_API}: every trigger is removed."),
    Omission("auto_verified_attributes", "reset", f"{_API}; measured as reset ({_CDKD})."),
    Omission(
        "sms_verification_message", "reset", f"{_API}; it follows VerificationMessageTemplate."
    ),
    Omission(
        "email_verification_message", "reset", f"{_API}; it follows VerificationMessageTemplate."
    ),
    Omission(
        "email_verification_subject", "reset", f"{_API}; it follows VerificationMessageTemplate."
    ),
    Omission(
        "verification_message_template",
        "reset",
        "Left out, Cognito puts its default verification messages back instead of removing "
        "them (botocore model doc; moto does the same).",
        refusal="left out, Cognito puts its default verification messages back instead of "
        "removing them; set the messages you want instead",
    ),
    Omission("sms_authentication_message", "reset", _API),
    Omission(
        "user_attribute_update_settings",
        "reset",
        f"{_API}; its one member is kept, see the next row.",
    ),
    Omission(
        "user_attribute_update_settings.attributes_require_verification_before_update",
        "kept",
        "Kept when left out; an empty list clears it, and the pool then reports "
        "{'AttributesRequireVerificationBeforeUpdate': []} (AWS-RULES, other semantics).",
        clears_to=(),
    ),
    Omission(
        MFA_MODE,
        "kept",
        f"Kept when left out ({_CDKD}). The mode is written through the mfa keyword "
        "(SetUserPoolMfaConfig), which refuses None before this table is read.",
        refusal="Cognito keeps the MFA mode when it is left out, so it cannot be cleared; "
        "pass mfa='OFF' to turn MFA off",
        keyword=MFA_KEYWORD,
    ),
    Omission("device_configuration", "reset", f"{_API}: device remembering is off when unset."),
    Omission(
        "email_configuration",
        "reset",
        "Left out, Cognito puts back its own email (botocore model doc of EmailSendingAccount: "
        "COGNITO_DEFAULT is the default); describe then reports "
        "{'EmailSendingAccount': 'COGNITO_DEFAULT'} (recorded real pools).",
        clears_to={"email_sending_account": "COGNITO_DEFAULT"},
    ),
    Omission("sms_configuration", "reset", _API),
    Omission(
        "user_pool_tags",
        "reset",
        f"{_API}: the tags are removed (AWS-RULES, core trap; aws-cli #3302), though "
        "terraform-provider-aws #32857 reports them kept. Clearing sends an empty map, which "
        "removes them either way.",
        clears_to={},
    ),
    Omission(
        "admin_create_user_config",
        "reset",
        "Omitted settings go back to the service defaults (botocore model doc; moto does the "
        "same).",
        refusal="left out, Cognito puts its defaults back (sign-up open to everyone, its own "
        "invitation messages); set the members you want instead, for example "
        "{'allow_admin_create_user_only': False}",
    ),
    Omission("user_pool_add_ons", "reset", f"{_API}: threat protection goes back to OFF."),
    Omission(
        "dcr_configuration",
        "kept",
        "'When UpdateUserPool omits it, Cognito keeps the current setup; when it is sent, it "
        "replaces the setup whole' (botocore model doc of DcrConfigurationType; AWS-RULES). "
        "Clearing sends EnableStatus Disabled, which turns registration off.",
        clears_to={"enable_status": "Disabled"},
    ),
    Omission("account_recovery_setting", "reset", _API),
    Omission(
        "pool_name",
        "kept",
        "PoolName is optional in UpdateUserPool, and left out the name stays (moto; the API "
        "reference lists no default name).",
        refusal="a user pool always has a name (UpdateUserPool keeps it when it is left out); "
        "to rename the pool, set pool_name to the new name",
    ),
    Omission(
        "user_pool_tier",
        "kept",
        "UserPoolTier is the documented exception to the reset (AWS-RULES, core trap); "
        "'Defaults to ESSENTIALS' (botocore model doc).",
        refusal="UpdateUserPool keeps the feature plan when it is left out, so it cannot be "
        "cleared; set it to 'LITE', 'ESSENTIALS' or 'PLUS' (ESSENTIALS is the default)",
    ),
    Omission(
        "key_configuration",
        "reset",
        f"{_API}; in a secondary Region it must repeat the current value (AWS-RULES, "
        "multi-Region replicas), which sending every setting does.",
    ),
    Omission(
        "issuer_configuration",
        "reset",
        f"{_API}; in a secondary Region it must repeat the current value (AWS-RULES).",
    ),
    Omission("acr_configuration", "reset", _API),
)
"""What UpdateUserPool does with each member it is not given; every member has a row."""

POOL_RESOURCE = Resource(
    noun="user pool",
    structure=POOL,
    describe="describe_user_pool",
    update="update_user_pool",
    identifiers=("UserPoolId",),
    answer_key="UserPool",
    omissions=OMISSIONS,
    rules=PoolRules(),
    renames=DESCRIBED_NAMES,
    empty_means_unset=EMPTY_MEANS_UNSET,
    never_sent=NEVER_SENT,
)
"""The user pool, as the engine reads and writes it."""

"""A DescribeUserPool answer shaped like those recorded from real pools created in 2026.

Such pools report ``Policies.SignInPolicy``, ``UserAttributeUpdateSettings`` with its list, an
empty ``LambdaConfig``, the legacy ``UnusedAccountValidityDays`` beside the password policy's own
value, and the members botocore 1.43.19 added: ``KeyConfiguration`` and ``IssuerConfiguration``.

Also: ``writable``, what UpdateUserPool must receive to keep a described pool as it is, written
without the library's code.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

POOL_ID = "us-east-1_Rq7eSt"
ACCOUNT = "123456789012"
CREATED = dt.datetime(2026, 2, 11, 9, 30, tzinfo=dt.timezone.utc)

# Independent of the library: the members DescribeUserPool reports but UpdateUserPool refuses.
DESCRIBE_ONLY = frozenset(
    {
        "Id",
        "Name",
        "Arn",
        "Status",
        "CreationDate",
        "LastModifiedDate",
        "SchemaAttributes",
        "AliasAttributes",
        "UsernameAttributes",
        "UsernameConfiguration",
        "EstimatedNumberOfUsers",
        "SmsConfigurationFailure",
        "EmailConfigurationFailure",
        "Domain",
        "CustomDomain",
    }
)

NEWER_THAN_THE_FLOOR = {"KeyConfiguration": "1.43.19", "IssuerConfiguration": "1.43.19"}
"""The members of POOL_2026 that botocore 1.42.1 lacks, with the release that added them."""

POOL_2026: dict[str, Any] = {
    "Id": POOL_ID,
    "Name": "shop-customers",
    "Arn": f"arn:aws:cognito-idp:us-east-1:{ACCOUNT}:userpool/{POOL_ID}",
    "CreationDate": CREATED,
    "LastModifiedDate": CREATED,
    "EstimatedNumberOfUsers": 1204,
    "Policies": {
        "PasswordPolicy": {
            "MinimumLength": 12,
            "RequireUppercase": True,
            "RequireLowercase": True,
            "RequireNumbers": True,
            "RequireSymbols": False,
            "TemporaryPasswordValidityDays": 3,
        },
        "SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "EMAIL_OTP"]},
    },
    "DeletionProtection": "ACTIVE",
    "LambdaConfig": {},
    "SchemaAttributes": [
        {"Name": "sub", "AttributeDataType": "String", "Mutable": False, "Required": True},
        {"Name": "email", "AttributeDataType": "String", "Mutable": True, "Required": True},
    ],
    "AutoVerifiedAttributes": ["email"],
    "UsernameAttributes": ["email"],
    "VerificationMessageTemplate": {"DefaultEmailOption": "CONFIRM_WITH_CODE"},
    "UserAttributeUpdateSettings": {"AttributesRequireVerificationBeforeUpdate": ["email"]},
    "MfaConfiguration": "OFF",
    "EmailConfiguration": {"EmailSendingAccount": "COGNITO_DEFAULT"},
    "UserPoolTags": {},
    "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": False, "UnusedAccountValidityDays": 3},
    "UsernameConfiguration": {"CaseSensitive": False},
    "AccountRecoverySetting": {"RecoveryMechanisms": [{"Priority": 1, "Name": "verified_email"}]},
    "UserPoolTier": "ESSENTIALS",
    "KeyConfiguration": {"KeyType": "AWS_OWNED_KEY"},
    "IssuerConfiguration": {"Type": "ORIGINAL"},
}


def writable(user_pool: dict[str, Any]) -> dict[str, Any]:
    """What UpdateUserPool must receive to keep this pool as it is (before any service rule)."""
    request = {k: copy.deepcopy(v) for k, v in user_pool.items() if k not in DESCRIBE_ONLY}
    request["PoolName"] = user_pool["Name"]
    return request


def without(user_pool: dict[str, Any], *names: str) -> dict[str, Any]:
    """A copy of ``user_pool`` without the named members."""
    return {k: copy.deepcopy(v) for k, v in user_pool.items() if k not in names}

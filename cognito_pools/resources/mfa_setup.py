"""A user pool's MFA setup as the engine sees it: GetUserPoolMfaConfig in, SetUserPoolMfaConfig out.

SetUserPoolMfaConfig replaces the whole setup with what it is given, so every member resets
when it is left out; the mode resets to OFF, which is why ``None`` is refused for it. The rules
between the setup and the pool are in :mod:`cognito_pools.mfa`.
"""

from __future__ import annotations

from cognito_pools._schema import SHAPES
from cognito_pools.resource import Omission, Resource

__all__ = ["MFA_SETUP", "OMISSIONS"]

_SOURCE = (
    "SetUserPoolMfaConfig replaces the whole MFA setup: a member left out is dropped "
    "(API reference; measured by go-to-k/cdkd #1923)"
)

OMISSIONS = (
    Omission("sms_mfa_configuration", "reset", _SOURCE),
    Omission("software_token_mfa_configuration", "reset", _SOURCE),
    Omission("email_mfa_configuration", "reset", _SOURCE),
    Omission(
        "mfa_configuration",
        "reset",
        f"{_SOURCE}; a mode left out is OFF (botocore model doc of UserPoolMfaType).",
        refusal="the MFA mode cannot be cleared; set 'OFF' instead",
    ),
    Omission("web_authn_configuration", "reset", _SOURCE),
)
"""What SetUserPoolMfaConfig does with each member it is not given."""

MFA_SETUP = Resource(
    noun="MFA setup",
    structure=SHAPES["UserPoolMfaConfig"],
    describe="get_user_pool_mfa_config",
    update="set_user_pool_mfa_config",
    identifiers=("UserPoolId",),
    answer_key=None,
    omissions=OMISSIONS,
)
"""The MFA setup, as the engine reads and writes it."""

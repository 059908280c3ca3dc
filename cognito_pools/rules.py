"""Cognito's own rules between settings, which botocore's model does not express.

Sources for each rule are in the project's AWS-RULES notes; the docs page "Semantics" explains
them for users. Two kinds of rule live here:

- **pairs**: two members that must hold the same value. When a change touches one side, the
  other follows, so the caller never has to know about the legacy twin.
- **message placeholders**: codes and links Cognito needs inside message templates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from cognito_pools._schema import STRUCTURES
from cognito_pools.errors import Problem
from cognito_pools.merge import evolve, get_path, set_path, touches

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["PAIRS", "PLACEHOLDERS", "Pair", "follow_pairs"]

T = TypeVar("T")


@attrs.frozen
class Pair:
    """Two settings that must agree; ``legacy`` is the older spelling of ``current``."""

    legacy: str
    current: str
    fill_legacy: bool = False
    """Set the legacy side even where the pool had no value for it."""
    create_current: bool = False
    """Create the structures around the current side where the pool had none."""


PAIRS = (
    # LambdaConfig.PreTokenGeneration must equal PreTokenGenerationConfig.LambdaArn.
    Pair(
        "lambda_config.pre_token_generation",
        "lambda_config.pre_token_generation_config.lambda_arn",
        fill_legacy=True,
    ),
    # Describe reports the legacy verification messages beside the template that replaced them.
    Pair("sms_verification_message", "verification_message_template.sms_message"),
    Pair("email_verification_message", "verification_message_template.email_message"),
    Pair("email_verification_subject", "verification_message_template.email_subject"),
    # Sending both fails, so the request keeps only the password policy's value; it must be right.
    Pair(
        "admin_create_user_config.unused_account_validity_days",
        "policies.password_policy.temporary_password_validity_days",
        create_current=True,
    ),
)

PLACEHOLDERS: Mapping[str, tuple[str, ...]] = {
    "sms_verification_message": ("{####}",),
    "email_verification_message": ("{####}",),
    "sms_authentication_message": ("{####}",),
    "verification_message_template.sms_message": ("{####}",),
    "verification_message_template.email_message": ("{####}",),
    "verification_message_template.email_message_by_link": ("{##", "##}"),
    "admin_create_user_config.invite_message_template.sms_message": ("{username}", "{####}"),
    "admin_create_user_config.invite_message_template.email_message": ("{username}", "{####}"),
}
"""Text that a message must contain, by setting path."""

KMS_KEY_PATH = "lambda_config.kms_key_id"
CUSTOM_SENDERS = ("lambda_config.custom_sms_sender", "lambda_config.custom_email_sender")
KMS_KEY_ARN = r"arn:aws[\w-]*:kms:[a-z0-9-]+:\d{12}:key/[\w-]+"


def follow_pairs(config: T, change: Mapping[str, Any]) -> tuple[T, list[Problem]]:
    """Make each pair agree after ``change`` was merged into ``config``."""
    problems: list[Problem] = []
    for pair in PAIRS:
        legacy_touched = touches(change, pair.legacy)
        current_touched = touches(change, pair.current)
        legacy = get_path(config, pair.legacy)
        current = get_path(config, pair.current)
        if legacy == current or not (legacy_touched or current_touched):
            continue
        if legacy_touched and current_touched:
            if legacy is not None and current is not None:
                problems.append(
                    Problem(
                        pair.current,
                        f"must equal {pair.legacy} ({legacy!r}), but the change sets "
                        f"{current!r}; set one of them",
                    )
                )
                continue
            legacy_touched = legacy is not None
        if legacy_touched:
            config = _follow(config, pair.current, legacy, create=pair.create_current)
        elif legacy is not None or pair.fill_legacy:
            config = _follow(config, pair.legacy, current, create=False)
    return config, problems


def _follow(config: T, path: str, value: Any, *, create: bool) -> T:
    parent_path, _, name = path.rpartition(".")
    parent = get_path(config, parent_path) if parent_path else config
    if parent is None:
        if value is None or not create:
            return config
        return _create(config, path, value)
    member = STRUCTURES[type(parent)].member(name)
    if value is None and member is not None and member.required:
        # Clearing a required member means the structure around it goes too.
        return set_path(config, parent_path, None)
    return set_path(config, path, value)


def _create(config: T, path: str, value: Any) -> T:
    head, _, rest = path.partition(".")
    if not rest:
        return evolve(config, **{head: value})
    child = getattr(config, head)
    if child is None:
        member = STRUCTURES[type(config)].member(head)
        target = member.value.target if member is not None else None
        if target is None:
            raise TypeError(f"{head} of {type(config).__name__} is not a structure")
        child = target()
    return evolve(config, **{head: _create(child, rest, value)})

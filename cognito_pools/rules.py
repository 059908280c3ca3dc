"""Cognito's own rules between settings, which botocore's model does not express.

Sources for each rule are in the project's AWS-RULES notes; the docs page "Semantics" explains
them for users. The rules:

- **pairs**: two members that must hold the same value. When a change touches one side, the
  other follows, so the caller never has to know about the legacy twin;
- **message placeholders**: codes and links Cognito needs inside message templates;
- **KMS key**: the custom email and SMS senders need ``lambda_config.kms_key_id``, a key ARN;
- **reserved tags**: ``aws:`` tags belong to AWS and pass through every change untouched;
- **lists cleared by sending them empty**: leaving them out keeps them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from cognito_pools._schema import STRUCTURES
from cognito_pools._spec import as_mapping
from cognito_pools.errors import Problem
from cognito_pools.merge import evolve, get_path, set_path, touches

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cognito_pools.models import UserPoolConfig

__all__ = [
    "CLEARED_WITH_EMPTY_LIST",
    "PAIRS",
    "PLACEHOLDERS",
    "Pair",
    "clear_with_empty_lists",
    "follow_pairs",
    "is_reserved_tag",
    "keep_reserved_tags",
    "reserved_tag_problems",
]

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
    roots: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    """The top-level settings the two sides live under."""

    def __attrs_post_init__(self) -> None:
        roots = frozenset(path.partition(".")[0] for path in (self.legacy, self.current))
        object.__setattr__(self, "roots", roots)


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

RESERVED_TAG_PREFIX = "aws:"
"""Tags AWS writes itself (CloudFormation's, for one); nobody else may set or remove them."""

CLEARED_WITH_EMPTY_LIST = (
    "user_attribute_update_settings.attributes_require_verification_before_update",
)
"""Lists that Cognito keeps when left out, and clears only when sent empty."""

KMS_KEY_PATH = "lambda_config.kms_key_id"
CUSTOM_SENDERS = ("lambda_config.custom_sms_sender", "lambda_config.custom_email_sender")
KMS_KEY_ARN = r"arn:aws[\w-]*:kms:[a-z0-9-]+:\d{12}:key/[\w-]+"


def follow_pairs(config: T, change: Mapping[str, Any]) -> tuple[T, list[Problem]]:
    """Make each pair agree after ``change`` was merged into ``config``."""
    problems: list[Problem] = []
    for pair in PAIRS:
        if pair.roots.isdisjoint(change):
            continue  # the change is nowhere near this pair
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


def clear_with_empty_lists(old: T, new: T) -> T:
    """Send an empty list where the change cleared a list that only an empty list clears."""
    for path in CLEARED_WITH_EMPTY_LIST:
        if get_path(old, path) and get_path(new, path) is None:
            new = set_path(new, path, ())
    return new


def keep_reserved_tags(
    old: UserPoolConfig, new: UserPoolConfig, change: Mapping[str, Any]
) -> tuple[UserPoolConfig, list[Problem]]:
    """Keep the pool's ``aws:`` tags through a tag change, and refuse setting any of them.

    Such tags can be neither written nor removed, so a change may repeat them (copying the
    pool's tags and adding one is the natural way to add a tag) but not alter them.
    """
    if "user_pool_tags" not in change:
        return new, []
    reserved = {k: v for k, v in (old.user_pool_tags or {}).items() if is_reserved_tag(k)}
    wanted = new.user_pool_tags or {}
    tags = {k: v for k, v in wanted.items() if not is_reserved_tag(k)} | reserved
    kept = tags if tags or new.user_pool_tags is not None else None
    return evolve(new, user_pool_tags=kept), reserved_tag_problems(old, change)


def reserved_tag_problems(pool: UserPoolConfig, change: Mapping[str, Any]) -> list[Problem]:
    """Refuse ``aws:`` tags in ``change`` unless they repeat what ``pool`` already has."""
    wanted = as_mapping(change.get("user_pool_tags")) or {}
    current = pool.user_pool_tags or {}
    return [
        Problem(
            f"user_pool_tags[{key!r}]",
            f"tags starting with {RESERVED_TAG_PREFIX!r} are reserved by AWS; "
            "they cannot be set, changed or removed",
        )
        for key, value in wanted.items()
        if is_reserved_tag(str(key)) and current.get(key) != value
    ]


def is_reserved_tag(key: str) -> bool:
    """Tell whether a tag key belongs to AWS."""
    return key.lower().startswith(RESERVED_TAG_PREFIX)


def _follow(config: T, path: str, value: Any, *, create: bool) -> T:
    parent_path, _, name = path.rpartition(".")
    parent = get_path(config, parent_path) if parent_path else config
    if parent is None:
        if value is None or not create:
            return config
        return set_path(config, path, value)
    member = STRUCTURES[type(parent)].member(name)
    if value is None and member is not None and member.required:
        # Clearing a required member means the structure around it goes too.
        return set_path(config, parent_path, None)
    return set_path(config, path, value)

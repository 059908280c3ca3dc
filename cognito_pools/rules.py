"""Cognito's own rules between settings, which botocore's model does not express.

Sources for each rule are in the project's AWS-RULES notes; the docs page "Semantics" explains
them for users. The rules:

- **pairs**: two members that must hold the same value. When a change touches one side, the
  other follows, so the caller never has to know about the legacy twin;
- **message placeholders**: codes and links Cognito needs inside message templates;
- **KMS key**: the custom email and SMS senders need ``lambda_config.kms_key_id``, a key ARN;
- **reserved tags**: ``aws:`` tags belong to AWS and pass through every change untouched;
- **empty structures** that mean nothing (:data:`EMPTY_MEANS_UNSET`).

:class:`PoolRules` hands them to the engine as the pool's rules. What ``None`` means for the
settings Cognito keeps when they are left out is not a rule between settings but a fact about
the update call: it is in the pool's description (:mod:`cognito_pools.resources.pool`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from cognito_pools._schema import SHAPES
from cognito_pools._spec import as_mapping
from cognito_pools.errors import Problem
from cognito_pools.grammar import clears, get_path, set_path, structure_at, touches, wire_path
from cognito_pools.resource import Rules

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cognito_pools.grammar import Settings

__all__ = [
    "CUSTOM_SENDERS",
    "EMPTY_MEANS_UNSET",
    "KMS_KEY_PATH",
    "MFA_KEYWORD",
    "MFA_MODE",
    "NEVER_SENT",
    "PAIRS",
    "PLACEHOLDERS",
    "POOL",
    "Pair",
    "PoolRules",
    "follow_pairs",
    "is_reserved_tag",
    "keep_reserved_tags",
    "kms_key_problems",
    "reserved_tag_problems",
    "unsent_legacy_as_reported",
]

POOL = SHAPES["UserPoolConfig"]
"""The table of the pool's settings, which every rule here is written in."""

MFA_KEYWORD = "mfa"
"""The keyword of ``Pool.update`` and ``Pool.plan`` that takes the MFA setup."""
MFA_MODE = "mfa_configuration"
"""The member that holds the MFA mode, in UserPoolMfaConfig and in UserPoolConfig alike."""


class Pair(NamedTuple):
    """Two settings that must agree; ``legacy`` is the older spelling of ``current``."""

    legacy: str
    current: str
    fill_legacy: bool = False
    """Set the legacy side even where the pool had no value for it."""
    create_current: bool = False
    """Create the structures around the current side where the pool had none."""

    @property
    def roots(self) -> frozenset[str]:
        """The top-level settings the two sides live under."""
        return frozenset(path.partition(".")[0] for path in (self.legacy, self.current))


LEGACY_VALIDITY = Pair(
    "admin_create_user_config.unused_account_validity_days",
    "policies.password_policy.temporary_password_validity_days",
    create_current=True,
)
"""The one pair whose legacy side is never sent."""
_LEGACY_ROOT = wire_path(POOL, LEGACY_VALIDITY.legacy)[0]
"""The wire name of the structure that holds :data:`LEGACY_VALIDITY`'s legacy side."""

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
    LEGACY_VALIDITY,
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


EMPTY_MEANS_UNSET = frozenset(
    {
        # After clearing, real pools report {"AttributesRequireVerificationBeforeUpdate": []}.
        "user_attribute_update_settings",
        # A pool without triggers reports LambdaConfig: {} (recorded real pools).
        "lambda_config",
        # Recorded real pools return AdvancedSecurityAdditionalFlows: {} with no mode set.
        "user_pool_add_ons.advanced_security_additional_flows",
    }
)
"""Structures whose empty form says no more than having none, so a plan does not list it.

Not every empty structure is nothing: an empty ``device_configuration`` turns device
remembering on (model doc of DeviceConfigurationType).
"""

_PAIR_ROOTS = tuple((pair, pair.roots) for pair in PAIRS)
"""Each pair with its top-level settings, so a change is matched by a lookup."""

KMS_KEY_PATH = "lambda_config.kms_key_id"
CUSTOM_SENDERS = ("lambda_config.custom_sms_sender", "lambda_config.custom_email_sender")
KMS_KEY_ARN = r"arn:aws[\w-]*:kms:[a-z0-9-]+:\d{12}:key/[\w-]+"


def follow_pairs(settings: Settings, change: Mapping[str, Any]) -> tuple[Settings, list[Problem]]:
    """Make each pair agree after ``change`` was merged into ``settings``."""
    problems: list[Problem] = []
    for pair, roots in _PAIR_ROOTS:
        if roots.isdisjoint(change):
            continue  # the change is nowhere near this pair
        legacy_touched = touches(change, pair.legacy)
        current_touched = touches(change, pair.current)
        if not (legacy_touched or current_touched):
            continue
        legacy = get_path(settings, pair.legacy, POOL)
        current = get_path(settings, pair.current, POOL)
        if legacy == current:
            continue
        if legacy_touched and current_touched:
            settings, problem = _both_touched(pair, settings, change, legacy, current)
            problems += [problem] if problem is not None else []
            continue
        if legacy_touched:
            if (problem := _removal_conflict(pair, settings, legacy, change)) is not None:
                problems.append(problem)
                continue
            settings = _follow(settings, pair.current, legacy, create=pair.create_current)
        elif legacy is not None or pair.fill_legacy:
            settings = _follow(settings, pair.legacy, current, create=False)
    return settings, problems


def _both_touched(
    pair: Pair, settings: Settings, change: Mapping[str, Any], legacy: Any, current: Any
) -> tuple[Settings, Problem | None]:
    """Settle a pair that the change touches on both sides: a value beats a cleared side."""
    if legacy is not None and (current is None or clears(change, pair.current)):
        # The current side was cleared, or holds a default (see CLEARING) rather than the
        # caller's value: the value the caller gave wins.
        return _follow(settings, pair.current, legacy, create=pair.create_current), None
    if legacy is None:
        # The service reports both sides, so a cleared one would come back holding the value.
        return _follow(settings, pair.legacy, current, create=False), None
    message = f"must equal {pair.legacy} ({legacy!r}), but the change sets {current!r}; set one"
    return settings, Problem(pair.current, f"{message} of them")


def unsent_legacy_as_reported(old: Settings, new: Settings) -> Settings:
    """``old`` with the never-sent legacy validity read as the password policy reports it.

    ``UnusedAccountValidityDays`` is never sent (see :data:`PAIRS`), so after an update that set
    it, a pool may report only ``TemporaryPasswordValidityDays``. Where ``new`` sets the legacy
    member and ``old`` lacks it, ``old``'s value is its twin's, so that planning the same change
    again finds nothing to do.
    """
    legacy, current = LEGACY_VALIDITY.legacy, LEGACY_VALIDITY.current
    if get_path(old, legacy, POOL) is None and get_path(new, legacy, POOL) is not None:
        reported = get_path(old, current, POOL)
        if reported is not None:
            return set_path(old, legacy, reported, POOL)
    return old


TAGS = "UserPoolTags"


def keep_reserved_tags(
    old: Settings, new: Settings, change: Mapping[str, Any]
) -> tuple[Settings, list[Problem]]:
    """Keep the pool's ``aws:`` tags through a tag change, and refuse setting any of them.

    Such tags can be neither written nor removed, so a change may repeat them (copying the
    pool's tags and adding one is the natural way to add a tag) but not alter them.
    """
    if "user_pool_tags" not in change:
        return new, []
    current: Mapping[str, str] = old.get(TAGS) or {}
    reserved = {k: v for k, v in current.items() if is_reserved_tag(k)}
    wanted: Mapping[str, str] = new.get(TAGS) or {}
    tags = {k: v for k, v in wanted.items() if not is_reserved_tag(k)} | reserved
    kept = {**new}
    if tags or new.get(TAGS) is not None:
        kept[TAGS] = tags
    else:
        kept.pop(TAGS, None)
    return kept, reserved_tag_problems(current, change)


def reserved_tag_problems(tags: Mapping[str, str], change: Mapping[str, Any]) -> list[Problem]:
    """Refuse ``aws:`` tags in ``change`` unless they repeat what the pool's ``tags`` has."""
    wanted = as_mapping(change.get("user_pool_tags")) or {}
    return [
        Problem(
            f"user_pool_tags[{key!r}]",
            f"tags starting with {RESERVED_TAG_PREFIX!r} are reserved by AWS; "
            "they cannot be set, changed or removed",
        )
        for key, value in wanted.items()
        if is_reserved_tag(str(key)) and tags.get(key) != value
    ]


def is_reserved_tag(key: str) -> bool:
    """Tell whether a tag key belongs to AWS."""
    return key.lower().startswith(RESERVED_TAG_PREFIX)


def _removal_conflict(
    pair: Pair, settings: Settings, legacy: Any, change: Mapping[str, Any]
) -> Problem | None:
    """Refuse clearing the legacy side when that removes a structure the change also edits.

    The current side is required in its structure, so following a cleared legacy side removes
    the structure; a change that edits it as a mapping asks for the opposite.
    """
    around, _, name = pair.current.rpartition(".")
    parent = get_path(settings, around, POOL) if legacy is None and around else None
    structure = structure_at(POOL, around) if parent is not None else None
    member = structure.member(name) if structure is not None else None
    if member is None or not member.required:
        return None
    node: Any = change
    for key in around.split("."):
        fields = as_mapping(node)
        node = fields.get(key) if fields is not None else None
    if as_mapping(node) is None:
        return None
    return Problem(
        around,
        f"clearing {pair.legacy} removes {around} (the two must agree), but the change also "
        f"sets {around}; leave one of them out",
    )


def _follow(settings: Settings, path: str, value: Any, *, create: bool) -> Settings:
    parent_path, _, name = path.rpartition(".")
    parent = get_path(settings, parent_path, POOL) if parent_path else settings
    if parent is None:
        if value is None or not create:
            return settings
        return set_path(settings, path, value, POOL)
    structure = structure_at(POOL, parent_path) if parent_path else POOL
    member = structure.member(name) if structure is not None else None
    if value is None and member is not None and member.required:
        # Clearing a required member means the structure around it goes too.
        return set_path(settings, parent_path, None, POOL)
    return set_path(settings, path, value, POOL)


NEVER_SENT = frozenset({LEGACY_VALIDITY.legacy})
"""Setting paths that no request carries, so no read-back can confirm them."""


def kms_key_problems(new: Settings, change: Mapping[str, Any]) -> list[Problem]:
    """The custom senders need a KMS key: refuse a change that leaves one without it."""
    if "lambda_config" not in change or not any(
        touches(change, path) for path in (*CUSTOM_SENDERS, KMS_KEY_PATH)
    ):
        return []
    senders = [path for path in CUSTOM_SENDERS if get_path(new, path, POOL) is not None]
    if not senders or get_path(new, KMS_KEY_PATH, POOL) is not None:
        return []
    verb = "needs" if len(senders) == 1 else "need"
    return [
        Problem(
            KMS_KEY_PATH,
            f"{' and '.join(senders)} {verb} a KMS key; set lambda_config.kms_key_id "
            "to the full ARN of a symmetric KMS key",
        )
    ]


def legacy_validity_moved(settings: Settings) -> Settings:
    """``settings``, copied where it changes, with the legacy validity in the password policy.

    Cognito refuses ``UnusedAccountValidityDays`` beside ``TemporaryPasswordValidityDays``, so
    the request carries only the latter; the pair rule has made them agree.
    """
    admin = as_mapping(settings.get(_LEGACY_ROOT)) or {}
    legacy_wire = wire_path(POOL, LEGACY_VALIDITY.legacy)[-1]
    if legacy_wire not in admin:
        return settings
    moved = {**settings, _LEGACY_ROOT: {k: v for k, v in admin.items() if k != legacy_wire}}
    if get_path(moved, LEGACY_VALIDITY.current, POOL) is None:
        moved = set_path(moved, LEGACY_VALIDITY.current, admin[legacy_wire], POOL)
    return moved


class PoolRules(Rules):
    """The pool's rules, in the order the engine applies them."""

    def check_change(self, change: Mapping[str, Any], last_read: Settings | None) -> list[Problem]:
        """Refuse ``aws:`` tags the last read does not have (the fresh read judges again)."""
        if "user_pool_tags" not in change or last_read is None:
            return []
        return reserved_tag_problems(last_read.get(TAGS) or {}, change)

    def settle(
        self, old: Settings, merged: Settings, change: Mapping[str, Any]
    ) -> tuple[Settings, list[Problem]]:
        """Pairs follow, reserved tags go back, and the custom senders keep their KMS key."""
        new, problems = follow_pairs(merged, change)
        new, tag_problems = keep_reserved_tags(old, new, change)
        return new, problems + tag_problems + kms_key_problems(new, change)

    def as_reported(self, old: Settings, new: Settings) -> Settings:
        """See :func:`unsent_legacy_as_reported`."""
        return unsent_legacy_as_reported(old, new)

    def to_request(self, settings: Settings) -> Settings:
        """The legacy validity moved into the password policy, reserved tags left out."""
        wire = legacy_validity_moved(settings)
        tags = as_mapping(wire.get(TAGS))
        if tags is not None and any(map(is_reserved_tag, tags)):
            wire = {**wire, TAGS: {k: v for k, v in tags.items() if not is_reserved_tag(k)}}
        return wire

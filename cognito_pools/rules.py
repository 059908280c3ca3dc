"""Cognito's own rules between settings, which botocore's model does not express.

Sources for each rule are in the project's AWS-RULES notes; the docs page "Semantics" explains
them for users. The rules:

- **pairs**: two members that must hold the same value. When a change touches one side, the
  other follows, so the caller never has to know about the legacy twin;
- **message placeholders**: codes and links Cognito needs inside message templates;
- **KMS key**: the custom email and SMS senders need ``lambda_config.kms_key_id``, a key ARN;
- **reserved tags**: ``aws:`` tags belong to AWS and pass through every change untouched;
- **clearing**: what ``None`` becomes for the settings that the service does not simply drop
  when they are left out (:data:`CLEARING`), and which empty structures mean nothing
  (:data:`EMPTY_MEANS_UNSET`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from cognito_pools._schema import SHAPES
from cognito_pools._spec import as_mapping
from cognito_pools.errors import Problem
from cognito_pools.merge import get_path, set_path, structure_at, touches, wire_path, wire_value

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cognito_pools.merge import Settings

__all__ = [
    "CLEARING",
    "EMPTY_MEANS_UNSET",
    "MFA_KEYWORD",
    "MFA_MODE",
    "PAIRS",
    "PLACEHOLDERS",
    "Clearing",
    "Pair",
    "clear_to_defaults",
    "clearing_problems",
    "complete_created_defaults",
    "follow_pairs",
    "is_reserved_tag",
    "keep_reserved_tags",
    "reserved_tag_problems",
    "settle",
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


class Clearing(NamedTuple):
    """What ``None`` means for a setting that the service does not drop when it is left out.

    UpdateUserPool resets most settings it is not given, so the library clears a setting by
    leaving it out of the request. These settings are different: Cognito keeps them, or puts a
    default back, so leaving them out would not do what the plan says. Clearing one either sends
    ``becomes`` explicitly (and the plan shows that value), or is refused with ``instead``.
    """

    path: str
    """The dotted path in :class:`~cognito_pools.models.UserPoolConfig`."""
    becomes: Any = None
    """The value sent in place of ``None``: the service's documented default, written the way a
    change would set it."""
    instead: str | None = None
    """Set for a clear that is refused: why, and what to do instead."""
    keyword: str | None = None
    """The keyword callers use for this setting, where it is not ``path``."""
    source: str = ""
    """Where the behaviour is documented or measured."""

    @property
    def refused(self) -> bool:
        """Whether clearing this setting is refused rather than sent as ``becomes``."""
        return self.instead is not None


CLEARING = (
    Clearing(
        "policies.password_policy",
        becomes={
            "minimum_length": 8,
            "require_uppercase": True,
            "require_lowercase": True,
            "require_numbers": True,
            "require_symbols": True,
            "temporary_password_validity_days": 7,
        },
        source="Kept when left out: measured by go-to-k/cdkd (cognito-provider.ts, issues #1968, "
        "#1982). Default: the policy a pool created without one reports (terraform-provider-aws "
        "TestAccCognitoIDPUserPool_basic expects 8 characters and all four classes; moto "
        "resets to the same); TemporaryPasswordValidityDays 'Defaults to 7' (botocore model "
        "doc of PasswordPolicyType).",
    ),
    Clearing(
        "policies.sign_in_policy",
        becomes={"allowed_first_auth_factors": ("PASSWORD",)},
        source="Kept when left out: removing it by omission is a no-op (cdkd #1979). Default: "
        "password only (AWS CDK SignInPolicy, 'Default: Password only'; terraform-provider-aws "
        "TestAccCognitoIDPUserPool_basic expects SignInPolicy [PASSWORD]).",
    ),
    Clearing(
        "email_configuration",
        becomes={"email_sending_account": "COGNITO_DEFAULT"},
        source="Left out, Cognito puts back its own email (botocore model doc of "
        "EmailSendingAccount: COGNITO_DEFAULT is the default option); describe then reports "
        "{'EmailSendingAccount': 'COGNITO_DEFAULT'} (recorded real pools).",
    ),
    Clearing(
        "user_attribute_update_settings.attributes_require_verification_before_update",
        becomes=(),
        source="Kept when left out; an empty list clears it, and the pool then reports "
        "{'AttributesRequireVerificationBeforeUpdate': []} (AWS-RULES, other semantics).",
    ),
    Clearing(
        "pool_name",
        instead="a user pool always has a name (UpdateUserPool keeps it when it is left out); "
        "to rename the pool, set pool_name to the new name",
        source="PoolName is optional in UpdateUserPool and left out keeps the name (moto).",
    ),
    Clearing(
        "user_pool_tier",
        instead="UpdateUserPool keeps the feature plan when it is left out, so it cannot be "
        "cleared; set it to 'LITE', 'ESSENTIALS' or 'PLUS' (ESSENTIALS is the default)",
        source="UserPoolTier is the documented exception to the reset (AWS-RULES, core trap); "
        "'Defaults to ESSENTIALS' (botocore model doc).",
    ),
    Clearing(
        MFA_MODE,
        keyword=MFA_KEYWORD,
        instead="Cognito keeps the MFA mode when it is left out, so it cannot be cleared; "
        "pass mfa='OFF' to turn MFA off",
        source="Kept when left out: measured by go-to-k/cdkd (AWS-RULES, core trap). The mfa "
        "keyword's own check (cognito_pools.mfa) refuses None before this table is consulted.",
    ),
    Clearing(
        "verification_message_template",
        instead="left out, Cognito puts its default verification messages back instead of "
        "removing them; set the messages you want instead",
        source="Omitted messages go back to the service defaults (model doc; moto does the same).",
    ),
    Clearing(
        "admin_create_user_config",
        instead="left out, Cognito puts its defaults back (sign-up open to everyone, its own "
        "invitation messages); set the members you want instead, for example "
        "{'allow_admin_create_user_only': False}",
        source="Omitted settings go back to the service defaults (model doc; moto does the same).",
    ),
)
"""Every setting whose ``None`` needs more than leaving it out, with its source."""

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
_SENT_DEFAULTS = tuple(
    (entry.path.partition(".")[0], entry) for entry in CLEARING if not entry.refused
)
_REFUSED_CLEARS = tuple(
    ((entry.keyword or entry.path).partition(".")[0], entry) for entry in CLEARING if entry.refused
)
"""The tables above with each entry's top-level setting, so a change is matched by a lookup."""
_REFUSED_ROOTS = frozenset(root for root, _ in _REFUSED_CLEARS)

KMS_KEY_PATH = "lambda_config.kms_key_id"
CUSTOM_SENDERS = ("lambda_config.custom_sms_sender", "lambda_config.custom_email_sender")
KMS_KEY_ARN = r"arn:aws[\w-]*:kms:[a-z0-9-]+:\d{12}:key/[\w-]+"


def settle(
    old: Settings, merged: Settings, change: Mapping[str, Any]
) -> tuple[Settings, list[Problem]]:
    """Apply every rule between settings to ``merged``, the merge of ``change`` into ``old``.

    Defaults go in before the pairs follow, so a legacy twin follows the default too; the
    reserved tags go back last.
    """
    # The clearing rules look for a ``None`` (or a model instance, which may hold one) along
    # their paths; a change with neither anywhere cannot trigger them.
    clears = _may_clear(change)
    new = clear_to_defaults(old, merged, change) if clears else merged
    new, problems = follow_pairs(new, change)
    if clears:
        new = complete_created_defaults(old, new, change)
    new, tag_problems = keep_reserved_tags(old, new, change)
    return new, problems + tag_problems


def _may_clear(change: Mapping[str, Any]) -> bool:
    """Whether ``change`` holds ``None`` or a model instance at any depth."""
    value: object
    for value in change.values():
        if value is None:
            return True
        fields = as_mapping(value)
        if fields is not None:
            if _may_clear(fields):
                return True
        elif hasattr(type(value), "__attrs_attrs__"):  # every model class is an attrs class
            return True
    return False


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
    if legacy is not None and (current is None or _clears(change, pair.current)):
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
    if old.get(_LEGACY_ROOT) is new.get(_LEGACY_ROOT):
        return old  # the legacy side's structure is the one read, so nothing was set
    if get_path(old, legacy, POOL) is None and get_path(new, legacy, POOL) is not None:
        reported = get_path(old, current, POOL)
        if reported is not None:
            return set_path(old, legacy, reported, POOL)
    return old


def clear_to_defaults(old: Settings, new: Settings, change: Mapping[str, Any]) -> Settings:
    """Put each :data:`CLEARING` default where ``change`` cleared a setting the pool had."""
    for root, entry in _SENT_DEFAULTS:
        if root not in change:
            continue
        # Only a clear (``None`` there or around it) leaves nothing where the pool had a value.
        if (
            _clears(change, entry.path)
            and get_path(new, entry.path, POOL) is None
            and get_path(old, entry.path, POOL) is not None
        ):
            new = set_path(new, entry.path, _default(entry), POOL)
    return new


def complete_created_defaults(old: Settings, new: Settings, change: Mapping[str, Any]) -> Settings:
    """Complete, from its default, a cleared structure that a pair rule then created.

    Clearing the password policy of a pool that had none while setting the legacy validity
    creates a policy holding only that value; the default fills the rest, so the result is
    what clearing the policy gives on any pool.
    """
    for root, entry in _SENT_DEFAULTS:
        if root not in change or not _clears(change, entry.path):
            continue
        value = as_mapping(get_path(new, entry.path, POOL))
        if value is not None and get_path(old, entry.path, POOL) is None:
            new = set_path(new, entry.path, {**_default(entry), **value}, POOL)
    return new


def _default(entry: Clearing) -> Any:
    """The wire form of what clearing ``entry`` sends."""
    parent, _, name = entry.path.rpartition(".")
    around = structure_at(POOL, parent) if parent else POOL
    member = around.member(name) if around is not None else None
    assert member is not None, "CLEARING names settings of the table"  # noqa: S101
    return wire_value(entry.becomes, member.value)


def clearing_problems(change: Mapping[str, Any]) -> list[Problem]:
    """Refuse ``None`` for the settings in :data:`CLEARING` that cannot be cleared."""
    if _REFUSED_ROOTS.isdisjoint(change):
        return []
    return [
        Problem(entry.keyword or entry.path, f"cannot be cleared: {entry.instead}")
        for root, entry in _REFUSED_CLEARS
        if root in change and _clears(change, entry.keyword or entry.path)
    ]


def _clears(change: Mapping[str, Any], path: str) -> bool:
    """Tell whether ``change`` sets the value at ``path``, or one around it, to ``None``."""
    node: Any = change
    for key in path.split("."):
        fields = as_mapping(node)
        if fields is None:  # a model instance replaces the structure whole
            node = getattr(node, key, None)
            if node is None:
                return True
            continue
        if key not in fields:
            return False
        node = fields[key]
        if node is None:
            return True
    return False


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

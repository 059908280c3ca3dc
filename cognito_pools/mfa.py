"""MFA as one setting: GetUserPoolMfaConfig → merge → check → SetUserPoolMfaConfig.

SetUserPoolMfaConfig replaces the whole MFA setup (mode, SMS, authenticator app, email,
passkeys) with what it is given; a member left out is dropped, and a mode left out is OFF.
DescribeUserPool shows none of the factors. So the MFA setup is its own step beside the
UpdateUserPool call, with the same guarantee: what the change does not mention stays.

- :func:`check_mfa_change` checks the caller's ``mfa`` on its own, before any call. It takes a
  mode (``"OFF" | "ON" | "OPTIONAL"``), a partial mapping of
  :class:`~cognito_pools.changes.UserPoolMfaConfigChange`, or a whole
  :class:`~cognito_pools.models.UserPoolMfaConfig`.
- :func:`prepare_mfa` reads the MFA setup afresh, merges the change (keep / clear / set, as
  everywhere), applies what a mode change implies, checks the service's rules between the MFA
  setup and the pool's settings, and decides the order of the two calls.
- :func:`write` makes the calls in that order. When the second fails, the first is undone; when
  undoing fails too, :class:`~cognito_pools.errors.PartiallyAppliedError` says what landed.

Sources for each rule are named beside it; see also the project's AWS-RULES notes.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

import attrs

from cognito_pools._spec import as_mapping
from cognito_pools.calls import call
from cognito_pools.describe import read_mfa_config
from cognito_pools.errors import (
    CallFailedError,
    CognitoPoolsError,
    PartiallyAppliedError,
    Problem,
)
from cognito_pools.grammar import SettingChange, apply_change, diff, evolve, touches
from cognito_pools.interrupts import interrupts_held
from cognito_pools.request import update_request
from cognito_pools.resources.mfa_setup import MFA_SETUP
from cognito_pools.rules import MFA_KEYWORD, MFA_MODE
from cognito_pools.validate import case_hint, check_change

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cognito_pools._spec import BotocoreShape, Value
    from cognito_pools.grammar import Settings
    from cognito_pools.models import UserPoolConfig, UserPoolMfaConfig

__all__ = [
    "MFA_KEYWORD",
    "MODE",
    "MODE_WIRE",
    "SETUP",
    "MfaStep",
    "check_mfa_change",
    "mode_value",
    "prepare_mfa",
    "read_mfa_setup",
    "with_mode",
    "write",
]

MODE = MFA_MODE
"""The member that holds the MFA mode (:data:`cognito_pools.rules.MFA_MODE`)."""
MODE_WIRE = "MfaConfiguration"
""":data:`MODE` as the requests name it."""
SETUP = MFA_SETUP.structure
"""The table of the MFA setup's settings."""
PREFIX = f"{MFA_KEYWORD}."
"""Plans and errors name MFA settings under ``mfa.``, the way the change spells them."""
FACTORS = ("sms_mfa_configuration", "software_token_mfa_configuration", "email_mfa_configuration")
"""The MFA factors. Passkeys (``web_authn_configuration``) are a sign-in method, not a factor."""
SMS_SETTING = "sms_mfa_configuration.sms_configuration"
"""The SMS sending setup inside the MFA setup: the same pool setting as ``sms_configuration``."""

_SET = "set_user_pool_mfa_config"
_UPDATE = "update_user_pool"
_OPERATIONS = {_SET: "SetUserPoolMfaConfig", _UPDATE: "UpdateUserPool"}


def mode_value() -> Value:
    """What the mode accepts: the values of SetUserPoolMfaConfig's MfaConfiguration."""
    return next(m.value for m in SETUP.members if m.name == MODE)


def _expected() -> str:
    modes = ", ".join(repr(v) for v in mode_value().enum)
    return f"one of {modes}, a mapping of MFA settings, or a UserPoolMfaConfig"


# -- checking the change on its own -------------------------------------------------------------


def check_mfa_change(change: object, runtime_shape: BotocoreShape | None) -> list[Problem]:
    """Check ``mfa`` before any call: its form, names, types, enums, ranges and patterns.

    ``runtime_shape`` is the installed botocore's SetUserPoolMfaConfig input shape, so that
    members it cannot send are refused with the release that added them.
    """
    if isinstance(change, str):
        if change not in mode_value().enum:
            hint = case_hint(change, mode_value().enum)  # issue 20: "did you mean 'ON'?"
            return [
                Problem(MFA_KEYWORD, f"{change!r} is not allowed; {hint}expected {_expected()}")
            ]
        return []
    fields = as_mapping(change)
    if fields is None and isinstance(change, SETUP.cls):  # a model: the caller loaded them
        parts = {
            member.name: getattr(change, member.name)
            for member in SETUP.members
            if getattr(change, member.name) is not None
        }
        problems = _prefixed(check_change(parts, SETUP, runtime_shape=runtime_shape))
        if getattr(change, MODE) is None:
            problems.append(
                Problem(
                    f"{PREFIX}{MODE}",
                    "a whole UserPoolMfaConfig replaces the MFA setup, so it needs a mode; "
                    f"set it to one of {', '.join(repr(v) for v in mode_value().enum)}",
                )
            )
        return problems
    if fields is not None:
        problems = _prefixed(check_change(fields, SETUP, runtime_shape=runtime_shape))
        if MODE in fields and fields[MODE] is None:
            problems.append(
                Problem(f"{PREFIX}{MODE}", "the MFA mode cannot be cleared; set 'OFF' instead")
            )
        return problems
    shown = "None" if change is None else f"{type(change).__name__} {change!r}"
    return [Problem(MFA_KEYWORD, f"expected {_expected()}, got {shown}")]


def _prefixed(problems: list[Problem]) -> list[Problem]:
    return [Problem(f"{PREFIX}{problem.path}", problem.message) for problem in problems]


# -- reading and merging ------------------------------------------------------------------------


def read_mfa_setup(
    client: Any, pool_id: str, attempt: int = 1
) -> tuple[UserPoolMfaConfig, Mapping[str, Any]]:
    """Read the pool's MFA setup with one GetUserPoolMfaConfig call: typed, and as answered."""
    raw = call(client, "get_user_pool_mfa_config", {"UserPoolId": pool_id}, attempt=attempt)
    return read_mfa_config(raw), raw


def merge_mfa(current: UserPoolMfaConfig, change: object) -> UserPoolMfaConfig:
    """Merge ``change`` into the current MFA setup.

    A model instance replaces the setup whole. A mode is the mapping ``{"mfa_configuration":
    mode}``. A mapping merges like every other change; when it changes the mode, the factors it
    does not mention follow what the service requires of the new mode:

    - turning MFA off drops the factors, because "can't turn off MFA and configure an MFA
      together" (measured, go-to-k/cdkd #1923). Passkey settings stay; they are not a factor;
    - turning MFA on or optional with no factor at all enables the authenticator app (TOTP),
      because a mode without a factor is refused ("can't disable all MFAs with a required or
      optional configuration", aws-sdk-js #4186) and TOTP needs no other setup.
    """
    from cognito_pools.models import SoftwareTokenMfaConfig, UserPoolMfaConfig  # noqa: PLC0415

    if isinstance(change, UserPoolMfaConfig):
        return change
    mapping: Mapping[str, Any] = {MODE: change} if isinstance(change, str) else _mapping(change)
    merged = apply_change(current, mapping, UserPoolMfaConfig)
    mode = mapping.get(MODE)
    if mode is None or mode == current.mfa_configuration:
        return merged
    unmentioned = [factor for factor in FACTORS if factor not in mapping]
    if mode == "OFF":
        return evolve(merged, **dict.fromkeys(unmentioned, None))
    if not _factors(merged) and len(unmentioned) == len(FACTORS):
        token = SoftwareTokenMfaConfig(enabled=True)
        return evolve(merged, software_token_mfa_configuration=token)
    return merged


def _mapping(change: object) -> Mapping[str, Any]:
    fields = as_mapping(change)
    assert fields is not None, "check_mfa_change refuses every other form"  # noqa: S101
    return fields


def _factors(mfa: UserPoolMfaConfig) -> list[str]:
    """The factors the setup has configured: SMS, the authenticator app (when enabled), email."""
    token = mfa.software_token_mfa_configuration
    found: list[str] = []
    if mfa.sms_mfa_configuration is not None:
        found.append("sms_mfa_configuration")
    if token is not None and token.enabled:
        found.append("software_token_mfa_configuration")
    if mfa.email_mfa_configuration is not None:
        found.append("email_mfa_configuration")
    return found


def _sms_setting(mfa: UserPoolMfaConfig) -> Any:
    sms = mfa.sms_mfa_configuration
    return sms.sms_configuration if sms is not None else None


def _with_sms_setting(mfa: UserPoolMfaConfig, setting: Any) -> UserPoolMfaConfig:
    sms = mfa.sms_mfa_configuration
    if sms is None:
        return mfa
    return evolve(mfa, sms_mfa_configuration=evolve(sms, sms_configuration=setting))


# -- the service's rules between the MFA setup and the pool -------------------------------------


@attrs.frozen
class _Touched:
    """Which side of a change touched a setting, to report each problem where it was caused."""

    pool: Mapping[str, Any]
    mfa: object

    def in_pool(self, path: str) -> bool:
        return touches(self.pool, path)

    def in_mfa(self, path: str) -> bool:
        if isinstance(self.mfa, str):
            return path == MODE
        fields = as_mapping(self.mfa)
        if fields is None:
            return True  # a whole setup: every part of it is the caller's
        return touches(fields, path)


def _own_problems(mfa: UserPoolMfaConfig, touched: _Touched) -> list[Problem]:
    """Rules within the MFA setup itself."""
    problems: list[Problem] = []
    factors = _factors(mfa)
    if mfa.mfa_configuration in {"ON", "OPTIONAL"} and not factors:
        # "Invalid MFA configuration given, can't disable all MFAs with a required or optional
        # configuration." (aws-sdk-js #4186, anomalyco/sst #5177)
        problems.append(
            Problem(
                f"{PREFIX}{MODE}",
                f"{mfa.mfa_configuration!r} needs at least one MFA factor: set "
                f"{PREFIX}software_token_mfa_configuration.enabled to True, or configure "
                f"{PREFIX}sms_mfa_configuration or {PREFIX}email_mfa_configuration; "
                "or set the mode to 'OFF'",
            )
        )
    if mfa.mfa_configuration == "OFF":
        # "Invalid MFA configuration given, can't turn off MFA and configure an MFA together."
        # Measured for TOTP and email, passkeys exempt (go-to-k/cdkd #1923); SMS alike
        # (floci-io/floci #2831). Only what the change sets is judged: with MFA off,
        # GetUserPoolMfaConfig still reports the pool's SMS setup (aws-sdk-js #4186), and
        # that is never sent back (see _sendable).
        problems.extend(
            Problem(
                f"{PREFIX}{factor}",
                f"cannot be configured while {PREFIX}{MODE} is 'OFF'; clear it (None), "
                "or set the mode to 'ON' or 'OPTIONAL'",
            )
            for factor in factors
            if touched.in_mfa(factor)
        )
    return problems


def _sendable(mfa: UserPoolMfaConfig) -> UserPoolMfaConfig:
    """The setup as SetUserPoolMfaConfig may receive it: with MFA off, without the factors.

    The service refuses MFA off beside a configured factor, yet GetUserPoolMfaConfig reports
    the pool's SMS setup while MFA is off. Left out of the request, it stays what it was: an
    SMS setup that MFA does not use.
    """
    if mfa.mfa_configuration != "OFF":
        return mfa
    return evolve(mfa, **dict.fromkeys(_factors(mfa), None))


def _attribute(model: object, path: str) -> Any:
    """Read the value at a dotted path of a model object, or ``None`` where a parent is unset."""
    node: Any = model
    for key in path.split("."):
        if node is None:
            return None
        node = getattr(node, key)
    return node


class _Report:
    """Collects problems, each on the pool setting if the change touched it, else on ``mfa.…``.

    Without ``touched`` (judging the state between the two calls) only whether there is a
    problem matters.
    """

    def __init__(self, touched: _Touched | None) -> None:
        self.touched = touched
        self.problems: list[Problem] = []

    def __call__(self, pool_path: str, mfa_path: str, message: str) -> None:
        on_pool = self.touched is not None and self.touched.in_pool(pool_path)
        path = pool_path if on_pool else f"{PREFIX}{mfa_path}"
        self.problems.append(Problem(path, message))


def _pool_problems(
    pool: UserPoolConfig, mfa: UserPoolMfaConfig, touched: _Touched | None = None
) -> list[Problem]:
    """Rules between the MFA setup and the pool's settings (``touched``: see :class:`_Report`)."""
    report = _Report(touched)
    active = mfa.mfa_configuration != "OFF"  # with MFA off, no factor is in use
    if active and mfa.sms_mfa_configuration is not None:
        _sms_rules(pool, mfa, report)
    if active and mfa.email_mfa_configuration is not None:
        _email_rules(pool, report)
    _passkey_rules(pool, mfa, report)
    return report.problems


def _sms_rules(pool: UserPoolConfig, mfa: UserPoolMfaConfig, report: _Report) -> None:
    # SMS MFA sends its codes through the pool's SMS configuration, which SetUserPoolMfaConfig
    # and UpdateUserPool write alike (botocore model doc of SmsMfaConfigType.SmsConfiguration).
    # Without one: "SMS configuration and Auto verification for phone_number are required when
    # MFA is required/optional" (cloudformation-coverage-roadmap #769, #2221); moto refuses too.
    setting = _sms_setting(mfa)
    if report.touched is None:
        # Between the two calls, SMS MFA may only use an SMS configuration already on the pool.
        missing = pool.sms_configuration is None or setting not in (None, pool.sms_configuration)
    else:
        missing = setting is None and pool.sms_configuration is None
    if missing:
        report(
            "sms_configuration",
            SMS_SETTING,
            f"SMS MFA needs an SMS configuration: set {PREFIX}{SMS_SETTING} or "
            "sms_configuration (sns_caller_arn, the IAM role Cognito sends SMS with), or clear "
            f"{PREFIX}sms_mfa_configuration",
        )
    # "Account Recovery Setting cannot use verified_phone_number as a recovery mechanism when
    # SMS MFA is configured." (AWS-RULES, MFA section)
    recovery = _attribute(pool, "account_recovery_setting.recovery_mechanisms") or ()
    if any(option.name == "verified_phone_number" for option in recovery):
        report(
            "account_recovery_setting.recovery_mechanisms",
            "sms_mfa_configuration",
            "account recovery cannot use verified_phone_number while SMS MFA is configured; "
            "remove it from account_recovery_setting.recovery_mechanisms, or clear "
            f"{PREFIX}sms_mfa_configuration",
        )


def _email_rules(pool: UserPoolConfig, report: _Report) -> None:
    # "Cannot set EmailMfaConfiguration when user pool EmailConfiguration contains an
    # EmailSendingAccount of COGNITO_DEFAULT" (AWS-RULES, MFA section). No EmailConfiguration
    # at all means COGNITO_DEFAULT.
    account = _attribute(pool, "email_configuration.email_sending_account")
    if account != "DEVELOPER":
        report(
            "email_configuration.email_sending_account",
            "email_mfa_configuration",
            "email MFA needs email_configuration.email_sending_account 'DEVELOPER' (email "
            f"through Amazon SES); the pool's is {account or 'COGNITO_DEFAULT'!r}",
        )
    # Email MFA needs the ESSENTIALS tier or higher (botocore model doc of
    # EmailMfaConfiguration; FeatureUnavailableInTierException, AWS-RULES tiers). A pool that
    # reports no tier is left for Cognito to judge.
    if pool.user_pool_tier == "LITE":
        report(
            "user_pool_tier",
            "email_mfa_configuration",
            "email MFA needs user_pool_tier 'ESSENTIALS' or 'PLUS'; the pool's is 'LITE'",
        )


def _passkey_rules(pool: UserPoolConfig, mfa: UserPoolMfaConfig, report: _Report) -> None:
    factor_mode = _attribute(mfa, "web_authn_configuration.factor_configuration")
    as_mfa = factor_mode == "MULTI_FACTOR_WITH_USER_VERIFICATION"
    if as_mfa and pool.user_pool_tier == "LITE":
        # Passkeys as MFA need the ESSENTIALS tier or higher (botocore model doc of
        # WebAuthnConfigurationType.FactorConfiguration).
        report(
            "user_pool_tier",
            "web_authn_configuration.factor_configuration",
            "passkeys as MFA need user_pool_tier 'ESSENTIALS' or 'PLUS'; the pool's is 'LITE'",
        )
    if mfa.mfa_configuration != "ON":
        return
    # "Only PASSWORD and WEB_AUTHN (if configured) can be enabled as an auth factor if MFA is
    # enabled" (AWS-RULES, MFA section). Measured for required MFA: OPTIONAL with WEB_AUTHN is
    # accepted, and WEB_AUTHN with MFA ON needs passkeys set up as a second factor,
    # MULTI_FACTOR_WITH_USER_VERIFICATION (go-to-k/cdkd #2064, terraform-provider-aws #50110).
    factors_path = "policies.sign_in_policy.allowed_first_auth_factors"
    allowed = _attribute(pool, factors_path) or ()
    refused = [factor for factor in allowed if factor not in {"PASSWORD", "WEB_AUTHN"}]
    if refused:
        report(
            factors_path,
            MODE,
            "with MFA 'ON' the first sign-in factors may only be PASSWORD and WEB_AUTHN; "
            f"remove {', '.join(refused)} from {factors_path}, or set {PREFIX}{MODE} to "
            "'OPTIONAL' or 'OFF'",
        )
    if "WEB_AUTHN" in allowed and not as_mfa:
        report(
            factors_path,
            "web_authn_configuration.factor_configuration",
            "with MFA 'ON', WEB_AUTHN as a first sign-in factor needs "
            f"{PREFIX}web_authn_configuration.factor_configuration "
            "'MULTI_FACTOR_WITH_USER_VERIFICATION'",
        )


# -- the step -----------------------------------------------------------------------------------


@attrs.frozen
class MfaStep:
    """What an update does to the MFA setup, worked out from a fresh GetUserPoolMfaConfig."""

    old: UserPoolMfaConfig | None = None
    """The setup as read; ``None`` when the change has no ``mfa``."""
    new: UserPoolMfaConfig | None = None
    """The setup after the update."""
    changes: tuple[SettingChange, ...] = ()
    """The MFA settings that change, as ``mfa.…`` paths."""
    request: Mapping[str, Any] | None = attrs.field(default=None, repr=False)
    """The ``set_user_pool_mfa_config`` kwargs, or ``None`` when the setup does not change."""
    restore: Mapping[str, Any] | None = attrs.field(default=None, repr=False)
    """The ``set_user_pool_mfa_config`` kwargs that put the setup back as it was read."""
    update_first: bool = False
    """Whether UpdateUserPool goes before SetUserPoolMfaConfig (when both are sent)."""
    sms_setting: Any = attrs.field(default=None, repr=False)
    """The SMS configuration the change sets through ``mfa``, for UpdateUserPool to carry."""

    def settings_for_update(self, settings: Settings) -> Settings:
        """The settings (wire form) UpdateUserPool must send beside this step.

        UpdateUserPool carries the MFA mode and the SMS configuration too, and must not undo
        what SetUserPoolMfaConfig wrote: it sends the mode as it stands when it runs (the old
        one if it goes first, the new one if it goes second), and the SMS configuration that
        ``mfa`` set.
        """
        if self.old is None or self.new is None:
            return settings
        mode = self.old.mfa_configuration if self.update_first else self.new.mfa_configuration
        settings = with_mode(settings, mode)
        if self.sms_setting is not None:
            from cognito_pools.converter import to_wire  # noqa: PLC0415 - models are loaded

            settings = {**settings, _SMS_WIRE: to_wire(self.sms_setting)}
        return settings

    def settings_before(self, settings: Settings) -> Settings:
        """The pool's settings (wire form) with the MFA mode as it was read."""
        return with_mode(settings, self.old.mfa_configuration if self.old is not None else None)

    def settings_after(self, settings: Settings, *, updated: bool) -> Settings:
        """The pool's settings (wire form) after the update, for the handle it returns."""
        if self.new is None:
            return settings
        if updated:
            settings = self.settings_for_update(settings)
        return with_mode(settings, self.new.mfa_configuration)


def with_mode(settings: Settings, mode: str | None) -> Settings:
    """The pool's settings (wire form) with the MFA mode replaced."""
    updated = {k: v for k, v in settings.items() if k != MODE_WIRE}
    if mode is not None:
        updated[MODE_WIRE] = mode
    return updated


_SMS_WIRE = "SmsConfiguration"


def prepare_mfa(
    client: Any,
    pool_id: str,
    change: object,
    *,
    old_pool: Settings,
    new_pool: Settings,
    pool_change: Mapping[str, Any],
    updates_pool: bool,
    attempt: int = 1,
) -> tuple[MfaStep, list[Problem]]:
    """Read the MFA setup afresh, merge ``change``, check it against the merged pool, plan it.

    ``old_pool`` is the pool's settings as read and ``new_pool`` with the rest of the change
    merged (both in wire form), and ``updates_pool`` whether an UpdateUserPool call will be
    sent; together they decide the order of the calls. Safe to run again: a retry reads and
    plans everything afresh (``attempt`` is its round, for the log).
    """
    from cognito_pools.converter import read_config  # noqa: PLC0415 - MFA's rules read models

    return _prepare(
        client,
        pool_id,
        change,
        old_pool=read_config(old_pool),
        new_pool=read_config(new_pool),
        pool_change=pool_change,
        updates_pool=updates_pool,
        attempt=attempt,
    )


def _prepare(
    client: Any,
    pool_id: str,
    change: object,
    *,
    old_pool: UserPoolConfig,
    new_pool: UserPoolConfig,
    pool_change: Mapping[str, Any],
    updates_pool: bool,
    attempt: int,
) -> tuple[MfaStep, list[Problem]]:
    old, raw = read_mfa_setup(client, pool_id, attempt)
    new = merge_mfa(old, change)
    touched = _Touched(pool_change, change)

    new, sms_setting, problems = _follow_sms_setting(new, new_pool, touched)
    final_pool = new_pool
    if sms_setting is not None:
        final_pool = evolve(new_pool, sms_configuration=sms_setting)
    if new == old:
        # Nothing to write to the MFA setup: only what the pool change breaks is the caller's
        # problem, never an oddity of the setup as read.
        problems += [
            problem
            for problem in _pool_problems(final_pool, new, touched)
            if not problem.path.startswith(PREFIX)
        ]
        return MfaStep(old, new), problems
    problems += _own_problems(new, touched) + _pool_problems(final_pool, new, touched)
    if problems:
        return MfaStep(old, new), problems

    shape = client.meta.service_model.operation_model("SetUserPoolMfaConfig").input_shape
    step = MfaStep(
        old,
        new,
        _mode_first(diff(old, new, PREFIX)),
        request=setup_request(pool_id, _sendable(new), raw, shape),
        restore=setup_request(pool_id, _sendable(old), raw, shape),
        update_first=updates_pool and _update_first(old_pool, final_pool, old, new),
        sms_setting=sms_setting,
    )
    return step, []


def setup_request(
    pool_id: str, setup: UserPoolMfaConfig, raw: Mapping[str, Any] | None, shape: BotocoreShape
) -> dict[str, Any]:
    """The ``set_user_pool_mfa_config`` kwargs that write ``setup`` whole.

    ``raw`` is the GetUserPoolMfaConfig answer, whose members unknown to the models are carried
    over as they are for UpdateUserPool; ``None`` carries nothing over.
    """
    from cognito_pools.converter import to_wire  # noqa: PLC0415 - models are loaded here

    return update_request(MFA_SETUP, {"UserPoolId": pool_id}, to_wire(setup), raw, shape)


def _follow_sms_setting(
    mfa: UserPoolMfaConfig, pool: UserPoolConfig, touched: _Touched
) -> tuple[UserPoolMfaConfig, Any, list[Problem]]:
    """Keep SMS MFA's SMS configuration and the pool's one setting.

    SetUserPoolMfaConfig and UpdateUserPool write the same SmsConfiguration (botocore model doc
    of SmsMfaConfigType.SmsConfiguration), so the two sides of a change must agree on it. SMS
    MFA takes the pool's when ``mfa`` does not set one, or when the change sets the pool's.

    Returns the MFA setup, the SMS configuration that ``mfa`` sets (``None`` if it sets none),
    and the problems.
    """
    if mfa.sms_mfa_configuration is None:
        return mfa, None, []
    setting = _sms_setting(mfa)
    if setting is not None and touched.in_mfa(SMS_SETTING):
        if touched.in_pool("sms_configuration") and setting != pool.sms_configuration:
            problem = Problem(
                f"{PREFIX}{SMS_SETTING}",
                "is the same pool setting as sms_configuration, which the change sets to "
                "another value; set one of them",
            )
            return mfa, None, [problem]
        return mfa, setting, []
    if touched.in_pool("sms_configuration") or setting is None:
        mfa = _with_sms_setting(mfa, pool.sms_configuration)
    return mfa, None, []


def _mode_first(changes: tuple[SettingChange, ...]) -> tuple[SettingChange, ...]:
    """List the mode before the factors, the way a reader takes in an MFA change."""
    mode = f"{PREFIX}{MODE}"
    return tuple(sorted(changes, key=lambda change: change.path != mode))


def _update_first(
    old_pool: UserPoolConfig,
    new_pool: UserPoolConfig,
    old_mfa: UserPoolMfaConfig,
    new_mfa: UserPoolMfaConfig,
) -> bool:
    """Decide the order of the two calls from what the state between them needs.

    Each order leaves the pool, for a moment, with one side changed and the other not, and
    Cognito judges that state when the second call arrives. SetUserPoolMfaConfig first leaves
    the new MFA setup on the old pool; UpdateUserPool first, the old setup on the new pool. For
    example, an SMS configuration the change adds must land before SMS MFA starts to use it
    (UpdateUserPool first), and SMS MFA must be off before the SMS configuration it uses is
    removed (SetUserPoolMfaConfig first). When both orders are fine, or neither is,
    SetUserPoolMfaConfig goes first, as Terraform does.
    """
    set_first_ok = not _pool_problems(old_pool, new_mfa)
    # UpdateUserPool writes the SMS configuration the old MFA setup uses: they are one setting.
    carried = _with_sms_setting(old_mfa, new_pool.sms_configuration)
    update_first_ok = not _pool_problems(new_pool, carried)
    return update_first_ok and not set_first_ok


# -- writing ------------------------------------------------------------------------------------


@attrs.frozen
class _Write:
    method: str
    request: Mapping[str, Any] = attrs.field(repr=False)
    restore: Mapping[str, Any] | None = attrs.field(repr=False)
    changes: tuple[SettingChange, ...]


def write(
    client: Any,
    step: MfaStep,
    *,
    update: Mapping[str, Any] | None,
    restore_update: Mapping[str, Any] | None,
    pool_changes: tuple[SettingChange, ...],
    attempt: int = 1,
) -> None:
    """Send SetUserPoolMfaConfig and UpdateUserPool (those that are due) in the step's order.

    When the second call fails, the first is undone with the request that writes back what was
    read, and the second call's error is raised with a note that nothing changed. When undoing
    fails too, :class:`~cognito_pools.errors.PartiallyAppliedError` lists what landed.

    So every attempt leaves the pool as it found it or fully changed: a retry that prepares the
    change again (reading both setups afresh) starts from the original setup, and the last
    failed attempt leaves it in place.
    """
    writes: list[_Write] = []
    if update is not None:
        writes.append(_Write(_UPDATE, update, restore_update, pool_changes))
    if step.request is not None:
        mfa = _Write(_SET, step.request, step.restore, step.changes)
        writes.insert(len(writes) if step.update_first else 0, mfa)
    # Ctrl-C or SIGTERM between the two writes would leave the first without the second: they
    # wait until both landed, or the first was undone.
    with interrupts_held() if len(writes) > 1 else contextlib.nullcontext():
        done: list[_Write] = []
        for current in writes:
            paths = [change.path for change in current.changes]
            try:
                call(client, current.method, current.request, attempt=attempt, paths=paths)
            except CognitoPoolsError as error:
                for landed in done:
                    _undo(client, landed, current, error, attempt)
                raise
            done.append(current)


def _undo(
    client: Any, landed: _Write, failed: _Write, error: CognitoPoolsError, attempt: int
) -> None:
    landed_name, failed_name = _OPERATIONS[landed.method], _OPERATIONS[failed.method]
    assert landed.restore is not None, "every first call has its restore"  # noqa: S101
    paths = [change.path for change in landed.changes]
    try:
        call(client, landed.method, landed.restore, attempt=attempt, paths=paths)
    except CognitoPoolsError as restore_error:
        raise PartiallyAppliedError(
            landed=landed_name,
            failed=failed_name,
            applied=landed.changes,
            not_applied=failed.changes,
            error=error,
            restore_error=restore_error,
        ) from error
    note = f"{landed_name} had already changed the pool and was undone"
    if isinstance(error, CallFailedError):
        # No answer came back, so the request may have landed all the same.
        note += f"; {failed_name} got no answer, so whether it changed the pool is unknown."
    else:
        note += "; nothing was changed."
    error.args = (f"{error}\n{note}", *error.args[1:])

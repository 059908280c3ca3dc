"""Cognito's rules for app clients, which botocore's model does not express.

UpdateUserPoolClient resets every member it is not given (API reference of the operation: "If
you don't provide a value for an attribute, Amazon Cognito sets it to its default value"), so an
update sends the whole client back; these rules keep that whole client valid, and say what
``None`` sends. Everything here is a pure function over wire dictionaries (``old``, the client's
settings as described; ``merged``, the change merged into them; ``change``, the caller's
keywords), so the update engine calls it like the pool's rules, and tests call it directly.

The rules, each with its source (the project's AWS-RULES notes, "App clients", collect them):

- **omission** (:data:`OMISSIONS`): which members Cognito keeps and which it resets when a
  request leaves them out, and what ``None`` sends for each;
- **token validity** (:data:`TOKENS`): each number is read in the unit the request carries for
  it, so a change of units alone re-checks the numbers it keeps;
- **auth flows**: the legacy flow names never beside ``ALLOW_`` names;
- **OAuth**: ``client_credentials`` alone; ``code`` and ``implicit`` need callback URLs; the
  default redirect URI is one of them; the authorization server needs flows and scopes;
- **client secret**: context data propagation, ``client_credentials`` and Secrets Manager need
  the client to have a secret;
- **refresh token rotation** and ``ALLOW_REFRESH_TOKEN_AUTH`` exclude each other;
- **lists**: an empty URL list is refused (AWS rejects it); an empty attribute or flow list means
  "not set", so it is never sent.

Rules judge only what the change touches: a client's existing oddities never block an
unrelated edit.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, NamedTuple

from cognito_pools._schema import SHAPES
from cognito_pools._spec import as_mapping, as_sequence
from cognito_pools.errors import Problem
from cognito_pools.merge import get_path, set_path, structure_at, wire_value
from cognito_pools.rules import _clears  # pyright: ignore[reportPrivateUsage] - one grammar

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cognito_pools.merge import Settings

__all__ = [
    "CLIENT",
    "DEFAULT_AUTH_FLOWS",
    "DEFAULT_UNITS",
    "LEGACY_AUTH_FLOWS",
    "OMISSIONS",
    "TOKENS",
    "Duration",
    "Omission",
    "TokenLimit",
    "as_reported",
    "check_change",
    "has_client_secret",
    "request_settings",
    "settle",
]

CLIENT = SHAPES["UserPoolClientConfig"]
"""The table of an app client's settings, which every rule here is written in."""

UNIT_SECONDS: Mapping[str, int] = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400}
"""Seconds in each unit of ``TokenValidityUnits``."""

DEFAULT_UNITS: Mapping[str, str] = {
    "access_token": "hours",
    "id_token": "hours",
    "refresh_token": "days",
}
"""The units a validity number is read in when ``token_validity_units`` does not say (API
reference, UpdateUserPoolClient, TokenValidityUnits: "The default unit for refresh tokens is
days, and the default for ID and access tokens are hours")."""

DEFAULT_AUTH_FLOWS = ("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH")
"""The flows of a client without ``ExplicitAuthFlows`` (API reference, UpdateUserPoolClient,
ExplicitAuthFlows: "If you don't specify a value ... your app client supports
ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, and ALLOW_CUSTOM_AUTH")."""

LEGACY_AUTH_FLOWS = frozenset({"ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH"})
"""Flow names that cannot be combined with the ``ALLOW_`` names (API reference,
UpdateUserPoolClient, ExplicitAuthFlows: "You can't assign these legacy ExplicitAuthFlows values
to user pool clients at the same time as values that begin with ALLOW_")."""

URL_LISTS = ("callback_urls", "logout_urls")
"""Lists that AWS refuses empty: ``[]`` fails validation (aws-sdk-java-v2 #5528)."""

OAUTH_SETTINGS = frozenset(
    {
        "allowed_o_auth_flows",
        "allowed_o_auth_scopes",
        "allowed_o_auth_flows_user_pool_client",
        "callback_urls",
        "default_redirect_uri",
    }
)
"""The settings the OAuth rules look at: a change touching one of them re-checks them all."""

WRITE_ONLY = "publish_secrets_in_aws_secrets_manager"
"""The one member that the describe never reports and an omitted request keeps."""


@dataclasses.dataclass(frozen=True)
class Duration:
    """A documented default given as a length of time: written in the unit the request uses."""

    seconds: int
    unit: str
    """The ``token_validity_units`` member whose unit the number is written in."""

    def number(self, unit: str) -> int | None:
        """The number that means this duration in ``unit``; ``None`` if it has none."""
        count, rest = divmod(self.seconds, UNIT_SECONDS[unit])
        return count if count >= 1 and rest == 0 else None


class Omission(NamedTuple):
    """What Cognito does with a member a request leaves out, and so what ``None`` must send.

    Plain data, one row per member of UpdateUserPoolClient: the engine's kept-when-omitted table
    takes these rows as they are.
    """

    path: str
    """The dotted path in :class:`~cognito_pools.models.UserPoolClientConfig`."""
    kept: bool
    """True: Cognito keeps the member when the request leaves it out. False: it resets it."""
    becomes: Any = None
    """What ``None`` sends where the client had a value: the documented default, written the
    way a change would set it, or a :class:`Duration`. ``None``: leaving the member out."""
    instead: str | None = None
    """Set where ``None`` is refused: why, and what to do instead."""
    source: str = ""
    """Where the behaviour is documented or measured."""

    @property
    def refused(self) -> bool:
        """Whether ``None`` is refused for this member."""
        return self.instead is not None


_RESET = (
    "Reset when left out: API reference, UpdateUserPoolClient ('If you don't provide a value "
    "for an attribute, Amazon Cognito sets it to its default value')"
)

OMISSIONS = (
    Omission(
        "client_name",
        kept=False,
        instead="an app client always has a name, and every update sends it back; to rename "
        "the client, set client_name to the new name",
        source="ClientName is optional in UpdateUserPoolClient but every client has one "
        "(CreateUserPoolClient requires it); the library always sends the current name.",
    ),
    Omission(
        "refresh_token_validity",
        kept=False,
        becomes=Duration(30 * 86400, "refresh_token"),
        source=f"{_RESET}. Default 30 days, always reported: API reference, "
        "RefreshTokenValidity ('your refresh tokens are valid for 30 days'); "
        "terraform-provider-aws TestAccCognitoIDPUserPoolClient_basic expects 30.",
    ),
    Omission(
        "access_token_validity",
        kept=False,
        becomes=Duration(3600, "access_token"),
        source=f"{_RESET}. Default one hour: API reference, AccessTokenValidity ('your access "
        "tokens are valid for one hour'); not reported while unset "
        "(terraform-provider-aws TestAccCognitoIDPUserPoolClient_basic).",
    ),
    Omission(
        "id_token_validity",
        kept=False,
        becomes=Duration(3600, "id_token"),
        source=f"{_RESET}. Default one hour: API reference, IdTokenValidity ('your ID tokens "
        "are valid for one hour'); not reported while unset.",
    ),
    Omission(
        "token_validity_units",
        kept=False,
        becomes=dict(DEFAULT_UNITS),
        source=f"{_RESET}. Default hours / hours / days: API reference, TokenValidityUnits; "
        "dropping them rereads every number (terraform-provider-aws #32504, PR #48630).",
    ),
    *(
        Omission(
            f"token_validity_units.{unit}",
            kept=False,
            becomes=default,
            source=f"Default {default}: API reference, TokenValidityUnits.",
        )
        for unit, default in DEFAULT_UNITS.items()
    ),
    Omission(
        "read_attributes",
        kept=False,
        source=f"{_RESET}. Unset means the standard attributes and the verified flags, and is "
        "not reported: API reference, ReadAttributes ('Amazon Cognito only populates "
        "ReadAttributes in the API response if you have specified your own custom set').",
    ),
    Omission(
        "write_attributes",
        kept=False,
        source=f"{_RESET}. Unset means the standard attributes, and is not reported: API "
        "reference, WriteAttributes.",
    ),
    Omission(
        "explicit_auth_flows",
        kept=False,
        becomes=DEFAULT_AUTH_FLOWS,
        source=f"{_RESET}. Default ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, "
        "ALLOW_CUSTOM_AUTH: API reference, ExplicitAuthFlows; AWS-RULES, app clients.",
    ),
    Omission(
        "supported_identity_providers",
        kept=False,
        source=f"{_RESET}. No default provider: API reference, SupportedIdentityProviders.",
    ),
    Omission("callback_urls", kept=False, source=f"{_RESET}. Unset: no callback URL."),
    Omission("logout_urls", kept=False, source=f"{_RESET}. Unset: no sign-out URL."),
    Omission("default_redirect_uri", kept=False, source=f"{_RESET}. Unset: none."),
    Omission(
        "allowed_o_auth_flows",
        kept=False,
        source=f"{_RESET}. OAuth settings off by default (AWS-RULES, app clients).",
    ),
    Omission(
        "allowed_o_auth_scopes",
        kept=False,
        source=f"{_RESET}. OAuth settings off by default (AWS-RULES, app clients).",
    ),
    Omission(
        "allowed_o_auth_flows_user_pool_client",
        kept=False,
        becomes=False,
        source=f"{_RESET}. Default false, always reported: API reference, "
        "AllowedOAuthFlowsUserPoolClient ('it defaults to false'); the AWS CLI example "
        "update-user-pool-client shows false after the reset.",
    ),
    Omission(
        "analytics_configuration",
        kept=False,
        source=f"{_RESET}. Unset: no analytics.",
    ),
    Omission(
        "prevent_user_existence_errors",
        kept=False,
        becomes="LEGACY",
        source=f"{_RESET}. Default LEGACY: API reference, PreventUserExistenceErrors "
        "('Defaults to LEGACY'); AWS-RULES, app clients.",
    ),
    Omission(
        "enable_token_revocation",
        kept=False,
        becomes=True,
        source=f"{_RESET}. Default on, always reported: AWS-RULES, app clients; "
        "terraform-provider-aws TestAccCognitoIDPUserPoolClient_basic expects true.",
    ),
    Omission(
        "enable_propagate_additional_user_context_data",
        kept=False,
        becomes=False,
        source=f"{_RESET}. Default off: API reference, EnablePropagateAdditionalUserContextData "
        "('If you don't include this parameter, you can't send the source IP address').",
    ),
    Omission(
        "auth_session_validity",
        kept=False,
        becomes=3,
        source=f"{_RESET}. Default 3 minutes, always reported: terraform-provider-aws "
        "TestAccCognitoIDPUserPoolClient_basic expects 3; AWS-RULES (3-15 minutes).",
    ),
    Omission(
        "refresh_token_rotation",
        kept=False,
        becomes={"feature": "DISABLED"},
        source=f"{_RESET}. Default off: API reference, RefreshTokenRotation ('When disabled, "
        "token refresh issues only ID and access tokens').",
    ),
    Omission(
        WRITE_ONLY,
        kept=True,
        instead="Cognito keeps how it manages the secret when this is left out, so it cannot "
        "be cleared; set it to False to move the secret back to Cognito",
        source="Kept when left out: API reference, PublishSecretsInAWSSecretsManager ('If you "
        "omit this parameter, Amazon Cognito doesn't change how it manages the existing "
        "secret'); write-only, never in DescribeUserPoolClient.",
    ),
)
"""Every member of UpdateUserPoolClient: kept or reset when left out, and what ``None`` sends."""

_BY_PATH = {row.path: row for row in OMISSIONS}
_SENT_DEFAULTS = tuple(
    sorted(
        (row for row in OMISSIONS if row.becomes is not None),
        key=lambda row: -row.path.count("."),
    )
)
"""The rows whose ``None`` sends a value, deepest first: a member inside a structure is settled
before the structure around it."""


class TokenLimit(NamedTuple):
    """The range of one token's validity, in seconds, and where it is documented."""

    number: str
    """The validity member, e.g. ``access_token_validity``."""
    unit: str
    """Its member of ``token_validity_units``."""
    shortest: int
    longest: int
    source: str


TOKENS = (
    TokenLimit(
        "access_token_validity",
        "access_token",
        5 * 60,
        86400,
        "5 minutes to 1 day: developer guide, quotas; AWS-RULES, app clients",
    ),
    TokenLimit(
        "id_token_validity",
        "id_token",
        5 * 60,
        86400,
        "5 minutes to 1 day: developer guide, quotas; AWS-RULES, app clients",
    ),
    TokenLimit(
        "refresh_token_validity",
        "refresh_token",
        3600,
        3650 * 86400,
        "1 hour to 3,650 days: developer guide, quotas; AWS-RULES, app clients",
    ),
)
"""Each token's validity range; a number is read in the unit the request carries for it."""


# --- before any call -----------------------------------------------------------------------------


def check_change(change: Mapping[str, Any]) -> list[Problem]:
    """The app-client rules that the change alone can break, checked before any call."""
    problems: list[Problem] = []
    for path in URL_LISTS:
        items = as_sequence(change.get(path))
        if items is not None and not items:
            problems.append(
                Problem(path, "an empty list is refused by Cognito; pass None to remove every URL")
            )
    if change.get("refresh_token_validity") == 0:
        problems.append(
            Problem(
                "refresh_token_validity",
                "0 is not accepted (Cognito silently writes 30 days instead); pass None for "
                "the default of 30 days",
            )
        )
    problems += [
        Problem(row.path, f"cannot be cleared: {row.instead}")
        for row in OMISSIONS
        if row.refused and _clears(change, row.path)
    ]
    return problems


# --- reading and writing -------------------------------------------------------------------------


def has_client_secret(described: Mapping[str, Any]) -> bool:
    """Whether a DescribeUserPoolClient answer shows a secret (in Cognito or Secrets Manager)."""
    return bool(described.get("ClientSecret") or described.get("ClientSecretArn"))


def as_reported(settings: Settings, described: Mapping[str, Any]) -> Settings:
    """``settings`` with the write-only member read from what the describe shows of it.

    ``PublishSecretsInAWSSecretsManager`` is never reported, but its effect is: a secret held by
    Secrets Manager shows as ``ClientSecretArn``, one held by Cognito as ``ClientSecret``. So a
    change that sets it to what the client already does plans nothing, and a change that landed
    is not planned again.
    """
    if described.get("ClientSecretArn"):
        return {**settings, "PublishSecretsInAWSSecretsManager": True}
    if described.get("ClientSecret"):
        return {**settings, "PublishSecretsInAWSSecretsManager": False}
    return settings


def request_settings(settings: Settings, change: Mapping[str, Any]) -> Settings:
    """``settings`` as the request carries them.

    - The write-only member only when the change names it: left out, Cognito keeps how it
      manages the secret; sent, it may rotate the secret at once (API reference,
      PublishSecretsInAWSSecretsManager), so it is sent only when asked for.
    - No empty list: ``[]`` means "not set" for the attribute and flow lists (the describe
      leaves unset ones out), and AWS refuses it for the URL lists (aws-sdk-java-v2 #5528).
    """
    dropped = [wire for wire, value in settings.items() if value == []]
    if WRITE_ONLY not in change and "PublishSecretsInAWSSecretsManager" in settings:
        dropped.append("PublishSecretsInAWSSecretsManager")
    if not dropped:
        return settings
    return {k: v for k, v in settings.items() if k not in dropped}


# --- after the merge -----------------------------------------------------------------------------


def settle(
    old: Settings, merged: Settings, change: Mapping[str, Any], *, has_secret: bool
) -> tuple[Settings, list[Problem]]:
    """Apply every app-client rule to ``merged``, the merge of ``change`` into ``old``.

    Returns the settings to send (defaults put where ``None`` needs them, empty lists that mean
    "not set" removed) and every problem found. ``has_secret`` tells whether the client has a
    secret (:func:`has_client_secret` of the describe).
    """
    new = _without_empty_lists(merged, change)
    new = _defaults_for_cleared(old, new, change)
    problems = check_change(change)
    problems += _token_problems(old, new, change)
    problems += _flow_problems(new, change)
    problems += _oauth_problems(new, change)
    problems += _secret_problems(new, change, has_secret=has_secret)
    return new, problems


def _without_empty_lists(settings: Settings, change: Mapping[str, Any]) -> Settings:
    """Drop the lists the change empties: ``[]`` says no more than unset, and is never sent.

    Absent read or write attributes mean the defaults; the describe never reports ``[]``.
    (Empty URL lists are refused instead: see :func:`check_change`.)
    """
    emptied = [
        member.wire
        for member in CLIENT.members
        if member.value.kind == "list"
        and member.name in change
        and member.name not in URL_LISTS
        and settings.get(member.wire) == []
    ]
    if not emptied:
        return settings
    return {k: v for k, v in settings.items() if k not in emptied}


def _defaults_for_cleared(old: Settings, new: Settings, change: Mapping[str, Any]) -> Settings:
    """Put each documented default where ``change`` cleared a member that the client had.

    Where the client had no value, clearing it leaves it out: that is already the default, and
    the describe shows it as unset, so planning the same change again finds nothing.
    """
    for row in _SENT_DEFAULTS:
        if not _clears(change, row.path):
            continue
        if get_path(old, row.path, CLIENT) is None or get_path(new, row.path, CLIENT) is not None:
            continue
        value = row.becomes
        if isinstance(value, Duration):
            number = value.number(_unit(new, value.unit))
            if number is None:
                continue  # not writable in that unit: the token check below says what to do
            value = number
        new = set_path(new, row.path, _wire(row.path, value), CLIENT)
    return new


def _wire(path: str, value: Any) -> Any:
    parent, _, name = path.rpartition(".")
    around = structure_at(CLIENT, parent) if parent else CLIENT
    member = around.member(name) if around is not None else None
    assert member is not None, "OMISSIONS names settings of the table"  # noqa: S101
    return wire_value(value, member.value)


def _unit(settings: Mapping[str, Any], unit: str) -> str:
    units = as_mapping(settings.get("TokenValidityUnits")) or {}
    found = units.get(_UNIT_WIRES[unit])
    return found if isinstance(found, str) and found in UNIT_SECONDS else DEFAULT_UNITS[unit]


_UNIT_WIRES = {
    "access_token": "AccessToken",
    "id_token": "IdToken",
    "refresh_token": "RefreshToken",
}


def _token_problems(old: Settings, new: Settings, change: Mapping[str, Any]) -> list[Problem]:
    """Each validity number the change sets, or whose unit it changes, read in its unit."""
    problems: list[Problem] = []
    for limit in TOKENS:
        unit_path = f"token_validity_units.{limit.unit}"
        number_touched = limit.number in change
        unit_changed = _unit(old, limit.unit) != _unit(new, limit.unit)
        if not (number_touched or unit_changed):
            continue
        number = get_path(new, limit.number, CLIENT)
        unit = _unit(new, limit.unit)
        if number is None:
            if _clears(change, limit.number) and get_path(old, limit.number, CLIENT) is not None:
                default = _BY_PATH[limit.number].becomes
                if isinstance(default, Duration) and default.number(unit) is None:
                    problems.append(
                        Problem(
                            limit.number,
                            f"its default ({_spell(default.seconds)}) cannot be written in "
                            f"{unit}; set a number in {unit}, or set {unit_path} too",
                        )
                    )
            continue
        if not isinstance(number, int) or isinstance(number, bool):
            continue  # the type check reports it
        seconds = number * UNIT_SECONDS[unit]
        if limit.shortest <= seconds <= limit.longest:
            continue
        low, high = _in_unit(limit.shortest, unit, up=True), _in_unit(limit.longest, unit, up=False)
        allowed = f"{low} to {high} {unit}" if low <= high else f"nothing in {unit}"
        why = (
            f" ({unit_path} changes to {unit!r}; the number is read in it)"
            if unit_changed and not number_touched
            else ""
        )
        problems.append(
            Problem(
                limit.number,
                f"{number} {unit} is out of range{why}; allowed: {_spell(limit.shortest)} to "
                f"{_spell(limit.longest)}, that is {allowed}",
            )
        )
    return problems


def _in_unit(seconds: int, unit: str, *, up: bool) -> int:
    count, rest = divmod(seconds, UNIT_SECONDS[unit])
    return count + 1 if up and rest else count


def _spell(seconds: int) -> str:
    for unit in ("days", "hours", "minutes"):
        count, rest = divmod(seconds, UNIT_SECONDS[unit])
        if count and not rest:
            return f"{count} {unit[:-1] if count == 1 else unit}"
    return f"{seconds} seconds"


def _strings(value: object) -> tuple[str, ...]:
    """A wire list of strings as a tuple; an unset one as an empty tuple."""
    items = as_sequence(value)
    return tuple(str(item) for item in items) if items is not None else ()


def _flows(settings: Mapping[str, Any]) -> tuple[str, ...]:
    """The client's auth flows: its own, or the defaults when it has none."""
    return _strings(settings.get("ExplicitAuthFlows")) or DEFAULT_AUTH_FLOWS


def _flow_problems(new: Settings, change: Mapping[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    if "explicit_auth_flows" in change:
        flows = _strings(new.get("ExplicitAuthFlows"))
        legacy = sorted(flow for flow in flows if flow in LEGACY_AUTH_FLOWS)
        modern = sorted(flow for flow in flows if flow.startswith("ALLOW_"))
        if legacy and modern:
            problems.append(
                Problem(
                    "explicit_auth_flows",
                    f"the legacy {', '.join(legacy)} cannot be combined with ALLOW_ flows "
                    f"({', '.join(modern)}); use the ALLOW_ names only",
                )
            )
    if "explicit_auth_flows" in change or "refresh_token_rotation" in change:
        rotation = as_mapping(new.get("RefreshTokenRotation")) or {}
        if rotation.get("Feature") == "ENABLED" and "ALLOW_REFRESH_TOKEN_AUTH" in _flows(new):
            where = "" if new.get("ExplicitAuthFlows") else " (one of the default flows)"
            problems.append(
                Problem(
                    "refresh_token_rotation.feature",
                    f"refresh token rotation cannot be ENABLED while explicit_auth_flows "
                    f"has ALLOW_REFRESH_TOKEN_AUTH{where}; remove that flow in the same change",
                )
            )
    return problems


def _oauth_problems(new: Settings, change: Mapping[str, Any]) -> list[Problem]:
    if OAUTH_SETTINGS.isdisjoint(change):
        return []
    problems: list[Problem] = []
    flows = _strings(new.get("AllowedOAuthFlows"))
    callbacks = _strings(new.get("CallbackURLs"))
    if "client_credentials" in flows and len(flows) > 1:
        problems.append(
            Problem(
                "allowed_o_auth_flows",
                "client_credentials must be the only OAuth flow (API reference, "
                f"AllowedOAuthFlows); got {list(flows)}",
            )
        )
    needing = [flow for flow in flows if flow in {"code", "implicit"}]
    if needing and not callbacks:
        problems.append(
            Problem(
                "callback_urls",
                f"the {' and '.join(needing)} flow needs at least one callback URL "
                "(Cognito: 'CallbackUrls can not be empty')",
            )
        )
    redirect = new.get("DefaultRedirectURI")
    if redirect is not None and redirect not in callbacks:
        problems.append(
            Problem(
                "default_redirect_uri",
                f"{redirect!r} must be one of callback_urls (API reference, DefaultRedirectURI)",
            )
        )
    if new.get("AllowedOAuthFlowsUserPoolClient") is True:
        missing = [] if flows else ["allowed_o_auth_flows"]
        missing += [] if new.get("AllowedOAuthScopes") else ["allowed_o_auth_scopes"]
        if missing:
            problems.append(
                Problem(
                    "allowed_o_auth_flows_user_pool_client",
                    f"True needs {' and '.join(missing)} as well; set them, or set this to False",
                )
            )
    return problems


def _secret_problems(
    new: Settings, change: Mapping[str, Any], *, has_secret: bool
) -> list[Problem]:
    if has_secret:
        return []
    problems: list[Problem] = []
    if "enable_propagate_additional_user_context_data" in change and new.get(
        "EnablePropagateAdditionalUserContextData"
    ):
        problems.append(
            Problem(
                "enable_propagate_additional_user_context_data",
                "only an app client with a client secret can propagate user context data "
                "(API reference, EnablePropagateAdditionalUserContextData)",
            )
        )
    if "allowed_o_auth_flows" in change and "client_credentials" in _strings(
        new.get("AllowedOAuthFlows")
    ):
        problems.append(
            Problem(
                "allowed_o_auth_flows",
                "client_credentials needs an app client with a client secret (API reference, "
                "AllowedOAuthFlows: 'a combination of the client ID and client secret')",
            )
        )
    if change.get(WRITE_ONLY) is not None:
        problems.append(
            Problem(
                WRITE_ONLY,
                "the app client has no client secret to manage (API reference: 'Applies only "
                "to app clients that already have a generated secret')",
            )
        )
    return problems

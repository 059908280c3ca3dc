"""Cognito's rules for app clients, which botocore's model does not express.

UpdateUserPoolClient resets every member it is not given (API reference of the operation: "If
you don't provide a value for an attribute, Amazon Cognito sets it to its default value"), so an
update sends the whole client back; these rules keep that whole client valid, and say what
``None`` sends. :class:`ClientRules` hands them to the engine (:mod:`cognito_pools.engine`) as
the app client's rules; :data:`OMISSIONS` is the app client's row of the engine's
kept-when-omitted table. Everything works on wire dictionaries (``old``, the client's settings
as described; ``merged``, the change merged into them; ``change``, the caller's keywords).

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
from cognito_pools.grammar import clears, get_path, set_path
from cognito_pools.resource import Omission, Rules

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cognito_pools.grammar import Settings

__all__ = [
    "CLIENT",
    "DEFAULT_AUTH_FLOWS",
    "DEFAULT_UNITS",
    "DURATION_DEFAULTS",
    "LEGACY_AUTH_FLOWS",
    "OMISSIONS",
    "TOKENS",
    "UNIT_SECONDS",
    "ClientRules",
    "Duration",
    "TokenLimit",
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


_RESET = (
    "Reset when left out: API reference, UpdateUserPoolClient ('If you don't provide a value "
    "for an attribute, Amazon Cognito sets it to its default value')"
)

OMISSIONS = (
    Omission(
        "client_name",
        "reset",
        "ClientName is optional in UpdateUserPoolClient, but every client has one "
        "(CreateUserPoolClient requires it); the library always sends the current name.",
        refusal="an app client always has a name, and every update sends it back; to rename "
        "the client, set client_name to the new name",
    ),
    Omission(
        "refresh_token_validity",
        "reset",
        f"{_RESET}. Default 30 days, always reported: API reference, RefreshTokenValidity "
        "('your refresh tokens are valid for 30 days'); terraform-provider-aws "
        "TestAccCognitoIDPUserPoolClient_basic expects 30. None sends 30 days written in the "
        "client's refresh unit (DURATION_DEFAULTS).",
    ),
    Omission(
        "access_token_validity",
        "reset",
        f"{_RESET}. Default one hour: API reference, AccessTokenValidity ('your access tokens "
        "are valid for one hour'); not reported while unset (terraform-provider-aws "
        "TestAccCognitoIDPUserPoolClient_basic). None sends one hour in the token's unit "
        "where the client had a number (DURATION_DEFAULTS).",
        reported_when_default=False,
    ),
    Omission(
        "id_token_validity",
        "reset",
        f"{_RESET}. Default one hour: API reference, IdTokenValidity ('your ID tokens are "
        "valid for one hour'); not reported while unset. None sends one hour in the token's "
        "unit where the client had a number (DURATION_DEFAULTS).",
        reported_when_default=False,
    ),
    Omission(
        "token_validity_units",
        "reset",
        f"{_RESET}. Default hours / hours / days: API reference, TokenValidityUnits; dropping "
        "them rereads every number (terraform-provider-aws #32504, PR #48630).",
        clears_to=dict(DEFAULT_UNITS),
    ),
    *(
        Omission(
            f"token_validity_units.{unit}",
            "reset",
            f"Default {default}: API reference, TokenValidityUnits.",
            clears_to=default,
        )
        for unit, default in DEFAULT_UNITS.items()
    ),
    Omission(
        "read_attributes",
        "reset",
        f"{_RESET}. Unset means the standard attributes and the verified flags, and is not "
        "reported: API reference, ReadAttributes ('Amazon Cognito only populates "
        "ReadAttributes in the API response if you have specified your own custom set').",
        reported_when_default=False,
    ),
    Omission(
        "write_attributes",
        "reset",
        f"{_RESET}. Unset means the standard attributes, and is not reported: API reference, "
        "WriteAttributes.",
        reported_when_default=False,
    ),
    Omission(
        "explicit_auth_flows",
        "reset",
        f"{_RESET}. Default ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH: "
        "API reference, ExplicitAuthFlows; AWS-RULES, app clients.",
        clears_to=DEFAULT_AUTH_FLOWS,
    ),
    Omission(
        "supported_identity_providers",
        "reset",
        f"{_RESET}. No default provider: API reference, SupportedIdentityProviders.",
        reported_when_default=False,
    ),
    Omission(
        "callback_urls", "reset", f"{_RESET}. Unset: no callback URL.", reported_when_default=False
    ),
    Omission(
        "logout_urls", "reset", f"{_RESET}. Unset: no sign-out URL.", reported_when_default=False
    ),
    Omission(
        "default_redirect_uri", "reset", f"{_RESET}. Unset: none.", reported_when_default=False
    ),
    Omission(
        "allowed_o_auth_flows",
        "reset",
        f"{_RESET}. OAuth settings off by default (AWS-RULES, app clients).",
        reported_when_default=False,
    ),
    Omission(
        "allowed_o_auth_scopes",
        "reset",
        f"{_RESET}. OAuth settings off by default (AWS-RULES, app clients).",
        reported_when_default=False,
    ),
    Omission(
        "allowed_o_auth_flows_user_pool_client",
        "reset",
        f"{_RESET}. Default false, always reported: API reference, "
        "AllowedOAuthFlowsUserPoolClient ('it defaults to false'); the AWS CLI example "
        "update-user-pool-client shows false after the reset.",
        clears_to=False,
    ),
    Omission(
        "analytics_configuration",
        "reset",
        f"{_RESET}. Unset: no analytics.",
        reported_when_default=False,
    ),
    Omission(
        "prevent_user_existence_errors",
        "reset",
        f"{_RESET}. Default LEGACY: API reference, PreventUserExistenceErrors ('Defaults to "
        "LEGACY'); AWS-RULES, app clients. A client that never set it does not report it "
        "(terraform-provider-aws TestAccCognitoIDPUserPoolClient_basic), so None sends LEGACY "
        "only where the client had a value.",
        clears_to="LEGACY",
        reported_when_default=False,
    ),
    Omission(
        "enable_token_revocation",
        "reset",
        f"{_RESET}. Default on, always reported: AWS-RULES, app clients; "
        "terraform-provider-aws TestAccCognitoIDPUserPoolClient_basic expects true.",
        clears_to=True,
    ),
    Omission(
        "enable_propagate_additional_user_context_data",
        "reset",
        f"{_RESET}. Default off: API reference, EnablePropagateAdditionalUserContextData ('If "
        "you don't include this parameter, you can't send the source IP address').",
        clears_to=False,
    ),
    Omission(
        "auth_session_validity",
        "reset",
        f"{_RESET}. Default 3 minutes, always reported: terraform-provider-aws "
        "TestAccCognitoIDPUserPoolClient_basic expects 3; AWS-RULES (3 to 15 minutes).",
        clears_to=3,
    ),
    Omission(
        "refresh_token_rotation",
        "reset",
        f"{_RESET}. Default off: API reference, RefreshTokenRotation ('When disabled, token "
        "refresh issues only ID and access tokens').",
        clears_to={"feature": "DISABLED"},
    ),
    Omission(
        WRITE_ONLY,
        "write-only",
        "Kept when left out: API reference, PublishSecretsInAWSSecretsManager ('If you omit "
        "this parameter, Amazon Cognito doesn't change how it manages the existing secret'); "
        "never in DescribeUserPoolClient, whose ClientSecretArn shows its effect.",
        refusal="Cognito keeps how it manages the secret when this is left out, so it cannot "
        "be cleared; set it to False to move the secret back to Cognito",
    ),
)
"""What UpdateUserPoolClient does with each member it is not given, and what ``None`` sends;
every member has a row. Leaving a member out resets it to its default, except the write-only
one; ``clears_to`` is sent where the describe reports the default like a value."""

DURATION_DEFAULTS: Mapping[str, Duration] = {
    "refresh_token_validity": Duration(30 * 86400, "refresh_token"),
    "access_token_validity": Duration(3600, "access_token"),
    "id_token_validity": Duration(3600, "id_token"),
}
"""What ``None`` sends for the validity numbers where the client had one: the documented
default, written in the unit the request carries for the token (see :data:`OMISSIONS`)."""


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


PUBLISH = "PublishSecretsInAWSSecretsManager"
"""The wire name of the write-only member."""


class ClientRules(Rules):
    """The app client's rules, as the engine applies them."""

    def read(self, answer: Mapping[str, Any], settings: Settings) -> Settings:
        """The write-only member read from its effect on the describe answer.

        ``PublishSecretsInAWSSecretsManager`` is never reported, but a secret held by Secrets
        Manager shows as ``ClientSecretArn``, one held by Cognito as ``ClientSecret`` (API
        reference, PublishSecretsInAWSSecretsManager). So a change that asks for what the
        client already does plans nothing, and one that landed is not planned again. A client
        without a secret has no value for it.
        """
        if answer.get("ClientSecretArn"):
            return {**settings, PUBLISH: True}
        if answer.get("ClientSecret"):
            return {**settings, PUBLISH: False}
        return settings

    def check_change(self, change: Mapping[str, Any], last_read: Settings | None) -> list[Problem]:
        """The rules the change alone can break: empty URL lists, and a refresh validity of 0."""
        del last_read
        problems: list[Problem] = []
        for path in URL_LISTS:
            items = as_sequence(change.get(path))
            if items is not None and not items:
                message = "an empty list is refused by Cognito; pass None to remove every URL"
                problems.append(Problem(path, message))
        if change.get("refresh_token_validity") == 0:
            problems.append(
                Problem(
                    "refresh_token_validity",
                    "0 is not accepted (Cognito silently writes 30 days instead); pass None "
                    "for the default of 30 days",
                )
            )
        return problems

    def settle(
        self, old: Settings, merged: Settings, change: Mapping[str, Any]
    ) -> tuple[Settings, list[Problem]]:
        """Defaults in the token's unit, empty lists dropped, then every rule judged.

        The engine has already put the plain defaults of :data:`OMISSIONS` in. A client has a
        secret where :meth:`read` found one: then ``old`` has a value for the write-only member.
        """
        new = _without_empty_lists(merged, change)
        new = _durations_for_cleared(old, new, change)
        if WRITE_ONLY not in change and PUBLISH in new:
            new = {k: v for k, v in new.items() if k != PUBLISH}  # sent only when named
        has_secret = PUBLISH in old
        problems = _token_problems(old, new, change)
        problems += _flow_problems(new, change)
        problems += _oauth_problems(new, change)
        problems += _secret_problems(new, change, has_secret=has_secret)
        return new, problems

    def as_reported(self, old: Settings, new: Settings) -> Settings:
        """``old`` without the write-only member where the change does not send it."""
        if PUBLISH in old and PUBLISH not in new:
            return {k: v for k, v in old.items() if k != PUBLISH}
        return old

    def to_request(self, settings: Settings) -> Settings:
        """The settings without empty lists, which no request carries.

        ``[]`` means "not set" for the attribute and flow lists (the describe leaves unset ones
        out), and AWS refuses it for the URL lists (aws-sdk-java-v2 #5528).
        """
        if not any(value == [] for value in settings.values()):
            return settings
        return {k: v for k, v in settings.items() if v != []}


def _without_empty_lists(settings: Settings, change: Mapping[str, Any]) -> Settings:
    """Drop the lists the change empties: ``[]`` says no more than unset, and is never sent.

    Absent read or write attributes mean the defaults; the describe never reports ``[]``.
    (Empty URL lists are refused instead: see :meth:`ClientRules.check_change`.)
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


def _durations_for_cleared(old: Settings, new: Settings, change: Mapping[str, Any]) -> Settings:
    """Put a cleared validity number's default where the client had one, in the token's unit.

    Where the client had no number, clearing it leaves it out: that is already the default, and
    the describe shows it as unset, so planning the same change again finds nothing. Where the
    unit cannot write the default (one hour in days), the token check says what to do.
    """
    for path, default in DURATION_DEFAULTS.items():
        if not clears(change, path):
            continue
        if get_path(old, path, CLIENT) is None or get_path(new, path, CLIENT) is not None:
            continue
        number = default.number(_unit(new, default.unit))
        if number is not None:
            new = set_path(new, path, number, CLIENT)
    return new


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
            if clears(change, limit.number) and get_path(old, limit.number, CLIENT) is not None:
                default = DURATION_DEFAULTS[limit.number]
                if default.number(unit) is None:
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

"""A short tour of cognito_pools against an embedded moto server, over real HTTP.

Run it with ``cognito-pools demo`` or ``python -m cognito_pools demo``. It needs moto (the
``demo`` extra) but no AWS account: the client talks to a moto server on a free loopback port,
with dummy credentials given to that client only.

The tour creates two identical, realistic pools, then shows:

1. the typed view of a pool (``UserPools(client).get(pool_id)``);
2. what a plain ``update_user_pool`` call does to the settings it was not given;
3. the same change made with :meth:`Pool.plan` and :meth:`Pool.update`, and proof from a fresh
   read that nothing else moved;
4. a bad change refused before anything is sent;
5. the same trap on an app client: a plain ``update_user_pool_client`` that adds a callback URL
   loses the OAuth setup and the token units, and :meth:`UserPools.update_app_client` makes the
   same change alone. moto merges app-client updates instead of resetting them, so for this step
   its server resets what a request leaves out, as AWS documents
   (:mod:`cognito_pools._resetting_moto`).
"""

from __future__ import annotations

import importlib
import logging
import sys
import textwrap
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from cognito_pools.errors import ValidationError
from cognito_pools.grammar import SettingChange, diff
from cognito_pools.pools import UserPools

if TYPE_CHECKING:
    from collections.abc import Callable

    from cognito_pools.pools import Pool

__all__ = ["DEMO_CLIENT", "DEMO_POOL", "MISSING_MOTO", "run_demo"]

MISSING_MOTO = (
    "The demo needs moto: pip install 'moto[cognitoidp,server]' "
    "(from a checkout of cognito_pools: pip install -e '.[demo]')"
)
REGION = "eu-west-1"
_ACCOUNT = "123456789012"
_LAMBDA = f"arn:aws:lambda:{REGION}:{_ACCOUNT}:function:shop-"
_WIDTH = 100

DEMO_POOL: dict[str, Any] = {
    "PoolName": "shop-customers",
    "UsernameAttributes": ["email"],
    "AutoVerifiedAttributes": ["email"],
    "DeletionProtection": "ACTIVE",
    "MfaConfiguration": "OFF",
    "Policies": {
        "PasswordPolicy": {
            "MinimumLength": 8,
            "RequireLowercase": True,
            "RequireUppercase": True,
            "RequireNumbers": True,
            "RequireSymbols": False,
            "TemporaryPasswordValidityDays": 3,
        }
    },
    "LambdaConfig": {
        "PreSignUp": f"{_LAMBDA}pre-sign-up",
        "PostConfirmation": f"{_LAMBDA}post-confirmation",
        "PreTokenGeneration": f"{_LAMBDA}token-claims",
        "PreTokenGenerationConfig": {
            "LambdaArn": f"{_LAMBDA}token-claims",
            "LambdaVersion": "V2_0",
        },
        "CustomEmailSender": {"LambdaArn": f"{_LAMBDA}email-sender", "LambdaVersion": "V1_0"},
        "KMSKeyID": f"arn:aws:kms:{REGION}:{_ACCOUNT}:key/6f1d2c3b-4a59-4e87-9d6c-5b4a39281706",
    },
    "EmailConfiguration": {
        "EmailSendingAccount": "DEVELOPER",
        "SourceArn": f"arn:aws:ses:{REGION}:{_ACCOUNT}:identity/shop.example.com",
        "From": "Example Shop <no-reply@shop.example.com>",
        "ReplyToEmailAddress": "help@shop.example.com",
        "ConfigurationSet": "shop-transactional",
    },
    "VerificationMessageTemplate": {
        "DefaultEmailOption": "CONFIRM_WITH_CODE",
        "EmailSubject": "Your Example Shop code",
        "EmailMessage": "Your verification code is {####}",
    },
    "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": False},
    "AccountRecoverySetting": {"RecoveryMechanisms": [{"Name": "verified_email", "Priority": 1}]},
    "UserPoolTags": {"team": "identity", "env": "prod"},
}
"""The ``create_user_pool`` keyword arguments of the demo pool: triggers (pre token generation
V2, a custom email sender with its KMS key), SES sending, a password policy, deletion protection,
account recovery and tags. The benchmarks use it too."""

DEMO_CLIENT: dict[str, Any] = {
    "ClientName": "shop-web",
    "AllowedOAuthFlowsUserPoolClient": True,
    "AllowedOAuthFlows": ["code"],
    "AllowedOAuthScopes": ["openid", "email", "profile"],
    "SupportedIdentityProviders": ["COGNITO"],
    "CallbackURLs": ["https://shop.example.com/callback"],
    "LogoutURLs": ["https://shop.example.com/"],
    "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    "AccessTokenValidity": 60,
    "IdTokenValidity": 60,
    "RefreshTokenValidity": 30,
    "TokenValidityUnits": {"AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "days"},
    "PreventUserExistenceErrors": "ENABLED",
}
"""The ``create_user_pool_client`` keyword arguments of the demo's web app client: OAuth with
the code flow, one-hour tokens counted in minutes, and existence errors hidden."""
_CALLBACKS = ["https://shop.example.com/callback", "https://m.shop.example.com/callback"]

_CHANGE: dict[str, Any] = {
    "mfa": "OPTIONAL",
    "policies": {"password_policy": {"minimum_length": 12}},
}
_CHANGE_TEXT = 'mfa="OPTIONAL", policies={"password_policy": {"minimum_length": 12}}'
_BAD_CHANGE: dict[str, Any] = {
    "deletion_protection": "MAYBE",
    "lambda_config": {"kms_key_id": "alias/shop-email-sender"},
    "policies": {"password_policy": {"minimum_length": 3}},
}


def run_demo(out: TextIO = sys.stdout, err: TextIO | None = None) -> int:
    """Run the tour, printing to ``out``. Returns 0, or 1 when moto is not installed.

    The message that moto is missing goes to ``err`` (``out`` if not given).
    """
    try:
        # moto is an optional dependency without type information: Any, whether or not the
        # type checker's environment has it installed.
        moto_server: Any = importlib.import_module("moto.server")
    except ImportError:
        (err or out).write(MISSING_MOTO + "\n")
        return 1

    server: Any = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    access_log = logging.getLogger("werkzeug")  # moto's server logs every request there
    level = access_log.level
    access_log.setLevel(logging.ERROR)
    server.start()
    try:
        host, port = server.get_host_and_port()
        return _tour(f"http://{host}:{port}", out)
    finally:
        server.stop()
        access_log.setLevel(level)


def demo_client(endpoint_url: str) -> Any:
    """A cognito-idp client for a local moto server, with dummy credentials of its own."""
    import boto3  # noqa: PLC0415 - keeps importing the package light

    session: Any = boto3.Session(
        aws_access_key_id="demo",
        aws_secret_access_key="demo",  # noqa: S106 - a dummy that only moto sees
        region_name=REGION,
    )
    return session.client("cognito-idp", endpoint_url=endpoint_url)


def _tour(endpoint_url: str, out: TextIO) -> int:
    client = demo_client(endpoint_url)
    calls: list[str] = []

    def record(model: Any, **_: Any) -> None:
        calls.append(model.name)

    def say(text: str = "") -> None:
        out.write(_wrap(text) + "\n")

    client.meta.events.register("before-call.cognito-idp", record)
    first = client.create_user_pool(**DEMO_POOL)["UserPool"]["Id"]
    second = client.create_user_pool(**DEMO_POOL)["UserPool"]["Id"]
    say(f"cognito-pools demo: embedded moto server at {endpoint_url}; no AWS account is used.")
    say(f'Two identical pools "{DEMO_POOL["PoolName"]}" created from demo.DEMO_POOL:')
    say(f"  A = {first}")
    say(f"  B = {second}")

    pools = UserPools(client)
    pool = pools.get(first)
    say()
    say("1. Read pool A: pool = UserPools(client).get(A); pool.config holds the typed settings:")
    _summary(pool, say)

    say()
    say('2. Plain boto3 on pool B: update_user_pool(UserPoolId=B, MfaConfiguration="OPTIONAL")')
    before = pools.get(second).config
    client.update_user_pool(UserPoolId=second, MfaConfiguration="OPTIONAL")
    reset = diff(before, pools.get(second).config)
    grouped = _grouped(reset)
    total = sum(count for _, count in grouped)
    say(f"   1 setting asked for; {total} settings differ afterwards:")
    for line, _ in grouped:
        say(f"     {line}")

    say()
    say("3. cognito_pools on pool A, with the same MFA change and a longer minimum password:")
    updated = _update(pool, say, calls)
    if updated is None:
        return 1

    say()
    say("4. A bad change is refused before anything is sent:")
    calls.clear()
    if not _refuse(updated, say):
        return 1
    say(f"   API calls: {', '.join(calls) or 'none'}")

    say()
    return 0 if _client_trap(client, pools, (first, second), say, calls) else 1


def _client_trap(
    client: Any,
    pools: UserPools,
    pool_ids: tuple[str, str],
    say: Callable[[str], None],
    calls: list[str],
) -> bool:
    """Step 5: the app-client trap, sprung by plain boto3 and avoided by the library."""
    from cognito_pools._resetting_moto import resetting_client_updates  # noqa: PLC0415

    first, second = pool_ids
    mine = client.create_user_pool_client(UserPoolId=first, **DEMO_CLIENT)
    theirs = client.create_user_pool_client(UserPoolId=second, **DEMO_CLIENT)
    mine_id, theirs_id = mine["UserPoolClient"]["ClientId"], theirs["UserPoolClient"]["ClientId"]
    say("5. App clients have the same trap. An identical web client in each pool; add a callback")
    say("   URL (the server now resets what UpdateUserPoolClient leaves out, as AWS documents).")
    with resetting_client_updates():
        say("   Plain boto3 on B: update_user_pool_client(..., CallbackURLs=[two URLs])")
        before = pools.app_client(second, theirs_id).config
        client.update_user_pool_client(
            UserPoolId=second, ClientId=theirs_id, CallbackURLs=_CALLBACKS
        )
        reset = diff(before, pools.app_client(second, theirs_id).config)
        say(f"   1 setting asked for; {len(reset)} settings differ afterwards:")
        for change in reset:
            say(f"     {change}")
        say("   cognito_pools on A: pools.update_app_client(A, client_id, callback_urls=[...])")
        before = pools.app_client(first, mine_id).config
        calls.clear()
        pools.update_app_client(first, mine_id, callback_urls=_CALLBACKS)
        say(f"   API calls: {', '.join(calls)}")
        moved = diff(before, pools.app_client(first, mine_id).config)
    say(f"   Re-read from the server, A's client now differs from before in {len(moved)} setting:")
    for change in moved:
        say(f"     {change}")
    if [change.path for change in moved] != ["callback_urls"]:
        say("   UNEXPECTED: more than the callback URLs moved")
        return False
    say("   OAuth flows and scopes, auth flows, token units and logout URLs all kept.")
    return True


def _update(pool: Pool, say: Callable[[str], None], calls: list[str]) -> Pool | None:
    """Plan and apply ``_CHANGE``; check on a fresh read that nothing else moved."""
    before = pool.config
    say(f"   >>> print(pool.plan({_CHANGE_TEXT}))")
    plan = pool.plan(**_CHANGE)
    for line in str(plan).splitlines():
        say(f"   {line}")
    say(f"   >>> pool = pool.update({_CHANGE_TEXT})")
    calls.clear()
    pool = pool.update(**_CHANGE)
    say(f"   API calls: {', '.join(calls)}")
    moved = diff(before, pool.refresh().config)
    # DescribeUserPool shows the MFA mode (mfa.mfa_configuration) as mfa_configuration, and
    # none of the other MFA settings.
    mode = "mfa.mfa_configuration"
    planned = {
        change.path.removeprefix("mfa.")
        for change in plan
        if change.path == mode or not change.path.startswith("mfa.")
    }
    unexpected = [str(change) for change in moved if change.path not in planned]
    missing = planned - {change.path for change in moved}
    say(f"   Re-read from the server, pool A now differs from before in {len(moved)} settings:")
    for change in moved:
        say(f"     {change}")
    if unexpected or missing:
        say(f"   UNEXPECTED: moved but not planned {unexpected}; planned but not moved {missing}")
        return None
    say("   Exactly the planned ones: triggers, KMS key, SES sender, tags, protection all kept.")
    return pool


def _refuse(pool: Pool, say: Callable[[str], None]) -> bool:
    """Show a ValidationError for ``_BAD_CHANGE``; False if the change was accepted."""
    say('   >>> pool.update(deletion_protection="MAYBE",')
    say('   ...             lambda_config={"kms_key_id": "alias/shop-email-sender"},')
    say('   ...             policies={"password_policy": {"minimum_length": 3}})')
    try:
        pool.update(**_BAD_CHANGE)
    except ValidationError as error:
        say(f"   ValidationError: {len(error.problems)} problems; nothing was written:")
        for problem in error.problems:
            say(f"     - {problem}")
        return True
    say("   UNEXPECTED: the change was accepted")
    return False


def _summary(pool: Pool, say: Callable[[str], None]) -> None:
    config = pool.config
    lambdas = config.lambda_config
    triggers: list[str] = []
    if lambdas is not None:
        triggers = [
            field.name
            for field in attrs.fields(type(lambdas))
            if getattr(lambdas, field.name) is not None
            and field.name not in {"kms_key_id", "pre_token_generation_config"}
        ]
        if lambdas.kms_key_id is not None:
            triggers.append("kms_key_id")
    policy = config.policies.password_policy if config.policies else None
    email = config.email_configuration
    rows: list[tuple[str, object]] = [
        ("pool_name", config.pool_name),
        ("deletion_protection", config.deletion_protection),
        ("mfa_configuration", config.mfa_configuration),
        ("policies.password_policy.minimum_length", policy and policy.minimum_length),
        ("email_configuration.from_", email and email.from_),
        ("user_pool_tags", dict(config.user_pool_tags or {})),
    ]
    rows.append(("lambda_config", ", ".join(triggers)))
    for label, value in rows:
        shown = value if isinstance(value, str) and label == "lambda_config" else repr(value)
        line = f"   {label:<40} {shown}"
        say(textwrap.fill(line, _WIDTH, subsequent_indent=" " * 44, break_on_hyphens=False))


def _grouped(changes: tuple[SettingChange, ...]) -> list[tuple[str, int]]:
    """One line per top-level setting: the change itself, or a count and the names.

    Each line comes with the number of settings it names; a count says exactly as many as the
    names that follow it.
    """
    groups: dict[str, list[SettingChange]] = {}
    for change in changes:
        groups.setdefault(change.path.split(".")[0], []).append(change)
    lines: list[tuple[str, int]] = []
    for top, members in groups.items():
        if len(members) == 1:
            lines.append((str(members[0]), 1))
            continue
        names = _distinct_names([change.path for change in members])
        cleared = all(change.new is None for change in members)
        verb = "cleared" if cleared else "changed"
        noun = "setting" if len(names) == 1 else "settings"
        marker = "-" if cleared else "~"
        lines.append(
            (f"{marker} {top}: {len(names)} {noun} {verb} ({', '.join(names)})", len(names))
        )
    return lines


def _distinct_names(paths: list[str]) -> list[str]:
    """The first differing path segments, after the prefix that all paths share."""
    split = [path.split(".") for path in paths]
    shared = 0
    while (
        all(len(parts) > shared + 1 for parts in split)
        and len({parts[shared] for parts in split}) == 1
    ):
        shared += 1
    return list(dict.fromkeys(parts[shared] for parts in split))


def _wrap(text: str) -> str:
    """Wrap a long line, continuing it a little further indented than it starts."""
    if len(text) <= _WIDTH or "\n" in text:
        return text
    indent = " " * (len(text) - len(text.lstrip()) + 4)
    return textwrap.fill(text, _WIDTH, subsequent_indent=indent, break_on_hyphens=False)

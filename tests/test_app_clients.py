"""App clients end to end, against moto made to reset what UpdateUserPoolClient leaves out.

Every fixture client in ``tests/clients/`` gets random changes of one to three settings through
``pools.app_client(pool_id, client_id).update(**changes)``. On a peer that resets omitted members
(``cognito_pools/_resetting_moto.py``), a setting the update forgot to send would come back at its
default, so "nothing else moved" is real evidence; and planning the same change again must find
nothing to do.
"""

from __future__ import annotations

import logging
import random
from typing import TYPE_CHECKING, Any

import boto3
import pytest
from moto import mock_aws

from cognito_pools import (
    AppClient,
    PoolNotFoundError,
    UserPoolClientConfig,
    UserPools,
    ValidationError,
)
from cognito_pools.client_rules import UNIT_SECONDS
from cognito_pools.grammar import diff

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

REGION = "us-east-1"
ROUNDS = 5
"""Random changes per fixture client (each one an update, a describe and a plan)."""
ATTRIBUTES = ("email", "phone_number", "name", "nickname", "given_name")
FLOWS = (
    "ALLOW_USER_SRP_AUTH",
    "ALLOW_REFRESH_TOKEN_AUTH",
    "ALLOW_CUSTOM_AUTH",
    "ALLOW_USER_PASSWORD_AUTH",
)
SCOPES = ("openid", "email", "profile", "phone")


@pytest.fixture
def cognito() -> Iterator[Any]:
    with mock_aws():
        yield boto3.client("cognito-idp", region_name=REGION)


@pytest.fixture
def make_client(cognito: Any) -> Callable[[dict[str, Any]], tuple[str, str]]:
    pool_id: str = cognito.create_user_pool(PoolName="clients")["UserPool"]["Id"]

    def make(kwargs: dict[str, Any]) -> tuple[str, str]:
        created = cognito.create_user_pool_client(UserPoolId=pool_id, **kwargs)
        return pool_id, created["UserPoolClient"]["ClientId"]

    return make


# --- random changes ----------------------------------------------------------------------------


def _urls(rng: random.Random) -> list[str]:
    return [f"https://app{rng.randrange(100)}.example.com/cb" for _ in range(rng.randint(1, 3))]


def _validity(rng: random.Random, config: UserPoolClientConfig, kind: str) -> int | None:
    """A number in range for the unit the client reads this token's validity in, or None."""
    if rng.random() < 0.2:
        return None
    units = config.token_validity_units
    refresh = kind == "refresh"
    unit = (getattr(units, f"{kind}_token") if units is not None else None) or (
        "days" if refresh else "hours"
    )
    shortest, longest = (3600, 3650 * 86400) if refresh else (300, 86400)
    low = -(-shortest // UNIT_SECONDS[unit])
    high = longest // UNIT_SECONDS[unit]
    return rng.randint(low, min(high, low + 50))


def random_change(
    rng: random.Random, config: UserPoolClientConfig, *, secret: bool
) -> dict[str, Any]:
    """One to three settings, each set, cleared or merged, as a caller might."""
    makers: dict[str, Callable[[], Any]] = {
        "client_name": lambda: f"renamed-{rng.randrange(1000)}",
        "refresh_token_validity": lambda: _validity(rng, config, "refresh"),
        "access_token_validity": lambda: _validity(rng, config, "access"),
        "id_token_validity": lambda: _validity(rng, config, "id"),
        "read_attributes": lambda: rng.choice([None, sorted(rng.sample(ATTRIBUTES, 2))]),
        "write_attributes": lambda: rng.choice([None, sorted(rng.sample(ATTRIBUTES, 3))]),
        "explicit_auth_flows": lambda: rng.choice([None, sorted(rng.sample(FLOWS, 2))]),
        "supported_identity_providers": lambda: rng.choice([None, ["COGNITO"]]),
        "logout_urls": lambda: rng.choice([None, _urls(rng)]),
        "allowed_o_auth_scopes": lambda: sorted(rng.sample(SCOPES, rng.randint(1, 3))),
        "analytics_configuration": lambda: rng.choice(
            [None, {"user_data_shared": rng.random() < 0.5}]
        ),
        "prevent_user_existence_errors": lambda: rng.choice([None, "LEGACY", "ENABLED"]),
        "enable_token_revocation": lambda: rng.choice([None, True, False]),
        "enable_propagate_additional_user_context_data": lambda: rng.choice(
            [None, False, *([True] if secret else [])]
        ),
        "auth_session_validity": lambda: rng.choice([None, rng.randint(3, 15)]),
        "refresh_token_rotation": lambda: rng.choice(
            [None, {"feature": "DISABLED", "retry_grace_period_seconds": rng.randint(0, 60)}]
        ),
    }
    if not config.allowed_o_auth_flows:  # these need OAuth flows and callbacks to agree
        makers["callback_urls"] = lambda: rng.choice([None, _urls(rng)])
    names = rng.sample(sorted(makers), rng.randint(1, 3))
    return {name: makers[name]() for name in names}


# --- what a user would notice ------------------------------------------------------------------


def unrequested(
    before: UserPoolClientConfig, after: UserPoolClientConfig, change: dict[str, Any]
) -> list[str]:
    """Paths that moved although the change did not name them (or anything around them)."""
    return [moved.path for moved in diff(before, after) if moved.path.split(".")[0] not in change]


@pytest.mark.usefixtures("resetting_clients")
def test_random_changes_move_nothing_else_and_converge(
    client_kwargs: dict[str, Any],
    make_client: Callable[[dict[str, Any]], tuple[str, str]],
    cognito: Any,
) -> None:
    pool_id, client_id = make_client(client_kwargs)
    pools = UserPools(cognito)
    rng = random.Random(client_kwargs["ClientName"])  # noqa: S311 - reproducible test data
    secret = bool(client_kwargs.get("GenerateSecret"))
    written = 0
    for _ in range(ROUNDS):
        app = pools.app_client(pool_id, client_id)
        before = app.config
        change = random_change(rng, before, secret=secret)
        try:
            plan = app.plan(**change)
            updated = app.update(**change)
        except ValidationError:
            # Refused before any write: the client must be exactly as it was.
            assert pools.app_client(pool_id, client_id).config == before, change
            continue
        assert isinstance(updated, AppClient)
        after = pools.app_client(pool_id, client_id).config
        assert unrequested(before, after, change) == [], change
        landed = {moved.path: moved.new for moved in diff(before, after)}
        assert landed == {c.path: c.new for c in plan}, change
        assert updated.config == after
        assert not pools.plan_app_client(pool_id, client_id, **change), change  # converged
        written += bool(plan)
    assert written, "every random change was refused: the test proves nothing"


@pytest.mark.usefixtures("resetting_clients")
def test_update_app_client_is_one_describe_and_one_update(
    make_client: Callable[[dict[str, Any]], tuple[str, str]],
    cognito: Any,
    load_client: Callable[[str], dict[str, Any]],
    record_calls: Callable[[Any], list[str]],
) -> None:
    pool_id, client_id = make_client(load_client("21"))
    pools = UserPools(cognito)
    calls = record_calls(cognito)

    pools.update_app_client(pool_id, client_id, logout_urls=["https://app.example.com/bye"])
    assert calls == ["DescribeUserPoolClient", "UpdateUserPoolClient"]

    calls.clear()
    pools.update_app_client(pool_id, client_id, logout_urls=["https://app.example.com/bye"])
    assert calls == ["DescribeUserPoolClient"]  # nothing to change: nothing written

    calls.clear()
    plan = pools.plan_app_client(pool_id, client_id, logout_urls=None)
    assert calls == ["DescribeUserPoolClient"]
    assert [change.path for change in plan] == ["logout_urls"]

    # The trap a plain call springs is not sprung: everything else is still there.
    config = pools.app_client(pool_id, client_id).config
    assert config.callback_urls == tuple(load_client("21")["CallbackURLs"])
    assert config.token_validity_units is not None
    units = config.token_validity_units
    assert (units.access_token, units.id_token) == ("minutes", "minutes")


@pytest.mark.usefixtures("resetting_clients")
def test_clearing_an_always_reported_setting_sends_its_default_and_converges(
    make_client: Callable[[dict[str, Any]], tuple[str, str]],
    cognito: Any,
    load_client: Callable[[str], dict[str, Any]],
) -> None:
    pool_id, client_id = make_client(load_client("15"))  # refresh 24 hours
    pools = UserPools(cognito)
    plan = pools.plan_app_client(
        pool_id, client_id, refresh_token_validity=None, auth_session_validity=None
    )
    # 30 days in the client's own unit: hours. The session was already at its default of 3.
    assert [(c.path, c.old, c.new) for c in plan] == [("refresh_token_validity", 24, 720)]
    app = pools.update_app_client(pool_id, client_id, refresh_token_validity=None)
    assert app.config.refresh_token_validity == 720
    assert not pools.plan_app_client(pool_id, client_id, refresh_token_validity=None)


@pytest.mark.usefixtures("resetting_clients")
def test_secrets_manager_is_written_only_when_named_and_planned_once(
    make_client: Callable[[dict[str, Any]], tuple[str, str]],
    cognito: Any,
    load_client: Callable[[str], dict[str, Any]],
) -> None:
    pool_id, client_id = make_client(load_client("33"))
    pools = UserPools(cognito)
    sent: list[dict[str, Any]] = []
    cognito.meta.events.register(
        "provide-client-params.cognito-idp.UpdateUserPoolClient",
        lambda params, **_: sent.append(dict(params)),
    )
    pools.update_app_client(pool_id, client_id, client_name="machine")
    assert "PublishSecretsInAWSSecretsManager" not in sent[-1]

    plan = pools.plan_app_client(pool_id, client_id, publish_secrets_in_aws_secrets_manager=True)
    assert [(c.path, c.old, c.new) for c in plan] == [
        ("publish_secrets_in_aws_secrets_manager", False, True)
    ]
    app = pools.update_app_client(pool_id, client_id, publish_secrets_in_aws_secrets_manager=True)
    assert sent[-1]["PublishSecretsInAWSSecretsManager"] is True
    assert app.refresh().facts.client_secret_arn is not None
    assert not pools.plan_app_client(
        pool_id, client_id, publish_secrets_in_aws_secrets_manager=True
    )


def test_the_secret_is_in_no_repr_plan_or_log(
    make_client: Callable[[dict[str, Any]], tuple[str, str]],
    cognito: Any,
    load_client: Callable[[str], dict[str, Any]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    pool_id, client_id = make_client(load_client("09"))
    secret = cognito.describe_user_pool_client(UserPoolId=pool_id, ClientId=client_id)[
        "UserPoolClient"
    ]["ClientSecret"]
    caplog.set_level(logging.DEBUG)
    pools = UserPools(cognito)
    app = pools.app_client(pool_id, client_id)
    plan = app.plan(auth_session_validity=5)
    app = app.update(auth_session_validity=5, verify=True)
    shown = " ".join(
        [repr(app), repr(app.facts), repr(app.config), str(plan), repr(plan), caplog.text]
    )
    assert app.facts.client_secret == secret  # the attribute holds it; nothing shows it
    assert secret not in shown


def test_an_unknown_app_client_is_reported_before_anything_is_written(
    make_client: Callable[[dict[str, Any]], tuple[str, str]], cognito: Any
) -> None:
    pool_id, _ = make_client({"ClientName": "one"})
    with pytest.raises(PoolNotFoundError):
        UserPools(cognito).update_app_client(pool_id, "nosuchclient", auth_session_validity=5)


def test_a_misspelled_setting_is_refused_before_any_call(
    make_client: Callable[[dict[str, Any]], tuple[str, str]],
    cognito: Any,
    record_calls: Callable[[Any], list[str]],
) -> None:
    pool_id, client_id = make_client({"ClientName": "one"})
    calls = record_calls(cognito)
    with pytest.raises(ValidationError) as refused:
        UserPools(cognito).update_app_client(pool_id, client_id, callback_url=["https://x.example"])  # type: ignore[call-arg]
    assert refused.value.paths == ("callback_url",)
    assert "callback_urls" in str(refused.value)
    assert calls == []

"""App clients, as the type checkers see them: each line must type-check under mypy --strict
and pyright strict, with the revealed types asserted."""

from __future__ import annotations

from typing_extensions import assert_type

from cognito_pools import (
    AppClient,
    AppClientSummary,
    Plan,
    TokenValidityUnits,
    UserPoolClientChange,
    UserPoolClientConfig,
    UserPoolClientFacts,
    UserPools,
)


def reading(pools: UserPools) -> None:
    assert_type(pools.app_clients("us-east-1_AbC123"), list[AppClientSummary])
    app = pools.app_client("us-east-1_AbC123", "1example23456789")
    assert_type(app, AppClient)
    assert_type(app.config, UserPoolClientConfig)
    assert_type(app.facts, UserPoolClientFacts)
    assert_type(app.config.callback_urls, tuple[str, ...] | None)
    assert_type(app.facts.client_secret, str | None)
    assert_type(app.id, str)
    assert_type(app.pool_id, str)


def changing(pools: UserPools, app: AppClient) -> None:
    assert_type(app.plan(callback_urls=["https://example.com/cb"]), Plan)
    assert_type(app.update(token_validity_units={"access_token": "minutes"}), AppClient)
    assert_type(
        app.update(token_validity_units=TokenValidityUnits(id_token="hours")),  # noqa: S106
        AppClient,
    )
    assert_type(app.update(if_unchanged=True, verify=True, logout_urls=None), AppClient)
    assert_type(app.apply(app.plan(auth_session_validity=5)), AppClient)
    assert_type(
        pools.update_app_client(
            "us-east-1_AbC123", "1example23456789", explicit_auth_flows=["ALLOW_USER_SRP_AUTH"]
        ),
        AppClient,
    )
    assert_type(
        pools.plan_app_client(
            "us-east-1_AbC123", "1example23456789", allowed_o_auth_flows=["code"]
        ),
        Plan,
    )
    change: UserPoolClientChange = {"refresh_token_rotation": {"feature": "ENABLED"}}
    assert_type(app.update(**change), AppClient)

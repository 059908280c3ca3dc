# Every app-client call below is wrong, and each line must be flagged by BOTH checkers (see
# must_fail.py for how an unneeded ignore turns into an error). Ruff skips this file.

from __future__ import annotations

from cognito_pools import AppClient, UserPools


def wrong_calls(pools: UserPools, app: AppClient) -> None:
    # A misspelled client setting.
    app.update(callback_url=["https://example.com/cb"])  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    pools.update_app_client("us-east-1_AbC123", "1example23456789", allowed_oauth_flows=["code"])  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # A wrong enum value, inside a list and inside a structure.
    app.update(allowed_o_auth_flows=["password"])  # type: ignore[list-item]  # pyright: ignore[reportArgumentType]
    app.update(explicit_auth_flows=["ALLOW_EVERYTHING"])  # type: ignore[list-item]  # pyright: ignore[reportArgumentType]
    app.plan(token_validity_units={"access_token": "weeks"})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    app.update(prevent_user_existence_errors="ON")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # A misspelled key inside a nested change, and a wrong value type.
    app.update(token_validity_units={"access": "hours"})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    app.update(access_token_validity="60")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # The pool's settings are not the client's.
    app.update(deletion_protection="ACTIVE")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]

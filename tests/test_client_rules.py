"""The app-client rules (``cognito_pools.client_rules``), on their own and as exact requests.

The rule functions are pure, so most of them are checked on wire dictionaries directly. The
requests an update sends are checked with botocore's Stubber, which also validates every request
against the service model: each test queues the describe answer and the one update request that
must follow, so any other request, or a request where none is due, fails the test.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs
import boto3
import botocore.session
import pytest
from botocore import xform_name
from botocore.stub import Stubber

from cognito_pools import (
    UserPoolClientChange,
    UserPoolClientConfig,
    UserPoolClientFacts,
    UserPools,
    ValidationError,
    engine,
)
from cognito_pools.client_rules import (
    CLIENT,
    DEFAULT_AUTH_FLOWS,
    DURATION_DEFAULTS,
    OMISSIONS,
    PUBLISH,
    TOKENS,
)
from cognito_pools.grammar import merge_settings
from cognito_pools.resources.app_client import APP_CLIENT

if TYPE_CHECKING:
    from collections.abc import Iterator

POOL_ID = "us-east-1_AbC123"
CLIENT_ID = "1example23456789"
SECRET = "s3cr3tvaluethatnobodyshouldsee0123456789"  # noqa: S105 - a made-up one
IDS = {"UserPoolId": POOL_ID, "ClientId": CLIENT_ID}

SPA: dict[str, Any] = {
    "ClientName": "spa",
    "RefreshTokenValidity": 30,
    "AccessTokenValidity": 60,
    "IdTokenValidity": 60,
    "TokenValidityUnits": {"AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "days"},
    "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    "SupportedIdentityProviders": ["COGNITO"],
    "CallbackURLs": ["https://app.example.com/callback"],
    "LogoutURLs": ["https://app.example.com/"],
    "AllowedOAuthFlows": ["code"],
    "AllowedOAuthScopes": ["openid", "email"],
    "AllowedOAuthFlowsUserPoolClient": True,
    "PreventUserExistenceErrors": "ENABLED",
    "EnableTokenRevocation": True,
    "EnablePropagateAdditionalUserContextData": False,
    "AuthSessionValidity": 3,
}
"""A single-page app's client as DescribeUserPoolClient reports it (fixture 21's shape)."""


def _settle(old: dict[str, Any], change: dict[str, Any], *, secret: bool = False) -> Any:
    """What the engine makes of ``change`` on ``old``: the defaults, then the client's rules."""
    if secret:  # as the describe of a client with a secret in Cognito reads
        old = {**old, PUBLISH: False}
    merged = merge_settings(old, change, CLIENT)
    return engine.settle(APP_CLIENT, old, merged, change)


def check_change(change: dict[str, Any]) -> list[Any]:
    """What is refused before any call: the rules' own checks and the refused clears."""
    return APP_CLIENT.rules.check_change(change, None) + engine.refused_clears(APP_CLIENT, change)


def _paths(problems: list[Any]) -> list[str]:
    return [problem.path for problem in problems]


# --- the tables ---------------------------------------------------------------------------------


def test_the_models_are_update_user_pool_client_and_what_only_its_describe_has() -> None:
    model = botocore.session.get_session().get_service_model("cognito-idp")
    update = model.operation_model("UpdateUserPoolClient").input_shape.members
    described = model.shape_for("UserPoolClientType").members
    config = {field.name for field in attrs.fields(UserPoolClientConfig)}
    facts = {field.name for field in attrs.fields(UserPoolClientFacts)}
    assert config == {xform_name(wire) for wire in update} - {"user_pool_id", "client_id"}
    assert facts == {xform_name(wire) for wire in described if wire not in update}
    assert facts == {
        "client_secret",
        "client_secret_arn",
        "client_type",
        "creation_date",
        "last_modified_date",
    }
    keys = UserPoolClientChange.__optional_keys__ | UserPoolClientChange.__required_keys__
    assert keys == config
    assert "client_secret='***'" in repr(UserPoolClientFacts(client_secret=SECRET))


def test_the_omission_table_has_one_row_per_member_each_with_a_source() -> None:
    paths = [row.path for row in OMISSIONS if "." not in row.path]
    assert sorted(paths) == sorted(member.name for member in CLIENT.members)
    assert all(row.source for row in OMISSIONS)
    not_reset = [row.path for row in OMISSIONS if row.omitted != "reset"]
    assert not_reset == ["publish_secrets_in_aws_secrets_manager"]
    # A validity number's default depends on its unit, so the rules send it, not the table.
    assert all(APP_CLIENT.rows[path].clears_to is None for path in DURATION_DEFAULTS)


def test_every_token_limit_names_a_number_and_a_unit_of_the_table() -> None:
    units = CLIENT.member("token_validity_units")
    assert units is not None
    assert units.value.structure is not None
    for limit in TOKENS:
        assert CLIENT.member(limit.number) is not None
        assert units.value.structure.member(limit.unit) is not None
        assert limit.source


# --- token validity -----------------------------------------------------------------------------


def test_changing_units_alone_rechecks_the_numbers_it_keeps() -> None:
    _, problems = _settle(SPA, {"token_validity_units": {"access_token": "hours"}})
    assert _paths(problems) == ["access_token_validity"]
    assert "60 hours" in problems[0].message
    assert "1 to 24 hours" in problems[0].message


def test_clearing_the_units_rereads_the_numbers_in_hours() -> None:
    _, problems = _settle(SPA, {"token_validity_units": None})
    assert _paths(problems) == ["access_token_validity", "id_token_validity"]


def test_a_number_and_its_unit_changed_together_are_read_together() -> None:
    new, problems = _settle(
        SPA, {"token_validity_units": {"access_token": "hours"}, "access_token_validity": 1}
    )
    assert problems == []
    assert new["AccessTokenValidity"] == 1


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"access_token_validity": 4}, "access_token_validity"),  # 4 minutes: under 5
        ({"id_token_validity": 1441}, "id_token_validity"),  # a minute over a day
        ({"refresh_token_validity": 3651}, "refresh_token_validity"),  # days: over ten years
        ({"refresh_token_validity": 0}, "refresh_token_validity"),  # Cognito would write 30
    ],
)
def test_numbers_out_of_range_in_their_unit_are_refused(change: dict[str, Any], path: str) -> None:
    _, problems = _settle(SPA, change)
    assert path in _paths(problems)


def test_refresh_in_hours_reaches_its_minimum_at_one() -> None:
    hours = {**SPA, "TokenValidityUnits": {**SPA["TokenValidityUnits"], "RefreshToken": "hours"}}
    assert _settle(hours, {"refresh_token_validity": 1})[1] == []
    assert _paths(_settle(SPA, {"token_validity_units": {"refresh_token": "minutes"}})[1]) == [
        "refresh_token_validity"  # 30 minutes is under the hour
    ]


def test_clearing_refresh_validity_writes_thirty_days_in_the_clients_unit() -> None:
    hours = {**SPA, "RefreshTokenValidity": 24}
    hours["TokenValidityUnits"] = {**SPA["TokenValidityUnits"], "RefreshToken": "hours"}
    new, problems = _settle(hours, {"refresh_token_validity": None})
    assert problems == []
    assert new["RefreshTokenValidity"] == 720


def test_a_default_that_the_unit_cannot_write_is_refused_with_what_to_do() -> None:
    days = {**SPA, "TokenValidityUnits": {**SPA["TokenValidityUnits"], "AccessToken": "days"}}
    days["AccessTokenValidity"] = 1
    _, problems = _settle(days, {"access_token_validity": None})
    assert _paths(problems) == ["access_token_validity"]
    assert "1 hour" in problems[0].message


# --- flows and OAuth ----------------------------------------------------------------------------


def test_legacy_flow_names_never_beside_allow_names() -> None:
    _, problems = _settle(
        SPA, {"explicit_auth_flows": ["ADMIN_NO_SRP_AUTH", "ALLOW_USER_SRP_AUTH"]}
    )
    assert _paths(problems) == ["explicit_auth_flows"]
    assert (
        _settle(SPA, {"explicit_auth_flows": ["ADMIN_NO_SRP_AUTH", "USER_PASSWORD_AUTH"]})[1] == []
    )


def test_client_credentials_stands_alone_and_needs_a_secret() -> None:
    _, problems = _settle(SPA, {"allowed_o_auth_flows": ["client_credentials", "code"]})
    assert _paths(problems) == ["allowed_o_auth_flows", "allowed_o_auth_flows"]
    _, problems = _settle(
        SPA, {"allowed_o_auth_flows": ["client_credentials"], "callback_urls": None}, secret=True
    )
    assert problems == []


def test_code_and_implicit_need_callback_urls() -> None:
    _, problems = _settle(SPA, {"callback_urls": None})
    assert _paths(problems) == ["callback_urls"]


def test_the_default_redirect_uri_must_be_a_callback_url() -> None:
    _, problems = _settle(SPA, {"default_redirect_uri": "https://elsewhere.example.com"})
    assert _paths(problems) == ["default_redirect_uri"]
    fine = {"default_redirect_uri": "https://app.example.com/callback"}
    assert _settle(SPA, fine)[1] == []


def test_the_authorization_server_needs_flows_and_scopes() -> None:
    _, problems = _settle(SPA, {"allowed_o_auth_scopes": None})
    assert _paths(problems) == ["allowed_o_auth_flows_user_pool_client"]
    assert "allowed_o_auth_scopes" in problems[0].message


def test_empty_url_lists_are_refused_and_empty_attribute_lists_mean_unset() -> None:
    assert _paths(check_change({"callback_urls": [], "logout_urls": []})) == [
        "callback_urls",
        "logout_urls",
    ]
    old = {**SPA, "ReadAttributes": ["email"]}
    new, problems = _settle(old, {"read_attributes": []})
    assert problems == []
    assert "ReadAttributes" not in new


def test_rotation_cannot_be_enabled_beside_refresh_token_auth_even_by_default() -> None:
    rotate = {"refresh_token_rotation": {"feature": "ENABLED"}}
    assert _paths(_settle(SPA, rotate)[1]) == ["refresh_token_rotation.feature"]
    no_flows = {k: v for k, v in SPA.items() if k != "ExplicitAuthFlows"}
    assert "ALLOW_REFRESH_TOKEN_AUTH" in DEFAULT_AUTH_FLOWS
    assert _paths(_settle(no_flows, rotate)[1]) == ["refresh_token_rotation.feature"]
    srp_only = {**rotate, "explicit_auth_flows": ["ALLOW_USER_SRP_AUTH"]}
    assert _settle(SPA, srp_only)[1] == []


def test_context_data_needs_a_secret() -> None:
    change = {"enable_propagate_additional_user_context_data": True}
    assert _paths(_settle(SPA, change)[1]) == ["enable_propagate_additional_user_context_data"]
    assert _settle(SPA, change, secret=True)[1] == []


def test_rules_judge_only_what_the_change_touches() -> None:
    odd = {**SPA, "DefaultRedirectURI": "https://not-a-callback.example.com"}
    assert _settle(odd, {"client_name": "renamed"})[1] == []


def test_the_name_and_the_secret_management_cannot_be_cleared() -> None:
    problems = check_change({"client_name": None, "publish_secrets_in_aws_secrets_manager": None})
    assert _paths(problems) == ["client_name", "publish_secrets_in_aws_secrets_manager"]


def test_the_write_only_member_is_sent_only_when_named() -> None:
    settings = {**SPA, PUBLISH: True}  # as the describe of a published secret reads
    new, problems = _settle(settings, {"client_name": "renamed"})
    assert problems == []
    assert PUBLISH not in new
    assert APP_CLIENT.rules.as_reported(settings, new) == SPA  # so the diff does not list it
    new, problems = _settle(settings, {"publish_secrets_in_aws_secrets_manager": False})
    assert problems == []
    assert new[PUBLISH] is False


def test_secrets_manager_needs_a_secret() -> None:
    change = {"publish_secrets_in_aws_secrets_manager": True}
    assert _paths(_settle(SPA, change)[1]) == ["publish_secrets_in_aws_secrets_manager"]


# --- exact requests -----------------------------------------------------------------------------


@pytest.fixture
def stubbed() -> Iterator[tuple[UserPools, Stubber]]:
    client = boto3.client("cognito-idp", region_name="us-east-1")
    with Stubber(client) as stubber:
        yield UserPools(client), stubber
        stubber.assert_no_pending_responses()


def _described(stubber: Stubber, client: dict[str, Any]) -> None:
    stubber.add_response("describe_user_pool_client", {"UserPoolClient": {**IDS, **client}}, IDS)


def _updates(stubber: Stubber, request: dict[str, Any]) -> None:
    stubber.add_response("update_user_pool_client", {"UserPoolClient": IDS}, {**IDS, **request})


def test_a_one_setting_change_sends_the_whole_client_back(
    stubbed: tuple[UserPools, Stubber],
) -> None:
    pools, stubber = stubbed
    _described(stubber, {**SPA, "ClientSecret": SECRET, "CreationDate": 1700000000})
    _updates(stubber, {**SPA, "LogoutURLs": ["https://app.example.com/bye"]})
    pools.update_app_client(POOL_ID, CLIENT_ID, logout_urls=["https://app.example.com/bye"])


def test_clearing_the_units_sends_them_explicitly(stubbed: tuple[UserPools, Stubber]) -> None:
    pools, stubber = stubbed
    client = {**SPA, "AccessTokenValidity": 2, "IdTokenValidity": 2}
    _described(stubber, client)
    units = {"AccessToken": "hours", "IdToken": "hours", "RefreshToken": "days"}
    _updates(stubber, {**client, "TokenValidityUnits": units})
    pools.update_app_client(POOL_ID, CLIENT_ID, token_validity_units=None)


def test_clearing_always_reported_settings_sends_their_defaults(
    stubbed: tuple[UserPools, Stubber],
) -> None:
    pools, stubber = stubbed
    client = {**SPA, "EnableTokenRevocation": False, "AuthSessionValidity": 10}
    _described(stubber, client)
    expected = {**client, "EnableTokenRevocation": True, "AuthSessionValidity": 3}
    expected["PreventUserExistenceErrors"] = "LEGACY"
    _updates(stubber, expected)
    pools.update_app_client(
        POOL_ID,
        CLIENT_ID,
        enable_token_revocation=None,
        auth_session_validity=None,
        prevent_user_existence_errors=None,
    )


def test_a_refused_change_sends_nothing_after_the_describe(
    stubbed: tuple[UserPools, Stubber],
) -> None:
    pools, stubber = stubbed
    _described(stubber, SPA)  # no update queued: sending one would fail the test
    with pytest.raises(ValidationError) as refused:
        pools.update_app_client(POOL_ID, CLIENT_ID, token_validity_units={"id_token": "hours"})
    assert refused.value.paths == ("id_token_validity",)


def test_a_change_that_changes_nothing_sends_nothing(stubbed: tuple[UserPools, Stubber]) -> None:
    pools, stubber = stubbed
    _described(stubber, SPA)
    app = pools.update_app_client(POOL_ID, CLIENT_ID, callback_urls=SPA["CallbackURLs"])
    assert app.config.callback_urls == tuple(SPA["CallbackURLs"])

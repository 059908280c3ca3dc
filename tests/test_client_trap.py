"""The app-client trap, shown on the peer the other app-client tests run against.

A plain boto3 ``update_user_pool_client`` that names one member resets every other one (API
reference, UpdateUserPoolClient). moto merges instead, so the tests patch it to reset as AWS
documents (``cognito_pools/_resetting_moto.py``); these tests show that the patched peer springs the
trap, over HTTP as well as in-process, and that plain moto would not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import boto3
import pytest
from moto import mock_aws

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

REGION = "us-east-1"


@pytest.fixture
def in_process() -> Iterator[Any]:
    with mock_aws():
        yield boto3.client("cognito-idp", region_name=REGION)


def _client_from(cognito: Any, kwargs: dict[str, Any]) -> tuple[str, str]:
    pool_id = cognito.create_user_pool(PoolName="trap")["UserPool"]["Id"]
    created = cognito.create_user_pool_client(UserPoolId=pool_id, **kwargs)["UserPoolClient"]
    return pool_id, created["ClientId"]


def _describe(cognito: Any, pool_id: str, client_id: str) -> dict[str, Any]:
    answer = cognito.describe_user_pool_client(UserPoolId=pool_id, ClientId=client_id)
    described: dict[str, Any] = answer["UserPoolClient"]
    return described


def _rename_with_plain_boto3(cognito: Any, pool_id: str, client_id: str) -> dict[str, Any]:
    cognito.update_user_pool_client(UserPoolId=pool_id, ClientId=client_id, ClientName="renamed")
    return _describe(cognito, pool_id, client_id)


@pytest.mark.usefixtures("resetting_clients")
def test_a_plain_update_with_one_member_loses_the_rest(
    in_process: Any, load_client: Callable[[str], dict[str, Any]]
) -> None:
    pool_id, client_id = _client_from(in_process, load_client("21"))
    before = _describe(in_process, pool_id, client_id)
    assert before["CallbackURLs"]
    assert before["AllowedOAuthFlows"]

    after = _rename_with_plain_boto3(in_process, pool_id, client_id)

    assert after["ClientName"] == "renamed"
    for lost in (
        "CallbackURLs",
        "LogoutURLs",
        "AllowedOAuthFlows",
        "AllowedOAuthScopes",
        "ExplicitAuthFlows",
        "SupportedIdentityProviders",
        "TokenValidityUnits",
        "AccessTokenValidity",
        "IdTokenValidity",
        "PreventUserExistenceErrors",
    ):
        assert lost not in after, lost
    # What is left are the documented defaults: OAuth off, 30 days of refresh, revocation on.
    assert after["AllowedOAuthFlowsUserPoolClient"] is False
    assert after["RefreshTokenValidity"] == 30
    assert after["EnableTokenRevocation"] is True
    assert after["AuthSessionValidity"] == 3


@pytest.mark.usefixtures("resetting_clients")
def test_the_trap_springs_over_http_too(
    endpoint: str, load_client: Callable[[str], dict[str, Any]]
) -> None:
    cognito = boto3.client("cognito-idp", region_name=REGION, endpoint_url=endpoint)
    pool_id, client_id = _client_from(cognito, load_client("15"))
    after = _rename_with_plain_boto3(cognito, pool_id, client_id)
    # 5 minutes of access token became 5 hours: the number stayed, its unit was reset.
    assert "TokenValidityUnits" not in after
    assert "CallbackURLs" not in after
    assert "AccessTokenValidity" not in after


@pytest.mark.usefixtures("resetting_clients")
def test_a_refresh_unit_in_the_request_gets_the_default_in_that_unit(in_process: Any) -> None:
    pool_id, client_id = _client_from(in_process, {"ClientName": "units"})
    in_process.update_user_pool_client(
        UserPoolId=pool_id, ClientId=client_id, TokenValidityUnits={"RefreshToken": "hours"}
    )
    after = _describe(in_process, pool_id, client_id)
    assert after["RefreshTokenValidity"] == 720  # 30 days, in hours
    assert "ClientName" not in after  # left out, it was reset too


@pytest.mark.usefixtures("resetting_clients")
def test_secrets_manager_publishing_is_kept_when_left_out(in_process: Any) -> None:
    pool_id, client_id = _client_from(in_process, {"ClientName": "m2m", "GenerateSecret": True})
    assert "ClientSecret" in _describe(in_process, pool_id, client_id)
    in_process.update_user_pool_client(
        UserPoolId=pool_id,
        ClientId=client_id,
        ClientName="m2m",
        PublishSecretsInAWSSecretsManager=True,
    )
    published = _describe(in_process, pool_id, client_id)
    assert "ClientSecret" not in published
    assert published["ClientSecretArn"].startswith("arn:aws:secretsmanager:")

    after = _rename_with_plain_boto3(in_process, pool_id, client_id)
    assert after["ClientSecretArn"] == published["ClientSecretArn"]
    assert "PublishSecretsInAWSSecretsManager" not in after  # write-only: never described


def test_plain_moto_merges_which_is_why_the_peer_is_patched(
    in_process: Any, load_client: Callable[[str], dict[str, Any]]
) -> None:
    pool_id, client_id = _client_from(in_process, load_client("21"))
    after = _rename_with_plain_boto3(in_process, pool_id, client_id)
    assert after["CallbackURLs"] == load_client("21")["CallbackURLs"]

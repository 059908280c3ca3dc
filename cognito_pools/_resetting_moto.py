"""moto's app clients, made to reset what UpdateUserPoolClient leaves out, as AWS documents.

The demo and the tests run against it; the library itself never loads this module.

moto *merges* an UpdateUserPoolClient request into the stored client
(``moto/cognitoidp/models.py``, ``CognitoIdpBackend.update_user_pool_client``:
``client.extended_config.update(extended_config)``), so against plain moto a partial update
loses nothing and a test cannot see the trap. AWS does the opposite: "If you don't provide a
value for an attribute, Amazon Cognito sets it to its default value" (API reference,
UpdateUserPoolClient). :func:`resetting_client_updates` patches moto's backend so that an
update replaces the client's settings with the request, on top of the documented defaults that
a describe reports for members that are not set. Each default below carries its source.

The patch changes moto's classes, so it applies in-process (``mock_aws``) and to a
``ThreadedMotoServer`` running in the same process alike. It teaches moto nothing about the
library: it checks no rule, and keeps no member the library might forget. moto ships no type
information, so it is loaded by name and typed ``Any``.
"""

from __future__ import annotations

import contextlib
import importlib
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Generator, Mapping

__all__ = ["KEPT", "REPORTED_DEFAULTS", "Default", "reset_settings", "resetting_client_updates"]


class Default(NamedTuple):
    """A member a describe reports even when it was never set, with the value it then has."""

    member: str
    value: Any
    source: str


REPORTED_DEFAULTS = (
    Default(
        "RefreshTokenValidity",
        30,
        source="API reference, UpdateUserPoolClient, RefreshTokenValidity: 'your refresh "
        "tokens are valid for 30 days'; terraform-provider-aws "
        "TestAccCognitoIDPUserPoolClient_basic reads 30 back from a client that never set it; "
        "the AWS CLI update-user-pool-client example shows 30 after the reset",
    ),
    Default(
        "AuthSessionValidity",
        3,
        source="terraform-provider-aws TestAccCognitoIDPUserPoolClient_basic reads 3 back; "
        "AWS-RULES, app clients (3 to 15 minutes)",
    ),
    Default(
        "EnableTokenRevocation",
        value=True,
        source="terraform-provider-aws TestAccCognitoIDPUserPoolClient_basic reads true back; "
        "AWS-RULES, app clients ('EnableTokenRevocation on')",
    ),
    Default(
        "AllowedOAuthFlowsUserPoolClient",
        value=False,
        source="API reference, AllowedOAuthFlowsUserPoolClient: 'it defaults to false'; the "
        "AWS CLI update-user-pool-client example shows false after the reset",
    ),
    Default(
        "EnablePropagateAdditionalUserContextData",
        value=False,
        source="API reference, EnablePropagateAdditionalUserContextData: without it 'you "
        "can't send the source IP address'; moto's own create reports false",
    ),
)
"""Members a describe reports even when they were never set, with the value they then have.

Every other member left out of a request is gone afterwards: access and ID token validity,
units, attribute lists, flows, URLs, OAuth settings, analytics, existence errors and refresh
token rotation are all absent from the describe of a client that does not set them
(terraform-provider-aws TestAccCognitoIDPUserPoolClient_basic; API reference, ReadAttributes and
WriteAttributes: 'Amazon Cognito only populates ... if you have specified your own').
"""

KEPT: Mapping[str, str] = {
    "PublishSecretsInAWSSecretsManager": (
        "API reference, PublishSecretsInAWSSecretsManager: 'If you omit this parameter, Amazon "
        "Cognito doesn't change how it manages the existing secret'"
    ),
}
"""Members an update that leaves them out keeps."""

_UNIT_DAYS = {"seconds": 86400, "minutes": 1440, "hours": 24, "days": 1}
SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret/cognito-{client_id}"  # noqa: S105


def reset_settings(stored: Mapping[str, Any], request: Mapping[str, Any]) -> dict[str, Any]:
    """What AWS stores after UpdateUserPoolClient: the request, on the documented defaults."""
    settings = {default.member: default.value for default in REPORTED_DEFAULTS}
    # "30 days" is a duration: a request that reads refresh numbers in another unit gets it
    # written in that unit (API reference, TokenValidityUnits).
    units: Mapping[str, Any] = request.get("TokenValidityUnits") or {}
    settings["RefreshTokenValidity"] = 30 * _UNIT_DAYS.get(str(units.get("RefreshToken")), 1)
    settings.update({name: stored[name] for name in KEPT if name in stored})
    settings.update(request)
    return settings


@contextlib.contextmanager
def resetting_client_updates() -> Generator[None]:
    """Make moto's UpdateUserPoolClient reset what it is not given, for the ``with`` block."""
    models: Any = importlib.import_module("moto.cognitoidp.models")
    missing: Any = importlib.import_module("moto.cognitoidp.exceptions").ResourceNotFoundError
    backend, stored = models.CognitoIdpBackend, models.CognitoIdpUserPoolClient
    plain_update, plain_to_json = backend.update_user_pool_client, stored.to_json

    def update_user_pool_client(
        self: Any, user_pool_id: str, client_id: str, extended_config: dict[str, Any]
    ) -> Any:
        client = self.describe_user_pool(user_pool_id).clients.get(client_id)
        if not client:
            raise missing(client_id)
        client.extended_config = reset_settings(client.extended_config, extended_config)
        return client

    def to_json(self: Any, extended: bool = False) -> dict[str, Any]:  # noqa: FBT001, FBT002 - moto's
        """Moto's answer, the write-only member hidden and a published secret shown as its ARN."""
        answer: dict[str, Any] = plain_to_json(self, extended)
        published = answer.pop("PublishSecretsInAWSSecretsManager", None)
        if published and "ClientSecret" in answer:
            # API reference: 'the response returns ClientSecretArn instead of ClientSecret'.
            del answer["ClientSecret"]
            answer["ClientSecretArn"] = SECRET_ARN.format(client_id=self.id)
        return answer

    backend.update_user_pool_client, stored.to_json = update_user_pool_client, to_json
    try:
        yield
    finally:
        backend.update_user_pool_client, stored.to_json = plain_update, plain_to_json

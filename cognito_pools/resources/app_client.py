"""An app client as the engine sees it: DescribeUserPoolClient in, UpdateUserPoolClient out.

UpdateUserPoolClient resets every member it is not given, like UpdateUserPool; the one member
it keeps is write-only. What it does with each member, with a source per row, is the table
:data:`~cognito_pools.client_rules.OMISSIONS`; the rules between the settings are
:class:`~cognito_pools.client_rules.ClientRules`. The describe-only members (the secret, its
Secrets Manager ARN, the client type, the dates) are what the runtime describe reports beyond
the table, read into :class:`~cognito_pools.models.UserPoolClientFacts`.
"""

from __future__ import annotations

from cognito_pools.client_rules import CLIENT, OMISSIONS, ClientRules
from cognito_pools.resource import Resource

__all__ = ["APP_CLIENT"]

APP_CLIENT = Resource(
    noun="app client",
    structure=CLIENT,
    describe="describe_user_pool_client",
    update="update_user_pool_client",
    identifiers=("UserPoolId", "ClientId"),
    answer_key="UserPoolClient",
    omissions=OMISSIONS,
    rules=ClientRules(),
    facts_class="UserPoolClientFacts",
)
"""The app client, as the engine reads and writes it."""

"""Failures outside Cognito's answers still arrive as CognitoPoolsError, with the cause kept."""

from __future__ import annotations

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import EndpointConnectionError

from cognito_pools import CallFailedError, CognitoPoolsError, UserPools


def test_an_unreachable_endpoint_is_a_call_failed_error():
    client = boto3.client(
        "cognito-idp",
        region_name="us-east-1",
        endpoint_url="http://127.0.0.1:9",  # the discard port: nothing listens there
        config=Config(retries={"max_attempts": 1}, connect_timeout=1),
    )
    with pytest.raises(CallFailedError, match="describe_user_pool could not be sent") as caught:
        UserPools(client).get("us-east-1_Nowhere")
    assert isinstance(caught.value, CognitoPoolsError)
    assert isinstance(caught.value.__cause__, EndpointConnectionError)


def test_no_region_is_a_call_failed_error(monkeypatch):
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    monkeypatch.delenv("AWS_REGION", raising=False)
    with pytest.raises(CallFailedError, match="could not create a cognito-idp client"):
        UserPools(session=boto3.Session())

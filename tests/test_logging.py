"""What the library logs, and that no secret reaches a log record, a repr, a plan or an error."""

from __future__ import annotations

import logging
from typing import Any

import boto3
import pytest

from cognito_pools import SmsConfiguration, UserPools, ValidationError

MARKER = "marker-0d5e-external-id"
ROLE = "arn:aws:iam::123456789012:role/cognito-sms"


@pytest.fixture
def client(endpoint: str) -> Any:
    return boto3.client(
        "cognito-idp",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",  # noqa: S106 - moto's dummy
    )


def everything_in(record: logging.LogRecord) -> str:
    return " ".join([record.getMessage(), repr(record.args), repr(vars(record))])


def test_the_external_id_appears_in_no_log_record_repr_plan_or_error(client, caplog):
    caplog.set_level(logging.DEBUG)  # every logger, botocore's request and response bodies too
    pool_id = client.create_user_pool(PoolName="secrets")["UserPool"]["Id"]
    pool = UserPools(client).get(pool_id)
    sms = {"sns_caller_arn": ROLE, "external_id": MARKER}

    plan = pool.plan(sms_configuration=sms)
    pool = pool.update(sms_configuration=sms)
    pool = pool.refresh()
    plan_of_change = pool.plan(sms_configuration={"external_id": f"{MARKER}-2"})
    with pytest.raises(ValidationError) as caught:
        pool.plan(sms_configuration={"external_id": MARKER * 10_000})  # over the length limit

    assert pool.config.sms_configuration == SmsConfiguration(
        sns_caller_arn=ROLE, external_id=MARKER, sns_region=None
    )  # the value itself is kept and written
    shown = [
        str(plan),
        repr(plan),
        str(plan_of_change),
        repr(plan_of_change.changes),
        repr(pool.config),
        str(caught.value),
        *map(everything_in, caplog.records),
    ]
    assert not [text for text in shown if MARKER in text]
    assert "~ sms_configuration.external_id: '***' -> '***'" in str(plan_of_change)
    assert any("ExternalId" in everything_in(record) for record in caplog.records)  # redacted


def test_one_debug_record_per_call_and_one_info_record_per_write(client, caplog):
    caplog.set_level(logging.DEBUG, logger="cognito_pools")
    pool_id = client.create_user_pool(PoolName="logged")["UserPool"]["Id"]
    pool = UserPools(client).get(pool_id)
    caplog.clear()

    pool.update(deletion_protection="ACTIVE", policies={"password_policy": {"minimum_length": 9}})

    ours = [record for record in caplog.records if record.name == "cognito_pools"]
    calls = [record for record in ours if record.levelno == logging.DEBUG]
    assert [(r.operation, r.pool_id, r.attempt) for r in calls] == [  # type: ignore[attr-defined]
        ("DescribeUserPool", pool_id, 1),
        ("UpdateUserPool", pool_id, 1),
    ]
    assert set(calls[1].paths) == {  # type: ignore[attr-defined]
        "deletion_protection",
        "policies.password_policy.minimum_length",
    }
    writes = [record for record in ours if record.levelno == logging.INFO]
    assert len(writes) == 1
    assert pool_id in writes[0].getMessage()
    assert "deletion_protection" in writes[0].getMessage()

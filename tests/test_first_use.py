"""What a fresh interpreter loads for its first update: only what the change needs.

A CLI call, a Lambda cold start or a deploy step makes one update and exits, so everything the
update path imports is paid on every run. An update given plain mappings works on the describe's
wire form and the schema tables; the model classes (some forty attrs classes), attrs, cattrs and
the MFA step load only when something asks for them. Each case runs in its own interpreter,
against canned answers at botocore's ``before-send`` (botocore does all of its work; nothing
leaves the process).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
POOL = ROOT / "tests" / "pools" / "31-aws-api-example-all-properties.json"

PROBE = """
import json, sys
import boto3
from botocore.awsrequest import AWSResponse

body = json.dumps({"UserPool": json.loads(sys.argv[1])}).encode()
sent = []

class Canned:
    def __init__(self, body): self.body = body
    def stream(self, **_): yield self.body

def answer(request, **_):
    operation = request.headers["X-Amz-Target"].decode().rpartition(".")[2]
    sent.append((operation, json.loads(request.body or b"{}")))
    answers = {"DescribeUserPool": body, "GetUserPoolMfaConfig": b'{"MfaConfiguration": "OFF"}'}
    headers = {"x-amzn-requestid": "canned", "content-type": "application/x-amz-json-1.1"}
    return AWSResponse(request.url, 200, headers, Canned(answers.get(operation, b"{}")))

client = boto3.client("cognito-idp", region_name="us-east-1",
                      aws_access_key_id="test", aws_secret_access_key="test")
client.meta.events.register("before-send.cognito-idp", answer)
from cognito_pools import UserPools
pool = UserPools(client).get("us-east-1_Example")
exec(sys.argv[2])
loaded = [name for name in ("cognito_pools.models", "cognito_pools.mfa", "attr", "cattrs")
          if name in sys.modules]
print(json.dumps({"loaded": loaded, "sent": sent}))
"""


def _first_update(code: str) -> dict[str, object]:
    user_pool = json.loads(POOL.read_text())["create_user_pool"]
    user_pool = {**user_pool, "Id": "us-east-1_Example", "Name": user_pool["PoolName"]}
    result = subprocess.run(  # noqa: S603 - this interpreter and a fixed probe
        [sys.executable, "-c", PROBE, json.dumps(user_pool), code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    found: dict[str, object] = json.loads(result.stdout)
    return found


def test_an_update_given_mappings_loads_no_models_attrs_or_cattrs() -> None:
    found = _first_update("pool.update(policies={'password_policy': {'minimum_length': 13}})")
    assert found["loaded"] == []
    operations = [operation for operation, _ in found["sent"]]  # type: ignore[attr-defined]
    assert operations == ["DescribeUserPool", "DescribeUserPool", "UpdateUserPool"]
    update = found["sent"][-1][1]  # type: ignore[index]
    assert update["Policies"]["PasswordPolicy"]["MinimumLength"] == 13
    assert (
        update["LambdaConfig"] == json.loads(POOL.read_text())["create_user_pool"]["LambdaConfig"]
    )


WITH_A_MODEL = """
from cognito_pools import PasswordPolicy
pool.update(policies={"password_policy": PasswordPolicy(minimum_length=13)})
"""


@pytest.mark.parametrize(
    ("code", "loads"),
    [
        ("pool.config", ["cognito_pools.models", "attr", "cattrs"]),
        ("pool.update(mfa='OFF')", ["cognito_pools.models", "cognito_pools.mfa", "attr", "cattrs"]),
        (WITH_A_MODEL, ["cognito_pools.models", "attr", "cattrs"]),
    ],
    ids=["reading config", "mfa", "a model instance"],
)
def test_what_needs_the_models_loads_them(code: str, loads: list[str]) -> None:
    assert _first_update(code)["loaded"] == loads

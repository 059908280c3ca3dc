"""A pool with settings newer than the installed botocore is never reset without a word.

botocore's parser drops the describe members its model lacks. These tests answer each call with
a real HTTP body at ``before-send``, so botocore serialises the request, parses the answer with
its genuine parser and runs every event handler, exactly as against Cognito. On the oldest
supported botocore (1.42.1, see ``nox -s botocore_versions``) the 2026 pool's
``KeyConfiguration`` and ``IssuerConfiguration`` are unknown to it; on a current one they are
not, and an update sends them back.
"""

from __future__ import annotations

import json
import threading
from typing import TYPE_CHECKING, Any

import botocore
import pytest
from recorded import NEWER_THAN_THE_FLOOR, POOL_2026, POOL_ID
from stubs import stub_client
from wire import canned_response

from cognito_pools import UnsendableSettingsError, UserPools, ValidationError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from botocore.awsrequest import AWSResponse

URL = "https://cognito-idp.us-east-1.amazonaws.com/"
KEY = "arn:aws:kms:us-east-1:123456789012:key/"


def _body(user_pool: Mapping[str, Any]) -> bytes:
    """The JSON body Cognito sends: timestamps as epoch seconds."""
    return json.dumps(
        {"UserPool": user_pool},
        default=lambda value: value.timestamp(),
    ).encode()


class FakeWire:
    """Answers DescribeUserPool with a recorded body and records the requests sent after it."""

    def __init__(self, pools: Mapping[str, Mapping[str, Any]]) -> None:
        self.pools = pools
        self.sent: list[tuple[str, dict[str, Any]]] = []
        self.lock = threading.Lock()

    def __call__(self, request: Any, **_: Any) -> AWSResponse:
        operation = request.headers["X-Amz-Target"].decode().rpartition(".")[2]
        params: dict[str, Any] = json.loads(request.body)
        with self.lock:
            self.sent.append((operation, params))
        body = b"{}"
        if operation == "DescribeUserPool":
            body = _body(self.pools[params["UserPoolId"]])
        return canned_response(URL, 200, body, {"x-amzn-requestid": "recorded-1"})

    def operations(self) -> list[str]:
        return [operation for operation, _ in self.sent]


def make_client(pools: Mapping[str, Mapping[str, Any]]) -> tuple[Any, FakeWire]:
    client = stub_client()
    wire = FakeWire(pools)
    client.meta.events.register("before-send.cognito-idp", wire)
    return client, wire


def _botocore_lacks_them() -> bool:
    shape = stub_client().meta.service_model.operation_model("UpdateUserPool").input_shape
    return not set(NEWER_THAN_THE_FLOOR) <= set(shape.members)


OLDER = _botocore_lacks_them()
older_only = pytest.mark.skipif(
    not OLDER,
    reason=f"botocore {botocore.__version__} has KeyConfiguration; see nox botocore_versions",
)


def test_the_parser_of_this_botocore_really_drops_them_or_keeps_them() -> None:
    # The premise, checked on the genuine path: botocore's own answer to the caller.
    client, _ = make_client({POOL_ID: POOL_2026})
    parsed = client.describe_user_pool(UserPoolId=POOL_ID)["UserPool"]
    assert ("KeyConfiguration" in parsed) is not OLDER
    assert ("IssuerConfiguration" in parsed) is not OLDER


def test_an_update_of_a_2026_pool_never_resets_key_and_issuer_configuration() -> None:
    client, wire = make_client({POOL_ID: POOL_2026})
    pool = UserPools(client).get(POOL_ID)
    # The settings are read even where this botocore's parser drops them.
    assert pool.config.key_configuration is not None
    assert pool.config.key_configuration.key_type == "AWS_OWNED_KEY"
    assert pool.config.issuer_configuration is not None

    if OLDER:
        with pytest.raises(UnsendableSettingsError) as caught:
            pool.update(deletion_protection="INACTIVE")
        error = caught.value
        assert error.paths == ("key_configuration", "issuer_configuration")
        assert error.needed == "1.43.19"
        assert error.installed == botocore.__version__
        assert "botocore 1.43.19 or newer" in str(error)
        assert "accept_reset=['key_configuration', 'issuer_configuration']" in str(error)
        assert wire.operations() == ["DescribeUserPool", "DescribeUserPool"]  # no write
        with pytest.raises(UnsendableSettingsError):
            pool.plan(deletion_protection="INACTIVE")
    else:
        pool.update(deletion_protection="INACTIVE")
        operation, request = wire.sent[-1]
        assert operation == "UpdateUserPool"
        assert request["KeyConfiguration"] == {"KeyType": "AWS_OWNED_KEY"}
        assert request["IssuerConfiguration"] == {"Type": "ORIGINAL"}


@older_only
def test_accepting_exactly_those_resets_writes_and_the_plan_says_what_goes() -> None:
    client, wire = make_client({POOL_ID: POOL_2026})
    pool = UserPools(client).get(POOL_ID)
    accepted = ["key_configuration", "issuer_configuration"]

    plan = pool.plan(accept_reset=accepted, deletion_protection="INACTIVE")
    updated = pool.update(accept_reset=accepted, deletion_protection="INACTIVE")

    assert [str(change) for change in plan] == [
        "~ deletion_protection: 'ACTIVE' -> 'INACTIVE'",
        "- key_configuration.key_type (was 'AWS_OWNED_KEY')",
        "- issuer_configuration.type (was 'ORIGINAL')",
    ]
    operation, request = wire.sent[-1]
    assert operation == "UpdateUserPool"
    assert request["DeletionProtection"] == "INACTIVE"
    assert "KeyConfiguration" not in request
    assert updated.config.key_configuration is None
    # A plan made with the acceptance applies with it.
    assert pool.apply(plan).config.deletion_protection == "INACTIVE"


@older_only
def test_accepting_only_some_of_them_still_refuses_naming_the_rest() -> None:
    client, wire = make_client({POOL_ID: POOL_2026})
    pool = UserPools(client).get(POOL_ID)
    with pytest.raises(UnsendableSettingsError) as caught:
        pool.update(accept_reset=["key_configuration"], deletion_protection="INACTIVE")
    assert caught.value.paths == ("issuer_configuration",)
    assert "UpdateUserPool" not in wire.operations()


def test_accept_reset_names_settings_by_their_paths() -> None:
    client, wire = make_client({POOL_ID: POOL_2026})
    pool = UserPools(client).get(POOL_ID)
    with pytest.raises(ValidationError) as caught:
        pool.update(accept_reset=["KeyConfiguration"], deletion_protection="INACTIVE")
    assert caught.value.paths == ("accept_reset",)
    assert "'KeyConfiguration' is not a setting path" in str(caught.value)
    with pytest.raises(ValidationError):
        pool.update(accept_reset="key_configuration", deletion_protection="INACTIVE")
    assert wire.operations() == ["DescribeUserPool"]  # the first read only


def test_a_no_op_is_never_refused() -> None:
    client, wire = make_client({POOL_ID: POOL_2026})
    pool = UserPools(client).get(POOL_ID).update(deletion_protection="ACTIVE")
    assert pool.config.deletion_protection == "ACTIVE"
    assert "UpdateUserPool" not in wire.operations()


def test_threads_sharing_a_client_each_read_their_own_pool() -> None:
    # The raw body travels through botocore's event system, which all threads of one client
    # share: each describe must still get its own pool's body, never another thread's.
    names = [f"us-east-1_Thread{n}" for n in range(6)]
    pools = {
        name: {**POOL_2026, "Id": name, "KeyConfiguration": {"KmsKeyArn": f"{KEY}{n}"}}
        for n, name in enumerate(names)
    }
    client, _ = make_client(pools)
    user_pools = UserPools(client)
    start = threading.Barrier(len(names))
    seen: dict[str, list[str | None]] = {name: [] for name in names}

    def read(name: str) -> None:
        start.wait()
        for _ in range(20):
            key = user_pools.get(name).config.key_configuration
            seen[name].append(key.kms_key_arn if key is not None else None)

    threads = [threading.Thread(target=read, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    for n, name in enumerate(names):
        assert set(seen[name]) == {f"{KEY}{n}"}, name
    # The caller's own calls on the client are left as botocore parses them.
    own = client.describe_user_pool(UserPoolId=names[0])["UserPool"]
    assert ("KeyConfiguration" in own) is not OLDER


def test_a_structure_the_installed_botocore_requires_more_of_is_refused_not_dropped() -> None:
    # SnsCallerArn became optional in botocore 1.43.51. On an older botocore a new SMS setup
    # without it would be left out of the request as incomplete: the plan would never land.
    user_pool = {k: v for k, v in POOL_2026.items() if k not in NEWER_THAN_THE_FLOOR}
    client, wire = make_client({POOL_ID: user_pool})
    pool = UserPools(client).get(POOL_ID)
    shape = client.meta.service_model.shape_for("SmsConfigurationType")
    if "SnsCallerArn" in shape.required_members:
        with pytest.raises(ValidationError) as caught:
            pool.update(sms_configuration={"sns_region": "us-east-1"})
        assert caught.value.paths == ("sms_configuration.sns_caller_arn",)
        assert f"installed botocore {botocore.__version__}" in str(caught.value)
        assert "UpdateUserPool" not in wire.operations()
    else:
        pool.update(sms_configuration={"sns_region": "us-east-1"})
        assert wire.sent[-1][1]["SmsConfiguration"] == {"SnsRegion": "us-east-1"}

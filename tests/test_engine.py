"""The engine over its descriptions: the omission table, explicit clears, calls, cycles, signals.

Exact requests through botocore's Stubber; the answers are shaped like DescribeUserPool's.
"""

from __future__ import annotations

import ast
import copy
import pathlib
import signal
from typing import Any

import pytest
from botocore.stub import Stubber
from stubs import stub_client

from cognito_pools import UserPools, ValidationError
from cognito_pools.grammar import clears, touches
from cognito_pools.models import PasswordPolicy, UserPoolPolicy
from cognito_pools.resources.mfa_setup import MFA_SETUP
from cognito_pools.resources.pool import POOL_RESOURCE

POOL_ID = "us-east-1_Engine01"
DEFAULT_PASSWORD_POLICY = {
    "MinimumLength": 8,
    "RequireUppercase": True,
    "RequireLowercase": True,
    "RequireNumbers": True,
    "RequireSymbols": True,
    "TemporaryPasswordValidityDays": 7,
}
"""What a pool created without a password policy reports (terraform-provider-aws acceptance)."""
PACKAGE = pathlib.Path(__file__).parent.parent / "cognito_pools"


def _described(**extra: Any) -> dict[str, Any]:
    return {
        "Id": POOL_ID,
        "Name": "engine",
        "Policies": {
            "PasswordPolicy": {"MinimumLength": 12, "RequireSymbols": False},
            "SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "EMAIL_OTP"]},
        },
        "DeletionProtection": "ACTIVE",
        "LambdaConfig": {},
        "MfaConfiguration": "OFF",
        "UserPoolTags": {"team": "auth", "cost": "42"},
        **extra,
    }


def _request(user_pool: dict[str, Any]) -> dict[str, Any]:
    """What UpdateUserPool must receive to keep ``user_pool`` as it is (written without the
    library: rename Name, drop the describe-only members)."""
    request = {k: v for k, v in user_pool.items() if k not in {"Id", "Name"}}
    return {"UserPoolId": POOL_ID, "PoolName": user_pool["Name"], **request}


def _can_send(member: str) -> bool:
    shape = stub_client().meta.service_model.operation_model("UpdateUserPool").input_shape
    return member in shape.members


# -- the omission table ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("resource", "operation", "ids"),
    [
        (POOL_RESOURCE, "UpdateUserPool", {"UserPoolId"}),
        (MFA_SETUP, "SetUserPoolMfaConfig", {"UserPoolId"}),
    ],
)
def test_every_member_of_the_update_call_says_what_omitting_it_does(
    resource: Any, operation: str, ids: set[str]
) -> None:
    shape = stub_client().meta.service_model.operation_model(operation).input_shape
    members = {resource.structure.wire_member(name) for name in set(shape.members) - ids}
    assert None not in members, "the models lag the installed botocore"
    missing = {m.name for m in members if m is not None and m.name not in resource.rows}
    assert not missing, f"no omission row for {sorted(missing)}"
    assert all(row.source for row in resource.omissions)


def test_kept_members_send_a_default_or_are_refused() -> None:
    for row in POOL_RESOURCE.omissions:
        nested_kept = any(
            other.path.startswith(f"{row.path}.") for other in POOL_RESOURCE.omissions
        )
        if row.omitted == "kept" and not nested_kept:
            assert row.sends_default or row.refused, row.path


# -- clearing what Cognito keeps ------------------------------------------------------------------


def _update_once(described: dict[str, Any], expected: dict[str, Any] | None, **changes: Any) -> Any:
    client = stub_client()
    with Stubber(client) as stubber:
        stubber.add_response("describe_user_pool", {"UserPool": copy.deepcopy(described)})
        if expected is not None:
            stubber.add_response("update_user_pool", {}, expected)
        pools = UserPools(client)
        pool = pools.update(POOL_ID, **changes)
        stubber.assert_no_pending_responses()
    return pool


@pytest.mark.skipif(not _can_send("DcrConfiguration"), reason="botocore without DcrConfiguration")
def test_clearing_dcr_configuration_sends_registration_off_and_converges() -> None:
    described = _described(
        DcrConfiguration={"EnableStatus": "Enabled", "OpenDcrEnabled": True},
        UserPoolTier="ESSENTIALS",
    )
    expected = _request(described)
    expected["DcrConfiguration"] = {"EnableStatus": "Disabled"}
    _update_once(described, expected, dcr_configuration=None)

    after = {**described, "DcrConfiguration": {"EnableStatus": "Disabled"}}
    client = stub_client()
    with Stubber(client) as stubber:
        stubber.add_response("describe_user_pool", {"UserPool": after})
        again = UserPools(client).plan(POOL_ID, dcr_configuration=None)
    assert not again, str(again)


@pytest.mark.parametrize(
    ("change", "sent"),
    [
        (
            {"policies": {"password_policy": None}},
            {
                "PasswordPolicy": DEFAULT_PASSWORD_POLICY,
                "SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "EMAIL_OTP"]},
            },
        ),
        (
            {"policies": {"sign_in_policy": None}},
            {
                "PasswordPolicy": {"MinimumLength": 12, "RequireSymbols": False},
                "SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD"]},
            },
        ),
        (
            {"policies": None},
            {
                "PasswordPolicy": DEFAULT_PASSWORD_POLICY,
                "SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD"]},
            },
        ),
    ],
)
def test_clearing_a_kept_policy_sends_its_default(change: Any, sent: Any) -> None:
    described = _described()
    expected = {**_request(described), "Policies": sent}
    _update_once(described, expected, **change)


@pytest.mark.parametrize("change", [{"pool_name": None}, {"user_pool_tier": None}])
def test_a_clear_that_cannot_land_is_refused_before_any_call(change: Any) -> None:
    client = stub_client()
    with Stubber(client), pytest.raises(ValidationError, match="cannot be cleared"):
        UserPools(client).update(POOL_ID, **change)  # no response queued: any call would fail


def test_deletion_protection_cleared_sends_inactive() -> None:
    described = _described()
    expected = {**_request(described), "DeletionProtection": "INACTIVE"}
    _update_once(described, expected, deletion_protection=None)


# -- calls ---------------------------------------------------------------------------------------


def test_user_pools_update_makes_two_calls_and_plan_one() -> None:
    described = _described()
    expected = {**_request(described), "UserPoolTags": {"team": "identity", "cost": "42"}}
    pool = _update_once(described, expected, user_pool_tags={"team": "identity", "cost": "42"})
    assert pool.config.user_pool_tags == {"team": "identity", "cost": "42"}

    client = stub_client()
    with Stubber(client) as stubber:
        stubber.add_response("describe_user_pool", {"UserPool": copy.deepcopy(described)})
        plan = UserPools(client).plan(POOL_ID, deletion_protection="INACTIVE")
        stubber.assert_no_pending_responses()
    assert [str(change) for change in plan] == ["~ deletion_protection: 'ACTIVE' -> 'INACTIVE'"]


def test_an_update_that_changes_nothing_makes_one_call() -> None:
    _update_once(_described(), None, deletion_protection="ACTIVE")


def test_a_map_is_planned_key_by_key() -> None:
    client = stub_client()
    with Stubber(client) as stubber:
        stubber.add_response("describe_user_pool", {"UserPool": _described()})
        plan = UserPools(client).plan(POOL_ID, user_pool_tags={"team": "identity", "env": "prod"})
    assert [str(change) for change in plan] == [
        "~ user_pool_tags.team: 'auth' -> 'identity'",
        "- user_pool_tags.cost (was '42')",
        "+ user_pool_tags.env = 'prod'",
    ]


# -- the grammar agrees with itself on model instances ---------------------------------------------


def test_touches_and_clears_read_model_instances_alike() -> None:
    change = {"policies": UserPoolPolicy(password_policy=PasswordPolicy(minimum_length=9))}
    assert touches(change, "policies.sign_in_policy")
    assert clears(change, "policies.sign_in_policy")
    assert not clears(change, "policies.password_policy")
    assert clears({"policies": None}, "policies.password_policy.minimum_length")
    assert not clears({"deletion_protection": "ACTIVE"}, "deletion_protection.x")


# -- no import cycle -----------------------------------------------------------------------------


def _imports(path: pathlib.Path, module: str) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(node)
        for guard in ast.walk(tree)
        if isinstance(guard, ast.If) and "TYPE_CHECKING" in ast.unparse(guard.test)
        for node in ast.walk(guard)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cognito"):
            found |= {f"{node.module}.{alias.name}" for alias in node.names} | {node.module}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found - {module}


def test_no_module_of_the_package_imports_itself_back() -> None:
    modules = {
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(
            ".__init__"
        ): path
        for path in PACKAGE.rglob("*.py")
    }
    graph = {name: _imports(path, name) & modules.keys() for name, path in modules.items()}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for step in graph[start] - seen:
            seen.add(step)
            if step == goal or reaches(step, goal, seen):
                return True
        return False

    cycles = sorted(name for name in graph if reaches(name, name, set()))
    assert not cycles, f"import cycles through {cycles}"


# -- interrupts -----------------------------------------------------------------------------------


def test_ctrl_c_during_the_second_of_two_writes_waits_for_it() -> None:
    """SIGINT arrives while SetUserPoolMfaConfig (the first write) is being sent: the second
    write still goes out, and the KeyboardInterrupt comes after both have landed."""
    described = _described(
        SmsConfiguration={"SnsCallerArn": "arn:aws:iam::123456789012:role/sms"},
        AutoVerifiedAttributes=["phone_number"],
    )
    client = stub_client()
    sent: list[str] = []

    def interrupt(model: Any, **_: Any) -> None:
        sent.append(model.name)
        if len(sent) == 1:
            signal.raise_signal(signal.SIGINT)

    # At a terminal Ctrl-C raises KeyboardInterrupt; a shell running the tests in the background
    # may have them ignore it.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    client.meta.events.register(
        "before-parameter-build.cognito-idp.SetUserPoolMfaConfig", interrupt
    )
    client.meta.events.register("before-parameter-build.cognito-idp.UpdateUserPool", interrupt)
    with Stubber(client) as stubber:
        stubber.add_response("describe_user_pool", {"UserPool": copy.deepcopy(described)})
        stubber.add_response("get_user_pool_mfa_config", {"MfaConfiguration": "OFF"})
        stubber.add_response("set_user_pool_mfa_config", {})
        stubber.add_response("update_user_pool", {})
        with pytest.raises(KeyboardInterrupt):
            UserPools(client).update(
                POOL_ID,
                mfa={
                    "mfa_configuration": "OPTIONAL",
                    "software_token_mfa_configuration": {"enabled": True},
                },
                deletion_protection="INACTIVE",
            )
        stubber.assert_no_pending_responses()
    assert sorted(sent) == ["SetUserPoolMfaConfig", "UpdateUserPool"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    signal.signal(signal.SIGINT, previous)

"""The curated cases of ``tests/curated.py``, planned on real fixture pools in an in-process moto.

Each case creates its fixture pool (once per module; a plan writes nothing), plans the change
through the public API and compares what a user sees: the plan's lines, the requests it would
send, or the ``ValidationError``. A refused change is also tried with ``update``, which must
raise the same error and make no write.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import boto3
import botocore
import pytest
from botocore import xform_name
from botocore.validate import validate_parameters
from curated import ABSENT, CASES, Case
from moto import mock_aws
from recorded import DESCRIBE_ONLY

from cognito_pools import UserPools, ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from cognito_pools import Plan

WRITES = {"UpdateUserPool", "SetUserPoolMfaConfig"}
PARTNERS: Mapping[str, frozenset[str]] = {
    "verification_message_template": frozenset(
        {"sms_verification_message", "email_verification_message", "email_verification_subject"}
    ),
    "sms_verification_message": frozenset({"verification_message_template"}),
    "email_verification_message": frozenset({"verification_message_template"}),
    "email_verification_subject": frozenset({"verification_message_template"}),
    "admin_create_user_config": frozenset({"policies"}),
    "policies": frozenset({"admin_create_user_config"}),
    "mfa": frozenset({"mfa_configuration", "sms_configuration"}),
}
"""Settings a change to the key may move as well (the pairs; the MFA mode and SMS role)."""


class Pools:
    """Fixture pools created in moto on first use, by (fixture, extra members, MFA setup)."""

    def __init__(self, client: Any, load_pool: Callable[[str], dict[str, Any]]) -> None:
        self.client = client
        self.load_pool = load_pool
        self.ids: dict[str, str] = {}

    def pool_id(self, case: Case) -> str:
        key = json.dumps([case.pool, case.create_with, case.mfa_before], sort_keys=True)
        if key not in self.ids:
            kwargs = {**self.load_pool(case.pool), **copy.deepcopy(dict(case.create_with))}
            pool_id = self.client.create_user_pool(**kwargs)["UserPool"]["Id"]
            if case.mfa_before is not None:
                self.client.set_user_pool_mfa_config(UserPoolId=pool_id, **case.mfa_before)
            self.ids[key] = pool_id
        return self.ids[key]


@pytest.fixture(scope="module")
def moto_client() -> Iterator[Any]:
    with mock_aws():
        yield boto3.client("cognito-idp", region_name="us-east-1")


@pytest.fixture(scope="module")
def pools(moto_client: Any) -> Pools:
    from conftest import POOL_FILES, read_pool_file  # noqa: PLC0415 - the shared loader

    def load(number: str) -> dict[str, Any]:
        (path,) = (path for path in POOL_FILES if path.name.startswith(f"{number}-"))
        return read_pool_file(path)

    return Pools(moto_client, load)


def _params() -> list[Any]:
    marks = {}
    params = []
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=case.xfail)] if case.xfail else []
        params.append(pytest.param(case, id=case.id, marks=marks))
    return params


def test_the_cases_cover_every_rule_and_are_many_enough() -> None:
    assert 90 <= len(CASES) <= 140  # about a hundred: each one read by a person
    assert len({case.id + case.why for case in CASES}) == len(CASES)
    assert all(case.why.endswith(".") for case in CASES)
    assert sum(bool(case.refused) for case in CASES) >= 30
    assert sum("mfa" in case.change for case in CASES) >= 15
    for case in CASES:
        assert (case.plan is None) == bool(case.refused), case.why
    from conftest import POOL_FILES  # noqa: PLC0415

    assert {case.pool for case in CASES} == {path.name.split("-")[0] for path in POOL_FILES}


@pytest.mark.parametrize("case", _params())
def test_curated_case(case: Case, pools: Pools, record_calls: Callable[[Any], list[str]]) -> None:
    client = pools.client
    missing = [path for path in case.needs if not _has_member(client, path)]
    if missing:
        pytest.skip(f"botocore {botocore.__version__} lacks {', '.join(missing)}")
    pool_id = pools.pool_id(case)
    pool = UserPools(client).get(pool_id)
    if case.refused:
        with pytest.raises(ValidationError) as caught:
            pool.plan(**case.change)
        _assert_problems(caught.value, case.refused)
        calls = record_calls(client)
        with pytest.raises(ValidationError) as again:
            pool.update(**case.change)
        assert str(again.value) == str(caught.value)
        assert not WRITES.intersection(calls), calls
        return
    try:
        plan = pool.plan(**case.change)
    except ValidationError as error:
        if not case.or_refused:
            raise
        _assert_problems(error, case.or_refused)
        return
    assert case.plan is not None
    lines = str(plan).splitlines()[1:] if plan else []
    assert sorted(line.strip() for line in lines) == sorted(case.plan), str(plan)
    described = client.describe_user_pool(UserPoolId=pool_id)["UserPool"]
    _check_request(plan, case, described, client)
    _check_mfa_request(plan, case, client)


def _has_member(client: Any, path: str) -> bool:
    operation, *names = path.split(".")
    shape = client.meta.service_model.operation_model(operation).input_shape
    for name in names:
        if name not in shape.members:
            return False
        shape = shape.members[name]
    return True


def _assert_problems(error: ValidationError, expected: tuple[tuple[str, str], ...]) -> None:
    shown = str(error)
    assert sorted(error.paths) == sorted(path for path, _ in expected), shown
    unmatched = list(error.problems)
    for path, text in expected:
        match = next((p for p in unmatched if p.path == path and text in p.message), None)
        assert match is not None, f"no problem at {path} saying {text!r}:\n{shown}"
        unmatched.remove(match)
    assert "nothing was written" in shown


def _check_request(plan: Plan, case: Case, described: Mapping[str, Any], client: Any) -> None:
    request = plan.request
    if case.no_request:
        assert request is None, request
        return
    assert request is not None, "an update was expected"
    shape = client.meta.service_model.operation_model("UpdateUserPool").input_shape
    validate_parameters(dict(request), shape)  # what botocore would refuse before sending
    assert not DESCRIBE_ONLY.intersection(request)
    for path, value in case.sent.items():
        found = _at(request, path)
        assert found == value, f"{path}: expected {value!r}, sent {found!r}"
    for member, value in _kept_as_read(described, case.change).items():
        assert request.get(member, ABSENT) == value, f"{member} was not sent as read"


def _check_mfa_request(plan: Plan, case: Case, client: Any) -> None:
    request = plan.mfa_request
    if case.no_mfa_request:
        assert request is None, request
        return
    assert request is not None, "an MFA write was expected"
    shape = client.meta.service_model.operation_model("SetUserPoolMfaConfig").input_shape
    validate_parameters(dict(request), shape)
    for path, value in case.mfa_sent.items():
        found = _at(request, path)
        assert found == value, f"{path}: expected {value!r}, sent {found!r}"


def _at(request: Mapping[str, Any], path: str) -> Any:
    node: Any = request
    for key in path.split("."):
        if not isinstance(node, Mapping) or key not in node:
            return ABSENT
        node = node[key]
    return node


def _kept_as_read(described: Mapping[str, Any], change: Mapping[str, Any]) -> dict[str, Any]:
    """The top-level members a change leaves alone, as UpdateUserPool must receive them.

    Written from the service's rules, not the library: describe-only members are not sent,
    ``Name`` is sent as ``PoolName``, the legacy validity moves into the password policy, and
    ``aws:`` tags are not sent.
    """
    touched = set(change)
    for name in change:
        touched |= PARTNERS.get(name, frozenset())
    kept: dict[str, Any] = {}
    for member, value in described.items():
        if member in DESCRIBE_ONLY and member != "Name":
            continue
        wire = "PoolName" if member == "Name" else member
        if xform_name(wire) in touched:
            continue
        kept[wire] = copy.deepcopy(value)
    admin = kept.get("AdminCreateUserConfig")
    if isinstance(admin, dict) and "UnusedAccountValidityDays" in admin:
        legacy = admin.pop("UnusedAccountValidityDays")
        policies = kept.setdefault("Policies", {})
        policies.setdefault("PasswordPolicy", {}).setdefault(
            "TemporaryPasswordValidityDays", legacy
        )
    if isinstance(kept.get("UserPoolTags"), dict):
        tags = kept["UserPoolTags"]
        kept["UserPoolTags"] = {k: v for k, v in tags.items() if not k.lower().startswith("aws:")}
    return kept

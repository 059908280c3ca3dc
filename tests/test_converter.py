"""Properties of the converter, the merge and the request builder, over every model class.

Also: reading values the model does not know yet, and keeping the request in step with the
*runtime* botocore model when it is newer or older than the one the classes came from.
"""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import botocore.session
import pytest
import strategies
from botocore.stub import Stubber
from botocore.validate import ParamValidator
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stubs import stub_client

from cognito_pools import UnsendableSettingsError, UserPools, ValidationError
from cognito_pools._schema import STRUCTURES
from cognito_pools.converter import converter, make_converter, read_config, to_wire
from cognito_pools.grammar import apply_change, diff
from cognito_pools.mfa import setup_request as mfa_request
from cognito_pools.models import (
    AccountRecoverySetting,
    RecoveryOption,
    UserPoolConfig,
    UserPoolFacts,
    UserPoolMfaConfig,
    UserPoolPolicy,
)
from cognito_pools.request import update_request
from cognito_pools.resources.pool import POOL_RESOURCE

if TYPE_CHECKING:
    from collections.abc import Callable

    from cognito_pools._spec import Member, Value

POOL_ID = "us-east-1_Conv3rt"
POOL_FILES = sorted((Path(__file__).resolve().parent / "pools").glob("*.json"))
ALL_CLASSES = sorted(STRUCTURES, key=lambda cls: cls.__name__)
PROPERTY = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@functools.cache
def _service_model() -> Any:
    return botocore.session.get_session().get_service_model("cognito-idp")


def _input_shape(operation: str) -> Any:
    return _service_model().operation_model(operation).input_shape


@functools.cache
def _shared_client() -> Any:
    """One client for the property tests; each example brings its own Stubber."""
    return stub_client()


def _assert_valid(request: dict[str, Any], operation: str) -> None:
    report = ParamValidator().validate(request, _input_shape(operation))
    assert not report.has_errors(), report.generate_report()


def _described(config: UserPoolConfig, **extra: Any) -> dict[str, Any]:
    """A DescribeUserPool response for a pool with these settings."""
    user_pool = to_wire(config)
    if "PoolName" in user_pool:
        user_pool["Name"] = user_pool.pop("PoolName")
    return {"UserPool": {"Id": POOL_ID, **user_pool, **extra}}


# -- (a) structure ∘ unstructure is the identity --------------------------------------------------


@pytest.mark.parametrize("cls", ALL_CLASSES, ids=lambda cls: cls.__name__)
@PROPERTY
@given(data=st.data())
def test_unstructure_then_structure_gives_the_same_model(cls: type[Any], data: Any) -> None:
    model = data.draw(strategies.models_of(cls))
    conv = converter()
    wire = conv.unstructure(model)
    assert conv.structure(wire, cls) == model


@pytest.mark.parametrize("cls", ALL_CLASSES, ids=lambda cls: cls.__name__)
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_wire_form_uses_wire_names_and_leaves_out_unset_members(cls: type[Any], data: Any) -> None:
    model = data.draw(strategies.models_of(cls))
    wire = converter().unstructure(model)
    structure = STRUCTURES[cls]
    expected = {m.wire for m in structure.members if getattr(model, m.name) is not None}
    assert set(wire) == expected


# -- (b) merging no change is the identity --------------------------------------------------------


@pytest.mark.parametrize("cls", ALL_CLASSES, ids=lambda cls: cls.__name__)
@PROPERTY
@given(data=st.data())
def test_merging_nothing_or_the_same_values_changes_nothing(cls: type[Any], data: Any) -> None:
    model = data.draw(strategies.models_of(cls))
    assert apply_change(model, {}, cls) == model
    # Setting every value to what it already is, spelled as a caller would, is no change either.
    assert apply_change(model, strategies.as_change(model), cls) == model
    assert apply_change(None, strategies.as_change(model), cls) == model
    assert diff(model, model) == ()


@PROPERTY
@given(config=strategies.models_of(UserPoolConfig))
def test_diff_of_a_pool_config_with_itself_is_empty(config: UserPoolConfig) -> None:
    assert diff(config, config) == ()
    assert diff(config, attrs.evolve(config)) == ()


# The pools in the two tests below come from a stubbed DescribeUserPool, which the Stubber checks
# against the installed botocore's model: they hold only settings that botocore knows (sendable).
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    config=strategies.models_of(
        UserPoolConfig,
        complete=True,
        without={"AdminCreateUserConfig.unused_account_validity_days"},
        sendable=True,
    ),
    protection=st.sampled_from(("ACTIVE", "INACTIVE")),
)
def test_changing_one_setting_sends_every_other_setting_back_unchanged(
    config: UserPoolConfig, protection: str
) -> None:
    # The core promise: UpdateUserPool resets what it is not given, so the request must carry
    # every other setting exactly as the pool has it.
    client = _shared_client()
    pool_config = attrs.evolve(config, deletion_protection=None)
    with Stubber(client) as stubber:
        stubber.add_response("describe_user_pool", _described(pool_config))
        stubber.add_response("describe_user_pool", _described(pool_config))
        expected = to_wire(attrs.evolve(pool_config, deletion_protection=protection))
        stubber.add_response("update_user_pool", {}, {"UserPoolId": POOL_ID, **expected})
        pool = UserPools(client).get(POOL_ID).update(deletion_protection=protection)
        stubber.assert_no_pending_responses()
    assert pool.config == attrs.evolve(pool_config, deletion_protection=protection)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(config=strategies.models_of(UserPoolConfig, complete=True, sendable=True))
def test_an_update_that_changes_nothing_sends_no_update(config: UserPoolConfig) -> None:
    config = attrs.evolve(config, deletion_protection="ACTIVE")
    client = _shared_client()
    with Stubber(client) as stubber:
        for _ in range(3):
            stubber.add_response("describe_user_pool", _described(config))
        pool = UserPools(client).get(POOL_ID)
        plan = pool.plan(deletion_protection="ACTIVE")
        assert not plan
        assert plan.request is None
        pool.update(deletion_protection="ACTIVE")  # only the describe: no update_user_pool
        stubber.assert_no_pending_responses()


# -- (c) every request passes botocore's own validation -------------------------------------------


@PROPERTY
@given(config=strategies.models_of(UserPoolConfig))
def test_every_update_request_passes_botocore_validation(config: UserPoolConfig) -> None:
    request = update_request(
        POOL_RESOURCE, {"UserPoolId": POOL_ID}, to_wire(config), {}, _input_shape("UpdateUserPool")
    )
    _assert_valid(request, "UpdateUserPool")
    assert request["UserPoolId"] == POOL_ID
    assert "UnusedAccountValidityDays" not in request.get("AdminCreateUserConfig", {})


@PROPERTY
@given(config=strategies.models_of(UserPoolConfig))
def test_update_request_passes_validation_when_the_describe_is_the_pool_itself(
    config: UserPoolConfig,
) -> None:
    described = _described(config)["UserPool"]
    request = update_request(
        POOL_RESOURCE,
        {"UserPoolId": POOL_ID},
        to_wire(config),
        described,
        _input_shape("UpdateUserPool"),
    )
    _assert_valid(request, "UpdateUserPool")
    for describe_only in ("Id", "Name", "Arn", "CreationDate", "SchemaAttributes"):
        assert describe_only not in request


@PROPERTY
@given(mfa=strategies.models_of(UserPoolMfaConfig))
def test_every_mfa_request_passes_botocore_validation(mfa: UserPoolMfaConfig) -> None:
    request = mfa_request(POOL_ID, mfa, {}, _input_shape("SetUserPoolMfaConfig"))
    _assert_valid(request, "SetUserPoolMfaConfig")
    assert request["UserPoolId"] == POOL_ID


# -- (d) values newer than the model still read ---------------------------------------------------


def test_an_enum_value_unknown_to_the_model_still_reads_and_survives_an_update() -> None:
    client = stub_client()
    described = {
        "UserPool": {
            "Id": POOL_ID,
            "Name": "future",
            "DeletionProtection": "SOMETHING_NEW",
            "UserPoolTier": "PLATINUM",
            "AccountRecoverySetting": {
                "RecoveryMechanisms": [{"Name": "verified_carrier_pigeon", "Priority": 1}]
            },
        }
    }
    config = read_config(described["UserPool"])
    assert config.deletion_protection == "SOMETHING_NEW"
    assert config.account_recovery_setting == AccountRecoverySetting(
        recovery_mechanisms=(RecoveryOption(name="verified_carrier_pigeon", priority=1),)
    )
    with Stubber(client) as stubber:
        stubber.add_response("describe_user_pool", described)
        stubber.add_response("describe_user_pool", described)
        stubber.add_response(
            "update_user_pool",
            {},
            {
                "UserPoolId": POOL_ID,
                "PoolName": "future",
                "DeletionProtection": "SOMETHING_NEW",
                "UserPoolTier": "PLATINUM",
                "AccountRecoverySetting": {
                    "RecoveryMechanisms": [{"Name": "verified_carrier_pigeon", "Priority": 1}]
                },
                "UserPoolTags": {"team": "auth"},
            },
        )
        pool = UserPools(client).get(POOL_ID)
        assert pool.config.user_pool_tier == "PLATINUM"
        pool.update(user_pool_tags={"team": "auth"})
        stubber.assert_no_pending_responses()


# -- (e), (f) the runtime botocore model is newer or older than the generated one -----------------


def _client_with_model(tmp_path: Path, edit: Callable[[dict[str, Any]], None]) -> Any:
    """A client whose cognito-idp model is botocore's own, changed by ``edit``."""
    loader = botocore.session.get_session().get_component("data_loader")
    model = copy.deepcopy(loader.load_service_model("cognito-idp", "service-2"))
    edit(model)
    target = tmp_path / "cognito-idp" / model["metadata"]["apiVersion"]
    target.mkdir(parents=True)
    (target / "service-2.json").write_text(json.dumps(model))
    session = botocore.session.get_session()
    session.get_component("data_loader").search_paths.insert(0, str(tmp_path))
    client = stub_client(session)
    assert client.meta.service_model.shape_for("UpdateUserPoolRequest").members  # loaded
    return client


def _add_future_members(model: dict[str, Any]) -> None:
    shapes = model["shapes"]
    shapes["FutureSettingType"] = {
        "type": "structure",
        "members": {"Mode": {"shape": "StringType"}},
    }
    shapes["UserPoolType"]["members"]["FutureSetting"] = {"shape": "FutureSettingType"}
    shapes["UpdateUserPoolRequest"]["members"]["FutureSetting"] = {"shape": "FutureSettingType"}
    shapes["LambdaConfigType"]["members"]["FutureTrigger"] = {"shape": "ArnType"}
    shapes["RecoveryOptionType"]["members"]["FutureWeight"] = {"shape": "IntegerType"}
    shapes["GetUserPoolMfaConfigResponse"]["members"]["FutureMfaConfiguration"] = {
        "shape": "FutureSettingType"
    }
    shapes["SetUserPoolMfaConfigRequest"]["members"]["FutureMfaConfiguration"] = {
        "shape": "FutureSettingType"
    }


ARN = "arn:aws:lambda:us-east-1:123456789012:function:"


def test_members_only_the_runtime_botocore_knows_are_carried_through(tmp_path: Path) -> None:
    client = _client_with_model(tmp_path, _add_future_members)
    described = {
        "UserPool": {
            "Id": POOL_ID,
            "Name": "future",
            "DeletionProtection": "INACTIVE",
            "FutureSetting": {"Mode": "on"},
            "LambdaConfig": {"PreSignUp": f"{ARN}pre", "FutureTrigger": f"{ARN}future"},
            "AccountRecoverySetting": {
                "RecoveryMechanisms": [
                    {"Name": "verified_email", "Priority": 1, "FutureWeight": 5},
                    {"Name": "verified_phone_number", "Priority": 2},
                ]
            },
        }
    }
    with Stubber(client) as stubber:
        stubber.add_response("describe_user_pool", described)
        stubber.add_response("describe_user_pool", described)
        stubber.add_response(
            "update_user_pool",
            {},
            {
                "UserPoolId": POOL_ID,
                "PoolName": "future",
                "DeletionProtection": "ACTIVE",
                "FutureSetting": {"Mode": "on"},
                "LambdaConfig": {"PreSignUp": f"{ARN}pre", "FutureTrigger": f"{ARN}future"},
                "AccountRecoverySetting": {
                    "RecoveryMechanisms": [
                        {"Name": "verified_email", "Priority": 1, "FutureWeight": 5},
                        {"Name": "verified_phone_number", "Priority": 2},
                    ]
                },
            },
        )
        UserPools(client).get(POOL_ID).update(deletion_protection="ACTIVE")
        stubber.assert_no_pending_responses()


def test_unknown_trigger_survives_a_change_to_another_trigger(tmp_path: Path) -> None:
    client = _client_with_model(tmp_path, _add_future_members)
    described = {
        "UserPool": {
            "Id": POOL_ID,
            "Name": "future",
            "LambdaConfig": {"PreSignUp": f"{ARN}pre", "FutureTrigger": f"{ARN}future"},
        }
    }
    with Stubber(client) as stubber:
        stubber.add_response("describe_user_pool", described)
        stubber.add_response("describe_user_pool", described)
        stubber.add_response(
            "update_user_pool",
            {},
            {
                "UserPoolId": POOL_ID,
                "PoolName": "future",
                "LambdaConfig": {"FutureTrigger": f"{ARN}future"},
            },
        )
        UserPools(client).get(POOL_ID).update(lambda_config={"pre_sign_up": None})
        stubber.assert_no_pending_responses()


def test_mfa_members_only_the_runtime_botocore_knows_are_carried_through(
    tmp_path: Path,
) -> None:
    # SetUserPoolMfaConfig replaces the whole MFA setup, so a factor this version of the models
    # cannot name must be sent back as GetUserPoolMfaConfig reported it.
    client = _client_with_model(tmp_path, _add_future_members)
    described = {"UserPool": {"Id": POOL_ID, "Name": "future", "MfaConfiguration": "OFF"}}
    with Stubber(client) as stubber:
        stubber.add_response("describe_user_pool", described)
        stubber.add_response("describe_user_pool", described)
        stubber.add_response(
            "get_user_pool_mfa_config",
            {"MfaConfiguration": "OFF", "FutureMfaConfiguration": {"Mode": "on"}},
            {"UserPoolId": POOL_ID},
        )
        stubber.add_response(
            "set_user_pool_mfa_config",
            {},
            {
                "UserPoolId": POOL_ID,
                "MfaConfiguration": "OPTIONAL",
                "SoftwareTokenMfaConfiguration": {"Enabled": True},
                "FutureMfaConfiguration": {"Mode": "on"},
            },
        )
        pool = UserPools(client).get(POOL_ID)
        pool.update(mfa="OPTIONAL")  # the MFA setup alone: no UpdateUserPool
        stubber.assert_no_pending_responses()


def test_mfa_members_only_the_runtime_botocore_knows_survive_a_partial_mfa_change(
    tmp_path: Path,
) -> None:
    client = _client_with_model(tmp_path, _add_future_members)
    described = {"UserPool": {"Id": POOL_ID, "Name": "future", "MfaConfiguration": "OPTIONAL"}}
    current = {
        "MfaConfiguration": "OPTIONAL",
        "SoftwareTokenMfaConfiguration": {"Enabled": True},
        "FutureMfaConfiguration": {"Mode": "on"},
    }
    with Stubber(client) as stubber:
        stubber.add_response("describe_user_pool", described)
        stubber.add_response("describe_user_pool", described)
        stubber.add_response("get_user_pool_mfa_config", current, {"UserPoolId": POOL_ID})
        stubber.add_response(
            "set_user_pool_mfa_config",
            {},
            {
                "UserPoolId": POOL_ID,
                "MfaConfiguration": "OPTIONAL",
                "SoftwareTokenMfaConfiguration": {"Enabled": True},
                "WebAuthnConfiguration": {"RelyingPartyId": "auth.example.com"},
                "FutureMfaConfiguration": {"Mode": "on"},
            },
        )
        pool = UserPools(client).get(POOL_ID)
        pool.update(mfa={"web_authn_configuration": {"relying_party_id": "auth.example.com"}})
        stubber.assert_no_pending_responses()


def _remove_device_configuration_from_update(model: dict[str, Any]) -> None:
    # A botocore whose DescribeUserPool reports a setting that its UpdateUserPool cannot send.
    # DeviceConfiguration is in every supported botocore, so this runs on the oldest one too.
    del model["shapes"]["UpdateUserPoolRequest"]["members"]["DeviceConfiguration"]


OLDER_DESCRIBED = {
    "UserPool": {
        "Id": POOL_ID,
        "Name": "older",
        "DeletionProtection": "INACTIVE",
        "DeviceConfiguration": {
            "ChallengeRequiredOnNewDevice": True,
            "DeviceOnlyRememberedOnUserPrompt": False,
        },
    }
}


def test_an_update_that_would_reset_what_botocore_cannot_send_is_refused(tmp_path: Path) -> None:
    client = _client_with_model(tmp_path, _remove_device_configuration_from_update)
    with Stubber(client) as stubber:
        stubber.add_response("describe_user_pool", OLDER_DESCRIBED)
        stubber.add_response("describe_user_pool", OLDER_DESCRIBED)
        pool = UserPools(client).get(POOL_ID)
        assert pool.config.device_configuration is not None  # still readable
        # Nothing else queued: an update_user_pool call would fail the Stubber instead.
        with pytest.raises(UnsendableSettingsError) as caught:
            pool.update(deletion_protection="ACTIVE")
        stubber.assert_no_pending_responses()
    assert caught.value.paths == ("device_configuration",)
    assert "accept_reset=['device_configuration']" in str(caught.value)


def test_accepting_the_reset_sends_the_rest_and_the_plan_shows_the_loss(tmp_path: Path) -> None:
    client = _client_with_model(tmp_path, _remove_device_configuration_from_update)
    with Stubber(client) as stubber:
        stubber.add_response("describe_user_pool", OLDER_DESCRIBED)
        stubber.add_response("describe_user_pool", OLDER_DESCRIBED)
        stubber.add_response("describe_user_pool", OLDER_DESCRIBED)
        stubber.add_response(
            "update_user_pool",
            {},
            {"UserPoolId": POOL_ID, "PoolName": "older", "DeletionProtection": "ACTIVE"},
        )
        pool = UserPools(client).get(POOL_ID)
        plan = pool.plan(accept_reset=["device_configuration"], deletion_protection="ACTIVE")
        updated = pool.update(accept_reset=["device_configuration"], deletion_protection="ACTIVE")
        stubber.assert_no_pending_responses()
    assert [str(change) for change in plan] == [
        "~ deletion_protection: 'INACTIVE' -> 'ACTIVE'",
        "- device_configuration.challenge_required_on_new_device (was True)",
        "- device_configuration.device_only_remembered_on_user_prompt (was False)",
    ]
    assert updated.config.device_configuration is None


def test_a_no_op_on_a_pool_with_unsendable_settings_is_not_refused(tmp_path: Path) -> None:
    # Nothing would be written, so nothing would be reset.
    client = _client_with_model(tmp_path, _remove_device_configuration_from_update)
    with Stubber(client) as stubber:
        stubber.add_response("describe_user_pool", OLDER_DESCRIBED)
        stubber.add_response("describe_user_pool", OLDER_DESCRIBED)
        pool = UserPools(client).get(POOL_ID).update(deletion_protection="INACTIVE")
        stubber.assert_no_pending_responses()
    assert pool.config.device_configuration is not None


def test_setting_a_member_the_runtime_botocore_lacks_is_refused_before_any_call(
    tmp_path: Path,
) -> None:
    client = _client_with_model(tmp_path, _remove_device_configuration_from_update)
    with Stubber(client) as stubber:
        stubber.add_response("describe_user_pool", {"UserPool": {"Id": POOL_ID, "Name": "older"}})
        pool = UserPools(client).get(POOL_ID)
        # Nothing queued: any further call would fail the Stubber, not raise ValidationError.
        with pytest.raises(ValidationError) as caught:
            pool.update(
                device_configuration={"challenge_required_on_new_device": True},
                deletion_protection="X",
            )
        stubber.assert_no_pending_responses()
    problems = {problem.path: problem.message for problem in caught.value.problems}
    assert set(problems) == {"device_configuration", "deletion_protection"}
    message = problems["device_configuration"]
    assert "botocore" in message
    assert botocore.__version__ in message
    assert "DeviceConfiguration" in message
    assert "newer" in message


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:3])


def _lacking(cls: type[Any], shape: Any, prefix: str = "") -> list[tuple[str, Member]]:
    """The settings of ``cls`` (as paths) that the botocore ``shape`` lacks, and their members."""
    found: list[tuple[str, Member]] = []
    for member in STRUCTURES[cls].members:
        target = member.value.target
        if member.wire not in shape.members:
            found.append((f"{prefix}{member.name}", member))
        elif member.value.kind == "structure" and target is not None:
            found += _lacking(target, shape.members[member.wire], f"{prefix}{member.name}.")
    return found


def _some_value(value: Value) -> Any:
    """A value of the member's kind (refused whatever it is, as the botocore cannot send it)."""
    if value.enum:
        return value.enum[0]
    if value.kind == "integer":
        return value.minimum or 0
    kinds: dict[str, Any] = {"structure": {}, "map": {}, "list": [], "boolean": True}
    return kinds.get(value.kind, "x")


def test_settings_newer_than_the_installed_botocore_are_refused_naming_the_release_needed() -> None:
    # The real thing on an older botocore (the oldest supported one, in the nox session): the
    # models name settings that its UpdateUserPool cannot send, top-level or nested.
    client = stub_client()
    shape = client.meta.service_model.operation_model("UpdateUserPool").input_shape
    lacking = _lacking(UserPoolConfig, shape)
    if not lacking:
        pytest.skip(
            f"botocore {botocore.__version__} can send every setting of the models; "
            "test_setting_a_member_the_runtime_botocore_lacks_is_refused_before_any_call "
            "simulates one it cannot"
        )
    change: dict[str, Any] = {}
    for path, member in lacking:
        *parents, name = path.split(".")
        inner = change
        for parent in parents:
            inner = inner.setdefault(parent, {})
        inner[name] = _some_value(member.value)
    with Stubber(client) as stubber:
        stubber.add_response("describe_user_pool", {"UserPool": {"Id": POOL_ID, "Name": "older"}})
        pool = UserPools(client).get(POOL_ID)
        with pytest.raises(ValidationError) as caught:
            pool.update(**change)
        stubber.assert_no_pending_responses()
    problems = {problem.path: problem.message for problem in caught.value.problems}
    assert set(problems) == {path for path, _ in lacking}
    for path, member in lacking:
        # The generated tables know from which release on botocore has the member.
        assert member.added_in is not None, path
        assert _version(member.added_in) > _version(botocore.__version__), path
        assert problems[path] == (
            f"the installed botocore {botocore.__version__} cannot send {member.wire}; "
            f"this setting needs botocore {member.added_in} or newer"
        )


# -- hooks built per class on first use behave as hooks built all at once --------------------------


def _eager_converter() -> Any:
    """The converter as it was built before hooks became lazy: every class's hooks up front."""
    conv = make_converter()
    for cls, structure in STRUCTURES.items():
        renames: dict[str, Any] = {m.name: override(rename=m.wire) for m in structure.members}
        conv.register_structure_hook(cls, make_dict_structure_fn(cls, conv, **renames))
        conv.register_unstructure_hook(
            cls, make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True, **renames)
        )
    return conv


@pytest.mark.parametrize("path", POOL_FILES, ids=lambda path: path.stem)
def test_hooks_made_on_first_use_read_and_write_every_fixture_pool_as_before(path: Path) -> None:
    wire = json.loads(path.read_text())["create_user_pool"]
    eager, lazy = _eager_converter(), converter()
    for cls in (UserPoolConfig, UserPoolFacts):
        before, after = eager.structure(wire, cls), lazy.structure(wire, cls)
        assert after == before
        assert lazy.unstructure(after) == eager.unstructure(before)
    assert to_wire(read_config(wire)) == eager.unstructure(eager.structure(wire, UserPoolConfig))


def test_the_lazy_hooks_still_rename_omit_and_read_open_literals() -> None:
    wire = {
        "PasswordPolicy": {"MinimumLength": 8},
        "SignInPolicy": {"AllowedFirstAuthFactors": ["PASSKEY_NEW"]},
    }
    policy = converter().structure(wire, UserPoolPolicy)
    assert policy.password_policy is not None
    assert policy.password_policy.minimum_length == 8
    assert policy.sign_in_policy is not None
    assert policy.sign_in_policy.allowed_first_auth_factors == ("PASSKEY_NEW",)
    assert to_wire(policy) == wire

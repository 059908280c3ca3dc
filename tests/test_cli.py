"""The ``cognito-pools`` command line, against moto (in-process, and once over HTTP)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from typing import Any

import boto3
import pytest
from moto import mock_aws
from moto.server import ThreadedMotoServer

from cognito_pools import UserPools, cli
from cognito_pools.cli import SettingError, main, parse_settings
from cognito_pools.demo import DEMO_POOL, MISSING_MOTO, run_demo

REGION = "eu-west-1"
RECOVERY = {"recovery_mechanisms": [{"name": "admin_only", "priority": 1}]}


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch):
    """Fake credentials, in-process moto, and a record of every call the CLI's client makes."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    calls: list[str] = []
    make_client = cli._client

    def recording_client(args: Any) -> Any:
        client = make_client(args)
        client.meta.events.register(
            "before-call.cognito-idp.*", lambda model, **_: calls.append(model.name)
        )
        return client

    monkeypatch.setattr(cli, "_client", recording_client)
    with mock_aws():
        yield calls


@pytest.fixture
def client(aws):
    return boto3.client("cognito-idp", region_name=REGION)


@pytest.fixture
def pool_id(client) -> str:
    return client.create_user_pool(**DEMO_POOL)["UserPool"]["Id"]


def run(*argv: str) -> int:
    return main(["--region", REGION, *argv])


def described(client, pool_id: str) -> dict[str, Any]:
    return client.describe_user_pool(UserPoolId=pool_id)["UserPool"]


class Terminal(io.StringIO):
    """Standard input that claims to be a terminal, with the user's answer already typed."""

    def isatty(self) -> bool:
        return True


# --- show ------------------------------------------------------------------------------------


def test_show_lists_each_setting_by_the_path_plan_and_update_take(pool_id, capsys):
    assert run("show", pool_id) == 0
    out = capsys.readouterr().out
    lines = [line.split(" = ", 1) for line in out.splitlines() if " = " in line]
    shown = {path.strip(): value for path, value in lines}
    assert shown["policies.password_policy.minimum_length"] == "8"
    assert shown["deletion_protection"] == "ACTIVE"
    version = shown["lambda_config.pre_token_generation_config.lambda_version"]
    assert version == "V2_0"
    assert shown["user_pool_tags"] == '{"team": "identity", "env": "prod"}'
    assert shown["auto_verified_attributes"] == '["email"]'
    assert "Facts (read-only):" in out
    assert shown["arn"].endswith(f":userpool/{pool_id}")


def test_show_json_is_the_snake_case_config_and_facts(pool_id, capsys):
    assert run("show", pool_id, "--json") == 0
    document = json.loads(capsys.readouterr().out)
    config = document["config"]
    assert document["id"] == pool_id
    assert config["policies"]["password_policy"]["minimum_length"] == 8
    assert config["email_configuration"]["from_"] == DEMO_POOL["EmailConfiguration"]["From"]
    assert config["account_recovery_setting"]["recovery_mechanisms"] == [
        {"priority": 1, "name": "verified_email"}
    ]
    assert "PoolName" not in json.dumps(document)  # no wire names
    assert "sms_configuration" not in config  # unset settings are left out, not null
    assert document["facts"]["creation_date"].startswith("20")  # ISO 8601, not an object


# --- plan ------------------------------------------------------------------------------------


def test_plan_prints_the_changes_and_writes_nothing(aws, client, pool_id, capsys):
    before = described(client, pool_id)
    status = run("plan", pool_id, "policies.password_policy.minimum_length=12", "mfa=OPTIONAL")
    out = capsys.readouterr().out
    assert status == 0
    assert "~ policies.password_policy.minimum_length: 8 -> 12" in out
    assert "~ mfa_configuration: 'OFF' -> 'OPTIONAL'" in out
    assert not {"UpdateUserPool", "SetUserPoolMfaConfig"} & set(aws)
    assert described(client, pool_id) == before


def test_plan_of_the_current_values_says_no_changes(pool_id, capsys):
    assert run("plan", pool_id, "deletion_protection=ACTIVE") == 0
    assert "No changes" in capsys.readouterr().out


# --- update ----------------------------------------------------------------------------------


def test_update_yes_applies_the_change_and_keeps_everything_else(aws, client, pool_id, capsys):
    pools = UserPools(client)
    before = pools.get(pool_id).config
    status = run("update", pool_id, "policies.password_policy.minimum_length=12", "--yes")
    out = capsys.readouterr().out
    assert status == 0
    assert "~ policies.password_policy.minimum_length: 8 -> 12" in out  # the plan comes first
    assert f"Updated user pool {pool_id}" in out
    assert aws.count("UpdateUserPool") == 1
    after = pools.get(pool_id).config
    assert after.policies is not None
    assert after.policies.password_policy is not None
    assert after.policies.password_policy.minimum_length == 12
    assert after.lambda_config == before.lambda_config
    assert after.email_configuration == before.email_configuration
    assert after.user_pool_tags == before.user_pool_tags
    assert after.deletion_protection == "ACTIVE"


def test_update_without_yes_and_without_a_terminal_refuses(aws, client, pool_id, capsys):
    before = described(client, pool_id)
    status = run("update", pool_id, "deletion_protection=INACTIVE")
    captured = capsys.readouterr()
    assert status == 2
    assert "~ deletion_protection: 'ACTIVE' -> 'INACTIVE'" in captured.out
    assert "--yes" in captured.err
    assert "UpdateUserPool" not in aws
    assert described(client, pool_id) == before


def test_update_on_a_terminal_asks_and_applies_on_yes(client, pool_id, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", Terminal("y\n"))
    assert run("update", pool_id, "deletion_protection=INACTIVE") == 0
    assert f"Apply this 1 change to {pool_id}? [y/N]" in capsys.readouterr().err
    assert described(client, pool_id)["DeletionProtection"] == "INACTIVE"


def test_update_on_a_terminal_writes_nothing_unless_the_answer_is_yes(
    aws, client, pool_id, capsys, monkeypatch
):
    monkeypatch.setattr(sys, "stdin", Terminal("\n"))  # just Enter: the default is No
    status = run("update", pool_id, "deletion_protection=INACTIVE", "pool_name=renamed")
    assert status == 2
    assert f"Apply these 2 changes to {pool_id}? [y/N]" in capsys.readouterr().err
    assert "UpdateUserPool" not in aws
    assert described(client, pool_id)["DeletionProtection"] == "ACTIVE"


def test_update_with_nothing_to_change_says_so_and_does_not_write(aws, pool_id, capsys):
    assert run("update", pool_id, "deletion_protection=ACTIVE", "--yes") == 0
    assert "No changes" in capsys.readouterr().out
    assert aws
    assert not {"UpdateUserPool", "SetUserPoolMfaConfig"} & set(aws)


def test_update_mfa_goes_through_the_mfa_api(aws, client, pool_id, capsys):
    assert run("update", pool_id, "mfa=OPTIONAL", "--yes") == 0
    assert "+ mfa.software_token_mfa_configuration.enabled = True" in capsys.readouterr().out
    assert aws.index("SetUserPoolMfaConfig") < aws.index("UpdateUserPool")
    mfa = client.get_user_pool_mfa_config(UserPoolId=pool_id)
    assert mfa["MfaConfiguration"] == "OPTIONAL"
    assert mfa["SoftwareTokenMfaConfiguration"] == {"Enabled": True}


def test_update_of_one_tag_keeps_the_other_tags(client, pool_id, capsys):
    status = run(
        "update",
        pool_id,
        "user_pool_tags.owner=auth-team",
        "--clear",
        "user_pool_tags.env",
        "--yes",
    )
    assert status == 0
    assert described(client, pool_id)["UserPoolTags"] == {"team": "identity", "owner": "auth-team"}


def test_update_clears_a_trigger_with_clear_or_null(client, pool_id, capsys):
    assert run("update", pool_id, "--clear", "lambda_config.pre_sign_up", "--yes") == 0
    assert run("update", pool_id, "lambda_config.post_confirmation=null", "--yes") == 0
    triggers = described(client, pool_id)["LambdaConfig"]
    assert "PreSignUp" not in triggers
    assert "PostConfirmation" not in triggers
    assert triggers["CustomEmailSender"] == DEMO_POOL["LambdaConfig"]["CustomEmailSender"]


# --- refused input and errors ----------------------------------------------------------------


def test_a_bad_value_exits_2_naming_the_setting_and_writes_nothing(aws, client, pool_id, capsys):
    before = described(client, pool_id)
    status = run(
        "update",
        pool_id,
        "policies.password_policy.minimum_length=3",
        "deletion_protection=NO",
        "--yes",
    )
    err = capsys.readouterr().err
    assert status == 2
    assert "nothing was written" in err
    assert "policies.password_policy.minimum_length:" in err
    assert "deletion_protection:" in err
    assert "UpdateUserPool" not in aws
    assert described(client, pool_id) == before


def test_a_misspelt_setting_exits_2_and_suggests_the_right_one(pool_id, capsys):
    assert run("plan", pool_id, "policies.password_policy.minimum_lenght=12") == 2
    err = capsys.readouterr().err
    assert "policies.password_policy.minimum_lenght" in err
    assert "minimum_length" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["nonsense"], "expected PATH=VALUE"),
        (["=12"], "the path must be dotted setting names"),
        (["policies..minimum_length=1"], "the path must be dotted setting names"),
        (
            ["policies.password_policy={}", "policies.password_policy.minimum_length=12"],
            "both set policies.password_policy",
        ),
        (["pool_name=a", "pool_name=b"], "both set pool_name"),
        (["pool_name=a", "--clear", "pool_name"], "both set pool_name"),
    ],
)
def test_a_malformed_setting_exits_2_before_any_call(aws, pool_id, capsys, argv, message):
    assert run("update", pool_id, *argv, "--yes") == 2
    assert message in capsys.readouterr().err
    assert aws == []


def test_an_unknown_pool_exits_1_with_a_clear_message(aws, capsys):
    assert run("show", f"{REGION}_doesnotexist") == 1
    err = capsys.readouterr().err
    assert f"user pool {REGION}_doesnotexist not found" in err
    assert "--region" in err


def test_without_a_region_the_cli_says_so_and_exits_1(aws, capsys, monkeypatch, tmp_path):
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    monkeypatch.delenv("AWS_REGION", raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    assert main(["show", "eu-west-1_x"]) == 1
    assert "region" in capsys.readouterr().err.lower()


def test_settings_after_options_are_still_settings(pool_id, capsys):
    status = run("plan", pool_id, "--clear", "user_pool_tags", "deletion_protection=INACTIVE")
    out = capsys.readouterr().out
    assert status == 0
    assert "- user_pool_tags" in out
    assert "~ deletion_protection" in out


def test_an_unknown_option_is_an_argument_error(pool_id, capsys):
    with pytest.raises(SystemExit) as exit_info:
        run("plan", pool_id, "pool_name=x", "--force")
    assert exit_info.value.code == 2
    assert "--force" in capsys.readouterr().err


# --- parsing settings ------------------------------------------------------------------------


def test_values_are_json_when_they_parse_and_text_otherwise():
    settings = parse_settings(
        [
            "policies.password_policy.minimum_length=12",
            "policies.password_policy.require_symbols=false",
            "deletion_protection=ACTIVE",
            "email_configuration.from_=Shop <no-reply@example.com>",
            f"account_recovery_setting={json.dumps(RECOVERY)}",
            "mfa=OPTIONAL",
            "lambda_config.pre_sign_up=null",
        ],
        clears=["sms_authentication_message"],
    )
    assert settings.changes == {
        "policies": {"password_policy": {"minimum_length": 12, "require_symbols": False}},
        "deletion_protection": "ACTIVE",
        "email_configuration": {"from_": "Shop <no-reply@example.com>"},
        "account_recovery_setting": RECOVERY,
        "mfa": "OPTIONAL",
        "lambda_config": {"pre_sign_up": None},
        "sms_authentication_message": None,
    }


def test_a_text_setting_keeps_digits_as_text_and_a_string_list_takes_commas():
    settings = parse_settings(["pool_name=2024", "auto_verified_attributes=email,phone_number"])
    assert settings.changes == {
        "pool_name": "2024",
        "auto_verified_attributes": ["email", "phone_number"],
    }


def test_a_map_entry_path_keeps_the_rest_of_the_key_dots_included():
    settings = parse_settings(["user_pool_tags.app.example.com/owner=auth"])
    assert settings.changes == {}
    assert settings.map_entries == {("user_pool_tags",): {"app.example.com/owner": "auth"}}


def test_conflicting_paths_name_both_arguments():
    with pytest.raises(SettingError) as error:
        parse_settings(["lambda_config={}", "lambda_config.pre_sign_up=null"])
    assert "'lambda_config={}'" in str(error.value)
    assert "'lambda_config.pre_sign_up=null'" in str(error.value)


# --- over HTTP, python -m, and the demo ------------------------------------------------------


def test_endpoint_url_reaches_a_moto_server_over_http(capsys, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        url = f"http://{host}:{port}"
        remote = boto3.client("cognito-idp", region_name=REGION, endpoint_url=url)
        pool = remote.create_user_pool(**DEMO_POOL)["UserPool"]["Id"]
        argv = ["--region", REGION, "--endpoint-url", url, "update", pool]
        assert main([*argv, "deletion_protection=INACTIVE", "--yes"]) == 0
        after = remote.describe_user_pool(UserPoolId=pool)["UserPool"]
    finally:
        server.stop()
    assert after["DeletionProtection"] == "INACTIVE"
    assert after["LambdaConfig"] == DEMO_POOL["LambdaConfig"]
    assert "~ deletion_protection: 'ACTIVE' -> 'INACTIVE'" in capsys.readouterr().out


def test_python_dash_m_runs_the_same_command():
    result = subprocess.run(
        [sys.executable, "-m", "cognito_pools", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    for command in ("show", "plan", "update", "demo"):
        assert command in result.stdout


def test_demo_runs_end_to_end(capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "1 setting asked for;" in out
    assert "- deletion_protection (was 'ACTIVE')" in out  # what plain boto3 reset
    assert "- user_pool_tags (was" in out
    assert "~ policies.password_policy.minimum_length: 8 -> 12" in out
    assert "Exactly the planned ones" in out
    assert "UNEXPECTED" not in out
    assert "ValidationError: " in out
    assert "API calls: none" in out
    assert 30 <= len(out.splitlines()) <= 70


def test_demo_without_moto_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "moto.server", None)  # makes the import fail
    out = io.StringIO()
    assert run_demo(out) == 2
    assert out.getvalue().strip() == MISSING_MOTO

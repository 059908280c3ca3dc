"""The ``clients`` and ``client ...`` commands, end to end against a moto server over HTTP.

The server resets what UpdateUserPoolClient leaves out, as AWS does
(``cognito_pools/_resetting_moto.py``), so a command that forgot a setting would show it. Most
runs are in-process (``main(argv)``, output captured): a subprocess costs half a second and adds
nothing the pool commands' tests do not already prove; one run goes through the installed entry
point all the same.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import boto3
import pytest

from cognito_pools import UserPools
from cognito_pools.cli import main

if TYPE_CHECKING:
    from collections.abc import Callable

REGION = "us-east-1"
ENTRY_POINT = str(Path(sys.executable).with_name("cognito-pools"))


@pytest.fixture
def cognito(endpoint: str, monkeypatch: pytest.MonkeyPatch, resetting_clients: None) -> Any:
    monkeypatch.setenv("AWS_ENDPOINT_URL", endpoint)
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    return boto3.client("cognito-idp", region_name=REGION, endpoint_url=endpoint)


@pytest.fixture
def app_client(cognito: Any, load_client: Callable[[str], dict[str, Any]]) -> tuple[str, str]:
    """A pool with fixture 09 (AWS's every-option example, with a secret) and fixture 03."""
    pool_id: str = cognito.create_user_pool(PoolName="cli")["UserPool"]["Id"]
    created = cognito.create_user_pool_client(UserPoolId=pool_id, **load_client("09"))
    cognito.create_user_pool_client(UserPoolId=pool_id, **load_client("03"))
    return pool_id, created["UserPoolClient"]["ClientId"]


def run(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str = "") -> tuple[int, str, str]:
    old_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        status = main(list(argv))
    finally:
        sys.stdin = old_stdin
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def secret_of(cognito: Any, pool_id: str, client_id: str) -> str:
    answer = cognito.describe_user_pool_client(UserPoolId=pool_id, ClientId=client_id)
    secret: str = answer["UserPoolClient"]["ClientSecret"]
    return secret


def test_clients_lists_every_app_client(
    cognito: Any, app_client: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    pool_id, client_id = app_client
    status, out, _ = run(capsys, "clients", pool_id, "--output", "json")
    assert status == 0
    listed = json.loads(out)["clients"]
    assert {"client_id": client_id, "client_name": "MyTestClient"} in listed
    names = sorted(item["client_name"] for item in listed)
    assert names == ["MyTestClient", "tf-acc-test-analytics"]
    status, out, _ = run(capsys, "clients", pool_id)
    assert status == 0
    assert client_id in out
    assert "MyTestClient" in out


def test_show_prints_the_paths_plan_takes_and_never_the_secret(
    cognito: Any, app_client: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    pool_id, client_id = app_client
    secret = secret_of(cognito, pool_id, client_id)
    status, out, _ = run(capsys, "client", "show", pool_id, client_id)
    assert status == 0
    assert "token_validity_units.access_token" in out
    assert 'client_secret = "***"' in out
    status, document, _ = run(capsys, "client", "show", pool_id, client_id, "--output", "json")
    assert status == 0
    shown = json.loads(document)
    assert shown["settings"]["auth_session_validity"] == 4
    assert shown["facts"]["client_secret"] == "***"  # noqa: S105 - the redaction marker
    assert secret not in out + document


def test_plan_update_and_the_detailed_exit_code(
    cognito: Any, app_client: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    pool_id, client_id = app_client
    before = UserPools(cognito).app_client(pool_id, client_id).config
    args = ("client", "plan", pool_id, client_id, "logout_urls=https://example.com/bye")
    status, out, _ = run(capsys, *args, "--output", "json", "--detailed-exitcode")
    assert status == 2
    assert json.loads(out) == {
        "pool_id": pool_id,
        "client_id": client_id,
        "changes": [{"path": "logout_urls", "old": None, "new": ["https://example.com/bye"]}],
    }
    status, out, err = run(
        capsys, "client", "update", pool_id, client_id, "logout_urls=https://example.com/bye"
    )
    assert status == 1  # no terminal and no --yes: nothing written
    assert "--yes" in err
    assert UserPools(cognito).app_client(pool_id, client_id).config == before

    status, out, _ = run(
        capsys,
        "client",
        "update",
        pool_id,
        client_id,
        "logout_urls=https://example.com/bye",
        "token_validity_units.access_token=hours",
        "access_token_validity=1",
        "--yes",
    )
    assert status == 0
    assert "3 changes applied" in out
    after = UserPools(cognito).app_client(pool_id, client_id).config
    assert after.callback_urls == before.callback_urls  # the reset did not spring
    assert after.allowed_o_auth_flows == before.allowed_o_auth_flows
    assert after.token_validity_units is not None
    assert after.token_validity_units.id_token == "minutes"  # noqa: S105 - a unit
    status, out, _ = run(capsys, *args, "--detailed-exitcode")
    assert status == 0
    assert "No changes" in out


def test_a_refused_change_is_one_message_per_problem_and_writes_nothing(
    cognito: Any, app_client: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    pool_id, client_id = app_client
    status, out, err = run(
        capsys, "client", "update", pool_id, client_id, "token_validity_units=null", "--yes"
    )
    assert status == 1
    assert out == ""
    assert "refused, nothing was written (2 problems)" in err
    assert "access_token_validity: 60 hours is out of range" in err
    status, _, err = run(capsys, "client", "plan", pool_id, "nosuchclient", "client_name=x")
    assert status == 1
    assert err.startswith(f"cognito-pools: app client nosuchclient of user pool {pool_id} ")
    assert "not found" in err
    status, _, err = run(capsys, "client", "plan", pool_id, client_id, "callback_url=x")
    assert status == 1
    assert "did you mean 'callback_urls'?" in err


def test_export_then_apply_is_a_no_op_and_a_file_is_the_full_state(
    cognito: Any,
    app_client: tuple[str, str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    pool_id, client_id = app_client
    secret = secret_of(cognito, pool_id, client_id)
    status, exported, _ = run(capsys, "client", "export", pool_id, client_id)
    assert status == 0
    assert secret not in exported
    document = json.loads(exported)
    assert document["format_version"] == 1
    path = tmp_path / "client.json"
    path.write_text(exported)
    status, out, _ = run(capsys, "client", "apply", pool_id, client_id, str(path), "--yes")
    assert status == 0
    assert "No changes" in out

    del document["settings"]["supported_identity_providers"]
    document["settings"]["auth_session_validity"] = 6
    path.write_text(json.dumps(document))
    status, out, _ = run(
        capsys, "client", "plan", pool_id, client_id, "--file", str(path), "--output", "json"
    )
    assert status == 0
    changes = {change["path"]: change["new"] for change in json.loads(out)["changes"]}
    assert changes == {"supported_identity_providers": None, "auth_session_validity": 6}
    status, _, _ = run(capsys, "client", "apply", pool_id, "-", client_id, "--yes")
    assert status == 1  # FILE comes after CLIENT_ID: a usage error, nothing read
    status, out, _ = run(
        capsys, "client", "apply", pool_id, client_id, "-", "--yes", stdin=path.read_text()
    )
    assert status == 0
    config = UserPools(cognito).app_client(pool_id, client_id).config
    assert config.supported_identity_providers is None
    assert config.auth_session_validity == 6
    assert config.callback_urls is not None  # everything the file kept is still there


def test_the_analytics_external_id_is_redacted_but_exported(
    cognito: Any, app_client: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    pool_id, _ = app_client
    listed = UserPools(cognito).app_clients(pool_id)
    analytics = next(item for item in listed if item.client_name == "tf-acc-test-analytics")
    status, out, _ = run(capsys, "client", "show", pool_id, analytics.client_id)
    assert status == 0
    shown = {
        line.split("=")[0].strip(): line.split("=", 1)[1].strip()
        for line in out.splitlines()
        if " = " in line
    }
    assert shown["analytics_configuration.external_id"] == '"***"'
    status, out, _ = run(
        capsys,
        "client",
        "plan",
        pool_id,
        analytics.client_id,
        "analytics_configuration.external_id=new-one",
    )
    assert "'tf-acc-test-analytics'" not in out
    assert "new-one" not in out
    status, exported, _ = run(capsys, "client", "export", pool_id, analytics.client_id)
    assert json.loads(exported)["settings"]["analytics_configuration"]["external_id"] == (
        "tf-acc-test-analytics"
    )


def test_the_installed_command_and_its_help(endpoint: str, app_client: tuple[str, str]) -> None:
    pool_id, client_id = app_client
    env = {**os.environ, "AWS_ENDPOINT_URL": endpoint, "AWS_DEFAULT_REGION": REGION}
    done = subprocess.run(  # noqa: S603 - our own entry point
        [ENTRY_POINT, "client", "plan", pool_id, client_id, "auth_session_validity=5"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "~ auth_session_validity  4 -> 5" in done.stdout
    for command in ("show", "plan", "update", "export", "apply"):
        assert main(["client", command, "--help"]) == 0


def test_the_demo_shows_the_client_trap(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "5. App clients have the same trap." in out
    assert "- allowed_o_auth_flows (was ['code'])" in out  # what plain boto3 reset
    assert "differs from before in 1 setting:" in out
    assert "UNEXPECTED" not in out

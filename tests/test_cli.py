"""The ``cognito-pools`` command, end to end: the installed entry point in subprocesses, against
one moto server over HTTP, as a user or a CI pipeline runs it.

Each subprocess run checks everything a user would notice about it at once (exit status, what
it printed where, what the pool holds afterwards), because starting one costs half a second.
The parsing of ``PATH=VALUE`` arguments and the help texts are checked in-process.
"""

from __future__ import annotations

import io
import json
import os
import pty
import re
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import boto3
import pytest
from conftest import ctrl_c_as_at_a_terminal
from wire import running_moto_server

from cognito_pools import UserPools
from cognito_pools.cli import SettingError, main, parse_settings
from cognito_pools.cli.arguments import UsageError
from cognito_pools.cli.configfile import change_to_match, with_overrides
from cognito_pools.demo import DEMO_POOL, MISSING_MOTO, run_demo
from cognito_pools.rules import PAIRS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

REGION = "us-east-1"
POOL_FILES = sorted((Path(__file__).resolve().parent / "pools").glob("*.json"))
ENTRY_POINT = str(Path(sys.executable).with_name("cognito-pools"))
RECOVERY = {"recovery_mechanisms": [{"name": "admin_only", "priority": 1}]}


# --- the server and the command ---------------------------------------------------------------


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    """One moto server for every test here."""
    with running_moto_server() as url:
        yield url


@pytest.fixture(scope="module")
def client(endpoint: str) -> Any:
    return boto3.client("cognito-idp", region_name=REGION, endpoint_url=endpoint)


@pytest.fixture(scope="module")
def env(endpoint: str) -> dict[str, str]:
    """The environment of every run: fake credentials, the region, and the server's URL."""
    variables = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "TERM"}}
    variables |= {"AWS_DEFAULT_REGION": REGION, "AWS_ENDPOINT_URL": endpoint}
    return variables


@pytest.fixture
def make_pool(client: Any) -> Callable[..., str]:
    def make(kwargs: dict[str, Any] | None = None) -> str:
        pool_id: str = client.create_user_pool(**(kwargs or DEMO_POOL))["UserPool"]["Id"]
        return pool_id

    return make


@pytest.fixture
def cli(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``cognito-pools ARGS`` with no terminal, in this process; ``env`` entries set to None
    are removed.

    The entry point is the one the installed script calls, with the same environment; starting a
    fresh interpreter for each of a hundred runs would cost far more than the commands do. The
    tests that need a process of its own (a terminal, signals, a closed pipe) start one.
    """
    for name in ("NO_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)

    def run(*args: str, stdin: str = "", **extra: str | None) -> subprocess.CompletedProcess[str]:
        with monkeypatch.context() as scoped:
            for name, value in extra.items():
                if value is None:
                    scoped.delenv(name, raising=False)
                else:
                    scoped.setenv(name, value)
            out, err = io.StringIO(), io.StringIO()
            scoped.setattr(sys, "stdin", io.StringIO(stdin))
            scoped.setattr(sys, "stdout", out)
            scoped.setattr(sys, "stderr", err)
            status = main(list(args))
        return subprocess.CompletedProcess(list(args), status, out.getvalue(), err.getvalue())

    return run


def on_terminal(
    args: list[str], env: dict[str, str], answer: str | None = None, timeout: float = 60
) -> tuple[int, str]:
    """Run the command on a pseudo-terminal, typing ``answer`` at the [y/N] prompt."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(  # noqa: S603 - our own entry point
        [ENTRY_POINT, *args], stdin=follower, stdout=follower, stderr=follower, env=env
    )
    os.close(follower)
    output = b""
    answered = answer is None
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the command exited and closed the terminal
                break
            if not chunk:
                break
            output += chunk
            if not answered and b"[y/N] " in output:
                os.write(leader, (answer or "").encode())
                answered = True
        status = process.wait(timeout=max(deadline - time.monotonic(), 1))
    finally:
        os.close(leader)
        if process.poll() is None:
            process.kill()
    return status, output.decode().replace("\r\n", "\n")


def described(client: Any, pool_id: str) -> dict[str, Any]:
    user_pool: dict[str, Any] = client.describe_user_pool(UserPoolId=pool_id)["UserPool"]
    return user_pool


def one_line(text: str) -> str:
    """The one line a failed command printed, asserting it is exactly one and not a traceback."""
    lines = text.splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    assert lines[0].startswith("cognito-pools"), text
    return lines[0]


def table(text: str) -> dict[str, str]:
    """``path = value`` lines of a ``show`` table, by path."""
    pairs = [line.strip().split(" = ", 1) for line in text.splitlines() if " = " in line]
    return {path.strip(): value for path, value in pairs}


@pytest.fixture
def black_hole() -> Iterator[tuple[str, threading.Event]]:
    """An endpoint that accepts connections and never answers; the event is set on connect."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    connected = threading.Event()
    accepted: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            accepted.append(connection)
            connected.set()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}", connected
    listener.close()
    for connection in accepted:
        connection.close()


# --- show --------------------------------------------------------------------------------------


def test_show_prints_json_values_by_the_paths_plan_takes_back(cli, make_pool, load_pool):
    pool_id = make_pool(load_pool("31"))
    shown = cli("show", pool_id)
    assert shown.returncode == 0, shown.stderr
    assert shown.stderr == ""
    values = table(shown.stdout)
    assert values["deletion_protection"] == '"ACTIVE"'  # JSON, as the input takes it
    assert values["policies.password_policy.require_symbols"] == "true"
    assert values["auto_verified_attributes"] == '["email"]'
    assert "mfa_configuration" not in values  # UpdateUserPool's copy; the MFA setup has it
    assert values["mfa.mfa_configuration"] == '"OPTIONAL"'  # as the pool was created
    assert values["arn"] == f'"arn:aws:cognito-idp:{REGION}:123456789012:userpool/{pool_id}"'
    lines = [line for line in shown.stdout.splitlines() if " = " in line]
    settings, facts = shown.stdout.split("Facts (read-only):")
    columns = {line.index(" = ") for line in settings.splitlines() if " = " in line}
    assert len(columns) <= 2, "settings and MFA lines align, however long the path"
    assert lines

    # Every setting and MFA path shown, with its value as shown, plans to no change at all.
    # Left out: the secret (shown redacted), and paired settings (legacy twins), which this pool
    # has in disagreement: naming one side makes the other follow, which is a change.
    paired = {path for pair in PAIRS for path in (pair.legacy, pair.current)}
    arguments = [
        f"{path}={value}"
        for path, value in table(settings).items()
        if value != '"***"' and path not in paired
    ]
    assert len(arguments) > 40
    again = cli("plan", pool_id, *arguments, "--detailed-exitcode")
    assert again.returncode == 0, again.stdout + again.stderr
    assert again.stdout == f"No changes to user pool {pool_id}.\n"
    assert "Facts" not in facts  # split once: facts come last


def test_show_json_and_global_options_after_the_command(cli, make_pool, endpoint):
    pool_id = make_pool()
    # No region or endpoint in the environment: the options after the command must work.
    shown = cli(
        "show",
        pool_id,
        "--region",
        REGION,
        "--endpoint-url",
        endpoint,
        "--output",
        "json",
        AWS_DEFAULT_REGION=None,
        AWS_ENDPOINT_URL=None,
    )
    assert shown.returncode == 0, shown.stderr
    document = json.loads(shown.stdout)
    settings = document["settings"]
    assert document["pool_id"] == pool_id
    assert settings["policies"]["password_policy"]["minimum_length"] == 8
    assert settings["email_configuration"]["from_"] == DEMO_POOL["EmailConfiguration"]["From"]
    assert settings["mfa"]["mfa_configuration"] == "OFF"
    assert "mfa_configuration" not in settings
    assert "PoolName" not in shown.stdout  # snake_case only
    assert document["facts"]["creation_date"].startswith("20")


def test_the_external_id_is_redacted_except_in_export(cli, make_pool, load_pool):
    pool_id = make_pool(load_pool("09"))
    path = "sms_configuration.external_id"
    assert table(cli("show", pool_id).stdout)[path] == '"***"'
    planned = cli("plan", pool_id, f"{path}=new-secret", "--output", "json")
    assert planned.returncode == 0, planned.stderr
    assert json.loads(planned.stdout)["changes"] == [{"path": path, "old": "***", "new": "***"}]
    assert "new-secret" not in planned.stdout
    exported = json.loads(cli("export", pool_id).stdout)
    assert exported["settings"]["sms_configuration"]["external_id"] == "test"  # apply needs it


def test_aws_profile_chooses_region_and_endpoint(cli, make_pool, endpoint, tmp_path):
    pool_id = make_pool()
    config = tmp_path / "config"
    config.write_text(f"[profile moto]\nregion = {REGION}\nendpoint_url = {endpoint}\n")
    shown = cli(
        "show",
        pool_id,
        AWS_PROFILE="moto",
        AWS_CONFIG_FILE=str(config),
        AWS_DEFAULT_REGION=None,
        AWS_ENDPOINT_URL=None,
    )
    assert shown.returncode == 0, shown.stderr
    assert pool_id in shown.stdout
    missing = cli("--profile", "nope", "show", pool_id, AWS_CONFIG_FILE=str(config))
    assert missing.returncode == 1
    assert "--profile" in one_line(missing.stderr)


# --- plan --------------------------------------------------------------------------------------


def test_plan_prints_json_values_exits_by_the_plan_and_writes_nothing(cli, client, make_pool):
    pool_id = make_pool()
    before = described(client, pool_id)
    change = ["policies.password_policy.minimum_length=12", "deletion_protection=INACTIVE"]

    text = cli("plan", pool_id, *change)
    assert text.returncode == 0, text.stderr
    assert text.stdout.splitlines() == [
        f"User pool {pool_id}: 2 settings to change",
        "  ~ policies.password_policy.minimum_length  8 -> 12",
        '  ~ deletion_protection                      "ACTIVE" -> "INACTIVE"',
    ]
    assert "\x1b[" not in text.stdout  # no colour without a terminal

    detailed = cli("plan", pool_id, *change, "--detailed-exitcode", "--output", "json")
    assert detailed.returncode == 2
    assert json.loads(detailed.stdout) == {
        "pool_id": pool_id,
        "changes": [
            {"path": "policies.password_policy.minimum_length", "old": 8, "new": 12},
            {"path": "deletion_protection", "old": "ACTIVE", "new": "INACTIVE"},
        ],
    }

    unchanged = cli("plan", pool_id, "deletion_protection=ACTIVE", "--detailed-exitcode")
    assert unchanged.returncode == 0
    assert unchanged.stdout == f"No changes to user pool {pool_id}.\n"
    assert described(client, pool_id) == before


# --- update ------------------------------------------------------------------------------------


def test_update_yes_applies_exactly_the_change(cli, client, make_pool):
    pool_id = make_pool()
    pools = UserPools(client)
    before = pools.get(pool_id).config
    done = cli(
        "update",
        pool_id,
        "policies.password_policy.minimum_length=12",
        "user_pool_tags.owner=auth-team",
        "--clear",
        "lambda_config.pre_sign_up",
        "--yes",
    )
    assert done.returncode == 0, done.stderr
    assert "~ policies.password_policy.minimum_length  8 -> 12" in done.stdout  # plan first
    assert done.stdout.endswith(f"Updated user pool {pool_id}: 3 changes applied.\n")
    after = pools.get(pool_id).config
    assert after.policies is not None
    assert after.policies.password_policy is not None
    assert after.policies.password_policy.minimum_length == 12
    assert after.user_pool_tags == {"team": "identity", "env": "prod", "owner": "auth-team"}
    assert before.lambda_config is not None
    assert after.lambda_config is not None
    assert after.lambda_config.pre_sign_up is None
    assert after.lambda_config.custom_email_sender == before.lambda_config.custom_email_sender
    assert after.email_configuration == before.email_configuration
    assert after.deletion_protection == "ACTIVE"

    again = cli("update", pool_id, "policies.password_policy.minimum_length=12", "--output", "json")
    assert again.returncode == 0  # nothing to change: no question, no write, success
    assert json.loads(again.stdout) == {"pool_id": pool_id, "changes": [], "applied": False}


def test_update_without_yes_or_terminal_refuses_and_json_reports_the_write(cli, client, make_pool):
    pool_id = make_pool()
    before = described(client, pool_id)
    refused = cli("update", pool_id, "deletion_protection=INACTIVE")
    assert refused.returncode == 1
    assert '~ deletion_protection  "ACTIVE" -> "INACTIVE"' in refused.stdout
    assert "--yes" in one_line(refused.stderr)
    assert described(client, pool_id) == before

    written = cli("update", pool_id, "deletion_protection=INACTIVE", "--yes", "--output", "json")
    assert written.returncode == 0, written.stderr
    assert json.loads(written.stdout) == {
        "pool_id": pool_id,
        "changes": [{"path": "deletion_protection", "old": "ACTIVE", "new": "INACTIVE"}],
        "applied": True,
    }
    assert described(client, pool_id)["DeletionProtection"] == "INACTIVE"


def test_on_a_terminal_update_and_apply_ask_and_write_only_on_yes(env, client, make_pool, tmp_path):
    pool_id = make_pool()
    change = ["update", pool_id, "deletion_protection=INACTIVE", "user_pool_tags.team=auth"]

    status, shown = on_terminal(change, {**env, "NO_COLOR": "1"}, answer="\n")  # Enter: No
    assert status == 1
    assert f"Apply these 2 changes to {pool_id}? [y/N]" in shown
    assert "not confirmed; nothing was written" in shown
    assert "\x1b[" not in shown  # NO_COLOR
    assert described(client, pool_id)["DeletionProtection"] == "ACTIVE"

    status, shown = on_terminal(change, env, answer="y\n")
    assert status == 0, shown
    assert "\x1b[33m" in shown  # a changed setting is coloured on a terminal
    assert f"Updated user pool {pool_id}: 2 changes applied." in shown
    after = described(client, pool_id)
    assert after["DeletionProtection"] == "INACTIVE"
    assert after["UserPoolTags"] == {"team": "auth", "env": "prod"}

    # apply asks the same way: "n" writes nothing.
    file = tmp_path / "pool.json"
    document = {"format_version": 1, "settings": {"pool_name": "renamed"}}
    file.write_text(json.dumps(document), encoding="utf-8")
    status, shown = on_terminal(["apply", pool_id, str(file)], env, answer="n\n")
    assert status == 1
    assert "- lambda_config.pre_sign_up" in shown  # full desired state: the removals show
    assert "? [y/N]" in shown
    assert described(client, pool_id) == after


# --- export, apply, plan --file ----------------------------------------------------------------


def _export_then_apply(cli: Callable[..., Any], pool_id: str, folder: Path) -> tuple[Any, Any]:
    exported = cli("export", pool_id)
    if exported.returncode != 0:
        return exported, None
    path = folder / f"{pool_id}.json"
    path.write_text(exported.stdout, encoding="utf-8")
    return exported, cli("apply", pool_id, str(path), "--yes")


def test_export_then_apply_changes_nothing_on_every_pool(cli, client, tmp_path):
    pools = {path.stem: make_pool_from(client, path) for path in POOL_FILES}
    before = {name: described(client, pool_id) for name, pool_id in pools.items()}
    # In this process: forty fresh interpreters would cost far more than the commands do.
    results = {name: _export_then_apply(cli, pool_id, tmp_path) for name, pool_id in pools.items()}

    for name, pool_id in pools.items():
        exported, applied = results[name]
        assert exported.returncode == 0, f"{name}: {exported.stderr}"
        document = json.loads(exported.stdout)
        assert document["format_version"] == 1
        assert exported.stdout == _stable(document)
        assert applied.returncode == 0, f"{name}: {applied.stdout}{applied.stderr}"
        assert applied.stdout == f"No changes to user pool {pool_id}.\n", name
        assert described(client, pool_id) == before[name], f"{name} was written"


def _stable(document: Any) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def make_pool_from(client: Any, path: Path) -> str:
    kwargs = json.loads(path.read_text(encoding="utf-8"))["create_user_pool"]
    pool_id: str = client.create_user_pool(**kwargs)["UserPool"]["Id"]
    return pool_id


def test_an_edited_export_applies_exactly_the_edit(  # noqa: PLR0917 - fixtures
    cli, client, make_pool, load_pool, moved, after_update, tmp_path
):
    pool_id = make_pool(load_pool("31"))
    pools = UserPools(client)
    before = pools.get(pool_id).config
    exported = cli("export", pool_id)
    document = json.loads(exported.stdout)
    settings = document["settings"]
    settings["deletion_protection"] = "INACTIVE"
    settings["policies"]["password_policy"]["minimum_length"] = 10
    settings["user_pool_tags"]["team"] = "auth"
    del settings["lambda_config"]["pre_sign_up"]  # full desired state: absent means remove
    del settings["sms_authentication_message"]
    edited = tmp_path / "pool.json"
    edited.write_text(json.dumps(document), encoding="utf-8")
    edits = [
        "deletion_protection",
        "lambda_config.pre_sign_up",
        "policies.password_policy.minimum_length",
        "sms_authentication_message",
        "user_pool_tags.team",
    ]
    settings_edited = [*edits[:-1], "user_pool_tags"]  # moved() names the map, not its key

    drift = cli("plan", pool_id, "--file", str(edited), "--detailed-exitcode", "--output", "json")
    assert drift.returncode == 2, drift.stderr
    planned = json.loads(drift.stdout)["changes"]
    assert sorted(change["path"] for change in planned) == edits
    removal = next(c for c in planned if c["path"] == "lambda_config.pre_sign_up")
    assert removal["new"] is None

    applied = cli("apply", pool_id, str(edited), "--yes")
    assert applied.returncode == 0, applied.stderr
    assert "- lambda_config.pre_sign_up" in applied.stdout
    assert applied.stdout.endswith("5 changes applied.\n")
    after = pools.get(pool_id).config
    assert sorted(moved(after_update(before), after)) == settings_edited

    converged = cli("plan", pool_id, "--file", str(edited), "--detailed-exitcode")
    assert converged.returncode == 0, converged.stdout
    # The file goes through standard input too, and onto another pool.
    other = make_pool(load_pool("31"))
    piped = cli("apply", other, "-", "--yes", stdin=edited.read_text(encoding="utf-8"))
    assert piped.returncode == 0, piped.stderr
    assert sorted(moved(after_update(before), pools.get(other).config)) == settings_edited


def test_plan_file_with_settings_laid_over_it(cli, make_pool, tmp_path):
    pool_id = make_pool()
    path = tmp_path / "pool.json"
    path.write_text(cli("export", pool_id).stdout, encoding="utf-8")
    overridden = cli(
        "plan", pool_id, "--file", str(path), "user_pool_tags.team=auth", "--output", "json"
    )
    assert overridden.returncode == 0, overridden.stderr
    assert json.loads(overridden.stdout)["changes"] == [
        {"path": "user_pool_tags.team", "old": "identity", "new": "auth"},
    ]


# --- MFA ---------------------------------------------------------------------------------------


def test_mfa_paths_plan_update_show_and_export(cli, client, make_pool, tmp_path):
    pool_id = make_pool()
    path = "mfa.software_token_mfa_configuration.enabled"
    planned = cli("plan", pool_id, "mfa=OPTIONAL", f"{path}=true", "--output", "json")
    assert planned.returncode == 0, planned.stderr
    assert path in {change["path"] for change in json.loads(planned.stdout)["changes"]}

    done = cli("update", pool_id, "mfa.mfa_configuration=OPTIONAL", f"{path}=true", "--yes")
    assert done.returncode == 0, done.stderr
    mfa = client.get_user_pool_mfa_config(UserPoolId=pool_id)
    assert mfa["MfaConfiguration"] == "OPTIONAL"
    assert mfa["SoftwareTokenMfaConfiguration"] == {"Enabled": True}

    shown = table(cli("show", pool_id).stdout)
    assert shown[path] == "true"
    assert shown["mfa.mfa_configuration"] == '"OPTIONAL"'
    exported = json.loads(cli("export", pool_id).stdout)
    assert exported["settings"]["mfa"]["software_token_mfa_configuration"] == {"enabled": True}

    # Turning MFA off in the file is a drift that apply removes.
    exported["settings"]["mfa"] = {"mfa_configuration": "OFF"}
    file = tmp_path / "off.json"
    file.write_text(json.dumps(exported), encoding="utf-8")
    applied = cli("apply", pool_id, str(file), "--yes")
    assert applied.returncode == 0, applied.stderr
    assert client.get_user_pool_mfa_config(UserPoolId=pool_id)["MfaConfiguration"] == "OFF"
    converged = cli("plan", pool_id, "--file", str(file), "--detailed-exitcode")
    assert converged.returncode == 0, converged.stdout


# --- failures: one clear line, exit 1, nothing written -----------------------------------------


@pytest.fixture
def guarded_pool(client, make_pool) -> Iterator[str]:
    """A pool that must be exactly as created after the test."""
    pool_id = make_pool()
    before = described(client, pool_id)
    yield pool_id
    assert described(client, pool_id) == before, "a refused command wrote to the pool"


BAD_INPUTS = {
    "unknown command": (["frobnicate"], "invalid choice: 'frobnicate'"),
    "no pool id": (["show"], "required: POOL_ID"),
    "unknown option": (["update", "{pool}", "pool_name=x", "--force"], "--force"),
    "update without a change": (["update", "{pool}"], "at least one PATH=VALUE"),
    "bad timeout": (["--timeout", "0", "show", "{pool}"], "--timeout"),
    "malformed setting": (["update", "{pool}", "nonsense", "--yes"], "expected PATH=VALUE"),
    "overlapping settings": (
        ["update", "{pool}", "pool_name=a", "pool_name=b", "--yes"],
        "both set pool_name",
    ),
    "refused value": (
        ["update", "{pool}", "deletion_protection=MAYBE", "--yes"],
        "deletion_protection: ",
    ),
    "misspelt setting": (
        ["update", "{pool}", "policies.password_policy.minimum_lenght=12", "--yes"],
        "minimum_length",
    ),
    "missing file": (["apply", "{pool}", "{tmp}/missing.json", "--yes"], "no such file"),
    "file that is not JSON": (["apply", "{pool}", "{tmp}/broken.json", "--yes"], "not valid JSON"),
    "JSON that is no export": (["plan", "{pool}", "--file", "{tmp}/other.json"], "format_version"),
    "export of a newer format": (["apply", "{pool}", "{tmp}/v2.json", "--yes"], "not supported"),
    "bad setting in a file": (["apply", "{pool}", "{tmp}/refused.json", "--yes"], "tier"),
    "unknown pool": (["show", f"{REGION}_doesNotExist"], "not found"),
    "not a URL": (["--endpoint-url", "notaurl", "show", "{pool}"], "--endpoint-url"),
    "unreachable host": (["--endpoint-url", "http://127.0.0.1:9", "show", "{pool}"], "--endpoint"),
}


@pytest.mark.parametrize("case", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_is_one_clear_line_exit_1_and_nothing_written(cli, guarded_pool, tmp_path, case):
    argv, message = case
    (tmp_path / "broken.json").write_text('{"format_version": 1, "settings": {', encoding="utf-8")
    (tmp_path / "other.json").write_text('{"UserPool": {}}', encoding="utf-8")
    (tmp_path / "v2.json").write_text('{"format_version": 2, "settings": {}}', encoding="utf-8")
    refused = {"format_version": 1, "settings": {"user_pool_tier": "GOLD"}}
    (tmp_path / "refused.json").write_text(json.dumps(refused), encoding="utf-8")
    args = [arg.format(pool=guarded_pool, tmp=tmp_path) for arg in argv]
    result = cli(*args)
    assert result.returncode == 1, result.stdout + result.stderr
    assert message in one_line(result.stderr)


def test_a_bad_aws_endpoint_url_names_the_variable(cli, guarded_pool):
    result = cli("show", guarded_pool, AWS_ENDPOINT_URL="localhost:5000")
    assert result.returncode == 1
    assert "AWS_ENDPOINT_URL" in one_line(result.stderr)


def test_a_closed_pipe_ends_quietly(env, make_pool):
    pool_id = make_pool()
    process = subprocess.Popen(  # noqa: S603 - our own entry point
        [ENTRY_POINT, "show", pool_id],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line: `show ID | head -0`
    status = process.wait(timeout=60)
    errors = process.stderr.read().decode()
    process.stderr.close()
    assert errors == ""
    assert status == 1


def test_ctrl_c_exits_130_with_one_line(env, black_hole):
    url, connected = black_hole
    process = subprocess.Popen(  # noqa: S603 - our own entry point
        [ENTRY_POINT, "--endpoint-url", url, "--timeout", "30", "update", "p", "pool_name=x"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=ctrl_c_as_at_a_terminal,  # noqa: PLW1509 - before exec, nothing else
    )
    assert connected.wait(30), "the command never reached the endpoint"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert out == ""
    assert one_line(err) == "cognito-pools: interrupted; nothing was written"


def test_a_silent_endpoint_times_out_with_a_status_line_on_a_terminal(env, black_hole):
    url, _ = black_hole
    started = time.monotonic()
    status, shown = on_terminal(["--endpoint-url", url, "--timeout", "0.8", "show", "p"], env)
    elapsed = time.monotonic() - started
    assert status == 1
    assert "waiting for DescribeUserPool" in shown
    last = shown.strip().rsplit("\r\x1b[K", 1)[-1]
    assert "no answer from" in one_line(last)
    assert "--timeout" in last
    assert elapsed < 10  # two tries of 0.8 s and a backoff, not minutes


# --- help, version, demo (in-process where the process adds nothing) ---------------------------


def test_version_and_python_dash_m(env):
    version = subprocess.run(  # noqa: S603 - our own entry point
        [ENTRY_POINT, "--version"], capture_output=True, text=True, env=env, check=False
    )
    assert version.returncode == 0
    assert version.stdout.startswith("cognito-pools ")
    helped = subprocess.run(
        [sys.executable, "-m", "cognito_pools", "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert helped.returncode == 0
    for command in ("show", "plan", "update", "export", "apply", "demo"):
        assert command in helped.stdout
    assert "exit status:" in helped.stdout
    assert "--detailed-exitcode" in helped.stdout


@pytest.mark.parametrize("command", ["show", "plan", "update", "export", "apply", "demo"])
def test_every_command_help_has_a_description_an_example_and_the_exit_codes(command, capsys):
    assert main([command, "--help"]) == 0
    text = capsys.readouterr().out
    usage, description = text.split("\n\n")[:2]
    assert usage.startswith(f"usage: cognito-pools {command}")
    assert len(description.split()) > 10
    assert f"\nexamples:\n  cognito-pools {command}" in text or "examples:\n" in text
    examples = text.split("examples:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert examples
    assert all(line.strip().startswith("cognito-pools ") for line in examples)
    assert "2    plan --detailed-exitcode only" in text
    # The connection options work after the command too; the demo runs its own server.
    assert ("--timeout SECONDS" in text) is (command != "demo")


def test_demo_runs_end_to_end(capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "1 setting asked for;" in out
    # Each count says as many settings as the names after it, and the total is their sum.
    counted = re.findall(
        r": (\d+) settings? (?:cleared|changed) \(([^)]*)\)", " ".join(out.split())
    )
    assert counted
    assert all(int(count) == len(names.split(", ")) for count, names in counted)
    differ = re.search(r"(\d+) settings differ afterwards", out)
    assert differ is not None
    total = int(differ[1])
    step_two = out.split("2. Plain boto3")[1].split("3. cognito_pools")[0]
    listed = [
        line for line in step_two.splitlines() if line.startswith("     ") and line[5] in "+-~"
    ]
    assert total == sum(int(count) for count, _ in counted) + len(listed) - len(counted)
    assert "- deletion_protection (was 'ACTIVE')" in out  # what plain boto3 reset
    assert "~ policies.password_policy.minimum_length: 8 -> 12" in out
    assert "Exactly the planned ones" in out
    assert "UNEXPECTED" not in out
    assert "API calls: none" in out


def test_demo_without_moto_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "moto.server", None)  # makes the import fail
    out = io.StringIO()
    assert run_demo(out) == 1
    assert out.getvalue().strip() == MISSING_MOTO


def test_documented_commands_are_valid_command_lines():
    """Every ``cognito-pools`` line of an ``sh`` block in the README and docs parses.

    ``tests/test_docs.py`` shows ``sh`` blocks without running them, so this keeps them true.
    """
    from cognito_pools.cli.arguments import parse_arguments  # noqa: PLC0415

    root = Path(__file__).resolve().parent.parent
    found = 0
    for page in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
        in_sh = False
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.startswith("```"):
                in_sh = line == "```sh"
                continue
            command = line.split(" #", 1)[0].split("|", 1)[0].split(">", 1)[0].strip()
            if not in_sh or not command.startswith("cognito-pools "):
                continue
            found += 1
            words = [word.strip("'") for word in command.split()[1:]]
            try:
                parse_arguments(words)
            except UsageError as error:
                pytest.fail(f"{page.name}: {line!r}: {error}")
    assert found >= 10


# --- parsing settings --------------------------------------------------------------------------


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


def test_mfa_paths_build_one_mfa_change_and_keep_text_as_text():
    settings = parse_settings(
        [
            "mfa=OPTIONAL",
            "mfa.software_token_mfa_configuration.enabled=true",
            "mfa.sms_mfa_configuration.sms_authentication_message=1234 {####}",
            "mfa.email_mfa_configuration=null",
        ]
    )
    assert settings.changes == {
        "mfa": {
            "mfa_configuration": "OPTIONAL",
            "software_token_mfa_configuration": {"enabled": True},
            "sms_mfa_configuration": {"sms_authentication_message": "1234 {####}"},
            "email_mfa_configuration": None,
        }
    }
    assert parse_settings(["mfa.sms_mfa_configuration.sms_authentication_message=1234"]).changes[
        "mfa"
    ] == {"sms_mfa_configuration": {"sms_authentication_message": "1234"}}


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


# --- from a file to a change -------------------------------------------------------------------

POOL = {
    "pool_name": "shop",
    "user_pool_tier": "ESSENTIALS",
    "deletion_protection": "ACTIVE",
    "lambda_config": {"pre_sign_up": "arn:1", "post_confirmation": "arn:2"},
    "user_pool_tags": {"team": "identity", "env": "prod"},
    "admin_create_user_config": {"unused_account_validity_days": 7},
    "policies": {"password_policy": {"minimum_length": 8, "temporary_password_validity_days": 7}},
    "sms_configuration": {"sns_caller_arn": "arn:role", "external_id": "secret"},
}


def test_the_change_to_match_a_file_names_only_what_differs():
    desired = json.loads(json.dumps(POOL))
    assert change_to_match(desired, POOL) == {}
    del desired["lambda_config"]["pre_sign_up"]
    del desired["deletion_protection"]
    del desired["pool_name"]  # Cognito cannot clear these two: absent means keep
    del desired["user_pool_tier"]
    desired["user_pool_tags"] = {"team": "auth"}  # a map is replaced whole
    desired["sms_configuration"]["external_id"] = "***"  # a redacted secret means keep
    assert change_to_match(desired, POOL) == {
        "deletion_protection": None,
        "lambda_config": {"pre_sign_up": None},
        "user_pool_tags": {"team": "auth"},
    }


def test_a_legacy_twin_is_compared_through_its_replacement():
    # After an update the pool no longer reports the legacy value it was never sent.
    updated = json.loads(json.dumps(POOL))
    del updated["admin_create_user_config"]["unused_account_validity_days"]
    assert change_to_match(POOL, updated) == {}
    # Editing either side of the pair in the file changes the replacement.
    replacement = json.loads(json.dumps(POOL))
    replacement["policies"]["password_policy"]["temporary_password_validity_days"] = 3
    legacy = json.loads(json.dumps(POOL))
    legacy["admin_create_user_config"]["unused_account_validity_days"] = 3
    expected = {"policies": {"password_policy": {"temporary_password_validity_days": 3}}}
    assert change_to_match(replacement, POOL) == expected
    assert change_to_match(legacy, POOL) == expected


def test_settings_laid_over_a_file_win_and_null_clears_even_a_kept_setting():
    overrides = parse_settings(["user_pool_tags.owner=me", "pool_name=null"])
    desired = with_overrides(POOL, overrides)
    assert desired["user_pool_tags"] == {"team": "identity", "env": "prod", "owner": "me"}
    assert change_to_match(desired, POOL) == {
        "pool_name": None,
        "user_pool_tags": {"team": "identity", "env": "prod", "owner": "me"},
    }


def test_show_without_permission_to_read_mfa_shows_the_mode(
    endpoint, make_pool, monkeypatch, capsys
):
    from botocore.awsrequest import AWSResponse  # noqa: PLC0415

    from cognito_pools.cli import commands  # noqa: PLC0415

    def denied(model: Any, **_: Any) -> Any:
        if model.name != "GetUserPoolMfaConfig":
            return None
        error = {"Code": "AccessDeniedException", "Message": "not allowed"}
        return AWSResponse(endpoint, 400, {}, None), {
            "Error": error,
            "ResponseMetadata": {"HTTPStatusCode": 400},
        }

    make_client = commands._make_client

    def client_without_mfa_permission(args: Any) -> Any:
        client = make_client(args)
        client.meta.events.register("before-call.cognito-idp", denied)
        return client

    monkeypatch.setattr(commands, "_make_client", client_without_mfa_permission)
    pool_id = make_pool()
    assert main(["--endpoint-url", endpoint, "--region", REGION, "show", pool_id]) == 0
    captured = capsys.readouterr()
    assert table(captured.out)["mfa.mfa_configuration"] == '"OFF"'
    assert "cannot read the MFA setup (AccessDeniedException)" in one_line(captured.err)
    assert main(["--endpoint-url", endpoint, "--region", REGION, "export", pool_id]) == 1
    assert "GetUserPoolMfaConfig failed: AccessDeniedException" in one_line(capsys.readouterr().err)

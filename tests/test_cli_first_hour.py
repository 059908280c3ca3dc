"""A new user's first hour with ``cognito-pools``: messages a person can act on (issue 20).

Against a moto server over HTTP, as ``tests/test_cli.py`` runs the command. Most checks call
:func:`cognito_pools.cli.main` in this process, which goes through the same parsing, client,
HTTP and error reporting as the installed command, for a fraction of a subprocess's start-up;
what only a real process shows (Ctrl-C while Python loads the command) runs the entry point.

Where a failure must come from the network (Cognito refusing the second of two writes, a web
server that is not Cognito), :class:`Gateway` stands between the command and moto: it passes
every request through, except the operations a test tells it to answer itself.
"""

from __future__ import annotations

import io
import json
import signal
import subprocess
import sys
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import pytest
from conftest import ctrl_c_as_at_a_terminal

from cognito_pools.cli import main
from cognito_pools.demo import DEMO_POOL

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

REGION = "us-east-1"
ENTRY_POINT = str(Path(sys.executable).with_name("cognito-pools"))
HTML = b"<!doctype html>\n<html>\n<head><title>Oops</title></head>\n<body>\n<h1>500</h1>\n</body>\n"


class Gateway(BaseHTTPRequestHandler):
    """Passes requests on to moto, except the operations in :attr:`answers`."""

    upstream: ClassVar[str] = ""
    url: ClassVar[str] = ""
    """Where the command reaches the gateway."""
    answers: ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {}
    """Operation name -> (status, headers, body) to answer instead of moto."""

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        operation = (self.headers.get("X-Amz-Target") or "").rpartition(".")[2]
        canned = self.answers.get(operation) or self.answers.get("*")
        if canned is not None:
            status, headers, answer = canned
        else:
            forwarded = urllib.request.Request(  # noqa: S310 - moto on loopback
                self.upstream + self.path,
                data=body,
                headers={k: v for k, v in self.headers.items() if k.lower() != "host"},
                method="POST",
            )
            try:
                with urllib.request.urlopen(forwarded, timeout=30) as reply:  # noqa: S310
                    status, headers, answer = reply.status, dict(reply.headers), reply.read()
            except urllib.error.HTTPError as error:
                status, headers, answer = error.code, dict(error.headers), error.read()
        self.send_response(status)
        for name, value in headers.items():
            if name.lower() not in {
                "content-length",
                "transfer-encoding",
                "connection",
                "date",
                "server",
            }:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        pass


@pytest.fixture
def gateway(moto_server: str) -> Iterator[type[Gateway]]:
    """A :class:`Gateway` in front of moto on a free port; its URL is ``gateway.url``."""
    handler = type("TestGateway", (Gateway,), {"upstream": moto_server, "answers": {}})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    handler.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield handler
    server.shutdown()
    server.server_close()


@pytest.fixture
def client(moto_server: str) -> Any:
    import boto3  # noqa: PLC0415

    return boto3.client("cognito-idp", region_name=REGION, endpoint_url=moto_server)


@pytest.fixture
def make_pool(client: Any) -> Callable[..., str]:
    def make(kwargs: dict[str, Any] | None = None) -> str:
        pool_id: str = client.create_user_pool(**(kwargs or DEMO_POOL))["UserPool"]["Id"]
        return pool_id

    return make


@pytest.fixture
def cli(
    moto_server: str, capsys: pytest.CaptureFixture[str]
) -> Callable[..., tuple[int, str, str]]:
    """Run the command in this process against ``endpoint`` (moto unless given); return
    (status, stdout, stderr)."""

    def run(*args: str, endpoint: str | None = None) -> tuple[int, str, str]:
        capsys.readouterr()
        status = main(["--region", REGION, "--endpoint-url", endpoint or moto_server, *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def one_line(text: str) -> str:
    lines = text.splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    assert lines[0].startswith("cognito-pools"), text
    return lines[0]


def error_answer(code: str, message: str) -> tuple[int, dict[str, str], bytes]:
    """A Cognito error answer, as the service sends it."""
    body = json.dumps({"__type": code, "message": message}).encode()
    return 400, {"Content-Type": "application/x-amz-json-1.1"}, body


# --- what the library says, the command says --------------------------------------------------


def test_a_failed_second_write_reports_the_undone_first_as_the_library_does(
    cli, gateway, client, make_pool
):
    pool_id = make_pool()
    gateway.answers["UpdateUserPool"] = error_answer("InvalidParameterException", "refused")
    status, out, err = cli(
        "update",
        pool_id,
        "mfa.software_token_mfa_configuration.enabled=true",
        "mfa=OPTIONAL",
        "deletion_protection=INACTIVE",
        "--yes",
        endpoint=gateway.url,
    )
    assert status == 1
    assert "mfa.mfa_configuration" in out  # the plan was shown, then the write failed
    assert one_line(err) == (
        "cognito-pools: UpdateUserPool failed: InvalidParameterException: refused. "
        "SetUserPoolMfaConfig had already changed the pool and was undone; nothing was changed."
    )
    mfa = client.get_user_pool_mfa_config(UserPoolId=pool_id)
    assert mfa["MfaConfiguration"] == "OFF"  # the undo landed: the pool is as it was
    assert "SoftwareTokenMfaConfiguration" not in mfa


# --- an endpoint that is not Cognito ------------------------------------------------------------

FOREIGN = {
    "HTML error page": (
        (500, {"Content-Type": "text/html; charset=utf-8"}, HTML),
        "HTTP 500 (text/html)",
    ),
    "empty 404": ((404, {}, b""), "HTTP 404 (no content type)"),
    "HTML with 200": ((200, {"Content-Type": "text/html"}, HTML), "HTTP 200 (text/html)"),
}


@pytest.mark.parametrize("case", FOREIGN.values(), ids=FOREIGN.keys())
def test_an_endpoint_that_is_not_cognito_is_named_never_its_body(cli, gateway, case):
    answer, described = case
    gateway.answers["*"] = answer
    status, out, err = cli("show", f"{REGION}_AbC123", endpoint=gateway.url)
    assert status == 1
    assert out == ""
    line = one_line(err)
    assert described in line
    assert gateway.url in line
    assert line.endswith("is --endpoint-url a Cognito endpoint?")
    assert "<" not in line  # never the page itself


# --- refused input: a message that says what to type instead ------------------------------------

REFUSED = {
    "mode in lower case": (["mfa=on"], "'on' is not allowed; did you mean 'ON'?"),
    "MFA path in lower case": (
        ["mfa.mfa_configuration=optional"],
        "did you mean 'OPTIONAL'?",
    ),
    "enum in lower case": (["deletion_protection=active"], "did you mean 'ACTIVE'?"),
    "not an ARN": (
        ["lambda_config.pre_sign_up=not-an-arn"],
        "lambda_config.pre_sign_up: expected an ARN, e.g. arn:aws:lambda:",
    ),
    "not an SES ARN": (
        ["email_configuration.source_arn=example.com"],
        "expected an ARN, e.g. arn:aws:ses:",
    ),
    "sender without a key": (
        ["--clear", "lambda_config.kms_key_id"],
        "lambda_config.custom_email_sender needs a KMS key",
    ),
}


@pytest.mark.parametrize("case", REFUSED.values(), ids=REFUSED.keys())
def test_refused_input_says_what_would_be_accepted(cli, client, make_pool, case):
    settings, expected = case
    pool_id = make_pool()
    before = client.describe_user_pool(UserPoolId=pool_id)["UserPool"]
    status, _, err = cli("update", pool_id, *settings, "--yes")
    assert status == 1
    line = one_line(err)
    assert "refused, nothing was written" in line
    assert expected in line
    assert client.describe_user_pool(UserPoolId=pool_id)["UserPool"] == before


@pytest.mark.parametrize("content", ["", "  \n"], ids=["empty", "blank"])
def test_an_empty_file_is_called_empty(cli, make_pool, tmp_path, monkeypatch, content):
    path = tmp_path / "pool.json"
    path.write_text(content, encoding="utf-8")
    pool_id = make_pool()
    status, _, err = cli("plan", pool_id, "--file", str(path))
    assert status == 1
    line = one_line(err)
    assert f"{path}: the file is empty; expected a document made by 'cognito-pools export'" in line
    assert "not valid JSON" not in line
    monkeypatch.setattr("sys.stdin", io.StringIO(content))
    status, _, err = cli("apply", pool_id, "-", "--yes")
    assert status == 1
    assert "-: standard input is empty" in one_line(err)


# --- a file exported from another pool ----------------------------------------------------------


def test_a_file_from_another_pool_says_so_in_the_first_line(cli, client, make_pool, tmp_path):
    source = make_pool()
    target = make_pool({**DEMO_POOL, "PoolName": "shop-staff"})
    status, exported, _ = cli("export", source)
    assert status == 0
    assert json.loads(exported)["pool_id"] == source
    path = tmp_path / "pool.json"
    path.write_text(exported, encoding="utf-8")

    status, own, _ = cli("plan", source, "--file", str(path))
    assert (status, own) == (0, f"No changes to user pool {source}.\n")  # its own pool: no word

    status, planned, _ = cli("plan", target, "--file", str(path))
    assert status == 0
    first = planned.splitlines()[0]
    assert first.startswith(f"User pool {target}: 1 setting to change")
    assert f"exported from user pool {source}" in first
    assert 'renames the pool from "shop-staff" to "shop-customers"' in first
    assert '~ pool_name  "shop-staff" -> "shop-customers"' in planned

    status, document, _ = cli("plan", target, "--file", str(path), "--output", "json")
    assert json.loads(document)["exported_from"] == source

    status, applied, _ = cli("apply", target, str(path), "--yes")
    assert status == 0
    assert f"exported from user pool {source}" in applied.splitlines()[0]
    assert "renames the pool" in applied.splitlines()[0]
    assert applied.endswith(f"Updated user pool {target}: 1 change applied.\n")


# --- --verbose ----------------------------------------------------------------------------------


def test_verbose_prints_each_call_and_no_secret(cli, make_pool, load_pool):
    pool_id = make_pool(load_pool("09"))  # has an SMS role with an external id
    status, out, err = cli(
        "--verbose", "update", pool_id, "sms_configuration.external_id=hush-hush", "--yes"
    )
    assert status == 0, err
    calls = err.splitlines()
    operations = [line.split()[2] for line in calls]
    assert operations[0] == "DescribeUserPool"
    assert operations.count("UpdateUserPool") == 1, err
    assert set(operations) == {"DescribeUserPool", "UpdateUserPool"}, err
    for line in calls:
        assert line.startswith("cognito-pools: call ")
        assert f"pool={pool_id} attempt=1: 200 in " in line
        assert line.endswith(" ms")
    assert "hush-hush" not in out + err
    # After the command, as a global option; and quiet without it.
    status, _, err = cli("show", pool_id, "-v")
    assert [line.split()[2] for line in err.splitlines()] == [
        "DescribeUserPool",
        "GetUserPoolMfaConfig",
    ]
    assert cli("show", pool_id)[2] == ""


def test_verbose_shows_the_failed_call_with_its_code(cli, gateway, make_pool):
    pool_id = make_pool()
    gateway.answers["UpdateUserPool"] = error_answer("InvalidParameterException", "refused")
    status, _, err = cli(
        "update", pool_id, "deletion_protection=INACTIVE", "--yes", "-v", endpoint=gateway.url
    )
    assert status == 1
    lines = err.splitlines()
    update = next(line for line in lines if " UpdateUserPool " in line)
    assert f"call UpdateUserPool pool={pool_id} attempt=1: 400 InvalidParameterException" in update
    assert lines[-1].startswith("cognito-pools: UpdateUserPool failed")


# --- help and the demo --------------------------------------------------------------------------


def test_demo_help_shows_only_what_the_demo_uses(cli):
    status, out, _ = cli("demo", "--help")
    assert status == 0
    for ignored in ("--region", "--endpoint-url", "--profile", "--timeout", "--verbose"):
        assert ignored not in out
    assert "cognito-pools[demo]" not in out  # no such package on an index yet
    assert "pip install -e '.[demo]'" in out


# --- Ctrl-C while the command is still loading ---------------------------------------------------


def test_ctrl_c_while_the_command_loads_exits_130_with_one_line(moto_server):
    """SIGINT as soon as the entry point's package is imported, while the rest still loads."""
    process = subprocess.Popen(  # noqa: S603 - our own entry point
        [ENTRY_POINT, "--endpoint-url", moto_server, "show", f"{REGION}_AbC123"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**dict(__import__("os").environ), "PYTHONPROFILEIMPORTTIME": "1"},
        preexec_fn=ctrl_c_as_at_a_terminal,  # noqa: PLW1509 - before exec, nothing else
    )
    assert process.stderr is not None
    seen = b""
    while not seen.rstrip().endswith(b"| cognito_pools.cli"):  # the entry point's own module
        line = process.stderr.readline()
        assert line, seen.decode()
        seen += line
    # The next import finishes inside main(), which loads the command (most of start-up).
    assert process.stderr.readline().startswith(b"import time:")
    process.send_signal(signal.SIGINT)
    out, rest = process.communicate(timeout=30)
    said = [line for line in rest.decode().splitlines() if not line.startswith("import time:")]
    assert process.returncode == 130, rest.decode()
    assert out == b""
    assert said == ["cognito-pools: interrupted"]


# --- map keys: every path a plan or an error prints is one the command takes --------------------


def test_map_keys_are_taken_as_dotted_or_bracketed_paths(cli, client, make_pool):
    pool_id = make_pool()
    status, _, err = cli(
        "update", pool_id, "user_pool_tags.team=auth", "user_pool_tags['cost:center']=4711", "--yes"
    )
    assert status == 0, err
    tags = client.describe_user_pool(UserPoolId=pool_id)["UserPool"]["UserPoolTags"]
    assert tags == {"team": "auth", "env": "prod", "cost:center": "4711"}

    # The paths a plan prints (whole maps, or one entry each) give back a plan with no changes.
    change = ["user_pool_tags.owner=me", 'user_pool_tags["env"]=null', "user_pool_tags.team=id"]
    status, planned, _ = cli("plan", pool_id, *change, "--output", "json")
    assert status == 0
    printed = json.loads(planned)["changes"]
    assert printed
    assert all(entry["path"].startswith("user_pool_tags") for entry in printed)
    status, _, _ = cli("update", pool_id, *change, "--yes")
    assert status == 0
    again = [f"{entry['path']}={json.dumps(entry['new'])}" for entry in printed]
    assert cli("plan", pool_id, *again)[1] == f"No changes to user pool {pool_id}.\n"

    # And the path a refusal prints for a map entry names the entry to fix.
    status, _, err = cli("update", pool_id, "user_pool_tags.aws:owner=me", "--yes")
    assert status == 1
    assert "user_pool_tags['aws:owner']" in one_line(err)
    status, _, err = cli("update", pool_id, "user_pool_tags['aws:owner']=null", "--yes")
    assert (status, err) == (0, "")


def test_a_list_item_is_named_by_its_index_as_errors_print_it(cli, client, make_pool):
    two = [{"Name": "verified_email", "Priority": 1}, {"Name": "admin_only", "Priority": 2}]
    pool_id = make_pool({**DEMO_POOL, "AccountRecoverySetting": {"RecoveryMechanisms": two}})
    path = "account_recovery_setting.recovery_mechanisms"
    status, _, err = cli("update", pool_id, f"{path}[0].priority=2", f"{path}[1]=null", "--yes")
    assert status == 0, err
    described = client.describe_user_pool(UserPoolId=pool_id)["UserPool"]
    recovery = described["AccountRecoverySetting"]["RecoveryMechanisms"]
    assert recovery == [{"Name": "verified_email", "Priority": 2}]  # the other item removed

    status, _, err = cli("plan", pool_id, f"{path}[0].priority=0")
    assert status == 1
    assert f"{path}[0].priority: 0 is below the minimum of 1" in one_line(err)  # as it was typed
    status, _, err = cli("plan", pool_id, f"{path}[4].priority=2")
    assert status == 1
    assert "the list has 1 items" in one_line(err)
    status, _, err = cli("plan", pool_id, f"{path}.priority=2")
    assert status == 1
    assert f"name an item by its index, e.g. {path}[0]" in one_line(err)

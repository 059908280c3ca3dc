"""Fleets: one change, or one saved plan, across many pools of a moto server over HTTP.

The pools differ (real fixtures beside plain ones), and failures are injected into some of them
through botocore's events: a change refused by the pool's own settings, a throttled write, a
pool deleted while the run is going. Each test checks what a user would notice: every pool's
outcome and reported changes, what each pool holds afterwards, and that pools outside the
selection were not touched at all.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import boto3
import pytest
from botocore.config import Config
from quota_proxy import running_quota_proxy
from wire import canned_response

from cognito_pools import UserPools
from cognito_pools import fleet as fleet_module
from cognito_pools.cli import fleet_arguments as cli_fleet
from cognito_pools.cli import main
from cognito_pools.cli.arguments import UsageError, parse_arguments
from cognito_pools.cli.fleet import report_document
from cognito_pools.fleet import (
    DEFAULT_MAX_RPS,
    Fleet,
    FleetInterruptedError,
    RateLimiter,
    SavedPlans,
    SavedPlansError,
    Selection,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

REGION = "us-east-1"
ENTRY_POINT = str(Path(sys.executable).with_name("cognito-pools"))
KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
SENDER = "arn:aws:lambda:us-east-1:123456789012:function:fleet-sms-sender"
CHANGE: dict[str, Any] = {
    "lambda_config": {"custom_sms_sender": {"lambda_arn": SENDER, "lambda_version": "V1_0"}},
    "policies": {"password_policy": {"minimum_length": 12}},
}
"""A fleet-wide change that a pool without a KMS key refuses (custom senders need one)."""
FAST = 500.0
"""A rate for the tests that are not about rates: the limiter then hardly waits."""


@pytest.fixture
def client(endpoint: str) -> Any:
    config = Config(max_pool_connections=16, retries={"mode": "standard"})
    return boto3.client("cognito-idp", region_name=REGION, endpoint_url=endpoint, config=config)


@pytest.fixture
def direct(endpoint: str) -> Any:
    """A second client, for setting pools up and looking at them behind the fleet's back."""
    return boto3.client("cognito-idp", region_name=REGION, endpoint_url=endpoint)


def create(direct: Any, name: str, tags: dict[str, str], **kwargs: Any) -> str:
    kwargs = {**kwargs, "PoolName": name, "UserPoolTags": tags}
    pool_id: str = direct.create_user_pool(**kwargs)["UserPool"]["Id"]
    return pool_id


def described(direct: Any, pool_id: str) -> dict[str, Any]:
    pool: dict[str, Any] = direct.describe_user_pool(UserPoolId=pool_id)["UserPool"]
    return pool


def request_pool_id(request: Any) -> str | None:
    body = request.body
    if not body:
        return None
    pool_id = json.loads(body).get("UserPoolId")
    return str(pool_id) if pool_id else None


# --- one change across a varied fleet, with failures injected ------------------------------------


@pytest.fixture
def fleet_pools(direct: Any, load_pool: Callable[[str], dict[str, Any]]) -> dict[str, str]:
    """Pools by role: six selected by ``tenant-*`` and env=prod, four that must stay untouched."""
    kms = {"LambdaConfig": {"KMSKeyID": KMS_KEY}}
    legacy = load_pool("35")
    return {
        "kms fixture": create(direct, "tenant-a", {"env": "prod"}, **load_pool("11")),
        "all properties": create(direct, "tenant-b", {"env": "prod", "x": "1"}, **load_pool("31")),
        "no kms key": create(direct, "tenant-c", {"env": "prod"}, **load_pool("05")),
        "throttled": create(direct, "tenant-d", {"env": "prod"}, **legacy, **kms),
        "deleted": create(direct, "tenant-e", {"env": "prod"}, **kms),
        "already done": create(
            direct,
            "tenant-f",
            {"env": "prod"},
            LambdaConfig={
                "KMSKeyID": KMS_KEY,
                "CustomSMSSender": {"LambdaArn": SENDER, "LambdaVersion": "V1_0"},
            },
            Policies={"PasswordPolicy": {"MinimumLength": 12}},
        ),
        "other tag": create(direct, "tenant-g", {"env": "staging"}, **kms),
        "capital name": create(direct, "Tenant-h", {"env": "prod"}, **kms),
        "capital value": create(direct, "tenant-i", {"env": "Prod"}, **kms),
        "other name": create(direct, "other-j", {"env": "prod"}, **kms),
    }


def inject_failures(client: Any, direct: Any, pools: dict[str, str]) -> dict[str, int]:
    """Throttle the first write of one pool, and delete another between its reads."""
    seen = {"throttled writes": 0, "reads of the deleted pool": 0}
    lock = threading.Lock()

    def throttle(request: Any, event_name: str, **_: Any) -> Any:
        if not event_name.endswith(".UpdateUserPool"):
            return None
        if request_pool_id(request) != pools["throttled"]:
            return None
        with lock:
            seen["throttled writes"] += 1
            if seen["throttled writes"] > 1:
                return None
        body = b'{"__type": "TooManyRequestsException", "message": "Rate exceeded"}'
        return canned_response(request.url, 400, body, {"x-amzn-requestid": "throttled"})

    def delete_before_second_read(params: Any, **_: Any) -> None:
        if params.get("UserPoolId") != pools["deleted"]:
            return
        with lock:
            seen["reads of the deleted pool"] += 1
            if seen["reads of the deleted pool"] == 2:  # after the selection read it
                direct.delete_user_pool(UserPoolId=pools["deleted"])

    client.meta.events.register("before-send.cognito-idp", throttle)
    client.meta.events.register(
        "before-parameter-build.cognito-idp.DescribeUserPool", delete_before_second_read
    )
    return seen


def test_one_change_across_a_varied_fleet_with_failures_injected(
    client, direct, fleet_pools, moved, after_update
):
    pools = fleet_pools
    pools_api = UserPools(direct)
    before = {role: pools_api.get(pool_id) for role, pool_id in pools.items()}
    raw_before = {role: described(direct, pool_id) for role, pool_id in pools.items()}
    seen = inject_failures(client, direct, pools)
    progress: list[tuple[int, int]] = []

    fleet = Fleet(client, max_rps=FAST, progress=lambda p: progress.append((p.done, p.total)))
    report = fleet.update(Selection(name="tenant-*", tags={"env": "prod"}), CHANGE)

    outcomes = {result.pool_id: result.outcome for result in report.results}
    assert outcomes == {
        pools["kms fixture"]: "changed",
        pools["all properties"]: "changed",
        pools["no kms key"]: "refused",
        pools["throttled"]: "changed",
        pools["deleted"]: "failed",
        pools["already done"]: "unchanged",
    }
    assert seen["throttled writes"] == 2  # throttled once, then written
    assert report.throttles["UserPoolUpdate"] == 1
    assert sum(report.requests.values()) > 0
    assert progress[-1] == (6, 6)
    assert not report.ok
    assert report.pending

    document = report_document(report)
    assert document["summary"] == {
        "unchanged": 1,
        "changed": 3,
        "refused": 1,
        "stale": 0,
        "failed": 1,
    }
    by_id = {entry["pool_id"]: entry for entry in document["pools"]}
    assert {entry["pool_name"] for entry in document["pools"]} == {
        "tenant-a",
        "tenant-b",
        "tenant-c",
        "tenant-d",
        "tenant-e",
        "tenant-f",
    }
    for entry in document["pools"]:
        assert set(entry) == {"pool_id", "pool_name", "outcome", "changes", "error"}
    refused = by_id[pools["no kms key"]]
    assert refused["changes"] == []
    assert "lambda_config" in refused["error"]
    assert "kms" in refused["error"].lower()
    failed = by_id[pools["deleted"]]
    assert failed["changes"] == []
    assert "ResourceNotFoundException" in failed["error"]
    assert by_id[pools["already done"]] == {
        "pool_id": pools["already done"],
        "pool_name": "tenant-f",
        "outcome": "unchanged",
        "changes": [],
        "error": None,
    }

    # Each changed pool holds exactly the change, and the report lists exactly what moved.
    for role in ("kms fixture", "all properties", "throttled"):
        after = pools_api.get(pools[role])
        entry = by_id[pools[role]]
        assert entry["error"] is None
        reported = {change["path"] for change in entry["changes"]}
        assert set(moved(after_update(before[role].config), after.config)) == reported
        assert reported <= {
            "policies.password_policy.minimum_length",
            "lambda_config.custom_sms_sender.lambda_arn",
            "lambda_config.custom_sms_sender.lambda_version",
        }
        assert "policies.password_policy.minimum_length" in reported
        sender = after.config.lambda_config.custom_sms_sender
        assert (sender.lambda_arn, after.config.policies.password_policy.minimum_length) == (
            SENDER,
            12,
        )

    # Nothing was written to the refused pool, the unchanged one, or any pool not selected.
    for role in ("no kms key", "already done", *list(pools)[6:]):
        assert described(direct, pools[role]) == raw_before[role], role


def test_list_reads_every_page_and_matches_names_and_tags_case_sensitively(
    client, direct, monkeypatch, capsys, endpoint
):
    made = {
        create(direct, f"bulk-{index:02d}", {"env": "prod" if index % 2 else "dev"}): index
        for index in range(11)
    }
    auth = create(direct, "auth-eu", {"env": "prod", "team": "auth"})
    create(direct, "auth-us", {"env": "dev", "team": "auth"})
    create(direct, "Auth-other", {"env": "prod", "team": "auth"})

    pages: list[dict[str, Any]] = []
    client.meta.events.register(
        "before-parameter-build.cognito-idp.ListUserPools",
        lambda params, **_: pages.append(dict(params)),
    )
    fleet = Fleet(client, max_rps=FAST)
    listed = fleet.list_pools()
    assert [page["MaxResults"] for page in pages] == [60]  # the most a page holds
    monkeypatch.setattr(fleet_module, "LIST_PAGE_SIZE", 4)  # every page followed: 4 of them
    assert fleet.list_pools() == listed
    assert len(pages) == 1 + 4
    assert all("NextToken" in page for page in pages[2:])
    named = {pool.pool_name: pool.pool_id for pool in listed}
    assert len(listed) == 14
    assert {pool.pool_id for pool in listed} >= set(made)
    selected, failed = fleet.select(Selection(name="auth-*", tags={"env": "prod", "team": "auth"}))
    assert ([pool.pool_id for pool in selected], failed) == ([auth], [])
    odd = fleet.select(Selection(name="bulk-0[13579]", tags={"env": "prod"}))[0]
    assert {pool.pool_name for pool in odd} == {f"bulk-0{digit}" for digit in "13579"}
    assert fleet.select(Selection(tags={"env": "PROD"}))[0] == []

    monkeypatch.setenv("AWS_ENDPOINT_URL", endpoint)
    status = main(
        ["list", "--name", "auth-*", "--tag", "team=auth", "--output", "json", "--max-rps", "500"]
    )
    out = capsys.readouterr().out
    assert status == 0
    assert json.loads(out) == {
        "pools": [
            {"pool_id": auth, "pool_name": "auth-eu"},
            {"pool_id": named["auth-us"], "pool_name": "auth-us"},
        ]
    }


# --- saved plans ---------------------------------------------------------------------------------


def test_a_saved_plan_applied_after_one_pool_changed_marks_it_stale_and_applies_the_rest(
    direct, monkeypatch, capsys, endpoint, tmp_path
):
    team = {name: create(direct, name, {"team": "auth"}) for name in ("p1", "p2", "p3", "p4")}
    outsider = create(direct, "p5", {"team": "billing"})
    monkeypatch.setenv("AWS_ENDPOINT_URL", endpoint)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    saved = tmp_path / "fleet-plan.json"
    setting = "policies.password_policy.minimum_length=14"

    fast = ["--max-rps", "500"]
    status = main(
        ["plan", "--tag", "team=auth", setting, "--out", str(saved), "--output", "json", *fast]
    )
    planned = json.loads(capsys.readouterr().out)
    assert status == 0
    assert planned["summary"] == {
        "unchanged": 0,
        "changed": 4,
        "refused": 0,
        "stale": 0,
        "failed": 0,
    }
    assert [entry["changes"] for entry in planned["pools"]] == [
        [{"path": "policies.password_policy.minimum_length", "old": 8, "new": 14}]
    ] * 4
    assert main(["plan", "--tag", "team=auth", setting, "--detailed-exitcode", *fast]) == 2
    capsys.readouterr()

    # After the review, someone changes p2 where the plan writes, and p3 elsewhere.
    pools_api = UserPools(direct)
    pools_api.get(team["p2"]).update(policies={"password_policy": {"minimum_length": 10}})
    pools_api.get(team["p3"]).update(deletion_protection="ACTIVE")
    p2_before = described(direct, team["p2"])
    outsider_before = described(direct, outsider)

    status = main(["apply", "--plan", str(saved), "--yes", "--output", "json", *fast])
    report = json.loads(capsys.readouterr().out)
    assert status == 1
    outcomes = {entry["pool_name"]: entry["outcome"] for entry in report["pools"]}
    assert outcomes == {"p1": "changed", "p2": "stale", "p3": "changed", "p4": "changed"}
    stale = next(entry for entry in report["pools"] if entry["pool_name"] == "p2")
    assert stale["changes"] == []
    assert "nothing was written" in stale["error"]
    assert report["summary"] == {
        "unchanged": 0,
        "changed": 3,
        "refused": 0,
        "stale": 1,
        "failed": 0,
    }
    assert described(direct, team["p2"]) == p2_before
    assert described(direct, outsider) == outsider_before
    for name in ("p1", "p3", "p4"):
        policy = described(direct, team[name])["Policies"]["PasswordPolicy"]
        assert policy["MinimumLength"] == 14
    assert described(direct, team["p3"])["DeletionProtection"] == "ACTIVE"

    # The same file again: what was applied is now unchanged, and p2 is still stale.
    assert main(["apply", "--plan", str(saved), "--yes", "--output", "json", *fast]) == 1
    again = json.loads(capsys.readouterr().out)
    assert again["summary"] == {"unchanged": 0, "changed": 0, "refused": 0, "stale": 4, "failed": 0}


def test_saved_plans_are_checked_before_any_call(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")  # nothing listens there
    bad = tmp_path / "not-a-plan.json"
    bad.write_text('{"format_version": 1, "settings": {}}', encoding="utf-8")
    assert main(["apply", "--plan", str(bad), "--yes"]) == 1
    message = capsys.readouterr().err
    assert "not a saved fleet plan" in message
    assert message.count("\n") == 1
    with pytest.raises(SavedPlansError, match="no such file"):
        SavedPlans.load(tmp_path / "missing.json")
    plans = SavedPlans(region="eu-west-1", created="", pools=())
    assert SavedPlans.from_document(plans.document()) == plans


# --- the command line: confirmation, progress, grammar -------------------------------------------


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_update_asks_once_for_the_fleet_and_shows_progress_on_a_terminal(
    direct, monkeypatch, capsys, endpoint
):
    pools = [create(direct, f"ask-{index}", {"wave": "1"}) for index in range(3)]
    monkeypatch.setenv("AWS_ENDPOINT_URL", endpoint)
    command = ["update", "--tag", "wave=1", "deletion_protection=ACTIVE", "--max-rps", "200"]

    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # no terminal, no --yes
    assert main(command) == 1
    assert "--yes" in capsys.readouterr().err

    for answer, written in (("n\n", False), ("y\n", True)):
        terminal = Terminal()
        monkeypatch.setattr(sys, "stdin", Terminal(answer))
        monkeypatch.setattr(sys, "stderr", terminal)
        status = main(command)
        shown = terminal.getvalue()
        assert shown.count("[y/N]") == 1
        assert "Apply 3 setting changes to 3 of 3 pools?" in shown
        assert "3/3 pools" in shown
        assert "pools/s" in shown
        assert status == (0 if written else 1)
        protection = {
            described(direct, pool_id).get("DeletionProtection", "INACTIVE") for pool_id in pools
        }
        assert protection == ({"ACTIVE"} if written else {"INACTIVE"})
    out = capsys.readouterr().out
    assert "3 pools: 0 unchanged, 3 changed, 0 refused, 0 stale, 0 failed" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["plan", "us-east-1_A", "--all", "a=1"], "not both"),
        (["plan", "a=1"], "give a POOL_ID, or select pools"),
        (["update", "--all", "--name", "x*", "a=1"], "--all selects every pool"),
        (["plan", "--tag", "env", "a=1"], "--tag expects KEY=VALUE"),
        (["plan", "us-east-1_A", "a=1", "--out", "f.json"], "--out saves the plans"),
        (["apply", "us-east-1_A"], "give POOL_ID FILE"),
        (["apply", "us-east-1_A", "pool.json", "--plan", "f.json"], "not both"),
        (["--max-rps", "0", "list"], "expected a positive number"),
        (["list", "--workers", "none"], "expected a whole number"),
    ],
)
def test_fleet_usage_errors(argv, message):
    with pytest.raises(UsageError, match=message):
        parse_arguments(argv)


def test_selections_settings_and_global_options_parse_in_any_order():
    args = parse_arguments(["plan", "--all", "a=1", "b=2", "--max-rps", "30", "--workers", "4"])
    assert (args.pool_id, args.settings, args.max_rps, args.workers) == (
        None,
        ["a=1", "b=2"],
        30,
        4,
    )
    args = parse_arguments(["--max-rps", "7.5", "update", "--name", "t-*", "--tag", "a=b", "x=1"])
    assert (args.name, args.tags, args.settings, args.max_rps) == ("t-*", ["a=b"], ["x=1"], 7.5)
    args = parse_arguments(["plan", "us-east-1_A", "a=1"])
    assert (args.pool_id, args.settings, args.max_rps, args.workers) == (
        "us-east-1_A",
        ["a=1"],
        15,
        8,
    )
    args = parse_arguments(["apply", "us-east-1_A", "pool.json"])
    assert (args.pool_id, args.file, args.plan_file) == ("us-east-1_A", "pool.json", None)
    assert cli_fleet.DEFAULT_MAX_RPS == DEFAULT_MAX_RPS


# --- rates ---------------------------------------------------------------------------------------


def test_the_limiter_has_no_opening_burst_and_no_second_above_the_rate():
    now = [100.0]
    sent: list[float] = []

    def sleep(seconds: float) -> None:
        now[0] += seconds

    limiter = RateLimiter(15, clock=lambda: now[0], sleep=sleep)
    for _ in range(100):
        limiter.acquire()
        sent.append(now[0])
    assert sent[0] == 100.0
    for start in sent:
        assert sum(1 for at in sent if start <= at < start + 1.0) <= 15
    assert sum(1 for at in sent if at < 101.0) == 15  # the first second is full, not over
    assert 100 / (sent[-1] - sent[0] + 1 / 15) >= 0.9 * 15


def test_a_thread_that_wakes_late_does_not_crowd_a_second():
    """Two threads: one oversleeps its turn; the requests really sent still keep the rate."""
    now = [0.0]
    lock = threading.Lock()
    late = {"first": True}

    def sleep(seconds: float) -> None:
        with lock:
            extra = 0.3 if late["first"] else 0.0  # the first sleeper wakes 300 ms late
            late["first"] = False
            now[0] += seconds + extra

    limiter = RateLimiter(10, clock=lambda: now[0], sleep=sleep)
    sent: list[float] = []
    for _ in range(40):
        limiter.acquire()
        sent.append(now[0])
    for start in sent:
        assert sum(1 for at in sent if start <= at < start + 1.0) <= 10


def test_ctrl_c_finishes_the_pools_started_and_touches_no_other(client, direct):
    pools = [create(direct, f"stop-{index}", {}) for index in range(6)]

    def interrupt(progress: Any) -> None:
        if progress.done == 2:
            raise KeyboardInterrupt

    fleet = Fleet(client, max_rps=FAST, workers=1, progress=interrupt)
    with pytest.raises(FleetInterruptedError) as stopped:
        fleet.update(Selection(name="stop-*"), {"deletion_protection": "ACTIVE"})
    finished = stopped.value.report.results
    assert stopped.value.total == 6
    # The pool whose turn ended in Ctrl-C, and the one the worker had started, are finished.
    assert 2 <= len(finished) < 6
    assert {result.outcome for result in finished} == {"changed"}
    protected = {
        pool_id
        for pool_id in pools
        if described(direct, pool_id).get("DeletionProtection") == "ACTIVE"
    }
    assert protected == {result.pool_id for result in finished}


@pytest.fixture
def quota_proxy(moto_server: str) -> Iterator[Any]:
    yield from running_quota_proxy(moto_server, 50)


def test_behind_a_quota_enforcing_proxy_the_rate_stays_within_the_quota(
    endpoint, direct, quota_proxy
):
    """The real command against a quota of 50 requests per second (a bought one, to keep the
    test short), run at 45: the tenth spare is for requests a busy machine delays in flight and
    delivers together, which the proxy counts by arrival, not by when they were sent."""
    selected = [create(direct, f"q-{index:02d}", {"tier": "gold"}) for index in range(20)]
    others = [create(direct, f"q-x{index}", {"tier": "silver"}) for index in range(2)]
    untouched = {pool_id: described(direct, pool_id) for pool_id in others}
    quota_proxy.reset()
    env = {**os.environ, "AWS_DEFAULT_REGION": REGION, "AWS_ENDPOINT_URL": quota_proxy.url}
    finished = subprocess.run(  # noqa: S603 - our own entry point
        [
            ENTRY_POINT,
            "update",
            "--name",
            "q-*",
            "--tag",
            "tier=gold",
            "policies.password_policy.minimum_length=11",
            "--yes",
            "--output",
            "json",
            "--max-rps",
            "45",
            "--workers",
            "12",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    report = json.loads(finished.stdout)
    assert report["summary"]["changed"] == 20
    assert {entry["pool_id"] for entry in report["pools"]} == set(selected)
    for category in ("UserPoolRead", "UserPoolUpdate"):
        seen = (
            f"{category}: {quota_proxy.count(category)} requests, busiest second "
            f"{quota_proxy.busiest_second(category)}, {quota_proxy.throttled(category)} throttled"
        )
        assert quota_proxy.busiest_second(category) <= 50, seen
        assert quota_proxy.throttled(category) == 0, seen
    # 1 list + 22 tag reads + 20 x (plan read + write's read) and 20 writes
    assert quota_proxy.count("UserPoolRead") == 1 + 22 + 20 * 2
    assert quota_proxy.count("UserPoolUpdate") == 20
    for pool_id in selected:
        assert described(direct, pool_id)["Policies"]["PasswordPolicy"]["MinimumLength"] == 11
    assert {pool_id: described(direct, pool_id) for pool_id in others} == untouched


def test_fleets_on_one_client_share_its_guard_and_count_their_own_requests(client, direct):
    create(direct, "count-1", {})
    first = Fleet(client, max_rps=FAST)
    second = Fleet(client, max_rps=FAST / 2)
    assert first.guard is second.guard
    assert first.guard.max_rps == FAST / 2
    for fleet in (first, second):
        report = fleet.plan(Selection(name="count-*"), {"deletion_protection": "ACTIVE"})
        assert report.requests == {"UserPoolRead": 3, "UserPoolUpdate": 0}  # list, get, plan


def test_list_help_has_a_description_examples_and_the_exit_codes(capsys):
    assert main(["list", "--help"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("usage: cognito-pools list")
    examples = text.split("examples:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert examples
    assert all(line.strip().startswith("cognito-pools list") for line in examples)
    assert "--max-rps N" in text
    assert "exit status:" in text


def test_one_exported_baseline_checks_a_whole_fleet_for_drift(
    direct, monkeypatch, capsys, endpoint, tmp_path
):
    baseline = create(direct, "base-a", {"env": "prod"}, DeletionProtection="ACTIVE")
    drifted = create(direct, "base-b", {"env": "prod"})
    monkeypatch.setenv("AWS_ENDPOINT_URL", endpoint)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["export", baseline]) == 0
    exported = json.loads(capsys.readouterr().out)
    del exported["settings"]["pool_name"]  # a file for every pool keeps each one's name
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps(exported), encoding="utf-8")

    argv = ["plan", "--name", "base-*", "--file", str(path), "--detailed-exitcode"]
    status = main([*argv, "--output", "json", "--max-rps", "500"])
    report = json.loads(capsys.readouterr().out)
    assert status == 2
    assert [(entry["pool_name"], entry["outcome"]) for entry in report["pools"]] == [
        ("base-a", "unchanged"),
        ("base-b", "changed"),
    ]
    drift = report["pools"][1]
    assert drift["pool_id"] == drifted
    assert [change["path"] for change in drift["changes"]] == ["deletion_protection"]
    assert drift["changes"][0]["new"] == "ACTIVE"

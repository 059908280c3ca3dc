"""Measure what cognito_pools costs on top of the hand-rolled describe → update recipe.

Three figures, each against its target:

(a) client-side cost of one ``pool.update`` against the recipe (describe, drop the describe-only
    keys, rename ``Name`` to ``PoolName``, update_user_pool), with the network cut out but
    botocore's own serialization, signing and parsing kept: a ``before-send`` handler answers
    every request with a canned response (a real DescribeUserPool body, or ``{}``);
(b) the same two flows over real HTTP against a loopback moto server;
(c) the time ``import cognito_pools`` adds once boto3 is imported, in fresh interpreters.

Runs alternate between the two flows (A B, B A, ...) and the medians are compared. This is a
measurement, not a test: it always exits 0. ``--quick`` takes fewer samples; ``--profile``
also prints where the time of (a) and (c) goes inside cognito_pools.

Run it with ``nox -s bench`` (which installs moto), or ``python benchmarks/run.py``.
"""
# ruff: noqa: INP001 - a script, not a package

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import gc
import io
import json
import os
import pstats
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
POOL_FIXTURE = ROOT / "tests" / "pools" / "31-aws-api-example-all-properties.json"
REGION = "us-east-1"

TARGET_OFFLINE = 1.30
TARGET_LOOPBACK = 1.05
TARGET_IMPORT_MS = 30.0

sys.path.insert(0, str(ROOT))  # run from a checkout without installing

import boto3  # noqa: E402
from botocore.awsrequest import AWSResponse  # noqa: E402

from cognito_pools import UserPools  # noqa: E402
from cognito_pools.demo import DEMO_POOL  # noqa: E402

Flow = Callable[[], None]


def say(text: str = "") -> None:
    """Print a line of the report."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def pool_kwargs() -> tuple[str, dict[str, Any]]:
    """The create_user_pool kwargs to measure with: AWS's all-properties example if present."""
    if POOL_FIXTURE.exists():
        document = json.loads(POOL_FIXTURE.read_text())
        return POOL_FIXTURE.name, document["create_user_pool"]
    return "cognito_pools.demo.DEMO_POOL", DEMO_POOL


def make_client(endpoint_url: str | None = None) -> Any:
    """A cognito-idp client with dummy credentials of its own."""
    session: Any = boto3.Session(
        aws_access_key_id="bench",
        aws_secret_access_key="bench",  # noqa: S106 - a dummy; nothing real is called
        region_name=REGION,
    )
    return session.client("cognito-idp", endpoint_url=endpoint_url)


# ---------------------------------------------------------------------------------------------
# The two flows


class Toggle:
    """Alternates the new minimum password length so that every update really changes it."""

    def __init__(self) -> None:
        self.value = 12

    def next(self) -> int:
        """Return the next length: 13, 12, 13, ..."""
        self.value = 25 - self.value
        return self.value


def writable_members(client: Any) -> frozenset[str]:
    """The UpdateUserPool members other than the pool id (what the recipe may send back)."""
    shape = client.meta.service_model.operation_model("UpdateUserPool").input_shape
    return frozenset(shape.members) - {"UserPoolId"}


def recipe_flow(client: Any, pool_id: str) -> Flow:
    """The hand-rolled recipe users write: describe, drop read-only keys, update."""
    allowed = writable_members(client)
    toggle = Toggle()

    def run() -> None:
        pool = client.describe_user_pool(UserPoolId=pool_id)["UserPool"]
        request = {key: value for key, value in pool.items() if key in allowed}
        request["PoolName"] = pool["Name"]
        policies = request.setdefault("Policies", {})
        policies.setdefault("PasswordPolicy", {})["MinimumLength"] = toggle.next()
        client.update_user_pool(UserPoolId=pool_id, **request)

    return run


def library_flow(client: Any, pool_id: str) -> Flow:
    """The same change through cognito_pools (the handle is read once, outside the timing)."""
    pool = UserPools(client).get(pool_id)
    toggle = Toggle()

    def run() -> None:
        pool.update(policies={"password_policy": {"minimum_length": toggle.next()}})

    return run


# ---------------------------------------------------------------------------------------------
# Measuring


def interleaved(library: Flow, recipe: Flow, runs: int, warmup: int) -> tuple[float, float]:
    """Median nanoseconds of each flow, run alternately (A B, B A, ...) after a warm-up."""
    for _ in range(warmup):
        library()
        recipe()
    times: dict[str, list[int]] = {"library": [], "recipe": []}
    order = [("library", library), ("recipe", recipe)]
    gc.collect()
    for index in range(runs):
        for name, flow in order if index % 2 == 0 else order[::-1]:
            start = time.perf_counter_ns()
            flow()
            times[name].append(time.perf_counter_ns() - start)
    return statistics.median(times["library"]), statistics.median(times["recipe"])


class CannedBody:
    """The ``raw`` of a canned AWSResponse: botocore only ever calls ``stream()`` on it."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        """Yield the whole body at once."""
        yield self.body


def offline_client(describe_body: bytes, calls: list[str]) -> Any:
    """A client whose requests never leave the process: ``before-send`` answers them."""
    client = make_client()

    def answer(request: Any, **_: Any) -> AWSResponse:
        target = request.headers.get("X-Amz-Target", b"")
        operation = (target.decode() if isinstance(target, bytes) else target).rpartition(".")[2]
        calls.append(operation)
        body = describe_body if operation == "DescribeUserPool" else b"{}"
        headers = {"x-amzn-requestid": "canned", "content-type": "application/x-amz-json-1.1"}
        return AWSResponse(request.url, 200, headers, CannedBody(body))

    client.meta.events.register("before-send.cognito-idp", answer)
    return client


def describe_body(client: Any, pool_id: str) -> bytes:
    """A DescribeUserPool response body as the service sends it (timestamps as epoch seconds)."""
    response = client.describe_user_pool(UserPoolId=pool_id)

    def epoch(value: object) -> float:
        if isinstance(value, dt.datetime):
            return value.timestamp()
        raise TypeError(type(value).__name__)

    return json.dumps({"UserPool": response["UserPool"]}, default=epoch).encode()


def measure_offline(body: bytes, runs: int, warmup: int) -> tuple[float, float]:
    """Figure (a): both flows with canned responses."""
    calls: list[str] = []
    client = offline_client(body, calls)
    pool_id = json.loads(body)["UserPool"]["Id"]
    library, recipe = library_flow(client, pool_id), recipe_flow(client, pool_id)
    for flow in (library, recipe):
        calls.clear()
        flow()
        if calls != ["DescribeUserPool", "UpdateUserPool"]:
            raise SystemExit(f"a flow made the calls {calls}, not describe + update")
    return interleaved(library, recipe, runs, warmup)


def measure_loopback(
    endpoint_url: str, kwargs: Mapping[str, Any], runs: int, warmup: int
) -> tuple[float, float]:
    """Figure (b): both flows over HTTP against moto, each on its own copy of the pool."""
    client = make_client(endpoint_url)
    library_pool = client.create_user_pool(**kwargs)["UserPool"]["Id"]
    recipe_pool = client.create_user_pool(**kwargs)["UserPool"]["Id"]
    return interleaved(
        library_flow(client, library_pool), recipe_flow(client, recipe_pool), runs, warmup
    )


IMPORT_PROBE = (
    "import time, boto3\n"
    "start = time.perf_counter()\n"
    "import cognito_pools\n"
    "print(time.perf_counter() - start)\n"
)
FIRST_USE_PROBE = (
    "import time, boto3\n"
    "start = time.perf_counter()\n"
    "from cognito_pools import UserPools\n"
    "from cognito_pools.converter import converter\n"
    "converter()\n"
    "print(time.perf_counter() - start)\n"
)
"""What the first ``UserPools(...).get`` pays on top: the models, the client, the converter."""


def measure_import(runs: int, probe: str = IMPORT_PROBE) -> float:
    """Figure (c): median milliseconds ``import cognito_pools`` adds after ``import boto3``."""
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    )
    samples: list[float] = []
    for _ in range(runs):
        result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed probe
            [sys.executable, "-c", probe],
            capture_output=True,
            text=True,
            check=True,
            env=env,
            cwd=ROOT,
        )
        samples.append(float(result.stdout.strip()) * 1000)
    return statistics.median(samples)


# ---------------------------------------------------------------------------------------------
# Profiles


def profile_offline(body: bytes, runs: int) -> None:
    """Where one offline pool.update spends its time, inside cognito_pools and around it."""
    calls: list[str] = []
    client = offline_client(body, calls)
    library = library_flow(client, json.loads(body)["UserPool"]["Id"])
    for _ in range(20):
        library()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        library()
    profiler.disable()
    stats = pstats.Stats(profiler)

    # Own time per area; cProfile inflates pure-Python code, so read these as proportions.
    areas: dict[str, float] = {}
    raw_stats: dict[tuple[str, int, str], tuple[Any, ...]] = stats.stats  # type: ignore[attr-defined]
    for (filename, _, _), (_, _, own, _, _) in raw_stats.items():
        areas[_area(filename)] = areas.get(_area(filename), 0.0) + own
    total = sum(areas.values())
    say(f"cProfile of {runs} offline pool.update calls: own time by area")
    for area, own in sorted(areas.items(), key=lambda item: -item[1]):
        if own / total >= 0.005:  # noqa: PLR2004 - hide the crumbs
            say(f"  {area:<40} {own / runs * 1e6:>8.0f} µs/update (profiled)  {own / total:>6.1%}")

    text = io.StringIO()
    listing = pstats.Stats(profiler, stream=text)
    listing.sort_stats("cumulative").print_stats(r"cognito_pools", 25)
    say("Cumulative time of cognito_pools functions:")
    for line in text.getvalue().splitlines():
        if line.strip() and not line.lstrip().startswith(("Ordered by", "List reduced")):
            say("  " + line.replace(str(ROOT) + os.sep, ""))


def _area(filename: str) -> str:
    if "cognito_pools" in filename:
        if filename.startswith("<"):
            return "cattrs/attrs generated code for models"
        return "cognito_pools/" + filename.rpartition("cognito_pools" + os.sep)[2]
    for area in ("botocore", "cattrs", "attr", "urllib3"):
        if f"{os.sep}{area}" in filename:
            return area
    return "builtins, stdlib (isinstance, getattr)"


def profile_import() -> None:
    """Which modules the first use of cognito_pools loads after boto3, by own import time."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    probe = "import boto3; from cognito_pools import UserPools; import cognito_pools.converter"
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed probe
        [sys.executable, "-X", "importtime", "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=ROOT,
    )
    lines: list[str] = result.stderr.splitlines()
    boto3_done = max(i for i, line in enumerate(lines) if line.rstrip().endswith("| boto3"))
    rows: list[tuple[int, int, str]] = []
    for line in lines[boto3_done + 1 :]:
        fields = [part.strip() for part in line.partition(":")[2].split("|")]
        rows.append((int(fields[0]), int(fields[1]), fields[2]))
    say("Modules loaded by the first use of cognito_pools after boto3 (-X importtime, one run):")
    say(f"  {'self µs':>8} {'cumulative':>10}  module")
    for own_us, cumulative_us, module in sorted(rows, reverse=True)[:15]:
        say(f"  {own_us:>8} {cumulative_us:>10}  {module}")


# ---------------------------------------------------------------------------------------------


@contextlib.contextmanager
def moto_server_process() -> Iterator[str]:
    """Run moto's server in a child process on a free loopback port; yield its URL.

    A server in its own process is what a network peer is. moto's in-process
    ``ThreadedMotoServer`` would share the interpreter lock with the code being measured, so
    the server's own work after each answer would be charged to whichever flow runs next.
    """
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("moto's server did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> int:
    """Measure, print the table, and exit 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples, for a smoke run")
    parser.add_argument("--profile", action="store_true", help="also show where the time goes")
    args = parser.parse_args()
    offline_runs, loopback_runs, import_runs = (300, 100, 7) if args.quick else (2000, 500, 15)

    with moto_server_process() as endpoint_url:
        source, kwargs = pool_kwargs()
        capture = make_client(endpoint_url)
        body = describe_body(capture, capture.create_user_pool(**kwargs)["UserPool"]["Id"])
        say(f"Pool: {source} ({len(body)} byte DescribeUserPool body, captured from moto)")
        say(f"Python {sys.version.split()[0]}, boto3 {boto3.__version__}")

        say(f"(a) offline: {offline_runs} runs of each flow ...")
        offline = measure_offline(body, offline_runs, warmup=max(offline_runs // 10, 20))
        say(f"(b) loopback moto: {loopback_runs} runs of each flow ...")
        loopback = measure_loopback(
            endpoint_url, kwargs, loopback_runs, warmup=max(loopback_runs // 10, 10)
        )
    say(f"(c) import: {import_runs} fresh interpreters ...")
    import_ms = measure_import(import_runs)
    first_use_ms = measure_import(import_runs, FIRST_USE_PROBE)

    say()
    say(f"{'figure':<52} {'cognito_pools':>13} {'recipe':>9} {'value':>8} {'target':>8}  result")
    rows = [
        ("(a) pool.update vs recipe, network cut out", offline, TARGET_OFFLINE),
        ("(b) pool.update vs recipe, loopback moto", loopback, TARGET_LOOPBACK),
    ]
    for label, (library_ns, recipe_ns), target in rows:
        ratio = library_ns / recipe_ns
        verdict = "PASS" if ratio <= target else "OVER"
        say(
            f"{label:<52} {library_ns / 1000:>10.0f} µs {recipe_ns / 1000:>6.0f} µs"
            f" {ratio:>7.2f}x {'<=' + format(target, '.2f') + 'x':>8}  {verdict}"
        )
    verdict = "PASS" if import_ms <= TARGET_IMPORT_MS else "OVER"
    say(
        f"{'(c) import cognito_pools after boto3 (median)':<52} {'':>13} {'':>9}"
        f" {import_ms:>5.1f} ms {'<=' + format(TARGET_IMPORT_MS, '.0f') + ' ms':>8}  {verdict}"
    )
    say(
        f"{'    ... then first use (models, client, converter)':<52} {'':>13} {'':>9}"
        f" {first_use_ms:>5.1f} ms {'':>8}  (info)"
    )

    if args.profile:
        say()
        profile_offline(body, runs=max(offline_runs // 2, 100))
        say()
        profile_import()
    return 0


if __name__ == "__main__":
    sys.exit(main())

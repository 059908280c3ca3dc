"""Measure what cognito_pools costs on top of the hand-rolled describe → update recipe.

The change measured is ``pool.update(policies={"password_policy": {"minimum_length": N}})``,
against the recipe users write by hand: describe, keep the UpdateUserPool members, rename
``Name`` to ``PoolName``, set the new length, update_user_pool. The pool is AWS's
all-properties example (tests/pools/31-aws-api-example-all-properties.json). Four figures, each
printed with the ratio, the overhead (library minus recipe) and its target:

(1) before-send, botocore whole: a ``before-send`` handler answers every request with a canned
    HTTP response (the real DescribeUserPool body captured from moto, ``{}`` for the update),
    so botocore still validates, serializes, signs and parses. This is what a user pays
    client-side, with the network cut out. Target ≤ 1.15x.
(2) before-call: a ``before-call`` handler returns a canned *parsed* answer, so botocore
    still validates and serializes each request but skips signing, sending and parsing; with
    less of botocore around it, the library's own share is easiest to see. Each answer is a
    fresh deep copy, made inside the handler so both flows pay for it (the recipe mutates its
    describe answer). Target ≤ 1.30x.
(3) loopback moto: both flows over real HTTP against a moto server in a child process, each on
    its own copy of the pool. Target ≤ 1.05x.
(4) cold interpreter, one update: fresh ``python -c`` processes, alternating, each timing
    ``import boto3``, a client with the canned answers of (1), and one update. The library's
    flow is ``UserPools(client).update(pool_id, ...)``: two calls, as the recipe's (the label
    shows the calls seen). The package is byte-compiled first, as installing it does
    (botocore's bytecode comes with its install; without this, an editable checkout under
    PYTHONDONTWRITEBYTECODE would compile cognito_pools afresh in every run, about 45 ms more).
    Target: the library within 45 ms of the recipe. For information, it also prints
    what ``import cognito_pools`` adds after boto3, what taking ``UserPools`` from it adds (the
    package loads its modules lazily) and what the converter's first build adds.

Before timing, each warm flow of (1) and (2) must make exactly DescribeUserPool then
UpdateUserPool. Warm runs alternate between the flows (A B, B A, ...) and the medians are
compared. This is a measurement, not a test: it always exits 0 (a flow making the wrong calls
stops it, since then nothing it would print means anything). ``--quick`` takes fewer samples,
``--only before-send,cold`` picks figures, and ``--profile`` also prints where the time of one
warm update and of the first import goes inside cognito_pools.

Run it with ``nox -s bench`` (which installs moto), ``nox -s bench -- --only cold``, or
``python benchmarks/run.py``.
"""
# ruff: noqa: INP001 - a script, not a package

from __future__ import annotations

import argparse
import contextlib
import copy
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
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
POOL_FIXTURE = ROOT / "tests" / "pools" / "31-aws-api-example-all-properties.json"
REGION = "us-east-1"

TARGET_BEFORE_SEND = 1.15
"""Library ÷ recipe, botocore whole, network cut out."""
TARGET_BEFORE_CALL = 1.30
"""Library ÷ recipe, botocore's signing, sending and parsing cut out too."""
TARGET_LOOPBACK = 1.05
"""Library ÷ recipe over HTTP to a loopback moto server."""
TARGET_COLD_MS = 45.0
"""Milliseconds a fresh interpreter's first update may take beyond the recipe's."""

FIGURES = ("before-send", "before-call", "loopback", "cold")
DESCRIBE_THEN_UPDATE = ["DescribeUserPool", "UpdateUserPool"]

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
    """The same change through cognito_pools, as the README leads with it: two calls."""
    pools = UserPools(client)
    toggle = Toggle()

    def run() -> None:
        pools.update(pool_id, policies={"password_policy": {"minimum_length": toggle.next()}})

    return run


# ---------------------------------------------------------------------------------------------
# Canned answers: the network cut out at two depths


class CannedBody:
    """The ``raw`` of a canned AWSResponse: botocore only ever calls ``stream()`` on it."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        """Yield the whole body at once."""
        yield self.body


def before_send_client(describe_body: bytes, calls: list[str]) -> Any:
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


def parsed_answers(describe_body: bytes) -> dict[str, Mapping[str, Any]]:
    """What botocore's parser makes of the canned bodies (timestamps become datetimes)."""
    client = before_send_client(describe_body, [])
    pool_id = json.loads(describe_body)["UserPool"]["Id"]
    return {
        "DescribeUserPool": client.describe_user_pool(UserPoolId=pool_id),
        "UpdateUserPool": client.update_user_pool(UserPoolId=pool_id),
    }


def before_call_client(answers: Mapping[str, Mapping[str, Any]], calls: list[str]) -> Any:
    """A client whose ``before-call`` handler answers with parsed responses.

    botocore uses a non-None ``before-call`` answer as ``(http, parsed)`` and skips signing,
    sending and parsing. The copy is made here, per call, so that both flows pay for it and the
    recipe, which mutates its describe answer, never sees an earlier run's edits.
    """
    client = make_client()
    http = AWSResponse("https://cognito-idp.invalid/", 200, {}, CannedBody(b""))

    def answer(model: Any, **_: Any) -> tuple[AWSResponse, dict[str, Any]]:
        calls.append(model.name)
        return http, copy.deepcopy(dict(answers[model.name]))

    client.meta.events.register("before-call.cognito-idp", answer)
    return client


def describe_body(client: Any, pool_id: str) -> bytes:
    """A DescribeUserPool response body as the service sends it (timestamps as epoch seconds)."""
    response = client.describe_user_pool(UserPoolId=pool_id)

    def epoch(value: object) -> float:
        if isinstance(value, dt.datetime):
            return value.timestamp()
        raise TypeError(type(value).__name__)

    return json.dumps({"UserPool": response["UserPool"]}, default=epoch).encode()


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


def measure_canned(
    make: Callable[[list[str]], Any], pool_id: str, runs: int, warmup: int
) -> tuple[float, float]:
    """Figures (1) and (2): each flow on its own client with canned answers, calls checked first.

    Separate clients, because the library registers event handlers on the one it uses, and a
    program writing the recipe by hand would not carry them.
    """
    library_calls: list[str] = []
    recipe_calls: list[str] = []
    library = library_flow(make(library_calls), pool_id)
    recipe = recipe_flow(make(recipe_calls), pool_id)
    for name, flow, calls in (
        ("library", library, library_calls),
        ("recipe", recipe, recipe_calls),
    ):
        calls.clear()
        flow()
        if calls != DESCRIBE_THEN_UPDATE:
            raise SystemExit(f"the {name} flow made the calls {calls}, not describe + update")
    return interleaved(library, recipe, runs, warmup)


def measure_loopback(
    endpoint_url: str, kwargs: Mapping[str, Any], runs: int, warmup: int
) -> tuple[float, float]:
    """Figure (3): both flows over HTTP against moto, each on its own copy of the pool.

    Both use one client, unlike (1) and (2): over HTTP, which connection each flow gets (and
    which client was made first) moved the ratio by 1-3 points, more than the library's work,
    while the library's event handlers cost the recipe well under 0.1% here.
    """
    client = make_client(endpoint_url)
    library_pool = client.create_user_pool(**kwargs)["UserPool"]["Id"]
    recipe_pool = client.create_user_pool(**kwargs)["UserPool"]["Id"]
    return interleaved(
        library_flow(client, library_pool), recipe_flow(client, recipe_pool), runs, warmup
    )


COLD_PROBE = """\
import os, sys, time
flow, pool_id, length = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(os.environ["BENCH_DESCRIBE_BODY"], "rb") as file:
    body = file.read()
start = time.perf_counter()
import boto3
from botocore.awsrequest import AWSResponse
class Canned:
    def __init__(self, body):
        self.body = body
    def stream(self, **_):
        yield self.body
calls = []
def answer(request, **_):
    target = request.headers["X-Amz-Target"]
    operation = (target.decode() if isinstance(target, bytes) else target).rpartition(".")[2]
    calls.append(operation)
    headers = {"x-amzn-requestid": "canned", "content-type": "application/x-amz-json-1.1"}
    canned = Canned(body if operation == "DescribeUserPool" else b"{}")
    return AWSResponse(request.url, 200, headers, canned)
client = boto3.client(
    "cognito-idp", region_name="us-east-1",
    aws_access_key_id="bench", aws_secret_access_key="bench",
)
client.meta.events.register("before-send.cognito-idp", answer)
if flow == "library":
    from cognito_pools import UserPools
    UserPools(client).update(pool_id, policies={"password_policy": {"minimum_length": length}})
else:
    shape = client.meta.service_model.operation_model("UpdateUserPool").input_shape
    allowed = set(shape.members) - {"UserPoolId"}
    pool = client.describe_user_pool(UserPoolId=pool_id)["UserPool"]
    request = {key: value for key, value in pool.items() if key in allowed}
    request["PoolName"] = pool["Name"]
    policies = request.setdefault("Policies", {})
    policies.setdefault("PasswordPolicy", {})["MinimumLength"] = length
    client.update_user_pool(UserPoolId=pool_id, **request)
elapsed = time.perf_counter() - start
print(elapsed, ",".join(calls))
"""
"""One update in a fresh interpreter, from ``import boto3`` on; prints seconds and the calls."""


def probe_env(**extra: str) -> dict[str, str]:
    """The environment of a probe: this checkout importable, no AWS configuration read."""
    return dict(
        os.environ,
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
        **extra,
    )


def run_probe(code: str, *args: str, env: Mapping[str, str]) -> str:
    """Run ``code`` in a fresh interpreter and return what it printed."""
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed probe
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=ROOT,
    )
    if result.returncode != 0:
        raise SystemExit(f"a probe failed:\n{result.stderr}")
    return result.stdout.strip()


@dataclass(frozen=True)
class Cold:
    """Figure (4): medians of both flows in fresh interpreters, and the calls each made."""

    library_ms: float
    recipe_ms: float
    library_calls: Sequence[str]
    recipe_calls: Sequence[str]
    library_fastest_ms: float
    """The quickest run of each flow: the least disturbed by whatever else the machine runs."""
    recipe_fastest_ms: float


def measure_cold(body: bytes, runs: int) -> Cold:
    """Figure (4): alternate fresh interpreters doing one update each, library then recipe."""
    document = json.loads(body)["UserPool"]
    pool_id = document["Id"]
    # Any length but the pool's own, so that the library really has a change to send.
    current = document.get("Policies", {}).get("PasswordPolicy", {}).get("MinimumLength")
    length = "13" if current != 13 else "14"  # noqa: PLR2004 - a length, any other would do
    samples: dict[str, list[float]] = {"library": [], "recipe": []}
    seen: dict[str, set[str]] = {"library": set(), "recipe": set()}
    package = str(ROOT / "cognito_pools")
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], check=True)  # noqa: S603
    with tempfile.NamedTemporaryFile(suffix=".json") as file:
        file.write(body)
        file.flush()
        env = probe_env(BENCH_DESCRIBE_BODY=file.name)
        for flow in ("library", "recipe"):  # once each first, so the disk cache is warm for both
            run_probe(COLD_PROBE, flow, pool_id, length, env=env)
        for index in range(runs):
            order = ("library", "recipe") if index % 2 == 0 else ("recipe", "library")
            for flow in order:
                seconds, _, calls = run_probe(COLD_PROBE, flow, pool_id, length, env=env).partition(
                    " "
                )
                samples[flow].append(float(seconds) * 1000)
                seen[flow].add(calls)
    for flow, variants in seen.items():
        if len(variants) != 1:
            raise SystemExit(f"the {flow} flow's calls changed between runs: {sorted(variants)}")
    return Cold(
        library_ms=statistics.median(samples["library"]),
        recipe_ms=statistics.median(samples["recipe"]),
        library_calls=next(iter(seen["library"])).split(","),
        recipe_calls=next(iter(seen["recipe"])).split(","),
        library_fastest_ms=min(samples["library"]),
        recipe_fastest_ms=min(samples["recipe"]),
    )


IMPORT_PROBE = (
    "import time, boto3\n"
    "start = time.perf_counter()\n"
    "import cognito_pools\n"
    "bare = time.perf_counter()\n"
    "from cognito_pools import UserPools\n"
    "named = time.perf_counter()\n"
    "from cognito_pools.converter import converter\n"
    "converter()\n"
    "print(bare - start, named - bare, time.perf_counter() - named)\n"
)
"""What importing cognito_pools adds once boto3 is imported, in three steps: the bare package
(which loads its modules lazily), the first name taken from it, and the converter's first
build (the models' structure and unstructure functions)."""


def measure_import(runs: int) -> tuple[float, float, float]:
    """Median milliseconds of each step of :data:`IMPORT_PROBE`."""
    env = probe_env()
    samples = [
        [float(seconds) * 1000 for seconds in run_probe(IMPORT_PROBE, env=env).split()]
        for _ in range(runs)
    ]
    bare, named, converter = (statistics.median(step) for step in zip(*samples, strict=True))
    return bare, named, converter


# ---------------------------------------------------------------------------------------------
# The table


@dataclass(frozen=True)
class Row:
    """One line of the table: both flows' medians in ``unit``, and the target."""

    label: str
    library: float
    recipe: float
    unit: str
    max_ratio: float | None = None
    max_overhead: float | None = None

    def render(self) -> str:
        """The line: medians, ratio, overhead, target and PASS/OVER."""
        ratio = self.library / self.recipe
        overhead = self.library - self.recipe
        if self.max_ratio is not None:
            target, passed = f"<={self.max_ratio:.2f}x", ratio <= self.max_ratio
        else:
            assert self.max_overhead is not None  # noqa: S101 - one of the two is always set
            target, passed = (
                f"<=+{self.max_overhead:.0f} {self.unit}",
                overhead <= self.max_overhead,
            )
        digits = 0 if self.unit == "µs" else 1
        return (
            f"{self.label:<46} {self.library:>9.{digits}f} {self.unit}"
            f" {self.recipe:>9.{digits}f} {self.unit} {ratio:>6.2f}x"
            f" {overhead:>+9.{digits}f} {self.unit} {target:>11}  {'PASS' if passed else 'OVER'}"
        )


HEADER = (
    f"{'figure':<46} {'cognito_pools':>12} {'recipe':>12} {'ratio':>7}"
    f" {'overhead':>12} {'target':>11}  result"
)


def warm_row(label: str, medians_ns: tuple[float, float], target: float) -> Row:
    """A row for a warm figure, in microseconds."""
    library_ns, recipe_ns = medians_ns
    return Row(label, library_ns / 1000, recipe_ns / 1000, "µs", max_ratio=target)


# ---------------------------------------------------------------------------------------------
# Profiles


def profile_update(client: Any, pool_id: str, runs: int, depth: str) -> None:
    """Where one warm pool.update spends its time, inside cognito_pools and around it."""
    library = library_flow(client, pool_id)
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
    say(f"cProfile of {runs} pool.update calls answered at {depth}: own time by area")
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
    return "builtins, stdlib (deepcopy, getattr)"


def profile_import() -> None:
    """Which modules the first use of cognito_pools loads after boto3, by own import time."""
    probe = "import boto3; from cognito_pools import UserPools; import cognito_pools.converter"
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed probe
        [sys.executable, "-X", "importtime", "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env=probe_env(),
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


def figures(text: str) -> list[str]:
    """Parse ``--only``: a comma-separated subset of :data:`FIGURES`."""
    chosen = [name.strip() for name in text.split(",") if name.strip()]
    unknown = sorted(set(chosen) - set(FIGURES))
    if unknown or not chosen:
        message = f"choose from {', '.join(FIGURES)} (got {text!r})"
        raise argparse.ArgumentTypeError(message)
    return chosen


def main() -> int:  # noqa: C901, PLR0915 - one straight report, figure by figure
    """Measure, print the table, and exit 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples, for a smoke run")
    parser.add_argument("--profile", action="store_true", help="also show where the time goes")
    parser.add_argument(
        "--only",
        type=figures,
        default=list(FIGURES),
        metavar="FIGURES",
        help=f"comma-separated figures to measure, from {','.join(FIGURES)} (default: all)",
    )
    args = parser.parse_args()
    chosen: list[str] = args.only
    canned_runs, loopback_runs, cold_runs = (300, 100, 3) if args.quick else (2000, 500, 21)

    rows: list[Row] = []
    notes: list[str] = []
    with moto_server_process() as endpoint_url:
        source, kwargs = pool_kwargs()
        capture = make_client(endpoint_url)
        body = describe_body(capture, capture.create_user_pool(**kwargs)["UserPool"]["Id"])
        pool_id: str = json.loads(body)["UserPool"]["Id"]
        say(f"Pool: {source} ({len(body)} byte DescribeUserPool body, captured from moto)")
        say(f"Python {sys.version.split()[0]}, boto3 {boto3.__version__}")
        answers = parsed_answers(body)

        def before_send(calls: list[str]) -> Any:
            return before_send_client(body, calls)

        def before_call(calls: list[str]) -> Any:
            return before_call_client(answers, calls)

        canned: list[tuple[str, str, Callable[[list[str]], Any], float]] = [
            ("before-send", "(1) before-send: botocore whole", before_send, TARGET_BEFORE_SEND),
            ("before-call", "(2) before-call: parsed answers", before_call, TARGET_BEFORE_CALL),
        ]
        for figure, label, make, target in canned:
            if figure in chosen:
                say(f"{label.partition(':')[0]}: {canned_runs} runs of each flow ...")
                medians = measure_canned(make, pool_id, canned_runs, canned_runs // 10)
                rows.append(warm_row(label, medians, target))
        if "loopback" in chosen:
            say(f"(3) loopback moto: {loopback_runs} runs of each flow ...")
            medians = measure_loopback(
                endpoint_url, kwargs, loopback_runs, warmup=max(loopback_runs // 10, 10)
            )
            rows.append(warm_row("(3) loopback moto server", medians, TARGET_LOOPBACK))
    if "cold" in chosen:
        say(f"(4) cold: {cold_runs} fresh interpreters for each flow ...")
        cold = measure_cold(body, cold_runs)
        short = [name.removesuffix("UserPool") for name in cold.library_calls]
        rows.append(
            Row(
                f"(4) cold: one update, {len(short)} calls vs {len(cold.recipe_calls)}",
                cold.library_ms,
                cold.recipe_ms,
                "ms",
                max_overhead=TARGET_COLD_MS,
            )
        )
        recipe_short = [name.removesuffix("UserPool") for name in cold.recipe_calls]
        notes.append(f"(4) calls: library {'+'.join(short)}; recipe {'+'.join(recipe_short)}")
        fastest = cold.library_fastest_ms - cold.recipe_fastest_ms
        notes.append(
            f"(4) fastest runs: library {cold.library_fastest_ms:.1f} ms, recipe "
            f"{cold.recipe_fastest_ms:.1f} ms ({fastest:+.1f} ms)"
        )
        bare, named, converter = measure_import(cold_runs)
        notes.append(
            f"(4) info, after boto3 (medians): import cognito_pools {bare:.1f} ms;"
            f" then from cognito_pools import UserPools {named:.1f} ms;"
            f" then the converter's first build {converter:.1f} ms"
        )

    say()
    say(HEADER)
    for row in rows:
        say(row.render())
    for note in notes:
        say(note)

    if args.profile:
        say()
        if "before-call" in chosen:
            client = before_call_client(answers, [])
            profile_update(client, pool_id, max(canned_runs // 2, 100), "before-call")
        else:
            client = before_send_client(body, [])
            profile_update(client, pool_id, max(canned_runs // 2, 100), "before-send")
        if "cold" in chosen:
            say()
            profile_import()
    return 0


if __name__ == "__main__":
    sys.exit(main())

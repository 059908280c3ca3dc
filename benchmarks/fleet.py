"""Measure a fleet run against Cognito's request-rate quotas.

A moto server (in a child process, so that it does not share the interpreter lock with the
client) holds ``--pools`` pools (500 by default), each with its own name, tags and password
policy. Between the client and moto sits the quota proxy of ``tests/quota_proxy.py``: it
answers TooManyRequestsException to any request beyond ``--quota`` requests (15 by default)
in the last second of its category (UserPoolRead, UserPoolUpdate), as Cognito does.

The run is ``Fleet.update`` (``--action plan`` for a plan) of every pool, at ``--max-rps``
(the quota by default), with ``--workers`` threads. Printed:

- per category: the requests the proxy saw, the throttling answers it gave, and the busiest
  second (at most the quota, if the limiter does its job);
- the achieved rate of the busiest category as a share of the quota (goal: at least 90 %);
- the wall time against the bound ``requests / quota`` of the busiest category (nothing can
  be faster without exceeding the quota);
- whether every pool ended as it should.

This is a measurement, not a test: it exits 0 unless a pool ended wrongly. Run it with
``nox -s fleet`` or ``python benchmarks/fleet.py [--pools 100] [--quota 15]``.
"""

# ruff: noqa: INP001, T201 - a script that prints its figures, not a package

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from quota_proxy import QuotaProxy, start  # noqa: E402 - found through the path set above

CREDENTIALS = {"aws_access_key_id": "bench", "aws_secret_access_key": "bench"}
REGION = "us-east-1"
CATEGORIES = ("UserPoolRead", "UserPoolUpdate")


def serve_moto(ready: Any) -> None:
    """Run a moto server in this (child) process and send its URL through ``ready``."""
    from joserfc import jwk  # noqa: PLC0415 - moto's own dependency
    from moto.cognitoidp import models  # noqa: PLC0415
    from moto.server import ThreadedMotoServer  # noqa: PLC0415

    # moto rebuilds the same RSA signing key for every CreateUserPool (about 0.3 s); one is
    # enough for 500 pools (tests/conftest.py does the same).
    cache: dict[str, Any] = {}
    real = jwk.RSAKey.import_key

    def import_key(value: Any, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs or not isinstance(value, dict):
            return real(value, *args, **kwargs)
        name = json.dumps(value, sort_keys=True)
        if name not in cache:
            cache[name] = real(value)
        return cache[name]

    if getattr(models, "jwk", None) is jwk:
        models.jwk = SimpleNamespace(RSAKey=SimpleNamespace(import_key=import_key))
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    ready.send(f"http://{host}:{port}")
    time.sleep(24 * 3600)


def client(endpoint: str, workers: int) -> Any:
    """A cognito-idp client with a connection per worker."""
    import boto3  # noqa: PLC0415
    from botocore.config import Config  # noqa: PLC0415

    config = Config(max_pool_connections=max(10, workers), retries={"mode": "standard"})
    return boto3.client(
        "cognito-idp", endpoint_url=endpoint, region_name=REGION, config=config, **CREDENTIALS
    )


def create_pools(endpoint: str, count: int) -> None:
    """Create ``count`` pools straight on moto, with various names, tags and policies."""
    direct = client(endpoint, 10)
    for index in range(count):
        direct.create_user_pool(
            PoolName=f"tenant-{index:04d}",
            Policies={"PasswordPolicy": {"MinimumLength": 8 + index % 3}},
            UserPoolTags={"env": "prod" if index % 2 else "staging", "tenant": str(index)},
        )


def main(argv: list[str] | None = None) -> int:
    """Run the measurement and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pools", type=int, default=500)
    parser.add_argument("--quota", type=float, default=15.0)
    parser.add_argument("--max-rps", type=float, default=None, help="default: the quota")
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--action", choices=("update", "plan"), default="update")
    args = parser.parse_args(argv)

    from cognito_pools.fleet import Fleet, Selection  # noqa: PLC0415

    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    moto = context.Process(target=serve_moto, args=(sender,), daemon=True)
    moto.start()
    try:
        endpoint = receiver.recv()
        started = time.monotonic()
        create_pools(endpoint, args.pools)
        print(f"{args.pools} pools created on moto in {time.monotonic() - started:.1f} s")

        proxy = QuotaProxy(endpoint, args.quota)
        server = start(proxy)
        max_rps = args.max_rps or args.quota
        fleet = Fleet(client(proxy.url, args.workers), max_rps=max_rps, workers=args.workers)
        change = {"policies": {"password_policy": {"minimum_length": 12}}}
        started = time.monotonic()
        if args.action == "update":
            report = fleet.update(Selection(everything=True), change)
        else:
            report = fleet.plan(Selection(everything=True), change)
        wall = time.monotonic() - started
        server.shutdown()
    finally:
        moto.terminate()

    print(
        f"{args.action} of {len(report.results)} pools: {report.summary}; quota {args.quota:g} "
        f"rps per category, limiter at {max_rps:g} rps, {args.workers} workers"
    )
    bound = 0.0
    busiest = CATEGORIES[0]
    for category in CATEGORIES:
        seen = proxy.count(category)
        print(
            f"  {category:15} {seen:5d} requests, {proxy.throttled(category)} throttled, "
            f"busiest second {proxy.busiest_second(category)} (quota {args.quota:g})"
        )
        if seen / args.quota > bound:
            bound, busiest = seen / args.quota, category
    achieved = proxy.count(busiest) / wall
    print(
        f"achieved rate ({busiest}): {achieved:.2f} rps = {achieved / args.quota:.1%} of the "
        f"quota (goal >= 90%)"
    )
    print(
        f"wall time {wall:.1f} s against the bound {bound:.1f} s (requests / quota): "
        f"{wall / bound:.3f}x"
    )
    # Every pool starts with a minimum length of 8 to 10, so every pool changes.
    wrong = [result for result in report.results if result.outcome != "changed"]
    if len(report.results) != args.pools or wrong:
        print(f"WRONG: {len(report.results)} results, {len(wrong)} not changed: {wrong[:1]}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Several processes update one pool at the same moment: how many changes are silently lost?

Each worker process owns one setting of the pool. In every round all workers start together
(a barrier), each updates its own setting to the round's value through ``Pool.update``, and
then the parent reads the pool and sorts every update into:

- **landed**: the update returned normally and its value is in the pool;
- **reported**: the update raised (with ``verify=True``, ``ChangeOverwrittenError``), so the
  loss was not silent;
- **silently lost**: the update returned normally, but another process's write undid it.

Within one process the library serializes updates of a pool, so no change is ever lost there
(``tests/test_retries.py`` shows it). Across processes Cognito has no compare-and-swap; this
script measures what is left in three modes: no lock (two calls per update), ``verify=True``
(a third call, the read-back), and the lock shared by processes in DynamoDB
(``UserPools(client, lock=DynamoDBLock(...))``). Then it measures what the lock costs an update
that has the pool to itself.

It runs against a moto server on loopback that serves both cognito-idp and DynamoDB, where a
call takes about a millisecond; against AWS, whose calls take tens of milliseconds, the window
between a read and its write is wider in time but so is the spacing of writers. The server
answers one request at a time (``tests/wire.py`` says why: moto's conditional writes are not
atomic otherwise); the processes still read and write in any interleaving.

    python benchmarks/race.py --processes 4 --rounds 25
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
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "pools" / "31-aws-api-example-all-properties.json"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
LOCK_TABLE = "cognito-pools-race"
MODES = {
    "no lock": "default (2 calls)",
    "verify": "verify=True (3 calls)",
    "lock": "lock=DynamoDBLock",
}
"""Each mode of the race, and how the table labels it."""


def change(setting: str, round_number: int) -> dict[str, Any]:
    """The change worker ``setting`` makes in a round."""
    return {
        "deletion_protection": {
            "deletion_protection": "ACTIVE" if round_number % 2 else "INACTIVE"
        },
        "minimum_length": {"policies": {"password_policy": {"minimum_length": 8 + round_number}}},
        "tags": {"user_pool_tags": {"round": str(round_number)}},
        "sms_message": {"sms_authentication_message": f"round {round_number}: {{####}}"},
        "device_prompt": {
            "device_configuration": {
                "device_only_remembered_on_user_prompt": bool(round_number % 2)
            }
        },
        "email_subject": {"email_verification_subject": f"Your code, round {round_number}"},
    }[setting]


SETTINGS = (
    "deletion_protection",
    "minimum_length",
    "tags",
    "sms_message",
    "device_prompt",
    "email_subject",
)


def holds(config: Any, setting: str, round_number: int) -> bool:
    """Whether the pool holds the value worker ``setting`` wrote in ``round_number``."""
    if setting == "minimum_length":
        return bool(config.policies.password_policy.minimum_length == 8 + round_number)
    if setting == "device_prompt":
        prompt = config.device_configuration.device_only_remembered_on_user_prompt
        return bool(prompt == bool(round_number % 2))
    if setting == "email_subject":
        return bool(
            config.verification_message_template.email_subject
            == change(setting, round_number)["email_verification_subject"]
        )
    ((name, value),) = change(setting, round_number).items()
    return bool(getattr(config, name) == value)


def client(endpoint: str, service: str = "cognito-idp") -> Any:
    """A client of the moto server: cognito-idp, or dynamodb for the lock."""
    import boto3  # noqa: PLC0415 - in the worker process

    return boto3.client(service, endpoint_url=endpoint, region_name="us-east-1", **CREDENTIALS)


def user_pools(endpoint: str, mode: str, lease: float = 20.0, poll: float = 0.05) -> Any:
    """The ``UserPools`` of a worker in ``mode``, with the lock's lease and polling pause."""
    from cognito_pools import DynamoDBLock, UserPools  # noqa: PLC0415

    lock = None
    if mode == "lock":
        dynamodb = client(endpoint, "dynamodb")
        lock = DynamoDBLock(dynamodb, table=LOCK_TABLE, lease_seconds=lease, poll_seconds=poll)
    return UserPools(client(endpoint), verify=mode == "verify", lock=lock)


def worker(  # noqa: PLR0917 - multiprocessing passes arguments by position
    endpoint: str,
    pool_id: str,
    setting: str,
    rounds: int,
    mode: str,
    lock_timing: tuple[float, float],
    barrier: Any,
    results: Any,
) -> None:
    """Update one setting once per round, in step with the other workers."""
    from cognito_pools import CognitoPoolsError  # noqa: PLC0415

    pools = user_pools(endpoint, mode, *lock_timing)
    for round_number in range(1, rounds + 1):
        barrier.wait()
        try:
            pools.get(pool_id).update(**change(setting, round_number))
            outcome = "returned"
        except CognitoPoolsError as error:
            outcome = type(error).__name__
        results.put((round_number, setting, outcome))
        barrier.wait()  # the parent reads the pool before the next round


def race(
    endpoint: str,
    processes: int,
    rounds: int,
    *,
    mode: str | None = None,
    verify: bool = False,
    lease: float = 20.0,
    poll: float = 0.05,
) -> dict[str, int]:
    """Run one race in ``mode`` (one of :data:`MODES`) and count landed, reported and lost.

    ``verify=True`` is the same as ``mode="verify"``.
    """
    from cognito_pools import DynamoDBLock, UserPools  # noqa: PLC0415

    mode = mode or ("verify" if verify else "no lock")
    pool_id = new_pool(endpoint)
    if mode == "lock":
        DynamoDBLock(client(endpoint, "dynamodb"), table=LOCK_TABLE).create_table()
    settings = SETTINGS[:processes]
    context = worker_context()
    barrier = context.Barrier(len(settings) + 1)
    results = context.Queue()
    workers = [
        context.Process(
            target=worker,
            args=(endpoint, pool_id, s, rounds, mode, (lease, poll), barrier, results),
        )
        for s in settings
    ]
    for process in workers:
        process.start()
    counts = {"landed": 0, "reported": 0, "silently lost": 0}
    reader = UserPools(client(endpoint))
    try:
        for _ in range(rounds):
            barrier.wait(timeout=120)  # start the round (a worker that died breaks it)
            outcomes = [results.get(timeout=120) for _ in settings]
            barrier.wait(timeout=120)  # every worker is done
            config = reader.get(pool_id).config
            for round_number, setting, outcome in outcomes:
                if outcome != "returned":
                    counts["reported"] += 1
                elif holds(config, setting, round_number):
                    counts["landed"] += 1
                else:
                    counts["silently lost"] += 1
    finally:
        for process in workers:
            process.join(timeout=60)
            if process.is_alive():
                process.kill()
                process.join()
        results.close()
        results.join_thread()
    return counts


def worker_context() -> Any:
    """Fresh worker processes, forked where it can be from one that has imported the library.

    A forkserver imports boto3 and the library once, not once per worker (a second or more of
    CPU each on a busy machine); it starts from no thread of this process, unlike a plain fork.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(
        ["boto3", "botocore.client", "cognito_pools.pools", "cognito_pools.models"]
    )
    return context


def new_pool(endpoint: str) -> str:
    """Create a pool from the "all properties" fixture and return its id."""
    kwargs = json.loads(FIXTURE.read_text(encoding="utf-8"))["create_user_pool"]
    pool_id: str = client(endpoint).create_user_pool(**kwargs)["UserPool"]["Id"]
    return pool_id


def cost(endpoint: str, updates: int) -> dict[str, tuple[float, float]]:
    """Milliseconds per update and calls per update, one process alone, without and with lock."""
    from cognito_pools import DynamoDBLock  # noqa: PLC0415

    DynamoDBLock(client(endpoint, "dynamodb"), table=LOCK_TABLE).create_table()
    figures = {}
    calls: list[str] = []

    def count(model: Any, **_: Any) -> None:
        calls.append(model.name)

    for mode in ("no lock", "lock"):
        pools = user_pools(endpoint, mode)
        pool = pools.get(new_pool(endpoint))
        for each in [pools.client, *([pools.lock.client] if pools.lock else [])]:
            each.meta.events.register("before-call", count)
        pool.update(deletion_protection="ACTIVE")  # the first update pays for loading
        calls.clear()
        started = time.perf_counter()
        for number in range(updates):
            pool.update(user_pool_tags={"n": str(number)})
        seconds = time.perf_counter() - started
        figures[mode] = (seconds / updates * 1000, len(calls) / updates)
    return figures


def main(argv: list[str] | None = None) -> int:
    """Run the race in each mode, print the counts, then the lock's cost per update."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=4, choices=range(2, len(SETTINGS) + 1))
    parser.add_argument("--rounds", type=int, default=25)
    parser.add_argument("--modes", default=",".join(MODES), help="which modes to race")
    parser.add_argument("--poll", type=float, default=0.05, help="the lock's poll_seconds")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT / "tests"))
    from wire import running_serial_moto_server  # noqa: PLC0415 - the tests' helper

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request otherwise
    with running_serial_moto_server() as endpoint:
        print(f"{args.processes} processes x {args.rounds} rounds, one setting each, one pool")
        print(
            f"{'mode':<22}{'updates':>8}{'landed':>8}{'reported':>10}{'silently lost':>15}"
            f"{'seconds':>9}"
        )
        for mode in args.modes.split(","):
            started = time.perf_counter()
            counts = race(endpoint, args.processes, args.rounds, mode=mode, poll=args.poll)
            seconds = time.perf_counter() - started
            total = sum(counts.values())
            lost = counts["silently lost"]
            print(
                f"{MODES[mode]:<22}{total:>8}{counts['landed']:>8}{counts['reported']:>10}"
                f"{lost:>8} ({lost / total:.1%}){seconds:>9.1f}"
            )
        figures = cost(endpoint, 50)
        print("one process alone, 50 updates (the lock's table in the same moto server):")
        for mode, (milliseconds, calls) in figures.items():
            print(f"  {mode:<8} {milliseconds:6.1f} ms and {calls:.0f} calls per update")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Several processes update one pool at the same moment: how many changes are silently lost?

Each worker process owns one setting of the pool. In every round all workers start together
(a barrier), each updates its own setting to the round's value through ``Pool.update``, and
then the parent reads the pool and sorts every update into:

- **landed**: the update returned normally and its value is in the pool;
- **reported**: the update raised (with ``verify=True``, ``ChangeOverwrittenError``), so the
  loss was not silent;
- **silently lost**: the update returned normally, but another process's write undid it.

Within one process the library serializes updates of a pool, so no change is ever lost there
(``tests/test_retries.py`` shows it). Across processes there is no lock and Cognito has no
compare-and-swap; this script measures what is left. It runs against a moto server on loopback,
where a call takes about a millisecond; against AWS, whose calls take tens of milliseconds, the
window between a read and its write is wider in time but so is the spacing of writers.

    python benchmarks/race.py --processes 4 --rounds 25
"""

# ruff: noqa: INP001, T201 - a script that prints its figures, not a package

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "pools" / "31-aws-api-example-all-properties.json"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


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


def client(endpoint: str) -> Any:
    """A cognito-idp client of the moto server."""
    import boto3  # noqa: PLC0415 - in the worker process

    return boto3.client(
        "cognito-idp", endpoint_url=endpoint, region_name="us-east-1", **CREDENTIALS
    )


def worker(  # noqa: PLR0917 - multiprocessing passes arguments by position
    endpoint: str,
    pool_id: str,
    setting: str,
    rounds: int,
    verify: bool,  # noqa: FBT001
    barrier: Any,
    results: Any,
) -> None:
    """Update one setting once per round, in step with the other workers."""
    from cognito_pools import CognitoPoolsError, UserPools  # noqa: PLC0415

    pools = UserPools(client(endpoint), verify=verify)
    for round_number in range(1, rounds + 1):
        barrier.wait()
        try:
            pools.get(pool_id).update(**change(setting, round_number))
            outcome = "returned"
        except CognitoPoolsError as error:
            outcome = type(error).__name__
        results.put((round_number, setting, outcome))
        barrier.wait()  # the parent reads the pool before the next round


def race(endpoint: str, processes: int, rounds: int, *, verify: bool) -> dict[str, int]:
    """Run one race and count landed, reported and silently lost updates."""
    from cognito_pools import UserPools  # noqa: PLC0415

    kwargs = json.loads(FIXTURE.read_text(encoding="utf-8"))["create_user_pool"]
    pool_id = client(endpoint).create_user_pool(**kwargs)["UserPool"]["Id"]
    settings = SETTINGS[:processes]
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(settings) + 1)
    results = context.Queue()
    workers = [
        context.Process(
            target=worker, args=(endpoint, pool_id, s, rounds, verify, barrier, results)
        )
        for s in settings
    ]
    for process in workers:
        process.start()
    counts = {"landed": 0, "reported": 0, "silently lost": 0}
    reader = UserPools(client(endpoint))
    for _ in range(rounds):
        barrier.wait()  # start the round
        outcomes = [results.get(timeout=120) for _ in settings]
        barrier.wait()  # every worker is done
        config = reader.get(pool_id).config
        for round_number, setting, outcome in outcomes:
            if outcome != "returned":
                counts["reported"] += 1
            elif holds(config, setting, round_number):
                counts["landed"] += 1
            else:
                counts["silently lost"] += 1
    for process in workers:
        process.join(timeout=60)
    return counts


def main(argv: list[str] | None = None) -> int:
    """Run the race once without and once with the read-back, and print the counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=4, choices=range(2, len(SETTINGS) + 1))
    parser.add_argument("--rounds", type=int, default=25)
    args = parser.parse_args(argv)

    from moto.server import ThreadedMotoServer  # noqa: PLC0415

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    try:
        print(f"{args.processes} processes x {args.rounds} rounds, one setting each, one pool")
        print(f"{'mode':<22}{'updates':>8}{'landed':>8}{'reported':>10}{'silently lost':>15}")
        for label, verify in (("default (2 calls)", False), ("verify=True (3 calls)", True)):
            counts = race(endpoint, args.processes, args.rounds, verify=verify)
            total = sum(counts.values())
            lost = counts["silently lost"]
            print(
                f"{label:<22}{total:>8}{counts['landed']:>8}{counts['reported']:>10}"
                f"{lost:>8} ({lost / total:.1%})"
            )
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

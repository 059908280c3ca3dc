"""Record what ``Pool.plan`` makes of random changes on every fixture pool, for regression.

Each case is a fixture pool, a change (values, ``None`` at any depth, model instances, ``mfa``)
and what planning it gave: the plan as printed, the ``update_user_pool`` and
``set_user_pool_mfa_config`` requests, or the error's text. ``tests/test_update_corpus.py``
plans every case again and requires the same answer, so a rewrite of the update path cannot
change a request, a plan or an error message without the corpus saying so.

Run with the test requirements installed (moto, hypothesis)::

    python scripts/record_update_corpus.py    # writes tests/data/update_corpus-botocore-X.json

The answers depend on the installed botocore (an older one cannot send some settings), so each
corpus is named after the botocore it was recorded with.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import attrs  # noqa: E402
import boto3  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from moto import mock_aws  # noqa: E402


def corpus_path(botocore_version: str | None = None) -> Path:
    """The corpus recorded with this botocore (the models' own by default)."""
    import botocore  # noqa: PLC0415

    version = botocore_version or botocore.__version__
    return ROOT / "tests" / "data" / f"update_corpus-botocore-{version}.json"


CASES_PER_POOL = 60


def encode(value: Any) -> Any:
    """A change as JSON: model instances become ``{"__model__": name, ...fields}``."""
    if attrs.has(type(value)):
        fields = {
            field.name: encode(getattr(value, field.name))
            for field in attrs.fields(type(value))
            if getattr(value, field.name) is not None
        }
        return {"__model__": type(value).__name__, **fields}
    if isinstance(value, dict):
        return {key: encode(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode(item) for item in value]
    return value


def decode(value: Any) -> Any:
    """The inverse of :func:`encode`."""
    import cognito_pools.models  # noqa: PLC0415

    if isinstance(value, dict):
        fields = {key: decode(item) for key, item in value.items() if key != "__model__"}
        if "__model__" in value:
            return getattr(cognito_pools.models, value["__model__"])(**fields)
        return fields
    if isinstance(value, list):
        return [decode(item) for item in value]
    return value


def outcome(pool_kwargs: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    """Plan ``change`` on a fresh moto pool made from ``pool_kwargs``; say what came of it."""
    from cognito_pools import CognitoPoolsError, UserPools  # noqa: PLC0415

    client = boto3.client("cognito-idp", region_name="us-east-1")
    pool_id = client.create_user_pool(**pool_kwargs)["UserPool"]["Id"]
    pool = UserPools(client).get(pool_id)
    try:
        plan = pool.plan(**decode(change))
    except CognitoPoolsError as error:
        return {"error": f"{type(error).__name__}: {error}".replace(pool_id, "POOL_ID")}
    return {
        "plan": str(plan).replace(pool_id, "POOL_ID"),
        "request": _without_id(plan.request),
        "mfa_request": _without_id(plan.mfa_request),
    }


def _without_id(request: Any) -> Any:
    if request is None:
        return None
    return {key: value for key, value in request.items() if key != "UserPoolId"}


def record() -> list[dict[str, Any]]:
    """Draw changes for every fixture pool and plan each one."""
    import test_convergence  # noqa: PLC0415 - its change strategies
    from hypothesis import strategies as st  # noqa: PLC0415

    cases: list[dict[str, Any]] = []
    changes = st.one_of(test_convergence.single_changes, test_convergence.several_changes)
    for path in sorted((ROOT / "tests" / "pools").glob("*.json")):
        pool_kwargs = json.loads(path.read_text())["create_user_pool"]

        @given(change=changes)
        @settings(
            max_examples=CASES_PER_POOL,
            derandomize=True,
            database=None,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
        def draw(change: dict[str, Any], name: str, kwargs: dict[str, Any]) -> None:
            encoded = encode(change)
            cases.append({"pool": name, "change": encoded, **outcome(kwargs, encoded)})

        with mock_aws():
            draw(name=path.name, kwargs=pool_kwargs)
    return cases


if __name__ == "__main__":
    corpus = record()
    path = corpus_path()
    path.write_text(json.dumps(corpus, indent=1, sort_keys=True, default=str) + "\n")
    sys.stdout.write(f"{len(corpus)} cases written to {path.relative_to(ROOT)}\n")

"""The update path's answers, pinned: requests, plans and error messages on 1,200 recorded cases.

``tests/data/update_corpus-botocore-<version>.json`` holds random changes on every fixture pool
(values, ``None`` at any depth, model instances, several settings at once, ``mfa``) with what
``Pool.plan`` made of each: the plan as printed, the ``update_user_pool`` and
``set_user_pool_mfa_config`` requests, or the error's text. Both corpora (the models' botocore,
1.44.8, and the oldest supported, 1.42.1, which cannot send some settings) were recorded with
``scripts/record_update_corpus.py`` from the implementation that structured and unstructured the
whole pool on every update, before the merge moved to wire dictionaries; each case must still
come out exactly the same. With another botocore installed there is no corpus to compare with.
Re-record only for a change of behaviour that is meant, and say so in the commit.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from moto import mock_aws

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from record_update_corpus import corpus_path, outcome  # noqa: E402

CORPUS = corpus_path()
if not CORPUS.exists():
    pytest.skip(f"no corpus recorded with this botocore ({CORPUS.name})", allow_module_level=True)
CASES: list[dict[str, Any]] = json.loads(CORPUS.read_text())
BY_POOL: dict[str, list[dict[str, Any]]] = defaultdict(list)
for case in CASES:
    BY_POOL[case["pool"]].append(case)


def test_the_corpus_covers_every_fixture_pool_and_every_outcome() -> None:
    pools = {path.name for path in (ROOT / "tests" / "pools").glob("*.json")}
    assert set(BY_POOL) == pools
    assert sum("error" in case for case in CASES) > 100
    assert sum(case.get("request") is not None for case in CASES) > 300
    assert sum("mfa" in case["change"] for case in CASES) > 20


@pytest.mark.parametrize("pool", sorted(BY_POOL))
def test_every_recorded_change_plans_as_recorded(pool: str) -> None:
    pool_kwargs = json.loads((ROOT / "tests" / "pools" / pool).read_text())["create_user_pool"]
    differences = []
    with mock_aws():
        for case in BY_POOL[pool]:
            expected = {key: value for key, value in case.items() if key not in {"pool", "change"}}
            found = json.loads(json.dumps(outcome(pool_kwargs, case["change"]), default=str))
            if found != expected:
                differences.append((case["change"], expected, found))
    assert not differences, f"{len(differences)} cases differ; the first:\n{differences[0]!r}"

"""Count the instructions one warm update costs, library and recipe, under valgrind's cachegrind.

Wall-clock figures on a shared machine drift by several percent from minute to minute, more
than most single changes to the update path. Instruction counts do not: with the hash seed
fixed and the garbage collector paused, the same code gives the same count to a few hundred
instructions. Each flow of ``benchmarks/run.py``'s figure (1) (botocore whole, a
``before-send`` handler answering) runs in a fresh interpreter under cachegrind, once with
``--few`` and once with ``--many`` updates after the warm-up; the difference, divided by the
difference in updates, is what one update costs. Setup, imports and the warm-up cancel out.

It prints instructions (Ir) and the simulated first-level cache misses (I1, D1) per update
for each flow, and the library's share over the recipe. Use it to compare two versions of the
code; the bench's wall-clock figures stay the ones the targets are stated in.

    python benchmarks/instructions.py            # needs valgrind
    python benchmarks/instructions.py --many 400
"""
# ruff: noqa: INP001, S603, S607 - a script that runs valgrind on our own interpreter

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FLOW = """\
import gc, json, sys
sys.path.insert(0, sys.argv[3])
import run as bench
name, updates = sys.argv[1], int(sys.argv[2])
with open(sys.argv[4], "rb") as file:
    body = file.read()
pool_id = json.loads(body)["UserPool"]["Id"]
client = bench.before_send_client(body, [])
flow = (bench.library_flow if name == "library" else bench.recipe_flow)(client, pool_id)
for _ in range(30):
    flow()
gc.collect()
gc.disable()
for _ in range(updates):
    flow()
"""

EVENTS = {
    "Ir": r"I\s+refs:\s+([\d,]+)",
    "I1": r"I1\s+misses:\s+([\d,]+)",
    "D1": r"D1\s+misses:\s+([\d,]+)",
}


def counts(flow: str, updates: int, body_file: str) -> dict[str, int]:
    """Run one flow under cachegrind and return its whole-process event counts."""
    result = subprocess.run(
        [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=yes",
            "--cachegrind-out-file=/dev/null",
            sys.executable,
            "-c",
            FLOW,
            flow,
            str(updates),
            str(ROOT / "benchmarks"),
            body_file,
        ],
        capture_output=True,
        text=True,
        check=True,
        env=dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(ROOT)),
    )
    found = {}
    for event, pattern in EVENTS.items():
        match = re.search(pattern, result.stderr)
        if match is None:
            raise SystemExit(f"cachegrind printed no {event} count:\n{result.stderr}")
        found[event] = int(match.group(1).replace(",", ""))
    return found


def main() -> None:
    """Count both flows and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--few", type=int, default=50, help="updates in the shorter run")
    parser.add_argument("--many", type=int, default=250, help="updates in the longer run")
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import run as bench  # noqa: PLC0415 - the bench's own helpers, from this checkout

    say = bench.say

    name, kwargs = bench.pool_kwargs()
    with tempfile.NamedTemporaryFile(suffix=".json") as file:
        with bench.moto_server_process() as endpoint_url:  # the body the bench itself uses
            capture = bench.make_client(endpoint_url)
            pool_id = capture.create_user_pool(**kwargs)["UserPool"]["Id"]
            file.write(bench.describe_body(capture, pool_id))
        file.flush()
        per_update: dict[str, dict[str, float]] = {}
        for flow in ("recipe", "library"):
            few, many = counts(flow, options.few, file.name), counts(flow, options.many, file.name)
            per_update[flow] = {
                event: (many[event] - few[event]) / (options.many - options.few) for event in EVENTS
            }
    say(f"Pool: {name}; per warm update, botocore whole (figure 1 of benchmarks/run.py)")
    for flow, found in per_update.items():
        shown = "  ".join(f"{event} {value:10,.0f}" for event, value in found.items())
        say(f"{flow:8} {shown}")
    recipe, library = per_update["recipe"]["Ir"], per_update["library"]["Ir"]
    say(f"library / recipe, instructions: {library / recipe:.3f}x (+{library - recipe:,.0f})")


if __name__ == "__main__":
    main()

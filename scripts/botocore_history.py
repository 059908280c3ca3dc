"""Record the botocore release that first shipped each user pool member newer than our floor.

cognito_pools is generated from one botocore (the newest we develop against) but supports every
release back to a floor (``botocore>=1.42.1`` in pyproject.toml). A caller on an older botocore
can set a member that its botocore's ``cognito-idp`` model lacks; botocore would then reject the
request with a bare parameter-validation error. ``scripts/generate_models.py`` reads the table this
script writes, ``scripts/botocore_history.json``, so that the generated schema carries
``added_in`` for such members and the error can name the botocore release that is needed.

The table covers every member of every structure shape reachable from the UpdateUserPool input,
the DescribeUserPool output, the SetUserPoolMfaConfig input, the GetUserPoolMfaConfig output, the
UpdateUserPoolClient input and the DescribeUserPoolClient output in the installed (newest) botocore, keyed ``"<ShapeName>.<Member>"``, and lists only the members that
the floor lacks. For each, it binary-searches the botocore releases on PyPI between the floor and
the installed version (a member, once added, stays), reading ``service-2.json`` (or ``.json.gz``)
straight out of each wheel, which ``pip download`` fetches once into a cache directory.

To refresh it after raising the development botocore (or the floor), install that botocore and
run, from the repository root::

    python scripts/botocore_history.py [--floor 1.42.1]
    python scripts/generate_models.py
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path
from typing import Any

import botocore
import botocore.loaders
from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "scripts" / "botocore_history.json"
PYPI = "https://pypi.org/pypi/botocore/json"
DEFAULT_FLOOR = "1.42.1"
DEFAULT_CACHE = Path("/tmp/botocore-wheels")
SERVICE = "cognito-idp"
ROOTS = (
    ("UpdateUserPool", "input"),
    ("DescribeUserPool", "output"),
    ("SetUserPoolMfaConfig", "input"),
    ("GetUserPoolMfaConfig", "output"),
    ("UpdateUserPoolClient", "input"),
    ("DescribeUserPoolClient", "output"),
)

Model = dict[str, Any]
Path_ = tuple[str, str, tuple[str, ...]]
"""Where a structure sits: operation, ``input``/``output``, then member names from there."""


def release_versions(floor: Version, newest: Version) -> list[Version]:
    """List botocore releases with a wheel on PyPI from ``floor`` to ``newest``, oldest first."""
    with urllib.request.urlopen(PYPI, timeout=60) as response:
        releases: dict[str, list[dict[str, Any]]] = json.load(response)["releases"]
    found = set()
    for text, files in releases.items():
        try:
            version = Version(text)
        except InvalidVersion:
            continue
        has_wheel = any(f["packagetype"] == "bdist_wheel" and not f.get("yanked") for f in files)
        if has_wheel and not version.is_prerelease and floor <= version <= newest:
            found.add(version)
    found.add(newest)  # the installed one is read from site-packages, on PyPI or not
    if floor not in found:
        sys.exit(f"botocore {floor} has no wheel on PyPI")
    return sorted(found)


def model_from_wheel(wheel: Path) -> Model:
    """Read the newest ``cognito-idp`` service model out of a botocore wheel."""
    prefix = f"botocore/data/{SERVICE}/"
    with zipfile.ZipFile(wheel) as archive:
        names = [
            n
            for n in archive.namelist()
            if n.startswith(prefix)
            and n.rsplit("/", 1)[-1] in {"service-2.json", "service-2.json.gz"}
        ]
        if not names:
            sys.exit(f"{wheel.name} has no {SERVICE} service model")
        name = max(names)  # the newest API version; .json.gz sorts after .json of the same one
        data = archive.read(name)
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    model: Model = json.loads(data)
    return model


class Models:
    """Loads, and keeps, the ``cognito-idp`` model of each botocore release."""

    def __init__(self, cache: Path, installed: Version) -> None:
        self.cache = cache
        self.installed = installed
        self.loaded: dict[Version, Model] = {}

    def __getitem__(self, version: Version) -> Model:
        if version not in self.loaded:
            self.loaded[version] = self._load(version)
        return self.loaded[version]

    def _load(self, version: Version) -> Model:
        if version == self.installed:
            loader = botocore.loaders.Loader()
            model: Model = loader.load_service_model(SERVICE, "service-2")
            return model
        wheel = self._wheel(version)
        if wheel is None:
            print(f"  downloading botocore {version}", flush=True)
            self.cache.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "download",
                    "--quiet",
                    "--disable-pip-version-check",
                    "--no-deps",
                    "--only-binary=:all:",
                    f"botocore=={version}",
                    "-d",
                    str(self.cache),
                ],
                check=True,
            )
            wheel = self._wheel(version)
            if wheel is None:
                sys.exit(f"pip downloaded no wheel of botocore {version}")
        return model_from_wheel(wheel)

    def _wheel(self, version: Version) -> Path | None:
        return next(iter(sorted(self.cache.glob(f"botocore-{version}-*.whl"))), None)


def structures(model: Model) -> dict[str, Path_]:
    """Find every structure reachable from the roots, with the first path that reaches it."""
    shapes = model["shapes"]
    found: dict[str, Path_] = {}
    queue: list[tuple[str, Path_]] = []
    for operation, direction in ROOTS:
        queue.append(
            (model["operations"][operation][direction]["shape"], (operation, direction, ()))
        )
    while queue:
        name, path = queue.pop(0)  # breadth first: the shortest path wins
        shape = shapes[name]
        kind = shape["type"]
        if kind == "structure":
            if name in found:
                continue
            found[name] = path
            for member, ref in shape.get("members", {}).items():
                queue.append((ref["shape"], (path[0], path[1], (*path[2], member))))
        elif kind == "list":
            queue.append((shape["member"]["shape"], path))
        elif kind == "map":
            queue.append((shape["value"]["shape"], path))
    return found


def resolve(model: Model, path: Path_) -> dict[str, Any] | None:
    """Follow a path through a model to a structure shape, or None where it breaks off."""
    operation, direction, members = path
    ref = model["operations"].get(operation, {}).get(direction)
    if ref is None:
        return None
    shapes = model["shapes"]
    shape = shapes[ref["shape"]]
    for member in (*members, None):
        while shape["type"] in {"list", "map"}:
            shape = shapes[shape["member" if shape["type"] == "list" else "value"]["shape"]]
        if shape["type"] != "structure":
            return None
        if member is None:
            return shape
        if member not in shape.get("members", {}):
            return None
        shape = shapes[shape["members"][member]["shape"]]
    return None  # pragma: no cover - the loop returns


def has_member(model: Model, shape_name: str, path: Path_, member: str) -> bool:
    """Whether a model has the member, under the same shape name or at the same place."""
    named = model["shapes"].get(shape_name)
    if named is not None and member in named.get("members", {}):
        return True
    placed = resolve(model, path)
    return placed is not None and member in placed.get("members", {})


def main() -> None:
    """Compute the table and write it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--floor", default=DEFAULT_FLOOR, help="oldest supported botocore")
    parser.add_argument(
        "--cache", type=Path, default=DEFAULT_CACHE, help="where downloaded wheels are kept"
    )
    args = parser.parse_args()
    floor, newest = Version(args.floor), Version(botocore.__version__)
    if floor > newest:
        sys.exit(f"the floor {floor} is newer than the installed botocore {newest}")
    versions = release_versions(floor, newest)
    print(f"{len(versions)} botocore releases from {floor} to {newest}", flush=True)
    models = Models(args.cache, newest)
    latest = models[newest]
    members = [
        (shape_name, member, path)
        for shape_name, path in structures(latest).items()
        for member in latest["shapes"][shape_name].get("members", {})
    ]
    print(f"{len(members)} members to date", flush=True)
    added_in: dict[str, str] = {}
    for shape_name, member, path in sorted(members):
        if has_member(models[floor], shape_name, path, member):
            continue
        low, high = 0, len(versions) - 1  # absent at low, present at high
        while high - low > 1:
            middle = (low + high) // 2
            if has_member(models[versions[middle]], shape_name, path, member):
                high = middle
            else:
                low = middle
        key = f"{shape_name}.{member}"
        added_in[key] = str(versions[high])
        print(f"{key}: {versions[high]}", flush=True)
    table = {"floor": str(floor), "newest": str(newest), "added_in": added_in}
    OUTPUT.write_text(json.dumps(table, indent=2, sort_keys=True) + "\n")
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(added_in)} members newer than {floor}")


if __name__ == "__main__":
    main()

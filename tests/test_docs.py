"""The documentation's examples run, in order, against a user pool in moto.

Every ```python block of README.md and docs/*.md is executed; blocks in other languages
(``sh``, ``text``, ``yaml``, ...) are shown to readers only. The documentation site (``nox -s
docs``) is built from the same files: its directives use MyST's ``:::`` fences, which are not
code blocks, so they are neither run nor shown here. The blocks of one page share a namespace, as
a reader following the page top to bottom would, and start from a fresh pool created from AWS's
"all properties" CreateUserPool example. The namespace is pre-seeded with ``client``, ``pools``,
``pool`` and ``pool_id``, which mean what the quickstart makes them; a page defines or imports
every other name it uses (``tests/test_docs_typing.py`` has mypy check that too). The
placeholder pool id ``us-east-1_AbC123`` is replaced by the real one.

A ```text block that follows a ```python block with only blank lines between them is that
block's output: what the block prints must match it (with the real pool id shown as the
placeholder again).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path
from typing import Any, NamedTuple

import boto3
import botocore.session
import pytest
from moto import mock_aws

from cognito_pools import UserPools
from cognito_pools._schema import SHAPES

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FIXTURE = ROOT / "tests" / "pools" / "31-aws-api-example-all-properties.json"
PLACEHOLDER_ID = "us-east-1_AbC123"
RUNNABLE = "python"
OUTPUT = "text"
SHOWN_ONLY = frozenset({"sh", "console", OUTPUT, "toml", "yaml"})
MUST_HAVE_EXAMPLES = (
    "README.md",
    "docs/errors.md",
    "docs/quickstart.md",
    "docs/recipes-mfa.md",
    "docs/recipes-more.md",
    "docs/recipes.md",
    "docs/semantics.md",
    "docs/why.md",
)

NEEDS_BOTOCORE = {"docs/recipes-mfa.md": ("WebAuthnConfiguration", "FactorConfiguration")}
"""Pages whose examples send a member an older botocore cannot (its structure and wire name)."""


def _unsendable(structure: str, wire: str) -> str | None:
    """Why the installed botocore cannot send this member, or ``None`` if it can."""
    table = SHAPES[structure]
    model = botocore.session.get_session().get_service_model("cognito-idp")
    if wire in model.shape_for(table.shape).members:
        return None
    member = table.wire_member(wire)
    release = member.added_in if member is not None else None
    return f"its examples send {structure}.{wire} (botocore {release} and newer)"


FENCE = re.compile(r"^```(?P<info>[^`]*)$")
LINK = re.compile(r"\]\((?P<target>[^)#\s]*)(?:#(?P<anchor>[^)\s]*))?\)")
HEADING = re.compile(r"^#{1,6} (?P<title>.+)$")


class Block(NamedTuple):
    language: str
    first_line: int
    """The line number, in the Markdown file, of the block's first line of code."""
    code: str
    output: str | None
    """The expected output, for a python block directly followed by a text block."""


def _pages() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _blocks(path: Path) -> list[Block]:
    """Every fenced block of a page, in order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[tuple[str, int, int, str]] = []  # language, opening line, closing line, code
    opened: tuple[str, int] | None = None
    body: list[str] = []
    for number, line in enumerate(lines, start=1):
        if opened is None:
            match = FENCE.match(line)
            if match:
                opened, body = (match["info"].strip(), number), []
        elif line == "```":
            found.append((opened[0], opened[1], number, "\n".join(body) + "\n"))
            opened = None
        else:
            body.append(line)
    assert opened is None, f"{_name(path)}: the block opened on line {opened[1]} never closes"

    blocks: list[Block] = []
    for index, (language, start, end, code) in enumerate(found):
        output = None
        if language == RUNNABLE and index + 1 < len(found):
            following, next_start, _, next_code = found[index + 1]
            between = lines[end : next_start - 1]
            if following == OUTPUT and not any(line.strip() for line in between):
                output = next_code
        blocks.append(Block(language, start + 1, code, output))
    return blocks


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")


@pytest.mark.usefixtures("aws_env")
@pytest.mark.parametrize("path", _pages(), ids=_name)
def test_python_examples_run_in_order(path: Path) -> None:
    needed = NEEDS_BOTOCORE.get(_name(path))
    reason = _unsendable(*needed) if needed is not None else None
    if reason is not None:
        pytest.skip(reason)
    blocks = [block for block in _blocks(path) if block.language == RUNNABLE]
    if _name(path) in MUST_HAVE_EXAMPLES:
        assert blocks, f"{_name(path)} has no ```python examples left"
    kwargs = json.loads(FIXTURE.read_text(encoding="utf-8"))["create_user_pool"]
    with mock_aws():
        client = boto3.client("cognito-idp", region_name="us-east-1")
        pool_id = client.create_user_pool(**kwargs)["UserPool"]["Id"]
        pools = UserPools(client)
        namespace: dict[str, Any] = {
            "__name__": "__docs__",
            "client": client,
            "pools": pools,
            "pool": pools.get(pool_id),
            "pool_id": pool_id,
        }
        for block in blocks:
            source = block.code.replace(PLACEHOLDER_ID, pool_id)
            # Pad so that a traceback names the line of the Markdown file.
            compiled = compile("\n" * (block.first_line - 1) + source, str(path), "exec")
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed):
                exec(compiled, namespace)  # noqa: S102 - running our own documentation is the point
            if block.output is not None:
                shown = printed.getvalue().replace(pool_id, PLACEHOLDER_ID)
                assert shown == block.output, f"{_name(path)}:{block.first_line} prints otherwise"


@pytest.mark.parametrize("path", _pages(), ids=_name)
def test_every_block_says_its_language(path: Path) -> None:
    """An untagged or misspelled fence would silently drop an example from the run above."""
    languages = {block.language for block in _blocks(path)}
    unknown = languages - SHOWN_ONLY - {RUNNABLE}
    assert not unknown, (
        f"{_name(path)}: fence languages {sorted(unknown)} are neither run nor known"
    )


def _anchors(path: Path) -> set[str]:
    """The anchors GitHub gives a page's headings (code blocks are not headings)."""
    anchors: set[str] = set()
    in_code = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_code = not in_code
        match = None if in_code else HEADING.match(line)
        if match:
            title = re.sub(r"[^\w\- ]", "", match["title"].strip().lower())
            anchors.add(title.replace(" ", "-"))
    return anchors


@pytest.mark.parametrize("path", _pages(), ids=_name)
def test_relative_links_point_at_files_and_headings(path: Path) -> None:
    broken: list[str] = []
    for match in LINK.finditer(path.read_text(encoding="utf-8")):
        target, anchor = match["target"], match["anchor"]
        if "://" in target:
            continue
        linked = path.parent / target if target else path
        checks_heading = anchor is not None and linked.suffix == ".md"
        if not linked.exists() or (checks_heading and anchor not in _anchors(linked)):
            broken.append(match[0])
    assert not broken, f"{_name(path)} has broken links: {broken}"

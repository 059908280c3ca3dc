"""Every ```python example of README.md and docs/*.md passes ``mypy --strict``.

``tests/test_docs.py`` runs the examples against moto; this checks them as a reader's type
checker would. Each page becomes one module: its blocks in order, each on the lines it has in
the Markdown file (so mypy's line numbers are the page's), after a first line that declares
the four names a page may use without defining them, as the quickstart makes them: ``client``,
``pools``, ``pool`` and ``pool_id``. Any other name a page uses, it defines (or imports) itself.

mypy runs once, on all the pages together, with the project's configuration (``warn_unused_ignores``
included, so an example that shows a refused change on purpose carries a ``# type: ignore[...]``
that mypy agrees with).
"""

from __future__ import annotations

import re
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from test_docs import ROOT, RUNNABLE, _blocks, _name, _pages

if TYPE_CHECKING:
    from pathlib import Path

PRESEEDED = (
    "from typing import Any; import cognito_pools as _seed; "
    "client: Any; pools: _seed.UserPools; pool: _seed.Pool; pool_id: str"
)
"""The first line of every page's module: what the quickstart makes, and nothing else."""


def _module_name(page: Path) -> str:
    return re.sub(r"\W", "_", _name(page).removesuffix(".md").lower())


def _module(page: Path) -> str | None:
    """The page's examples as one module whose line numbers are the page's, or None."""
    blocks = [block for block in _blocks(page) if block.language == RUNNABLE]
    if not blocks:
        return None
    lines = [PRESEEDED]
    for block in blocks:
        assert block.first_line > len(lines), f"{_name(page)}:{block.first_line}: too early"
        lines += [""] * (block.first_line - 1 - len(lines))
        lines += block.code.splitlines()
    return "\n".join(lines) + "\n"


def test_every_python_example_passes_mypy_strict(tmp_path: Path) -> None:
    pytest.importorskip("mypy", reason="mypy is one of the test requirements (noxfile.py)")
    pages: dict[str, str] = {}
    for page in _pages():
        module = _module(page)
        if module is not None:
            name = _module_name(page)
            (tmp_path / f"{name}.py").write_text(module, encoding="utf-8")
            pages[name] = _name(page)
    assert "readme" in pages
    assert "docs_quickstart" in pages

    checked = subprocess.run(  # noqa: S603 - mypy on files we just wrote
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--strict",
            "--no-error-summary",
            "--hide-error-context",
            *sorted(str(path) for path in tmp_path.glob("*.py")),
        ],
        cwd=ROOT,  # the project's cache: the package is checked once, not on every run
        capture_output=True,
        text=True,
        check=False,
    )
    # Name each problem by its page and line, as a reader would look it up.
    problems = [
        re.sub(
            r"^.*?(\w+)\.py:(\d+):",
            lambda match: f"{pages.get(match[1], match[1])}:{match[2]}:",
            line,
        )
        for line in checked.stdout.splitlines()
        if line.strip()
    ]
    assert checked.returncode == 0, "\n".join(problems) or checked.stderr
    assert not problems

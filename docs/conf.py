"""Sphinx configuration for the cognito_pools documentation.

Why Sphinx, MyST and furo: the pages are plain Markdown that GitHub renders and that
``tests/test_docs.py`` executes block by block, so the site must build from those same files
unchanged. MyST reads them as they are; Sphinx adds what a reference site needs and MkDocs would
need plugins for: autodoc for the API reference from docstrings, cross-references checked in
nitpicky mode (``-n``), and small local extensions (``_ext/cognito_docs.py``) that generate the
settings and command-line references from the code at build time, so neither can drift. furo
is a readable theme with a dark mode and a good table layout. attrs and cattrs, whose models
this package follows, document themselves the same way.

Build it with ``nox -s docs`` (warnings are errors). Nothing here reaches the network: there is
no intersphinx, so names from the standard library, botocore and boto3 are not linked; the
``nitpick_ignore_regex`` entries below say so for exactly those namespaces.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

project = "cognito_pools"
author = "cognito_pools developers"
copyright = "the cognito_pools developers"  # noqa: A001 - the name Sphinx reads

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "cognito_docs",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "_ext"]
nitpicky = True
smartquotes = False  # "--file" must stay two hyphens, and quotes stay as typed

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 4
"""Anchors for headings up to ####, with GitHub's slugs, so ``page.md#heading`` links resolve."""

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
autodoc_class_signature = "separated"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

# There is no intersphinx (no network), so names from outside cognito_pools cannot link. Only
# those namespaces are listed, each as narrowly as the build needs; every cognito_pools name must
# resolve (cognito_docs.py resolves the short names that type hints use).
nitpick_ignore_regex = [
    # The standard library types that model fields and signatures use.
    (r"py:class", r"collections\.abc\.(Mapping|Sequence|Iterable|Iterator|Callable)"),
    (r"py:class", r"datetime\.(datetime|date|timedelta)"),
    (r"py:class", r"contextlib\.AbstractContextManager"),
    # botocore and boto3 publish no inventory we could reach; the client and session types.
    (r"py:(class|exc|obj)", r"(boto3|botocore)\..+"),
]

html_theme = "furo"
html_title = "cognito_pools"
html_static_path: list[str] = []

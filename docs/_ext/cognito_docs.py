"""Sphinx extension: the generated reference pages, and cross-references by short name.

- ``settings-reference`` renders every setting path from the schema tables;
- ``cli-reference`` renders the ``cognito-pools`` command line from its argparse parser;
- ``error-hierarchy`` draws the tree of error classes from ``cognito_pools.errors``.

Both produce MyST Markdown (see ``reference.py``), parsed in place with headings allowed, so the
generated sections get anchors and take part in the page's table of contents like written ones.

Type hints that the package only imports for type checkers reach Sphinx as bare names
(``UserPoolChange``, ``Retries``). :func:`resolve_short_names` resolves a bare or facade name
(``cognito_pools.PasswordPolicy``) to the one place where the API reference documents it, so
nitpicky mode can demand that every cognito_pools name resolves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

import reference
from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

PACKAGE = "cognito_pools"
DOCUMENTED_MODULES = (PACKAGE, f"{PACKAGE}.errors", f"{PACKAGE}.models", f"{PACKAGE}.changes")
"""Where the API reference documents objects, searched in this order for a short name."""


class _GeneratedMarkdown(SphinxDirective):
    """Parse the Markdown a generator returns as if it were written at the directive's place."""

    has_content = False
    generate: ClassVar[Callable[[], str]]

    def run(self) -> list[nodes.Node]:
        source = type(self).generate()
        container = nodes.section()  # a throwaway parent; its children are returned
        container.document = self.state.document
        self.state.nested_parse(
            StringList(source.splitlines(), source=self.env.docname),
            0,
            container,
            match_titles=True,
        )
        return list(container.children)


class SettingsReference(_GeneratedMarkdown):
    """Every member path of the generated models, from ``cognito_pools._schema``."""

    generate = staticmethod(reference.settings_markdown)


class ClientSettingsReference(_GeneratedMarkdown):
    """Every member path of the app client's models, from ``cognito_pools._schema``."""

    generate = staticmethod(reference.client_settings_markdown)


class CliReference(_GeneratedMarkdown):
    """Every command and option of ``cognito-pools``, from its argparse parser."""

    generate = staticmethod(reference.cli_markdown)


class PoolOmissions(_GeneratedMarkdown):
    """The pool's kept-when-omitted table (``cognito_pools.resources.pool.OMISSIONS``)."""

    @staticmethod
    def generate() -> str:
        """The table, as Markdown."""
        from cognito_pools.resources.pool import POOL_RESOURCE  # noqa: PLC0415

        return reference.omissions_markdown(POOL_RESOURCE)


class ClientOmissions(_GeneratedMarkdown):
    """The app client's kept-when-omitted table (``cognito_pools.client_rules.OMISSIONS``)."""

    @staticmethod
    def generate() -> str:
        """The table, as Markdown."""
        from cognito_pools.resources.app_client import APP_CLIENT  # noqa: PLC0415

        return reference.omissions_markdown(APP_CLIENT)


class ErrorHierarchy(_GeneratedMarkdown):
    """The tree of error classes, from ``cognito_pools.errors``."""

    generate = staticmethod(reference.errors_markdown)


def resolve_short_names(
    app: Sphinx, env: BuildEnvironment, node: Any, contnode: nodes.Element
) -> nodes.Element | None:
    """Resolve ``Name`` or ``cognito_pools.Name`` to where the reference documents ``Name``."""
    if node.get("refdomain") != "py":
        return None
    target: str = node["reftarget"]
    name = target.removeprefix(f"{PACKAGE}.")
    if "." in name or (name == target and node.get("py:module", "").split(".")[0] != PACKAGE):
        return None
    domain: Any = env.get_domain("py")
    for module in DOCUMENTED_MODULES:
        full = f"{module}.{name}"
        if full in domain.objects and full != target:
            refnode = node.deepcopy()
            refnode["reftarget"] = full
            return domain.resolve_xref(
                env, node["refdoc"], app.builder, node["reftype"], full, refnode, contnode
            )
    return None


PROSE_ONLY = frozenset({"attribute", "data", "property"})
"""Objects whose docstrings are plain prose here, never Google-style sections."""


def _keep_prose(app: Sphinx) -> None:
    """Keep napoleon away from attribute docstrings.

    napoleon reads the text before the first colon of an attribute's docstring as its type
    ("Seconds: the first retry waits ..."), which is prose in this project's docstrings.
    """
    from sphinx.ext.napoleon import _process_docstring  # noqa: PLC0415 - napoleon is loaded

    event = "autodoc-process-docstring"
    for listener in list(app.events.listeners.get(event, [])):
        if listener.handler is _process_docstring:
            app.disconnect(listener.id)

    def sections_only(  # noqa: PLR0917 - the event's signature
        app: Sphinx, what: str, name: str, obj: object, options: Any, lines: list[str]
    ) -> None:
        if what not in PROSE_ONLY:
            _process_docstring(app, what, name, obj, options, lines)

    app.connect(event, sections_only)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives and the resolver."""
    app.setup_extension("sphinx.ext.napoleon")
    _keep_prose(app)
    app.add_directive("settings-reference", SettingsReference)
    app.add_directive("client-settings-reference", ClientSettingsReference)
    app.add_directive("cli-reference", CliReference)
    app.add_directive("error-hierarchy", ErrorHierarchy)
    app.add_directive("pool-omissions", PoolOmissions)
    app.add_directive("client-omissions", ClientOmissions)
    app.connect("missing-reference", resolve_short_names)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

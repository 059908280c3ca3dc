"""The generated parts of the documentation, as MyST Markdown, built from the code itself.

Two pages are tables that would drift if they were written by hand:

- the settings reference, from the schema tables that ``scripts/generate_models.py`` writes
  into ``cognito_pools/_schema.py`` (the same tables the converter, the merge and the validator
  walk), with each member's prose taken from the docstrings of ``cognito_pools/models.py``;
- the command-line reference, from the argparse parser the ``cognito-pools`` command uses.

This module needs only the standard library and cognito_pools, so the tests can check what it
produces without installing Sphinx. ``cognito_docs.py`` turns its Markdown into pages.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import itertools
import os
import re
from dataclasses import dataclass
from importlib import metadata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from cognito_pools._spec import Member, Structure, Value
    from cognito_pools.resource import Omission, Resource

__all__ = [
    "SettingRow",
    "cli_markdown",
    "client_settings_markdown",
    "find_parser",
    "omissions_markdown",
    "setting_rows",
    "settings_markdown",
]

MODELS = "cognito_pools.models"
LIST_ITEM = "[]"
"""How a path steps into the items of a list, e.g. ``recovery_mechanisms[].name``."""
MAP_VALUE = "<key>"
"""How a path steps into the values of a map (as the command line does: ``user_pool_tags.team``)."""

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}<>|#!~])")

# --- the settings reference --------------------------------------------------------------------


@dataclass(frozen=True)
class SettingRow:
    """One member path of a model tree, and what it accepts."""

    path: str
    member: Member
    value: Value
    """The member's value, or for a list or map the item it holds (see ``container``)."""
    container: str | None
    """``"list"`` or ``"map"`` when the member holds several values; ``None`` otherwise."""
    owner: str
    """The model class the member belongs to."""


def _structures() -> dict[type[Any], Structure]:
    from cognito_pools._schema import STRUCTURES  # noqa: PLC0415 - loaded when a page is built

    return STRUCTURES


def setting_rows(root: type[Any], prefix: str = "") -> list[SettingRow]:
    """Every member path under the model class ``root``, depth first, in the schema's order."""
    return list(_rows(_structures()[root], prefix))


def _rows(structure: Structure, prefix: str) -> Iterator[SettingRow]:
    structures = _structures()
    for member in structure.members:
        path = f"{prefix}{member.name}"
        value, container = member.value, None
        if value.kind in {"list", "map"} and value.item is not None:
            container, value = value.kind, value.item
        yield SettingRow(path, member, value, container, structure.cls.__name__)
        if value.kind == "structure" and value.target is not None:
            step = {"list": LIST_ITEM, "map": f".{MAP_VALUE}"}.get(container or "", "")
            yield from _rows(structures[value.target], f"{path}{step}.")


def _member_docs() -> dict[tuple[str, str], str]:
    """The docstring of every model field, keyed by (class name, field name)."""
    module = importlib.import_module(MODELS)
    tree = ast.parse(inspect.getsource(module))
    docs: dict[tuple[str, str], str] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        body = node.body
        for field, following in itertools.pairwise(body):
            if (
                isinstance(field, ast.AnnAssign)
                and isinstance(field.target, ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                text = " ".join(following.value.value.split())
                docs[node.name, field.target.id] = text
    return docs


def floor_botocore() -> str:
    """The oldest botocore the installed cognito-pools declares it supports."""
    for requirement in metadata.requires("cognito-pools") or []:
        match = re.fullmatch(r"botocore\s*>=\s*([0-9.]+)", requirement.strip())
        if match:
            return match[1]
    raise LookupError("cognito-pools declares no botocore>= requirement")


def _code(text: str, *, in_table: bool = False) -> str:
    """``text`` as inline code."""
    if in_table:  # a pipe ends a table cell even inside a code span, unless escaped
        text = text.replace("|", "\\|")
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def escape(text: str) -> str:
    """``text`` with every character Markdown could read as markup escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _type(row: SettingRow) -> str:
    value = row.value
    if value.kind == "structure" and value.target is not None:
        name = value.target.__name__
        kind = f"{{py:class}}`~{MODELS}.{name}`"
    elif value.enum:
        kind = f"{{py:data}}`~{MODELS}.{value.shape}`"
    else:
        kind = value.kind
    if row.container == "list":
        return f"list of {kind}"
    if row.container == "map":
        return f"map of {kind}"
    return kind


def _bounds(value: Value, unit: str) -> str | None:
    low, high = value.minimum, value.maximum
    if low is None and high is None:
        return None
    if low is not None and high is not None:
        return f"{low} to {high}{unit}"
    return f"at least {low}{unit}" if low is not None else f"at most {high}{unit}"


def _accepts(row: SettingRow) -> str:
    parts: list[str] = []
    member_value = row.member.value
    if row.container is not None:
        counted = _bounds(member_value, " items" if row.container == "list" else " entries")
        if counted:
            parts.append(counted)
        key = member_value.key
        if row.container == "map" and key is not None:
            key_rules = _value_rules(key)
            if key_rules:
                parts.append(f"keys: {'; '.join(key_rules)}")
    item_rules = _value_rules(row.value)
    if row.container is not None and item_rules:
        each = "item" if row.container == "list" else "value"
        parts.append(f"each {each}: " + "; ".join(item_rules))
    else:
        parts += item_rules
    return "; ".join(parts)


def _value_rules(value: Value) -> list[str]:
    rules: list[str] = []
    if value.enum:
        rules.append("one of " + ", ".join(_code(choice) for choice in value.enum))
    elif value.kind == "integer":
        bounds = _bounds(value, "")
        if bounds:
            rules.append(bounds)
    elif value.kind == "string":
        bounds = _bounds(value, " characters")
        if bounds and bounds != "0 to 131072 characters":  # botocore's "any string"
            rules.append(f"length {bounds}")
        if value.pattern and value.pattern not in {"(?s).*", ".*"}:
            rules.append(f"pattern {_code(value.pattern)}")
    return rules


def _added(row: SettingRow) -> str | None:
    added_in = row.member.added_in
    return f"**added in botocore {added_in}**" if added_in else None


def _notes(row: SettingRow, docs: dict[tuple[str, str], str]) -> str:
    text = docs.get((row.owner, row.member.name), "")
    return escape(text)


def _omitted(row: SettingRow, omissions: Mapping[str, Omission]) -> str | None:
    """What the update call does when it leaves the member out, from the resource's table."""
    found = omissions.get(row.path)
    if found is None:
        return None
    said = {
        "reset": "left out, Cognito resets it",
        "kept": "left out, Cognito keeps it",
        "write-only": "never reported; left out, Cognito keeps it",
    }[found.omitted]
    if found.refused:
        return f"{said}; `None` is refused"
    if found.sends_default:
        return f"{said}; `None` sends {_code(repr(found.clears_to))}"
    return said


def _entries(rows: list[SettingRow], omissions: Mapping[str, Omission] | None = None) -> list[str]:
    """One definition-list entry per path: the path, then what it takes, then its description."""
    docs = _member_docs()
    lines: list[str] = []
    for row in rows:
        required = "**required**" if row.member.required else None
        omitted = _omitted(row, omissions) if omissions is not None else None
        facts = [required, _type(row), _accepts(row), _added(row), omitted]
        lines += [_code(row.path), ": " + " · ".join(fact for fact in facts if fact), ""]
        notes = _notes(row, docs)
        if notes:
            lines += [f"  {notes}", ""]
        if omissions is not None and row.path in omissions:
            lines += [f"  Left out of a request: {escape(omissions[row.path].source)}", ""]
    return lines


def omissions_markdown(resource: Resource) -> str:
    """The audit table of a resource: every member, what omitting it does, and the source."""
    lines = [
        "| Member | Left out of the request | `None` | Source |",
        "| --- | --- | --- | --- |",
    ]
    for row in resource.omissions:
        if row.refused:
            cleared = f"refused: {escape(row.refusal or '')}"
        elif row.sends_default:
            cleared = f"sends {_code(repr(row.clears_to), in_table=True)}"
        else:
            cleared = "left out"
        lines.append(
            f"| {_code(row.keyword or row.path, in_table=True)} | {row.omitted} | {cleared} "
            f"| {escape(row.source)} |"
        )
    return "\n".join(lines)


def settings_markdown() -> str:
    """The settings reference: one section per top-level setting, one entry per member path."""
    from cognito_pools.models import (  # noqa: PLC0415 - loaded when a page is built
        UserPoolConfig,
        UserPoolFacts,
        UserPoolMfaConfig,
    )
    from cognito_pools.resources.mfa_setup import MFA_SETUP  # noqa: PLC0415
    from cognito_pools.resources.pool import POOL_RESOURCE  # noqa: PLC0415

    mfa_rows = {f"mfa.{path}": row for path, row in MFA_SETUP.rows.items()}
    floor = floor_botocore()
    everywhere = f"in every botocore this library supports ({floor} or newer)"
    out: list[str] = [f"Entries that name no botocore release are {everywhere}.", ""]
    sections: list[tuple[str, type[Any], str, str]] = [
        ("Pool settings", UserPoolConfig, "", "config"),
        ("MFA setup", UserPoolMfaConfig, "mfa.", "mfa"),
        ("Read-only facts", UserPoolFacts, "", "facts"),
    ]
    intros = {
        "config": (
            "The keywords of {py:meth}`Pool.update <cognito_pools.Pool.update>` and "
            "{py:meth}`Pool.plan <cognito_pools.Pool.plan>`, and the fields of "
            f"{{py:class}}`~{MODELS}.UserPoolConfig` (`pool.config`)."
        ),
        "mfa": (
            "What `mfa=` takes as a mapping, and the fields of "
            f"{{py:class}}`~{MODELS}.UserPoolMfaConfig`. Plans and the command line name "
            "these settings with the `mfa.` prefix shown here."
        ),
        "facts": (
            "What DescribeUserPool reports but UpdateUserPool cannot change: the fields of "
            f"{{py:class}}`~{MODELS}.UserPoolFacts` (`pool.facts`). They are listed for "
            "completeness; no change accepts them."
        ),
    }
    for title, root, prefix, key in sections:
        out += [f"## {title}", "", intros[key], ""]
        rows = setting_rows(root, prefix)
        top_level = [row for row in rows if "." not in row.path.removeprefix(prefix)]
        if key != "config":
            out += _entries(rows, mfa_rows if key == "mfa" else None)
            continue
        for top in top_level:
            group = [
                row
                for row in rows
                if row.path == top.path or row.path.startswith((f"{top.path}.", f"{top.path}["))
            ]
            out += [f"### `{top.path}`", "", *_entries(group, POOL_RESOURCE.rows)]
    return "\n".join(out)


def client_settings_markdown() -> str:
    """The app-client settings reference: one entry per member path of the app client's models."""
    from cognito_pools.models import (  # noqa: PLC0415 - loaded when a page is built
        UserPoolClientConfig,
        UserPoolClientFacts,
    )

    floor = floor_botocore()
    everywhere = f"in every botocore this library supports ({floor} or newer)"
    keywords = (
        "The keywords of {py:meth}`AppClient.update <cognito_pools.AppClient.update>` and "
        "{py:meth}`AppClient.plan <cognito_pools.AppClient.plan>`, and the fields of "
        f"{{py:class}}`~{MODELS}.UserPoolClientConfig` (`app.config`)."
    )
    facts = (
        "What DescribeUserPoolClient reports but UpdateUserPoolClient cannot change: the fields "
        f"of {{py:class}}`~{MODELS}.UserPoolClientFacts` (`app.facts`). The client secret is "
        "never shown."
    )
    out = [f"Entries that name no botocore release are {everywhere}.", ""]
    out += ["## App client settings", "", keywords, ""]
    from cognito_pools.resources.app_client import APP_CLIENT  # noqa: PLC0415

    rows = setting_rows(UserPoolClientConfig)
    for top in (row for row in rows if "." not in row.path):
        group = [row for row in rows if row.path == top.path or row.path.startswith(f"{top.path}.")]
        out += [f"### `{top.path}`", "", *_entries(group, APP_CLIENT.rows)]
    out += ["## App client facts", "", facts, "", *_entries(setting_rows(UserPoolClientFacts))]
    return "\n".join(out)


# --- the command-line reference ----------------------------------------------------------------

PARSER_BUILDERS = (
    ("cognito_pools.cli.arguments", "build_parser"),
    ("cognito_pools.cli", "build_parser"),
    ("cognito_pools.cli", "_build_parser"),
)
"""Where the command line's parser has been built, newest layout first."""


def find_parser() -> argparse.ArgumentParser:
    """Build the ``cognito-pools`` parser with whichever function the installed package has."""
    for module_name, function_name in PARSER_BUILDERS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        builder: Callable[[], Any] | None = getattr(module, function_name, None)
        if builder is not None:
            parser = builder()
            if isinstance(parser, argparse.ArgumentParser):
                return parser
    raise LookupError(f"no argparse parser builder found among {PARSER_BUILDERS}")


def _subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, str, argparse.ArgumentParser]]:
    """(name, one-line summary, parser) of each command, in the order the help lists them."""
    found: list[tuple[str, str, argparse.ArgumentParser]] = []
    for action in parser._actions:  # noqa: SLF001 - argparse offers no public way to walk a parser
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001 - as above
            summaries = {
                choice.dest: choice.help or ""
                for choice in action._choices_actions  # noqa: SLF001 - as above
            }
            found += [(name, summaries.get(name, ""), sub) for name, sub in action.choices.items()]
    return found


def _all_subcommands(
    parser: argparse.ArgumentParser, prefix: str = ""
) -> Iterator[tuple[str, str, argparse.ArgumentParser]]:
    """:func:`_subcommands`, with the commands of a command (``client show``) after it."""
    for name, summary, sub in _subcommands(parser):
        yield f"{prefix}{name}", summary, sub
        yield from _all_subcommands(sub, f"{prefix}{name} ")


def _option_name(action: argparse.Action) -> str:
    if not action.option_strings:
        name = str(action.metavar or action.dest)
        return f"{name} ..." if action.nargs in {"*", "+"} else name
    if action.nargs == 0:
        return ", ".join(action.option_strings)
    metavar = action.metavar
    if metavar is None and action.choices is not None:
        metavar = "{" + ",".join(map(str, action.choices)) + "}"
    metavar = metavar or action.dest.upper()
    return ", ".join(f"{option} {metavar}" for option in action.option_strings)


def _visible(action: argparse.Action) -> bool:
    hidden = (argparse._SubParsersAction, argparse._HelpAction)  # noqa: SLF001 - see _subcommands
    return action.help != argparse.SUPPRESS and not isinstance(action, hidden)


def _option_rows(parser: argparse.ArgumentParser, skip: frozenset[str] = frozenset()) -> list[str]:
    """A table of the parser's arguments, leaving out options whose names are in ``skip``."""
    rows: list[str] = []
    for action in parser._actions:  # noqa: SLF001 - see _subcommands
        if not _visible(action) or skip.intersection(action.option_strings):
            continue
        details = [escape(_expand_help(action))]
        if not action.option_strings and action.nargs is None:
            details.insert(0, "required")
        if action.choices is not None and not isinstance(action.choices, dict):
            choices = (_code(str(choice), in_table=True) for choice in action.choices)
            details.append("one of " + ", ".join(choices))
        name = _code(_option_name(action), in_table=True)
        rows.append(f"| {name} | {'; '.join(d for d in details if d)} |")
    if not rows:
        return []
    return ["| Argument | Meaning |", "| --- | --- |", *rows, ""]


def _expand_help(action: argparse.Action) -> str:
    text = action.help or ""
    params = {**vars(action), "default": action.default}
    params = {key: getattr(value, "__name__", value) for key, value in params.items()}
    try:
        return text % params
    except (KeyError, TypeError, ValueError):
        return text


def _usage(parser: argparse.ArgumentParser) -> str:
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "96"  # argparse wraps to the terminal; keep the page stable
    try:
        usage = parser.format_usage().strip()
    finally:
        if previous is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = previous
    return usage.removeprefix("usage: ")


def _block(text: str, language: str = "text") -> list[str]:
    fence = "````" if "```" in text else "```"
    return [f"{fence}{language}", text.rstrip(), fence, ""]


def cli_markdown() -> str:
    """The command-line reference: the global options, then every command with its arguments."""
    parser = find_parser()
    out: list[str] = ["## Usage", "", *_block(_usage(parser))]
    if parser.description:
        out += [escape(" ".join(parser.description.split())), ""]
    out += ["### Global options", "", *_option_rows(parser)]
    if parser.epilog:
        out += _block(parser.epilog)
    shared = frozenset(
        option
        for action in parser._actions  # noqa: SLF001 - see _subcommands
        if not isinstance(action, argparse._VersionAction)  # noqa: SLF001 - as above
        for option in action.option_strings
    )
    for name, summary, sub in _all_subcommands(parser):
        out += [f"## `{name}`", ""]
        if summary:
            out += [f"{escape(summary[:1].upper() + summary[1:])}.", ""]
        out += _block(_usage(sub))
        if sub.description:
            out += [escape(" ".join(sub.description.split())), ""]
        out += _option_rows(sub, shared)
        repeated = [
            action
            for action in sub._actions  # noqa: SLF001 - see _subcommands
            if _visible(action) and shared.intersection(action.option_strings)
        ]
        if repeated:
            names = ", ".join(_code(action.option_strings[0]) for action in repeated)
            out += [f"The global options {names} are accepted here too.", ""]
        own = [part for part in _paragraphs(sub.epilog) if part not in _paragraphs(parser.epilog)]
        if own:
            out += _block("\n\n".join(own))
        if len(own) < len(_paragraphs(sub.epilog)):
            out += ["The rest of its help (exit status, ...) is the same as under Usage above.", ""]
    return "\n".join(out)


def _paragraphs(text: str | None) -> list[str]:
    """The blank-line separated parts of an epilog, so parts shown once are not repeated."""
    return [part.strip("\n") for part in (text or "").split("\n\n") if part.strip()]


# --- the error hierarchy -----------------------------------------------------------------------


def error_classes() -> list[type[BaseException]]:
    """Every exception and warning class that ``cognito_pools.errors`` exports."""
    errors = importlib.import_module("cognito_pools.errors")
    found = [getattr(errors, name) for name in errors.__all__]
    return [cls for cls in found if isinstance(cls, type) and issubclass(cls, BaseException)]


def error_tree() -> str:
    """The classes under ``CognitoPoolsError`` as an indented tree, one line per class."""
    errors = importlib.import_module("cognito_pools.errors")
    root: type[BaseException] = errors.CognitoPoolsError
    classes = [cls for cls in error_classes() if issubclass(cls, root)]
    lines: list[str] = []

    def add(cls: type[BaseException], indent: str, *, last: bool, top: bool = False) -> None:
        others = [
            base.__name__
            for base in cls.__bases__
            if not issubclass(base, root) and base is not Exception
        ]
        name = cls.__name__ + (f" (also {', '.join(others)})" if others else "")
        branch = "" if top else ("└── " if last else "├── ")
        lines.append(f"{indent}{branch}{name}")
        children = [c for c in classes if root in c.__mro__ and c.__bases__[0] is cls]
        below = indent if top else indent + ("    " if last else "│   ")
        for index, child in enumerate(children):
            add(child, below, last=index == len(children) - 1)

    add(root, "", last=True, top=True)
    return "\n".join(lines)


def errors_markdown() -> str:
    """The generated part of the errors page: the tree, as a text block."""
    return "\n".join(_block(error_tree()))

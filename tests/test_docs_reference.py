"""The generated reference pages list everything: every setting path, every command and option.

The pages are produced at build time by ``docs/_ext/reference.py`` from the schema tables and
the argparse parser. These tests walk the models and the parser independently (attrs fields and
type hints; argparse's actions) and check that nothing is missing from what the pages show.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import types
import typing
from collections.abc import Mapping
from pathlib import Path

import attrs
import pytest

import cognito_pools
from cognito_pools import Pool, changes, errors, models
from cognito_pools.errors import CognitoPoolsError, ServiceError, StalePlanError
from cognito_pools.models import UserPoolConfig, UserPoolFacts, UserPoolMfaConfig

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "docs" / "_ext"))
import reference  # found through the path set just above


def _nested(annotation: object) -> tuple[str, type | None]:
    """How a field's type holds models: ("", cls), ("[]", cls), (".<key>", cls) or ("", None)."""
    args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    origin = typing.get_origin(annotation)
    if origin in {typing.Union, types.UnionType}:
        return _nested(args[0])
    if origin is tuple:
        return reference.LIST_ITEM, args[0] if attrs.has(args[0]) else None
    if origin is Mapping:
        return f".{reference.MAP_VALUE}", args[1] if attrs.has(args[1]) else None
    return "", annotation if isinstance(annotation, type) and attrs.has(annotation) else None


def _model_paths(cls: type, prefix: str = "") -> list[str]:
    hints = typing.get_type_hints(cls)
    paths: list[str] = []
    for field in attrs.fields(cls):
        path = f"{prefix}{field.name}"
        paths.append(path)
        step, nested = _nested(hints[field.name])
        if nested is not None:
            paths += _model_paths(nested, f"{path}{step}.")
    return paths


@pytest.fixture(scope="module")
def settings_page() -> str:
    return reference.settings_markdown()


@pytest.mark.parametrize(
    ("root", "prefix"),
    [(UserPoolConfig, ""), (UserPoolMfaConfig, "mfa."), (UserPoolFacts, "")],
    ids=["config", "mfa", "facts"],
)
def test_every_member_path_of_the_models_is_in_the_settings_reference(
    settings_page: str, root: type, prefix: str
) -> None:
    paths = _model_paths(root, prefix)
    assert len(paths) > len(attrs.fields(root))  # the walk went into nested models
    missing = [path for path in paths if f"\n`{path}`\n: " not in settings_page]
    assert not missing, f"the settings reference lacks {missing}"


def _entries(page: str) -> dict[str, list[str]]:
    """Each entry of the definition lists: the path, and the lines that describe it."""
    entries: dict[str, list[str]] = {}
    lines = page.splitlines()
    current: list[str] | None = None
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        if line.startswith("`") and line.endswith("`") and following.startswith(": "):
            current = entries.setdefault(line.strip("`"), [])
        elif line.startswith("#"):
            current = None
        elif current is not None and line:
            current.append(line)
    return entries


def test_the_settings_reference_lists_each_path_once(settings_page: str) -> None:
    lines = settings_page.splitlines()
    terms = [line for line, following in itertools.pairwise(lines) if following.startswith(": ")]
    config = len(_model_paths(UserPoolConfig)) + len(_model_paths(UserPoolMfaConfig))
    assert len(set(terms[:config])) == config


def test_the_settings_reference_shows_what_each_setting_accepts(settings_page: str) -> None:
    entries = {path: " ".join(lines) for path, lines in _entries(settings_page).items()}
    minimum_length = entries["policies.password_policy.minimum_length"]
    assert "integer" in minimum_length
    assert "6 to 99" in minimum_length
    assert "`LITE`, `ESSENTIALS`, `PLUS`" in entries["user_pool_tier"]
    assert "pattern `[\\w\\s+=,.@-]+`" in entries["pool_name"]
    assert "added in botocore 1.43.19" in entries["key_configuration.key_type"]  # the schema's
    assert "added in" not in entries["deletion_protection"]
    assert f"({reference.floor_botocore()} or newer)" in settings_page
    assert "**required**" in entries["account_recovery_setting.recovery_mechanisms[].priority"]
    assert "Fewest characters" in minimum_length  # the model's docstring
    assert "mfa.software_token_mfa_configuration.enabled" in entries


def test_pool_update_points_to_the_settings_reference() -> None:
    assert "settings reference" in (Pool.update.__doc__ or "")


def _parser_words(parser: argparse.ArgumentParser) -> tuple[list[str], list[str]]:
    commands: list[str] = []
    options: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                commands.append(name)
                options += [
                    option
                    for sub_action in sub._actions
                    if sub_action.help != argparse.SUPPRESS
                    for option in sub_action.option_strings
                    if option not in {"-h", "--help"}
                ]
        elif action.help != argparse.SUPPRESS:
            options += [o for o in action.option_strings if o not in {"-h", "--help"}]
    return commands, options


def test_the_cli_reference_has_every_command_and_option() -> None:
    page = reference.cli_markdown()
    commands, options = _parser_words(reference.find_parser())
    assert {"show", "plan", "update", "demo"} <= set(commands)
    assert [c for c in commands if f"## `{c}`" not in page] == []
    missing = [o for o in options if not re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", page)]
    assert missing == []


def test_the_errors_page_explains_every_error_class() -> None:
    page = (Path(__file__).resolve().parent.parent / "docs" / "errors.md").read_text("utf-8")
    classes = reference.error_classes()
    assert len(classes) > 10
    unexplained = [cls.__name__ for cls in classes if f"\n### `{cls.__name__}`\n" not in page]
    assert unexplained == []


def test_the_error_tree_has_every_error_under_its_parent() -> None:
    tree = reference.error_tree().splitlines()
    assert tree[0] == "CognitoPoolsError"
    drawn = {line.split("── ")[-1].split(" ")[0] for line in tree}
    errors = [c for c in reference.error_classes() if issubclass(c, CognitoPoolsError)]
    assert {c.__name__ for c in errors} == drawn
    service = tree.index("├── ServiceError")
    children = [line for line in tree[service + 1 :] if line.startswith("│   ")]
    assert {line.split("── ")[-1] for line in children} == {
        c.__name__ for c in errors if c.__bases__[0] is ServiceError
    }
    assert "│   └── StalePlanError" in tree
    assert StalePlanError.__bases__[0].__name__ == "PoolChangedError"


def test_the_python_api_page_documents_every_public_name() -> None:
    page = (Path(__file__).resolve().parent.parent / "docs" / "reference.rst").read_text("utf-8")
    whole_modules = {
        module.__name__: set(module.__all__)
        for module in (errors, models, changes)
        if f".. automodule:: {module.__name__}\n   :members:" in page
    }
    assert len(whole_modules) == 3
    covered = set().union(*whole_modules.values())
    missing = [
        name
        for name in cognito_pools.__all__
        if name not in covered and f".. autoclass:: cognito_pools.{name}\n" not in page
    ]
    assert missing == []

"""Check a caller's change before anything is sent, and report every problem at once.

Two passes:

- :func:`check_change` looks at the change alone, before any call to AWS: unknown names, value
  types, enum values, ranges and lengths, patterns (ARNs among them), message placeholders, and
  members the installed botocore cannot send.
- :func:`check_merged` looks at the change merged into the pool's current settings: structures
  the change creates or edits must have their required members, and the custom senders need a
  KMS key. It only judges what the change touched, so a pool's existing oddities never block an
  unrelated edit.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from cognito_pools import rules
from cognito_pools._schema import STRUCTURES
from cognito_pools.errors import Problem
from cognito_pools.merge import get_path, touches

if TYPE_CHECKING:
    from botocore.model import Shape

    from cognito_pools._spec import Structure, Value

__all__ = ["check_change", "check_merged"]

_ARN_EXAMPLE = "the ARN form arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE"
_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "boolean": (bool,),
    "double": (int, float),
}


def check_change(
    change: Mapping[str, Any],
    cls: type[Any],
    *,
    runtime_shape: Shape | None = None,
    extra: Mapping[str, Value] | None = None,
    replaced: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Check a partial change to ``cls`` on its own.

    ``extra`` adds keywords beyond the model's members; ``replaced`` maps members the caller may
    not set directly to the keyword that stands in for them.
    """
    problems: list[Problem] = []
    replaced = replaced or {}
    for name, instead in replaced.items():
        if name in change:
            problems.append(Problem(name, f"not accepted here; use {instead}= instead"))
    accepted = {k: v for k, v in change.items() if k not in replaced}
    _check_structure(accepted, STRUCTURES[cls], "", runtime_shape, problems, extra or {},
                     hidden=frozenset(replaced))
    return problems


def _check_structure(
    change: Mapping[str, Any],
    structure: Structure,
    prefix: str,
    runtime_shape: Shape | None,
    problems: list[Problem],
    extra: Mapping[str, Value],
    hidden: frozenset[str] = frozenset(),
) -> None:
    runtime_members: Mapping[str, Shape] | None = (
        runtime_shape.members if runtime_shape is not None else None  # type: ignore[attr-defined]
    )
    for name, value in change.items():
        path = f"{prefix}{name}"
        member = structure.member(name) if isinstance(name, str) else None
        if member is None:
            if name in extra:
                _check_value(value, extra[name], path, None, problems)
                continue
            problems.append(Problem(path, _unknown_name(name, structure, extra, hidden)))
            continue
        member_shape = None
        if runtime_members is not None:
            member_shape = runtime_members.get(member.wire)
            if member_shape is None:
                problems.append(Problem(path, _not_in_botocore(member.wire, member.added_in)))
                continue
        if value is None:
            continue
        _check_value(value, member.value, path, member_shape, problems)


def _check_value(
    value: Any, spec: Value, path: str, runtime_shape: Shape | None, problems: list[Problem]
) -> None:
    if spec.kind == "structure" and spec.target is not None:
        if isinstance(value, spec.target):
            return
        if not isinstance(value, Mapping):
            problems.append(
                Problem(path, f"expected a mapping of settings or a {spec.target.__name__}, "
                        f"got {_kind(value)}")
            )
            return
        _check_structure(value, STRUCTURES[spec.target], f"{path}.", runtime_shape, problems, {})
        return
    if spec.kind == "list" and spec.item is not None:
        if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
            problems.append(Problem(path, f"expected a list, got {_kind(value)}"))
            return
        _check_size(len(value), spec, path, "items", problems)
        item_shape = getattr(runtime_shape, "member", None)
        for index, item in enumerate(value):
            _check_item(item, spec.item, f"{path}[{index}]", item_shape, problems)
        return
    if spec.kind == "map" and spec.item is not None:
        if not isinstance(value, Mapping):
            problems.append(Problem(path, f"expected a mapping, got {_kind(value)}"))
            return
        _check_size(len(value), spec, path, "entries", problems)
        item_shape = getattr(runtime_shape, "value", None)
        for key, item in value.items():
            if not isinstance(key, str):
                problems.append(Problem(f"{path}[{key!r}]", "keys must be strings"))
                continue
            _check_item(item, spec.item, f"{path}[{key!r}]", item_shape, problems)
        return
    _check_scalar(value, spec, path, problems)


def _check_item(
    item: Any, spec: Value, path: str, runtime_shape: Shape | None, problems: list[Problem]
) -> None:
    """List items and map values are whole values: structures must be complete."""
    if item is None:
        problems.append(Problem(path, "items cannot be None; leave the item out instead"))
        return
    _check_value(item, spec, path, runtime_shape, problems)
    if spec.kind == "structure" and spec.target is not None and isinstance(item, Mapping):
        problems.extend(_missing_required(item, STRUCTURES[spec.target], path))


def _check_scalar(value: Any, spec: Value, path: str, problems: list[Problem]) -> None:
    expected = _PYTHON_TYPES.get(spec.kind)
    if expected is not None:
        wrong_bool = isinstance(value, bool) and bool not in expected
        if wrong_bool or not isinstance(value, expected):
            problems.append(Problem(path, f"expected {_describe(spec)}, got {_kind(value)}"))
            return
    if spec.enum:
        if value not in spec.enum:
            allowed = ", ".join(repr(v) for v in spec.enum)
            problems.append(Problem(path, f"{value!r} is not allowed; expected one of {allowed}"))
        return
    if spec.kind in ("integer", "double"):
        if spec.minimum is not None and value < spec.minimum:
            problems.append(Problem(path, f"{value} is below the minimum of {spec.minimum}"))
        if spec.maximum is not None and value > spec.maximum:
            problems.append(Problem(path, f"{value} is above the maximum of {spec.maximum}"))
        return
    if spec.kind == "string":
        if _check_size(len(value), spec, path, "characters", problems):
            return
        required = rules.PLACEHOLDERS.get(_unindexed(path), ())
        missing = [text for text in required if text not in value]
        if missing:
            problems.append(
                Problem(path, f"the message must contain {' and '.join(missing)}; got {value!r}")
            )
        elif spec.pattern and not _pattern(spec.pattern).fullmatch(value):
            expected = _ARN_EXAMPLE if spec.pattern.startswith("arn:") else spec.pattern
            problems.append(Problem(path, f"{value!r} does not match {expected}"))
        if _unindexed(path) == rules.KMS_KEY_PATH and not re.fullmatch(rules.KMS_KEY_ARN, value):
            problems.append(
                Problem(path, f"expected a full KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID), "
                        f"got {value!r}")
            )


def _check_size(size: int, spec: Value, path: str, unit: str, problems: list[Problem]) -> bool:
    """Report a size out of range; return whether one was."""
    if spec.minimum is not None and size < spec.minimum:
        problems.append(Problem(path, f"has {size} {unit}; at least {spec.minimum} required"))
        return True
    if spec.maximum is not None and size > spec.maximum:
        problems.append(Problem(path, f"has {size} {unit}; at most {spec.maximum} allowed"))
        return True
    return False


def check_merged(old: object, new: object, change: Mapping[str, Any]) -> list[Problem]:
    """Check what the change touched, now merged into the pool's current settings."""
    problems: list[Problem] = []
    _check_required(old, new, change, "", problems)
    if any(touches(change, path) for path in (*rules.CUSTOM_SENDERS, rules.KMS_KEY_PATH)):
        senders = [path for path in rules.CUSTOM_SENDERS if get_path(new, path) is not None]
        if senders and get_path(new, rules.KMS_KEY_PATH) is None:
            problems.append(
                Problem(
                    rules.KMS_KEY_PATH,
                    f"{' and '.join(senders)} need a KMS key; set lambda_config.kms_key_id "
                    "to the full ARN of a symmetric KMS key",
                )
            )
    tags = change.get("user_pool_tags")
    if isinstance(tags, Mapping):
        problems.extend(
            Problem(f"user_pool_tags[{key!r}]", "keys starting with 'aws:' are reserved by AWS")
            for key in tags
            if isinstance(key, str) and key.lower().startswith("aws:")
        )
    return problems


def _check_required(
    old: Any, new: Any, change: Mapping[str, Any], prefix: str, problems: list[Problem]
) -> None:
    """Structures the change created or edited must still carry their required members."""
    if new is None:
        return
    structure = STRUCTURES[type(new)]
    for name, value in change.items():
        member = structure.member(name)
        if member is None or member.value.kind != "structure" or not isinstance(value, Mapping):
            continue
        new_child = getattr(new, name)
        old_child = getattr(old, name) if old is not None else None
        if new_child is None:
            continue
        target = STRUCTURES[type(new_child)]
        edited = {key for key in value if target.member(key) is not None}
        for required in (m for m in target.members if m.required):
            missing = getattr(new_child, required.name) is None
            if missing and (old_child is None or required.name in edited):
                problems.append(
                    Problem(
                        f"{prefix}{name}.{required.name}",
                        f"required by {target.cls.__name__}; set it, or clear {prefix}{name}",
                    )
                )
        _check_required(old_child, new_child, value, f"{prefix}{name}.", problems)


def _missing_required(item: Mapping[str, Any], structure: Structure, path: str) -> list[Problem]:
    return [
        Problem(f"{path}.{member.name}", f"required by {structure.cls.__name__}")
        for member in structure.members
        if member.required and item.get(member.name) is None
    ]


def _unknown_name(
    name: object, structure: Structure, extra: Mapping[str, Value], hidden: frozenset[str]
) -> str:
    names = sorted({member.name for member in structure.members} - hidden | set(extra))
    close = difflib.get_close_matches(str(name), names, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"unknown setting of {structure.cls.__name__}; {hint}expected one of {', '.join(names)}"


def _not_in_botocore(wire: str, added_in: str | None) -> str:
    import botocore  # noqa: PLC0415 - only for the message

    needed = f"botocore {added_in} or newer" if added_in else "a newer botocore"
    return (
        f"the installed botocore {botocore.__version__} cannot send {wire}; "
        f"this setting needs {needed}"
    )


def _describe(spec: Value) -> str:
    return {"string": "a string", "integer": "an integer", "boolean": "True or False"}.get(
        spec.kind, f"a {spec.kind}"
    )


def _kind(value: object) -> str:
    return f"{type(value).__name__} {value!r}" if not isinstance(value, Mapping) else "a mapping"


def _unindexed(path: str) -> str:
    return re.sub(r"\[[^\]]*\]", "", path)


@functools.cache
def _pattern(java: str) -> re.Pattern[str]:
    """Compile one of the service's patterns with Python's ``re``.

    The service writes Java regular expressions. Character classes made of Unicode categories
    (``[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]``) mean "any visible character", plus whitespace
    where ``\\s`` is listed; ``re`` has no ``\\p``, so they become the equivalent negated class.
    """

    def translate(match: re.Match[str]) -> str:
        body = match.group(1)
        if "\\p{" not in body:
            return match.group(0)
        return r"[^\x00-\x08\x0e-\x1f\x7f]" if "\\s" in body else r"[^\s\x00-\x1f\x7f]"

    return re.compile(re.sub(r"\[((?:\\.|[^\]\\])*)\]", translate, java), re.DOTALL)

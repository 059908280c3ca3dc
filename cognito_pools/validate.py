"""Check a caller's change before anything is sent, and report every problem at once.

Two passes:

- :func:`check_change` looks at the change alone, before any call to AWS: unknown names, value
  types, enum values, ranges and lengths, patterns (ARNs among them), message placeholders,
  members the installed botocore cannot send, and ``None`` for a setting that cannot be cleared.
- :func:`check_merged` looks at the change merged into the pool's current settings: structures
  the change creates or edits must have their required members, and the custom senders need a
  KMS key. It only judges what the change touched, so a pool's existing oddities never block an
  unrelated edit.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, cast

from cognito_pools import rules
from cognito_pools._redact import is_secret, shown_value
from cognito_pools._schema import STRUCTURES
from cognito_pools._spec import SCALAR_KINDS, as_mapping, as_sequence
from cognito_pools.errors import Problem

if TYPE_CHECKING:
    from cognito_pools._spec import BotocoreShape, Member, Structure, Value

__all__ = ["case_hint", "check_change", "check_merged", "check_setting_paths"]

_ARN_EXAMPLE = "arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE"
_ARN_EXAMPLES = {
    "lambda_config": "arn:aws:lambda:us-east-1:123456789012:function:my-function",
    "source_arn": "arn:aws:ses:us-east-1:123456789012:identity/example.com",
    "caller_arn": "arn:aws:iam::123456789012:role/sms-sender",
    "kms_key_arn": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
}
"""An example ARN by the setting's name, or the name of the structure it sits in."""
_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "boolean": (bool,),
    "double": (int, float),
}


def check_change(
    change: Mapping[str, Any],
    structure: Structure,
    *,
    runtime_shape: BotocoreShape | None = None,
    extra: Mapping[str, Value] | None = None,
    replaced: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Check a partial change to ``structure`` on its own.

    ``structure`` is a table of :data:`~cognito_pools._schema.SHAPES`.

    ``runtime_shape`` is the installed botocore's input shape, to refuse members it cannot send.
    ``extra`` adds keywords beyond the model's members; ``replaced`` maps members the caller may
    not set directly to the keyword that stands in for them.
    """
    replaced = replaced or {}
    checker = _ChangeChecker(extra or {}, replaced)
    accepted = change
    for name, instead in replaced.items():
        if name in change:
            checker.report(name, f"not accepted here; use {instead}= instead")
            accepted = {k: v for k, v in accepted.items() if k != name}
    checker.structure(accepted, structure, "", runtime_shape)
    return checker.problems


class _ChangeChecker:
    """Walks a change beside the schema tables, collecting every problem on the way."""

    def __init__(self, extra: Mapping[str, Value], replaced: Mapping[str, str]) -> None:
        self.extra = extra
        self.replaced = replaced
        self.problems: list[Problem] = []

    def report(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def structure(
        self,
        change: Mapping[str, Any],
        structure: Structure,
        prefix: str,
        runtime_shape: BotocoreShape | None,
    ) -> None:
        runtime_members: Mapping[str, BotocoreShape] | None = (
            runtime_shape.members if runtime_shape is not None else None
        )
        top_level = not prefix
        for name, value in change.items():
            path = f"{prefix}{name}"
            member = structure.member(name)
            if member is None and top_level and name in self.extra:
                if value is not None:  # whether it may be cleared is the omission table's to say
                    self.value(value, self.extra[name], path, None)
            elif member is None:
                self.report(path, self._unknown(name, structure, top_level=top_level))
            elif runtime_members is not None and member.wire not in runtime_members:
                self.report(path, _not_in_botocore(member.wire, member.added_in))
            elif value is not None:
                member_shape = runtime_members[member.wire] if runtime_members else None
                self.value(value, member.value, path, member_shape)

    def value(
        self, value: Any, spec: Value, path: str, runtime_shape: BotocoreShape | None
    ) -> None:
        kind = spec.kind
        if kind in SCALAR_KINDS:
            self.scalar(value, spec, path)
        elif kind == "structure" and (target := spec.structure) is not None:
            fields = as_mapping(value)
            if fields is not None:
                self.structure(fields, target, f"{path}.", runtime_shape)
            else:
                self.replacement(value, target, path)
        elif kind == "list" and spec.item is not None:
            self.items(value, spec, spec.item, path, runtime_shape)
        elif kind == "map" and spec.item is not None:
            self.entries(value, spec, spec.item, path, runtime_shape)
        else:
            self.scalar(value, spec, path)

    def items(
        self, value: Any, spec: Value, item: Value, path: str, runtime_shape: BotocoreShape | None
    ) -> None:
        entries = as_sequence(value)
        if entries is None:
            self.report(path, f"expected a list, got {_kind(value)}")
            return
        self.size(len(entries), spec, path, "items")
        item_shape = getattr(runtime_shape, "member", None)
        for index, entry in enumerate(entries):
            self.whole(entry, item, f"{path}[{index}]", item_shape)

    def entries(
        self, value: Any, spec: Value, item: Value, path: str, runtime_shape: BotocoreShape | None
    ) -> None:
        mapping = as_mapping(value)
        if mapping is None:
            self.report(path, f"expected a mapping, got {_kind(value)}")
            return
        self.size(len(mapping), spec, path, "entries")
        item_shape = getattr(runtime_shape, "value", None)
        for key, entry in mapping.items():
            where = f"{path}[{key!r}]"
            if spec.key is not None:
                self.key(key, spec.key, where)
            self.whole(entry, item, where, item_shape)

    def key(self, key: Any, spec: Value, path: str) -> None:
        found = len(self.problems)
        self.scalar(key, spec, path)
        self.problems[found:] = [Problem(p.path, f"key {p.message}") for p in self.problems[found:]]

    def replacement(self, value: Any, target: Structure, path: str) -> None:
        """Check what a change gives for a structure other than a mapping: a whole model."""
        if isinstance(value, target.cls):  # the caller holds models, so they are loaded
            self.instance(value, path)
        else:
            expected = f"a mapping of settings or a {target.name}"
            self.report(path, f"expected {expected}, got {_kind(value)}")

    def instance(self, model: object, path: str) -> None:
        """A model instance replaces a structure whole, so it must be complete to the bottom."""
        structure = STRUCTURES[type(model)]  # models are loaded: the caller passed one
        for member in structure.members:
            value = getattr(model, member.name)
            if value is None and member.required:
                self.report(f"{path}.{member.name}", f"required by {structure.name}")
            for index, inner in _structures_within(value, member.value):
                self.instance(inner, f"{path}.{member.name}{index}")

    def whole(self, item: Any, spec: Value, path: str, runtime_shape: BotocoreShape | None) -> None:
        """Check a list item or map value: a whole value, so a structure must be complete."""
        if item is None:
            self.report(path, "items cannot be None; leave the item out instead")
            return
        self.value(item, spec, path, runtime_shape)
        fields = as_mapping(item)
        structure = spec.structure
        if spec.kind == "structure" and structure is not None and fields is not None:
            # (A model instance was checked whole by ``value`` already.)
            for member in structure.members:
                if member.required and fields.get(member.name) is None:
                    self.report(f"{path}.{member.name}", f"required by {structure.name}")

    def scalar(self, value: Any, spec: Value, path: str) -> None:
        expected = _PYTHON_TYPES.get(spec.kind)
        if expected is not None:
            wrong_bool = isinstance(value, bool) and bool not in expected
            if wrong_bool or not isinstance(value, expected):
                got = type(value).__name__ if is_secret(path) else _kind(value)
                self.report(path, f"expected {_describe(spec)}, got {got}")
                return
        if spec.enum:
            if value not in spec.enum:
                allowed = ", ".join(repr(v) for v in spec.enum)
                hint = case_hint(value, spec.enum)
                self.report(path, f"{value!r} is not allowed; {hint}expected one of {allowed}")
        elif spec.kind in {"integer", "double"}:
            if spec.minimum is not None and value < spec.minimum:
                self.report(path, f"{value} is below the minimum of {spec.minimum}")
            if spec.maximum is not None and value > spec.maximum:
                self.report(path, f"{value} is above the maximum of {spec.maximum}")
        elif spec.kind == "string":
            self.text(cast("str", value), spec, path)

    def text(self, value: str, spec: Value, path: str) -> None:
        setting = _unindexed(path) if "[" in path else path
        if setting == rules.KMS_KEY_PATH and not re.fullmatch(rules.KMS_KEY_ARN, value):
            # Before the length: a short alias is wrong for being no key ARN, not for its length.
            self.report(
                path,
                f"expected a full KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID), got {value!r}",
            )
            return
        if _arn_expected(spec, value):
            self.report(
                path,
                f"expected an ARN, e.g. {_arn_example(setting)}; got {shown_value(path, value)!r}",
            )
            return
        if self.size(len(value), spec, path, "characters"):
            return
        missing = [text for text in rules.PLACEHOLDERS.get(setting, ()) if text not in value]
        if missing:
            self.report(path, f"the message must contain {' and '.join(missing)}; got {value!r}")
        elif spec.pattern and not _pattern(spec.pattern).fullmatch(value):
            self.report(path, f"{shown_value(path, value)!r} does not match {spec.pattern}")

    def size(self, size: int, spec: Value, path: str, unit: str) -> bool:
        """Report a size out of range; return whether it was."""
        if spec.minimum is not None and size < spec.minimum:
            self.report(path, f"has {_count(size, unit)}; at least {spec.minimum} required")
            return True
        if spec.maximum is not None and size > spec.maximum:
            self.report(path, f"has {_count(size, unit)}; at most {spec.maximum} allowed")
            return True
        return False

    def _unknown(self, name: str, structure: Structure, *, top_level: bool) -> str:
        names = {member.name for member in structure.members}
        if top_level:
            names = names - set(self.replaced) | set(self.extra)
        import difflib  # noqa: PLC0415 - only for a name that is wrong

        close = difflib.get_close_matches(name, names | set(self.replaced), n=1)
        suggestion = self.replaced.get(close[0], close[0]) if close else None
        hint = f"did you mean {suggestion!r}? " if suggestion else ""
        listed = ", ".join(sorted(names))
        return f"unknown setting of {structure.name}; {hint}expected one of {listed}"


def check_merged(
    new: Mapping[str, Any],
    change: Mapping[str, Any],
    structure: Structure,
    runtime_shape: BotocoreShape | None = None,
) -> list[Problem]:
    """Check what the change touched, now merged into the resource's current settings.

    ``new`` is the merged settings in wire form: the structures the change created or edited
    must carry their required members. ``runtime_shape`` is the installed botocore's input
    shape: an older one may require members that the models no longer do
    (``SmsConfiguration.SnsCallerArn`` before botocore 1.43.51).
    """
    problems: list[Problem] = []
    _check_required(new, change, structure, "", problems, runtime_shape)
    return problems


def _check_required(  # noqa: PLR0917 - a recursion's own state
    new: Mapping[str, Any] | None,
    change: Mapping[str, Any],
    structure: Structure,
    prefix: str,
    problems: list[Problem],
    runtime_shape: BotocoreShape | None,
) -> None:
    """Structures the change created or edited must still carry their required members."""
    if new is None:
        return
    runtime_members: Mapping[str, BotocoreShape] = (
        runtime_shape.members if runtime_shape is not None else {}
    )
    for name, value in change.items():
        member = structure.member(name)
        edited = as_mapping(value)
        target = member.value.structure if member is not None else None
        if member is None or target is None or edited is None:
            continue
        new_child: Mapping[str, Any] | None = new.get(member.wire)
        child_shape = runtime_members.get(member.wire)
        if new_child is None or not _may_require(target, child_shape):
            continue
        # The change edits this structure, so it must leave it complete; a structure the change
        # does not touch is never judged here.
        problems.extend(
            Problem(
                f"{prefix}{name}.{required.name}",
                f"required by {target.name}{_by_whom(required.required)}; set it, or "
                f"clear {prefix}{name}",
            )
            for required in _required_members(target, child_shape)
            if new_child.get(required.wire) is None
        )
        _check_required(new_child, edited, target, f"{prefix}{name}.", problems, child_shape)


@functools.lru_cache(maxsize=256)
def _may_require(structure: Structure, runtime_shape: BotocoreShape | None) -> bool:
    """Whether ``structure`` or a structure inside it has a member that must be set."""
    if _required_members(structure, runtime_shape):
        return True
    members: Mapping[str, BotocoreShape] = getattr(runtime_shape, "members", {})
    return any(
        _may_require(member.value.structure, members.get(member.wire))
        for member in structure.members
        if member.value.kind == "structure" and member.value.structure is not None
    )


@functools.lru_cache(maxsize=256)
def _required_members(structure: Structure, runtime_shape: BotocoreShape | None) -> list[Member]:
    """The members of ``structure`` that the models or the installed botocore require."""
    needed = frozenset[str](getattr(runtime_shape, "required_members", ()))
    return [member for member in structure.members if member.required or member.wire in needed]


def _by_whom(in_the_models: bool) -> str:  # noqa: FBT001 - a flag read from the table
    if in_the_models:
        return ""
    import botocore  # noqa: PLC0415 - only for the message

    return f" in the installed botocore {botocore.__version__}"


def check_setting_paths(paths: Iterable[str], table: Structure, keyword: str) -> list[Problem]:
    """Check that each of ``paths`` names a setting of ``table`` (``accept_reset``, say)."""
    problems: list[Problem] = []
    if isinstance(paths, str):  # one path where a collection of them was meant
        return [Problem(keyword, f"expected a collection of setting paths, got {paths!r}")]
    for path in paths:
        structure: Structure | None = table
        for name in str(path).split("."):
            member = structure.member(name) if structure is not None else None
            if member is None:
                problems.append(Problem(keyword, f"{path!r} is not a setting path of {table.name}"))
                break
            structure = member.value.structure
    return problems


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


def _count(size: int, unit: str) -> str:
    """``1 character``, ``3 characters``: ``unit`` is a plural."""
    singular = {"characters": "character", "items": "item", "entries": "entry"}
    return f"{size} {singular.get(unit, unit) if size == 1 else unit}"


def case_hint(value: object, allowed: Iterable[str]) -> str:
    """``did you mean 'ON'? `` when ``value`` is an allowed value in another case; else ``""``."""
    if not isinstance(value, str):
        return ""
    same = next((each for each in allowed if each.casefold() == value.casefold()), None)
    return f"did you mean {same!r}? " if same is not None else ""


def _arn_expected(spec: Value, value: str) -> bool:
    """Whether ``value`` is given where an ARN belongs and is no ARN."""
    pattern = spec.pattern
    return (
        pattern is not None
        and pattern.startswith("arn:")
        and not _pattern(pattern).fullmatch(value)
    )


def _arn_example(path: str) -> str:
    parts = _unindexed(path).split(".")
    for name in reversed(parts):
        if name in _ARN_EXAMPLES:
            return _ARN_EXAMPLES[name]
    if "lambda_config" in parts:
        return _ARN_EXAMPLES["lambda_config"]
    return _ARN_EXAMPLE


def _unindexed(path: str) -> str:
    return re.sub(r"\[[^\]]*\]", "", path)


@functools.cache
def _pattern(java: str) -> re.Pattern[str]:
    r"""Compile one of the service's patterns with Python's ``re``, keeping Java's meaning.

    The service writes Java regular expressions: ``.`` stops at line ends unless ``(?s)`` says
    otherwise, and ``\w`` and ``\s`` are ASCII-only, so they compile with ``re.ASCII`` and
    without ``re.DOTALL``. Character classes made of Unicode categories
    (``[\p{L}\p{M}\p{S}\p{N}\p{P}]``) mean "any visible character"; ``re`` has no ``\p``,
    so they become the matching negated class, which admits whitespace where ``\s`` is listed.
    """

    def translate(match: re.Match[str]) -> str:
        body = match.group(1)
        if "\\p{" not in body:
            return match.group(0)
        return r"[^\x00-\x08\x0e-\x1f\x7f]" if "\\s" in body else r"[^\x00-\x20\x7f]"

    return re.compile(re.sub(r"\[((?:\\.|[^\]\\])*)\]", translate, java), re.ASCII)


def _structures_within(value: Any, spec: Value) -> list[tuple[str, Any]]:
    """The model instances inside a value, each with its index suffix for the path."""
    if value is None:
        return []
    if spec.kind == "structure":
        return [("", value)]
    if spec.item is None or spec.item.kind != "structure":
        return []
    if spec.kind == "list":
        return [(f"[{index}]", item) for index, item in enumerate(value)]
    return [(f"[{key!r}]", item) for key, item in value.items()]
